/// A vocabulary whose words are stored as written (`klar`, `kvartal`, `öppen` …) and
/// recognised in a field by their bytes.
protocol StoredWord: CaseIterable, RawRepresentable, Sendable where RawValue == String {
    /// The words' bytes, made once for the type.
    static var storedWords: StoredWords<Self> { get }
}

/// The stored words of a vocabulary as UTF-8 bytes, made once per type: reading a
/// record's status or recurrence compares the value's bytes with these, where going
/// through `allCases` made an array and copied each word's string for every record.
struct StoredWords<W: StoredWord>: Sendable {
    /// Every word's bytes, one after another: word `k`'s are `bytes[starts[k]..<starts[k + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let words: [W]

    init() {
        words = Array(W.allCases)
        var bytes: [UInt8] = [], starts = [0]
        for w in words {
            bytes += Array(w.rawValue.utf8)
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
    }

    /// The word whose bytes `v` are, byte for byte; nil for any other spelling.
    func word(_ v: UnsafeBufferPointer<UInt8>) -> W? {
        bytes.withUnsafeBufferPointer { all in
            for k in 0..<words.count where starts[k + 1] - starts[k] == v.count {
                if v.isEmpty || Platform.bytesEqual(all.baseAddress! + starts[k], v.baseAddress!, count: v.count) { return words[k] }
            }
            return nil
        }
    }

    /// The word `text` is, byte for byte (String's `==` also equates canonically
    /// equivalent forms, and is the slow way for "pågår").
    func word(_ text: String) -> W? { withBytes(text) { word($0) } }
}

extension Status: StoredWord { static let storedWords = StoredWords<Status>() }
extension RiskStatus: StoredWord { static let storedWords = StoredWords<RiskStatus>() }
extension Assessment: StoredWord { static let storedWords = StoredWords<Assessment>() }
extension Classification: StoredWord { static let storedWords = StoredWords<Classification>() }
extension Recurrence: StoredWord { static let storedWords = StoredWords<Recurrence>() }
