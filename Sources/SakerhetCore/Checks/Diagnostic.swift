public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case error, warning, notice

    public func word(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.error, .sv): return "fel"
        case (.warning, .sv): return "varning"
        case (.notice, .sv): return "notis"
        case (_, .en): return rawValue
        }
    }

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding of a check: which check, how severe, where, and its message. A finding on a
/// record is a small value (the check, severity, line, column, the record's place and a
/// message made when it is printed): its file, id and owners are read from the records
/// when a printer asks for them (`DataSet.Cache`), not copied into each of tens of
/// thousands of findings. A finding elsewhere (a line no record holds, config.rec, an
/// imported cell) carries them as given.
public struct Diagnostic: Sendable, Hashable, Encodable {
    public let severity: Severity
    /// The check's id, e.g. `overdue`.
    public let check: String
    public let line: Int
    public let column: Int?
    public let kind: Kind?
    public let message: Message
    private let place: Place

    private enum Place: Sendable {
        /// The record at `index` of the diagnostic's kind in a data set's records.
        case record(DataSet.Cache, index: Int)
        case given(Given)
    }

    /// A diagnostic's file, id and owners as given.
    private final class Given: Sendable {
        let file: String
        let recordID: String?
        let owner: String?
        let coOwners: [String]?

        init(file: String, recordID: String?, owner: String?, coOwners: [String]?) {
            self.file = file
            self.recordID = recordID
            self.owner = owner
            self.coOwners = coOwners
        }
    }

    public var file: String {
        switch place {
        case .record(let records, _): return kind.map(records.path) ?? ""
        case .given(let g): return g.file
        }
    }

    /// The record's id, when it can be one (see `label`).
    public var recordID: String? {
        switch place {
        case .record(let records, let index): return kind.flatMap { Diagnostic.label(records.idAndOwner(RecordRef(kind: $0, index: index)).id) }
        case .given(let g): return g.recordID
        }
    }

    /// The owner's id, when the record has one that can be an id (see `label`).
    public var owner: String? {
        switch place {
        case .record(let records, let index): return kind.flatMap { Diagnostic.label(records.idAndOwner(RecordRef(kind: $0, index: index)).owner) }
        case .given(let g): return g.owner
        }
    }

    /// The record's other owners, when `owner` repeats: the per-owner views list the
    /// diagnostic under each, annotations name them all.
    public var coOwners: [String]? {
        switch place {
        case .record(let records, let index):
            guard let kind else { return nil }
            let all = records.owners(RecordRef(kind: kind, index: index))
            guard all.count > 1 else { return nil }
            let rest = all.dropFirst().compactMap(Diagnostic.label)
            return rest.isEmpty ? nil : Array(rest)
        case .given(let g): return g.coOwners
        }
    }

    /// `owner` and `coOwners`.
    public var owners: [String] { (owner.map { [$0] } ?? []) + (coOwners ?? []) }

    /// `quoting`: the value of the field the message is about; where the message quotes it
    /// whole ('…') and it is longer than `quoteLimit`, only its start is quoted (`quoted`).
    public init(severity: Severity, check: String, file: String, line: Int, column: Int? = nil,
                kind: Kind? = nil, recordID: String? = nil, owner: String? = nil, coOwners: [String]? = nil,
                message: Message, quoting value: String? = nil) {
        self.init(severity: severity, check: check, line: line, column: column, kind: kind, message: message, quoting: value,
                  place: .given(Given(file: file, recordID: Diagnostic.label(recordID), owner: Diagnostic.label(owner),
                                      coOwners: coOwners)))
    }

    private init(severity: Severity, check: String, line: Int, column: Int?, kind: Kind?, message: Message,
                 quoting value: String?, place: Place) {
        self.severity = severity
        self.check = check
        self.line = line
        self.column = column
        self.kind = kind
        self.message = value.map { Diagnostic.quoting($0, in: message) } ?? message
        self.place = place
    }

    /// A diagnostic on a record, at the line of `field` (or the record's first line).
    public init(_ severity: Severity, _ check: String, _ data: DataSet, _ ref: RecordRef, field: FieldKey? = nil,
                column: Int? = nil, sv: String, en: String) {
        self.init(severity, check, data, ref, field: field, column: column, message: Message(sv: sv, en: en))
    }

    /// A diagnostic on a record whose message is made when it is printed (`Message.init(_:)`).
    public init(_ severity: Severity, _ check: String, _ data: DataSet, _ ref: RecordRef, field: FieldKey? = nil,
                column: Int? = nil, message: Message) {
        let record = data.record(ref)
        let f = field.flatMap { record.field($0) }
        self.init(severity: severity, check: check, line: f?.line ?? record.line, column: column, kind: ref.kind,
                  message: message, quoting: f?.value, place: .record(data.cache, index: ref.index))
    }

    /// A diagnostic at one field of a record: its own line, also when the key repeats.
    /// `line` picks one of a multi-line field's lines.
    public init(_ severity: Severity, _ check: String, _ data: DataSet, _ ref: RecordRef, at field: Field,
                line: Int? = nil, column: Int? = nil, sv: String, en: String) {
        self.init(severity: severity, check: check, line: line ?? field.line, column: column, kind: ref.kind,
                  message: Message(sv: sv, en: en), quoting: field.value, place: .record(data.cache, index: ref.index))
    }

    /// The same diagnostic carrying its file, id and owners itself, so that it keeps
    /// nothing of its data set alive: for diagnostics kept after their data set is let go
    /// (each plan's part of a rollup, read plan by plan so that one plan's data is in
    /// memory at a time).
    public func detached() -> Diagnostic {
        guard case .record = place else { return self }
        return Diagnostic(severity: severity, check: check, line: line, column: column, kind: kind, message: message, quoting: nil,
                          place: .given(Given(file: file, recordID: recordID, owner: owner, coOwners: coOwners)))
    }

    // Two diagnostics are the same when they say the same of the same place, however held.

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.check == b.check && a.line == b.line && a.column == b.column && a.kind == b.kind
            && a.file == b.file && a.recordID == b.recordID && a.owner == b.owner && a.coOwners == b.coOwners
            && a.message == b.message
    }

    private enum CodingKeys: String, CodingKey {
        case severity, check, file, line, column, kind, recordID, owner, message, coOwners
    }

    /// The rollup's JSON (`RollupJSON`) has each plan's errors with these keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(check, forKey: .check)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encodeIfPresent(column, forKey: .column)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(recordID, forKey: .recordID)
        try c.encodeIfPresent(owner, forKey: .owner)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(coOwners, forKey: .coOwners)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(check)
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(recordID)
        hasher.combine(message)
    }

    /// The longest `id` or `owner` a diagnostic carries, in bytes.
    public static let labelLimit = 200

    /// A record's `id` or `owner` as a diagnostic carries it: only a value that can be an id,
    /// one line of at most `labelLimit` bytes without control characters; otherwise nil.
    /// Every diagnostic of the record carries it and every printer shows it, so a value of
    /// many `+` lines would make the output grow with the square of the file (the value's
    /// own checks report what is wrong with it).
    public static func label(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.utf8.count <= labelLimit,
              !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return value
    }

    /// The most of a value a message quotes, in characters (Unicode scalars).
    public static let quoteLimit = 80

    /// `message` with `value`, where it quotes it ('…') and the value is longer than
    /// `quoteLimit`, quoted as its start, "…" and its length: `'AAAA…' (3000000 tecken)`.
    /// Every check that quotes a field's value says so here, at the field, so that a 3 MB
    /// token is not a 3 MB line. The start is masked first, so that the cut leaves no part
    /// of a personnummer for the printer's mask to miss. A short value (the usual) costs a
    /// comparison, and a message too short to hold the value (each of 63,000 warnings on a
    /// long field) two more.
    static func quoting(_ value: String, in message: Message) -> Message {
        let bytes = value.utf8.count
        guard bytes > quoteLimit else { return message }
        let (sv, en) = (message.sv, message.en)
        guard sv.utf8.count >= bytes + 2 || en.utf8.count >= bytes + 2 else { return message }
        let length = value.unicodeScalars.count
        guard length > quoteLimit else { return message }
        func cut(_ text: String, _ lang: Lang) -> String {
            // The start of the masked value, and the whole mask where the cut falls in one.
            let mask = Array(SafeText.mask(lang).unicodeScalars)
            let scalars = Array(SafeText.masked(value, lang).unicodeScalars.prefix(quoteLimit + mask.count))
            var end = min(quoteLimit, scalars.count)
            if let s = (max(0, end - mask.count + 1)..<end).first(where: { scalars[$0...].starts(with: mask) }) { end = s + mask.count }
            var start = String.UnicodeScalarView()
            start.append(contentsOf: scalars[..<end])
            let shown = "'" + String(start) + "…' (" + String(length) + (lang == .sv ? " tecken)" : " characters)")
            return replacing(quoted: value, in: text, with: shown)
        }
        return Message(sv: cut(sv, .sv), en: cut(en, .en))
    }

    /// `text` with each `'value'` replaced by `shown`. A match starts at a quote within the
    /// part of `text` that is not the value (`text` is a message's words around it), so the
    /// search costs the value's length a few times, not its square.
    static func replacing(quoted value: String, in text: String, with shown: String) -> String {
        let t = Array(text.utf8), v = Array(value.utf8)
        let quote = UInt8(ascii: "'")
        var out: [UInt8] = []
        var i = 0, copied = 0
        while i + v.count + 2 <= t.count {
            if t[i] == quote, t[i + v.count + 1] == quote, t[(i + 1)..<(i + 1 + v.count)].elementsEqual(v) {
                out += t[copied..<i]
                out += shown.utf8
                i += v.count + 2
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return text }
        out += t[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// How a message names the record at `ref` by its `id`: the id when it can be one (see
    /// `label`), else the start of its first line and "…", so a message costs the same
    /// whatever the record's size; `fallback` when it has no id.
    public static func name(_ data: DataSet, _ ref: RecordRef, fallback: String = "?") -> String {
        let id = data.idAndOwner(ref).id
        guard !id.isEmpty else { return fallback }
        if let l = label(id) { return l }
        return String(SafeText.head(id, 40).prefix { !$0.isNewline }) + "…"
    }
}

extension Array where Element == Diagnostic {
    /// File order (owners first, findings last), then line, then severity.
    public func sortedForOutput() -> [Diagnostic] {
        var out = self
        out.sortForOutput()
        return out
    }

    /// The same order, sorted where the diagnostics lie. Their order is found on their
    /// indexes (4 bytes each), and the diagnostics are then moved into it: a sort of the
    /// diagnostics themselves takes a buffer of half of them (104 bytes each) in fresh
    /// memory, on one core while the other waits. Diagnostics that compare equal keep
    /// their order (the index decides), as in a stable sort.
    public mutating func sortForOutput() {
        InPlace.permute(&self, outputOrder())
    }

    /// The indexes of the diagnostics in output order: a file with no kind first
    /// (config.rec), then the kinds' in `Kind.allCases` order, files of one kind by path;
    /// then line, severity and check; then index. Each diagnostic's place is one number
    /// (its file's rank among the files, line, severity, its check's rank), so the sort
    /// compares numbers: comparing the diagnostics, each read from the array was copied
    /// and its strings retained, 3 ms at 10,000 diagnostics on one core while the other
    /// waited. Where a part does not fit its bits (more than 65,535 files or 255 checks, a
    /// line past 2^31), or with `packed` false (a test), the diagnostics are compared.
    func outputOrder(packed: Bool = true) -> [Int32] {
        if packed, let keys = packedKeys() {
            return indices.map(Int32.init).sorted { i, j in keys[Int(i)] != keys[Int(j)] ? keys[Int(i)] < keys[Int(j)] : i < j }
        }
        func before(_ a: Diagnostic, _ b: Diagnostic) -> Bool? {
            if a.file != b.file {
                let x = Self.fileRank(a), y = Self.fileRank(b)
                return x != y ? x < y : a.file < b.file
            }
            if a.line != b.line { return a.line < b.line }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.check != b.check { return a.check < b.check }
            return nil
        }
        return indices.map(Int32.init).sorted { i, j in before(self[Int(i)], self[Int(j)]) ?? (i < j) }
    }

    /// Where a diagnostic's file comes: a file with no kind first (config.rec), then the
    /// kinds' in `Kind.allCases` order.
    private static func fileRank(_ d: Diagnostic) -> Int { d.kind.map { $0.slot + 1 } ?? 0 }

    /// Each diagnostic's place as one number (`outputOrder`), nil when a part does not fit
    /// its bits. The files and checks are told apart by their strings, looked up only where
    /// they change from one diagnostic to the next (a check's diagnostics of one file come
    /// together): hashing each diagnostic's strings cost more than the sort it saved.
    private func packedKeys() -> [UInt64]? {
        var files: [(path: String, rank: Int)] = [], fileIndex: [String: Int] = [:]
        var checks: [String] = [], checkIndex: [String: Int] = [:]
        var fileOf = [Int](repeating: 0, count: count), checkOf = [Int](repeating: 0, count: count)
        var lastFile = "", lastCheck = "", f = -1, c = -1
        for i in indices {
            let file = self[i].file, check = self[i].check
            if f < 0 || file != lastFile {
                if let known = fileIndex[file] { f = known } else {
                    f = files.count
                    fileIndex[file] = f
                    files.append((file, Self.fileRank(self[i])))
                }
                lastFile = file
            }
            if c < 0 || check != lastCheck {
                if let known = checkIndex[check] { c = known } else {
                    c = checks.count
                    checkIndex[check] = c
                    checks.append(check)
                }
                lastCheck = check
            }
            guard self[i].line >= 0, self[i].line < 1 << 31 else { return nil }
            fileOf[i] = f
            checkOf[i] = c
        }
        guard files.count < 1 << 16, checks.count < 1 << 8 else { return nil }
        // Ranks in the order the diagnostics' own comparison gives the files and checks.
        var fileRanks = [Int](repeating: 0, count: files.count), checkRanks = [Int](repeating: 0, count: checks.count)
        let fileOrder = files.indices.sorted { a, b in
            files[a].rank != files[b].rank ? files[a].rank < files[b].rank : files[a].path < files[b].path
        }
        for (r, k) in fileOrder.enumerated() { fileRanks[k] = r }
        for (r, k) in checks.indices.sorted(by: { checks[$0] < checks[$1] }).enumerated() { checkRanks[k] = r }
        return indices.map { i in
            let severity: UInt64 = self[i].severity == .error ? 0 : self[i].severity == .warning ? 1 : 2
            return UInt64(fileRanks[fileOf[i]]) << 41 | UInt64(self[i].line) << 10 | severity << 8 | UInt64(checkRanks[checkOf[i]])
        }
    }

    /// The errors, warnings and notices, counted in one pass.
    public func counts() -> (errors: Int, warnings: Int, notices: Int) {
        var e = 0, w = 0, n = 0
        for d in self {
            switch d.severity {
            case .error: e += 1
            case .warning: w += 1
            case .notice: n += 1
            }
        }
        return (e, w, n)
    }
}
