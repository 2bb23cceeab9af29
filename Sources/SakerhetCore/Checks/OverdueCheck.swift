/// A goal, activity or finding whose deadline period has ended while it is neither
/// `klar` nor `struken` is late ("försenad"). Severity: error when `ej påbörjad` or
/// `pågår`; warning when `vilande`, since it waits on someone else. The message says how
/// to fix it, as every error does: mark it done, or move the deadline with a reason.
public struct OverdueCheck: ScheduledCheck {
    public var id: String { "overdue" }
    public var title: Message { Message(sv: "Försenad", en: "Overdue") }
    public var usesDate: Bool { true }
    public init() {}

    public func check(_ item: Timing, _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        guard item.isOverdue(asOf: asOf) else { return }
        let last = item.deadline!.lastDay!
        let days = item.daysLate(asOf: asOf)
        let waiting = item.status == .onHold
        let recordID = data.idAndOwner(item.ref).id
        let kind = item.ref.kind
        // A standing control late for a period it owes (`Activity.deadline(on:)`): the fix is
        // to record the check, not to move a deadline it does not store.
        if data.isStandingControl(item.ref) {
            let period = item.deadline!.token
            out.append(Diagnostic(waiting ? .warning : .error, id, data, item.ref, field: .every,
                                  message: Message { $0 == .sv ? Text.standingSv(recordID, period, last, days, waiting) : Text.standingEn(recordID, period, last, days, waiting) }))
            return
        }
        out.append(Diagnostic(waiting ? .warning : .error, id, data, item.ref, field: .due,
                              message: Message { $0 == .sv ? Text.sv(recordID, kind, last, days, waiting) : Text.en(recordID, kind, last, days, waiting) }))
    }

    enum Text {
        // Each message one interpolation: printed for every late record, and a sum of
        // strings makes a string for every term.
        static func sv(_ id: String, _ kind: Kind, _ last: Day, _ days: Int, _ waiting: Bool) -> String {
            "\(id) är försenad sedan \(last) (\(days) \(days == 1 ? "dag" : "dagar"))\(waiting ? ", vilande" : ""); markera klar (\(command(kind, "done", id))) eller flytta slutdatumet med ett skäl (\(command(kind, "postpone", id)) --to … --reason …)"
        }
        static func en(_ id: String, _ kind: Kind, _ last: Day, _ days: Int, _ waiting: Bool) -> String {
            "\(id) is overdue since \(last) (\(days) \(days == 1 ? "day" : "days"))\(waiting ? ", on hold" : ""); mark it done (\(command(kind, "done", id))) or move the deadline with a reason (\(command(kind, "postpone", id)) --to … --reason …)"
        }

        static func standingSv(_ id: String, _ period: String, _ last: Day, _ days: Int, _ waiting: Bool) -> String {
            "\(id) är försenad sedan \(last) (\(days) \(days == 1 ? "dag" : "dagar"))\(waiting ? ", vilande" : ""): den löpande kontrollen har inget tillfälle registrerat för \(period); registrera kontrollen (\(command(.activity, "done", id)) --date ÅÅÅÅ-MM-DD)"
        }
        static func standingEn(_ id: String, _ period: String, _ last: Day, _ days: Int, _ waiting: Bool) -> String {
            "\(id) is overdue since \(last) (\(days) \(days == 1 ? "day" : "days"))\(waiting ? ", on hold" : ""): the standing control has no occurrence recorded for \(period); record the check (\(command(.activity, "done", id)) --date YYYY-MM-DD)"
        }

        /// `sakerhet activities done A1`: the record command of the kind (goals, activities,
        /// findings; each has `done` and `postpone`), the id quoted for the shell when it
        /// needs it.
        static func command(_ kind: Kind, _ verb: String, _ id: String) -> String {
            return "sakerhet \(kind.word(.en, plural: true)) \(verb) \(shellWord(id))"
        }

        /// `id` as a shell reads it back: as it is when it is ASCII letters, digits and
        /// `._-` (checked byte by byte: a Unicode property lookup per character cost a tenth
        /// of printing 7,000 late activities), else in single quotes.
        static func shellWord(_ id: String) -> String {
            let plain = !id.isEmpty && id.utf8.allSatisfy { b in
                (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2E || b == 0x5F || b == 0x2D
            }
            return plain ? id : "'" + id.replacingAll("'", with: "'\\''") + "'"
        }
    }
}
