/// `audit` over many plans: each plan's diagnostics as the single-plan printers write
/// them (file paths are each plan's own, so annotations point at the right file), put
/// together in one valid document per format.
public enum RollupAudit {
    public static func render(_ plans: [RollupPlan], _ diagnostics: [[Diagnostic]], format: String, byOwner: Bool,
                              asOf: Day, lang: Lang, style: Style) -> String {
        let sv = lang == .sv
        switch format {
        case "github":
            return zip(plans, diagnostics).map { DiagnosticFormats.github($1, data: $0.data, lang: lang) }.joined()
        case "gitlab":
            let inner = zip(plans, diagnostics).map { p, d -> String in
                var s = Substring(DiagnosticFormats.gitlab(d, data: p.data, lang: lang))
                while let c = s.last, c.isWhitespace { s = s.dropLast() }
                guard s.hasPrefix("["), s.hasSuffix("]") else { return "" }
                return s.dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
            }.filter { !$0.isEmpty }
            return inner.isEmpty ? "[]\n" : "[\n  " + inner.joined(separator: ",\n  ") + "\n]\n"
        case "junit":
            var suites = ""
            var tests = 0, failures = 0
            for (p, d) in zip(plans, diagnostics) {
                let one = DiagnosticFormats.junit(d, data: p.data, lang: lang)
                for line in one.split(separator: "\n") where !line.hasPrefix("<?xml") && !line.hasPrefix("<testsuites") && line != "</testsuites>" {
                    if line.hasPrefix("  <testsuite ") {
                        suites += "  <testsuite name=\"" + DiagnosticFormats.xml(p.name) + ": " + line.dropFirst("  <testsuite name=\"".count) + "\n"
                    } else {
                        suites += line + "\n"
                    }
                    if line.hasPrefix("    <testcase ") { tests += 1 }
                    if line.hasPrefix("      <failure ") { failures += 1 }
                }
            }
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sakerhet audit\" tests=\"\(tests)\" failures=\"\(failures)\">\n" + suites + "</testsuites>\n"
        case "json":
            let all = diagnostics.flatMap { $0 }
            var out = "{\n  \"schema\": \"sakerhet.audit-rollup/1\",\n  \"as_of\": \"\(asOf)\",\n"
            out += "  \"errors\": \(all.count(.error)),\n  \"warnings\": \(all.count(.warning)),\n  \"notices\": \(all.count(.notice)),\n  \"plans\": ["
            for (i, (p, d)) in zip(plans, diagnostics).enumerated() {
                let one = DiagnosticFormats.json(d, data: p.data, asOf: asOf, lang: lang)
                    .trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "\n      ")
                out += (i == 0 ? "\n" : ",\n") + "    {\n      \"plan\": " + DiagnosticFormats.encode(p.name).trimmingCharacters(in: .whitespacesAndNewlines)
                    + ",\n      \"audit\": " + one + "\n    }"
            }
            return out + "\n  ]\n}\n"
        default:
            var out = ""
            for (p, d) in zip(plans, diagnostics) {
                out += style.bold("== " + SafeText.text(p.name, lang) + " (" + SafeText.text(p.data.folder, lang) + ") ==") + "\n"
                out += byOwner ? DiagnosticText.renderByOwner(d, data: p.data, asOf: asOf, lang: lang, style: style)
                               : DiagnosticText.render(d, data: p.data, asOf: asOf, lang: lang, style: style)
                out += "\n"
            }
            let all = diagnostics.flatMap { $0 }
            func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) " + (k == 1 ? one : many) }
            let (e, w, c) = (all.count(.error), all.count(.warning), all.count(.notice))
            out += sv ? "\(plans.count) planer: " + [n(e, "fel", "fel"), n(w, "varning", "varningar"), n(c, "notis", "notiser")].joined(separator: ", ") + "\n"
                      : "\(plans.count) plans: " + [n(e, "error", "errors"), n(w, "warning", "warnings"), n(c, "notice", "notices")].joined(separator: ", ") + "\n"
            return out
        }
    }
}
