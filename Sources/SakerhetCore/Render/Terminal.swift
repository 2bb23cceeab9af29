import Foundation

/// ANSI colours for terminal output; `plain` when the output is not a terminal or
/// `NO_COLOR` is set.
/// `width` is the terminal's width in columns (100 when the output is not a terminal): the
/// one place that tables and wrapped text learn how wide they may be.
public struct Style: Sendable {
    public let color: Bool
    public let width: Int
    /// Whether `width` was asked for (`COLUMNS`) or is a terminal's: only then are lines
    /// that are one record each (audit's diagnostics) wrapped, so a pipe keeps one per line.
    public let fitted: Bool
    public init(color: Bool, width: Int = 100, fitted: Bool = false) {
        self.color = color
        self.width = max(width, 20)
        self.fitted = fitted
    }
    public static let plain = Style(color: false)

    /// The style for output to `fd`: colour when asked, and the width from `COLUMNS` when
    /// set to a number, else the terminal's width, else 100 (a pipe or a file).
    public static func forOutput(color: Bool, environment: [String: String], fd: Int32) -> Style {
        if let c = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), c > 0 {
            return Style(color: color, width: c, fitted: true)
        }
        if let c = Platform.terminalColumns(fd) { return Style(color: color, width: c, fitted: true) }
        return Style(color: color)
    }

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public func bold(_ s: String) -> String { paint(s, "1") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func red(_ s: String) -> String { paint(s, "31") }
    public func yellow(_ s: String) -> String { paint(s, "33") }
    public func green(_ s: String) -> String { paint(s, "32") }
    public func cyan(_ s: String) -> String { paint(s, "36") }

    public func signal(_ s: Signal, _ text: String) -> String {
        switch s {
        case .red: return red(text)
        case .yellow: return yellow(text)
        case .green: return green(text)
        case .grey: return dim(text)
        }
    }

    public func severity(_ s: Severity, _ text: String) -> String {
        switch s {
        case .error: return paint(text, "1;31")
        case .warning: return yellow(text)
        case .notice: return paint(text, "36")
        }
    }
}

/// A plain-text table: columns wrap within their width, rows are aligned.
public struct TextTable {
    public struct Column {
        public let title: String
        public let width: Int
        /// Free text (a title, a recommendation, a comment) that gives way first when the
        /// table is too wide; other columns (ids, dates, statuses) keep their words whole.
        /// Unless told, a column is free text when it is configured wide (20 or more) or
        /// has a cell longer than 24 characters.
        public let free: Bool?
        public init(_ title: String, _ width: Int, free: Bool? = nil) {
            self.title = title
            self.width = width
            self.free = free
        }
    }

    public let columns: [Column]
    /// The language of the mask that hides a personal identity number in a cell.
    public let lang: Lang
    public var rows: [[String]] = []
    /// Optional colouring per row and column, applied to each non-empty piece of text.
    /// A row's list may be empty or shorter than the row: the other cells are not painted.
    public var paint: [[(String) -> String]] = []

    public init(_ columns: [Column], lang: Lang = .sv) {
        self.columns = columns
        self.lang = lang
    }

    /// Adds a row; each cell goes through `SafeText.text` (numbers masked, controls shown).
    public mutating func add(_ cells: [String], paint: [(String) -> String]? = nil) {
        // Most rows have nothing to mask or show: kept as they are, without a new array.
        rows.append(cells.allSatisfy(SafeText.isPlain) ? cells : cells.map { SafeText.text($0, lang) })
        self.paint.append(paint ?? [])
    }

    /// Renders within `maxWidth` columns (the style's width by default): the free-text
    /// columns give way first, then the others down to their longest word; words are
    /// cut, with a visible hyphen, only when nothing else helps.
    public func render(style: Style = .plain, maxWidth: Int? = nil) -> String {
        let maxWidth = maxWidth ?? style.width
        let n = columns.count
        let titles = columns.map { UTF8Text.scalarCount($0.title) }
        // Each column as wide as its content, within its configured width, but never
        // narrower than its title or its longest word; a short cell of a column that is
        // not free text (a status such as "ej påbörjad") is kept on one line.
        // Rows are measured, and below written, in pieces at the same time when there are many.
        let parts = Parallel.ranges(rows.count, minimum: 2_000)
        let titleWords = columns.map { UTF8Text.measure($0.title).word }
        var longest = titles
        var floors = titleWords
        var whole = titleWords
        for (l, f, w) in Parallel.map(parts.count, { p -> ([Int], [Int], [Int]) in
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
        }) {
            for i in 0..<n {
                longest[i] = max(longest[i], l[i]); floors[i] = max(floors[i], f[i]); whole[i] = max(whole[i], w[i])
            }
        }
        let free = (0..<n).map { columns[$0].free ?? (columns[$0].width >= 20 || longest[$0] > 24) }
        var widths = (0..<n).map { free[$0] ? max(floors[$0], min(columns[$0].width, longest[$0]))
                                                    : max(whole[$0], titles[$0], min(columns[$0].width, longest[$0])) }
        // Then columns give way, widest first, until the table fits: free text down to its
        // longest word; the others down to their longest cell (their headings wrap); free
        // text down to 12 columns (long words hyphenated); the others down to their longest
        // word; free text down to 6. An id, a date or a status is never cut: a table that
        // still does not fit is wider than asked.
        var total = widths.reduce(0, +) + 2 * (n - 1)
        for pass in 0..<5 {
            while total > maxWidth {
                var widest = -1
                for i in 0..<n {
                    let floor: Int
                    switch pass {
                    case 0: floor = free[i] ? floors[i] : Int.max
                    case 1: floor = free[i] ? Int.max : whole[i]
                    case 2: floor = free[i] ? max(titleWords[i], 12) : Int.max
                    case 3: floor = free[i] ? Int.max : floors[i]
                    default: floor = free[i] ? 6 : Int.max
                    }
                    if widths[i] > floor && (widest < 0 || widths[i] > widths[widest]) { widest = i }
                }
                if widest < 0 { break }
                widths[widest] -= 1
                total -= 1
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity((total + 2) * (rows.count + 2))
        var wrapper = Wrapper()
        wrapper.emit(columns.map(\.title), style.color ? columns.map { _ in style.bold } : [], widths, into: &out)
        for (i, w) in widths.enumerated() {
            if i > 0 { out.append(0x20); out.append(0x20) }
            for _ in 0..<w { out.append(0xE2); out.append(0x94); out.append(0x80) }  // "─"
        }
        out.append(0x0A)
        for piece in Parallel.map(parts.count, { p -> [UInt8] in
            var wrapper = Wrapper()
            var out: [UInt8] = []
            out.reserveCapacity((total + 2) * (parts[p].count + 1))
            for r in parts[p] { wrapper.emit(rows[r], r < paint.count ? paint[r] : [], widths, into: &out) }
            return out
        }) { out += piece }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` (a line that starts with two blanks) wrapped to `width`, its further lines
    /// indented by four: a list item of a report. A line that fits is left as it is.
    public static func hanging(_ text: String, width: Int) -> String {
        guard UTF8Text.scalarCount(text) > width, !text.contains("\n") else { return text }
        // Greedy, at single blanks; runs of blanks inside a line ("2026-03-20  A3") are kept.
        var lines: [String] = []
        var line = "", count = 0
        var pendingBlanks = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if word.isEmpty { pendingBlanks += 1; continue }
            let n = UTF8Text.scalarCount(String(word))
            let gap = count == 0 ? 0 : pendingBlanks + 1
            if count > 0 && count + gap + n > width && !line.allSatisfy({ $0 == " " }) {
                lines.append(line)
                line = "    " + word
                count = 4 + n
            } else {
                line += String(repeating: " ", count: count == 0 ? pendingBlanks : gap) + word
                count += (count == 0 ? pendingBlanks : gap) + n
            }
            pendingBlanks = 0
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
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
        mutating func emit(_ row: [String], _ painters: [(String) -> String], _ widths: [Int], into out: inout [UInt8]) {
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
            all.withUnsafeBufferPointer { u in
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
