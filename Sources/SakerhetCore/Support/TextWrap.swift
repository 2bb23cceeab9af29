/// Text layout by UTF-8 bytes for `TextTable` (Render/Terminal.swift): word wrapping with
/// visible hyphens, and measuring and writing cells, a long table in pieces on every core.
/// It reads strings' bytes through buffer pointers and runs threads, so it lives in the
/// support layer; the table's rules (which column gives way, and when) stay with the table.
extension TextTable {
    /// Each piece of `rows` measured at the same time: per column the longest line, the
    /// longest word, and the width a cell wants kept whole (see `render`), starting from
    /// the titles'.
    static func measure(_ rows: [[String]], _ parts: [Range<Int>], columns n: Int, titles: [Int],
                        titleWords: [Int]) -> [([Int], [Int], [Int])] {
        Parallel.map(parts.count) { p -> ([Int], [Int], [Int]) in
            var longest = titles, floors = titleWords, whole = titleWords
            for r in rows[parts[p]] {
                for i in 0..<min(n, r.count) {
                    let m = UTF8Text.measure(r[i])
                    if m.longest > longest[i] { longest[i] = m.longest }
                    if m.word > floors[i] { floors[i] = m.word }
                    let keep = m.longest <= 12 ? m.longest : m.word
                    if keep > whole[i] { whole[i] = keep }
                }
            }
            return (longest, floors, whole)
        }
    }

    /// `0..<count` in the pieces that `measure` and `emit` work on at the same time: one
    /// per core, or one for a short table.
    static func parts(_ count: Int) -> [Range<Int>] { Parallel.ranges(count, minimum: 2_000) }

    /// The pieces of `rows` written at the same time in columns of `widths`, appended to
    /// `out` in order.
    static func emit(_ rows: [[String]], paint: [[@Sendable (String) -> String]], _ parts: [Range<Int>], widths: [Int],
                     lineWidth: Int, into out: inout [UInt8]) {
        for piece in Parallel.map(parts.count, { p -> [UInt8] in
            var wrapper = Wrapper()
            var out: [UInt8] = []
            out.reserveCapacity((lineWidth + 2) * (parts[p].count + 1))
            for r in parts[p] { wrapper.emit(rows[r], r < paint.count ? paint[r] : [], widths, into: &out) }
            return out
        }) { out += piece }
    }

    /// `measure` for byte tables, a chunk a piece.
    static func measure(_ chunks: [Cells], titles: [Int], titleWords: [Int]) -> [([Int], [Int], [Int])] {
        Parallel.map(chunks.count) { p -> ([Int], [Int], [Int]) in
            var longest = titles, floors = titleWords, whole = titleWords
            chunks[p].measure(rows: 0..<chunks[p].rowCount, longest: &longest, floors: &floors, whole: &whole)
            return (longest, floors, whole)
        }
    }

    /// `emit` for byte tables, a chunk a piece.
    static func emit(_ chunks: [Cells], widths: [Int], lineWidth: Int, into out: inout [UInt8]) {
        let pieces = Parallel.map(chunks.count) { p -> [UInt8] in
            var wrapper = Wrapper()
            var out: [UInt8] = []
            out.reserveCapacity((lineWidth + 2) * (chunks[p].rowCount + 1))
            wrapper.emit(chunks[p], rows: 0..<chunks[p].rowCount, widths, into: &out)
            return out
        }
        // Room for all of them at once: grown piece by piece, the table was copied and
        // its new pages faulted in at each doubling.
        out.reserveCapacity(out.count + pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { out += piece }
    }
    /// Word-wraps `text` to `width` characters; words longer than the width are cut with a
    /// visible hyphen.
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        var w = Wrapper()
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { u in
            w.wrap(u, 0..<u.count, width)
            return w.lines.map { String(decoding: w.bytes(of: $0, in: u), as: UTF8.self) }
        }
    }

    /// Wraps cells by their UTF-8 bytes, keeping its buffers from row to row.
    ///
    /// The rules are those of `String.split`: a line break is "\n" except in "\r\n", and a
    /// blank is " " unless a combining mark follows it (or a prepended mark comes before
    /// it), which makes it part of a longer Character. A line is its pieces joined by
    /// single blanks; text that fits and has no "\n" is one piece, blanks kept.
    struct Wrapper {
        struct Line {
            var pieces: Range<Int>
            /// Its width, a trailing hyphen included.
            var scalars: Int
            /// A word cut at the end of the line, shown with a hyphen.
            var hyphen = false
        }

        var bytes: [UInt8] = []
        var cells: [Range<Int>] = []
        var pieces: [Range<Int>] = []
        var lines: [Line] = []
        var cellLines: [Range<Int>] = []
        var scratch: [UInt8] = []

        /// Appends the lines of `u[cell]` wrapped to `width`.
        mutating func wrap(_ u: UnsafeBufferPointer<UInt8>, _ cell: Range<Int>, _ width: Int) {
            var scalars = 0
            var hasNewline = false
            for p in cell {
                let b = u[p]
                if b & 0xC0 != 0x80 { scalars += 1 }
                if b == 0x0A { hasNewline = true }
            }
            if scalars <= width && !hasNewline {
                pieces.append(cell)
                lines.append(Line(pieces: pieces.count - 1..<pieces.count, scalars: scalars))
                return
            }
            var curStart = pieces.count
            var curScalars = 0
            var curEmpty = true
            var wordStart = cell.lowerBound
            var wordScalars = 0
            var p = cell.lowerBound
            while true {
                let atEnd = p == cell.upperBound
                let b: UInt8 = atEnd ? 0 : u[p]
                let lineBreak = !atEnd && b == 0x0A && UTF8Text.isLineBreak(u, p, cell)
                if atEnd || lineBreak || (b == 0x20 && UTF8Text.isBlank(u, p, cell)) {
                    if wordScalars > 0 {
                        var s = wordStart
                        var c = wordScalars
                        while c > width {
                            if !curEmpty {
                                lines.append(Line(pieces: curStart..<pieces.count, scalars: curScalars))
                                curEmpty = true
                            }
                            // A word too long for the column is cut with a visible hyphen
                            // (no hyphen in a column of one or two, nor beside a control
                            // character, a blank or a combining mark: the cut is then as before).
                            var hyphen = width > 2
                            var cut = UTF8Text.advance(u, s, by: width - 1)
                            if hyphen {
                                let before = u[cut - 1], after = u[cut]
                                hyphen = before >= 0x21 && after > 0x20 && after < 0xCC
                            }
                            let take = hyphen ? width - 1 : max(width, 1)
                            if !hyphen { cut = UTF8Text.advance(u, s, by: take) }
                            pieces.append(s..<cut)
                            lines.append(Line(pieces: pieces.count - 1..<pieces.count, scalars: take + (hyphen ? 1 : 0), hyphen: hyphen))
                            s = cut
                            c -= take
                        }
                        if curEmpty {
                            curStart = pieces.count
                            curScalars = c
                            curEmpty = false
                        } else if curScalars + 1 + c <= width {
                            curScalars += 1 + c
                        } else {
                            lines.append(Line(pieces: curStart..<pieces.count, scalars: curScalars))
                            curStart = pieces.count
                            curScalars = c
                        }
                        pieces.append(s..<p)
                    }
                    if atEnd || lineBreak {
                        lines.append(curEmpty ? Line(pieces: pieces.count..<pieces.count, scalars: 0)
                                              : Line(pieces: curStart..<pieces.count, scalars: curScalars))
                        curEmpty = true
                        curScalars = 0
                    }
                    if atEnd { break }
                    p += 1
                    wordStart = p
                    wordScalars = 0
                } else {
                    if b & 0xC0 != 0x80 { wordScalars += 1 }
                    p += 1
                }
            }
        }

        /// The text of `line`: its pieces joined by single blanks.
        func bytes(of line: Line, in u: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var out: [UInt8] = []
            append(line, from: u, to: &out)
            return out
        }

        func append(_ line: Line, from u: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
            for k in line.pieces {
                if k > line.pieces.lowerBound { out.append(0x20) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[pieces[k]]))
            }
            if line.hyphen { out.append(0x2D) }
        }

        /// Appends one table row, as many lines as its tallest cell needs. Padding is held
        /// back until more text follows, so no line ends in blanks.
        mutating func emit(_ row: [String], _ painters: [@Sendable (String) -> String], _ widths: [Int], into out: inout [UInt8]) {
            bytes.removeAll(keepingCapacity: true)
            cells.removeAll(keepingCapacity: true)
            pieces.removeAll(keepingCapacity: true)
            lines.removeAll(keepingCapacity: true)
            cellLines.removeAll(keepingCapacity: true)
            for cell in row {
                let start = bytes.count
                bytes.append(contentsOf: cell.utf8)
                cells.append(start..<bytes.count)
            }
            let all = bytes
            all.withUnsafeBufferPointer { u in emitCells(u, painters, widths, into: &out) }
        }

        /// Appends rows `rows` of `table`, read in place from its bytes, unpainted.
        mutating func emit(_ table: Cells, rows: Range<Int>, _ widths: [Int], into out: inout [UInt8]) {
            let n = table.width
            table.bytes.withUnsafeBufferPointer { u in
                for r in rows {
                    pieces.removeAll(keepingCapacity: true)
                    lines.removeAll(keepingCapacity: true)
                    cellLines.removeAll(keepingCapacity: true)
                    cells.removeAll(keepingCapacity: true)
                    for k in r * n ..< (r + 1) * n { cells.append(table.range(k)) }
                    emitCells(u, [], widths, into: &out)
                }
            }
        }

        /// Appends the row whose cells are `cells` (ranges of `u`), as many lines as its
        /// tallest cell needs.
        private mutating func emitCells(_ u: UnsafeBufferPointer<UInt8>, _ painters: [@Sendable (String) -> String], _ widths: [Int],
                                        into out: inout [UInt8]) {
            var height = 1
            for i in cells.indices {
                let first = lines.count
                wrap(u, cells[i], widths[i])
                cellLines.append(first..<lines.count)
                height = max(height, lines.count - first)
            }
            for lineNo in 0..<height {
                var pending = 0
                for i in cellLines.indices {
                    let range = cellLines[i]
                    var scalars = 0
                    if lineNo < range.count {
                        let line = lines[range.lowerBound + lineNo]
                        scalars = line.scalars
                        if scalars > 0 {
                            for _ in 0..<pending { out.append(0x20) }
                            pending = 0
                            if i < painters.count {
                                scratch.removeAll(keepingCapacity: true)
                                append(line, from: u, to: &scratch)
                                out.append(contentsOf: painters[i](String(decoding: scratch, as: UTF8.self)).utf8)
                            } else {
                                append(line, from: u, to: &out)
                            }
                        }
                    }
                    pending += widths[i] - scalars + 2
                }
                out.append(0x0A)
            }
        }
    }

    /// Table cells kept as one run of UTF-8 bytes, `width` a row, instead of a string each:
    /// what `ListRender` writes a list of 100,000 records into. A cell is written in pieces
    /// (`append`) and ended with `close`, which makes it safe for a terminal as
    /// `TextTable.add` does.
    struct Cells: Sendable {
        let width: Int
        private(set) var bytes: [UInt8] = []
        /// Where each cell ends in `bytes`, row by row; a cell starts where the one before ends.
        private(set) var ends: [Int] = []

        init(width: Int, reservingRows rows: Int = 0, bytesPerRow: Int = 0) {
            self.width = width
            ends.reserveCapacity(rows * width)
            bytes.reserveCapacity(rows * bytesPerRow)
        }

        /// Rows `0..<rows` written by `write(i, &cells)`, in pieces of the list written at the
        /// same time when there are many (one `Cells` a piece, in order).
        static func make(rows: Int, width: Int, _ write: @Sendable (Int, inout Cells) -> Void) -> [Cells] {
            let parts = Parallel.ranges(rows, minimum: 2_000)
            return Parallel.map(parts.count) { p in
                var c = Cells(width: width, reservingRows: parts[p].count, bytesPerRow: 128)
                for i in parts[p] { write(i, &c) }
                return c
            }
        }

        var rowCount: Int { ends.count / width }

        func range(_ k: Int) -> Range<Int> { (k == 0 ? 0 : ends[k - 1]) ..< ends[k] }

        mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

        /// Writes `n` (not negative) in decimal.
        mutating func append(number n: Int) {
            var divisor = 1
            while divisor <= n / 10 { divisor *= 10 }
            var rest = n
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }

        /// Ends the cell being written. One that may hold a personal identity number or holds
        /// a control character is replaced by what `SafeText.text` makes of it, twice as
        /// `cells` and `add` did (the second pass finds nothing in all but odd cases).
        mutating func close(_ lang: Lang) {
            let start = ends.last ?? 0
            let f = bytes.withUnsafeBufferPointer { SafeBytes.flags(UnsafeBufferPointer(rebasing: $0[start...])) }
            if f.number || f.control {
                var text = SafeText.text(String(decoding: bytes[start...], as: UTF8.self), lang)
                if !SafeText.isPlain(text) { text = SafeText.text(text, lang) }
                bytes.removeSubrange(start...)
                bytes.append(contentsOf: text.utf8)
            }
            ends.append(bytes.count)
        }

        /// The longest line, the longest word and the width kept whole (see `render`) of
        /// each column over `rows`, merged into the given values.
        func measure(rows: Range<Int>, longest: inout [Int], floors: inout [Int], whole: inout [Int]) {
            bytes.withUnsafeBufferPointer { u in
                for r in rows {
                    for i in 0..<width {
                        let m = UTF8Text.measure(UnsafeBufferPointer(rebasing: u[range(r * width + i)]))
                        if m.longest > longest[i] { longest[i] = m.longest }
                        if m.word > floors[i] { floors[i] = m.word }
                        let keep = m.longest <= 12 ? m.longest : m.word
                        if keep > whole[i] { whole[i] = keep }
                    }
                }
            }
        }
    }
}

/// Scanning UTF-8 bytes: a scalar starts at every byte that is not 0b10xxxxxx.
enum UTF8Text {
    static func scalarCount(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The longest line and the longest word of `s`, in scalars.
    static func measure(_ s: String) -> (longest: Int, word: Int) {
        if let m = s.utf8.withContiguousStorageIfAvailable({ measure($0) }) { return m }
        return Array(s.utf8).withUnsafeBufferPointer { measure($0) }
    }

    static func measure(_ u: UnsafeBufferPointer<UInt8>) -> (longest: Int, word: Int) {
        var longest = 0, word = 0, line = 0, cur = 0
        let all = 0..<u.count
        for p in all {
            let b = u[p]
            if b == 0x0A && isLineBreak(u, p, all) {
                longest = max(longest, line)
                word = max(word, cur)
                line = 0
                cur = 0
            } else if b == 0x20 && isBlank(u, p, all) {
                word = max(word, cur)
                cur = 0
                line += 1
            } else if b & 0xC0 != 0x80 {
                line += 1
                cur += 1
            }
        }
        return (max(longest, line), max(word, cur))
    }

    /// Whether the "\n" at `p` splits lines: "\r\n" is one Character.
    static func isLineBreak(_ u: UnsafeBufferPointer<UInt8>, _ p: Int, _ text: Range<Int>) -> Bool {
        !(p > text.lowerBound && u[p - 1] == 0x0D)
    }

    /// Whether the " " at `p` is a Character of its own. Only a scalar from U+0300 on
    /// (lead byte 0xCC or more) can join it; such pairs are left to String.
    static func isBlank(_ u: UnsafeBufferPointer<UInt8>, _ p: Int, _ text: Range<Int>) -> Bool {
        if p + 1 < text.upperBound && u[p + 1] >= 0xCC {
            let end = advance(u, p + 1, by: 1)
            if String(decoding: UnsafeBufferPointer(rebasing: u[p..<end]), as: UTF8.self).count == 1 { return false }
        }
        if p > text.lowerBound && u[p - 1] >= 0x80 {
            var q = p - 1
            while q > text.lowerBound && u[q] & 0xC0 == 0x80 { q -= 1 }
            if u[q] >= 0xCC && String(decoding: UnsafeBufferPointer(rebasing: u[q...p]), as: UTF8.self).count == 1 { return false }
        }
        return true
    }

    /// The byte index `n` scalars after `p`.
    static func advance(_ u: UnsafeBufferPointer<UInt8>, _ p: Int, by n: Int) -> Int {
        var p = p
        for _ in 0..<n {
            p += 1
            while p < u.count && u[p] & 0xC0 == 0x80 { p += 1 }
        }
        return p
    }
}
