/// The revision log of the data folder, read from git (see `GitHistory`): for each commit
/// that touched the data, the record-level changes it made, oldest first. Records are
/// followed by kind and id, whichever file of their kind holds them. The working tree's
/// uncommitted changes, if any, come last as an entry without a revision.
public struct History: Sendable {
    /// Oldest first; the uncommitted entry, if any, last.
    public var entries: [HistoryEntry]
    /// The clone is shallow, so older history is missing.
    public var isShallow: Bool
    /// Version tags (`v1.0`) that point at commits, oldest first.
    public var tags: [HistoryTag]
    /// The commits that changed `version` in `config.rec`, as versions (name: the new
    /// version, subject: the commit's), oldest first; read with the tags.
    public var versions: [HistoryTag] = []
    /// The ids of the latest version and every id that changed, for `log ID`.
    public var knownIDs: Set<String>
    /// Every commit at which a record became, or stopped being, `intern` or `sekretess`
    /// (created so, changed, or classified at a shallow clone's edge), in commit order: what
    /// a public report needs to hide records that are gone or open now.
    public var classifications: [ClassificationMark]

    public init(entries: [HistoryEntry] = [], isShallow: Bool = false, tags: [HistoryTag] = [], knownIDs: Set<String> = [],
                classifications: [ClassificationMark] = []) {
        self.entries = entries
        self.isShallow = isShallow
        self.tags = tags
        self.knownIDs = knownIDs
        self.classifications = classifications
    }

    /// The ids that were not `öppen` at some time from `first` to `last`: classified by a
    /// commit dated on or before `last` and not made `öppen` again before `first`.
    public func classifiedIDs(from first: Day, through last: Day) -> Set<String> {
        var since: [String: Day] = [:]
        var out = Set<String>()
        for m in classifications {
            if !m.isOpen {
                if since[m.id] == nil { since[m.id] = m.date }
            } else if let start = since.removeValue(forKey: m.id), start <= last, first <= m.date {
                out.insert(m.id)
            }
        }
        for (id, start) in since where start <= last { out.insert(id) }
        return out
    }

    /// The commits that touched the data, oldest first.
    public var revisions: [Revision] { entries.compactMap(\.revision) }

    /// The uncommitted changes, if any.
    public var uncommitted: HistoryEntry? { entries.last.flatMap { $0.revision == nil ? $0 : nil } }

    /// Warnings for the reader: a shallow clone.
    public var warnings: [Message] { isShallow ? [History.shallowWarning] : [] }

    public static let shallowWarning = Message(
        sv: "historiken är ofullständig eftersom klonen är grund (shallow clone); hämta hela historiken med 'git fetch --unshallow' (i GitHub Actions: fetch-depth: 0, i GitLab CI: GIT_DEPTH: 0)",
        en: "history is incomplete because this is a shallow clone; fetch the full history with 'git fetch --unshallow' (GitHub Actions: fetch-depth: 0, GitLab CI: GIT_DEPTH: 0)")
}

/// A record that became classified (`isOpen` false) or open again at a commit.
public struct ClassificationMark: Sendable, Hashable {
    public let id: String
    public let date: Day
    public let isOpen: Bool

    public init(id: String, date: Day, isOpen: Bool) {
        self.id = id
        self.date = date
        self.isOpen = isOpen
    }
}

/// One commit: who, when and why.
public struct Revision: Sendable, Codable, Hashable {
    public let hash: String
    public let author: String
    /// The commit date (committer date), as a day in the committer's own time zone: when
    /// the change entered the history, which `git commit --date`, `--amend` and `rebase`
    /// do not set back (they keep the author date).
    public let date: Day
    /// The commit date in ISO 8601 with its offset, e.g. `2024-03-01T10:00:00+01:00`.
    public let time: String
    public let subject: String
    /// The author date in ISO 8601, when it falls on another day than the commit date (a
    /// change written earlier and committed later, `git commit --date`, a rebase); nil when
    /// the same day. `log` shows it beside the commit date, which is the one that counts.
    public let authored: String?

    public init(hash: String, author: String, date: Day, time: String, subject: String, authored: String? = nil) {
        self.hash = hash
        self.author = author
        self.date = date
        self.time = time
        self.subject = subject
        self.authored = authored
    }

    /// The author date's day, when `authored` is given.
    public var authoredDay: Day? { authored.flatMap { Day(String($0.prefix(10))) } }

    /// The hash abbreviated to 7 characters, as git shows it.
    public var short: String { String(hash.prefix(7)) }
}

/// A git tag that names a version of the plan.
public struct HistoryTag: Sendable, Codable, Hashable {
    public let name: String
    public let commit: String
    public let date: Day
    public let author: String
    /// The tag message's first line, or the commit subject for a lightweight tag.
    public let subject: String

    public init(name: String, commit: String, date: Day, author: String, subject: String) {
        self.name = name
        self.commit = commit
        self.date = date
        self.author = author
        self.subject = subject
    }

    /// The version as the plan writes it: `v1.0` → `1.0`.
    public var version: String {
        if name.count > 1, name.first == "v" || name.first == "V", name.dropFirst().first?.isNumber == true {
            return String(name.dropFirst())
        }
        return name
    }
}

/// The changes of one commit, or of the working tree when `revision` is nil.
public struct HistoryEntry: Sendable {
    public let revision: Revision?
    public var changes: [RecordChange]

    public init(revision: Revision?, changes: [RecordChange]) {
        self.revision = revision
        self.changes = changes
    }

    public var isUncommitted: Bool { revision == nil }
}

/// One record-level change: a record created or removed, one field changed, or a file
/// that the commit left unparseable.
public struct RecordChange: Sendable, Hashable {
    public enum Action: String, Sendable, Codable {
        case created, removed, changed, unparseable
    }

    public let action: Action
    public let kind: Kind
    /// The record id; empty for `unparseable`. For a change made before the record was
    /// given a new id, the id it has now (`idThen` is the one it had).
    public internal(set) var id: String
    /// The id the record had at this change, when it was given another since (`HistoryDiff.renames`).
    public internal(set) var idThen: String?
    /// The file, relative to the top of the repository.
    public let path: String
    /// For `changed`: the field, its old and new value (nil when absent or empty). A
    /// repeated field (`action`) is its values joined by ", ".
    public let field: String?
    public let old: String?
    public let new: String?
    /// The record's title (name, recommendation) and owner after the change, before it
    /// for `removed`.
    public let title: String?
    public let owner: String?
    /// For a change of `due`: the record's `reason` after the change.
    public let reason: String?
    /// For `unparseable`: the first error and its line.
    public let line: Int?
    public let message: Message?
    /// For `created`: the record's `due`. For a change of `status`, `due` or `done`: the record's
    /// `done` and `evidence` after the change (the date and proof of record, which may
    /// lie before the commit).
    public var due: String?
    public var done: String?
    public var evidence: String?
    /// For `created`: the record's `status` (a record may be added already done).
    public var status: String?
    /// For a change of `due` that completes an occurrence of a recurring activity (a new
    /// `occurrence` line, or `done` set and `due` one period on): that occurrence. Such a
    /// change is not a move of the deadline.
    public var occurrence: Occurrence?
    /// For a change of the `occurrence` lines: the lines added or rewritten (an occurrence
    /// completed, or one corrected: the same period with another date, outcome or evidence).
    /// The lines are the record of completions: where they changed, a change of `due` or
    /// `done` beside them says nothing more about what was done.
    public var occurrences: [Occurrence] = []
    /// The `occurrence` lines the change took away (a line rewritten is one taken away and
    /// one added): a correction replaces the line it took away, a line added beside the
    /// ones that stay (a re-check of the period) replaces nothing.
    public var occurrencesRemoved: [Occurrence] = []
    /// For such a completion that took `due` further than one period of `every` on: the
    /// deadline one period on. The rest of the way is a move (a period skipped), not the plan.
    public var onePeriodOn: String?
    /// For such a completion: the activity's `every`, the step a completion moves `due` by.
    public var every: Recurrence?
    /// For such a completion: how many periods it completed, each moving `due` one period
    /// on (a control late by two quarters caught up with two `activities done` in one
    /// commit: the occurrence lines it wrote from the deadline completed on).
    public var periodsDone = 1
    /// For a change of a recurring activity's `due`: the deadline in force before it, when a
    /// `done` written by hand had moved it past the stored `due` (`old`), and by how many
    /// periods; nil and 0 when it is `old`.
    public var inForce: String?
    public var handPeriods = 0

    public init(action: Action, kind: Kind, id: String, path: String, field: String? = nil, old: String? = nil,
                new: String? = nil, title: String? = nil, owner: String? = nil, reason: String? = nil,
                line: Int? = nil, message: Message? = nil) {
        self.action = action
        self.kind = kind
        self.id = id
        self.path = path
        self.field = field
        self.old = old
        self.new = new
        self.title = title
        self.owner = owner
        self.reason = reason
        self.line = line
        self.message = message
    }
}

extension History {
    /// `ids` and the ids now of the records that had one of them before (`RecordChange.idThen`):
    /// a record asked for by an id it had is followed to its id now, all its changes.
    static func following(_ ids: Set<String>, in entries: [HistoryEntry]) -> Set<String> {
        var out = ids
        for e in entries { for c in e.changes where c.idThen.map(ids.contains) ?? false { out.insert(c.id) } }
        return out
    }
}

/// What `sakerhet log` shows: the entries that match a query, in display order.
public struct HistoryLog: Sendable {
    /// The ids asked for; empty for the whole timeline.
    public let ids: [String]
    public let field: String?
    public let since: Day?
    public let until: Day?
    /// Oldest first for ids, newest first for the timeline, by commit date. Entries
    /// without a matching change are left out.
    public let entries: [HistoryEntry]
    public let warnings: [Message]
    /// The kind and latest title of each record asked for that history knows: by the ids
    /// asked for, then the ids now of records asked for by an id they had before.
    public let records: [(kind: Kind, id: String, title: String)]

    public var newestFirst: Bool { ids.isEmpty }
}

extension History {
    /// The entries for `ids` (all records when empty), limited to commit dates within
    /// `since`…`until` (inclusive) and to changes of `field`. The uncommitted entry counts
    /// as today, so `until` leaves it out.
    public func log(ids: [String] = [], since: Day? = nil, until: Day? = nil, field: String? = nil) -> HistoryLog {
        let wanted = Set(ids)
        let followed = History.following(wanted, in: entries)
        var kindsOfIDs = Set<Kind>()
        var titles: [String: (Kind, String)] = [:]
        if !wanted.isEmpty {
            for e in entries {
                // Each record by its id now: one asked for by an id it had before is named
                // by its id now, beside any record that has the asked id now.
                for c in e.changes where c.action != .unparseable && followed.contains(c.id) {
                    kindsOfIDs.insert(c.kind)
                    if let t = c.title { titles[c.id] = (c.kind, t) } else if titles[c.id] == nil { titles[c.id] = (c.kind, "") }
                }
            }
        }
        var out: [HistoryEntry] = []
        for e in entries {
            if let r = e.revision {
                if let since, r.date < since { continue }
                if let until, until < r.date { continue }
            } else if until != nil {
                continue
            }
            let kept = e.changes.filter { c in
                if c.action == .unparseable {
                    return field == nil && (wanted.isEmpty || kindsOfIDs.contains(c.kind))
                }
                if !wanted.isEmpty && !followed.contains(c.id) { return false }
                if let field { return c.action == .changed && c.field == field }
                return true
            }
            if !kept.isEmpty { out.append(HistoryEntry(revision: e.revision, changes: kept)) }
        }
        // By commit date (set by hand, dates can be out of order), git's order within a day;
        // the uncommitted entry last. The timeline shows the newest first.
        let dated = out.enumerated().sorted { a, b in
            let da = a.element.revision?.date, db = b.element.revision?.date
            if da != db {
                guard let da else { return false }
                guard let db else { return true }
                return da < db
            }
            return a.offset < b.offset
        }
        out = dated.map(\.element)
        if wanted.isEmpty { out.reverse() }
        let named = ids + followed.subtracting(ids).sorted()
        let records = named.compactMap { id in titles[id].map { (kind: $0.0, id: id, title: $0.1) } }
        return HistoryLog(ids: ids, field: field, since: since, until: until, entries: out, warnings: warnings, records: records)
    }
}
