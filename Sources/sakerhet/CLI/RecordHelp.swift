import SakerhetCore

/// Help texts for the record verbs, filled in per command with its kind and examples.
enum RecordHelp {
    static func command(_ name: String, _ kind: Kind, summary: Message, examples: [String]) -> Help {
        let verbs = kind == .risk ? "list|show|add|set|postpone|rm|matrix" : "list|show|add|set|done|postpone|rm"
        return Help(
            usage: "sakerhet \(name) [\(verbs)] …",
            summary: summary,
            options: [
                ("list", Message(sv: "lista, sorterat efter slutdatum (standard)", en: "list, sorted by deadline (default)")),
                ("show ID", Message(sv: "visa en post med allt som räknas fram om den", en: "show one record with everything computed about it")),
                ("add", Message(sv: "lägg till en post", en: "add a record")),
                ("set ID f=v …", Message(sv: "ändra fält", en: "change fields")),
                ("done ID", Message(sv: "markera klar", en: "mark done")),
                ("postpone ID", Message(sv: "flytta slutdatum senare, med skäl", en: "move the deadline later, with a reason")),
                ("rm ID", Message(sv: "ta bort (nekas om något hänvisar till posten)", en: "remove (refused while something refers to it)")),
            ] + (kind == .risk ? [("matrix", Message(sv: "riskmatrisen 4×4 (5×5 med risk_scale: 5)", en: "the 4×4 risk matrix (5×5 with risk_scale: 5)"))] : []),
            examples: examples)
    }

    static func verb(_ name: String, _ kind: Kind, _ verb: String) -> Help? {
        let id = kind == .goal ? "D4" : kind == .risk ? "R2" : kind == .finding ? "F1" : "A12"
        // Real examples that work on the shipped plan.
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
        let rmID = kind == .goal ? "D1" : kind == .risk ? "R9" : kind == .finding ? "F3" : "A22"
        let write: [(String, Message)] = [
            ("--dry-run", Message(sv: "visa ändringen som en diff och skriv inget", en: "show the change as a diff and write nothing")),
            ("--commit", Message(sv: "checka in den ändrade filen i git med ett beskrivande meddelande", en: "commit the changed file to git with a descriptive message")),
        ]
        switch verb {
        case "list":
            var opts: [(String, Message)] = [
                ("--owner O", Message(sv: "ansvarig: id eller entydig del av namnet", en: "owner: id or an unambiguous part of the name")),
                ("--status S", Message(sv: "bara denna status", en: "only this status")),
                ("--area A", Message(sv: "bara detta område", en: "only this area")),
                ("--format F", Message(sv: "table (standard), tsv, csv (för Excel: BOM och ;) eller json", en: "table (default), tsv, csv (for Excel: BOM and ;) or json")),
            ]
            if kind == .risk {
                opts += [("--level L", Message(sv: "låg, medel, hög eller mycket-hög", en: "low, medium, high or very-high")),
                         ("--overdue", Message(sv: "bara risker vars omprövningsdatum har passerat", en: "only risks whose review date has passed"))]
            } else {
                opts += [("--goal G", Message(sv: "bara under målet G (delmål inräknade)", en: "only under goal G (sub-goals included)")),
                         ("--overdue", Message(sv: "bara försenade", en: "only overdue")),
                         ("--soon", Message(sv: "bara de som ska vara klara inom 30 dagar", en: "only those due within 30 days")),
                         ("--due-before T", Message(sv: "klart senast före T (t.ex. 2024-12, maj 2025, Q3 2024)", en: "due before T (e.g. 2024-12, May 2025, Q3 2024)"))]
            }
            return Help(usage: "sakerhet \(name) list [FLAGGOR]",
                        summary: Message(sv: "Listar \(kind.word(.sv, plural: true)) som matchar filtren.", en: "Lists the \(kind.word(.en, plural: true)) that match the filters."),
                        options: opts,
                        examples: kind == .risk ? ["sakerhet risks list --level hög", "sakerhet risks list --format csv > risker.csv"]
                                                : ["sakerhet \(name) list --overdue --owner sbs", "sakerhet \(name) list --due-before 'hösten 2024' --format csv > lista.csv"])
        case "show":
            return Help(usage: "sakerhet \(name) show ID", summary: Message(sv: "Visar en post, var den står och vad som räknas fram om den.", en: "Shows one record, where it is, and what is computed about it."),
                        options: [], examples: ["sakerhet \(name) show \(id)", "sakerhet \(name) show \(id) --as-of 2024-11-04"])
        case "add":
            let required = kind.fields.filter { $0.required && $0.name != "id" && $0.name != "status" }.map { "--\($0.name) …" }.joined(separator: " ")
            let example: [String]
            switch kind {
            case .activity: example = ["sakerhet activities add --title 'Genomför krisövning med FLG' --goal D2 --owner sbs --due 'hösten 2025'",
                                       "sakerhet activities add --title 'Internkontrollpunkt 4' --goal D8 --owner sbs --due 2025-Q1 every=kvartal --commit"]
            case .goal: example = ["sakerhet goals add --title 'Säkerställa krisstödet' --parent M3.3 --owner sbs --due 2025-12-31",
                                   "sakerhet goals add --id D11 --title 'Öva kontinuitetsplanen' --parent M3.3 --owner sbs --due 2025-H1"]
            case .risk: example = ["sakerhet risks add --title 'Otillräcklig kontroll av utbetalningar' --likelihood 3 --consequence 3 --owner meb",
                                   "sakerhet risks add --title 'Hot mot handläggare' --likelihood 2 --consequence 4 --owner sbs action=A14"]
            default: example = ["sakerhet findings add --audit 'Granskning av informationssäkerhet' --recommendation 'Upprätta en informationssäkerhetspolicy' --assessment gul --owner sbs",
                                "sakerhet findings add --audit 'Granskning av intern kontroll' --recommendation 'Dokumentera kontrollerna' --assessment röd --owner sf due=2025-06"]
            }
            return Help(usage: "sakerhet \(name) add \(required) [--id ID] [fält=värde …]",
                        summary: Message(sv: "Lägger till en post. Utan --id får den nästa lediga id. Alla fält kan anges som --fält värde eller fält=värde; tidpunkter kan skrivas 'maj 2024', 'våren 2024', 'kvartal 3 2024'.",
                                         en: "Adds a record. Without --id it gets the next free id. Any field can be given as --field value or field=value; deadlines can be written 'May 2024', 'spring 2024', 'Q3 2024'."),
                        options: write, examples: example)
        case "set":
            return Help(usage: "sakerhet \(name) set ID fält=värde [fält=värde …]",
                        summary: Message(sv: "Ändrar fält. Ett tomt värde tar bort fältet; listfält ändras med action+=A7 och action-=A7. Ändringen nekas om den ger ett nytt fel.",
                                         en: "Changes fields. An empty value removes the field; list fields change with action+=A7 and action-=A7. The change is refused if it adds an error."),
                        options: write, examples: setExamples)
        case "done" where kind != .risk:
            return Help(usage: "sakerhet \(name) done ID [--date ÅÅÅÅ-MM-DD] [--evidence TEXT] [--outcome 'utan anmärkning'|avvikelse]",
                        summary: Message(sv: "Markerar klar med datum (standard: i dag). För en återkommande aktivitet (every:) sparas tillfället som en rad occurrence: och slutdatum flyttas en period fram.",
                                         en: "Marks done with a date (default: today). For a recurring activity (every:) the occurrence is kept as an occurrence: line and the deadline moves on one period."),
                        options: [("--date D", Message(sv: "dagen det blev klart", en: "the day it was finished")),
                                  ("--evidence T", Message(sv: "vad som visar att det är klart", en: "what shows it is done")),
                                  ("--outcome U", Message(sv: "utfall för ett återkommande tillfälle: 'utan anmärkning' eller avvikelse", en: "outcome of a recurring occurrence: 'utan anmärkning' (no remarks) or avvikelse (deviation)"))] + write,
                        examples: doneExamples)
        case "postpone" where kind != .risk:
            return Help(usage: "sakerhet \(name) postpone ID --to TIDPUNKT --reason TEXT",
                        summary: Message(sv: "Flyttar slutdatum senare och anger skälet; git-historiken visar flytten.", en: "Moves the deadline later and gives the reason; git history shows the move."),
                        options: [("--to T", Message(sv: "nytt slutdatum (2025-03, våren 2025, Q1 2025 …)", en: "new deadline (2025-03, spring 2025, Q1 2025 …)")),
                                  ("--reason T", Message(sv: "varför", en: "why"))] + write,
                        examples: ["sakerhet \(name) postpone \(id) --to \(later) --reason 'Inväntar beslut från KF'", "sakerhet \(name) postpone \(id) --to 'hösten 2026' --reason 'Förändrade prioriteringar' --commit"])
        case "rm":
            return Help(usage: "sakerhet \(name) rm ID", summary: Message(sv: "Tar bort en post. Nekas så länge någon annan post hänvisar till den.", en: "Removes a record. Refused while another record refers to it."),
                        options: write, examples: ["sakerhet \(name) rm \(rmID) --dry-run", "sakerhet \(name) rm \(rmID) --commit"])
        case "matrix" where kind == .risk:
            return Help(usage: "sakerhet risks matrix", summary: Message(sv: "Riskmatrisen 4×4: sannolikhet gånger konsekvens, med antal och id i varje ruta, färgad efter nivå.", en: "The 4×4 risk matrix: likelihood by consequence, with count and ids in each cell, coloured by level."),
                        options: [], examples: ["sakerhet risks matrix", "NO_COLOR=1 sakerhet risks matrix --lang en"])
        default:
            return nil
        }
    }
}
