// What the report's Klara says about recurring controls and corrected dates, read from a
// real repository whose commits are made at chosen dates by the tool's own `done`: every
// occurrence of a standing control (`due: löpande`) is listed, a corrected occurrence is
// listed once as corrected (no other period is said to be done), and a corrected done
// date moves the closing to the period it belongs to.

import Foundation
import XCTest

final class OccurrenceTruthTests: XCTestCase {
    func testKlaraListsWhatWasDoneAsLastWritten() throws {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", "id: sbs\nname: Enheten för säkerhet\nkind: enhet\n")
        try repo.write("data/goals.rec", "id: M1\ntitle: Mål\nowner: sbs\ndue: 2025-12-31\nstatus: pågår\n")
        try repo.write("data/activities.rec", """
            id: A1
            title: Löpande kontroll
            goal: M1
            owner: sbs
            every: kvartal
            due: löpande
            status: pågår

            id: A2
            title: Kvartalskontroll
            goal: M1
            owner: sbs
            every: kvartal
            due: 2025-Q1
            status: pågår

            id: A3
            title: Utbildning
            goal: M1
            owner: sbs
            due: 2025-06
            status: pågår

            """)
        try repo.commit("Plan", on: "2024-12-01")
        func sakerhet(_ args: [String]) throws {
            let r = try LogBinary.run(args + ["--data", "data"], in: repo.root)
            XCTAssertEqual(r.exitCode, 0, r.stderr)
        }
        try sakerhet(["activities", "done", "A1", "--date", "2025-03-10", "--outcome", "utan anmärkning", "--evidence", "Protokoll Q1"])
        try sakerhet(["activities", "done", "A2", "--date", "2025-03-10", "--outcome", "utan anmärkning"])
        try sakerhet(["activities", "done", "A3", "--date", "2025-02-10"])
        try repo.commit("Q1", on: "2025-03-11")
        try sakerhet(["activities", "done", "A1", "--date", "2025-06-10", "--outcome", "avvikelse", "--evidence", "Protokoll Q2"])
        // A2's Q1 check was in fact made in April, with a deviation (its `due` stays at Q2);
        // A3 was in fact done in May.
        let file = repo.root.appendingPathComponent("data/activities.rec")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "occurrence: 2025-Q1 2025-03-10 utan anmärkning\n", with: "occurrence: 2025-Q1 2025-04-10 avvikelse\n")
            .replacingOccurrences(of: "done: 2025-02-10", with: "done: 2025-05-20")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try repo.commit("Q2, och rättelser", on: "2025-06-11")

        func klara(_ period: String) throws -> [String] {
            let r = try LogBinary.run(["report", "--as-of", "2025-07-15", "--period", period, "--format", "json", "--data", "data"], in: repo.root)
            XCTAssertEqual(r.exitCode, 0, r.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let report = try XCTUnwrap(json["report"] as? [String: Any])
            let closed = try XCTUnwrap((report["history"] as? [String: Any])?["closed"] as? [[String: Any]])
            return closed.map { "\($0["date"]!) \($0["id"]!) \($0["occurrence"] as? String ?? "klar") \($0["outcome"] as? String ?? "-")" }
        }
        XCTAssertEqual(try klara("2025-Q1"), ["2025-03-10 A1 2025-Q1 utan anmärkning"])
        XCTAssertEqual(try klara("2025-Q2"), ["2025-04-10 A2 2025-Q1 avvikelse", "2025-05-20 A3 klar -", "2025-06-10 A1 2025-Q2 avvikelse"])
        let log = try LogBinary.run(["log", "A2", "--data", "data"], in: repo.root)
        XCTAssertFalse(log.stdout.contains("tillfälle 2025-Q2"), log.stdout)
    }
}
