/// One version of one data file, parsed: its records, or its first syntax error.
///
/// History parses hundreds of versions of a file that differ by a line or two, so a
/// version is parsed *from the previous one*: the bytes they share at the start and at
/// the end hold the same records, and only the records in between are parsed again, with
/// the lossless parser. Whenever that shortcut could differ from parsing the whole file
/// (an error in the changed part, a descriptor block out of place) the whole file is
/// parsed instead, so the result is always what `Document(bytes:)` gives. Records kept
/// from the previous version keep their fields; their line numbers may be stale, which
/// history does not use.
struct ParsedFile: Sendable {
    let bytes: [UInt8]
    let records: [Record]
    /// The first error, from a full parse (so its line is right); nil when the file parses.
    let error: SyntaxIssue?

    init(bytes: [UInt8]) {
        let doc = Document(bytes: bytes)
        self.bytes = bytes
        self.records = doc.records
        self.error = doc.issues.first { $0.severity == .error }
    }

    private init(bytes: [UInt8], records: [Record]) {
        self.bytes = bytes
        self.records = records
        self.error = nil
    }

    /// `bytes` parsed from `previous` (which must have parsed without error), or nil when
    /// only a full parse can tell.
    static func incremental(from previous: ParsedFile, to new: [UInt8]) -> ParsedFile? {
        guard previous.error == nil else { return nil }
        let old = previous.bytes
        if old == new { return ParsedFile(bytes: new, records: previous.records) }
        let shortest = min(old.count, new.count)
        let prefix = ByteCompare.commonPrefix(old, new)
        let suffix = ByteCompare.commonSuffix(old, new, limit: shortest - prefix)
        let delta = new.count - old.count
        let suffixStart = old.count - suffix

        // Records before the change, each followed by a whole blank line that is unchanged.
        var head = 0
        var regionStart = 0
        for r in previous.records {
            let end = r.byteRange.upperBound
            guard end < prefix, let next = blankLine(old, at: end), next <= prefix else { break }
            head += 1
            regionStart = next
        }
        // Records after the change, each preceded by a whole blank line that is unchanged
        // (and so starts a line in both versions).
        var tail = previous.records.count
        var regionEnd = old.count
        while tail > head {
            let start = previous.records[tail - 1].byteRange.lowerBound
            // The line break before the blank line must be shared too, or the blank line
            // could be the end of a changed line in the new version.
            guard start >= suffixStart, let blank = blankLine(old, endingAt: start), blank > suffixStart else { break }
            tail -= 1
            regionEnd = blank
        }
        let newStart = regionStart, newEnd = regionEnd + delta
        guard newStart <= newEnd else { return nil }
        let middle = Document(bytes: Array(new[newStart..<newEnd]))
        if middle.issues.contains(where: { $0.severity == .error }) { return nil }
        // A block of %-fields is the descriptor only at the top; elsewhere it is an error.
        if middle.descriptor != nil && head > 0 { return nil }

        var records: [Record] = []
        records.reserveCapacity(head + middle.records.count + previous.records.count - tail)
        records += previous.records[0..<head]
        for r in middle.records {
            records.append(Record(fields: r.fields,
                                  byteRange: (r.byteRange.lowerBound + newStart)..<(r.byteRange.upperBound + newStart)))
        }
        for r in previous.records[tail...] {
            records.append(Record(fields: r.fields,
                                  byteRange: (r.byteRange.lowerBound + delta)..<(r.byteRange.upperBound + delta)))
        }
        return ParsedFile(bytes: new, records: records)
    }

    /// The end (after its line break) of the line starting at `start`, when that line is
    /// blank (spaces and tabs only) and ends with a line break.
    static func blankLine(_ b: [UInt8], at start: Int) -> Int? {
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        if i < b.count, b[i] == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { i += 1 }
        guard i < b.count, b[i] == 0x0A else { return nil }
        return i + 1
    }

    /// The start of the line that ends just before `end` (a line start), when that line
    /// is blank.
    static func blankLine(_ b: [UInt8], endingAt end: Int) -> Int? {
        guard end > 0, b[end - 1] == 0x0A else { return nil }
        var i = end - 1
        if i > 0, b[i - 1] == 0x0D { i -= 1 }
        while i > 0, b[i - 1] == 0x20 || b[i - 1] == 0x09 { i -= 1 }
        guard i == 0 || b[i - 1] == 0x0A else { return nil }
        return i
    }
}
