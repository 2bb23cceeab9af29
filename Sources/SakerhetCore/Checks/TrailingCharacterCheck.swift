/// A field line ends with its value: no blanks after it, which recutils keeps and its
/// `%type` checks then reject, and no backslash, which recutils reads as "the value goes
/// on on the next line". Severity: warning, at the line and column.
public struct TrailingCharacterCheck: Check {
    public let id = "trailing"
    public let title = Message(sv: "Tecken på slutet", en: "Trailing character")
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for kind in Kind.allCases {
            guard let file = data.files[kind] else { continue }
            file.document.bytes.withUnsafeBufferPointer { bytes in
            for (i, r) in file.document.records.enumerated() {
                for f in r.fields {
                    // Each line of the field: find its end, look at the last bytes.
                    var start = f.byteRange.lowerBound
                    var line = f.line
                    while start < f.byteRange.upperBound {
                        var end = start
                        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                        var last = end
                        if last > start, bytes[last - 1] == 0x0D { last -= 1 }
                        var blank = last
                        while blank > start, bytes[blank - 1] == 0x20 || bytes[blank - 1] == 0x09 { blank -= 1 }
                        if blank < last {
                            let column = Diagnostic.column(bytes, lineStart: start, offset: blank)
                            out.append(Diagnostic(.warning, id, data, RecordRef(kind: kind, index: i), at: f, line: line, column: column,
                                                  sv: "blanksteg efter värdet i '\(f.key)'; recutils räknar dem till värdet, ta bort dem",
                                                  en: "blanks after the value of '\(f.key)'; recutils counts them as part of the value, remove them"))
                        } else if last > start, bytes[last - 1] == 0x5C {
                            let column = Diagnostic.column(bytes, lineStart: start, offset: last)
                            out.append(Diagnostic(.warning, id, data, RecordRef(kind: kind, index: i), at: f, line: line, column: column - 1,
                                                  sv: "'\(f.key)' slutar med \\ som recutils läser som att värdet fortsätter på nästa rad; ta bort det eller skriv det mitt i texten",
                                                  en: "'\(f.key)' ends with \\, which recutils reads as the value going on on the next line; remove it or move it"))
                        }
                        start = end + 1
                        line += 1
                    }
                }
            }
            }
        }
        return out
    }
}
