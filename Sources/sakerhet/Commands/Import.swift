import FoundationEssentials
import SakerhetCore

/// `sakerhet import FILE …`: brings an existing plan in from Excel, CSV or Word.
enum Import: Command {
    static let name = "import"
    static let spec = CommandSpec(
        name: name,
        summary: Message(
            sv: "Läser en befintlig plan från .xlsx, .docx (varje tabell med känd rubrikrad), .csv (som svenska Excel sparar den) eller .tsv/.txt och lägger till posterna: rubrikraden hittas på kolumnnamnen, nya mål och ansvariga skapas, tidpunkter och statusord läses som i övriga kommandon och det som inte kan läsas sparas som text (due: ? med texten som reason). Det som redan finns läggs inte till igen, och inget skrivs om importen skulle ge nya fel i audit (poster som redan är försenade räknas inte, men nämns i en notis).",
            en: "Reads an existing plan from .xlsx, .docx (every table with a known header row), .csv (as Swedish Excel saves it) or .tsv/.txt and adds the records: the header row is found by its column names, new goals and owners are created, deadlines and status words are read as in the other commands, and what cannot be read is kept as text (due: ? with the text as reason). What is there already is not added again, and nothing is written if the import would add audit errors (records already overdue do not count, but a notice names them)."),
        arguments: [Arg("FIL", "FILE", Message(sv: "filen att importera (.xlsx, .docx, .csv, .tsv, .txt); kan upprepas", en: "the file to import (.xlsx, .docx, .csv, .tsv, .txt); may repeat"), .file, repeats: true)],
        options: [
            Opt("--kind", .choice(["activities", "goals", "risks", "findings", "followups", "owners"]), Message(sv: "vad raderna är: activities, goals, risks, findings, followups, owners; utan --kind gissas det från kolumnerna (aldrig owners), och en notis säger när en tabell läses som mål", en: "what the rows are: activities, goals, risks, findings, followups, owners; without --kind it is guessed from the columns (never owners), and a notice says when a table is read as goals")),
            Opt("--sheet", .text, placeholder: Message(sv: "NAMN", en: "NAME"), Message(sv: "bladet i arbetsboken (standard: det första synliga; är arbetsboken uppställd som exports, två eller fler blad som heter Mål, Aktiviteter … med Id först, läses alla, vart och ett som sitt slag)", en: "the workbook's sheet (default: the first visible one; a workbook laid out as export's, two or more sheets called Mål, Aktiviteter … with Id first, is read whole, each sheet as its kind)")),
            Opt("--map", .text, placeholder: Message(sv: "'KOLUMN=fält'", en: "'COLUMN=field'"), Message(sv: "kolumnen är fältet (t.ex. 'Vem=owner'); fält '-' hoppar över kolumnen; kan upprepas", en: "the column is the field (e.g. 'Vem=owner'); field '-' skips the column; may repeat"), repeatable: true),
            Opt("--dry-run", .flag, Message(sv: "visa posterna som skulle läggas till, som diff, utan att skriva", en: "show the records that would be added, as a diff, without writing")),
        ],
        examples: ["sakerhet import Handlingsplan.docx --dry-run",
                   "sakerhet import plan.xlsx",
                   "sakerhet import uppfoljning.xlsx --sheet Aktiviteter",
                   "sakerhet import risker.csv --kind risks --map 'Riskägare=owner'"])

    static let kinds: [String: Kind] = ["activities": .activity, "goals": .goal, "risks": .risk, "findings": .finding, "followups": .followup, "owners": .owner]

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let o = try args.take(spec)
        let dryRun = o.flag("--dry-run")
        var options = Importer.Options()
        if let k = o.value("--kind") { options.kind = kinds[k] }
        let sheet = o.value("--sheet")
        for m in o.all("--map") {
            guard let eq = m.firstIndex(of: "="), eq != m.startIndex else {
                throw UsageError(sv: "--map tar 'Kolumn=fält', inte '\(m)'", en: "--map takes 'Column=field', not '\(m)'")
            }
            let field = String(m[m.index(after: eq)...]).trimmingSpaces()
            let fieldKinds = options.kind.map { [$0] } ?? Array(kinds.values)
            guard field == "-" || fieldKinds.contains(where: { $0.spec(field) != nil }) else {
                let all = Array(Set(fieldKinds.flatMap(\.fieldOrder))).sorted()
                let hint = Suggest.closest(to: field, in: all)
                throw UsageError(sv: "--map: okänt fält '\(field)'" + (hint.map { " (menade du '\($0)'?)" } ?? "") + "; fälten är " + all.joined(separator: ", ") + ", eller - för att hoppa över",
                                 en: "--map: unknown field '\(field)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; the fields are " + all.joined(separator: ", ") + ", or - to skip")
            }
            options.map[String(m[..<eq])] = field
        }
        var files: [String] = []
        while let f = args.positional() { files.append(f) }
        try args.finish(command: name)
        guard !files.isEmpty else {
            throw UsageError(sv: "ange en fil att importera, t.ex. 'sakerhet import plan.xlsx'", en: "name a file to import, e.g. 'sakerhet import plan.xlsx'")
        }
        // Read every file before taking the lock: a file that cannot be read stops it all.
        var sources: [(file: String, tables: [SourceTable])] = []
        let names = files.map(Path.lastComponent)
        for (i, file) in files.enumerated() {
            // By its name, or as given when another file of the import has the same name
            // (a/plan.csv, b/plan.csv): each row's problems then name their own file.
            let shown = names.indices.contains { $0 != i && names[$0] == names[i] && files[$0] != file } ? file : names[i]
            // The file's name goes into the records it makes ("importerad från …", a reason):
            // a name with a personnummer is refused here, naming the name, not a row.
            if SafeText.masked(shown) != shown {
                throw UsageError(sv: "filnamnet '\(shown)' innehåller något som ser ut som ett personnummer, och namnet skrivs in i posterna som importen gör; byt namn på filen och importera igen",
                                 en: "the file name '\(shown)' holds what looks like a personal identity number, and the name is written into the records the import makes; rename the file and import again")
            }
            do {
                sources.append((shown, try ImportSource.tables(try Store.read(file), file: shown, sheet: sheet, kind: options.kind)))
            } catch let e as OfficeError {
                throw StoreError(sv: e.message.sv, en: e.message.en)
            }
        }
        let (folder, display) = try ctx.dataFolder()
        let asOf = try ctx.asOf()
        let wait = try ctx.lockTimeout()
        let outcome = try ImportWrite.perform(folder: folder, display: display, asOf: asOf, lockTimeout: wait, options: options,
                                              sources: sources, dryRun: dryRun, lang: ctx.lang) { notices in
            for n in notices { Output.error("sakerhet: " + n.text(ctx.lang), ctx.lang) }
        }
        switch outcome {
        case .nothingNew(let text), .saved(let text):
            try Output.write(text + "\n")
            return Exit.ok
        case .refused(let errors, let after, let why):
            for d in errors { Output.error(DiagnosticText.line(d, data: after, lang: ctx.lang, style: .plain), ctx.lang) }
            Output.error("sakerhet: " + why, ctx.lang)
            return Exit.problems
        case .dryRun(let diff):
            try Output.write(diff)
            return Exit.ok
        }
    }
}
