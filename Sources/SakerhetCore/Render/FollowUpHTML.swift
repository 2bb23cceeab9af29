/// The follow-up as one self-contained HTML file: inline CSS and SVG, no script, no
/// external address. It prints on A4 and gives every signal as a word as well as a colour.
public enum FollowUpHTML {
    public static func render(_ r: FollowUp, lang: Lang) -> String {
        pieces(r, lang: lang).joined()
    }

    /// The page in consecutive pieces, to be written one after another: a report of
    /// 100,000 activities is 58 MB, and joining it would copy it once more. Each section is
    /// a piece, the long activity list several.
    public static func pieces(_ r: FollowUp, lang: Lang) -> Pieces {
        let l = ReportLabels(lang: lang)
        var jobs: [@Sendable () -> String] = [{ head(r, l, lang) + summary(r, l, lang) }, { goals(r, l, lang) }]
        jobs.append { "<section id=\"\(l.sectionPrefix)aktiviteter\">\n<h2>\(l.activityList)</h2>\n" }
        for piece in Pieces.cut(r.activityGroups, weight: \.rows.count) {
            jobs.append {
                var b = ""
                b.reserveCapacity(640 * piece.reduce(0) { $0 + $1.rows.count })
                for group in piece { activityTable(group, l, lang, into: &b) }
                return b
            }
        }
        jobs.append { "</section>\n" }
        jobs += [{ followups(r, l, lang) }, { risks(r, l, lang) }, { audits(r, l, lang) }, { owners(r, l, lang) }, { tail(r, l) }]
        return Pieces(jobs)
    }

    /// Title block.
    static func head(_ r: FollowUp, _ l: ReportLabels, _ lang: Lang) -> String {
        var b = "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        b += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        b += "<title>\(h(r.title ?? l.followUp)) – \(r.asOf)</title>\n<style>\n\(css)\(pageFooter(r, l))</style>\n</head>\n<body>\n<header>\n"
        if let o = r.organisation { b += "<p class=\"org\">\(h(o))</p>\n" }
        b += "<h1>\(h(r.title ?? l.followUp))</h1>\n<p class=\"meta\">\(h(l.asOf(r)))</p>\n"
        let paper = l.head(r)
        if !paper.isEmpty {
            b += "<dl class=\"paper\">" + paper.map { "<dt>\(h($0.0))</dt><dd>\(h($0.1))</dd>" }.joined() + "</dl>\n"
        }
        if let note = l.publicNote(r) { b += "<p class=\"public\">\(h(note))</p>\n" }
        for n in r.headNotes ?? [] { b += "<p class=\"public\"><strong>\(l.sv ? "Obs:" : "Note:")</strong> \(h(n.text(lang)))</p>\n" }
        b += "</header>\n<main>\n"
        return b
    }

    /// The printed page's footer: "Sida 3 av 9" at the right, the case number at the left.
    static func pageFooter(_ r: FollowUp, _ l: ReportLabels) -> String {
        var b = "@page {\n  @bottom-right { content: \"\(l.sv ? "Sida" : "Page") \" counter(page) \" \(l.sv ? "av" : "of") \" counter(pages); font: 8pt sans-serif; }\n"
        if let c = r.caseNumber {
            b += "  @bottom-left { content: \"\(cssString((l.sv ? "Dnr " : "Case no. ") + SafeText.text(c)))\"; font: 8pt sans-serif; }\n"
        }
        return b + "}\n"
    }

    /// A value inside a CSS string: quotes, backslashes, `<` and line breaks as escapes.
    static func cssString(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(c.value, radix: 16) + " "
            case _ where c.value < 0x20 || c.value == 0x7F: out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Periodens uppföljning: each goal's indicator, target and outcome beside the assessment.
    static func followups(_ r: FollowUp, _ l: ReportLabels, _ lang: Lang) -> String {
        guard !r.followups.isEmpty else { return "" }
        var b = "<section id=\"\(l.sectionPrefix)uppfoljning\">\n<h2>\(l.periodFollowups)</h2>\n<table>\n<thead><tr>\(th(l.id))\(th(l.title))\(th(l.indicator))\(th(l.target))\(th(l.outcome))\(th(l.periodWord))\(th(l.followupAssessment))\(th(l.analysis))</tr></thead>\n<tbody>\n"
        for f in r.followups {
            let word = (f.signal.map { dot($0) + " " } ?? "") + h(l.assessment(f))
            b += "<tr><td>\(h(f.id))</td><td>\(h(f.title))</td><td>\(h(f.indicator ?? ""))</td><td>\(h(f.target ?? ""))</td><td>\(h(f.outcome ?? ""))</td><td class=\"nowrap\">\(h(l.period(f)))</td><td class=\"nowrap\">\(word)</td><td>\(h(f.analysis ?? "").replacingAll("\n", with: "<br/>"))</td></tr>\n"
        }
        return b + "</tbody>\n</table>\n</section>\n"
    }

    /// Sammanfattning: counts, bars, late, due soon, waiting.
    static func summary(_ r: FollowUp, _ l: ReportLabels, _ lang: Lang) -> String {
        var b = "<section id=\"\(l.sectionPrefix)sammanfattning\">\n<h2>\(l.summary)</h2>\n<div class=\"summary\">\n"
        b += "<table class=\"counts\">\n<thead><tr><th scope=\"col\"></th>"
        for s in Signal.allCases { b += "<th scope=\"col\">\(dot(s)) \(s.word(lang))</th>" }
        b += "<th scope=\"col\">\(l.total)</th></tr></thead>\n<tbody>\n"
        for (name, c) in l.countRows(r) {
            b += "<tr><th scope=\"row\">\(name)</th><td>\(c.green)</td><td>\(c.yellow)</td><td>\(c.red)</td><td>\(c.grey)</td><td>\(c.total)</td></tr>\n"
        }
        b += "</tbody>\n</table>\n"
        b += bars(l.countRows(r), l)
        b += "</div>\n"
        b += "<p class=\"countline\"><strong>\(l.risks):</strong> \(h(l.riskCounts(r.summary.risks)))</p>\n"
        b += "<h3>\(l.legend)</h3>\n<ul class=\"legend\">\n" + l.legendLines(r).map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
        b += "<h3>\(l.overdue) (\(r.summary.overdue.count))</h3>\n" + lineTable(r.summary.overdue, l, days: l.daysLate, signal: .red)
        b += "<h3>\(l.dueSoon(r.window)) (\(r.summary.dueSoon.count))</h3>\n" + lineTable(r.summary.dueSoon, l, days: l.daysLeft, signal: .yellow)
        b += "<h3>\(l.waiting) (\(r.summary.waiting.count))</h3>\n"
        if r.summary.waiting.isEmpty { b += "<p>\(l.none)</p>\n" } else {
            b += "<table>\n<thead><tr>\(th(l.id))\(th(l.title))\(th(l.owner))\(th(l.reason))</tr></thead>\n<tbody>\n"
            for w in r.summary.waiting { b += "<tr><td>\(h(w.id))</td><td>\(h(w.title))</td><td>\(h(w.ownerName))</td><td>\(h(w.reason ?? ""))</td></tr>\n" }
            b += "</tbody>\n</table>\n"
        }
        if let moved = r.summary.moved {
            b += "<h3>\(l.movedOnTime) (\(moved.count))</h3>\n"
            b += "<table>\n<thead><tr>\(th(l.id))\(th(l.title))\(th(l.owner))\(th(l.movedColumn))</tr></thead>\n<tbody>\n"
            for w in moved { b += "<tr><td>\(h(w.id))</td><td>\(h(w.title))</td><td>\(h(w.ownerName))</td><td>\(sig(.yellow, l.lang, word: l.moveText(w)))</td></tr>\n" }
            b += "</tbody>\n</table>\n"
        }
        b += "</section>\n"
        return b
    }

    /// Mål and delmål.
    static func goals(_ r: FollowUp, _ l: ReportLabels, _ lang: Lang) -> String {
        var b = ""
        b += "<section id=\"\(l.sectionPrefix)mal\">\n<h2>\(l.goals)</h2>\n<table>\n<thead><tr>\(th(l.goal))\(th(l.title))\(th(l.owner))\(th(l.due))\(th(l.status))\(th(l.signal))\(th(l.below))</tr></thead>\n<tbody>\n"
        for g in r.goals {
            // The goal's reason or note under its deadline, as for a delmål.
            var due = h(g.dueText)
            if let c = g.shownComment { due += "<br/><em>\(h(c))</em>" }
            b += "<tr><td>\(h(g.id))</td><td>\(h(g.title))</td><td>\(h(g.ownerName))</td><td>\(due)</td><td>\(status(g.status, g.assumed, l, alias: g.statusAlias))</td><td>\(sig(g.signal, lang))</td><td>\(below(g.below, l))</td></tr>\n"
        }
        b += "</tbody>\n</table>\n</section>\n"
        // Delmål, then an action plan's målområden in a table of their own.
        for (id, title, rows) in [("delmal", l.subgoals, r.subgoals)] + (r.actionAreas.isEmpty ? [] : [("malomraden", l.actionAreas, r.actionAreas)]) {
            b += "<section id=\"\(l.sectionPrefix)\(id)\">\n<h2>\(title)</h2>\n<table>\n<thead><tr>\(th(l.goal))\(th(l.goalNr))\(th(l.title))\(th(l.doneWhen))\(th(l.owner))\(th(l.due))\(th(l.status))\(th(l.signal))\(th(l.below))</tr></thead>\n<tbody>\n"
            for g in rows {
                var due = h(g.dueText)
                if let c = g.shownComment { due += "<br/><em>\(h(c))</em>" }
                b += "<tr><td>\(h(g.parent ?? "–"))</td><td>\(h(g.id))</td><td>\(h(g.title))</td><td>\(h(g.doneWhen ?? ""))</td><td>\(h(g.ownerName))</td><td>\(due)</td><td>\(status(g.status, g.assumed, l, alias: g.statusAlias))</td><td>\(sig(g.signal, lang))</td><td>\(below(g.below, l))</td></tr>\n"
            }
            b += "</tbody>\n</table>\n</section>\n"
        }
        return b
    }

    /// Risks with the heat map.
    static func risks(_ r: FollowUp, _ l: ReportLabels, _ lang: Lang) -> String {
        var b = ""
        if !r.risks.isEmpty {
            b += "<section id=\"\(l.sectionPrefix)risker\">\n<h2>\(l.risks)</h2>\n<div class=\"riskgrid\">\n" + heatMap(r, l) + "</div>\n"
            // The residual risk's column only when the register gives one.
            let residual = r.risks.contains { $0.residualScore != nil }
            b += "<table>\n<thead><tr>\(th(l.id))\(th(l.risk))\(th(l.likelihood))\(th(l.consequence))\(th(l.score))\(th(l.level))\(th(l.owner))\(th(l.status))\(th(l.actions))"
                + (residual ? th(l.residual) : "") + "\(th(l.review))</tr></thead>\n<tbody>\n"
            for k in r.risks {
                let review = h(k.review?.description ?? "") + (k.reviewPassed ? " <strong class=\"warn\">⚠ \(l.reviewPassed)</strong>" : "")
                let m = Assumed.score(k.assumed) ? mark(l) : ""
                b += "<tr><td>\(h(k.id))</td><td>\(h(k.title))</td><td class=\"num\">\(k.likelihood.map(String.init) ?? "")\(m)</td><td class=\"num\">\(k.consequence.map(String.init) ?? "")\(m)</td><td class=\"num\">\(k.score.map(String.init) ?? "")\(m)</td><td class=\"nowrap\">\(levelTag(k.level, lang))</td><td>\(h(k.ownerName))</td><td>\(k.status?.word(lang) ?? "")\(k.assumed.contains("status") ? mark(l) : "")</td><td>\(h(k.actionsText(lang)))</td>" + (residual ? "<td class=\"nowrap\">\(h(k.residualText(lang)))</td>" : "") + "<td class=\"date\">\(review)</td></tr>\n"
            }
            b += "</tbody>\n</table>\n</section>\n"
        }
        return b
    }

    /// Revisionens rekommendationer.
    static func audits(_ r: FollowUp, _ l: ReportLabels, _ lang: Lang) -> String {
        var b = ""
        if !r.audits.isEmpty {
            b += "<section id=\"\(l.sectionPrefix)revision\">\n<h2>\(l.audits)</h2>\n"
            for a in r.audits {
                var head = a.audit
                if let who = a.auditor { head += " (\(who)\(a.year.map { " \($0)" } ?? ""))" }
                b += "<h3>\(h(head))</h3>\n<p class=\"countline\">\(h(l.auditCount(a)))</p>\n"
                b += "<table>\n<thead><tr>\(th(l.id))\(th(l.recommendation))\(th(l.response))\(th(l.progress))\(th(l.remaining))\(th(l.assessment))\(th(l.owner))\(th(l.lastDone))\(th(l.standingHeader))</tr></thead>\n<tbody>\n"
                for f in a.rows {
                    let colour = (f.assessment.map { sig($0.signal, lang, word: $0.word(lang)) } ?? "") + (Assumed.assessment(f.assumed) ? mark(l) : "")
                    let about = [f.kind.map { "<em>\(l.findingKind):</em> " + h($0) }, f.basis.map { "<em>\(l.basis):</em> " + h($0) },
                                 l.planned(f).map { "<em>" + h($0) + "</em>" }, f.doneNote.map { "<strong>" + h($0) + "</strong>" }].compactMap { $0 }
                    b += "<tr><td>\(h(f.id))</td><td>\(([h(f.recommendation)] + about).joined(separator: "<br/>"))</td><td>\(h(f.response ?? ""))</td><td>\(h(f.progress ?? ""))</td><td>\(h(f.remaining ?? ""))</td><td>\(colour)</td><td>\(h(f.ownerName))</td><td class=\"date\">\(h(l.due(f)))</td><td>\(sig(f.signal, lang, word: l.standing(f)))</td></tr>\n"
                }
                b += "</tbody>\n</table>\n"
            }
            b += "</section>\n"
        }
        return b
    }

    /// Per ansvarig.
    static func owners(_ r: FollowUp, _ l: ReportLabels, _ lang: Lang) -> String {
        var b = ""
        b += "<section id=\"\(l.sectionPrefix)ansvariga\">\n<h2>\(l.perOwner)</h2>\n"
        if r.owners.isEmpty { b += "<p>\(l.nobodyLate)</p>\n" }
        for o in r.owners {
            b += "<div class=\"owner\">\n<h3>\(h(o.ownerName))</h3>\n<ul>\n"
            for x in o.overdue { b += "<li>\(sig(.red, lang, word: l.late(x.days))) <span class=\"id\">\(h(x.id))</span> \(h(x.title))</li>\n" }
            for x in o.dueSoon { b += "<li>\(sig(.yellow, lang, word: l.soon(x))) <span class=\"id\">\(h(x.id))</span> \(h(x.title))</li>\n" }
            b += "</ul>\n</div>\n"
        }
        b += "</section>\n"
        return b
    }

    /// History and the end of the page.
    static func tail(_ r: FollowUp, _ l: ReportLabels) -> String {
        var b = ""
        b += history(r, l)
        b += "</main>\n<footer><p>\(h(r.organisation ?? "")) · \(h(l.asOf(r))) · sakerhet</p></footer>\n</body>\n</html>\n"
        return b
    }

    /// One goal's activities. The longest part of the report, so each row is appended
    /// piece by piece to `b` rather than made as a string of its own first.
    static func activityTable(_ group: FollowUp.ActivityGroup, _ l: ReportLabels, _ lang: Lang, into b: inout String) {
        b += "<table class=\"activities\">\n<caption>"
        b += h(group.goal)
        b += " "
        b += h(group.goalTitle)
        b += "</caption>\n<thead><tr>\(th(l.activity))\(th(l.start))\(th(l.lastDone))\(th(l.owner))\(th(l.status))\(th(l.signal))\(th(l.comment))</tr></thead>\n<tbody>\n"
        let signals = signalTags(lang)
        // Each row read field by field: a copy of the row would retain every field.
        let rows = group.rows
        for i in rows.indices {
            b += "<tr><td><span class=\"id\">"
            b += h(rows[i].id)
            b += "</span> "
            b += h(rows[i].title)
            b += "</td><td>"
            b += h(rows[i].startText)
            b += "</td><td>"
            b += h(rows[i].dueText)
            b += "</td><td>"
            b += h(rows[i].ownerName)
            b += "</td><td>"
            b += l.status(rows[i].status, alias: rows[i].statusAlias)
            if !rows[i].assumed.isEmpty, Assumed.status(rows[i].assumed) { b += mark(l) }
            b += "</td><td>"
            b += signals[Signal.allCases.firstIndex(of: rows[i].signal)!]
            b += "</td><td class=\"comment\">"
            if let note = rows[i].doneNote {
                b += "<strong>"
                b += h(note)
                b += "</strong>"
                if let c = rows[i].comment, !c.isEmpty { b += "<br/>"; b += h(c) }
            } else if rows[i].daysLate > 0 {
                b += "<strong>"
                b += l.late(rows[i].daysLate)
                b += "</strong>"
                if let c = rows[i].comment, !c.isEmpty { b += "<br/>"; b += h(c) }
            } else if let c = rows[i].comment {
                b += h(c)
            }
            b += "</td></tr>\n"
        }
        b += "</tbody>\n</table>\n"
    }

    /// Revisionshistorik, Förändringar under perioden and Förskjutna tidplaner.
    static func history(_ r: FollowUp, _ l: ReportLabels) -> String {
        let sv = l.sv
        guard let h = r.history else {
            guard let note = r.historyNote else { return "" }
            return "<section id=\"\(l.sectionPrefix)historik\">\n<h2>\(l.revisionHistory)</h2>\n<p>\(FollowUpHTML.h(note.text(l.lang)))</p>\n</section>\n"
        }
        var b = "<section id=\"\(l.sectionPrefix)historik\">\n<h2>\(l.revisionHistory)</h2>\n"
        for w in h.historyWarnings { b += "<p class=\"public\">\(FollowUpHTML.h(w.text(l.lang)))</p>\n" }
        b += "<p class=\"legend\">\(FollowUpHTML.h(HistoryReport.legend(movedGreen: h.movedGreen).text(l.lang)))</p>\n"
        if h.revisions.isEmpty {
            b += "<p>" + FollowUpHTML.h(HistoryReportText.noVersion(h.period, l.lang)) + "</p>\n"
        } else {
            b += "<table>\n<thead><tr>\(th("Version"))\(th(l.title))\(th(sv ? "Datum" : "Date"))\(th(sv ? "Författare" : "Author"))</tr></thead>\n<tbody>\n"
            for v in h.revisions { b += "<tr><td>\(FollowUpHTML.h(v.version))</td><td>\(FollowUpHTML.h(v.description))</td><td class=\"date\">\(v.date)</td><td>\(FollowUpHTML.h(v.author))</td></tr>\n" }
            b += "</tbody>\n</table>\n"
        }
        b += "<h2>\(l.changes)</h2>\n"
        let groups = h.changeGroups(l.lang) + [(sv ? "Uppskjutna" : "Postponed", h.postponed)]
        for (title, rows) in groups {
            b += "<h3>\(title) (\(rows.count))</h3>\n"
            if rows.isEmpty { b += "<p>\(l.none)</p>\n"; continue }
            let moves = rows.contains { $0.from != nil }
            b += "<table>\n<thead><tr>\(th(sv ? "Datum" : "Date"))\(th(l.id))\(th(l.title))"
            if moves { b += "\(th(sv ? "Från" : "From"))\(th(sv ? "Till" : "To"))\(th(l.reason))" }
            else { b += "\(th(sv ? "Händelse" : "Event"))\(th(sv ? "Underlag" : "Evidence"))" }
            b += "\(th(sv ? "Registrerad" : "Registered"))\(th(sv ? "Författare" : "Author"))</tr></thead>\n<tbody>\n"
            for c in rows {
                b += "<tr><td class=\"date\">\(c.date)</td><td>\(FollowUpHTML.h(c.shownID(l.lang)))</td><td>\(FollowUpHTML.h(c.title))</td>"
                if moves { b += "<td>\(FollowUpHTML.h(HistoryText.token(c.from, l.lang)))</td><td>\(FollowUpHTML.h(HistoryText.token(c.to, l.lang)))</td><td>\(FollowUpHTML.h(c.reasonShown(l.lang) ?? ""))</td>" }
                else { b += "<td>\(FollowUpHTML.h(HistoryReportText.what(c, l.lang)))</td><td>\(FollowUpHTML.h(c.evidence ?? ""))</td>" }
                b += "<td class=\"date\">\(c.registered.map { "\($0)" } ?? "")</td><td>\(FollowUpHTML.h(c.author))</td></tr>\n"
            }
            b += "</tbody>\n</table>\n"
        }
        b += "<h2>\(l.slips)</h2>\n"
        if h.slips.isEmpty {
            b += "<p>" + (sv ? "Inga tidplaner sköts upp under perioden." : "No deadline moved later in the period.") + "</p>\n"
        } else {
            b += "<p>" + HistoryReportText.slipsLead(l.lang) + "</p>\n"
            b += "<table>\n<thead><tr>" + HistoryText.slipHeaders(l.lang).map(th).joined() + "</tr></thead>\n<tbody>\n"
            for s in h.slips {
                let cells = HistoryText.slipCells(s, l.lang)
                b += "<tr>" + cells.enumerated().map { k, c in (k >= 5 ? "<td class=\"num\">" : k >= 3 ? "<td class=\"date\">" : "<td>") + FollowUpHTML.h(c) + "</td>" }.joined() + "</tr>\n"
            }
            b += "</tbody>\n</table>\n"
        }
        return b + "</section>\n"
    }

    static func lineTable(_ lines: [FollowUp.Line], _ l: ReportLabels, days: String, signal: Signal) -> String {
        if lines.isEmpty { return "<p>\(l.none)</p>\n" }
        var b = "<table>\n<thead><tr>\(th(l.id))\(th(l.title))\(th(l.owner))\(th(l.due))\(th(days))</tr></thead>\n<tbody>\n"
        for x in lines {
            b += "<tr><td>\(h(x.id))</td><td>\(h(x.title))</td><td>\(h(x.ownerName))</td><td class=\"date\">\(h(l.due(x)))</td><td class=\"num\">\(x.days)</td></tr>\n"
        }
        return b + "</tbody>\n</table>\n"
    }

    /// Horizontal stacked bars of signal counts, one per row, with the numbers as text.
    static func bars(_ rows: [(String, FollowUp.Counts)], _ l: ReportLabels) -> String {
        let width = 260.0, rowH = 26.0, labelW = 130.0  // room for "Rekommendationer"
        var b = "<svg class=\"bars\" role=\"img\" aria-label=\"\(l.signal)\" width=\"\(Int(labelW + width + 10))\" height=\"\(Int(Double(rows.count) * rowH + 6))\" viewBox=\"0 0 \(Int(labelW + width + 10)) \(Int(Double(rows.count) * rowH + 6))\">\n"
        for (i, (name, c)) in rows.enumerated() {
            let y = Double(i) * rowH + 4
            b += "<text x=\"0\" y=\"\(y + 15)\" class=\"svglabel\">\(h(name))</text>\n"
            var x = labelW
            let total = max(1, c.total)
            for (s, n) in l.counts(c) where n > 0 {
                let w = width * Double(n) / Double(total)
                b += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(w))\" height=\"20\" class=\"fill-\(s.rawValue)\"><title>\(n) \(l.signalPlural(s, n))</title></rect>\n"
                if w >= 18 { b += "<text x=\"\(fmt(x + w / 2))\" y=\"\(fmt(y + 15))\" text-anchor=\"middle\" class=\"svgnum\">\(n)</text>\n" }
                x += w
            }
        }
        return b + "</svg>\n"
    }

    /// The N×N risk matrix (`risk_scale`) as an SVG heat map with the ids in each cell.
    static func heatMap(_ r: FollowUp, _ l: ReportLabels) -> String {
        let n = r.matrix.count, dn = Double(r.matrix.count)
        let cell = n > 4 ? 96.0 : 118.0, cellH = n > 4 ? 56.0 : 64.0, left = 44.0, top = 8.0
        let w = left + cell * dn + 4, hgt = top + cellH * dn + 44
        var b = "<svg class=\"heat\" role=\"img\" aria-label=\"\(l.riskMatrix)\" width=\"\(Int(w))\" height=\"\(Int(hgt))\" viewBox=\"0 0 \(Int(w)) \(Int(hgt))\">\n"
        for li in 1...n {
            for c in 1...n {
                let x = left + Double(c - 1) * cell, y = top + Double(n - li) * cellH
                let level = r.thresholds.level(li * c)
                let ids = r.matrix[li - 1][c - 1]
                let named = ids.isEmpty ? "" : ": " + h(ids.joined(separator: " "))
                b += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(cell))\" height=\"\(fmt(cellH))\" class=\"lvl-\(level.rawValue)\"><title>\(l.likelihood) \(li) × \(l.consequence) \(c) = \(li * c) (\(level.word(l.lang)))\(named)</title></rect>\n"
                // Ids, three to a line, three lines; more than nine: six and how many more.
                var lines: [String] = []
                var cur: [String] = []
                for id in ids {
                    cur.append(id)
                    if cur.count == 3 { lines.append(cur.joined(separator: " ")); cur = [] }
                }
                if !cur.isEmpty { lines.append(cur.joined(separator: " ")) }
                if lines.count > 3 { lines = Array(lines.prefix(2)) + ["+\(ids.count - 6) " + (l.lang == .sv ? "till" : "more")] }
                for (k, text) in lines.enumerated() {
                    b += "<text x=\"\(fmt(x + cell / 2))\" y=\"\(fmt(y + 22 + Double(k) * 16))\" text-anchor=\"middle\" class=\"svgids\">\(h(text))</text>\n"
                }
            }
            b += "<text x=\"\(fmt(left - 12))\" y=\"\(fmt(top + Double(n - li) * cellH + cellH / 2 + 5))\" text-anchor=\"middle\" class=\"svglabel\">\(li)</text>\n"
        }
        for c in 1...n {
            b += "<text x=\"\(fmt(left + Double(c - 1) * cell + cell / 2))\" y=\"\(fmt(top + cellH * dn + 18))\" text-anchor=\"middle\" class=\"svglabel\">\(c)</text>\n"
        }
        b += "<text x=\"\(fmt(left + cell * dn / 2))\" y=\"\(fmt(top + cellH * dn + 38))\" text-anchor=\"middle\" class=\"svgaxis\">\(l.consequence) →</text>\n"
        b += "<text x=\"12\" y=\"\(fmt(top + cellH * dn / 2))\" text-anchor=\"middle\" class=\"svgaxis\" transform=\"rotate(-90 12 \(fmt(top + cellH * dn / 2)))\">\(l.likelihood) →</text>\n"
        b += "</svg>\n"
        // A legend in words for readers who cannot tell the colours apart.
        b += "<p class=\"legend\">" + RiskLevel.allCases.map { "<span class=\"chip lvl-\($0.rawValue)\"></span>\($0.word(l.lang))" }.joined(separator: " ")
        b += (l.sv ? " · poäng = sannolikhet × konsekvens: " : " · score = likelihood × consequence: ") + r.thresholds.legend(l.lang) + "</p>\n"
        return b
    }

    /// The marker of an assumed value, with the word for readers and screen readers.
    static func mark(_ l: ReportLabels) -> String { "<abbr class=\"assumed\" title=\"\(l.assumedWord)\">\(l.assumedMark)</abbr>" }

    static func status(_ s: Status?, _ assumed: [String], _ l: ReportLabels, alias: String? = nil) -> String {
        l.status(s, alias: alias) + (Assumed.status(assumed) ? mark(l) : "")
    }

    static func below(_ s: Signal?, _ l: ReportLabels) -> String { s.map { sig($0, l.lang) } ?? "–" }

    static func th(_ s: String) -> String { "<th scope=\"col\">\(h(s))</th>" }

    static func dot(_ s: Signal) -> String { "<span class=\"dot fill-\(s.rawValue)\" aria-hidden=\"true\"></span>" }

    static func sig(_ s: Signal, _ lang: Lang, word: String? = nil) -> String {
        "<span class=\"sig sig-\(s.rawValue)\">\(dot(s))\(h(word ?? s.word(lang)))</span>"
    }

    /// `sig` of each signal in `Signal.allCases` order, made once per language: every
    /// activity row has one.
    static func signalTags(_ lang: Lang) -> [String] { lang == .sv ? signalTagsSv : signalTagsEn }
    private static let signalTagsSv = Signal.allCases.map { sig($0, .sv) }
    private static let signalTagsEn = Signal.allCases.map { sig($0, .en) }

    static func levelTag(_ level: RiskLevel?, _ lang: Lang) -> String {
        guard let level else { return "" }
        return "<span class=\"chip lvl-\(level.rawValue)\" aria-hidden=\"true\"></span>\(level.word(lang))"
    }

    static func h(_ s: String) -> String { DiagnosticFormats.xml(s, breaks: true) }

    static func fmt(_ d: Double) -> String {
        let r = (d * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static let css = """
    :root { --green: #2e7d32; --yellow: #f9a825; --red: #c62828; --grey: #9e9e9e; --ink: #1b1b1b; --rule: #c8c8c8; }
    * { box-sizing: border-box; }
    body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; line-height: 1.4; font-size: 10.5pt; }
    header { border-bottom: 3px solid var(--ink); margin-bottom: 1rem; }
    .org { font-weight: 600; margin: 0; text-transform: uppercase; letter-spacing: .04em; font-size: 9pt; }
    h1 { font-size: 1.6rem; margin: .2rem 0 .3rem; }
    .meta { margin: 0 0 .6rem; color: #444; }
    .public { background: #f3f3f3; border-left: 4px solid var(--ink); padding: .4rem .7rem; }
    h2 { font-size: 1.25rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2rem; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
    table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
    caption { text-align: left; font-weight: 600; padding: .3rem 0; }
    th, td { border: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
    thead th { background: #eceff1; }
    td.num, .counts td { text-align: right; }
    td.date, td.nowrap { white-space: nowrap; }
    td.comment { font-size: .92em; color: #333; }
    .id { font-weight: 600; white-space: nowrap; }
    .summary { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; }
    .counts { width: auto; }
    .dot { display: inline-block; width: .75em; height: .75em; border-radius: 50%; margin-right: .35em; vertical-align: -.05em; border: 1px solid rgba(0,0,0,.35); }
    .sig { white-space: nowrap; }
    .sig-red { font-weight: 600; }
    .fill-green { background: var(--green); fill: var(--green); }
    .fill-yellow { background: var(--yellow); fill: var(--yellow); }
    .fill-red { background: var(--red); fill: var(--red); }
    .fill-grey { background: var(--grey); fill: var(--grey); }
    .chip { display: inline-block; width: .9em; height: .9em; margin: 0 .3em 0 .6em; vertical-align: -.1em; border: 1px solid rgba(0,0,0,.3); }
    .lvl-low { background: #c8e6c9; fill: #c8e6c9; }
    .lvl-medium { background: #fff59d; fill: #fff59d; }
    .lvl-high { background: #ffcc80; fill: #ffcc80; }
    .lvl-veryHigh { background: #ef9a9a; fill: #ef9a9a; }
    svg rect { stroke: #fff; stroke-width: 2; }
    .svglabel { font: 12px sans-serif; fill: var(--ink); }
    .svgaxis { font: italic 12px sans-serif; fill: #444; }
    .svgnum { font: bold 12px sans-serif; fill: #fff; }
    .svgids { font: 600 13px sans-serif; fill: var(--ink); }
    .legend { font-size: .9em; margin-top: 0; }
    .warn { color: var(--red); }
    .countline { font-weight: 600; }
    .owner ul { margin: .2rem 0 1rem; padding-left: 1.2rem; }
    dl.paper { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; margin: .3rem 0; }
    dl.paper dt { font-weight: 600; } dl.paper dd { margin: 0; }
    footer { margin-top: 2rem; border-top: 1px solid var(--rule); font-size: .85em; color: #555; }
    @page { size: A4; margin: 16mm 14mm; }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
      thead { display: table-header-group; }
      table { width: 99.5%; }  /* at 100 % Chromium cuts the right border off at the page edge */
      tr, .owner, svg, table.activities { break-inside: avoid; page-break-inside: avoid; }
      h2, h3, caption { break-after: avoid; page-break-after: avoid; }
      section { break-before: auto; }
      #aktiviteter, #risker { break-before: page; page-break-before: always; }
      .dot, .chip, .fill-green, .fill-yellow, .fill-red, .fill-grey, .lvl-low, .lvl-medium, .lvl-high, .lvl-veryHigh, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
