import FoundationEssentials
import SakerhetCore

/// `sakerhet export`: the plan as an Excel workbook for the controller.
enum Export: Command {
    static let name = "export"
    static let spec = CommandSpec(
        name: name,
        summary: Message(
            sv: "Skriver planen som en Excel-arbetsbok: ett blad per slag (mål, delmål, aktiviteter, risker, rekommendationer, uppföljningar och sist ansvariga) med rubrikrad, låsta rubriker och filter, datum som datum, trafikljus och dagar sen i egna kolumner. 'sakerhet import' läser tillbaka hela arbetsboken.",
            en: "Writes the plan as an Excel workbook: a sheet per kind (goals, sub-goals, activities, risks, recommendations, follow-ups and last owners) with a header row, frozen headers and filters, dates as dates, the signal and days late in columns of their own. 'sakerhet import' reads the whole workbook back."),
        options: [
            Opt("--output", short: "-o", .file, Message(sv: "arbetsboken att skriva (.xlsx); skrivs atomiskt", en: "the workbook to write (.xlsx); written atomically"), required: true),
            Opt("--public", .flag, Message(sv: "utelämna poster som är intern eller sekretess, som 'report --public'", en: "leave out records classified intern or sekretess, as 'report --public' does")),
        ],
        examples: ["sakerhet export -o plan.xlsx", "sakerhet export --public --lang en -o plan-public.xlsx"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let o = try args.take(spec)
        let outFile = o.value("--output")
        let isPublic = o.flag("--public")
        try args.finish(command: name)
        guard let outFile, !outFile.isEmpty else {
            throw UsageError(sv: "export behöver -o FIL.xlsx (arbetsboken skrivs till en fil, inte till terminalen)",
                             en: "export needs -o FILE.xlsx (the workbook is written to a file, not to the terminal)")
        }
        let ext = Path.fileExtension(outFile).lowercased()
        guard ext == "xlsx" else {
            throw UsageError(sv: "-o: export skriver .xlsx, inte '.\(ext)'; ge ett filnamn som slutar på .xlsx (för CSV: 'sakerhet activities list --format csv')",
                             en: "-o: export writes .xlsx, not '.\(ext)'; give a file name ending in .xlsx (for CSV: 'sakerhet activities list --format csv')")
        }
        let asOf = try ctx.asOf()
        // The deadlines at the year's start from git (meanwhile), so that a moved record's
        // signal is the report's.
        let reading = Baselines.begin(folder: try ctx.dataFolder().path)
        let data = try ctx.load()
        let book = PlanExport.make(data, asOf: asOf, isPublic: isPublic, lang: ctx.lang, baselines: Baselines.load(reading, period: .year(of: asOf), asOf: asOf))
        let xlsx = try XLSXWriter.write(book)
        // Excel holds 32,767 characters in a cell: a longer text is cut in the workbook,
        // and an import of it gets the cut text. Said, cell by cell, not left to be found.
        for cut in book.cuts { Output.error("sakerhet: " + cut.warning.text(ctx.lang), ctx.lang) }
        try Output.write(xlsx, toOutput: outFile, dataFolder: try ctx.dataFolder().display, fileExtension: "xlsx")
        Output.error(WroteFile.line(WroteFile.workbook, format: OutputFormat.name("xlsx"), bytes: xlsx.count, path: outFile, lang: ctx.lang), ctx.lang)
        return Exit.ok
    }
}
