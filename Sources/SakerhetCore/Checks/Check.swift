/// A rule over the data set. Each check is one type in one file in `Checks/`, with its
/// messages at the bottom; `Checks.all` lists them.
///
/// A check may relate a record to the records it names in a reference field, to those that
/// name it, to those with the same id, and to the chain of parents above it. A write is
/// validated on exactly those records (`Edit/Neighbourhood.swift`); a check that relates
/// records otherwise (siblings, say) must widen that too, or `NeighbourhoodTests` fails.
/// Checks run at the same time, so `run` must not change shared state.
///
/// A check stores nothing: its `id` and `title` are computed (`var id: String { "overdue" }`),
/// so it is an empty value. The fused runner passes a check along for every record it
/// judges, and a stored string would be retained and released each time.
public protocol Check: Sendable {
    /// A stable id, used in JSON output, annotations and fingerprints.
    var id: String { get }
    /// A short title in both languages, the words of the text output ("Försenad",
    /// "Okänd ansvarig"): CI annotations show it with the record's id.
    var title: Message { get }
    /// True when the result depends on the as-of date (skipped by `audit --no-time`).
    var usesDate: Bool { get }
    func run(_ data: DataSet, asOf: Day) -> [Diagnostic]
    /// How `Checks.run` may fuse the check with others; nil (the default) runs it by itself.
    /// `RecordCheck` and `ScheduledCheck` give it, so the runner needs no dynamic cast (each
    /// `as?` to a protocol costs a scan of the binary's conformance tables at start-up).
    var fusion: Fusion? { get }
}

/// A check as the runner fuses it (see `FusedRun`).
public enum Fusion: Sendable {
    case record(any RecordCheck)
    case scheduled(any ScheduledCheck)
    case field(any FieldCheck)
}

extension Check {
    public var usesDate: Bool { false }
    public var fusion: Fusion? { nil }
}

/// Where a record check looks: the data set, the record's kind and file, and the day.
public struct RecordSite: Sendable {
    public let data: DataSet
    public let kind: Kind
    public let file: SourceFile
    public let asOf: Day
}

/// A check that judges one record at a time. `Checks.run` fuses these: it walks each
/// kind's records once, in a few pieces per core, and hands every block of a few dozen
/// records to each record check in turn, instead of each check walking every file itself
/// (see `FusedRun`).
public protocol RecordCheck: Check {
    /// The kinds whose records the check reads; every kind unless it says otherwise.
    var kinds: [Kind] { get }
    /// Appends what is wrong with `record`, the `index`th record of `site.file`.
    func check(_ record: Record, _ index: Int, _ site: RecordSite, into out: inout [Diagnostic])
    /// Whether a record of `kind` whose fields have `codes` (which keys, and whether any
    /// repeats or is empty) can have anything wrong that the check looks for: `check` is
    /// called only for those that can. True unless the check says otherwise; a check that
    /// looks for a key, a repeat or an empty value says so, and most records pass it on
    /// their codes alone.
    func mayFlag(_ codes: FieldCodes, _ kind: Kind) -> Bool
    /// The same for the records `range` of `records` (`site.file`'s), in order. Not for a
    /// check to write: what the runner calls, so that the check is reached behind the
    /// protocol once per block and calls its own `check` directly for each record (behind
    /// the protocol once per record, its box was copied and destroyed every time).
    func check(_ records: [Record], _ range: Range<Int>, _ site: RecordSite, into out: inout [Diagnostic])
}

extension RecordCheck {
    public var kinds: [Kind] { Kind.allCases }
    public var fusion: Fusion? { .record(self) }

    public func mayFlag(_ codes: FieldCodes, _ kind: Kind) -> Bool { true }

    public func check(_ records: [Record], _ range: Range<Int>, _ site: RecordSite, into out: inout [Diagnostic]) {
        let kind = site.kind
        InPlace.each(records, range, where: { mayFlag($0, kind) }) { record, i in check(record, i, site, into: &out) }
    }

    /// The check alone (a test, `sakerhet-bench profile`): the same walk as the fused one.
    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for kind in kinds {
            guard let file = data.files[kind] else { continue }
            let site = RecordSite(data: data, kind: kind, file: file, asOf: asOf)
            for (i, r) in file.document.records.enumerated() where mayFlag(r.codes, kind) { check(r, i, site, into: &out) }
        }
        return out
    }
}

/// A check that judges one field at a time, by its value type (`types`): that an owner or
/// a reference resolves, that a deadline, a status or a word of a closed vocabulary is one.
/// The runner fuses these with the record checks: it walks each kind's records once, in
/// a few pieces per core, and hands every field to the field checks of its type. The test of
/// a field (`flags`) is cheap and keeps nothing; the words for what it flagged (`diagnose`)
/// are made after the walk, in file order, where the check may keep what it needs for
/// them (the ids to suggest the closest of, made once).
public protocol FieldCheck: Check {
    /// The value types of the fields the check reads.
    var types: [FieldSpec.ValueType] { get }
    /// Whether it reads the fields of `spec`, one of `types` (all of them unless it says
    /// otherwise); asked once per spec, not once per field.
    func reads(_ spec: FieldSpec) -> Bool
    /// Whether `field` of the record `ref`, a field of `spec`, may be wrong: what
    /// `diagnose` is then given.
    func flags(_ field: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool
    /// What is wrong with the flagged fields, given in file order (kind, record, field).
    func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic]
}

/// A field a `FieldCheck` flagged, with its record and spec.
public struct FlaggedField: Sendable {
    public let ref: RecordRef
    public let field: Field
    public let spec: FieldSpec
}

extension FieldCheck {
    public func reads(_ spec: FieldSpec) -> Bool { true }
    public var fusion: Fusion? { .field(self) }

    /// The check alone (a test, `sakerhet-bench profile`, an edit's neighbourhood): the
    /// same test of each field as the fused walk, and the same words.
    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var flagged: [FlaggedField] = []
        var site = FieldSite(data)
        data.forEachField(ofType: types, where: reads) { ref, f, spec in
            if flags(f, spec, ref, &site) { flagged.append(FlaggedField(ref: ref, field: f.field, spec: spec)) }
        }
        return flagged.isEmpty ? [] : diagnose(flagged, data, asOf: asOf)
    }
}

/// A check that judges each goal, activity and finding by its status and deadlines
/// (`Timing`). The runner fuses these like record checks, handing each check the timing of
/// one record after another; a check that reports reads the rest of the record (its id, a
/// field) from the data set by `ref`.
public protocol ScheduledCheck: Check {
    func check(_ item: Timing, _ data: DataSet, asOf: Day, into out: inout [Diagnostic])
    /// The same for each of `items`, in order: what the runner calls, once per block of
    /// records (as `RecordCheck`'s for a range). Not for a check to write.
    func check(_ items: [Timing], _ data: DataSet, asOf: Day, into out: inout [Diagnostic])
}

extension ScheduledCheck {
    public var fusion: Fusion? { .scheduled(self) }

    public func check(_ items: [Timing], _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        for item in items { check(item, data, asOf: asOf, into: &out) }
    }

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for g in data.goals { check(g.timing(on: asOf), data, asOf: asOf, into: &out) }
        for a in data.activities { check(a.timing(on: asOf), data, asOf: asOf, into: &out) }
        for f in data.findings { check(f.timing(on: asOf), data, asOf: asOf, into: &out) }
        return out
    }
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
        IDCharacterCheck(),
        DeadlineTokenCheck(),
        StartAfterDueCheck(),
        OwnerExistsCheck(),
        ReferenceCheck(),
        GoalCycleCheck(),
        OwnerCycleCheck(),
        StatusCheck(),
        VocabularyCheck(),
        OccurrenceCheck(),
        RecurrencePeriodCheck(),
        MissedOccurrenceCheck(),
        DoneNeedsDateCheck(),
        DoneInFutureCheck(),
        ReasonCheck(),
        OverdueCheck(),
        DueSoonCheck(),
        ReviewDateCheck(),
        ActivityAfterGoalCheck(),
        ScoreCheck(),
        ResidualRiskCheck(),
        FindingKindCheck(),
        FollowupCheck(),
        AssessmentCheck(),
        UnownedFindingCheck(),
        GoalChildrenCheck(),
        AssumedCheck(),
        PersonalNumberCheck(),
        ConfigCheck(),
    ]

    /// The checks whose errors make a plan's figures in the report unreliable: the file's
    /// syntax, missing fields, repeated ids, deadlines, owners, references, statuses, the
    /// auditors' colours (one that cannot be read drops out of "Revisionens bedömning") and
    /// config.rec. The report says them at its head (one plan) or at the top of the plan's
    /// section (a rollup). The full audit has every check; running all of them for every
    /// report would cost as much as the report itself.
    static let reportChecks: [any Check] = [
        SyntaxCheck(), MandatoryFieldCheck(), DuplicateIDCheck(), DeadlineTokenCheck(), OwnerExistsCheck(),
        ReferenceCheck(), StatusCheck(), AssessmentCheck(), ConfigCheck(),
    ]

    /// The errors of `reportChecks`, in output order.
    public static func reportErrors(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        run(data, asOf: asOf, includeDateChecks: false, checks: reportChecks).filter { $0.severity == .error }
    }

    /// The title of the check `id`; "Kontroll"/"Check" for an id no check has.
    public static func title(of id: String) -> Message {
        titles[id] ?? Message(sv: "Kontroll", en: "Check")
    }

    private static let titles: [String: Message] = Dictionary(all.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })

    /// Runs the checks and returns their diagnostics in output order.
    public static func run(_ data: DataSet, asOf: Day, includeDateChecks: Bool = true,
                           checks: [any Check] = Checks.all) -> [Diagnostic] {
        let chosen = checks.filter { includeDateChecks || !$0.usesDate }
        var all = FusedRun(chosen, data).run(asOf: asOf)
        all.sortForOutput()
        return all
    }
}
