/// Every record has the fields its kind requires (bold in the brief), with a value.
/// Severity: error.
public struct MandatoryFieldCheck: RecordCheck {
    public var id: String { "mandatory" }
    public var title: Message { Message(sv: "Fält saknas", en: "Field missing") }
    public init() {}

    /// Not a record with every required key, each key once with its value on its line.
    public func mayFlag(_ codes: FieldCodes, _ kind: Kind) -> Bool {
        let required = kind.requiredCodes
        return codes.present & required != required || codes.unusual
    }

    public func check(_ r: Record, _ i: Int, _ site: RecordSite, into out: inout [Diagnostic]) {
        let kind = site.kind
        // One pass over the fields, in place: which required keys' first field has a value
        // (a lookup of each required key was a pass each). No string is made to ask.
        let required = kind.requiredCodes, fields = r.fields
        var seen: UInt64 = 0, valued: UInt64 = 0
        for j in fields.indices {
            let code = fields.code(at: j)
            guard code < 64 else { continue }
            let bit: UInt64 = 1 << UInt64(code)
            guard required & bit != 0, seen & bit == 0 else { continue }
            seen |= bit
            if !fields.isEmpty(at: j) { valued |= bit }
        }
        guard valued != required else { return }
        for required in kind.required where valued & 1 << UInt64(required.rawValue) == 0 {
            let key = required.key, recordID = r.value(.id)
            let name = recordID ?? kind.word(.sv)
            let nameEn = recordID ?? kind.word(.en)
            out.append(Diagnostic(.error, id, site.data, RecordRef(kind: kind, index: i), field: required,
                                  sv: Text.sv(name, key), en: Text.en(nameEn, key)))
        }
    }

    private enum Text {
        static func sv(_ id: String, _ key: String) -> String { "\(id) saknar fältet '\(key)', som är obligatoriskt; lägg till raden '\(key): …'" }
        static func en(_ id: String, _ key: String) -> String { "\(id) lacks the required field '\(key)'; add a line '\(key): …'" }
    }
}
