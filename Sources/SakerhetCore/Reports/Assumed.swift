/// `assumed: status, done` names the fields of a record whose values no source gives:
/// derived by a rule or judged by whoever keeps the plan. Reports show such a value with
/// the marker "antaget" (docs/format.md, "Assumed values").
public enum Assumed {
    /// The field names in the record's `assumed` lines, split at commas and spaces, in order.
    public static func fields(_ record: Record) -> [String] {
        var out: [String] = []
        for f in record.fields where f.key == "assumed" {
            for name in f.value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }) where !out.contains(String(name)) {
                out.append(String(name))
            }
        }
        return out
    }

    /// Which shown values of a report row the list marks: a status is assumed when the
    /// status or its done date is, a risk's score when its likelihood or consequence is.
    public static func status(_ list: [String]) -> Bool { list.contains("status") || list.contains("done") }
    public static func score(_ list: [String]) -> Bool { list.contains("likelihood") || list.contains("consequence") }
    public static func assessment(_ list: [String]) -> Bool { list.contains("assessment") }
}

extension DataSet {
    /// See `Assumed.fields`.
    public func assumed(_ ref: RecordRef) -> [String] { Assumed.fields(record(ref)) }
}
