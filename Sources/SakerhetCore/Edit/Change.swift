/// One change to one record, as the record commands ask for it.
public enum Change: Sendable {
    /// Set a field; an empty value removes it. For list fields, replaces every value.
    case set(String, String)
    /// Add one more value to a list field (`action+=A7`).
    case add(String, String)
    /// Remove one value of a list field (`action-=A7`).
    case remove(String, String)
}

/// An edit of the data set: what the file becomes, and what it means. An edit changes,
/// adds or removes one record; it is made on that record's lines alone and spliced into
/// the file, so the rest of the file is neither parsed again nor touched.
public struct Edit: Sendable {
    public let kind: Kind
    public let path: String
    public let before: Document
    /// The bytes of `before` that the edit replaces, and what with: the file after the
    /// edit is `before` with this splice, kept as the two so that a write need not copy
    /// the whole file first (`afterSlices`).
    public let replaced: Range<Int>
    public let replacement: [UInt8]
    /// The record's index in `before`; nil when the edit adds it.
    public let index: Int?
    /// The record's lines after the edit, numbered as in the new file; nil when removed.
    public let block: Document?
    /// Lines the file gains (or, negative, loses) at the record: how far the records
    /// after it move.
    public let lineShift: Int
    /// For the commit message: `activities: A12 status pågår → klar`. Values of free-text
    /// fields are never in it (see `Editor.describe`). What comes from the data (an id, an
    /// old status or deadline written by hand) is made safe (`Edit.safe`): a subject is kept
    /// forever, and the same text is echoed to the terminal.
    public let summary: String
    /// `summary` in English, for the line a write prints under `--lang en` (the commit
    /// subject itself stays Swedish: the plan's history is read in Swedish).
    public let summaryEnglish: String
    /// What the terminal shows after the write, in both languages.
    public var echo: Message { Message(sv: summary, en: summaryEnglish) }
    /// What the user should see at once about what was stored, printed after the write
    /// (and with --dry-run): a deadline already passed, a phrase read as a token.
    public var notices: [Message] = []

    init(kind: Kind, path: String, before: Document, replaced: Range<Int>, replacement: [UInt8], index: Int?, block: Document?,
         lineShift: Int, summary: String, summaryEnglish: String) {
        self.kind = kind
        self.path = path
        self.before = before
        self.replaced = replaced
        self.replacement = replacement
        self.index = index
        self.block = block
        self.lineShift = lineShift
        self.summary = Edit.safe(summary, .sv)
        self.summaryEnglish = Edit.safe(summaryEnglish, .en)
    }

    /// `s` as a commit subject or a write's echo may hold it: on one line (a line break or
    /// a tab from the data becomes a blank, so nothing spills into the commit body), every
    /// personal identity number masked (`[personnummer dolt]`, `[personal number hidden]`)
    /// and every other control character shown as `\x1b`, as `show` and `list` show them
    /// (`SafeText.text`).
    static func safe(_ s: String, _ lang: Lang) -> String {
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 }) else { return SafeText.text(s, lang) }
        let flat = s.unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }
        var one = String.UnicodeScalarView()
        one.append(contentsOf: flat)
        return SafeText.text(String(one), lang)
    }

    /// The file's bytes after the edit, as one array (a copy of the whole file).
    public var afterBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(before.bytes.count - replaced.count + replacement.count)
        for slice in afterSlices { out.append(contentsOf: slice) }
        return out
    }

    /// The file after the edit in three pieces, without a copy: what comes before the
    /// splice, the new bytes, and what comes after.
    public var afterSlices: [ArraySlice<UInt8>] {
        [before.bytes[..<replaced.lowerBound], replacement[...], before.bytes[replaced.upperBound...]]
    }

    /// The whole file after the edit, parsed.
    public var after: Document { Document(bytes: afterBytes) }

    static func lineBreaks(_ b: some Collection<UInt8>) -> Int { b.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }

    /// A notice when the edit stores a deadline (`due`) whose period ended before `asOf`
    /// on a record that is not closed: a typo such as 2025 for 2027 is seen when written,
    /// not in the next audit. Only when the edit adds the record or changes its `due`.
    public func pastDeadlineNotices(asOf: Day) -> [Message] {
        guard let record = block?.records.first, let token = record.value(.due),
              let deadline = Deadline(token: token), let last = deadline.lastDay, last < asOf else { return [] }
        if let index, index < before.records.count, before.records[index].value(.due) == token { return [] }
        if let s = record.value(.status), let status = Status(parsing: s), status.isClosed { return [] }
        if kind == .risk { return [] }
        let id = record.value(.id) ?? "?"
        let days = last.days(until: asOf)
        return [Message(sv: "\(id): slutdatumet \(token) har redan passerat (sista dag \(last), \(days) \(days == 1 ? "dag" : "dagar") sedan); "
                            + "posten blir försenad. Menade du ett senare år? Ändra med 'set \(id) due=… reason=…' (ett slutdatum som har passerat flyttas senare bara med ett skäl, t.ex. reason='Fel år vid inläggningen')",
                        en: "\(id): the deadline \(token) has already passed (last day \(last), \(days) \(days == 1 ? "day" : "days") ago); "
                            + "the record will be overdue. Did you mean a later year? Change it with 'set \(id) due=… reason=…' (a deadline that has passed moves later only with a reason, e.g. reason='Wrong year when added')")]
    }
}

/// An edit that cannot be made, with the reason for the user.
public struct EditError: Error, Sendable {
    public let message: Message
    /// True when the edit is well formed but the data forbids it (a record still
    /// referred to, a postponement to an earlier date): exit 1, not a usage error.
    public let isRefusal: Bool
    public init(sv: String, en: String, refusal: Bool = false) {
        message = Message(sv: sv, en: en)
        isRefusal = refusal
    }
}

public enum Editor {
    /// Applies `changes` to record `id` of `kind`. Values of deadline, day, status and
    /// other vocabulary fields are normalised (phrases to tokens, aliases to Swedish).
    public static func update(_ data: DataSet, _ kind: Kind, id: String, _ changes: [Change]) throws -> Edit {
        guard let file = data.files[kind] else { throw missingFile(data, kind, id: id) }
        let index = try target(data, kind, id: id)
        // The edit works on the record's own lines; `0` is the record in that small document.
        var doc = file.document.block(ofRecord: index)
        var parts: [String] = [], partsEnglish: [String] = []
        for change in changes {
            let record = doc.records[0]
            switch change {
            case .set(let key, let raw):
                let spec = try fieldSpec(kind, key)
                let value = try ValueRules.checked(normalise(raw, spec), key: key, kind: kind)
                let old = record.values(key)
                if spec.repeatable {
                    doc = doc.removing(key, fromRecord: 0)
                    for v in value.split(separator: ",").map({ String($0).trimmingBlanks }) where !v.isEmpty {
                        doc = doc.adding(key, value: v, toRecord: 0, order: kind.fieldOrder)
                    }
                } else if value.isEmpty {
                    if spec.required {
                        throw EditError(sv: "'\(key)' är obligatoriskt för \(kind.word(.sv)) och kan inte tas bort",
                                        en: "'\(key)' is required for \(kind.word(.en)) and cannot be removed")
                    }
                    doc = doc.removing(key, fromRecord: 0)
                } else {
                    doc = doc.setting(key, to: value, inRecord: 0, order: kind.fieldOrder)
                }
                let d = describe(key, spec, old: old.joined(separator: ", "), new: value), r = read(raw, as: value, spec)
                parts.append(d.sv + r)
                partsEnglish.append(d.en + r)
            case .add(let key, let raw):
                let spec = try fieldSpec(kind, key)
                let value = try ValueRules.checked(normalise(raw, spec), key: key, kind: kind)
                guard !value.isEmpty else {
                    throw EditError(sv: "\(key)+= behöver ett värde, t.ex. \(key)+=…", en: "\(key)+= needs a value, e.g. \(key)+=…")
                }
                // A value the record has already is not added twice (the edit then changes nothing).
                if record.values(key).contains(value) { continue }
                doc = doc.adding(key, value: value, toRecord: 0, order: kind.fieldOrder)
                parts.append(Editor.showsValue(spec) ? "\(key) +\(value)" : "\(key) tillagd")
                partsEnglish.append(Editor.showsValue(spec) ? "\(key) +\(value)" : "\(key) added")
            case .remove(let key, let raw):
                let spec = try fieldSpec(kind, key)
                // A value no field can hold is refused before the message below quotes it.
                _ = try ValueRules.checked(raw, key: key, kind: kind)
                guard record.values(key).contains(raw) else {
                    throw EditError(sv: "\(id) har inget '\(key): \(raw)'", en: "\(id) has no '\(key): \(raw)'")
                }
                doc = doc.removing(key, value: raw, fromRecord: 0)
                parts.append(Editor.showsValue(spec) ? "\(key) −\(raw)" : "\(key) borttagen")
                partsEnglish.append(Editor.showsValue(spec) ? "\(key) −\(raw)" : "\(key) removed")
            }
        }
        let before = file.document
        let old = before.segment(ofRecord: index)
        return Edit(kind: kind, path: file.path, before: before, replaced: before.records[index].byteRange, replacement: doc.bytes, index: index,
                    block: Document(segments: [Document.Segment(bytes: doc.bytes[...], firstLine: old.firstLine)]),
                    lineShift: Edit.lineBreaks(doc.bytes) - Edit.lineBreaks(old.bytes),
                    summary: "\(kind.fileName.dropLast(4)): \(id) " + parts.joined(separator: ", "),
                    summaryEnglish: "\(kind.fileName.dropLast(4)): \(id) " + partsEnglish.joined(separator: ", "))
    }

    /// Marks record `id` done on `date`. A recurring activity (`every:`) stays open: the
    /// occurrence it completes (the period in `due`) is appended as an `occurrence` line
    /// with the outcome and evidence, `done` and `evidence` hold the latest, and `due` moves
    /// on by exactly one period (`2026-Q1` → `2026-Q2`), so a missed period stays late. A
    /// standing control (`due: löpande`) has no next deadline: its occurrence is the period
    /// of the done date, or, late, the first period it owes, and `due` stays `löpande`. Done again within the period last done,
    /// before the period now due begins, is a re-check of that period (`recheck`): its
    /// line is added beside the first and `due` stays, so no period to come is done ahead.
    public static func done(_ data: DataSet, _ kind: Kind, id: String, on date: Day, evidence: String? = nil,
                            outcome: Occurrence.Outcome? = nil) throws -> Edit {
        var changes: [Change] = []
        let i = try target(data, kind, id: id)
        if kind == .activity, let every = data.activities[i].every {
            let a = data.activities[i]
            // The occurrence is the period now due (a hand-written `done` may have moved it past
            // the stored `due`); a late standing control's, the first period it owes a check
            // (`Activity.deadline(on:)`), so that a check done late does not pass over the
            // periods missed; without a known deadline, the period of the done date.
            let owed = a.isStandingControl ? a.deadline(on: date) : nil
            let known = owed?.lastDay.map { $0 < date } == true ? owed : a.deadline.flatMap { $0.lastDay == nil ? nil : $0 }
            let again = recheck(data.record(a.ref), due: known, every: every, on: date)
            let occurrence = Occurrence(period: again ?? (known ?? every.period(of: date)).token, done: date, outcome: outcome,
                                        evidence: evidence.map(\.trimmingBlanks).flatMap { $0.isEmpty ? nil : $0 })
            if a.status != .inProgress { changes.append(.set("status", Status.inProgress.rawValue)) }
            changes.append(.add("occurrence", occurrence.text))
            changes.append(.set("done", date.description))
            if a.deadline?.isStanding != true, again == nil {
                let next = known.flatMap { every.step(after: $0) } ?? every.next(after: date)
                changes.append(.set("due", next.token))
                // The reason a `due: ?` had (why no deadline was known) no longer holds once
                // the deadline is known; git keeps it, and the edit's summary says it went.
                if a.due?.isUnknown == true, data.record(a.ref).value(.reason) != nil { changes.append(.set("reason", "")) }
            }
        } else {
            if outcome != nil {
                throw EditError(sv: "--outcome gäller bara återkommande aktiviteter (med every:)",
                                en: "--outcome applies only to recurring activities (with every:)")
            }
            // Done again would move the day it was done, and with it what the follow-up
            // says about it (on time or late); a wrong date is corrected by `set done=`.
            let record = data.record(RecordRef(kind: kind, index: i))
            if record.value(.status).flatMap(Status.init(parsing:)) == .done {
                let day = record.value(.done).flatMap(Day.init).map { " \($0)" } ?? ""
                let command = "sakerhet \(kind.fileName.dropLast(4)) set \(id) done="
                throw EditError(sv: "\(id) är redan klar\(day); ändra datumet med '\(command)ÅÅÅÅ-MM-DD' om det är fel",
                                en: "\(id) is already done\(day); correct the date with '\(command)YYYY-MM-DD' if it is wrong",
                                refusal: true)
            }
            changes.append(.set("status", Status.done.rawValue))
            changes.append(.set("done", date.description))
        }
        if let evidence { changes.append(.set("evidence", evidence)) }
        return try update(data, kind, id: id, changes)
    }

    /// The period a recurring activity's completion on `date` checks again, when it is one:
    /// the period of its last `occurrence`, when `date` falls in the period of `every` that
    /// holds it (`Recurrence.period(containing:)`: March for `2027-03-31` of a monthly
    /// control) and the period now due (`due`) has not begun. Nil otherwise (the
    /// completion is of the period now due).
    static func recheck(_ record: Record, due: Deadline?, every: Recurrence, on date: Day) -> String? {
        guard let start = due?.firstDay, date < start,
              let last = record.values(.occurrence).compactMap(Occurrence.init).last,
              let written = Deadline(token: last.period), let period = every.period(containing: written),
              let first = period.firstDay, let end = period.lastDay, first <= date, date <= end else { return nil }
        return last.period
    }

    /// Appends a new record. Without an `id`, the next free one in the kind's pattern.
    public static func add(_ data: DataSet, _ kind: Kind, fields: [(String, String)]) throws -> (Edit, String) {
        guard let file = data.files[kind] else { throw missingFile(data, kind) }
        var values: [String: String] = [:]
        var lists: [(String, String)] = []
        var readings: [String] = []
        for (k, raw) in fields {
            let spec = try fieldSpec(kind, k)
            let v = try ValueRules.checked(normalise(raw, spec), key: k, kind: kind)
            let reading = read(raw, as: v, spec)
            if !reading.isEmpty { readings.append(k + reading) }
            if spec.repeatable { lists.append((k, v)) } else { values[k] = v }
        }
        let id = values["id"] ?? nextID(data, kind, parent: values["parent"])
        if data.contains(kind, id: id) {
            throw EditError(sv: "id '\(id)' finns redan i \(file.path)", en: "id '\(id)' already exists in \(file.path)")
        }
        values["id"] = id
        var ordered: [(String, String)] = []
        for spec in kind.fields {
            if spec.repeatable { ordered += lists.filter { $0.0 == spec.name } }
            else if let v = values[spec.name], !v.isEmpty { ordered.append((spec.name, v)) }
        }
        let before = file.document
        let added = before.appendedRecord(ordered)
        let read = readings.isEmpty ? "" : ", " + readings.joined(separator: ", ")
        let edit = Edit(kind: kind, path: file.path, before: before, replaced: before.bytes.count..<before.bytes.count, replacement: added, index: nil,
                        block: Document(segments: [Document.Segment(bytes: added[...], firstLine: before.lineBreaks + 1)]), lineShift: 0,
                        summary: "\(kind.fileName.dropLast(4)): lägg till \(id)" + read,
                        summaryEnglish: "\(kind.fileName.dropLast(4)): add \(id)" + read)
        return (edit, id)
    }

    /// Removes a record, refused while another record refers to it.
    public static func remove(_ data: DataSet, _ kind: Kind, id: String) throws -> Edit {
        guard let file = data.files[kind] else { throw missingFile(data, kind, id: id) }
        let index = try target(data, kind, id: id)
        let users = references(to: id, kind: kind, in: data)
        if !users.isEmpty {
            let list = users.prefix(8).map { "\($0.0) (\($0.1))" }.joined(separator: ", ") + (users.count > 8 ? " …" : "")
            throw EditError(sv: "\(id) kan inte tas bort: \(users.count) \(users.count == 1 ? "post hänvisar" : "poster hänvisar") till den: \(list). Ändra eller ta bort \(users.count == 1 ? "den" : "dem") först",
                            en: "\(id) cannot be removed: \(users.count) \(users.count == 1 ? "record refers" : "records refer") to it: \(list). Change or remove \(users.count == 1 ? "it" : "them") first", refusal: true)
        }
        let before = file.document
        let gone = before.removalRange(ofRecord: index)
        return Edit(kind: kind, path: file.path, before: before, replaced: gone, replacement: [], index: index, block: nil,
                    lineShift: -Edit.lineBreaks(before.bytes[gone]), summary: "\(kind.fileName.dropLast(4)): ta bort \(id)",
                    summaryEnglish: "\(kind.fileName.dropLast(4)): remove \(id)")
    }

    /// Records whose reference fields point at `id` of `kind`: (record id, field).
    public static func references(to id: String, kind: Kind, in data: DataSet) -> [(String, String)] {
        var out: [(String, String)] = []
        data.forEachField(ofType: [.ref(kind)]) { ref, f, _ in
            if f.value == id { out.append((data.record(ref).value(.id) ?? "?", f.field.key)) }
        }
        return out
    }

    /// The next id in the kind's scheme (docs/format.md, "Ids of new records"): its letters
    /// (from config.rec, `id_activity: A` …) and the highest number with them plus one. A
    /// goal without a parent is a top-level goal (`id_goal`, M4 after M3.3); one with a
    /// parent takes the letters of the parent's other sub-goals (HP under D3), else
    /// `id_subgoal` (D).
    public static func nextID(_ data: DataSet, _ kind: Kind, parent: String? = nil) -> String {
        let prefixes = data.config.idPrefixes
        var prefix: String
        switch kind {
        case .goal:
            prefix = prefixes[parent == nil ? "id_goal" : "id_subgoal"] ?? (parent == nil ? "M" : "D")
            if let parent, let sibling = data.goals.last(where: { $0.parent == parent }) { prefix = letters(of: sibling.id) ?? prefix }
        case .activity: prefix = prefixes["id_activity"] ?? "A"
        case .risk: prefix = prefixes["id_risk"] ?? "R"
        case .finding: prefix = prefixes["id_finding"] ?? "F"
        default: prefix = kind.idPrefix ?? kind.rawValue + "-"
        }
        var highest = 0
        for id in data.ids[kind]?.keys ?? [] where id.hasPrefix(prefix) {
            // The whole number after the letters: 3 in M3.3, 12 in A12.
            let digits = id.dropFirst(prefix.count).prefix(while: { $0.isASCII && $0.isNumber })
            if let n = Int(digits), letters(of: id) == prefix { highest = max(highest, n) }
        }
        return prefix + String(highest + 1)
    }

    /// The letters before an id's number: "HP" of HP2; nil when it starts with none.
    static func letters(of id: String) -> String? {
        let l = id.prefix(while: { $0.isLetter })
        return l.isEmpty || l.count == id.count ? nil : String(l)
    }

    /// A value as a commit message shows it: the first line, at most 60 characters.
    static func short(_ s: String) -> String { clip(s, 60) }

    /// Whether a commit subject may show the field's values: ids and controlled values
    /// (status, deadlines, days, scores, references) yes; free text no, as it may hold
    /// personal data. Its change is named instead: `note ändrad`.
    static func showsValue(_ spec: FieldSpec) -> Bool { spec.type != .text || spec.name == "id" }

    /// One change for the commit subject: `status pågår → klar`, `due – → 2025-03`;
    /// for free text `reason tillagd`, `note ändrad`, `note borttagen`. A value is masked
    /// before it is cut to `short`, so that no part of a number is left to show.
    static func describe(_ key: String, _ spec: FieldSpec, old: String, new: String) -> Message {
        if showsValue(spec) {
            func s(_ lang: Lang) -> String {
                "\(key) \(old.isEmpty ? "–" : short(SafeText.masked(old, lang))) → \(new.isEmpty ? "–" : short(SafeText.masked(new, lang)))"
            }
            return Message(sv: s(.sv), en: s(.en))
        }
        return Message(sv: "\(key) " + (old == new ? "oförändrad" : old.isEmpty ? "tillagd" : new.isEmpty ? "borttagen" : "ändrad"),
                       en: "\(key) " + (old == new ? "unchanged" : old.isEmpty ? "added" : new.isEmpty ? "removed" : "changed"))
    }

    /// How a time phrase was read, for the summary: ` (hösten 2027 → 2027-H2)`; empty when
    /// the value was stored as typed or is no time.
    static func read(_ raw: String, as value: String, _ spec: FieldSpec) -> String {
        let typed = raw.trimmingBlanks
        guard [.deadline, .day, .period].contains(spec.type), typed != value, Deadline(phrase: typed) != nil else { return "" }
        return " (\(typed) → \(value))"
    }

    static func fieldSpec(_ kind: Kind, _ key: String) throws -> FieldSpec {
        if let s = kind.spec(key) { return s }
        let hint = Suggest.hint(key, kind.fieldOrder)
        throw EditError(sv: "\(kind.word(.sv)) har inget fält '\(key)'\(hint.sv); fälten är \(kind.fieldOrder.joined(separator: ", "))",
                        en: "\(kind.word(.en)) has no field '\(key)'\(hint.en); the fields are \(kind.fieldOrder.joined(separator: ", "))")
    }

    /// Canonical form of a value typed by a user: phrases to tokens, aliases to the
    /// Swedish word. A value that cannot be read is kept as typed, so that the checks
    /// report it with file and line and the write is refused.
    public static func normalise(_ raw: String, _ spec: FieldSpec) -> String {
        let v = raw.trimmingBlanks
        if v.isEmpty { return v }
        switch spec.type {
        case .deadline: return Deadline(phrase: v)?.token ?? v
        case .day: return Deadline(phrase: v).flatMap { $0.precision == .day ? $0.token : nil } ?? v
        case .period: return Deadline(phrase: v).flatMap { $0.hasNoDays ? nil : $0.token } ?? v
        case .status: return Status(parsing: v)?.rawValue ?? v
        case .riskStatus: return RiskStatus(parsing: v)?.rawValue ?? v
        case .assessment: return Assessment(parsing: v)?.rawValue ?? v
        case .classification: return Classification(parsing: v)?.rawValue ?? v
        case .recurrence: return Recurrence(parsing: v)?.rawValue ?? v
        default: return v
        }
    }

    /// The file a write may make when the folder lacks it: only `followups.rec`, which
    /// folders made before follow-ups existed do not have; nil for any other kind.
    static func newFile(_ data: DataSet, _ kind: Kind) -> SourceFile? {
        kind == .followup ? SourceFile(path: data.path(kind), document: template(kind)) : nil
    }

    /// A new file of `kind` as `init` writes it.
    static func template(_ kind: Kind) -> Document { Document(bytes: Array(Templates.newFile(kind).utf8)) }

    static func missingFile(_ data: DataSet, _ kind: Kind, id: String? = nil) -> EditError {
        // No followups.rec yet (a folder older than it): there are no follow-ups, and the
        // first `followups add` makes the file; `init` would refuse the existing folder.
        if kind == .followup {
            let none = id.map { (sv: "det finns ingen uppföljning med id '\($0)': ", en: "there is no follow-up with id '\($0)': ") } ?? (sv: "", en: "")
            return EditError(sv: none.sv + "det finns inga uppföljningar än (\(data.folder)/\(kind.fileName) finns inte); lägg till en med 'sakerhet followups add --record ID --period PERIOD --assessment BEDÖMNING', som skapar filen",
                             en: none.en + "there are no follow-ups yet (\(data.folder)/\(kind.fileName) does not exist); add one with 'sakerhet followups add --record ID --period PERIOD --assessment ASSESSMENT', which creates the file")
        }
        return EditError(sv: "\(data.folder)/\(kind.fileName) finns inte; skapa den med 'sakerhet init'",
                  en: "\(data.folder)/\(kind.fileName) does not exist; create it with 'sakerhet init'")
    }

    /// The one record of `kind` with `id`, which an edit changes. Without the kind's file,
    /// the error says how to make it; with no such record, the error
    /// names the closest id; with two or more the edit is refused, naming their lines:
    /// changing the first found would leave which record was meant to chance (`audit`
    /// reports the duplicate id).
    public static func target(_ data: DataSet, _ kind: Kind, id: String) throws -> Int {
        guard data.files[kind] != nil else { throw missingFile(data, kind, id: id) }
        let found = data.records(of: kind, id: id)
        guard let first = found.first else { throw unknownID(data, kind, id) }
        guard found.count > 1 else { return first }
        let path = data.files[kind]?.path ?? kind.fileName
        let lines = found.prefix(5).map { String(data.record(RecordRef(kind: kind, index: $0)).line) }
        let more = found.count > 5 ? " …" : ""
        let list = (sv: lines.dropLast().joined(separator: ", ") + " och " + lines.last! + more,
                    en: lines.dropLast().joined(separator: ", ") + " and " + lines.last! + more)
        throw EditError(
            sv: "id '\(id)' finns i \(found.count) poster i \(path) (rad \(list.sv)); ge dem olika id innan en av dem ändras",
            en: "id '\(id)' is in \(found.count) records in \(path) (lines \(list.en)); give them different ids before changing one",
            refusal: true)
    }

    static func unknownID(_ data: DataSet, _ kind: Kind, _ id: String) -> EditError {
        let hint = Suggest.hint(id, data.ids[kind]?.keys ?? [])
        return EditError(sv: "det finns \(kind.none(.sv)) med id '\(id)'\(hint.sv)", en: "there is no \(kind.rawValue) with id '\(id)'\(hint.en)")
    }
}
