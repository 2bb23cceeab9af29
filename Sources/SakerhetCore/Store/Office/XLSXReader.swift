/// Reads the sheets of an Office Open XML workbook (`.xlsx`): the workbook's sheet list,
/// shared strings, inline strings, numbers, and numbers with a date format as days.
public enum XLSXReader {
    /// The sheet called `sheet` (case-insensitive), or the first visible sheet (a sheet with
    /// `state="hidden"` or `"veryHidden"` is passed over, and a notice says so).
    public static func read(_ bytes: [UInt8], file: String, sheet: String? = nil) throws -> SourceTable {
        try Book(bytes, file: file).read(sheet: sheet)
    }

    /// The plan's sheets. A workbook laid out as `export` writes it is read whole: two or
    /// more visible sheets, each named after a kind of record (`kindOf`: Mål, Delmål,
    /// Aktiviteter …) with Id as its first column. Every visible sheet is read, in the
    /// workbook's order, each as its kind (`SourceTable.kind`), or with `kind` only the
    /// sheets of that kind; a notice names the sheets not read. Any other workbook (one
    /// sheet; an Instruktioner sheet or a summary beside the plan; a municipality's own
    /// sheets called Mål and Uppföljningar) is read as `read(_:file:sheet:)` reads it, one
    /// sheet, its kind told by its columns (a sheet called Mål may hold a whole plan), but
    /// for an owners' sheet laid out as `export`'s, which only its name tells.
    public static func read(_ bytes: [UInt8], file: String, sheet: String?, kind: Kind?, kindOf: (String) -> Kind?) throws -> [SourceTable] {
        let book = try Book(bytes, file: file)
        let visible = book.sheets.filter { !$0.hidden }
        func exported(_ t: SourceTable) -> Bool { t.rows.first?.first.map { $0.text.trimmingSpaces().lowercased() == "id" } ?? false }
        func one() throws -> [SourceTable] {
            var t = try book.read(sheet: sheet)
            if let name = sheet ?? visible.first?.name ?? book.sheets.first?.name, kindOf(name) == .owner, exported(t) { t.kind = .owner }
            return [t]
        }
        guard sheet == nil, visible.count > 1, visible.allSatisfy({ kindOf($0.name) != nil }) else { return try one() }
        var all: [SourceTable] = []
        for s in visible {
            var t = try book.table(s)
            guard exported(t) else { return try one() }
            t.kind = kindOf(s.name)
            all.append(t)
        }
        let chosen = visible.filter { s in kindOf(s.name).map { kind == nil || $0 == kind } ?? false }
        guard !chosen.isEmpty else { return try one() }
        var tables = all.filter { t in chosen.contains { $0.name == t.sheet } }
        let unread = book.sheets.filter { s in !chosen.contains { $0.name == s.name } }
        if !unread.isEmpty {
            let read = chosen.map { "'\($0.name)'" }.joined(separator: ", ")
            let list = { (lang: Lang) in unread.map { "'\($0.name)'" + ($0.hidden ? (lang == .sv ? " (dolt)" : " (hidden)") : "") }.joined(separator: ", ") }
            let one = unread.count == 1
            let why = kind.map { k in (sv: " (--kind \(k.fileName.dropLast(4)))", en: " (--kind \(k.fileName.dropLast(4)))") } ?? (sv: "", en: "")
            let several = chosen.count > 1
            tables[0].notices.insert(Message(sv: "\(file): läste \(several ? "bladen som är namngivna" : "bladet som är namngivet") efter ett slag av poster\(why.sv), \(read); \(one ? "bladet" : "bladen") \(list(.sv)) lästes inte. Importera \(one ? "det" : "dem") med --sheet NAMN",
                                             en: "\(file): read the \(several ? "sheets" : "sheet") named after a kind of record\(why.en), \(read); the \(one ? "sheet" : "sheets") \(list(.en)) \(one ? "was" : "were") not read. Import \(one ? "it" : "them") with --sheet NAME"), at: 0)
        }
        return tables
    }

    /// A workbook as far as every sheet needs it: the sheet list, the shared strings and
    /// the number formats, read once.
    private struct Book {
        typealias Sheet = (name: String, rid: String, hidden: Bool)
        let zip: ZipArchive
        let file: String
        /// Sheets in order, with their relationship ids.
        let sheets: [Sheet]
        let date1904: Bool
        let targets: [String: String]
        let shared: [String]
        let formats: [Int: Shown]

        init(_ bytes: [UInt8], file: String) throws {
            zip = try ZipArchive(bytes)
            self.file = file
            guard let workbook = try zip.read("xl/workbook.xml") else {
                throw OfficeError(sv: "\(file) är ingen Excel-arbetsbok (xl/workbook.xml saknas); spara den som .xlsx i Excel eller LibreOffice",
                                  en: "\(file) is not an Excel workbook (no xl/workbook.xml); save it as .xlsx in Excel or LibreOffice")
            }
            var sheets: [Sheet] = []
            var date1904 = false
            var x = XMLScanner(workbook)
            while let e = x.next() {
                guard case .start(let name, let a, _) = e else { continue }
                if name == "sheet" { sheets.append((a["name"] ?? "", a["id"] ?? "", a["state"] == "hidden" || a["state"] == "veryHidden")) }
                if name == "workbookPr", let v = a["date1904"] { date1904 = v == "1" || v == "true" }
            }
            try x.requireWhole("xl/workbook.xml")
            var targets: [String: String] = [:]
            var sharedPath = "xl/sharedStrings.xml", stylesPath = "xl/styles.xml"
            if let rels = try zip.read("xl/_rels/workbook.xml.rels") {
                var r = XMLScanner(rels)
                while let e = r.next() {
                    guard case .start("Relationship", let a, _) = e, let id = a["Id"], let t = a["Target"] else { continue }
                    let path = t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t
                    targets[id] = path
                    if a["Type"]?.hasSuffix("/sharedStrings") == true { sharedPath = path }
                    if a["Type"]?.hasSuffix("/styles") == true { stylesPath = path }
                }
                try r.requireWhole("xl/_rels/workbook.xml.rels")
            }
            guard !sheets.isEmpty else {
                throw OfficeError(sv: "\(file) har inga blad", en: "\(file) has no sheets")
            }
            (self.sheets, self.date1904, self.targets) = (sheets, date1904, targets)
            shared = try zip.read(sharedPath).map { try XLSXReader.sharedStrings($0, part: sharedPath) } ?? []
            formats = try zip.read(stylesPath).map { try XLSXReader.cellFormats($0, part: stylesPath) } ?? [:]
        }

        /// The sheet called `sheet`, or the first visible one, with the notices of what was not read.
        func read(sheet: String?) throws -> SourceTable {
            let chosen: Sheet
            var passedOver: [String] = []
            if let sheet {
                guard let s = sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                    let names = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                    throw OfficeError(sv: "\(file) har inget blad '\(sheet)'; bladen är \(names)",
                                      en: "\(file) has no sheet '\(sheet)'; the sheets are \(names)")
                }
                chosen = s
            } else {
                // The first sheet a user sees: a hidden first sheet is often an old plan kept for reference.
                chosen = sheets.first { !$0.hidden } ?? sheets[0]
                passedOver = sheets.prefix { $0.name != chosen.name }.map(\.name)
            }
            var t = try table(chosen, named: sheets.count > 1 || sheet != nil)
            // The sheets the user sees but that were not read: each is imported by its name.
            if sheet == nil {
                t.otherSheets = sheets.filter { !$0.hidden && $0.name != chosen.name }.map(\.name)
                if !t.otherSheets.isEmpty {
                    let list = t.otherSheets.map { "'\($0)'" }.joined(separator: ", ")
                    let one = t.otherSheets.count == 1
                    t.notices.insert(Message(sv: "\(file): läste bladet '\(chosen.name)'; \(one ? "bladet" : "bladen") \(list) lästes inte. Importera \(one ? "det" : "dem") med --sheet NAMN, ett blad i taget",
                                             en: "\(file): read the sheet '\(chosen.name)'; the \(one ? "sheet" : "sheets") \(list) \(one ? "was" : "were") not read. Import \(one ? "it" : "them") with --sheet NAME, one sheet at a time"), at: 0)
                }
            }
            if !passedOver.isEmpty {
                let list = passedOver.map { "'\($0)'" }.joined(separator: ", ")
                let one = passedOver.count == 1
                t.notices.insert(Message(sv: "\(file): läste bladet '\(chosen.name)', det första synliga; \(one ? "det dolda bladet" : "de dolda bladen") \(list) lästes inte. Ange --sheet NAMN för att läsa ett annat blad",
                                         en: "\(file): read the sheet '\(chosen.name)', the first visible one; the hidden \(one ? "sheet" : "sheets") \(list) \(one ? "was" : "were") not read. Give --sheet NAME to read another sheet"), at: 0)
            }
            return t
        }

        /// One sheet as a table, named by the file and, in a workbook of several sheets, the sheet.
        func table(_ chosen: Sheet, named: Bool = true) throws -> SourceTable {
            let sheetPath = targets[chosen.rid] ?? "xl/worksheets/sheet\(sheets.firstIndex { $0.name == chosen.name }! + 1).xml"
            guard let sheetBytes = try zip.read(sheetPath) else {
                throw OfficeError(sv: "\(file): bladet '\(chosen.name)' saknas i filen (\(sheetPath)); spara om arbetsboken",
                                  en: "\(file): the sheet '\(chosen.name)' is missing from the file (\(sheetPath)); save the workbook again")
            }
            let place = Message(sv: file + (named ? ", blad \(chosen.name)" : ""), en: file + (named ? ", sheet \(chosen.name)" : ""))
            var t = try XLSXReader.table(sheetBytes, name: place.sv, place: place, shared: shared, formats: formats, date1904: date1904, part: sheetPath)
            if named { t.sheet = chosen.name }
            return t
        }
    }

    /// The text of each `<si>`: its `<t>` runs joined, phonetic runs (`<rPh>`) left out.
    static func sharedStrings(_ bytes: [UInt8], part: String) throws -> [String] {
        var out: [String] = []
        var x = XMLScanner(bytes)
        var current = "", inT = false, inPhonetic = false
        while let e = x.next() {
            switch e {
            case .start("si", _, let empty): current = ""; if empty { out.append("") }
            case .start("t", _, let empty): inT = !empty
            case .start("rPh", _, let empty): inPhonetic = !empty
            case .end("t"): inT = false
            case .end("rPh"): inPhonetic = false
            case .end("si"): out.append(unescaped(current))
            case .text(let s) where inT && !inPhonetic: current += s
            default: break
            }
        }
        try x.requireWhole(part)
        return out
    }

    /// What a cell's number format shows, where that is more than the number: a date (a
    /// day, or only a month or a year, as Swedish Excel stores "dec 2026" as its first
    /// day with the format `mmm yyyy`), or a percentage.
    enum Shown: Sendable, Equatable { case day, month, year, percent(decimals: Int) }

    /// The number formats of `cellXfs`, by index, that show more than the number.
    static func cellFormats(_ bytes: [UInt8], part: String) throws -> [Int: Shown] {
        var custom: [Int: String] = [:]
        var xfs: [Int] = []
        var inCellXfs = false
        var x = XMLScanner(bytes)
        while let e = x.next() {
            switch e {
            case .start("numFmt", let a, _):
                if let id = a["numFmtId"].flatMap(Int.init), let code = a["formatCode"] { custom[id] = code }
            case .start("cellXfs", _, let empty): inCellXfs = !empty
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let a, _) where inCellXfs: xfs.append(a["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }
        try x.requireWhole(part)
        var out: [Int: Shown] = [:]
        for (i, id) in xfs.enumerated() { out[i] = shown(id, custom[id]) }
        return out
    }

    /// What format `id` (with its code, for a custom one) shows: a date by its finest part
    /// (a day; a month and year without a day, `mmm yyyy`, built-in 17 `mmm-yy`; a year
    /// alone, `yyyy`), or a percentage (built-in 9 and 10, a code with `%`); nil for a number.
    static func shown(_ id: Int, _ code: String?) -> Shown? {
        if isDateFormat(id, code) {
            guard let code else { return id == 17 ? .month : .day }
            let plain = plainCode(code)
            if plain.includes("d") || plain.includes("h") || plain.includes("s") { return .day }
            if plain.includes("m") { return .month }
            return .year
        }
        let plain = code.map(plainCode) ?? (id == 9 ? "0%" : id == 10 ? "0.00%" : "")
        guard plain.includes("%") else { return nil }
        // The decimals shown: the zeros after the point before the %.
        let beforePercent = plain.split(separator: "%", omittingEmptySubsequences: false)[0]
        let decimals = beforePercent.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first.map { $0.filter { $0 == "0" || $0 == "#" }.count } ?? 0
        return .percent(decimals: decimals)
    }

    /// A format code without its quoted text, escaped characters and bracketed parts
    /// (colours, locales), lower-cased: the letters that say what it shows.
    static func plainCode(_ code: String) -> String {
        var plain = "", quoted = false, bracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if c == "\"" { quoted.toggle(); continue }
            if c == "[" { bracket = true; continue }
            if c == "]" { bracket = false; continue }
            if !quoted && !bracket { plain.append(c) }
        }
        return plain
    }

    /// A percentage as a person reads it: 0.6 → "60 %", 0.255 → "25,5 %" (a decimal comma,
    /// as the plan writes), with no more decimals than the format shows.
    static func percent(_ n: Double, decimals: Int) -> String {
        let scaled = n * 100
        // The format's decimals, or up to four where it shows none but the value has them.
        let digits = scaled == scaled.rounded() ? 0 : max(decimals, 4)
        var factor = 1.0
        for _ in 0..<digits { factor *= 10 }
        let units = Int((abs(scaled) * factor).rounded())
        var s = (scaled < 0 && units > 0 ? "-" : "") + String(units / Int(factor))
        var fraction = String(units % Int(factor))
        if digits > 0 {
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { s += "," + fraction }
        }
        return s + " %"
    }

    /// Built-in formats 14–22, 27–36, 45–47, 50–58 are dates; a custom code is one when,
    /// outside quotes and brackets, it has a y, d or (not only with h or s) an m.
    static func isDateFormat(_ id: Int, _ code: String?) -> Bool {
        if let code {
            let plain = plainCode(code)
            return plain.includes("y") || plain.includes("d") || (plain.includes("m") && !plain.includes("h") && !plain.includes("s"))
        }
        return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// Rows of a worksheet, each as long as its last cell, gaps filled with empty text. A
    /// merged range (`<mergeCell ref="A2:A4"/>`, a goal written once beside its activities)
    /// gives its value to every row it covers, in its first column, as Excel shows it.
    static func table(_ bytes: [UInt8], name: String, place: Message? = nil, shared: [String], formats: [Int: Shown], date1904: Bool,
                      part: String = "xl/worksheets/sheet1.xml") throws -> SourceTable {
        var rows: [[TableCell]] = [], numbers: [Int] = []
        var row: [TableCell] = [], rowNumber = 0
        var col = 0, type = "", style = 0, value = "", inValue = false
        var formula = false, hasValue = false, ref = ""
        var uncomputed: [String] = []
        var errors: [String] = []
        var merges: [(top: Int, bottom: Int, column: Int)] = []
        // Rows hidden in Excel (by hand, or by a filter), and hidden columns: read as any
        // row or column, and said.
        var hidden: Set<Int> = []
        var hiddenColumns: Set<Int> = []
        var x = XMLScanner(bytes)
        func put(_ cell: TableCell, at c: Int) {
            guard c < 16_384 else { return }
            while row.count < c { row.append(.text("")) }
            if row.count == c { row.append(cell) } else { row[c] = cell }
        }
        while let e = x.next() {
            switch e {
            case .start("row", let a, let empty):
                rowNumber = a["r"].flatMap(Int.init) ?? rowNumber + 1
                if a["hidden"] == "1" || a["hidden"] == "true", hidden.count < 1_000 { hidden.insert(rowNumber) }
                row = []
                col = 0
                if empty { rows.append(row); numbers.append(rowNumber) }
            case .end("row"):
                rows.append(row); numbers.append(rowNumber)
            case .start("c", let a, let empty):
                col = a["r"].flatMap(column) ?? row.count
                type = a["t"] ?? "n"
                style = a["s"].flatMap(Int.init) ?? 0
                value = ""
                formula = false
                hasValue = false
                ref = a["r"] ?? (columnName(col) + String(rowNumber))
                if empty { put(.text(""), at: col) }
            case .start("f", _, _): formula = true
            case .start("v", _, false), .start("t", _, false): inValue = true
            case .end("v"), .end("t"): inValue = false
            case .text(let s) where inValue: value += s; hasValue = true
            case .end("c"):
                // A formula whose value the file does not hold (a workbook made by a script,
                // never opened in Excel): its cell is empty here, and the import says so.
                if formula && (!hasValue || value.isEmpty) && uncomputed.count < 1_000 { uncomputed.append(ref) }
                let cell: TableCell
                switch type {
                case "s":
                    // A cell that names a shared text the workbook does not have: the file is
                    // damaged, and reading the cell as empty would drop a value without a word.
                    guard let i = Int(value), i >= 0, i < shared.count else {
                        throw OfficeError(sv: "\(name): cellen \(ref) pekar på en delad text som arbetsboken inte har; filen är skadad. Öppna den i Excel och spara den igen",
                                          en: "\(name): cell \(ref) points to a shared text the workbook does not have; the file is damaged. Open it in Excel and save it again")
                    }
                    cell = .text(shared[i])
                case "inlineStr", "str": cell = .text(unescaped(value))
                case "e":
                    // An error value (#REF!, #DIV/0!): no value of the plan. Read as empty, and said.
                    if errors.count < 1_000 { errors.append("\(ref) (\(value))") }
                    cell = .text("")
                case "b": cell = .text(value == "1" ? "TRUE" : "FALSE")
                default:
                    if let n = Double(value) {
                        // A date at the precision its format shows: "dec 2026" is a month, not its first day.
                        switch formats[style] {
                        case .day?: cell = day(serial: n, date1904: date1904).map { .day($0) } ?? .number(n)
                        case .month?: cell = day(serial: n, date1904: date1904).map { .text(String($0.description.prefix(7))) } ?? .number(n)
                        case .year?: cell = day(serial: n, date1904: date1904).map { .text(String($0.description.prefix(4))) } ?? .number(n)
                        case .percent(let decimals)?: cell = .text(percent(n, decimals: decimals))
                        case nil: cell = .number(n)
                        }
                    } else {
                        cell = .text(value)
                    }
                }
                put(cell, at: col)
            case .start("col", let a, _):
                if a["hidden"] == "1" || a["hidden"] == "true", let lo = a["min"].flatMap(Int.init), let hi = a["max"].flatMap(Int.init),
                   lo >= 1, lo <= hi, lo <= 16_384 {
                    for c in lo...min(hi, 16_384, lo + 1_000) { hiddenColumns.insert(c - 1) }
                }
            case .start("mergeCell", let a, _):
                if let m = a["ref"].flatMap(mergedRange), m.bottom > m.top { merges.append(m) }
            default: break
            }
        }
        try x.requireWhole(part)
        fillMerged(&rows, numbers: numbers, merges)
        var t = SourceTable(name: name, place: place, rows: rows, numbers: numbers)
        t.lettered = true
        let hiddenFilled = zip(numbers, rows).filter { hidden.contains($0.0) && !$0.1.allSatisfy(\.isBlank) }.map(\.0)
        if !hiddenFilled.isEmpty {
            let shown = hiddenFilled.prefix(10).map(String.init).joined(separator: ", ") + (hiddenFilled.count > 10 ? " …" : "")
            let one = hiddenFilled.count == 1
            t.notices.append(Message(sv: "\(t.place.sv): \(one ? "raden" : "raderna") \(shown) är \(one ? "dold" : "dolda") i bladet (för hand eller av ett filter) och lästes som andra rader; hör \(one ? "den" : "de") inte till planen, ta bort \(one ? "den" : "dem") i källan och importera igen",
                                     en: "\(t.place.en): the \(one ? "row" : "rows") \(shown) \(one ? "is" : "are") hidden in the sheet (by hand or by a filter) and \(one ? "was" : "were") read as other rows; if \(one ? "it is" : "they are") not part of the plan, delete \(one ? "it" : "them") in the source and import again"))
        }
        let hiddenRead = hiddenColumns.sorted().filter { c in rows.contains { c < $0.count && !$0[c].isBlank } }
        if !hiddenRead.isEmpty {
            let shown = hiddenRead.prefix(10).map { columnName($0) }.joined(separator: ", ") + (hiddenRead.count > 10 ? " …" : "")
            let one = hiddenRead.count == 1
            t.notices.append(Message(sv: "\(t.place.sv): \(one ? "kolumnen" : "kolumnerna") \(shown) är \(one ? "dold" : "dolda") i bladet och lästes som andra kolumner; hör \(one ? "den" : "de") inte till planen, ta bort \(one ? "den" : "dem") i källan eller ange --map 'Rubrik=-'",
                                     en: "\(t.place.en): the \(one ? "column" : "columns") \(shown) \(one ? "is" : "are") hidden in the sheet and \(one ? "was" : "were") read as other columns; if \(one ? "it is" : "they are") not part of the plan, delete \(one ? "it" : "them") in the source or give --map 'Heading=-'"))
        }
        if !uncomputed.isEmpty {
            let shown = uncomputed.prefix(10).joined(separator: ", ") + (uncomputed.count > 10 ? " …" : "")
            let one = uncomputed.count == 1
            let at = t.place
            t.notices.append(Message(sv: "\(at.sv): \(one ? "cellen" : "cellerna") \(shown) är \(one ? "en formel" : "formler") utan beräknat värde och lästes som \(one ? "tom" : "tomma"); öppna filen i Excel eller LibreOffice och spara den, så räknas värdena ut, och importera igen",
                                     en: "\(at.en): the \(one ? "cell" : "cells") \(shown) \(one ? "is a formula" : "are formulas") without a computed value and \(one ? "was" : "were") read as empty; open the file in Excel or LibreOffice and save it, so that the values are computed, and import again"))
        }
        if !errors.isEmpty {
            let shown = errors.prefix(10).joined(separator: ", ") + (errors.count > 10 ? " …" : "")
            let one = errors.count == 1
            t.notices.append(Message(sv: "\(t.place.sv): \(one ? "cellen" : "cellerna") \(shown) \(one ? "har ett formelfel" : "har formelfel") och lästes som \(one ? "tom" : "tomma"); rätta \(one ? "formeln" : "formlerna") i Excel eller LibreOffice och importera igen",
                                     en: "\(t.place.en): the \(one ? "cell" : "cells") \(shown) \(one ? "holds a formula error" : "hold formula errors") and \(one ? "was" : "were") read as empty; correct the \(one ? "formula" : "formulas") in Excel or LibreOffice and import again"))
        }
        return t
    }

    /// A text as the workbook means it: ECMA-376's escape `_xHHHH_` (ST_Xstring, Part 1
    /// §22.9.2.19) is the character U+HHHH, which Excel writes for a carriage return
    /// (`_x000D_`), a tab (`_x0009_`) and other control characters, and `_x005F_` for an
    /// underscore that would otherwise start an escape (`_x005F_x000D_` is the text `_x000D_`).
    static func unescaped(_ s: String) -> String {
        guard s.utf8.contains(0x5F) else { return s }
        let u = Array(s.utf8)
        func hex(_ b: UInt8) -> UInt32? {
            switch b {
            case 0x30...0x39: return UInt32(b - 0x30)
            case 0x41...0x46: return UInt32(b - 0x41 + 10)
            case 0x61...0x66: return UInt32(b - 0x61 + 10)
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u[i] == 0x5F, i + 6 < u.count, u[i + 1] == 0x78 || u[i + 1] == 0x58, u[i + 6] == 0x5F,
               let a = hex(u[i + 2]), let b = hex(u[i + 3]), let c = hex(u[i + 4]), let d = hex(u[i + 5]),
               let scalar = Unicode.Scalar(a << 12 | b << 8 | c << 4 | d) {
                out += Array(String(Character(scalar)).utf8)
                i += 7
                continue
            }
            out.append(u[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// 1 → `B` (zero-based column to its letters).
    static func columnName(_ c: Int) -> String { XLSXWriter.columnName(c) }

    /// `A2:C4` → rows 2 to 4, zero-based column 0.
    static func mergedRange(_ ref: String) -> (top: Int, bottom: Int, column: Int)? {
        let ends = ref.split(separator: ":")
        guard ends.count == 2, let c = column(String(ends[0])), c < 16_384,
              let top = Int(ends[0].drop { $0.isLetter }), let bottom = Int(ends[1].drop { $0.isLetter }) else { return nil }
        return (top, bottom, c)
    }

    /// Gives the first cell of each merged range to the rows below it in the range. A cell
    /// takes part in one merge only (ranges do not overlap in a file Excel wrote): a fill
    /// stops at a cell that starts a range or was filled already, so a hostile list of
    /// ranges costs at most one step per cell.
    static func fillMerged(_ rows: inout [[TableCell]], numbers: [Int], _ merges: [(top: Int, bottom: Int, column: Int)]) {
        guard !merges.isEmpty else { return }
        var index: [Int: Int] = [:]
        for (i, n) in numbers.enumerated() where index[n] == nil { index[n] = i }
        var taken = Set<Int>()
        for m in merges { if let t = index[m.top] { taken.insert(t * 16_384 + m.column) } }
        for m in merges {
            guard let t = index[m.top], m.column < rows[t].count, !rows[t][m.column].isBlank else { continue }
            let value = rows[t][m.column]
            // The rows the file has in the range: those after the top row, while their numbers are in it.
            var i = t + 1
            while i < rows.count, numbers[i] > m.top, numbers[i] <= m.bottom, taken.insert(i * 16_384 + m.column).inserted {
                while rows[i].count <= m.column { rows[i].append(.text("")) }
                rows[i][m.column] = value
                i += 1
            }
        }
    }

    /// `B12` → 1 (zero-based column).
    static func column(_ ref: String) -> Int? {
        var n = 0, seen = false
        for u in ref.utf8 {
            if u >= 65 && u <= 90 { n = n * 26 + Int(u - 64); seen = true; if n > 20_000 { return nil } } else { break }
        }
        return seen ? n - 1 : nil
    }

    /// An Excel date serial as a day: 1 is 1900-01-01 and 60 the 29 February 1900 that
    /// Excel believes in; in the 1904 system, 0 is 1904-01-01.
    public static func day(serial: Double, date1904: Bool = false) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return Day(year: 1904, month: 1, day: 1).map { $0.adding(days: whole) } }
        guard whole != 60 else { return nil }
        let base = Day(year: 1899, month: 12, day: 31)!
        return base.adding(days: whole < 60 ? whole : whole - 1)
    }
}
