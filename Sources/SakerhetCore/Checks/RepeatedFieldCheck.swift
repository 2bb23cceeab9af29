/// A field that is not a list (`owner`, `action`, `assumed`, `occurrence` are) appears once per record. With
/// two `status:` lines the tool would read the first and recutils would reject the
/// record. Severity: error, at the second line. The same owner named twice is a
/// warning at the second line: the record is read with the owner once.
public struct RepeatedFieldCheck: RecordCheck {
    public var id: String { "repeated-field" }
    public var title: Message { Message(sv: "Upprepat fält", en: "Repeated field") }
    public init() {}

    /// A record where some key repeats (or a value is empty or of several lines: looked at,
    /// and passed).
    public func mayFlag(_ codes: FieldCodes, _ kind: Kind) -> Bool { codes.unusual }

    public func check(_ r: Record, _ i: Int, _ site: RecordSite, into out: inout [Diagnostic]) {
        let kind = site.kind, data = site.data
        let lists = kind.repeatableCodes
        // The schema's keys are told apart by their codes, one bit each, and the line of
        // each one's first field is kept from the first repeat on (a table made for every
        // record was an allocation each); other keys (a typo, a damaged file) by their
        // number (`Field.keyID`): pairwise in a short record, in a table in a long one. So
        // the work stays linear. The fields are read where they lie: a copy of one retains
        // its storage.
        let owner = UInt8(FieldKey.owner.rawValue)
        var owners = 0
        let fields = r.fields
        var seen: UInt64 = 0
        var firstLineOfCode: [Int32]? = nil
        var firstLines: [UInt32: Int]? = fields.count > 32 ? [:] : nil
        for j in fields.indices {
            let code = fields.code(at: j)
            let line: Int
            if code != FieldKey.noCode {
                let bit: UInt64 = 1 << UInt64(code)
                guard lists & bit == 0 else {
                    // Owner lines, counted in the same walk (their values are compared
                    // below only when there are two or more).
                    if code == owner { owners += 1 }
                    continue
                }
                guard seen & bit != 0 else {
                    seen |= bit
                    firstLineOfCode?[Int(code)] = Int32(clamping: fields.line(at: j))
                    continue
                }
                if firstLineOfCode == nil {
                    // The first repeat: each code's first line so far, from the end back.
                    var lines = [Int32](repeating: 0, count: 64)
                    for k in (0..<j).reversed() where fields.code(at: k) < 64 { lines[Int(fields.code(at: k))] = Int32(clamping: fields.line(at: k)) }
                    firstLineOfCode = lines
                }
                line = Int(firstLineOfCode![Int(code)])
            } else if firstLines != nil {
                let key = fields.keyID(at: j)
                guard let l = firstLines![key] else { firstLines![key] = fields.line(at: j); continue }
                line = l
            } else {
                let key = fields.keyID(at: j)
                guard j > 0, let earlier = (0..<j).first(where: { fields.keyID(at: $0) == key }) else { continue }
                line = fields.line(at: earlier)
            }
            let f = fields[j]
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
