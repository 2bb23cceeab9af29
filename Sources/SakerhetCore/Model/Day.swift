/// A calendar day, without time or time zone. Comparison and arithmetic go through
/// the day number since 1970-01-01 (proleptic Gregorian).
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01: a day is one number (4 bytes), so that comparing two is
    /// one comparison, and a record's dates take little room. Year, month and day are
    /// worked out from it when asked for.
    private let number: Int32

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        number = Int32(Day.ordinal(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        guard text.utf8.count == 10, let day = withBytes(text, Day.init(bytes:)) else { return nil }
        self = day
    }

    /// The same from UTF-8 bytes (`Field.day`).
    init?(bytes u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D, let y = digits(u, 0, 4), let m = digits(u, 5, 7),
              let d = digits(u, 8, 10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day `n` days after 1970-01-01 (before it when negative). Kept within about
    /// ±5.8 million years, far past the years 1–9999 a file can name.
    public init(ordinal n: Int) {
        number = Int32(clamping: n)
    }

    /// Days since 1970-01-01.
    public var ordinal: Int { Int(number) }

    /// Year, month and day of the day number (Howard Hinnant's `civil_from_days`), worked
    /// out together.
    var civil: (year: Int, month: Int, day: Int) {
        let z = Int(number) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day number of a valid date (`days_from_civil`): year 1–9999, month 1–12 and
    /// day 1–31, as `init(year:month:day:)` checks, so every step is a small unsigned
    /// number (no sign fix-ups, no overflow checks). The years before `y` (counted from
    /// March) in days, `y * 365 + y / 4 - y / 100 + y / 400`, are the 400-year eras and
    /// the years of the last era that Hinnant's formula adds separately.
    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = UInt(truncatingIfNeeded: month <= 2 ? year &- 1 : year)
        let m = UInt(truncatingIfNeeded: month)
        let mp = m > 2 ? m &- 3 : m &+ 9
        let doy = (153 &* mp &+ 2) / 5 &+ UInt(truncatingIfNeeded: day) &- 1
        let days = y &* 365 &+ y / 4 &- y / 100 &+ y / 400 &+ doy
        return Int(truncatingIfNeeded: days) &- 719_468
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    public var description: String {
        let c = civil
        guard (0...9999).contains(c.year) else { return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) }
        // Ten ASCII bytes written where the string keeps them: a late record's message
        // names its day, thousands of times in a long list (three padded numbers joined
        // made a string for each part).
        return String(unsafeUninitializedCapacity: 10) { b in
            var y = c.year
            for i in (0..<4).reversed() { b[i] = UInt8(truncatingIfNeeded: 0x30 + y % 10); y /= 10 }
            b[4] = 0x2D
            b[5] = UInt8(truncatingIfNeeded: 0x30 + c.month / 10)
            b[6] = UInt8(truncatingIfNeeded: 0x30 + c.month % 10)
            b[7] = 0x2D
            b[8] = UInt8(truncatingIfNeeded: 0x30 + c.day / 10)
            b[9] = UInt8(truncatingIfNeeded: 0x30 + c.day % 10)
            return 10
        }
    }

    /// Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday).
    public var isoWeekday: Int {
        let r = (ordinal + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The Monday of ISO week 1 of `year` (the week that holds 4 January). Not validated:
    /// for year 1 it lies in year 0.
    static func isoWeekOneMonday(_ year: Int) -> Day {
        let jan4 = Day(year: year, month: 1, day: 4) ?? Day(ordinal: 0)
        return jan4.adding(days: 1 - jan4.isoWeekday)
    }

    /// 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    static func isoWeeks(in year: Int) -> Int {
        guard let jan1 = Day(year: year, month: 1, day: 1) else { return 52 }
        let w = jan1.isoWeekday
        return w == 4 || (w == 3 && isLeap(year)) ? 53 : 52
    }

    /// The ISO week that holds this day.
    public var isoWeek: Deadline {
        let thursday = adding(days: 4 - isoWeekday)
        let week = (Day.isoWeekOneMonday(thursday.year).days(until: thursday)) / 7 + 1
        return Deadline(precision: .week, year: thursday.year, index: week)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let d = Day(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a day: \(s)"))
        }
        self = d
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Runs `body` on the UTF-8 bytes of `text` without copying them when the string is native.
@inline(__always)
func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
    return Array(text.utf8).withUnsafeBufferPointer(body)
}

@inline(__always)
func digits(_ u: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int? {
    var n = 0
    for i in a..<b {
        let c = u[i]
        guard c >= 0x30, c <= 0x39 else { return nil }
        n = n * 10 + Int(c - 0x30)
    }
    return n
}

func digits(_ u: [UInt8], _ a: Int, _ b: Int) -> Int? {
    var n = 0
    for i in a..<b {
        let c = u[i]
        guard c >= 0x30, c <= 0x39 else { return nil }
        n = n * 10 + Int(c - 0x30)
    }
    return n
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
