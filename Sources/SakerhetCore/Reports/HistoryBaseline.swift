/// The deadline each record had when the follow-up period began (or when it was added,
/// if later), read from git: the baseline that a moved deadline is shown against.
///
/// One pass over the history: before the period, the baseline follows every change of
/// `due`; from the period's first day it stays, except that completing an occurrence of
/// a recurring activity (`activities done`, or a `done` written by hand) moves it one period
/// on per period completed (that is the plan, not a move), and that a record whose baseline
/// is `?` or `löpande` takes the first dated deadline it is given. A record
/// whose current deadline ends later than its baseline (or is `?` or `löpande` where the
/// baseline was known) has been moved: it shows the baseline beside its deadline, and while it is open
/// its signal is at least gul unless `config.rec` says `moved_signal: grön`.
public struct Baselines: Sendable {
    /// kind → id → the baseline deadline token.
    private var tokens: [Kind: [String: String]] = [:]
    /// kind → id → the deadline the record was planned with: the first `due` the history
    /// knows (moved on only by completed occurrences of a recurring activity).
    private var planned: [Kind: [String: String]] = [:]
    /// kind → id → the deadline in force when the record was last marked `klar`, while it
    /// still is: a deadline moved after the work was done does not make it done on time.
    private var atClosing: [Kind: [String: String]] = [:]
    /// kind → id → for a record a completion dated after the report's date moved on: the
    /// baseline before that completion, the one to show beside the deadline the report shows
    /// (which a `done` after its date has not moved yet).
    private var beforeLaterCompletion: [Kind: [String: String]] = [:]
    /// kind → id → how many periods a `done` written by hand (up to the report's date) has
    /// moved the deadline in force past the stored `due` since it last changed, and the
    /// record's rhythm: the baseline shown beside the deadline in force goes as many on.
    private var lag: [Kind: [String: Int]] = [:]
    private var rhythm: [Kind: [String: Recurrence]] = [:]

    public init() {}

    public var isEmpty: Bool { tokens.isEmpty }

    /// The baselines for the period that starts on `first`, from the whole history: they are
    /// compared with the records as the files have them now, which a report dated before
    /// later commits reads too (its head says so), so a completion committed after the
    /// report's date has moved both the file's `due` and the baseline, and a move made after
    /// it shows. The baseline shown beside a deadline is the one of `asOf` when a completion
    /// dated after it has moved the baseline on: the report shows the deadline of that day.
    public static func make(_ history: History, periodStart first: Day, asOf: Day? = nil) -> Baselines {
        var b = Baselines()
        // Each record's `due` as the history goes, for `atClosing` and a `done` by hand.
        var due: [Kind: [String: String]] = [:]
        for entry in history.entries {
            guard let r = entry.revision else { continue }
            // By its commit date (`Revision.date`): when the change entered the history.
            let before = r.date < first
            for c in entry.changes where c.action != .unparseable {
                switch c.action {
                case .created:
                    due[c.kind, default: [:]][c.id] = c.due
                    b.atClosing[c.kind]?[c.id] = nil
                    if c.status.flatMap(Status.init(parsing:)) == .done, let d = c.due { b.atClosing[c.kind, default: [:]][c.id] = d }
                case .removed:
                    due[c.kind]?[c.id] = nil
                    b.atClosing[c.kind]?[c.id] = nil
                case .changed where c.field == "due":
                    due[c.kind, default: [:]][c.id] = c.new
                case .changed where c.field == "status" && c.kind != .risk:
                    // The deadline before this commit: one moved in the commit that closes the
                    // record is moved after the work, whichever change the commit lists first.
                    let movedHere = entry.changes.first { $0.action == .changed && $0.field == "due" && $0.kind == c.kind && $0.id == c.id }
                    if c.new.flatMap(Status.init(parsing:)) == .done, let d = movedHere.map({ $0.old }) ?? due[c.kind]?[c.id] {
                        b.atClosing[c.kind, default: [:]][c.id] = d
                    } else {
                        b.atClosing[c.kind]?[c.id] = nil
                    }
                default: break
                }
                switch c.action {
                case .created:
                    // A record put back under its id in the period keeps the baseline it had
                    // when the period began: removing and adding it is no way round a move.
                    if !before, let known = b.tokens[c.kind]?[c.id] {
                        // Unless its baseline had no days and it comes back dated: as for a
                        // change of `due`, that date is the baseline (no way round a move).
                        if Baselines.firstDated(known, c.due) { b.tokens[c.kind, default: [:]][c.id] = c.due }
                        continue
                    }
                    if let due = c.due { b.tokens[c.kind, default: [:]][c.id] = due } else { b.tokens[c.kind]?[c.id] = nil }
                    b.planned[c.kind, default: [:]][c.id] = c.due
                case .removed:
                    guard before else { continue }
                    b.tokens[c.kind]?[c.id] = nil
                    b.planned[c.kind]?[c.id] = nil
                case .changed where c.field == "done" && c.occurrence != nil:
                    // A `done` written by hand on a recurring activity completes the period in
                    // force, `due` left as it was: the baseline stays level with the stored
                    // `due` (the rows compare the two), and the periods the deadline in force
                    // has run ahead of it (`lag`) are added at the next change of `due`, and
                    // to the baseline shown beside the deadline in force. Counted up to the
                    // report's date: a `done` after it has moved nothing yet.
                    guard let every = c.every, let stored = due[c.kind]?[c.id].flatMap(Deadline.init(token:)),
                          let doneDay = c.new.flatMap(Deadline.init(token:))?.lastDay,
                          let after = Activity.deadline(due: stored, every: every, done: doneDay) else { continue }
                    b.rhythm[c.kind, default: [:]][c.id] = every
                    if asOf.map({ doneDay <= $0 }) ?? true { b.lag[c.kind, default: [:]][c.id] = HistoryDiff.periods(from: stored, to: after, every: every) }
                    // The first plan follows the completion one period on, as for `activities done`.
                    if let period = c.occurrence?.period {
                        b.planned[c.kind, default: [:]][c.id] = HistoryDiff.onePeriodOn(old: period, new: after.token, every: every) ?? after.token
                    }
                case .changed where c.field == "due":
                    b.lag[c.kind]?[c.id] = nil
                    var known = b.tokens[c.kind]?[c.id]
                    // Periods completed by hand since the stored `due` last changed: the change
                    // takes `due` past them, and so does the baseline (a postponement is
                    // measured from the deadline in force, as the slips measure it).
                    if !before, c.handPeriods > 0, let k = known, !Baselines.firstDated(k, c.new),
                       let on = Baselines.onePeriodOn(from: k, old: c.old, every: c.every, periods: c.handPeriods) {
                        known = on
                        b.tokens[c.kind, default: [:]][c.id] = on
                    }
                    // A completion that took `due` further than one period on moved it the
                    // rest of the way: the baseline goes one period on, not all the way.
                    let planned = c.onePeriodOn ?? c.new
                    if before || known == nil || Baselines.firstDated(known, c.new) && c.occurrence == nil {
                        b.tokens[c.kind, default: [:]][c.id] = c.new
                    } else if c.occurrence != nil {
                        if let known { b.noteLater(c, known, done: c.occurrence?.done, asOf: asOf) }
                        // One period on from the baseline, not from the deadline completed: a
                        // control moved from Q1 to Q2 and done in Q2 is due in Q3, a quarter
                        // later than planned, so its baseline is Q2 and it stays moved.
                        b.tokens[c.kind, default: [:]][c.id] = Baselines.onePeriodOn(from: known, old: c.inForce ?? c.old, every: c.every,
                                                                                      periods: c.periodsDone) ?? planned
                    }
                    // The first plan follows the completed deadline: a control moved years ago
                    // is not shown as first planned a period earlier at every completion since.
                    if c.occurrence != nil || b.planned[c.kind]?[c.id] == nil {
                        b.planned[c.kind, default: [:]][c.id] = c.occurrence != nil ? planned : (c.old ?? c.new)
                    }
                default: break
                }
            }
        }
        return b
    }

    /// Keeps `known`, the baseline before the completion `c` done on `done`, when that is
    /// after `asOf` and no earlier such completion was kept.
    private mutating func noteLater(_ c: RecordChange, _ known: String, done: Day?, asOf: Day?) {
        guard let asOf, let done, asOf < done, beforeLaterCompletion[c.kind]?[c.id] == nil else { return }
        beforeLaterCompletion[c.kind, default: [:]][c.id] = known
    }

    /// Whether `new` is the first deadline with days of a record whose baseline has none
    /// (`?`, `löpande`): given in the period, it is what the record is planned to, as if it
    /// were added then, and a later move is measured from it. A deadline of `?` given a
    /// date and then postponed is moved, not green.
    static func firstDated(_ baseline: String?, _ new: String?) -> Bool {
        guard let baseline, Deadline(token: baseline)?.lastDay == nil else { return false }
        return new.flatMap(Deadline.init(token:))?.lastDay != nil
    }

    /// For a completed occurrence: one period of `every` on (one per period completed)
    /// from the earlier of `from` (the baseline) and `old` (the deadline in force before the
    /// completion, which a `done` written by hand may have moved past the stored `due`). From
    /// `from` when the deadline had been moved later, so the move stays in view; from `old`
    /// when it had been moved earlier, so the baseline never runs ahead of the plan and
    /// hides a later move. Nil when either has no days or there is no rhythm.
    static func onePeriodOn(from: String?, old: String?, every: Recurrence?, periods: Int = 1) -> String? {
        guard let every, let base = from.flatMap(Deadline.init(token:)), let baseLast = base.lastDay else { return nil }
        var start = base
        if let o = old.flatMap(Deadline.init(token:)), let oLast = o.lastDay, oLast < baseLast { start = o }
        return every.steps(periods, after: start)?.token
    }

    /// The baseline of a record whose deadline is now `current`, when it was moved later
    /// than that; nil when not moved (or history does not know the record).
    public func original(_ kind: Kind, _ id: String, current: Deadline?) -> Deadline? {
        guard let token = tokens[kind]?[id], let base = Deadline(token: token), let baseLast = base.lastDay else { return nil }
        guard let current else { return nil }
        let moved = current.lastDay.map { baseLast < $0 } ?? current.hasNoDays
        guard moved else { return nil }
        // Beside the deadline of the report's date: the baseline of that date.
        if let then = beforeLaterCompletion[kind]?[id].flatMap(Deadline.init(token:)) { return then }
        // Beside the deadline in force, which a `done` by hand has moved past the stored one.
        if let n = lag[kind]?[id], n > 0, let every = rhythm[kind]?[id], let on = every.steps(n, after: base) { return on }
        return base
    }

    /// The deadline a record done had when it was marked done, when its deadline now ends
    /// later: moved after the work was done, which was late (or on time) by the deadline in
    /// force then. Nil when not moved since, or history does not know the closing.
    public func atClosing(_ kind: Kind, _ id: String, current: Deadline?) -> Deadline? {
        guard let token = atClosing[kind]?[id], let then = Deadline(token: token), let thenLast = then.lastDay else { return nil }
        guard let last = current?.lastDay else { return current?.hasNoDays == true ? then : nil }
        return thenLast < last ? then : nil
    }

    /// The deadline a record was first planned with, when it is earlier than both its
    /// baseline (`original`, if moved in the period) and its deadline now: a record moved
    /// before the period began keeps its first deadline in view. Nil otherwise.
    public func planned(_ kind: Kind, _ id: String, current: Deadline?, original: Deadline?) -> Deadline? {
        guard let token = planned[kind]?[id], let first = Deadline(token: token), let firstLast = first.lastDay else { return nil }
        let reference = original ?? current
        guard let reference else { return nil }
        if let last = reference.lastDay { return firstLast < last ? first : nil }
        return reference.hasNoDays ? first : nil
    }

    /// The signal of a record shown with its moved baseline: at least gul while open,
    /// unless `movedGreen` (`moved_signal: grön`).
    public static func signal(_ s: Signal, moved: Bool, status: Status?, movedGreen: Bool) -> Signal {
        guard moved, !movedGreen, s == .green, !(status?.isClosed ?? false) else { return s }
        return .yellow
    }
}
