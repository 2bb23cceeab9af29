import Foundation
import XCTest

/// `export` → `import` gives the same activities: the workbook the controller gets reads
/// back into a new plan (issue 15, "import reads it back to the same records").
///
/// Needs the `import` command (the import branch); until it is merged this test fails
/// with a message that says so.
final class ExportImportRoundTripTests: EndToEndCase {
    func testExportThenImportGivesTheSameActivities() throws {
        let source = try copyOfShippedData()
        let asOf = ["--as-of", EndToEndCase.planDate]
        let exported = try run(["export", "-o", "plan.xlsx"] + asOf, in: source)
        XCTAssertEqual(exported.exitCode, 0, exported.stderr)
        let workbook = source.appendingPathComponent("plan.xlsx").path

        let help = try run(["help", "import"], in: source)
        guard help.exitCode == 0 else {
            throw TestError("sakerhet has no 'import' command yet (it comes with the import branch of issue 15): \(help.stderr)")
        }

        // A new plan, then the goals (top-level first, so the sub-goals find their parents)
        // and the activities, sheet by sheet.
        let fresh = try makeTempFolder()
        let initRun = try run(["init", "plan"], in: fresh)
        XCTAssertEqual(initRun.exitCode, 0, initRun.stderr)
        let plan = fresh.appendingPathComponent("plan")
        for (sheet, kind) in [("Mål", "goals"), ("Delmål", "goals"), ("Aktiviteter", "activities")] {
            let r = try run(["import", workbook, "--sheet", sheet, "--kind", kind] + asOf, in: plan)
            XCTAssertEqual(r.exitCode, 0, "import --sheet \(sheet): \(r.output)")
        }

        let before = try activities(in: source), after = try activities(in: plan)
        XCTAssertEqual(after.count, before.count, "every activity came back")
        XCTAssertEqual(Set(after.keys), Set(before.keys), "the ids are kept")
        for (id, was) in before.sorted(by: { $0.key < $1.key }) {
            guard let now = after[id] else { continue }
            for field in ["title", "goal", "owner_name", "due", "status"] {
                XCTAssertEqual(now[field], was[field], "\(id).\(field)")
            }
        }

        // A column read by its label alone (Källa: no import word lists it) comes back too.
        func sources(_ root: URL) throws -> [String] {
            try String(contentsOf: root.appendingPathComponent("data/activities.rec"), encoding: .utf8)
                .split(separator: "\n").filter { $0.hasPrefix("source: ") }.map(String.init).sorted()
        }
        XCTAssertFalse(try sources(source).isEmpty)
        XCTAssertEqual(try sources(plan), try sources(source), "every activity's source came back")

        // Importing the same sheet again adds nothing.
        let snapshot = try dataSnapshot(plan)
        let again = try run(["import", workbook, "--sheet", "Aktiviteter", "--kind", "activities"] + asOf, in: plan)
        XCTAssertEqual(again.exitCode, 0, again.output)
        try assertDataUnchanged(plan, since: snapshot)
    }

    /// `activities list --format json` as id → field → value.
    func activities(in root: URL) throws -> [String: [String: String]] {
        let r = try run(["activities", "list", "--format", "json", "--as-of", EndToEndCase.planDate], in: root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let rows = json?["rows"] as? [[String: Any]] ?? []
        var out: [String: [String: String]] = [:]
        for row in rows {
            guard let id = row["id"] as? String else { continue }
            out[id] = row.compactMapValues { $0 as? String }
        }
        return out
    }
}
