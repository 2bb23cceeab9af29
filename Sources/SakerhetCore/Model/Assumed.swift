/// `assumed: status, done` names the fields of a record whose values no source gives:
/// derived by a rule or judged by whoever keeps the plan. Reports show such a value with
/// the marker "antaget" (docs/format.md, "Assumed values").
public enum Assumed {
    /// The field names in the record's `assumed` lines, split at commas and spaces, in order.
    public static func fields(_ record: Record) -> [String] {
        var out: [String] = []
        let assumed = UInt8(FieldKey.assumed.rawValue)
        for f in record.fields where f.code == assumed {
            for name in names(f.value) where !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// The names in one `assumed` value.
    public static func names(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
    }

    /// Which shown values of a report row the list marks: a risk's score is assumed when
    /// its likelihood or consequence is. A done date is marked wherever it is shown.
    public static func status(_ list: [String]) -> Bool { list.contains("status") }
    public static func done(_ list: [String]) -> Bool { list.contains("done") }
    public static func score(_ list: [String]) -> Bool { list.contains("likelihood") || list.contains("consequence") }
    public static func assessment(_ list: [String]) -> Bool { list.contains("assessment") }
}

extension DataSet {
    /// See `Assumed.fields`.
    public func assumed(_ ref: RecordRef) -> [String] { Assumed.fields(record(ref)) }

    /// The `assumed` lists of a kind's records, by record index; only records that have one.
    /// A file without the key is found so by one search of its bytes, so a report of
    /// 100,000 activities without it does not look at each record.
    public func assumedByIndex(_ kind: Kind) -> [Int: [String]] {
        guard let file = files[kind], Assumed.mayHold(file.document.bytes) else { return [:] }
        var out: [Int: [String]] = [:]
        let assumed = UInt8(FieldKey.assumed.rawValue)
        file.document.records.withUnsafeBufferPointer { records in
            for i in records.indices where records[i].fields.contains(where: { $0.code == assumed }) {
                out[i] = Assumed.fields(records[i])
            }
        }
        return out
    }
}

extension Assumed {
    /// Whether the bytes hold `assumed` at all (a cheap test before reading records).
    /// A Horspool search for `assumed:`, which skips up to 8 bytes at a time.
    static func mayHold(_ bytes: [UInt8]) -> Bool {
        let key: [UInt8] = Array("assumed:".utf8)
        let m = key.count
        var skip = [Int](repeating: m, count: 256)
        for i in 0..<(m - 1) { skip[Int(key[i])] = m - 1 - i }
        // All three through buffer pointers: the loop runs over every file of the report.
        return bytes.withUnsafeBufferPointer { b in skip.withUnsafeBufferPointer { skip in key.withUnsafeBufferPointer { key in
            let last = key[m - 1]
            var i = 0
            while i + m <= b.count {
                let c = b[i + m - 1]
                if c == last {
                    var j = m - 2
                    while j >= 0 && b[i + j] == key[j] { j -= 1 }
                    if j < 0 { return true }
                }
                i += skip[Int(c)]
            }
            return false
        } } }
    }
}
