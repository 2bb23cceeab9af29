import SakerhetCore

/// The declared verbs and options of `goals`, `activities`, `risks` and `findings`, filled in
/// per command with its kind, summary and examples. Risks have no deadline, so neither
/// `done` nor `postpone`; they have `matrix`.
enum RecordSpec {
    static func verbNames(_ kind: Kind) -> [String] {
        kind == .risk ? ["list", "show", "add", "set", "rm", "matrix"] : ["list", "show", "add", "set", "done", "postpone", "rm"]
    }

    /// An id of this kind in the shipped plan, for examples and messages.
    static func exampleID(_ kind: Kind) -> String {
        kind == .goal ? "D4" : kind == .risk ? "R2" : kind == .finding ? "F1" : "A12"
    }

    static func spec(_ name: String, _ kind: Kind, summary: Message, examples: [String]) -> CommandSpec {
        CommandSpec(name: name, summary: summary, verbs: verbs(name, kind), options: options(kind), examples: examples)
    }

    static func options(_ kind: Kind) -> [Opt] {
        let writes = ["add", "set", "done", "postpone", "rm"].filter(verbNames(kind).contains)
        var opts: [Opt] = [
            Opt("--owner", .ids(.owner), Message(sv: "ansvarig och alla under den i owners.rec (parent): id eller entydig del av namnet", en: "owner and every owner below it in owners.rec (parent): id or an unambiguous part of the name"), verbs: ["list"]),
            kind == .risk
                ? Opt("--status", .status(kind), Message(sv: "bara dessa statusar, kommaseparerade (identifierad, hanteras, accepterad, stängd; 'identifierad,hanteras'); öppen = allt som inte är stängt", en: "only these statuses, comma-separated (identifierad, hanteras, accepterad, stängd; 'identifierad,hanteras'); open = everything not stängd (closed)"), verbs: ["list"])
                : Opt("--status", .status(kind), Message(sv: "bara dessa statusar, kommaseparerade ('ej påbörjad,pågår'); öppen = allt som inte är klart eller struket", en: "only these statuses, comma-separated ('ej påbörjad,pågår'); open = everything not done or cancelled"), verbs: ["list"]),
            Opt("--area", .ids(.area), Message(sv: "bara detta område", en: "only this area"), verbs: ["list"]),
            Opt("--format", .choice(["table", "tsv", "csv", "json"]), Message(sv: "table (standard), tsv, csv (för Excel: BOM och ;) eller json", en: "table (default), tsv, csv (for Excel: BOM and ;) or json"), verbs: ["list"]),
        ]
        if kind == .risk {
            opts += [Opt("--level", .text, placeholder: Message(sv: "NIVÅ", en: "LEVEL"), Message(sv: "låg, medel, hög eller mycket-hög", en: "low, medium, high or very-high"), verbs: ["list"]),
                     Opt("--overdue", .flag, Message(sv: "bara risker vars omprövningsdatum har passerat", en: "only risks whose review date has passed"), verbs: ["list"])]
        } else {
            opts += [Opt("--goal", .ids(.goal), Message(sv: "bara under målet (delmål inräknade)", en: "only under the goal (sub-goals included)"), verbs: ["list"]),
                     Opt("--overdue", .flag, Message(sv: "bara försenade", en: "only overdue"), verbs: ["list"]),
                     Opt("--soon", .flag, Message(sv: "bara de som ska vara klara inom soon_days dagar (config.rec, standard 30)", en: "only those due within soon_days days (config.rec, default 30)"), verbs: ["list"]),
                     Opt("--due-before", .deadline, Message(sv: "öppna som ska vara klara senast TIDPUNKT, till och med; en period räknas till sin sista dag ('hösten 2024' = t.o.m. 2024-12-31; t.ex. 2024-12, maj 2025, Q3 2024)", en: "open ones due by DEADLINE, inclusive; a period counts to its last day ('hösten 2024' = through 2024-12-31; e.g. 2024-12, May 2025, Q3 2024)"), verbs: ["list"])]
        }
        // `add` takes every field as an option.
        for f in kind.fields {
            let dashed = "--" + f.name.replacingAll("_", with: "-")
            opts.append(Opt(dashed, aliases: dashed == "--" + f.name ? [] : ["--" + f.name], value(f, kind), f.help,
                            verbs: ["add"], repeatable: f.repeatable, required: f.required && f.name != "id" && f.name != "status"))
        }
        if kind != .risk {
            opts += [Opt("--date", .date, Message(sv: "dagen det blev klart (standard: i dag)", en: "the day it was finished (default: today)"), verbs: ["done"]),
                     Opt("--evidence", .text, Message(sv: "vad som visar att det är klart", en: "what shows it is done"), verbs: ["done"]),
                     Opt("--outcome", .choice(["utan anmärkning", "avvikelse"]), Message(sv: "utfall för ett återkommande tillfälle: 'utan anmärkning' eller avvikelse", en: "outcome of a recurring occurrence: 'utan anmärkning' (no remarks) or avvikelse (deviation)"), verbs: ["done"]),
                     Opt("--to", .deadline, Message(sv: "nytt slutdatum (2025-03, våren 2025, Q1 2025 …)", en: "new deadline (2025-03, spring 2025, Q1 2025 …)"), verbs: ["postpone"], required: true),
                     Opt("--reason", .text, Message(sv: "varför tidplanen flyttas", en: "why the schedule moves"), verbs: ["postpone"], required: true)]
        }
        opts += [
            Opt("--dry-run", .flag, Message(sv: "visa ändringen som en diff och skriv inget", en: "show the change as a diff and write nothing"), verbs: writes),
            Opt("--commit", .flag, Message(sv: "checka in den ändrade filen i git med ett beskrivande meddelande", en: "commit the changed file to git with a descriptive message"), verbs: writes),
        ]
        return opts
    }

    static func value(_ f: FieldSpec, _ kind: Kind) -> Opt.Value {
        switch f.type {
        case .deadline: return .deadline
        case .day: return .date
        case .status: return .status(kind)
        case .riskStatus: return .status(.risk)
        case .ref(let k): return .ids(k)
        case .score, .year: return .number
        default: return .text
        }
    }

    static func verbs(_ name: String, _ kind: Kind) -> [Verb] {
        let id = exampleID(kind)
        let idArg = Arg("ID", "ID", Message(sv: "postens id, t.ex. \(id)", en: "the record's id, e.g. \(id)"), .ids(kind))
        let setExamples: [String]
        switch kind {
        case .goal: setExamples = ["sakerhet goals set D4 status=pågår", "sakerhet goals set D4 note='Enligt beslut i FLG' --commit"]
        case .risk: setExamples = ["sakerhet risks set R2 status=accepterad", "sakerhet risks set R2 likelihood=2 action+=A30 --commit"]
        case .finding: setExamples = ["sakerhet findings set F1 assessment=grön evidence='Riktlinjer antagna i SN'", "sakerhet findings set F1 remaining='Riskanalys på verksamhetsnivå' --commit"]
        default: setExamples = ["sakerhet activities set A12 status=pågår", "sakerhet activities set A12 owner=sbs note='Enligt beslut i FLG' --commit"]
        }
        let doneExamples = kind == .activity
            ? ["sakerhet activities done A12", "sakerhet activities done A12 --date 2024-10-28 --evidence 'Protokoll SN 2024-10-28 §97' --commit"]
            : ["sakerhet \(name) done \(id)", "sakerhet \(name) done \(id) --date 2024-10-28 --commit"]
        let later = kind == .finding ? "2025-12" : "2025-03"
        let rmID = kind == .goal ? "D1" : kind == .risk ? "R9" : kind == .finding ? "F3" : "A17"
        let addExamples: [String]
        switch kind {
        case .activity: addExamples = ["sakerhet activities add --title 'Genomför krisövning med FLG' --goal D2 --owner sbs --due 'hösten 2025'",
                                       "sakerhet activities add --title 'Internkontrollpunkt 4' --goal D8 --owner sbs --due 2025-Q1 every=kvartal --commit"]
        case .goal: addExamples = ["sakerhet goals add --title 'Säkerställa krisstödet' --parent M3.3 --owner sbs --due 2025-12-31",
                                   "sakerhet goals add --id D11 --title 'Öva kontinuitetsplanen' --parent M3.3 --owner sbs --due 2025-H1"]
        case .risk: addExamples = ["sakerhet risks add --title 'Otillräcklig kontroll av utbetalningar' --likelihood 3 --consequence 3 --owner meb",
                                   "sakerhet risks add --title 'Hot mot handläggare' --likelihood 2 --consequence 4 --owner sbs action=A14"]
        default: addExamples = ["sakerhet findings add --audit 'Granskning av informationssäkerhet' --recommendation 'Upprätta en informationssäkerhetspolicy' --assessment gul --owner sbs",
                                "sakerhet findings add --audit 'Granskning av intern kontroll' --recommendation 'Dokumentera kontrollerna' --assessment röd --owner sf due=2025-06"]
        }
        let all: [Verb] = [
            Verb("list",
                 summary: kind == .risk ? Message(sv: "lista, sorterat efter riskvärde (sannolikhet × konsekvens), högst först (standard)", en: "list, sorted by score (likelihood × consequence), highest first (default)")
                                        : Message(sv: "lista, sorterat efter slutdatum (standard)", en: "list, sorted by deadline (default)"),
                 description: kind == .risk ? Message(sv: "Listar riskerna som matchar filtren, sorterade efter riskvärde (sannolikhet × konsekvens), högst först; lika värden i filens ordning.",
                                                      en: "Lists the risks that match the filters, sorted by score (likelihood × consequence), highest first; equal scores in file order.")
                                            : Message(sv: "Listar \(kind.word(.sv, plural: true)) som matchar filtren, sorterade efter slutdatum (okänt sist).",
                                                      en: "Lists the \(kind.word(.en, plural: true)) that match the filters, sorted by deadline (unknown last)."),
                 examples: kind == .risk ? ["sakerhet risks list --level hög", "sakerhet risks list --format csv > risker.csv"]
                                         : ["sakerhet \(name) list --overdue --owner sbs", "sakerhet \(name) list --due-before 'hösten 2024' --format csv > lista.csv"]),
            Verb("show", arguments: [idArg],
                 summary: Message(sv: "visa en post med allt som räknas fram om den", en: "show one record with everything computed about it"),
                 description: Message(sv: "Visar en post, var den står och vad som räknas fram om den.", en: "Shows one record, where it is, and what is computed about it."),
                 examples: ["sakerhet \(name) show \(id)", "sakerhet \(name) show \(id) --as-of 2024-11-04"]),
            Verb("add",
                 summary: Message(sv: "lägg till en post", en: "add a record"),
                 description: Message(sv: "Lägger till en post. Utan --id får den nästa lediga id. Alla fält kan anges som --fält värde eller fält=värde; tidpunkter kan skrivas 'maj 2024', 'våren 2024', 'kvartal 3 2024'.",
                                      en: "Adds a record. Without --id it gets the next free id. Any field can be given as --field value or field=value; deadlines can be written 'May 2024', 'spring 2024', 'Q3 2024'."),
                 trailing: Message(sv: "[fält=värde …]", en: "[field=value …]"),
                 examples: addExamples),
            Verb("set", arguments: [idArg],
                 summary: Message(sv: "ändra fält", en: "change fields"),
                 description: Message(sv: "Ändrar fält. Ett tomt värde tar bort fältet; listfält ändras med action+=A7 och action-=A7. Ändringen nekas om den ger ett nytt fel.",
                                      en: "Changes fields. An empty value removes the field; list fields change with action+=A7 and action-=A7. The change is refused if it adds an error."),
                 trailing: Message(sv: "fält=värde [fält=värde …]", en: "field=value [field=value …]"),
                 examples: setExamples),
            Verb("done", arguments: [idArg],
                 summary: Message(sv: "markera klar", en: "mark done"),
                 description: Message(sv: "Markerar klar med datum (standard: i dag). En återkommande aktivitet (every:) flyttas i stället till nästa period.",
                                      en: "Marks done with a date (default: today). A recurring activity (every:) moves to its next period instead."),
                 examples: doneExamples),
            Verb("postpone", arguments: [idArg],
                 summary: Message(sv: "flytta slutdatum senare, med skäl", en: "move the deadline later, with a reason"),
                 description: Message(sv: "Flyttar slutdatum senare och anger skälet; git-historiken visar flytten.", en: "Moves the deadline later and gives the reason; git history shows the move."),
                 examples: ["sakerhet \(name) postpone \(id) --to \(later) --reason 'Inväntar beslut från KF'", "sakerhet \(name) postpone \(id) --to 'hösten 2026' --reason 'Förändrade prioriteringar' --commit"]),
            Verb("rm", arguments: [idArg],
                 summary: kind == .risk ? Message(sv: "ta bort (nekas om något hänvisar till posten)", en: "remove (refused while something refers to it)")
                    : kind == .finding ? Message(sv: "ta bort (nekas om något hänvisar till posten, eller för en öppen rekommendation)", en: "remove (refused while something refers to it, or for an open recommendation)")
                    : Message(sv: "ta bort (nekas om något hänvisar till posten, eller för sent öppet arbete)", en: "remove (refused while something refers to it, or for late open work)"),
                 description: kind == .risk
                    ? Message(sv: "Tar bort en post. Nekas så länge någon annan post hänvisar till den.", en: "Removes a record. Refused while another record refers to it.")
                    : Message(sv: "Tar bort en post. Nekas så länge någon annan post hänvisar till den, och för öppet arbete vars slutdatum har passerat\(kind == .finding ? " och för en öppen rekommendation" : ""): stryk det med ett skäl i stället (set ID status=struken reason=…), så står det kvar i uppföljningen med skälet.",
                              en: "Removes a record. Refused while another record refers to it, and for open work whose deadline has passed\(kind == .finding ? " and for an open recommendation" : ""): strike it out with a reason instead (set ID status=struken reason=…), so that it stays in the follow-up with the reason."),
                 examples: ["sakerhet \(name) rm \(rmID) --dry-run", "sakerhet \(name) rm \(rmID) --commit"]),
            Verb("matrix",
                 summary: Message(sv: "riskmatrisen 4×4 (5×5 med risk_scale: 5)", en: "the 4×4 risk matrix (5×5 with risk_scale: 5)"),
                 description: Message(sv: "Riskmatrisen 4×4: sannolikhet gånger konsekvens, med antal och id i varje ruta, färgad efter nivå.", en: "The 4×4 risk matrix: likelihood by consequence, with count and ids in each cell, coloured by level."),
                 examples: ["sakerhet risks matrix", "NO_COLOR=1 sakerhet risks matrix --lang en"]),
        ]
        let names = verbNames(kind)
        return all.filter { names.contains($0.name) }
    }
}
