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
        out += HistoryText.notes(r.warnings, lang)
        if r.revisions.isEmpty {
            out += (sv ? "Inga incheckningar av datamappen under perioden \(r.period.label)."
                       : "No commits to the data folder in the period \(r.period.label).") + "\n"
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
                var line = "  " + c.date.description + "  " + c.id + "  " + HistoryText.clip(HistoryText.flat(SafeText.text(c.title, lang)), 50)
                if let from = c.from, let to = c.to {
                    line += ": " + from + " → " + to + (c.days.map { " (+" + HistoryText.days($0, lang) + ")" } ?? "")
                }
                out += SafeText.text(line + "  (" + c.author + ")", lang) + "\n"
            }
        }
        list(sv ? "Tillagda" : "Added", r.added)
        out += "\n"
        list(sv ? "Klara" : "Closed", r.closed)
        out += "\n"
        list(sv ? "Strukna" : "Cancelled", r.cancelled)
        out += "\n"
        list(sv ? "Uppskjutna" : "Postponed", r.postponed)

        heading(sv ? "Förskjutna tidplaner" : "Deadline slips")
        if r.slips.isEmpty { out += (sv ? "Inga tidplaner sköts upp under perioden." : "No deadline moved later in the period.") + "\n" }
        for (i, s) in r.slips.enumerated() {
            if i > 0 { out += "\n" }
            out += style.bold(SafeText.text(s.id, lang)) + SafeText.text((s.title.isEmpty ? "" : " " + HistoryText.clip(HistoryText.flat(SafeText.text(s.title, lang)), 70))
                + (s.owner.map { " (\($0))" } ?? ""), lang) + "\n"
            out += "  " + HistoryText.summary(s, lang) + "\n"
            for m in s.moves { out += "  " + SafeText.text(HistoryText.move(m, lang), lang) + "\n" }
        }
        return out
    }
}

public enum HistoryReportMarkdown {
    public static func render(_ r: HistoryReport, lang: Lang) -> String {
        let sv = lang == .sv
        let row = HistoryMarkdown.row
        var out = "\n## " + (sv ? "Revisionshistorik" : "Revision history") + "\n\n" + HistoryMarkdown.notes(r.warnings, lang)
        if r.revisions.isEmpty {
            out += (sv ? "Inga incheckningar av datamappen under perioden \(r.period.label)."
                       : "No commits to the data folder in the period \(r.period.label).") + "\n"
        } else {
            out += row(sv ? ["Version", "Beskrivning", "Datum", "Författare"] : ["Version", "Description", "Date", "Author"])
            out += "|---|---|---|---|\n"
            for v in r.revisions { out += row([v.version, v.description, v.date.description, v.author]) }
        }

        out += "\n## " + (sv ? "Förändringar under perioden" : "Changes in the period") + "\n"
        func table(_ title: String, _ rows: [HistoryReport.ChangeRow]) {
            out += "\n### " + title + " (\(rows.count))\n\n"
            guard !rows.isEmpty else { out += (sv ? "Inga." : "None.") + "\n"; return }
            out += row(sv ? ["Datum", "Post", "Titel", "Författare"] : ["Date", "Record", "Title", "Author"])
            out += "|---|---|---|---|\n"
            for c in rows { out += row([c.date.description, c.id, c.title, c.author]) }
        }
        table(sv ? "Tillagda" : "Added", r.added)
        table(sv ? "Klara" : "Closed", r.closed)
        table(sv ? "Strukna" : "Cancelled", r.cancelled)
        out += "\n### " + (sv ? "Uppskjutna" : "Postponed") + " (\(r.postponed.count))\n\n"
        if r.postponed.isEmpty {
            out += (sv ? "Inga." : "None.") + "\n"
        } else {
            out += row(sv ? ["Datum", "Post", "Titel", "Från", "Till", "Dagar", "Orsak", "Författare"]
                          : ["Date", "Record", "Title", "From", "To", "Days", "Reason", "Author"])
            out += "|---|---|---|---|---|--:|---|---|\n"
            for c in r.postponed {
                out += row([c.date.description, c.id, c.title, c.from ?? "", c.to ?? "", c.days.map { "+\($0)" } ?? "?",
                            c.reason ?? "", c.author])
            }
        }

        out += "\n## " + (sv ? "Förskjutna tidplaner" : "Deadline slips") + "\n\n"
        if r.slips.isEmpty {
            out += (sv ? "Inga tidplaner sköts upp under perioden." : "No deadline moved later in the period.") + "\n"
        } else {
            out += row(sv ? ["Post", "Titel", "Ansvarig", "Antal", "Dagar totalt"] : ["Record", "Title", "Owner", "Moves", "Total days"])
            out += "|---|---|---|--:|--:|\n"
            for s in r.slips { out += row([s.id, s.title, s.owner ?? "", String(s.count), String(s.totalDays)]) }
        }
        return out
    }
}
