import FoundationEssentials

/// Which records a list shows. Empty filters let everything through.
public struct ListFilter: Sendable {
    /// An owner id; the owners below it in owners.rec's `parent` tree are included.
    public var owner: String?
    /// Owner ids taken as they are, nothing below them added (the rollup's, already
    /// worked out per plan); with `owner`, a record passes when it has one of either.
    public var owners: Set<String>?
    /// A goal id; the goals below it are included.
    public var goal: String?
    public var area: String?
    /// One status or several separated by commas ("ej påbörjad,pågår"); `öppen` (`open`)
    /// stands for every status that is not done or cancelled (for risks: not closed).
    public var status: String?
    public var overdue = false
    public var soon = false
    public var dueBefore: Deadline?
    public var level: RiskLevel?

    public init() {}
}

/// The statuses a `--status` value lets through: stored words, and whether "open" was asked.
public struct StatusFilter: Sendable {
    public let words: Set<String>
    public let open: Bool

    static let openWords: Set<String> = ["öppen", "öppna", "open", "oppen"]

    /// Parses "ej påbörjad,pågår" or "öppen" for `kind`; nil for an empty value.
    public init?(_ text: String, kind: Kind) {
        var words = Set<String>(), open = false
        for part in text.split(separator: ",") {
            let p = part.trimmingSpaces()
            if p.isEmpty { continue }
            if StatusFilter.openWords.contains(p.lowercased()) { open = true; continue }
            words.insert(kind == .risk ? RiskStatus(parsing: p)?.rawValue ?? p : Status(parsing: p)?.rawValue ?? p)
        }
        if words.isEmpty && !open { return nil }
        self.words = words
        self.open = open
    }

    /// The first word of `text` that is no status of `kind`, with the message to show.
    public static func unknown(in text: String, kind: Kind) -> Message? {
        let allowed = (kind == .risk ? RiskStatus.allCases.map(\.rawValue) : Status.allCases.map(\.rawValue))
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let p = part.trimmingSpaces()
            if openWords.contains(p.lowercased()) { continue }
            if kind == .risk ? RiskStatus(parsing: p) != nil : Status(parsing: p) != nil { continue }
            let hint = Suggest.closest(to: p, in: allowed + ["öppen"])
            return Message(sv: "--status: okänd status '\(p)'" + (hint.map { " (menade du '\($0)'?)" } ?? "") + "; tillåtna: "
                               + (allowed + ["öppen"]).joined(separator: ", ") + ", flera med komma emellan",
                           en: "--status: unknown status '\(p)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; allowed: "
                               + (allowed + ["open"]).joined(separator: ", ") + ", several separated by commas")
        }
        return nil
    }

    public func matches(_ status: Status?) -> Bool {
        if let s = status, words.contains(s.rawValue) { return true }
        return open && !(status?.isClosed ?? false)
    }

    public func matches(_ status: RiskStatus?) -> Bool {
        if let s = status, words.contains(s.rawValue) { return true }
        return open && status != .closed
    }
}

/// One row of `goals|activities|risks|findings list`.
public struct ListRow: Sendable, Codable {
    public let kind: Kind
    public let id: String
    public let title: String
    public let owner: String
    public let ownerName: String
    public let goal: String?
    public let start: Deadline?
    /// The deadline; nil for a risk, which has a review date instead (`review`).
    public let due: Deadline?
    public let status: String?
    public var signal: Signal?
    /// Days past the deadline; for a risk, days past its review date.
    public let daysLate: Int
    public let score: Int?
    public let level: RiskLevel?
    public let assessment: Assessment?
    public let file: String
    public let line: Int
    /// For a goal, the worst signal open below it (`GoalChildren`).
    public var below: Signal? = nil
    /// The deadline at the start of the period, when `due` was moved later since (`Baselines`).
    public var original: Deadline? = nil
    /// Every owner, when the record has more than one (`owner` is the first).
    public var owners: [String]? = nil
    /// An activity's `progress` (`60 %`).
    public var progress: String? = nil
    /// A risk's next review date (`review`).
    public var review: Day? = nil
    /// For a risk: whether its review date has passed (it is not `stängd`), as
    /// `risks list --overdue`, the `review` check and the report say; nil for other kinds.
    public var reviewPassed: Bool? = nil
}

public struct RecordList: Sendable, Codable {
    public let kind: Kind
    public let asOf: Day
    public let rows: [ListRow]
    /// For findings: counts of the auditor's colours among the rows.
    public let green: Int
    public let yellow: Int
    public let red: Int

    /// Lists the records of `kind` that pass `filter`, sorted by deadline (unknown last),
    /// risks by score (highest first). `baselines` (from git) mark the records whose
    /// deadline was moved later, with their original deadline and signal.
    public static func make(_ data: DataSet, _ kind: Kind, filter: ListFilter, asOf: Day, baselines: Baselines = Baselines()) -> RecordList {
        let window = data.config.soonDays
        let match = Match(filter: filter, goals: filter.goal.map { data.goalAndDescendants($0) }, owners: data.ownerIDs(filter),
                          asOf: asOf, window: window)
        let file = data.path(kind)
        var rows: [ListRow] = []
        // Each row's deadline as the file has it, for the baselines (`Scheduled.due`), and
        // its status on the day (`Status.on`): a record done after the day was open then.
        var stored: [(due: Deadline?, status: Status?)] = []
        // Room for every record of the kind (pages never written are never touched), so the
        // rows are not moved as the array grows; activities' rows come made (below).
        rows.reserveCapacity(kind == .goal ? data.goals.count : kind == .finding ? data.findings.count : kind == .risk ? data.risks.count : 0)
        switch kind {
        case .goal:
            let below = GoalChildren(data).openSignals(data, asOf: asOf, window: window, baselines: baselines)
            for g in data.goals where match.passes(g, goal: g.id) && match.inArea(g.area) {
                var r = makeRow(g, kind, data, file: file, asOf: asOf, window: window, goal: g.parent, start: nil,
                                assessment: nil, progress: nil)
                r.below = below[g.ref.index]
                rows.append(r)
                if !baselines.isEmpty { stored.append((g.due, g.status(asOf: asOf))) }
            }
        case .activity:
            // Of 100,000 activities most fail the filter: a filter on status or deadline is
            // applied before the activities are made, and each row is made where its
            // activity is, on every core (`DataSet.activities(on:whereTiming:making:)`).
            let judgesTime = match.judgesTime, byArea = filter.area != nil, movedGreen = data.config.movedGreen
            // Each row whole where it is made, its baseline included: no second array of them.
            rows = data.activities(on: asOf, whereTiming: { !judgesTime || match.passesTime(status: $0, deadline: $1, done: $2) }) { a -> ListRow? in
                let status = a.status
                let deadline = a.deadline(on: asOf)
                guard match.passes(owners: { a.owners }, goal: { a.goal }, status: status, deadline: deadline, done: a.donePeriod) else { return nil }
                // The goal's area is looked up only when filtering by area.
                if byArea && !match.inArea(a.area ?? data.goal(a.goal)?.area) { return nil }
                var row = makeRow(kind, data, file: file, asOf: asOf, window: window, ref: a.ref, id: a.id,
                                  title: a.title, owners: a.owners, goal: a.goal, start: a.start,
                                  deadline: deadline, status: status, done: a.donePeriod, statusAlias: a.statusAlias,
                                  assessment: nil, progress: a.progress)
                if !baselines.isEmpty {
                    markMoved(&row, kind, baselines, due: a.due, status: Status.on(asOf, status, done: a.donePeriod), movedGreen: movedGreen)
                }
                return row
            }
        case .finding:
            for f in data.findings where match.passes(f, goal: nil) && match.inArea(nil) {
                rows.append(makeRow(f, kind, data, file: file, asOf: asOf, window: window, goal: nil, start: nil,
                                    assessment: f.assessment, progress: nil))
                if !baselines.isEmpty { stored.append((f.due, f.status(asOf: asOf))) }
            }
        case .risk:
            let wantStatus = filter.status.flatMap { StatusFilter($0, kind: .risk) }
            for r in data.risks {
                if let o = match.owners, !r.owners.contains(where: o.contains) { continue }
                if let a = filter.area, r.area != a { continue }
                if let st = wantStatus, !st.matches(r.status) { continue }
                let level = data.level(of: r)
                if let l = filter.level, level != l { continue }
                let passed = r.isReviewPassed(asOf: asOf)
                if filter.overdue && !passed { continue }
                // The review date is no deadline: it is `review`, and the days late are the
                // days since it passed.
                var row = ListRow(kind: .risk, id: r.id, title: r.title, owner: r.owner, ownerName: data.ownerName(r.owner),
                                  goal: nil, start: nil, due: nil, status: r.status?.rawValue,
                                  signal: nil, daysLate: passed ? r.review!.days(until: asOf) : 0, score: r.score, level: level,
                                  assessment: nil, file: file, line: data.record(r.ref).line)
                row.review = r.review
                row.reviewPassed = passed
                rows.append(row)
            }
        case .owner, .area, .followup:
            break
        }
        // Goals and findings: activities' rows are marked as they are made.
        if !baselines.isEmpty && (kind == .goal || kind == .finding) {
            for i in rows.indices {
                markMoved(&rows[i], kind, baselines, due: stored[i].due, status: stored[i].status, movedGreen: data.config.movedGreen)
            }
        }
        // Sort keys worked out once per row; the row index keeps equal keys in their order.
        var keys: [(Int, Int, Int)] = []
        keys.reserveCapacity(rows.count)
        for i in rows.indices {
            // Plain values first: a row passed whole to a function would be copied.
            let score = rows[i].score, due = rows[i].due, line = rows[i].line
            keys.append((kind == .risk ? -(score ?? 0) : (due?.lastDay?.ordinal ?? Int.max), line, i))
        }
        keys.sort(by: <)
        // Put row keys[i].2 at i, cycle by cycle, by swapping rather than copying rows.
        var placed = [Bool](repeating: false, count: rows.count)
        for start in rows.indices where !placed[start] {
            var j = start
            while true {
                placed[j] = true
                let k = keys[j].2
                if k == start { break }
                rows.swapAt(j, k)
                j = k
            }
        }
        var green = 0, yellow = 0, red = 0
        for i in rows.indices {
            switch rows[i].assessment {
            case .green?: green += 1
            case .yellow?: yellow += 1
            case .red?: red += 1
            case nil: break
            }
        }
        return RecordList(kind: kind, asOf: asOf, rows: rows, green: green, yellow: yellow, red: red)
    }

    /// Marks `row` when its record's deadline was moved later since the period began: its
    /// original deadline, and its signal raised (`Baselines.signal`). `due` is the deadline
    /// as the file has it, `status` the status on the day (`Status.on`). In place: every
    /// other field (Öppet under, the review) stays as it was.
    static func markMoved(_ row: inout ListRow, _ kind: Kind, _ baselines: Baselines, due: Deadline?, status: Status?, movedGreen: Bool) {
        guard let original = baselines.original(kind, row.id, current: due), let signal = row.signal else { return }
        row.signal = Baselines.signal(signal, moved: true, status: status, movedGreen: movedGreen)
        row.original = original
    }

    /// The filter for goals, activities and findings, with its values worked out once.
    struct Match: Sendable {
        let filter: ListFilter
        let goals: Set<String>?
        /// The owners the filter covers (`DataSet.ownerIDs(_:)`), nil for any.
        let owners: Set<String>?
        let status: StatusFilter?
        let dueBefore: Day?
        let asOf: Day
        let window: Int

        init(filter: ListFilter, goals: Set<String>?, owners: Set<String>?, asOf: Day, window: Int) {
            self.filter = filter
            self.goals = goals
            self.owners = owners
            status = filter.status.flatMap { StatusFilter($0, kind: .activity) }
            dueBefore = filter.dueBefore?.lastDay
            self.asOf = asOf
            self.window = window
        }

        /// Everything but the area, which `inArea` checks. Inlined, so a record read in
        /// place through a pointer is not copied to be passed here.
        @inline(__always)
        func passes<S: Scheduled>(_ s: S, goal: String?) -> Bool {
            passes(owners: { s.owners }, goal: { goal }, status: s.status, deadline: s.deadline(on: asOf), done: s.donePeriod)
        }

        /// The same from a record's fields; the owners and the goal are read only when
        /// the filter asks for them.
        @inline(__always)
        func passes(owners: () -> [String], goal: () -> String?, status recordStatus: Status?, deadline: Deadline?, done: Deadline?) -> Bool {
            if let o = self.owners, !owners().contains(where: o.contains) { return false }
            if let gs = goals {
                guard let goal = goal(), gs.contains(goal) else { return false }
            }
            return passesTime(status: recordStatus, deadline: deadline, done: done)
        }

        /// Whether the filter asks anything of the status or the deadline.
        var judgesTime: Bool { status != nil || filter.overdue || filter.soon || dueBefore != nil }

        /// The filter's status and deadline parts (`--status`, `--overdue`, `--soon`,
        /// `--due-before`), which need neither the owners nor the goal. `--status` is the
        /// file's; late and soon are judged by the status on the day (`Status.on`: done after
        /// it, a record was open then), as the report judges them.
        @inline(__always)
        func passesTime(status recordStatus: Status?, deadline: Deadline?, done: Deadline?) -> Bool {
            if let st = status, !st.matches(recordStatus) { return false }
            let recordStatus = Status.on(asOf, recordStatus, done: done)
            if filter.overdue || filter.soon {
                let standing = Standing(deadline: deadline, status: recordStatus, asOf: asOf, window: window)
                if filter.overdue && !standing.isOverdue { return false }
                if filter.soon && !standing.isDueSoon { return false }
            }
            if let before = dueBefore {
                guard let last = deadline?.lastDay, last <= before, !(recordStatus?.isClosed ?? false) else { return false }
            }
            return true
        }

        func inArea(_ area: String?) -> Bool {
            if let a = filter.area, area != a { return false }
            return true
        }
    }

    @inline(__always)
    static func makeRow<S: Scheduled>(_ s: S, _ kind: Kind, _ data: DataSet, file: String, asOf: Day, window: Int,
                                      goal: String?, start: Deadline?, assessment: Assessment?, progress: String?) -> ListRow {
        makeRow(kind, data, file: file, asOf: asOf, window: window, ref: s.ref, id: s.id, title: s.title, owners: s.owners,
                goal: goal, start: start, deadline: s.deadline(on: asOf), status: s.status, done: s.donePeriod, statusAlias: s.statusAlias,
                assessment: assessment, progress: progress)
    }

    /// The row of a goal, activity or finding from its fields: the activities' loop reads
    /// them one by one rather than copy each record whole (see `make`).
    @inline(__always)
    static func makeRow(_ kind: Kind, _ data: DataSet, file: String, asOf: Day, window: Int, ref: RecordRef, id: String,
                        title: String, owners: [String], goal: String?, start: Deadline?, deadline: Deadline?,
                        status: Status?, done: Deadline?, statusAlias: String?, assessment: Assessment?, progress: String?) -> ListRow {
        // The signal by the status on the day (`Status.on`); the status shown is the file's.
        let standing = Standing(deadline: deadline, status: Status.on(asOf, status, done: done), asOf: asOf, window: window)
        let owner = owners.first ?? ""
        var row = ListRow(kind: kind, id: id, title: title, owner: owner, ownerName: data.ownerName(owner), goal: goal,
                          start: start, due: deadline, status: statusAlias ?? status?.rawValue, signal: standing.signal,
                          daysLate: standing.daysLate, score: nil, level: nil, assessment: assessment,
                          file: file, line: data.record(ref).line)
        if owners.count > 1 { row.owners = owners }
        row.progress = progress
        return row
    }
}

extension DataSet {
    /// The owners `filter` covers: its `owner` with every owner below it, and its `owners`;
    /// nil when it asks for no owner.
    public func ownerIDs(_ filter: ListFilter) -> Set<String>? {
        guard filter.owner != nil || filter.owners != nil else { return nil }
        var ids = filter.owners ?? []
        if let o = filter.owner { ids.insert(o); ids.formUnion(ownersBelow(o)) }
        return ids
    }

    /// The goal and every goal below it.
    public func goalAndDescendants(_ id: String) -> Set<String> {
        var children: [String: [String]] = [:]
        for g in goals { if let p = g.parent { children[p, default: []].append(g.id) } }
        var out: Set<String> = [id]
        var stack = [id]
        while let cur = stack.popLast() {
            for c in children[cur] ?? [] where out.insert(c).inserted { stack.append(c) }
        }
        return out
    }
}
