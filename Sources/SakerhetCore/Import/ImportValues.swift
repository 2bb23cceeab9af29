/// Values as people write them in a plan, read through the same vocabulary as the record
/// commands: one function for deadlines, one for statuses, so the import grows with them.
public enum ImportValues {
    /// A deadline cell as a token: a workbook day, a year as a number, or any phrase the
    /// phrase reader takes ("Mars 2015", "Hösten 2015", "Q4 2015"). Nil when unreadable.
    public static func deadline(_ cell: TableCell) -> Deadline? {
        switch cell {
        case .day(let d): return Deadline(day: d)
        case .number(let n):
            guard n == n.rounded(), n >= 1000, n <= 9999 else { return nil }
            return Deadline(token: String(Int(n)))
        case .text(let s):
            if !s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) { return Deadline(phrase: s) }
            return Deadline(phrase: s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " "))
        }
    }

    /// A status word: the aliases of `Status`, then words plans use that `Status` does
    /// not take yet ("Genomförd", "Påbörjad").
    public static func status(_ text: String) -> Status? {
        let t = text.trimmingBlanks
        if let s = Status(parsing: t) { return s }
        return extraStatuses[ImportColumns.fold(t)]
    }

    /// Words people write in follow-up sheets beyond `Status`'s own words and aliases
    /// (genomförd, åtgärdad, avslutad, påbörjad …, which `Status(parsing:)` reads).
    static let extraStatuses: [String: Status] = [
        "genomford": .done, "genomfort": .done, "atgardad": .done, "atgardat": .done, "avslutad": .done, "avslutat": .done,
        "klart": .done, "fardig": .done, "fardigt": .done,
        "paborjad": .inProgress, "paborjat": .inProgress, "pagaende": .inProgress, "startad": .inProgress,
        "ej paborjad": .notStarted, "ej paborjat": .notStarted, "ej startad": .notStarted, "inte paborjad": .notStarted,
        "vilande": .onHold, "pausad": .onHold, "struken": .cancelled, "strukt": .cancelled, "utgar": .cancelled,
    ]

    /// The names in an owner cell: "och", "and", ",", "/", "&", ";" and line breaks split.
    public static func ownerNames(_ text: String) -> [String] {
        var parts = [text]
        for sep in [" och ", " and ", ",", "/", "&", ";", "\n"] where text.includes(sep) {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        return parts.map { clean($0) }.filter { !$0.isEmpty }
    }

    /// A stable id from a name: "IT-enheten" → `it-enheten`, "Säkerhetsstrateg" → `sakerhetsstrateg`.
    public static func slug(_ name: String) -> String {
        let s = ImportColumns.fold(name).replacingAll(" ", with: "-")
        let clipped = String(SafeText.head(s, 40))
        return clipped.isEmpty ? "ansvarig" : clipped
    }

    /// Whether a character of a cell becomes a space in its field value (`clean`): the C0
    /// controls but tab and the line breaks, DEL, the C1 controls (U+0080–U+009F, among them
    /// CSI, which a terminal reads as the start of an escape), and the bidirectional
    /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a
    /// line read in another order than it is written.
    static func becomesSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// A value as one clean field value: the characters of `becomesSpace` made spaces, a
    /// line or paragraph separator (U+2028, U+2029) a line break, blanks at the ends of
    /// lines and at the start of the first line trimmed; the indent of a later line and a
    /// tab inside a line are kept, as the record format holds them.
    static func clean(_ s: String) -> String {
        // Most cells are clean already: one line, no control characters, no blanks at the
        // ends. (0xC2 leads the C1 controls, 0xE2 the separators and the bidi controls.)
        let u = s.utf8
        if let f = u.first, let l = u.last, f != 0x20, l != 0x20, f != 0xC2, l != 0xA0,
           !u.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) { return s }
        if u.isEmpty { return s }
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        func flush() {
            var t = Substring(String(line))
            // A continuation line keeps its indent, which the record format holds ("+   a) …").
            while lines.isEmpty, let c = t.first, c == " " || c == "\u{A0}" || c == "\t" { t = t.dropFirst() }
            while let c = t.last, c == " " || c == "\u{A0}" || c == "\t" { t = t.dropLast() }
            lines.append(String(t))
            line = String.UnicodeScalarView()
        }
        var lastCR = false
        for c in s.unicodeScalars {
            if c == "\n" { if !lastCR { flush() }; lastCR = false; continue }
            lastCR = c == "\r"
            if c == "\r" || c == "\u{2028}" || c == "\u{2029}" { flush(); continue }
            // A tab is kept, as the record format keeps it inside a value; other control
            // characters cannot stand in a record and become a space.
            line.append(becomesSpace(c) ? " " : c)
        }
        flush()
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }
}

import FoundationEssentials
