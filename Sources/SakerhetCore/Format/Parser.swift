/// Line-by-line parser from bytes to `Document`. It works on the bytes directly and
/// makes a `String` only for each multi-line value and each comment; a one-line value is
/// left in the file's bytes until it is asked for (`FieldSource`), and a key is a number
/// (`KeyNames`).
/// See docs/format.md.
///
/// Every command parses the whole folder, so this is the hot path (docs/performance.md):
/// the loop reads through one unsafe buffer pointer, finds line ends with `memchr`,
/// checks 8 bytes at a time for non-ASCII and NUL bytes, checks a one-line value's UTF-8
/// only when its line has a byte >= 0x80, and collects a record's
/// fields in a scratch buffer that is moved into an array of exactly the right size.
/// Diagnostics come in the same order as ever: line by line, UTF-8 first.
/// What a parser found in its piece of a file. Only values: pieces are parsed on several
/// threads and handed back to the one that joins them.
struct ParsedPiece: Sendable {
    let descriptor: Record?
    /// Moved out when the pieces are joined (`Document.init(bytes:parts:)`).
    let records: Gathered<Record>
    let comments: [Comment]
    let issues: [SyntaxIssue]
    let lineEnding: LineEnding
    let hasBOM: Bool
    /// The last line number the piece reached.
    let line: Int
    let sawCR: Bool
    /// Whether any line ended in LF: a file with CR and no LF has old Mac line endings.
    let sawLF: Bool
    /// The first line that ended in CR, where the warning points.
    let firstCRLine: Int
    /// Where each line starts that ends in a blank or a backslash (`Document.trailingLines`).
    let trailingLines: [Int]
}

struct Parser {
    let bytes: [UInt8]
    /// The bytes again, shared by the fields whose values are made when asked for.
    private let source: FieldSource
    /// The part of `bytes` to parse: the whole file, or one chunk of it that starts at a
    /// record (see `Document.init(bytes:)`).
    let range: Range<Int>
    /// False for a chunk after the first: no descriptor block there.
    var atStart: Bool
    var descriptor: Record?
    let records = Gathered<Record>()
    var comments: [Comment] = []
    var issues: [SyntaxIssue] = []
    var lineEnding: LineEnding = .lf
    var hasBOM = false
    var line = 0
    /// Whether a line ended in CR; reported once per file (see `lineEndingIssue`).
    private(set) var sawCR = false
    private var firstCRLine = 0
    private var trailingLines: [Int] = []

    /// The file, valid while `run` works.
    private var p = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    // The record being built: its fields so far, in a buffer reused from record to record,
    // and the values among them that are made (`FieldEntry.made` counts from 0 here).
    private var pending: UnsafeMutablePointer<FieldEntry>?
    private var pendingMade: [MadeValue] = []
    private var pendingCount = 0
    private var pendingCapacity = 0
    /// Where records' fields go (`takePending`), and the size of the next block: the
    /// first is sized by the bytes to parse (a field line is rarely under 16 bytes), so a
    /// small file, or one of the many versions the history reads, takes a small block.
    private var block = FieldBlock.empty
    private var nextBlock = FieldBlock.standardCapacity
    /// How many of the pending fields have a `%` key (descriptor fields).
    private var pendingPercent = 0
    private var blockStart = -1
    private var blockEnd = 0
    private var sawLF = false
    // The last field's pieces, kept open while `+` lines follow. A one-line value is only
    // measured (`openLazyLength`), or made at once as `openString` when its bytes need
    // repair, from the range `openValueStart..<openValueEnd` of the file; the first `+`
    // line copies that range to `openValue` and appends there.
    /// The open field's key as a number (`KeyNames`); nil when no field is open.
    private var openKey: UInt32?
    private var openPercent = false
    private var openJoined = false
    private var openValueStart = 0
    private var openValueEnd = 0
    private var openString = ""
    /// The length of a one-line value left in the file (`FieldSource`), -1 when `openString` has it.
    private var openLazyLength = -1
    private var openValue: [UInt8] = []
    private var openLine = 0
    private var openColumn = 0
    private var openLines = 0
    private var openStart = 0
    private var openEnd = 0

    init(bytes: [UInt8]) {
        self.init(bytes: bytes, range: 0..<bytes.count, firstLine: 1)
    }

    /// A parser for `range` of `bytes`, whose first line is line `firstLine` of the file.
    init(bytes: [UInt8], range: Range<Int>, firstLine: Int) {
        self.bytes = bytes
        self.source = FieldSource(bytes)
        self.range = range
        self.atStart = range.lowerBound == 0
        self.line = firstLine - 1
        nextBlock = min(FieldBlock.standardCapacity, max(64, range.count / 16))
    }

    /// Parses the range and returns what was found.
    mutating func parsed() -> ParsedPiece {
        run()
        return ParsedPiece(descriptor: descriptor, records: records, comments: comments, issues: issues,
                           lineEnding: lineEnding, hasBOM: hasBOM, line: line, sawCR: sawCR, sawLF: sawLF, firstCRLine: firstCRLine,
                           trailingLines: trailingLines)
    }

    mutating func run() {
        let file = bytes
        file.withUnsafeBufferPointer { buffer in
            p = buffer
            parseAll()
            p = UnsafeBufferPointer(start: nil, count: 0)
        }
        if let pending {
            pending.deallocate()
            self.pending = nil
        }
    }

    private mutating func parseAll() {
        let count = range.upperBound
        var pos = range.lowerBound
        guard pos < count, let base = p.baseAddress else {
            closeRecord()
            return
        }
        if pos == 0, count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            hasBOM = true
            pos = 3
            issue(1, 1, .warning,
                  sv: "filen börjar med ett BOM-tecken (U+FEFF); recutils läser det som en del av första raden. Spara filen som UTF-8 utan BOM",
                  en: "file starts with a byte-order mark (U+FEFF); recutils reads it as part of the first line. Save the file as UTF-8 without BOM")
        }
        while pos < count {
            line += 1
            let start = pos
            let (end, high, nul) = Parser.line(from: start, limit: count, in: base)
            let next = end < count ? end + 1 : end
            var contentEnd = end
            let cr = contentEnd > start && base[contentEnd - 1] == 0x0D
            if cr {
                contentEnd -= 1
                if !sawCR { firstCRLine = line }
                sawCR = true
            }
            if end < count, !sawLF { sawLF = true; lineEnding = cr ? .crlf : .lf }
            if contentEnd > start, case let last = base[contentEnd - 1], last == 0x20 || last == 0x09 || last == 0x5C {
                trailingLines.append(start)
            }
            handleLine(start: start, end: contentEnd, next: next, high: high, nul: nul)
            pos = next
        }
        closeRecord()
    }

    /// The warning for CRLF line endings, given once per file after its other issues, at
    /// the first line that ends in CR (a file of LF lines may have one CR LF line). A file
    /// with CR and no LF at all (old Mac line endings) is one line to recutils and to this
    /// parser, a comment or a field of one value: an error, since none of its records is read.
    static func lineEndingIssue(at line: Int, withoutLF: Bool = false) -> SyntaxIssue {
        if withoutLF {
            return SyntaxIssue(line: line, column: 1, severity: .error,
                               message: Message(sv: "filen har CR-radslut utan LF (som äldre Mac); recutils och sakerhet läser hela filen som en enda rad, och ingen post i den läses. Spara filen med LF-radslut",
                                                en: "file has CR line endings without LF (as old Macs wrote); recutils and sakerhet read the whole file as one line, and none of its records is read. Save the file with LF line endings"))
        }
        return SyntaxIssue(line: line, column: 1, severity: .warning,
                    message: Message(sv: "filen har CRLF-radslut; recutils läser CR som en del av värdet. Spara filen med LF-radslut",
                                     en: "file has CRLF line endings; recutils reads the CR as part of the value. Save the file with LF line endings"))
    }

    /// The line from `start`: where it ends (its LF, or `limit`), and whether it holds a
    /// byte >= 0x80 and a NUL byte. One pass, eight bytes at a time: a line is short (about
    /// 27 bytes in a plan), so one loop over its words costs less than `memchr` for its end
    /// and a second pass for its bytes.
    @inline(__always)
    static func line(from start: Int, limit: Int, in base: UnsafePointer<UInt8>) -> (end: Int, high: Bool, nul: Bool) {
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        var i = start
        var highBits: UInt64 = 0
        var zeroBits: UInt64 = 0
        while i + 8 <= limit {
            // The first byte in memory is the word's lowest.
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
            // `(v - 0x01…) & ~v & 0x80…` marks the zero bytes of `v`: the lowest mark is
            // exact, and a false one only sits above a true one.
            let lf = (x &- ones) & ~x & tops
            let zero = (w &- ones) & ~w & tops
            if lf != 0 {
                let k = lf.trailingZeroBitCount >> 3
                // The bytes before the LF: their top bits.
                let before: UInt64 = k == 0 ? 0 : tops >> UInt64(64 - 8 * k)
                return (i + k, highBits & tops != 0 || w & before != 0, zeroBits != 0 || zero & before != 0)
            }
            highBits |= w
            zeroBits |= zero
            i += 8
        }
        var high = highBits & tops != 0, nul = zeroBits != 0
        while i < limit {
            let b = base[i]
            if b == 0x0A { break }
            if b >= 0x80 { high = true } else if b == 0 { nul = true }
            i += 1
        }
        return (i, high, nul)
    }

    private mutating func handleLine(start: Int, end: Int, next: Int, high: Bool, nul: Bool) {
        if nul {
            var col = start
            while p[col] != 0 { col += 1 }
            issue(line, col - start + 1, .error,
                  sv: "raden innehåller en NUL-byte; filen ser ut att vara binär eller skadad. Ta bort tecknet",
                  en: "line contains a NUL byte; the file looks binary or damaged. Remove the character")
            extendBlock(start: start, next: next)
            return
        }
        // Blank: only spaces and tabs.
        var i = start
        while i < end, p[i] == 0x20 || p[i] == 0x09 { i += 1 }
        if i == end {
            closeRecord()
            return
        }
        let first = p[start]
        // Comments and field lines are checked for UTF-8 as their string is made (see
        // `checkedString` and `fieldLine`); the other lines here.
        if high, first == UInt8(ascii: "+") || first == 0x20 || first == 0x09 {
            checkUTF8(start, end)
        }
        switch first {
        case UInt8(ascii: "#"):
            let text = high ? checkedString(start + 1, end, line: start..<end) : string(start + 1, end)
            comments.append(Comment(line: line, text: text, byteRange: start..<next))
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
            if v < end, p[v] == 0x20 || p[v] == 0x09 { v += 1 }
            if !openJoined {
                openValue.removeAll(keepingCapacity: true)
                openValue.append(contentsOf: UnsafeBufferPointer(rebasing: p[openValueStart..<openValueEnd]))
                openJoined = true
            }
            openValue.append(0x0A)
            openValue.append(contentsOf: UnsafeBufferPointer(rebasing: p[v..<end]))
            openLines += 1
            openEnd = next
            extendBlock(start: start, next: next)
        case 0x20, 0x09:
            issue(line, 1, .error,
                  sv: "raden börjar med blanksteg; ett fält börjar i kolumn 1 och en fortsättningsrad börjar med '+ '",
                  en: "line starts with whitespace; a field starts in column 1 and a continuation line starts with '+ '")
            extendBlock(start: start, next: next)
        default:
            fieldLine(start: start, end: end, next: next, high: high)
        }
    }

    /// Reports the first byte of `a..<b` that breaks UTF-8, if any.
    private mutating func checkUTF8(_ a: Int, _ b: Int) {
        if let bad = Parser.firstInvalidUTF8(in: p, from: a, to: b) {
            issue(line, bad - a + 1, .error,
                  sv: "ogiltig UTF-8 (byte 0x\(hex(p[bad]))); spara filen som UTF-8",
                  en: "invalid UTF-8 (byte 0x\(hex(p[bad]))); save the file as UTF-8")
        }
    }

    /// The string of `a..<b`, which lies in the line `line` after ASCII only; when the bytes
    /// are not valid UTF-8, the line's first bad byte is reported and the string repaired.
    private mutating func checkedString(_ a: Int, _ b: Int, line: Range<Int>) -> String {
        let s = string(a, b)
        // Decoding repairs bad bytes, so the string has the same bytes only when they were valid.
        let same = b == a || s.utf8.count == b - a
            && s.utf8.withContiguousStorageIfAvailable({ Platform.bytesEqual($0.baseAddress!, p.baseAddress! + a, count: b - a) }) ?? s.utf8.elementsEqual(p[a..<b])
        if !same { checkUTF8(line.lowerBound, line.upperBound) }
        return s
    }

    private mutating func fieldLine(start: Int, end: Int, next: Int, high: Bool) {
        var i = start
        let isDescriptorKey = p[i] == UInt8(ascii: "%")
        if isDescriptorKey { i += 1 }
        let keyStart = i
        while i < end, p[i] != UInt8(ascii: ":") { i += 1 }
        // A key of the schema or of recutils is valid as it stands; any other is checked
        // byte by byte: only ASCII letters, digits (not first) and `_`.
        let known = i < end && i > keyStart ? Parser.knownKey(p, start, i) : nil
        var bad = -1
        if known == nil {
            for k in keyStart..<i {
                let b = p[k]
                if !((b >= 0x61 && b <= 0x7A) || (k > keyStart && ((b >= 0x30 && b <= 0x39) || b == 0x5F))) { bad = k; break }
            }
        }
        // A key has only ASCII letters, digits and `_`: with a byte >= 0x80 before the
        // value, the line is reported below as bad, after its UTF-8.
        if high, i == end || i == keyStart || bad >= 0 { checkUTF8(start, end) }
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
        if v < end, p[v] == 0x20 || p[v] == 0x09 { v += 1 }
        openKey = known ?? KeyNames.shared.id(of: string(start, i))
        openPercent = isDescriptorKey
        openJoined = false
        openValueStart = v
        openValueEnd = max(v, end)
        // Trailing blanks are not part of the value.
        var n = openValueEnd
        while n > v, p[n - 1] == 0x20 || p[n - 1] == 0x09 { n -= 1 }
        // The value stays in the file until it is asked for, if its bytes are valid
        // UTF-8 (those of a line without a byte >= 0x80 are); else it is made now,
        // repaired, and the bad byte reported.
        if !high || Parser.firstInvalidUTF8(in: p, from: v, to: n) == nil {
            openLazyLength = n - v
        } else {
            openLazyLength = -1
            openString = checkedString(v, n, line: start..<end)
        }
        openLine = line
        openColumn = v - start + 1
        openLines = 1
        openStart = start
        openEnd = next
        extendBlock(start: start, next: next)
    }

    @inline(__always)
    private mutating func extendBlock(start: Int, next: Int) {
        if blockStart < 0 { blockStart = start }
        blockEnd = next
    }

    private mutating func closeField() {
        guard let keyID = openKey else { return }
        if !openJoined, openLazyLength >= 0,
           let entry = FieldEntry.inFile(keyID: keyID, length: openLazyLength, line: openLine, valueColumn: openColumn, start: openStart) {
            assert(source.lineEnd(from: entry.valueStart + openLazyLength) == openEnd, "a one-line field ends at the line break after its value")
            appendPending(entry)
            if openPercent { pendingPercent += 1 }
            openKey = nil
            return
        }
        // Trim trailing blanks of the whole value.
        var value = ""
        if openJoined {
            var n = openValue.count
            while n > 0, openValue[n - 1] == 0x20 || openValue[n - 1] == 0x09 { n -= 1 }
            value = openValue.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<n]), as: UTF8.self) }
        } else if openLazyLength >= 0 {
            // A value in the file whose key number or column does not fit its entry.
            value = source.string(openValueStart, openLazyLength)
        } else {
            // Taken, not copied: the value moves on into the field (no retain and release).
            swap(&value, &openString)
        }
        pendingMade.append(MadeValue(value, end: openEnd, keyID: keyID, column: openColumn, lineCount: openLines))
        appendPending(.made(keyID: keyID, line: openLine, start: openStart, made: pendingMade.count - 1))
        if openPercent { pendingPercent += 1 }
        openKey = nil
    }

    private mutating func appendPending(_ entry: FieldEntry) {
        if pendingCount == pendingCapacity {
            let capacity = max(16, pendingCapacity * 2)
            let grown = UnsafeMutablePointer<FieldEntry>.allocate(capacity: capacity)
            if let old = pending {
                grown.moveInitialize(from: old, count: pendingCount)
                old.deallocate()
            }
            pending = grown
            pendingCapacity = capacity
        }
        (pending! + pendingCount).initialize(to: entry)
        pendingCount += 1
    }

    /// Copies the pending fields to the end of the current block (a new one when they do
    /// not fit; one of their own when they are more than a block holds).
    private mutating func takePending() -> FieldList {
        let n = pendingCount
        guard n > 0, let pending else { return FieldList() }
        pendingCount = 0
        if !block.fits(n) {
            block = FieldBlock(capacity: max(n, nextBlock), source: source)
            nextBlock = FieldBlock.standardCapacity
        }
        let start = block.append(pending, count: n, made: pendingMade)
        pendingMade.removeAll(keepingCapacity: true)
        return FieldList(block, start: start, count: n)
    }

    private mutating func closeRecord() {
        closeField()
        defer { blockStart = -1; pendingPercent = 0 }
        guard pendingCount > 0 else { return }
        let percent = pendingPercent
        let fields = takePending()
        let record = Record(fields: fields, byteRange: blockStart..<blockEnd)
        if percent > 0 {
            if atStart, descriptor == nil, records.isEmpty, percent == fields.count {
                descriptor = record
            } else if atStart, descriptor == nil, records.isEmpty, fields[..<percent].allSatisfy({ $0.key.hasPrefix("%") }) {
                // The descriptor's fields, then a record's, with no blank line between: the
                // record was written straight under the descriptor.
                let first = fields[percent]
                issue(first.line, 1, .error,
                      sv: "beskrivningsblocket och första posten behöver en tom rad emellan; lägg till en tom rad före rad \(first.line) ('\(first.key):')",
                      en: "the descriptor block and the first record need a blank line between them; add a blank line before line \(first.line) ('\(first.key):')")
                records.append(Record(fields: Array(fields[percent...]), byteRange: record.byteRange))
            } else {
                let where1 = fields.first { $0.key.hasPrefix("%") }!
                issue(where1.line, 1, .error,
                      sv: "fältet '\(where1.key)' hör bara hemma i beskrivningsblocket först i filen; flytta det dit eller ta bort det",
                      en: "field '\(where1.key)' belongs only in the descriptor block at the top of the file; move it there or remove it")
                // The record's own fields, if it has any: a block of `%` lines alone is no
                // record (read as one, it lacked every required field, at no line).
                let own = fields.filter { !$0.key.hasPrefix("%") }
                if !own.isEmpty { records.append(Record(fields: own, byteRange: record.byteRange)) }
            }
            return
        }
        records.append(record)
    }

    @inline(__always)
    private func string(_ a: Int, _ b: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[a..<b]), as: UTF8.self)
    }

    private mutating func issue(_ line: Int, _ column: Int, _ severity: SyntaxIssue.Severity, sv: String, en: String) {
        issues.append(SyntaxIssue(line: line, column: column, severity: severity, message: Message(sv: sv, en: en)))
    }

    /// The offset of the first byte that breaks UTF-8 in `from..<to`, or nil.
    static func firstInvalidUTF8(in p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let raw = UnsafeRawPointer(p.baseAddress!)
        var i = from
        while i < to {
            // Skip ASCII eight bytes at a time, and to the first byte >= 0x80 in a word.
            if i + 8 <= to {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080
                if high == 0 {
                    i += 8
                    continue
                }
                i += high.trailingZeroBitCount >> 3
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            // Two bytes from C2 on (å, ä, ö, é …) cannot be too long or out of range.
            if b >= 0xC2, b <= 0xDF, i + 1 < to, p[i + 1] & 0xC0 == 0x80 { i += 2; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            if b & 0xE0 == 0xC0 { need = 1; min = 0x80; cp = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { need = 2; min = 0x800; cp = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { need = 3; min = 0x10000; cp = UInt32(b & 0x07) }
            else { return i }
            if i + need >= to { return i }
            for k in 1...need {
                let c = p[i + k]
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

    // MARK: Known keys

    /// The id (`KeyNames`) of the key in `a..<b` when it is one of the schema's or
    /// recutils' keys, so that no string is made for it; nil for any other key.
    @inline(__always)
    private static func knownKey(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt32? {
        knownKeys.id(in: p, from: a, to: b)
    }

    private static let knownKeys = KnownKeys()
}

/// The schema's keys (`FieldKey`, whose ids are their codes) and recutils' descriptor keys
/// (`KeyNames.descriptorKeys`) with their ids, in a table of plain numbers: a key is found
/// by its first eight bytes, read as one word, and its length, in one probe or two, its
/// further bytes compared only then. (A table of keys by length, each with its bytes in an
/// array, retained and released an array for every key it looked at: a twentieth of
/// parsing.) The table is made once for the process and never changed or freed, so it is
/// read through plain pointers, with nothing counted per field line (`@unchecked Sendable`:
/// shared between the parsing cores read-only).
struct KnownKeys: @unchecked Sendable {
    private struct Slot {
        var head: UInt64 = 0
        /// 0 for an empty slot.
        var length: Int32 = 0
        var id: UInt32 = 0
        /// Where the key starts in `bytes`.
        var start: Int32 = 0
    }

    /// Open addressing by `slot(head:length:)`, at most a quarter full; `mask + 1` slots.
    private let slots: UnsafeMutablePointer<Slot>
    private let mask: Int
    /// The bytes of the keys, one after another.
    private let bytes: UnsafeMutablePointer<UInt8>

    init() {
        let keys = FieldKey.allCases.map { ($0.key, UInt32($0.rawValue)) }
            + KeyNames.descriptorKeys.map { ($0, KeyNames.shared.id(of: $0)) }
        var size = 16
        while size < 4 * keys.count { size *= 2 }
        var table = [Slot](repeating: Slot(), count: size)
        var all: [UInt8] = []
        for (key, id) in keys {
            let b = Array(key.utf8)
            let head = b.withUnsafeBufferPointer { KnownKeys.head($0, from: 0, count: $0.count) }
            var slot = KnownKeys.slot(head, b.count, size - 1)
            while table[slot].length != 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = Slot(head: head, length: Int32(b.count), id: id, start: Int32(all.count))
            all += b
        }
        slots = .allocate(capacity: size)
        slots.initialize(from: table, count: size)
        bytes = .allocate(capacity: max(all.count, 1))
        bytes.initialize(from: all, count: all.count)
        mask = size - 1
    }

    /// The id of the key whose bytes are `a..<b` of `p`; nil when it is none of these.
    @inline(__always)
    func id(in p: UnsafeBufferPointer<UInt8>, from a: Int, to b: Int) -> UInt32? {
        let n = b - a
        guard n > 0, n <= Int(Int32.max) else { return nil }
        let head = KnownKeys.head(p, from: a, count: n)
        var slot = KnownKeys.slot(head, n, mask)
        while slots[slot].length != 0 {
            let s = slots[slot]
            if s.head == head, Int(s.length) == n,
               n <= 8 || Platform.bytesEqual(bytes + Int(s.start) + 8, p.baseAddress! + a + 8, count: n - 8) {
                return s.id
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The first eight bytes of the `count` from `a` (fewer for a shorter key), the first in
    /// the lowest byte: one load of a word where eight bytes are there to read (a key is
    /// followed by its colon and value), then the bytes past the key masked off.
    @inline(__always)
    private static func head(_ p: UnsafeBufferPointer<UInt8>, from a: Int, count n: Int) -> UInt64 {
        if a + 8 <= p.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(p.baseAddress! + a).loadUnaligned(as: UInt64.self))
            return n >= 8 ? word : word & ((1 << (8 * UInt64(n))) - 1)
        }
        var head: UInt64 = 0
        for k in 0..<min(n, 8) { head |= UInt64(p[a + k]) << (8 * UInt64(k)) }
        return head
    }

    @inline(__always)
    private static func slot(_ head: UInt64, _ length: Int, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((head ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }
}
