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
            let lists = Set(kind.fields.filter(\.repeatable).map(\.name))
            for (i, r) in file.document.records.enumerated() {
                var first: [String: Int] = [:]
                for f in r.fields where !lists.contains(f.key) {
                    guard let line = first[f.key] else { first[f.key] = f.line; continue }
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
