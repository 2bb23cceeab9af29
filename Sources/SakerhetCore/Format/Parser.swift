/// Line-by-line parser from bytes to `Document`. It works on the bytes directly and
/// makes a `String` only for each key, value and comment. See docs/format.md.
struct Parser {
    let bytes: [UInt8]
    var descriptor: Record?
    var records: [Record] = []
    var comments: [Comment] = []
    var issues: [SyntaxIssue] = []
    var lineEnding: LineEnding = .lf
    var hasBOM = false
    var line = 0

    // The record being built.
    private var fields: [Field] = []
    private var blockStart = -1
    private var blockEnd = 0
    private var sawCR = false
    private var sawLF = false
    // The last field's pieces, kept open while `+` lines follow.
    private var openKey: String?
    private var openValue: [UInt8] = []
    private var openLine = 0
    private var openColumn = 0
    private var openLines = 0
    private var openStart = 0
    private var openEnd = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func run() {
        let count = bytes.count
        var pos = 0
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            hasBOM = true
            pos = 3
            issue(1, 1, .warning,
                  sv: "filen börjar med ett BOM-tecken (U+FEFF); recutils läser det som en del av första raden. Spara filen som UTF-8 utan BOM",
                  en: "file starts with a byte-order mark (U+FEFF); recutils reads it as part of the first line. Save the file as UTF-8 without BOM")
        }
        while pos < count {
            line += 1
            let start = pos
            var end = start
            var high = false
            var nul = false
            while end < count, bytes[end] != 0x0A {
                let b = bytes[end]
                if b >= 0x80 { high = true } else if b == 0 { nul = true }
                end += 1
            }
            let next = end < count ? end + 1 : end
            var contentEnd = end
            let cr = contentEnd > start && bytes[contentEnd - 1] == 0x0D
            if cr { contentEnd -= 1; sawCR = true }
            if end < count, !sawLF { sawLF = true; lineEnding = cr ? .crlf : .lf }
            handleLine(start: start, end: contentEnd, next: next, high: high, nul: nul)
            pos = next
        }
        if sawCR {
            issue(1, 1, .warning,
                  sv: "filen har CRLF-radslut; recutils läser CR som en del av värdet. Spara filen med LF-radslut",
                  en: "file has CRLF line endings; recutils reads the CR as part of the value. Save the file with LF line endings")
        }
        closeRecord()
    }

    private mutating func handleLine(start: Int, end: Int, next: Int, high: Bool, nul: Bool) {
        if nul {
            var col = start
            while bytes[col] != 0 { col += 1 }
            issue(line, col - start + 1, .error,
                  sv: "raden innehåller en NUL-byte; filen ser ut att vara binär eller skadad. Ta bort tecknet",
                  en: "line contains a NUL byte; the file looks binary or damaged. Remove the character")
            extendBlock(start: start, next: next)
            return
        }
        if high, let bad = firstInvalidUTF8(from: start, to: end) {
            issue(line, bad - start + 1, .error,
                  sv: "ogiltig UTF-8 (byte 0x\(hex(bytes[bad]))); spara filen som UTF-8",
                  en: "invalid UTF-8 (byte 0x\(hex(bytes[bad]))); save the file as UTF-8")
        }
        // Blank: only spaces and tabs.
        var i = start
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        if i == end {
            closeRecord()
            return
        }
        let first = bytes[start]
        switch first {
        case UInt8(ascii: "#"):
            comments.append(Comment(line: line, text: string(start + 1, end), byteRange: start..<next))
            extendBlock(start: start, next: next)
        case UInt8(ascii: "+"):
            guard openKey != nil else {
                issue(line, 1, .error,
                      sv: "fortsättningsrad (+) utan ett fält före; skriv fältet på raden ovanför eller ta bort +",
                      en: "continuation line (+) with no field before it; put the field on the line above or remove the +")
                extendBlock(start: start, next: next)
                return
            }
            var v = start + 1
            if v < end, bytes[v] == 0x20 || bytes[v] == 0x09 { v += 1 }
            openValue.append(0x0A)
            openValue.append(contentsOf: bytes[v..<end])
            openLines += 1
            openEnd = next
            extendBlock(start: start, next: next)
        case 0x20, 0x09:
            issue(line, 1, .error,
                  sv: "raden börjar med blanksteg; ett fält börjar i kolumn 1 och en fortsättningsrad börjar med '+ '",
                  en: "line starts with whitespace; a field starts in column 1 and a continuation line starts with '+ '")
            extendBlock(start: start, next: next)
        default:
            fieldLine(start: start, end: end, next: next)
        }
    }

    private mutating func fieldLine(start: Int, end: Int, next: Int) {
        var i = start
        let isDescriptorKey = bytes[i] == UInt8(ascii: "%")
        if isDescriptorKey { i += 1 }
        let keyStart = i
        var bad = -1
        while i < end, bytes[i] != UInt8(ascii: ":") {
            let b = bytes[i]
            let ok = (b >= 0x61 && b <= 0x7A) || (i > keyStart && ((b >= 0x30 && b <= 0x39) || b == 0x5F))
            if !ok && bad < 0 { bad = i }
            i += 1
        }
        guard i < end else {
            extendBlock(start: start, next: next)
            issue(line, 1, .error,
                  sv: "raden saknar ':'; ett fält skrivs 'nyckel: värde'",
                  en: "line has no ':'; a field is written 'key: value'")
            closeField()
            return
        }
        if i == keyStart || bad >= 0 {
            let key = string(start, i)
            let lower = key.lowercased()
            let hint = lower != key && lower.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x25 })
                ? Message(sv: "; skriv '\(lower)'", en: "; write '\(lower)'")
                : Message(sv: "; nycklar är små bokstäver a–z, siffror och _", en: "; keys are lower-case a–z, digits and _")
            issue(line, (bad >= 0 ? bad : i) - start + 1, .error,
                  sv: "ogiltig nyckel '\(key)'" + hint.sv,
                  en: "invalid key '\(key)'" + hint.en)
            extendBlock(start: start, next: next)
            closeField()
            return
        }
        closeField()
        var v = i + 1
        if v < end, bytes[v] == 0x20 || bytes[v] == 0x09 { v += 1 }
        openKey = string(start, i)
        openValue.removeAll(keepingCapacity: true)
        openValue.append(contentsOf: bytes[v..<end])
        openLine = line
        openColumn = v - start + 1
        openLines = 1
        openStart = start
        openEnd = next
        extendBlock(start: start, next: next)
    }

    private mutating func extendBlock(start: Int, next: Int) {
        if blockStart < 0 { blockStart = start }
        blockEnd = next
    }

    private mutating func closeField() {
        guard let key = openKey else { return }
        var n = openValue.count
        // Trim trailing blanks of the whole value.
        while n > 0, openValue[n - 1] == 0x20 || openValue[n - 1] == 0x09 { n -= 1 }
        let value = openValue.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<n]), as: UTF8.self) }
        fields.append(Field(key: key, value: value, line: openLine, valueColumn: openColumn,
                            lineCount: openLines, byteRange: openStart..<openEnd))
        openKey = nil
    }

    private mutating func closeRecord() {
        closeField()
        defer { fields.removeAll(keepingCapacity: true); blockStart = -1 }
        guard !fields.isEmpty else { return }
        let record = Record(fields: fields, line: fields[0].line, byteRange: blockStart..<blockEnd)
        let percent = fields.filter { $0.key.hasPrefix("%") }.count
        if percent > 0 {
            if descriptor == nil, records.isEmpty, percent == fields.count {
                descriptor = record
            } else {
                let where1 = fields.first { $0.key.hasPrefix("%") }!
                issue(where1.line, 1, .error,
                      sv: "fältet '\(where1.key)' hör bara hemma i beskrivningsblocket först i filen",
                      en: "field '\(where1.key)' belongs only in the descriptor block at the top of the file")
                records.append(Record(fields: fields.filter { !$0.key.hasPrefix("%") }, line: fields[0].line, byteRange: record.byteRange))
            }
            return
        }
        records.append(record)
    }

    private func string(_ a: Int, _ b: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[a..<b]), as: UTF8.self) }
    }

    private mutating func issue(_ line: Int, _ column: Int, _ severity: SyntaxIssue.Severity, sv: String, en: String) {
        issues.append(SyntaxIssue(line: line, column: column, severity: severity, message: Message(sv: sv, en: en)))
    }

    /// The offset of the first byte that breaks UTF-8 in `from..<to`, or nil.
    private func firstInvalidUTF8(from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            if b & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(b & 0x07) }
            else { return i }
            if i + need >= to { return i }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                cp = (cp << 6) | UInt32(c & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }

    private func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }
}
