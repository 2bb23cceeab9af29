/// The file must follow the line format of docs/format.md. Errors from the parser
/// (bad keys, stray continuation lines, invalid UTF-8, NUL bytes) and warnings
/// (CRLF, byte-order mark) are reported as they are. Severity: as the parser says.
public struct SyntaxCheck: Check {
    public var id: String { "syntax" }
    public var title: Message { Message(sv: "Syntax", en: "Syntax") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let all = data.files.values.map { $0 } + (data.configFile.map { [$0] } ?? [])
        for file in all {
            let kind = Kind.allCases.first { data.files[$0]?.path == file.path }
            for issue in file.document.issues {
                out.append(Diagnostic(severity: issue.severity == .error ? .error : .warning, check: id,
                                      file: file.path, line: issue.line, column: issue.column, kind: kind,
                                      message: issue.message))
            }
        }
        return out
    }
}
