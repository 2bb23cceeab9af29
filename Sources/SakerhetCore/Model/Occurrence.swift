/// One completed occurrence of a recurring activity (`every:`), kept in the repeatable
/// field `occurrence`, one line per occurrence, oldest first:
///
/// ```
/// occurrence: 2026-Q1 2026-03-20 utan anmärkning: Protokoll IK-uppföljning Q1
/// ```
///
/// The occurrence's period (a deadline token: the `due` it completed), the day it was done,
/// optionally its outcome (`utan anmärkning` or `avvikelse`), and optionally `: ` and the
/// evidence. `activities done` appends one and moves `due` on by one period; the field
/// keeps every occurrence, where `done` and `evidence` hold only the latest.
public struct Occurrence: Sendable, Codable, Hashable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case clean = "utan anmärkning", deviation = "avvikelse"

        public init?(parsing text: String) {
            switch text.lowercased().trimmingBlanks {
            case "utan anmärkning", "no remarks", "no remark", "clean", "ok": self = .clean
            case "avvikelse", "deviation": self = .deviation
            default: return nil
            }
        }

        public func word(_ lang: Lang) -> String {
            switch (self, lang) {
            case (.clean, .sv): return "utan anmärkning"
            case (.deviation, .sv): return "avvikelse"
            case (.clean, .en): return "no remarks"
            case (.deviation, .en): return "deviation"
            }
        }
    }

    /// The period the occurrence completes, e.g. `2026-Q1`.
    public let period: String
    public let done: Day
    public let outcome: Outcome?
    public let evidence: String?

    public init(period: String, done: Day, outcome: Outcome? = nil, evidence: String? = nil) {
        self.period = period
        self.done = done
        self.outcome = outcome
        self.evidence = evidence
    }

    /// Reads `PERIOD DAY [OUTCOME][: EVIDENCE]`; nil when it does not have that shape.
    public init?(_ text: String) {
        let t = text.trimmingBlanks
        var head = Substring(t)
        var evidence: String?
        if let colon = t.scalarRange(of: ":") {
            head = t[..<colon.lowerBound]
            let rest = String(t[colon.upperBound...]).trimmingBlanks
            evidence = rest.isEmpty ? nil : rest
        }
        let words = head.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, Deadline(token: String(words[0])) != nil, let day = Day(String(words[1])) else { return nil }
        var outcome: Outcome?
        if words.count > 2 {
            guard let o = Outcome(parsing: words[2...].joined(separator: " ")) else { return nil }
            outcome = o
        }
        self.init(period: String(words[0]), done: day, outcome: outcome, evidence: evidence)
    }

    /// The line as stored.
    public var text: String {
        var s = period + " " + done.description
        if let outcome { s += " " + outcome.rawValue }
        if let evidence, !evidence.isEmpty { s += ": " + evidence }
        return s
    }
}

extension Recurrence {
    /// The period of the recurrence that holds `day`: 2024-11-01 is in `2024` (år), `2024-Q4`.
    public func period(of day: Day) -> Deadline {
        let y = day.year, m = day.month
        switch self {
        case .month: return Deadline(precision: .month, year: y, index: m)
        case .quarter: return Deadline(precision: .quarter, year: y, index: (m - 1) / 3 + 1)
        case .tertial: return Deadline(precision: .tertial, year: y, index: (m - 1) / 4 + 1)
        case .half: return Deadline(precision: .half, year: y, index: (m - 1) / 6 + 1)
        case .year: return Deadline(precision: .year, year: y, index: 0)
        }
    }

    /// The period of the recurrence that holds the end of `deadline` (a day, a week or a
    /// month of a yearly control): the period an occurrence written for `deadline`
    /// completes. Nil when `deadline` has no days (`?`, `löpande`).
    public func period(containing deadline: Deadline) -> Deadline? {
        deadline.lastDay.map { period(of: $0) }
    }

    /// The deadline after `due` by one period of the recurrence: `2026-Q1` → `2026-Q2`.
    public func step(after due: Deadline) -> Deadline? {
        due.lastDay.map { next(after: $0) }
    }

    /// `step(after:)` taken `n` times.
    public func steps(_ n: Int, after due: Deadline) -> Deadline? {
        var d: Deadline? = due
        for _ in 0..<max(0, n) { d = d.flatMap(step) }
        return d
    }

    /// For a standing control (`due: löpande`) with this recurrence: the periods from the
    /// first it owes a check (`owed`) that have ended by `asOf`, with no occurrence; nil
    /// when none has (or nothing tells when its first check
    /// was due: `owed`). The report's row names them beside the lateness they make.
    public func missed(_ occurrences: [Occurrence], start: Deadline? = nil, done: Day? = nil, asOf: Day) -> Missed? {
        guard let owed = owed(occurrences, start: start, done: done, asOf: asOf) else { return nil }
        var missed = Missed(first: owed, last: owed, count: 0)
        var period = missed.first
        while let end = period.lastDay, end < asOf {
            (missed.last, missed.count) = (period, missed.count + 1)
            period = next(after: end)
        }
        return missed.count == 0 ? nil : missed
    }

    /// The first period a standing control with this recurrence owes a check on `asOf`:
    /// the one after the last period checked by `asOf`, by its occurrences and by its `done`
    /// (a check written by hand, that no occurrence line records: the period that holds it); with
    /// neither, the period that holds its `start` (`start: 2027-01` of a monthly control
    /// owes January). Nil when none is known: nothing tells when its first check was due.
    public func owed(_ occurrences: [Occurrence], start: Deadline?, done: Day? = nil, asOf: Day) -> Deadline? {
        var last = occurrences.compactMap({ $0.done <= asOf ? Deadline(token: $0.period)?.lastDay : nil }).max()
        // A `done` an occurrence line records is that occurrence's (March's check done on
        // 2 April is March's), not a check of the period that holds the day.
        if let done, done <= asOf, !occurrences.contains(where: { $0.done == done }) { last = max(last ?? done, done) }
        if let last { return next(after: last) }
        return start?.firstDay.map { period(of: $0) }
    }

    /// The periods `missed` found: the first, the last and how many.
    public struct Missed: Sendable {
        public var first: Deadline
        public var last: Deadline
        public var count: Int

        /// The last day of the last: when the latest missed period ended.
        public var ended: Day { last.lastDay! }

        /// "2027-Q3", "2027-Q3 och 2027-Q4", "2027-Q3–2028-Q2 (4 perioder)".
        public func text(_ lang: Lang) -> String {
            switch count {
            case 1: return first.token
            case 2: return first.token + (lang == .sv ? " och " : " and ") + last.token
            default: return first.token + "–" + last.token + (lang == .sv ? " (\(count) perioder)" : " (\(count) periods)")
            }
        }
    }
}
