import XCTest
@testable import SakerhetCore

/// The import's write, as a library call: dry run, save, nothing new, refusal, each
/// leaving the folder as the outcome says.
final class ImportWriteTests: XCTestCase {
    private func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-importwrite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixture.shippedFolder) where name.hasSuffix(".rec") {
            try FileManager.default.copyItem(atPath: Fixture.shippedFolder + "/" + name, toPath: url.path + "/" + name)
        }
        return url.path
    }

    private func perform(_ dir: String, _ csv: String, dryRun: Bool = false, notices: inout [String]) throws -> ImportWrite.Outcome {
        let tables = try ImportSource.tables(Array(csv.utf8), file: "plan.csv")
        var seen: [String] = []
        let outcome = try ImportWrite.perform(folder: dir, display: "data", asOf: Fixture.asOf, lockTimeout: 5, options: Importer.Options(),
                                              sources: [(file: "plan.csv", tables: tables)], dryRun: dryRun, lang: .sv) { seen += $0.map(\.sv) }
        notices = seen
        return outcome
    }

    func testDryRunSaveAndNothingNew() throws {
        let dir = try folder()
        let activities = dir + "/activities.rec"
        let before = try Store.read(activities)
        let csv = "Mål;Aktivitet;Ansvarig;Klart senast;Status;Okänd kolumn\nD3;Öva kontinuitetsplanen;sbs;2025-05;pågår;x\n"
        var notices: [String] = []

        guard case .dryRun(let diff) = try perform(dir, csv, dryRun: true, notices: &notices) else { return XCTFail("a dry run") }
        XCTAssertTrue(diff.contains("+title: Öva kontinuitetsplanen\n"), diff)
        XCTAssertEqual(try Store.read(activities), before, "a dry run writes nothing")
        XCTAssertTrue(notices.contains { $0.contains("Okänd kolumn") }, "\(notices)")

        guard case .saved(let said) = try perform(dir, csv, notices: &notices) else { return XCTFail("saved") }
        XCTAssertTrue(said.hasPrefix("Importerade 1 aktivitet (data/activities.rec)"), said)
        let after = try Store.load(folder: dir, display: "data")
        XCTAssertEqual(after.activities.last?.title, "Öva kontinuitetsplanen")
        XCTAssertEqual(Checks.run(after, asOf: Fixture.asOf).filter { $0.severity == .error }.count,
                       Checks.run(try Store.load(folder: Fixture.shippedFolder, display: "data"), asOf: Fixture.asOf).filter { $0.severity == .error }.count,
                       "no new error")

        guard case .nothingNew(let again) = try perform(dir, csv, notices: &notices) else { return XCTFail("nothing new") }
        XCTAssertEqual(again, "Inget nytt att importera: 1 av 1 rader finns redan i mappen (samma mål och titel; en post för varje rad).")
    }

    /// A row that would add an error (an owner that is not there, under a goal that is)
    /// stops the whole import: nothing written, the error named at its source row.
    func testAnImportThatAddsAnErrorIsRefused() throws {
        let dir = try folder()
        let before = try Store.read(dir + "/activities.rec")
        let csv = "Mål;Aktivitet;Ansvarig;Klart senast;Status;Klardatum\nD3;Klar i framtiden;sbs;2025-05;klar;2030-01-01\n"
        var notices: [String] = []
        guard case .refused(let errors, _, let why) = try perform(dir, csv, notices: &notices) else { return XCTFail("refused") }
        XCTAssertFalse(errors.isEmpty)
        XCTAssertTrue(errors.allSatisfy { $0.file == "plan.csv" && $0.line == 2 }, "\(errors.map { "\($0.file):\($0.line)" })")
        XCTAssertTrue(why.hasPrefix("importen sparades inte"), why)
        XCTAssertEqual(try Store.read(dir + "/activities.rec"), before)
    }

    /// Risks into a folder without risks.rec: no file is made (only followups.rec is, as
    /// `followups add` makes it); the error names the file and says how to make it, and
    /// the other files are left as they were.
    func testAKindWithoutItsFileIsAClearError() throws {
        let dir = try folder()
        try FileManager.default.removeItem(atPath: dir + "/risks.rec")
        let before = try Store.read(dir + "/owners.rec")
        var notices: [String] = []
        let csv = "Risk;Sannolikhet;Konsekvens;Ansvarig\nObehörig åtkomst;3;4;sbs\n"
        XCTAssertThrowsError(try perform(dir, csv, notices: &notices)) { error in
            let message = (error as? StoreError)?.message.sv ?? "\(error)"
            XCTAssertEqual(message, "data/risks.rec finns inte; skapa den med 'sakerhet init'")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/risks.rec"))
        XCTAssertEqual(try Store.read(dir + "/owners.rec"), before)
    }

    /// Rows late on the import's date are taken (lateness is no error of a write), and a
    /// notice names them, so that the next `audit` failing on them is no surprise; a row
    /// not late is not named, and a dry run says the same.
    func testLateRowsAreTakenAndNamed() throws {
        let dir = try folder()
        let csv = "Mål;Aktivitet;Ansvarig;Klart senast;Status\nD3;Sen rad;sbs;2024-05;pågår\nD3;Sen rad två;sbs;2024-06;ej påbörjad\nD3;I tid;sbs;2025-05;pågår\n"
        var notices: [String] = []
        guard case .dryRun = try perform(dir, csv, dryRun: true, notices: &notices) else { return XCTFail("a dry run") }
        let dry = notices.filter { $0.hasPrefix("notis: ") }
        XCTAssertEqual(dry.count, 1, "\(notices)")
        guard case .saved = try perform(dir, csv, notices: &notices) else { return XCTFail("saved") }
        let late = try XCTUnwrap(notices.first { $0.hasPrefix("notis: ") }, "\(notices)")
        XCTAssertEqual(dry.first, late)
        let data = try Store.load(folder: dir, display: "data")
        let ids = ["Sen rad", "Sen rad två", "I tid"].map { t in data.activities.first { $0.title == t }!.id }
        XCTAssertTrue(late.hasPrefix("notis: 2 av de importerade posterna är redan försenade per \(Fixture.asOf) (\(ids[0]), \(ids[1]));"), late)
        XCTAssertFalse(late.contains(ids[2]), late)
        // Nothing late: no such notice.
        let dir2 = try folder()
        guard case .saved = try perform(dir2, "Mål;Aktivitet;Ansvarig;Klart senast;Status\nD3;I tid;sbs;2025-05;pågår\n", notices: &notices) else { return XCTFail("saved") }
        XCTAssertFalse(notices.contains { $0.contains("försenad") }, "\(notices)")
    }

    /// A personnummer in the Ansvarig cell makes a new owner (its id and name from the cell)
    /// and the row's activity names it: one error for the cell, at its column, not one per
    /// field made from it.
    func testOneCellIsOneError() throws {
        let dir = try folder()
        let csv = "Mål;Aktivitet;Ansvarig;Klart senast;Status\nD3;Byt policy;Kalle 811218-9876;2025-05;pågår\n"
        var notices: [String] = []
        guard case .refused(let errors, _, let why) = try perform(dir, csv, notices: &notices) else { return XCTFail("refused") }
        XCTAssertEqual(errors.map { "\($0.file):\($0.line)" }, ["plan.csv:2"])
        XCTAssertTrue(errors.first?.message.sv.hasPrefix("kolumnen Ansvarig: ett personnummer") == true, "\(errors.map(\.message.sv))")
        XCTAssertTrue(why.contains("1 nytt fel"), why)
    }

    /// A standing control (`löpande` with `every`) imported late cannot be postponed: the
    /// notice says to record its check; with a late ordinary row beside it, both fixes.
    func testALateStandingControlIsToldToRecordItsCheck() throws {
        var notices: [String] = []
        let standing = "Mål;Aktivitet;Ansvarig;Klart senast;Status;Återkommande;Start\nD3;Kvartalskontroll;sbs;löpande;pågår;kvartal;2024-01\n"
        guard case .dryRun = try perform(try folder(), standing, dryRun: true, notices: &notices) else { return XCTFail("a dry run") }
        let one = try XCTUnwrap(notices.first { $0.hasPrefix("notis: ") }, "\(notices)")
        XCTAssertTrue(one.hasSuffix("; audit visar den som fel tills kontrollen registreras (done --date …)"), one)
        XCTAssertFalse(one.contains("postpone"), one)
        let both = standing + "D3;Sen rad;sbs;2024-05;pågår;;\n"
        guard case .dryRun = try perform(try folder(), both, dryRun: true, notices: &notices) else { return XCTFail("a dry run") }
        let two = try XCTUnwrap(notices.first { $0.hasPrefix("notis: ") }, "\(notices)")
        XCTAssertTrue(two.hasSuffix("; audit visar dem som fel tills de markeras klara (done) eller flyttas med ett skäl (postpone --to … --reason …), en löpande kontroll tills kontrollen registreras (done --date …)"), two)
    }
}
