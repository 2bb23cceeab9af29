/// The history sections of the follow-up, for one period: Revisionshistorik, Förändringar
/// under perioden and Förskjutna tidplaner. Computed from a `History` (uncommitted changes
/// are left out: they have no date), rendered by `HistoryReportText` and
/// `HistoryReportMarkdown`, encoded as is in JSON.
public struct HistoryReport: Sendable, Encodable {
    /// One row of the revision-history table: Version, Beskrivning, Datum, Författare.
    public struct RevisionRow: Sendable, Codable, Hashable {
        /// The tag without a leading `v` (`1.0`), or the short commit hash.
        public let version: String
        public let description: String
        public let date: Day
        public let author: String
        public let commit: String
        public let tag: String?
    }

    /// A record added, closed, cancelled or postponed in the period, or an occurrence of
    /// a recurring activity done in it.
    public struct ChangeRow: Sendable, Codable, Hashable {
        public let kind: Kind
        public let id: String
        public let title: String
        public let owner: String?
        /// When it happened: for a record closed or an occurrence done, the record's `done`
        /// date (the commit date when it has none); otherwise the commit's date.
        public let date: Day
        public let author: String
        public let commit: String
        public let subject: String
        /// For a postponement: the deadlines before and after, the days later (nil for a
        /// move to `?`) and the reason given.
        public let from: String?
        public let to: String?
        public let days: Int?
        public let reason: String?
        /// For a postponement made after its deadline had passed, with no new reason
        /// (`Slip.Move.afterDeadline`): true; nil otherwise (so that JSON has it only then).
        public var afterDeadlineWithoutReason: Bool? = nil
        /// The reason as a reader is shown it (`Slip.Move.reasonShown`).
        public func reasonShown(_ lang: Lang) -> String? { Slip.reasonShown(reason, afterDeadline: afterDeadlineWithoutReason == true, lang) }
        /// The date of the commit that recorded it ("registrerad").
        public var registered: Day? = nil
        /// For an occurrence: its period, outcome and evidence; for a record closed, its evidence.
        public var occurrence: String? = nil
        public var outcome: Occurrence.Outcome? = nil
        public var evidence: String? = nil
        /// For a record reopened: what it was (`klar` or `struken`).
        public var reopenedFrom: Status? = nil
        /// The change in plain words, from the record's fields (not the commit subject):
        /// "A2 flyttad från 2026-09 till 2027-06: Inväntar nytt verksamhetssystem".
        public var description: String = ""
        /// The ids the record had before its id now, oldest first, when it was given a new
        /// id (`HistoryDiff.renames`); nil otherwise.
        public var idsBefore: [String]? = nil

        /// The id as a reader is shown it: "A5.1 (tidigare A5)" for a record given a new id.
        public func shownID(_ lang: Lang) -> String {
            id + (idsBefore.map { (lang == .sv ? " (tidigare " : " (formerly ") + $0.joined(separator: ", ") + ")" } ?? "")
        }
    }

    public var period: FollowUp.Period
    /// There is a version tag in the period. The revision rows are the plan's versions in
    /// the period: annotated tags and changes of `version` in `config.rec`, never commits.
    public var fromTags: Bool
    /// Oldest first.
    public var revisions: [RevisionRow]
    /// Goals, activities, risks and findings created in the period, oldest first.
    public var added: [ChangeRow]
    /// Status set to `klar` (a risk: `stängd`), and occurrences of recurring activities
    /// done, by their done date in the period, oldest first.
    public var closed: [ChangeRow]
    /// Status set to `struken`.
    public var cancelled: [ChangeRow]
    /// Records put back to work in the period after being `klar` or `struken`, and still
    /// open at the report's date: reopened work is not done, and must not read as done.
    /// Shown only when there are some.
    public var reopened: [ChangeRow] = []
    /// Records deleted from the plan in the period, with the title they had: removing a
    /// record is not closing it, and late work must not vanish from the paper unseen.
    /// Shown only when there are some.
    public var removed: [ChangeRow] = []
    /// For a public report: how many records open now were `intern` or `sekretess` at some
    /// time in the period and changed in it; their rows are left out of the history.
    public var hiddenInHistory = 0
    /// Every move of `due` to a later deadline.
    public var postponed: [ChangeRow]
    /// The postponements per record, as `log --slips` shows them, for the period.
    public var slips: [Slip]
    /// E.g. that the clone is shallow.
    public var warnings: [Message]
    /// `moved_signal: grön` in config.rec, for the legend; set by the caller.
    public var movedGreen = false
    /// When `version` in config.rec changed after the report's date: the version in force
    /// on that date (nil when it had none yet), for the report's head, which otherwise
    /// names config.rec's version now (`FollowUp.attach(history:)`).
    public var versionAtDate: String?? = nil
    /// The warnings that change how the whole report reads (its date is before later
    /// commits; the plan's version changed after it): shown under the report's head, where
    /// a reader starts (`FollowUp.headNotes`), not again with the history. Also in
    /// `warnings`, for JSON. Nil when there are none.
    public var headWarnings: [Message]? = nil
    /// The warnings shown with the history sections: those not under the head.
    public var historyWarnings: [Message] {
        guard let head = headWarnings else { return warnings }
        return warnings.filter { !head.contains($0) }
    }

    /// The sections for `period`. Records whose id is in `excluding` are left out (for a
    /// public report, pass the ids of records that are not `öppen` now). With `isPublic`,
    /// so is every record that was `intern` or `sekretess` at any commit of the period or
    /// at its start, also one deleted since (`History.classifiedIDs`); a commit subject that
    /// names a left-out id is replaced by "–".
    ///
    /// `asOf` is the report's date: nothing committed after it is shown (a `done` dated in
    /// the period but registered after the report's date included), a record counts as
    /// closed, cancelled or reopened by its status at the end of the period (a closing on
    /// its done date), and the report warns when records were changed after the report's
    /// date (its tables read the records as they are now).
    public static func make(_ history: History, period: FollowUp.Period, asOf: Day? = nil, excluding: Set<String> = [],
                            isPublic: Bool = false, lang: Lang = .sv) -> HistoryReport {
        func inPeriod(_ d: Day) -> Bool { period.first <= d && d <= period.last }
        /// Registered by the report's date.
        func known(_ r: Revision) -> Bool { asOf.map { r.date <= $0 } ?? true }
        let now = excluding
        let excluding = isPublic ? excluding.union(history.classifiedIDs(from: period.first, through: period.last)) : excluding
        // Records open now but classified at some time in the period: their history is left
        // out, and the public report says how many.
        var hidden = Set<String>()
        var gone = Set<String>()  // deleted since: not an open record whose history is hidden
        /// Whether a commit subject names a left-out record ("risks: R1 status …").
        func namesExcluded(_ subject: String) -> Bool {
            guard !excluding.isEmpty else { return false }
            let words = Set(subject.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "." }).map(String.init))
            return !words.isDisjoint(with: excluding)
        }
        let tags = history.tags.filter { inPeriod($0.date) }
        // The plan's versions: tags, and `version` changes in config.rec that no tag names.
        let tagged = Set(tags.map(\.version))
        var revisions: [RevisionRow] = tags.map {
            RevisionRow(version: $0.version, description: $0.subject, date: $0.date, author: $0.author, commit: $0.commit, tag: $0.name)
        }
        for v in history.versions where inPeriod(v.date) && !tagged.contains(v.version) {
            revisions.append(RevisionRow(version: v.version, description: v.subject, date: v.date, author: v.author, commit: v.commit, tag: nil))
        }
        revisions.sort { $0.date != $1.date ? $0.date < $1.date : naturalLess($0.version, $1.version) }
        // A commit subject may name a left-out record ("risks: R1 status …"): hide it.
        if !excluding.isEmpty {
            revisions = revisions.map { v in
                guard namesExcluded(v.description) else { return v }
                return RevisionRow(version: v.version, description: "–", date: v.date, author: v.author, commit: v.commit, tag: v.tag)
            }
        }
        var added: [ChangeRow] = [], closed: [ChangeRow] = [], removed: [ChangeRow] = []
        let planKinds: Set<Kind> = [.goal, .activity, .risk, .finding]
        let words = Words(lang)
        struct Key: Hashable { let kind: Kind; let id: String }
        // The ids each record had before its id now (the history has its changes under that).
        var former: [Key: [String]] = [:]
        for entry in history.entries where entry.revision != nil {
            for c in entry.changes where c.action == .changed && c.field == "id" {
                if let old = c.old, former[Key(kind: c.kind, id: c.id)]?.contains(old) != true { former[Key(kind: c.kind, id: c.id), default: []].append(old) }
            }
        }
        // Each record's status changes, on the day each took effect (a closing on its done
        // date, anything else on its commit's), and its last closing, cancelling and
        // reopening in the period: a record closed and reopened is listed once, by what it
        // was at the end of the period, not by every step on the way.
        typealias Step = (day: Day, order: Int)
        var steps: [Key: [(step: Step, status: Status?)]] = [:]
        var status: [Key: Status] = [:]  // the last status in commit order, for a change without its old value
        var lastClosed: [Key: (step: Step, row: ChangeRow)] = [:]
        var lastCancelled: [Key: (step: Step, row: ChangeRow)] = [:]
        var lastReopened: [Key: (step: Step, row: ChangeRow)] = [:]
        // Each occurrence line as last written: a correction (a line taken away and one for
        // the same period added in its place) replaces the row, it is not a second completion;
        // a line added beside one that stays (a re-check of the period) is a row of its own.
        struct Line: Hashable { let key: Key; let text: String }
        var occurrences: [Line: (order: Int, row: ChangeRow)] = [:]
        // The day a step took effect says whether it falls in the period; which of a record's
        // steps came last is the order of the commits (a closing back-dated before an earlier
        // commit's change still came after it).
        func isAfter(_ a: Step, _ b: Step?) -> Bool { b.map { a.order > $0.order } ?? true }
        func keep(_ rows: inout [Key: (step: Step, row: ChangeRow)], _ key: Key, _ step: Step, _ row: ChangeRow) {
            if isAfter(step, rows[key]?.step) { rows[key] = (step, row) }
        }
        var order = 0
        var later = Set<String>()
        // When each record was added and removed: one removed and put back under its id in
        // the period was neither added to the plan nor removed from it.
        var presence: [Key: [(day: Day, present: Bool)]] = [:]
        for entry in history.entries {
            guard let r = entry.revision else { continue }
            guard known(r) else {
                for c in entry.changes where planKinds.contains(c.kind) && !excluding.contains(c.id) && !c.id.isEmpty { later.insert(c.id) }
                continue
            }
            for c in entry.changes where planKinds.contains(c.kind) && excluding.contains(c.id) && !now.contains(c.id) {
                if c.action == .removed { gone.insert(c.id) } else if c.action == .created { gone.remove(c.id) }
                if inPeriod(r.date) { hidden.insert(c.id) }
            }
            for c in entry.changes where planKinds.contains(c.kind) && !excluding.contains(c.id) {
                let key = Key(kind: c.kind, id: c.id)
                order += 1
                func row(_ date: Day? = nil, _ what: String) -> ChangeRow {
                    var row = ChangeRow(kind: c.kind, id: c.id, title: c.title ?? "", owner: c.owner, date: date ?? r.date,
                                        author: r.author, commit: r.hash, subject: namesExcluded(r.subject) ? "–" : r.subject, from: nil, to: nil, days: nil, reason: nil)
                    row.registered = r.date
                    row.idsBefore = former[key]
                    row.description = c.id + " " + what
                    return row
                }
                /// The record's own done date: a day as written, even one after the commit
                /// (the `done-future` check reports that); a period, `done: 2014`, at its end,
                /// never after the commit that registered it (done some day in it, by then).
                func doneDay() -> Day {
                    guard let done = c.done.flatMap(Deadline.init(token:)), let last = done.lastDay else { return r.date }
                    return done.firstDay == last ? last : min(last, r.date)
                }
                /// Done on its done date; nil outside the period or after the report's date.
                func doneRow() -> ChangeRow? {
                    let done = doneDay()
                    guard inPeriod(done), asOf.map({ done <= $0 }) ?? true else { return nil }
                    var x = row(done, words.done(done))
                    x.evidence = c.evidence
                    return x
                }
                switch c.action {
                case .created:
                    presence[key, default: []].append((r.date, true))
                    if inPeriod(r.date) { added.append(row(nil, words.added)) }
                    if c.kind == .risk {
                        // A risk's status is its own word; `stängd` counts as closed here.
                        steps[key, default: []].append(((r.date, order), c.status.flatMap(RiskStatus.init(parsing:)) == .closed ? .done : nil))
                        continue
                    }
                    let s = c.status.flatMap(Status.init(parsing:))
                    status[key] = s
                    steps[key, default: []].append(((s == .done ? doneDay() : r.date, order), s))
                    // Added already done: closed on its own done date, as a later change would be.
                    if s == .done, let x = doneRow() { keep(&lastClosed, key, (x.date, order), x) }
                case .removed:
                    presence[key, default: []].append((r.date, false))
                    if inPeriod(r.date) { removed.append(row(nil, words.removed)) }
                case .changed where c.field == "status":
                    if c.kind == .risk {
                        let isClosed = c.new.flatMap(RiskStatus.init(parsing:)) == .closed
                        steps[key, default: []].append(((r.date, order), isClosed ? .done : nil))
                        if isClosed, inPeriod(r.date) { keep(&lastClosed, key, (r.date, order), row(nil, words.riskClosed)) }
                        continue
                    }
                    let was = c.old.flatMap(Status.init(parsing:)) ?? status[key]
                    let s = c.new.flatMap(Status.init(parsing:))
                    // The same status written another way (`genomförd` → `klar`) is no change.
                    if was != nil, was == s { continue }
                    status[key] = s
                    steps[key, default: []].append(((s == .done ? doneDay() : r.date, order), s))
                    if s == .done, let x = doneRow() { keep(&lastClosed, key, (x.date, order), x) }
                    if s == .cancelled, inPeriod(r.date) { keep(&lastCancelled, key, (r.date, order), row(nil, words.cancelled)) }
                    if let was, was.isClosed, !(s?.isClosed ?? false), inPeriod(r.date) {
                        var x = row(nil, words.reopened(was: was))
                        x.reopenedFrom = was
                        keep(&lastReopened, key, (r.date, order), x)
                    }
                case .changed where c.field == "due" || c.field == "done" || c.field == "occurrence":
                    // Where the occurrence lines changed, they say what was done; a change of
                    // `due` or `done` beside them is read as a completion only without them.
                    let written = c.field == "occurrence" ? c.occurrences
                        : entry.changes.contains(where: { $0.field == "occurrence" && $0.kind == c.kind && $0.id == c.id }) ? []
                        : c.occurrence.map { [$0] } ?? []
                    for gone in c.occurrencesRemoved where written.contains(where: { $0.period == gone.period }) {
                        occurrences[Line(key: key, text: gone.text)] = nil
                    }
                    for o in written {
                        var x = row(o.done, words.occurrence(o))
                        x.occurrence = o.period
                        x.outcome = o.outcome
                        x.evidence = o.evidence
                        occurrences[Line(key: key, text: o.text)] = (order, x)
                    }
                    // A done date corrected on a record already done (its status left as it
                    // was): it was closed on the new date, not the first one written.
                    if c.field == "done", c.occurrence == nil, written.isEmpty, status[key] == .done, c.kind != .risk,
                       !entry.changes.contains(where: { $0.field == "status" && $0.kind == c.kind && $0.id == c.id }) {
                        if let i = steps[key]?.lastIndex(where: { $0.status == .done }) { steps[key]?.remove(at: i) }
                        steps[key, default: []].append(((doneDay(), order), .done))
                        lastClosed[key] = doneRow().map { ((doneDay(), order), $0) }
                    }
                default: break
                }
            }
        }
        // Each record by what it was at the end of the period: still done, still cancelled, open again.
        func atEnd(_ key: Key) -> Status? {
            var last: (step: Step, status: Status?)?
            for s in steps[key] ?? [] where s.step.day <= period.last && isAfter(s.step, last?.step) { last = s }
            return last?.status
        }
        func last(_ rows: [Key: (step: Step, row: ChangeRow)], _ keep: (Status?) -> Bool) -> [ChangeRow] {
            rows.filter { keep(atEnd($0.key)) }.values.sorted { $0.step.order < $1.step.order }.map(\.row)
        }
        closed += occurrences.values.filter { inPeriod($0.row.date) }.sorted { $0.order < $1.order }.map(\.row)
        closed += last(lastClosed) { $0 == .done }
        let cancelled = last(lastCancelled) { $0 == .cancelled }
        let reopened = last(lastReopened) { !($0?.isClosed ?? false) }
        // By the date of record; a stable sort keeps history order within a day.
        closed = closed.enumerated().sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }
            .map(\.element)
        let slips = Slips.make(history, since: period.first, until: period.last).filter { !excluding.contains($0.id) }.map { s in
            guard s.moves.contains(where: { $0.revision.map { namesExcluded($0.subject) } ?? false }) else { return s }
            return s.with(moves: s.moves.map { m in
                guard let r = m.revision, namesExcluded(r.subject) else { return m }
                var blanked = Slip.Move(from: m.from, to: m.to, days: m.days, reason: m.reason,
                                        revision: Revision(hash: r.hash, author: r.author, date: r.date, time: r.time, subject: "–"))
                blanked.afterDeadline = m.afterDeadline
                return blanked
            })
        }
        var postponed: [ChangeRow] = []
        for s in slips {
            for m in s.moves {
                guard let r = m.revision else { continue }
                var x = ChangeRow(kind: s.kind, id: s.id, title: s.title, owner: s.owner, date: r.date, author: r.author,
                                  commit: r.hash, subject: namesExcluded(r.subject) ? "–" : r.subject, from: m.from, to: m.to, days: m.days, reason: m.reason)
                x.registered = r.date
                x.afterDeadlineWithoutReason = m.afterDeadline ? true : nil
                x.idsBefore = former[Key(kind: s.kind, id: s.id)]
                x.description = s.id + " " + words.moved(m)
                postponed.append(x)
            }
        }
        // In history order (commits are topologically ordered), then by id.
        var position: [String: Int] = [:]
        for (i, e) in history.entries.enumerated() { if let h = e.revision?.hash { position[h] = i } }
        postponed.sort {
            let a = position[$0.commit] ?? 0, b = position[$1.commit] ?? 0
            return a != b ? a < b : $0.id < $1.id
        }
        var warnings = history.warnings
        var head: [Message] = []
        if let asOf, !later.isEmpty {
            head.append(changedAfter(later, asOf: asOf))
            warnings.append(head[head.count - 1])
        }
        var versionAtDate: String?? = nil
        if let asOf, let changed = history.versions.last(where: { $0.date > asOf }) {
            let then = history.versions.last { $0.date <= asOf }?.version
            versionAtDate = .some(then)
            let was = then.map { (sv: "; den dagen gällde version \($0), som rapportens huvud visar", en: "; version \($0) was in force that day, as the report's head shows") }
                ?? (sv: "; den dagen hade planen ingen version", en: "; the plan had no version that day")
            head.append(Message(sv: "Planens version ändrades efter rapportdagen (till \(changed.version) den \(changed.date))" + was.sv + ".",
                                en: "The plan's version changed after the report's date (to \(changed.version) on \(changed.date))" + was.en + "."))
            warnings.append(head[head.count - 1])
        }
        func present(_ row: ChangeRow, before day: Day) -> Bool {
            presence[Key(kind: row.kind, id: row.id)]?.last { $0.day < day }?.present ?? false
        }
        added.removeAll { present($0, before: period.first) }
        // A record added, removed and added again in the period was added once: its first time.
        var firstAdded = Set<Key>()
        added.removeAll { !firstAdded.insert(Key(kind: $0.kind, id: $0.id)).inserted }
        removed.removeAll { present($0, before: period.last.adding(days: 1)) }
        var report = HistoryReport(period: period, fromTags: !tags.isEmpty, revisions: revisions, added: added, closed: closed,
                                   cancelled: cancelled, postponed: postponed, slips: slips, warnings: warnings)
        report.removed = removed
        report.reopened = reopened
        report.hiddenInHistory = hidden.subtracting(gone).count
        report.versionAtDate = versionAtDate
        report.headWarnings = head.isEmpty ? nil : head
        return report
    }
}

extension HistoryReport {
    /// The warning of a report dated before later commits: its tables read the records as
    /// they are now, its history stops at its date. Names at most ten ids.
    static func changedAfter(_ ids: Set<String>, asOf: Day) -> Message {
        let sorted = ids.sorted(by: naturalLess)
        let named = sorted.prefix(10).joined(separator: ", ") + (sorted.count > 10 ? " …" : "")
        let n = sorted.count
        return Message(
            sv: "Rapportdagen \(asOf) ligger före senare incheckningar: \(n == 1 ? "1 post" : "\(n) poster") ändrades efter den (\(named)). "
                + "Tabellerna visar posterna som de är nu; historiken slutar vid rapportdagen. "
                + "Vill du se planen som den var den dagen, kör rapporten i en utcheckning av den tidens version (git worktree add).",
            en: "The report's date \(asOf) is before later commits: \(n == 1 ? "1 record was" : "\(n) records were") changed after it (\(named)). "
                + "The tables show the records as they are now; the history stops at the report's date. "
                + "To see the plan as it was that day, run the report in a checkout of that version (git worktree add).")
    }

    /// The groups of the changes section, in order, without Uppskjutna (each format lays
    /// out the moves itself): Tillagda, Klara, Strukna, and Återöppnade and Borttagna ur
    /// planen when there are any.
    public func changeGroups(_ lang: Lang) -> [(title: String, rows: [ChangeRow])] {
        let sv = lang == .sv
        var groups: [(title: String, rows: [ChangeRow])] = [(sv ? "Tillagda" : "Added", added), (sv ? "Klara" : "Closed", closed),
                                                            (sv ? "Strukna" : "Cancelled", cancelled)]
        if !reopened.isEmpty { groups.append((sv ? "Återöppnade" : "Reopened", reopened)) }
        if !removed.isEmpty { groups.append((sv ? "Borttagna ur planen" : "Removed from the plan", removed)) }
        return groups
    }

    /// The legend of the history sections: how dates, occurrences, baselines and moved
    /// signals are worked out (docs/format.md, "Baseline and moved deadlines").
    public static func legend(movedGreen: Bool) -> Message {
        Message(
            sv: "Så läses uppgifterna: Klara listas på postens klardatum (done); dagen för incheckningen visas som registrerad. "
                + "Ett tillfälle av en återkommande aktivitet (every:) som blivit klart är klart, inte uppskjutet: det listas under Klara med period, utfall och underlag och räknas aldrig som förskjutning. "
                + "Ursprungligt slutdatum (urspr.) är slutdatumet när perioden började, eller när posten lades till om det var senare; "
                + (movedGreen ? "en post vars slutdatum flyttats senare behåller sin beräknade signal (moved_signal: grön i config.rec). "
                              : "en öppen post vars slutdatum flyttats senare än så är minst gul (ändras med moved_signal: grön i config.rec). ")
                + "Revisionshistoriken visar planens versioner: annoterade git-taggar och ändringar av version i config.rec.",
            en: "How to read this: Closed work is listed on the record's done date; the day of the commit is shown as registered. "
                + "A completed occurrence of a recurring activity (every:) is done, not postponed: it is listed under Closed with its period, outcome and evidence and never counts as a slip. "
                + "The original deadline (orig.) is the deadline when the period began, or when the record was added if later; "
                + (movedGreen ? "a record whose deadline moved later keeps its computed signal (moved_signal: grön in config.rec). "
                              : "an open record whose deadline moved later than that is at least yellow (change with moved_signal: grön in config.rec). ")
                + "The revision history lists the plan's versions: annotated git tags and changes of version in config.rec.")
    }

    /// The plain words of the change rows, in one language.
    struct Words {
        let sv: Bool
        init(_ lang: Lang) { sv = lang == .sv }

        var added: String { sv ? "tillagd" : "added" }
        var cancelled: String { sv ? "struken" : "cancelled" }
        var removed: String { sv ? "borttagen ur planen" : "removed from the plan" }
        /// "återöppnad (var klar)", "åter i planen (var struken)".
        func reopened(was: Status) -> String {
            was == .cancelled ? (sv ? "åter i planen (var struken)" : "back in the plan (was cancelled)")
                              : (sv ? "återöppnad (var klar)" : "reopened (was done)")
        }
        var riskClosed: String { sv ? "stängd" : "closed" }
        func done(_ d: Day) -> String { sv ? "klar \(d)" : "done \(d)" }
        /// "tillfälle 2026-Q1 klart 2026-03-20, utan anmärkning".
        /// Done after its period ended: "tillfälle 2025-Q1 klart 2025-05-05 (35 dagar sen)".
        func occurrence(_ o: Occurrence) -> String {
            let lang: Lang = sv ? .sv : .en
            let late = Deadline(token: o.period)?.lastDay.map { $0 < o.done ? $0.days(until: o.done) : 0 } ?? 0
            return (sv ? "tillfälle \(o.period) klart \(o.done)" : "occurrence \(o.period) done \(o.done)")
                + (late > 0 ? " (" + lang.daysLate(late) + ")" : "")
                + (o.outcome.map { ", " + $0.word(lang) } ?? "")
        }
        /// "flyttad från 2026-09 till 2027-06: Inväntar nytt verksamhetssystem".
        func moved(_ m: Slip.Move) -> String {
            (sv ? "flyttad från \(m.from) till \(m.to)" : "moved from \(m.from) to \(m.to)") + (m.reasonShown(sv ? .sv : .en).map { ": " + $0 } ?? "")
        }
    }
}
