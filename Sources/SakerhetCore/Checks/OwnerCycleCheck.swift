/// Owner parents form a tree, as goal parents do: following `parent` in `owners.rec` ("the
/// owner above this one") never comes back to the same owner. Severity: error, once per
/// cycle, at the `parent` line of the owner with the first line in the cycle.
public struct OwnerCycleCheck: Check {
    public let id = "owner-cycle"
    public let title = Message(sv: "Ansvariga i cirkel", en: "Owner cycle")
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var reported = Set<String>()
        for o in data.owners where !reported.contains(o.id) {
            var path = [o.id]
            var seen: Set<String> = [o.id]
            var cur = o.parent
            while let p = cur, let next = data.owner(p) {
                if seen.contains(p) {
                    guard let start = path.firstIndex(of: p) else { break }
                    let cycle = Array(path[start...])
                    if cycle.allSatisfy({ !reported.contains($0) }) {
                        reported.formUnion(cycle)
                        let first = cycle.compactMap(data.owner).min { $0.ref.index < $1.ref.index }!
                        let chain = (cycle + [p]).joined(separator: " → ")
                        out.append(Diagnostic(.error, id, data, first.ref, field: "parent",
                                              sv: "\(first.id): de ansvariga bildar en cirkel via parent (\(chain)); bryt den genom att ändra eller ta bort något parent i owners.rec",
                                              en: "\(first.id): owners form a cycle through parent (\(chain)); break it by changing or removing a parent in owners.rec"))
                    }
                    break
                }
                seen.insert(p)
                path.append(p)
                cur = next.parent
            }
        }
        return out
    }
}
