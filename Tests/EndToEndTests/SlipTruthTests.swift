// The deadline-slips section says where each deadline is now: a deadline moved later and
// then back is shown with its deadline now and a net slip of 0 days, and a deadline moved
// to `?` has an unknown total, not 0 days; every format has the deadline before the first
// move and the deadline now (the lead sentence promises both).

import Foundation
import XCTest

final class SlipTruthTests: XCTestCase {
    private func repo() throws -> LogRepo {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", "id: sbs\nname: Enheten för säkerhet\nkind: enhet\n")
        try repo.write("data/goals.rec", "id: M1\ntitle: Mål\nowner: sbs\ndue: 2025-12-31\nstatus: pågår\n")
        try repo.write("data/activities.rec", """
            id: P6
            title: Flyttad och tillbaka
            goal: M1
            owner: sbs
            due: 2025-03-31
            status: pågår

            id: P5
            title: Flyttad till okänt
            goal: M1
            owner: sbs
            due: 2025-03-31
            status: pågår

            id: P7
            title: Flyttad två gånger
            goal: M1
            owner: sbs
            due: 2025-03-31
            status: pågår

            """)
        try repo.commit("Plan", on: "2025-01-10")
        func sakerhet(_ args: [String]) throws {
            let r = try LogBinary.run(args + ["--data", "data"], in: repo.root)
            XCTAssertEqual(r.exitCode, 0, r.stderr)
        }
        try sakerhet(["activities", "postpone", "P6", "--to", "2025-05-31", "--reason", "Tillfälligt", "--as-of", "2025-02-01"])
        try sakerhet(["activities", "postpone", "P7", "--to", "2025-04-30", "--reason", "Första", "--as-of", "2025-02-01"])
        try repo.commit("P6 och P7 flyttade", on: "2025-02-01")
        try sakerhet(["activities", "set", "P6", "due=2025-03-31", "--as-of", "2025-04-01"])
        try sakerhet(["activities", "postpone", "P5", "--to", "?", "--reason", "Inväntar beslut", "--as-of", "2025-04-01"])
        try sakerhet(["activities", "postpone", "P7", "--to", "2025-06-30", "--reason", "Andra", "--as-of", "2025-04-01"])
        try repo.commit("P6 tillbaka, P5 okänt, P7 igen", on: "2025-04-01")
        return repo
    }

    private func run(_ repo: LogRepo, _ args: [String]) throws -> String {
        let r = try LogBinary.run(args + ["--data", "data", "--as-of", "2025-06-01"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        return r.stdout
    }

    func testEachSlipSaysWhereTheDeadlineIsNow() throws {
        let repo = try repo()
        // `log --as-of` ends on that date, as `--until` does: a move committed after it is
        // not counted.
        let asOf = try LogBinary.run(["log", "--slips", "--as-of", "2025-03-01", "--data", "data"], in: repo.root)
        XCTAssertEqual(asOf.exitCode, 0, asOf.stderr)
        XCTAssertTrue(asOf.stdout.contains("P7") && asOf.stdout.contains("2025-03-31 → 2025-04-30"), asOf.stdout)
        XCTAssertFalse(asOf.stdout.contains("P5") || asOf.stdout.contains("2025-06-30"), asOf.stdout)
        let until = try LogBinary.run(["log", "--slips", "--until", "2025-03-01", "--data", "data"], in: repo.root)
        XCTAssertEqual(asOf.stdout, until.stdout)

        let text = try run(repo, ["report"]).replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(text.contains("P6 Flyttad och tillbaka (sbs): 2025-03-31 → 2025-03-31, flyttad 1 gång, totalt 61 dagar, netto 0 dagar"), text)
        XCTAssertTrue(text.contains("P5 Flyttad till okänt (sbs): 2025-03-31 → ?, flyttad 1 gång, slutdatumet nu okänt"), text)
        XCTAssertTrue(text.contains("P7 Flyttad två gånger (sbs): 2025-03-31 → 2025-06-30, flyttad 2 gånger, totalt 91 dagar\n"), text)
        XCTAssertFalse(text.contains("totalt 0 dagar"), text)

        let md = try run(repo, ["report", "--format", "markdown"])
        XCTAssertTrue(md.contains("| Post | Titel | Ansvarig | Från | Nu | Antal | Dagar totalt |"), md)
        XCTAssertTrue(md.contains("| P6 | Flyttad och tillbaka | sbs | 2025-03-31 | 2025-03-31 | 1 | 61 (netto 0) |"), md)
        XCTAssertTrue(md.contains("| P5 | Flyttad till okänt | sbs | 2025-03-31 | ? | 1 | ? |"), md)
        XCTAssertTrue(md.contains("| P7 | Flyttad två gånger | sbs | 2025-03-31 | 2025-06-30 | 2 | 91 |"), md)

        let html = try run(repo, ["report", "--format", "html", "--lang", "en"])
        XCTAssertTrue(html.contains("<th scope=\"col\">From</th><th scope=\"col\">Now</th>") || html.contains("<th>From</th><th>Now</th>"), "html headers")
        XCTAssertTrue(html.contains("<td>P6</td><td>Flyttad och tillbaka</td><td>sbs</td><td class=\"date\">2025-03-31</td><td class=\"date\">2025-03-31</td><td class=\"num\">1</td><td class=\"num\">61 (net 0)</td>"), "html P6")

        let log = try run(repo, ["log", "--slips"])
        XCTAssertTrue(log.contains("P6 Flyttad och tillbaka (sbs)\n  flyttad 1 gång, totalt 61 dagar, netto 0 dagar\n"), log)
        XCTAssertTrue(log.contains("P5 Flyttad till okänt (sbs)\n  flyttad 1 gång, slutdatumet nu okänt\n"), log)

        let json = try JSONSerialization.jsonObject(with: Data(try run(repo, ["log", "--slips", "--format", "json"]).utf8)) as? [String: Any]
        let slips = try XCTUnwrap(json?["slips"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: slips.map { ($0["id"] as? String ?? "", $0) })
        XCTAssertEqual(byID["P6"]?["to"] as? String, "2025-03-31")
        XCTAssertEqual(byID["P6"]?["net_days"] as? Int, 0)
        XCTAssertEqual(byID["P6"]?["total_days"] as? Int, 61)
        XCTAssertTrue(byID["P5"]?["total_days"] == nil || byID["P5"]?["total_days"] is NSNull, "unknown, not 0")
        XCTAssertNotNil(byID["P5"]?["count"])
        XCTAssertEqual(byID["P7"]?["net_days"] as? Int, 91)
    }

    /// A moved deadline shows the one at the start of the period wherever it is shown: in
    /// the due-soon list and under its owner, in every format and in JSON.
    func testAMovedDeadlineShowsItsOriginalInTheSummaryAndPerOwner() throws {
        let repo = try repo()
        let md = try run(repo, ["report", "--format", "markdown"])
        XCTAssertTrue(md.contains("| P7 | Flyttad två gånger | Enheten för säkerhet | 2025-06-30 (urspr. 2025-03-31) | 29 |"), md)
        XCTAssertTrue(md.contains("**P7** Flyttad två gånger – snart, senast 2025-06-30 (urspr. 2025-03-31)"), md)
        let text = try run(repo, ["report"])
        XCTAssertTrue(text.contains("Flyttad två gånger (2025-06-30 (urspr. 2025-03-31))"), text)
        let html = try run(repo, ["report", "--format", "html", "--lang", "en"])
        XCTAssertTrue(html.contains("<td class=\"date\">2025-06-30 (orig. 2025-03-31)</td><td class=\"num\">29</td>"), "html due-soon")
        let json = try JSONSerialization.jsonObject(with: Data(try run(repo, ["report", "--format", "json"]).utf8)) as? [String: Any]
        let report = try XCTUnwrap(json?["report"] as? [String: Any])
        let soon = try XCTUnwrap((report["summary"] as? [String: Any])?["due_soon"] as? [[String: Any]])
        XCTAssertEqual(soon.first { $0["id"] as? String == "P7" }?["original"] as? String, "2025-03-31")
    }

    /// A report as of a day shows no history committed after that day: the moves of
    /// 2025-04-01 are not in a report as of 2025-03-01, those of 2025-02-01 are.
    func testTheHistoryEndsAtTheReportsDate() throws {
        let repo = try repo()
        let r = try LogBinary.run(["report", "--data", "data", "--as-of", "2025-03-01", "--format", "json"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let history = try XCTUnwrap((json?["report"] as? [String: Any])?["history"] as? [String: Any])
        let postponed = (history["postponed"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "") \($0["date"] ?? "")" }
        XCTAssertEqual(postponed.sorted(), ["P6 2025-02-01", "P7 2025-02-01"])
        let slips = (history["slips"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        XCTAssertEqual(slips.sorted(), ["P6", "P7"])
        let text = try run(repo, ["report"])
        XCTAssertTrue(text.contains("P5"), "as of 2025-06-01 the later moves are there")
    }

    /// A record moved before the report's period began keeps the deadline it was first
    /// planned with in view ("Först planerad till …"), though its signal follows the
    /// period's baseline; one moved back to its first deadline says nothing.
    func testADeadlineMovedBeforeThePeriodKeepsItsFirstInView() throws {
        let repo = try repo()
        let json = try JSONSerialization.jsonObject(with: Data(try run(repo, ["report", "--period", "2025-T2", "--format", "json"]).utf8)) as? [String: Any]
        let groups = try XCTUnwrap((json?["report"] as? [String: Any])?["activity_groups"] as? [[String: Any]])
        let rows = Dictionary(uniqueKeysWithValues: groups.flatMap { $0["rows"] as? [[String: Any]] ?? [] }.map { ($0["id"] as? String ?? "", $0) })
        XCTAssertEqual(rows["P7"]?["planned"] as? String, "2025-03-31")
        XCTAssertNil(rows["P7"]?["original"], "moved before T2 began: no baseline move")
        XCTAssertTrue((rows["P7"]?["comment"] as? String ?? "").hasPrefix("Först planerad till 2025-03-31."))
        XCTAssertNil(rows["P6"]?["planned"], "moved back to its first deadline")
        let md = try run(repo, ["report", "--period", "2025-T2", "--format", "markdown", "--lang", "en"])
        XCTAssertTrue(md.contains("First planned for 2025-03-31."), md)
    }

    /// With `--until`, an uncommitted change is left out of the deadline "now" as it is of
    /// the moves: the net never exceeds what the moves counted.
    func testUntilLeavesAnUncommittedChangeOutOfNow() throws {
        let repo = try repo()
        let moved = try LogBinary.run(["activities", "postpone", "P7", "--to", "2025-09-30", "--reason", "Tredje", "--as-of", "2025-05-01", "--data", "data"], in: repo.root)
        XCTAssertEqual(moved.exitCode, 0, moved.stderr)
        let r = try LogBinary.run(["log", "--slips", "--until", "2025-06-01", "--format", "json", "--data", "data"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let slips = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["slips"] as? [[String: Any]])
        let p7 = try XCTUnwrap(slips.first { $0["id"] as? String == "P7" })
        XCTAssertEqual(p7["to"] as? String, "2025-06-30")
        XCTAssertEqual(p7["net_days"] as? Int, 91)
        XCTAssertEqual(p7["total_days"] as? Int, 91)
        // Without --until the uncommitted move counts, in the moves and in now alike.
        let all = try LogBinary.run(["log", "--slips", "--format", "json", "--data", "data"], in: repo.root)
        let p7all = try XCTUnwrap(((try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])?["slips"] as? [[String: Any]])?.first { $0["id"] as? String == "P7" })
        XCTAssertEqual(p7all["to"] as? String, "2025-09-30")
        XCTAssertEqual(p7all["net_days"] as? Int, p7all["total_days"] as? Int)
    }
}

