/// A document to write: headings, paragraphs and tables, top to bottom.
public struct WordDocument: Sendable {
    public var title: String?
    /// The language of the text, e.g. `sv-SE`: spelling and hyphenation in Word.
    public var language: String
    public var blocks: [Block]
    /// A4 landscape rather than portrait: room for wide tables.
    public var landscape: Bool

    public init(title: String? = nil, language: String, blocks: [Block] = [], landscape: Bool = false) {
        self.title = title
        self.language = language
        self.blocks = blocks
        self.landscape = landscape
    }

    public enum Block: Sendable {
        /// Level 0 is the document title, 1–3 the headings (Word's built-in styles, so a
        /// template's own heading styles take over when the text is pasted into it).
        case heading(String, level: Int)
        case paragraph([Run])
        case table(Table)
    }

    public struct Run: Sendable {
        public var text: String
        public var bold: Bool
        public var italic: Bool
        /// Text colour as RGB hex.
        public var colour: String?

        public init(_ text: String, bold: Bool = false, italic: Bool = false, colour: String? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.colour = colour
        }
    }

    public struct Cell: Sendable {
        public enum Alignment: String, Sendable { case left, center, right }
        public var runs: [Run]
        /// Background shading as RGB hex, e.g. `FFC7CE`.
        public var fill: String?
        public var alignment: Alignment

        public init(_ runs: [Run], fill: String? = nil, alignment: Alignment = .left) {
            self.runs = runs
            self.fill = fill
            self.alignment = alignment
        }

        public init(_ text: String, bold: Bool = false, fill: String? = nil, alignment: Alignment = .left) {
            self.init([Run(text, bold: bold)], fill: fill, alignment: alignment)
        }
    }

    public struct Table: Sendable {
        /// Relative widths, one per column.
        public var widths: [Double]
        public var rows: [[Cell]]
        /// How many rows at the top are the header (bold, shaded, repeated on each page).
        public var headerRows: Int

        public init(widths: [Double], rows: [[Cell]], headerRows: Int = 1) {
            self.widths = widths
            self.rows = rows
            self.headerRows = headerRows
        }
    }

    /// The language of the mark that stands in for a personnummer (`language`).
    var maskLanguage: Lang { language.hasPrefix("en") ? .en : .sv }

    public mutating func heading(_ text: String, level: Int) { blocks.append(.heading(text, level: level)) }
    public mutating func paragraph(_ text: String, bold: Bool = false, italic: Bool = false) {
        blocks.append(.paragraph([Run(text, bold: bold, italic: italic)]))
    }
    public mutating func table(_ t: Table) { blocks.append(.table(t)) }
}

/// Writes a `WordDocument` as an Office Open XML word-processing document (.docx): a
/// stored zip of the document, its styles and core properties. What is written:
/// paragraphs in the built-in styles Title and Heading 1–3, runs in bold, italics and
/// colour, line breaks and tabs, and tables (style Table Grid, full text width, the
/// header row bold, shaded and repeated on each page, cell shading, alignment; column
/// widths in percent, so that a table pasted into another template fits its page) on A4
/// pages, portrait or landscape, with 2 cm margins. No images, fields, numbering or
/// headers/footers.
public enum DOCXWriter {
    static let ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    /// A4 in twentieths of a point, and the margin (2 cm).
    static let a4 = (short: 11_906, long: 16_838)
    static let margin = 1_134
    /// The header rows' shading.
    public static let headerFill = "ECEFF1"

    public static func write(_ doc: WordDocument) throws -> [UInt8] {
        var zip = ZipWriter()
        let ct = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        try zip.add("[Content_Types].xml", Array(OOXML.contentTypes([("/word/document.xml", ct + "document.main+xml"),
                                                                    ("/word/styles.xml", ct + "styles+xml")]).utf8))
        try zip.add("_rels/.rels", Array(OOXML.rootRelationships(main: "word/document.xml").utf8))
        try zip.add("docProps/core.xml", Array(OOXML.coreProperties(title: doc.title.map { SafeText.masked($0, doc.maskLanguage) }).utf8))
        try zip.add("word/document.xml", Array(document(doc).utf8))
        try zip.add("word/_rels/document.xml.rels", Array(OOXML.relationships([("rId1", OOXML.officeRelNS + "/styles", "styles.xml")]).utf8))
        try zip.add("word/styles.xml", Array(styles(language: doc.language).utf8))
        return try zip.finish()
    }

    static func document(_ doc: WordDocument) -> String {
        var b = XML.declaration
        b += "<w:document xmlns:w=\"\(ns)\" xmlns:r=\"\(OOXML.officeRelNS)\"><w:body>"
        for block in doc.blocks {
            switch block {
            case .heading(let text, let level):
                let style = level <= 0 ? "Title" : "Heading\(min(level, 3))"
                b += "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>"
                run(WordDocument.Run(text), into: &b, doc.maskLanguage)
                b += "</w:p>"
            case .paragraph(let runs):
                b += "<w:p>"
                for r in runs { run(r, into: &b, doc.maskLanguage) }
                b += "</w:p>"
            case .table(let t):
                table(t, textWidth: (doc.landscape ? a4.long : a4.short) - 2 * margin, into: &b, doc.maskLanguage)
                // Two tables in a row would be joined into one by Word.
                b += "<w:p/>"
            }
        }
        let (w, h) = doc.landscape ? (a4.long, a4.short) : (a4.short, a4.long)
        b += "<w:sectPr><w:pgSz w:w=\"\(w)\" w:h=\"\(h)\"\(doc.landscape ? " w:orient=\"landscape\"" : "")/>"
        b += "<w:pgMar w:top=\"\(margin)\" w:right=\"\(margin)\" w:bottom=\"\(margin)\" w:left=\"\(margin)\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>"
        return b + "</w:body></w:document>"
    }

    /// A run; its text masked (`SafeText.masked`): no personnummer is written, as in every
    /// other output.
    static func run(_ r: WordDocument.Run, into b: inout String, _ lang: Lang) {
        b += "<w:r>"
        if r.bold || r.italic || r.colour != nil {
            b += "<w:rPr>"
            if r.bold { b += "<w:b/>" }
            if r.italic { b += "<w:i/>" }
            if let c = r.colour { b += "<w:color w:val=\"\(XML.escape(c, attribute: true))\"/>" }
            b += "</w:rPr>"
        }
        // Line breaks and tabs are elements of their own in a run.
        let text = XML.escape(SafeText.masked(r.text, lang))
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { b += "<w:br/>" }
            first = false
            var firstPiece = true
            for piece in line.split(separator: "\t", omittingEmptySubsequences: false) {
                if !firstPiece { b += "<w:tab/>" }
                firstPiece = false
                if !piece.isEmpty { b += "<w:t xml:space=\"preserve\">" + piece + "</w:t>" }
            }
        }
        b += "</w:r>"
    }

    static func table(_ t: WordDocument.Table, textWidth: Int, into b: inout String, _ lang: Lang) {
        let columns = max(t.widths.count, t.rows.map(\.count).max() ?? 0, 1)
        var weights = t.widths + Array(repeating: 1, count: columns - t.widths.count)
        if weights.contains(where: { !($0 > 0) }) { weights = Array(repeating: 1, count: columns) }
        let total = weights.reduce(0, +)
        let widths = weights.map { Int((Double(textWidth) * $0 / total).rounded(.down)) }
        // Cell widths in fiftieths of a percent of the table's.
        let percents = weights.map { Int((5000 * $0 / total).rounded(.down)) }
        b += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        b += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr>"
        b += "<w:tblGrid>"
        for w in widths { b += "<w:gridCol w:w=\"\(w)\"/>" }
        b += "</w:tblGrid>"
        for (i, row) in t.rows.enumerated() {
            let header = i < t.headerRows
            // A body row may break across pages: one taller than a page would be cut off.
            b += header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr>"
            for c in 0..<columns {
                let cell = c < row.count ? row[c] : WordDocument.Cell("")
                b += "<w:tc><w:tcPr><w:tcW w:w=\"\(percents[c])\" w:type=\"pct\"/>"
                if let fill = cell.fill ?? (header ? headerFill : nil) {
                    b += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(XML.escape(fill, attribute: true))\"/>"
                }
                b += "</w:tcPr><w:p>"
                if cell.alignment != .left || header {
                    b += "<w:pPr>"
                    if header { b += "<w:keepNext/>" }
                    if cell.alignment != .left { b += "<w:jc w:val=\"\(cell.alignment.rawValue)\"/>" }
                    b += "</w:pPr>"
                }
                for r in cell.runs {
                    var r = r
                    if header { r.bold = true }
                    run(r, into: &b, lang)
                }
                b += "</w:p></w:tc>"
            }
            b += "</w:tr>"
        }
        b += "</w:tbl>"
    }

    /// Calibri 10 pt in the document's language; Title, Heading 1–3 and Table Grid (9 pt).
    static func styles(language: String) -> String {
        let lang = XML.escape(language, attribute: true)
        var b = XML.declaration + "<w:styles xmlns:w=\"\(ns)\">"
        b += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>"
        b += "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"\(lang)\" w:eastAsia=\"\(lang)\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
        b += "<w:pPrDefault><w:pPr><w:spacing w:after=\"100\" w:line=\"259\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        b += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
        b += "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/>"
        b += "<w:pPr><w:spacing w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/></w:rPr></w:style>"
        for (level, size, before) in [(1, 30, 360), (2, 25, 240), (3, 22, 200)] {
            b += "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/><w:basedOn w:val=\"Normal\"/>"
            b += "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
            b += "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"\(before)\" w:after=\"100\"/><w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr>"
            b += "<w:rPr><w:b/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        b += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
        b += "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
        b += "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        b += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>"
        b += "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr><w:tblPr><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            b += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A0A0A0\"/>"
        }
        b += "</w:tblBorders></w:tblPr></w:style>"
        return b + "</w:styles>"
    }
}
