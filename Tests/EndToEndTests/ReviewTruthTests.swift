// What a reviewer of the follow-up found untrue, each in a git repository with commits at
// chosen dates, asserted on what every section says of each record:
// - a recurring control moved once and then done on time each period had slipped, by the
//   report and by `log --slips`, as far as its completions took its deadline;
// - a record marked done with a done date after the report's date counted as done, green
//   and on time, and was listed under Klara on the day it was committed;
// - a deadline moved later after the work was done made late work read as done on time;
// - a record added, removed and added again in the period was listed twice as added;
// - a record `klar` with no done date read as a clean completion;
// - a recurring control whose done date was written ahead of time had its deadline moved
//   on before that date, so the period it was late for read as the next, on time;
// - a record moved before the period and marked done with a done date after the report's
//   date lost its first deadline ("Först planerad") from its row, though open on that date;
// - a record gul for its moved deadline alone was counted gul in the summary but named in
//   no list under it (moved to löpande, it left every list).

import Foundation
import XCTest

final class ReviewTruthTests: XCTestCase {
    private func activity(_ id: String, due: String, _ extra: String = "") -> String {
        "id: \(id)\ntitle: Aktivitet \(id)\ngoal: M1\nowner: sbs\ndue: \(due)\nstatus: pågår\n\(extra)"
    }

    private func repo(_ activities: [String]) throws -> LogRepo {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", "id: sbs\nname: Enheten för säkerhet\nkind: enhet\n")
        try repo.write("data/goals.rec", "id: M1\ntitle: Mål\nowner: sbs\ndue: 2027-12-31\nstatus: pågår\n")
        try repo.write("data/activities.rec", activities.joined(separator: "\n"))
        try repo.commit("Plan", on: "2026-01-05")
        return repo
    }

    /// A quarterly control moved once, Q1 → Q2, then done in Q2 and Q3, each on time; its
    /// twin done on time every quarter. The slip is the one move: 91 days, from Q1, and the
    /// two completions after it are named as such, not counted.
    func testARecurringControlDoneOnTimeAfterAMoveSlippedOnlyByTheMove() throws {
        let every = "every: kvartal\n"
        let repo = try repo([activity("A1", due: "2026-Q1", every), activity("A2", due: "2026-Q1", every)])
        try repo.sakerhet(["activities", "postpone", "A1", "--to", "2026-Q2", "--reason", "Personalbrist", "--as-of", "2026-02-01"])
        try repo.commit("A1 flyttad", on: "2026-02-01")
        for (id, day) in [("A2", "2026-03-20"), ("A1", "2026-05-10"), ("A2", "2026-06-10"), ("A1", "2026-08-10"), ("A2", "2026-09-10")] {
            try repo.sakerhet(["activities", "done", id, "--date", day, "--outcome", "utan anmärkning", "--as-of", day])
            try repo.commit("\(id) klar", on: day)
        }
        let asOf = ["--as-of", "2026-10-15"]

        let text = try repo.sakerhet(["report"] + asOf).replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(text.contains("A1 Aktivitet A1 (sbs): 2026-Q1 → 2026-Q4, flyttad 1 gång, totalt 91 dagar; 2 tillfällen klara sedan dess"), text)
        XCTAssertFalse(text.contains("netto"), "the net is the move's own 91 days: \(text)")
        XCTAssertFalse(text.contains("A2 Aktivitet A2 (sbs):"), "A2 never moved: \(text)")
        // The same for the first half-year: one completion after the move.
        let half = try repo.sakerhet(["report", "--period", "2026-H1"] + asOf).replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(half.contains("A1 Aktivitet A1 (sbs): 2026-Q1 → 2026-Q3, flyttad 1 gång, totalt 91 dagar; 1 tillfälle klart sedan dess"), half)

        let log = try repo.sakerhet(["log", "--slips"] + asOf)
        XCTAssertTrue(log.contains("flyttad 1 gång, totalt 91 dagar; 2 tillfällen klara sedan dess"), log)
        XCTAssertFalse(log.contains("netto"), log)
        let json = try JSONSerialization.jsonObject(with: Data(repo.sakerhet(["log", "--slips", "--format", "json"] + asOf).utf8)) as? [String: Any]
        let slip = try XCTUnwrap((json?["slips"] as? [[String: Any]])?.first)
        XCTAssertEqual(slip["id"] as? String, "A1")
        XCTAssertEqual(slip["from"] as? String, "2026-Q1")
        XCTAssertEqual(slip["to"] as? String, "2026-Q4")
        XCTAssertEqual(slip["total_days"] as? Int, 91)
        XCTAssertEqual(slip["net_days"] as? Int, 91)
        XCTAssertEqual(slip["occurrences_done"] as? Int, 2)
        let report = try JSONSerialization.jsonObject(with: Data(repo.sakerhet(["report", "--format", "json"] + asOf).utf8))
        XCTAssertTrue("\(report)".contains("occurrences_done"), "the report's JSON has it too")
    }

    /// Marked `klar` on 2026-05-12 with `done: 2026-11-20`: on the report's date,
    /// 2026-10-15, it was not done. Its row is red and late, it is counted and listed with
    /// the late work, and it is not under Klara; a report after the done date lists it
    /// there on its done day.
    func testARecordDoneAfterTheReportsDateWasOpenOnThatDate() throws {
        let repo = try repo([activity("A6", due: "2026-03"), activity("A7", due: "2026-12")])
        var text = try String(contentsOf: repo.root.appendingPathComponent("data/activities.rec"), encoding: .utf8)
        text = text.replacingOccurrences(of: "due: 2026-03\nstatus: pågår\n", with: "due: 2026-03\nstatus: klar\ndone: 2026-11-20\n")
        try repo.write("data/activities.rec", text)
        try repo.commit("A6 klar", on: "2026-05-12")

        let md = try repo.sakerhet(["report", "--format", "markdown", "--as-of", "2026-10-15"])
        XCTAssertTrue(md.contains("| A6 Aktivitet A6 |  | Mars 2026 | Enheten för säkerhet | klar | 🔴 röd | **klardatum 2026-11-20 ligger efter rapportdagen**<br>**198 dagar sen** |"), md)
        XCTAssertTrue(md.contains("- 🔴 **A6** Aktivitet A6 – 198 dagar sen (2026-03-31)"), "listed with the late work: \(md)")

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(repo.sakerhet(["report", "--format", "json", "--as-of", "2026-10-15"]).utf8)) as? [String: Any])
        let report = try XCTUnwrap(json["report"] as? [String: Any])
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual((summary["overdue"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["A6"], "\(summary)")
        let closed = try XCTUnwrap((report["history"] as? [String: Any])?["closed"] as? [[String: Any]])
        XCTAssertTrue(closed.isEmpty, "nothing was done by 2026-10-15: \(closed)")
        // The list of late work says the same, with the status as the file has it.
        let late = try repo.sakerhet(["activities", "list", "--overdue", "--format", "tsv", "--as-of", "2026-10-15"])
        let lateRows = late.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lateRows.map { $0[0] }, ["A6"], late)
        XCTAssertEqual(lateRows.first?.suffix(2), ["klar", "röd (198 d sen)"], late)

        // After its done date it is done, and listed under Klara on that day.
        let later = try repo.sakerhet(["report", "--format", "markdown", "--as-of", "2026-12-31"])
        XCTAssertTrue(later.contains("| A6 Aktivitet A6 |  | Mars 2026 | Enheten för säkerhet | klar | 🟢 grön |"), later)
        let plain = try repo.sakerhet(["report", "--as-of", "2026-12-31"])
        XCTAssertTrue(plain.contains("2026-11-20  A6  Aktivitet A6  (registrerad 2026-05-12"), plain)
    }

    /// Done 41 days after its deadline, then its deadline moved past the done date: it was
    /// done late by the deadline in force when it was marked done, and its row says so.
    func testADeadlineMovedAfterTheWorkWasDoneKeepsItLate() throws {
        let repo = try repo([activity("A2", due: "2026-06"), activity("A3", due: "2026-06")])
        let path = repo.root.appendingPathComponent("data/activities.rec")
        var text = try String(contentsOf: path, encoding: .utf8)
        let doneA2 = "id: A2\ntitle: Aktivitet A2\ngoal: M1\nowner: sbs\ndue: 2026-06\nstatus: klar\ndone: 2026-08-10\n"
        text = text.replacingOccurrences(of: activity("A2", due: "2026-06"), with: doneA2)
        // A3 done on time, then moved: on time it stays.
        let doneA3 = "id: A3\ntitle: Aktivitet A3\ngoal: M1\nowner: sbs\ndue: 2026-06\nstatus: klar\ndone: 2026-06-10\n"
        text = text.replacingOccurrences(of: activity("A3", due: "2026-06"), with: doneA3)
        try repo.write("data/activities.rec", text)
        try repo.commit("A2 och A3 klara", on: "2026-08-12")
        // A4 marked done and moved in one commit: moved after the work, too.
        let doneA4 = "id: A4\ntitle: Aktivitet A4\ngoal: M1\nowner: sbs\ndue: 2026-06\nstatus: klar\ndone: 2026-08-10\n"
        try repo.write("data/activities.rec", text.replacingOccurrences(of: "due: 2026-06", with: "due: 2026-09") + "\n" + activity("A4", due: "2026-06"))
        try repo.commit("Slutdatum justerade", on: "2026-08-20")
        let now = try String(contentsOf: path, encoding: .utf8)
        try repo.write("data/activities.rec", now.replacingOccurrences(of: activity("A4", due: "2026-06"), with: doneA4.replacingOccurrences(of: "due: 2026-06", with: "due: 2026-09")))
        try repo.commit("A4 klar och flyttad", on: "2026-08-25")

        let md = try repo.sakerhet(["report", "--format", "markdown", "--as-of", "2026-10-15"])
        let a2 = try XCTUnwrap(md.components(separatedBy: "\n").first { $0.hasPrefix("| A2 Aktivitet A2 |") }, md)
        XCTAssertTrue(a2.contains("klar 2026-08-10, 41 dagar sen"), a2)
        let a3 = try XCTUnwrap(md.components(separatedBy: "\n").first { $0.hasPrefix("| A3 Aktivitet A3 |") }, md)
        XCTAssertFalse(a3.contains("dagar sen"), a3)
        let a4 = try XCTUnwrap(md.components(separatedBy: "\n").first { $0.hasPrefix("| A4 Aktivitet A4 |") }, md)
        XCTAssertTrue(a4.contains("klar 2026-08-10, 41 dagar sen"), a4)
    }

    /// Added, removed and added again within the period: added once. `klar` with no done
    /// date: its row says so.
    func testARecordAddedTwiceIsAddedOnceAndADoneWithoutADateSaysSo() throws {
        let repo = try repo([activity("A1", due: "2026-06"), activity("A2", due: "2026-06")])
        try repo.write("data/activities.rec", activity("A2", due: "2026-06"))
        try repo.commit("A1 bort", on: "2026-03-01")
        try repo.write("data/activities.rec", activity("A2", due: "2026-06").replacingOccurrences(of: "status: pågår", with: "status: klar")
                       + "\n" + activity("A1", due: "2026-12"))
        try repo.commit("A1 tillbaka, A2 klar", on: "2026-03-05")

        let report = try repo.sakerhet(["report", "--as-of", "2026-04-01"], code: 0)
        let added = try XCTUnwrap(report.components(separatedBy: "Tillagda (").dropFirst().first?.components(separatedBy: "\n\n").first, report)
        XCTAssertTrue(added.hasPrefix("3)"), added)
        XCTAssertEqual(added.components(separatedBy: "  A1  ").count, 2, "A1 once: \(added)")
        let md = try repo.sakerhet(["report", "--format", "markdown", "--as-of", "2026-04-01"])
        XCTAssertTrue(md.contains("| A2 Aktivitet A2 |  | Juni 2026 | Enheten för säkerhet | klar | 🟢 grön | **klardatum saknas** |"), md)
        let en = try repo.sakerhet(["--lang", "en", "report", "--format", "markdown", "--as-of", "2026-04-01"])
        XCTAssertTrue(en.contains("**no done date**"), en)
    }

    /// A quarterly control due 2026-Q3 whose done date, 2026-10-05, was written ahead of
    /// time on 2026-09-20. On 2026-10-01 Q3 has ended and the control is not done: it is
    /// late for Q3 (1 day) in the report's row and lists, in `audit` and in the list of late
    /// work; from its done date on, a later period is due and nothing is late.
    func testARecurringControlDoneAheadOfTimeIsLateForItsPeriodUntilThatDay() throws {
        let repo = try repo([activity("A8", due: "2026-Q3", "every: kvartal\n"), activity("A9", due: "2026-12")])
        let path = repo.root.appendingPathComponent("data/activities.rec")
        let text = try String(contentsOf: path, encoding: .utf8)
        try repo.write("data/activities.rec", text.replacingOccurrences(of: "every: kvartal\n", with: "every: kvartal\ndone: 2026-10-05\n"))
        try repo.commit("A8 klardatum", on: "2026-09-20")

        let md = try repo.sakerhet(["report", "--format", "markdown", "--as-of", "2026-10-01"])
        let a8 = try XCTUnwrap(md.components(separatedBy: "\n").first { $0.hasPrefix("| A8 Aktivitet A8 |") }, md)
        XCTAssertTrue(a8.contains("| Kvartal 3 2026 |"), a8)
        XCTAssertTrue(a8.contains("🔴 röd") && a8.contains("1 dag sen"), a8)
        XCTAssertTrue(md.contains("- 🔴 **A8** Aktivitet A8 – 1 dag sen (2026-09-30)"), md)
        let audit = try repo.sakerhet(["audit", "--as-of", "2026-10-01"], code: 1)
        XCTAssertTrue(audit.contains("A8 är försenad sedan 2026-09-30 (1 dag)"), audit)
        let late = try repo.sakerhet(["activities", "list", "--overdue", "--format", "tsv", "--as-of", "2026-10-01"])
        XCTAssertEqual(late.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "\t" }) }, ["A8"], late)
        let show = try repo.sakerhet(["activities", "show", "A8", "--as-of", "2026-10-01"])
        XCTAssertTrue(show.contains("2026-09-30") && !show.contains("Nästa period"), show)

        // From its done date on, the period after the one the date falls in is due (a done
        // date written by hand counts so: docs/format.md, "Recurrence").
        let after = try repo.sakerhet(["report", "--format", "markdown", "--as-of", "2026-10-06"])
        let row = try XCTUnwrap(after.components(separatedBy: "\n").first { $0.hasPrefix("| A8 Aktivitet A8 |") }, after)
        XCTAssertTrue(row.contains("| Kvartal 1 2027 |") && !row.contains("röd"), row)
        try repo.sakerhet(["audit", "--as-of", "2026-10-06"])
        let none = try repo.sakerhet(["activities", "list", "--overdue", "--format", "tsv", "--as-of", "2026-10-06"])
        XCTAssertEqual(none.split(separator: "\n").count, 1, none)
    }

    /// Moved 2026-03 → 2026-09 before the second half-year began, then marked `klar` with
    /// `done: 2026-11-20`: in the half-year's report as of 2026-10-15 it was open and late,
    /// and its row keeps its first deadline in view, as an open record's does.
    func testAMovedRecordDoneAfterTheReportsDateKeepsItsFirstDeadline() throws {
        let repo = try repo([activity("A5", due: "2026-03")])
        try repo.sakerhet(["activities", "postpone", "A5", "--to", "2026-09", "--reason", "Personalbrist", "--as-of", "2026-02-01"])
        try repo.commit("A5 flyttad", on: "2026-02-01")
        let path = repo.root.appendingPathComponent("data/activities.rec")
        let text = try String(contentsOf: path, encoding: .utf8)
        try repo.write("data/activities.rec", text.replacingOccurrences(of: "status: pågår\n", with: "status: klar\ndone: 2026-11-20\n"))
        try repo.commit("A5 klar", on: "2026-08-01")

        let md = try repo.sakerhet(["report", "--format", "markdown", "--period", "2026-H2", "--as-of", "2026-10-15"])
        let row = try XCTUnwrap(md.components(separatedBy: "\n").first { $0.hasPrefix("| A5 Aktivitet A5 |") }, md)
        XCTAssertTrue(row.contains("Först planerad till 2026-03."), row)
        XCTAssertTrue(row.contains("🔴 röd") && row.contains("15 dagar sen"), row)
        // The list and `show` say the same of it: open that day, late, moved.
        let list = try repo.sakerhet(["activities", "list", "--format", "tsv", "--as-of", "2026-10-15"])
        XCTAssertTrue(list.contains("\tklar\tröd (15 d sen)"), list)
        // Done by the end of the year: closed, and no first deadline in its comment.
        let later = try repo.sakerhet(["report", "--format", "markdown", "--period", "2026-H2", "--as-of", "2026-12-31"])
        let done = try XCTUnwrap(later.components(separatedBy: "\n").first { $0.hasPrefix("| A5 Aktivitet A5 |") }, later)
        XCTAssertFalse(done.contains("Först planerad"), done)
    }

    /// A1 late from 2027-01-01, moved to löpande on 2027-02-01 (with the reason `set` asks
    /// for on late work); A2 moved a quarter later and on time. Each is gul for its move, and
    /// the summary names both where its gul is counted, in every format and in JSON; a record
    /// never moved is not there.
    func testARecordGulForItsMoveAloneIsListedInTheSummary() throws {
        let repo = try repo([activity("A1", due: "2026-12"), activity("A2", due: "2027-06"), activity("A3", due: "2027-09")])
        try repo.sakerhet(["activities", "set", "A1", "due=löpande", "reason=Blir en stående kontroll", "--as-of", "2027-02-01"])
        try repo.sakerhet(["activities", "postpone", "A2", "--to", "2027-09", "--reason", "Personalbrist", "--as-of", "2027-02-01"])
        try repo.commit("A1 löpande, A2 flyttad", on: "2027-02-01")
        let asOf = ["--as-of", "2027-05-10", "--period", "2027"]

        let text = try repo.sakerhet(["report"] + asOf)
        XCTAssertTrue(text.contains("Aktiviteter       1 grön, 2 gula, 0 röda, 0 grå av 3"), text)
        XCTAssertTrue(text.contains("Flyttade sedan periodens början, i tid mot det nya slutdatumet (2)"), text)
        let lines = text.components(separatedBy: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  A1 ") && $0.hasSuffix("2026-12 → löpande") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  A2 ") && $0.contains("→") }, text)
        let md = try repo.sakerhet(["report", "--format", "markdown"] + asOf)
        XCTAssertTrue(md.contains("### Flyttade sedan periodens början, i tid mot det nya slutdatumet (2)"), md)
        let en = try repo.sakerhet(["report", "--lang", "en"] + asOf)
        XCTAssertTrue(en.contains("Moved since the period began, on time by the new deadline (2)"), en)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(repo.sakerhet(["report", "--format", "json"] + asOf).utf8)) as? [String: Any])
        let summary = try XCTUnwrap((json["report"] as? [String: Any])?["summary"] as? [String: Any])
        XCTAssertEqual((summary["moved"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["A1", "A2"])
        // `days` is the days left to the new deadline (A2: 2027-05-10 to 2027-09-30), as a
        // Line's are; löpande has no last day.
        XCTAssertEqual((summary["moved"] as? [[String: Any]])?.compactMap { $0["days"] as? Int }, [0, 143])
    }
}
