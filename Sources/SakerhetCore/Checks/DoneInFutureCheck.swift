/// A `done` date is not after the as-of date: work cannot be finished tomorrow. A period
/// (`done: 2014`, `done: 2027-Q1`) counts from its first day: it may still be running.
/// Severity: error.
public struct DoneInFutureCheck: ScheduledCheck {
    public var id: String { "done-future" }
    public var title: Message { Message(sv: "Klar i framtiden", en: "Done in the future") }
    public var usesDate: Bool { true }
    public init() {}

    public func check(_ item: Timing, _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        // The period as the typed record read it from the field's bytes when it was made.
        guard let period = item.donePeriod, let first = period.firstDay, first > asOf else { return }
        let done = period.token
        let recordID = data.idAndOwner(item.ref).id
        out.append(Diagnostic(.error, id, data, item.ref, field: .done,
                              sv: "\(recordID): done \(done) ligger efter dagens datum \(asOf); ange dagen då det blev klart",
                              en: "\(recordID): done \(done) is after today's date \(asOf); give the day it was finished"))
    }
}
