/// The lowest score (likelihood × consequence, 1–N²) of each risk level above låg.
/// Defaults on the 1–4 scale: medel from 4, hög from 8, mycket hög from 12; on the 1–5
/// scale (`risk_scale: 5`): 5, 10 and 15. `config.rec` may set `level_medium`,
/// `level_high` and `level_very_high`.
public struct RiskThresholds: Sendable, Hashable, Codable {
    public var medium = 4
    public var high = 8
    public var veryHigh = 12
    /// The highest value of likelihood and consequence (`risk_scale`).
    public var scale = Risk.defaultScale

    public init() {}

    /// The defaults of a scale.
    public init(scale: Int) {
        self.scale = scale
        if scale == 5 { (medium, high, veryHigh) = (5, 10, 15) }
    }

    /// The highest score: scale × scale.
    public var maxScore: Int { scale * scale }

    public func level(_ score: Int) -> RiskLevel {
        score >= veryHigh ? .veryHigh : score >= high ? .high : score >= medium ? .medium : .low
    }

    /// "låg 1–3, medel 4–7, …" for legends.
    public func legend(_ lang: Lang) -> String {
        func span(_ a: Int, _ b: Int) -> String { a == b ? "\(a)" : "\(a)–\(b)" }
        return [RiskLevel.low.word(lang) + " " + span(1, medium - 1), RiskLevel.medium.word(lang) + " " + span(medium, high - 1),
                RiskLevel.high.word(lang) + " " + span(high, veryHigh - 1), RiskLevel.veryHigh.word(lang) + " " + span(veryHigh, maxScore)]
            .joined(separator: ", ")
    }
}

extension DataSet {
    /// The thresholds from `config.rec`, or the defaults of its `risk_scale`.
    public var riskThresholds: RiskThresholds {
        let defaults = RiskThresholds(scale: config.riskScale)
        var t = defaults
        guard let r = configFile?.document.records.first else { return t }
        if let v = r.value("level_medium").flatMap({ Int($0) }) { t.medium = v }
        if let v = r.value("level_high").flatMap({ Int($0) }) { t.high = v }
        if let v = r.value("level_very_high").flatMap({ Int($0) }) { t.veryHigh = v }
        guard 1 < t.medium, t.medium < t.high, t.high < t.veryHigh, t.veryHigh <= t.maxScore else { return defaults }
        return t
    }

    /// The level of a risk under this data set's thresholds.
    public func level(of risk: Risk) -> RiskLevel? { risk.score.map(riskThresholds.level) }
    /// The level of the risk left after the actions (`Risk.residualScore`).
    public func residualLevel(of risk: Risk) -> RiskLevel? { risk.residualScore.map(riskThresholds.level) }
}
