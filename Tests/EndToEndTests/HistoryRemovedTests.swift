// Nothing leaves the follow-up unseen: a record deleted from the plan in the period is
// listed under "Borttagna ur planen" (late work cannot be made to vanish by deleting it
// instead of striking it), and a record added already done is counted under Klara on its
// done date.

import Foundation
import XCTest

final class HistoryRemovedTests: XCTestCase {
    func testARemovedRecordIsListedAndOneAddedDoneIsClosed() throws {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", "id: sbs\nname: Enheten för säkerhet\nkind: enhet\n")
        try repo.write("data/goals.rec", "id: M1\ntitle: Mål\nowner: sbs\ndue: 2025-12-31\nstatus: pågår\n")
        let a1 = "id: A1\ntitle: Kvar\ngoal: M1\nowner: sbs\ndue: 2025-12-31\nstatus: pågår\n"
        let a5 = "id: A5\ntitle: Sen och borttagen\ngoal: M1\nowner: sbs\ndue: 2025-03-31\nstatus: pågår\n"
        try repo.write("data/activities.rec", a1 + "\n" + a5)
        try repo.commit("Plan", on: "2025-01-10")
        let a9 = "id: A9\ntitle: Klar när den lades till\ngoal: M1\nowner: sbs\ndue: 2025-03-31\nstatus: klar\ndone: 2025-03-01\n"
        try repo.write("data/activities.rec", a1 + "\n" + a5 + "\n" + a9)
        try repo.commit("A9", on: "2025-03-21")
        try repo.write("data/activities.rec", a1 + "\n" + a9)
        try repo.commit("Ta bort A5", on: "2025-06-05")

        let r = try LogBinary.run(["report", "--data", "data", "--as-of", "2025-06-30", "--format", "json"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let history = try XCTUnwrap((json?["report"] as? [String: Any])?["history"] as? [String: Any])
        let removed = history["removed"] as? [[String: Any]] ?? []
        XCTAssertEqual(removed.map { "\($0["id"] ?? "") \($0["date"] ?? "") \($0["title"] ?? "")" }, ["A5 2025-06-05 Sen och borttagen"])
        let closed = history["closed"] as? [[String: Any]] ?? []
        XCTAssertEqual(closed.map { "\($0["id"] ?? "") \($0["date"] ?? "")" }, ["A9 2025-03-01"])

        let text = try LogBinary.run(["report", "--data", "data", "--as-of", "2025-06-30"], in: repo.root).stdout
        XCTAssertTrue(text.contains("Borttagna ur planen (1)\n  2025-06-05  A5  Sen och borttagen"), text)
        let md = try LogBinary.run(["report", "--data", "data", "--as-of", "2025-06-30", "--format", "markdown", "--lang", "en"], in: repo.root).stdout
        XCTAssertTrue(md.contains("### Removed from the plan (1)"), md)
        let html = try LogBinary.run(["report", "--data", "data", "--as-of", "2025-06-30", "--format", "html"], in: repo.root).stdout
        XCTAssertTrue(html.contains("<h3>Borttagna ur planen (1)</h3>"), "html")
        // A period without removals has no such section.
        let before = try LogBinary.run(["report", "--data", "data", "--as-of", "2025-05-31"], in: repo.root).stdout
        XCTAssertFalse(before.contains("Borttagna"), before)
    }
}
