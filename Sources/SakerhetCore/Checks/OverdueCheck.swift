/// A goal, activity or finding whose deadline period has ended while it is neither
/// `klar` nor `struken` is late ("försenad"). Severity: error when `ej påbörjad` or
/// `pågår`; warning when `vilande`, since it waits on someone else. The message says how
/// to fix it, as every error does: mark it done, or move the deadline with a reason.
public struct OverdueCheck: ScheduledCheck {
    public var id: String { "overdue" }
    public var title: Message { Message(sv: "Försenad", en: "Overdue") }
    public var usesDate: Bool { true }
    public init() {}

    public func check<T: Scheduled>(_ item: T, _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        guard item.isOverdue(asOf: asOf) else { return }
        let last = item.deadline!.lastDay!
        let days = item.daysLate(asOf: asOf)
        let waiting = item.status == .onHold
        let recordID = item.id
        let kind = item.ref.kind
        out.append(Diagnostic(waiting ? .warning : .error, id, data, item.ref, field: "due",
                              message: Message { $0 == .sv ? Text.sv(recordID, kind, last, days, waiting) : Text.en(recordID, kind, last, days, waiting) }))
    }

    enum Text {
        static func sv(_ id: String, _ kind: Kind, _ last: Day, _ days: Int, _ waiting: Bool) -> String {
            "\(id) är försenad sedan \(last) (\(days) \(days == 1 ? "dag" : "dagar"))" + (waiting ? ", vilande" : "")
                + "; markera klar (\(command(kind, "done", id))) eller flytta slutdatumet med ett skäl (\(command(kind, "postpone", id)) --to … --reason …)"
        }
        static func en(_ id: String, _ kind: Kind, _ last: Day, _ days: Int, _ waiting: Bool) -> String {
            "\(id) is overdue since \(last) (\(days) \(days == 1 ? "day" : "days"))" + (waiting ? ", on hold" : "")
                + "; mark it done (\(command(kind, "done", id))) or move the deadline with a reason (\(command(kind, "postpone", id)) --to … --reason …)"
        }

        /// `sakerhet activities done A1`: the record command of the kind (goals, activities,
        /// findings; each has `done` and `postpone`), the id quoted for the shell when it
        /// needs it.
        static func command(_ kind: Kind, _ verb: String, _ id: String) -> String {
            let plain = !id.isEmpty && id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
            let shown = plain ? id : "'" + id.replacingAll("'", with: "'\\''") + "'"
            return "sakerhet \(kind.word(.en, plural: true)) \(verb) \(shown)"
        }
    }
}
