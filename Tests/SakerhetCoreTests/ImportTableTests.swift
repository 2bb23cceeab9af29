import XCTest
@testable import SakerhetCore

/// Which tables of a file an import reads, and as what: a Word document's layout tables,
/// goal and sub-goal tables laid out as plans (and the tool's own Word report) lay them out,
/// and a table whose kind is not clear. In-process, with small documents made here.
final class ImportTableTests: XCTestCase {
    static let asOf = ImportRecordTests.asOf

    static func row(_ cells: [String]) -> String {
        "<w:tr>" + cells.map { "<w:tc><w:p><w:r><w:t>\($0)</w:t></w:r></w:p></w:tc>" }.joined() + "</w:tr>"
    }

    /// A Word document's tables, each a header row and rows, with an optional heading above.
    static func document(_ tables: [(heading: String?, rows: [[String]])], file: String = "p.docx") throws -> [SourceTable] {
        var body = ""
        for t in tables {
            if let h = t.heading { body += "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>\(h)</w:t></w:r></w:p>" }
            else { body += "<w:p><w:r><w:t>Text</w:t></w:r></w:p>" }
            body += "<w:tbl>" + t.rows.map(row).joined() + "</w:tbl>"
        }
        return try DOCXReader.tables(Array(("<w:document xmlns:w=\"x\"><w:body>" + body + "</w:body></w:document>").utf8), file: file)
    }

    static func value(_ r: Importer.NewRecord, _ k: String) -> String? { r.fields.first { $0.0 == k }?.1 }

    /// A table without a header row (layout) is passed over with a notice that names it by
    /// number and first cells; any other problem of a table stops the file, even when another
    /// table of it is read; a file of layout tables only is refused.
    func testOnlyALayoutTableIsPassedOverAndItIsNamed() throws {
        let layout = (heading: String?.none, rows: [["Version", "Datum", "Ändring", "Av"], ["1.0", "2026-01-10", "Ny", "sf"]])
        let data = (heading: String?.none, rows: [["Mål", "Aktivitet", "Ansvarig"], ["D1", "Övning", "sf"]])
        var importer = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try importer.add(tables: try Self.document([layout, data]), file: "p.docx")
        XCTAssertEqual(importer.records.map { Self.value($0, "title") }, ["Övning"])
        XCTAssertEqual(importer.notices.map(\.sv), ["p.docx, tabell 1 ('Version', 'Datum', 'Ändring', …): ingen rubrikrad med kända kolumnnamn; tabellen lästes inte (en tabell för layout?). Hör den till planen, byt namn på kolumnerna eller ange --map 'Kolumn=fält'"])
        XCTAssertTrue(importer.notices[0].en.hasPrefix("p.docx, table 1 ('Version', 'Datum', 'Ändring', …): no header row with known column names; the table was not read"))

        // An activity table without a goal column (and no heading above) is an error of the
        // file, not passed over because another table is read.
        let noGoal = (heading: String?.none, rows: [["Aktivitet", "Ansvarig", "Klart senast"], ["Utbildning", "sf", "2026-10"]])
        var other = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        XCTAssertThrowsError(try other.add(tables: try Self.document([data, noGoal, layout]), file: "p.docx")) { e in
            let m = (e as? OfficeError)?.message.sv ?? ""
            XCTAssertTrue(m.hasPrefix("p.docx, tabell 2: tabellen har ingen kolumn för målet"), m)
        }

        // Layout tables only: the file has nothing to read.
        var none = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        XCTAssertThrowsError(try none.add(tables: try Self.document([layout, layout]), file: "p.docx")) { e in
            let m = (e as? OfficeError)?.message.sv ?? ""
            XCTAssertTrue(m.hasPrefix("p.docx: ingen av de 2 tabellerna har en känd rubrikrad"), m)
        }
        XCTAssertThrowsError(try none.add(tables: [], file: "p.docx"))
    }

    /// A row of a Word document with several tables is named by its table and its row in
    /// it (`p.docx:2` was one of two rows 2); a file of one table keeps `file:row`.
    func testARowOfADocumentWithSeveralTablesIsNamedByItsTable() throws {
        let first = (heading: String?.none, rows: [["Mål", "Aktivitet", "Ansvarig"], ["D1", "Övning", "sf"]])
        let second = (heading: String?.none, rows: [["Mål", "Aktivitet", "Ansvarig"], ["D1", "", "sf"]])
        var importer = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try importer.add(tables: try Self.document([first, second]), file: "p.docx")
        XCTAssertEqual(importer.records.map { Self.value($0, "title") }, ["Övning"])
        XCTAssertEqual(importer.notices.map(\.sv), ["p.docx, tabell 2, rad 2: raden har ingen title och togs inte med"])
        XCTAssertEqual(importer.notices.map(\.en), ["p.docx, table 2, row 2: the row has no title and was left out"])

        var one = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try one.add(tables: try Self.document([second]), file: "p.docx")
        XCTAssertEqual(one.notices.map(\.sv), ["p.docx:2: raden har ingen title och togs inte med"])
    }

    /// A folder with its owners and no goals.
    static func empty() -> DataSet {
        var files = ImportRecordTests.data().files
        files[.goal] = SourceFile(path: "d/goals.rec", document: Document(text: ""))
        files[.activity] = SourceFile(path: "d/activities.rec", document: Document(text: ""))
        return DataSet(folder: "d", files: files)
    }

    /// Seed 000's tables with --kind goals: Mål | Nämndinitiativ VP24 | … and Delmål | Nr |
    /// Beskrivning | Anses klart när. The Mål column of numbers is no title: the table is
    /// refused with the --map that names the title column. With it, Mål is the id (2.2 → M2.2);
    /// in the Delmål table Beskrivning is the title, Delmål the parent (3.3 → M3.3) and Nr the
    /// id (1 → D1); a parent the folder does not have is kept as written, for audit.
    func testSeedGoalAndSubGoalTables() throws {
        let goals = (heading: String?.some("3.3.1 Mål för perioden"), rows: [["Mål", "Nämndinitiativ VP24", "Ansvarig", "Slutdatum"],
            ["2.2", "Säkerställa dataskyddet", "sf", "2026-04-25"], ["3.3", "Säkerställa säkerhetsarbetet", "sf", "2026-11-28"]])
        let subgoals = (heading: String?.some("3.3.2 Delmål för området"), rows: [["Delmål", "Nr", "Beskrivning", "Anses klart när", "Ansvarig", "Slutdatum"],
            ["3.3", "1", "Systematisera RSA-arbetet", "Det finns en process", "sf", "2026-12-31"],
            ["3.3", "2", "Upprätta en kontinuitetsplan", "Planen är antagen", "sf", "2026-10-31"],
            ["2.2", "3", "Uppdatera registerförteckningen", "Förteckningarna är uppdaterade", "sf", "2026-12-31"],
            ["3.1", "10", "Förbered trygghetsarbetet", "Det finns en bild", "sf", "2026-11-30"]])
        let tables = try Self.document([goals, subgoals])

        var refused = Importer(data: Self.empty(), asOf: Self.asOf, options: .init(kind: .goal))
        try refused.add(tables: tables, file: "p.docx")
        XCTAssertEqual(refused.refused, 1)
        XCTAssertEqual(refused.notices.first?.sv, "p.docx, tabell 1: kolumnen 'Mål' läses som title men har bara nummer ('2.2', '3.3'), inga titlar; tabellen togs inte med. Ange kolumnen med titlarna: --map 'Nämndinitiativ VP24=title'")
        XCTAssertTrue(refused.notices.first?.en.contains("holds numbers only ('2.2', '3.3'), no titles; the table was not taken in. Name the column of the titles: --map 'Nämndinitiativ VP24=title'") == true)

        var importer = Importer(data: Self.empty(), asOf: Self.asOf, options: .init(kind: .goal, map: ["Nämndinitiativ VP24": "title"]))
        try importer.add(tables: tables, file: "p.docx")
        XCTAssertEqual(importer.refused, 0)
        let made = importer.records.filter { $0.kind == .goal }
        XCTAssertEqual(made.map(\.id), ["M2.2", "M3.3", "D1", "D2", "D3", "D10"])
        XCTAssertEqual(made.map { Self.value($0, "title") }, ["Säkerställa dataskyddet", "Säkerställa säkerhetsarbetet", "Systematisera RSA-arbetet",
                                                            "Upprätta en kontinuitetsplan", "Uppdatera registerförteckningen", "Förbered trygghetsarbetet"])
        XCTAssertEqual(made.map { Self.value($0, "parent") }, [nil, nil, "M3.3", "M3.3", "M2.2", "3.1"])
        XCTAssertEqual(made.map { Self.value($0, "done_when") }, [nil, nil, "Det finns en process", "Planen är antagen", "Förteckningarna är uppdaterade", "Det finns en bild"])
        XCTAssertEqual(importer.leftOut, 0)
        XCTAssertFalse(importer.notices.contains { $0.sv.contains("placerades inte") }, importer.notices.map(\.sv).joined(separator: "\n"))
        // The unknown parent 3.1 is audit's to name, at the row and column it comes from,
        // and, the document having several tables, at its table (each numbers its rows).
        let edit = try ImportEdit(Self.empty(), importer.records)
        let errors = edit.newErrors(in: Self.empty(), asOf: Self.asOf).map(edit.located)
        XCTAssertEqual(errors.map { "\($0.file):\($0.line)" }, ["p.docx:5"])
        XCTAssertTrue(errors[0].message.sv.hasPrefix("tabell 2: kolumnen Delmål: D10: parent '3.1'"), errors[0].message.sv)
        XCTAssertTrue(errors[0].message.en.hasPrefix("table 2: column Delmål: D10: "), errors[0].message.en)

        // A Nr whose id the folder has with another title is named, with the way out.
        var clash = Importer(data: ImportRecordTests.data(), asOf: Self.asOf, options: .init(kind: .goal))
        try clash.add(tables: [tables[1]], file: "p.docx")
        XCTAssertEqual(clash.leftOut, 1)
        XCTAssertTrue(clash.notices.contains { $0.sv == "p.docx:2: id D1 finns redan med en annan titel; rätta id:t i kolumnen Nr, eller ange --map 'Nr=-' så får raden ett nytt id; raden kan inte tas med" },
                      clash.notices.map(\.sv).joined(separator: "\n"))
    }

    /// The tool's own Word report lays its goals out as Mål | Beskrivning | … (Mål the id)
    /// and its sub-goals as Mål | Nr | Beskrivning | Anses klart när | … (Mål the parent, Nr
    /// the id): imported with --kind goals, they are the same goals again.
    func testTheWordReportsGoalTablesReadBack() throws {
        let goals = """
            id: M1
            title: Stärkt krisberedskap
            owner: sbs
            due: 2024-12
            status: pågår

            id: D5
            title: Plan för krisstöd
            parent: M1
            owner: sbs
            due: 2024-10-03
            status: pågår
            done_when: Planen är antagen

            """
        let report = FollowUp.make(Fixture.data([.goal: goals, .activity: ""]), asOf: Fixture.asOf)
        let tables = try ImportSource.tables(try FollowUpDOCX.render(report, lang: .sv), file: "r.docx")
        let mine = tables.filter { t in ["Mål Beskrivning", "Mål Nr"].contains { (t.rows.first?.prefix(2).map(\.text) ?? []).joined(separator: " ") == $0 } }
        XCTAssertEqual(mine.count, 2)
        var files = Fixture.data().files
        files[.goal] = SourceFile(path: "data/goals.rec", document: Document(text: ""))
        files[.activity] = SourceFile(path: "data/activities.rec", document: Document(text: ""))
        let folder = DataSet(folder: "data", files: files)
        var importer = Importer(data: folder, asOf: Fixture.asOf, options: .init(kind: .goal))
        for t in mine { try importer.add(t, file: "r.docx") }
        let made = importer.records.filter { $0.kind == .goal }
        XCTAssertEqual(made.map(\.id), ["M1", "D5"])
        XCTAssertEqual(made.map { Self.value($0, "title") }, ["Stärkt krisberedskap", "Plan för krisstöd"])
        XCTAssertEqual(made.map { Self.value($0, "parent") }, [nil, "M1"])
        XCTAssertEqual(made.map { Self.value($0, "done_when") }, [nil, "Planen är antagen"])
        XCTAssertEqual(made.map { Self.value($0, "owner") }, ["sbs", "sbs"])
    }

    /// Without --kind, a goal table (Mål | Beskrivning | Ansvarig | Slutdatum | Status, ids
    /// M1, M2, one a row) is read as goals, with a notice that names it and says that --kind
    /// overrides; a table that could be either is not read (the import is not saved) until
    /// --kind says which; a Mål column whose ids repeat is activities' goal column as before.
    func testAGoalTableIsReadAsGoalsAndAnAmbiguousOneIsRefused() throws {
        let goals = (heading: String?.some("1 Mål för perioden"), rows: [["Mål", "Beskrivning", "Ansvarig", "Slutdatum", "Status"],
            ["M1", "Stärka krisberedskapen", "sf", "2027", "Pågår"], ["M2", "Säkra elevsystemen", "sf", "ht 2027", "Ej påbörjad"]])
        let acts = (heading: String?.some("2 Aktivitetslista"), rows: [["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Status"],
            ["M1", "Krisledningsövning", "sf", "2026-Q3", "Pågår"]])
        let tables = try Self.document([goals, acts])
        var importer = Importer(data: Self.empty(), asOf: Self.asOf)
        try importer.add(tables: tables, file: "p.docx")
        let made = importer.records.filter { $0.kind == .goal }
        XCTAssertEqual(made.map(\.id), ["M1", "M2"])
        XCTAssertEqual(made.map { Self.value($0, "title") }, ["Stärka krisberedskapen", "Säkra elevsystemen"])
        XCTAssertEqual(made.map { Self.value($0, "due") }, ["2027", "2027-H2"])
        XCTAssertEqual(made.map { Self.value($0, "status") }, ["pågår", "ej påbörjad"])
        XCTAssertEqual(importer.records.filter { $0.kind == .activity }.map { Self.value($0, "goal") }, ["M1"])
        XCTAssertEqual(importer.notices.map(\.sv), ["p.docx, tabell 1 ('Mål', 'Beskrivning', 'Ansvarig', …): läses som mål, inte aktiviteter, efter kolumnen 'Mål' (ingen kolumn är aktiviteternas); --kind activities läser den som aktiviteter"])
        XCTAssertEqual(importer.notices[0].en, "p.docx, table 1 ('Mål', 'Beskrivning', 'Ansvarig', …): read as goals, not activities, by the column 'Mål' (no column is one of activities); --kind activities reads it as activities")

        // --kind activities reads it as it says.
        var asActivities = Importer(data: Self.empty(), asOf: Self.asOf, options: .init(kind: .activity))
        try asActivities.add(tables: [tables[0]], file: "p.docx")
        XCTAssertEqual(asActivities.records.filter { $0.kind == .activity }.map { Self.value($0, "title") }, ["Stärka krisberedskapen", "Säkra elevsystemen"])

        // Goal columns and an activity column: not read, the import is not saved.
        let both = (heading: String?.none, rows: [["Mål", "Aktivitet", "Anses klart när", "Ansvarig"], ["D1", "Öva", "Övningen är gjord", "sf"]])
        var ambiguous = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try ambiguous.add(tables: try Self.document([both]), file: "p.docx")
        XCTAssertEqual(ambiguous.refused, 1)
        XCTAssertEqual(ambiguous.records.count, 0)
        XCTAssertEqual(ambiguous.notices.map(\.sv), ["p.docx, tabell 1 ('Mål', 'Aktivitet', 'Anses klart när', …): tabellen kan vara mål (kolumnen 'Anses klart när') eller aktiviteter (kolumnen 'Aktivitet') och togs inte med; ange vilket med --kind goals eller --kind activities"])

        // Goal ids that repeat are the goals of activities.
        var repeated = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try repeated.add(ImportRecordTests.table([["Mål", "Beskrivning", "Ansvarig"], ["D1", "Öva", "sf"], ["D1", "Utbilda", "sf"]]), file: "a.csv")
        XCTAssertEqual(repeated.records.map(\.kind), [.activity, .activity])
        XCTAssertEqual(repeated.notices.count, 0)
    }
}
