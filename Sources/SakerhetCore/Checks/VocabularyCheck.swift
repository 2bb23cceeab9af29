/// The remaining closed vocabularies: `classification` (öppen, intern, sekretess), an
/// owner's `kind`, a goal's `level`, `every` (månad … år) and a finding's `year`. Severity: error; an
/// English alias (`open`, `monthly`) is read, with a warning to store the Swedish word,
/// which the recutils descriptors require.
public struct VocabularyCheck: FieldCheck {
    public var id: String { "vocabulary" }
    public var title: Message { Message(sv: "Okänt ord", en: "Unknown word") }
    public init() {}

    public var types: [FieldSpec.ValueType] { [.classification, .ownerKind, .recurrence, .year, .goalLevel] }

    public func flags(_ f: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool {
        let v = f.value
        return Self.canonical(v, spec.type) != v
    }

    public func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for flag in flagged {
            let ref = flag.ref, f = flag.field
            let v = f.value
            let canonical = Self.canonical(v, flag.spec.type)
            let words = Self.words(flag.spec.type)
            let rid = Diagnostic.name(data, ref)
            if let c = canonical {
                out.append(Diagnostic(.warning, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): \(f.key) '\(v)' lagras på svenska; skriv '\(c)'",
                                      en: "\(rid): \(f.key) '\(v)' is stored in Swedish; write '\(c)'"))
                continue
            }
            let hint = Suggest.hint(v, words)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): \(f.key) '\(v)' är inget tillåtet värde\(hint.sv); tillåtna: \(words.joined(separator: ", "))",
                                  en: "\(rid): \(f.key) '\(v)' is not an allowed value\(hint.en); allowed: \(words.joined(separator: ", "))"))
        }
        return out
    }

    /// The stored word `v` is read as, nil when it is none; a stored word is itself.
    private static func canonical(_ v: String, _ type: FieldSpec.ValueType) -> String? {
        switch type {
        case .classification: return Classification(parsing: v)?.rawValue
        case .ownerKind: return OwnerKind(rawValue: v)?.rawValue
        case .goalLevel: return GoalLevel(rawValue: v.lowercased())?.rawValue
        case .recurrence: return Recurrence(parsing: v)?.rawValue
        default: return v.utf8.count == 4 && Int(v) != nil ? v : nil
        }
    }

    /// The words allowed for `type`.
    private static func words(_ type: FieldSpec.ValueType) -> [String] {
        switch type {
        case .classification: return Classification.allCases.map(\.rawValue)
        case .ownerKind: return OwnerKind.allCases.map(\.rawValue)
        case .goalLevel: return GoalLevel.allCases.map(\.rawValue)
        case .recurrence: return Recurrence.allCases.map(\.rawValue)
        default: return ["ÅÅÅÅ"]
        }
    }
}
