/// A period follow-up (`followups.rec`) names a goal, sub-goal or activity that exists,
/// a period that is a deadline token (`2027-T1`, `2027-H1`, `2027`), and an assessment
/// that fits the record: uppfyllt, delvis uppfyllt or ej uppfyllt for a goal, grön, gul or
/// röd for an activity. Two follow-ups of one record and period are one too many.
/// Severity: error.
public struct FollowupCheck: Check {
    public var id: String { "followup" }
    public var title: Message { Message(sv: "Felaktig uppföljning", en: "Invalid follow-up") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: String] = [:]
        var records: Suggester?  // the goals' and activities' ids, when a record is first unknown
        // Only the follow-ups' fields: other kinds' `done` is a period too, which
        // DeadlineTokenCheck judges.
        let count = data.files[.followup]?.document.records.count ?? 0
        let wanted = DataSet.codes(of: .followup, [.followedRecord, .period, .followupAssessment])
        data.forEachField(of: .followup, in: 0..<count, wanted: wanted) { i, at, spec in
            let ref = RecordRef(kind: .followup, index: i)
            let f = at.field
            let rid = Diagnostic.name(data, ref)
            func error(_ sv: String, _ en: String) {
                out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn, sv: "\(rid): " + sv, en: "\(rid): " + en))
            }
            let v = f.value
            switch spec.type {
            case .followedRecord:
                guard !data.contains(.goal, id: v), !data.contains(.activity, id: v) else {
                    let period = data.record(ref).value(.period) ?? ""
                    let key = v + "\u{0}" + period
                    if let earlier = seen[key] {
                        error("\(earlier) följer redan upp \(v) för \(period); slå ihop posterna",
                              "\(earlier) already follows up \(v) for \(period); merge the records")
                    } else {
                        seen[key] = rid
                    }
                    return
                }
                if records == nil { records = Suggester(data.goals.map(\.id) + data.activities.map(\.id)) }
                let hint = records!.hint(v)
                error("record '\(v)' är inget mål eller aktivitet i \(data.path(.goal)) eller \(data.path(.activity))\(hint.sv); ange id:t för ett mål eller en aktivitet som finns, eller ta bort uppföljningen",
                      "record '\(v)' is no goal or activity in \(data.path(.goal)) or \(data.path(.activity))\(hint.en); give the id of a goal or activity that exists, or remove the follow-up")
            case .period:
                if let d = Deadline(token: v), !d.isUnknown, !d.hasNoDays { return }
                error("period '\(v)' är ingen period; skriv t.ex. 2027-T1, 2027-H1, 2027-Q2, 2027-05 eller 2027",
                      "period '\(v)' is not a period; write e.g. 2027-T1, 2027-H1, 2027-Q2, 2027-05 or 2027")
            default:
                let target = data.record(ref).value(.record) ?? ""
                // A record that does not exist is reported once, at `record`.
                guard data.contains(.goal, id: target) || data.contains(.activity, id: target) else { return }
                let isActivity = data.contains(.activity, id: target) && !data.contains(.goal, id: target)
                let words = isActivity ? FollowUpAssessment.activityWords : FollowUpAssessment.goalWords
                if words.contains(v) { return }
                let hint = Suggest.hint(v, words)
                let what = isActivity ? ("en aktivitet", "an activity") : ("ett mål", "a goal")
                error("assessment '\(v)' passar inte \(what.0)\(hint.sv); tillåtna: \(words.joined(separator: ", "))",
                      "assessment '\(v)' does not fit \(what.1)\(hint.en); allowed: \(words.joined(separator: ", "))")
            }
        }
        return out
    }
}

/// A finding's `kind` is one of `finding_kinds` in config.rec (by default avvikelse, brist,
/// iakttagelse, rekommendation, anmärkning, avvik, merknad). Severity: error.
public struct FindingKindCheck: Check {
    public var id: String { "finding-kind" }
    public var title: Message { Message(sv: "Okänt slag av iakttagelse", en: "Unknown kind of finding") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let words = data.config.kindsOfFinding
        data.forEachField(ofType: [.findingKind]) { ref, at, _ in
            let f = at.field
            if words.contains(f.value) { return }
            let rid = Diagnostic.name(data, ref)
            let hint = Suggest.hint(f.value, words)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): kind '\(f.value)' är ingen sorts iakttagelse\(hint.sv); tillåtna: \(words.joined(separator: ", ")) (finding_kinds i config.rec)",
                                  en: "\(rid): kind '\(f.value)' is not a kind of finding\(hint.en); allowed: \(words.joined(separator: ", ")) (finding_kinds in config.rec)"))
        }
        return out
    }
}
