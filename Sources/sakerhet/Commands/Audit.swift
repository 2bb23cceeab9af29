import SakerhetCore

/// `sakerhet audit`: validates the data folder and flags late work.
enum Audit: Command {
    static let name = "audit"
    static let spec = CommandSpec(
        name: name,
        summary: Message(
            sv: "Kontrollerar alla poster och flaggar det som är försenat eller snart ska vara klart. Avslutar med 1 om något fel hittas (för CI), 2 vid användnings- eller filfel.",
            en: "Checks every record and flags what is overdue or due soon. Exits 1 when an error is found (for CI), 2 on a usage or file error."),
        options: [
            Opt("--format", .choice(["text", "json", "github", "gitlab", "junit"]), Message(sv: "text (standard), json, github, gitlab (Code Quality) eller junit", en: "text (default), json, github, gitlab (Code Quality) or junit")),
            Opt("--fail-on", .choice(["error", "warning", "never"]), Message(sv: "vad som ger slutkod 1: error (standard), warning eller never", en: "what gives exit code 1: error (default), warning or never")),
            Opt("--no-time", .flag, Message(sv: "bara kontroller som inte beror på dagens datum (för pre-commit)", en: "only checks that do not depend on today's date (for pre-commit)")),
            Opt("--owner", .ids(.owner), Message(sv: "bara poster för en ansvarig och alla ansvariga under den (parent i owners.rec); id eller del av namnet", en: "only the records of one owner and every owner below it (parent in owners.rec); id or part of the name")),
            Opt("--by-owner", .flag, Message(sv: "gruppera textutskriften per ansvarig", en: "group the text output per owner")),
            Opt("--output", short: "-o", .file, Message(sv: "skriv till FIL i stället för standard ut", en: "write to FILE instead of standard output")),
        ],
        examples: ["sakerhet audit --as-of 2024-11-04", "sakerhet audit --format github --fail-on error"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let o = try args.take(spec)
        let format = o.value("--format") ?? "text"
        let failOn = o.value("--fail-on") ?? "error"
        let noTime = o.flag("--no-time")
        let byOwner = o.flag("--by-owner")
        let outFile = o.value("--output")
        try args.finish(command: name)
        if ctx.isRollup {
            return try RollupRun.audit(format: format, failOn: failOn, noTime: noTime, byOwner: byOwner, owner: o.value("--owner"), outFile: outFile, ctx)
        }
        var loaded: DataSet?
        let owner = try OwnerOption.find(o.value("--owner"), lang: ctx.lang) { if loaded == nil { loaded = try ctx.load() }; return loaded! }
        let asOf = try ctx.asOf()
        let data = try loaded ?? ctx.load()

        var diagnostics = Checks.run(data, asOf: asOf, includeDateChecks: !noTime)
        // The owner and every owner below it in owners.rec.
        if let owner { diagnostics = diagnostics.filter { owner.covers($0.owners) } }
        ctx.keep(diagnostics)

        let style = outFile == nil && format == "text" ? ctx.style : .plain
        let text: Pieces
        switch format {
        case "json": text = Pieces(DiagnosticFormats.json(diagnostics, data: data, asOf: asOf, lang: ctx.lang))
        case "github": text = Pieces(DiagnosticFormats.github(diagnostics, data: data, lang: ctx.lang))
        case "gitlab": text = Pieces(DiagnosticFormats.gitlab(diagnostics, data: data, lang: ctx.lang))
        case "junit": text = Pieces(DiagnosticFormats.junit(diagnostics, data: data, lang: ctx.lang))
        default:
            let judged = noTime ? nil : asOf  // the summary's date: none when no check judged it
            text = byOwner
                ? Pieces(DiagnosticText.renderByOwner(diagnostics, data: data, asOf: judged, lang: ctx.lang, style: style, scope: owner))
                : DiagnosticText.pieces(diagnostics, data: data, asOf: judged, lang: ctx.lang, style: style, scope: owner)
        }
        if let outFile {
            try Output.write(text, toOutput: outFile, dataFolder: try ctx.dataFolder().display,
                             fileExtension: OutputFormat.fileExtension(format))
        } else {
            try Output.write(text, runnerCommands: format == "github")
        }

        switch failOn {
        case "never": return Exit.ok
        case "warning": return diagnostics.contains { $0.severity != .notice } ? Exit.problems : Exit.ok
        default: return diagnostics.contains { $0.severity == .error } ? Exit.problems : Exit.ok
        }
    }
}
