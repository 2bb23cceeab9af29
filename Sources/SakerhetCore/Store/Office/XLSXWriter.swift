/// A workbook to write: sheets of typed cells under one header row each.
public struct Workbook: Sendable {
    public var title: String?
    public var sheets: [Sheet]
    /// The language of the mark that stands in for a personnummer: every text of the
    /// workbook is masked as it is written (`SafeText.masked`), as every other output is.
    public var lang: Lang

    public init(title: String? = nil, sheets: [Sheet], lang: Lang = .sv) {
        self.title = title
        self.sheets = sheets
        self.lang = lang
    }

    /// One sheet. Row 1 is the header; it is frozen and carries the autofilter.
    public struct Sheet: Sendable {
        public var name: String
        public var columns: [Column]
        public var rows: [[Cell]]

        public init(name: String, columns: [Column], rows: [[Cell]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }
    }

    /// A text cell longer than a cell of Excel holds (`XLSXWriter.maxCellLength`, in
    /// UTF-16 units as Excel counts): the writer cuts it and ends it with "…".
    public struct Cut: Sendable, Equatable {
        public let sheet: String
        /// The row as Excel numbers it (1 is the header) and the column's header.
        public let row: Int
        public let column: String
        /// The text's length as written (masked), in characters as Excel counts them.
        public let length: Int

        /// The warning `export` prints for it.
        public var warning: Message {
            Message(sv: "varning: \(sheet), rad \(row), kolumn \(column): texten har \(length) tecken och kortas till \(XLSXWriter.maxCellLength) (mer rymmer inte en cell i Excel); en import av arbetsboken får den kortade texten",
                    en: "warning: \(sheet), row \(row), column \(column): the text has \(length) characters and is cut to \(XLSXWriter.maxCellLength) (a cell of Excel holds no more); an import of the workbook gets the cut text")
        }
    }

    /// Every cell the writer will cut, in sheet and row order: what a reader of the
    /// workbook (and an import of it) will not get whole.
    public var cuts: [Cut] {
        var out: [Cut] = []
        let growth = SafeText.mask(lang).utf16.count / 10 + 1
        for sheet in sheets {
            for (r, row) in sheet.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    // Masked, a personnummer of at least 10 characters becomes the mark (19
                    // characters in Swedish, 24 in English): a text grows at most that many
                    // times, so a shorter one cannot reach the limit.
                    guard case .text(let s) = cell.value, s.utf16.count * growth > XLSXWriter.maxCellLength else { continue }
                    let length = SafeText.masked(s, lang).utf16.count
                    guard length > XLSXWriter.maxCellLength else { continue }
                    out.append(Cut(sheet: sheet.name, row: r + 2, column: c < sheet.columns.count ? sheet.columns[c].header : "", length: length))
                }
            }
        }
        return out
    }

    public struct Column: Sendable {
        public var header: String
        /// In characters of the default font; nil: from the longest value, at most 60.
        public var width: Double?

        public init(_ header: String, width: Double? = nil) {
            self.header = header
            self.width = width
        }
    }

    public struct Cell: Sendable, Hashable {
        public enum Value: Sendable, Hashable {
            case empty
            case text(String)
            case integer(Int)
            case number(Double)
            /// Written as the day's serial number (days since 1899-12-30) with a date format.
            case date(Day)
        }
        public var value: Value
        /// Background colour as RGB hex, e.g. `C6EFCE`.
        public var fill: String?

        public init(_ value: Value, fill: String? = nil) {
            self.value = value
            self.fill = fill
        }

        public static let empty = Cell(.empty)
        public static func text(_ s: String?) -> Cell { s.map { Cell(.text($0)) } ?? .empty }
        public static func integer(_ n: Int?) -> Cell { n.map { Cell(.integer($0)) } ?? .empty }
        public static func date(_ d: Day?) -> Cell { d.map { Cell(.date($0)) } ?? .empty }
    }
}

/// Writes a `Workbook` as an Office Open XML spreadsheet (.xlsx): a stored zip of the
/// workbook, one worksheet per sheet, shared strings and styles. What is written: cell
/// values (shared strings, numbers, dates as serials with the format `yyyy-mm-dd`),
/// a bold shaded header row frozen in place with an autofilter over the table, column
/// widths, solid cell fills, wrapped text in a cell of several lines, printing on A4 landscape fitted to the page's width, and the
/// document title. No formulas, no shared formats
/// beyond these, no zip compression.
public enum XLSXWriter {
    /// A text whose `_xHHHH_` would read as an escape (ECMA-376 ST_Xstring): its underscore
    /// written as `_x005F_`, so that a reader (Excel, `import`) gets the text back as it is.
    static func xEscaped(_ s: String) -> String {
        guard s.contains("_x") || s.contains("_X") else { return s }
        let u = Array(s.utf8)
        func isHex(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b) }
        var out: [UInt8] = []
        for (i, b) in u.enumerated() {
            if b == 0x5F, i + 6 < u.count, u[i + 1] == 0x78 || u[i + 1] == 0x58, u[i + 6] == 0x5F, u[(i + 2)...(i + 5)].allSatisfy(isHex) {
                out += Array("_x005F".utf8)
            }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Excel's limit on the characters of one cell.
    public static let maxCellLength = 32_767
    /// The serial of 1970-01-01 in Excel's 1900 date system.
    static let serialOf1970 = 25_569

    public static func write(_ book: Workbook) throws -> [UInt8] {
        var strings = SharedStrings(lang: book.lang)
        var styles = Styles()
        var sheetParts: [[UInt8]] = []
        for sheet in book.sheets {
            sheetParts.append(Array(worksheet(sheet, selected: sheetParts.isEmpty, strings: &strings, styles: &styles).utf8))
        }
        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", Array(contentTypes(book).utf8))
        try zip.add("_rels/.rels", Array(OOXML.rootRelationships(main: "xl/workbook.xml").utf8))
        try zip.add("docProps/core.xml", Array(OOXML.coreProperties(title: book.title.map { SafeText.masked($0, book.lang) }).utf8))
        try zip.add("xl/workbook.xml", Array(workbook(book).utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array(workbookRels(book).utf8))
        try zip.add("xl/styles.xml", Array(styles.xml.utf8))
        try zip.add("xl/sharedStrings.xml", Array(strings.xml.utf8))
        for (i, part) in sheetParts.enumerated() { try zip.add("xl/worksheets/sheet\(i + 1).xml", part) }
        return try zip.finish()
    }

    /// `A`, `B`, …, `Z`, `AA`, … for column index 0, 1, ….
    public static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The serial number Excel shows as `day`.
    public static func serial(_ day: Day) -> Int { day.ordinal + serialOf1970 }

    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func worksheet(_ sheet: Workbook.Sheet, selected: Bool, strings: inout SharedStrings, styles: inout Styles) -> String {
        let lastColumn = columnName(max(sheet.columns.count, 1) - 1)
        let lastRow = sheet.rows.count + 1
        let range = "A1:\(lastColumn)\(lastRow)"
        var b = XML.declaration
        b += "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        // Printed, the columns fit the page's width (as many pages down as it takes).
        b += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        b += "<dimension ref=\"\(range)\"/>"
        b += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        b += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        b += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        b += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columns.isEmpty {
            b += "<cols>"
            for (i, c) in sheet.columns.enumerated() {
                let w = c.width ?? width(of: sheet, column: i)
                b += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(format(w))\" customWidth=\"1\"/>"
            }
            b += "</cols>"
        }
        let names = sheet.columns.indices.map(columnName)
        b += "<sheetData>"
        let header = styles.index(Styles.Key(bold: true, fill: "ECEFF1", date: false, wrap: false))
        b += "<row r=\"1\">"
        for (i, c) in sheet.columns.enumerated() {
            b += "<c r=\"\(names[i])1\" s=\"\(header)\" t=\"s\"><v>\(strings.index(c.header))</v></c>"
        }
        b += "</row>"
        for (r, row) in sheet.rows.enumerated() {
            let n = r + 2
            b += "<row r=\"\(n)\">"
            for (i, cell) in row.prefix(names.count).enumerated() {
                var isDate = false, wrap = false
                switch cell.value {
                case .date: isDate = true
                // A text of several lines (a note, or a field that repeats, one value a line)
                // wraps, so that Excel shows its lines as lines.
                case .text(let t): wrap = t.utf8.contains(0x0A)
                default: break
                }
                let s = cell.fill == nil && !isDate && !wrap ? 0 : styles.index(Styles.Key(bold: false, fill: cell.fill, date: isDate, wrap: wrap))
                let style = s == 0 ? "" : " s=\"\(s)\""
                switch cell.value {
                case .empty:
                    if s != 0 { b += "<c r=\"\(names[i])\(n)\"\(style)/>" }
                case .text(let t):
                    b += "<c r=\"\(names[i])\(n)\"\(style) t=\"s\"><v>\(strings.index(t))</v></c>"
                case .integer(let v):
                    b += "<c r=\"\(names[i])\(n)\"\(style)><v>\(v)</v></c>"
                case .number(let v):
                    guard v.isFinite else { continue }
                    b += "<c r=\"\(names[i])\(n)\"\(style)><v>\(v)</v></c>"
                case .date(let d):
                    b += "<c r=\"\(names[i])\(n)\"\(style)><v>\(serial(d))</v></c>"
                }
            }
            b += "</row>"
        }
        b += "</sheetData>"
        if !sheet.columns.isEmpty { b += "<autoFilter ref=\"\(range)\"/>" }
        b += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        b += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        b += "</worksheet>"
        return b
    }

    /// A width that shows the longest value (of the first 1,000 rows) up to 60 characters.
    static func width(of sheet: Workbook.Sheet, column i: Int) -> Double {
        var longest = sheet.columns[i].header.count + 3  // room for the filter button
        for row in sheet.rows.prefix(1000) where i < row.count {
            switch row[i].value {
            case .text(let t): longest = max(longest, t.split(separator: "\n").map(\.count).max() ?? 0)
            case .date: longest = max(longest, 10)
            case .integer(let v): longest = max(longest, String(v).count)
            case .number(let v): longest = max(longest, String(v).count)
            case .empty: break
            }
        }
        return Double(min(max(longest, 6), 60)) + 1
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() ? String(Int(d)) : String(d)
    }

    static func contentTypes(_ book: Workbook) -> String {
        let ns = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        return OOXML.contentTypes([("/xl/workbook.xml", ns + "sheet.main+xml")]
            + book.sheets.indices.map { ("/xl/worksheets/sheet\($0 + 1).xml", ns + "worksheet+xml") }
            + [("/xl/styles.xml", ns + "styles+xml"), ("/xl/sharedStrings.xml", ns + "sharedStrings+xml")])
    }

    static func workbook(_ book: Workbook) -> String {
        var b = XML.declaration + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        b += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, s) in book.sheets.enumerated() {
            b += "<sheet name=\"\(XML.escape(sheetName(s.name), attribute: true))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        b += "</sheets>"
        // Excel keeps each autofilter's range under this hidden name as well.
        let filtered = book.sheets.enumerated().filter { !$0.element.columns.isEmpty }
        if !filtered.isEmpty {
            b += "<definedNames>"
            for (i, s) in filtered {
                let name = "'" + sheetName(s.name).replacingAll("'", with: "''") + "'"
                let range = "$A$1:$\(columnName(s.columns.count - 1))$\(s.rows.count + 1)"
                b += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(XML.escape(name))!\(range)</definedName>"
            }
            b += "</definedNames>"
        }
        return b + "</workbook>"
    }

    /// Excel's rules: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 })
        let short = String(cleaned.prefix(31))
        return short.isEmpty ? "Blad" : short
    }

    static func workbookRels(_ book: Workbook) -> String {
        let n = book.sheets.count
        return OOXML.relationships(book.sheets.indices.map { ("rId\($0 + 1)", relNS + "/worksheet", "worksheets/sheet\($0 + 1).xml") }
            + [("rId\(n + 1)", relNS + "/styles", "styles.xml"), ("rId\(n + 2)", relNS + "/sharedStrings", "sharedStrings.xml")])
    }

    /// The workbook's strings, each once, in the order first used.
    struct SharedStrings {
        /// The language of a personnummer's mark (`Workbook.lang`).
        let lang: Lang
        var indices: [String: Int] = [:]
        var list: [String] = []
        var uses = 0

        mutating func index(_ s: String) -> Int {
            uses += 1
            if let i = indices[s] { return i }
            indices[s] = list.count
            list.append(s)
            return list.count - 1
        }

        var xml: String {
            var b = XML.declaration + "<sst xmlns=\"\(XLSXWriter.mainNS)\" count=\"\(uses)\" uniqueCount=\"\(list.count)\">"
            for s in list {
                let text = XML.escape(XLSXWriter.xEscaped(clip(SafeText.masked(s, lang))))
                let keep = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
                b += keep ? "<si><t xml:space=\"preserve\">\(text)</t></si>" : "<si><t>\(text)</t></si>"
            }
            return b + "</sst>"
        }

        /// Excel refuses a cell of more than 32,767 characters (UTF-16 units).
        func clip(_ s: String) -> String {
            guard s.utf16.count > XLSXWriter.maxCellLength else { return s }
            var out = ""
            var n = 0
            for c in s {
                n += c.utf16.count
                if n > XLSXWriter.maxCellLength - 1 { break }
                out.append(c)
            }
            return out + "…"
        }
    }

    /// The cell formats used: index 0 is the default, the rest are made as asked for.
    struct Styles {
        struct Key: Hashable {
            var bold: Bool
            var fill: String?
            var date: Bool
            /// Wrap the text at its line breaks (`<alignment wrapText="1"/>`), top-aligned.
            var wrap: Bool
        }
        var keys: [Key] = [Key(bold: false, fill: nil, date: false, wrap: false)]
        var indices: [Key: Int] = [Key(bold: false, fill: nil, date: false, wrap: false): 0]
        var fills: [String] = []

        mutating func index(_ key: Key) -> Int {
            if let i = indices[key] { return i }
            if let f = key.fill, !fills.contains(f) { fills.append(f) }
            indices[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }

        var xml: String {
            var b = XML.declaration + "<styleSheet xmlns=\"\(XLSXWriter.mainNS)\">"
            b += "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
            b += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            b += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            b += "<fills count=\"\(fills.count + 2)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            for f in fills { b += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(XML.escape(f, attribute: true))\"/><bgColor indexed=\"64\"/></patternFill></fill>" }
            b += "</fills>"
            b += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            b += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            b += "<cellXfs count=\"\(keys.count)\">"
            for k in keys {
                let fill = k.fill.flatMap { fills.firstIndex(of: $0) }.map { $0 + 2 } ?? 0
                b += "<xf numFmtId=\"\(k.date ? 164 : 0)\" fontId=\"\(k.bold ? 1 : 0)\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\""
                if k.date { b += " applyNumberFormat=\"1\"" }
                if k.bold { b += " applyFont=\"1\"" }
                if fill != 0 { b += " applyFill=\"1\"" }
                b += k.wrap ? " applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>" : "/>"
            }
            b += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            return b + "</styleSheet>"
        }
    }
}
