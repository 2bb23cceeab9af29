/// What a field holds, in words: the help of `add`'s option for it (`--title`, `--due` …)
/// and of `followups add`. Made from the field's one declaration in `Schema.fields`: its
/// key, label, type and whether it repeats or spans lines, so a new field has its help
/// without a line elsewhere.
extension FieldSpec {
    public var help: Message {
        let sv: String, en: String
        switch type {
        case .deadline: (sv, en) = ("tidpunkt: 2025-03, 'våren 2025', Q1 2025 …", "deadline: 2025-03, 'spring 2025', Q1 2025 …")
        case .day: (sv, en) = ("datum ÅÅÅÅ-MM-DD", "date YYYY-MM-DD")
        case .status, .riskStatus:
            let words = type == .riskStatus ? RiskStatus.allCases.map(\.rawValue) : Status.allCases.map(\.rawValue)
            (sv, en) = (words.joined(separator: ", ") + " (standard: \(words[0]))", words.joined(separator: ", ") + " (default: \(words[0]))")
        case .ref(let k): (sv, en) = ("id för \(k.word(.sv))", "id of the \(k.word(.en))")
        case .score: (sv, en) = ("1–4", "1–4")
        case .assessment: (sv, en) = ("grön, gul eller röd", "grön, gul or röd")
        case .classification: (sv, en) = ("öppen, intern eller sekretess", "öppen, intern or sekretess")
        case .recurrence:
            let words = Recurrence.allCases.map(\.rawValue).joined(separator: ", ")
            (sv, en) = ("återkommer varje " + words, "recurs every " + words)
        case .year: (sv, en) = ("årtal, t.ex. 2024", "a year, e.g. 2024")
        case .period: (sv, en) = ("dag eller period: 2024-10-28, 2024-10, 2024-Q3, 2024", "a day or period: 2024-10-28, 2024-10, 2024-Q3, 2024")
        case .followedRecord: (sv, en) = ("id för målet eller aktiviteten som följs upp", "id of the goal or activity followed up")
        case .followupAssessment:
            let goal = FollowUpAssessment.goalWords.joined(separator: ", "), activity = FollowUpAssessment.activityWords.joined(separator: ", ")
            (sv, en) = ("mål: \(goal); aktivitet: \(activity)", "goal: \(goal); activity: \(activity)")
        default: (sv, en) = ("text", "text")
        }
        let extra = key == .id ? (" (standard: nästa lediga)", " (default: the next free one)") : ("", "")
        let lines = multiLine ? (", får ha flera rader", ", may span several lines") : ("", "")
        // The label beside the key, when it says more than the key: "title (Rubrik)".
        let named = label.map { ($0.sv.lowercased() == name ? "" : " (\($0.sv))", $0.en.lowercased() == name.replacingAll("_", with: " ") ? "" : " (\($0.en))") } ?? ("", "")
        return Message(sv: "fältet \(name)\(named.0): \(sv)\(extra.0)\(lines.0)\(repeatable ? ", kan upprepas" : "")",
                       en: "the \(name) field\(named.1): \(en)\(extra.1)\(lines.1)\(repeatable ? ", may be repeated" : "")")
    }
}
