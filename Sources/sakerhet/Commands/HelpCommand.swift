import SakerhetCore

/// `sakerhet help [COMMAND [VERB]]`.
enum HelpCommand: Command {
    static let name = "help"
    static let spec = CommandSpec(
        name: name,
        summary: Message(sv: "Visar hjälp för sakerhet, för ett kommando eller för ett kommandos verb.", en: "Shows help for sakerhet, for one command or for one of its verbs."),
        arguments: [Arg("KOMMANDO", "COMMAND", Message(sv: "kommandot", en: "the command"), .command, optional: true),
                    Arg("VERB", "VERB", Message(sv: "kommandots verb, t.ex. add", en: "the command's verb, e.g. add"), optional: true)],
        examples: ["sakerhet help", "sakerhet help audit", "sakerhet help activities add"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        guard let topic = args.positional() else {
            try args.finish(command: name)
            try Output.write(overview(ctx.lang))
            return Exit.ok
        }
        let verb = args.positional()
        try args.finish(command: name)
        guard let command = Commands.find(topic), !command.spec.hidden else {
            let hint = Suggest.closest(to: topic, in: Commands.names)
            throw UsageError(sv: "okänt kommando '\(topic)'" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "unknown command '\(topic)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        try Output.write(HelpText.lookup(command, verb: verb, ctx.lang))
        return Exit.ok
    }

    static func overview(_ lang: Lang) -> String {
        let sv = lang == .sv
        let width = HelpText.width
        var out = HelpText.wrap(sv ? "sakerhet – planen för det systematiska säkerhetsarbetet som textfiler i git"
                                   : "sakerhet – the plan for systematic security work as text records in git", width: width, indent: 0)
        out += sv ? "\n\nAnvändning: sakerhet KOMMANDO [FLAGGOR]\n\nKommandon:\n" : "\n\nUsage: sakerhet COMMAND [OPTIONS]\n\nCommands:\n"
        for c in Commands.visible {
            out += "  " + c.name.padded(to: 12) + HelpText.wrap(c.spec.summary.text(lang), width: width, indent: 14) + "\n"
        }
        out += "\n" + (sv ? "Gemensamma flaggor:" : "Global options:") + "\n"
        out += HelpText.table(GlobalTable.options.filter { $0.name != "--help" }.map { ($0.label(lang), $0.help.text(lang)) }, width: width)
        out += (sv ? "\nExempel:\n" : "\nExamples:\n")
            + "  sakerhet audit --as-of 2024-11-04\n  sakerhet activities list --owner sbs --overdue\n  sakerhet report -o uppfoljning.html\n"
        out += sv ? "\nKör 'sakerhet help KOMMANDO' för mer om ett kommando.\n" : "\nRun 'sakerhet help COMMAND' for more on a command.\n"
        return out
    }
}
