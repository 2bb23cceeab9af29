/// An open goal, activity or finding due within the window (`soon_days` in config.rec,
/// 30 by default) is "due soon". Severity: notice.
public struct DueSoonCheck: ScheduledCheck {
    public var id: String { "due-soon" }
    public var title: Message { Message(sv: "Snart förfallen", en: "Due soon") }
    public var usesDate: Bool { true }
    public init() {}

    public func check(_ item: Timing, _ data: DataSet, asOf: Day, into out: inout [Diagnostic]) {
        let window = data.config.soonDays
        guard item.isDueSoon(asOf: asOf, window: window) else { return }
        let last = item.deadline!.lastDay!
        let days = asOf.days(until: last)
        let recordID = data.idAndOwner(item.ref).id
        out.append(Diagnostic(.notice, id, data, item.ref, field: .due, message: Message { lang in
            lang == .sv ? "\(recordID) ska vara klar senast \(last) (\(lang.inDays(days)))"
                        : "\(recordID) is due soon: \(last) (\(lang.inDays(days)))"
        }))
    }
}
