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

    /// A follow-up's assessment word (`FollowUpAssessment`) in either language and any case
    /// ("Delvis uppfyllt", "partly met", "Grön"): the word stored; nil for another text.
    public static func followupAssessment(_ text: String) -> String? {
        let t = ImportColumns.fold(text)
        return FollowUpAssessment.words.first { ImportColumns.fold($0.sv) == t || ImportColumns.fold($0.en) == t }?.sv
    }

    /// How a status cell reads: the status; the text after the status word when the cell
    /// says more ("Pågår enligt plan", "Klar\n2026-05-12", "Klar (maj 2026)"); and whether
    /// the status is the import's reading of words that are no status ("Försenad",
    /// "Delvis klar": not done, so `pågår`), which the record marks as assumed.
    public struct StatusReading: Sendable, Equatable {
        public let status: Status
        public let rest: String?
        public let inferred: Bool
    }

    /// The reading of a status cell, or nil when no word of it reads as a status.
    public static func statusReading(_ text: String) -> StatusReading? {
        let t = text.trimmingBlanks
        if let s = status(t) { return StatusReading(status: s, rest: nil, inferred: false) }
        let folded = ImportColumns.fold(t)
        if let s = inferredStatuses[folded] { return StatusReading(status: s, rest: nil, inferred: true) }
        // The status word first, more after it: the longest run of leading words that reads.
        let words = folded.split(separator: " ")
        for n in stride(from: min(3, words.count - 1), through: 1, by: -1) {
            let head = words.prefix(n).joined(separator: " ")
            let word = status(head)
            guard let s = word ?? inferredStatuses[head] else { continue }
            let rest = restAfter(words: n, in: t)
            // More words than a date after the status ("Klar att påbörjas", "Pågår enligt
            // plan"): the status is the import's reading of them.
            let dated = rest.isEmpty || deadline(.text(rest)).map { !$0.hasNoDays } == true
            // Work is never read as done from a guess ("Klar att påbörjas" is ready to start):
            // only "Klar" alone or with the day it was done.
            if s == .done && !dated { return nil }
            return StatusReading(status: s, rest: rest.isEmpty ? nil : rest, inferred: word == nil || !dated)
        }
        return nil
    }

    /// The text of `t` after its first `n` words ("Klar (maj 2026)" → "maj 2026").
    private static func restAfter(words n: Int, in t: String) -> String {
        var count = 0, inWord = false
        var wordEnd = t.startIndex
        for i in t.indices {
            let letter = t[i].isLetter || t[i].isNumber
            if letter && !inWord {
                count += 1
                if count == n + 1 {
                    var rest = t[i...]
                    // A bracket around the rest goes with it.
                    if t[wordEnd..<i].contains("("), rest.hasSuffix(")") { rest = rest.dropLast() }
                    return String(rest).trimmingBlanks
                }
            }
            if !letter && inWord { wordEnd = i }
            inWord = letter
        }
        return ""
    }

    /// Words that are no status but say enough to read one: late or partly done work is not
    /// done, so it is in progress. Marked as assumed on the record.
    static let inferredStatuses: [String: Status] = [
        "forsenad": .inProgress, "forsenat": .inProgress, "sen": .inProgress,
        "delvis klar": .inProgress, "delvis klart": .inProgress, "delvis genomford": .inProgress, "delvis genomfort": .inProgress,
        "delvis": .inProgress, "ej klar": .inProgress, "inte klar": .inProgress, "ej klart": .inProgress,
    ]

    /// A risk's status word, as plans write it: `RiskStatus`'s own words, or the words of
    /// a treatment plan ("Pågår" → hanteras, "Åtgärdad" → stängd), which are the import's
    /// reading (`inferred`) and marked as assumed.
    public static func riskStatus(_ text: String) -> (status: RiskStatus, inferred: Bool)? {
        let t = text.trimmingBlanks
        if let s = RiskStatus(parsing: t) { return (s, false) }
        return riskStatusWords[ImportColumns.fold(t)].map { ($0, true) }
    }

    static let riskStatusWords: [String: RiskStatus] = [
        "identifierad": .identified, "ny": .identified, "ej paborjad": .identified, "ej atgardad": .identified, "oppen": .identified,
        "hanteras": .treating, "pagar": .treating, "pagaende": .treating, "paborjad": .treating, "under atgard": .treating,
        "atgardas": .treating, "behandlas": .treating,
        "accepterad": .accepted, "accepteras": .accepted, "godtagen": .accepted,
        "stangd": .closed, "atgardad": .closed, "atgardat": .closed, "klar": .closed, "avslutad": .closed, "hanterad": .closed,
        "genomford": .closed, "eliminerad": .closed,
    ]

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
