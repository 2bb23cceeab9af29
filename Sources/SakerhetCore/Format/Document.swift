/// A recfile as written: every byte kept, with records, fields, comments and the
/// descriptor block located by line and byte span. `bytes` is the file itself, so an
/// unchanged document writes back identical. Edits (see `Document+Edit.swift`) splice
/// byte ranges and parse again, so only the lines concerned change.
public struct Document: Sendable {
    public let bytes: [UInt8]
    /// The recutils descriptor block (`%rec:`, `%key:` …), if the file has one.
    public let descriptor: Record?
    public let records: [Record]
    public let comments: [Comment]
    public let issues: [SyntaxIssue]
    public let lineEnding: LineEnding
    public let hasBOM: Bool
    /// Number of lines in the file.
    public internal(set) var lineCount: Int
    /// Where each parsed line starts whose last byte (before a CR) is a blank or a
    /// backslash, in file order: the lines the trailing check reads again, so that it
    /// passes over a record with none of them (nearly every record) without reading its
    /// bytes.
    let trailingLines: [Int]
    /// Nil when every record of the file is parsed. Otherwise the document is an excerpt
    /// (`init(bytes:holding:)`): it has only the records whose lines hold one of these
    /// strings, and the file's head; `bytes` is still the whole file.
    public internal(set) var sieve: Set<String>? = nil

    /// Parses `bytes`. A large file is cut at record boundaries into one chunk per core,
    /// and the chunks are parsed at the same time; the result is the same as in one pass.
    public init(bytes: [UInt8]) {
        self = Document.parsing([bytes])[0]
    }

    /// Parses `bytes` in (at most) `pieces` chunks.
    init(bytes: [UInt8], pieces: Int) {
        self = Document.parsing([bytes], pieces: [pieces])[0]
    }

    /// Parses several files at the same time, as `init(bytes:)` parses each: the chunks of
    /// all of them in one parallel pass, the longest first, so that a small file does not
    /// leave a core idle while the large one waits its turn. `pieces` is how many chunks
    /// each file is cut into at most: by default four per core for a file of 1 MiB or more,
    /// as many as the check runner's pieces (`FusedRun`), so that the cores' check jobs
    /// mostly read the fields of different parse pieces. A field retains its piece's
    /// storage when it is copied, and two cores counting on one object slow each other down.
    public static func parsing(_ files: [[UInt8]], pieces: [Int]? = nil) -> [Document] {
        let chunks = files.indices.map { f in
            Document.chunks(of: files[f], pieces: pieces?[f] ?? (files[f].count < 1 << 20 ? 1 : Parallel.width * 4))
        }
        let jobs = chunks.indices.flatMap { f in chunks[f].indices.map { (file: f, chunk: $0) } }
            .sorted { chunks[$0.file][$0.chunk].range.count > chunks[$1.file][$1.chunk].range.count }
        let made = Parallel.map(jobs.count) { j in
            let chunk = chunks[jobs[j].file][jobs[j].chunk]
            var parser = Parser(bytes: files[jobs[j].file], range: chunk.range, firstLine: chunk.firstLine)
            return parser.parsed()
        }
        // Back in file order.
        var job = chunks.map { [Int](repeating: 0, count: $0.count) }
        for (j, at) in jobs.enumerated() { job[at.file][at.chunk] = j }
        return files.indices.map { f in Document(bytes: files[f], parts: job[f].map { made[$0] }) }
    }

    /// The document of the pieces of `bytes`, each parsed by itself, in order. Their
    /// records are moved into one array on every core (`Parallel.joined`), not copied: a
    /// copy retains every record's field list, and freeing the pieces releases them again,
    /// which at 100,000 records is a cache miss each.
    init(bytes: [UInt8], parts: [ParsedPiece]) {
        self.bytes = bytes
        self.descriptor = parts[0].descriptor
        self.lineEnding = parts[0].lineEnding
        self.hasBOM = parts[0].hasBOM
        self.lineCount = parts[parts.count - 1].line
        if parts.count == 1 {
            self.records = parts[0].records.take()
            self.comments = parts[0].comments
            // No LF, and a CR before the end: lines ended by CR alone (a file of one line
            // that ends in CR is one line either way).
            let crOnly = parts[0].sawCR && !parts[0].sawLF && bytes.dropLast().contains(0x0D)
            self.issues = parts[0].issues + (parts[0].sawCR ? [Parser.lineEndingIssue(at: parts[0].firstCRLine, withoutLF: crOnly)] : [])
            self.trailingLines = parts[0].trailingLines
        } else {
            self.records = Parallel.joined(parts.map(\.records))
            self.comments = Array(parts.map(\.comments).joined())
            let cr = parts.first(where: \.sawCR)
            self.issues = Array(parts.map(\.issues).joined()) + (cr.map { [Parser.lineEndingIssue(at: $0.firstCRLine)] } ?? [])
            self.trailingLines = Array(parts.map(\.trailingLines).joined())
        }
    }

    /// Whether a line of `range` ends in a blank or a backslash (`trailingLines`).
    func hasTrailingLine(in range: Range<Int>) -> Bool {
        guard !trailingLines.isEmpty else { return false }
        // The first line that starts at or after the range's start.
        var low = 0, high = trailingLines.count
        while low < high {
            let mid = (low + high) / 2
            if trailingLines[mid] < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < trailingLines.count && trailingLines[low] < range.upperBound
    }

    /// Where parsing may start afresh: ranges that begin at the first line of a record
    /// after a blank line, about equal in size. Small files are one chunk.
    static func chunks(of bytes: [UInt8], pieces: Int) -> [(range: Range<Int>, firstLine: Int)] {
        let n = bytes.count
        guard pieces > 1 else { return [(0..<n, 1)] }
        var cuts = [0]
        bytes.withUnsafeBufferPointer { b in
            for k in 1..<pieces {
                if let cut = recordStart(at: n * k / pieces, in: b), cut > cuts[cuts.count - 1] { cuts.append(cut) }
            }
        }
        guard cuts.count > 1 else { return [(0..<n, 1)] }
        // The line each chunk starts on: the line breaks before its cut, counted on every
        // core (each chunk's bytes in `pieces` parts), not on one before the parse starts.
        let parts = (0..<(cuts.count - 1)).flatMap { j in
            (0..<pieces).map { cuts[j] + (cuts[j + 1] - cuts[j]) * $0 / pieces ..< cuts[j] + (cuts[j + 1] - cuts[j]) * ($0 + 1) / pieces }
        }
        let counts = Parallel.map(parts.count) { i in bytes.withUnsafeBufferPointer { newlines(in: $0, parts[i].lowerBound, parts[i].upperBound) } }
        var out: [(range: Range<Int>, firstLine: Int)] = []
        var line = 1
        for j in 0..<(cuts.count - 1) {
            out.append((cuts[j]..<cuts[j + 1], line))
            line += counts[(j * pieces)..<((j + 1) * pieces)].reduce(0, +)
        }
        out.append((cuts[cuts.count - 1]..<n, line))
        return out
    }

    /// The first offset after `from` that begins a field line right after a blank line
    /// (`startsRecord`). There the parser's state is the same as at the start of a file.
    static func recordStart(at from: Int, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = from
        while i < n, let nl = Platform.firstByte(0x0A, in: b.baseAddress! + i, count: n - i) {
            let t = i + nl + 1
            if startsRecord(at: t, in: b) { return t }
            i = t
        }
        return nil
    }

    /// Whether a record's first line starts at `s`: a letter a–z, on a line after a blank
    /// line (spaces, tabs, at most one CR before its LF) that is a whole line (an LF before
    /// it). The one place that says where a parse may start afresh: the cores' chunks
    /// (`chunks(of:pieces:)`) and an excerpt's ranges (`Document+Sieve.swift`) cut there.
    @inline(__always)
    static func startsRecord(at s: Int, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s >= 2, s < b.count, b[s] >= 0x61, b[s] <= 0x7A, b[s - 1] == 0x0A else { return false }
        var e = s - 2
        if b[e] == 0x0D { e -= 1 }
        while e >= 0, b[e] == 0x20 || b[e] == 0x09 { e -= 1 }
        return e >= 0 && b[e] == 0x0A
    }

    /// The number of LF bytes in `from..<to`, eight bytes at a time. Each word's LF bytes
    /// are marked 1 and added bytewise into one word, which is summed every 255 words:
    /// x86-64's baseline has no `popcnt`, and `nonzeroBitCount` of each word was a dozen
    /// instructions more.
    static func newlines(in b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        let raw = UnsafeRawPointer(b.baseAddress!)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        let evenBytes: UInt64 = 0x00FF_00FF_00FF_00FF
        var count = 0
        var i = from
        while i + 8 <= to {
            // Each byte of `sums` counts the LFs in its place, at most 255 of them.
            var sums: UInt64 = 0
            let stop = min(to - 8, i + 254 * 8)
            while i <= stop {
                // A byte of `x` is zero exactly where the word has LF; `t` gets the high
                // bit of exactly those bytes.
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                let t = ~(((x & low7) &+ low7) | x | low7)
                sums &+= (t >> 7) & ones
                i += 8
            }
            // The eight byte counts: pairs into 16-bit lanes, then the lanes summed.
            let pairs = (sums & evenBytes) &+ ((sums >> 8) & evenBytes)
            count += Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while i < to {
            if b[i] == 0x0A { count += 1 }
            i += 1
        }
        return count
    }

    public init(text: String) {
        self.init(bytes: Array(text.utf8))
    }
}

public enum LineEnding: Sendable {
    case lf, crlf
    var bytes: [UInt8] { self == .lf ? [0x0A] : [0x0D, 0x0A] }
}

/// A field as its block keeps it (`FieldBlock`): 16 bytes and no reference, so that the
/// parser writes one with no retain and a walk reads one with no copy of anything counted.
/// The parser makes one for every line of every file, so at 1,000,000 activities the
/// fields are the largest part of what a command holds (docs/performance.md, "A field in
/// 16 bytes in its block"). Where its value is (the file, or a made string) is its block's.
struct FieldEntry {
    // Positions as 32-bit numbers (files are at most 1 GiB, see `Store.read`). The end of
    // the field's lines is not kept: a value in the file has one line, which ends at the
    // first line break after the value; a made value keeps its end with its string.
    let start32: Int32
    let line32: Int32
    /// A value in the file: its length in bytes (it has one line). A made value: its
    /// place among its block's made values (`FieldBlock.made`).
    private(set) var count32: Int32
    /// The key's number (`KeyNames`), or `FieldEntry.wide` for a key whose number does
    /// not fit 16 bits (never in a real plan: that many different keys); its made value
    /// keeps the number then.
    let key16: UInt16
    /// The value's column, from 1, for a value in the file; 0 for a made value (which
    /// keeps its column).
    let column16: UInt16

    /// A key number or column past 16 bits: the made value has it.
    static let wide = UInt16.max

    init(start: Int, line: Int, count: Int32, keyID: UInt32, column: UInt16) {
        start32 = Int32(clamping: start)
        line32 = Int32(clamping: line)
        count32 = count
        key16 = keyID < UInt32(FieldEntry.wide) ? UInt16(truncatingIfNeeded: keyID) : FieldEntry.wide
        column16 = column
    }

    /// The same entry, its made value's place moved on by `by` (`FieldBlock.append`).
    func madeMoved(by: Int) -> FieldEntry {
        var moved = self
        moved.count32 += Int32(truncatingIfNeeded: by)
        return moved
    }

    /// Whether the value is a made string, not bytes of the file.
    @inline(__always)
    var isMade: Bool { column16 == 0 }

    /// The key's `FieldKey` code, `FieldKey.noCode` for a key the schema does not have.
    @inline(__always)
    var code: UInt8 { key16 < UInt16(KeyNames.firstOther) ? UInt8(truncatingIfNeeded: key16) : FieldKey.noCode }

    /// Where a value in the file starts.
    @inline(__always)
    var valueStart: Int { Int(start32) + Int(column16) - 1 }

    /// A one-line value in the file, from `byteRange`'s start: nil when its key number or
    /// column does not fit 16 bits (then it is made).
    static func inFile(keyID: UInt32, length: Int, line: Int, valueColumn: Int, start: Int) -> FieldEntry? {
        guard keyID < UInt32(wide), valueColumn >= 1, valueColumn < Int(wide) else { return nil }
        return FieldEntry(start: start, line: line, count: Int32(clamping: length), keyID: keyID, column: UInt16(valueColumn))
    }

    /// A made value's entry, its value the `made`th of its block.
    static func made(keyID: UInt32, line: Int, start: Int, made: Int) -> FieldEntry {
        FieldEntry(start: start, line: line, count: Int32(truncatingIfNeeded: made), keyID: keyID, column: 0)
    }
}

/// One `key: value` line (with its `+` lines) of a record, as a value of its own: its
/// entry (`FieldEntry`) and where its value is, 24 bytes. A record's fields are kept as
/// entries in a block (`FieldList`); a `Field` is made when one is asked for.
/// A one-line value whose bytes are valid UTF-8, short or long, stays in the file's bytes
/// and is made into a string when it is asked for; only a value of several lines, one
/// whose bytes had to be repaired and one an edit gives is kept as a string.
public struct Field: Sendable, Hashable {
    /// The key as written in the file.
    public var key: String { KeyNames.shared.name(keyID) }
    /// The value, with continuation lines joined by "\n" and trailing blanks removed.
    /// A value left in the file is made from its bytes each time it is asked for; ask
    /// once and keep it where it is used often.
    public var value: String {
        // Not through `text`: making a `FieldText` copies the storage, a retain and a
        // release for every value made.
        storage.string(entry.valueStart, Int(entry.count32))
    }
    /// Whether the value is empty, without making it.
    public var isEmpty: Bool { text.isEmpty }
    /// The value as the field keeps it.
    var text: FieldText { FieldText(storage, start: entry.valueStart, count: Int(entry.count32)) }
    /// Where the value is: the file's bytes, or its made string.
    let storage: FieldStorage
    let entry: FieldEntry

    /// The key as a number (`KeyNames`): the key's `FieldKey` code, or an id of 256 and
    /// up for any other key, so that the field carries no string for its key.
    var keyID: UInt32 { entry.key16 != FieldEntry.wide ? UInt32(entry.key16) : storage.made.keyID }

    /// The first field of `key` in `fields`, nil when there is none or its value is empty:
    /// what a record's slot for the key gives (`FieldSlots`).
    static func first(_ key: FieldKey, in fields: FieldList) -> Field? {
        guard let i = fields.firstIndex(code: UInt8(key.rawValue)), !fields.isEmpty(at: i) else { return nil }
        return fields[i]
    }

    /// The key's `FieldKey` code, `FieldKey.noCode` for a key the schema does not have.
    @inline(__always)
    public var code: UInt8 { entry.code }

    /// 1-based line of the key.
    public var line: Int { Int(entry.line32) }
    /// 1-based column where the value starts.
    public var valueColumn: Int { entry.isMade ? Int(storage.made.column) : Int(entry.column16) }
    /// 1 plus the number of `+` continuation lines.
    public var lineCount: Int { entry.isMade ? storage.made.lineCount : 1 }
    /// From the key's first byte to the end of its last line, line break included.
    public var byteRange: Range<Int> {
        switch storage {
        case .file(let source): return Int(entry.start32)..<source.lineEnd(from: entry.valueStart + Int(entry.count32))
        case .made(let made): return Int(entry.start32)..<Int(made.end)
        }
    }

    /// The field of `entry`, whose value is in `storage`.
    init(_ entry: FieldEntry, _ storage: FieldStorage) {
        self.entry = entry
        self.storage = storage
    }

    /// A field whose value is made already.
    init(keyID: UInt32, value: String, line: Int, valueColumn: Int, lineCount: Int, byteRange: Range<Int>) {
        self.init(.made(keyID: keyID, line: line, start: byteRange.lowerBound, made: 0),
                  .made(MadeValue(value, end: byteRange.upperBound, keyID: keyID, column: valueColumn, lineCount: lineCount)))
    }

    /// A one-line field whose value is the `length` valid UTF-8 bytes of `source` from its
    /// value's column on (`byteRange.lowerBound + valueColumn - 1`), and whose line ends
    /// at the first line break after the value (or the file's end).
    init(keyID: UInt32, source: FieldSource, length: Int, line: Int, valueColumn: Int, byteRange: Range<Int>) {
        guard let entry = FieldEntry.inFile(keyID: keyID, length: length, line: line, valueColumn: valueColumn, start: byteRange.lowerBound) else {
            let from = byteRange.lowerBound + valueColumn - 1
            self.init(keyID: keyID, value: source.string(from, length), line: line, valueColumn: valueColumn, lineCount: 1,
                      byteRange: byteRange)
            return
        }
        self.init(entry, .file(source))
        assert(self.byteRange == byteRange, "a one-line field ends at the line break after its value")
    }

    /// Runs `body` on the value's UTF-8 bytes; a value in the file is read where it lies,
    /// with no string made of it.
    func withValueBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        // Not through `text`: making a `FieldText` copies the storage, a retain and a
        // release for every value read.
        storage.withBytes(entry.valueStart, Int(entry.count32), body)
    }

    /// The stored word of `W` the value is, byte for byte, without making the value: how a
    /// check passes over the stored word that nearly every record has.
    func storedWord<W: StoredWord>(_: W.Type) -> W? { withValueBytes { W.storedWords.word($0) } }

    /// Whether the bytes `v` are `word`'s UTF-8, byte for byte.
    static func isWord(_ word: String, _ v: UnsafeBufferPointer<UInt8>) -> Bool {
        var w = word
        return w.withUTF8 { $0.count == v.count && ($0.isEmpty || Platform.bytesEqual($0.baseAddress!, v.baseAddress!, count: v.count)) }
    }

    // Equal by what the field says and where: its key, value and place in the file.
    public static func == (a: Field, b: Field) -> Bool {
        a.keyID == b.keyID && a.line == b.line && a.valueColumn == b.valueColumn && a.lineCount == b.lineCount
            && a.byteRange == b.byteRange && a.value == b.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keyID)
        hasher.combine(value)
        hasher.combine(entry.line32)
        hasher.combine(entry.start32)
    }
}

/// Where a field's value is: in the file's bytes, or made as a string. One word: both
/// cases hold a class reference.
enum FieldStorage: Sendable {
    case file(FieldSource)
    case made(MadeValue)

    /// The made value (only for a field whose entry says its value is made).
    var made: MadeValue {
        guard case .made(let made) = self else { preconditionFailure("a made field's value is made") }
        return made
    }

    var isFile: Bool {
        if case .file = self { return true }
        return false
    }

    /// The value: the string of the `count` bytes from `start` of a value in the file, or
    /// the made string.
    @inline(__always)
    func string(_ start: Int, _ count: Int) -> String {
        switch self {
        case .file(let source): return source.string(start, count)
        case .made(let made): return made.text
        }
    }

    /// Runs `body` on the value's UTF-8 bytes: the `count` bytes from `start` of a value in
    /// the file, or the made string's (which has its own).
    @inline(__always)
    func withBytes<R>(_ start: Int, _ count: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch self {
        case .file(let source): return source.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
        case .made(let made):
            var text = made.text
            return text.withUTF8(body)
        }
    }
}

/// A value kept as a string (`FieldStorage.made`), with what its field's entry does not
/// keep for it: where the field's lines end in the file, its number of lines, its value's
/// column, and its key's number in full.
final class MadeValue: Sendable {
    let text: String
    let end: Int32
    let keyID: UInt32
    let column: Int32
    let lineCount: Int

    init(_ text: String, end: Int, keyID: UInt32, column: Int, lineCount: Int) {
        self.text = text
        self.end = Int32(clamping: end)
        self.keyID = keyID
        self.column = Int32(clamping: column)
        self.lineCount = lineCount
    }
}

/// A field's value as a typed record keeps it for a text it may never be asked for (an
/// activity's title or note, when only its deadline is judged): the field's storage and
/// the value's place in the file. 16 bytes.
public struct FieldText: Sendable, Equatable {
    private let storage: FieldStorage
    private let start32: Int32
    private let length32: Int32

    /// The value of a field with this storage, whose value in the file (if it is there)
    /// is the `count` bytes from `start`.
    init(_ storage: FieldStorage, start: Int, count: Int) {
        self.storage = storage
        start32 = Int32(clamping: start)
        length32 = Int32(clamping: count)
    }

    public var value: String { storage.string(Int(start32), Int(length32)) }

    /// Runs `body` on the value's UTF-8 bytes (`Field.withValueBytes`).
    func withValueBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.withBytes(Int(start32), Int(length32), body)
    }

    /// Whether the value is empty, without making it.
    var isEmpty: Bool {
        switch storage {
        case .file: return length32 == 0
        case .made(let made): return made.text.isEmpty
        }
    }
    /// Whether the value is made when it is read.
    var isMadeLater: Bool { storage.isFile }

    public static func == (a: FieldText, b: FieldText) -> Bool { a.value == b.value }
}

/// The bytes of a parsed file, shared by the fields whose values stay in it: such a
/// value is made from these bytes when it is asked for, so that parsing makes no string
/// for it. The bytes are the document's own array, not a copy, and a field's place in
/// them is its place in the whole file, also when the file was parsed in pieces on
/// several cores.
final class FieldSource: Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Where the line that holds `from` ends: after its line break, or at the end of the file.
    func lineEnd(from: Int) -> Int {
        bytes.withUnsafeBufferPointer { b in
            guard from < b.count, let at = Platform.firstByte(0x0A, in: b.baseAddress! + from, count: b.count - from) else { return b.count }
            return from + at + 1
        }
    }

    /// The string of the `count` bytes from `start`, which the parser found valid UTF-8.
    func string(_ start: Int, _ count: Int) -> String {
        bytes.withUnsafeBufferPointer { file in FieldSource.string(file.baseAddress! + start, count) }
    }

    /// The string of the `count` valid UTF-8 bytes at `from`. Copied into the string's own
    /// storage and checked there: about a third faster than `String(decoding:as:)` for the
    /// short values most fields have (26 ns against 37); a short value byte by byte, not
    /// through a call to `memmove`.
    static func string(_ from: UnsafePointer<UInt8>, _ count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { out in
            if count <= 16 {
                for k in 0..<count { out[k] = from[k] }
            } else {
                out.baseAddress!.initialize(from: from, count: count)
            }
            return count
        }
    }
}

/// Which keys of the schema a record has, a bit per `FieldKey` code, made with the record
/// while its fields are fresh, in one word: the record checks that look for a key, a
/// repeat or an empty value (`mandatory`, `repeated-field`, `assumed`, `unknown-field`)
/// pass over a record with nothing of the kind by a comparison or two, not a walk over its
/// fields each.
public struct FieldCodes: Sendable, Equatable {
    /// The bit that stands for every key the schema does not have (`FieldKey.noCode`).
    public static let otherBit: UInt8 = 63
    /// The bit that says some field is unusual (`unusual`); codes are below it.
    static let unusualBit: UInt8 = 62
    private let bits: UInt64

    init(present: UInt64, unusual: Bool) {
        precondition(present & 1 << UInt64(FieldCodes.unusualBit) == 0, "a code at the unusual bit")
        bits = present | (unusual ? 1 << UInt64(FieldCodes.unusualBit) : 0)
    }

    /// A bit for each code the record has a field of; `otherBit` for any other key.
    public var present: UInt64 { bits & ~(1 << UInt64(FieldCodes.unusualBit)) }
    /// Whether a key has a second field, a field has an empty value, or a value is made
    /// apart from the file (several lines, repaired bytes): then a record check looks
    /// closer. When false, each key has one field, with a value on its line. (One bit for
    /// the record, not one per key: a twentieth of a plan's records have any of these, and
    /// a record stays 40 bytes.)
    public var unusual: Bool { bits & 1 << UInt64(FieldCodes.unusualBit) != 0 }

    /// Whether the record has a field of `key`.
    @inline(__always)
    public func has(_ key: FieldKey) -> Bool { present & FieldCodes.bit(key) != 0 }

    /// `key`'s bit.
    @inline(__always)
    public static func bit(_ key: FieldKey) -> UInt64 { 1 << UInt64(key.rawValue) }
}

public struct Record: Sendable {
    /// 40 bytes: the fields' place in their block, the block's byte range as 32-bit
    /// numbers (files are at most 1 GiB, see `Store.read`), the key of its id and its
    /// fields' codes.
    public let fields: FieldList
    private let start32: Int32
    private let end32: Int32
    /// The first `id` field's value as a number (`IDKey`), made with the record: the id
    /// index is built from it.
    let idKey: IDKey
    /// Which codes its fields have (`FieldCodes`).
    public let codes: FieldCodes

    /// 1-based line of the first field (0 for a record of no fields).
    public var line: Int { fields.first?.line ?? 0 }
    /// The lines of the record's block (comments inside it included), line breaks included.
    public var byteRange: Range<Int> { Int(start32)..<Int(end32) }

    public init(fields: FieldList, byteRange: Range<Int>) {
        self.fields = fields
        start32 = Int32(truncatingIfNeeded: byteRange.lowerBound)
        end32 = Int32(truncatingIfNeeded: byteRange.upperBound)
        codes = fields.codes()
        idKey = codes.has(.id) ? IDKey(idOf: fields) : .none
    }

    /// A record of fields made apart from a parse (an edit's, a test's).
    public init(fields: [Field], byteRange: Range<Int>) {
        self.init(fields: FieldList(fields), byteRange: byteRange)
    }

    // By the key as written; the key is found as a number once, and fields are compared by it.
    public func field(_ key: String) -> Field? {
        guard let id = KeyNames.shared.existingID(of: key) else { return nil }
        for f in fields where f.keyID == id { return f }
        return nil
    }
    public func value(_ key: String) -> String? { field(key)?.value }
    public func values(_ key: String) -> [String] {
        guard let id = KeyNames.shared.existingID(of: key) else { return [] }
        var out: [String] = []
        for f in fields where f.keyID == id { out.append(f.value) }
        return out
    }
    public func line(of key: String) -> Int { field(key)?.line ?? line }

    // The same by the key's code: one byte compared per field, for the keys of the schema.
    public func field(_ key: FieldKey) -> Field? {
        guard codes.has(key), let j = fields.firstIndex(code: UInt8(key.rawValue)) else { return nil }
        return fields[j]
    }
    public func value(_ key: FieldKey) -> String? { field(key)?.value }
    /// Whether the first field of `key` has a value (`value(key)` is neither nil nor
    /// empty), without making its string.
    public func hasValue(_ key: FieldKey) -> Bool {
        guard codes.has(key) else { return false }
        return !codes.unusual || Field.first(key, in: fields) != nil
    }
    public func values(_ key: FieldKey) -> [String] {
        let code = UInt8(key.rawValue)
        var out: [String] = []
        for f in fields where f.code == code { out.append(f.value) }
        return out
    }
}

public struct Comment: Sendable {
    public let line: Int
    /// The text after `#`.
    public let text: String
    public let byteRange: Range<Int>
}

public struct SyntaxIssue: Sendable {
    public enum Severity: Sendable { case error, warning }
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: Message
}
