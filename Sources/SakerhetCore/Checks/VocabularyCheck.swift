/// The remaining closed vocabularies: `classification` (öppen, intern, sekretess), an
/// owner's `kind`, a goal's `level`, `every` (månad … år) and a finding's `year`. Severity: error; an
/// English alias (`open`, `monthly`) is read, with a warning to store the Swedish word,
/// which the recutils descriptors require.
public struct VocabularyCheck: Check {
    public var id: String { "vocabulary" }
    public var title: Message { Message(sv: "Okänt ord", en: "Unknown word") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        data.forEachField(ofType: [.classification, .ownerKind, .recurrence, .year, .goalLevel]) { ref, f, spec in
            let v = f.value
            let words: [String]
            let canonical: String?
            switch spec.type {
            case .classification: words = Classification.allCases.map(\.rawValue); canonical = Classification(parsing: v)?.rawValue
            case .ownerKind: words = OwnerKind.allCases.map(\.rawValue); canonical = OwnerKind(rawValue: v)?.rawValue
            case .goalLevel: words = GoalLevel.allCases.map(\.rawValue); canonical = GoalLevel(rawValue: v.lowercased())?.rawValue
            case .recurrence: words = Recurrence.allCases.map(\.rawValue); canonical = Recurrence(parsing: v)?.rawValue
            default: words = ["ÅÅÅÅ"]; canonical = v.utf8.count == 4 && Int(v) != nil ? v : nil
            }
            if canonical == v { return }
            let rid = Diagnostic.name(data, ref)
            if let c = canonical {
                out.append(Diagnostic(.warning, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): \(f.key) '\(v)' lagras på svenska; skriv '\(c)'",
                                      en: "\(rid): \(f.key) '\(v)' is stored in Swedish; write '\(c)'"))
                return
            }
            let hint = Suggest.hint(v, words)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): \(f.key) '\(v)' är inget tillåtet värde\(hint.sv); tillåtna: \(words.joined(separator: ", "))",
                                  en: "\(rid): \(f.key) '\(v)' is not an allowed value\(hint.en); allowed: \(words.joined(separator: ", "))"))
        }
        return out
    }
}
