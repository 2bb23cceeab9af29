/// The history sections of the follow-up, for one period: Revisionshistorik, Förändringar
/// under perioden and Förskjutna tidplaner. Computed from a `History` (uncommitted changes
/// are left out: they have no date), rendered by `HistoryReportText` and
/// `HistoryReportMarkdown`, encoded as is in JSON.
public struct HistoryReport: Sendable, Codable {
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
        /// The date of the commit that recorded it ("registrerad").
        public var registered: Day? = nil
        /// For an occurrence: its period, outcome and evidence; for a record closed, its evidence.
        public var occurrence: String? = nil
        public var outcome: Occurrence.Outcome? = nil
        public var evidence: String? = nil
        /// The change in plain words, from the record's fields (not the commit subject):
        /// "A2 flyttad från 2026-09 till 2027-06: Inväntar nytt verksamhetssystem".
        public var description: String = ""
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
    /// Records deleted from the plan in the period, with the title they had: removing a
    /// record is not closing it, and late work must not vanish from the paper unseen.
    /// Shown only when there are some.
    public var removed: [ChangeRow] = []
    /// Every move of `due` to a later deadline.
    public var postponed: [ChangeRow]
    /// The postponements per record, as `log --slips` shows them, for the period.
    public var slips: [Slip]
    /// E.g. that the clone is shallow.
    public var warnings: [Message]
    /// `moved_signal: grön` in config.rec, for the legend; set by the caller.
    public var movedGreen = false

    /// The sections for `period`. Records whose id is in `excluding` are left out (for a
    /// public report, pass the ids of records that are not `öppen` now). With `isPublic`,
    /// so is every record that was `intern` or `sekretess` at any commit of the period or
    /// at its start, also one deleted since (`History.classifiedIDs`); a commit subject that
    /// names a left-out id is replaced by "–".
    public static func make(_ history: History, period: FollowUp.Period, excluding: Set<String> = [],
                            isPublic: Bool = false, lang: Lang = .sv) -> HistoryReport {
        func inPeriod(_ d: Day) -> Bool { period.first <= d && d <= period.last }
        let excluding = isPublic ? excluding.union(history.classifiedIDs(from: period.first, through: period.last)) : excluding
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
        var added: [ChangeRow] = [], closed: [ChangeRow] = [], cancelled: [ChangeRow] = [], removed: [ChangeRow] = []
        let planKinds: Set<Kind> = [.goal, .activity, .risk, .finding]
        let words = Words(lang)
        for entry in history.entries {
            guard let r = entry.revision else { continue }
            for c in entry.changes where planKinds.contains(c.kind) && !excluding.contains(c.id) {
                func row(_ date: Day? = nil, _ what: String) -> ChangeRow {
                    var row = ChangeRow(kind: c.kind, id: c.id, title: c.title ?? "", owner: c.owner, date: date ?? r.date,
                                        author: r.author, commit: r.hash, subject: namesExcluded(r.subject) ? "–" : r.subject, from: nil, to: nil, days: nil, reason: nil)
                    row.registered = r.date
                    row.description = c.id + " " + what
                    return row
                }
                /// Done on the record's own date, which may lie before the commit (a period,
                /// `done: 2014`, counts at its end, never after the commit); nil outside the period.
                func doneRow() -> ChangeRow? {
                    let done = c.done.flatMap(Deadline.init(token:))?.lastDay.map { min($0, r.date) } ?? r.date
                    guard inPeriod(done) else { return nil }
                    var x = row(done, words.done(done))
                    x.evidence = c.evidence
                    return x
                }
                switch c.action {
                case .created:
                    if inPeriod(r.date) { added.append(row(nil, words.added)) }
                    // Added already done: closed on its own done date, as a later change would be.
                    if c.kind != .risk, c.status.flatMap(Status.init(parsing:)) == .done, let x = doneRow() { closed.append(x) }
                case .removed:
                    if inPeriod(r.date) { removed.append(row(nil, words.removed)) }
                case .changed where c.field == "status":
                    guard let v = c.new else { continue }
                    if c.kind == .risk {
                        if RiskStatus(parsing: v) == .closed, inPeriod(r.date) { closed.append(row(nil, words.riskClosed)) }
                    } else if let s = Status(parsing: v) {
                        if s == .done, let x = doneRow() { closed.append(x) }
                        if s == .cancelled, inPeriod(r.date) { cancelled.append(row(nil, words.cancelled)) }
                    }
                case .changed where c.field == "due":
                    guard let o = c.occurrence, inPeriod(o.done) else { continue }
                    var x = row(o.done, words.occurrence(o))
                    x.occurrence = o.period
                    x.outcome = o.outcome
                    x.evidence = o.evidence
                    closed.append(x)
                default: break
                }
            }
        }
        // By the date of record; a stable sort keeps history order within a day.
        closed = closed.enumerated().sorted { $0.element.date != $1.element.date ? $0.element.date < $1.element.date : $0.offset < $1.offset }
            .map(\.element)
        let slips = Slips.make(history, since: period.first, until: period.last).filter { !excluding.contains($0.id) }.map { s in
            guard s.moves.contains(where: { $0.revision.map { namesExcluded($0.subject) } ?? false }) else { return s }
            return s.with(moves: s.moves.map { m in
                guard let r = m.revision, namesExcluded(r.subject) else { return m }
                return Slip.Move(from: m.from, to: m.to, days: m.days, reason: m.reason,
                                 revision: Revision(hash: r.hash, author: r.author, date: r.date, time: r.time, subject: "–"))
            })
        }
        var postponed: [ChangeRow] = []
        for s in slips {
            for m in s.moves {
                guard let r = m.revision else { continue }
                var x = ChangeRow(kind: s.kind, id: s.id, title: s.title, owner: s.owner, date: r.date, author: r.author,
                                  commit: r.hash, subject: namesExcluded(r.subject) ? "–" : r.subject, from: m.from, to: m.to, days: m.days, reason: m.reason)
                x.registered = r.date
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
        var report = HistoryReport(period: period, fromTags: !tags.isEmpty, revisions: revisions, added: added, closed: closed,
                                   cancelled: cancelled, postponed: postponed, slips: slips, warnings: history.warnings)
        report.removed = removed
        return report
    }
}

extension HistoryReport {
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
            (sv ? "flyttad från \(m.from) till \(m.to)" : "moved from \(m.from) to \(m.to)") + (m.reason.map { ": " + $0 } ?? "")
        }
    }
}
