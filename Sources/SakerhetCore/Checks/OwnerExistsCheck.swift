/// Every `owner` names an owner in owners.rec, by id. Severity: error, with the closest
/// id, or the id of an owner whose name was written instead.
public struct OwnerExistsCheck: FieldCheck {
    public var id: String { "owner" }
    public var title: Message { Message(sv: "Okänd ansvarig", en: "Unknown owner") }
    public init() {}

    public var types: [FieldSpec.ValueType] { [.ref(.owner)] }

    /// An owner's `parent` is ReferenceCheck's: passed over by its spec, unread.
    public func reads(_ spec: FieldSpec) -> Bool { spec.key == .owner }

    /// Looked up by the value's bytes; its string is made only for a message.
    public func flags(_ f: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool {
        !site.has(.owner, idOf: f)
    }

    public func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Made once: the owners by name, and their ids for "did you mean".
        var byName: [String: String] = [:]
        for o in data.owners where byName[o.name.lowercased()] == nil { byName[o.name.lowercased()] = o.id }
        var suggest = Suggester(data.owners.map(\.id))
        for flag in flagged {
            let ref = flag.ref, f = flag.field
            let value = f.value
            let named = byName[value.lowercased()]
            let hint: (sv: String, en: String) = named.map { (" (menade du '\($0)'?)", " (did you mean '\($0)'?)") } ?? suggest.hint(value)
            let rid = Diagnostic.name(data, ref)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): ansvarig '\(value)' finns inte i \(data.path(.owner))\(hint.sv); använd ett id därifrån eller lägg till ägaren",
                                  en: "\(rid): owner '\(value)' is not in \(data.path(.owner))\(hint.en); use an id from there or add the owner"))
        }
        return out
    }
}
