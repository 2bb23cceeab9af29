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

    /// The records that hold one of `needles`, and for the record whose id is a needle,
    /// those that hold the value of its `key` field, and so on: with `.parent`, a goal and
    /// every goal above it (up to a value outside ASCII). Each string is searched for once;
    /// `sieve` is all of them.
    public init(bytes: [UInt8], holding needles: Set<String>, closedUnder key: FieldKey?) {
        var found: [Range<Int>] = []
        var searched: Set<String> = []
        var pending = needles
        var lineCount = 0
        var lines: [Int] = []
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            guard n > 0 else { searched = needles; return }
            found.append(0..<(Document.recordStart(at: 0, in: b) ?? n))
            // How often each byte comes in the file's first 64 KiB: each needle is looked
            // for by its rarest byte (in A12 the digit 2 is rarer than the A of every id,
            // in a file of dates the 1 is not).
            var seen = [Int](repeating: 0, count: 256)
            for i in 0..<min(n, 1 << 16) { seen[Int(b[i])] += 1 }
            while !pending.isEmpty {
                let new = Document.hits(of: pending, in: b, seen: seen)
                found += new
                searched.formUnion(pending)
                pending = []
                guard let key else { break }
                // The records just found whose id was searched for name what to search
                // for next (their lines are not needed for that, only their values).
                for r in new {
                    var parser = Parser(bytes: bytes, range: r, firstLine: 1)
                    for record in parser.parsed().records.take() {
                        guard let id = record.value(.id), searched.contains(id) else { continue }
                        for v in record.values(key) where !v.isEmpty && Document.isSearchable(v) && !searched.contains(v) {
                            pending.insert(v)
                        }
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
        self.init(bytes: bytes, parts: parts)
        self.lineCount = lineCount
        sieve = searched
    }

    /// For each place where one of `needles` occurs in `b`, the range from the place
    /// before it to the place after it where a parse may start afresh.
    private static func hits(of needles: Set<String>, in b: UnsafeBufferPointer<UInt8>, seen: [Int]) -> [Range<Int>] {
        let n = b.count
        guard let base = b.baseAddress else { return [] }
        var found: [Range<Int>] = []
        for needle in searched(needles) {
            var pattern = Array(needle.utf8)
            let key = pattern.indices.min { seen[Int(pattern[$0])] < seen[Int(pattern[$1])] }!
            pattern.withUnsafeMutableBytes { p in
                var at = 0
                while at < n, let hit = Platform.firstRun(p.baseAddress!, p.count, key: key, in: base + at, count: n - at) {
                    let h = at + hit
                    let end = recordStart(at: h, in: b) ?? n
                    found.append(recordStart(before: h, in: b)..<end)
                    at = end
                }
            }
        }
        return found
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

    /// The start of the record that holds offset `h`: the last place at or before `h`
    /// where a record starts (`startsRecord`), or 0.
    static func recordStart(before h: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
        var s = h
        while s > 0, b[s - 1] != 0x0A { s -= 1 }
        while s > 0, !startsRecord(at: s, in: b) {
            s -= 1
            while s > 0, b[s - 1] != 0x0A { s -= 1 }
        }
        return s
    }

    /// Whether `s` may be searched for by its bytes: it is ASCII, and no other way of
    /// writing it is the same string to Swift but for K, ; and ` (`searched`). A value
    /// outside ASCII may be written composed or not, so it is not searched for: the files
    /// are read whole for it, or an edit that looks for it is made on the whole folder.
    static func isSearchable(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }
}
