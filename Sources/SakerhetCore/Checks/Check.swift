/// A rule over the data set. Each check is one type in one file in `Checks/`, with its
/// messages at the bottom; `Checks.all` lists them.
///
/// A check may relate a record to the records it names in a reference field, to those that
/// name it, to those with the same id, and to the chain of parents above it. A write is
/// validated on exactly those records (`Edit/Neighbourhood.swift`); a check that relates
/// records otherwise (siblings, say) must widen that too, or `NeighbourhoodTests` fails.
/// Checks run at the same time, so `run` must not change shared state.
public protocol Check: Sendable {
    /// A stable id, used in JSON output, annotations and fingerprints.
    var id: String { get }
    /// A short title in both languages, the words of the text output ("Försenad",
    /// "Okänd ansvarig"): CI annotations show it with the record's id.
    var title: Message { get }
    /// True when the result depends on the as-of date (skipped by `audit --no-time`).
    var usesDate: Bool { get }
    func run(_ data: DataSet, asOf: Day) -> [Diagnostic]
}

extension Check {
    public var usesDate: Bool { false }
}

public enum Checks {
    /// The registry. Adding a check is adding a file and a line here.
    public static let all: [any Check] = [
        SyntaxCheck(),
        MandatoryFieldCheck(),
        UnknownFieldCheck(),
        RepeatedFieldCheck(),
        TrailingCharacterCheck(),
        DuplicateIDCheck(),
        DeadlineTokenCheck(),
        StartAfterDueCheck(),
        OwnerExistsCheck(),
        ReferenceCheck(),
        GoalCycleCheck(),
        StatusCheck(),
        VocabularyCheck(),
        OccurrenceCheck(),
        DoneNeedsDateCheck(),
        DoneInFutureCheck(),
        ReasonCheck(),
        OverdueCheck(),
        DueSoonCheck(),
        ReviewDateCheck(),
        ActivityAfterGoalCheck(),
        ScoreCheck(),
        FindingKindCheck(),
        FollowupCheck(),
        AssessmentCheck(),
        UnownedFindingCheck(),
        GoalChildrenCheck(),
        AssumedCheck(),
        PersonalNumberCheck(),
        ConfigCheck(),
    ]

    /// The title of the check `id`; "Kontroll"/"Check" for an id no check has.
    public static func title(of id: String) -> Message {
        titles[id] ?? Message(sv: "Kontroll", en: "Check")
    }

    private static let titles: [String: Message] = Dictionary(all.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })

    /// Runs the checks and returns their diagnostics in output order.
    public static func run(_ data: DataSet, asOf: Day, includeDateChecks: Bool = true,
                           checks: [any Check] = Checks.all) -> [Diagnostic] {
        let chosen = checks.filter { includeDateChecks || !$0.usesDate }
        // The checks are independent: they run at the same time, one per free core.
        return Array(Parallel.map(chosen.count) { chosen[$0].run(data, asOf: asOf) }.joined()).sortedForOutput()
    }
}
