/// Minimal edits. Each returns a new document whose bytes differ from the old only in
/// the lines of the field or record concerned.
extension Document {
    /// Sets the first `key` field of record `index` to `value`. A missing field is
    /// inserted after the last field that comes before it in `order` (or at the end).
    public func setting(_ key: String, to value: String, inRecord index: Int, order: [String] = []) -> Document {
        let record = records[index]
        if let field = record.field(key) {
            return splicing(field.byteRange, with: render(key, value))
        }
        let at = insertionPoint(for: key, in: record, order: order)
        return splicing(at..<at, with: lineBreakIfNeeded(at: at) + render(key, value))
    }

    /// Adds one more `key` field (for list fields such as `action`), after the last of its kind.
    public func adding(_ key: String, value: String, toRecord index: Int, order: [String] = []) -> Document {
        let record = records[index]
        let at = record.fields.last(where: { $0.key == key })?.byteRange.upperBound ?? insertionPoint(for: key, in: record, order: order)
        return splicing(at..<at, with: lineBreakIfNeeded(at: at) + render(key, value))
    }

    /// Removes every `key` field of record `index` (only the one with `value`, if given).
    public func removing(_ key: String, value: String? = nil, fromRecord index: Int) -> Document {
        var doc = self
        while let field = doc.records[index].fields.last(where: { $0.key == key && (value == nil || $0.value == value) }) {
            doc = doc.splicing(field.byteRange, with: [])
        }
        return doc
    }

    /// Appends a record at the end of the file, separated by one blank line.
    public func appendingRecord(_ fields: [(String, String)]) -> Document {
        Document(bytes: bytes + appendedRecord(fields))
    }

    /// The bytes that `appendingRecord` adds at the end of the file.
    func appendedRecord(_ fields: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        let nl = lineEnding.bytes
        if !bytes.isEmpty && bytes.last != 0x0A { out += nl }
        if !bytes.isEmpty && !endsWithBlankLine { out += nl }
        for (k, v) in fields { out += render(k, v) }
        return out
    }

    /// Removes record `index` with its comments and the blank line that separated it.
    public func removingRecord(_ index: Int) -> Document {
        splicing(removalRange(ofRecord: index), with: [])
    }

    /// The bytes `removingRecord` takes away.
    func removalRange(ofRecord index: Int) -> Range<Int> {
        var range = records[index].byteRange
        // Take the blank lines after it; at the end of the file, the ones before it.
        var end = range.upperBound
        while let next = blankLineEnd(at: end) { end = next }
        if end == bytes.count {
            var start = range.lowerBound
            while let prev = blankLineStart(before: start) { start = prev }
            range = start..<end
        } else {
            range = range.lowerBound..<end
        }
        return range
    }

    /// Replaces a byte range and parses the result.
    public func splicing(_ range: Range<Int>, with replacement: [UInt8]) -> Document {
        var out = bytes
        out.replaceSubrange(range, with: replacement)
        return Document(bytes: out)
    }

    /// The lines of one field as this file writes them: `key: value`, then `+ ` lines.
    public func render(_ key: String, _ value: String) -> [UInt8] {
        var out: [UInt8] = Array(key.utf8)
        out.append(UInt8(ascii: ":"))
        var first = true
        for part in value.split(separator: "\n", omittingEmptySubsequences: false) {
            if first {
                if !part.isEmpty { out.append(0x20); out += Array(part.utf8) }
                first = false
            } else {
                out += lineEnding.bytes
                out.append(UInt8(ascii: "+"))
                if !part.isEmpty { out.append(0x20); out += Array(part.utf8) }
            }
        }
        out += lineEnding.bytes
        return out
    }

    /// A line break to put first when inserting at the end of a file that lacks a final one.
    private func lineBreakIfNeeded(at offset: Int) -> [UInt8] {
        offset == bytes.count && !bytes.isEmpty && bytes.last != 0x0A ? lineEnding.bytes : []
    }

    private func insertionPoint(for key: String, in record: Record, order: [String]) -> Int {
        if let rank = order.firstIndex(of: key) {
            let before = Set(order[..<rank])
            if let anchor = record.fields.last(where: { before.contains($0.key) }) {
                return anchor.byteRange.upperBound
            }
            if let firstAfter = record.fields.first(where: { order.firstIndex(of: $0.key).map { $0 > rank } ?? false }) {
                return firstAfter.byteRange.lowerBound
            }
        }
        return record.fields.last!.byteRange.upperBound
    }

    private var endsWithBlankLine: Bool {
        var i = bytes.count - 1
        if i >= 0, bytes[i] == 0x0A { i -= 1 }
        if i >= 0, bytes[i] == 0x0D { i -= 1 }
        while i >= 0, bytes[i] == 0x20 || bytes[i] == 0x09 { i -= 1 }
        return i < 0 || bytes[i] == 0x0A
    }

    /// If a blank line starts at `at`, the offset after it.
    private func blankLineEnd(at: Int) -> Int? {
        var i = at
        guard i < bytes.count else { return nil }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
        if i < bytes.count, bytes[i] == 0x0A { return i + 1 }
        return i == bytes.count && i > at ? i : nil
    }

    /// If a blank line ends just before `before`, the offset where it starts.
    private func blankLineStart(before: Int) -> Int? {
        guard before > 0, bytes[before - 1] == 0x0A else { return nil }
        var i = before - 2
        while i >= 0, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i -= 1 }
        if i < 0 { return before > 1 || before == 1 ? 0 : nil }
        return bytes[i] == 0x0A ? i + 1 : nil
    }
}
