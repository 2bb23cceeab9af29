/// A goal, activity or finding whose deadline period has ended while it is neither
/// `klar` nor `struken` is late ("försenad"). Severity: error when `ej påbörjad` or
/// `pågår`; warning when `vilande`, since it waits on someone else.
public struct OverdueCheck: ScheduledCheck {
    public let id = "overdue"
    public let title = Message(sv: "Försenad", en: "Overdue")
    public var usesDate: Bool { true }
    public init() {}

    public func check<T: Scheduled>(_ item: T, _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        guard item.isOverdue(asOf: asOf) else { return }
        let last = item.deadline!.lastDay!
        let days = item.daysLate(asOf: asOf)
        let severity: Severity = item.status == .onHold ? .warning : .error
        out.append(Diagnostic(severity, id, data, item.ref, field: "due",
                              sv: Text.sv(item.id, last, days, item.status == .onHold),
                              en: Text.en(item.id, last, days, item.status == .onHold)))
    }

    private enum Text {
        static func sv(_ id: String, _ last: Day, _ days: Int, _ waiting: Bool) -> String {
            "\(id) är försenad sedan \(last) (\(days) \(days == 1 ? "dag" : "dagar"))" + (waiting ? ", vilande" : "")
        }
        static func en(_ id: String, _ last: Day, _ days: Int, _ waiting: Bool) -> String {
            "\(id) is overdue since \(last) (\(days) \(days == 1 ? "day" : "days"))" + (waiting ? ", on hold" : "")
        }
    }
}
