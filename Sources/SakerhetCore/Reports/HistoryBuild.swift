import FoundationEssentials

/// One commit as the history builder sees it: its tracked data files in full.
public struct HistoryCommit: Sendable {
    public var revision: Revision
    /// Parent hashes, first parent first (after git's path-limited parent rewriting).
    public var parents: [String]
    /// Every tracked data file at this commit: path → content key (the blob id).
    public var files: [String: String]
    /// The edge of a shallow clone: its parents are missing, so its files are the starting
    /// point and it reports no changes.
    public var isBoundary: Bool

    public init(revision: Revision, parents: [String], files: [String: String], isBoundary: Bool = false) {
        self.revision = revision
        self.parents = parents
        self.files = files
        self.isBoundary = isBoundary
    }
}

/// Everything the builder needs, without git: commits with parents before children, the
/// kind of each tracked path, and the working tree (path → content key).
public struct HistoryInput: Sendable {
    public var commits: [HistoryCommit]
    public var kinds: [String: Kind]
    /// The working tree's tracked files, compared with `head`; nil to leave it out.
    public var workingTree: [String: String]?
    /// The commit the working tree sits on (nil in a repository without commits).
    public var head: String?
    public var isShallow: Bool
    public var tags: [HistoryTag]

    public init(commits: [HistoryCommit], kinds: [String: Kind], workingTree: [String: String]? = nil,
                head: String? = nil, isShallow: Bool = false, tags: [HistoryTag] = []) {
        self.commits = commits
        self.kinds = kinds
        self.workingTree = workingTree
        self.head = head
        self.isShallow = isShallow
        self.tags = tags
    }
}

extension History {
    /// Builds the history: each version of each kind's files is parsed with the lossless
    /// parser and its records are diffed by id against the parent's version.
    ///
    /// - A merge reports only what differs from every parent, so a change made on a branch
    ///   is shown once, on the branch.
    /// - A version whose file has syntax errors is reported as `unparseable`; its records
    ///   count as unchanged until a later version parses again, which is then diffed
    ///   against the last version that parsed.
    /// - `only` limits the record changes to those ids (unparseable files are still reported).
    /// - `contents` gives the bytes for a content key (nil when missing: an empty file).
    public static func make(_ input: HistoryInput, only: Set<String>? = nil, contents: (String) -> [UInt8]?) -> History {
        withoutActuallyEscaping(contents) { build(input, only: only, contents: $0) }
    }

    private static func build(_ input: HistoryInput, only: Set<String>?, contents: @escaping (String) -> [UInt8]?) -> History {
        var builder = HistoryBuilder(kinds: input.kinds, contents: contents)
        var entries: [HistoryEntry] = []
        entries.reserveCapacity(input.commits.count + 1)
        // Each mark with the index of the last entry at its commit (-1: before the first).
        var marks: [(entry: Int, mark: ClassificationMark)] = []
        for c in input.commits {
            if let e = builder.add(key: c.revision.hash, parents: c.parents, files: c.files, boundary: c.isBoundary) {
                entries.append(HistoryEntry(revision: c.revision, changes: e))
            }
            for (id, isOpen) in builder.classified {
                marks.append((entries.count - 1, ClassificationMark(id: id, date: c.revision.date, isOpen: isOpen)))
            }
        }
        var last = input.head ?? input.commits.last?.revision.hash
        if let tree = input.workingTree {
            let parents = input.head.map { [$0] } ?? []
            last = "\u{0}worktree"
            if let e = builder.add(key: last!, parents: parents, files: tree, boundary: false), !e.isEmpty {
                entries.append(HistoryEntry(revision: nil, changes: e))
            }
        }
        HistoryDiff.followRenames(&entries, marks: &marks)
        // The ids asked for, under any id the record had: all records are read, so that a
        // record given a new id is followed whichever of its ids is asked for.
        if let only {
            let ids = History.following(only, in: entries)
            for e in entries.indices {
                entries[e].changes.removeAll { c in c.action != .unparseable && !ids.contains(c.id) }
            }
            if let e = entries.last, e.revision == nil, e.changes.isEmpty { entries.removeLast() }
        }
        // Known ids: those of the latest version, and every id that ever changed, also
        // the ids a record had before it was given its id now.
        var known = last.map { builder.ids(at: $0) } ?? []
        for e in entries {
            for c in e.changes where !c.id.isEmpty {
                known.insert(c.id)
                if let then = c.idThen { known.insert(then) }
            }
        }
        return History(entries: entries, isShallow: input.isShallow,
                       tags: input.tags.sorted { $0.date != $1.date ? $0.date < $1.date : $0.name < $1.name },
                       knownIDs: known, classifications: marks.map(\.mark))
    }
}

/// The records of one kind at one version: every file of the kind, parsed.
struct HistorySnapshot {
    struct Version {
        let path: String
        let bytes: ArraySlice<UInt8>
        let fields: FieldList
    }

    var records: [String: Version] = [:]
    /// Ids in file order.
    var order: [String] = []
    /// Files with syntax errors: path and first error.
    var broken: [(path: String, issue: SyntaxIssue)] = []

    var isParseable: Bool { broken.isEmpty }

    static let empty = HistorySnapshot()
}

/// Walks commits in order, keeping per commit and kind the content key of its files and
/// of its last parseable version. Parsed snapshots sit in a small cache, so memory stays
/// flat however long the history is.
struct HistoryBuilder {
    let kinds: [String: Kind]
    let contents: (String) -> [UInt8]?

    /// Per commit: per kind, the key of its own files and of the last version that parsed.
    private var own: [String: [Kind: String]] = [:]
    private var good: [String: [Kind: String]] = [:]
    /// Per commit: the key of all its files, kinds or not.
    private var everything: [String: String] = [:]
    private var cache: [String: HistorySnapshot] = [:]
    private var cacheOrder: [String] = []
    private var parsedFiles: [String: ParsedFile] = [:]
    private var parsedOrder: [String] = []
    /// Per path, the last version that parsed: the base for parsing the next.
    private var lastGood: [String: ParsedFile] = [:]
    private let cacheSize = 24
    /// What the last `add` classified or opened: records created `intern` or `sekretess`,
    /// changes of `classification`, and at a shallow edge every classified record.
    private(set) var classified: [(id: String, isOpen: Bool)] = []
    /// Per kind, every id a record has had so far: a record is not read as renamed to an
    /// id another record had before it (`HistoryDiff.renames`).
    private var seen: [Kind: Set<String>] = [:]

    init(kinds: [String: Kind], contents: @escaping (String) -> [UInt8]?) {
        self.kinds = kinds
        self.contents = contents
    }

    /// Adds a commit; returns its changes, or nil when it did not touch the data folder
    /// (or is a shallow boundary). `files` may hold files of no kind (`config.rec`): they
    /// count for "touched" but have no records.
    mutating func add(key: String, parents: [String], files: [String: String], boundary: Bool) -> [RecordChange]? {
        var byKind: [Kind: [(String, String)]] = [:]
        for (path, blob) in files {
            guard let k = kinds[path] else { continue }
            byKind[k, default: []].append((path, blob))
        }
        var ownKeys: [Kind: String] = [:]
        for (k, list) in byKind { ownKeys[k] = HistoryBuilder.key(list) }
        let all = HistoryBuilder.key(Array(files))
        let known = boundary ? [] : parents.filter { own[$0] != nil }
        let first = known.first
        own[key] = ownKeys
        everything[key] = all
        var goodKeys: [Kind: String] = [:]
        var changes: [RecordChange] = []
        classified.removeAll(keepingCapacity: true)
        defer { good[key] = goodKeys }
        for kind in Kind.allCases {
            let mine = ownKeys[kind] ?? ""
            if boundary || first == nil && mine.isEmpty {
                let s = snapshot(mine)
                goodKeys[kind] = s.isParseable ? mine : ""
                seen[kind, default: []].formUnion(s.order)
                // History starts here: what is classified already is classified from now.
                for id in s.order where !HistoryBuilder.isOpen(HistoryDiff.value(s.records[id]!.fields, "classification")) {
                    classified.append((id, false))
                }
                continue
            }
            // The same files as a parent: nothing new here (a merge that took one side).
            if let same = known.first(where: { (own[$0]?[kind] ?? "") == mine }) {
                goodKeys[kind] = good[same]?[kind] ?? ""
                continue
            }
            let now = snapshot(mine)
            if !now.isParseable {
                goodKeys[kind] = first.flatMap { good[$0]?[kind] } ?? ""
                for b in now.broken {
                    changes.append(RecordChange(action: .unparseable, kind: kind, id: "", path: b.path,
                                                line: b.issue.line, message: b.issue.message))
                }
                continue
            }
            goodKeys[kind] = mine
            let before = known.map { snapshot(good[$0]?[kind] ?? "") }
            let found = HistoryDiff.changes(kind: kind, parents: before.isEmpty ? [.empty] : before, now: now,
                                            usedBefore: seen[kind] ?? [])
            for c in found where c.action == .created || c.field == "id" { seen[kind, default: []].insert(c.id) }
            for c in found {
                if c.action == .created, let r = now.records[c.id], !HistoryBuilder.isOpen(HistoryDiff.value(r.fields, "classification")) {
                    classified.append((c.id, false))
                } else if c.action == .changed, c.field == "classification" {
                    classified.append((c.id, HistoryBuilder.isOpen(c.new)))
                } else if c.action == .changed, c.field == "id", let old = c.old {
                    // The old id no longer names the record: what it was classified as ends
                    // here (its marks are followed to the new id too: `followRenames`).
                    classified.append((old, true))
                }
            }
            changes += found
        }
        if boundary { return nil }
        let touched = first.map { everything[$0] != all } ?? !files.isEmpty
        return touched ? changes : nil
    }

    /// Whether a `classification` value leaves the record in a public report: absent, empty
    /// or `öppen` (an unknown word counts as `öppen`, as the data set reads it).
    static func isOpen(_ value: String?) -> Bool {
        guard let value, !value.isEmpty else { return true }
        return (Words.classification(value) ?? .open) == .open
    }

    private static func key(_ list: [(String, String)]) -> String {
        list.sorted { $0.0 < $1.0 }.map { $0.0 + "\u{0}" + $0.1 }.joined(separator: "\u{0}")
    }

    /// The parsed records for a content key, from the cache or parsed now.
    private mutating func snapshot(_ key: String) -> HistorySnapshot {
        if key.isEmpty { return .empty }
        if let s = cache[key] { return s }
        var s = HistorySnapshot()
        for (path, blob) in HistoryBuilder.files(of: key) {
            let file = parsed(path, blob)
            if let issue = file.error {
                s.broken.append((path, issue))
                continue
            }
            for r in file.records {
                guard let id = r.value(.id), !id.isEmpty else { continue }
                if s.records[id] != nil { continue }
                s.records[id] = HistorySnapshot.Version(path: path, bytes: file.bytes[r.byteRange], fields: r.fields)
                s.order.append(id)
            }
        }
        cache[key] = s
        cacheOrder.append(key)
        if cacheOrder.count > cacheSize { cache[cacheOrder.removeFirst()] = nil }
        return s
    }

    /// One version of one file, parsed from the last version of the same path when it can.
    private mutating func parsed(_ path: String, _ blob: String) -> ParsedFile {
        if let f = parsedFiles[blob] { return f }
        let bytes = contents(blob) ?? []
        let file = lastGood[path].flatMap { ParsedFile.incremental(from: $0, to: bytes) } ?? ParsedFile(bytes: bytes)
        if file.error == nil { lastGood[path] = file }
        parsedFiles[blob] = file
        parsedOrder.append(blob)
        if parsedOrder.count > cacheSize { parsedFiles[parsedOrder.removeFirst()] = nil }
        return file
    }

    private static func files(of key: String) -> [(String, String)] {
        let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
        return stride(from: 0, to: parts.count - 1, by: 2).map { (parts[$0], parts[$0 + 1]) }
    }

    /// Every record id in the last parseable version of each kind at commit `key`.
    mutating func ids(at key: String) -> Set<String> {
        var out = Set<String>()
        for kind in Kind.allCases {
            guard let k = good[key]?[kind], !k.isEmpty else { continue }
            for (path, blob) in HistoryBuilder.files(of: k) {
                for r in parsed(path, blob).records { if let id = r.value(.id), !id.isEmpty { out.insert(id) } }
            }
        }
        return out
    }
}

/// The record diff: by id, then by field.
enum HistoryDiff {
    /// The changes from the parents' versions to `now`. With more than one parent (a
    /// merge), a change is kept only when it differs from every parent.
    /// `usedBefore`: the ids records of the kind have had before (no record is renamed to one).
    static func changes(kind: Kind, parents: [HistorySnapshot], now: HistorySnapshot, usedBefore: Set<String>) -> [RecordChange] {
        let first = parents[0]
        // Against each parent: a merge of a branch that renamed a record is no change of it.
        // An id another parent has is the renamed record's own, not one used before.
        let used = { (id: String) in usedBefore.contains(id) && !parents.contains { $0.records[id] != nil } }
        let renamedFrom = parents.map { renames(from: $0, to: now, usedBefore: used) }
        var out: [RecordChange] = []
        for id in now.order {
            let new = now.records[id]!
            // Most commits have one parent and leave most records as they were.
            if parents.count == 1, let old = first.records[id], same(old.bytes, new.bytes) { continue }
            // A record given a new id is the record it was: its changes are against that.
            let olds = parents.indices.map { parents[$0].records[renamedFrom[$0][id] ?? id] }
            if olds.allSatisfy({ $0 == nil }) {
                var c = RecordChange(action: .created, kind: kind, id: id, path: new.path,
                                     title: title(new.fields), owner: value(new.fields, "owner"))
                c.due = value(new.fields, "due")
                c.status = value(new.fields, "status")
                c.done = value(new.fields, "done")
                c.evidence = value(new.fields, "evidence")
                out.append(c)
                continue
            }
            if olds.contains(where: { $0.map { same($0.bytes, new.bytes) } ?? false }) { continue }
            let base = olds.first { $0 != nil }!!
            let reason = value(new.fields, "reason")
            let list = fieldChanges(old: base.fields, new: new.fields)
            let completed = kind == .activity ? occurrence(list, old: base.fields, new: new.fields) : nil
            // Occurrence lines written in this change: they say what was completed.
            let occurrenceChanged = kind == .activity && list.contains(where: { $0.0 == "occurrence" })
            let written = occurrenceChanged ? HistoryDiff.writtenOccurrences(old: base.fields, new: new.fields) : []
            let removed = occurrenceChanged ? HistoryDiff.writtenOccurrences(old: new.fields, new: base.fields) : []
            for (key, old, value) in list {
                // In a merge, a field taken from any parent is not a change of the merge.
                if parents.count > 1, olds.contains(where: { $0.map { joined($0.fields, key) == value } ?? false }) { continue }
                var c = RecordChange(action: .changed, kind: kind, id: id, path: new.path, field: key, old: old,
                                     new: value, title: title(new.fields), owner: self.value(new.fields, "owner"),
                                     reason: key == "due" ? reason : nil)
                if key == "status" || key == "due" || key == "done" {
                    c.done = self.value(new.fields, "done")
                    c.evidence = self.value(new.fields, "evidence")
                }
                if key == "due" {
                    // The rhythm: what a completion moves `due` by, and what a `done` since the
                    // stored deadline began may have moved the deadline in force to.
                    c.every = self.value(new.fields, "every").flatMap(Recurrence.init(parsing:))
                    // The deadline in force before the change: a `done` written by hand since
                    // the stored `due` began had moved it on past that `due` (one that an
                    // `occurrence` line records has moved `due` itself: `countedDone`).
                    if kind == .activity, let every = c.every, let stored = old.flatMap(Deadline.init(token:)),
                       let inForce = HistoryDiff.inForce(due: stored, every: every, fields: base.fields), inForce.token != old {
                        c.inForce = inForce.token
                        c.handPeriods = HistoryDiff.periods(from: stored, to: inForce, every: every)
                    }
                }
                if key == "due", let completed {
                    c.occurrence = completed
                    let from = c.inForce ?? old
                    c.periodsDone = HistoryDiff.periodsDone(written, from: from)
                    c.onePeriodOn = HistoryDiff.onePeriodOn(old: from, new: value, every: self.value(new.fields, "every"), periods: c.periodsDone)
                }
                // A `done` written by hand on a recurring activity, `due` left as it was:
                // the occurrence then due is done (its next deadline follows from `done`).
                if key == "done", kind == .activity, !list.contains(where: { $0.0 == "due" || $0.0 == "occurrence" }) {
                    c.occurrence = HistoryDiff.doneByHand(old: old, new: value, fields: new.fields)
                    // Its rhythm, for the baseline and the slips the completion moves on.
                    if c.occurrence != nil { c.every = self.value(new.fields, "every").flatMap(Recurrence.init(parsing:)) }
                }
                if key == "occurrence" {
                    c.occurrences = written
                    c.occurrencesRemoved = removed
                }
                out.append(c)
            }
        }
        let renamed = Set(renamedFrom[0].values)
        for id in first.order where now.records[id] == nil && !renamed.contains(id) {
            // Removed only when every parent had it; otherwise a branch removed it already.
            guard parents.allSatisfy({ $0.records[id] != nil }) else { continue }
            let old = first.records[id]!
            out.append(RecordChange(action: .removed, kind: kind, id: id, path: old.path,
                                    title: title(old.fields), owner: value(old.fields, "owner")))
        }
        return out
    }

    /// The records of one commit given a new id: new id → old id. A record is renamed when
    /// the commit takes away one id and adds another whose record has the same title and
    /// the same owners, no other id taken away or added has that title, the new id is one
    /// no record had before (`usedBefore`), and the record does not go from closed (`klar`,
    /// `struken`) to open: a done exercise taken away and a new one of the same name added
    /// is two records. Its changes are then shown against the record it was (`id` old →
    /// new, and whatever else changed, `due` included), and the history follows it under
    /// its new id (`followRenames`): a new id is no way round a moved deadline's baseline.
    /// Anything else (a new id and a new title in one commit, ids shifted one along) is a
    /// record removed and one added.
    static func renames(from old: HistorySnapshot, to now: HistorySnapshot, usedBefore: (String) -> Bool) -> [String: String] {
        var added: [String: [String]] = [:]
        for id in now.order where old.records[id] == nil {
            if let t = now.records[id].flatMap({ title($0.fields) }), !t.isEmpty { added[t, default: []].append(id) }
        }
        guard !added.isEmpty else { return [:] }
        var taken: [String: [String]] = [:]
        for id in old.order where now.records[id] == nil {
            if let t = old.records[id].flatMap({ title($0.fields) }), !t.isEmpty { taken[t, default: []].append(id) }
        }
        func closed(_ v: HistorySnapshot.Version) -> Bool {
            value(v.fields, "status").flatMap(Status.init(parsing:))?.isClosed ?? false
        }
        var out: [String: String] = [:]
        for (t, new) in added where new.count == 1 && !usedBefore(new[0]) {
            guard let gone = taken[t], gone.count == 1, let a = old.records[gone[0]], let b = now.records[new[0]],
                  joined(a.fields, "owner") == joined(b.fields, "owner"), !(closed(a) && !closed(b)) else { continue }
            out[new[0]] = gone[0]
        }
        return out
    }

    /// Each change made before a record was given a new id (`renames`), put under the id
    /// the record has at the end, with the id it had then in `idThen`: a record's baseline,
    /// moves and completions follow it through a rename, and so do the marks of when it was
    /// classified (a public report leaves out a record classified in its period, whatever
    /// its id was then). From newest to oldest, so a record renamed twice ends under its
    /// last id, and an id freed by a rename and used again later stays the new record's.
    /// `marks` are in commit order, each with the index of the last entry at its commit.
    static func followRenames(_ entries: inout [HistoryEntry], marks: inout [(entry: Int, mark: ClassificationMark)]) {
        struct Key: Hashable { let kind: Kind, id: String }
        var now: [Key: String] = [:]
        // Marks name no kind: by id alone.
        var nowByID: [String: String] = [:]
        var m = marks.count - 1
        // A mark is kept under the id it was made under too: a commit subject that names the
        // record by that id stays out of a public report.
        var added: [(at: Int, mark: (entry: Int, mark: ClassificationMark))] = []
        func follow(marksAt entry: Int) {
            while m >= 0, marks[m].entry >= entry {
                let mark = marks[m].mark
                if let id = nowByID[mark.id], id != mark.id {
                    added.append((m + 1, (marks[m].entry, ClassificationMark(id: id, date: mark.date, isOpen: mark.isOpen))))
                }
                m -= 1
            }
        }
        for e in entries.indices.reversed() {
            for c in entries[e].changes.indices {
                let change = entries[e].changes[c]
                guard change.action != .unparseable, let id = now[Key(kind: change.kind, id: change.id)] else { continue }
                let then = change.idThen ?? change.id
                entries[e].changes[c].idThen = then == id ? nil : then
                entries[e].changes[c].id = id
            }
            follow(marksAt: e)
            // An uncommitted rename is shown as the change it is; the records are followed
            // under their new ids once it is committed (the report reads committed history).
            guard entries[e].revision != nil else { continue }
            for change in entries[e].changes where change.action == .changed && change.field == "id" {
                guard let old = change.old, let new = change.new else { continue }
                let id = now[Key(kind: change.kind, id: new)] ?? change.id
                now[Key(kind: change.kind, id: old)] = id
                nowByID[old] = id
            }
        }
        follow(marksAt: -1)
        // Each added mark beside the one it follows, in commit order.
        for (at, mark) in added.sorted(by: { $0.at > $1.at }) { marks.insert(mark, at: at) }
    }

    /// The occurrence a change of a recurring activity completes, or nil when its `due`
    /// change is a move. A completion is a `due` change together with a new `occurrence`
    /// line, or (before that field, or by hand) with `done` set, when `due` goes on by
    /// exactly one period of `every` (or to the period after `done`, the rule of older
    /// versions of `activities done`).
    static func occurrence(_ list: [(String, String?, String?)], old: FieldList, new: FieldList) -> Occurrence? {
        guard let due = list.first(where: { $0.0 == "due" }),
              let every = value(new, "every").flatMap(Recurrence.init(parsing:)) else { return nil }
        let before = Set(old.filter { $0.key == "occurrence" }.map(\.value))
        let added = new.filter { $0.key == "occurrence" && !before.contains($0.value) }.compactMap { Occurrence($0.value) }
        // A line for the deadline completed, or else for a later period; a line corrected for
        // an earlier period (beside a postponement) completes nothing.
        let dueLast = due.1.flatMap(Deadline.init(token:))?.lastDay
        let laterLine = added.last { o in dueLast.map { HistoryDiff.ends(o.period, notBefore: $0) } ?? true }
        if let o = added.last(where: { $0.period == due.1 }) ?? laterLine { return o }
        guard list.contains(where: { $0.0 == "done" }), let doneText = value(new, "done"), let done = Day(doneText),
              let from = due.1.flatMap(Deadline.init(token:)), let to = due.2.flatMap(Deadline.init(token:)) else { return nil }
        // One period on is the plan; further than that, with `done` in or after the period it
        // completes, is the completion and a move of the rest (`onePeriodOn`).
        let further = to.lastDay.flatMap { last in every.step(after: from)?.lastDay.map { $0 < last } } ?? false
        guard every.step(after: from) == to || every.next(after: done) == to
            || (further && from.firstDay.map { done >= $0 } ?? false) else { return nil }
        return Occurrence(period: from.token, done: done, outcome: nil, evidence: value(new, "evidence"))
    }

    /// The `occurrence` lines of `new` that `old` does not have, as written: a new period,
    /// or a period `old` has with another date, outcome or evidence (a correction). Lines
    /// that do not read as an occurrence are left to `audit`.
    static func writtenOccurrences(old: FieldList, new: FieldList) -> [Occurrence] {
        let before = Set(old.filter { $0.key == "occurrence" }.map(\.value))
        return new.filter { $0.key == "occurrence" && !before.contains($0.value) }.compactMap { Occurrence($0.value) }
    }

    /// The occurrence that a `done` changed by hand from `old` to `new` completes, on a
    /// recurring activity that is not `klar`: the period that was due before the change
    /// (`due`, or the period after the old `done`). Nil when any of that is missing.
    static func doneByHand(old: String?, new: String?, fields: FieldList) -> Occurrence? {
        guard let every = value(fields, "every").flatMap(Recurrence.init(parsing:)),
              let due = value(fields, "due").flatMap(Deadline.init(token:)),
              let done = new.flatMap(Deadline.init(token:))?.lastDay,
              value(fields, "status").flatMap(Status.init(parsing:)) != .done else { return nil }
        // The old `done` as it counts: one an `occurrence` line records has moved `due` already.
        let oldDone = Activity.countedDone(done: old.flatMap(Deadline.init(token:))?.lastDay, due: due, every: every,
                                           lastOccurrence: fields.last(where: { $0.key == "occurrence" }).flatMap { Occurrence($0.value) })
        // A `done` corrected within the period it completed, or moved back, completes nothing new.
        if let oldDone, done <= oldDone || every.next(after: done) == every.next(after: oldDone) { return nil }
        let before = Activity.deadline(due: due, every: every, done: oldDone)
        // A `done` before the period in force began completes nothing (`Activity.deadline`
        // does not count it either).
        guard let period = before, let last = period.lastDay, done >= (period.firstDay ?? last) else { return nil }
        return Occurrence(period: period.token, done: done, outcome: nil, evidence: value(fields, "evidence"))
    }

    /// For a completion that moved `due` from `old` to `new`: the deadline `periods`
    /// periods of `every` after `old` (one per period completed), when `new` ends later
    /// than that; nil otherwise.
    static func onePeriodOn(old: String?, new: String?, every: String?, periods: Int = 1) -> String? {
        onePeriodOn(old: old, new: new, every: every.flatMap(Recurrence.init(parsing:)), periods: periods)
    }

    static func onePeriodOn(old: String?, new: String?, every: Recurrence?, periods: Int = 1) -> String? {
        guard let every, let from = old.flatMap(Deadline.init(token:)),
              let to = new.flatMap(Deadline.init(token:)), let toLast = to.lastDay,
              let step = every.steps(max(1, periods), after: from), let stepLast = step.lastDay, stepLast < toLast else { return nil }
        return step.token
    }

    /// The deadline in force of a recurring activity whose stored `due` is `due`, by the
    /// `done` and last `occurrence` of `fields` (`Activity.countedDone`); nil without one.
    static func inForce(due: Deadline, every: Recurrence, fields: FieldList) -> Deadline? {
        let done = value(fields, "done").flatMap(Deadline.init(token:))?.lastDay
        let counted = Activity.countedDone(done: done, due: due, every: every,
                                           lastOccurrence: fields.last(where: { $0.key == "occurrence" }).flatMap { Occurrence($0.value) })
        return Activity.deadline(due: due, every: every, done: counted)
    }

    /// How many periods of `every` lie from `from` on to `to` (0 when `to` ends no later).
    static func periods(from: Deadline, to: Deadline, every: Recurrence) -> Int {
        guard let end = to.lastDay else { return 0 }
        var d = from, n = 0
        while let last = d.lastDay, last < end, n < 1_000, let next = every.step(after: d) { d = next; n += 1 }
        return n
    }

    /// Whether the period `token` ends on `day` or later (false when it does not read).
    static func ends(_ token: String, notBefore day: Day) -> Bool {
        Deadline(token: token)?.lastDay.map { $0 >= day } ?? false
    }

    /// How many periods a change that moved `due` on from `old` completed: the occurrence
    /// lines it wrote for `old`'s period or later ones (a line corrected for an earlier
    /// period completes nothing new), at least one.
    static func periodsDone(_ written: [Occurrence], from old: String?) -> Int {
        guard let from = old.flatMap(Deadline.init(token:))?.lastDay else { return 1 }
        return max(1, Set(written.filter { HistoryDiff.ends($0.period, notBefore: from) }.map(\.period)).count)
    }

    static func same(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        ByteCompare.equal(a, b)
    }

    /// Field-level differences, in the new record's field order, then fields removed.
    /// Empty values count as absent; a repeated key compares all its values in order.
    static func fieldChanges(old: FieldList, new: FieldList) -> [(String, String?, String?)] {
        let (oldKeys, oldValues) = group(old)
        let (newKeys, newValues) = group(new)
        var out: [(String, String?, String?)] = []
        for k in newKeys where oldValues[k] != newValues[k] {
            out.append((k, oldValues[k].map(join), newValues[k].map(join)))
        }
        for k in oldKeys where newValues[k] == nil {
            out.append((k, oldValues[k].map(join), nil))
        }
        return out
    }

    private static func group(_ fields: FieldList) -> ([String], [String: [String]]) {
        var keys: [String] = []
        var values: [String: [String]] = [:]
        for f in fields where !f.isEmpty {
            if values[f.key] == nil { keys.append(f.key) }
            values[f.key, default: []].append(f.value)
        }
        return (keys, values)
    }

    private static func join(_ values: [String]) -> String { values.joined(separator: ", ") }

    static func joined(_ fields: FieldList, _ key: String) -> String? {
        let vs = fields.filter { $0.key == key && !$0.isEmpty }.map(\.value)
        return vs.isEmpty ? nil : join(vs)
    }

    static func value(_ fields: FieldList, _ key: String) -> String? {
        fields.first { $0.key == key && !$0.isEmpty }?.value
    }

    /// What a person calls the record: its title, name or recommendation.
    static func title(_ fields: FieldList) -> String? {
        value(fields, "title") ?? value(fields, "name") ?? value(fields, "recommendation")
    }
}
