/// The status of a goal, activity or finding. Stored in Swedish; English aliases are
/// accepted on input.
public enum Status: String, Sendable, CaseIterable, Codable {
    case notStarted = "ej påbörjad"
    case inProgress = "pågår"
    case done = "klar"
    case onHold = "vilande"
    case cancelled = "struken"

    /// The words of real follow-ups that mean a status, in any case: `genomförd`,
    /// `genomfört`, `åtgärdad`, `avslutad` (klar) and `påbörjad` (pågår). Files may keep
    /// them (lists and reports show the word as given, `audit` suggests the canonical one
    /// in a notice); the tool itself writes the canonical word.
    public static let aliases: [String: Status] = [
        "genomförd": .done, "genomfört": .done, "åtgärdad": .done, "avslutad": .done, "påbörjad": .inProgress,
    ]
    /// The aliases as written in files, for the recutils descriptor.
    public static let aliasWords = ["genomförd", "genomfört", "åtgärdad", "avslutad", "påbörjad"]

    /// The Swedish alias `text` is (any case), or nil when it is none.
    public static func alias(_ text: String) -> Status? { aliases[text.lowercased()] }

    public init?(parsing text: String) {
        if let s = Status(rawValue: text) { self = s; return }
        let t = text.lowercased()
        if let s = Status(rawValue: t) { self = s; return }
        if let s = Status.aliases[t] { self = s; return }
        switch t {
        case "not-started", "not started", "ej_påbörjad", "ej-påbörjad", "ej paborjad", "todo": self = .notStarted
        case "in-progress", "in progress", "pagar", "ongoing": self = .inProgress
        case "done", "complete", "completed": self = .done
        case "on-hold", "on hold", "waiting", "paused": self = .onHold
        case "cancelled", "canceled", "dropped": self = .cancelled
        default: return nil
        }
    }

    /// Closed records are never late.
    public var isClosed: Bool { self == .done || self == .cancelled }

    public var english: String {
        switch self {
        case .notStarted: return "not-started"
        case .inProgress: return "in-progress"
        case .done: return "done"
        case .onHold: return "on-hold"
        case .cancelled: return "cancelled"
        }
    }

    public func word(_ lang: Lang) -> String { lang == .sv ? rawValue : english }
}

/// The status of a risk.
public enum RiskStatus: String, Sendable, CaseIterable, Codable {
    case identified = "identifierad"
    case treating = "hanteras"
    case accepted = "accepterad"
    case closed = "stängd"

    public init?(parsing text: String) {
        if let s = RiskStatus(rawValue: text) { self = s; return }
        let t = text.lowercased()
        if let s = RiskStatus(rawValue: t) { self = s; return }
        switch t {
        case "identified", "open": self = .identified
        case "treating", "in-treatment", "mitigating": self = .treating
        case "accepted": self = .accepted
        case "closed", "stangd": self = .closed
        default: return nil
        }
    }

    public var english: String {
        switch self {
        case .identified: return "identified"
        case .treating: return "treating"
        case .accepted: return "accepted"
        case .closed: return "closed"
        }
    }

    public func word(_ lang: Lang) -> String { lang == .sv ? rawValue : english }
}

/// The auditor's colour on a finding.
public enum Assessment: String, Sendable, CaseIterable, Codable {
    case red = "röd"
    case yellow = "gul"
    case green = "grön"

    public init?(parsing text: String) {
        if let a = Assessment(rawValue: text) { self = a; return }
        switch text.lowercased() {
        case "röd", "red": self = .red
        case "gul", "yellow": self = .yellow
        case "grön", "green": self = .green
        default: return nil
        }
    }

    public func word(_ lang: Lang) -> String {
        lang == .sv ? rawValue : ["röd": "red", "gul": "yellow", "grön": "green"][rawValue]!
    }
}

/// Who may read a record. Reports to the committee are public and can leave out the rest.
public enum Classification: String, Sendable, CaseIterable, Codable {
    case open = "öppen"
    case internal_ = "intern"
    case secret = "sekretess"

    public init?(parsing text: String) {
        if let c = Classification(rawValue: text) { self = c; return }
        switch text.lowercased() {
        case "öppen", "open", "public": self = .open
        case "intern", "internal": self = .internal_
        case "sekretess", "confidential", "secret": self = .secret
        default: return nil
        }
    }
}

/// The kind of an owner in the organisation.
public enum OwnerKind: String, Sendable, CaseIterable, Codable {
    case unit = "enhet", department = "avdelning", administration = "förvaltning",
         committee = "nämnd", function = "funktion", external = "extern",
         /// Above the committees: kommunfullmäktige, kommunstyrelsen, the whole municipality, a region.
         council = "fullmäktige", board = "styrelse", municipality = "kommun", region = "region"
}

/// How often a recurring activity (an internal-control point) comes back.
public enum Recurrence: String, Sendable, CaseIterable, Codable {
    case month = "månad", quarter = "kvartal", tertial = "tertial", half = "halvår", year = "år"

    public init?(parsing text: String) {
        if let r = Recurrence(rawValue: text) { self = r; return }
        switch text.lowercased() {
        case "månad", "month", "monthly": self = .month
        case "kvartal", "quarter", "quarterly": self = .quarter
        case "tertial": self = .tertial
        case "halvår", "half-year", "half": self = .half
        case "år", "year", "yearly", "annual": self = .year
        default: return nil
        }
    }

    /// The period after the one that holds `day`: done in 2024-Q1 means next due 2024-Q2.
    public func next(after day: Day) -> Deadline {
        let y = day.year, m = day.month
        func wrap(_ i: Int, _ n: Int, _ p: Deadline.Precision) -> Deadline {
            i > n ? Deadline(precision: p, year: y + 1, index: 1) : Deadline(precision: p, year: y, index: i)
        }
        switch self {
        case .month: return wrap(m + 1, 12, .month)
        case .quarter: return wrap((m - 1) / 3 + 2, 4, .quarter)
        case .tertial: return wrap((m - 1) / 4 + 2, 3, .tertial)
        case .half: return wrap((m - 1) / 6 + 2, 2, .half)
        case .year: return Deadline(precision: .year, year: y + 1, index: 0)
        }
    }
}

extension Status {
    /// The status on `day` of a record whose status is `status` and whose done date is
    /// `done`: one `klar` on a day (or in a period) that begins after `day` was not yet done
    /// then, and counts as `pågår` (a report as of an earlier date, or a done date written
    /// ahead of time: the `done-future` check reports that). Any other status is as given.
    public static func on(_ day: Day, _ status: Status?, done: Deadline?) -> Status? {
        guard status == .done, let first = done?.firstDay, first > day else { return status }
        return .inProgress
    }
}
