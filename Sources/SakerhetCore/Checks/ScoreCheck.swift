/// A risk's `likelihood` and `consequence` (and their residual values) are whole
/// numbers on the scale (`Risk.scale`, 1 to 4). Severity: error.
public struct ScoreCheck: Check {
    public let id = "score"
    public let title = Message(sv: "Ogiltig poäng", en: "Invalid score")
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        data.forEachField(ofType: [.score]) { ref, f, _ in
            if let n = Int(f.value), Risk.scale.contains(n) { return }
            let rid = Diagnostic.name(data, ref)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): \(f.key) '\(f.value)' ska vara en siffra från \(Risk.scale.lowerBound) till \(Risk.scale.upperBound)",
                                  en: "\(rid): \(f.key) '\(f.value)' must be a number from \(Risk.scale.lowerBound) to \(Risk.scale.upperBound)"))
        }
        return out
    }
}
