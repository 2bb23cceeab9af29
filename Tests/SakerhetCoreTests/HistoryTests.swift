import Foundation
import XCTest
@testable import SakerhetCore

/// Builds histories by hand (no git): each commit lists its files as content keys, and
/// `HistoryBook.blobs` maps a key to the file's text.
struct HistoryBook {
    var commits: [HistoryCommit] = []
    var blobs: [String: String] = [:]
    var kinds: [String: Kind] = ["data/activities.rec": .activity, "data/goals.rec": .goal,
                                 "data/extra/activities.rec": .activity]
    var workingTree: [String: String]?

    /// Adds a commit `hash` with `files` (path → text), dated `date`, by `author`.
    mutating func commit(_ hash: String, _ date: String, by author: String = "Åsa Öberg", parents: [String]? = nil,
                         boundary: Bool = false, _ files: [String: String]) {
        var keys: [String: String] = [:]
        for (path, text) in files {
            // Content-addressed, as git's blob ids: the same text is the same key.
            let key = blobs.first { $0.value == text }?.key ?? "blob\(blobs.count)"
            blobs[key] = text
            keys[path] = key
        }
        let p = parents ?? commits.last.map { [$0.revision.hash] } ?? []
        commits.append(HistoryCommit(revision: Revision(hash: hash, author: author, date: Day(date)!, time: date + "T10:00:00+01:00",
                                                        subject: "commit \(hash)"),
                                     parents: p, files: keys, isBoundary: boundary))
    }

    mutating func uncommitted(_ files: [String: String]) {
        var keys: [String: String] = [:]
        for (path, text) in files {
            blobs["worktree:" + path] = text
            keys[path] = "worktree:" + path
        }
        workingTree = keys
    }

    func history(only: Set<String>? = nil) -> History {
        let input = HistoryInput(commits: commits, kinds: kinds, workingTree: workingTree, head: commits.last?.revision.hash)
        return History.make(input, only: only) { blobs[$0].map { Array($0.utf8) } }
    }
}

/// An activity record as text.
func historyActivity(_ id: String, due: String, status: String = "pågår", extra: String = "") -> String {
    "id: \(id)\ntitle: Aktivitet \(id)\ngoal: D2\nowner: sbs\ndue: \(due)\nstatus: \(status)\n" + extra
}

/// Changes as short strings, for exact comparison.
func historySummary(_ h: History) -> [String] {
    h.entries.map { e in
        (e.revision?.hash ?? "worktree") + ": " + e.changes.map { c in
            switch c.action {
            case .created: return "+\(c.id)"
            case .removed: return "-\(c.id)"
            case .changed: return "\(c.id).\(c.field!) \(c.old ?? "nil")→\(c.new ?? "nil")"
            case .unparseable: return "!\(c.path):\(c.line ?? 0)"
            }
        }.joined(separator: ", ")
    }
}

final class HistoryDiffTests: XCTestCase {
    func fields(_ text: String) -> FieldList { Document(text: text).records[0].fields }

    func testFieldChangesInNewOrderThenRemoved() {
        let old = fields("id: A1\ndue: 2024-05\nnote: gammal\nreason: x\n")
        let new = fields("id: A1\ndue: 2024-09\nstatus: klar\nreason: x\n")
        let changes = HistoryDiff.fieldChanges(old: old, new: new).map { "\($0.0): \($0.1 ?? "nil") → \($0.2 ?? "nil")" }
        XCTAssertEqual(changes, ["due: 2024-05 → 2024-09", "status: nil → klar", "note: gammal → nil"])
    }

    func testEmptyValueCountsAsAbsent() {
        let changes = HistoryDiff.fieldChanges(old: fields("id: A1\nreason:\n"), new: fields("id: A1\n"))
        XCTAssertTrue(changes.isEmpty)
    }

    func testRepeatedFieldComparesAllValues() {
        let old = fields("id: R1\naction: A1\naction: A2\n")
        let new = fields("id: R1\naction: A1\naction: A3\n")
        let changes = HistoryDiff.fieldChanges(old: old, new: new)
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes[0].0, "action")
        XCTAssertEqual(changes[0].1, "A1, A2")
        XCTAssertEqual(changes[0].2, "A1, A3")
    }

    func testContinuationLinesArePartOfTheValue() {
        let changes = HistoryDiff.fieldChanges(old: fields("id: A1\nnote: rad ett\n+ rad två\n"),
                                               new: fields("id: A1\nnote: rad ett\n+ rad tre\n"))
        XCTAssertEqual(changes.first?.2, "rad ett\nrad tre")
    }
}

final class HistoryBuildTests: XCTestCase {
    func testCreateChangeRemoveAndUncommitted() {
        var b = HistoryBook()
        b.commit("c1", "2024-02-13", ["data/activities.rec": historyActivity("A1", due: "2024-05") + "\n" + historyActivity("A12", due: "2024-06")])
        b.commit("c2", "2024-03-01", by: "Bo Ek", ["data/activities.rec": historyActivity("A1", due: "2024-05") + "\n" + historyActivity("A12", due: "2024-09", extra: "reason: Inväntar beslut\n")])
        b.commit("c3", "2024-04-01", ["data/activities.rec": historyActivity("A12", due: "2024-09", extra: "reason: Inväntar beslut\n")])
        b.uncommitted(["data/activities.rec": historyActivity("A12", due: "2024-09", status: "klar", extra: "reason: Inväntar beslut\n")])
        let h = b.history()
        XCTAssertEqual(historySummary(h), [
            "c1: +A1, +A12",
            "c2: A12.due 2024-06→2024-09, A12.reason nil→Inväntar beslut",
            "c3: -A1",
            "worktree: A12.status pågår→klar",
        ])
        XCTAssertEqual(h.entries[1].changes[0].reason, "Inväntar beslut")
        XCTAssertEqual(h.entries[1].changes[0].title, "Aktivitet A12")
        XCTAssertEqual(h.entries[2].changes[0].title, "Aktivitet A1")
        XCTAssertTrue(h.entries[3].isUncommitted)
        XCTAssertEqual(h.knownIDs, ["A1", "A12"])
    }

    func testOnlyKeepsTheAskedIDs() {
        var b = HistoryBook()
        b.commit("c1", "2024-02-13", ["data/activities.rec": historyActivity("A1", due: "2024-05") + "\n" + historyActivity("A2", due: "2024-06")])
        b.commit("c2", "2024-03-01", ["data/activities.rec": historyActivity("A1", due: "2024-07") + "\n" + historyActivity("A2", due: "2024-08")])
        XCTAssertEqual(historySummary(b.history(only: ["A2"])), ["c1: +A2", "c2: A2.due 2024-06→2024-08"])
    }

    func testMovingARecordBetweenFilesOfItsKindIsNoChange() {
        var b = HistoryBook()
        let a1 = historyActivity("A1", due: "2024-05"), a2 = historyActivity("A2", due: "2024-06")
        b.commit("c1", "2024-02-13", ["data/activities.rec": a1 + "\n" + a2])
        b.commit("c2", "2024-03-01", ["data/activities.rec": a1, "data/extra/activities.rec": a2])
        b.commit("c3", "2024-03-02", ["data/activities.rec": a1, "data/extra/activities.rec": historyActivity("A2", due: "2024-07")])
        XCTAssertEqual(historySummary(b.history()), ["c1: +A1, +A2", "c2: ", "c3: A2.due 2024-06→2024-07"])
        XCTAssertEqual(b.history().entries[2].changes[0].path, "data/extra/activities.rec")
    }

    func testCommitTouchingOnlyAFileWithoutRecordsCountsAsRevision() {
        var b = HistoryBook()
        let a1 = historyActivity("A1", due: "2024-05")
        b.commit("c1", "2024-02-13", ["data/activities.rec": a1, "data/config.rec": "version: 1.0\n"])
        b.commit("c2", "2024-03-01", ["data/activities.rec": a1, "data/config.rec": "version: 2.0\n"])
        b.commit("c3", "2024-03-02", ["data/activities.rec": a1, "data/config.rec": "version: 2.0\n"])
        XCTAssertEqual(b.history().revisions.map(\.hash), ["c1", "c2"])
    }

    func testUnparseableVersionIsReportedAndTheFixIsDiffedAgainstTheLastGoodOne() {
        var b = HistoryBook()
        b.commit("c1", "2024-02-13", ["data/activities.rec": historyActivity("A1", due: "2024-05")])
        b.commit("c2", "2024-03-01", ["data/activities.rec": historyActivity("A1", due: "2024-06") + "detta är ingen rad\n"])
        b.commit("c3", "2024-03-02", ["data/activities.rec": historyActivity("A1", due: "2024-07") + "detta är inte heller en rad\n"])
        b.commit("c4", "2024-03-03", ["data/activities.rec": historyActivity("A1", due: "2024-08")])
        let h = b.history()
        XCTAssertEqual(historySummary(h), [
            "c1: +A1",
            "c2: !data/activities.rec:7",
            "c3: !data/activities.rec:7",
            "c4: A1.due 2024-05→2024-08",
        ])
        XCTAssertEqual(h.entries[1].changes[0].message?.en, "line has no ':'; a field is written 'key: value'")
    }

    func testMergeShowsABranchChangeOnce() {
        var b = HistoryBook()
        let base = historyActivity("A1", due: "2024-05") + "\n" + historyActivity("A2", due: "2024-06")
        b.commit("c1", "2024-02-13", ["data/activities.rec": base])
        b.commit("side", "2024-03-01", parents: ["c1"],
                 ["data/activities.rec": historyActivity("A1", due: "2024-09") + "\n" + historyActivity("A2", due: "2024-06")])
        b.commit("main", "2024-03-02", parents: ["c1"],
                 ["data/activities.rec": historyActivity("A1", due: "2024-05") + "\n" + historyActivity("A2", due: "2024-10")])
        b.commit("merge", "2024-03-03", parents: ["main", "side"],
                 ["data/activities.rec": historyActivity("A1", due: "2024-09") + "\n" + historyActivity("A2", due: "2024-10")])
        XCTAssertEqual(historySummary(b.history()), [
            "c1: +A1, +A2", "side: A1.due 2024-05→2024-09", "main: A2.due 2024-06→2024-10", "merge: ",
        ])
    }

    func testMergeResolutionThatDiffersFromBothSidesIsShown() {
        var b = HistoryBook()
        b.commit("c1", "2024-02-13", ["data/activities.rec": historyActivity("A1", due: "2024-05")])
        b.commit("side", "2024-03-01", parents: ["c1"], ["data/activities.rec": historyActivity("A1", due: "2024-09")])
        b.commit("main", "2024-03-02", parents: ["c1"], ["data/activities.rec": historyActivity("A1", due: "2024-10")])
        b.commit("merge", "2024-03-03", parents: ["main", "side"], ["data/activities.rec": historyActivity("A1", due: "2024-12")])
        XCTAssertEqual(historySummary(b.history()).last, "merge: A1.due 2024-10→2024-12")
    }

    func testMergeKeepsARecordRemovedOnOneSide() {
        var b = HistoryBook()
        let a1 = historyActivity("A1", due: "2024-05"), a2 = historyActivity("A2", due: "2024-06")
        b.commit("c1", "2024-02-13", ["data/activities.rec": a1 + "\n" + a2])
        b.commit("side", "2024-03-01", parents: ["c1"], ["data/activities.rec": a1])
        b.commit("main", "2024-03-02", parents: ["c1"], ["data/activities.rec": a1 + "\n" + a2 + "\n" + historyActivity("A3", due: "2024-07")])
        b.commit("merge", "2024-03-03", parents: ["main", "side"], ["data/activities.rec": a1 + "\n" + historyActivity("A3", due: "2024-07")])
        XCTAssertEqual(historySummary(b.history()), ["c1: +A1, +A2", "side: -A2", "main: +A3", "merge: "])
    }

    func testShallowBoundaryIsTheStartingPoint() {
        var b = HistoryBook()
        b.commit("edge", "2024-02-13", boundary: true, ["data/activities.rec": historyActivity("A1", due: "2024-05")])
        b.commit("c2", "2024-03-01", ["data/activities.rec": historyActivity("A1", due: "2024-06")])
        let h = b.history()
        XCTAssertEqual(historySummary(h), ["c2: A1.due 2024-05→2024-06"])
        XCTAssertEqual(h.knownIDs, ["A1"])
    }

    func testLogFiltersByFieldDateAndOrder() {
        var b = HistoryBook()
        b.commit("c1", "2024-02-13", ["data/activities.rec": historyActivity("A1", due: "2024-05")])
        b.commit("c2", "2024-03-01", ["data/activities.rec": historyActivity("A1", due: "2024-06", status: "klar")])
        b.commit("c3", "2024-04-01", ["data/activities.rec": historyActivity("A1", due: "2024-07", status: "klar")])
        b.uncommitted(["data/activities.rec": historyActivity("A1", due: "2024-08", status: "klar")])
        let h = b.history()
        let due = h.log(ids: ["A1"], field: "due")
        XCTAssertEqual(due.entries.map { $0.revision?.hash ?? "worktree" }, ["c2", "c3", "worktree"])
        XCTAssertEqual(due.records.first?.title, "Aktivitet A1")
        let window = h.log(since: Day("2024-03-01"), until: Day("2024-03-31"))
        XCTAssertEqual(window.entries.map { $0.revision?.hash ?? "worktree" }, ["c2"])
        XCTAssertEqual(h.log().entries.map { $0.revision?.hash ?? "worktree" }, ["worktree", "c3", "c2", "c1"])
    }
}

final class HistorySlipsTests: XCTestCase {
    func book() -> HistoryBook {
        var b = HistoryBook()
        b.commit("c1", "2024-02-13", ["data/activities.rec": historyActivity("A1", due: "2024-05") + "\n" + historyActivity("A2", due: "2024-06-15")])
        // A1: May → September (+122 days), reason given.
        b.commit("c2", "2024-03-01", by: "Bo Ek", ["data/activities.rec": historyActivity("A1", due: "2024-09", extra: "reason: Inväntar beslut från KF\n") + "\n" + historyActivity("A2", due: "2024-06-15")])
        // A2: earlier is no slip.
        b.commit("c3", "2024-04-01", ["data/activities.rec": historyActivity("A1", due: "2024-09", extra: "reason: Inväntar beslut från KF\n") + "\n" + historyActivity("A2", due: "2024-06-01")])
        // A1: to unknown, then to 2024-Q4 (counted from September: +92).
        b.commit("c4", "2024-05-01", ["data/activities.rec": historyActivity("A1", due: "?", extra: "reason: Oklart\n") + "\n" + historyActivity("A2", due: "2024-06-01")])
        b.commit("c5", "2024-06-01", ["data/activities.rec": historyActivity("A1", due: "2024-Q4", extra: "reason: Ny tidplan\n") + "\n" + historyActivity("A2", due: "2024-07-01")])
        return b
    }

    func testSlipsCountDaysFromTheLastKnownDeadline() {
        let slips = Slips.make(book().history())
        XCTAssertEqual(slips.map(\.id), ["A1", "A2"])
        let a1 = slips[0]
        XCTAssertEqual(a1.moves.map { "\($0.from)→\($0.to) \($0.days.map(String.init) ?? "?") \($0.reason ?? "")" },
                       ["2024-05→2024-09 122 Inväntar beslut från KF", "2024-09→? ? Oklart", "?→2024-Q4 92 Ny tidplan"])
        XCTAssertEqual(a1.totalDays, 214)
        XCTAssertEqual(a1.count, 3)
        XCTAssertEqual(a1.moves[0].revision?.author, "Bo Ek")
        XCTAssertEqual(slips[1].moves.map(\.days), [30])
        XCTAssertEqual(slips[1].title, "Aktivitet A2")
    }

    func testSlipsWithinAWindowAndForIDs() {
        let h = book().history()
        let window = Slips.make(h, since: Day("2024-05-01"), until: Day("2024-12-31"))
        XCTAssertEqual(window.map { "\($0.id) \($0.count) \($0.totalDays)" }, ["A1 2 92", "A2 1 30"])
        XCTAssertEqual(Slips.make(h, ids: ["A2"]).map(\.id), ["A2"])
    }

    /// A record given a new id keeps its history: the commit that renames it shows `id`
    /// old → new and its other changes (here a moved deadline), earlier changes are under
    /// its new id with the id they had, and its baseline and moves follow it.
    func testARenamedRecordKeepsItsBaselineAndMoves() throws {
        func record(_ id: String, _ due: String, title: String = "Öva krisledningen") -> String {
            "id: \(id)\ntitle: \(title)\ngoal: D2\nowner: sbs\ndue: \(due)\nstatus: pågår\n"
        }
        var b = HistoryBook()
        b.commit("c1", "2026-01-10", ["data/activities.rec": record("A1", "2026-03") + "\n" + record("A9", "2026-04", title: "Annat")])
        b.commit("c2", "2026-02-01", ["data/activities.rec": record("A1", "2026-05") + "\n" + record("A9", "2026-04", title: "Annat")])
        b.commit("c3", "2026-06-01", ["data/activities.rec": record("A1.1", "2026-12") + "\n" + record("A9", "2026-04", title: "Annat")])
        let h = b.history()
        XCTAssertEqual(historySummary(h), ["c1: +A1.1, +A9", "c2: A1.1.due 2026-03→2026-05", "c3: A1.1.id A1→A1.1, A1.1.due 2026-05→2026-12"])
        XCTAssertEqual(h.entries[0].changes[0].idThen, "A1")
        XCTAssertEqual(h.entries[1].changes[0].idThen, "A1")
        XCTAssertNil(h.entries[2].changes[0].idThen)
        // The period began before the rename: the baseline is the deadline then, under the new id.
        let baselines = Baselines.make(h, periodStart: Day("2026-03-01")!)
        XCTAssertEqual(baselines.original(.activity, "A1.1", current: Deadline(token: "2026-12")), Deadline(token: "2026-05"))
        XCTAssertNil(baselines.original(.activity, "A1", current: Deadline(token: "2026-12")))
        let slips = Slips.make(h)
        XCTAssertEqual(slips.map(\.id), ["A1.1"])
        XCTAssertEqual(slips[0].moves.map { "\($0.from)→\($0.to)" }, ["2026-03→2026-05", "2026-05→2026-12"])
        // Renamed twice: the record ends under its last id; A1, free again, is a new record.
        b.commit("c4", "2026-07-01", ["data/activities.rec": record("A2", "2026-12") + "\n" + record("A9", "2026-04", title: "Annat")
                                          + "\n" + record("A1", "2027-01", title: "Ny")])
        XCTAssertEqual(historySummary(b.history()).suffix(2), ["c3: A2.id A1→A1.1, A2.due 2026-05→2026-12", "c4: A2.id A1.1→A2, +A1"])
        XCTAssertEqual(Slips.make(b.history()).map(\.id), ["A2"])
        // Two records of one title taken away and two added: which is which is not known.
        var twice = HistoryBook()
        twice.commit("c1", "2026-01-10", ["data/activities.rec": record("A1", "2026-03") + "\n" + record("A2", "2026-03")])
        twice.commit("c2", "2026-02-01", ["data/activities.rec": record("B1", "2026-03") + "\n" + record("B2", "2026-03")])
        XCTAssertEqual(historySummary(twice.history()), ["c1: +A1, +A2", "c2: +B1, +B2, -A1, -A2"])
        // A new id and a new title in one commit: one record removed and one added.
        var both = HistoryBook()
        both.commit("c1", "2026-01-10", ["data/activities.rec": record("A1", "2026-03")])
        both.commit("c2", "2026-02-01", ["data/activities.rec": record("A5", "2026-09", title: "Nytt namn")])
        XCTAssertEqual(historySummary(both.history()), ["c1: +A1", "c2: +A5, -A1"])
    }

    /// What a review found of the first rule (a title alone): a new id another record had
    /// before, a done record taken away and an open one of its name added, another owner,
    /// a rename on a branch merged with a move made on the main line, a rename not yet
    /// committed, and `log` of either id.
    func testARenameIsOnlyWhatCanBeNothingElse() throws {
        func record(_ id: String, _ due: String, title: String = "Öva", owner: String = "sbs", status: String = "pågår") -> String {
            "id: \(id)\ntitle: \(title)\ngoal: D2\nowner: \(owner)\ndue: \(due)\nstatus: \(status)\n"
        }
        let path = "data/activities.rec"
        // An id a removed record had: not a rename, so A6's old deadline is no baseline of Öva.
        var reused = HistoryBook()
        reused.commit("c1", "2025-10-01", [path: record("A5", "2026-03") + "\n" + record("A6", "2025-11", title: "Gammal")])
        reused.commit("c2", "2025-12-01", [path: record("A5", "2026-03")])
        reused.commit("c3", "2026-02-15", [path: record("A6", "2026-09")])
        XCTAssertEqual(historySummary(reused.history()), ["c1: +A5, +A6", "c2: -A6", "c3: +A6, -A5"])
        // A done record taken away and an open one of the same title added: two records.
        var again = HistoryBook()
        again.commit("c1", "2026-02-10", [path: record("A5", "2026-02", title: "Krisövning", status: "klar")])
        again.commit("c2", "2026-03-01", [path: record("A9", "2026-12", title: "Krisövning")])
        XCTAssertEqual(historySummary(again.history()), ["c1: +A5", "c2: +A9, -A5"])
        // Another owner: two records.
        var owner = HistoryBook()
        owner.commit("c1", "2026-02-10", [path: record("A5", "2026-02")])
        owner.commit("c2", "2026-03-01", [path: record("A9", "2026-02", owner: "meb")])
        XCTAssertEqual(historySummary(owner.history()), ["c1: +A5", "c2: +A9, -A5"])
        // Renamed on a branch, moved on the main line, merged: the move is counted once.
        var merged = HistoryBook()
        merged.commit("c1", "2026-01-10", [path: record("A5", "2026-03")])
        merged.commit("b1", "2026-02-01", parents: ["c1"], [path: record("A5.1", "2026-03")])
        merged.commit("m1", "2026-03-01", parents: ["c1"], [path: record("A5", "2026-06")])
        merged.commit("m2", "2026-03-05", parents: ["m1", "b1"], [path: record("A5.1", "2026-06")])
        let slips = Slips.make(merged.history())
        XCTAssertEqual(slips.flatMap(\.moves).map { "\($0.from)→\($0.to) \($0.revision?.hash ?? "")" }, ["2026-03→2026-06 m1"])
        XCTAssertEqual(historySummary(merged.history()).last, "m2: ")
        // A rename not yet committed is shown as it is; the history is followed once it is.
        var uncommitted = HistoryBook()
        uncommitted.commit("c1", "2026-01-10", [path: record("A5", "2026-03")])
        uncommitted.uncommitted([path: record("A5.1", "2026-03")])
        XCTAssertEqual(historySummary(uncommitted.history()), ["c1: +A5", "worktree: A5.1.id A5→A5.1"])
        // `log` of the old id, of the new one, or of both: the record's whole life.
        var renamed = HistoryBook()
        renamed.commit("c1", "2026-01-10", [path: record("A5", "2026-03")])
        renamed.commit("c2", "2026-04-15", [path: record("A5.1", "2026-09")])
        for ids: Set<String> in [["A5"], ["A5.1"], ["A5", "A5.1"]] {
            let h = renamed.history(only: ids)
            XCTAssertEqual(historySummary(h), ["c1: +A5.1", "c2: A5.1.id A5→A5.1, A5.1.due 2026-03→2026-09"], "\(ids)")
            XCTAssertTrue(h.knownIDs.isSuperset(of: ["A5", "A5.1"]), "\(ids)")
            XCTAssertEqual(h.log(ids: Array(ids).sorted()).entries.count, 2, "\(ids)")
        }
        // A5 used again later for another record: `log A5` names both records, each change by its id.
        renamed.commit("c3", "2026-06-01", [path: record("A5.1", "2026-09") + "\n" + record("A5", "2027-01", title: "Ny", owner: "meb")])
        let log = renamed.history(only: ["A5"]).log(ids: ["A5"])
        XCTAssertEqual(log.records.map { "\($0.id) \($0.title)" }, ["A5 Ny", "A5.1 Öva"])
        let text = HistoryText.render(log, lang: .sv, style: Style(color: false))
        XCTAssertTrue(text.contains("  A5.1  (då A5) skapad: Öva\n") && text.contains("  A5  skapad: Ny\n"), text)
    }

    func testSortedByTotalThenMovesThenID() {
        var b = HistoryBook()
        b.commit("c1", "2024-01-01", ["data/activities.rec": historyActivity("B", due: "2024-05") + "\n" + historyActivity("A", due: "2024-05") + "\n" + historyActivity("C", due: "2024-05")])
        b.commit("c2", "2024-02-01", ["data/activities.rec": historyActivity("B", due: "2024-06") + "\n" + historyActivity("A", due: "2024-06") + "\n" + historyActivity("C", due: "2024-07")])
        XCTAssertEqual(Slips.make(b.history()).map(\.id), ["C", "A", "B"])
    }
}

final class HistoryReportTests: XCTestCase {
    func testSectionsForThePeriod() {
        var b = HistoryBook()
        let goal = "id: D2\ntitle: Delmål\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"
        b.commit("c1", "2023-12-01", ["data/activities.rec": historyActivity("A1", due: "2024-05"), "data/goals.rec": goal])
        b.commit("c2", "2024-02-01", by: "Bo Ek", ["data/activities.rec": historyActivity("A1", due: "2024-05") + "\n" + historyActivity("A2", due: "2024-06"), "data/goals.rec": goal])
        b.commit("c3", "2024-03-01", ["data/activities.rec": historyActivity("A1", due: "2024-05", status: "klar") + "\n" + historyActivity("A2", due: "2024-08", extra: "reason: Resursbrist\n"), "data/goals.rec": goal])
        b.commit("c4", "2024-04-01", ["data/activities.rec": historyActivity("A1", due: "2024-05", status: "klar") + "\n" + historyActivity("A2", due: "2024-08", status: "struken", extra: "reason: Resursbrist\n"), "data/goals.rec": goal])
        let h = b.history()
        let period = FollowUp.Period("2024")!
        let r = HistoryReport.make(h, period: period)
        XCTAssertFalse(r.fromTags)
        XCTAssertEqual(r.revisions.map(\.commit), [], "commits are not versions of the plan")
        XCTAssertEqual(r.added.map(\.id), ["A2"])
        XCTAssertEqual(r.closed.map { "\($0.id) \($0.date)" }, ["A1 2024-03-01"])
        XCTAssertEqual(r.cancelled.map(\.id), ["A2"])
        XCTAssertEqual(r.postponed.map { "\($0.id) \($0.from!)→\($0.to!) \($0.days!) \($0.reason!)" }, ["A2 2024-06→2024-08 62 Resursbrist"])
        XCTAssertEqual(r.slips.map(\.id), ["A2"])

        let hidden = HistoryReport.make(h, period: period, excluding: ["A2"])
        XCTAssertTrue(hidden.added.isEmpty && hidden.postponed.isEmpty && hidden.slips.isEmpty && hidden.cancelled.isEmpty)

        var tagged = h
        tagged.tags = [HistoryTag(name: "v1.0", commit: "c2", date: Day("2024-02-13")!, author: "Åsa Öberg", subject: "Första giltiga version"),
                       HistoryTag(name: "v0.9", commit: "c1", date: Day("2023-12-01")!, author: "Åsa Öberg", subject: "Utkast")]
        let t = HistoryReport.make(tagged, period: period)
        XCTAssertTrue(t.fromTags)
        XCTAssertEqual(t.revisions.map { "\($0.version) \($0.description) \($0.date) \($0.author)" },
                       ["1.0 Första giltiga version 2024-02-13 Åsa Öberg"])
    }
}

final class HistoryParseTests: XCTestCase {
    static let sample = """
        # Aktiviteter
        %rec: activity
        %key: id

        id: A1
        title: Skapa en övergripande kontinuitetsplan
        due: 2024-10
        status: klar

        # Kommentar före A26
        id: A26
        title: Kartlägga risker för välfärdsbrott
        + inom ekonomiskt bistånd
        due: 2024-12
        status: pågår

        id: A27
        title: Utbilda medarbetare
        due: 2025-03
        status: ej påbörjad

        id: A28
        title: Följa upp
        due: 2025-06
        status: pågår

        """

    /// Parsing from the previous version gives the same records as a full parse, for
    /// many random edits of a real file.
    func testIncrementalParseMatchesFullParse() {
        let iterations = Int(ProcessInfo.processInfo.environment["SAKERHET_HISTORY_PARSE_ITERATIONS"] ?? "") ?? 3000
        var rng = SystemRandomNumberGenerator()
        let lines = ["id: A9", "title: Ny aktivitet", "due: 2025-01", "+ fortsättning", "# kommentar", "", "", "  ",
                     "status: klar", "note: ändrad", "trasig rad", "%rec: activity", " indragen", "reason: x"]
        var text = Array(HistoryParseTests.sample.utf8)
        var previous = ParsedFile(bytes: text)
        var incrementalCount = 0
        for _ in 0..<iterations {
            // Edit a random line: replace, insert or delete.
            var rows = String(decoding: text, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let at = Int.random(in: 0..<max(1, rows.count), using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0 where !rows.isEmpty: rows[at] = lines.randomElement(using: &rng)!
            case 1: rows.insert(lines.randomElement(using: &rng)!, at: at)
            case 2: if rows.count > 1 { rows.remove(at: at) }
            default: break
            }
            text = Array(rows.joined(separator: "\n").utf8)
            // Or a one-byte edit anywhere: lines split, join, or start with a blank.
            if Int.random(in: 0..<3, using: &rng) == 0, !text.isEmpty {
                let i = Int.random(in: 0..<text.count, using: &rng)
                if Bool.random(using: &rng) { text.remove(at: i) } else { text.insert(Array("\n :%+#x\r\t".utf8).randomElement(using: &rng)!, at: i) }
            }
            let full = ParsedFile(bytes: text)
            if let fast = ParsedFile.incremental(from: previous, to: text) {
                incrementalCount += 1
                XCTAssertNil(full.error, "incremental parse accepted a file with errors:\n\(String(decoding: text, as: UTF8.self))")
                XCTAssertEqual(fast.records.map { $0.fields.map { "\($0.key)=\($0.value)" } },
                               full.records.map { $0.fields.map { "\($0.key)=\($0.value)" } })
                XCTAssertEqual(fast.records.map { Array(text[$0.byteRange]) }, full.records.map { Array(text[$0.byteRange]) })
            }
            // Keep the file mostly valid so that the fast path is exercised.
            if full.error != nil, Int.random(in: 0..<2, using: &rng) == 0 {
                text = Array(HistoryParseTests.sample.utf8)
                previous = ParsedFile(bytes: text)
            } else if full.error == nil {
                previous = full
            }
        }
        XCTAssertGreaterThan(incrementalCount, 300)
    }
}

final class HistoryReportRenderTests: XCTestCase {
    func report() -> HistoryReport {
        var b = HistoryBook()
        b.commit("c1aaaaaaaa", "2024-02-13", ["data/activities.rec": historyActivity("A1", due: "2024-05")])
        b.commit("c2bbbbbbbb", "2024-03-01", by: "Bo Ek", ["data/activities.rec": historyActivity("A1", due: "2024-09", extra: "reason: Inväntar beslut\n") + "\n" + historyActivity("A2", due: "2024-06")])
        b.commit("c3cccccccc", "2024-04-01", ["data/activities.rec": historyActivity("A1", due: "2024-09", status: "klar", extra: "reason: Inväntar beslut\n") + "\n" + historyActivity("A2", due: "2024-06", status: "struken")])
        return HistoryReport.make(b.history(), period: FollowUp.Period("2024")!)
    }

    func testText() {
        XCTAssertEqual(HistoryReportText.render(report(), lang: .sv, style: .plain), """

            REVISIONSHISTORIK

            Så läses uppgifterna: Klara listas på postens klardatum (done); dagen för incheckningen visas som
            registrerad. Ett tillfälle av en återkommande aktivitet (every:) som blivit klart är klart, inte
            uppskjutet: det listas under Klara med period, utfall och underlag och räknas aldrig som
            förskjutning. Ursprungligt slutdatum (urspr.) är slutdatumet när perioden började, eller när posten
            lades till om det var senare; en öppen post vars slutdatum flyttats senare än så är minst gul
            (ändras med moved_signal: grön i config.rec). Revisionshistoriken visar planens versioner:
            annoterade git-taggar och ändringar av version i config.rec.

            Ingen ny version av planen under perioden 2024 (en version är en annoterad git-tagg eller en ändring
            av version i config.rec).

            FÖRÄNDRINGAR UNDER PERIODEN

            Tillagda (2)
              2024-02-13  A1  Aktivitet A1  (Åsa Öberg)
              2024-03-01  A2  Aktivitet A2  (Bo Ek)

            Klara (1)
              2024-04-01  A1  Aktivitet A1  (Åsa Öberg)

            Strukna (1)
              2024-04-01  A2  Aktivitet A2  (Åsa Öberg)

            Uppskjutna (1)
              2024-03-01  A1  Aktivitet A1: 2024-05 → 2024-09 (+122 dagar) – Inväntar beslut  (Bo Ek)

            FÖRSKJUTNA TIDPLANER

            En rad per post: slutdatumet vid periodens början → nu, hur många gånger och hur långt det flyttats.
            Varje flytt, med datum och anledning, står under Uppskjutna.

              A1 Aktivitet A1 (sbs): 2024-05 → 2024-09, flyttad 1 gång, totalt 122 dagar

            """)
    }

    func testMarkdownInEnglish() {
        XCTAssertEqual(HistoryReportMarkdown.render(report(), lang: .en), """

            ## Revision history

            *How to read this: Closed work is listed on the record's done date; the day of the commit is shown as registered. A completed occurrence of a recurring activity (every:) is done, not postponed: it is listed under Closed with its period, outcome and evidence and never counts as a slip. The original deadline (orig.) is the deadline when the period began, or when the record was added if later; an open record whose deadline moved later than that is at least yellow (change with moved_signal: grön in config.rec). The revision history lists the plan's versions: annotated git tags and changes of version in config.rec.*

            No new version of the plan in the period 2024 (a version is an annotated git tag or a change of version in config.rec).

            ## Changes in the period

            ### Added (2)

            | Date | Record | Title | Event | Evidence | Registered | Author |
            |---|---|---|---|---|---|---|
            | 2024-02-13 | A1 | Aktivitet A1 |  |  | 2024-02-13 | Åsa Öberg |
            | 2024-03-01 | A2 | Aktivitet A2 |  |  | 2024-03-01 | Bo Ek |

            ### Closed (1)

            | Date | Record | Title | Event | Evidence | Registered | Author |
            |---|---|---|---|---|---|---|
            | 2024-04-01 | A1 | Aktivitet A1 |  |  | 2024-04-01 | Åsa Öberg |

            ### Cancelled (1)

            | Date | Record | Title | Event | Evidence | Registered | Author |
            |---|---|---|---|---|---|---|
            | 2024-04-01 | A2 | Aktivitet A2 |  |  | 2024-04-01 | Åsa Öberg |

            ### Postponed (1)

            | Date | Record | Title | From | To | Days | Reason | Author |
            |---|---|---|---|---|--:|---|---|
            | 2024-03-01 | A1 | Aktivitet A1 | 2024-05 | 2024-09 | +122 | Inväntar beslut | Bo Ek |

            ## Deadline slips

            One line per record: the deadline at the start of the period → now, how many times and how far it moved. Each move, with its date and reason, is under Postponed.

            | Record | Title | Owner | From | Now | Moves | Total days |
            |---|---|---|---|---|--:|--:|
            | A1 | Aktivitet A1 | sbs | 2024-05 | 2024-09 | 1 | 122 |

            """)
    }
}
