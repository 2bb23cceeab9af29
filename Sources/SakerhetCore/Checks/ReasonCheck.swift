/// Work that waits or was dropped says why: `vilande`, `struken` and `due: ?` need a
/// `reason` ("Inväntar beslut från KF", "Uteblev efter dialog med KS"). Severity: error.
public struct ReasonCheck: ScheduledCheck {
    public var id: String { "reason" }
    public var title: Message { Message(sv: "Anledning saknas", en: "Reason missing") }
    public init() {}

    public func check(_ item: Timing, _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        let why: (FieldKey, String, String)
        if item.status == .onHold { why = (.status, "är vilande", "is on hold") }
        else if item.status == .cancelled { why = (.status, "är struken", "is cancelled") }
        else if item.deadline?.isUnknown == true { why = (.due, "har okänt slutdatum (?)", "has an unknown deadline (?)") }
        else { return }
        // Read only for the few that need one: the reason is read from the record's fields.
        guard !data.record(item.ref).hasValue(.reason) else { return }
        let recordID = data.idAndOwner(item.ref).id
        out.append(Diagnostic(.error, id, data, item.ref, field: why.0,
                              sv: "\(recordID) \(why.1) men saknar 'reason'; lägg till 'reason: …' med skälet",
                              en: "\(recordID) \(why.2) but has no 'reason'; add 'reason: …' saying why"))
    }
}
