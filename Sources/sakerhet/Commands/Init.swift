import Foundation
import SakerhetCore

/// `sakerhet init [DIR]`: starts a new plan for a municipality or committee.
enum Init: Command {
    static let name = "init"
    static let spec = CommandSpec(
        name: name,
        summary: Message(
            sv: "Skapar KATALOG/data med config.rec, owners.rec, areas.rec (de tio områdena) och tomma goals.rec, activities.rec, risks.rec och findings.rec med beskrivningsblock och exempel. Skriver aldrig över befintliga filer.",
            en: "Creates DIR/data with config.rec, owners.rec, areas.rec (the ten areas) and empty goals.rec, activities.rec, risks.rec and findings.rec with descriptors and examples. Never overwrites existing files."),
        arguments: [Arg("KATALOG", "DIR", Message(sv: "där planen skapas (standard: .)", en: "where the plan is made (default: .)"), .dir, optional: true)],
        options: [
            Opt("--organisation", .text, Message(sv: "organisationen, t.ex. 'Socialnämnden, Norrtälje kommun'", en: "the organisation, e.g. 'Socialnämnden, Norrtälje kommun'")),
            Opt("--title", .text, Message(sv: "planens titel", en: "the plan's title")),
            Opt("--ci", .choice(["github", "gitlab"]), Message(sv: "lägg även till CI-jobbet: github (.github/workflows/sakerhet.yml) eller gitlab (.gitlab-ci.yml)", en: "also add the CI job: github (.github/workflows/sakerhet.yml) or gitlab (.gitlab-ci.yml)")),
        ],
        examples: ["sakerhet init säkerhetsplan --organisation 'Socialnämnden, Norrtälje kommun'",
                   "sakerhet init . --title 'Handlingsplan för säkerhetsarbetet 2026' --ci gitlab"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let o = try args.take(spec)
        let organisation = try configValue("--organisation", o.value("--organisation")) ?? "Socialnämnden"
        let title = try configValue("--title", o.value("--title")) ?? "Plan för socialnämndens systematiska säkerhetsarbete"
        let ci = o.value("--ci")
        let given = args.positional()
        if given?.isEmpty == true {
            throw UsageError(sv: "init: katalogen är tom; ange en katalog, t.ex. 'sakerhet init .'", en: "init: the folder is empty; give one, e.g. 'sakerhet init .'")
        }
        let dir = given ?? ctx.options.data.map(Context.parent(of:)) ?? "."
        try args.finish(command: name)
        let root = dir.isEmpty ? "." : dir
        var files = Templates.dataFolder(organisation: organisation, title: title).map { ("data/" + $0.0, $0.1) }
        if let ci { files.append(CITemplates.file(ci)) }
        let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: root + "/" + $0) }
        guard existing.isEmpty else {
            throw StoreError(sv: "finns redan: \(existing.joined(separator: ", ")) i \(root); init skriver inte över filer",
                             en: "already exists: \(existing.joined(separator: ", ")) in \(root); init does not overwrite files")
        }
        for (path, text) in files {
            let full = root + "/" + path
            do {
                try FileManager.default.createDirectory(atPath: Context.parent(of: full), withIntermediateDirectories: true)
            } catch {
                throw StoreError(sv: "kan inte skapa \(Context.parent(of: full)): \(error.localizedDescription)",
                                 en: "cannot create \(Context.parent(of: full)): \(error.localizedDescription)")
            }
            try Store.writeAtomically(Array(text.utf8), to: full)
        }
        let sv = ctx.lang == .sv
        var out = (sv ? "Skapade:\n" : "Created:\n") + files.map { "  \(root == "." ? "" : root + "/")\($0.0)\n" }.joined()
        out += sv ? "\nNästa steg: lägg till mål i data/goals.rec och kör 'sakerhet audit'.\n"
                  : "\nNext: add goals to data/goals.rec and run 'sakerhet audit'.\n"
        try Output.write(out)
        return Exit.ok
    }

    /// A one-line config value, without blanks around it; refused when it cannot be written
    /// as one `key: value` line (see `Templates.configValueProblem`).
    static func configValue(_ option: String, _ value: String?) throws -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
        if let problem = Templates.configValueProblem(trimmed, option: option) {
            throw UsageError(sv: problem.sv, en: problem.en)
        }
        return trimmed
    }
}
