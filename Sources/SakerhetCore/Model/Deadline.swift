/// A deadline at the precision the plans use: a day, an ISO week, a month, a quarter, a
/// tertial, a half-year, a year, unknown (`?`) or standing work without an end (`löpande`).
/// It knows its first and last day (none when unknown or standing).
public struct Deadline: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable {
        case day, month, quarter, tertial, half, year, unknown
        /// An ISO week, Monday to Sunday: `2028-W12`.
        case week
        /// Standing work (`löpande`): never late, never due soon.
        case standing
    }

    // Small numbers, and the period's first and last day worked out once, when the
    // deadline is made: a deadline is 16 bytes, and the checks' "is it late" is one
    // comparison of day numbers.
    // (In this order, so that the struct has no padding.)
    private let year32: Int32
    private let first: Int32
    private let last: Int32
    private let index8: UInt8
    private let day8: UInt8
    public let precision: Precision

    public var year: Int { Int(year32) }
    /// Month (1–12), ISO week (1–53), quarter (1–4), tertial (1–3) or half (1–2); 0 for a
    /// year, unknown or standing. For a week, `year` is the ISO week-numbering year.
    public var index: Int { Int(index8) }
    /// The day of the month, for day precision.
    public var dayOfMonth: Int { Int(day8) }

    /// `first` and `last` of a deadline without days.
    private static let noDay = Int32.min

    public static let unknown = Deadline(precision: .unknown, year: 0, index: 0, dayOfMonth: 0)
    /// `löpande`: standing work with no end date.
    public static let standing = Deadline(precision: .standing, year: 0, index: 0, dayOfMonth: 0)
    /// The stored word for standing work, and the other spelling that is read as it.
    public static let standingToken = "löpande"
    static let standingWords = ["löpande", "fortlöpande"]

    init(precision: Precision, year: Int, index: Int, dayOfMonth: Int = 0) {
        // Every maker passes a period that exists (month 1–12, week 1–53 …); the years are
        // those of a file, or one past them.
        assert((0...255).contains(index) && (0...255).contains(dayOfMonth), "index \(index), day \(dayOfMonth)")
        self.precision = precision
        year32 = Int32(clamping: year)
        index8 = UInt8(clamping: index)
        day8 = UInt8(clamping: dayOfMonth)
        let days = Deadline.days(precision, year: year, index: index, dayOfMonth: dayOfMonth)
        first = days.map { Int32($0.first.ordinal) } ?? Deadline.noDay
        last = days.map { Int32($0.last.ordinal) } ?? Deadline.noDay
    }

    /// The first and last day of the period; nil when it has none (unknown, standing,
    /// or a date no calendar has).
    private static func days(_ precision: Precision, year: Int, index: Int, dayOfMonth: Int) -> (first: Day, last: Day)? {
        switch precision {
        case .unknown, .standing: return nil
        case .week:
            let monday = Day.isoWeekOneMonday(year).adding(days: (index - 1) * 7)
            return (monday, monday.adding(days: 6))
        case .day:
            guard let d = Day(year: year, month: index, day: dayOfMonth) else { return nil }
            return (d, d)
        default:
            let span = monthSpan(precision, index)
            guard let f = Day(year: year, month: span.0, day: 1),
                  let l = Day(year: year, month: span.1, day: Day.daysIn(month: span.1, year: year)) else { return nil }
            return (f, l)
        }
    }

    public init(day: Day) {
        let c = day.civil
        precision = .day
        year32 = Int32(clamping: c.year)
        index8 = UInt8(clamping: c.month)
        day8 = UInt8(clamping: c.day)
        // A day outside the years 1–9999 has no days as a deadline, as one made from its parts.
        let valid = (1...9999).contains(c.year)
        first = valid ? Int32(clamping: day.ordinal) : Deadline.noDay
        last = first
    }

    /// An ISO week (`2028-W12`); nil when the year has no such week or its days fall
    /// outside years 1–9999.
    public init?(isoYear: Int, week: Int) {
        guard (1...9999).contains(isoYear), week >= 1, week <= Day.isoWeeks(in: isoYear) else { return nil }
        let d = Deadline(precision: .week, year: isoYear, index: week)
        guard let f = d.firstDay, let l = d.lastDay, f.year >= 1, l.year <= 9999 else { return nil }
        self = d
    }

    /// Parses a canonical token: `2024-05-31`, `2028-W12`, `2024-05`, `2024-Q3`, `2024-T2`,
    /// `2024-H1`, `2024`, `?`, `löpande` (also read: `fortlöpande`).
    public init?(token: String) {
        guard let d = withBytes(token, Deadline.init(bytes:)) else { return nil }
        self = d
    }

    /// The same from a token's UTF-8 bytes: a field's value is read so without a string
    /// being made of it (`Field.deadline`).
    init?(bytes u: UnsafeBufferPointer<UInt8>) {
        let n = u.count
        // A standing word starts with a letter; a date (most deadlines) with a digit, and is
        // not compared with the words.
        if n >= 8, u[0] &- 0x30 >= 10, Deadline.standingWords.contains(where: { Field.isWord($0, u) }) { self = .standing; return }
        if n == 8 {
            guard let y = digits(u, 0, 4), u[4] == 0x2D, u[5] == UInt8(ascii: "W"), let w = digits(u, 6, 8),
                  let d = Deadline(isoYear: y, week: w) else { return nil }
            self = d
            return
        }
        guard n == 1 || n == 4 || n == 7 || n == 10 else { return nil }
        if n == 1 {
            guard u[0] == UInt8(ascii: "?") else { return nil }
            self = .unknown
            return
        }
        guard let y = digits(u, 0, 4), y >= 1 else { return nil }
        if n == 4 {
            self = Deadline(precision: .year, year: y, index: 0)
            return
        }
        guard u[4] == 0x2D else { return nil }
        if n == 7 {
            if let k = digits(u, 6, 7) {
                switch u[5] {
                case UInt8(ascii: "Q") where (1...4).contains(k): self = Deadline(precision: .quarter, year: y, index: k); return
                case UInt8(ascii: "T") where (1...3).contains(k): self = Deadline(precision: .tertial, year: y, index: k); return
                case UInt8(ascii: "H") where (1...2).contains(k): self = Deadline(precision: .half, year: y, index: k); return
                default: break
                }
            }
            guard let m = digits(u, 5, 7), (1...12).contains(m) else { return nil }
            self = Deadline(precision: .month, year: y, index: m)
            return
        }
        guard u[7] == 0x2D, let m = digits(u, 5, 7), let d = digits(u, 8, 10), let day = Day(year: y, month: m, day: d) else { return nil }
        self = Deadline(day: day)
    }

    public var isUnknown: Bool { precision == .unknown }

    /// `löpande`: never late, never due soon.
    public var isStanding: Bool { precision == .standing }

    /// Unknown or standing: a deadline without days.
    public var hasNoDays: Bool { precision == .unknown || precision == .standing }

    /// Months covered, as first…last month of the year.
    private static func monthSpan(_ precision: Precision, _ index: Int) -> (Int, Int) {
        switch precision {
        case .day, .month: return (index, index)
        case .quarter: return (index * 3 - 2, index * 3)
        case .tertial: return (index * 4 - 3, index * 4)
        case .half: return (index * 6 - 5, index * 6)
        case .year: return (1, 12)
        case .unknown, .standing, .week: return (0, 0)
        }
    }

    /// The last day of the period; nil when unknown.
    public var lastDay: Day? { last == Deadline.noDay ? nil : Day(ordinal: Int(last)) }

    /// The first day of the period; nil when unknown.
    public var firstDay: Day? { first == Deadline.noDay ? nil : Day(ordinal: Int(first)) }

    /// The canonical token.
    public var token: String {
        switch precision {
        case .day: return lastDay!.description
        case .month: return pad(year, 4) + "-" + pad(index, 2)
        case .quarter: return pad(year, 4) + "-Q\(index)"
        case .tertial: return pad(year, 4) + "-T\(index)"
        case .half: return pad(year, 4) + "-H\(index)"
        case .year: return pad(year, 4)
        case .unknown: return "?"
        case .week: return pad(year, 4) + "-W" + pad(index, 2)
        case .standing: return Deadline.standingToken
        }
    }

    public var description: String { token }

    /// The deadline as a table or a line shows it: its token, which reads the same in both
    /// languages (`2024-Q3`, `?`), but for standing work the word in the reader's language
    /// (`löpande`, `ongoing`). Files, JSON and CSV keep the token.
    public func shown(_ lang: Lang) -> String { precision == .standing && lang == .en ? "ongoing" : token }

    /// As the plans write it: "2024-05-31", "Maj 2024", "Kvartal 3 2024", "Våren 2024".
    public func phrase(_ lang: Lang) -> String {
        let months = lang == .sv ? Deadline.monthsSv : Deadline.monthsEn
        switch precision {
        case .day: return token
        case .month: return capitalized(months[index - 1]) + " \(year)"
        case .quarter: return (lang == .sv ? "Kvartal \(index) " : "Q\(index) ") + "\(year)"
        case .tertial: return (lang == .sv ? "Tertial \(index) " : "Tertial \(index) ") + "\(year)"
        case .half: return lang == .sv ? (index == 1 ? "Våren \(year)" : "Hösten \(year)") : (index == 1 ? "Spring \(year)" : "Autumn \(year)")
        case .year: return "\(year)"
        case .unknown: return lang == .sv ? "Okänt" : "Unknown"
        case .week: return (lang == .sv ? "Vecka \(index) " : "Week \(index) ") + "\(year)"
        case .standing: return lang == .sv ? "Löpande" : "Ongoing"
        }
    }

    static let monthsSv = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
    static let monthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = Deadline(token: s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a deadline: \(s)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(token)
    }
}

func capitalized(_ s: String) -> String {
    guard let f = s.first else { return s }
    // Both parts strings: a `Substring` added to a string goes through the generic
    // `append(contentsOf:)`, whose first call scanned the binary's conformances.
    return f.uppercased() + String(s.dropFirst())
}
