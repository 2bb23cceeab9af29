import Foundation
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
            Opt("--format", .choice(["text", "markdown", "html", "json"]), Message(sv: "text (standard), markdown, html (fristående fil för utskrift och webb) eller json", en: "text (default), markdown, html (self-contained file for print and web) or json")),
            Opt("--output", short: "-o", .file, Message(sv: "skriv till FIL; formatet följer filändelsen (.html, .md, .json, .txt)", en: "write to FILE; the format follows the extension (.html, .md, .json, .txt)")),
            Opt("--period", .text, placeholder: Message(sv: "ÅÅÅÅ|ÅÅÅÅ-MM", en: "YYYY|YYYY-MM"), Message(sv: "uppföljningsperiod, ett år (2024) eller en månad (2024-10); standard: innevarande år", en: "follow-up period, a year (2024) or a month (2024-10); default: the current year")),
            Opt("--public", .flag, Message(sv: "utelämna poster som är intern eller sekretess (för nämndens offentliga handling)", en: "leave out records classified intern or sekretess (for the committee's public record)")),
        ],
        examples: ["sakerhet report --as-of 2024-11-04", "sakerhet report --public -o uppfoljning-2024.html"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let o = try args.take(spec)
        var format = o.value("--format")
        let outFile = o.value("--output")
        let periodText = o.value("--period")
        let isPublic = o.flag("--public")
        try args.finish(command: name)
        if format == nil, let f = outFile {
            let ext = (f as NSString).pathExtension.lowercased()
            let known = ["html": "html", "htm": "html", "md": "markdown", "markdown": "markdown", "json": "json", "txt": "text", "": "text"]
            guard let f = known[ext] else {
                throw UsageError(sv: "-o: okänd filändelse '.\(ext)'; använd .html, .md, .json eller .txt (för PDF: skriv HTML och skriv ut den till PDF i webbläsaren)",
                                 en: "-o: unknown extension '.\(ext)'; use .html, .md, .json or .txt (for PDF: write HTML and print it to PDF in a browser)")
            }
            format = f
        }
        let asOf = try ctx.asOf()
        var period: FollowUp.Period?
        if let p = periodText {
            guard let parsed = FollowUp.Period(p) else {
                throw UsageError(sv: "--period tar ett år (2024) eller en månad (2024-10), inte '\(p)'",
                                 en: "--period takes a year (2024) or a month (2024-10), not '\(p)'")
            }
            period = parsed
        }
        let data = try ctx.load()
        var report = FollowUp.make(data, asOf: asOf, period: period, isPublic: isPublic, lang: ctx.lang)
        let (folder, display) = try ctx.dataFolder()
        report.attach(history: HistoryReport.load(folder: folder, display: display, period: report.period,
                                                  excluding: isPublic ? data.classifiedIDs : []))
        let text: [String]
        switch format ?? "text" {
        case "json": text = [FollowUpJSON.render(report)]
        case "markdown": text = [FollowUpMarkdown.render(report, lang: ctx.lang)]
        case "html": text = FollowUpHTML.pieces(report, lang: ctx.lang)
        default: text = [FollowUpText.render(report, lang: ctx.lang, style: outFile == nil ? ctx.style : .plain)]
        }
        if let outFile { try Output.write(text, toOutput: outFile, dataFolder: display) } else { try Output.write(text) }
        return Exit.ok
    }
}
