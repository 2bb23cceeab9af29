/// Renders record lists as an aligned table, TSV, CSV for Excel, or JSON.
public enum ListRender {
    public static let jsonSchema = "sakerhet.list/1"

    public static func columns(_ kind: Kind, _ lang: Lang) -> [String] {
        let sv = lang == .sv
        switch kind {
        case .risk: return ["Id", "Risk", sv ? "S×K" : "L×C", sv ? "Nivå" : "Level", sv ? "Ansvarig" : "Owner", "Status", sv ? "Omprövas" : "Review"]
        case .finding: return ["Id", sv ? "Rekommendation" : "Recommendation", sv ? "Bedömning" : "Assessment", sv ? "Ansvarig" : "Owner", sv ? "Klart senast" : "Due", "Status", "Signal"]
        case .goal: return ["Id", sv ? "Titel" : "Title", sv ? "Mål" : "Parent", sv ? "Ansvarig" : "Owner", sv ? "Klart senast" : "Due", "Status", "Signal",
                            ReportLabels(lang: lang).below]
        default: return ["Id", sv ? "Titel" : "Title", sv ? "Mål" : "Goal", sv ? "Ansvarig" : "Owner", sv ? "Påbörjas" : "Start", sv ? "Klart senast" : "Due", "Status", "Signal"]
        }
    }

    /// The row's cells for the table, TSV and CSV, through `SafeText.text`.
    /// The cells of `rows[i]`, made safe to print (`SafeText`).
    static func cells(_ rows: [ListRow], _ i: Int, _ lang: Lang) -> [String] {
        var sink = StringCells(lang: lang)
        writeCells(rows, i, lang, into: &sink)
        return sink.cells
    }

    /// The list in `format`: `tsv`, `csv`, `json`, or the table (anything else). A list
    /// kept for one owner (`scope`, `--owner`) says above the table whom it covers; the
    /// other formats are for programs and have the rows alone.
    public static func render(_ list: RecordList, format: String, lang: Lang, style: Style, scope: OwnerScope? = nil) -> String {
        switch format {
        case "tsv": return tsv(list, lang: lang)
        case "csv": return csv(list, lang: lang)
        case "json": return json(list)
        default: return (scope.map { $0.line(lang) + "\n\n" } ?? "") + table(list, lang: lang, style: style)
        }
    }

    public static func table(_ list: RecordList, lang: Lang, style: Style) -> String {
        let names = columns(list.kind, lang)
        let widths: [Int] = list.kind == .activity ? [5, 44, 5, 8, 8, 12, 11, 16] : list.kind == .goal ? [5, 38, 8, 8, 12, 11, 16, 6]
            : list.kind == .risk ? [5, 46, 8, 8, 12, 11, 22] : [5, 46, 8, 8, 12, 11, 16]
        var t = TextTable(zip(names, widths).map { TextTable.Column($0.0, $0.1) }, lang: lang)
        guard style.color else {
            // Without colour the cells are written as bytes straight from the rows, read in
            // place: no row copied, no string a cell.
            var out = list.rows.isEmpty ? (lang == .sv ? "Inga poster matchar.\n" : "No records match.\n") : t.render(tableCells(list, lang), style: style)
            if list.kind == .finding { out += "\n" + countLine(list, lang) + "\n" }
            return out
        }
        t.rows.reserveCapacity(list.rows.count)
        t.paint.reserveCapacity(list.rows.count)
        for (i, r) in list.rows.enumerated() {
            // Painters only when there is colour to add: without them the text is left as is.
            guard style.color, r.signal != nil || r.level != nil || r.assessment != nil || r.reviewPassed == true else {
                t.add(cells(list.rows, i, lang))
                continue
            }
            var painters: [@Sendable (String) -> String] = Array(repeating: { $0 }, count: names.count)
            if let s = r.signal { painters[list.kind == .goal ? names.count - 2 : names.count - 1] = { style.signal(s, $0) } }
            if let b = r.below { painters[names.count - 1] = { style.signal(b, $0) } }
            if let l = r.level { painters[3] = { levelPaint(l, style)($0) } }
            if r.reviewPassed == true { painters[names.count - 1] = { style.yellow($0) } }
            if let a = r.assessment { painters[2] = { style.signal(a == .green ? .green : a == .yellow ? .yellow : .red, $0) } }
            t.add(cells(list.rows, i, lang), paint: painters)
        }
        var out = list.rows.isEmpty ? (lang == .sv ? "Inga poster matchar.\n" : "No records match.\n") : t.render(style: style)
        if list.kind == .finding { out += "\n" + countLine(list, lang) + "\n" }
        return out
    }

    /// The table's cells of every row, as `cells` gives them, written as bytes.
    static func tableCells(_ list: RecordList, _ lang: Lang) -> [TextTable.Cells] {
        let rows = list.rows
        return TextTable.Cells.make(rows: rows.count, width: columns(list.kind, lang).count) { i, c in
            writeCells(rows, i, lang, into: &c)
        }
    }

    /// The cells of `rows[i]` in the list's columns, into `c`, each ended with `close` (which
    /// makes it safe to print). The one definition of a row's cells: the table writes them as
    /// bytes, the other formats as strings (`cells`). The row's fields are read one by one:
    /// the row passed whole to a function would be copied.
    static func writeCells<Sink: CellSink>(_ rows: [ListRow], _ i: Int, _ lang: Lang, into c: inout Sink) {
        func status() {
            if let s = rows[i].status { c.append(lang == .sv ? s : (Status(parsing: s)?.english ?? RiskStatus(rawValue: s)?.english ?? s)) }
            if let p = rows[i].progress { c.append(" ("); c.append(p); c.append(")") }
            c.close(lang)
        }
        func owner() {
            if let owners = rows[i].owners {
                for (k, o) in owners.enumerated() {
                    if k > 0 { c.append(", ") }
                    c.append(o)
                }
            } else {
                c.append(rows[i].owner)
            }
            c.close(lang)
        }
        func signal() {
            if let s = rows[i].signal { c.append(s.word(lang)) }
            let late = rows[i].daysLate
            if late > 0 {
                c.append(" (")
                c.append(number: late)
                c.append(lang == .sv ? " d sen)" : " d late)")
            }
            c.close(lang)
        }
        func cell(_ s: String) { c.append(s); c.close(lang) }
        func due() { cell(FollowUpText.dueToken(rows[i].due, rows[i].original, lang)) }
        cell(rows[i].id)
        cell(rows[i].title)
        switch rows[i].kind {
        case .risk:
            cell(rows[i].score.map { String($0) } ?? "")
            cell(rows[i].level?.word(lang) ?? "")
            owner()
            status()
            // The review date, and the days since it passed, as the other lists' days late.
            if let review = rows[i].review { c.append(review.description) }
            if rows[i].reviewPassed == true {
                c.append(" (")
                c.append(number: rows[i].daysLate)
                c.append(lang == .sv ? " d sen)" : " d late)")
            }
            c.close(lang)
        case .finding:
            cell(rows[i].assessment?.word(lang) ?? "")
            owner()
            due()
            status()
            signal()
        case .goal:
            cell(rows[i].goal ?? "")
            owner()
            due()
            status()
            signal()
            cell(ReportLabels(lang: lang).below(rows[i].below))
        default:
            cell(rows[i].goal ?? "")
            owner()
            cell(rows[i].start?.shown(lang) ?? "")
            due()
            status()
            signal()
        }
    }

    /// "Revisionens bedömning: 2 gröna, 2 gula, 0 röda av 4": the auditors' colours (the
    /// Bedömning column), labelled as the report labels them, so that the line under a Signal
    /// column is not read as a count of signals.
    public static func countLine(_ list: RecordList, _ lang: Lang) -> String {
        ReportLabels(lang: lang).auditCount(FollowUp.AuditGroup(audit: "", auditor: nil, year: nil, green: list.green, yellow: list.yellow,
                                                                red: list.red, rows: []), total: list.rows.count)
    }

    static func levelPaint(_ l: RiskLevel, _ style: Style) -> (String) -> String {
        switch l {
        case .low: return style.green
        case .medium: return style.yellow
        case .high: return style.red
        case .veryHigh: return { style.bold(style.red($0)) }
        }
    }

    public static func tsv(_ list: RecordList, lang: Lang) -> String {
        var out = columns(list.kind, lang).joined(separator: "\t") + "\n"
        // Only a cell with a tab or a line feed needs them replaced (Foundation's replacing
        // was most of the time of a long list).
        func flat(_ s: String) -> String {
            s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A })
                ? s.replacingAll("\t", with: " ").replacingAll("\n", with: " ") : s
        }
        for i in list.rows.indices {
            out += cells(list.rows, i, lang).map(flat).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// For Excel in a Swedish locale: UTF-8 with a byte-order mark, `;` between fields.
    /// Unlike the table, a sheet gets one value a column: the owner's name beside its id,
    /// and the days late apart from the signal (a number to sort and sum).
    /// A cell that Excel would read as a formula (`=`, `+`, `-`, `@` first, or a tab or CR)
    /// gets an apostrophe before it, so that it opens as the text it is: a title written
    /// `=HYPERLINK("…")` or `@SUM(…)` runs nothing (CSV injection). A number (`-5`) is left
    /// as it is.
    static func formulaSafe(_ s: String) -> String {
        guard let first = s.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return s }
        if first == 0x2D || first == 0x2B, s.utf8.count > 1, s.utf8.dropFirst().allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E }) {
            return s
        }
        return "'" + s
    }

    public static func csv(_ list: RecordList, lang: Lang) -> String {
        func quote(_ s: String) -> String {
            let s = formulaSafe(s)
            // The bytes first: a value without `;`, `"`, CR or LF needs no look at its characters.
            return s.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
                && s.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        let sv = lang == .sv
        let names = columns(list.kind, lang)
        let owner = names.firstIndex(of: sv ? "Ansvarig" : "Owner")
        // A risk's days past its review date follow the review date, as the others' days
        // late follow the signal.
        let review = list.kind == .risk ? names.count - 1 : nil
        let signal = review ?? names.firstIndex(of: "Signal")
        func spread(_ cells: [String], name: String, late: String) -> [String] {
            var out: [String] = []
            for (i, c) in cells.enumerated() {
                out.append(c)
                if i == owner { out.append(name) }
                if i == signal { out.append(late) }
            }
            return out
        }
        let header = spread(names, name: sv ? "Ansvarig (namn)" : "Owner (name)",
                            late: review != nil ? (sv ? "Dagar efter omprövning" : "Days past review") : (sv ? "Dagar sen" : "Days late"))
        var out = "\u{FEFF}" + header.map(quote).joined(separator: ";") + "\r\n"
        for (i, r) in list.rows.enumerated() {
            var cells = cells(list.rows, i, lang)
            if let review { cells[review] = r.review?.description ?? "" }
            else if let signal { cells[signal] = SafeText.text(r.signal?.word(lang) ?? "", lang) }
            let row = spread(cells, name: SafeText.text(r.ownerName, lang), late: r.daysLate > 0 ? "\(r.daysLate)" : "")
            out += row.map(quote).joined(separator: ";") + "\r\n"
        }
        return out
    }

    struct Envelope: Encodable {
        let schema: String
        let kind: Kind
        let as_of: Day
        let rows: [ListRow]
    }

    public static func json(_ list: RecordList) -> String {
        DiagnosticFormats.encode(Envelope(schema: jsonSchema, kind: list.kind, as_of: list.asOf, rows: list.rows))
    }

    /// A risk matrix for the terminal, cells coloured by level.
    public static func matrix(_ risks: [Risk], thresholds: RiskThresholds, lang: Lang, style: Style) -> String {
        let sv = lang == .sv
        let n = thresholds.scale
        let cell = n == 5 ? 13 : 16
        var grid = Array(repeating: Array(repeating: [String](), count: n), count: n)
        // A closed risk is no longer there: it is counted below the matrix, not in a cell.
        var closed = 0
        for r in risks {
            if r.status == .closed { closed += 1; continue }
            if let l = r.likelihood, let c = r.consequence, (1...n).contains(l), (1...n).contains(c) { grid[l - 1][c - 1].append(r.id) }
        }
        var out = style.bold(sv ? "Riskmatris: sannolikhet (rader) × konsekvens (kolumner)" : "Risk matrix: likelihood (rows) × consequence (columns)") + "\n\n"
        let rule = "     +" + String(repeating: String(repeating: "-", count: cell) + "+", count: n) + "\n"
        out += rule
        for l in stride(from: n, through: 1, by: -1) {
            var line = "  \(l)  |"
            for c in 1...n {
                let ids = grid[l - 1][c - 1]
                let text = ids.isEmpty ? "" : "\(ids.count): " + SafeText.text(ids.joined(separator: " "), lang)
                let shown = text.count > cell - 2 ? String(text.prefix(cell - 3)) + "…" : text
                let padded = " " + shown + String(repeating: " ", count: cell - 1 - shown.count)
                line += levelPaint(thresholds.level(l * c), style)(padded) + "|"
            }
            out += line + "\n" + rule
        }
        out += "      " + (1...n).map { String(repeating: " ", count: cell / 2) + "\($0)" + String(repeating: " ", count: cell - cell / 2) }.joined() + "\n"
        out += "\n" + (sv ? "Nivåer: " : "Levels: ") + thresholds.legend(lang) + (sv ? " (poäng = sannolikhet × konsekvens)" : " (score = likelihood × consequence)") + "\n"
        if closed > 0 {
            out += sv ? "\(closed) \(closed == 1 ? "stängd risk" : "stängda risker") ingår inte.\n" : "\(closed) closed \(closed == 1 ? "risk is" : "risks are") not included.\n"
        }
        return out
    }
}

/// Where `ListRender.writeCells` writes a row's cells.
protocol CellSink {
    mutating func append(_ s: String)
    mutating func append(number: Int)
    /// Ends the cell, made safe to print (`SafeText`).
    mutating func close(_ lang: Lang)
}

extension TextTable.Cells: CellSink {}

/// A row's cells as strings.
struct StringCells: CellSink {
    let lang: Lang
    private(set) var cells: [String] = []
    private var current = ""

    init(lang: Lang) { self.lang = lang }

    mutating func append(_ s: String) { current += s }
    mutating func append(number: Int) { current += String(number) }
    mutating func close(_ lang: Lang) {
        cells.append(SafeText.text(current, lang))
        current = ""
    }
}
