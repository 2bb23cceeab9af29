/// An activity should be due no later than its goal. Severity: warning.
public struct ActivityAfterGoalCheck: Check {
    public let id = "after-goal"
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for a in data.activities {
            guard let due = a.due?.lastDay, let goal = data.goal(a.goal), let goalDue = goal.due?.lastDay, due > goalDue else { continue }
            out.append(Diagnostic(.warning, id, data, a.ref, field: "due",
                                  sv: "\(a.id) ska vara klar \(a.due!.token), efter sitt mål \(goal.id) (\(goal.due!.token)); flytta någon av dem",
                                  en: "\(a.id) is due \(a.due!.token), after its goal \(goal.id) (\(goal.due!.token)); move one of them"))
        }
        return out
    }
}
