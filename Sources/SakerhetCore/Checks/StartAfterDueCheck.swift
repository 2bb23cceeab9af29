/// An activity cannot start after it is due: `start` begins no later than `due` ends.
/// Severity: error.
public struct StartAfterDueCheck: Check {
    public var id: String { "start-after-due" }
    public var title: Message { Message(sv: "Start efter slutdatum", en: "Start after deadline") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for a in data.activities {
            guard let start = a.start?.firstDay, let due = a.due?.lastDay, start > due else { continue }
            out.append(Diagnostic(.error, id, data, a.ref, field: .start,
                                  sv: "\(a.id) påbörjas (\(a.start!.token)) efter att den ska vara klar (\(a.due!.token)); rätta start eller due",
                                  en: "\(a.id) starts (\(a.start!.token)) after it is due (\(a.due!.token)); correct start or due"))
        }
        return out
    }
}
