/// `sakerhet log --format json`, schema `sakerhet.log/1`:
///
/// ```
/// { "schema": "sakerhet.log/1", "ids": ["A12"], "field": "due", "since": "2024-01-01", "until": …,
///   "shallow": false, "warnings": ["…"], "order": "oldest-first" | "newest-first",
///   "entries": [ { "uncommitted": false, "commit": "<hash>", "date": "2024-03-01",
///                  "time": "2024-03-01T10:00:00+01:00", "author": "Åsa Öberg", "subject": "…",
///                  "authored": "2023-12-15T09:00:00+01:00",
///                  "changes": [ { "action": "created" | "removed" | "changed" | "unparseable",
///                                 "kind": "activity", "id": "A12", "path": "data/activities.rec",
///                                 "field": "due", "old": "2024-05", "new": "2024-09",
///                                 "title": "…", "owner": "sbs", "reason": "…",
///                                 "line": 7, "message": "…",
///                                 "occurrence": { "period": "2026-Q1", "done": "2026-03-20",
///                                                 "outcome": "utan anmärkning", "evidence": "…" } } ] } ] }
/// ```
/// With `--slips`, `entries` is replaced by `"slips": [ { "kind", "id", "title", "owner",
/// "count", "total_days", "moves": [ { "from", "to", "days", "reason", "uncommitted",
/// "commit", "date", "author", "subject" } ] } ]`. Absent values are left out; `days` is
/// absent for a move to `?`. `authored` (the author date) is there only when it falls on
/// another day than the commit date, `date` and `time`, which count. Messages are in the
/// `--lang` language.
public enum HistoryJSON {
    public static let schema = "sakerhet.log/1"

    struct JSONChange: Encodable {
        let action: String
        let kind: String
        let id: String?
        /// For a change made before the record was given its id now: the id it had then.
        let id_then: String?
        let path: String
        let field: String?
        let old: String?
        let new: String?
        let title: String?
        let owner: String?
        let reason: String?
        let line: Int?
        let message: String?
        /// For a `due` change that completes an occurrence of a recurring activity.
        let occurrence: Occurrence?
    }

    struct JSONEntry: Encodable {
        let uncommitted: Bool
        let commit: String?
        let date: String?
        let time: String?
        let author: String?
        let subject: String?
        let authored: String?
        let changes: [JSONChange]
    }

    struct JSONLog: Encodable {
        let schema: String
        let ids: [String]
        let field: String?
        let since: String?
        let until: String?
        let shallow: Bool
        let warnings: [String]
        let order: String
        let entries: [JSONEntry]
    }

    struct JSONMove: Encodable {
        let from: String
        let to: String
        let days: Int?
        let reason: String?
        /// Only when true: moved after its deadline had passed, with no new reason.
        let after_deadline_without_reason: Bool?
        let uncommitted: Bool
        let commit: String?
        let date: String?
        let author: String?
        let subject: String?
    }

    struct JSONSlip: Encodable {
        let kind: String
        let id: String
        let title: String
        let owner: String?
        /// The deadline before the first move, and now.
        let from: String
        let to: String
        let count: Int
        /// Nil when the deadline is now unknown (`?`).
        let total_days: Int?
        /// From `from` to `to`; less than `total_days` when it was moved back after.
        let net_days: Int?
        /// Occurrences of a recurring activity done after the first move (none: left out).
        let occurrences_done: Int?
        let moves: [JSONMove]
    }

    struct JSONSlips: Encodable {
        let schema: String
        let ids: [String]
        let since: String?
        let until: String?
        let shallow: Bool
        let warnings: [String]
        let slips: [JSONSlip]
    }

    public static func render(_ log: HistoryLog, lang: Lang) -> String {
        let entries = log.entries.map { e in
            JSONEntry(uncommitted: e.revision == nil, commit: e.revision?.hash, date: e.revision?.date.description,
                      time: e.revision?.time, author: e.revision?.author, subject: e.revision?.subject,
                      authored: e.revision?.authored,
                      changes: e.changes.map { c in
                          JSONChange(action: c.action.rawValue, kind: c.kind.rawValue, id: c.id.isEmpty ? nil : c.id, id_then: c.idThen, path: c.path,
                                     field: c.field, old: c.old, new: c.new, title: c.title, owner: c.owner, reason: c.reason,
                                     line: c.line, message: c.message?.text(lang), occurrence: c.occurrence)
                      })
        }
        return DiagnosticFormats.encode(JSONLog(
            schema: schema, ids: log.ids, field: log.field, since: log.since?.description, until: log.until?.description,
            shallow: log.warnings.contains(History.shallowWarning), warnings: log.warnings.map { $0.text(lang) },
            order: log.newestFirst ? "newest-first" : "oldest-first", entries: entries))
    }

    public static func render(slips: [Slip], ids: [String], since: Day?, until: Day?, warnings: [Message], lang: Lang) -> String {
        DiagnosticFormats.encode(JSONSlips(
            schema: schema, ids: ids, since: since?.description, until: until?.description,
            shallow: warnings.contains(History.shallowWarning), warnings: warnings.map { $0.text(lang) },
            slips: slips.map { s in
                JSONSlip(kind: s.kind.rawValue, id: s.id, title: s.title, owner: s.owner, from: s.from, to: s.to, count: s.count,
                         total_days: s.isOpenEnded ? nil : s.totalDays, net_days: s.netDays,
                         occurrences_done: s.occurrencesDone > 0 ? s.occurrencesDone : nil,
                         moves: s.moves.map { m in
                             JSONMove(from: m.from, to: m.to, days: m.days, reason: m.reason,
                                      after_deadline_without_reason: m.afterDeadline ? true : nil, uncommitted: m.revision == nil,
                                      commit: m.revision?.hash, date: m.revision?.date.description, author: m.revision?.author,
                                      subject: m.revision?.subject)
                         })
            }))
    }
}
