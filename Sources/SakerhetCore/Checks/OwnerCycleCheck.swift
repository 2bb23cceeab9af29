/// Owner parents form a tree, as goal parents do: following `parent` in `owners.rec` ("the
/// owner above this one") never comes back to the same owner. Severity: error, once per
/// cycle, at the `parent` line of the owner with the first line in the cycle.
public struct OwnerCycleCheck: Check {
    public var id: String { "owner-cycle" }
    public var title: Message { Message(sv: "Ansvariga i cirkel", en: "Owner cycle") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        let owners = data.owners, ids = data.idIndex(of: .owner)
        return ParentCycles.find(count: owners.count, id: { owners[$0].id }, parent: { owners[$0].parent.flatMap(ids.first) },
                                 record: { ids.first(owners[$0].id) }).map { cycle in
            let first = owners[cycle.first]
            let chain = (cycle.ids + [cycle.ids[0]]).joined(separator: " → ")
            return Diagnostic(.error, id, data, first.ref, field: .parent,
                              sv: "\(first.id): de ansvariga bildar en cirkel via parent (\(chain)); bryt den genom att ändra eller ta bort något parent i owners.rec",
                              en: "\(first.id): owners form a cycle through parent (\(chain)); break it by changing or removing a parent in owners.rec")
        }
    }
}
