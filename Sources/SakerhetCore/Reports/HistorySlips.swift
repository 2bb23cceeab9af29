/// A record whose deadline moved later: every move, with who moved it, when and why.
/// Encoded as `sakerhet.log/1` has it (`log --slips --format json`), in the report too.
public struct Slip: Sendable, Encodable, Hashable {
    public struct Move: Sendable, Encodable, Hashable {
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
        /// Committed after the last day of the deadline in force before it, with no new
        /// `reason` (left as it was, taken away, or changed only invisibly): late work moved
        /// with no word of why (by hand, or with `--as-of` set back). Said wherever the move's
        /// reason is (`reasonShown`).
        public var afterDeadline = false

        /// The reason as a reader is shown it: for a move made after its deadline had
        /// passed with no new reason, that first, then the reason left from before.
        public func reasonShown(_ lang: Lang) -> String? {
            Slip.reasonShown(reason, afterDeadline: afterDeadline, lang)
        }

        private enum Key: String, CodingKey { case from, to, days, reason, after_deadline_without_reason, uncommitted, commit, date, author, subject }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encodeIfPresent(days, forKey: .days)
            try c.encodeIfPresent(reason, forKey: .reason)
            if afterDeadline { try c.encode(true, forKey: .after_deadline_without_reason) }
            try c.encode(revision == nil, forKey: .uncommitted)
            try c.encodeIfPresent(revision?.hash, forKey: .commit)
            try c.encodeIfPresent(revision?.date.description, forKey: .date)
            try c.encodeIfPresent(revision?.author, forKey: .author)
            try c.encodeIfPresent(revision?.subject, forKey: .subject)
        }
    }

    private enum Key: String, CodingKey { case kind, id, title, owner, from, to, count, total_days, net_days, occurrences_done, moves }
    /// The keys of `sakerhet.log/1`: no total when the deadline is now open-ended.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(owner, forKey: .owner)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(count, forKey: .count)
        try c.encodeIfPresent(isOpenEnded ? nil : totalDays, forKey: .total_days)
        try c.encodeIfPresent(netDays, forKey: .net_days)
        try c.encodeIfPresent(occurrencesDone > 0 ? occurrencesDone : nil, forKey: .occurrences_done)
        try c.encode(moves, forKey: .moves)
    }

    public let kind: Kind
    public let id: String
    public let title: String
    public let owner: String?
    public let moves: [Move]
    /// The sum of the moves' days (those later than the deadline before them; a move to
    /// `?` has no days).
    public let totalDays: Int
    /// The deadline at the end of the window: after the last change of `due`, which may be
    /// a move back, earlier, after the moves counted here. Nil when not known.
    public var now: String? = nil
    /// The deadline when the window began (or when the record was added, if later), when
    /// it differs from where the first move started: a deadline pulled in and then pushed
    /// out again slipped from where it stood, not from the pulled-in date. Nil otherwise.
    public var start: String? = nil

    public var count: Int { moves.count }
    /// The deadline when the window began: `start`, else the deadline before the first move.
    public var from: String { start ?? moves.first?.from ?? "" }
    /// Where the deadline is now: `now`, else where the last move put it.
    public var to: String { now ?? moves.last?.to ?? "" }
    /// The deadline is now unknown (`?`) or gone (`löpande`): how far it slipped is not known.
    public var isOpenEnded: Bool { Deadline(token: to)?.hasNoDays ?? false }
    /// The deadline is now `löpande`: standing work, no end date.
    public var isStanding: Bool { Deadline(token: to)?.isStanding ?? false }
    /// Occurrences of a recurring activity completed after its first move, each of which
    /// took the deadline one period on: the part of `from` → `to` that is work done, not
    /// a slip.
    public var occurrencesDone = 0
    /// The days those completions took the deadline on (`occurrencesDone`).
    var completedDays = 0
    /// Days from the deadline before the first move to the deadline now, less the periods
    /// that completed occurrences took it on (less than `totalDays` when it was moved
    /// back, earlier, after); nil when either is unknown.
    public var netDays: Int? {
        guard let a = Deadline(token: from)?.lastDay, let b = Deadline(token: to)?.lastDay else { return nil }
        return a.days(until: b) - completedDays
    }

    /// `reason` as shown, for a move made after its deadline had passed with no new reason:
    /// that said first, then the reason left from before, if any.
    static func reasonShown(_ reason: String?, afterDeadline: Bool, _ lang: Lang) -> String? {
        guard afterDeadline else { return reason }
        let said = lang == .sv ? "flyttad efter att slutdatumet passerat, utan nytt skäl" : "moved after the deadline had passed, with no new reason"
        return said + (reason.map { lang == .sv ? " (skälet sedan tidigare: \($0))" : " (the reason from before: \($0))" } ?? "")
    }

    /// A copy with other moves (the subjects of excluded records blanked).
    func with(moves: [Move]) -> Slip {
        var s = Slip(kind: kind, id: id, title: title, owner: owner, moves: moves, totalDays: totalDays)
        s.now = now
        s.start = start
        s.occurrencesDone = occurrencesDone
        s.completedDays = completedDays
        return s
    }
}

/// Deadline slips, computed from the history.
public enum Slips {
    /// Every record whose `due` moved later, counting moves whose date lies within
    /// `since`…`until` (the uncommitted entry counts unless `until` is given). Sorted by
    /// total days slipped, most first, then by number of moves, then by id.
    public static func make(_ history: History, ids: [String] = [], since: Day? = nil, until: Day? = nil) -> [Slip] {
        struct Key: Hashable { let kind: Kind; let id: String }
        let wanted = Set(ids)
        let followed = History.following(wanted, in: history.entries)
        var lastKnown: [Key: Day] = [:]
        // The `due` after the last change up to `until`, in any direction.
        var current: [Key: String] = [:]
        // The `due` when the window began, or when the record was added in it.
        var atStart: [Key: String] = [:]
        // Each record's `due`, and that of a record removed (for its return under its id).
        var dueNow: [Key: String] = [:]
        var removedDue: [Key: String?] = [:]
        var moves: [Key: [Slip.Move]] = [:]
        // Occurrences completed after a record's first move, and the days they took its
        // deadline on: work done, which `netDays` does not count as slipped.
        var completed: [Key: (count: Int, days: Int)] = [:]
        var titles: [Key: String] = [:]
        var owners: [Key: String] = [:]
        var order: [Key] = []
        for entry in history.entries {
            // Up to `until` (the uncommitted entry only without it), and from `since` on.
            var byUntil = true
            if let r = entry.revision { if let until, until < r.date { byUntil = false } } else if until != nil { byUntil = false }
            let inWindow = byUntil && !(entry.revision.map { r in since.map { r.date < $0 } ?? false } ?? false)
            for c in entry.changes where c.action != .unparseable {
                if !wanted.isEmpty && !followed.contains(c.id) { continue }
                let key = Key(kind: c.kind, id: c.id)
                if let t = c.title { titles[key] = t }
                if let o = c.owner { owners[key] = o }
                if c.action == .created, let due = c.due, byUntil, !inWindow || atStart[key] == nil { atStart[key] = due }
                // A change of `due`, or a record put back under its id with another one: a
                // record removed and added again has moved as much as one changed.
                let change: (old: String?, new: String?)
                switch c.action {
                case .removed:
                    if byUntil { removedDue[key] = dueNow[key] }
                    continue
                case .created:
                    guard byUntil else { continue }
                    dueNow[key] = c.due
                    guard let was = removedDue.removeValue(forKey: key), let was, was != c.due else { continue }
                    change = (was, c.due)
                case .changed where c.field == "due":
                    if byUntil { dueNow[key] = c.new }
                    change = (c.old, c.new)
                case .changed where c.field == "done" && c.occurrence != nil:
                    // A `done` written by hand completes the period in force, `due` left as it
                    // was: as a completion by `activities done` below, one period on is the
                    // plan, and further than that (a period skipped) is a move.
                    guard byUntil, let every = c.every, let period = c.occurrence.flatMap({ Deadline(token: $0.period) }),
                          let periodLast = period.lastDay, let step = every.step(after: period), let stepLast = step.lastDay,
                          let after = Activity.deadline(due: dueNow[key].flatMap(Deadline.init(token:)), every: every,
                                                        done: c.new.flatMap(Deadline.init(token:))?.lastDay),
                          let afterLast = after.lastDay else { continue }
                    if !inWindow {
                        // Before the window: the deadline it begins with is the one in force.
                        atStart[key] = after.token
                    } else if moves[key] == nil {
                        if let s = atStart[key].flatMap(Deadline.init(token:)), let on = every.step(after: s) { atStart[key] = on.token }
                    } else if periodLast < stepLast {
                        completed[key, default: (0, 0)].count += 1
                        completed[key, default: (0, 0)].days += periodLast.days(until: stepLast)
                    }
                    lastKnown[key] = afterLast
                    current[key] = after.token
                    guard inWindow, stepLast < afterLast else { continue }
                    if moves[key] == nil { order.append(key) }
                    moves[key, default: []].append(Slip.Move(from: step.token, to: after.token, days: stepLast.days(until: afterLast),
                                                             reason: nil, revision: entry.revision))
                    continue
                default:
                    continue
                }
                if byUntil, let n = change.new { current[key] = n }
                if byUntil, !inWindow { atStart[key] = change.new }
                // The deadline in force before the change: a `done` written by hand had moved a
                // recurring activity's on past its stored `due`.
                let stored = change.old.flatMap(Deadline.init(token:))
                let inForce = c.inForce.flatMap(Deadline.init(token:)) ?? stored
                let old = inForce
                let new = change.new.flatMap(Deadline.init(token:))
                var move: Slip.Move?
                if c.occurrence != nil {
                    // Completing an occurrence of a recurring activity moves `due` one period
                    // on: not a slip. Further than that, the rest of the way is.
                    // Where one period on ends, when `due` went further (`onePeriodOn`).
                    let stepLast = c.onePeriodOn.flatMap(Deadline.init(token:))?.lastDay
                    if let step = c.onePeriodOn, let stepLast, let newLast = new?.lastDay {
                        move = Slip.Move(from: step, to: c.new ?? "", days: stepLast.days(until: newLast),
                                         reason: c.reason, revision: entry.revision)
                    }
                    if let newLast = new?.lastDay { lastKnown[key] = newLast }
                    if moves[key] == nil {
                        // In the window, before any move, the deadline it started from goes one
                        // period on with it: a slip starts from the occurrence it slipped.
                        if inWindow, let s = atStart[key].flatMap(Deadline.init(token:)), let step = c.every?.steps(c.periodsDone, after: s) {
                            atStart[key] = step.token
                        }
                    } else if inWindow, let oldLast = old?.lastDay, let through = stepLast ?? new?.lastDay, oldLast < through {
                        // After a move, the slip keeps where it started; the period this
                        // completion took the deadline on is work done, not slipped.
                        completed[key, default: (0, 0)].count += c.periodsDone
                        completed[key, default: (0, 0)].days += oldLast.days(until: through)
                    }
                    guard let move, inWindow else { continue }
                    if moves[key] == nil { order.append(key) }
                    moves[key, default: []].append(move)
                    continue
                }
                let reference = old?.lastDay ?? lastKnown[key]
                if let newLast = new?.lastDay {
                    if let reference, reference < newLast {
                        move = Slip.Move(from: old?.token ?? change.old ?? "", to: change.new ?? "", days: reference.days(until: newLast),
                                         reason: c.reason, revision: entry.revision)
                    }
                    lastKnown[key] = newLast
                } else if new?.hasNoDays == true, let oldLast = old?.lastDay {
                    move = Slip.Move(from: change.old ?? "", to: change.new ?? "", days: nil, reason: c.reason, revision: entry.revision)
                    lastKnown[key] = oldLast
                }
                // Moved in a commit after the deadline it moved from had ended, with no new
                // reason: the reason left as it was, taken away, or changed only in what a
                // reader does not see (`RecordRules.visible`). A record put back under its id
                // says nothing of its reason. Judged by the deadline in force before the move: a
                // recurring control's `done` since the stored deadline began moved it on.
                if c.action == .changed, let r = entry.revision, let oldLast = inForce?.lastDay, oldLast < r.date {
                    let given = entry.changes.first { $0.kind == c.kind && $0.id == c.id && $0.field == "reason" }
                    let newReason = given.map { !RecordRules.isBlank($0.new ?? "") && RecordRules.visible($0.new) != RecordRules.visible($0.old) } ?? false
                    if !newReason { move?.afterDeadline = true }
                }
                // A record that began the window with `?` or `löpande` and is given its first
                // dated deadline in it starts from that date, as its baseline does (a date it
                // had before the `?` notwithstanding): that is no move, and a slip of it reads
                // "2027-03 → 2027-09", not "? → 2027-09".
                if inWindow, moves[key] == nil, new?.lastDay != nil,
                   let start = atStart[key], Deadline(token: start)?.lastDay == nil {
                    atStart[key] = change.new
                    move = nil
                }
                guard let move, inWindow else { continue }
                if moves[key] == nil { order.append(key) }
                moves[key, default: []].append(move)
            }
        }
        let slips = order.map { key -> Slip in
            let list = moves[key]!
            var slip = Slip(kind: key.kind, id: key.id, title: titles[key] ?? "", owner: owners[key], moves: list,
                            totalDays: list.reduce(0) { $0 + ($1.days ?? 0) })
            slip.now = current[key]
            if since != nil, let start = atStart[key], start != list[0].from { slip.start = start }
            if let done = completed[key] { (slip.occurrencesDone, slip.completedDays) = done }
            return slip
        }
        return slips.sorted {
            if $0.totalDays != $1.totalDays { return $0.totalDays > $1.totalDays }
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.id != $1.id { return $0.id < $1.id }
            return $0.kind < $1.kind
        }
    }
}
