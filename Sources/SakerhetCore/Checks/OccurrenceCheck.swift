/// A recurring activity's `occurrence` lines read `PERIOD DAY [OUTCOME][: EVIDENCE]`, e.g.
/// `2026-Q1 2026-03-20 utan anmärkning: Protokoll`, with a valid deadline token, a valid
/// date and, if given, the outcome `utan anmärkning` or `avvikelse`. Severity: error.
/// One dated before its period begins (`2027-Q3 2027-04-20`) says a period to come was
/// done ahead of time, which a control done twice in one period is not: a warning.
public struct OccurrenceCheck: FieldCheck {
    public var id: String { "occurrence" }
    public var title: Message { Message(sv: "Felaktigt tillfälle", en: "Invalid occurrence") }
    public init() {}

    public var types: [FieldSpec.ValueType] { [.occurrence] }

    public func flags(_ f: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool {
        guard let o = Occurrence(f.value) else { return true }
        return OccurrenceCheck.early(o, every: OccurrenceCheck.every(site.data, ref)) != nil
    }

    static func every(_ data: DataSet, _ ref: RecordRef) -> Recurrence? {
        data.record(ref).value(.every).flatMap(Recurrence.init(parsing:))
    }

    /// The first day of the occurrence's period, when the occurrence is dated before it.
    /// The period is the one of `every` that holds the end of the period written (a line
    /// `2027-03-31 2027-03-20` of a monthly control completes March; `2027-11 2027-10-20`
    /// of a yearly one, 2027), as `Recurrence.period(containing:)` gives it.
    static func early(_ o: Occurrence, every: Recurrence?) -> Day? {
        guard let period = Deadline(token: o.period), let first = (every.flatMap { $0.period(containing: period) } ?? period).firstDay,
              o.done < first else { return nil }
        return first
    }

    public func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for flag in flagged {
            let ref = flag.ref, f = flag.field
            let rid = data.record(ref).value(.id) ?? "?"
            if let o = Occurrence(f.value), let first = OccurrenceCheck.early(o, every: OccurrenceCheck.every(data, ref)) {
                out.append(Diagnostic(.warning, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): tillfället \(o.period) är daterat \(o.done), före periodens början (\(first)); en period som ännu inte börjat kan inte vara gjord – rätta perioden (en omkontroll har samma period som den första kontrollen)",
                                      en: "\(rid): the occurrence \(o.period) is dated \(o.done), before its period begins (\(first)); a period not yet begun cannot be done – correct the period (a re-check has the period of the first check)"))
                continue
            }
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): occurrence '\(f.value)' ska vara PERIOD DATUM [utan anmärkning|avvikelse][: underlag], t.ex. '2026-Q1 2026-03-20 utan anmärkning: Protokoll'",
                                  en: "\(rid): occurrence '\(f.value)' must be PERIOD DATE [utan anmärkning|avvikelse][: evidence], e.g. '2026-Q1 2026-03-20 utan anmärkning: Protokoll'"))
        }
        return out
    }
}
