/// A standing control with a rhythm (`due: löpande` and `every`) has no deadline to be
/// late for, but a period of its `every` that has ended after the last one its
/// `occurrence` lines complete, with no occurrence, was missed: the committee reads each
/// recurring control's occurrences. Counted from its last occurrence (with none, there is
/// nothing to count from). Open records only. Severity: warning.
public struct MissedOccurrenceCheck: Check {
    public var id: String { "missed-occurrence" }
    public var title: Message { Message(sv: "Tillfälle saknas", en: "Missed occurrence") }
    public var usesDate: Bool { true }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for a in data.activities {
            guard let every = a.every, a.due?.isStanding == true, !(a.status(asOf: asOf)?.isClosed ?? false),
                  a.status != .onHold else { continue }
            let occurrences = data.record(a.ref).values(.occurrence).compactMap(Occurrence.init)
            guard let missed = every.missed(occurrences, asOf: asOf) else { continue }
            let rid = a.id, (sv, en, end) = (missed.text(.sv), missed.text(.en), missed.ended)
            let command = OverdueCheck.Text.command(.activity, "done", rid)
            out.append(Diagnostic(.warning, id, data, a.ref, field: .every,
                                  sv: "\(rid): inget tillfälle registrerat för \(sv) (slutade \(end)); registrera kontrollen (\(command) --date ÅÅÅÅ-MM-DD)",
                                  en: "\(rid): no occurrence recorded for \(en) (ended \(end)); record the check (\(command) --date YYYY-MM-DD)"))
        }
        return out
    }
}
