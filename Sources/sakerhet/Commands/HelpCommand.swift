import SakerhetCore

/// `sakerhet help [COMMAND]`.
enum HelpCommand: Command {
    static let name = "help"
    static let help = Help(
        usage: "sakerhet help [KOMMANDO]",
        summary: Message(sv: "Visar hjälp för sakerhet eller för ett kommando.", en: "Shows help for sakerhet or for one command."),
        options: [],
        examples: ["sakerhet help", "sakerhet help audit"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        guard let topic = args.positional() else {
            try Output.write(overview(ctx.lang))
            return Exit.ok
        }
        try args.finish(command: name)
        guard let command = Commands.find(topic) else {
            let hint = Suggest.closest(to: topic, in: Commands.names)
            throw UsageError(sv: "okänt kommando '\(topic)'" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "unknown command '\(topic)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        try Output.write(command.help.render(ctx.lang))
        return Exit.ok
    }

    static func overview(_ lang: Lang) -> String {
        let sv = lang == .sv
        var out = sv
            ? "sakerhet – planen för det systematiska säkerhetsarbetet som textfiler i git\n\nAnvändning: sakerhet KOMMANDO [FLAGGOR]\n\nKommandon:\n"
            : "sakerhet – the plan for systematic security work as text records in git\n\nUsage: sakerhet COMMAND [OPTIONS]\n\nCommands:\n"
        for c in Commands.all {
            out += "  " + c.name.padding(toLength: 12, withPad: " ", startingAt: 0) + c.help.summary.text(lang) + "\n"
        }
        out += sv
            ? "\nGemensamma flaggor:\n  --data DIR        datamappen (standard: närmaste data/ uppåt)\n  --as-of DATUM     räkna som om det vore DATUM (standard: i dag)\n  --lang sv|en      språk (standard: sv)\n  --version         visa versionen\n"
            : "\nGlobal options:\n  --data DIR        the data folder (default: nearest data/ upward)\n  --as-of DATE      compute as if today were DATE (default: today)\n  --lang sv|en      language (default: sv)\n  --version         show the version\n"
        out += (sv ? "\nExempel:\n" : "\nExamples:\n")
            + "  sakerhet audit --as-of 2024-11-04\n  sakerhet activities list --owner sbs --overdue\n  sakerhet report -o uppfoljning.html\n"
        out += sv ? "\nKör 'sakerhet help KOMMANDO' för mer om ett kommando.\n" : "\nRun 'sakerhet help COMMAND' for more on a command.\n"
        return out
    }
}
