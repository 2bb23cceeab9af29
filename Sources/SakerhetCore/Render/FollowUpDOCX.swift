/// The follow-up as a Word document (`report -o uppfoljning.docx`), for the committee's
/// case file: the HTML report's sections as headings (Word's built-in Heading 1–3, so a
/// case template's own heading styles take over when it is pasted in) and tables, the
/// signal words in cells shaded in their colours, the risk matrix as a table of coloured
/// cells with the ids in them. Rendered from the report value, like the other formats;
/// the same language and `--public` rule as the HTML.
///
/// Each section is a function from the report to blocks, listed in `sections`: a new
/// part of the report value is one more function and one more line there.
public enum FollowUpDOCX {
    public static func render(_ r: FollowUp, lang: Lang) throws -> [UInt8] {
        try DOCXWriter.write(document(r, lang: lang))
    }

    /// The document before it is written: what the tests and other writers can read.
    public static func document(_ r: FollowUp, lang: Lang) -> WordDocument {
        let l = ReportLabels(lang: lang)
        var doc = WordDocument(title: r.title ?? l.followUp, language: lang == .sv ? "sv-SE" : "en-GB", landscape: true)
        for section in sections { doc.blocks += section(r, l) }
        return doc
    }

    typealias Block = WordDocument.Block
    typealias Cell = WordDocument.Cell
    typealias Run = WordDocument.Run

    static let sections: [@Sendable (FollowUp, ReportLabels) -> [Block]] = [
        head, summary, goals, subgoals, activities, followups, risks, audits, owners, history, foot,
    ]

    static func head(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        var b: [Block] = []
        if let o = r.organisation { b.append(.paragraph([Run(o.uppercased(), bold: true)])) }
        b.append(.heading(r.title ?? l.followUp, level: 0))
        b.append(.paragraph([Run(l.asOf(r))]))
        for (label, value) in l.head(r) { b.append(.paragraph([Run(label + ": ", bold: true), Run(value)])) }
        if let note = l.publicNote(r) { b.append(.paragraph([Run(note, italic: true)])) }
        for n in r.headNotes ?? [] { b.append(.paragraph([Run(l.sv ? "Obs: " : "Note: ", bold: true), Run(n.text(l.lang), italic: true)])) }
        return b
    }

    /// Sammanfattning: the counts with their colours, then what is late, due soon and waiting.
    static func summary(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        var b: [Block] = [.heading(l.summary, level: 1)]
        var rows: [[Cell]] = [[Cell("")] + Signal.allCases.map { Cell($0.word(l.lang), fill: OfficeColours.fill($0), alignment: .right) }
                              + [Cell(l.total, alignment: .right)]]
        for (name, c) in l.countRows(r) {
            rows.append([Cell(name, bold: true)] + [c.green, c.yellow, c.red, c.grey, c.total].map { Cell(String($0), alignment: .right) })
        }
        b.append(.table(WordDocument.Table(widths: [3, 1, 1, 1, 1, 1], rows: rows)))
        // The risks by level and the legend, as in the HTML report.
        b.append(.paragraph([Run(l.risks + ": ", bold: true), Run(l.riskCounts(r.summary.risks))]))
        b.append(.heading(l.legend, level: 2))
        for line in l.legendLines(r) { b.append(.paragraph([Run(line)])) }
        b.append(.heading("\(l.overdue) (\(r.summary.overdue.count))", level: 2))
        b += lineTable(r.summary.overdue, l, days: l.daysLate, signal: .red)
        b.append(.heading("\(l.dueSoon(r.window)) (\(r.summary.dueSoon.count))", level: 2))
        b += lineTable(r.summary.dueSoon, l, days: l.daysLeft, signal: .yellow)
        b.append(.heading("\(l.waiting) (\(r.summary.waiting.count))", level: 2))
        if r.summary.waiting.isEmpty {
            b.append(.paragraph([Run(l.none)]))
        } else {
            b.append(table([1, 4, 2, 3], [l.id, l.title, l.owner, l.reason],
                           r.summary.waiting.map { [Cell($0.id), Cell($0.title), Cell($0.ownerName), Cell($0.reason ?? "")] }))
        }
        if let moved = r.summary.moved {
            b.append(.heading("\(l.movedOnTime) (\(moved.count))", level: 2))
            b.append(table([1, 4, 2, 3], [l.id, l.title, l.owner, l.movedColumn],
                           moved.map { [Cell($0.id), Cell($0.title), Cell($0.ownerName), Cell(l.moveText($0), fill: OfficeColours.fill(Signal.yellow))] }))
        }
        return b
    }

    static func lineTable(_ lines: [FollowUp.Line], _ l: ReportLabels, days: String, signal: Signal) -> [Block] {
        if lines.isEmpty { return [.paragraph([Run(l.none)])] }
        return [table([1, 5, 3, 1.6, 1.1], [l.id, l.title, l.owner, l.due, days], lines.map {
            [Cell($0.id), Cell($0.title), Cell($0.ownerName), Cell(l.due($0)),
             Cell(String($0.days), fill: OfficeColours.fill(signal), alignment: .right)]
        })]
    }

    static func goals(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        [.heading(l.goals, level: 1),
         table([1, 5, 3, 1.8, 1.4, 1.1, 1.2], [l.goal, l.title, l.owner, l.due, l.status, l.signal, l.belowShort], r.goals.map { g in
             var due = [Run(g.dueText)]
             if let c = g.shownComment { due.append(Run("\n" + c, italic: true)) }
             return [Cell(g.id), Cell(g.title), Cell(g.ownerName), Cell(due), Cell(status(g.status, g.assumed, alias: g.statusAlias, l)),
                     signalCell(g.signal, l), belowCell(g.below, l)]
         })]
    }

    /// Delmål, then an action plan's målområden in a table of their own.
    static func subgoals(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        ([(l.subgoals, r.subgoals)] + (r.actionAreas.isEmpty ? [] : [(l.actionAreas, r.actionAreas)])).flatMap { title, rows -> [Block] in
            [.heading(title, level: 1),
             table([1, 0.8, 3.3, 3.3, 2.2, 1.8, 1.4, 1.1, 1.2], [l.goal, l.goalNr, l.title, l.doneWhen, l.owner, l.due, l.status, l.signal, l.belowShort], rows.map { g in
                 var due = [Run(g.dueText)]
                 if let c = g.shownComment { due.append(Run("\n" + c, italic: true)) }
                 return [Cell(g.parent ?? "–"), Cell(g.id), Cell(g.title), Cell(g.doneWhen ?? ""), Cell(g.ownerName), Cell(due),
                         Cell(status(g.status, g.assumed, alias: g.statusAlias, l)), signalCell(g.signal, l), belowCell(g.below, l)]
             })]
        }
    }

    /// A status with the marker of an assumed value (`*`), as in the other formats.
    static func status(_ s: Status?, _ assumed: [String], alias: String?, _ l: ReportLabels) -> String {
        l.status(s, alias: alias) + (Assumed.status(assumed) ? l.assumedMark : "")
    }

    /// Öppet under: the worst open signal below a goal, shaded as a signal; "–" for none.
    static func belowCell(_ s: Signal?, _ l: ReportLabels) -> Cell {
        guard let s else { return Cell("–") }
        return signalCell(s, l)
    }

    /// Aktivitetslista: one table per goal, under the goal's id and title.
    static func activities(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        var b: [Block] = [.heading(l.activityList, level: 1)]
        for group in r.activityGroups {
            b.append(.heading(group.goalTitle.isEmpty ? group.goal : group.goal + " " + group.goalTitle, level: 2))
            b.append(table([4.5, 1.4, 1.4, 2.4, 1.4, 1.1, 3], [l.activity, l.start, l.lastDone, l.owner, l.status, l.signal, l.comment],
                           group.rows.map { a in
                var comment: [Run] = []
                if a.daysLate > 0 { comment.append(Run(l.late(a.daysLate), bold: true)) }
                if let note = a.doneNote { comment.append(Run(note, bold: true)) }
                if let c = a.comment, !c.isEmpty { comment.append(Run((comment.isEmpty ? "" : "\n") + c)) }
                return [Cell([Run(a.id, bold: true), Run(" " + a.title)]), Cell(a.startText), Cell(a.dueText), Cell(a.ownerName),
                        Cell(status(a.status, a.assumed, alias: a.statusAlias, l)), signalCell(a.signal, l), Cell(comment)]
            }))
        }
        return b
    }

    /// Risker: the matrix as a coloured table (likelihood 4 at the top), the legend, the register.
    static func risks(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        guard !r.risks.isEmpty else { return [] }
        var b: [Block] = [.heading(l.risks, level: 1), .heading(l.riskMatrix, level: 2)]
        let n = r.matrix.count
        var rows: [[Cell]] = [[Cell(l.likelihood + " \\ " + l.consequence)] + (1...n).map { Cell(String($0), alignment: .center) }]
        for li in (1...n).reversed() {
            var row = [Cell(String(li), bold: true, fill: DOCXWriter.headerFill, alignment: .center)]
            for c in 1...n {
                let level = r.thresholds.level(li * c)
                row.append(Cell(r.matrix[li - 1][c - 1].joined(separator: " "), bold: true, fill: OfficeColours.fill(level), alignment: .center))
            }
            rows.append(row)
        }
        b.append(.table(WordDocument.Table(widths: [2.2] + Array(repeating: 2, count: n), rows: rows)))
        let legend = [Run((l.sv ? "Poäng = sannolikhet × konsekvens: " : "Score = likelihood × consequence: ") + r.thresholds.legend(l.lang))]
        b.append(.paragraph(legend))
        // The residual risk's column only when the register gives one (the title gives way).
        let residual = r.risks.contains { $0.residualScore != nil }
        b.append(table(residual ? [0.8, 2.8, 1.2, 1.2, 0.9, 1.3, 2.0, 1.3, 1.3, 1.4, 1.5] : [0.8, 4, 1.2, 1.2, 0.9, 1.3, 2.2, 1.3, 1.3, 1.6],
                       [l.id, l.risk, l.likelihood, l.consequence, l.score, l.level, l.owner, l.status, l.actions] + (residual ? [l.residual] : []) + [l.review],
                       r.risks.map { k in
            var review = [Run(k.review?.description ?? "")]
            if k.reviewPassed { review.append(Run("\n⚠ " + l.reviewPassed, bold: true, colour: "C62828")) }
            // Assumed values marked as in the other formats: the score's parts and the status.
            let m = Assumed.score(k.assumed) ? l.assumedMark : ""
            return [Cell(k.id), Cell(k.title), Cell((k.likelihood.map(String.init) ?? "") + m, alignment: .right),
                    Cell((k.consequence.map(String.init) ?? "") + m, alignment: .right), Cell((k.score.map(String.init) ?? "") + m, alignment: .right),
                    Cell(k.level?.word(l.lang) ?? "", fill: k.level.map(OfficeColours.fill)), Cell(k.ownerName),
                    Cell((k.status?.word(l.lang) ?? "") + (k.assumed.contains("status") ? l.assumedMark : "")), Cell(k.actionsText(l.lang))]
                + (residual ? [Cell(k.residualText(l.lang), fill: k.residualLevel.map(OfficeColours.fill))] : []) + [Cell(review)]
        }))
        return b
    }

    /// Revisionens rekommendationer, per audit, with the auditor's colour counted and shaded.
    /// Periodens uppföljning: indicator, target and outcome beside the assessment and analysis.
    static func followups(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        guard !r.followups.isEmpty else { return [] }
        return [.heading(l.periodFollowups, level: 1),
                table([0.8, 3, 2.2, 1.4, 1.4, 1.4, 1.5, 4],
                      [l.id, l.title, l.indicator, l.target, l.outcome, l.periodWord, l.followupAssessment, l.analysis], r.followups.map { f in
                    [Cell(f.id), Cell(f.title), Cell(f.indicator ?? ""), Cell(f.target ?? ""), Cell(f.outcome ?? ""), Cell(l.period(f)),
                     Cell(l.assessment(f), fill: f.signal.map(OfficeColours.fill)), Cell(f.analysis ?? "")]
                })]
    }

    static func audits(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        guard !r.audits.isEmpty else { return [] }
        var b: [Block] = [.heading(l.audits, level: 1)]
        for a in r.audits {
            var head = a.audit
            if let who = a.auditor { head += " (\(who)\(a.year.map { " \($0)" } ?? ""))" }
            b.append(.heading(head, level: 2))
            b.append(.paragraph([Run(l.auditCount(a), bold: true)]))
            b.append(table([0.8, 2.6, 2.4, 2.4, 2.4, 1.3, 1.8, 1.4, 1.8], [l.id, l.recommendation, l.response, l.progress, l.remaining, l.assessment, l.owner, l.lastDone, l.standingHeader],
                           a.rows.map { f in
                [Cell(f.id), Cell([Run(f.recommendation)] + [f.kind.map { Run("\n" + l.findingKind + ": " + $0, italic: true) },
                                                             f.basis.map { Run("\n" + l.basis + ": " + $0, italic: true) },
                                                             l.planned(f).map { Run("\n" + $0, italic: true) }, f.doneNote.map { Run("\n" + $0, bold: true) }].compactMap { $0 }),
                 Cell(f.response ?? ""), Cell(f.progress ?? ""), Cell(f.remaining ?? ""),
                 Cell((f.assessment?.word(l.lang) ?? "") + (Assumed.assessment(f.assumed) ? l.assumedMark : ""), fill: f.assessment.map(OfficeColours.fill)), Cell(f.ownerName),
                 Cell(l.due(f)), Cell(l.standing(f), fill: OfficeColours.fill(f.signal))]
            }))
        }
        return b
    }

    /// Per ansvarig: what each owner has late (red) and due soon (yellow).
    static func owners(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        var b: [Block] = [.heading(l.perOwner, level: 1)]
        if r.owners.isEmpty { b.append(.paragraph([Run(l.nobodyLate)])) }
        for o in r.owners {
            b.append(.heading(o.ownerName, level: 2))
            var rows: [[Cell]] = [[Cell(l.signal), Cell(l.id), Cell(l.title)]]
            for x in o.overdue { rows.append([Cell(l.late(x.days), fill: OfficeColours.fill(Signal.red)), Cell(x.id), Cell(x.title)]) }
            for x in o.dueSoon {
                rows.append([Cell(l.soon(x), fill: OfficeColours.fill(Signal.yellow)), Cell(x.id), Cell(x.title)])
            }
            b.append(.table(WordDocument.Table(widths: [1.6, 1, 7], rows: rows)))
        }
        return b
    }

    /// Revisionshistorik, Förändringar under perioden and Förskjutna tidplaner, from git.
    static func history(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        let sv = l.sv
        guard let h = r.history else {
            guard let note = r.historyNote else { return [] }
            return [.heading(l.revisionHistory, level: 1), .paragraph([Run(note.text(l.lang))])]
        }
        var b: [Block] = [.heading(l.revisionHistory, level: 1)]
        for w in h.historyWarnings { b.append(.paragraph([Run(w.text(l.lang), italic: true)])) }
        // The same words as the HTML report: how the history is read, and that a period
        // without a version has no new version (not that nothing was committed).
        b.append(.paragraph([Run(HistoryReport.legend(movedGreen: h.movedGreen).text(l.lang), italic: true)]))
        if h.revisions.isEmpty {
            b.append(.paragraph([Run(HistoryReportText.noVersion(h.period, l.lang))]))
        } else {
            b.append(table([1.2, 6, 1.6, 2.2], ["Version", l.title, sv ? "Datum" : "Date", sv ? "Författare" : "Author"],
                           h.revisions.map { [Cell($0.version), Cell($0.description), Cell($0.date.description), Cell($0.author)] }))
        }
        b.append(.heading(l.changes, level: 1))
        let groups = h.changeGroups(l.lang) + [(sv ? "Uppskjutna" : "Postponed", h.postponed)]
        for (title, rows) in groups {
            b.append(.heading("\(title) (\(rows.count))", level: 2))
            if rows.isEmpty { b.append(.paragraph([Run(l.none)])); continue }
            // The columns of the HTML report: what happened (an occurrence, its outcome),
            // the evidence and the day it was registered, or for moves from, to and why.
            let moves = rows.contains { $0.from != nil }
            var headers = [sv ? "Datum" : "Date", l.id, l.title]
            var widths = [1.6, 1, 4.0]
            if moves { headers += [sv ? "Från" : "From", sv ? "Till" : "To", l.reason]; widths += [1.4, 1.4, 3] }
            else { headers += [sv ? "Händelse" : "Event", sv ? "Underlag" : "Evidence"]; widths += [3, 2] }
            headers += [sv ? "Registrerad" : "Registered", sv ? "Författare" : "Author"]
            widths += [1.6, 2]
            b.append(table(widths, headers, rows.map { c in
                var cells = [Cell(c.date.description), Cell(c.shownID(l.lang)), Cell(c.title)]
                if moves { cells += [Cell(HistoryText.token(c.from, l.lang)), Cell(HistoryText.token(c.to, l.lang)), Cell(c.reasonShown(l.lang) ?? "")] }
                else { cells += [Cell(HistoryReportText.what(c, l.lang)), Cell(c.evidence ?? "")] }
                return cells + [Cell(c.registered?.description ?? ""), Cell(c.author)]
            }))
        }
        b.append(.heading(l.slips, level: 1))
        if h.slips.isEmpty {
            b.append(.paragraph([Run(sv ? "Inga tidplaner sköts upp under perioden." : "No deadline moved later in the period.")]))
        } else {
            b.append(.paragraph([Run(HistoryReportText.slipsLead(l.lang))]))
            b.append(table([1, 4, 2, 1.3, 1.3, 1, 1.4], HistoryText.slipHeaders(l.lang), h.slips.map { s in
                HistoryText.slipCells(s, l.lang).enumerated().map { k, c in Cell(c, alignment: k >= 5 ? .right : .left) }
            }))
        }
        return b
    }

    static func foot(_ r: FollowUp, _ l: ReportLabels) -> [Block] {
        [.paragraph([Run([r.organisation, l.asOf(r), "sakerhet"].compactMap { $0 }.joined(separator: " · "), italic: true)])]
    }

    /// A table with one header row.
    static func table(_ widths: [Double], _ headers: [String], _ rows: [[Cell]]) -> Block {
        .table(WordDocument.Table(widths: widths, rows: [headers.map { Cell($0) }] + rows))
    }

    /// The signal word in a cell shaded in its colour.
    static func signalCell(_ s: Signal, _ l: ReportLabels) -> Cell {
        Cell(s.word(l.lang), bold: s == .red, fill: OfficeColours.fill(s))
    }
}
