/// A recurring activity's `occurrence` lines read `PERIOD DAY [OUTCOME][: EVIDENCE]`, e.g.
/// `2026-Q1 2026-03-20 utan anmärkning: Protokoll`, with a valid deadline token, a valid
/// date and, if given, the outcome `utan anmärkning` or `avvikelse`. Severity: error.
public struct OccurrenceCheck: Check {
    public var id: String { "occurrence" }
    public var title: Message { Message(sv: "Felaktigt tillfälle", en: "Invalid occurrence") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        data.forEachField(ofType: [.occurrence]) { ref, f, _ in
            guard Occurrence(f.value) == nil else { return }
            let rid = data.record(ref).value(.id) ?? "?"
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): occurrence '\(f.value)' ska vara PERIOD DATUM [utan anmärkning|avvikelse][: underlag], t.ex. '2026-Q1 2026-03-20 utan anmärkning: Protokoll'",
                                  en: "\(rid): occurrence '\(f.value)' must be PERIOD DATE [utan anmärkning|avvikelse][: evidence], e.g. '2026-Q1 2026-03-20 utan anmärkning: Protokoll'"))
        }
        return out
    }
}
