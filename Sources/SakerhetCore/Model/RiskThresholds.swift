/// The lowest score (likelihood × consequence, 1–16) of each risk level above låg.
/// Defaults: medel from 4, hög from 8, mycket hög from 12; `config.rec` may set
/// `level_medium`, `level_high` and `level_very_high`.
public struct RiskThresholds: Sendable, Hashable, Codable {
    public var medium = 4
    public var high = 8
    public var veryHigh = 12

    public init() {}

    public func level(_ score: Int) -> RiskLevel {
        score >= veryHigh ? .veryHigh : score >= high ? .high : score >= medium ? .medium : .low
    }

    /// "låg 1–3, medel 4–7, …" for legends.
    public func legend(_ lang: Lang) -> String {
        func span(_ a: Int, _ b: Int) -> String { a == b ? "\(a)" : "\(a)–\(b)" }
        return [RiskLevel.low.word(lang) + " " + span(1, medium - 1), RiskLevel.medium.word(lang) + " " + span(medium, high - 1),
                RiskLevel.high.word(lang) + " " + span(high, veryHigh - 1), RiskLevel.veryHigh.word(lang) + " " + span(veryHigh, 16)]
            .joined(separator: ", ")
    }
}

extension DataSet {
    /// The thresholds from `config.rec`, or the defaults.
    public var riskThresholds: RiskThresholds {
        var t = RiskThresholds()
        guard let r = configFile?.document.records.first else { return t }
        if let v = r.value("level_medium").flatMap({ Int($0) }) { t.medium = v }
        if let v = r.value("level_high").flatMap({ Int($0) }) { t.high = v }
        if let v = r.value("level_very_high").flatMap({ Int($0) }) { t.veryHigh = v }
        guard 1 < t.medium, t.medium < t.high, t.high < t.veryHigh, t.veryHigh <= 16 else { return RiskThresholds() }
        return t
    }

    /// The level of a risk under this data set's thresholds.
    public func level(of risk: Risk) -> RiskLevel? { risk.score.map(riskThresholds.level) }
}
