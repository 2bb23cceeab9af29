import XCTest
@testable import SakerhetCore

/// Which rows an import takes, and how it reads the columns of plans as they are written:
/// rows alike, goal tables, deadlines, kinds of finding, ids. In-process.
final class ImportRowTests: XCTestCase {
    static let asOf = ImportRecordTests.asOf

    static func table(_ rows: [[String]]) -> SourceTable { ImportRecordTests.table(rows) }

    static func values(_ r: Importer.NewRecord, _ k: String) -> [String] { r.fields.filter { $0.0 == k }.map(\.1) }
    static func value(_ r: Importer.NewRecord, _ k: String) -> String? { values(r, k).first }

    /// The folder after an import.
    static func after(_ data: DataSet, _ importer: Importer) throws -> DataSet {
        try ImportEdit(data, importer.records).applied(to: data)
    }

    /// A recurring report with three deadlines is three rows and three records; importing the
    /// sheet again adds nothing, each record in the folder answering for one row.
    func testRowsAlikeButForTheDeadlineAreAllTaken() throws {
        let rows = [["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Status"],
                    ["D1", "Rapport till nämnden", "sf", "2026-04", "Ej påbörjad"],
                    ["D1", "Rapport till nämnden", "sf", "2026-08", "Ej påbörjad"],
                    ["D1", "Rapport till nämnden", "sf", "2026-12", "Ej påbörjad"]]
        let data = ImportRecordTests.data()
        var importer = Importer(data: data, asOf: Self.asOf)
        try importer.add(Self.table(rows), file: "t.xlsx")
        let acts = importer.records.filter { $0.kind == .activity }
        XCTAssertEqual(acts.map { Self.value($0, "due") }, ["2026-04", "2026-08", "2026-12"])
        XCTAssertEqual(importer.duplicates, 0)
        // Again: nothing new, each row is one record already.
        let folder = try Self.after(data, importer)
        var again = Importer(data: folder, asOf: Self.asOf)
        try again.add(Self.table(rows), file: "t.xlsx")
        XCTAssertEqual(again.records.count, 0)
        XCTAssertEqual(again.duplicates, 3)
        XCTAssertEqual(again.notices.count, 0, again.notices.map(\.sv).joined(separator: "\n"))
        // A sheet with one more row adds that row only.
        var more = Importer(data: folder, asOf: Self.asOf)
        try more.add(Self.table(rows + [["D1", "Rapport till nämnden", "sf", "2027-04", "Ej påbörjad"]]), file: "t.xlsx")
        XCTAssertEqual(more.records.map { Self.value($0, "due") }, ["2027-04"])
        XCTAssertEqual(more.duplicates, 3)
    }

    /// A record in the folder with another deadline (postponed since) answers for a row no
    /// record matches exactly, and the notice says so; a row with the same deadline as a
    /// record is that record, whatever the rows' order. Two rows alike in all are both taken,
    /// and said.
    func testTheFolderAnswersOneRowPerRecord() throws {
        var files = ImportRecordTests.data().files
        files[.activity] = SourceFile(path: "d/activities.rec", document: Document(text: "id: A1\ntitle: Rapport\ngoal: D1\nowner: sf\ndue: 2026-08\nstatus: pågår\n\nid: A2\ntitle: Övning\ngoal: D1\nowner: sf\ndue: 2026-10\nstatus: pågår\n"))
        let data = DataSet(folder: "d", files: files)
        var importer = Importer(data: data, asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Klart senast"],
            ["D1", "Rapport", "sf", "2026-04"],
            ["D1", "Rapport", "sf", "2026-08"],
            ["D1", "Övning", "sf", "2026-09"],
            ["D1", "Ny", "sf", "2026"],
            ["D1", "Ny", "sf", "2026"],
        ]), file: "t.xlsx")
        XCTAssertEqual(importer.records.map { "\(Self.value($0, "title")!) \(Self.value($0, "due")!)" }, ["Rapport 2026-04", "Ny 2026", "Ny 2026"])
        XCTAssertEqual(importer.duplicates, 2)
        XCTAssertEqual(importer.notices.map(\.sv), [
            "t.xlsx:4: raden är redan A2 i mappen (samma mål och titel; tidpunkten där är 2026-10, här 2026-09) och lades inte till igen",
            "t.xlsx:6: samma mål, titel och tidpunkt som t.xlsx:5; båda tas med. Står raden två gånger i källan, ta bort den ena och importera igen",
        ])
    }

    /// "Senast klart" (seed 000's Aktivitetslista, format.md's label of `due`) is the
    /// deadline; a Klar row without a date gets `done` from its deadline, or the as-of date,
    /// marked `assumed: done` so that every report shows it as derived.
    func testSenastKlartIsTheDeadlineAndADerivedDoneIsMarked() throws {
        XCTAssertEqual(ImportColumns.field("Senast klart", kind: .activity)?.field, "due")
        XCTAssertEqual(ImportColumns.field("Senast klart", kind: .goal)?.field, "due")
        var importer = Importer(data: ImportRecordTests.data(), asOf: Day(year: 2026, month: 5, day: 15)!)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Påbörjas", "Senast klart", "Status"],
            ["D1", "Kontinuitetsplan", "sf", "2026-05", "2026-10", "Pågår"],
            ["D1", "Kriskommunikation", "sf", "2026-03", "2026-04", "Klar"],
            ["D1", "Klar i förtid", "sf", "2026-03", "2026-12", "Klar"],
        ]), file: "p.docx")
        let acts = importer.records
        XCTAssertEqual(acts.map { Self.value($0, "due") }, ["2026-10", "2026-04", "2026-12"])
        XCTAssertEqual(acts.map { Self.value($0, "done") }, [nil, "2026-04", "2026-05-15"])
        XCTAssertEqual(acts.map { Self.values($0, "assumed") }, [[], ["done"], ["done"]])
        XCTAssertTrue(importer.notices.contains { $0.sv == "p.docx:4: klar utan datum; done satt till 2026-05-15 (importdagen (källan anger ingen tidpunkt som har passerat)), markerat som antaget (assumed: done) och med en kommentar" },
                      importer.notices.map(\.sv).joined(separator: "\n"))
    }

    /// A finding's kind in capitals ("Brist", "AVVIKELSE") is the plan's word, as status and
    /// assessment are; a word not in the list is kept for audit to name.
    func testFindingKindIsCaseFolded() throws {
        var importer = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Granskning", "Rekommendation", "Bedömning", "Ansvarig", "Status", "Typ"],
            ["IT 2025", "Inför en kontinuitetsplan", "Röd", "sf", "Pågår", "Brist"],
            ["IT 2025", "39 avvikelser", "Gul", "sf", "Ej påbörjad", "AVVIKELSE"],
            ["IT 2025", "Annat", "Grön", "sf", "Klar", "Oklart"],
        ]), file: "r.xlsx")
        XCTAssertEqual(importer.records.filter { $0.kind == .finding }.map { Self.value($0, "kind") }, ["brist", "avvikelse", "Oklart"])
        XCTAssertEqual(importer.records.filter { $0.kind == .finding }.map { Self.value($0, "assessment") }, ["röd", "gul", "grön"])
    }

    /// Ids as `add` gives them (format.md, "Ids of new records"): a goal the import makes
    /// for an activity's goal cell is top-level, so `M` after the folder's M numbers; a
    /// sub-goal takes its parent's other sub-goals' letters; config.rec's letters count.
    func testNewGoalsTakeTheDocumentedIds() throws {
        var files = ImportRecordTests.data().files
        files[.goal] = SourceFile(path: "d/goals.rec", document: Document(text: "id: M3.3\ntitle: Övergripande\nowner: sf\ndue: 2027\nstatus: pågår\n\nid: HP2\ntitle: Under\nparent: M3.3\nowner: sf\ndue: 2027\nstatus: pågår\n"))
        files[.activity] = SourceFile(path: "d/activities.rec", document: Document(text: "id: A1\ntitle: Gammal\ngoal: M3.3\nowner: sf\ndue: 2027\nstatus: pågår\n"))
        let data = DataSet(folder: "d", files: files)
        var importer = Importer(data: data, asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig"], ["Stärkt säkerhetskultur", "Utbildning", "sf"], ["Ny", "Övning", "sf"]]), file: "a.xlsx")
        XCTAssertEqual(importer.records.filter { $0.kind == .goal }.map(\.id), ["M4", "M5"])
        var goals = Importer(data: data, asOf: Self.asOf, options: .init(kind: .goal))
        try goals.add(Self.table([["Rubrik", "Överordnat mål", "Ansvarig"], ["Del ett", "M3.3", "sf"], ["Topp", "", "sf"], ["Del två", "M3.3", "sf"]]), file: "g.xlsx")
        XCTAssertEqual(goals.records.map(\.id), ["HP3", "M4", "HP4"])
    }

    /// A multi-line note reads back as `export` wrote it: a tab and the indent of a later
    /// line are kept (the record format holds them); blanks at line ends and other control
    /// characters are not (it does not).
    func testMultiLineNoteKeepsTabsAndIndent() throws {
        XCTAssertEqual(ImportValues.clean("  Steg:  \n1.\tInventera\n   a) system\n  b)\u{7}x\t"), "Steg:\n1.\tInventera\n   a) system\n  b) x")
        var importer = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Kommentar"], ["D1", "Rutin", "sf", "Steg:\n1.\tInventera\n  a) system"]]), file: "p.xlsx")
        XCTAssertEqual(Self.value(importer.records[0], "note"), "Steg:\n1.\tInventera\n  a) system")
        let bytes = try ImportEdit(ImportRecordTests.data(), importer.records).files[0].afterBytes
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("note: Steg:\n+ 1.\tInventera\n+   a) system\n"))
    }

    /// A control character other than tab and line breaks cannot stand in a record and
    /// becomes a space: a notice names the cell (row and column) and the character by its
    /// code, never printing it; a tab, a line feed and a carriage return are said nothing of.
    func testAReplacedControlCharacterIsNamedAtItsCell() throws {
        var importer = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Kommentar"],
            ["D1", "Rutin\u{1B}[31m", "sf", "Steg\u{7}ett\u{7}\u{0}"],
            ["D1", "Övning", "sf", "Rad ett\r\nRad\ttvå"]]), file: "p.xlsx")
        XCTAssertEqual(Self.value(importer.records[0], "title"), "Rutin [31m")
        XCTAssertEqual(Self.value(importer.records[0], "note"), "Steg ett")
        XCTAssertEqual(importer.notices.map(\.sv), [
            "p.xlsx:2: kolumnen Aktivitet: styrtecknet U+001B kan inte stå i en post och blev ett mellanslag",
            "p.xlsx:2: kolumnen Kommentar: styrtecknen U+0007, U+0000 kan inte stå i en post och blev mellanslag",
        ])
        XCTAssertEqual(importer.notices[1].en, "p.xlsx:2: column Kommentar: the control characters U+0007, U+0000 cannot stand in a record and became spaces")
        XCTAssertFalse(importer.notices.contains { $0.sv.unicodeScalars.contains { $0.value < 0x20 } })
    }

    /// The C1 controls (CSI, NEL …) and the bidirectional overrides and isolates are
    /// controls too: each becomes a space, named at its cell like the others; a line or
    /// paragraph separator is a line break. They were written into the record as they were.
    func testC1AndBidiControlsBecomeSpaces() throws {
        var importer = Importer(data: ImportRecordTests.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Kommentar"],
            ["D1", "Rutin\u{9B}31m", "sf", "a\u{85}b\u{2028}c\u{2029}d"],
            ["D1", "Kontroll \u{202E}txet", "sf", "\u{2066}x\u{2069} och \u{200F}ok"]]), file: "p.xlsx")
        XCTAssertEqual(Self.value(importer.records[0], "title"), "Rutin 31m")
        XCTAssertEqual(Self.value(importer.records[0], "note"), "a b\nc\nd")
        XCTAssertEqual(Self.value(importer.records[1], "title"), "Kontroll  txet")
        XCTAssertEqual(Self.value(importer.records[1], "note"), "x  och \u{200F}ok")
        XCTAssertEqual(importer.notices.map(\.sv), [
            "p.xlsx:2: kolumnen Aktivitet: styrtecknet U+009B kan inte stå i en post och blev ett mellanslag",
            "p.xlsx:2: kolumnen Kommentar: styrtecknet U+0085 kan inte stå i en post och blev ett mellanslag",
            "p.xlsx:3: kolumnen Aktivitet: styrtecknet U+202E kan inte stå i en post och blev ett mellanslag",
            "p.xlsx:3: kolumnen Kommentar: styrtecknen U+2066, U+2069 kan inte stå i en post och blev mellanslag",
        ])
    }
}
