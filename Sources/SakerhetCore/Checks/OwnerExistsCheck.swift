/// Every `owner` names an owner in owners.rec, by id. Severity: error, with the closest
/// id, or the id of an owner whose name was written instead.
public struct OwnerExistsCheck: Check {
    public var id: String { "owner" }
    public var title: Message { Message(sv: "Okänd ansvarig", en: "Unknown owner") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let known = data.idIndex(of: .owner)
        // Made once, when a value is first unknown: the owners by name, and their ids for
        // "did you mean".
        var byName: [String: String]?
        var suggest: Suggester?
        // An owner's `parent` is ReferenceCheck's: passed over by its spec, unread.
        data.forEachField(ofType: [.ref(.owner)], where: { $0.key == .owner }) { ref, f, _ in
            // Looked up by the value's bytes; its string is made only for a message.
            guard !known.contains(f) else { return }
            let value = f.value
            if byName == nil {
                var names: [String: String] = [:]
                for o in data.owners where names[o.name.lowercased()] == nil { names[o.name.lowercased()] = o.id }
                byName = names
                suggest = Suggester(data.owners.map(\.id))
            }
            let named = byName![value.lowercased()]
            let hint: (sv: String, en: String) = named.map { (" (menade du '\($0)'?)", " (did you mean '\($0)'?)") } ?? suggest!.hint(value)
            let rid = Diagnostic.name(data, ref)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): ansvarig '\(value)' finns inte i \(data.path(.owner))\(hint.sv); använd ett id därifrån eller lägg till ägaren",
                                  en: "\(rid): owner '\(value)' is not in \(data.path(.owner))\(hint.en); use an id from there or add the owner"))
        }
        return out
    }
}
