/// What lies under each goal: its sub-goals (`parent`), its activities (`goal`) and the
/// findings linked to it (a finding whose `action` names one of the goal's activities).
/// Built in one pass over each kind and kept as indices, so asking about every goal is
/// linear in the records: a report of 100,000 activities hashes each goal id once.
public struct GoalChildren: Sendable {
    public struct Child: Sendable, Hashable {
        public let ref: RecordRef
        public let status: Status?

        public var kind: Kind { ref.kind }
        public var isOpen: Bool { !(status?.isClosed ?? false) }

        /// The child's id, read from the data set it was made from.
        public func id(_ data: DataSet) -> String {
            switch ref.kind {
            case .goal: return data.goals.withUnsafeBufferPointer { $0[ref.index].id }
            case .activity: return data.activities.withUnsafeBufferPointer { $0[ref.index].id }
            default: return data.findings.withUnsafeBufferPointer { $0[ref.index].id }
            }
        }
    }

    /// Per goal (indexed like `data.goals`): its sub-goals, its activities, its findings.
    let subgoals: [[Int32]]
    let activities: Grouped
    let findings: [[Int32]]

    public init(_ data: DataSet) {
        let goals = data.goals, findingsTyped = data.findings
        // Ids looked up in the data set's id indexes, by their bytes (no string hashed).
        let goalIDs = data.idIndex(of: .goal)
        let goalIndex = { (id: String) in DataSet.goal(named: id, in: goalIDs) }
        var subgoals = [[Int32]](repeating: [], count: goals.count)
        for i in goals.indices {
            if let p = goals[i].parent, let j = goalIndex(p) { subgoals[j].append(Int32(i)) }
        }
        // Each activity's goal as the data set has it (`activityGoals`), placed in one pass.
        let goalOf = data.activityGoals
        let activities = Grouped(goalOf, groups: goals.count)
        // A finding lies under the goal of each activity it names (the first of that id); the
        // activities' id index is made only when some finding names one.
        let activityIDs = findingsTyped.contains { !$0.actions.isEmpty } ? data.idIndex(of: .activity) : nil
        var findings = [[Int32]](repeating: [], count: goals.count)
        for (k, f) in findingsTyped.enumerated() {
            var linked: [Int32] = []
            for a in f.actions {
                guard !a.isEmpty, let j = activityIDs?.first(a), case let g = goalOf[j], g >= 0, !linked.contains(g) else { continue }
                linked.append(g)
                findings[Int(g)].append(Int32(k))
            }
        }
        self.subgoals = subgoals
        self.activities = activities
        self.findings = findings
    }

    public var count: Int { subgoals.count }

    /// The children of `data.goals[i]`: sub-goals, then activities, then findings, each in
    /// file order.
    public func children(of i: Int, in data: DataSet) -> [Child] {
        children(of: i, statuses: Statuses(data))
    }

    /// The statuses of the goals, activities and findings, each kind's in one array (a
    /// byte each): a caller that asks for every goal's children reads them from here, not
    /// from the typed records, which lie 128 bytes apart in file order, not by goal (at
    /// 100,000 activities, a cache miss per child).
    public struct Statuses: Sendable {
        let goals: [Status?]
        let activities: [Status?]
        let findings: [Status?]

        public init(_ data: DataSet) {
            goals = data.goals.map(\.status)
            activities = data.activities.map(\.status)
            findings = data.findings.map(\.status)
        }
    }

    /// The same, with the statuses taken from `statuses`, made once by a caller that asks
    /// for every goal.
    public func children(of i: Int, statuses: Statuses) -> [Child] {
        let count = subgoals[i].count + activities[i].count + findings[i].count
        guard count > 0 else { return [] }
        var out: [Child] = []
        out.reserveCapacity(count)
        for j in subgoals[i] { out.append(Child(ref: RecordRef(kind: .goal, index: Int(j)), status: statuses.goals[Int(j)])) }
        for j in activities[i] { out.append(Child(ref: RecordRef(kind: .activity, index: Int(j)), status: statuses.activities[Int(j)])) }
        for j in findings[i] { out.append(Child(ref: RecordRef(kind: .finding, index: Int(j)), status: statuses.findings[Int(j)])) }
        return out
    }

    /// Whether anything open (neither `klar` nor `struken`) lies below each goal: an open
    /// child, or an open record below any of its sub-goals, closed sub-goals included.
    /// Indexed like `data.goals`. A `struken` sub-goal with open work under it is not "all
    /// cancelled" for the goal above (`GoalChildrenCheck`).
    public func openBelow(_ data: DataSet) -> [Bool] {
        // What is open does not depend on the day: the walk of `openSignals`, at any day.
        openSignals(data, asOf: Day(ordinal: 0), window: 0).map { $0 != nil }
    }

    /// The worst signal among each goal's open children and everything open below its
    /// sub-goals, closed sub-goals included (röd before gul before grön); nil for a goal
    /// with nothing open under it. Indexed like `data.goals`. With `onlyOpen` (the public
    /// report), records classified intern or sekretess do not count, but the open records
    /// below a classified sub-goal do: the public report shows them (under "Övriga
    /// aktiviteter"), so the goal above cannot look better than they are.
    public func openSignals(_ data: DataSet, asOf: Day, window: Int, onlyOpen: Bool = false,
                            baselines: Baselines = Baselines()) -> [Signal?] {
        let n = count
        let movedGreen = data.config.movedGreen
        /// A child's signal, raised to at least gul when its deadline was moved (`Baselines`):
        /// "Öppet under" is the worst signal below as every table shows it.
        let moves = !baselines.isEmpty  // asked once: without history no id is looked up
        func seen(_ kind: Kind, _ id: String, due: Deadline?, status: Status?, _ signal: Signal) -> Signal {
            Baselines.signal(signal, moved: baselines.original(kind, id, current: due) != nil, status: status, movedGreen: movedGreen)
        }
        // Each goal's worst open activity, finding and sub-goal of its own, in one pass each.
        var direct = [Signal?](repeating: nil, count: n)
        var counts: [Bool] = []  // whether a goal counts for `onlyOpen`
        data.goals.withUnsafeBufferPointer { goals in
            counts = goals.map { !onlyOpen || $0.classification == .open }
            for i in 0..<n {
                for j in subgoals[i] where counts[Int(j)] {
                    let g = goals.baseAddress! + Int(j)
                    let status = Status.on(asOf, g.pointee.status, done: g.pointee.donePeriod)
                    guard !(status?.isClosed ?? false) else { continue }
                    let signal = Standing(deadline: g.pointee.due, status: status, asOf: asOf, window: window).signal
                    direct[i] = GoalChildren.worse(direct[i], moves ? seen(.goal, g.pointee.id, due: g.pointee.due, status: status, signal) : signal)
                }
            }
        }
        data.activities.withUnsafeBufferPointer { all in
            for i in 0..<n {
                for j in activities[i] {
                    let a = all.baseAddress! + Int(j)
                    let status = Status.on(asOf, a.pointee.status, done: a.pointee.donePeriod)
                    guard !(status?.isClosed ?? false), !onlyOpen || a.pointee.classification == .open else { continue }
                    let due = Activity.deadline(on: asOf, due: a.pointee.due, every: a.pointee.every, done: a.pointee.done,
                                                countedDone: a.pointee.countedDone, start: a.pointee.start, occurrences: { a.pointee.occurrenceLines })
                    let signal = Standing(deadline: due, status: status, asOf: asOf, window: window).signal
                    direct[i] = GoalChildren.worse(direct[i], moves ? seen(.activity, a.pointee.id, due: a.pointee.due, status: status, signal) : signal)
                }
            }
        }
        data.findings.withUnsafeBufferPointer { all in
            for i in 0..<n {
                for j in findings[i] {
                    let f = all.baseAddress! + Int(j)
                    let status = Status.on(asOf, f.pointee.status, done: f.pointee.donePeriod)
                    guard !(status?.isClosed ?? false), !onlyOpen || f.pointee.classification == .open else { continue }
                    let signal = Standing(deadline: f.pointee.due, status: status, asOf: asOf, window: window).signal
                    direct[i] = GoalChildren.worse(direct[i], moves ? seen(.finding, f.pointee.id, due: f.pointee.due, status: status, signal) : signal)
                }
            }
        }
        // Then down the tree: a goal sees what its sub-goals see.
        return GoalChildren.upTheTree(direct, subgoals: subgoals)
    }

    /// Each goal's `own` signal made worse by those of everything below it: a walk down the
    /// sub-goals, each goal's children taken in order. The walk keeps its own stack, not
    /// the thread's, so a chain of any depth is walked (a chain of 200,000 goals one under
    /// the other overflowed the thread's stack). A goal on a cycle sees the goals of the
    /// cycle below it as far as the walk had come (the goal-cycle check reports the cycle).
    static func upTheTree(_ own: [Signal?], subgoals: [[Int32]]) -> [Signal?] {
        let n = own.count
        var memo = [Signal?](repeating: nil, count: n)
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on the path, 2 done
        // The path from the goal the walk started at: each goal, the next of its sub-goals
        // to look at, and the worst signal so far.
        var path: [(goal: Int, next: Int, worst: Signal?)] = []
        for root in 0..<n where state[root] == 0 {
            state[root] = 1
            path.append((root, 0, own[root]))
            while let (i, k, worst) = path.last {
                if k < subgoals[i].count {
                    path[path.count - 1].next = k + 1
                    let j = Int(subgoals[i][k])
                    switch state[j] {
                    case 2: path[path.count - 1].worst = GoalChildren.worse(worst, memo[j])
                    case 1: break  // on the path: a cycle
                    default:
                        state[j] = 1
                        path.append((j, 0, own[j]))
                    }
                    continue
                }
                memo[i] = worst
                state[i] = 2
                path.removeLast()
                if !path.isEmpty { path[path.count - 1].worst = GoalChildren.worse(path[path.count - 1].worst, worst) }
            }
        }
        return memo
    }

    /// The worse of two signals for a reader: röd, then gul, then grön, then grå.
    public static func worse(_ a: Signal?, _ b: Signal?) -> Signal? {
        guard let a else { return b }
        guard let b else { return a }
        func rank(_ s: Signal) -> Int { s == .red ? 3 : s == .yellow ? 2 : s == .green ? 1 : 0 }
        return rank(b) > rank(a) ? b : a
    }
}

/// Indexes in groups, all in one array: what a `[[Int32]]` holds, without an array per
/// group grown one index at a time (at 100,000 activities under 10,000 goals, the growing
/// was a tenth of the goal-children check).
struct Grouped: Sendable {
    /// Group `g`'s indexes are `items[starts[g]..<starts[g + 1]]`.
    private let starts: [Int32]
    private let items: [Int32]

    /// The indexes `0..<groupOf.count` by their group `groupOf[i]` (`0..<groups`; a
    /// negative group is none), each group's in increasing order.
    init(_ groupOf: [Int32], groups: Int) {
        var starts = [Int32](repeating: 0, count: groups + 1)
        for g in groupOf where g >= 0 { starts[Int(g) + 1] += 1 }
        for g in 0..<groups { starts[g + 1] += starts[g] }
        var next = starts
        var items = [Int32](repeating: 0, count: Int(starts[groups]))
        for (i, g) in groupOf.enumerated() where g >= 0 {
            items[Int(next[Int(g)])] = Int32(i)
            next[Int(g)] += 1
        }
        self.starts = starts
        self.items = items
    }

    subscript(g: Int) -> ArraySlice<Int32> { items[Int(starts[g])..<Int(starts[g + 1])] }
}
