// A record given a new id in the same commit that moved its deadline: before, the history
// read it as one record removed and another added, so the move was shown nowhere, the new
// id's row was green against no baseline, and the old id was listed as removed.

import Foundation
import XCTest

final class RenameTruthTests: XCTestCase {
    private func activity(_ id: String, due: String, title: String = "Öva krisledningen") -> String {
        "id: \(id)\ntitle: \(title)\ngoal: M1\nowner: sbs\ndue: \(due)\nstatus: pågår\n"
    }

    /// A1 (due March) becomes A1.1, due September, in April, with no reason: the report of
    /// 2026 shows the move under the new id, late and without a new reason, its row gul
    /// against its baseline, and neither a removal of A1 nor an addition of A1.1.
    func testARecordRenamedAndMovedIsShownMoved() throws {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", "id: sbs\nname: Enheten för säkerhet\nkind: enhet\n")
        try repo.write("data/goals.rec", "id: M1\ntitle: Mål\nowner: sbs\ndue: 2027-12-31\nstatus: pågår\n")
        try repo.write("data/activities.rec", activity("A1", due: "2026-03") + "\n" + activity("A2", due: "2026-12", title: "Annat"))
        try repo.commit("Plan", on: "2025-12-01")
        try repo.write("data/activities.rec", activity("A1.1", due: "2026-09") + "\n" + activity("A2", due: "2026-12", title: "Annat"))
        try repo.commit("Ny numrering", on: "2026-04-15")
        let asOf = ["--as-of", "2026-06-30", "--period", "2026"]

        let md = try repo.sakerhet(["report", "--format", "markdown"] + asOf)
        XCTAssertTrue(md.contains("| A1.1 Öva krisledningen |  | September 2026 (ursprungligen mars 2026) | Enheten för säkerhet | pågår | 🟡 gul |"), md)
        // The move's row names the id the record had, for a reader of last period's report.
        XCTAssertTrue(md.contains("| 2026-04-15 | A1.1 (tidigare A1) | Öva krisledningen | 2026-03 | 2026-09 | +183 | flyttad efter att slutdatumet passerat, utan nytt skäl |"), md)
        XCTAssertTrue(!md.contains("Borttagna") && md.contains("### Tillagda (0)"), "A1 was not removed, A1.1 not added: \(md)")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(repo.sakerhet(["report", "--format", "json"] + asOf).utf8)) as? [String: Any])
        let history = try XCTUnwrap((json["report"] as? [String: Any])?["history"] as? [String: Any])
        let postponed = try XCTUnwrap(history["postponed"] as? [[String: Any]])
        XCTAssertEqual(postponed.map { "\($0["id"] ?? "") \($0["from"] ?? "")→\($0["to"] ?? "")" }, ["A1.1 2026-03→2026-09"])
        XCTAssertEqual(postponed.first?["after_deadline_without_reason"] as? Bool, true)
        XCTAssertEqual(postponed.first?["ids_before"] as? [String], ["A1"])
        let text = try repo.sakerhet(["report", "--lang", "en"] + asOf)
        XCTAssertTrue(text.contains("2026-04-15  A1.1 (formerly A1)  Öva krisledningen: 2026-03 → 2026-09"), text)
        XCTAssertEqual((history["removed"] as? [Any])?.count, 0)
        XCTAssertEqual((history["added"] as? [Any])?.count, 0)

        let slips = try repo.sakerhet(["log", "--slips", "--as-of", "2026-06-30"])
        XCTAssertTrue(slips.contains("A1.1 Öva krisledningen (sbs)\n  flyttad 1 gång, totalt 183 dagar"), slips)
        // The timeline names the id each change was made under.
        let log = try repo.sakerhet(["log", "--as-of", "2026-06-30"])
        XCTAssertTrue(log.contains("  A1.1  id: A1 → A1.1\n  A1.1  due: 2026-03 → 2026-09\n"), log)
        XCTAssertTrue(log.contains("  A1.1  (då A1) skapad: Öva krisledningen\n"), log)
        XCTAssertFalse(log.contains("borttagen"), log)
    }
}
