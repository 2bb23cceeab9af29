import FoundationEssentials

/// Where a record lives: its kind and its index among the file's records.
public struct RecordRef: Sendable, Hashable, Codable {
    public let kind: Kind
    public let index: Int

    public init(kind: Kind, index: Int) {
        self.kind = kind
        self.index = index
    }
}

/// What every record of the plan shares.
public protocol Item: Sendable {
    var ref: RecordRef { get }
    var id: String { get }
    var classification: Classification { get }
}

/// What decides where a record stands on a day: its status and the deadline that counts.
/// The rule (`Standing`) is written once, here, for the typed records (`Scheduled`) and
/// for their `Timing`.
public protocol Timed {
    /// The deadline that counts; for a recurring activity, the next one.
    var deadline: Deadline? { get }
    var status: Status? { get }
    /// When it was done, as given (`done`): a day or a period; nil when there is none or
    /// it names no day. A record done after the day it is judged on is open that day
    /// (`Status.on(_:_:done:)`).
    var donePeriod: Deadline? { get }
    /// The deadline that counts on `day`. A recurring activity's completions move its
    /// deadline on from the day each was done, not before (a report as of an earlier day,
    /// or a done date written ahead of time): `Activity.deadline(on:)`. Any other record's
    /// is `deadline`.
    func deadline(on day: Day) -> Deadline?
}

extension Timed {
    public func deadline(on day: Day) -> Deadline? { deadline }
}

/// What the scheduled checks judge a goal, activity or finding by, apart from its texts:
/// a small value with no references, so the check runner hands it to each check without
/// a retain or a release (the record itself held its owners and its fields, and was
/// copied for every check it was given to). A check that reports reads the rest of the
/// record from the data set by `ref`.
public struct Timing: Timed, Sendable {
    public let ref: RecordRef
    public let status: Status?
    /// The deadline on the day the timing was made for (`Scheduled.timing(on:)`): a timing
    /// is judged on that day only, so it keeps no deadline of any other day.
    public let deadline: Deadline?
    /// When it was done, as given (`done`); nil when there is none or it names no day.
    public let donePeriod: Deadline?
}

/// A record with owners and a deadline: goals, activities and findings.
public protocol Scheduled: Item, Timed {
    var title: String { get }
    /// The first owner, for code that names one.
    var owner: String { get }
    /// Every owner, in file order (`owner` may repeat: one line per owner).
    var owners: [String] { get }
    /// The status word as the file has it, when it is an alias (`genomförd`); nil otherwise.
    var statusAlias: String? { get }
    /// The deadline as the file has it (`due`). For a recurring activity whose `done`
    /// counts, `deadline` is a period later: finishing an occurrence is not a move, so the
    /// history's baselines are compared with this, not with `deadline`.
    var due: Deadline? { get }
    var reason: String? { get }
    /// When it was done, as given (`done`): a day or a period; nil when there is none or
    /// it names no day.
    var donePeriod: Deadline? { get }
}

/// Where a scheduled record stands on a day: what the checks and reports ask of it,
/// worked out from the deadline once.
public struct Standing: Sendable {
    /// The period has ended and the record is neither `klar` nor `struken`.
    public let isOverdue: Bool
    /// Open and due within the window (inclusive).
    public let isDueSoon: Bool
    /// Open and `vilande`, or with an unknown deadline (`?`) or none.
    public let isWaiting: Bool
    /// Days late, 0 when not late.
    public let daysLate: Int
    /// Days until the deadline's last day, for a record due soon; 0 otherwise.
    public let daysLeft: Int
    public let signal: Signal
}

extension Standing {
    /// The rule: late after the deadline's last day, due soon within `window` days,
    /// waiting when `vilande` or the deadline is unknown or missing; closed records are none of these.
    public init(deadline: Deadline?, status: Status?, asOf: Day, window: Int) {
        let open = !(status?.isClosed ?? false)
        let last = open ? deadline?.lastDay : nil
        let overdue = last.map { $0 < asOf } ?? false
        let daysLeft = last.map { asOf.days(until: $0) } ?? 0
        let soon = !overdue && last != nil && daysLeft <= window
        let waiting = open && Standing.waits(status, deadline)
        // röd when late, gul when due soon or waiting, grön when done or on track, grå when cancelled.
        let signal: Signal = status == .cancelled ? .grey : status == .done ? .green
            : overdue ? .red : soon || waiting ? .yellow : .green
        self.init(isOverdue: overdue, isDueSoon: soon, isWaiting: waiting, daysLate: overdue ? -daysLeft : 0,
                  daysLeft: soon ? daysLeft : 0, signal: signal)
    }

    /// `vilande`, or no known deadline: `due: ?`, or no `due` at all (a finding may lack one).
    /// A record with no deadline cannot be on time; it waits for one, as `?` does.
    static func waits(_ status: Status?, _ deadline: Deadline?) -> Bool {
        status == .onHold || deadline?.isUnknown ?? true
    }
}

extension Scheduled {
    /// Its timing as judged on `day`: the deadline is the one that counts that day.
    public func timing(on day: Day) -> Timing { Timing(ref: ref, status: status, deadline: deadline(on: day), donePeriod: donePeriod) }
}

extension Timed {
    public func standing(asOf: Day, window: Int) -> Standing {
        Standing(deadline: deadline(on: asOf), status: Status.on(asOf, status, done: donePeriod), asOf: asOf, window: window)
    }

    public func isOverdue(asOf: Day) -> Bool { standing(asOf: asOf, window: 0).isOverdue }

    public func isDueSoon(asOf: Day, window: Int) -> Bool { standing(asOf: asOf, window: window).isDueSoon }

    public func daysLate(asOf: Day) -> Int { standing(asOf: asOf, window: 0).daysLate }

    public var isWaiting: Bool { !(status?.isClosed ?? false) && Standing.waits(status, deadline) }

    /// Its status on `asOf` (`Status.on(_:_:done:)`): `klar` only once its done date has come.
    public func status(asOf: Day) -> Status? { Status.on(asOf, status, done: donePeriod) }

    /// The traffic light (see `Standing`).
    public func signal(asOf: Day, window: Int) -> Signal { standing(asOf: asOf, window: window).signal }
}

extension Scheduled {
    /// The status as shown: in Swedish the word the file has (an alias such as `genomförd`
    /// stays as given), in English the English word.
    public func statusWord(_ lang: Lang) -> String? {
        if lang == .sv, let statusAlias { return statusAlias }
        return status?.word(lang)
    }

    /// True when `id` is one of the owners.
    public func isOwned(by id: String) -> Bool { owners.contains(id) }
}

/// The owners' names joined as a sentence: "A", "A och B", "A, B och C".
public func joinedNames(_ names: [String], _ lang: Lang) -> String {
    guard names.count > 1 else { return names.first ?? "" }
    var out = names[0]
    for name in names[1..<(names.count - 1)] {
        out += ", "
        out += name
    }
    return out + (lang == .sv ? " och " : " and ") + names[names.count - 1]
}

/// At most `limit` owners by name (`name`), joined as `joinedNames` joins them, and how
/// many more: "A, B, C och 9 till" / "A, B, C and 9 more". A diagnostic names its record's
/// owners so: one record with thousands of owners, each unknown, made thousands of
/// messages each as long as the whole list (12,500 owners: 4 GB and no end to `audit`).
public func fewNames(_ ids: [String], _ lang: Lang, limit: Int = 3, name: (String) -> String) -> String {
    guard ids.count > limit else { return joinedNames(ids.map(name), lang) }
    let more = ids.count - limit
    return ids.prefix(limit).map(name).joined(separator: ", ") + (lang == .sv ? " och \(more) till" : " and \(more) more")
}

/// The traffic light (trafikljus).
public enum Signal: String, Sendable, CaseIterable, Codable {
    case green, yellow, red, grey

    public func word(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.green, .sv): return "grön"
        case (.yellow, .sv): return "gul"
        case (.red, .sv): return "röd"
        case (.grey, .sv): return "grå"
        case (_, .en): return rawValue
        }
    }
}

public struct Owner: Item {
    public let ref: RecordRef
    public let id: String
    public let name: String
    public let kind: OwnerKind?
    public let parent: String?
    public let contact: String?
    public var classification: Classification { .open }
}

public struct Area: Item {
    public let ref: RecordRef
    public let id: String
    public let name: String
    public let description: String?
    public var classification: Classification { .open }
}

/// A record's fields, kept by its typed record for the texts it makes when they are
/// asked for: the list the record has (not a copy), so a text is not held twice, once in
/// the file's bytes and once as a string (docs/performance.md, "Typed records that keep no text").
struct StoredFields: Sendable {
    let list: FieldList

    /// The first value of `key`, nil when absent or empty: what `FieldSlots` gives.
    subscript(_ key: FieldKey) -> String? { Field.first(key, in: list)?.value }

    func text(_ key: FieldKey) -> FieldText? { Field.first(key, in: list)?.text }

    /// The status word when it is an alias (`genomförd`), as given.
    var statusAlias: String? { Field.first(.status, in: list).flatMap(Words.statusAlias) }

    /// Every value of `key`, in file order (a repeatable field: `occurrence`).
    func values(_ key: FieldKey) -> [String] {
        let code = UInt8(key.rawValue)
        var out: [String] = []
        for f in list where f.code == code { out.append(f.value) }
        return out
    }
}

public struct Goal: Scheduled {
    public let ref: RecordRef
    public let id: String
    public let parent: String?
    public let area: String?
    public let owners: [String]
    public let due: Deadline?
    public let status: Status?
    public let classification: Classification
    /// When it was done, as given: a day or a period (`done: 2014`).
    public let donePeriod: Deadline?
    let fields: StoredFields

    public var title: String { fields[.title] ?? "" }
    public var statusAlias: String? { fields.statusAlias }
    public var doneWhen: String? { fields[.doneWhen] }
    /// The last day of `donePeriod`: the day it counts as done.
    public var done: Day? { donePeriod?.lastDay }
    public var reason: String? { fields[.reason] }
    public var note: String? { fields[.note] }
    public var source: String? { fields[.source] }
    /// What is measured (`indicator`) and the value aimed at (`target`).
    public var indicator: String? { fields[.indicator] }
    public var target: String? { fields[.target] }
    public var deadline: Deadline? { due }
    public var owner: String { owners.first ?? "" }
}

public struct Activity: Scheduled {
    // 112 bytes: what the checks and lists judge an activity by is kept typed (dates,
    // status, ids); its texts, its area and the status word as written are read from the
    // record's fields when asked for, since most commands never read them. At 1,000,000
    // activities the texts kept apart cost 136 MB more (docs/performance.md, "Typed records
    // that keep no text"), the area 16 MB.
    private let index32: Int32
    public let status: Status?
    public let every: Recurrence?
    public let classification: Classification
    /// Whether `done` moves a recurring activity's deadline on (`countedDone`).
    private let doneCounts: Bool
    public let id: String
    public let goal: String
    public let owners: [String]
    private let fields: StoredFields
    public let start: Deadline?
    public let due: Deadline?
    /// When it was done, as given: a day or a period (`done: 2014`).
    public let donePeriod: Deadline?

    init(index: Int, id: String, goal: String, owners: [String], start: Deadline?, due: Deadline?, status: Status?,
         donePeriod: Deadline?, every: Recurrence?, classification: Classification, fields: FieldList,
         countedDone: Day?) {
        index32 = Int32(clamping: index)
        self.id = id
        self.goal = goal
        self.owners = owners
        self.start = start
        self.due = due
        self.status = status
        self.donePeriod = donePeriod
        self.every = every
        self.classification = classification
        self.fields = StoredFields(list: fields)
        doneCounts = countedDone != nil
        assert(countedDone == nil || countedDone == donePeriod?.lastDay, "a counted done is the done day")
    }

    public var ref: RecordRef { RecordRef(kind: .activity, index: Int(index32)) }
    public var area: String? { fields[.area] }
    public var title: String { titleText?.value ?? "" }
    /// How far it has come: a percentage (`60 %`) or a text ("kommunens del är genomförd").
    public var progress: String? { progressText?.value }
    /// The last day of `donePeriod`: the day it counts as done.
    public var done: Day? { donePeriod?.lastDay }
    public var reason: String? { reasonText?.value }
    public var note: String? { noteText?.value }
    public var evidence: String? { evidenceText?.value }
    public var owner: String { owners.first ?? "" }
    public var statusAlias: String? { fields.statusAlias }
    var titleText: FieldText? { fields.text(.title) }
    var progressText: FieldText? { fields.text(.progress) }
    var reasonText: FieldText? { fields.text(.reason) }
    var noteText: FieldText? { fields.text(.note) }
    var evidenceText: FieldText? { fields.text(.evidence) }
    /// The `occurrence` lines' values, in file order.
    var occurrenceLines: [String] { fields.values(.occurrence) }
    /// `done` when it moves a recurring activity's deadline on; nil when `activities done`
    /// has already moved `due` past the occurrence that `done` completed (see `countedDone`).
    public var countedDone: Day? { doneCounts ? done : nil }
    /// A standing control: `every` with `due: löpande` (it owes each period a check:
    /// `Activity.deadline(on:)`). `Record.isStandingControl` tells it from the fields as written.
    public var isStandingControl: Bool { every != nil && due?.isStanding == true }

    /// For a recurring activity done on or after its stored deadline, the next period.
    public var deadline: Deadline? { Activity.deadline(due: due, every: every, done: countedDone) }

    /// The deadline that counts on `day` (`Activity.deadline(on:due:…)`).
    public func deadline(on day: Day) -> Deadline? {
        Activity.deadline(on: day, due: due, every: every, done: done, countedDone: countedDone, start: start,
                          occurrences: { fields.values(.occurrence) })
    }

    /// The same from the fields, for code that reads records in place through a pointer,
    /// where calling a property of the record would copy it. `done` is `countedDone`.
    public static func deadline(due: Deadline?, every: Recurrence?, done: Day?) -> Deadline? {
        if let every, let done, let last = due?.lastDay, done >= (due?.firstDay ?? last) {
            return every.next(after: done)
        }
        return due
    }

    /// The deadline that counts on `day`, from the fields. A recurring activity's last
    /// `done` after `day` has moved nothing yet: the deadline that day is the earliest of the
    /// periods its completions after `day` completed (the `occurrence` lines, which
    /// `activities done` writes as it moves `due`; a period checked by `day` already, whose
    /// re-check came after, is not one), and `due` when `done`, written by hand, is what
    /// moves it (`countedDone`); otherwise the deadline as the fields give it. `occurrences`
    /// (the lines' values) is read only then, so the usual record costs a comparison.
    ///
    /// A standing control (`due: löpande` with `every`) has no deadline to move, but it owes
    /// each period of its rhythm a check (`Recurrence.owed`): the first period after the
    /// last one checked by `day` (its occurrences, its `done`), or, with none, the period
    /// that holds its `start`. Once that period has ended unchecked, it is the deadline: the control is
    /// late since its last day. Until then the deadline is `löpande` (never due soon: a
    /// monthly control would always be).
    @inline(__always)
    public static func deadline(on day: Day, due: Deadline?, every: Recurrence?, done: Day?, countedDone: Day?,
                                start: @autoclosure () -> Deadline?, occurrences: () -> [String]) -> Deadline? {
        let now = deadline(due: due, every: every, done: countedDone)
        if let every, due?.isStanding == true {
            guard let owed = every.owed(occurrences().compactMap(Occurrence.init), start: start(), done: done, asOf: day),
                  let end = owed.lastDay, end < day else { return now }
            return owed
        }
        guard every != nil, let done, done > day else { return now }
        return before(day, due: countedDone != nil ? due : nil, occurrences: occurrences().compactMap(Occurrence.init)) ?? now
    }

    /// The earliest of `due` and the periods completed only after `day`, by their first day.
    static func before(_ day: Day, due: Deadline?, occurrences: [Occurrence]) -> Deadline? {
        var firstDone: [String: Day] = [:]
        for o in occurrences { firstDone[o.period] = min(firstDone[o.period] ?? o.done, o.done) }
        var open: [(first: Day, period: Deadline)] = []
        for (token, done) in firstDone where done > day {
            if let p = Deadline(token: token), let first = p.firstDay { open.append((first, p)) }
        }
        if let due, let first = due.firstDay { open.append((first, due)) }
        return open.min { $0.first < $1.first }?.period
    }

    /// The `done` day that moves a recurring activity's deadline on. `activities done`
    /// writes the occurrence (`occurrence: 2025-Q1 2025-05-05`), sets `done` and moves `due`
    /// one period on (`2025-Q2`) at once; when the occurrence was done late, in the period
    /// after its own, `done` falls inside the new `due`, and counting it again would skip a
    /// period that is still to be done. So a `done` that the last occurrence records, for a
    /// period that ends before the stored `due` begins, has moved `due` already: nil.
    public static func countedDone(done: Day?, due: Deadline?, every: Recurrence?, lastOccurrence: Occurrence?) -> Day? {
        guard every != nil, let done, let o = lastOccurrence, o.done == done,
              let periodEnd = Deadline(token: o.period)?.lastDay, let dueStart = due?.firstDay, periodEnd < dueStart else { return done }
        return nil
    }
}

/// Risk level; the score thresholds are in `RiskThresholds`.
public enum RiskLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case low, medium, high, veryHigh


    public func word(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.low, .sv): return "låg"
        case (.medium, .sv): return "medel"
        case (.high, .sv): return "hög"
        case (.veryHigh, .sv): return "mycket hög"
        case (.low, .en): return "low"
        case (.medium, .en): return "medium"
        case (.high, .en): return "high"
        case (.veryHigh, .en): return "very high"
        }
    }

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public struct Risk: Item {
    public let ref: RecordRef
    public let id: String
    public let area: String?
    public let likelihood: Int?
    public let consequence: Int?
    public let owners: [String]
    public var owner: String { owners.first ?? "" }
    public let actions: [String]
    public let status: RiskStatus?
    public let review: Day?
    public let residualLikelihood: Int?
    public let residualConsequence: Int?
    public let classification: Classification
    /// The highest value of the scale the risk was read under (`risk_scale` in config.rec).
    public let scaleMax: Int
    let fields: StoredFields

    public var title: String { fields[.title] ?? "" }
    public var description: String? { fields[.description] }
    public var treatment: String? { fields[.treatment] }
    public var source: String? { fields[.source] }

    /// The scales `risk_scale` in config.rec may name (1–4, the default, or 1–5).
    public static let scales = [4, 5]
    public static let defaultScale = 4

    /// The values `likelihood` and `consequence` (and the residual ones) may take under a
    /// `risk_scale`. Every check, score and matrix asks this range, so the scale is stated once.
    public static func scale(_ max: Int) -> ClosedRange<Int> { 1...max }

    /// Likelihood × consequence; nil (unknown) unless both are on the scale, so a value the
    /// `score` check reports as wrong never reaches the arithmetic.
    public var score: Int? { Risk.score(likelihood, consequence, scale: scaleMax) }

    /// The residual likelihood × consequence, the risk left once the actions are done; nil
    /// unless both are on the scale.
    public var residualScore: Int? { Risk.score(residualLikelihood, residualConsequence, scale: scaleMax) }

    /// The score of two values, nil unless both are on the scale.
    public static func score(_ likelihood: Int?, _ consequence: Int?, scale max: Int) -> Int? {
        guard let l = likelihood, let c = consequence, scale(max).contains(l), scale(max).contains(c) else { return nil }
        return l * c
    }

    public func isReviewPassed(asOf: Day) -> Bool {
        guard let review, status != .closed else { return false }
        return review < asOf
    }
}

public struct Finding: Scheduled {
    public let ref: RecordRef
    public let id: String
    public let year: Int?
    public let assessment: Assessment?
    public let owners: [String]
    public var owner: String { owners.first ?? "" }
    public let due: Deadline?
    public let actions: [String]
    public let status: Status?
    public let classification: Classification
    public let area: String?
    /// When it was done, as given: a day or a period.
    public let donePeriod: Deadline?
    let fields: StoredFields

    public var audit: String { fields[.audit] ?? "" }
    public var auditor: String? { fields[.auditor] }
    public var caseNumber: String? { fields[.caseNumber] }
    public var recommendation: String { fields[.recommendation] ?? "" }
    public var response: String? { fields[.response] }
    public var progress: String? { fields[.progress] }
    public var remaining: String? { fields[.remaining] }
    public var evidence: String? { fields[.evidence] }
    public var statusAlias: String? { fields.statusAlias }
    public var reason: String? { fields[.reason] }
    /// avvikelse, brist, iakttagelse …: `finding_kinds` in config.rec.
    public var kind: String? { fields[.kind] }
    /// The legal basis, free text ("Jf. Patientdatalagen 4 kap. 3 §").
    public var basis: String? { fields[.basis] }
    public var note: String? { fields[.note] }
    /// The last day of `donePeriod`: the day it counts as done.
    public var done: Day? { donePeriod?.lastDay }
    public var title: String { recommendation }
    public var deadline: Deadline? { due }
}

/// A period follow-up (`followups.rec`): how a goal, sub-goal or activity stood in a period.
public struct Followup: Item {
    public let ref: RecordRef
    public let id: String
    /// The goal's or activity's id.
    public let record: String
    /// The period, a deadline token (`2027-T1`); nil when malformed.
    public let period: Deadline?
    public let assessment: String
    public let analysis: String?
    /// The indicator's value for the period.
    public let outcome: String?
    public let classification: Classification
}

/// The words of a follow-up's `assessment`: a goal is uppfyllt, delvis uppfyllt or ej
/// uppfyllt; an activity gets a signal word (grön, gul, röd).
public enum FollowUpAssessment {
    public static let goalWords = ["uppfyllt", "delvis uppfyllt", "ej uppfyllt"]
    public static let activityWords = ["grön", "gul", "röd"]

    /// Every word in both languages, English as the report and the English workbook show
    /// it; `import` reads either back to the stored (Swedish) word.
    public static let words: [Message] = [
        Message(sv: "uppfyllt", en: "met"), Message(sv: "delvis uppfyllt", en: "partly met"), Message(sv: "ej uppfyllt", en: "not met"),
        Message(sv: "grön", en: "green"), Message(sv: "gul", en: "yellow"), Message(sv: "röd", en: "red"),
    ]

    /// The stored word `word` in `lang`; a word that is none of them, as given.
    public static func word(_ word: String, _ lang: Lang) -> String {
        lang == .sv ? word : words.first { $0.sv == word }?.en ?? word
    }

    /// The signal the word stands for, for colouring.
    public static func signal(_ word: String) -> Signal? {
        switch word {
        case "uppfyllt", "grön": return .green
        case "delvis uppfyllt", "gul": return .yellow
        case "ej uppfyllt", "röd": return .red
        default: return nil
        }
    }
}

/// Orders ids as people read them: `D8` before `D10`, `A2` before `A12`. Runs of
/// digits compare by their value, other bytes by themselves; ids equal in that way
/// (`A01`, `A1`) fall back to their plain bytes, so the order is total.
public func naturalLess(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in b.withUTF8 { y in naturalCompare(x, y) < 0 } }
}

func naturalCompare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
    func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    var i = 0, j = 0
    while i < x.count && j < y.count {
        guard isDigit(x[i]) && isDigit(y[j]) else {
            if x[i] != y[j] { return x[i] < y[j] ? -1 : 1 }
            i += 1; j += 1
            continue
        }
        // Two runs of digits: without leading zeros, the longer is larger, else the first different digit.
        var i0 = i, j0 = j
        while i0 < x.count && x[i0] == 0x30 { i0 += 1 }
        while j0 < y.count && y[j0] == 0x30 { j0 += 1 }
        var i1 = i0, j1 = j0
        while i1 < x.count && isDigit(x[i1]) { i1 += 1 }
        while j1 < y.count && isDigit(y[j1]) { j1 += 1 }
        if i1 - i0 != j1 - j0 { return i1 - i0 < j1 - j0 ? -1 : 1 }
        for k in 0..<(i1 - i0) where x[i0 + k] != y[j0 + k] { return x[i0 + k] < y[j0 + k] ? -1 : 1 }
        i = i1; j = j1
    }
    if x.count - i != y.count - j { return x.count - i < y.count - j ? -1 : 1 }
    // Equal but for leading zeros: the plain bytes decide.
    return x.elementsEqual(y) ? 0 : x.lexicographicallyPrecedes(y) ? -1 : 1
}

extension DataSet {
    /// The typed record's owners (goals, activities, risks, findings); empty for the
    /// other kinds (`Cache.owners`).
    public func owners(_ ref: RecordRef) -> [String] { cache.owners(ref) }

    /// Whether the record at `ref` is a standing control (`due: löpande` with `every`), read
    /// in place (a late one's deadline is a period it owes a check: `Activity.deadline(on:)`);
    /// `Record.isStandingControl` tells the same from the fields as written.
    public func isStandingControl(_ ref: RecordRef) -> Bool {
        guard ref.kind == .activity else { return false }
        return activities.withUnsafeBufferPointer { b in
            ref.index < b.count && b[ref.index].isStandingControl
        }
    }

    /// The `id` and `owner` of the record at `ref` (empty when it has none), read from the
    /// typed records (`Cache.idAndOwner`).
    public func idAndOwner(_ ref: RecordRef) -> (id: String, owner: String) { cache.idAndOwner(ref) }
}

extension Record {
    /// A standing control as its fields are written: `every` and a `due` of `löpande` (an
    /// activity's; the rules of `set`, `postpone` and `done` ask it of the record they change).
    var isStandingControl: Bool {
        value(.every) != nil && value(.due).flatMap(Deadline.init(token:))?.isStanding == true
    }
}
