import FoundationEssentials
import SakerhetCore

/// `sakerhet report`: the follow-up for the strategic meeting and the committee.
enum Report: Command {
    static let name = "report"
    static let spec = CommandSpec(
        name: name,
        summary: Message(
            sv: "Skriver uppföljningen: sammanfattning med trafikljus, mål, delmål, aktivitetslista, risker med riskmatris, revisionens rekommendationer och vad varje ansvarig har försenat.",
            en: "Writes the follow-up: summary with traffic lights, goals, sub-goals, activity list, risks with the risk matrix, audit recommendations and what each owner has late."),
        options: [
            Opt("--format", .choice(["text", "markdown", "html", "json", "docx"]), Message(sv: "text (standard), markdown, html (fristående fil för utskrift och webb), json eller docx (Word, kräver -o)", en: "text (default), markdown, html (self-contained file for print and web), json or docx (Word, needs -o)")),
            Opt("--output", short: "-o", .file, Message(sv: "skriv till FIL; formatet följer filändelsen (.html, .md, .json, .txt, .docx)", en: "write to FILE; the format follows the extension (.html, .md, .json, .txt, .docx)")),
            Opt("--period", .text, placeholder: Message(sv: "ÅÅÅÅ[-H1|-T1|-Q1|-MM|-Wnn]", en: "YYYY[-H1|-T1|-Q1|-MM|-Wnn]"), Message(sv: "uppföljningsperiod, ett år (2024), halvår (2024-H1), tertial (2024-T1), kvartal (2024-Q2), månad (2024-10) eller ISO-vecka (2024-W44); standard: innevarande år", en: "follow-up period, a year (2024), half (2024-H1), tertial (2024-T1), quarter (2024-Q2), month (2024-10) or ISO week (2024-W44); default: the current year")),
            Opt("--public", .flag, Message(sv: "utelämna poster som är intern eller sekretess (för nämndens offentliga handling)", en: "leave out records classified intern or sekretess (for the committee's public record)")),
        ],
        examples: ["sakerhet report --as-of 2024-11-04", "sakerhet report --public -o uppfoljning-2024.html", "sakerhet report --public -o uppfoljning-2024.docx"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let o = try args.take(spec)
        var format = o.value("--format")
        let outFile = o.value("--output")
        let periodText = o.value("--period")
        let isPublic = o.flag("--public")
        try args.finish(command: name)
        if format == nil, let f = outFile {
            let ext = Path.fileExtension(f).lowercased()
            guard let f = OutputFormat.report(forExtension: ext) else {
                throw UsageError(sv: "-o: okänd filändelse '.\(ext)'; använd .html, .md, .json, .txt eller .docx (för PDF: skriv HTML och skriv ut den till PDF i webbläsaren)",
                                 en: "-o: unknown extension '.\(ext)'; use .html, .md, .json, .txt or .docx (for PDF: write HTML and print it to PDF in a browser)")
            }
            format = f
        }
        if format == "docx" && outFile == nil {
            throw UsageError(sv: "--format docx behöver -o FIL.docx (ett Word-dokument skrivs till en fil, inte till terminalen)",
                             en: "--format docx needs -o FILE.docx (a Word document is written to a file, not to the terminal)")
        }
        let asOf = try ctx.asOf()
        var period: FollowUp.Period?
        if let p = periodText {
            guard let parsed = FollowUp.Period(p) else {
                throw UsageError(sv: "--period tar ett år (2024), halvår (2024-H1), tertial (2024-T1), kvartal (2024-Q2), månad (2024-10) eller ISO-vecka (2024-W44), inte '\(p)'",
                                 en: "--period takes a year (2024), half (2024-H1), tertial (2024-T1), quarter (2024-Q2), month (2024-10) or ISO week (2024-W44), not '\(p)'")
            }
            period = parsed
        }
        if ctx.isRollup { return try RollupRun.report(format: format ?? "text", outFile: outFile, period: period, isPublic: isPublic, ctx) }
        // Git is read once: the history sections and each record's baseline deadline. It is
        // started first and runs while the data is loaded.
        let located = try? ctx.dataFolder()
        let reading = located.map { GitHistory.begin(folder: $0.path, display: $0.display, tags: true) }
        let data = try ctx.load()
        let (folder, display) = try located ?? ctx.dataFolder()
        let (history, baselines) = HistoryReport.loadWithBaselines(reading ?? GitHistory.begin(folder: folder, display: display, tags: true),
                                                                  period: (period ?? .year(of: asOf)).through(asOf), asOf: asOf,
                                                                  excluding: isPublic ? data.classifiedIDs : [], isPublic: isPublic,
                                                                  lang: ctx.lang)
        var report = FollowUp.make(data, asOf: asOf, period: period, isPublic: isPublic, lang: ctx.lang, baselines: baselines)
        report.attach(history: history.map { var h = $0; h.movedGreen = data.config.movedGreen; return h })
        report.attach(errors: Checks.reportErrors(data, asOf: asOf))
        ctx.keep(report)  // held to the end like the data set: not freed one row at a time
        let text: Pieces
        switch format ?? "text" {
        case "json": text = Pieces(FollowUpJSON.render(report))
        case "markdown": text = Pieces(FollowUpMarkdown.render(report, lang: ctx.lang))
        case "html": text = FollowUpHTML.pieces(report, lang: ctx.lang)
        case "docx":
            let docx = try FollowUpDOCX.render(report, lang: ctx.lang)
            try Output.write(docx, toOutput: outFile!, dataFolder: display, fileExtension: "docx")  // checked above
            Output.error(WroteFile.line(WroteFile.followUp, format: OutputFormat.name("docx"), bytes: docx.count, path: outFile!, lang: ctx.lang), ctx.lang)
            return Exit.ok
        default: text = Pieces(FollowUpText.render(report, lang: ctx.lang, style: outFile == nil ? ctx.style : .plain))
        }
        if let outFile {
            let bytes = try Output.write(text, toOutput: outFile, dataFolder: display, fileExtension: OutputFormat.fileExtension(format ?? "text"))
            Output.error(WroteFile.line(WroteFile.followUp, format: OutputFormat.name(format ?? "text"), bytes: bytes, path: outFile, lang: ctx.lang), ctx.lang)
        } else { try Output.write(text) }
        return Exit.ok
    }
}
