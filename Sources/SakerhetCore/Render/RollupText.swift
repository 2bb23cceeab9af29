/// The combined follow-up for the terminal: the summary per plan and in total, the late
/// and due-soon lists across plans, the combined risk matrix and the owners across plans;
/// then each plan's own follow-up as `FollowUpText` writes it.
public enum RollupText {
    public static func render(_ r: RollupReport, lang: Lang, style: Style) -> String {
        let l = RollupLabels(lang: lang)
        let b = l.base
        func v(_ s: String) -> String { SafeText.text(s, lang) }
        func heading(_ s: String) -> String { "\n" + style.bold(s.uppercased()) + "\n\n" }
        var out = style.bold(l.title) + "\n" + v(l.head(r)) + "\n"
        if r.isPublic { out += l.publicNote + "\n" }

        out += heading(b.summary)
        out += "  " + l.countsKey + "\n\n"
        // Målområden only when a plan has them (an action plan), as each plan's summary does.
        let areas = r.total.actionAreas.total > 0
        var t = TextTable([.init(l.plan, 24), .init(b.goals, 11), .init(b.subgoals, 11)] + (areas ? [.init(b.actionAreas, 11)] : [])
                          + [.init(b.activities, 15), .init(b.findings, 11), .init(b.risks, 6), .init(l.late, 6), .init(l.soon, 6), .init(l.errors, 5)], lang: lang)
        for row in r.rows + [r.total] {
            let name = row.plan.isEmpty ? b.total : row.plan
            t.add([name, RollupLabels.slash(row.goals), RollupLabels.slash(row.subgoals)] + (areas ? [RollupLabels.slash(row.actionAreas)] : [])
                  + [RollupLabels.slash(row.activities), RollupLabels.slash(row.findings), String(row.risks.total), String(row.overdue),
                     String(row.dueSoon), String(row.errors)])
        }
        out += t.render(style: style)
        out += "\n  " + b.risks + ": " + l.riskCell(r.total.risks) + "\n"

        // The plan column as wide as the longest name (at most 40): two plans of one
        // municipality ("Socialnämnden, Norrtälje kommun", "…, Täby kommun") differ at the end.
        let planWidth = min(40, max(18, (r.plans.map { v($0.name).unicodeScalars.count }.max() ?? 0) + 1))
        let titleWidth = max(24, 40 - (planWidth - 18))
        func lines(_ title: String, _ list: [RollupReport.PlanLine], _ days: (Int) -> String) {
            out += "\n" + style.bold(title + " (\(list.count))") + "\n"
            if list.isEmpty { out += "  " + b.none + "\n"; return }
            for x in list {
                out += "  " + pad(clip(v(x.plan), planWidth), planWidth) + "  " + pad(v(x.line.id), 6) + pad(clip(v(x.line.title), titleWidth), titleWidth) + "  "
                    + pad(v(FollowUpText.ownerIDs(x.line.owner, x.line.owners)), 8) + "  " + days(x.line.days) + "\n"
            }
        }
        lines(b.overdue, r.overdue) { style.red(l.lang.daysLate($0)) }
        lines(l.dueSoon, r.dueSoon) { l.lang.inDays($0) }

        out += heading(l.combinedMatrix)
        for (k, m) in r.matrices.enumerated() {
            if r.matrices.count > 1 { out += (k > 0 ? "\n" : "") + "  " + l.scale(m) + "\n" }
            out += matrix(m.cells, lang)
        }
        if r.matrices.count > 1 { out += "\n  " + l.scalesApart + "\n" }

        let shared = r.ownersShared
        out += heading(l.ownersAcross)
        if shared.isEmpty { out += "  " + l.noOwnersAcross + "\n" }
        for o in shared {
            out += "  " + style.bold(v(o.name)) + " – " + v(l.ownerPlans(o)) + ": " + l.lateAndSoon(o) + "\n"
            for x in o.overdue {
                out += "    " + pad(clip(v(x.plan), planWidth), planWidth) + "  " + pad(v(x.line.id), 6) + pad(clip(v(x.line.title), titleWidth), titleWidth)
                    + "  " + b.late(x.line.days) + "\n"
            }
            for x in o.dueSoon {
                out += "    " + pad(clip(v(x.plan), planWidth), planWidth) + "  " + pad(v(x.line.id), 6) + pad(clip(v(x.line.title), titleWidth), titleWidth)
                    + "  " + b.due(x.line) + "\n"
            }
        }

        for p in r.plans {
            out += "\n" + String(repeating: "=", count: 72) + "\n" + style.bold(v(l.planHeading(p))) + "\n"
            if !p.errors.isEmpty {
                out += "\n" + style.bold(l.planErrors + " – " + l.errorCount(p.errors.count)) + "\n"
                for d in p.errors { out += "  " + DiagnosticText.line(d, data: nil, lang: lang, style: style) + "\n" }
            }
            out += "\n" + FollowUpText.render(p.report, lang: lang, style: style)
        }
        return out
    }

    /// The combined matrix: likelihood down, consequence across, the count in each cell.
    static func matrix(_ m: [[Int]], _ lang: Lang) -> String {
        let sv = lang == .sv
        let n = m.count
        var out = "  " + (sv ? "sannolikhet ↓  konsekvens →" : "likelihood ↓  consequence →") + "\n"
        // Each column is six wide, its number above its counts.
        func line(_ head: String, _ cells: [String]) -> String {
            var s = head + cells.map { pad($0, 5) }.joined(separator: " ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        out += line("     ", (1...n).map(String.init))
        for li in stride(from: n, through: 1, by: -1) {
            out += line("  \(li)  ", (1...n).map { String(m[li - 1][$0 - 1]) })
        }
        return out
    }
}
