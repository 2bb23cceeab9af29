/// Every record has the fields its kind requires (bold in the brief), with a value.
/// Severity: error.
public struct MandatoryFieldCheck: Check {
    public let id = "mandatory"
    public let title = Message(sv: "Fält saknas", en: "Field missing")
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for kind in Kind.allCases {
            guard let file = data.files[kind] else { continue }
            let required = kind.fields.filter(\.required).map(\.name)
            for (i, r) in file.document.records.enumerated() {
                for key in required where (r.value(key) ?? "").isEmpty {
                    let name = r.value("id") ?? kind.word(.sv)
                    let nameEn = r.value("id") ?? kind.word(.en)
                    out.append(Diagnostic(.error, id, data, RecordRef(kind: kind, index: i), field: key,
                                          sv: Text.sv(name, key), en: Text.en(nameEn, key)))
                }
            }
        }
        return out
    }

    private enum Text {
        static func sv(_ id: String, _ key: String) -> String { "\(id) saknar fältet '\(key)', som är obligatoriskt; lägg till raden '\(key): …'" }
        static func en(_ id: String, _ key: String) -> String { "\(id) lacks the required field '\(key)'; add a line '\(key): …'" }
    }
}
