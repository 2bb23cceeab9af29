/// Comparing byte arrays fast: the history reader compares each version of a file with the
/// one before, and a diff (`Diff`) cuts what two versions share. Pointer code lives here,
/// in the support layer.
enum ByteCompare {
    /// The number of leading bytes `a` and `b` share.
    static func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let shortest = min(a.count, b.count)
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var n = 0
                while n < shortest, x[n] == y[n] { n += 1 }
                return n
            }
        }
    }

    /// The number of trailing bytes `a` and `b` share, at most `limit`.
    static func commonSuffix(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var n = 0
                while n < limit, x[x.count - 1 - n] == y[y.count - 1 - n] { n += 1 }
                return n
            }
        }
    }

    /// Whether the UTF-8 bytes of `needle` occur in `haystack`, found with `memchr` and
    /// `memcmp`; nil when either's bytes are not in one piece of memory. For valid UTF-8
    /// this is the same as looking scalar by scalar: the needle starts with a scalar's
    /// first byte, which no byte inside a scalar equals.
    static func contains<H: Sequence>(_ haystack: H, _ needle: String) -> Bool? where H.Element == UInt8 {
        haystack.withContiguousStorageIfAvailable { h -> Bool? in
            needle.utf8.withContiguousStorageIfAvailable { n -> Bool in
                guard n.count > 0, n.count <= h.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                return Platform.firstRun(nb, n.count, key: 0, in: hb, count: h.count) != nil
            }
        } ?? nil
    }

    /// Whether two buffers hold the same bytes.
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || Platform.bytesEqual(a.baseAddress!, b.baseAddress!, count: a.count))
    }

    /// Whether two slices hold the same bytes.
    static func equal(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in Platform.bytesEqual(x.baseAddress!, y.baseAddress!, count: x.count) } }
    }

    /// Where two versions of a file differ, in whole lines with `context` unchanged lines
    /// around: the byte ranges of that part in each, and how many lines come before it. A
    /// line is the bytes up to and including a LF. The lines cut off before are the same in
    /// both, and so are those cut off after (those share their LF too).
    static func changedLines(_ a: [UInt8], _ b: [UInt8], context: Int) -> (old: Range<Int>, new: Range<Int>, skippedLines: Int) {
        let prefix = commonPrefix(a, b)
        if prefix == a.count && prefix == b.count { return (a.count..<a.count, b.count..<b.count, 0) }
        return a.withUnsafeBufferPointer { x in
            // Back to the start of the line where they part: the lines before it are the
            // same in both, and the shared tail is looked for after it only (the lines the
            // head shares cannot also be tail, as in the line diff). Then `context` lines more.
            var parted = prefix
            while parted > 0, x[parted - 1] != 0x0A { parted -= 1 }
            var start = parted
            for _ in 0..<context where start > 0 {
                start -= 1
                while start > 0, x[start - 1] != 0x0A { start -= 1 }
            }
            let skipped = Document.newlines(in: x, 0, start)
            // The shared tail from the first LF inside it, and `context` lines more.
            let suffix = commonSuffix(a, b, limit: min(a.count, b.count) - parted)
            var end = a.count
            var i = a.count - suffix
            while i < a.count, x[i] != 0x0A { i += 1 }
            if i < a.count {
                end = i + 1
                for _ in 0..<context where end < a.count {
                    while end < a.count, x[end] != 0x0A { end += 1 }
                    if end < a.count { end += 1 }
                }
            }
            return (start..<end, start..<(end + b.count - a.count), skipped)
        }
    }
}
