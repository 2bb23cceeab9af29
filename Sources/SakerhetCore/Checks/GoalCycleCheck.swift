/// Goal parents form a tree: following `parent` never comes back to the same goal.
/// Severity: error, once per cycle, at the goal with the first line in the cycle.
public struct GoalCycleCheck: Check {
    public let id = "goal-cycle"
    public let title = Message(sv: "Mål i cirkel", en: "Goal cycle")
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var reported = Set<String>()
        for g in data.goals where !reported.contains(g.id) {
            var path = [g.id]
            var seen: Set<String> = [g.id]
            var cur = g.parent
            while let p = cur, let next = data.goal(p) {
                if seen.contains(p) {
                    guard let start = path.firstIndex(of: p) else { break }
                    let cycle = Array(path[start...])
                    if cycle.allSatisfy({ !reported.contains($0) }) {
                        reported.formUnion(cycle)
                        let first = cycle.compactMap(data.goal).min { $0.ref.index < $1.ref.index }!
                        let chain = (cycle + [p]).joined(separator: " → ")
                        out.append(Diagnostic(.error, id, data, first.ref, field: "parent",
                                              sv: "\(first.id): målen bildar en cirkel via parent (\(chain)); bryt den genom att ändra något parent",
                                              en: "\(first.id): goals form a cycle through parent (\(chain)); break it by changing a parent"))
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
