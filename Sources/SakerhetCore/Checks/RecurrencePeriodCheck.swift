/// A recurring activity's `due` lies within one period of its `every`: `due: 2027-T1`
/// (January–April) with `every: kvartal` spans two quarters, and `activities done` steps
/// from the tertial's end to the quarter after it, past a quarter that is then never
/// followed up. A `due` inside one period (`2027-11` with `every: år`, a day, a week) steps
/// to the next period and skips none. Severity: warning.
public struct RecurrencePeriodCheck: Check {
    public var id: String { "recurrence-period" }
    public var title: Message { Message(sv: "Slutdatum av annan längd än every", en: "Deadline not a period of every") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for a in data.activities {
            guard let every = a.every, let due = a.due, let first = due.firstDay, let last = due.lastDay,
                  every.period(of: first).token != every.period(of: last).token else { continue }
            let token = due.token, period = every.period(of: first).token, word = every.rawValue, rid = a.id
            out.append(Diagnostic(.warning, id, data, a.ref, field: .due,
                                  sv: "\(rid): due \(token) är ingen period av every (\(word)), så 'activities done' kan hoppa över en period; skriv due som en sådan (t.ex. \(period))",
                                  en: "\(rid): due \(token) is not a period of every (\(word)), so 'activities done' may skip a period; write due as one (e.g. \(period))"))
        }
        return out
    }
}
