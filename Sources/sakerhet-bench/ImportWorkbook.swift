import Foundation
import SakerhetCore

/// The workbook for timing `import`: a plan of N activity rows as Excel writes it (shared
/// strings, a date style, a title row above the header), in a zip of stored entries. The
/// bench has no deflater, so it measures reading the zip, the XML and the mapping; the
/// inflater is measured on its own in docs/performance.md.
enum ImportWorkbook {
    static func write(to path: String, rows n: Int) throws {
        var strings: [String] = []
        var index: [String: Int] = [:]
        func s(_ text: String) -> Int {
            if let i = index[text] { return i }
            index[text] = strings.count
            strings.append(text)
            return strings.count - 1
        }
        let owners = (1...40).map { "Enhet \($0)" }
        let statuses = ["Pågår", "Ej påbörjad", "Genomförd", "Klar", "Påbörjad"]
        let phrases = ["Mars 2025", "Hösten 2025", "Q3 2025", "Maj 2025", "Våren 2025", "Löpande"]
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        sheet += "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>\(s("Handlingsplan 2025"))</v></c></row>"
        let header = ["Mål", "Aktivitet", "Ansvarig", "Start", "Klart senast", "Status", "Kommentar"]
        sheet += "<row r=\"3\">" + header.enumerated().map { "<c r=\"\(col($0.offset))3\" t=\"s\"><v>\(s($0.element))</v></c>" }.joined() + "</row>"
        for i in 0..<n {
            let r = i + 4
            var cells = ["<c r=\"A\(r)\" t=\"s\"><v>\(s("Mål \(i % 100 + 1) för säkerhetsarbetet"))</v></c>",
                         "<c r=\"B\(r)\" t=\"s\"><v>\(s("Aktivitet \(i + 1): genomföra informationsklassning av system \(i % 97)"))</v></c>",
                         "<c r=\"C\(r)\" t=\"s\"><v>\(s(i % 7 == 0 ? owners[i % 40] + " och " + owners[(i + 1) % 40] : owners[i % 40]))</v></c>",
                         "<c r=\"D\(r)\" t=\"s\"><v>\(s("Januari 2025"))</v></c>"]
            switch i % 4 {
            case 0: cells.append("<c r=\"E\(r)\"><v>2025</v></c>")
            case 1: cells.append("<c r=\"E\(r)\" s=\"1\"><v>\(45_658 + i % 300)</v></c>")  // 2025-01-01 onward
            default: cells.append("<c r=\"E\(r)\" t=\"s\"><v>\(s(phrases[i % phrases.count]))</v></c>")
            }
            cells.append("<c r=\"F\(r)\" t=\"s\"><v>\(s(statuses[i % statuses.count]))</v></c>")
            if i % 3 == 0 { cells.append("<c r=\"G\(r)\" t=\"inlineStr\"><is><t>Följs upp månadsvis &amp; rapporteras</t></is></c>") }
            sheet += "<row r=\"\(r)\">" + cells.joined() + "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let shared = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
            + strings.map { "<si><t>\(escape($0))</t></si>" }.joined() + "</sst>"
        let files: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>"),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"),
            ("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"),
            ("xl/sharedStrings.xml", shared),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        try Data(storedZip(files.map { ($0.0, Array($0.1.utf8)) })).write(to: URL(fileURLWithPath: path))
    }

    static func col(_ i: Int) -> String { String(UnicodeScalar(UInt8(65 + i))) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A zip of stored (uncompressed) entries: local headers, data, central directory.
    static func storedZip(_ entries: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        func u16(_ v: Int, _ b: inout [UInt8]) { b += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ b: inout [UInt8]) { u16(v & 0xFFFF, &b); u16(v >> 16 & 0xFFFF, &b) }
        for (name, data) in entries {
            let offset = out.count, crc = Int(CRC32.checksum(data)), n = Array(name.utf8)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(data.count, &out); u32(data.count, &out); u16(n.count, &out); u16(0, &out)
            out += n + data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central); u32(crc, &central); u32(data.count, &central); u32(data.count, &central)
            u16(n.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central)
            u32(offset, &central)
            central += n
        }
        let dirOffset = out.count
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count, &out); u16(entries.count, &out)
        u32(central.count, &out); u32(dirOffset, &out); u16(0, &out)
        return out
    }

    /// Times `import` of a 10,000-row workbook, each run into a fresh `init` folder.
    static func measure(_ runner: Runner, binary: String, dir: String, runs: Int, rows: Int = 10_000) throws -> Runner.Result {
        let book = dir + "/import-\(rows).xlsx"
        try write(to: book, rows: rows)
        for run in 0..<runs {
            let data = dir + "/import-\(run)/data"
            try? FileManager.default.removeItem(atPath: dir + "/import-\(run)")
            try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
            for (name, text) in Templates.dataFolder(organisation: "Bänk", title: "Import") {
                try Data(text.utf8).write(to: URL(fileURLWithPath: data + "/" + name))
            }
        }
        return runner.measure(binary, argsFor: { ["--data", dir + "/import-\($0)/data", "--as-of", Bench.asOf, "import", book] })
    }
}
