/// A field that is not a list (everything but `action`) appears once per record. With
/// two `status:` lines the tool would read the first and recutils would reject the
/// record. Severity: error, at the second line.
public struct RepeatedFieldCheck: Check {
    public let id = "repeated-field"
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for kind in Kind.allCases {
            guard let file = data.files[kind] else { continue }
            let lists = kind.fields.filter(\.repeatable).map(\.name)
            for (i, r) in file.document.records.enumerated() {
                // Records have about ten fields: compare pairs rather than build a set per record.
                let fields = r.fields
                for (j, f) in fields.enumerated() where j > 0 && !lists.contains(f.key) {
                    guard let earlier = fields[..<j].first(where: { $0.key == f.key }) else { continue }
                    let line = earlier.line
                    let rid = r.value("id") ?? "?"
                    out.append(Diagnostic(.error, id, data, RecordRef(kind: kind, index: i), at: f,
                                          sv: "\(rid): fältet '\(f.key)' står redan på rad \(line); en post har ett '\(f.key)', ta bort den ena raden",
                                          en: "\(rid): the field '\(f.key)' is already on line \(line); a record has one '\(f.key)', remove one of the lines"))
                }
            }
        }
        return out
    }
}
