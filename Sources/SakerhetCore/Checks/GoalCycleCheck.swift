/// Goal parents form a tree: following `parent` never comes back to the same goal.
/// Severity: error, once per cycle, at the goal with the first line in the cycle.
public struct GoalCycleCheck: Check {
    public var id: String { "goal-cycle" }
    public var title: Message { Message(sv: "Mål i cirkel", en: "Goal cycle") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        let goals = data.goals, ids = data.idIndex(of: .goal)
        return ParentCycles.find(count: goals.count, id: { goals[$0].id }, parent: { goals[$0].parent.flatMap(ids.first) },
                                 record: { ids.first(goals[$0].id) }).map { cycle in
            let first = goals[cycle.first]
            let chain = (cycle.ids + [cycle.ids[0]]).joined(separator: " → ")
            return Diagnostic(.error, id, data, first.ref, field: .parent,
                              sv: "\(first.id): målen bildar en cirkel via parent (\(chain)); bryt den genom att ändra något parent",
                              en: "\(first.id): goals form a cycle through parent (\(chain)); break it by changing a parent")
        }
    }
}
