/// A field that is not a list (`owner`, `action`, `assumed`, `occurrence` are) appears once per record. With
/// two `status:` lines the tool would read the first and recutils would reject the
/// record. Severity: error, at the second line. The same owner named twice is a
/// warning at the second line: the record is read with the owner once.
public struct RepeatedFieldCheck: RecordCheck {
    public var id: String { "repeated-field" }
    public var title: Message { Message(sv: "Upprepat fält", en: "Repeated field") }
    public init() {}

    public func check(_ r: Record, _ i: Int, _ site: RecordSite, into out: inout [Diagnostic]) {
        let kind = site.kind, data = site.data
        let lists = kind.repeatableCodes
        // The schema's keys are told apart by their codes, one bit each, with the line of
        // each one's first field; other keys (a typo, a damaged file) by their number
        // (`Field.keyID`): pairwise in a short record, in a table in a long one. So the work
        // stays linear.
        let fields = r.fields
        var seen: UInt64 = 0
        var firstLineOfCode = [Int32](repeating: 0, count: 64)
        var firstLines: [UInt32: Int]? = fields.count > 32 ? [:] : nil
        // Owner lines, counted in the same walk (their values are compared below only when
        // there are two or more).
        let owner = UInt8(FieldKey.owner.rawValue)
        var owners = 0
        for (j, f) in fields.enumerated() {
            let line: Int
            if f.code != FieldKey.noCode {
                let bit: UInt64 = 1 << UInt64(f.code)
                guard lists & bit == 0 else {
                    if f.code == owner { owners += 1 }
                    continue
                }
                guard seen & bit != 0 else {
                    seen |= bit
                    firstLineOfCode[Int(f.code)] = Int32(clamping: f.line)
                    continue
                }
                line = Int(firstLineOfCode[Int(f.code)])
            } else if firstLines != nil {
                guard let l = firstLines![f.keyID] else { firstLines![f.keyID] = f.line; continue }
                line = l
            } else {
                guard j > 0, let earlier = fields[..<j].first(where: { $0.keyID == f.keyID }) else { continue }
                line = earlier.line
            }
            let rid = Diagnostic.name(data, RecordRef(kind: kind, index: i))
            out.append(Diagnostic(.error, id, data, RecordRef(kind: kind, index: i), at: f,
                                  sv: "\(rid): fältet '\(f.key)' står redan på rad \(line); en post har ett '\(f.key)', ta bort den ena raden",
                                  en: "\(rid): the field '\(f.key)' is already on line \(line); a record has one '\(f.key)', remove one of the lines"))
        }
        // The same owner twice (a list field may repeat, but not its value).
        guard owners > 1 else { return }
        var named: [(value: String, line: Int)] = []
        for f in fields where f.code == owner {
            let v = f.value
            if let earlier = named.first(where: { $0.value == v && !v.isEmpty }) {
                let rid = Diagnostic.name(data, RecordRef(kind: kind, index: i))
                out.append(Diagnostic(.warning, id, data, RecordRef(kind: kind, index: i), at: f,
                                      sv: "\(rid): ansvarig '\(v)' står redan på rad \(earlier.line); ta bort den ena raden",
                                      en: "\(rid): the owner '\(v)' is already on line \(earlier.line); remove one of the lines"))
            } else {
                named.append((v, f.line))
            }
        }
    }
}
