import FoundationEssentials
import SakerhetCore

/// `sakerhet init [DIR]`: starts a new plan for a municipality or committee.
enum Init: Command {
    static let name = "init"
    static let spec = CommandSpec(
        name: name,
        summary: Message(
            sv: "Skapar KATALOG/data med config.rec, owners.rec, areas.rec (de tio områdena), tomma goals.rec, activities.rec, risks.rec, findings.rec och followups.rec med beskrivningsblock och exempel, och .gitignore (för låsfilen); med --ci även CI-filen. Skriver aldrig över befintliga filer.",
            en: "Creates DIR/data with config.rec, owners.rec, areas.rec (the ten areas), empty goals.rec, activities.rec, risks.rec, findings.rec and followups.rec with descriptors and examples, and .gitignore (for the lock file); with --ci also the CI file. Never overwrites existing files."),
        arguments: [Arg("KATALOG", "DIR", Message(sv: "där planen skapas (standard: .)", en: "where the plan is made (default: .)"), .dir, optional: true)],
        options: [
            Opt("--organisation", .text, Message(sv: "organisationen, t.ex. 'Socialnämnden, Norrtälje kommun'", en: "the organisation, e.g. 'Socialnämnden, Norrtälje kommun'")),
            Opt("--title", .text, Message(sv: "planens titel", en: "the plan's title")),
            Opt("--ci", .choice(["github", "gitlab"]), Message(sv: "lägg även till CI-jobbet: github (.github/workflows/sakerhet.yml) eller gitlab (.gitlab-ci.yml)", en: "also add the CI job: github (.github/workflows/sakerhet.yml) or gitlab (.gitlab-ci.yml)")),
            Opt("--tool-ref", .text, placeholder: Message(sv: "REF", en: "REF"), Message(sv: "commit (eller gren) av sakerhet som CI-jobbet bygger (standard: main)", en: "the sakerhet commit (or branch) the CI job builds (default: main)")),
            Opt("--tool-repo", .text, placeholder: Message(sv: "URL", en: "URL"), Message(sv: "git-adressen till sakerhets källkod, t.ex. er spegel (standard: CI-variabeln SAKERHET_REPO)", en: "the git URL of sakerhet's source, e.g. your mirror (default: the CI variable SAKERHET_REPO)")),
        ],
        examples: ["sakerhet init säkerhetsplan --organisation 'Socialnämnden, Norrtälje kommun'",
                   "sakerhet init . --title 'Handlingsplan för säkerhetsarbetet 2026' --ci gitlab"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let o = try args.take(spec)
        let organisation = try configValue("--organisation", o.value("--organisation")) ?? "Socialnämnden"
        let title = try configValue("--title", o.value("--title")) ?? "Plan för socialnämndens systematiska säkerhetsarbete"
        let ci = o.value("--ci")
        let toolRef = o.value("--tool-ref")
        let toolRepo = o.value("--tool-repo")
        let given = args.positional()
        if given?.isEmpty == true {
            throw UsageError(sv: "init: katalogen är tom; ange en katalog, t.ex. 'sakerhet init .'", en: "init: the folder is empty; give one, e.g. 'sakerhet init .'")
        }
        let dir = given ?? ctx.options.data.map(Context.parent(of:)) ?? "."
        try args.finish(command: name)
        if ci == nil, toolRef != nil || toolRepo != nil {
            throw UsageError(sv: "--tool-ref och --tool-repo gäller CI-jobbet; ange även --ci github eller --ci gitlab",
                             en: "--tool-ref and --tool-repo are for the CI job; give --ci github or --ci gitlab too")
        }
        if let toolRef, !CITemplates.isValidRef(toolRef) {
            throw UsageError(sv: "--tool-ref tar ett commit-id eller ett gren- eller taggnamn av bokstäver, siffror och ._- (utan /)",
                             en: "--tool-ref takes a commit id or a branch or tag name of letters, digits and ._- (no /)")
        }
        // A token in the address would be committed with the workflow file.
        if let toolRepo, let at = toolRepo.firstIndex(of: "@"), toolRepo[..<at].contains("://") {
            throw UsageError(sv: "--tool-repo: adressen har inloggningsuppgifter före @; de skulle checkas in med jobbet. Ange adressen utan dem och lägg en token som en CI-hemlighet (docs/ci.md)",
                             en: "--tool-repo: the address holds credentials before @; they would be committed with the job. Give the address without them and put a token in a CI secret (docs/ci.md)")
        }
        if let toolRepo, !CITemplates.isValidRepo(toolRepo) {
            throw UsageError(sv: "--tool-repo tar en git-adress utan mellanslag, citattecken, \\, $ eller `",
                             en: "--tool-repo takes a git URL without spaces, quotes, \\, $ or `")
        }
        let root = dir.isEmpty ? "." : dir
        var files = Templates.dataFolder(organisation: organisation, title: title).map { ("data/" + $0.0, $0.1) }
        if let ci { files.append(CITemplates.file(ci, ref: toolRef ?? CITemplates.defaultRef, repo: toolRepo)) }
        let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
        guard existing.isEmpty else {
            throw StoreError(sv: "finns redan: \(existing.joined(separator: ", ")) i \(root); init skriver inte över filer",
                             en: "already exists: \(existing.joined(separator: ", ")) in \(root); init does not overwrite files")
        }
        for (path, text) in files {
            let full = root + "/" + path
            let code = Platform.makeFolders(Context.parent(of: full))
            if code != 0 {
                let why = Platform.errorText(code)
                throw StoreError(sv: "kan inte skapa \(Context.parent(of: full)): \(why.sv)",
                                 en: "cannot create \(Context.parent(of: full)): \(why.en)")
            }
            try Store.writeAtomically(Array(text.utf8), to: full)
        }
        let sv = ctx.lang == .sv
        // The folder as given is data to the terminal: shown as a value is.
        let shown = SafeText.text(root, ctx.lang)
        var out = (sv ? "Skapade:\n" : "Created:\n") + files.map { "  \(root == "." ? "" : shown + "/")\($0.0)\n" }.joined()
        out += sv ? "\nNästa steg: lägg till mål i data/goals.rec och kör 'sakerhet audit'.\n"
                  : "\nNext: add goals to data/goals.rec and run 'sakerhet audit'.\n"
        if let ci { out += CITemplates.nextSteps(ci, ref: toolRef ?? CITemplates.defaultRef, repo: toolRepo, lang: ctx.lang) }
        try Output.write(out)
        return Exit.ok
    }

    /// A one-line config value, without blanks around it; refused when it cannot be written
    /// as one `key: value` line (see `Templates.configValueProblem`).
    static func configValue(_ option: String, _ value: String?) throws -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingBlanks
        if let problem = Templates.configValueProblem(trimmed, option: option) {
            throw UsageError(sv: problem.sv, en: problem.en)
        }
        return trimmed
    }
}
