/// A standing control with a rhythm (`due: löpande` and `every`) owes each period of its
/// rhythm a check, counted from its last `occurrence` or `done`, or from its `start` when it has neither
/// (`Recurrence.owed`); a period that ended unchecked makes it late (`overdue`). With
/// neither an occurrence nor a `start`, nothing tells when its first check was due, so a
/// missed period could not be seen: that is said, with how to give what is missing. Open
/// records only, not `vilande`. Severity: notice (a plan brought in as written has no
/// occurrence yet, and is not wrong for it).
public struct MissedOccurrenceCheck: Check {
    public var id: String { "missed-occurrence" }
    public var title: Message { Message(sv: "Tillfälle saknas", en: "Missed occurrence") }
    public var usesDate: Bool { true }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for a in data.activities {
            guard a.isStandingControl, let every = a.every, !(a.status(asOf: asOf)?.isClosed ?? false),
                  a.status != .onHold else { continue }
            let occurrences = data.record(a.ref).values(.occurrence).compactMap(Occurrence.init)
            guard every.owed(occurrences, start: a.start, done: a.done, asOf: asOf) == nil else { continue }
            let rid = a.id
            let done = OverdueCheck.Text.command(.activity, "done", rid), set = OverdueCheck.Text.command(.activity, "set", rid)
            out.append(Diagnostic(.notice, id, data, a.ref, field: .every,
                                  sv: "\(rid) är en löpande kontroll (every: \(every.rawValue)) utan registrerat tillfälle och utan start, så det syns inte om en period har missats; registrera den senaste kontrollen (\(done) --date ÅÅÅÅ-MM-DD) eller ange när den började (\(set) start=ÅÅÅÅ-MM)",
                                  en: "\(rid) is a standing control (every: \(every.rawValue)) with no occurrence recorded and no start, so a missed period cannot be seen; record the latest check (\(done) --date YYYY-MM-DD) or give when it began (\(set) start=YYYY-MM)"))
        }
        return out
    }
}
