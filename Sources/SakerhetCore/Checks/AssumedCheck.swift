/// `assumed` names fields of its own record whose values no source gives
/// (docs/format.md, "Assumed values"). A name that is not a field of the kind, or a
/// field the record does not have, marks nothing and is probably a typo.
/// Severity: warning, with the closest name.
public struct AssumedCheck: RecordCheck {
    public var id: String { "assumed" }
    public var title: Message { Message(sv: "Antaget värde", en: "Assumed value") }
    public init() {}

    public var kinds: [Kind] { [.goal, .activity, .risk, .finding] }

    /// A record with an `assumed` field.
    public func mayFlag(_ codes: FieldCodes, _ kind: Kind) -> Bool { codes.has(.assumed) }

    public func check(_ r: Record, _ i: Int, _ site: RecordSite, into out: inout [Diagnostic]) {
        let kind = site.kind
        let assumed = UInt8(FieldKey.assumed.rawValue)
        for f in r.fields where f.code == assumed {
            let ref = RecordRef(kind: kind, index: i)
            let rid = r.value(.id) ?? "?"
            for name in Assumed.names(f.value) {
                if kind.spec(name) == nil || name == "assumed" || name == "id" {
                    let hint = Suggest.hint(name, kind.fieldOrder.filter { $0 != "assumed" && $0 != "id" })
                    out.append(Diagnostic(.warning, id, site.data, ref, at: f,
                                          sv: Text.unknownSV(rid, name, kind, hint.sv), en: Text.unknownEN(rid, name, kind, hint.en)))
                } else if r.field(name) == nil {
                    out.append(Diagnostic(.warning, id, site.data, ref, at: f,
                                          sv: Text.absentSV(rid, name), en: Text.absentEN(rid, name)))
                }
            }
        }
    }

    private enum Text {
        static func unknownSV(_ id: String, _ name: String, _ kind: Kind, _ hint: String) -> String {
            "\(id): assumed nämner '\(name)'\(hint), som inte är ett fält för \(kind.word(.sv)); skriv fältens namn, t.ex. 'assumed: status, done'"
        }
        static func unknownEN(_ id: String, _ name: String, _ kind: Kind, _ hint: String) -> String {
            "\(id): assumed names '\(name)'\(hint), which is not a field of \(kind.word(.en)); write field names, e.g. 'assumed: status, done'"
        }
        static func absentSV(_ id: String, _ name: String) -> String {
            "\(id): assumed nämner '\(name)', men posten har inget sådant fält; ta bort namnet eller lägg till fältet"
        }
        static func absentEN(_ id: String, _ name: String) -> String {
            "\(id): assumed names '\(name)', but the record has no such field; remove the name or add the field"
        }
    }
}
