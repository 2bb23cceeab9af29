/// A risk's `likelihood` and `consequence` (and their residual values) are whole
/// numbers on the scale (`Risk.scale`: 1 to 4, or 1 to 5 with `risk_scale: 5` in config.rec).
/// Severity: error.
public struct ScoreCheck: FieldCheck {
    public var id: String { "score" }
    public var title: Message { Message(sv: "Ogiltig poäng", en: "Invalid score") }
    public init() {}

    public var types: [FieldSpec.ValueType] { [.score] }

    public func flags(_ f: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool {
        guard let n = Int(f.value) else { return true }
        return !Risk.scale(site.data.config.riskScale).contains(n)
    }

    public func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let scale = Risk.scale(data.config.riskScale)
        for flag in flagged {
            let ref = flag.ref, f = flag.field
            let rid = Diagnostic.name(data, ref)
            // A value of a larger scale the folder could switch to: say how.
            let larger = Int(f.value).flatMap { n in Risk.scales.first { $0 > scale.upperBound && Risk.scale($0).contains(n) } }
            let sv = larger.map { "; för skalan 1–\($0), skriv risk_scale: \($0) i config.rec" } ?? ""
            let en = larger.map { "; for the 1–\($0) scale, set risk_scale: \($0) in config.rec" } ?? ""
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): \(f.key) '\(f.value)' ska vara en siffra från \(scale.lowerBound) till \(scale.upperBound)" + sv,
                                  en: "\(rid): \(f.key) '\(f.value)' must be a number from \(scale.lowerBound) to \(scale.upperBound)" + en))
        }
        return out
    }
}
