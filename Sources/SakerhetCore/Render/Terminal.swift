/// ANSI colours for terminal output; `plain` when the output is not a terminal or
/// `NO_COLOR` is set.
public struct Style: Sendable {
    public let color: Bool
    public init(color: Bool) { self.color = color }
    public static let plain = Style(color: false)

    func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public func bold(_ s: String) -> String { paint(s, "1") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func red(_ s: String) -> String { paint(s, "31") }
    public func yellow(_ s: String) -> String { paint(s, "33") }
    public func green(_ s: String) -> String { paint(s, "32") }

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
        public init(_ title: String, _ width: Int) {
            self.title = title
            self.width = width
        }
    }

    public let columns: [Column]
    public var rows: [[String]] = []
    /// Optional colouring per row and column, applied after padding.
    public var paint: [[(String) -> String]] = []

    public init(_ columns: [Column]) { self.columns = columns }

    public mutating func add(_ cells: [String], paint: [(String) -> String]? = nil) {
        rows.append(cells)
        self.paint.append(paint ?? [])
    }

    /// Renders within `maxWidth` columns: the widest columns give way first.
    public func render(style: Style = .plain, maxWidth: Int = 100) -> String {
        // Each column as wide as its content, within its configured width, but never
        // narrower than its title or its longest word.
        var widths = columns.map(\.width)
        var floors = widths
        for (i, c) in columns.enumerated() {
            var longest = c.title.unicodeScalars.count
            var word = c.title.unicodeScalars.count
            for r in rows where i < r.count {
                for part in r[i].split(separator: "\n", omittingEmptySubsequences: false) {
                    longest = max(longest, part.unicodeScalars.count)
                    for w in part.split(separator: " ") { word = max(word, w.unicodeScalars.count) }
                }
            }
            floors[i] = word
            widths[i] = max(word, min(c.width, longest))
        }
        // Then the widest columns give way until the table fits.
        // Then the widest columns give way until the table fits; words are cut only
        // when nothing else helps.
        for pass in 0..<2 {
            while widths.reduce(0, +) + 2 * (widths.count - 1) > maxWidth {
                let floor = { (i: Int) in pass == 0 ? floors[i] : max(columns[i].title.unicodeScalars.count, 6) }
                guard let i = widths.indices.filter({ widths[$0] > floor($0) }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[i] -= 1
            }
        }
        var out = ""
        func emit(_ cells: [String], _ painters: [(String) -> String]) {
            let wrapped = cells.enumerated().map { TextTable.wrap($0.element, widths[$0.offset]) }
            let height = wrapped.map(\.count).max() ?? 1
            for lineNo in 0..<height {
                // Padding is held back until more text follows, so no line ends in blanks.
                var pending = 0
                for (i, lines) in wrapped.enumerated() {
                    let text = lineNo < lines.count ? lines[lineNo] : ""
                    if !text.isEmpty {
                        if pending > 0 { out += String(repeating: " ", count: pending) }
                        out += i < painters.count ? painters[i](text) : text
                        pending = 0
                    }
                    pending += widths[i] - text.unicodeScalars.count + 2
                }
                out += "\n"
            }
        }
        emit(columns.map(\.title), columns.map { _ in style.bold })
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for (r, cells) in rows.enumerated() { emit(cells, paint[r]) }
        return out
    }

    /// Word-wraps `text` to `width` characters; words longer than the width are cut.
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        if text.unicodeScalars.count <= width && !text.utf8.contains(0x0A) { return [text] }
        var lines: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var cur = ""
            for word in para.split(separator: " ") {
                var w = String(word)
                while w.unicodeScalars.count > width {
                    if !cur.isEmpty { lines.append(cur); cur = "" }
                    lines.append(String(String.UnicodeScalarView(w.unicodeScalars.prefix(width))))
                    w = String(String.UnicodeScalarView(w.unicodeScalars.dropFirst(width)))
                }
                if cur.isEmpty { cur = w }
                else if cur.unicodeScalars.count + 1 + w.unicodeScalars.count <= width { cur += " " + w }
                else { lines.append(cur); cur = w }
            }
            lines.append(cur)
        }
        return lines.isEmpty ? [""] : lines
    }
}
