/// `audit` over many plans: each plan's diagnostics as the single-plan printers write
/// them (file paths are each plan's own, so annotations point at the right file), put
/// together in one valid document per format.
///
/// A plan's part (`PlanAudit`) is written while its data set is in memory, so that the
/// data set can go before the next plan is read; the combined output is put together from
/// the parts alone.
public enum RollupAudit {
    /// One plan's audit as the combined output needs it.
    public struct PlanAudit: Sendable {
        /// The plan's name in the rollup (`Plans.names`), given when every plan is read.
        public var name: String
        /// The folder as shown (`DataSet.folder`) and the plan's organisation.
        public let folder: String
        public let organisation: String?
        public let diagnostics: [Diagnostic]
        /// The plan's own output in the chosen format, as the single-plan printer writes it.
        let piece: String
        /// For `--by-owner`: the owners the diagnostics name, in the order of the plan's
        /// owners file, with their names; and the lines of the problems without an owner.
        let owners: [(id: String, name: String)]
        let unowned: [String]
    }

    /// Whom a plan's part covers under `--owner`: the owner the query names in the plan
    /// (with those below it), or none there.
    public enum Selection: Sendable {
        case owner(OwnerScope)
        case absent(String)

        public var scope: OwnerScope? {
            if case .owner(let s) = self { return s }
            return nil
        }

        /// The line that says whom the plan's part covers: "Urval: ansvarig sf (…)", or
        /// "Urval: ingen ansvarig i planen matchar 'sf'".
        public func line(_ lang: Lang) -> String {
            switch self {
            case .owner(let s): return s.line(lang)
            case .absent(let query):
                return (lang == .sv ? "Urval: ingen ansvarig i planen matchar '" : "Selection: no owner in the plan matches '") + SafeText.text(query, lang) + "'"
            }
        }
    }

    /// The part of one plan: `diagnostics` written with its data set at hand. With
    /// `selection` (`--owner`), the text says whom it covers, as for one plan: the first
    /// line ("Urval: ansvarig sf (…)") and the summary ("Inga problem för sf").
    public static func plan(_ data: DataSet, _ diagnostics: [Diagnostic], format: String, byOwner: Bool, asOf: Day, dateChecks: Bool = true,
                            selection: Selection? = nil, lang: Lang, style: Style) -> PlanAudit {
        var piece = "", owners: [(id: String, name: String)] = [], unowned: [String] = []
        switch format {
        case "github": piece = DiagnosticFormats.github(diagnostics, data: data, lang: lang)
        case "gitlab": piece = DiagnosticFormats.gitlab(diagnostics, data: data, lang: lang)
        case "junit": piece = DiagnosticFormats.junit(diagnostics, data: data, lang: lang)
        case "json": piece = DiagnosticFormats.json(diagnostics, data: data, asOf: asOf, lang: lang)
        default:
            if byOwner {
                // The plan's owners in file order first, then any other owner id a diagnostic names.
                let used = Set(diagnostics.flatMap(\.owners))
                var seen: Set<String> = []
                for o in data.owners where used.contains(o.id) && seen.insert(o.id).inserted { owners.append((o.id, o.name)) }
                for d in diagnostics where d.owner != nil {
                    for id in d.owners where seen.insert(id).inserted { owners.append((id, data.owner(id)?.name ?? id)) }
                }
                for d in diagnostics where d.owner == nil {
                    unowned.append(DiagnosticText.line(d, data: data, lang: lang, style: style, indent: 2))
                }
            } else {
                piece = DiagnosticText.render(diagnostics, data: data, asOf: dateChecks ? asOf : nil, lang: lang, style: style, scope: selection?.scope)
                // A plan without the owner says so (with one, `scope` gives the line above).
                if let s = selection, s.scope == nil { piece = s.line(lang) + "\n\n" + piece }
            }
        }
        // Detached: the part outlives the plan's data set.
        return PlanAudit(name: "", folder: data.folder, organisation: data.config.organisation, diagnostics: diagnostics.map { $0.detached() },
                         piece: piece, owners: owners, unowned: unowned)
    }

    /// The combined output of the plans' parts.
    /// With `owner` (`--owner`), the total says whom it counts, as each plan's summary does.
    public static func render(_ plans: [PlanAudit], format: String, byOwner: Bool, asOf: Day, owner: String? = nil, lang: Lang, style: Style) -> String {
        let sv = lang == .sv
        switch format {
        case "github":
            return plans.map(\.piece).joined()
        case "gitlab":
            let inner = plans.map { p -> String in
                var s = Substring(p.piece)
                while let c = s.last, c.isWhitespace { s = s.dropLast() }
                guard s.hasPrefix("["), s.hasSuffix("]") else { return "" }
                return s.dropFirst().dropLast().trimmingSpaces(newlines: true)
            }.filter { !$0.isEmpty }
            return inner.isEmpty ? "[]\n" : "[\n  " + inner.joined(separator: ",\n  ") + "\n]\n"
        case "junit":
            var suites = ""
            var tests = 0, failures = 0
            for p in plans {
                for line in p.piece.split(separator: "\n") where !line.hasPrefix("<?xml") && !line.hasPrefix("<testsuites") && line != "</testsuites>" {
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
            let all = plans.flatMap(\.diagnostics)
            var out = "{\n  \"schema\": \"sakerhet.audit-rollup/1\",\n  \"as_of\": \"\(asOf)\",\n"
            let counts = all.counts()
            out += "  \"errors\": \(counts.errors),\n  \"warnings\": \(counts.warnings),\n  \"notices\": \(counts.notices),\n  \"plans\": ["
            for (i, p) in plans.enumerated() {
                let one = p.piece
                    .trimmingSpaces(newlines: true).replacingAll("\n", with: "\n      ")
                out += (i == 0 ? "\n" : ",\n") + "    {\n      \"plan\": " + DiagnosticFormats.encode(p.name).trimmingSpaces(newlines: true)
                    + ",\n      \"audit\": " + one + "\n    }"
            }
            return out + "\n  ]\n}\n"
        default:
            var out = ""
            if byOwner {
                out += byOwnerAcrossPlans(plans, lang: lang, style: style)
            } else {
                for p in plans {
                    out += style.bold("== " + SafeText.text(p.name, lang) + " (" + SafeText.text(p.folder, lang) + ") ==") + "\n"
                    out += p.piece
                    out += "\n"
                }
            }
            let all = plans.flatMap(\.diagnostics)
            func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) " + (k == 1 ? one : many) }
            let (e, w, c) = all.counts()
            let covered = owner.map { SafeText.text((sv ? " för '" : " for '") + $0 + "'", lang) } ?? ""
            out += sv ? "\(plans.count) planer: " + [n(e, "fel", "fel"), n(w, "varning", "varningar"), n(c, "notis", "notiser")].joined(separator: ", ") + covered + "\n"
                      : "\(plans.count) plans: " + [n(e, "error", "errors"), n(w, "warning", "warnings"), n(c, "notice", "notices")].joined(separator: ", ") + covered + "\n"
            return out
        }
    }

    /// `audit --by-owner` over plans: one group per owner *name* across plans (the same
    /// person or unit is owner in several plans, under its own id in each), headed by the
    /// name and each plan with the owner's id there; under it the owner's problems in
    /// every plan, each line with its own plan's file path. Problems without an owner
    /// follow, per plan.
    static func byOwnerAcrossPlans(_ plans: [PlanAudit], lang: Lang, style: Style) -> String {
        struct Group { var name: String; var places: [(plan: String, id: String)] = []; var lines: [Diagnostic] = [] }
        var order: [String] = []
        var groups: [String: Group] = [:]
        for p in plans {
            // The plan's owners in file order first, so that groups come in the order of the first plan's owners file.
            var mine: [String: String] = [:]
            for (id, name) in p.owners {
                let k = name.lowercased()
                if groups[k] == nil { order.append(k); groups[k] = Group(name: name) }
                groups[k]!.places.append((p.name, id))
                mine[id] = k
            }
            for d in p.diagnostics where d.owner != nil {
                for o in d.owners { groups[mine[o]!]!.lines.append(d) }
            }
        }
        var out = ""
        for k in order {
            let g = groups[k]!
            let places = g.places.map { $0.plan + ": " + $0.id }.joined(separator: ", ")
            out += style.bold(SafeText.text(g.name + " (" + places + ")", lang)) + "\n"
            for d in g.lines { out += DiagnosticText.line(d, data: nil, lang: lang, style: style, indent: 2) + "\n" }
            out += "\n"
        }
        if plans.contains(where: { !$0.unowned.isEmpty }) {
            out += style.bold(lang == .sv ? "Utan ansvarig" : "No owner") + "\n"
            for p in plans { for line in p.unowned { out += line + "\n" } }
            out += "\n"
        }
        return out
    }
}
