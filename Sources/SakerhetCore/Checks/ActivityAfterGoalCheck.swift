/// An activity should be due no later than its goal. Severity: warning.
public struct ActivityAfterGoalCheck: Check {
    public var id: String { "after-goal" }
    public var title: Message { Message(sv: "Efter målets slutdatum", en: "After the goal's deadline") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        // Each goal's deadline once, rather than a goal looked up (and copied) per activity.
        var goalDue: [String: Deadline] = [:]
        for g in data.goals where goalDue[g.id] == nil { if let d = g.due, d.lastDay != nil { goalDue[g.id] = d } }
        var out: [Diagnostic] = []
        let activities = data.activities
        for i in activities.indices {
            guard let due = activities[i].due, let last = due.lastDay, let goal = goalDue[activities[i].goal],
                  last > goal.lastDay! else { continue }
            let a = activities[i]
            out.append(Diagnostic(.warning, id, data, a.ref, field: "due",
                                  sv: "\(a.id) ska vara klar \(due.token), efter sitt mål \(a.goal) (\(goal.token)); flytta någon av dem",
                                  en: "\(a.id) is due \(due.token), after its goal \(a.goal) (\(goal.token)); move one of them"))
        }
        return out
    }
}
