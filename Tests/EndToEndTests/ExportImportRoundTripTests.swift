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

    /// Every field `export` writes comes back from `import`, value for value: the shipped
    /// plan with records added for the fields it does not use (a goal's indicator, target
    /// and level, an activity with two owners and its occurrences, a finding's kind and
    /// basis) and follow-ups of a goal, a sub-goal and an activity (the Uppföljningar
    /// sheet), exported, then imported in one command into a new folder with only the
    /// areas and settings (`config.rec`) copied, so the owners come from the workbook.
    /// The order of fields is normalised: each record's fields are grouped by key, and the
    /// values of a repeated key keep their order.
    func testExportThenImportGivesEveryFieldBack() throws {
        let source = try copyOfShippedData()
        let data = source.appendingPathComponent("data")
        func append(_ file: String, _ text: String) throws {
            let url = data.appendingPathComponent(file)
            let old = try String(contentsOf: url, encoding: .utf8)
            try (old + "\n" + text).write(to: url, atomically: true, encoding: .utf8)
        }
        try append("owners.rec", "id: rtj\nname: Räddningstjänsten\nkind: extern\n")
        try append("goals.rec", """
            id: M9
            title: Stärkt förmåga att motstå välfärdsbrott
            owner: sf
            owner: sbs
            due: 2025
            status: pågår
            indicator: Andel enheter med genomförd riskanalys
            target: 100 %

            id: D90
            title: Kontinuitetsplaner
            parent: M9
            owner: sf
            due: 2025-H2
            status: pågår
            level: målområde
            assumed: due

            """)
        try append("activities.rec", """
            id: A90
            title: Gemensam utrymningsövning
            goal: D90
            owner: rtj
            owner: sbs
            due: 2025-H2
            status: ej påbörjad

            id: A91
            title: Kvartalsvis behörighetsuppföljning
            goal: D90
            owner: sbs
            due: 2024-Q4
            every: kvartal
            status: pågår
            done: 2024-06-20
            occurrence: 2024-Q1 2024-03-20 avvikelse: Protokoll IK Q1
            occurrence: 2024-Q2 2024-06-20 utan anmärkning

            id: A92
            title: Struken övning
            goal: D90
            owner: sbs
            due: 2025-09
            status: struken
            reason: Uteblev efter dialog med KS
            assumed: status

            """)
        try append("findings.rec", """
            id: F90
            audit: Granskning av dataskydd 2025
            recommendation: Anmäl incidenter inom 72 timmar
            assessment: gul
            owner: sbs
            owner: rtj
            due: 2025-H2
            status: pågår
            kind: avvikelse
            basis: Jf. dataskyddsförordningen art. 33
            action: A91
            action: A90

            """)
        try EndToEndCase.shippedFollowups.write(to: data.appendingPathComponent("followups.rec"), atomically: true, encoding: .utf8)
        let asOf = ["--as-of", EndToEndCase.planDate]
        let audit = try run(["audit", "--no-time"] + asOf, in: source)
        XCTAssertFalse(audit.stdout.contains("fel:"), "the plan passes audit before export: \(audit.output)")
        let exported = try run(["export", "-o", "plan.xlsx"] + asOf, in: source)
        XCTAssertEqual(exported.exitCode, 0, exported.stderr)
        let workbook = source.appendingPathComponent("plan.xlsx").path

        let fresh = try makeTempFolder()
        let initRun = try run(["init", "plan"], in: fresh)
        XCTAssertEqual(initRun.exitCode, 0, initRun.stderr)
        let plan = fresh.appendingPathComponent("plan")
        for file in ["areas.rec", "config.rec"] {
            let to = plan.appendingPathComponent("data/" + file)
            try FileManager.default.removeItem(at: to)
            try FileManager.default.copyItem(at: data.appendingPathComponent(file), to: to)
        }
        // One command reads the whole workbook: its sheets are named after the kinds, so each
        // is read as its kind (Mål and Delmål as goals), in the workbook's order (goals before
        // the sub-goals that name them, activities before the risks, findings and follow-ups
        // that name them), the owners' sheet first.
        let r = try run(["import", workbook] + asOf, in: plan)
        XCTAssertEqual(r.exitCode, 0, "import: \(r.output)")
        XCTAssertFalse(r.stderr.contains("placerades inte"), "every column is read or known as worked out: \(r.stderr)")
        XCTAssertFalse(r.stderr.contains("lästes inte. Importera"), "no sheet is left unread: \(r.stderr)")
        // `init`'s sf has no contact; the import adds, it does not change, and says so.
        XCTAssertTrue(r.stderr.contains("plan.xlsx, blad Ansvariga, rad 3: raden är sf i mappen, med andra värden (contact); importen lägger bara till poster och ändrar inte sf; ändra i owners.rec"), r.stderr)

        func normalised(_ r: TestRecord) -> [String] {
            var keys: [String] = []
            for f in r.fields where !keys.contains(f.key) { keys.append(f.key) }
            return keys.sorted().flatMap { k in r.values(k).map { "\(k): \($0)" } }
        }
        for file in ["goals.rec", "activities.rec", "risks.rec", "findings.rec", "followups.rec"] {
            let before = try RecText.records(in: data.appendingPathComponent(file))
            let after = Dictionary(try RecText.records(in: plan.appendingPathComponent("data/" + file)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(after.count, before.count, "\(file): every record came back")
            for was in before {
                guard let now = after[was.id] else { XCTFail("\(file): \(was.id) did not come back"); continue }
                XCTAssertEqual(normalised(now), normalised(was), "\(file): \(was.id)")
            }
        }
        // Every owner comes back from the Ansvariga sheet, with its type, parent and contact;
        // those the new folder had already (sn and sf, from `init`) are left as they were.
        let owners = try RecText.records(in: data.appendingPathComponent("owners.rec"))
        let template = Set(try RecText.records(in: fresh.appendingPathComponent("plan/data/owners.rec")).map(\.id)).intersection(["sn", "sf"])
        let ownersAfter = Dictionary(try RecText.records(in: plan.appendingPathComponent("data/owners.rec")).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(Set(ownersAfter.keys), Set(owners.map(\.id)), "every owner, and no other")
        for was in owners where !template.contains(was.id) {
            XCTAssertEqual(ownersAfter[was.id].map(normalised), normalised(was), "owner \(was.id)")
        }
        XCTAssertEqual(ownersAfter["sbs"]?.value("parent"), "stod")
        let check = try run(["audit", "--no-time"] + asOf, in: plan)
        XCTAssertFalse(check.stdout.contains("fel:"), check.output)
    }

    /// One sheet asked for by name is read by its columns: the exported Mål sheet as goals,
    /// and a notice names it by its first cells and says that `--kind activities` reads it
    /// otherwise; the Ansvariga sheet, which only its name tells, as owners.
    func testASheetAskedForByNameIsReadByItsColumnsButOwnersByName() throws {
        let (source, book, plan) = try exportedAndFresh()
        var r = try run(["import", book, "--sheet", "Ansvariga"] + asOf, in: plan)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertEqual(try RecText.records(in: plan.appendingPathComponent("data/owners.rec")).map(\.id), ["sn", "sf", "flg", "stod", "sbs", "meb", "fie", "sbb", "kssak"])
        for (lang, want) in [("sv", "plan.xlsx, blad Mål ('Id', 'Rubrik', 'Område', …): läses som mål, inte aktiviteter"),
                             ("en", "plan.xlsx, sheet Mål ('Id', 'Rubrik', 'Område', …): read as goals, not activities")] {
            r = try run(["import", book, "--sheet", "Mål", "--lang", lang] + asOf, in: plan)
            XCTAssertEqual(r.exitCode, 0, r.output)
            XCTAssertTrue(r.stderr.contains(want), r.stderr)
            XCTAssertTrue(r.stderr.contains("--kind activities"), r.stderr)
        }
        let goals = try RecText.records(in: plan.appendingPathComponent("data/goals.rec")).map(\.id)
        let shipped = try RecText.records(in: source.appendingPathComponent("data/goals.rec")).filter { $0.value("parent") == nil }.map(\.id)
        XCTAssertEqual(goals, shipped)
    }

    /// `--kind` picks the sheets of that kind from a workbook named by kinds, and a notice
    /// names the sheets not read.
    func testKindPicksTheSheetsOfAnExportedWorkbook() throws {
        let (_, book, plan) = try exportedAndFresh()
        let r = try run(["import", book, "--kind", "goals", "--dry-run"] + asOf, in: plan)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertTrue(r.stderr.contains("plan.xlsx: läste bladen som är namngivna efter ett slag av poster (--kind goals), 'Mål', 'Delmål'; bladen 'Aktiviteter', 'Risker', 'Rekommendationer', 'Uppföljningar', 'Ansvariga' lästes inte. Importera dem med --sheet NAMN"), r.stderr)
        XCTAssertTrue(r.stdout.contains("+id: M3.3\n") && r.stdout.contains("+id: D5\n"), r.stdout)
        XCTAssertFalse(r.stdout.contains("+id: A1\n") || r.stdout.contains("+id: R1\n"), r.stdout)
    }

    private let asOf = ["--as-of", EndToEndCase.planDate]

    /// The shipped plan exported (its folder and the workbook's path), and a new plan made
    /// by `init` to import into.
    private func exportedAndFresh() throws -> (source: URL, book: String, plan: URL) {
        let source = try copyOfShippedData()
        XCTAssertEqual(try run(["export", "-o", "plan.xlsx"] + asOf, in: source).exitCode, 0)
        let fresh = try makeTempFolder()
        XCTAssertEqual(try run(["init", "plan"], in: fresh).exitCode, 0)
        return (source, source.appendingPathComponent("plan.xlsx").path, fresh.appendingPathComponent("plan"))
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
