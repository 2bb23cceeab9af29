/// Which records a list shows. Empty filters let everything through.
public struct ListFilter: Sendable {
    public var owner: String?
    /// A goal id; the goals below it are included.
    public var goal: String?
    public var area: String?
    public var status: String?
    public var overdue = false
    public var soon = false
    public var dueBefore: Deadline?
    public var level: RiskLevel?

    public init() {}
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
    public let due: Deadline?
    public let status: String?
    public let signal: Signal?
    public let daysLate: Int
    public let score: Int?
    public let level: RiskLevel?
    public let assessment: Assessment?
    public let file: String
    public let line: Int
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
    /// risks by score (highest first).
    public static func make(_ data: DataSet, _ kind: Kind, filter: ListFilter, asOf: Day) -> RecordList {
        let window = data.config.soonDays
        var goalSet: Set<String>?
        if let g = filter.goal { goalSet = data.goalAndDescendants(g) }
        func passesScheduled(_ s: any Scheduled, goal: String?, area: String?) -> Bool {
            if let o = filter.owner, s.owner != o { return false }
            if let gs = goalSet {
                guard let goal, gs.contains(goal) else { return false }
            }
            if let a = filter.area, area != a { return false }
            if let st = filter.status, s.status?.rawValue != (Status(parsing: st)?.rawValue ?? st) { return false }
            if filter.overdue && !s.isOverdue(asOf: asOf) { return false }
            if filter.soon && !s.isDueSoon(asOf: asOf, window: window) { return false }
            if let before = filter.dueBefore?.lastDay {
                guard let last = s.deadline?.lastDay, last <= before, !(s.status?.isClosed ?? false) else { return false }
            }
            return true
        }
        func row(_ s: any Scheduled, goal: String?, start: Deadline? = nil, assessment: Assessment? = nil) -> ListRow {
            let r = data.record(s.ref)
            return ListRow(kind: kind, id: s.id, title: s.title, owner: s.owner, ownerName: data.ownerName(s.owner), goal: goal,
                           start: start, due: s.deadline, status: s.status?.rawValue, signal: s.signal(asOf: asOf, window: window),
                           daysLate: s.daysLate(asOf: asOf), score: nil, level: nil, assessment: assessment,
                           file: data.path(kind), line: r.line)
        }
        var rows: [ListRow] = []
        switch kind {
        case .goal:
            for g in data.goals where passesScheduled(g, goal: g.id, area: g.area) { rows.append(row(g, goal: g.parent)) }
        case .activity:
            for a in data.activities where passesScheduled(a, goal: a.goal, area: a.area ?? data.goal(a.goal)?.area) {
                rows.append(row(a, goal: a.goal, start: a.start))
            }
        case .finding:
            for f in data.findings where passesScheduled(f, goal: nil, area: nil) {
                rows.append(row(f, goal: nil, assessment: f.assessment))
            }
        case .risk:
            for r in data.risks {
                if let o = filter.owner, r.owner != o { continue }
                if let a = filter.area, r.area != a { continue }
                if let st = filter.status, r.status?.rawValue != (RiskStatus(parsing: st)?.rawValue ?? st) { continue }
                if let l = filter.level, data.level(of: r) != l { continue }
                if filter.overdue && !r.isReviewPassed(asOf: asOf) { continue }
                rows.append(ListRow(kind: .risk, id: r.id, title: r.title, owner: r.owner, ownerName: data.ownerName(r.owner),
                                    goal: nil, start: nil, due: r.review.map(Deadline.init(day:)), status: r.status?.rawValue,
                                    signal: nil, daysLate: 0, score: r.score, level: data.level(of: r), assessment: nil,
                                    file: data.path(.risk), line: data.record(r.ref).line))
            }
        case .owner, .area:
            break
        }
        if kind == .risk {
            rows.sort { ($0.score ?? 0) != ($1.score ?? 0) ? ($0.score ?? 0) > ($1.score ?? 0) : $0.line < $1.line }
        } else {
            rows.sort { a, b in
                let x = a.due?.lastDay, y = b.due?.lastDay
                switch (x, y) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return a.line < b.line
                }
            }
        }
        return RecordList(kind: kind, asOf: asOf, rows: rows,
                          green: rows.filter { $0.assessment == .green }.count,
                          yellow: rows.filter { $0.assessment == .yellow }.count,
                          red: rows.filter { $0.assessment == .red }.count)
    }
}

extension DataSet {
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
