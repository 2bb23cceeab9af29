/// The combined follow-up as one self-contained HTML file: the combined sections, then each
/// plan's own sections (as `FollowUpHTML` writes them) in a `<details>` that opens on a click.
public enum RollupHTML {
    public static func render(_ r: RollupReport, lang: Lang) -> String { pieces(r, lang: lang).joined() }

    /// The page in consecutive pieces: the head and the combined sections, then one piece
    /// per plan. A plan whose sections were written as it was read (`section`) is given as
    /// written.
    public static func pieces(_ r: RollupReport, lang: Lang) -> Pieces {
        let l = RollupLabels(lang: lang)
        var jobs = summary(r, l)
        for (i, p) in r.plans.enumerated() { jobs.append { planHead(p, i, l) + (p.section ?? planBody(p, i, l)) } }
        jobs.append { "</main>\n<footer><p>\(FollowUpHTML.h(l.head(r))) · sakerhet</p></footer>\n</body>\n</html>\n" }
        return Pieces(jobs)
    }

    static func h(_ s: String) -> String { FollowUpHTML.h(s) }

    static func head(_ r: RollupReport, _ l: RollupLabels) -> String {
        var b = "<!DOCTYPE html>\n<html lang=\"\(l.lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        b += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        b += "<title>\(h(l.title)) – \(r.asOf)</title>\n<style>\n\(FollowUpHTML.css)\(css)</style>\n</head>\n<body>\n<header>\n"
        b += "<h1>\(h(l.title))</h1>\n<p class=\"meta\">\(h(l.head(r)))</p>\n"
        if r.isPublic { b += "<p class=\"public\">\(h(l.publicNote))</p>\n" }
        b += "</header>\n<main>\n"
        return b
    }

    /// The page's head and the sections over all plans, in pieces: the lists of late and
    /// soon-due activities and of owners across plans hold every plan's lines (tens of
    /// thousands over 290 plans), so each is cut into parts made at the same time, where
    /// the whole was one string made on one core after every plan was read.
    static func summary(_ r: RollupReport, _ l: RollupLabels) -> [@Sendable () -> String] {
        let base = l.base
        var jobs: [@Sendable () -> String] = [{ head(r, l) + summaryTable(r, l) + "<h3>\(base.overdue) (\(r.overdue.count))</h3>\n" }]
        jobs += lineTable(r.overdue, l, days: base.daysLate)
        jobs.append { "<h3>\(h(l.dueSoon)) (\(r.dueSoon.count))</h3>\n" }
        jobs += lineTable(r.dueSoon, l, days: base.daysLeft)
        let shared = r.ownersShared
        jobs.append { "</section>\n" + matrices(r, l) + "<section id=\"ansvariga-alla\">\n<h2>\(h(l.ownersAcross))</h2>\n" + (shared.isEmpty ? "<p>\(h(l.noOwnersAcross))</p>\n" : "") }
        for part in Pieces.cut(shared, weight: { RollupHTML.rowWeight * ($0.overdue.count + $0.dueSoon.count + 1) }) {
            jobs.append { owners(part, l) }
        }
        jobs.append { "</section>\n" }
        return jobs
    }

    /// The summary's table, one row per plan and the total, and the risks' count line.
    static func summaryTable(_ r: RollupReport, _ l: RollupLabels) -> String {
        let base = l.base
        func th(_ s: String) -> String { FollowUpHTML.th(s) }
        var b = "<section id=\"sammanfattning\">\n<h2>\(base.summary)</h2>\n<p>\(h(l.countsKey))</p>\n<table class=\"rollup\">\n<thead><tr>"
        let areas = r.total.actionAreas.total > 0
        b += th(l.plan) + th(base.goals) + th(base.subgoals) + (areas ? th(base.actionAreas) : "") + th(base.activities) + th(base.findings) + th(base.risks) + th(l.late) + th(l.soon) + th(l.errors)
        b += "</tr></thead>\n<tbody>\n"
        for (i, row) in (r.rows + [r.total]).enumerated() {
            let name = row.plan.isEmpty ? "<strong>\(base.total)</strong>" : "<a href=\"#plan-\(i)\">\(h(row.plan))</a>"
            b += "<tr><th scope=\"row\">\(name)</th>"
            for c in [row.goals, row.subgoals] + (areas ? [row.actionAreas] : []) + [row.activities, row.findings] { b += "<td class=\"num\">\(counts(c, l.lang))</td>" }
            b += "<td class=\"num\">\(row.risks.total)</td><td class=\"num\">\(row.overdue)</td><td class=\"num\">\(row.dueSoon)</td><td class=\"num\">\(row.errors)</td></tr>\n"
        }
        b += "</tbody>\n</table>\n"
        b += "<p class=\"countline\"><strong>\(base.risks):</strong> \(h(l.riskCell(r.total.risks)))</p>\n"
        return b
    }

    /// The combined risk matrices, one per scale.
    static func matrices(_ r: RollupReport, _ l: RollupLabels) -> String {
        var b = "<section id=\"riskmatris\">\n<h2>\(h(l.combinedMatrix))</h2>\n"
        for m in r.matrices {
            let n = m.scale
            if r.matrices.count > 1 { b += "<h3>\(h(l.scale(m)))</h3>\n" }
            b += "<table class=\"matrix\">\n<thead><tr><th scope=\"col\"></th>"
            for c in 1...n { b += "<th scope=\"col\">\(l.sv ? "K" : "C")\(c)</th>" }
            b += "</tr></thead>\n<tbody>\n"
            let levels = RiskThresholds(scale: n)
            for li in stride(from: n, through: 1, by: -1) {
                b += "<tr><th scope=\"row\">\(l.sv ? "S" : "L")\(li)</th>"
                for c in 1...n { b += "<td class=\"lvl-\(levels.level(li * c).rawValue) num\">\(m.cells[li - 1][c - 1])</td>" }
                b += "</tr>\n"
            }
            b += "</tbody>\n</table>\n<p class=\"legend\">" + (l.sv ? "S = sannolikhet, K = konsekvens; färgen enligt standardgränserna (" : "L = likelihood, C = consequence; colour by the default thresholds (")
                + levels.legend(l.lang) + (l.sv ? "); varje plans egen matris följer dess egna gränser." : "); each plan's own matrix follows its own thresholds.") + "</p>\n"
        }
        if r.matrices.count > 1 { b += "<p>\(h(l.scalesApart))</p>\n" }
        b += "</section>\n"

        return b
    }

    /// Owners with lines in several plans, each with those lines.
    static func owners(_ shared: ArraySlice<RollupReport.OwnerAcross>, _ l: RollupLabels) -> String {
        let base = l.base
        var b = ""
        for o in shared {
            b += "<div class=\"owner\">\n<h3>\(h(o.name))</h3>\n<p>\(h(l.plans)): \(h(l.ownerPlans(o)))</p>\n<ul>\n"
            for x in o.overdue { b += "<li>\(FollowUpHTML.sig(.red, l.lang, word: base.late(x.line.days))) \(h(x.plan)) <span class=\"id\">\(h(x.line.id))</span> \(h(x.line.title))</li>\n" }
            for x in o.dueSoon { b += "<li>\(FollowUpHTML.sig(.yellow, l.lang, word: base.due(x.line))) \(h(x.plan)) <span class=\"id\">\(h(x.line.id))</span> \(h(x.line.title))</li>\n" }
            b += "</ul>\n</div>\n"
        }
        return b
    }

    static func counts(_ c: FollowUp.Counts, _ lang: Lang) -> String {
        Signal.allCases.map { "<span title=\"\($0.word(lang))\">\(FollowUpHTML.dot($0))\(n(c, $0))</span>" }.joined(separator: " ")
    }

    static func n(_ c: FollowUp.Counts, _ s: Signal) -> Int {
        switch s {
        case .green: c.green
        case .yellow: c.yellow
        case .red: c.red
        case .grey: c.grey
        }
    }

    /// A table of lines from every plan, in pieces: its head with the first part of its
    /// rows, the other parts, and its end; or the line that there are none.
    static func lineTable(_ lines: [RollupReport.PlanLine], _ l: RollupLabels, days: String) -> [@Sendable () -> String] {
        let base = l.base
        if lines.isEmpty { return [{ "<p>\(base.none)</p>\n" }] }
        let head = "<table>\n<thead><tr>\(FollowUpHTML.th(l.plan))\(FollowUpHTML.th(base.id))\(FollowUpHTML.th(base.title))\(FollowUpHTML.th(base.owner))\(FollowUpHTML.th(base.due))\(FollowUpHTML.th(days))</tr></thead>\n<tbody>\n"
        var jobs: [@Sendable () -> String] = Pieces.cut(lines, weight: { _ in RollupHTML.rowWeight }).map { part in
            { lineRows(part, l) }
        }
        let first = jobs[0]
        jobs[0] = { head + first() }
        jobs.append { "</tbody>\n</table>\n" }
        return jobs
    }

    /// About the bytes of a row of these lists: a list is cut by the bytes it makes, so a
    /// few hundred lines are already parts of their own.
    static let rowWeight = 200

    static func lineRows(_ lines: ArraySlice<RollupReport.PlanLine>, _ l: RollupLabels) -> String {
        var b = ""
        for x in lines {
            b += "<tr><td>\(h(x.plan))</td><td>\(h(x.line.id))</td><td>\(h(x.line.title))</td><td>\(h(x.line.ownerName))</td><td class=\"date\">\(h(l.base.due(x.line)))</td><td class=\"num\">\(x.line.days)</td></tr>\n"
        }
        return b
    }

    /// One plan's own sections, the section ids made unique with the plan's number `i`,
    /// for `Rollup.report(section:)`: written as the plan is read.
    public static func section(lang: Lang) -> @Sendable (RollupReport.PlanPart, Int) -> String {
        let l = RollupLabels(lang: lang)
        return { p, i in planBody(p, i, l) }
    }

    /// The head of a plan's part of the page: its name, folder and number of errors, on
    /// the line that opens and closes it.
    static func planHead(_ p: RollupReport.PlanPart, _ i: Int, _ l: RollupLabels) -> String {
        var b = "<details class=\"plan\" id=\"plan-\(i)\">\n<summary><span class=\"planname\">\(h(p.name))</span> <span class=\"meta\">\(h(p.folder))"
        if !p.errors.isEmpty { b += " · " + h(l.errorCount(p.errors.count)) }
        b += "</span></summary>\n"
        return b
    }

    /// One plan: its own sections, the section ids made unique with the plan's number.
    /// Not its name, which is known only when every plan is read (`planHead`).
    static func planBody(_ p: RollupReport.PlanPart, _ i: Int, _ l: RollupLabels) -> String {
        let r = p.report
        let lang = l.lang
        var base = l.base
        base.sectionPrefix = "p\(i)-"
        var b = "<div class=\"planbody\">\n"
        // Room for the rows at once (as `FollowUpHTML.pieces` reserves it): the section is
        // kept until the page is written, and a string grown by doubling holds up to twice
        // its length.
        b.reserveCapacity(640 * r.activityGroups.reduce(0) { $0 + $1.rows.count } + 16_384)
        if let o = r.organisation { b += "<p class=\"org\">\(h(o))</p>\n" }
        b += "<p class=\"meta\">\(h(r.title ?? base.followUp)) · \(h(base.asOf(r)))</p>\n"
        if let note = base.publicNote(r) { b += "<p class=\"public\">\(h(note))</p>\n" }
        if !p.errors.isEmpty {
            b += "<section class=\"errors\">\n<h2>\(h(l.planErrors)) – \(h(l.errorCount(p.errors.count)))</h2>\n<ul>\n"
            for d in p.errors { b += "<li><code>\(h(d.file)):\(d.line)</code> \(h(SafeText.masked(d.message.text(lang), lang)))</li>\n" }
            b += "</ul>\n</section>\n"
        }
        b += FollowUpHTML.summary(r, base, lang) + FollowUpHTML.goals(r, base, lang)
        b += "<section id=\"\(base.sectionPrefix)aktiviteter\">\n<h2>\(base.activityList)</h2>\n"
        for group in r.activityGroups { FollowUpHTML.activityTable(group, base, lang, into: &b) }
        b += "</section>\n"
        b += FollowUpHTML.risks(r, base, lang) + FollowUpHTML.audits(r, base, lang) + FollowUpHTML.owners(r, base, lang) + FollowUpHTML.history(r, base)
        b += "</div>\n</details>\n"
        return b
    }

    static let css = """
    details.plan { border-top: 2px solid var(--ink); margin-top: 1.5rem; }
    details.plan > summary { cursor: pointer; font-size: 1.3rem; font-weight: 600; padding: .5rem 0; }
    details.plan > summary .meta { font-size: .9rem; font-weight: normal; }
    table.matrix { width: auto; }
    table.matrix td { min-width: 4rem; text-align: center; }
    section.errors { border-left: 4px solid var(--red); padding-left: .7rem; }
    @media print { details.plan > .planbody { display: block; } }

    """
}
