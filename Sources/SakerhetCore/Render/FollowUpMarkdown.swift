/// The follow-up in Markdown for GitHub and GitLab: tables, and the signal as an emoji
/// with the word beside it.
public enum FollowUpMarkdown {
    public static func render(_ r: FollowUp, lang: Lang) -> String {
        let l = ReportLabels(lang: lang)
        var out = "# " + esc(r.title ?? l.followUp) + "\n\n"
        if let o = r.organisation { out += "**" + esc(o) + "**  \n" }
        out += l.asOf(r) + "\n"
        let paper = l.head(r)
        if !paper.isEmpty { out += "\n" + paper.map { "**" + $0.0 + ":** " + esc($0.1) }.joined(separator: "  \n") + "\n" }
        if let note = l.publicNote(r) { out += "\n> " + note + "\n" }
        if let notes = r.headNotes { out += "\n" + HistoryMarkdown.notes(notes, lang).dropLast() }

        out += "\n## \(l.summary)\n\n"
        out += "| | " + Signal.allCases.map { emoji($0) + " " + $0.word(lang) }.joined(separator: " | ") + " | \(l.total) |\n"
        out += "|---|---:|---:|---:|---:|---:|\n"
        for (name, c) in l.countRows(r) {
            out += "| \(name) | \(c.green) | \(c.yellow) | \(c.red) | \(c.grey) | \(c.total) |\n"
        }
        out += "\n**\(l.risks):** " + l.riskCounts(r.summary.risks) + "\n"
        out += "\n### \(l.overdue) (\(r.summary.overdue.count))\n\n"
        out += lineTable(r.summary.overdue, l, days: l.daysLate)
        out += "\n### \(l.dueSoon(r.window)) (\(r.summary.dueSoon.count))\n\n"
        out += lineTable(r.summary.dueSoon, l, days: l.daysLeft)
        out += "\n### \(l.waiting) (\(r.summary.waiting.count))\n\n"
        if r.summary.waiting.isEmpty { out += l.none + "\n" } else {
            out += "| \(l.id) | \(l.title) | \(l.owner) | \(l.reason) |\n|---|---|---|---|\n"
            for w in r.summary.waiting { out += "| \(w.id) | \(esc(w.title)) | \(esc(w.ownerName)) | \(esc(w.reason ?? "")) |\n" }
        }
        if let moved = r.summary.moved {
            out += "\n### \(l.movedOnTime) (\(moved.count))\n\n"
            out += "| \(l.id) | \(l.title) | \(l.owner) | \(l.movedColumn) |\n|---|---|---|---|\n"
            for w in moved { out += "| \(w.id) | \(esc(w.title)) | \(esc(w.ownerName)) | \(esc(l.moveText(w))) |\n" }
        }

        out += "\n### \(l.legend)\n\n" + l.legendLines(r).map { "- " + esc($0).replacingAll("*", with: "\\*") + "\n" }.joined()

        out += "\n## \(l.goals)\n\n| \(l.goal) | \(l.title) | \(l.owner) | \(l.due) | \(l.status) | \(l.signal) | \(l.below) |\n|---|---|---|---|---|---|---|\n"
        for g in r.goals {
            // The goal's reason or note under its deadline, as for a delmål.
            var due = esc(g.dueText)
            if let c = g.shownComment { due += "<br>*" + esc(c) + "*" }
            out += "| \(g.id) | \(esc(g.title)) | \(esc(g.ownerName)) | \(due) | \(status(g.status, g.assumed, l, alias: g.statusAlias)) | \(sig(g.signal, lang)) | \(below(g.below, l)) |\n"
        }
        // Delmål, then an action plan's målområden in a table of their own.
        for (title, rows) in [(l.subgoals, r.subgoals)] + (r.actionAreas.isEmpty ? [] : [(l.actionAreas, r.actionAreas)]) {
            out += "\n## \(title)\n\n| \(l.goal) | \(l.goalNr) | \(l.title) | \(l.doneWhen) | \(l.owner) | \(l.due) | \(l.status) | \(l.signal) | \(l.below) |\n|---|---|---|---|---|---|---|---|---|\n"
            for g in rows {
                var due = esc(g.dueText)
                if let c = g.shownComment { due += "<br>*" + esc(c) + "*" }
                out += "| \(g.parent ?? "–") | \(g.id) | \(esc(g.title)) | \(esc(g.doneWhen ?? "")) | \(esc(g.ownerName)) | \(due) | \(status(g.status, g.assumed, l, alias: g.statusAlias)) | \(sig(g.signal, lang)) | \(below(g.below, l)) |\n"
            }
        }

        out += "\n## \(l.activityList)\n"
        for group in r.activityGroups {
            out += "\n### \(group.goal) \(esc(group.goalTitle))\n\n"
            out += "| \(l.activity) | \(l.start) | \(l.lastDone) | \(l.owner) | \(l.status) | \(l.signal) | \(l.comment) |\n|---|---|---|---|---|---|---|\n"
            for a in group.rows {
                var comment = esc(a.comment ?? "")
                if a.daysLate > 0 { comment = "**" + l.late(a.daysLate) + "**" + (comment.isEmpty ? "" : "<br>" + comment) }
                if let note = a.doneNote { comment = "**" + esc(note) + "**" + (comment.isEmpty ? "" : "<br>" + comment) }
                out += "| \(a.id) \(esc(a.title)) | \(esc(a.startText)) | \(esc(a.dueText)) | \(esc(a.ownerName)) | \(status(a.status, a.assumed, l, alias: a.statusAlias)) | \(sig(a.signal, lang)) | \(comment) |\n"
            }
        }

        if !r.followups.isEmpty {
            out += "\n## \(l.periodFollowups)\n\n| \(l.id) | \(l.title) | \(l.indicator) | \(l.target) | \(l.outcome) | \(l.periodWord) | \(l.followupAssessment) | \(l.analysis) |\n|---|---|---|---|---|---|---|---|\n"
            for f in r.followups {
                let word = (f.signal.map { emoji($0) + " " } ?? "") + l.assessment(f)
                out += "| \(f.id) | \(esc(f.title)) | \(esc(f.indicator ?? "")) | \(esc(f.target ?? "")) | \(esc(f.outcome ?? "")) | \(l.period(f)) | \(esc(word)) | \(esc(f.analysis ?? "")) |\n"
            }
        }

        if !r.risks.isEmpty {
            // The residual risk's column only when the register gives one.
            let residual = r.risks.contains { $0.residualScore != nil }
            out += "\n## \(l.risks)\n\n| \(l.id) | \(l.risk) | \(l.likelihood) | \(l.consequence) | \(l.score) | \(l.level) | \(l.owner) | \(l.status) | \(l.actions) |"
                + (residual ? " \(l.residual) |" : "") + " \(l.review) |\n|---|---|---:|---:|---:|---|---|---|---|" + (residual ? "---|" : "") + "---|\n"
            for k in r.risks {
                let review = (k.review?.description ?? "") + (k.reviewPassed ? " ⚠️ " + l.reviewPassed : "")
                let m = Assumed.score(k.assumed) ? mark(l) : ""
                out += "| \(k.id) | \(esc(k.title)) | \(k.likelihood.map(String.init) ?? "")\(m) | \(k.consequence.map(String.init) ?? "")\(m) | \(k.score.map(String.init) ?? "")\(m) | \(levelEmoji(k.level)) \(k.level?.word(lang) ?? "") | \(esc(k.ownerName)) | \(k.status?.word(lang) ?? "")\(k.assumed.contains("status") ? mark(l) : "") | \(esc(k.actionsText(lang))) |" + (residual ? " \(k.residualText(lang)) |" : "") + " \(review) |\n"
            }
            let n = r.matrix.count
            out += "\n### \(l.riskMatrix)\n\n| \(l.likelihood) ↓ / \(l.consequence) → |" + (1...n).map { " \($0) |" }.joined()
                + "\n|---|" + String(repeating: "---|", count: n) + "\n"
            for li in stride(from: n, through: 1, by: -1) {
                out += "| **\(li)** |" + (1...n).map { c in
                    let ids = r.matrix[li - 1][c - 1]
                    return " " + levelEmoji(r.thresholds.level(li * c)) + (ids.isEmpty ? "" : " " + ids.joined(separator: ", ")) + " |"
                }.joined() + "\n"
            }
        }

        if !r.audits.isEmpty {
            out += "\n## \(l.audits)\n"
            for a in r.audits {
                var head = a.audit
                if let who = a.auditor { head += " (\(who)\(a.year.map { " \($0)" } ?? ""))" }
                out += "\n### \(esc(head))\n\n**" + l.auditCount(a) + "**\n\n"
                out += "| \(l.id) | \(l.recommendation) | \(l.response) | \(l.progress) | \(l.remaining) | \(l.assessment) | \(l.owner) | \(l.lastDone) | \(l.standingHeader) |\n|---|---|---|---|---|---|---|---|---|\n"
                for f in a.rows {
                    let colour = (f.assessment.map { emoji($0.signal) + " " + $0.word(lang) } ?? "") + (Assumed.assessment(f.assumed) ? mark(l) : "")
                    // The kind of finding and its basis, under the recommendation.
                    let about = [f.kind.map { "*" + l.findingKind + ":* " + esc($0) }, f.basis.map { "*" + l.basis + ":* " + esc($0) },
                                 l.planned(f).map { "*" + esc($0) + "*" }, f.doneNote.map { "**" + esc($0) + "**" }].compactMap { $0 }
                    out += "| \(f.id) | \(([esc(f.recommendation)] + about).joined(separator: "<br>")) | \(esc(f.response ?? "")) | \(esc(f.progress ?? "")) | \(esc(f.remaining ?? "")) | \(colour) | \(esc(f.ownerName)) | \(esc(l.due(f))) | \(emoji(f.signal)) \(esc(l.standing(f))) |\n"
                }
            }
        }

        out += "\n## \(l.perOwner)\n\n"
        if r.owners.isEmpty { out += l.nobodyLate + "\n" }
        for o in r.owners {
            out += "### \(esc(o.ownerName))\n\n"
            for x in o.overdue { out += "- \(emoji(.red)) **\(x.id)** \(esc(x.title)) – \(l.late(x.days)) (\(l.due(x)))\n" }
            for x in o.dueSoon { out += "- \(emoji(.yellow)) **\(x.id)** \(esc(x.title)) – \(l.soon(x))\n" }
            out += "\n"
        }
        if let h = r.history { out += HistoryReportMarkdown.render(h, lang: lang) }
        if let note = r.historyNote { out += "\n## \(l.revisionHistory)\n\n" + esc(note.text(lang)) + "\n" }
        // Ids and numbers are written without `esc`: the whole text goes through SafeText once more.
        return SafeText.text(out, lang)
    }

    static func lineTable(_ lines: [FollowUp.Line], _ l: ReportLabels, days: String) -> String {
        if lines.isEmpty { return l.none + "\n" }
        var out = "| \(l.id) | \(l.title) | \(l.owner) | \(l.due) | \(days) |\n|---|---|---|---|---:|\n"
        for x in lines { out += "| \(x.id) | \(esc(x.title)) | \(esc(x.ownerName)) | \(l.due(x)) | \(x.days) |\n" }
        return out
    }

    static func emoji(_ s: Signal) -> String {
        switch s {
        case .green: return "🟢"
        case .yellow: return "🟡"
        case .red: return "🔴"
        case .grey: return "⚪"
        }
    }

    static func levelEmoji(_ l: RiskLevel?) -> String {
        switch l {
        case .low?: return "🟩"
        case .medium?: return "🟨"
        case .high?: return "🟧"
        case .veryHigh?: return "🟥"
        case nil: return ""
        }
    }

    static func sig(_ s: Signal, _ lang: Lang) -> String { emoji(s) + " " + s.word(lang) }

    /// The marker of an assumed value, escaped.
    static func mark(_ l: ReportLabels) -> String { "\\" + l.assumedMark }

    static func status(_ s: Status?, _ assumed: [String], _ l: ReportLabels, alias: String? = nil) -> String {
        l.status(s, alias: alias) + (Assumed.status(assumed) ? mark(l) : "")
    }

    static func below(_ s: Signal?, _ l: ReportLabels) -> String { s.map { sig($0, l.lang) } ?? "–" }

    /// Escapes table-breaking characters and turns line breaks into `<br>`; numbers masked
    /// and controls shown (`SafeText.text`).
    static func esc(_ s: String) -> String {
        // One pass: most values have nothing to mask, show or escape.
        let found = SafeBytes.scan(s)
        if !(found.number || found.control || found.table || found.newline) { return s }
        let s = SafeText.text(s)
        if !s.utf8.contains(where: { $0 == 0x5C || $0 == 0x7C || $0 == 0x3C || $0 == 0x0A }) { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case "\n": out += "<br>"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

extension Assessment {
    /// The traffic light with the same colour.
    public var signal: Signal { self == .green ? .green : self == .yellow ? .yellow : .red }
}
