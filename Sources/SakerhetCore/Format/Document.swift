/// A recfile as written: every byte kept, with records, fields, comments and the
/// descriptor block located by line and byte span. `bytes` is the file itself, so an
/// unchanged document writes back identical. Edits (see `Document+Edit.swift`) splice
/// byte ranges and parse again, so only the lines concerned change.
public struct Document: Sendable {
    public let bytes: [UInt8]
    /// The recutils descriptor block (`%rec:`, `%key:` …), if the file has one.
    public let descriptor: Record?
    public let records: [Record]
    public let comments: [Comment]
    public let issues: [SyntaxIssue]
    public let lineEnding: LineEnding
    public let hasBOM: Bool
    /// Number of lines in the file.
    public let lineCount: Int

    public init(bytes: [UInt8]) {
        var parser = Parser(bytes: bytes)
        parser.run()
        self.bytes = bytes
        self.descriptor = parser.descriptor
        self.records = parser.records
        self.comments = parser.comments
        self.issues = parser.issues
        self.lineEnding = parser.lineEnding
        self.hasBOM = parser.hasBOM
        self.lineCount = parser.line
    }

    public init(text: String) {
        self.init(bytes: Array(text.utf8))
    }
}

public enum LineEnding: Sendable {
    case lf, crlf
    var bytes: [UInt8] { self == .lf ? [0x0A] : [0x0D, 0x0A] }
}

public struct Field: Sendable, Hashable {
    public let key: String
    /// The value, with continuation lines joined by "\n" and trailing blanks removed.
    public let value: String
    /// 1-based line of the key.
    public let line: Int
    /// 1-based column where the value starts.
    public let valueColumn: Int
    /// 1 plus the number of `+` continuation lines.
    public let lineCount: Int
    /// From the key's first byte to the end of its last line, line break included.
    public let byteRange: Range<Int>
}

public struct Record: Sendable {
    public let fields: [Field]
    /// 1-based line of the first field.
    public let line: Int
    /// The lines of the record's block (comments inside it included), line breaks included.
    public let byteRange: Range<Int>

    public func field(_ key: String) -> Field? {
        for f in fields where f.key == key { return f }
        return nil
    }
    public func value(_ key: String) -> String? { field(key)?.value }
    public func values(_ key: String) -> [String] {
        var out: [String] = []
        for f in fields where f.key == key { out.append(f.value) }
        return out
    }
    public func line(of key: String) -> Int { field(key)?.line ?? line }
}

public struct Comment: Sendable {
    public let line: Int
    /// The text after `#`.
    public let text: String
    public let byteRange: Range<Int>
}

public struct SyntaxIssue: Sendable {
    public enum Severity: Sendable { case error, warning }
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: Message
}
