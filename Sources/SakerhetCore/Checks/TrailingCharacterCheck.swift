/// A field line ends with its value: no blanks after it, which recutils keeps and its
/// `%type` checks then reject, and no backslash, which recutils reads as "the value goes
/// on on the next line". Severity: warning, at the line and column.
public struct TrailingCharacterCheck: RecordCheck {
    public var id: String { "trailing" }
    public var title: Message { Message(sv: "Tecken på slutet", en: "Trailing character") }
    public init() {}

    public func check(_ r: Record, _ i: Int, _ site: RecordSite, into out: inout [Diagnostic]) {
        // Only a record with a line that ends in a blank or a backslash, as the parser
        // found them, is read.
        guard site.file.document.hasTrailingLine(in: r.byteRange) else { return }
        let bytes = site.file.document.bytes, data = site.data
        // Read where they lie (`byteRange(at:)`): a field is copied (its value retained)
        // only when it has something to say.
        let fields = r.fields
        for k in fields.indices {
            let hits = TrailingScan.hits(in: bytes, fields.byteRange(at: k), oneLine: fields.lineCount(at: k) == 1)
            if hits.isEmpty { continue }
            let f = fields[k]
            for hit in hits {
                let ref = RecordRef(kind: site.kind, index: i)
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
