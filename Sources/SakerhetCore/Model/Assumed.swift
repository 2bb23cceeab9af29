/// `assumed: status, done` names the fields of a record whose values no source gives:
/// derived by a rule or judged by whoever keeps the plan. Reports show such a value with
/// the marker "antaget" (docs/format.md, "Assumed values").
public enum Assumed {
    /// The field names in the record's `assumed` lines, split at commas and spaces, in order.
    public static func fields(_ record: Record) -> [String] {
        guard record.codes.has(.assumed) else { return [] }
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

    /// The `assumed` lists of a kind's records, by record index; only records that have one,
    /// found by their codes (`Record.codes`): a report of 100,000 activities without the key
    /// reads one word per record.
    public func assumedByIndex(_ kind: Kind) -> [Int: [String]] {
        guard let file = files[kind] else { return [:] }
        var out: [Int: [String]] = [:]
        InPlace.each(file.document.records, file.document.records.indices, where: { $0.has(.assumed) }) { record, i in
            out[i] = Assumed.fields(record)
        }
        return out
    }
}
