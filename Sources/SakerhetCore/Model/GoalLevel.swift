/// What a goal record is in its plan (`level`). Without the field a goal without a parent
/// is a mål and one with a parent a delmål; an action plan's areas (målområden, seed 004's
/// "Målområde 1: Kompetenshöjande insatser") sit under a delmål but are not delmål, and the
/// report counts them as what they are.
public enum GoalLevel: String, Sendable, CaseIterable, Codable {
    case goal = "mål"
    case subgoal = "delmål"
    case actionArea = "målområde"
}
