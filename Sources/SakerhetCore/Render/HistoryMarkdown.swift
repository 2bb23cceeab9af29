/// `sakerhet log --format markdown`: one table row per change, for a wiki or an issue.
public enum HistoryMarkdown {
    public static func render(_ log: HistoryLog, lang: Lang) -> String {
        let sv = lang == .sv
        var title = sv ? "Historik" : "History"
        if log.ids.count == 1, log.records.count == 1, let r = log.records.first {
            title += (sv ? " för " : " of ") + r.id + (r.title.isEmpty ? "" : " " + r.title)
        } else if !log.ids.isEmpty {
            title += (sv ? " för " : " of ") + log.ids.joined(separator: ", ")
        }
        var out = "# " + cell(title) + "\n\n" + notes(log.warnings, lang)
        if log.entries.isEmpty {
            return out + (sv ? "Inga ändringar hittades." : "No changes found.") + "\n"
        }
        out += row(sv ? ["Datum", "Incheckning", "Författare", "Beskrivning", "Post", "Ändring"]
                      : ["Date", "Commit", "Author", "Description", "Record", "Change"])
        out += "|---|---|---|---|---|---|\n"
        for e in log.entries {
            let who: [String] = e.revision.map { r in
                [r.date.description + (r.authoredDay.map { " (" + HistoryText.authored(lang) + " \($0))" } ?? ""), "`" + r.short + "`", r.author, r.subject]
            }
                ?? [HistoryText.uncommitted(lang), "", "", ""]
            for c in e.changes {
                out += row(who + [c.action == .unparseable ? "" : c.id, HistoryText.then(c, lang) + HistoryText.describe(c, lang, clipAt: 200)])
            }
        }
        return out
    }

    public static func render(slips: [Slip], warnings: [Message], lang: Lang) -> String {
        let sv = lang == .sv
        var out = "# " + (sv ? "Förskjutna tidplaner" : "Deadline slips") + "\n\n" + notes(warnings, lang)
        guard !slips.isEmpty else {
            return out + (sv ? "Inga förskjutna tidplaner." : "No deadline slips.") + "\n"
        }
        out += row(HistoryText.slipHeaders(lang))
        out += "|---|---|---|---|---|--:|--:|\n"
        for s in slips { out += row(HistoryText.slipCells(s, lang)) }
        out += "\n" + row(sv ? ["Post", "Datum", "Författare", "Från", "Till", "Dagar", "Orsak"]
                             : ["Record", "Date", "Author", "From", "To", "Days", "Reason"])
        out += "|---|---|---|---|---|--:|---|\n"
        for s in slips {
            for m in s.moves {
                out += row([s.id, m.revision?.date.description ?? HistoryText.uncommitted(lang), m.revision?.author ?? "",
                            HistoryText.token(m.from, lang), HistoryText.token(m.to, lang), m.days.map { "+\($0)" } ?? "?", m.reasonShown(lang) ?? ""])
            }
        }
        return out
    }

    static func notes(_ warnings: [Message], _ lang: Lang) -> String {
        warnings.map { "> **" + (lang == .sv ? "Obs:" : "Note:") + "** " + cell($0.text(lang)) + "\n\n" }.joined()
    }

    static func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |\n" }

    /// A table cell: one line, pipes escaped.
    static func cell(_ s: String) -> String {
        var out = ""
        for ch in HistoryText.flat(SafeText.text(s)) {
            if ch == "|" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
