/// What lies under each goal: its sub-goals (`parent`), its activities (`goal`) and the
/// findings linked to it (a finding whose `action` names one of the goal's activities).
/// Built in one pass over each kind, so asking about every goal is linear in the records.
public struct GoalChildren: Sendable {
    public struct Child: Sendable, Hashable {
        public let ref: RecordRef
        public let id: String
        public let status: Status?
        public let classification: Classification

        public var kind: Kind { ref.kind }
        public var isOpen: Bool { !(status?.isClosed ?? false) }
    }

    /// The children of `data.goals[i]`, sub-goals first, then activities, then findings,
    /// each in file order.
    public let children: [[Child]]

    public init(_ data: DataSet) {
        var index: [String: Int] = [:]
        index.reserveCapacity(data.goals.count)
        for (i, g) in data.goals.enumerated() where index[g.id] == nil { index[g.id] = i }
        var children = [[Child]](repeating: [], count: data.goals.count)
        for g in data.goals {
            guard let p = g.parent, let i = index[p] else { continue }
            children[i].append(Child(ref: g.ref, id: g.id, status: g.status, classification: g.classification))
        }
        // Only the activities that some finding names are looked up, by id, in the same pass.
        var named: [String: Int?] = [:]
        for f in data.findings { for a in f.actions { named[a] = .some(nil) } }
        data.activities.withUnsafeBufferPointer { all in
            for k in all.indices {
                let a = all.baseAddress! + k
                guard let i = index[a.pointee.goal] else { continue }
                children[i].append(Child(ref: a.pointee.ref, id: a.pointee.id, status: a.pointee.status, classification: a.pointee.classification))
                if !named.isEmpty, let entry = named[a.pointee.id], entry == nil { named[a.pointee.id] = .some(i) }
            }
        }
        for f in data.findings {
            var linked: [Int] = []
            for a in f.actions {
                guard let entry = named[a], let i = entry, !linked.contains(i) else { continue }
                linked.append(i)
                children[i].append(Child(ref: f.ref, id: f.id, status: f.status, classification: f.classification))
            }
        }
        self.children = children
    }

    /// The worst signal among each goal's open children and everything open below its
    /// sub-goals, closed sub-goals included (röd before gul before grön); nil for a goal
    /// with nothing open under it. Indexed like `data.goals`. With `onlyOpen`, records
    /// classified intern or sekretess (and what is below them) do not count.
    public func openSignals(_ data: DataSet, asOf: Day, window: Int, onlyOpen: Bool = false) -> [Signal?] {
        var memo = [Signal?](repeating: nil, count: children.count)
        var state = [UInt8](repeating: 0, count: children.count)  // 0 new, 1 on the path, 2 done
        var goalIndex: [RecordRef: Int] = [:]
        for (i, g) in data.goals.enumerated() { goalIndex[g.ref] = i }
        func visit(_ i: Int) -> Signal? {
            if state[i] == 2 { return memo[i] }
            if state[i] == 1 { return nil }  // a cycle (the goal-cycle check's business)
            state[i] = 1
            var worst: Signal?
            for c in children[i] where !onlyOpen || c.classification == .open {
                if c.kind == .goal, let j = goalIndex[c.ref] { worst = GoalChildren.worse(worst, visit(j)) }
                guard c.isOpen else { continue }
                let own: Signal
                switch c.kind {
                case .goal: own = data.goals[c.ref.index].signal(asOf: asOf, window: window)
                case .activity:
                    own = data.activities.withUnsafeBufferPointer { all in
                        let a = all.baseAddress! + c.ref.index
                        let due = Activity.deadline(due: a.pointee.due, every: a.pointee.every, done: a.pointee.done)
                        return Standing(deadline: due, status: a.pointee.status, asOf: asOf, window: window).signal
                    }
                default: own = data.findings[c.ref.index].signal(asOf: asOf, window: window)
                }
                worst = GoalChildren.worse(worst, own)
            }
            memo[i] = worst
            state[i] = 2
            return worst
        }
        for i in children.indices { _ = visit(i) }
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
