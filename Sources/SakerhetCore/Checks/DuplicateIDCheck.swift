/// Ids are unique within a kind. Each later copy is reported, naming the first.
/// Severity: error.
public struct DuplicateIDCheck: Check {
    public var id: String { "duplicate-id" }
    public var title: Message { Message(sv: "Id används två gånger", en: "Duplicate id") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for kind in Kind.allCases {
            guard let index = data.ids[kind] else { continue }
            for (rid, rows) in index.duplicates {
                let first = data.record(RecordRef(kind: kind, index: rows[0]))
                let at = "\(data.path(kind)):\(first.line)"
                for row in rows.dropFirst() {
                    out.append(Diagnostic(.error, id, data, RecordRef(kind: kind, index: row), field: .id,
                                          sv: "id '\(rid)' finns redan på \(at); ge posten ett eget id",
                                          en: "id '\(rid)' is already used at \(at); give the record an id of its own"))
                }
            }
        }
        return out
    }
}
