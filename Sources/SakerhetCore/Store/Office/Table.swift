/// A cell as an office file holds it: text, a number, or a day (a number with a date
/// format in a workbook).
public enum TableCell: Sendable, Hashable {
    case text(String)
    case number(Double)
    case day(Day)

    /// As a person reads it: a whole number without decimals, a day as YYYY-MM-DD.
    public var text: String {
        switch self {
        case .text(let s): return s
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
            return String(n)
        case .day(let d): return d.description
        }
    }

    public var isBlank: Bool {
        if case .text(let s) = self { return s.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" } }
        return false
    }
}

/// A table read from a file: rows of cells, each row with the line or row number that a
/// message about it names.
public struct SourceTable: Sendable {
    /// Where it is, for messages: `plan.xlsx, blad Plan`, `plan.docx, tabell 2` (Swedish).
    public var name: String { place.sv }
    /// Where it is, in both languages: `plan.xlsx, blad Plan` / `plan.xlsx, sheet Plan`.
    public let place: Message
    public var rows: [[TableCell]]
    /// The row's number in the source (the sheet's row, the CSV line, the table's row).
    public var numbers: [Int]
    /// The heading above the table in a Word document (the last paragraph in a heading
    /// style before it), such as "Målområde 1: Kompetenshöjande insatser"; nil elsewhere.
    public var heading: String?
    /// What the reader has to say about the table: a hidden sheet passed over, a formula
    /// without a value. The import shows them with its own notices.
    public var notices: [Message] = []
    /// A workbook's other visible sheets, which were not read (no `--sheet` was given).
    public var otherSheets: [String] = []
    /// Its number among the file's tables, for a Word document's (`tabell 2`); nil for a
    /// sheet or a CSV file, which is one table.
    public var number: Int?
    /// The sheet's name, for a sheet of a workbook of several sheets; nil elsewhere.
    public var sheet: String?
    /// The kind of record its rows are, where the source says it by name (a sheet named
    /// after a kind, as `export` names them: `XLSXReader.read(_:file:sheet:kind:kindOf:)`);
    /// nil where the columns tell.
    public var kind: Kind?
    /// Whether its columns have letters where a user sees them (a sheet, a CSV opened in
    /// Excel), so a message names a column by its letter too; a Word table's have none.
    public var lettered = false

    public init(name: String, place: Message? = nil, rows: [[TableCell]], numbers: [Int]? = nil) {
        self.place = place ?? Message(sv: name, en: name)
        self.rows = rows
        self.numbers = numbers ?? Array(1...max(1, rows.count)).prefix(rows.count).map { $0 }
    }
}

/// A file that cannot be read as a table, with what to do about it.
public struct OfficeError: Error, Sendable {
    public let message: Message
    public init(sv: String, en: String) { message = Message(sv: sv, en: en) }
}
