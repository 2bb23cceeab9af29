/// A goal, activity or finding with status `klar` says when in `done`. Severity: error.
public struct DoneNeedsDateCheck: ScheduledCheck {
    public var id: String { "done-date" }
    public var title: Message { Message(sv: "Klardatum saknas", en: "Done date missing") }
    public init() {}

    public func check<T: Scheduled>(_ item: T, _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        guard item.status == .done else { return }
        guard !data.record(item.ref).hasValue(.done) else { return }
        out.append(Diagnostic(.error, id, data, item.ref, field: "status",
                              sv: "\(item.id) är klar men saknar 'done'; lägg till 'done: ÅÅÅÅ-MM-DD'",
                              en: "\(item.id) is done but has no 'done' date; add 'done: YYYY-MM-DD'"))
    }
}
