/// A recurring activity's `occurrence` lines read `PERIOD DAY [OUTCOME][: EVIDENCE]`, e.g.
/// `2026-Q1 2026-03-20 utan anmärkning: Protokoll`, with a valid deadline token, a valid
/// date and, if given, the outcome `utan anmärkning` or `avvikelse`. Severity: error.
public struct OccurrenceCheck: FieldCheck {
    public var id: String { "occurrence" }
    public var title: Message { Message(sv: "Felaktigt tillfälle", en: "Invalid occurrence") }
    public init() {}

    public var types: [FieldSpec.ValueType] { [.occurrence] }

    public func flags(_ f: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool {
        Occurrence(f.value) == nil
    }

    public func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for flag in flagged {
            let ref = flag.ref, f = flag.field
            let rid = data.record(ref).value(.id) ?? "?"
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): occurrence '\(f.value)' ska vara PERIOD DATUM [utan anmärkning|avvikelse][: underlag], t.ex. '2026-Q1 2026-03-20 utan anmärkning: Protokoll'",
                                  en: "\(rid): occurrence '\(f.value)' must be PERIOD DATE [utan anmärkning|avvikelse][: evidence], e.g. '2026-Q1 2026-03-20 utan anmärkning: Protokoll'"))
        }
        return out
    }
}
