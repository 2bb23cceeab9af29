import Foundation
import XCTest

/// Issue 12: a goal closed over open work and an unowned red finding are warned of, and the
/// report's summary counts mål and delmål apart, in text, Markdown, HTML and JSON alike.
final class GoalTruthTests: EndToEndCase {
    /// One goal marked klar over a sub-goal and four activities that are open, and an
    /// auditor's red recommendation with `due: ?`, no status and no action.
    static let plan: [String: [UInt8]] = [
        "owners.rec": Array("id: sbs\nname: Enheten för säkerhet\nkind: enhet\n".utf8),
        "goals.rec": Array("""
            id: M1
            title: Säkerställa kontinuiteten
            owner: sbs
            due: 2026-12-31
            status: klar
            done: 2026-06-01

            id: D1
            title: Upprätta kontinuitetsplan
            parent: M1
            owner: sbs
            due: 2026-12-31
            status: pågår

            """.utf8),
        "activities.rec": Array((1...4).map { i in
            "id: A\(i)\ntitle: Aktivitet \(i)\ngoal: \(i == 4 ? "D1" : "M1")\nowner: sbs\ndue: 2026-\(i == 1 ? "03" : "09")\nstatus: pågår\n"
        }.joined(separator: "\n").utf8),
        "findings.rec": Array("""
            id: F1
            audit: Granskning av informationssäkerhet
            auditor: Revisionen
            recommendation: Säkerställ att behörigheter följs upp
            assessment: röd
            owner: sbs
            due: ?
            reason: Inväntar svar från förvaltningen

            """.utf8),
    ]

    func testAuditWarnsOfTheClosedGoalAndTheUnownedFindingAndTheReportCountsApart() throws {
        let root = try folder(with: Self.plan)
        let asOf = ["--as-of", "2026-06-30", "--data", "data"]

        let audit = try run(["audit"] + asOf, in: root)
        XCTAssertEqual(audit.exitCode, 1, audit.output)  // A1 is late (error)
        XCTAssertTrue(audit.stdout.contains("M1 är klar men 4 poster under M1 är öppna: D1 (delmål, pågår), A1 (aktivitet, pågår)"), audit.stdout)
        // The open children are named; A4, under D1, shows through D1.
        let m1 = try XCTUnwrap(audit.stdout.split(separator: "\n").first { $0.contains("M1 är klar") })
        XCTAssertTrue(m1.contains("A2 (aktivitet, pågår), A3 (aktivitet, pågår)"), String(m1))
        XCTAssertTrue(audit.stdout.contains("varning: F1 är bedömd röd och öppen, har okänt slutdatum (due: ?) och ingen kopplad åtgärd"), audit.stdout)
        let en = try run(["audit", "--lang", "en"] + asOf, in: root)
        XCTAssertTrue(en.stdout.contains("M1 is done but 4 records under it are open"), en.stdout)
        XCTAssertTrue(en.stdout.contains("F1 is assessed red and open, has an unknown deadline (due: ?) and no linked activity"), en.stdout)

        // Summary: 1 mål and 1 delmål, each in its own row, in every format.
        let text = try run(["report", "--format", "text"] + asOf, in: root).stdout
        XCTAssertTrue(text.contains("  Mål               1 grön, 0 gula, 0 röda, 0 grå av 1\n"), text)
        XCTAssertTrue(text.contains("  Delmål            1 grön, 0 gula, 0 röda, 0 grå av 1\n"), text)
        XCTAssertTrue(text.contains("  Rekommendationer  0 gröna, 1 gul, 0 röda, 0 grå av 1\n"), text)
        let md = try run(["report", "--format", "markdown"] + asOf, in: root).stdout
        XCTAssertTrue(md.contains("| Mål | 1 | 0 | 0 | 0 | 1 |\n| Delmål | 1 | 0 | 0 | 0 | 1 |\n| Aktiviteter | 3 | 0 | 1 | 0 | 4 |\n"), md)
        // The goal's own status beside the worst signal open below it (A1 is late).
        XCTAssertTrue(md.contains("| klar | 🟢 grön | 🔴 röd |"), md)
        let html = try run(["report", "--format", "html"] + asOf, in: root).stdout
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">Mål</th><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>"), html)
        XCTAssertTrue(html.contains("<tr><th scope=\"row\">Delmål</th><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>"), html)
        XCTAssertTrue(html.contains("Öppet under"), html)
        let jsonText = try run(["report", "--format", "json"] + asOf, in: root).stdout
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        XCTAssertEqual(json["schema"] as? String, "sakerhet.report/3")
        let report = try XCTUnwrap(json["report"] as? [String: Any])
        let summary = try XCTUnwrap(report["summary"] as? [String: Any])
        XCTAssertEqual(summary["goals"] as? [String: Int], ["green": 1, "yellow": 0, "red": 0, "grey": 0])
        XCTAssertEqual(summary["subgoals"] as? [String: Int], ["green": 1, "yellow": 0, "red": 0, "grey": 0])
        XCTAssertEqual(summary["findings"] as? [String: Int], ["green": 0, "yellow": 1, "red": 0, "grey": 0])
        let goals = try XCTUnwrap(report["goals"] as? [[String: Any]])
        XCTAssertEqual(goals.first?["status"] as? String, "klar")
        XCTAssertEqual(goals.first?["below"] as? String, "red")

        // goals list and show give the same signal beside the status.
        let list = try run(["goals", "list"] + asOf, in: root).stdout
        XCTAssertTrue(list.contains("Öppet under"), list)
        let m1row = try XCTUnwrap(list.split(separator: "\n").first { $0.hasPrefix("M1 ") })
        XCTAssertEqual(m1row.split(separator: " ").suffix(3), ["klar", "grön", "röd"], String(m1row))
        let show = try run(["goals", "show", "M1"] + asOf, in: root).stdout
        XCTAssertTrue(show.contains("Öppet under: röd (D1, A1, A2, A3)"), show)
    }
}
