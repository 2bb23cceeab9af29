/// Documents made of a few records of a file, with the file's line numbers. An edit of one
/// record works on its block alone, and a write is validated on the records it concerns
/// (see `Edit/Neighbourhood.swift`) instead of the whole folder.
extension Document {
    /// A piece of a file: its bytes, and the file's line number of its first line.
    public struct Segment: Sendable {
        public let bytes: ArraySlice<UInt8>
        public let firstLine: Int
        public init(bytes: ArraySlice<UInt8>, firstLine: Int) {
            self.bytes = bytes
            self.firstLine = firstLine
        }
    }

    /// The segments one after another, with a blank line between two so that no records
    /// run together, each parsed with its own line numbers. Byte ranges are offsets into
    /// the joined bytes; one segment gives a document of exactly its bytes.
    public init(segments: [Segment]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segments.reduce(0) { $0 + $1.bytes.count + 2 })
        var ranges: [Range<Int>] = []
        for (i, s) in segments.enumerated() {
            let start = bytes.count
            bytes += s.bytes
            if i < segments.count - 1 {
                if bytes.last != 0x0A { bytes.append(0x0A) }
                bytes.append(0x0A)
            }
            ranges.append(start..<bytes.count)
        }
        if segments.isEmpty { ranges.append(0..<0) }
        let parts = ranges.indices.map { i -> ParsedPiece in
            var parser = Parser(bytes: bytes, range: ranges[i], firstLine: segments.isEmpty ? 1 : segments[i].firstLine)
            parser.atStart = false
            return parser.parsed()
        }
        self.init(bytes: bytes, parts: parts)
    }

    /// Record `index` with the lines of its block (comments in it included), as a document
    /// of its own whose line numbers are the file's.
    public func block(ofRecord index: Int) -> Document {
        Document(segments: [segment(ofRecord: index)])
    }

    /// The bytes of record `index`'s block, with the line its block starts on.
    public func segment(ofRecord index: Int, lineShift: Int = 0) -> Segment {
        let r = records[index]
        // The block may open with comment lines before the first field.
        var linesBefore = 0
        for i in r.byteRange.lowerBound..<(r.fields.first?.byteRange.lowerBound ?? r.byteRange.lowerBound) where bytes[i] == 0x0A {
            linesBefore += 1
        }
        return Segment(bytes: bytes[r.byteRange], firstLine: r.line - linesBefore + lineShift)
    }

    /// How many line breaks the file has: the line the next appended byte starts on, less one.
    var lineBreaks: Int {
        bytes.isEmpty ? 0 : bytes.last == 0x0A ? lineCount : lineCount - 1
    }
}
