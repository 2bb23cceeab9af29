/// Every key the schema gives a field, as a small number. A key is declared here once;
/// `Schema.fields` says which kinds have it and how it is read, by naming the case, so a
/// misspelt key does not compile. The parser gives each field its key's code
/// (`Field.code`), the model reads a record's fields by it (`FieldSlots`), and the checks
/// find a field's spec by it (`Kind.spec(code:)`): no key is compared as a string on the
/// way from the file to the typed records.
///
/// The key is the case's name in snake case (`doneWhen` → `done_when`), taken from the
/// compiler's `CodingKey` synthesis (`stringValue`), not from `String(describing:)`: that
/// one asks the runtime whether the type conforms to printing protocols, and each first
/// question scans every conformance in the binary.
public enum FieldKey: Int, CaseIterable, CodingKey, Sendable {
    case id, name, kind, parent, contact, description, title, area, owner, due, status, doneWhen, done, reason, note,
         source, classification, assumed, level, indicator, target, goal, start, progress, evidence, every, occurrence,
         likelihood, consequence, treatment, action, review, residualLikelihood, residualConsequence, audit, auditor,
         year, caseNumber, recommendation, response, remaining, assessment, basis, record, period, analysis, outcome

    /// The key as written in a file.
    public var key: String { FieldKey.keys[rawValue] }

    /// The field's name in prose and as a column header (an exported workbook's, which
    /// `import` reads back), in both languages; nil for a field that has none yet, which
    /// is then shown by its key. A kind may name it its own way (`FieldSpec.label`).
    public var label: Message? { FieldKey.labels[rawValue] }

    /// The code a field gets when its key is not one of these (`Field.code`).
    public static let noCode = UInt8.max

    /// The keys by code.
    static let keys: [String] = allCases.map { $0 == .caseNumber ? "case" : snake($0.stringValue) }

    /// The codes by key.
    static let codes: [String: UInt8] = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, UInt8($0)) })

    /// The labels by code.
    private static let labels: [Message?] = allCases.map { key in
        switch key {
        case .id: return Message(sv: "Id", en: "Id")
        case .title: return Message(sv: "Rubrik", en: "Title")
        case .goal: return Message(sv: "Mål", en: "Goal")
        case .area: return Message(sv: "Område", en: "Area")
        case .owner: return Message(sv: "Ansvarig", en: "Owner")
        case .start: return Message(sv: "Start", en: "Start")
        case .due: return Message(sv: "Klart senast", en: "Due")
        case .status: return Message(sv: "Status", en: "Status")
        case .doneWhen: return Message(sv: "Anses klart när", en: "Done when")
        case .done: return Message(sv: "Klardatum", en: "Done on")
        case .reason: return Message(sv: "Skäl", en: "Reason")
        case .note: return Message(sv: "Kommentar", en: "Note")
        case .evidence: return Message(sv: "Underlag", en: "Evidence")
        case .every: return Message(sv: "Återkommande", en: "Recurrence")
        case .source: return Message(sv: "Källa", en: "Source")
        case .classification: return Message(sv: "Klassning", en: "Classification")
        case .description: return Message(sv: "Beskrivning", en: "Description")
        case .likelihood: return Message(sv: "Sannolikhet", en: "Likelihood")
        case .consequence: return Message(sv: "Konsekvens", en: "Consequence")
        case .treatment: return Message(sv: "Hantering", en: "Treatment")
        case .action: return Message(sv: "Kopplade aktiviteter", en: "Linked activities")
        case .review: return Message(sv: "Omprövning", en: "Review")
        case .residualLikelihood: return Message(sv: "Kvarvarande sannolikhet", en: "Residual likelihood")
        case .residualConsequence: return Message(sv: "Kvarvarande konsekvens", en: "Residual consequence")
        case .audit: return Message(sv: "Granskning", en: "Audit")
        case .auditor: return Message(sv: "Revisor", en: "Auditor")
        case .year: return Message(sv: "År", en: "Year")
        case .caseNumber: return Message(sv: "Diarienummer", en: "Case number")
        case .recommendation: return Message(sv: "Rekommendation", en: "Recommendation")
        case .response: return Message(sv: "Nämndens svar", en: "Committee's response")
        case .progress: return Message(sv: "Vad har åtgärdats", en: "Progress")
        case .remaining: return Message(sv: "Vad kvarstår", en: "Remaining")
        case .assessment: return Message(sv: "Bedömning", en: "Assessment")
        case .assumed: return Message(sv: "Antagna fält", en: "Assumed fields")
        case .level: return Message(sv: "Nivå", en: "Level")
        case .indicator: return Message(sv: "Indikator", en: "Indicator")
        case .target: return Message(sv: "Målvärde", en: "Target")
        case .occurrence: return Message(sv: "Tillfällen", en: "Occurrences")
        case .basis: return Message(sv: "Rättslig grund", en: "Legal basis")
        // A follow-up's, in the words `followups list` heads its columns with.
        case .record: return Message(sv: "Post", en: "Record")
        case .period: return Message(sv: "Period", en: "Period")
        case .analysis: return Message(sv: "Analys", en: "Analysis")
        case .outcome: return Message(sv: "Utfall", en: "Outcome")
        case .name, .kind, .parent, .contact:
            return nil
        }
    }

    /// The key of a code, nil for `noCode`.
    @inline(__always)
    static func of(code: UInt8) -> FieldKey? { code == noCode ? nil : FieldKey(rawValue: Int(code)) }

    /// `doneWhen` → `done_when`.
    static func snake(_ name: String) -> String {
        var out = ""
        for c in name {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }
}

extension Field {
    /// The value as a deadline token (`Deadline(token:)`), read from its bytes.
    var deadline: Deadline? { withValueBytes(Deadline.init(bytes:)) }
    /// The value as a day (`Day(_:)`), read from its bytes.
    var day: Day? { withValueBytes(Day.init(bytes:)) }
}

extension FieldRef {
    /// `Field.deadline`, read where the field lies.
    var deadline: Deadline? { withValueBytes(Deadline.init(bytes:)) }
    /// `Field.day`, read where the field lies.
    var day: Day? { withValueBytes(Day.init(bytes:)) }
}

/// The first value of each key of a record, found in one pass over its fields: each
/// field's code is its slot, so there is no search and no slot to get wrong. Reused from
/// record to record, it allocates nothing per record and clears only the slots of the last
/// record's fields. A field counts even when empty; an empty value reads as nil.
///
/// In a debug build, reading a key that the record's kind does not declare stops the
/// program: the tests load every kind, so a read of a field no record can have is found.
struct FieldSlots {
    private let kind: Kind
    private var slots: [Int32]
    /// The loaded record's fields where they lie, kept valid by `block`.
    private var fields = FieldView()
    private var block = FieldList()
    /// One-owner lists handed out before, by the owner's id key (`IDKey`) in a slot of its
    /// hash: a record's owner is found by its bytes, with no string made or hashed for it.
    private var ownerLists = [(key: UInt64, list: [String])](repeating: (0, []), count: 256)

    init(_ kind: Kind) {
        self.kind = kind
        slots = [Int32](repeating: -1, count: FieldKey.allCases.count)
    }

    mutating func load(_ record: Record) {
        let last = fields
        // The last record's slots are cleared before its block may be let go.
        slots.withUnsafeMutableBufferPointer { slots in
            for j in last.indices where last[j].code != FieldKey.noCode { slots[Int(last[j].code)] = -1 }
        }
        fields = record.fields.view(keeping: &block)
        let fields = fields
        slots.withUnsafeMutableBufferPointer { slots in
            for j in fields.indices {
                let code = fields[j].code
                guard code != FieldKey.noCode, slots[Int(code)] < 0 else { continue }
                slots[Int(code)] = Int32(j)
            }
        }
    }

    subscript(_ key: FieldKey) -> String? { present(key).map { fields[$0].value } }

    func score(_ key: FieldKey) -> Int? { self[key].flatMap { Int($0) } }

    /// Where the first field of `key` is in `fields`; nil when there is none or it is empty.
    /// Its value is then read where it lies: a copy of the field would retain its storage.
    private func present(_ key: FieldKey) -> Int? {
        assert(kind.spec(code: UInt8(key.rawValue)) != nil, "\(kind.rawValue) has no field '\(key.key)'")
        let i = Int(slots[key.rawValue])
        return i >= 0 && !fields[i].isEmpty ? i : nil
    }

    /// The value of `key` as a deadline token, read from its bytes.
    func deadline(_ key: FieldKey) -> Deadline? { present(key).flatMap { fields[$0].deadline } }

    /// A `done` value: a day or a period, read from its bytes; nil for anything else (the
    /// check reports it).
    func done() -> Deadline? { deadline(.done).flatMap { $0.hasNoDays ? nil : $0 } }

    /// The value of `key` as a day, read from its bytes.
    func day(_ key: FieldKey) -> Day? { present(key).flatMap { fields[$0].day } }

    /// The value of `key` as a word of `W`: the stored word found by its bytes, any other
    /// spelling by `parse` (an alias, another case).
    func word<W: StoredWord>(_ key: FieldKey, _ parse: (String) -> W?) -> W? {
        guard let i = present(key) else { return nil }
        return fields[i].storedWord(W.self) ?? parse(fields[i].value)
    }

    /// The record's owners (`Words.owners`). A record with one owner gets the list an
    /// earlier record of that owner got from these slots (one set of slots per core): a
    /// list of its own for each would be one allocation per record (at 1,000,000
    /// activities, 64 MB).
    mutating func owners() -> [String] {
        let i = Int(slots[FieldKey.owner.rawValue])
        guard i >= 0 else { return [] }
        let code = UInt8(FieldKey.owner.rawValue)
        var count = 0
        for j in fields.indices where fields[j].code == code {
            count += 1
            if count > 1 {
                let all = fields
                return Words.owners(all.indices.map { all[$0].field })
            }
        }
        guard !fields[i].isEmpty else { return [] }
        let key = fields[i].withValueBytes { IDKey($0) }
        let slot = Int(key.hash & 255)
        // An id of up to 7 bytes is its key; a longer one is compared with the list's.
        if ownerLists[slot].key == key.bits,
           key.isExact || fields[i].withValueBytes({ v in withBytes(ownerLists[slot].list[0]) { ByteCompare.same($0, v) } }) {
            return ownerLists[slot].list
        }
        // A folder has tens or hundreds of owners: two that share a slot take turns in it.
        let list = [fields[i].value]
        ownerLists[slot] = (key.bits, list)
        return list
    }

    /// The last value of a repeatable `key` (its latest line), nil when absent or empty.
    func last(_ key: FieldKey) -> String? {
        assert(kind.spec(code: UInt8(key.rawValue)) != nil, "\(kind.rawValue) has no field '\(key.key)'")
        guard slots[key.rawValue] >= 0 else { return nil }
        let code = UInt8(key.rawValue)
        for j in fields.indices.reversed() where fields[j].code == code { return fields[j].isEmpty ? nil : fields[j].value }
        return nil
    }
}
