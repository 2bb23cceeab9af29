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
            (sv, en) = ("status: " + words.joined(separator: ", ") + " (standard: \(words[0]))", "status: " + words.joined(separator: ", ") + " (default: \(words[0]))")
        case .ref(let k): (sv, en) = ("id för \(k.word(.sv))", "id of the \(k.word(.en))")
        case .score: (sv, en) = ("1–4", "1–4")
        case .assessment: (sv, en) = ("grön, gul eller röd", "grön, gul or röd")
        case .classification: (sv, en) = ("öppen, intern eller sekretess", "öppen, intern or sekretess")
        case .recurrence: (sv, en) = ("återkommer: månad, kvartal, halvår, år", "recurs: månad, kvartal, halvår, år")
        case .year: (sv, en) = ("år", "year")
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
