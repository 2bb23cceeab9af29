/// Reads delimited text as spreadsheets and copies from Word or PDF give it: `;`-separated
/// as Swedish Excel saves CSV, `,`-separated, or tab-separated; UTF-8 with or without a
/// byte-order mark, UTF-16 with one (Excel's "Unicode text"), else Windows-1252; CRLF or
/// LF; quoted cells holding the separator, `""` and line breaks.
public enum CSVReader {
    /// `tab` forces tab-separated (`.tsv`, `.txt`); otherwise the separator is detected.
    /// A quote that opens a cell and is never closed is refused, at the line it opens on:
    /// read to the end, the rest of the file would be one cell, and its rows would be lost
    /// without a word.
    public static func read(_ bytes: [UInt8], file: String, tab: Bool) throws -> SourceTable {
        let text = decode(bytes)
        let sep: Character = tab ? "\t" : separator(text)
        var rows: [[TableCell]] = [], numbers: [Int] = []
        var row: [TableCell] = [], cell = "", quoted = false, atStart = true
        var line = 1, rowLine = 1, quoteLine = 1, quoteColumn = 1
        var it = text.makeIterator()
        var pending: Character? = nil
        func endCell() { row.append(.text(cell)); cell = ""; atStart = true }
        func endRow() { endCell(); rows.append(row); numbers.append(rowLine); row = [] }
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { cell.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1; cell.append("\n") } else if c == "\r" { cell.append("\n") } else { cell.append(c) }
                }
                continue
            }
            switch c {
            case "\"" where atStart: quoted = true; atStart = false; quoteLine = line; quoteColumn = row.count + 1
            case sep: endCell()
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default: cell.append(c); atStart = false
            }
        }
        if quoted {
            let column = "\(quoteColumn) (\(XLSXWriter.columnName(quoteColumn - 1)))"
            throw OfficeError(sv: "\(file), rad \(quoteLine), kolumn \(column): citattecknet som börjar cellen stängs aldrig, så resten av filen skulle bli en enda cell; lägg till det avslutande \" (ett \" inne i en cell skrivs \"\") och importera igen",
                              en: "\(file), line \(quoteLine), column \(column): the quote that opens the cell is never closed, so the rest of the file would be one cell; add the closing \" (a \" inside a cell is written \"\") and import again")
        }
        if !cell.isEmpty || !row.isEmpty { endRow() }
        return SourceTable(name: file, rows: rows, numbers: numbers)
    }

    /// `;` if any line has one outside quotes (Swedish Excel), else tab if it outnumbers `,`, else `,`.
    static func separator(_ text: String) -> Character {
        var semi = 0, comma = 0, tabs = 0, quoted = false
        for c in text.prefix(65_536) {
            if c == "\"" { quoted.toggle() } else if !quoted {
                if c == ";" { semi += 1 } else if c == "," { comma += 1 } else if c == "\t" { tabs += 1 }
            }
        }
        if semi > 0 { return ";" }
        return tabs > comma ? "\t" : ","
    }

    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let le = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(le ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return windows1252(bytes)
    }

    /// Windows-1252: Latin-1 with printable characters in 0x80–0x9F.
    static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }
}
