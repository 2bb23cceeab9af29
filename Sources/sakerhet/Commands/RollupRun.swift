import FoundationEssentials
import SakerhetCore

/// The read-only commands over many plans (`--data` repeated, `--plans FILE`). Each
/// command parses its options as for one plan and hands them here; the work is in the
/// core (`Rollup`, `RollupReport`, the `Rollup*` renderers).
enum RollupRun {
    static func audit(format: String, failOn: String, noTime: Bool, byOwner: Bool, owner: String?, outFile: String?,
                      _ ctx: Context) throws -> Int32 {
        let folders = try ctx.planFolders()
        let asOf = try ctx.asOf()
        let style = outFile == nil && format == "text" ? ctx.style : .plain
        let (plans, matched) = try Rollup.audit(folders: folders, asOf: asOf, includeDateChecks: !noTime, owner: owner,
                                                format: format, byOwner: byOwner, lang: ctx.lang, style: style)
        if let owner, !matched { throw noOwner(owner) }
        let text = RollupAudit.render(plans, format: format, byOwner: byOwner, asOf: asOf, owner: owner, lang: ctx.lang, style: style)
        try write(Pieces(text), outFile, folders, format: format)
        let all = plans.flatMap(\.diagnostics)
        switch failOn {
        case "never": return Exit.ok
        case "warning": return all.contains { $0.severity != .notice } ? Exit.problems : Exit.ok
        default: return all.contains { $0.severity == .error } ? Exit.problems : Exit.ok
        }
    }

    static func report(format: String, outFile: String?, period: FollowUp.Period?, isPublic: Bool, _ ctx: Context) throws -> Int32 {
        if format == "docx" {
            throw UsageError(sv: "report över flera planer skrivs som text, markdown, html eller json, inte docx",
                             en: "a report over several plans is written as text, markdown, html or json, not docx")
        }
        let folders = try ctx.planFolders()
        let asOf = try ctx.asOf()
        // The HTML page's plan sections are written as each plan is read.
        let report = try Rollup.report(folders: folders, asOf: asOf, period: period, isPublic: isPublic, lang: ctx.lang,
                                       section: format == "html" ? RollupHTML.section(lang: ctx.lang) : nil)
        let text: Pieces
        switch format {
        case "json": text = Pieces(RollupJSON.render(report))
        case "markdown": text = Pieces(RollupMarkdown.render(report, lang: ctx.lang))
        case "html": text = RollupHTML.pieces(report, lang: ctx.lang)
        default: text = Pieces(RollupText.render(report, lang: ctx.lang, style: outFile == nil ? ctx.style : .plain))
        }
        let bytes = try write(text, outFile, folders, format: format)
        // As for one plan: what was written, how large, where.
        if let outFile, let bytes {
            Output.error(WroteFile.line(WroteFile.followUp, format: OutputFormat.name(format), bytes: bytes, path: outFile, lang: ctx.lang), ctx.lang)
        }
        return Exit.ok
    }

    static func list(_ kind: Kind, filter: ListFilter, owner: String?, format: String, _ ctx: Context) throws -> Int32 {
        let folders = try ctx.planFolders()
        let asOf = try ctx.asOf()
        let listing = try Rollup.list(folders: folders, kind, filter: filter, owner: owner, asOf: asOf)
        if let s = filter.status {
            let known = kind == .risk ? RiskStatus(parsing: s) != nil : Status(parsing: s) != nil
            if !known {
                let words = kind == .risk ? RiskStatus.allCases.map(\.rawValue) : Status.allCases.map(\.rawValue)
                throw UsageError(sv: "--status: okänd status '\(s)'; tillåtna: " + words.joined(separator: ", "),
                                 en: "--status: unknown status '\(s)'; allowed: " + words.joined(separator: ", "))
            }
        }
        if let owner, !listing.ownerMatched { throw noOwner(owner) }
        // A goal or area that no plan has (with an owner, the list is that owner's, maybe empty).
        if let g = filter.goal, listing.everyPlanLeftOut, owner == nil {
            throw UsageError(sv: "ingen plan har målet '\(g)'", en: "no plan has the goal '\(g)'")
        }
        if let a = filter.area, listing.everyPlanLeftOut, owner == nil {
            throw UsageError(sv: "ingen plan har området '\(a)'", en: "no plan has the area '\(a)'")
        }
        // The table says whom it covers, plan by plan, as one plan's says it above its rows.
        try Output.write((format == "table" ? listing.selection(ctx.lang) : "") + ListRender.render(listing.list, format: format, lang: ctx.lang, style: ctx.style))
        return Exit.ok
    }

    /// `plan:A12` whose plan is none of `names`: the names the plans have, and the id as it
    /// would be written with the plan whose name begins with the one given (else the first).
    static func unknownPlan(_ id: String, _ colon: String.Index, _ names: [String]) -> UsageError {
        let given = String(id[..<colon]), local = String(id[id.index(after: colon)...])
        let close = names.filter { $0.hasPrefix(given) }
        let example = (close.count == 1 ? close[0] : names.first ?? given) + ":" + local
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        return UsageError(sv: "ingen plan heter '\(given)' (i '\(id)'); planerna heter \(list); skriv t.ex. '\(example)'",
                          en: "no plan is named '\(given)' (in '\(id)'); the plans are named \(list); write e.g. '\(example)'")
    }

    static func log(ids: [String], since: Day?, until: Day?, field: String?, slips: Bool, format: String, _ ctx: Context) throws -> Int32 {
        let plans = try Rollup.named(try ctx.planFolders())
        // `plan:A12` names one plan's record; `A12` the record of that id in every plan.
        let names = plans.map(\.name)
        @Sendable func local(_ id: String, _ p: Rollup.Named) -> String? { Rollup.local(id, in: p.name, names: names) }
        @Sendable func wanted(_ p: Rollup.Named) -> [String] { ids.compactMap { local($0, p) } }
        let histories: [Result<History, StoreError>] = Store.readEach(plans) { p in
            let only = wanted(p)
            if !ids.isEmpty && only.isEmpty { return .success(History()) }
            do { return .success(try GitHistory.read(folder: p.folder.path, display: p.folder.display, only: only.isEmpty ? nil : Set(only))) }
            catch let e as StoreError { return .failure(e) }
            catch { return .failure(StoreError(sv: "\(error)", en: "\(error)")) }
        }
        for id in ids {
            let known = zip(plans, histories).contains { p, h in
                guard let l = local(id, p), case .success(let history) = h else { return false }
                return history.knownIDs.contains(l)
            }
            if !known {
                if let colon = id.lastIndex(of: ":"), !plans.contains(where: { id.hasPrefix($0.name + ":") }) {
                    throw unknownPlan(id, colon, plans.map(\.name))
                }
                throw UsageError(sv: "ingen post med id '\(id)' finns i historiken för någon plan", en: "no record with id '\(id)' in the history of any plan")
            }
        }
        let style = format == "text" ? ctx.style : .plain
        var parts: [(Rollup.Named, String)] = []
        for (p, h) in zip(plans, histories) {
            let only = wanted(p)
            if !ids.isEmpty && only.isEmpty { continue }
            switch h {
            case .failure(let e):
                // It names the plan's folder: a path is data too (SafeText).
                let note = SafeText.text(e.message.text(ctx.lang), ctx.lang)
                parts.append((p, format == "json" ? "{\"error\": \(jsonString(note))}" : note + "\n"))
            case .success(let history):
                let text: String
                if slips {
                    let list = Slips.make(history, ids: only, since: since, until: until)
                    switch format {
                    case "json": text = HistoryJSON.render(slips: list, ids: only, since: since, until: until, warnings: history.warnings, lang: ctx.lang)
                    case "markdown": text = HistoryMarkdown.render(slips: list, warnings: history.warnings, lang: ctx.lang)
                    default: text = HistoryText.render(slips: list, warnings: history.warnings, lang: ctx.lang, style: style)
                    }
                } else {
                    let log = history.log(ids: only, since: since, until: until, field: field)
                    switch format {
                    case "json": text = HistoryJSON.render(log, lang: ctx.lang)
                    case "markdown": text = HistoryMarkdown.render(log, lang: ctx.lang)
                    default: text = HistoryText.render(log, lang: ctx.lang, style: style)
                    }
                }
                parts.append((p, text))
            }
        }
        // A plan's name and folder are data (SafeText), in the headings of every format.
        func heading(_ p: Rollup.Named) -> String { SafeText.text(p.name, ctx.lang) + " (" + SafeText.text(p.folder.display, ctx.lang) + ")" }
        var out = ""
        switch format {
        case "json":
            out = "{\n  \"schema\": \"sakerhet.log-rollup/1\",\n  \"plans\": ["
            for (i, (p, text)) in parts.enumerated() {
                out += (i == 0 ? "\n" : ",\n") + "    {\"plan\": \(jsonString(SafeText.masked(p.name, ctx.lang))), \"folder\": \(jsonString(SafeText.masked(p.folder.display, ctx.lang))), \"log\": "
                    + text.trimmingSpaces(newlines: true).replacingAll("\n", with: "\n    ") + "}"
            }
            out += "\n  ]\n}\n"
        case "markdown":
            for (p, text) in parts { out += "# " + heading(p) + "\n\n" + RollupMarkdown.deeper(text) + "\n" }
        default:
            for (p, text) in parts { out += style.bold("== " + heading(p) + " ==") + "\n" + text + "\n" }
        }
        try Output.write(out)
        return Exit.ok
    }

    /// To standard output, or to `-o FILE`, which may lie in none of the plans' data folders.
    /// Returns the number of bytes written to the file (nil for standard output).
    @discardableResult
    static func write(_ text: Pieces, _ outFile: String?, _ folders: [Plans.Folder], format: String) throws -> Int? {
        guard let outFile else { try Output.write(text, runnerCommands: format == "github"); return nil }
        guard !outFile.isEmpty else { throw UsageError(sv: "-o behöver ett filnamn", en: "-o needs a file name") }
        let path = outFile.includes("/") ? outFile : "./" + outFile
        let dir = Plans.canonical(Context.parent(of: path))
        for f in folders {
            let folder = Plans.canonical(f.path)
            if dir == folder || dir.hasPrefix(folder + "/") {
                throw StoreError(sv: "-o \(outFile) ligger i datamappen \(f.display) och skulle skriva över dess filer; skriv till en fil utanför datamapparna",
                                 en: "-o \(outFile) is inside the data folder \(f.display) and would overwrite its files; write to a file outside the data folders")
            }
        }
        return try Store.writeOutput(text, to: path, fileExtension: OutputFormat.fileExtension(format))
    }

    static func noOwner(_ query: String) -> UsageError {
        UsageError(sv: "ingen ansvarig i någon plan matchar '\(query)'", en: "no owner in any plan matches '\(query)'")
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where c.value < 0x20: out += "\\u" + StringOps.hex(c.value, width: 4)
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
