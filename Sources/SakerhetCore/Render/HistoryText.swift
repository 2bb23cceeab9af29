/// `sakerhet log` for the terminal: entries with a header line (date, commit, author,
/// subject) and one line per change; and the deadline slips.
public enum HistoryText {
    public static func render(_ log: HistoryLog, lang: Lang, style: Style) -> String {
        let sv = lang == .sv
        var out = notes(log.warnings, lang)
        if !log.ids.isEmpty {
            for r in log.records {
                out += style.bold(SafeText.text(r.id + (r.title.isEmpty ? "" : " " + r.title), lang)) + " (\(r.kind.word(lang)))\n"
            }
            if !log.records.isEmpty { out += "\n" }
        }
        if log.entries.isEmpty {
            out += (sv ? "Inga ändringar hittades." : "No changes found.") + "\n"
            return out
        }
        // One record asked for: its header names it. More, or one id that two records had:
        // each change names its record.
        let showIDs = log.ids.count != 1 || log.records.count > 1
        for (i, e) in log.entries.enumerated() {
            if i > 0 { out += "\n" }
            out += header(e.revision, lang, style) + "\n"
            for c in e.changes {
                out += "  " + SafeText.text((showIDs && c.action != .unparseable ? c.id + "  " : "") + then(c, lang) + describe(c, lang), lang) + "\n"
            }
        }
        return out
    }

    /// "(då A5) " for a change made before the record was given its id now; "" otherwise.
    static func then(_ c: RecordChange, _ lang: Lang) -> String {
        c.idThen.map { (lang == .sv ? "(då " : "(then ") + $0 + ") " } ?? ""
    }

    /// The deadline slips, most days first.
    public static func render(slips: [Slip], warnings: [Message], lang: Lang, style: Style) -> String {
        let sv = lang == .sv
        var out = notes(warnings, lang)
        guard !slips.isEmpty else {
            return out + (sv ? "Inga förskjutna tidplaner." : "No deadline slips.") + "\n"
        }
        out += style.bold(sv ? "Förskjutna tidplaner (\(slips.count))" : "Deadline slips (\(slips.count))") + "\n"
        for s in slips {
            out += "\n" + style.bold(SafeText.text(s.id, lang)) + SafeText.text((s.title.isEmpty ? "" : " " + clip(SafeText.text(s.title, lang), 70))
                + (s.owner.map { " (\($0))" } ?? ""), lang) + "\n"
            out += "  " + summary(s, lang) + "\n"
            for m in s.moves { out += "  " + SafeText.text(move(m, lang), lang) + "\n" }
        }
        return out
    }

    // MARK: Pieces, shared with the Markdown renderer

    static func notes(_ warnings: [Message], _ lang: Lang, width: Int? = nil) -> String {
        warnings.map { w in
            // A warning may name records by id: made visible, as every value from the data.
            let note = (lang == .sv ? "Obs: " : "Note: ") + SafeText.text(w.text(lang), lang)
            return (width.map { TextTable.wrap(note, $0).joined(separator: "\n") } ?? note) + "\n"
        }.joined() + (warnings.isEmpty ? "" : "\n")
    }

    static func header(_ r: Revision?, _ lang: Lang, _ style: Style) -> String {
        guard let r else { return style.bold(uncommitted(lang)) }
        return style.bold(r.date.description) + "  " + style.dim(r.short) + "  " + SafeText.text(r.author + "  " + r.subject, lang)
            + (r.authoredDay.map { style.dim("  (" + authored(lang) + " \($0))") } ?? "")
    }

    static func uncommitted(_ lang: Lang) -> String { lang == .sv ? "ej incheckat" : "uncommitted" }

    /// Before the author date of a commit written on another day than it was committed.
    static func authored(_ lang: Lang) -> String { lang == .sv ? "skriven" : "authored" }

    /// `due: 2024-05 → 2024-09`, `skapad: Titel`, `data/x.rec: ej tolkningsbar, rad 3: …`.
    /// Values are cut at `clipAt` characters, titles 20 later.
    static func describe(_ c: RecordChange, _ lang: Lang, clipAt: Int = 60) -> String {
        let sv = lang == .sv
        switch c.action {
        case .created: return (sv ? "skapad" : "created") + (c.title.map { ": " + clip(flat(SafeText.text($0, lang)), clipAt + 20) } ?? "")
        case .removed: return (sv ? "borttagen" : "removed") + (c.title.map { ": " + clip(flat(SafeText.text($0, lang)), clipAt + 20) } ?? "")
        case .changed:
            var line = (c.field ?? "") + ": " + value(c.old, lang, clipAt) + " → " + value(c.new, lang, clipAt)
            if let o = c.occurrence { line += " (" + occurrence(o, lang) + ")" }
            return line
        case .unparseable:
            let line = c.line.map { sv ? ", rad \($0)" : ", line \($0)" } ?? ""
            return SafeText.text(c.path + ": " + (sv ? "ej tolkningsbar" : "unparseable") + line + (c.message.map { ": " + $0.text(lang) } ?? ""), lang)
        }
    }

    /// "tillfälle 2026-Q1 klart 2026-03-20, utan anmärkning" (the history report's words).
    static func occurrence(_ o: Occurrence, _ lang: Lang) -> String { HistoryReport.Words(lang).occurrence(o) }

    static func value(_ v: String?, _ lang: Lang, _ clipAt: Int) -> String {
        guard let v else { return lang == .sv ? "(tomt)" : "(empty)" }
        return clip(flat(SafeText.text(v, lang)), clipAt)
    }

    /// "flyttad 2 gånger, totalt 153 dagar"; ", netto 0 dagar" when it was moved back after;
    /// "slutdatumet nu okänt" when it is `?`.
    static func summary(_ s: Slip, _ lang: Lang) -> String {
        let sv = lang == .sv
        let times = sv ? (s.count == 1 ? "1 gång" : "\(s.count) gånger") : (s.count == 1 ? "once" : "\(s.count) times")
        let moved = sv ? "flyttad \(times), " : "moved \(times), "
        if s.isStanding { return moved + (sv ? "nu löpande, utan slutdatum" : "now ongoing, with no deadline") }
        if s.isOpenEnded { return moved + (sv ? "slutdatumet nu okänt" : "the deadline now unknown") }
        return moved + (sv ? "totalt " : "in total ") + days(s.totalDays, lang) + net(s, lang) + occurrences(s, lang)
    }

    /// "; 2 tillfällen klara sedan dess": why the deadline now is further on than the moves
    /// took it, for a recurring activity (`Slip.occurrencesDone`).
    static func occurrences(_ s: Slip, _ lang: Lang) -> String {
        let n = s.occurrencesDone
        guard n > 0 else { return "" }
        if lang == .sv { return n == 1 ? "; 1 tillfälle klart sedan dess" : "; \(n) tillfällen klara sedan dess" }
        return n == 1 ? "; 1 occurrence done since" : "; \(n) occurrences done since"
    }

    /// ", netto 0 dagar" when the deadline now is not as far as the moves took it.
    static func net(_ s: Slip, _ lang: Lang) -> String {
        guard let n = s.netDays, n != s.totalDays else { return "" }
        if n < 0 { return (lang == .sv ? ", netto " : ", net ") + days(-n, lang) + (lang == .sv ? " tidigare" : " earlier") }
        return (lang == .sv ? ", netto " : ", net ") + days(n, lang)
    }

    /// The columns of a table of slips, in every format: the deadline before the first
    /// move, the deadline now, the moves and their days.
    static func slipHeaders(_ lang: Lang) -> [String] {
        lang == .sv ? ["Post", "Titel", "Ansvarig", "Från", "Nu", "Antal", "Dagar totalt"]
                    : ["Record", "Title", "Owner", "From", "Now", "Moves", "Total days"]
    }

    static func slipCells(_ s: Slip, _ lang: Lang) -> [String] {
        [s.id, s.title, s.owner ?? "", token(s.from, lang), token(s.to, lang), String(s.count), totalCell(s, lang)]
    }

    /// "153", "61 (netto 0)", or "?" when the deadline is now unknown.
    static func totalCell(_ s: Slip, _ lang: Lang) -> String {
        if s.isOpenEnded { return "?" }
        guard let n = s.netDays, n != s.totalDays else { return String(s.totalDays) }
        return "\(s.totalDays) (" + (lang == .sv ? "netto " : "net ") + "\(n))"
    }

    /// "2024-03-01  Bo Ek: 2024-05 → 2024-09 (+122 dagar) – Inväntar beslut".
    static func move(_ m: Slip.Move, _ lang: Lang) -> String {
        let sv = lang == .sv
        let who = m.revision.map { $0.date.description + "  " + $0.author } ?? uncommitted(lang)
        let d = m.days.map { "+" + days($0, lang) } ?? (sv ? "okänt antal dagar" : "unknown days")
        return who + ": " + token(m.from, lang) + " → " + token(m.to, lang) + " (" + d + ")" + (m.reasonShown(lang).map { " – " + clip(flat(SafeText.text($0, lang)), m.afterDeadline ? 140 : 70) } ?? "")
    }

    /// A deadline token of the history as a reader of `lang` reads it: the stored word for
    /// standing work (`löpande`) is "ongoing" in English, as the tables say; every other
    /// token is the same in both languages. JSON keeps the token.
    static func token(_ t: String, _ lang: Lang) -> String {
        lang == .en && Deadline.standingWords.contains(t) ? "ongoing" : t
    }

    static func token(_ t: String?, _ lang: Lang) -> String { t.map { token($0, lang) } ?? "" }

    static func days(_ n: Int, _ lang: Lang) -> String {
        lang.days(n)
    }

    /// A value on one line: continuation lines joined by a space. The lines are made
    /// strings first, so that the join is the concrete one for arrays of strings
    /// (`StringOps.swift`): substrings' goes through generic code whose first call scanned
    /// the binary's conformances.
    static func flat(_ s: String) -> String { s.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).joined(separator: " ") }

    /// `s` cut to `n` characters with an ellipsis, at a blank in its second half when there
    /// is one (a date or a word is not cut in the middle).
    static func clip(_ s: String, _ n: Int) -> String {
        guard s.count > n else { return s }
        let head = SafeText.head(s, n - 1)
        if s.dropFirst(n - 1).first == " " { return String(head) + "…" }
        if let blank = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: blank) >= n / 2 { return String(head[..<blank]) + " …" }
        return String(head) + "…"
    }
}
