/// The byte scan behind `TrailingCharacterCheck`: the lines of a field's byte range that end
/// in blanks or in a backslash. Pointer code lives here, in the support layer; the check
/// keeps its rule and its messages.
enum TrailingScan {
    enum Ending: Sendable { case blanks, backslash }

    struct Hit: Sendable {
        /// 0 for the field's first line, 1 for the next …
        let lineOffset: Int
        /// 1-based column in characters: of the first trailing blank, or of the backslash.
        let column: Int
        let ending: Ending
    }

    /// The lines in `range` of `bytes` (a field's lines, line breaks included) that end in
    /// blanks or a backslash. `oneLine`: the range is one line, so its end is not searched
    /// for (most fields; the search read every byte of every field).
    static func hits(in bytes: [UInt8], _ range: Range<Int>, oneLine: Bool = false) -> [Hit] {
        bytes.withUnsafeBufferPointer { b in
            var out: [Hit] = []
            var start = range.lowerBound
            var offset = 0
            while start < range.upperBound {
                let end = oneLine ? (b[range.upperBound - 1] == 0x0A ? range.upperBound - 1 : range.upperBound)
                    : Platform.firstByte(0x0A, in: b.baseAddress! + start, count: b.count - start).map { start + $0 } ?? b.count
                var last = end
                if last > start, b[last - 1] == 0x0D { last -= 1 }
                var blank = last
                while blank > start, b[blank - 1] == 0x20 || b[blank - 1] == 0x09 { blank -= 1 }
                if blank < last {
                    out.append(Hit(lineOffset: offset, column: column(b, start, blank), ending: .blanks))
                } else if last > start, b[last - 1] == 0x5C {
                    out.append(Hit(lineOffset: offset, column: column(b, start, last) - 1, ending: .backslash))
                }
                start = end + 1
                offset += 1
            }
            return out
        }
    }

    /// The 1-based column, in characters, of byte `offset` on the line starting at `lineStart`.
    private static func column(_ b: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ offset: Int) -> Int {
        var n = 1
        for i in lineStart..<offset where b[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
