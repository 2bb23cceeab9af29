/// No personal data in git: a Swedish personal identity number (personnummer) or
/// co-ordination number (samordningsnummer) that passes the Luhn check is an error
/// anywhere in a file, comments included. The number is never echoed. Severity: error.
public struct PersonalNumberCheck: Check {
    public var id: String { "personal-number" }
    public var title: Message { Message(sv: "Personnummer", en: "Personal identity number") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let all = data.files.map { ($0.key as Kind?, $0.value) } + (data.configFile.map { [(nil, $0)] } ?? [])
        for (kind, file) in all {
            for hit in PersonalNumberCheck.scan(file.document.bytes) {
                let record = kind.flatMap { _ in PersonalNumberCheck.record(at: hit.offset, in: file.document.records) }
                out.append(Diagnostic(severity: .error, check: id, file: file.path, line: hit.line, column: hit.column,
                                      kind: kind, recordID: record?.value(.id), owner: record?.value(.owner),
                                      message: Message(sv: Text.sv, en: Text.en)))
            }
        }
        return out
    }

    /// The record holding byte `offset`, by binary search (records are in file order): a
    /// search from the start for every number grew with the square of the file.
    static func record(at offset: Int, in records: [Record]) -> Record? {
        var lo = 0, hi = records.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if records[mid].byteRange.lowerBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, records[lo - 1].byteRange.contains(offset) else { return nil }
        return records[lo - 1]
    }

    private enum Text {
        static let sv = "ett personnummer eller samordningsnummer står här; ta bort det innan det checkas in (git sparar det för alltid) och ange enhet eller roll i stället"
        static let en = "a Swedish personal identity or co-ordination number is here; remove it before it is committed (git keeps it forever) and name a unit or role instead"
    }
}
