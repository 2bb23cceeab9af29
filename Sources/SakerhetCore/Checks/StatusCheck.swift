/// `status` uses the kind's vocabulary: ej påbörjad, pågår, klar, vilande, struken for
/// goals, activities and findings; identifierad, hanteras, accepterad, stängd for risks.
/// Severity: error; an English alias is accepted with a warning to store the Swedish word;
/// a Swedish word of the follow-ups (`genomförd`, `genomfört`, `åtgärdad`, `avslutad`,
/// `påbörjad`, any case) is read as its status with a notice naming the canonical word.
public struct StatusCheck: FieldCheck {
    public var id: String { "status" }
    public var title: Message { Message(sv: "Okänd status", en: "Unknown status") }
    public init() {}

    public var types: [FieldSpec.ValueType] { [.status, .riskStatus] }

    /// The stored word, as nearly every record has it: nothing to say.
    public func flags(_ f: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool {
        spec.type == .status ? f.storedWord(Status.self) == nil : f.storedWord(RiskStatus.self) == nil
    }

    public func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let statusWords = Status.allCases.map(\.rawValue)
        let riskWords = RiskStatus.allCases.map(\.rawValue)
        for flag in flagged {
            let ref = flag.ref, f = flag.field, spec = flag.spec
            let isStatus = spec.type == .status
            let words = isStatus ? statusWords : riskWords
            let v = f.value
            let canonical = isStatus ? Status(parsing: v)?.rawValue : RiskStatus(parsing: v)?.rawValue
            if canonical == v { continue }
            let rid = Diagnostic.name(data, ref)
            if let c = canonical, spec.type == .status, Status.alias(v) != nil {
                out.append(Diagnostic(.notice, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): status '\(v)' läses som '\(c)'; det vanliga ordet är '\(c)'",
                                      en: "\(rid): status '\(v)' is read as '\(c)'; the canonical word is '\(c)'"))
            } else if let c = canonical {
                out.append(Diagnostic(.warning, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): status '\(v)' lagras på svenska; skriv '\(c)'",
                                      en: "\(rid): status '\(v)' is stored in Swedish; write '\(c)'"))
            } else {
                let hint = Suggest.hint(v, words)
                let list = words.joined(separator: ", ")
                out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                      sv: "\(rid): okänd status '\(v)'\(hint.sv); tillåtna: \(list)",
                                      en: "\(rid): unknown status '\(v)'\(hint.en); allowed: \(list)"))
            }
        }
        return out
    }
}
