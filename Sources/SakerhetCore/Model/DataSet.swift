import FoundationEssentials

/// One file of the data folder, as parsed.
public struct SourceFile: Sendable {
    /// The path shown in messages, e.g. `data/activities.rec`.
    public let path: String
    public let document: Document

    public init(path: String, document: Document) {
        self.path = path
        self.document = document
    }
}

/// The settings of `config.rec`.
public struct Config: Sendable {
    public var organisation: String?
    public var title: String?
    public var version: String?
    /// How many days ahead counts as "due soon".
    public var soonDays: Int = 30
    /// `moved_signal: grön`: a record whose deadline was moved later keeps its computed
    /// signal; by default (`gul`) it is at least gul while open.
    public var movedGreen = false
    /// `risk_scale`: likelihood and consequence run 1–4 (default) or 1–5.
    public var riskScale = Risk.defaultScale
    /// `finding_kinds`: the words a finding's `kind` may take, or nil for the defaults.
    public var findingKinds: [String]?
    /// The committee paper's head: diarienummer, sammanträdesdatum, and the role that prepared it.
    public var caseNumber: String?
    public var meeting: Day?
    public var preparedBy: String?
    /// The letters of new ids (`id_goal`, `id_subgoal`, `id_activity`, `id_risk`,
    /// `id_finding`): a top-level goal M4, a sub-goal D11, an activity A31 …
    public var idPrefixes: [String: String] = Config.defaultIDPrefixes

    public init() {}

    init(record: Record?) {
        guard let record else { return }
        organisation = record.value("organisation")
        title = record.value("title")
        version = record.value("version")
        if let s = record.value("soon_days"), let n = Int(s), n >= 0 { soonDays = n }
        if let s = record.value("moved_signal") { movedGreen = Config.movedSignalWords[s.lowercased()] ?? false }
        if let s = record.value("risk_scale"), let n = Int(s), Risk.scales.contains(n) { riskScale = n }
        if let s = record.value("finding_kinds") { findingKinds = Config.list(s) }
        caseNumber = record.value("case_number")
        meeting = record.value("meeting").flatMap(Day.init)
        preparedBy = record.value("prepared_by")
        for key in Config.defaultIDPrefixes.keys {
            if let s = record.value(key), Config.isIDPrefix(s) { idPrefixes[key] = s }
        }
    }

    /// The kinds of finding allowed: `finding_kinds` or the defaults.
    public var kindsOfFinding: [String] { findingKinds ?? Config.defaultFindingKinds }

    /// Swedish and Norwegian words for kinds of audit findings.
    public static let defaultFindingKinds = ["avvikelse", "brist", "iakttagelse", "rekommendation", "anmärkning", "avvik", "merknad"]

    /// "a, b, c" or "a b c" as a list of words (a word may not contain a comma).
    static func list(_ s: String) -> [String] {
        let parts = s.includes(",") ? s.split(separator: ",") : s.split(separator: " ")
        return parts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension Config {
    /// The values of `moved_signal`: true for grön.
    public static let movedSignalWords: [String: Bool] = ["grön": true, "green": true, "gul": false, "yellow": false]

    /// The id schemes of the shipped plan, by config field.
    public static let defaultIDPrefixes: [String: String] = ["id_goal": "M", "id_subgoal": "D", "id_activity": "A",
                                                             "id_risk": "R", "id_finding": "F"]

    /// One to four letters: a prefix of new ids.
    public static func isIDPrefix(_ s: String) -> Bool {
        (1...4).contains(s.count) && s.allSatisfy { $0.isLetter && $0.isASCII }
    }
}

/// The whole data folder: every file, and the typed records built from them.
///
/// Built on every command, so it is on the hot path (docs/performance.md): each record's
/// fields are read in one pass into slots (no dictionary per record), the canonical
/// Swedish words are recognised by their bytes before the general parsers run, lookups by
/// kind index arrays instead of hashing the kind.
public struct DataSet: Sendable {
    public let folder: String
    public let files: [Kind: SourceFile]
    public let configFile: SourceFile?
    public let config: Config

    public let owners: [Owner]
    public let areas: [Area]
    // The other kinds' typed records are made on first use, all of a kind at once: an
    // edit of one record in a folder of 100,000 activities checks only the records near
    // it (`Neighbourhood.swift`) and never asks for the rest.
    public var goals: [Goal] { cache.goals }
    public var activities: [Activity] { cache.activities }
    public var risks: [Risk] { cache.risks }
    public var findings: [Finding] { cache.findings }
    public var followups: [Followup] { cache.followups }

    /// id → record indices, per kind (more than one index means a duplicate id): `ids[kind]`
    /// makes that kind's index only (a dictionary of every kind's would index 100,000
    /// activities to look up one goal).
    public var ids: IDs { IDs(data: self) }

    /// The id indexes by kind, each made when first asked for.
    public struct IDs: Sendable {
        let data: DataSet
        public subscript(kind: Kind) -> IDIndex? { data.idIndex(of: kind) }
    }

    /// The same as `files` and `ids`, by `Kind.slot`.
    private let recordsBySlot: [[Record]]
    /// Owners', areas' and goals' ids, made at once: names and filters look them up all the
    /// time. The other kinds' are made on first use (`idIndex`), since a list or a report
    /// of 100,000 activities never asks for an activity by id.
    private let eagerIDs: [IDIndex?]
    /// The typed records made so far, shared by the copies of this data set and by the
    /// diagnostics on its records (`Diagnostic.file`, `recordID`, `owner`).
    let cache: Cache

    public init(folder: String, files: [Kind: SourceFile], configFile: SourceFile? = nil) {
        self.folder = folder
        self.files = files
        self.configFile = configFile
        self.config = Config(record: configFile?.document.records.first)
        var recordsBySlot = [[Record]](repeating: [], count: Kind.allCases.count)
        var pathsBySlot = [String?](repeating: nil, count: Kind.allCases.count)
        for (k, file) in files {
            recordsBySlot[k.slot] = file.document.records
            pathsBySlot[k.slot] = file.path
        }
        self.recordsBySlot = recordsBySlot
        let owners = DataSet.build(recordsBySlot, .owner) { ref, _, f in
            Owner(ref: ref, id: f[.id] ?? "", name: f[.name] ?? "",
                  kind: f[.kind].flatMap(OwnerKind.init(rawValue:)), parent: f[.parent], contact: f[.contact])
        }
        let areas = DataSet.build(recordsBySlot, .area) { ref, _, f in
            Area(ref: ref, id: f[.id] ?? "", name: f[.name] ?? "", description: f[.description])
        }
        self.owners = owners
        self.areas = areas
        cache = Cache(folder: folder, paths: pathsBySlot, records: recordsBySlot, riskScale: config.riskScale, owners: owners, areas: areas)
        eagerIDs = Kind.allCases.map { [.owner, .area, .goal].contains($0) ? IDIndex(recordsBySlot[$0.slot]) : nil }
    }

    /// The typed records of kind `k`, each made by `make` from its record and its fields by
    /// key; in pieces at the same time when there are many.
    private static func build<T: Sendable>(_ recordsBySlot: [[Record]], _ k: Kind,
                                           _ make: @Sendable (RecordRef, Record, inout FieldSlots) -> T) -> [T] {
        let rs = recordsBySlot[k.slot]
        return Parallel.array(rs.count, start: { FieldSlots(k) }) { f, i in
            f.load(rs[i])
            return make(RecordRef(kind: k, index: i), rs[i], &f)
        }
    }

    /// The activities whose status, deadline on `day` (`Timed.deadline(on:)`: for a
    /// recurring one done in its period by then, the next period) and done date
    /// (`donePeriod`, for a filter that judges a record by its status on the day:
    /// `Status.on`) pass `keep`, in file order. An activity that does not pass is not made:
    /// `list --overdue` of 100,000 activities makes the few thousand it shows. When every
    /// activity is made already, they are filtered.
    public func activities(on day: Day, whereTiming keep: @Sendable (Status?, Deadline?, Deadline?) -> Bool) -> [Activity] {
        activities(on: day, whereTiming: keep, making: { $0 })
    }

    /// The same, each kept activity made into what `make` makes of it (nil: left out), on
    /// every core: a list's rows are made where its activities are, each row's texts read
    /// from the file on the core that reads the record, not one after another afterwards.
    public func activities<T: Sendable>(on day: Day, whereTiming keep: @Sendable (Status?, Deadline?, Deadline?) -> Bool,
                                        making make: @Sendable (Activity) -> T?) -> [T] {
        // What each piece keeps is moved into the result, not copied (`Parallel.gather`).
        if let made = cache.madeActivities.made {
            let ranges = Parallel.ranges(made.count, perCore: 4)
            return Parallel.gather(ranges.count) { p, kept in
                for i in ranges[p] where keep(made[i].status, made[i].deadline(on: day), made[i].donePeriod) {
                    if let t = make(made[i]) { kept.append(t) }
                }
            }
        }
        let rs = recordsBySlot[Kind.activity.slot]
        // Four pieces per core, as `Parallel.array`: a core the host slowed does not keep
        // the other waiting at the end.
        let ranges = Parallel.ranges(rs.count, perCore: 4)
        return Parallel.gather(ranges.count) { p, kept in
            var f = FieldSlots(.activity)
            for i in ranges[p] {
                f.load(rs[i])
                // Read once, for the filter and for the activity it keeps.
                let t = ActivityTiming(&f)
                guard keep(t.status, Activity.deadline(on: day, due: t.due, every: t.every, done: t.done?.lastDay, countedDone: t.countedDone,
                                                                start: f.deadline(.start), occurrences: { rs[i].values(.occurrence) }), t.done) else { continue }
                if let made = make(DataSet.activity(RecordRef(kind: .activity, index: i), rs[i], &f, t)) { kept.append(made) }
            }
        }
    }

    private static func goal(_ ref: RecordRef, _ r: Record, _ f: inout FieldSlots) -> Goal {
        Goal(ref: ref, id: f[.id] ?? "", parent: f[.parent], area: f[.area], owners: f.owners(), due: f.deadline(.due),
             status: f.word(.status, Status.init(parsing:)),
             classification: f.word(.classification, Classification.init(parsing:)) ?? .open,
             donePeriod: f.done(), fields: StoredFields(list: r.fields))
    }

    private static func activity(_ ref: RecordRef, _ r: Record, _ f: inout FieldSlots) -> Activity {
        activity(ref, r, &f, ActivityTiming(&f))
    }

    /// An activity's status, due date, recurrence and done date, as its fields give them:
    /// what decides its deadline and standing.
    private struct ActivityTiming {
        let status: Status?
        let due: Deadline?
        let every: Recurrence?
        let done: Deadline?
        /// `Activity.countedDone`: the done day that moves the deadline on.
        let countedDone: Day?

        init(_ f: inout FieldSlots) {
            status = f.word(.status, Status.init(parsing:))
            due = f.deadline(.due)
            every = f.word(.every, Recurrence.init(parsing:))
            done = f.done()
            let day = done?.lastDay
            countedDone = every != nil && day != nil
                ? Activity.countedDone(done: day, due: due, every: every, lastOccurrence: f.last(.occurrence).flatMap(Occurrence.init))
                : day
        }
    }

    private static func activity(_ ref: RecordRef, _ r: Record, _ f: inout FieldSlots, _ t: ActivityTiming) -> Activity {
        Activity(index: ref.index, id: f[.id] ?? "", goal: f[.goal] ?? "", owners: f.owners(), start: f.deadline(.start),
                 due: t.due, status: t.status, donePeriod: t.done, every: t.every,
                 classification: f.word(.classification, Classification.init(parsing:)) ?? .open,
                 fields: r.fields, countedDone: t.countedDone)
    }

    private static func risk(_ ref: RecordRef, _ r: Record, _ f: inout FieldSlots, scale: Int) -> Risk {
        Risk(ref: ref, id: f[.id] ?? "", area: f[.area],
             likelihood: f.score(.likelihood), consequence: f.score(.consequence), owners: f.owners(),
             actions: r.values(.action), status: f.word(.status, RiskStatus.init(parsing:)), review: f.day(.review),
             residualLikelihood: f.score(.residualLikelihood), residualConsequence: f.score(.residualConsequence),
             classification: f.word(.classification, Classification.init(parsing:)) ?? .open,
             scaleMax: scale, fields: StoredFields(list: r.fields))
    }

    private static func finding(_ ref: RecordRef, _ r: Record, _ f: inout FieldSlots) -> Finding {
        Finding(ref: ref, id: f[.id] ?? "", year: f[.year].flatMap { Int($0) },
                assessment: f.word(.assessment, Assessment.init(parsing:)), owners: f.owners(), due: f.deadline(.due),
                actions: r.values(.action), status: f.word(.status, Status.init(parsing:)),
                classification: f.word(.classification, Classification.init(parsing:)) ?? .open,
                area: f[.area], donePeriod: f.done(), fields: StoredFields(list: r.fields))
    }

    private static func followup(_ ref: RecordRef, _ r: Record, _ f: inout FieldSlots) -> Followup {
        Followup(ref: ref, id: f[.id] ?? "", record: f[.record] ?? "",
                 period: f.deadline(.period).flatMap { $0.isUnknown ? nil : $0 },
                 assessment: f[.assessment] ?? "", analysis: f[.analysis], outcome: f[.outcome],
                 classification: f.word(.classification, Classification.init(parsing:)) ?? .open)
    }

    /// The kinds whose typed records are made so far (for tests of what a command reads).
    var typedSoFar: [Kind] { cache.typedSoFar }

    public func record(_ ref: RecordRef) -> Record { recordsBySlot[ref.kind.slot][ref.index] }

    /// The goal, activity or finding at `ref` as a typed record with a deadline; nil for the
    /// other kinds. The typed arrays are in the file's order, so `ref.index` is their index.
    public func scheduled(_ ref: RecordRef) -> (any Scheduled)? {
        switch ref.kind {
        case .goal: return goals[ref.index]
        case .activity: return activities[ref.index]
        case .finding: return findings[ref.index]
        default: return nil
        }
    }

    public func path(_ kind: Kind) -> String { cache.path(kind) }

    public func contains(_ kind: Kind, id: String) -> Bool { idIndex(kind.slot).first(id) != nil }

    /// The records of `kind` with `id`, in file order (more than one is a duplicate id):
    /// from the id index when it is made, else by one pass over the records, a piece on
    /// each core, kept for the next time the same id is asked for (an edit finds its
    /// record, then the check of its neighbourhood finds it again). An edit looks up a few
    /// ids, and indexing 100,000 activities for them costs more than the passes.
    /// How many ids of one kind `records(of:id:)` looks up by a pass over the records
    /// before it makes the kind's id index.
    static let passesBeforeIndex = 16

    public func records(of kind: Kind, id: String) -> [Int] {
        let slot = kind.slot
        if let index = eagerIDs[slot] ?? cache.idIndexes[slot].made { return index[id] ?? [] }
        let lookedUp = cache.lookups[slot].made
        if let found = lookedUp?[id] { return found }
        // A pass over the records answers a few lookups (an edit's neighbourhood) sooner
        // than an index of every id; past a few, the index (a risk naming 10,000
        // activities made 10,000 passes over 10,000 records: 19 s for one `risks set`).
        if lookedUp?.count ?? 0 >= DataSet.passesBeforeIndex { return idIndex(slot)[id] ?? [] }
        let records = recordsBySlot[slot]
        let ranges = Parallel.ranges(records.count)
        let found = Parallel.map(ranges.count) { part in
            var out: [Int] = []
            for i in ranges[part] where records[i].field(.id)?.value == id { out.append(i) }
            return out
        }.flatMap { $0 }
        cache.lookups[slot].update { kept in
            if kept == nil { kept = [:] }
            kept![id] = found
        }
        return found
    }

    /// Each activity's goal (`goal:`): the index in `goals` of the first goal with that
    /// id, -1 when no goal has it or the activity names none. Made once, on first use, and
    /// read by what places activities under goals (`GoalChildren`, `ActivityAfterGoalCheck`),
    /// so that each goal id is looked up once per command, not once per reader.
    public var activityGoals: [Int32] {
        cache.activityGoals.get {
            let all = activities
            let goalIDs = idIndex(Kind.goal.slot)
            let parts = Parallel.ranges(all.count, perCore: 4)
            let found = Parallel.map(parts.count) { p -> [Int32] in
                var goalOf: [Int32] = []
                goalOf.reserveCapacity(parts[p].count)
                for k in parts[p] { goalOf.append(DataSet.goal(named: all[k].goal, in: goalIDs).map(Int32.init) ?? -1) }
                return goalOf
            }
            return found.count == 1 ? found[0] : Array(found.joined())
        }
    }

    /// The index of the first goal with `id` in `goalIDs` (the goals' id index); nil for
    /// none. An empty id names nothing: a record without an id is the `mandatory` check's
    /// to report, not a goal for every empty `goal:` or `parent:`.
    static func goal(named id: String, in goalIDs: IDIndex) -> Int? {
        id.isEmpty ? nil : goalIDs.first(id)
    }

    /// The ids of `kind`: for a loop that asks many times, fetched once.
    func idIndex(of kind: Kind) -> IDIndex { idIndex(kind.slot) }

    private func idIndex(_ slot: Int) -> IDIndex {
        if let index = eagerIDs[slot] { return index }
        return cache.idIndexes[slot].get { IDIndex(recordsBySlot[slot]) }
    }

    public func owner(_ id: String) -> Owner? {
        guard let i = eagerIDs[Kind.owner.slot]!.first(id) else { return nil }
        return owners[i]
    }

    /// The owner's name for messages, or the id when unknown.
    public func ownerName(_ id: String) -> String {
        guard let i = eagerIDs[Kind.owner.slot]!.first(id) else { return id }
        return owners.withUnsafeBufferPointer { $0[i].name }  // the name alone, not a copy of the owner
    }

    public func goal(_ id: String) -> Goal? {
        guard let i = eagerIDs[Kind.goal.slot]!.first(id) else { return nil }
        return goals[i]
    }

    public func area(_ id: String) -> Area? {
        guard let i = eagerIDs[Kind.area.slot]!.first(id) else { return nil }
        return areas[i]
    }

    /// The records of a kind, as items.
    public func items(_ kind: Kind) -> [any Item] {
        switch kind {
        case .owner: return owners
        case .area: return areas
        case .goal: return goals
        case .activity: return activities
        case .risk: return risks
        case .finding: return findings
        case .followup: return followups
        }
    }
}

extension DataSet {
    /// What a data set computes on first use and keeps, and what it is made from. Its
    /// contents follow from the data set's own immutable contents, so sharing it between
    /// copies is safe. Each value has a lock of its own (`Once`): one thread making the
    /// activities' id index (about 20 ms at 100,000) does not stop another from reading the
    /// goals, as one lock for the whole cache did. A diagnostic on a record holds this and
    /// the record's index, and reads the record's file, id and owners here when printed.
    final class Cache: Sendable {
        private let folder: String
        /// By `Kind.slot`.
        private let paths: [String?]
        private let records: [[Record]]
        private let riskScale: Int
        private let owners: [Owner]
        private let areas: [Area]

        private let madeGoals = Once<[Goal]>()
        let madeActivities = Once<[Activity]>()
        private let madeRisks = Once<[Risk]>()
        private let madeFindings = Once<[Finding]>()
        private let madeFollowups = Once<[Followup]>()
        /// By `Kind.slot`.
        let idIndexes = Kind.allCases.map { _ in Once<IDIndex>() }
        let activityGoals = Once<[Int32]>()
        /// Ids looked up by a pass over the records (`records(of:id:)`), by slot.
        let lookups = Kind.allCases.map { _ in Once<[String: [Int]]>() }

        init(folder: String, paths: [String?], records: [[Record]], riskScale: Int, owners: [Owner], areas: [Area]) {
            self.folder = folder
            self.paths = paths
            self.records = records
            self.riskScale = riskScale
            self.owners = owners
            self.areas = areas
        }

        var goals: [Goal] { madeGoals.get { DataSet.build(records, .goal, DataSet.goal) } }
        var activities: [Activity] { madeActivities.get { DataSet.build(records, .activity, DataSet.activity) } }
        var risks: [Risk] {
            let scale = riskScale
            return madeRisks.get { DataSet.build(records, .risk) { DataSet.risk($0, $1, &$2, scale: scale) } }
        }
        var findings: [Finding] { madeFindings.get { DataSet.build(records, .finding, DataSet.finding) } }
        var followups: [Followup] { madeFollowups.get { DataSet.build(records, .followup, DataSet.followup) } }

        var typedSoFar: [Kind] {
            [(Kind.goal, madeGoals.made != nil), (.activity, madeActivities.made != nil), (.risk, madeRisks.made != nil),
             (.finding, madeFindings.made != nil), (.followup, madeFollowups.made != nil)].filter(\.1).map(\.0)
        }

        /// The path of `kind`'s file as messages show it.
        func path(_ kind: Kind) -> String { paths[kind.slot] ?? folder + "/" + kind.fileName }

        /// The typed record's owners (goals, activities, risks, findings), read where the
        /// record lies; empty for the other kinds. A copy of the record, for its owners,
        /// retained and released everything it holds, for every diagnostic of a long list.
        func owners(_ ref: RecordRef) -> [String] {
            func typed<T>(_ items: [T], _ owners: (T) -> [String]) -> [String] {
                items.withUnsafeBufferPointer { b in ref.index < b.count ? owners(b[ref.index]) : [] }
            }
            switch ref.kind {
            case .goal: return typed(goals) { $0.owners }
            case .activity: return typed(activities) { $0.owners }
            case .risk: return typed(risks) { $0.owners }
            case .finding: return typed(findings) { $0.owners }
            case .owner, .area, .followup: return []
            }
        }

        /// The `id` and `owner` of the record at `ref` (empty when it has none), read from
        /// the typed records instead of walking the record's fields: a diagnostic asks for
        /// them, and a record of many thousand lines may have as many diagnostics.
        func idAndOwner(_ ref: RecordRef) -> (id: String, owner: String) {
            func typed<T: Item>(_ items: [T], _ owner: (T) -> String) -> (String, String)? {
                items.withUnsafeBufferPointer { b in ref.index < b.count ? (b[ref.index].id, owner(b[ref.index])) : nil }
            }
            let found: (String, String)?
            switch ref.kind {
            case .owner: found = typed(owners) { _ in "" }
            case .area: found = typed(areas) { _ in "" }
            case .goal: found = typed(goals) { $0.owner }
            case .activity: found = typed(activities) { $0.owner }
            case .risk: found = typed(risks) { $0.owner }
            case .finding: found = typed(findings) { $0.owner }
            case .followup: found = typed(followups) { _ in "" }
            }
            if let found { return found }
            guard records[ref.kind.slot].indices.contains(ref.index) else { return ("", "") }
            let record = records[ref.kind.slot][ref.index]
            return (record.value(.id) ?? "", record.value(.owner) ?? "")
        }
    }
}

extension Kind {
    /// 0…6 in `allCases` order, to index arrays instead of hashing the kind.
    var slot: Int {
        switch self {
        case .owner: return 0
        case .area: return 1
        case .goal: return 2
        case .activity: return 3
        case .risk: return 4
        case .finding: return 5
        case .followup: return 6
        }
    }
}

/// The vocabularies' parsers, with the stored Swedish word recognised first by its exact
/// bytes. That gives the same value as the general parser (which lower-cases first), only
/// without making a lower-cased copy for every record.
enum Words {
    /// Each owner of a record with several `owner` lines once, in the order written (the
    /// same owner twice is a warning).
    static func owners<Fields: Sequence<Field>>(_ fields: Fields) -> [String] {
        let code = UInt8(FieldKey.owner.rawValue)
        var out: [String] = []
        for f in fields where f.code == code && !f.isEmpty {
            let v = f.value
            if !out.contains(v) { out.append(v) }
        }
        return out
    }

    /// The status word of a `status` field when it is an alias (`genomförd`), as given;
    /// nil for a stored word (found by its bytes, no string made) or an unknown one.
    static func statusAlias(_ f: Field) -> String? {
        guard f.storedWord(Status.self) == nil else { return nil }
        return alias(f.value)
    }

    /// The status word when it is an alias (`genomförd`), as given.
    static func alias(_ text: String?) -> String? {
        guard let text else { return nil }
        // The stored word itself, found by its bytes first: `Status(rawValue:)` compares
        // by Unicode rules, which for "pågår" is the slow way.
        if Status.storedWords.word(text) != nil { return nil }
        guard Status(rawValue: text) == nil, Status.alias(text) != nil else { return nil }
        return text
    }

    static func classification(_ text: String) -> Classification? {
        Classification.storedWords.word(text) ?? Classification(parsing: text)
    }
}
