/// A record whose deadline moved later: every move, with who moved it, when and why.
public struct Slip: Sendable, Codable, Hashable {
    public struct Move: Sendable, Codable, Hashable {
        /// The deadline tokens before and after.
        public let from: String
        public let to: String
        /// Days later, between the last days of the periods; nil for a move to `?`. A move
        /// from `?` counts from the last known deadline before it.
        public let days: Int?
        /// The record's `reason` after the move.
        public let reason: String?
        /// Nil for an uncommitted move.
        public let revision: Revision?
    }

    public let kind: Kind
    public let id: String
    public let title: String
    public let owner: String?
    public let moves: [Move]
    /// The sum of the moves' days.
    public let totalDays: Int

    public var count: Int { moves.count }
}

/// Deadline slips, computed from the history.
public enum Slips {
    /// Every record whose `due` moved later, counting moves whose date lies within
    /// `since`…`until` (the uncommitted entry counts unless `until` is given). Sorted by
    /// total days slipped, most first, then by number of moves, then by id.
    public static func make(_ history: History, ids: [String] = [], since: Day? = nil, until: Day? = nil) -> [Slip] {
        struct Key: Hashable { let kind: Kind; let id: String }
        let wanted = Set(ids)
        var lastKnown: [Key: Day] = [:]
        var moves: [Key: [Slip.Move]] = [:]
        var titles: [Key: String] = [:]
        var owners: [Key: String] = [:]
        var order: [Key] = []
        for entry in history.entries {
            var inWindow = true
            if let r = entry.revision {
                if let since, r.date < since { inWindow = false }
                if let until, until < r.date { inWindow = false }
            } else if until != nil {
                inWindow = false
            }
            for c in entry.changes where c.action != .unparseable {
                if !wanted.isEmpty && !wanted.contains(c.id) { continue }
                let key = Key(kind: c.kind, id: c.id)
                if let t = c.title { titles[key] = t }
                if let o = c.owner { owners[key] = o }
                guard c.action == .changed, c.field == "due" else { continue }
                let old = c.old.flatMap(Deadline.init(token:))
                let new = c.new.flatMap(Deadline.init(token:))
                // Completing an occurrence of a recurring activity moves `due` on: not a slip.
                if c.occurrence != nil {
                    if let newLast = new?.lastDay { lastKnown[key] = newLast }
                    continue
                }
                let reference = old?.lastDay ?? lastKnown[key]
                var move: Slip.Move?
                if let newLast = new?.lastDay {
                    if let reference, reference < newLast {
                        move = Slip.Move(from: c.old ?? "", to: c.new ?? "", days: reference.days(until: newLast),
                                         reason: c.reason, revision: entry.revision)
                    }
                    lastKnown[key] = newLast
                } else if new?.isUnknown == true, let oldLast = old?.lastDay {
                    move = Slip.Move(from: c.old ?? "", to: c.new ?? "", days: nil, reason: c.reason, revision: entry.revision)
                    lastKnown[key] = oldLast
                }
                guard let move, inWindow else { continue }
                if moves[key] == nil { order.append(key) }
                moves[key, default: []].append(move)
            }
        }
        let slips = order.map { key -> Slip in
            let list = moves[key]!
            return Slip(kind: key.kind, id: key.id, title: titles[key] ?? "", owner: owners[key], moves: list,
                        totalDays: list.reduce(0) { $0 + ($1.days ?? 0) })
        }
        return slips.sorted {
            if $0.totalDays != $1.totalDays { return $0.totalDays > $1.totalDays }
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.id != $1.id { return $0.id < $1.id }
            return $0.kind < $1.kind
        }
    }
}
