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
        let waiting = item.status == .onHold
        let recordID = item.id
        out.append(Diagnostic(waiting ? .warning : .error, id, data, item.ref, field: "due",
                              message: Message { $0 == .sv ? Text.sv(recordID, last, days, waiting) : Text.en(recordID, last, days, waiting) }))
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
