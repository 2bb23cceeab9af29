/// Reads the tables of a Word document (`.docx`, word/document.xml). A cell's text is its
/// `w:t` runs joined, its paragraphs joined by a line break; a cell spanning columns
/// (`w:gridSpan`) is followed by empty cells so the columns stay aligned; a cell merged down
/// (`w:vMerge`, a goal written once beside its activities) has the text of the cell where the
/// merge starts in every row it covers. A table inside a cell is read as a table of its own.
/// A table keeps the heading above it (`SourceTable.heading`): the last paragraph outside
/// the tables in a heading style (`w:pStyle` Heading…, Rubrik…, or a `w:outlineLvl`), as
/// an action plan names each målområde above its table.
public enum DOCXReader {
    public static func read(_ bytes: [UInt8], file: String) throws -> [SourceTable] {
        let zip = try ZipArchive(bytes)
        guard let document = try zip.read("word/document.xml") else {
            throw OfficeError(sv: "\(file) är inget Word-dokument (word/document.xml saknas); spara det som .docx i Word eller LibreOffice",
                              en: "\(file) is not a Word document (no word/document.xml); save it as .docx in Word or LibreOffice")
        }
        return try tables(document, file: file)
    }

    static func tables(_ bytes: [UInt8], file: String) throws -> [SourceTable] {
        struct Building {
            var rows: [[TableCell]] = []; var row: [TableCell] = []; var cell = ""; var paragraphs = 0; var span = 1
            /// The cell continues a vertical merge from the row above.
            var mergedDown = false
        }
        var stack: [Building] = []
        var done: [(Int, [[TableCell]])] = []
        var started = 0
        var order: [Int] = []
        var inText = false
        // Paragraphs outside the tables: the text of the one read, whether it is a heading,
        // the last heading so far, and the heading of each table by its number.
        var paragraph = "", isHeading = false, lastHeading: String?
        var headings: [Int: String] = [:]
        var x = XMLScanner(bytes)
        while let e = x.next() {
            switch e {
            case .start("tbl", _, false):
                if stack.isEmpty, let h = lastHeading { headings[started + 1] = h }
                stack.append(Building())
                started += 1
                order.append(started)
            case .start("p", _, _) where stack.isEmpty:
                paragraph = ""
                isHeading = false
            case .start("pStyle", let a, _) where stack.isEmpty:
                let style = ImportColumns.fold(a["val"] ?? "")
                if style.hasPrefix("heading") || style.hasPrefix("rubrik") { isHeading = true }
            // Outline levels 0–8 are headings; 9 is Word's body text.
            case .start("outlineLvl", let a, _) where stack.isEmpty: if (Int(a["val"] ?? "") ?? 9) < 9 { isHeading = true }
            case .end("p") where stack.isEmpty:
                let text = ImportValues.clean(paragraph).replacingAll("\n", with: " ")
                if isHeading, !text.isEmpty { lastHeading = text }
                isHeading = false
            case .text(let s) where inText && stack.isEmpty: paragraph += s
            case .end("tbl"):
                guard let b = stack.popLast(), let n = order.popLast() else { continue }
                done.append((n, b.rows))
            case .start("tr", _, _) where !stack.isEmpty: stack[stack.count - 1].row = []
            case .end("tr") where !stack.isEmpty:
                stack[stack.count - 1].rows.append(stack[stack.count - 1].row)
            case .start("tc", _, _) where !stack.isEmpty:
                stack[stack.count - 1].cell = ""
                stack[stack.count - 1].paragraphs = 0
                stack[stack.count - 1].span = 1
                stack[stack.count - 1].mergedDown = false
            case .start("gridSpan", let a, _) where !stack.isEmpty:
                stack[stack.count - 1].span = max(1, min(64, a["val"].flatMap(Int.init) ?? 1))
            case .start("vMerge", let a, _) where !stack.isEmpty:
                // `w:val="restart"` starts a merge; no value or "continue" goes on with it.
                stack[stack.count - 1].mergedDown = a["val"] == nil || a["val"] == "continue"
            case .end("tc") where !stack.isEmpty:
                let b = stack[stack.count - 1]
                let column = b.row.count
                if b.mergedDown, let above = b.rows.last, column < above.count {
                    stack[stack.count - 1].row.append(above[column])
                } else {
                    stack[stack.count - 1].row.append(.text(b.cell))
                }
                for _ in 1..<b.span { stack[stack.count - 1].row.append(.text("")) }
            case .start("p", _, _) where !stack.isEmpty:
                if stack[stack.count - 1].paragraphs > 0 { stack[stack.count - 1].cell += "\n" }
                stack[stack.count - 1].paragraphs += 1
            case .start("t", _, let empty): inText = !empty
            case .end("t"): inText = false
            case .start("tab", _, _) where !stack.isEmpty: stack[stack.count - 1].cell += "\t"
            case .start("br", _, _) where !stack.isEmpty, .start("cr", _, _) where !stack.isEmpty: stack[stack.count - 1].cell += "\n"
            case .text(let s) where inText && !stack.isEmpty: stack[stack.count - 1].cell += s
            default: break
            }
        }
        try x.requireWhole("word/document.xml")
        return done.sorted { $0.0 < $1.0 }.map {
            var t = SourceTable(name: "\(file), tabell \($0.0)", place: Message(sv: "\(file), tabell \($0.0)", en: "\(file), table \($0.0)"), rows: $0.1)
            t.heading = headings[$0.0]
            t.number = $0.0
            return t
        }
    }
}
