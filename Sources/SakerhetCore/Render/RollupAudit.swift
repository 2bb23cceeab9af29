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
            if byOwner {
                out += byOwnerAcrossPlans(plans, diagnostics, lang: lang, style: style)
            } else {
                for (p, d) in zip(plans, diagnostics) {
                    out += style.bold("== " + SafeText.text(p.name, lang) + " (" + SafeText.text(p.data.folder, lang) + ") ==") + "\n"
                    out += DiagnosticText.render(d, data: p.data, asOf: asOf, lang: lang, style: style)
                    out += "\n"
                }
            }
            let all = diagnostics.flatMap { $0 }
            func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) " + (k == 1 ? one : many) }
            let (e, w, c) = (all.count(.error), all.count(.warning), all.count(.notice))
            out += sv ? "\(plans.count) planer: " + [n(e, "fel", "fel"), n(w, "varning", "varningar"), n(c, "notis", "notiser")].joined(separator: ", ") + "\n"
                      : "\(plans.count) plans: " + [n(e, "error", "errors"), n(w, "warning", "warnings"), n(c, "notice", "notices")].joined(separator: ", ") + "\n"
            return out
        }
    }

    /// `audit --by-owner` over plans: one group per owner *name* across plans (the same
    /// person or unit is owner in several plans, under its own id in each), headed by the
    /// name and each plan with the owner's id there; under it the owner's problems in
    /// every plan, each line with its own plan's file path. Problems without an owner
    /// follow, per plan.
    static func byOwnerAcrossPlans(_ plans: [RollupPlan], _ diagnostics: [[Diagnostic]], lang: Lang, style: Style) -> String {
        struct Group { var name: String; var places: [(plan: String, id: String)] = []; var lines: [(plan: Int, d: Diagnostic)] = [] }
        var order: [String] = []
        var groups: [String: Group] = [:]
        var unowned: [(plan: Int, d: Diagnostic)] = []
        for (i, (p, ds)) in zip(plans, diagnostics).enumerated() {
            // The plan's owners in file order first, so that groups come in the order of the first plan's owners file.
            var mine: [String: String] = [:]
            func key(_ id: String) -> String {
                if let k = mine[id] { return k }
                let name = p.data.owner(id)?.name ?? id
                let k = name.lowercased()
                if groups[k] == nil { order.append(k); groups[k] = Group(name: name) }
                groups[k]!.places.append((p.name, id))
                mine[id] = k
                return k
            }
            let used = Set(ds.flatMap(\.owners))
            for o in p.data.owners where used.contains(o.id) { _ = key(o.id) }
            for d in ds {
                if d.owner == nil { unowned.append((i, d)); continue }
                for o in d.owners { groups[key(o)]!.lines.append((i, d)) }
            }
        }
        var out = ""
        for k in order {
            let g = groups[k]!
            let places = g.places.map { $0.plan + ": " + $0.id }.joined(separator: ", ")
            out += style.bold(SafeText.text(g.name + " (" + places + ")", lang)) + "\n"
            for (_, d) in g.lines { out += DiagnosticText.line(d, data: nil, lang: lang, style: style, indent: 2) + "\n" }
            out += "\n"
        }
        if !unowned.isEmpty {
            out += style.bold(lang == .sv ? "Utan ansvarig" : "No owner") + "\n"
            for (i, d) in unowned { out += DiagnosticText.line(d, data: plans[i].data, lang: lang, style: style, indent: 2) + "\n" }
            out += "\n"
        }
        return out
    }
}
