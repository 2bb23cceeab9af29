/// An activity should be due no later than its goal. Severity: warning.
public struct ActivityAfterGoalCheck: Check {
    public var id: String { "after-goal" }
    public var title: Message { Message(sv: "Efter målets slutdatum", en: "After the goal's deadline") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        // Each goal id's deadline once, by the index of the id's first goal (where the data
        // set places each activity, `activityGoals`): the first goal of the id that has a
        // deadline with a last day.
        let goals = data.goals
        let goalIDs = data.idIndex(of: .goal)
        var goalDue = [Deadline?](repeating: nil, count: goals.count)
        for g in goals {
            guard let d = g.due, d.lastDay != nil, let first = goalIDs.first(g.id), goalDue[first] == nil else { continue }
            goalDue[first] = d
        }
        let goalOf = data.activityGoals
        var out: [Diagnostic] = []
        let activities = data.activities
        for i in activities.indices {
            guard let due = activities[i].due, let last = due.lastDay, goalOf[i] >= 0, let goal = goalDue[Int(goalOf[i])],
                  last > goal.lastDay! else { continue }
            let a = activities[i]
            out.append(Diagnostic(.warning, id, data, a.ref, field: .due,
                                  sv: "\(a.id) ska vara klar \(due.token), efter sitt mål \(a.goal) (\(goal.token)); flytta någon av dem",
                                  en: "\(a.id) is due \(due.token), after its goal \(a.goal) (\(goal.token)); move one of them"))
        }
        return out
    }
}
