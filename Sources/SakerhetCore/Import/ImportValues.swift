/// Values as people write them in a plan, read through the same vocabulary as the record
/// commands: one function for deadlines, one for statuses, so the import grows with them.
public enum ImportValues {
    /// A deadline cell as a token: a workbook day, a year as a number, or any phrase the
    /// phrase reader takes ("Mars 2015", "Hösten 2015", "Q4 2015"). Nil when unreadable.
    public static func deadline(_ cell: Cell) -> Deadline? {
        switch cell {
        case .day(let d): return Deadline(day: d)
        case .number(let n):
            guard n == n.rounded(), n >= 1000, n <= 9999 else { return nil }
            return Deadline(token: String(Int(n)))
        case .text(let s):
            let t = s.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " ")
            return Deadline(phrase: t)
        }
    }

    /// A status word: the aliases of `Status`, then words plans use that `Status` does
    /// not take yet ("Genomförd", "Påbörjad").
    public static func status(_ text: String) -> Status? {
        let t = text.trimmingBlanks
        if let s = Status(parsing: t) { return s }
        return extraStatuses[ImportColumns.fold(t)]
    }

    /// Words for a status that only the import accepts (the vocabulary issue moves them
    /// into `Status`).
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
        for sep in [" och ", " and ", ",", "/", "&", ";", "\n"] {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A stable id from a name: "IT-enheten" → `it-enheten`, "Säkerhetsstrateg" → `sakerhetsstrateg`.
    public static func slug(_ name: String) -> String {
        let s = ImportColumns.fold(name).replacingOccurrences(of: " ", with: "-")
        let clipped = String(s.prefix(40))
        return clipped.isEmpty ? "ansvarig" : clipped
    }

    /// A value as one clean field value: control characters out, blanks at line ends trimmed.
    static func clean(_ s: String) -> String {
        let lines = s.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
                .trimmingCharacters(in: .whitespaces)
        }
        var out = lines
        while out.last?.isEmpty == true { out.removeLast() }
        while out.first?.isEmpty == true { out.removeFirst() }
        return out.joined(separator: "\n")
    }
}

import Foundation
