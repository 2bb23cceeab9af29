/// The history sections of the follow-up (`HistoryReport`) as text and as Markdown, for
/// the report's renderers to append: Revisionshistorik, Förändringar under perioden,
/// Förskjutna tidplaner. Each section starts with a blank line and its heading.
public enum HistoryReportText {
    public static func render(_ r: HistoryReport, lang: Lang, style: Style) -> String {
        let sv = lang == .sv
        var out = ""
        func heading(_ s: String) { out += "\n" + style.bold(s.uppercased()) + "\n\n" }
        func none() { out += "  " + (sv ? "Inga." : "None.") + "\n" }

        heading(sv ? "Revisionshistorik" : "Revision history")
        out += HistoryText.notes(r.historyWarnings, lang, width: style.width)
        out += TextTable.wrap(HistoryReport.legend(movedGreen: r.movedGreen).text(lang), style.width).joined(separator: "\n") + "\n\n"
        if r.revisions.isEmpty {
            out += TextTable.wrap(HistoryReportText.noVersion(r.period, lang), style.width).joined(separator: "\n") + "\n"
        } else {
            var t = TextTable([.init("Version", 10), .init(sv ? "Beskrivning" : "Description", 46),
                               .init(sv ? "Datum" : "Date", 10), .init(sv ? "Författare" : "Author", 22)], lang: lang)
            for row in r.revisions { t.add([row.version, row.description, row.date.description, row.author]) }
            out += t.render(style: style)
        }

        heading(sv ? "Förändringar under perioden" : "Changes in the period")
        func list(_ title: String, _ rows: [HistoryReport.ChangeRow]) {
            out += style.bold(title + " (\(rows.count))") + "\n"
            if rows.isEmpty { none() }
            for c in rows {
                var line = "  " + c.date.description + "  " + c.shownID(lang) + "  " + HistoryText.clip(HistoryText.flat(SafeText.text(c.title, lang)), 50)
                if let from = c.from, let to = c.to {
                    line += ": " + HistoryText.token(from, lang) + " → " + HistoryText.token(to, lang) + (c.days.map { " (+" + HistoryText.days($0, lang) + ")" } ?? "")
                    if let why = c.reasonShown(lang) { line += " – " + HistoryText.clip(HistoryText.flat(SafeText.text(why, lang)), c.afterDeadlineWithoutReason == true ? 130 : 60) }
                } else if c.occurrence != nil || c.reopenedFrom != nil {
                    line += ": " + HistoryReportText.what(c, lang)
                }
                if let e = c.evidence { line += (sv ? "; underlag: " : "; evidence: ") + HistoryText.clip(HistoryText.flat(SafeText.text(e, lang)), 60) }
                out += TextTable.hanging(SafeText.text(line + "  (" + HistoryReportText.registered(c, lang) + c.author + ")", lang), width: style.width) + "\n"
            }
        }
        for (title, rows) in r.changeGroups(lang) {
            list(title, rows)
            out += "\n"
        }
        list(sv ? "Uppskjutna" : "Postponed", r.postponed)

        heading(sv ? "Förskjutna tidplaner" : "Deadline slips")
        // One line a record (where its deadline went in the period, how often, how far);
        // each move, with its date, author and reason, is under Uppskjutna above.
        if r.slips.isEmpty { out += (sv ? "Inga tidplaner sköts upp under perioden." : "No deadline moved later in the period.") + "\n" }
        else {
            out += TextTable.wrap(HistoryReportText.slipsLead(lang), style.width).joined(separator: "\n") + "\n\n"
        }
        for s in r.slips {
            let span = s.moves.isEmpty ? "" : HistoryText.token(s.from, lang) + " → " + HistoryText.token(s.to, lang) + ", "
            out += TextTable.hanging("  " + style.bold(SafeText.text(s.id, lang)) + SafeText.text((s.title.isEmpty ? "" : " " + HistoryText.clip(HistoryText.flat(SafeText.text(s.title, lang)), 60))
                + (s.owner.map { " (\($0))" } ?? "") + ": " + span + HistoryText.summary(s, lang), lang), width: style.width + (style.color ? 8 : 0)) + "\n"
        }
        return out
    }
}

extension HistoryReportText {
    /// "Ingen ny version av planen under perioden 2026."
    static func noVersion(_ p: FollowUp.Period, _ lang: Lang) -> String {
        lang == .sv ? "Ingen ny version av planen under perioden \(p.label) (en version är en annoterad git-tagg eller en ändring av version i config.rec)."
            : "No new version of the plan in the period \(p.label) (a version is an annotated git tag or a change of version in config.rec)."
    }

    /// For an occurrence: "tillfälle 2026-Q1 klart 2026-03-20, utan anmärkning"; otherwise empty
    /// (the section says what happened).
    static func what(_ c: HistoryReport.ChangeRow, _ lang: Lang) -> String {
        if let was = c.reopenedFrom { return HistoryReport.Words(lang).reopened(was: was) }
        guard let period = c.occurrence else { return "" }
        return HistoryReport.Words(lang).occurrence(Occurrence(period: period, done: c.date, outcome: c.outcome))
    }

    /// "registrerad 2026-04-01, " when the commit came after the date of record.
    static func registered(_ c: HistoryReport.ChangeRow, _ lang: Lang) -> String {
        guard let r = c.registered, r != c.date else { return "" }
        return (lang == .sv ? "registrerad " : "registered ") + r.description + ", "
    }
}

public enum HistoryReportMarkdown {
    public static func render(_ r: HistoryReport, lang: Lang) -> String {
        let sv = lang == .sv
        let row = HistoryMarkdown.row
        var out = "\n## " + (sv ? "Revisionshistorik" : "Revision history") + "\n\n" + HistoryMarkdown.notes(r.historyWarnings, lang)
        out += "*" + HistoryReport.legend(movedGreen: r.movedGreen).text(lang) + "*\n\n"
        if r.revisions.isEmpty {
            out += HistoryReportText.noVersion(r.period, lang) + "\n"
        } else {
            out += row(sv ? ["Version", "Beskrivning", "Datum", "Författare"] : ["Version", "Description", "Date", "Author"])
            out += "|---|---|---|---|\n"
            for v in r.revisions { out += row([v.version, v.description, v.date.description, v.author]) }
        }

        out += "\n## " + (sv ? "Förändringar under perioden" : "Changes in the period") + "\n"
        func table(_ title: String, _ rows: [HistoryReport.ChangeRow]) {
            out += "\n### " + title + " (\(rows.count))\n\n"
            guard !rows.isEmpty else { out += (sv ? "Inga." : "None.") + "\n"; return }
            out += row(sv ? ["Datum", "Post", "Titel", "Händelse", "Underlag", "Registrerad", "Författare"]
                          : ["Date", "Record", "Title", "Event", "Evidence", "Registered", "Author"])
            out += "|---|---|---|---|---|---|---|\n"
            for c in rows {
                out += row([c.date.description, c.shownID(lang), c.title, HistoryReportText.what(c, lang), c.evidence ?? "",
                            c.registered?.description ?? "", c.author])
            }
        }
        for (title, rows) in r.changeGroups(lang) { table(title, rows) }
        out += "\n### " + (sv ? "Uppskjutna" : "Postponed") + " (\(r.postponed.count))\n\n"
        if r.postponed.isEmpty {
            out += (sv ? "Inga." : "None.") + "\n"
        } else {
            out += row(sv ? ["Datum", "Post", "Titel", "Från", "Till", "Dagar", "Orsak", "Författare"]
                          : ["Date", "Record", "Title", "From", "To", "Days", "Reason", "Author"])
            out += "|---|---|---|---|---|--:|---|---|\n"
            for c in r.postponed {
                out += row([c.date.description, c.shownID(lang), c.title, HistoryText.token(c.from, lang), HistoryText.token(c.to, lang), c.days.map { "+\($0)" } ?? "?",
                            c.reasonShown(lang) ?? "", c.author])
            }
        }

        out += "\n## " + (sv ? "Förskjutna tidplaner" : "Deadline slips") + "\n\n"
        if r.slips.isEmpty {
            out += (sv ? "Inga tidplaner sköts upp under perioden." : "No deadline moved later in the period.") + "\n"
        } else {
            out += HistoryReportText.slipsLead(lang) + "\n\n"
            out += row(HistoryText.slipHeaders(lang))
            out += "|---|---|---|---|---|--:|--:|\n"
            for s in r.slips { out += row(HistoryText.slipCells(s, lang)) }
        }
        return out
    }
}

extension HistoryReportText {
    /// What Förskjutna tidplaner adds to Uppskjutna, said above it in every format: one line
    /// per record, not per move.
    public static func slipsLead(_ lang: Lang) -> String {
        lang == .sv ? "En rad per post: slutdatumet vid periodens början → nu, hur många gånger och hur långt det flyttats. Varje flytt, med datum och anledning, står under Uppskjutna."
                    : "One line per record: the deadline at the start of the period → now, how many times and how far it moved. Each move, with its date and reason, is under Postponed."
    }
}
