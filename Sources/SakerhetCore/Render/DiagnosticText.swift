/// Prints diagnostics for people: one per line, `file:line: fel: message (ansvarig: …)`,
/// a blank line between files, then a summary line.
public enum DiagnosticText {
    public static func render(_ diagnostics: [Diagnostic], data: DataSet?, asOf: Day?, lang: Lang, style: Style,
                              scope: OwnerScope? = nil) -> String {
        pieces(diagnostics, data: data, asOf: asOf, lang: lang, style: style, scope: scope).joined()
    }

    /// The same text in pieces, for `Output` to write as they are made: a long list is cut
    /// in parts that are made at the same time (`Pieces`), the summary is the last piece.
    /// `asOf` is nil when the checks that depend on the date were left out (`--no-time`).
    /// `scope` is the owner the diagnostics were kept for (`--owner`): a first line says
    /// whom they cover, and the summary says it is theirs.
    public static func pieces(_ diagnostics: [Diagnostic], data: DataSet?, asOf: Day?, lang: Lang, style: Style,
                              scope: OwnerScope? = nil) -> Pieces {
        let parts = Pieces.cut(diagnostics, weight: { _ in lineWeight })
        let (e, w, n) = diagnostics.counts()
        let head = scope.map { $0.line(lang) + "\n\n" } ?? ""
        let end: @Sendable () -> String = {
            (diagnostics.isEmpty ? "" : "\n") + summary(e, w, n, asOf: asOf, lang: lang, style: style, scope: scope) + "\n"
        }
        // A short list is one piece, made where it is asked for.
        guard parts.count > 1 else { return Pieces([{ head + lines(diagnostics[...], after: nil, data: data, lang: lang, style: style) + end() }]) }
        var makers: [@Sendable () -> String] = head.isEmpty ? [] : [{ head }]
        makers += parts.map { part in
            { lines(part, after: part.startIndex > 0 ? diagnostics[part.startIndex - 1].file : nil, data: data, lang: lang, style: style) }
        }
        makers.append(end)
        return Pieces(makers)
    }

    /// About the bytes of a diagnostic's line: the list is cut by the bytes it makes, so
    /// that a few hundred lines are a part of their own, made while another is written.
    static let lineWeight = 200

    /// The lines of `part`, a blank line between files; `previous` is the file of the
    /// diagnostic before the part, so that a part begins as the whole list would there.
    private static func lines(_ part: ArraySlice<Diagnostic>, after previous: String?, data: DataSet?, lang: Lang, style: Style) -> String {
        var out = ""
        out.reserveCapacity(part.count * lineWeight)
        var lastFile = previous
        var shown = Shown()
        for d in part {
            if let lastFile, lastFile != d.file { out += "\n" }
            lastFile = d.file
            line(d, data: data, lang: lang, style: style, indent: 0, shown: &shown, into: &out)
            out += "\n"
        }
        return out
    }

    /// What the lines of a list share, made safe to show once: the path of the last file,
    /// and the owners' names (a list of thousands of lines names a few dozen owners).
    struct Shown {
        private var file: (path: String, shown: String)?
        /// By a diagnostic's owner and co-owners (no list is made for the one owner most
        /// diagnostics have).
        private var owners: [OwnerKey: String] = [:]

        private struct OwnerKey: Hashable {
            let owner: String?
            let coOwners: [String]?
        }

        mutating func file(_ path: String, _ lang: Lang) -> String {
            if let file, file.path == path { return file.shown }
            let shown = SafeText.text(path, lang)
            file = (path, shown)
            return shown
        }

        mutating func owners(_ d: Diagnostic, data: DataSet?, lang: Lang) -> String {
            let key = OwnerKey(owner: d.owner, coOwners: d.coOwners)
            if let name = owners[key] { return name }
            let name = SafeText.text(fewNames(d.owners, lang) { data?.ownerName($0) ?? $0 }, lang)
            owners[key] = name
            return name
        }
    }

    /// One diagnostic; on a terminal (or with COLUMNS) wrapped to the width, further lines
    /// indented by four, `indent` blanks before each line.
    public static func line(_ d: Diagnostic, data: DataSet?, lang: Lang, style: Style, indent: Int = 0) -> String {
        var shown = Shown()
        return line(d, data: data, lang: lang, style: style, indent: indent, shown: &shown)
    }

    static func line(_ d: Diagnostic, data: DataSet?, lang: Lang, style: Style, indent: Int, shown: inout Shown) -> String {
        var s = ""
        line(d, data: data, lang: lang, style: style, indent: indent, shown: &shown, into: &s)
        return s
    }

    /// The same, appended to `out`: a line that is not fitted to a terminal (the usual, in a
    /// file or a CI log) is written straight into it, with no string of its own.
    static func line(_ d: Diagnostic, data: DataSet?, lang: Lang, style: Style, indent: Int, shown: inout Shown, into out: inout String) {
        guard style.fitted else {
            if indent > 0 { out += String(repeating: " ", count: indent) }
            rawLine(d, data: data, lang: lang, style: style, shown: &shown, into: &out)
            return
        }
        out += fitted(d, data: data, lang: lang, style: style, indent: indent, shown: &shown)
    }

    /// The line wrapped to the terminal's width, further lines indented by four.
    private static func fitted(_ d: Diagnostic, data: DataSet?, lang: Lang, style: Style, indent: Int, shown: inout Shown) -> String {
        let coloured = rawLine(d, data: data, lang: lang, style: style, shown: &shown)
        let plain = style.color ? rawLine(d, data: data, lang: lang, style: Style(color: false), shown: &shown) : coloured
        let pad = String(repeating: " ", count: indent)
        guard plain.unicodeScalars.count + indent > style.width else { return pad + coloured }
        var lines = TextTable.wrap(plain, style.width - indent)
        if lines.count > 1 { lines = [lines[0]] + TextTable.wrap(lines.dropFirst().joined(separator: " "), style.width - indent - 4).map { "    " + $0 } }
        // The severity word is on the first line: coloured there as in the unwrapped line.
        let word = d.severity.word(lang) + ":"
        if style.color, let r = lines[0].scalarRange(of: " " + word) {
            lines[0].replaceSubrange(r, with: " " + style.severity(d.severity, d.severity.word(lang)) + ":")
        }
        return lines.map { pad + $0 }.joined(separator: "\n")
    }

    static func rawLine(_ d: Diagnostic, data: DataSet?, lang: Lang, style: Style, shown: inout Shown) -> String {
        var s = ""
        rawLine(d, data: data, lang: lang, style: style, shown: &shown, into: &s)
        return s
    }

    /// The same, appended to `s`.
    static func rawLine(_ d: Diagnostic, data: DataSet?, lang: Lang, style: Style, shown: inout Shown, into s: inout String) {
        // The path too: a folder's name may hold an escape or a number.
        s += shown.file(d.file, lang)
        s += ":\(d.line):"
        if let c = d.column { s += "\(c):" }
        // The message may quote a value or a record id: masked and made visible here, for every check.
        // One diagnostic is one line: a line break a message quotes (a value of several lines)
        // is shown as \n, so that no value of the data starts a line of its own (a forged
        // diagnostic, or a CI runner's `::error` command).
        s += " "
        s += style.severity(d.severity, d.severity.word(lang))
        s += ": "
        s += SafeText.oneLineText(d.message.text(lang), lang)
        if d.owner != nil {
            let name = shown.owners(d, data: data, lang: lang)
            let open = lang == .sv ? " (ansvarig: " : " (owner: "
            // Without colour, straight into the line: no string of its own per line.
            if style.color { s += style.dim(open + name + ")") } else { s += open; s += name; s += ")" }
        }
    }

    /// "2 fel, 1 varning, 3 notiser (per 2024-11-04)" or "Inga problem (per …)"; with no
    /// date (`--no-time`), "(utan datumkontroller)": no check judged the date then. Kept
    /// for one owner (`scope`), the summary says so: "Inga problem för sf och 2 ansvariga
    /// under (per …)".
    public static func summary(_ diagnostics: [Diagnostic], asOf: Day?, lang: Lang, style: Style, scope: OwnerScope? = nil) -> String {
        let (e, w, n) = diagnostics.counts()
        return summary(e, w, n, asOf: asOf, lang: lang, style: style, scope: scope)
    }

    /// The same from the counts of errors, warnings and notices.
    static func summary(_ e: Int, _ w: Int, _ n: Int, asOf: Day?, lang: Lang, style: Style, scope: OwnerScope? = nil) -> String {
        let when = (scope?.summaryPhrase(lang) ?? "")
            + (asOf.map { lang == .sv ? " (per \($0))" : " (as of \($0))" } ?? (lang == .sv ? " (utan datumkontroller)" : " (without the date checks)"))
        if e + w + n == 0 {
            return style.green(lang == .sv ? "Inga problem" : "No problems") + when
        }
        let parts: [String]
        if lang == .sv {
            parts = ["\(e) fel", "\(w) \(w == 1 ? "varning" : "varningar")", "\(n) \(n == 1 ? "notis" : "notiser")"]
        } else {
            parts = ["\(e) \(e == 1 ? "error" : "errors")", "\(w) \(w == 1 ? "warning" : "warnings")", "\(n) \(n == 1 ? "notice" : "notices")"]
        }
        let text = parts.joined(separator: ", ") + when
        return e > 0 ? style.severity(.error, text) : text
    }
}

extension DiagnosticText {
    /// Grouped per owner, each under the owner's name; problems without an owner last.
    public static func renderByOwner(_ diagnostics: [Diagnostic], data: DataSet, asOf: Day?, lang: Lang, style: Style,
                                     scope: OwnerScope? = nil) -> String {
        var out = scope.map { $0.line(lang) + "\n\n" } ?? ""
        var groups: [String: [Diagnostic]] = [:]
        // A record with several owners is listed under each of them.
        for d in diagnostics { for o in d.owner == nil ? [""] : d.owners { groups[o, default: []].append(d) } }
        let order = data.owners.map(\.id).filter { groups[$0] != nil } + groups.keys.filter { k in !k.isEmpty && data.owner(k) == nil }.sorted()
        for id in order + (groups[""] != nil ? [""] : []) {
            let title = id.isEmpty ? (lang == .sv ? "Utan ansvarig" : "No owner") : SafeText.text("\(data.ownerName(id)) (\(id))", lang)
            out += style.bold(title) + "\n"
            for d in groups[id]! { out += line(d, data: nil, lang: lang, style: style, indent: 2) + "\n" }
            out += "\n"
        }
        return out + summary(diagnostics, asOf: asOf, lang: lang, style: style, scope: scope) + "\n"
    }
}
