import Foundation
import XCTest

/// Issue 15, import: the same 7-row plan as a workbook, a Swedish-Excel CSV (Windows-1252,
/// `;`) and a Word document (Fixtures/import, made by make_fixtures.py with openpyxl and
/// python-docx), each into a fresh `init` folder.
final class ImportTests: EndToEndCase {
    static let fixtures = Repo.root.appendingPathComponent("Tests/EndToEndTests/Fixtures/import")
    /// Before the plan's deadlines, so nothing is late and the audit is clean.
    static let asOf = "2015-06-01"

    func testWorkbook() throws { try importPlan("plan.xlsx") }
    func testSwedishExcelCSV() throws { try importPlan("plan.csv") }
    func testWordDocument() throws { try importPlan("plan.docx") }

    func importPlan(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try makeTempFolder()
        XCTAssertEqual(try run(["init", "."], in: root).exitCode, 0)
        let source = Self.fixtures.appendingPathComponent(name).path
        let before = try dataSnapshot(root)

        // --dry-run shows the records as a diff and writes nothing.
        let dry = try run(["import", source, "--dry-run", "--as-of", Self.asOf], in: root)
        XCTAssertEqual(dry.exitCode, 0, dry.output, file: file, line: line)
        XCTAssertTrue(dry.stdout.contains("+title: Inventera informationstillgångar"), dry.stdout, file: file, line: line)
        XCTAssertTrue(dry.stdout.contains("+++ "), dry.stdout, file: file, line: line)
        try assertDataUnchanged(root, since: before)

        let r = try run(["import", source, "--as-of", Self.asOf], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output, file: file, line: line)
        XCTAssertTrue(r.stdout.contains("7 aktiviteter"), r.stdout, file: file, line: line)
        // What could not be read is said, with the source's row (in a Word document of
        // several tables, the table's too).
        let row = name.hasSuffix(".docx") ? "\(name), tabell 1, rad " : "\(name):"
        XCTAssertTrue(r.stderr.contains(row) && r.stderr.contains("'Enligt tidsplan från KS'"), r.stderr, file: file, line: line)

        // Five owners, created with the names as written and ids from them. A cell is split
        // only into known owners: "Säkerhetsstrateg och IT-enheten" is two (each stands alone
        // in another row), "Avdelningschef IFO / Säkerhetsstrateg" one, and said so.
        let owners = RecText.records(try text(root, "data/owners.rec"))
        let names = Dictionary(uniqueKeysWithValues: owners.map { ($0.id, $0.value("name") ?? "") })
        XCTAssertEqual(names["sakerhetsstrateg"], "Säkerhetsstrateg", file: file, line: line)
        XCTAssertEqual(names["it-enheten"], "IT-enheten", file: file, line: line)
        XCTAssertEqual(names["avdelningschef-ifo-sakerhetsstrateg"], "Avdelningschef IFO / Säkerhetsstrateg", file: file, line: line)
        XCTAssertEqual(names["avdelningschef-ifo-it-enheten"], "Avdelningschef IFO, IT-enheten", file: file, line: line)
        XCTAssertEqual(names["krisledningsgruppen"], "Krisledningsgruppen", file: file, line: line)
        XCTAssertEqual(owners.count, 7, "the two of init and five new", file: file, line: line)
        XCTAssertTrue(r.stderr.contains("ansvarig 'Avdelningschef IFO / Säkerhetsstrateg' blir en ny ansvarig, hel"), r.stderr, file: file, line: line)

        // Two goals from the goal column, marked as made by the import.
        let goalsText = try text(root, "data/goals.rec")
        let goals = RecText.records(goalsText)
        XCTAssertEqual(goals.map(\.id), ["M1", "M2"], file: file, line: line)
        XCTAssertEqual(goals.map { $0.value("title") }, ["Stärkt informationssäkerhet", "Förbättrad kontinuitetshantering"], file: file, line: line)
        XCTAssertTrue(goalsText.contains("# importerad från \(name): nytt mål"), goalsText, file: file, line: line)

        // The activities, numbered from A1, their deadlines as tokens and statuses in Swedish.
        let activitiesText = try text(root, "data/activities.rec")
        let acts = RecText.records(activitiesText)
        XCTAssertEqual(acts.map(\.id), (1...7).map { "A\($0)" }, file: file, line: line)
        func v(_ i: Int, _ k: String) -> String? { acts[i].value(k) }
        XCTAssertEqual(acts.map { $0.value("goal") }, ["M1", "M1", "M2", "M2", "M1", "M2", "M1"], file: file, line: line)
        XCTAssertEqual(acts.map { $0.value("due") }, ["2015-03", "2015-H2", "2015", "2015-11-30", "löpande", "2015-Q4", "?"], file: file, line: line)
        XCTAssertEqual(acts.map { $0.value("status") }, ["klar", "pågår", "ej påbörjad", "pågår", "pågår", "klar", "ej påbörjad"], file: file, line: line)
        XCTAssertEqual(v(0, "start"), "2015-01", file: file, line: line)
        // "Löpande" is standing work (never late); a phrase the reader does not know is kept as the reason.
        XCTAssertNil(v(4, "reason"), file: file, line: line)
        XCTAssertEqual(v(6, "reason"), "Enligt tidsplan från KS", file: file, line: line)
        // Several owners: one owner field each (format.md, "Several owners"), none in the note.
        XCTAssertEqual(acts[1].values("owner"), ["sakerhetsstrateg", "it-enheten"], file: file, line: line)
        XCTAssertFalse(v(1, "note")?.contains("Även ansvarig") ?? false, v(1, "note") ?? "-", file: file, line: line)
        XCTAssertEqual(v(2, "owner"), "avdelningschef-ifo-sakerhetsstrateg", file: file, line: line)
        XCTAssertNil(v(2, "note"), file: file, line: line)
        // A cell with ';', quotes and a line break comes through whole.
        XCTAssertTrue(v(1, "note")?.hasPrefix("Se \"Rutin för klassning\"; version 2\nGäller hela förvaltningen") == true, v(1, "note") ?? "-", file: file, line: line)
        // "Genomförd" is done; the done date is filled at the source's precision and marked.
        XCTAssertEqual(v(0, "done"), "2015-03", file: file, line: line)
        XCTAssertTrue(activitiesText.contains("# importerad från \(name): done 2015-03 är källans tidpunkt"), activitiesText, file: file, line: line)

        let audit = try run(["audit", "--as-of", Self.asOf], in: root)
        XCTAssertEqual(audit.exitCode, 0, audit.output, file: file, line: line)
        XCTAssertTrue(audit.stdout.hasPrefix("Inga problem"), audit.stdout, file: file, line: line)

        // Again: nothing is added, and it says so.
        let after = try dataSnapshot(root)
        let again = try run(["import", source, "--as-of", Self.asOf], in: root)
        XCTAssertEqual(again.exitCode, 0, again.output, file: file, line: line)
        XCTAssertTrue(again.stdout.contains("Inget nytt att importera: 7 av 7 rader finns redan"), again.stdout, file: file, line: line)
        try assertDataUnchanged(root, since: after)
    }

    /// Files that cannot be read: exit 2, a message that says what to do, nothing written.
    func testUnreadableFilesAreRefused() throws {
        let root = try makeTempFolder()
        XCTAssertEqual(try run(["init", "."], in: root).exitCode, 0)
        let before = try dataSnapshot(root)
        let encrypted = try run(["import", Self.fixtures.appendingPathComponent("encrypted.xlsx").path], in: root)
        XCTAssertEqual(encrypted.exitCode, 2, encrypted.output)
        XCTAssertTrue(encrypted.stderr.contains("lösenordsskyddad") && encrypted.stderr.contains("spara som .xlsx"), encrypted.stderr)
        let noHeader = try run(["import", Self.fixtures.appendingPathComponent("noheader.csv").path], in: root)
        XCTAssertEqual(noHeader.exitCode, 2, noHeader.output)
        XCTAssertTrue(noHeader.stderr.contains("noheader.csv: hittar ingen rubrikrad") && noHeader.stderr.contains("--map"), noHeader.stderr)
        // A workbook cut short is a damaged zip, not a crash.
        let cut = root.appendingPathComponent("cut.xlsx")
        let whole = try Data(contentsOf: Self.fixtures.appendingPathComponent("plan.xlsx"))
        try whole.prefix(whole.count / 2).write(to: cut)
        let damaged = try run(["import", cut.path, "--lang", "en"], in: root)
        XCTAssertEqual(damaged.exitCode, 2, damaged.output)
        XCTAssertTrue(damaged.stderr.contains("cut.xlsx cannot be read as a workbook"), damaged.stderr)
        // Activities need a goal column; without one the table is refused before anything is read into records.
        try Data("Aktivitet;Ansvarig\r\nÖva;IT-enheten\r\n".utf8).write(to: root.appendingPathComponent("nogoal.csv"))
        let noGoal = try run(["import", "nogoal.csv"], in: root)
        XCTAssertEqual(noGoal.exitCode, 2, noGoal.output)
        XCTAssertTrue(noGoal.stderr.contains("ingen kolumn för målet") && noGoal.stderr.contains("--map 'Kolumn=goal'"), noGoal.stderr)
        let old = root.appendingPathComponent("plan.xls")
        try Data([0x41]).write(to: old)
        let xls = try run(["import", old.path], in: root)
        XCTAssertEqual(xls.exitCode, 2, xls.output)
        XCTAssertTrue(xls.stderr.contains("före 2007"), xls.stderr)
        // A file whose name holds a personnummer (the name goes into the records): refused
        // at the name, the number masked.
        try Data("Mål;Aktivitet;Ansvarig\r\nM1;Öva;IT-enheten\r\n".utf8).write(to: root.appendingPathComponent("plan 19121212-1212.csv"))
        let named = try run(["import", "plan 19121212-1212.csv"], in: root)
        XCTAssertEqual(named.exitCode, 2, named.output)
        XCTAssertTrue(named.stderr.contains("filnamnet 'plan [personnummer dolt].csv'") && !named.output.contains("1212-1212"), named.output)
        try assertDataUnchanged(root, since: before)
    }

    /// Two files of one name in one import (a/plan.csv, b/plan.csv): each row's problem is
    /// named at its own file, both counted; neither is hidden as the other's repeat.
    func testTwoFilesOfOneNameKeepTheirOwnProblems() throws {
        let root = try makeTempFolder()
        XCTAssertEqual(try run(["init", "."], in: root).exitCode, 0)
        let before = try dataSnapshot(root)
        for dir in ["a", "b"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
            try Data("Mål;Aktivitet;Ansvarig;Klart senast\r\nM1;Öva \(dir);Kalle 811218-9876;2030-05\r\n".utf8)
                .write(to: root.appendingPathComponent(dir + "/plan.csv"))
        }
        let r = try run(["import", "a/plan.csv", "b/plan.csv"], in: root)
        XCTAssertEqual(r.exitCode, 1, r.output)
        XCTAssertTrue(r.stderr.contains("a/plan.csv:2: fel: kolumnen Ansvarig: ett personnummer"), r.stderr)
        XCTAssertTrue(r.stderr.contains("b/plan.csv:2: fel: kolumnen Ansvarig: ett personnummer"), r.stderr)
        XCTAssertTrue(r.stderr.contains("importen skulle ge 2 nya fel"), r.stderr)
        XCTAssertFalse(r.output.contains("9876"), r.output)
        try assertDataUnchanged(root, since: before)
    }
}

extension ImportTests {
    /// `--kind followups`: a table of period follow-ups goes into followups.rec, which the
    /// shipped plan does not have yet, so the import makes it; imported again it adds
    /// nothing and says by which rule the rows are the folder's already.
    func testFollowupsKindMakesTheFileAndSaysWhatIsTheSame() throws {
        let root = try copyOfShippedData()
        try Data("Post;Period;Bedömning\nM3.3;2024-T2;Delvis uppfyllt\n".utf8).write(to: root.appendingPathComponent("uppf.csv"))
        let r = try run(["import", "uppf.csv", "--kind", "followups", "--as-of", Self.planDate], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        let made = RecText.records(try text(root, "data/followups.rec"))
        XCTAssertEqual(made.map { [$0.value("record"), $0.value("period"), $0.value("assessment")] }, [["M3.3", "2024-T2", "delvis uppfyllt"]])
        let after = try dataSnapshot(root)
        let again = try run(["import", "uppf.csv", "--kind", "followups", "--as-of", Self.planDate], in: root)
        XCTAssertEqual(again.exitCode, 0, again.output)
        XCTAssertEqual(again.stdout, "Inget nytt att importera: 1 av 1 rader finns redan i mappen (samma post och period; en post för varje rad).\n")
        try assertDataUnchanged(root, since: after)
    }

    /// Into the shipped plan: ids continue its numbering, an existing goal and owner are
    /// found by id or name; a row that would add an error (a personnummer) refuses the whole
    /// import, exit 1, nothing written and the number not echoed.
    func testIntoExistingPlanAndRefusal() throws {
        let root = try copyOfShippedData()
        let csv = root.appendingPathComponent("plan.csv")
        try Data("Delmål;Aktivitet;Ansvarig;Klart senast;Status;Färg\r\nD2;Öva kontinuitetsplanen;Enheten för säkerhet, beredskap och systemförvaltning;2025-03;Ej påbörjad;grön\r\n".utf8).write(to: csv)
        let before = try dataSnapshot(root)
        try Data(("Delmål;Aktivitet;Ansvarig;Klart senast;Status\r\nD2;Ring 19121212-1212;sbs;2025-03;Pågår\r\n").utf8).write(to: root.appendingPathComponent("bad.csv"))
        let bad = try run(["import", "bad.csv", "--as-of", Self.planDate], in: root)
        XCTAssertEqual(bad.exitCode, 1, bad.output)
        XCTAssertTrue(bad.stderr.contains("sparades inte"), bad.stderr)
        // Named at the source's row and column, not at a line of activities.rec that is never written.
        XCTAssertTrue(bad.stderr.contains("bad.csv:2: fel: kolumnen Aktivitet: "), bad.stderr)
        XCTAssertFalse(bad.stderr.contains("activities.rec"), bad.stderr)
        XCTAssertFalse(bad.output.contains("19121212"), bad.output)
        try assertDataUnchanged(root, since: before)

        let r = try run(["import", "plan.csv", "--as-of", Self.planDate, "--lang", "en"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertTrue(r.stderr.contains("'Färg'") && r.stderr.contains("--map"), "the unplaced column is reported: " + r.stderr)
        let acts = RecText.records(try text(root, "data/activities.rec"))
        let added = try XCTUnwrap(acts.last)
        XCTAssertEqual(added.id, "A31")
        XCTAssertEqual(added.value("goal"), "D2")
        XCTAssertEqual(added.value("owner"), "sbs")
        XCTAssertEqual(try text(root, "data/owners.rec"), String(decoding: before["owners.rec"] ?? [], as: UTF8.self), "no new owner for a known name")
        let again = try run(["import", "plan.csv", "--as-of", Self.planDate, "--lang", "en"], in: root)
        XCTAssertTrue(again.stdout.hasPrefix("Nothing new to import: 1 of 1 rows"), again.stdout)
    }

    /// A row that cannot be taken (no goal, a value ending in \) stops the whole import: the
    /// rows are named, exit 1, nothing written, with or without --dry-run.
    func testRowsLeftOutStopTheImport() throws {
        let root = try makeTempFolder()
        XCTAssertEqual(try run(["init", "."], in: root).exitCode, 0)
        let before = try dataSnapshot(root)
        try Data("Delmål;Aktivitet;Ansvarig;Klart senast\r\nKontinuitet;Inventera;IFO;2026-09\r\n;Öva;IFO;2026\r\nKontinuitet;Spara på G:\\;IFO;2026\r\n".utf8)
            .write(to: root.appendingPathComponent("plan.csv"))
        for dry in [[], ["--dry-run"]] {
            let r = try run(["import", "plan.csv", "--as-of", "2026-03-01"] + dry, in: root)
            XCTAssertEqual(r.exitCode, 1, r.output)
            XCTAssertTrue(r.stderr.contains("plan.csv:3: aktiviteten har inget mål"), r.stderr)
            XCTAssertTrue(r.stderr.contains("plan.csv:4: kolumnen Aktivitet: värdet för 'title' slutar med \\"), r.stderr)
            XCTAssertTrue(r.stderr.contains("importen sparades inte: 2 av 3 rader kan inte tas med"), r.stderr)
            XCTAssertEqual(r.stdout, "", r.stdout)
        }
        try assertDataUnchanged(root, since: before)
    }
}
