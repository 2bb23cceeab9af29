/// `start` and `due` are deadline tokens (`2024-05-31`, `2024-W12`, `2024-05`, `2024-Q3`,
/// `2024-T2`, `2024-H1`, `2024`, `?`, `löpande`); `done` is a deadline token other than `?`
/// and `löpande` (done "under 2014" is `done: 2014`); `review` is a day. Impossible dates such as
/// `2024-02-30` and `2024-13` are caught. Severity: error.
public struct DeadlineTokenCheck: FieldCheck {
    public var id: String { "deadline" }
    public var title: Message { Message(sv: "Ogiltigt slutdatum", en: "Invalid deadline") }
    public init() {}

    public var types: [FieldSpec.ValueType] { [.deadline, .day, .period] }

    public func flags(_ f: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool {
        // A follow-up's period has its own message (FollowupCheck).
        if ref.kind == .followup { return false }
        let valid = spec.type == .day ? f.day != nil
            : spec.type == .period ? f.deadline.map { !$0.hasNoDays } ?? false : f.deadline != nil
        return !valid
    }

    public func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for flag in flagged {
            let ref = flag.ref, f = flag.field, spec = flag.spec
            let v = f.value
            let why = Text.why(v)
            let rid = Diagnostic.name(data, ref)
            if spec.type == .day {
                out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): \(f.key) '\(v)' är inget giltigt datum\(why.sv); skriv ÅÅÅÅ-MM-DD, t.ex. 2024-05-31",
                                      en: "\(rid): \(f.key) '\(v)' is not a valid date\(why.en); write YYYY-MM-DD, e.g. 2024-05-31"))
            } else if spec.type == .period {
                let phrase = Deadline(phrase: v).flatMap { $0.hasNoDays ? nil : $0 }
                let fix = phrase.map { (" skriv '\($0.token)'", " write '\($0.token)'") }
                    ?? (" skriv dagen (2024-05-31) eller perioden (2024-05, 2024-Q3, 2024-H1, 2024)",
                        " write the day (2024-05-31) or the period (2024-05, 2024-Q3, 2024-H1, 2024)")
                out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): \(f.key) '\(v)' är ingen giltig tidpunkt\(why.sv);\(fix.0)",
                                      en: "\(rid): \(f.key) '\(v)' is not a valid date or period\(why.en);\(fix.1)"))
            } else {
                let phrase = Deadline(phrase: v)
                let fix = phrase.map { (" skriv '\($0.token)'", " write '\($0.token)'") }
                    ?? (" skriv t.ex. 2024-05-31, 2024-W12, 2024-05, 2024-Q3, 2024-T2, 2024-H1, 2024, löpande eller ?",
                        " write e.g. 2024-05-31, 2024-W12, 2024-05, 2024-Q3, 2024-T2, 2024-H1, 2024, löpande or ?")
                out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): \(f.key) '\(v)' är ingen giltig tidpunkt\(why.sv);\(fix.0)",
                                      en: "\(rid): \(f.key) '\(v)' is not a valid deadline\(why.en);\(fix.1)"))
            }
        }
        return out
    }

    private enum Text {
        /// Explains a date-shaped token whose numbers are out of range.
        static func why(_ v: String) -> (sv: String, en: String) {
            let u = Array(v.utf8)
            guard u.count >= 7, u[4] == 0x2D, let y = digits(u, 0, 4), let m = digits(u, 5, 7) else { return ("", "") }
            if !(1...12).contains(m) { return (" (månad \(m) finns inte)", " (there is no month \(m))") }
            if u.count == 10, u[7] == 0x2D, let d = digits(u, 8, 10) {
                let n = Day.daysIn(month: m, year: y)
                if d < 1 || d > n {
                    return (" (\(Deadline.monthsSv[m - 1]) \(y) har \(n) dagar)", " (\(Deadline.monthsEn[m - 1]) \(y) has \(n) days)")
                }
            }
            return ("", "")
        }
    }
}
