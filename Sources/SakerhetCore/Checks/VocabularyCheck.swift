/// The remaining closed vocabularies: `classification` (öppen, intern, sekretess), an
/// owner's `kind`, `every` (månad … år) and a finding's `year`. Severity: error.
public struct VocabularyCheck: Check {
    public let id = "vocabulary"
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        data.forEachField(ofType: [.classification, .ownerKind, .recurrence, .year]) { ref, f, spec in
            let v = f.value
            let words: [String]
            let ok: Bool
            switch spec.type {
            case .classification: words = Classification.allCases.map(\.rawValue); ok = Classification(parsing: v) != nil
            case .ownerKind: words = OwnerKind.allCases.map(\.rawValue); ok = OwnerKind(rawValue: v) != nil
            case .recurrence: words = Recurrence.allCases.map(\.rawValue); ok = Recurrence(parsing: v) != nil
            default: words = ["ÅÅÅÅ"]; ok = v.utf8.count == 4 && Int(v) != nil
            }
            guard !ok else { return }
            let rid = data.record(ref).value("id") ?? "?"
            let hint = Suggest.hint(v, words)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): \(f.key) '\(v)' är inget tillåtet värde\(hint.sv); tillåtna: \(words.joined(separator: ", "))",
                                  en: "\(rid): \(f.key) '\(v)' is not an allowed value\(hint.en); allowed: \(words.joined(separator: ", "))"))
        }
        return out
    }
}
