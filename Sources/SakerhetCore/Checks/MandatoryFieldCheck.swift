/// Every record has the fields its kind requires (bold in the brief), with a value.
/// Severity: error.
public struct MandatoryFieldCheck: RecordCheck {
    public var id: String { "mandatory" }
    public var title: Message { Message(sv: "Fält saknas", en: "Field missing") }
    public init() {}

    public func check(_ r: Record, _ i: Int, _ site: RecordSite, into out: inout [Diagnostic]) {
        let kind = site.kind
        for required in kind.required where r.field(required)?.isEmpty ?? true {  // no string made to ask
            let key = required.key, recordID = r.value(.id)
            let name = recordID ?? kind.word(.sv)
            let nameEn = recordID ?? kind.word(.en)
            out.append(Diagnostic(.error, id, site.data, RecordRef(kind: kind, index: i), field: key,
                                  sv: Text.sv(name, key), en: Text.en(nameEn, key)))
        }
    }

    private enum Text {
        static func sv(_ id: String, _ key: String) -> String { "\(id) saknar fältet '\(key)', som är obligatoriskt; lägg till raden '\(key): …'" }
        static func en(_ id: String, _ key: String) -> String { "\(id) lacks the required field '\(key)'; add a line '\(key): …'" }
    }
}
