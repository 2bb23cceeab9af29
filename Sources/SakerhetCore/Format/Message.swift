/// The language of user-facing text.
public enum Lang: String, Sendable, CaseIterable {
    case sv, en

    /// A number of days with the noun in the right number: "1 dag", "3 dagar"; "1 day", "3 days".
    public func days(_ n: Int) -> String {
        self == .sv ? "\(n) \(n == 1 ? "dag" : "dagar")" : "\(n) \(n == 1 ? "day" : "days")"
    }

    /// "1 dag sen", "3 dagar sen"; "1 day late", "3 days late".
    public func daysLate(_ n: Int) -> String { days(n) + (self == .sv ? " sen" : " late") }

    /// "i dag", "om 1 dag", "om 3 dagar"; "today", "in 1 day", "in 3 days".
    public func inDays(_ n: Int) -> String { n == 0 ? (self == .sv ? "i dag" : "today") : (self == .sv ? "om " : "in ") + days(n) }
}

/// A user-facing text in Swedish and English: either both written out, or made when it is
/// read, in the one language asked for. A check's findings are made the second way: they
/// are printed in one language, and a plan that is far behind has tens of thousands of them,
/// so neither language is formatted before it is printed (docs/performance.md, "Cheap
/// diagnostics").
public struct Message: Sendable, Hashable, Codable {
    private enum Form: Sendable {
        case written(sv: String, en: String)
        case made(@Sendable (Lang) -> String)
    }

    private let form: Form

    public init(sv: String, en: String) {
        form = .written(sv: sv, en: en)
    }

    /// A text made from `make` each time it is read; `make` captures the few values the
    /// text needs (an id, a day, a number), not the record.
    public init(_ make: @escaping @Sendable (Lang) -> String) {
        form = .made(make)
    }

    public func text(_ lang: Lang) -> String {
        switch form {
        case .written(let sv, let en): return lang == .sv ? sv : en
        case .made(let make): return make(lang)
        }
    }

    public var sv: String { text(.sv) }
    public var en: String { text(.en) }

    // Two messages are the same when they read the same in both languages, however made.

    public static func == (a: Message, b: Message) -> Bool { a.sv == b.sv && a.en == b.en }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sv)
        hasher.combine(en)
    }

    private enum CodingKeys: String, CodingKey { case sv, en }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(sv: try c.decode(String.self, forKey: .sv), en: try c.decode(String.self, forKey: .en))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sv, forKey: .sv)
        try c.encode(en, forKey: .en)
    }
}
