/// Every `owner` names an owner in owners.rec, by id. Severity: error, with the closest
/// id, or the id of an owner whose name was written instead.
public struct OwnerExistsCheck: Check {
    public let id = "owner"
    public let title = Message(sv: "Okänd ansvarig", en: "Unknown owner")
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let ids = data.owners.map(\.id)
        let known = data.idIndex(of: .owner)
        // An owner's `parent` is ReferenceCheck's: passed over by its spec, unread.
        data.forEachField(ofType: [.ref(.owner)], where: { $0.key == .owner }) { ref, f, _ in
            let value = f.value
            guard !known.contains(value) else { return }
            let lowered = value.lowercased()
            let byName = data.owners.first { $0.name.lowercased() == lowered }
            let hint: (sv: String, en: String) = byName.map { (" (menade du '\($0.id)'?)", " (did you mean '\($0.id)'?)") } ?? Suggest.hint(value, ids)
            let rid = Diagnostic.name(data, ref)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): ansvarig '\(value)' finns inte i \(data.path(.owner))\(hint.sv); använd ett id därifrån eller lägg till ägaren",
                                  en: "\(rid): owner '\(value)' is not in \(data.path(.owner))\(hint.en); use an id from there or add the owner"))
        }
        return out
    }
}
