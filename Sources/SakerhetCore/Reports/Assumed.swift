/// `assumed: status, done` names the fields of a record whose values no source gives:
/// derived by a rule or judged by whoever keeps the plan. Reports show such a value with
/// the marker "antaget" (docs/format.md, "Assumed values").
public enum Assumed {
    /// The field names in the record's `assumed` lines, split at commas and spaces, in order.
    public static func fields(_ record: Record) -> [String] {
        var out: [String] = []
        for f in record.fields where f.key == "assumed" {
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
}
