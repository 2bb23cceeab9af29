// The report read from a dated git history by the built binary: each record is listed by
// what it is at the report's date (a reopened record is not under Klara), nothing
// committed after --as-of is shown, and the report says which records changed after it;
// a late deadline dropped to `löpande` is a postponement.

import Foundation
import XCTest

final class ReportDateTruthTests: XCTestCase {
    private func activity(_ id: String, due: String, status: String = "pågår", extra: String = "") -> String {
        "id: \(id)\ntitle: Aktivitet \(id)\ngoal: D2\nowner: sbs\ndue: \(due)\nstatus: \(status)\n" + extra + "\n"
    }

    func testReopenedLateAndStandingAtTheReportDate() throws {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", LogPlan.owners)
        try repo.write("data/goals.rec", LogPlan.goals)
        func acts(a1: String, a2: String, a3: String) throws {
            try repo.write("data/activities.rec", a1 + a2 + a3)
        }
        let a1Open = activity("A1", due: "2026-03"), a1Done = activity("A1", due: "2026-03", status: "klar", extra: "done: 2026-03-10\n")
        let a2Open = activity("A2", due: "2026-02"), a2Standing = activity("A2", due: "löpande")
        let a3Open = activity("A3", due: "2026-05"), a3Done = activity("A3", due: "2026-05", status: "klar", extra: "done: 2026-04-01\n")
        try acts(a1: a1Open, a2: a2Open, a3: a3Open)
        try repo.commit("Planen", on: "2025-12-15")
        try acts(a1: a1Done, a2: a2Open, a3: a3Open)
        try repo.commit("A1 klar", on: "2026-03-10")
        try acts(a1: a1Done, a2: a2Standing, a3: a3Open)
        try repo.commit("A2 löpande", on: "2026-03-12")
        try acts(a1: a1Open, a2: a2Standing, a3: a3Open)
        try repo.commit("A1 återöppnad", on: "2026-05-20")
        // After the report's date: A3 set done, back-dated into the period.
        try acts(a1: a1Open, a2: a2Standing, a3: a3Done)
        try repo.commit("A3 klar", on: "2026-07-01")

        let r = try LogBinary.run(["report", "--as-of", "2026-06-15", "--period", "2026", "--format", "json", "--data", "data"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let history = try XCTUnwrap((json["report"] as? [String: Any])?["history"] as? [String: Any])
        func ids(_ key: String) -> [String] { (history[key] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        XCTAssertEqual(ids("closed"), [], "A1 was reopened; A3 was closed after the report's date")
        XCTAssertEqual(ids("reopened"), ["A1"])
        XCTAssertEqual((history["reopened"] as? [[String: Any]])?.first?["reopened_from"] as? String, "klar")
        XCTAssertEqual(ids("postponed"), ["A2"])
        let warnings = (history["warnings"] as? [[String: String]] ?? []).compactMap { $0["sv"] }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].hasPrefix("Rapportdagen 2026-06-15 ligger före senare incheckningar: 1 post ändrades efter den (A3)."), warnings[0])

        let text = try LogBinary.run(["report", "--as-of", "2026-06-15", "--period", "2026", "--data", "data"], in: repo.root)
        // The warning is under the report's head, before its tables, and not again below.
        let top = try XCTUnwrap(text.stdout.components(separatedBy: "SAMMANFATTNING").first)
        XCTAssertTrue(top.contains("Obs: Rapportdagen 2026-06-15 ligger före senare incheckningar"), top)
        XCTAssertEqual(text.stdout.components(separatedBy: "ligger före senare incheckningar").count, 2, text.stdout)
        XCTAssertTrue(text.stdout.contains("Återöppnade (1)\n  2026-05-20  A1  Aktivitet A1: återöppnad (var klar)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("A2 Aktivitet A2 (sbs): 2026-02 → löpande, flyttad 1 gång, nu löpande, utan slutdatum"), text.stdout)
        // Today's report (after every commit) lists A3 as done and warns of nothing.
        let later = try LogBinary.run(["report", "--as-of", "2026-07-02", "--period", "2026", "--format", "json", "--data", "data"], in: repo.root)
        let laterJSON = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        let laterHistory = try XCTUnwrap((laterJSON["report"] as? [String: Any])?["history"] as? [String: Any])
        XCTAssertEqual((laterHistory["closed"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["A3"])
        XCTAssertEqual((laterHistory["warnings"] as? [Any])?.count, 0)
    }
}
