import FoundationEssentials
import SakerhetCore

/// `sakerhet log`: the history of records, read from git.
enum Log: Command {
    static let name = "log"
    static let spec = CommandSpec(
        name: name,
        summary: Message(
            sv: "Visar hur poster har ändrats enligt git: vem som ändrade vad och när, fält för fält. Med ID visas postens liv, äldst först; utan ID alla ändringar, nyast först. Ändringar som inte är incheckade visas som \"ej incheckat\".",
            en: "Shows how records changed according to git: who changed what and when, field by field. With an ID, the record's life, oldest first; without, every change, newest first. Changes not yet committed are shown as \"uncommitted\"."),
        arguments: [Arg("ID", "ID", Message(sv: "en eller flera poster (A12, D3, R2 …)", en: "one or more records (A12, D3, R2 …)"), .text, optional: true, repeats: true)],
        options: [
            Opt("--since", .deadline, placeholder: Message(sv: "DATUM", en: "DATE"), Message(sv: "bara ändringar från DATUM (2024-03-01, 2024-03, 2024)", en: "only changes from DATE (2024-03-01, 2024-03, 2024)")),
            Opt("--until", .deadline, placeholder: Message(sv: "DATUM", en: "DATE"), Message(sv: "bara ändringar till och med DATUM", en: "only changes up to and including DATE")),
            Opt("--field", .text, placeholder: Message(sv: "FÄLT", en: "FIELD"), Message(sv: "bara ändringar av ett fält, t.ex. due", en: "only changes of one field, e.g. due")),
            Opt("--slips", .flag, Message(sv: "förskjutna tidplaner: poster vars slutdatum flyttats framåt, hur ofta, hur långt och varför",
                                          en: "deadline slips: records whose due date moved later, how often, how far and why")),
            Opt("--format", .choice(["text", "markdown", "json"]), Message(sv: "text (standard), markdown eller json (schema sakerhet.log/1)",
                                                                          en: "text (default), markdown or json (schema sakerhet.log/1)")),
        ],
        examples: ["sakerhet log A12", "sakerhet log --field due --since 2024", "sakerhet log --slips", "sakerhet log --format json D3"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let o = try args.take(spec)
        let format = o.value("--format") ?? "text"
        let since = try date(o.value("--since"), "--since", first: true)
        // A log as of a date (`--as-of`, as every command takes it) ends on that date.
        let until = try date(o.value("--until"), "--until", first: false) ?? (ctx.options.asOf != nil ? try ctx.asOf() : nil)
        let field = o.value("--field")
        let slips = o.flag("--slips")
        var ids: [String] = []
        while let id = args.positional() { ids.append(id) }
        try args.finish(command: name)

        if let since, let until, until < since {
            throw UsageError(sv: "--until (\(until)) ligger före --since (\(since))", en: "--until (\(until)) is before --since (\(since))")
        }
        if let field { try check(field: field, slips: slips) }
        if ctx.isRollup { return try RollupRun.log(ids: ids, since: since, until: until, field: field, slips: slips, format: format, ctx) }
        let (folder, display) = try ctx.dataFolder()
        let history = try GitHistory.read(folder: folder, display: display, only: ids.isEmpty ? nil : Set(ids))
        for id in ids where !history.knownIDs.contains(id) {
            let hint = Suggest.closest(to: id, in: Array(history.knownIDs).sorted())
            throw UsageError(sv: "ingen post med id '\(id)' finns i historiken" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "no record with id '\(id)' in the history" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        }

        let style = format == "text" ? ctx.style : .plain
        if slips {
            let list = Slips.make(history, ids: ids, since: since, until: until)
            let text: String
            switch format {
            case "json": text = HistoryJSON.render(slips: list, ids: ids, since: since, until: until, warnings: history.warnings, lang: ctx.lang)
            case "markdown": text = HistoryMarkdown.render(slips: list, warnings: history.warnings, lang: ctx.lang)
            default: text = HistoryText.render(slips: list, warnings: history.warnings, lang: ctx.lang, style: style)
            }
            try Output.write(text)
            return Exit.ok
        }
        let log = history.log(ids: ids, since: since, until: until, field: field)
        switch format {
        case "json": try Output.write(HistoryJSON.render(log, lang: ctx.lang))
        case "markdown": try Output.write(HistoryMarkdown.render(log, lang: ctx.lang))
        default:
            let text = HistoryText.render(log, lang: ctx.lang, style: style)
            if ids.isEmpty && ctx.isTerminal { try page(text) } else { try Output.write(text) }
        }
        return Exit.ok
    }

    /// A day, or a month, quarter or year: its first day for --since, its last for --until.
    static func date(_ text: String?, _ option: String, first: Bool) throws -> Day? {
        guard let text else { return nil }
        guard let d = Deadline(token: text), d.firstDay != nil, d.lastDay != nil else {
            throw UsageError(sv: "\(option) tar ett datum (2024-03-01), en månad (2024-03) eller ett år (2024), inte '\(text)'",
                             en: "\(option) takes a date (2024-03-01), a month (2024-03) or a year (2024), not '\(text)'")
        }
        return first ? d.firstDay : d.lastDay
    }

    /// A field name some kind has; with --slips only `due` makes sense.
    static func check(field: String, slips: Bool) throws {
        if slips && field != "due" {
            throw UsageError(sv: "--slips gäller fältet due; utelämna --field \(field)", en: "--slips is about the due field; leave out --field \(field)")
        }
        var names: [String] = []
        for k in Kind.allCases { for f in k.fieldOrder where !names.contains(f) { names.append(f) } }
        guard names.contains(field) else {
            let hint = Suggest.closest(to: field, in: names)
            throw UsageError(sv: "okänt fält '\(field)'" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "unknown field '\(field)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        }
    }

    /// Shows `text` through `$PAGER` (default `less -FRX`); writes it directly when the
    /// pager is empty, `cat`, or cannot start.
    static func page(_ text: String) throws {
        let pager = ProcessInfo.processInfo.environment["PAGER"] ?? "less -FRX"
        guard !pager.trimmingSpaces().isEmpty, pager != "cat" else { return try Output.write(text) }
        // The pager may quit before reading everything (q in less); a broken pipe is fine.
        if !Platform.feed(Array(text.utf8), toShellCommand: pager) { try Output.write(text) }
    }
}
