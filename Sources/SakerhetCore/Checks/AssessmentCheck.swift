/// A finding's `assessment` is the auditor's colour: röd, gul or grön. Severity: error.
/// A grön finding should show its `evidence`. Severity: warning.
public struct AssessmentCheck: Check {
    public var id: String { "assessment" }
    public var title: Message { Message(sv: "Revisionens bedömning", en: "Auditors' assessment") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for f in data.findings {
            let record = data.record(f.ref)
            guard let raw = record.value(.assessment), !raw.isEmpty else { continue }
            guard let a = f.assessment else {
                let hint = Suggest.hint(raw, Assessment.allCases.map(\.rawValue))
                out.append(Diagnostic(.error, id, data, f.ref, field: .assessment,
                                      sv: "\(f.id): bedömning '\(raw)'\(hint.sv) ska vara röd, gul eller grön",
                                      en: "\(f.id): assessment '\(raw)'\(hint.en) must be röd, gul or grön"))
                continue
            }
            if a.rawValue != raw {
                out.append(Diagnostic(.warning, id, data, f.ref, field: .assessment,
                                      sv: "\(f.id): bedömning '\(raw)' lagras på svenska; skriv '\(a.rawValue)'",
                                      en: "\(f.id): assessment '\(raw)' is stored in Swedish; write '\(a.rawValue)'"))
            }
            if a == .green, f.evidence == nil {
                out.append(Diagnostic(.warning, id, data, f.ref, field: .assessment,
                                      sv: "\(f.id) är bedömd grön men saknar 'evidence'; ange vad som visar att den är åtgärdad",
                                      en: "\(f.id) is assessed green but has no 'evidence'; say what shows it is resolved"))
            }
        }
        return out
    }
}
