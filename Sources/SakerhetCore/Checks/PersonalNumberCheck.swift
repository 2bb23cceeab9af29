/// No personal data in git: a Swedish personal identity number (personnummer) or
/// co-ordination number (samordningsnummer) that passes the Luhn check is an error
/// anywhere in a file, comments included. The number is never echoed. Severity: error.
public struct PersonalNumberCheck: Check {
    public let id = "personal-number"
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let all = data.files.map { ($0.key as Kind?, $0.value) } + (data.configFile.map { [(nil, $0)] } ?? [])
        for (kind, file) in all {
            for hit in PersonalNumberCheck.scan(file.document.bytes) {
                let record = kind.flatMap { _ in PersonalNumberCheck.record(at: hit.offset, in: file.document.records) }
                out.append(Diagnostic(severity: .error, check: id, file: file.path, line: hit.line, column: hit.column,
                                      kind: kind, recordID: record?.value("id"), owner: record?.value("owner"),
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

    public struct Hit: Sendable, Equatable {
        public let offset: Int
        public let line: Int
        public let column: Int
    }

    /// Every Luhn-valid personnummer or samordningsnummer in `bytes`: YYMMDD-NNNN,
    /// YYMMDD+NNNN, YYYYMMDD-NNNN, or 10 or 12 digits in a row.
    public static func scan(_ bytes: [UInt8]) -> [Hit] {
        bytes.withUnsafeBufferPointer { buf in
            var hits: [Hit] = []
            var line = 1
            var lineStart = 0
            var i = 0
            let n = buf.count
            @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            var digitsSeen = [UInt8](repeating: 0, count: 12)
            while i < n {
                let b = buf[i]
                if b == 0x0A { line += 1; lineStart = i + 1; i += 1; continue }
                guard isDigit(b) else { i += 1; continue }
                let start = i
                while i < n, isDigit(buf[i]) { i += 1 }
                var count = i - start
                guard count == 6 || count == 8 || count == 10 || count == 12 else { continue }
                for k in 0..<count { digitsSeen[k] = buf[start + k] }
                if count == 6 || count == 8, i < n, buf[i] == 0x2D || buf[i] == 0x2B {
                    var j = i + 1
                    while j < n, isDigit(buf[j]) { j += 1 }
                    if j - i - 1 == 4 {
                        for k in 0..<4 { digitsSeen[count + k] = buf[i + 1 + k] }
                        count += 4
                        i = j
                    }
                }
                guard count == 10 || count == 12 else { continue }
                let ten = Array(digitsSeen[(count - 10)..<count])
                if plausible(ten) && luhn(ten) {
                    hits.append(Hit(offset: start, line: line, column: start - lineStart + 1))
                }
            }
            return hits
        }
    }

    /// Month 01–12 and day 01–31, or 61–91 for a samordningsnummer.
    static func plausible(_ d: [UInt8]) -> Bool {
        let m = Int(d[2] - 0x30) * 10 + Int(d[3] - 0x30)
        let day = Int(d[4] - 0x30) * 10 + Int(d[5] - 0x30)
        return (1...12).contains(m) && ((1...31).contains(day) || (61...91).contains(day))
    }

    static func luhn(_ d: [UInt8]) -> Bool {
        var sum = 0
        for (k, c) in d.enumerated() {
            var v = Int(c - 0x30) * (k % 2 == 0 ? 2 : 1)
            if v > 9 { v -= 9 }
            sum += v
        }
        return sum % 10 == 0
    }

    private enum Text {
        static let sv = "ett personnummer eller samordningsnummer står här; ta bort det innan det checkas in (git sparar det för alltid) och ange enhet eller roll i stället"
        static let en = "a Swedish personal identity or co-ordination number is here; remove it before it is committed (git keeps it forever) and name a unit or role instead"
    }
}
