import FoundationEssentials

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
        if let c = environment["COLUMNS"].flatMap({ Int($0.trimmingSpaces()) }), c > 0 {
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
    public var paint: [[@Sendable (String) -> String]] = []

    public init(_ columns: [Column], lang: Lang = .sv) {
        self.columns = columns
        self.lang = lang
    }

    /// Adds a row; each cell goes through `SafeText.text` (numbers masked, controls shown).
    public mutating func add(_ cells: [String], paint: [@Sendable (String) -> String]? = nil) {
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
        let parts = TextTable.parts(rows.count)
        let titleWords = columns.map { UTF8Text.measure($0.title).word }
        let measured = TextTable.measure(rows, parts, columns: n, titles: titles, titleWords: titleWords)
        let (widths, total) = fit(measured, titles: titles, titleWords: titleWords, maxWidth: maxWidth)
        var out = header(widths, total: total, rows: rows.count, style: style)
        TextTable.emit(rows, paint: paint, parts, widths: widths, lineWidth: total, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The rows of `chunks` (one after another, a cell a column) rendered as `render`
    /// renders `rows`, unpainted: the same table from bytes written in place, without a
    /// string a cell. The chunks are measured and written at the same time.
    func render(_ chunks: [Cells], style: Style = .plain, maxWidth: Int? = nil) -> String {
        let maxWidth = maxWidth ?? style.width
        let titles = columns.map { UTF8Text.scalarCount($0.title) }
        let titleWords = columns.map { UTF8Text.measure($0.title).word }
        let measured = TextTable.measure(chunks, titles: titles, titleWords: titleWords)
        let (widths, total) = fit(measured, titles: titles, titleWords: titleWords, maxWidth: maxWidth)
        var out = header(widths, total: total, rows: chunks.reduce(0) { $0 + $1.rowCount }, style: style)
        TextTable.emit(chunks, widths: widths, lineWidth: total, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The columns' widths for cells measured in pieces as `longest`, `floors` and `whole`
    /// (see `render`), and the table's width.
    private func fit(_ measured: [([Int], [Int], [Int])], titles: [Int], titleWords: [Int],
                     maxWidth: Int) -> (widths: [Int], total: Int) {
        let n = columns.count
        var longest = titles, floors = titleWords, whole = titleWords
        for (l, f, w) in measured {
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
        return (widths, total)
    }

    /// The heading and its rule, in a buffer with room for `rows` rows.
    private func header(_ widths: [Int], total: Int, rows: Int, style: Style) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((total + 2) * (rows + 2))
        var wrapper = Wrapper()
        wrapper.emit(columns.map(\.title), style.color ? columns.map { _ in style.bold } : [], widths, into: &out)
        for (i, w) in widths.enumerated() {
            if i > 0 { out.append(0x20); out.append(0x20) }
            for _ in 0..<w { out.append(0xE2); out.append(0x94); out.append(0x80) }  // "─"
        }
        out.append(0x0A)
        return out
    }

    /// `text` (a line that starts with two blanks) wrapped to `width`, its further lines
    /// indented by four: a list item of a report. A line that fits is left as it is.
    public static func hanging(_ text: String, width: Int) -> String {
        guard UTF8Text.scalarCount(text) > width, !text.includes("\n") else { return text }
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
}
