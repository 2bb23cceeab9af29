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
            for (i, r) in file.document.records.enumerated() {
                for f in r.fields {
                    for hit in TrailingScan.hits(in: file.document.bytes, f.byteRange) {
                        let ref = RecordRef(kind: kind, index: i)
                        switch hit.ending {
                        case .blanks:
                            out.append(Diagnostic(.warning, id, data, ref, at: f, line: f.line + hit.lineOffset, column: hit.column,
                                                  sv: "blanksteg efter värdet i '\(f.key)'; recutils räknar dem till värdet, ta bort dem",
                                                  en: "blanks after the value of '\(f.key)'; recutils counts them as part of the value, remove them"))
                        case .backslash:
                            out.append(Diagnostic(.warning, id, data, ref, at: f, line: f.line + hit.lineOffset, column: hit.column,
                                                  sv: "'\(f.key)' slutar med \\ som recutils läser som att värdet fortsätter på nästa rad; ta bort det eller skriv det mitt i texten",
                                                  en: "'\(f.key)' ends with \\, which recutils reads as the value going on on the next line; remove it or move it"))
                        }
                    }
                }
            }
        }
        return out
    }
}
