/// A document of the few records of a large file that an edit of one record can reach.
/// An edit of activity A12 is judged on A12, the records with its id and the records that
/// name it (`Edit/Neighbourhood.swift`); in activities.rec, risks.rec and findings.rec each
/// of those holds the text `A12`. So the writer reads those files as excerpts: the bytes
/// are searched for the id, only the records around a hit are parsed, and every other
/// record is passed over unparsed (`Store.load(folder:display:around:)`).
extension Document {
    /// Parses the records of `bytes` whose lines hold one of `needles`, byte for byte, and
    /// the file's head (the descriptor block, or else the first record). Each is parsed
    /// from the place before it to the place after it where the parser starts afresh, as
    /// at the start of the file (a record's first line after a blank line, where
    /// `chunks(of:pieces:)` cuts a file for the cores), so its fields, line numbers, byte
    /// ranges and issues are those of the whole file's parse. Records between two such
    /// places come with it (a record after a comment block, or after a line that is not
    /// a field). `lineCount` is the whole file's; `sieve` is `needles`.
    public init(bytes: [UInt8], holding needles: Set<String>) {
        self.init(bytes: bytes, holding: needles, closedUnder: nil)
    }

    /// The records that hold one of `needles`, and those that hold the value of a `key`
    /// field of one of them, and so on: with `.parent`, a goal and every goal above it.
    /// `sieve` is every string searched for.
    public init(bytes: [UInt8], holding needles: Set<String>, closedUnder key: FieldKey?) {
        var doc = Document(bytes: bytes, searching: needles)
        if let key {
            var searched = needles
            while true {
                var more = searched
                for r in doc.records { for v in r.values(key) where !v.isEmpty { more.insert(v) } }
                if more.count == searched.count { break }
                searched = more
                doc = Document(bytes: bytes, searching: searched)
            }
        }
        self = doc
    }

    private init(bytes: [UInt8], searching needles: Set<String>) {
        var ranges: [Range<Int>] = []
        var lines: [Int] = []
        var lineCount = 0
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            guard n > 0, let base = b.baseAddress else { return }
            var found: [Range<Int>] = [0..<(Document.recordStart(at: 0, in: b) ?? n)]
            // How often each byte comes in the file's first 64 KiB: each needle is looked
            // for by its rarest byte (in A12 the digit 2 is rarer than the A of every id,
            // in a file of dates the 1 is not).
            var seen = [Int](repeating: 0, count: 256)
            for i in 0..<min(n, 1 << 16) { seen[Int(b[i])] += 1 }
            for needle in Document.searched(needles) {
                var pattern = Array(needle.utf8)
                let key = pattern.indices.min { seen[Int(pattern[$0])] < seen[Int(pattern[$1])] }!
                pattern.withUnsafeMutableBytes { p in
                    var at = 0
                    while at < n, let hit = Platform.firstRun(p.baseAddress!, p.count, key: key, in: base + at, count: n - at) {
                        let h = at + hit
                        let start = Document.recordStart(before: h, in: b)
                        let end = Document.recordStart(at: h, in: b) ?? n
                        found.append(start..<end)
                        at = end
                    }
                }
            }
            found.sort { $0.lowerBound < $1.lowerBound }
            // One range for records hit more than once, or by two needles.
            for r in found {
                if let last = ranges.last, r.lowerBound < last.upperBound {
                    ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
                } else {
                    ranges.append(r)
                }
            }
            // The line each range starts on, and the file's lines, in one count.
            var line = 1, counted = 0
            for r in ranges {
                line += Document.newlines(in: b, counted, r.lowerBound)
                counted = r.lowerBound
                lines.append(line)
            }
            lineCount = line - 1 + Document.newlines(in: b, counted, n) + (b[n - 1] == 0x0A ? 0 : 1)
        }
        var parts = ranges.indices.map { i -> ParsedPiece in
            var parser = Parser(bytes: bytes, range: ranges[i], firstLine: lines[i])
            return parser.parsed()
        }
        if parts.isEmpty {
            var parser = Parser(bytes: bytes)
            parts = [parser.parsed()]
        }
        self.init(bytes: bytes, parts: &parts)
        self.lineCount = lineCount
        sieve = needles
    }

    /// What the bytes are searched for: the needles, and for a needle with K, ; or `
    /// the one other character that Swift's string equality (canonical equivalence) takes
    /// for it (KELVIN SIGN, GREEK QUESTION MARK, GREEK VARIA), so that a record naming
    /// `K7` as `\u{212A}7`, which the model takes for K7, is among those parsed.
    /// A needle with any other byte above 0x7F may be written in other ways than these
    /// (composed or not): `Store.load(folder:display:around:)` reads the files whole for it.
    static func searched(_ needles: Set<String>) -> [String] {
        var out: [String] = []
        for needle in needles where !needle.isEmpty {
            out.append(needle)
            for (ascii, other) in [(UInt8(ascii: "K"), "\u{212A}"), (UInt8(ascii: ";"), "\u{037E}"), (UInt8(ascii: "`"), "\u{1FEF}")]
            where needle.utf8.contains(ascii) {
                out.append(other)
            }
        }
        return out
    }

    /// The start of the record that holds offset `h`: the first line at or before `h`
    /// that `recordStart(at:in:)` would give (a line starting with a letter a–z right after
    /// a blank line), or 0.
    static func recordStart(before h: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
        var s = h
        while s > 0, b[s - 1] != 0x0A { s -= 1 }
        while s > 0 {
            if b[s] >= 0x61, b[s] <= 0x7A {
                // Is the line before `s` blank (spaces, tabs, at most one CR before its LF),
                // and a whole line (an LF before it)?
                var e = s - 2
                if e >= 0, b[e] == 0x0D { e -= 1 }
                while e >= 0, b[e] == 0x20 || b[e] == 0x09 { e -= 1 }
                if e >= 0, b[e] == 0x0A { return s }
            }
            var t = s - 1
            while t > 0, b[t - 1] != 0x0A { t -= 1 }
            s = t
        }
        return 0
    }
}
