/// A deadline at the precision the plans use: a day, a month, a quarter, a tertial,
/// a half-year, a year, or unknown (`?`). It knows its first and last day.
public struct Deadline: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Precision: String, Sendable, Codable {
        case day, month, quarter, tertial, half, year, unknown
    }

    public let precision: Precision
    public let year: Int
    /// Month (1–12), quarter (1–4), tertial (1–3) or half (1–2); 0 for a year or unknown.
    public let index: Int
    /// The day of the month, for day precision.
    public let dayOfMonth: Int

    public static let unknown = Deadline(precision: .unknown, year: 0, index: 0, dayOfMonth: 0)

    init(precision: Precision, year: Int, index: Int, dayOfMonth: Int = 0) {
        self.precision = precision
        self.year = year
        self.index = index
        self.dayOfMonth = dayOfMonth
    }

    public init(day: Day) {
        self.init(precision: .day, year: day.year, index: day.month, dayOfMonth: day.day)
    }

    /// Parses a canonical token: `2024-05-31`, `2024-05`, `2024-Q3`, `2024-T2`, `2024-H1`, `2024`, `?`.
    public init?(token: String) {
        let n = token.utf8.count
        guard n == 1 || n == 4 || n == 7 || n == 10 else { return nil }
        guard let d: Deadline = withBytes(token, { u in
            if n == 1 { return u[0] == UInt8(ascii: "?") ? .unknown : nil }
            guard let y = digits(u, 0, 4), y >= 1 else { return nil }
            if n == 4 { return Deadline(precision: .year, year: y, index: 0) }
            guard u[4] == 0x2D else { return nil }
            if n == 7 {
                if let k = digits(u, 6, 7) {
                    switch u[5] {
                    case UInt8(ascii: "Q") where (1...4).contains(k): return Deadline(precision: .quarter, year: y, index: k)
                    case UInt8(ascii: "T") where (1...3).contains(k): return Deadline(precision: .tertial, year: y, index: k)
                    case UInt8(ascii: "H") where (1...2).contains(k): return Deadline(precision: .half, year: y, index: k)
                    default: break
                    }
                }
                if let m = digits(u, 5, 7), (1...12).contains(m) { return Deadline(precision: .month, year: y, index: m) }
                return nil
            }
            guard u[7] == 0x2D, let m = digits(u, 5, 7), let d = digits(u, 8, 10), let day = Day(year: y, month: m, day: d) else { return nil }
            return Deadline(day: day)
        }) else { return nil }
        self = d
    }

    public var isUnknown: Bool { precision == .unknown }

    /// Months covered, as first…last month of the year.
    private var monthSpan: (Int, Int) {
        switch precision {
        case .day, .month: return (index, index)
        case .quarter: return (index * 3 - 2, index * 3)
        case .tertial: return (index * 4 - 3, index * 4)
        case .half: return (index * 6 - 5, index * 6)
        case .year: return (1, 12)
        case .unknown: return (0, 0)
        }
    }

    /// The last day of the period; nil when unknown.
    public var lastDay: Day? {
        if precision == .unknown { return nil }
        if precision == .day { return Day(year: year, month: index, day: dayOfMonth) }
        let m = monthSpan.1
        return Day(year: year, month: m, day: Day.daysIn(month: m, year: year))
    }

    /// The first day of the period; nil when unknown.
    public var firstDay: Day? {
        if precision == .unknown { return nil }
        if precision == .day { return lastDay }
        return Day(year: year, month: monthSpan.0, day: 1)
    }

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
        }
    }

    public var description: String { token }

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
    return f.uppercased() + s.dropFirst()
}
