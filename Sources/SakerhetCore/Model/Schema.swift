/// The kinds of record, one file each, and their fields. The field names are normative
/// (docs/format.md); checks, the writer and `init` read them from here.
public enum Kind: String, Sendable, CaseIterable, Codable, Comparable {
    case owner, area, goal, activity, risk, finding, followup

    public var fileName: String {
        switch self {
        case .activity: return "activities.rec"
        default: return rawValue + "s.rec"
        }
    }

    /// The kind's id prefix for new records (`A23`); owners and areas use slugs.
    public var idPrefix: String? {
        switch self {
        case .goal: return "D"
        case .activity: return "A"
        case .risk: return "R"
        case .finding: return "F"
        case .followup: return "U"
        case .owner, .area: return nil
        }
    }

    public func word(_ lang: Lang, plural: Bool = false) -> String {
        switch (self, lang, plural) {
        case (.owner, .sv, false): return "ansvarig"
        case (.owner, .sv, true): return "ansvariga"
        case (.area, .sv, false): return "område"
        case (.area, .sv, true): return "områden"
        case (.goal, .sv, false): return "mål"
        case (.goal, .sv, true): return "mål"
        case (.activity, .sv, false): return "aktivitet"
        case (.activity, .sv, true): return "aktiviteter"
        case (.risk, .sv, false): return "risk"
        case (.risk, .sv, true): return "risker"
        case (.finding, .sv, false): return "rekommendation"
        case (.finding, .sv, true): return "rekommendationer"
        case (.followup, .sv, false): return "uppföljning"
        case (.followup, .sv, true): return "uppföljningar"
        case (.followup, .en, false): return "follow-up"
        case (.followup, .en, true): return "follow-ups"
        case (_, .en, false): return rawValue
        case (.activity, .en, true): return "activities"
        case (_, .en, true): return rawValue + "s"
        }
    }

    /// "ingen aktivitet", "inget mål": the Swedish word with its gender.
    public func none(_ lang: Lang) -> String {
        guard lang == .sv else { return "no " + rawValue }
        return (self == .goal || self == .area ? "inget " : "ingen ") + word(.sv)
    }

    public var fields: [FieldSpec] { Schema.fields[self]! }

    public func spec(_ key: String) -> FieldSpec? { Schema.byName[slot][key] }

    /// The spec of the field whose key has `code` (`Field.code`), nil when the kind does not have it.
    @inline(__always)
    public func spec(code: UInt8) -> FieldSpec? {
        let i = Schema.byCode[slot][Int(code)]
        return i < 0 ? nil : Schema.list[slot][Int(i)]
    }

    public var fieldOrder: [String] { fields.map(\.name) }

    /// The keys of the fields a record of this kind must have.
    var required: [FieldKey] { Schema.required[slot] }

    /// The fields that may repeat, as a set of codes: bit `code` is set for each.
    var repeatableCodes: UInt64 { Schema.repeatableCodes[slot] }
    /// The codes of `required`, one bit each.
    var requiredCodes: UInt64 { Schema.requiredCodes[slot] }

    public static func < (a: Kind, b: Kind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

public struct FieldSpec: Sendable {
    public enum ValueType: Sendable, Hashable {
        case text, deadline, day, status, riskStatus, score, assessment, classification, ownerKind, recurrence, year, goalLevel
        /// A deadline token other than `?` and `löpande` (`2024-05-31`, `2024-W12`, `2024-Q3`,
        /// `2014`): when something was done, as precisely as it is known, and a follow-up's
        /// period.
        case period
        /// A finding's `kind`: `finding_kinds` in config.rec, or `Vocabulary.findingKinds`.
        case findingKind
        /// A follow-up's `record` (a goal or an activity) and `assessment`
        /// (`FollowUpAssessment`): checked by `FollowUpRecordCheck`.
        case followedRecord, followupAssessment
        /// `PERIOD DAY [utan anmärkning|avvikelse][: evidence]` (`Occurrence`).
        case occurrence
        case ref(Kind)
    }
    public let key: FieldKey
    /// The key as written in a file.
    public var name: String { key.key }
    public let type: ValueType
    public let required: Bool
    public let repeatable: Bool
    /// Free text that may span several lines (written as `+ ` lines); any other field holds one line.
    public let multiLine: Bool
    /// The field's name in prose and as a column header: the kind's own (an activity's
    /// `title` is "Aktivitet"), else the key's (`FieldKey.label`); nil when neither is
    /// declared, and the field is shown by its key.
    public var label: Message? { ownLabel.map { Message(sv: $0.sv.description, en: $0.en.description) } ?? key.label }
    /// Static strings, not a `Message`: a spec then holds no reference, and the check runner
    /// hands one to a check for every field it reads without a retain or a release.
    private let ownLabel: (sv: StaticString, en: StaticString)?

    init(_ key: FieldKey, _ type: ValueType = .text, required: Bool = false, repeatable: Bool = false, multiLine: Bool = false,
         label: (sv: StaticString, en: StaticString)? = nil) {
        self.key = key
        self.type = type
        self.required = required
        self.repeatable = repeatable
        self.multiLine = multiLine
        self.ownLabel = label
    }
}

enum Schema {
    /// The specs of each kind by field name, indexed by `Kind.slot`.
    static let byName: [[String: FieldSpec]] = Kind.allCases.map { kind in
        Dictionary(uniqueKeysWithValues: fields[kind]!.map { ($0.name, $0) })
    }
    /// The specs of each kind in order, indexed by `Kind.slot`.
    static let list: [[FieldSpec]] = Kind.allCases.map { fields[$0]! }
    /// Required and repeatable fields of each kind, indexed by `Kind.slot`.
    static let required: [[FieldKey]] = list.map { $0.filter(\.required).map(\.key) }
    static let repeatableCodes: [UInt64] = list.map { $0.filter(\.repeatable).reduce(0) { $0 | 1 << UInt64($1.key.rawValue) } }
    static let requiredCodes: [UInt64] = required.map { $0.reduce(0) { $0 | 1 << UInt64($1.rawValue) } }
    /// The place of each field in `list`, by the code of its key (256 entries, so that
    /// `FieldKey.noCode` finds -1 too), indexed by `Kind.slot`.
    static let byCode: [[Int16]] = list.map { specs in
        var places = [Int16](repeating: -1, count: 256)
        for (i, spec) in specs.enumerated() { places[spec.key.rawValue] = Int16(i) }
        return places
    }

    /// The codes a kind does not define (`FieldKey.noCode` among them), by code,
    /// indexed by `Kind.slot`: the fields `UnknownFieldCheck` walks.
    static let undefinedCodes: [[Bool]] = byCode.map { $0.map { $0 < 0 } }

    static let fields: [Kind: [FieldSpec]] = [
        .owner: [
            FieldSpec(.id, required: true), FieldSpec(.name, required: true, label: (sv: "Namn", en: "Name")),
            FieldSpec(.kind, .ownerKind, label: (sv: "Typ", en: "Type")),
            FieldSpec(.parent, .ref(.owner), label: (sv: "Överordnad", en: "Parent")), FieldSpec(.contact, label: (sv: "Kontakt", en: "Contact")),
        ],
        .area: [FieldSpec(.id, required: true), FieldSpec(.name, required: true), FieldSpec(.description, multiLine: true)],
        .goal: [
            FieldSpec(.id, required: true), FieldSpec(.title, required: true),
            FieldSpec(.parent, .ref(.goal), label: (sv: "Överordnat mål", en: "Parent")),
            FieldSpec(.area, .ref(.area)), FieldSpec(.owner, .ref(.owner), required: true, repeatable: true),
            FieldSpec(.due, .deadline, required: true), FieldSpec(.status, .status, required: true),
            FieldSpec(.doneWhen, multiLine: true), FieldSpec(.done, .period), FieldSpec(.reason, multiLine: true), FieldSpec(.note, multiLine: true),
            FieldSpec(.source), FieldSpec(.classification, .classification), FieldSpec(.assumed, repeatable: true), FieldSpec(.level, .goalLevel),
            FieldSpec(.indicator), FieldSpec(.target),
        ],
        .activity: [
            FieldSpec(.id, required: true), FieldSpec(.title, required: true, label: (sv: "Aktivitet", en: "Activity")),
            FieldSpec(.goal, .ref(.goal), required: true),
            FieldSpec(.owner, .ref(.owner), required: true, repeatable: true), FieldSpec(.start, .deadline),
            FieldSpec(.due, .deadline, required: true), FieldSpec(.status, .status, required: true),
            FieldSpec(.progress), FieldSpec(.done, .period), FieldSpec(.reason, multiLine: true), FieldSpec(.note, multiLine: true), FieldSpec(.evidence, multiLine: true),
            FieldSpec(.every, .recurrence), FieldSpec(.occurrence, .occurrence, repeatable: true),
            FieldSpec(.area, .ref(.area)), FieldSpec(.source),
            FieldSpec(.classification, .classification), FieldSpec(.assumed, repeatable: true),
        ],
        .risk: [
            FieldSpec(.id, required: true), FieldSpec(.title, required: true, label: (sv: "Risk", en: "Risk")),
            FieldSpec(.area, .ref(.area)), FieldSpec(.description, multiLine: true), FieldSpec(.likelihood, .score, required: true),
            FieldSpec(.consequence, .score, required: true), FieldSpec(.owner, .ref(.owner), required: true, repeatable: true),
            FieldSpec(.treatment, multiLine: true), FieldSpec(.action, .ref(.activity), repeatable: true),
            FieldSpec(.status, .riskStatus, required: true), FieldSpec(.review, .day),
            FieldSpec(.residualLikelihood, .score), FieldSpec(.residualConsequence, .score),
            FieldSpec(.source), FieldSpec(.classification, .classification), FieldSpec(.assumed, repeatable: true),
        ],
        .finding: [
            FieldSpec(.id, required: true), FieldSpec(.audit, required: true), FieldSpec(.auditor),
            FieldSpec(.year, .year), FieldSpec(.caseNumber), FieldSpec(.recommendation, required: true, multiLine: true),
            FieldSpec(.response, multiLine: true), FieldSpec(.progress, multiLine: true), FieldSpec(.remaining, multiLine: true),
            FieldSpec(.assessment, .assessment, required: true), FieldSpec(.evidence, multiLine: true),
            FieldSpec(.owner, .ref(.owner), required: true, repeatable: true), FieldSpec(.due, .deadline),
            FieldSpec(.action, .ref(.activity), repeatable: true), FieldSpec(.status, .status),
            FieldSpec(.done, .period), FieldSpec(.reason, multiLine: true), FieldSpec(.classification, .classification),
            FieldSpec(.assumed, repeatable: true),
            FieldSpec(.kind, .findingKind, label: (sv: "Typ", en: "Kind")), FieldSpec(.basis), FieldSpec(.area, .ref(.area)), FieldSpec(.note),
        ],
        // One record per goal, sub-goal or activity and period (followups.rec).
        .followup: [
            FieldSpec(.id, required: true), FieldSpec(.record, .followedRecord, required: true),
            FieldSpec(.period, .period, required: true), FieldSpec(.assessment, .followupAssessment, required: true),
            FieldSpec(.analysis, multiLine: true), FieldSpec(.outcome), FieldSpec(.classification, .classification),
        ],
    ]
}

extension Kind {
    /// The kinds a list of this kind reads: the records themselves and owners for names;
    /// goals and areas only when a filter names them; for goals, what lies below them
    /// (activities and findings), whose worst open signal the list shows.
    public func listed(byGoal: Bool = false, byArea: Bool = false) -> [Kind] {
        var kinds: [Kind] = [.owner, self]
        if self == .goal { kinds += [.activity, .finding] }
        if byArea { kinds.append(.area) }
        if byGoal || (byArea && self == .activity) { kinds.append(.goal) }
        return Kind.allCases.filter(kinds.contains)
    }
}
