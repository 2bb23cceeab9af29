/// A goal, activity or finding with status `klar` says when in `done`. Severity: error.
public struct DoneNeedsDateCheck: ScheduledCheck {
    public var id: String { "done-date" }
    public var title: Message { Message(sv: "Klardatum saknas", en: "Done date missing") }
    public init() {}

    public func check(_ item: Timing, _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        // A done period is read from a `done` with a value: the record is read only when
        // there is none (or it names no day), not for every finished record.
        guard item.status == .done, item.donePeriod == nil else { return }
        guard !data.record(item.ref).hasValue(.done) else { return }
        let recordID = data.idAndOwner(item.ref).id
        out.append(Diagnostic(.error, id, data, item.ref, field: .status,
                              sv: "\(recordID) är klar men saknar 'done'; lägg till 'done: ÅÅÅÅ-MM-DD'",
                              en: "\(recordID) is done but has no 'done' date; add 'done: YYYY-MM-DD'"))
    }
}
