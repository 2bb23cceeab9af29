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

    /// A record added, closed, cancelled or postponed in the period.
    public struct ChangeRow: Sendable, Codable, Hashable {
        public let kind: Kind
        public let id: String
        public let title: String
        public let owner: String?
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
    }

    public var period: FollowUp.Period
    /// The revision rows are the version tags in the period (true) or, with no tag in the
    /// period, every commit that touched the data folder in it (false).
    public var fromTags: Bool
    /// Oldest first.
    public var revisions: [RevisionRow]
    /// Goals, activities, risks and findings created in the period, oldest first.
    public var added: [ChangeRow]
    /// Status set to `klar` (a risk: `stängd`).
    public var closed: [ChangeRow]
    /// Status set to `struken`.
    public var cancelled: [ChangeRow]
    /// Every move of `due` to a later deadline.
    public var postponed: [ChangeRow]
    /// The postponements per record, as `log --slips` shows them, for the period.
    public var slips: [Slip]
    /// E.g. that the clone is shallow.
    public var warnings: [Message]

    /// The sections for `period`. Records whose id is in `excluding` are left out (for a
    /// public report, pass the ids of records that are not `öppen` now). With `isPublic`,
    /// so is every record that was `intern` or `sekretess` at any commit of the period or
    /// at its start, also one deleted since (`History.classifiedIDs`); a commit subject that
    /// names a left-out id is replaced by "–".
    public static func make(_ history: History, period: FollowUp.Period, excluding: Set<String> = [],
                            isPublic: Bool = false) -> HistoryReport {
        func inPeriod(_ d: Day) -> Bool { period.first <= d && d <= period.last }
        let excluding = isPublic ? excluding.union(history.classifiedIDs(from: period.first, through: period.last)) : excluding
        /// Whether a commit subject names a left-out record ("risks: R1 status …").
        func namesExcluded(_ subject: String) -> Bool {
            guard !excluding.isEmpty else { return false }
            let words = Set(subject.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "." }).map(String.init))
            return !words.isDisjoint(with: excluding)
        }
        let tags = history.tags.filter { inPeriod($0.date) }
        var revisions: [RevisionRow]
        if tags.isEmpty {
            revisions = history.revisions.filter { inPeriod($0.date) }.map {
                RevisionRow(version: $0.short, description: $0.subject, date: $0.date, author: $0.author, commit: $0.hash, tag: nil)
            }
        } else {
            revisions = tags.map {
                RevisionRow(version: $0.version, description: $0.subject, date: $0.date, author: $0.author, commit: $0.commit, tag: $0.name)
            }
        }
        // A commit subject may name a left-out record ("risks: R1 status …"): hide it.
        if !excluding.isEmpty {
            revisions = revisions.map { v in
                guard namesExcluded(v.description) else { return v }
                return RevisionRow(version: v.version, description: "–", date: v.date, author: v.author, commit: v.commit, tag: v.tag)
            }
        }
        var added: [ChangeRow] = [], closed: [ChangeRow] = [], cancelled: [ChangeRow] = []
        let planKinds: Set<Kind> = [.goal, .activity, .risk, .finding]
        for entry in history.entries {
            guard let r = entry.revision, inPeriod(r.date) else { continue }
            for c in entry.changes where planKinds.contains(c.kind) && !excluding.contains(c.id) {
                func row() -> ChangeRow {
                    ChangeRow(kind: c.kind, id: c.id, title: c.title ?? "", owner: c.owner, date: r.date, author: r.author,
                              commit: r.hash, subject: namesExcluded(r.subject) ? "–" : r.subject, from: nil, to: nil, days: nil, reason: nil)
                }
                switch c.action {
                case .created: added.append(row())
                case .changed where c.field == "status":
                    guard let v = c.new else { continue }
                    if c.kind == .risk {
                        if RiskStatus(parsing: v) == .closed { closed.append(row()) }
                    } else if let s = Status(parsing: v) {
                        if s == .done { closed.append(row()) }
                        if s == .cancelled { cancelled.append(row()) }
                    }
                default: break
                }
            }
        }
        let slips = Slips.make(history, since: period.first, until: period.last).filter { !excluding.contains($0.id) }.map { s in
            guard s.moves.contains(where: { $0.revision.map { namesExcluded($0.subject) } ?? false }) else { return s }
            return Slip(kind: s.kind, id: s.id, title: s.title, owner: s.owner, moves: s.moves.map { m in
                guard let r = m.revision, namesExcluded(r.subject) else { return m }
                return Slip.Move(from: m.from, to: m.to, days: m.days, reason: m.reason,
                                 revision: Revision(hash: r.hash, author: r.author, date: r.date, time: r.time, subject: "–"))
            }, totalDays: s.totalDays)
        }
        var postponed: [ChangeRow] = []
        for s in slips {
            for m in s.moves {
                guard let r = m.revision else { continue }
                postponed.append(ChangeRow(kind: s.kind, id: s.id, title: s.title, owner: s.owner, date: r.date, author: r.author,
                                           commit: r.hash, subject: namesExcluded(r.subject) ? "–" : r.subject, from: m.from, to: m.to,
                                           days: m.days, reason: m.reason))
            }
        }
        // In history order (commits are topologically ordered), then by id.
        var position: [String: Int] = [:]
        for (i, e) in history.entries.enumerated() { if let h = e.revision?.hash { position[h] = i } }
        postponed.sort {
            let a = position[$0.commit] ?? 0, b = position[$1.commit] ?? 0
            return a != b ? a < b : $0.id < $1.id
        }
        return HistoryReport(period: period, fromTags: !tags.isEmpty, revisions: revisions, added: added, closed: closed,
                             cancelled: cancelled, postponed: postponed, slips: slips, warnings: history.warnings)
    }
}
