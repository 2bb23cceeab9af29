/// The combined follow-up in Markdown: the combined sections, then each plan's own
/// follow-up as `FollowUpMarkdown` writes it, its headings one level down.
public enum RollupMarkdown {
    public static func render(_ r: RollupReport, lang: Lang) -> String {
        let l = RollupLabels(lang: lang)
        let b = l.base
        func esc(_ s: String) -> String { FollowUpMarkdown.esc(s) }
        var out = "# " + l.title + "\n\n" + esc(l.head(r)) + "\n"
        if r.isPublic { out += "\n> " + l.publicNote + "\n" }

        out += "\n## \(b.summary)\n\n" + l.countsKey + "\n\n"
        let areas = r.total.actionAreas.total > 0
        out += "| \(l.plan) | \(b.goals) | \(b.subgoals) | " + (areas ? "\(b.actionAreas) | " : "") + "\(b.activities) | \(b.findings) | \(b.risks) | \(l.late) | \(l.soon) | \(l.errors) |\n"
        out += "|---|---:|---:|" + (areas ? "---:|" : "") + "---:|---:|---:|---:|---:|---:|\n"
        for row in r.rows + [r.total] {
            let name = row.plan.isEmpty ? "**\(b.total)**" : esc(row.plan)
            out += "| \(name) | \(RollupLabels.slash(row.goals)) | \(RollupLabels.slash(row.subgoals)) | " + (areas ? "\(RollupLabels.slash(row.actionAreas)) | " : "") + "\(RollupLabels.slash(row.activities)) | "
                + "\(RollupLabels.slash(row.findings)) | \(row.risks.total) | \(row.overdue) | \(row.dueSoon) | \(row.errors) |\n"
        }
        out += "\n**\(b.risks):** " + l.riskCell(r.total.risks) + "\n"
        out += "\n### \(b.overdue) (\(r.overdue.count))\n\n" + lineTable(r.overdue, l, days: b.daysLate)
        out += "\n### \(l.dueSoon) (\(r.dueSoon.count))\n\n" + lineTable(r.dueSoon, l, days: b.daysLeft)

        out += "\n## \(l.combinedMatrix)\n"
        for m in r.matrices {
            let n = m.scale
            if r.matrices.count > 1 { out += "\n### " + l.scale(m) + "\n" }
            out += "\n| ↓ \(l.sv ? "sannolikhet" : "likelihood") / \(l.sv ? "konsekvens" : "consequence") → |" + (1...n).map { " \($0) |" }.joined()
                + "\n|---|" + String(repeating: "---:|", count: n) + "\n"
            for li in stride(from: n, through: 1, by: -1) {
                out += "| \(li) | " + (1...n).map { String(m.cells[li - 1][$0 - 1]) }.joined(separator: " | ") + " |\n"
            }
        }
        if r.matrices.count > 1 { out += "\n" + l.scalesApart + "\n" }

        out += "\n## \(l.ownersAcross)\n\n"
        let shared = r.ownersShared
        if shared.isEmpty { out += l.noOwnersAcross + "\n" } else {
            out += "| \(b.owner) | \(l.plans) | \(b.overdue) | \(l.soon) |\n|---|---|---:|---:|\n"
            for o in shared { out += "| \(esc(o.name)) | \(esc(l.ownerPlans(o))) | \(o.overdue.count) | \(o.dueSoon.count) |\n" }
        }

        for p in r.plans {
            out += "\n---\n\n## " + esc(l.planHeading(p)) + "\n"
            if !p.errors.isEmpty {
                out += "\n**" + l.planErrors + " – " + l.errorCount(p.errors.count) + "**\n\n"
                for d in p.errors { out += "- `\(SafeText.text(d.file, lang)):\(d.line)` " + esc(SafeText.masked(d.message.text(lang), lang)) + "\n" }
            }
            out += "\n" + deeper(FollowUpMarkdown.render(p.report, lang: lang))
        }
        return out
    }

    static func lineTable(_ lines: [RollupReport.PlanLine], _ l: RollupLabels, days: String) -> String {
        let b = l.base
        if lines.isEmpty { return b.none + "\n" }
        var out = "| \(l.plan) | \(b.id) | \(b.title) | \(b.owner) | \(b.due) | \(days) |\n|---|---|---|---|---|---:|\n"
        for x in lines {
            out += "| \(FollowUpMarkdown.esc(x.plan)) | \(x.line.id) | \(FollowUpMarkdown.esc(x.line.title)) | \(FollowUpMarkdown.esc(x.line.ownerName)) | "
                + "\(x.line.due?.lastDay?.description ?? "") | \(x.line.days) |\n"
        }
        return out
    }

    /// Every heading one level down: a plan's `# Title` becomes `## Title`.
    public static func deeper(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 256)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { out += "#" }
            out += line
            out += "\n"
        }
        out.removeLast()
        return out
    }
}
