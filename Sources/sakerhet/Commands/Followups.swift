import FoundationEssentials
import SakerhetCore

/// `sakerhet followups`: the period follow-ups (followups.rec), one record per goal,
/// sub-goal or activity and period. `add`, `set` and `rm` are the record verbs; `list`
/// shows them by record and period.
enum Followups: Command {
    static let name = "followups"
    static let verbs = ["list", "show", "add", "set", "rm"]
    static let spec: CommandSpec = {
        let idArg = Arg("ID", "ID", Message(sv: "uppföljningens id, t.ex. U1", en: "the follow-up's id, e.g. U1"), .ids(.followup))
        var options: [Opt] = [
            Opt("--record", .text, placeholder: Message(sv: "ID", en: "ID"), Message(sv: "bara uppföljningarna av denna post (mål, delmål eller aktivitet)", en: "only the follow-ups of this record (goal, sub-goal or activity)"), verbs: ["list"]),
        ]
        // `add` takes every field as an option, as the other record commands do.
        for f in Kind.followup.fields {
            options.append(Opt("--" + f.name, RecordSpec.value(f, .followup), f.help,
                               verbs: ["add"], repeatable: f.repeatable, required: f.required && f.name != "id"))
        }
        options += [
            Opt("--dry-run", .flag, Message(sv: "visa ändringen som en diff och skriv inget", en: "show the change as a diff and write nothing"), verbs: ["add", "set", "rm"]),
            Opt("--commit", .flag, Message(sv: "checka in den ändrade filen i git med ett beskrivande meddelande", en: "commit the changed file to git with a descriptive message"), verbs: ["add", "set", "rm"]),
        ]
        return CommandSpec(
            name: name,
            summary: Message(sv: "Periodens uppföljning: per mål, delmål eller aktivitet och period (2027-T1) en bedömning, en analys och utfallet för indikatorn.",
                             en: "The period follow-up: for each goal, sub-goal or activity and period (2027-T1) an assessment, an analysis and the indicator's outcome."),
            verbs: [
                Verb("list", summary: Message(sv: "lista, efter post och period (standard)", en: "list, by record and period (default)"),
                     examples: ["sakerhet followups list --record D1"]),
                Verb("show", arguments: [idArg], summary: Message(sv: "visa en uppföljning", en: "show one follow-up"),
                     examples: ["sakerhet followups show U1"]),
                Verb("add", summary: Message(sv: "lägg till en uppföljning", en: "add a follow-up"),
                     trailing: Message(sv: "[fält=värde …]", en: "[field=value …]"),
                     examples: ["sakerhet followups add --record D1 --period 2027-T1 --assessment 'delvis uppfyllt' --outcome '62 %' --analysis 'Två av fyra enheter klara'"]),
                Verb("set", arguments: [idArg], summary: Message(sv: "ändra fält", en: "change fields"),
                     trailing: Message(sv: "fält=värde [fält=värde …]", en: "field=value [field=value …]"),
                     examples: ["sakerhet followups set U1 assessment=uppfyllt"]),
                Verb("rm", arguments: [idArg], summary: Message(sv: "ta bort", en: "remove"),
                     examples: ["sakerhet followups rm U1 --dry-run"]),
            ],
            options: options,
            examples: ["sakerhet followups add --record D1 --period 2027-T1 --assessment 'delvis uppfyllt' --outcome '62 %' --analysis 'Två av fyra enheter klara'",
                       "sakerhet followups set U1 assessment=uppfyllt", "sakerhet followups list --record D1"])
    }()

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let verb = args.positional() ?? "list"
        guard verbs.contains(verb) else { throw UsageError.unknownVerb(verb, of: "followups", verbs: verbs) }
        let label = "followups \(verb)"
        let o = try args.take(spec, verb: verb)
        switch verb {
        case "list":
            let record = o.value("--record")
            try args.finish(command: label)
            let data = try ctx.load(kinds: [.goal, .activity, .followup])
            let rows = data.followups.filter { record == nil || $0.record == record }
                .sorted { $0.record != $1.record ? naturalLess($0.record, $1.record) : ($0.period?.firstDay?.ordinal ?? 0) < ($1.period?.firstDay?.ordinal ?? 0) }
            try Output.write(FollowupList.table(rows, data, lang: ctx.lang, style: ctx.style))
            return Exit.ok
        case "show":
            guard let id = args.positional() else { throw UsageError(sv: "\(label) behöver ett id", en: "\(label) needs an id") }
            return try RecordCommand.show(.followup, id: id, command: label, &args, ctx)
        case "add":
            return try RecordCommand.add(.followup, label, o, &args, ctx)
        case "set": return try RecordCommand.set(.followup, label, o, &args, ctx)
        default: return try RecordCommand.remove(.followup, label, o, &args, ctx)
        }
    }
}

/// The follow-ups as a terminal table.
enum FollowupList {
    static func table(_ rows: [Followup], _ data: DataSet, lang: Lang, style: Style) -> String {
        let sv = lang == .sv
        guard !rows.isEmpty else { return sv ? "Inga uppföljningar.\n" : "No follow-ups.\n" }
        var t = TextTable([.init("Id", 5), .init(sv ? "Post" : "Record", 30), .init("Period", 8), .init(sv ? "Bedömning" : "Assessment", 15),
                           .init(sv ? "Utfall" : "Outcome", 10), .init(sv ? "Analys" : "Analysis", 30)], lang: lang)
        for f in rows {
            let title = data.goal(f.record)?.title ?? data.activities.first { $0.id == f.record }?.title ?? ""
            t.add([f.id, f.record + " " + title, f.period?.token ?? "", f.assessment, f.outcome ?? "", f.analysis ?? ""])
        }
        return t.render(style: style)
    }
}
