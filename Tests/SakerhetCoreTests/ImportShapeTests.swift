import XCTest
@testable import SakerhetCore

/// Plans as real spreadsheets are shaped: a header repeated in the sheet, a column with
/// text but no heading, a row of sums, hidden rows, a cell longer than Excel holds, a cell
/// that reads as a formula, a done date in words. None of them becomes a record, or is
/// dropped, without a word. In-process.
final class ImportShapeTests: XCTestCase {
    private let head = ["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Status"]

    private func run(_ rows: [[String]], file: String = "t.xlsx") throws -> Importer {
        var importer = Importer(data: ImportRecordTests.data(), asOf: ImportRecordTests.asOf)
        try importer.add(ImportRecordTests.table(rows), file: file)
        return importer
    }

    private func titles(_ i: Importer) -> [String] {
        i.records.filter { $0.kind == .activity }.compactMap { ImportRowTests.value($0, "title") }
    }

    /// The header again (a section per year) is passed over and said; a header with other
    /// columns refuses the table at its row; neither is ever a record, a goal or an owner.
    func testARepeatedHeaderIsNeverARecord() throws {
        let i = try run([head, ["D1", "Första", "sf", "2026-04", "pågår"], [], head, ["D1", "Andra", "sf", "2027-04", "pågår"]])
        XCTAssertEqual(titles(i), ["Första", "Andra"])
        XCTAssertFalse(i.records.contains { $0.kind == .owner || $0.kind == .goal }, "\(i.records.map(\.fields))")
        XCTAssertTrue(i.notices.map(\.sv).contains("t.xlsx:4: raden upprepar rubrikraden och lästes inte som en post"), i.notices.map(\.sv).joined(separator: "\n"))
        // The same columns under other names ("Slutdatum" for "Klart senast") are the header too.
        let renamed = try run([head, ["D1", "Första", "sf", "2026-04", "pågår"], ["Mål", "Aktivitet", "Ansvarig", "Slutdatum", "Status"]])
        XCTAssertEqual(titles(renamed), ["Första"])
        // Other columns: the rows below cannot be read by the first header.
        XCTAssertThrowsError(try run([head, ["D1", "Första", "sf", "2026-04", "pågår"], ["Aktivitet", "Mål", "Klart senast", "Ansvarig", "Status"],
                                      ["Andra", "D1", "2027-04", "sf", "pågår"]])) { e in
            XCTAssertTrue("\(e)".contains("t.xlsx:3: raden är en ny rubrikrad med andra kolumner än tabellens första (rad 1)"), "\(e)")
        }
    }

    /// A row that only looks like a header (a title that starts with a column's name, a
    /// status word that is a column's name) is a record; a header of two rows repeated is
    /// passed over, both its rows.
    func testRowsThatLookLikeAHeaderAreRecords() throws {
        let i = try run([head, ["Mål 2: Krisberedskap", "Åtgärder efter övningen 2025", "sf", "2026-04", "Klart"],
                         ["D1", "Beskrivning av rutinen", "sf", "2026-05", "pågår"]])
        XCTAssertEqual(titles(i), ["Åtgärder efter övningen 2025", "Beskrivning av rutinen"])
        XCTAssertFalse(i.notices.contains { $0.sv.contains("rubrikraden") }, i.notices.map(\.sv).joined(separator: "\n"))
        let two = [["Mål", "Aktivitet", "Ansvarig", "Tidplan", "Tidplan"], ["", "", "", "Start", "Klart"]]
        let t = try run(two + [["D1", "Första", "sf", "2026-01", "2026-04"]] + two + [["D1", "Andra", "sf", "2027-01", "2027-04"]])
        XCTAssertEqual(titles(t), ["Första", "Andra"])
        XCTAssertEqual(t.notices.map(\.sv).filter { $0.contains("upprepar rubrikraden") }, ["t.xlsx:4: raden upprepar rubrikraden och lästes inte som en post"])
    }

    /// Text in a column without a heading, or past the header's last column, is named.
    func testTextWithoutAHeadingIsNamed() throws {
        let i = try run([head + ["", "Kommentar"], ["D1", "Första", "sf", "2026-04", "pågår", "Beslut i SN krävs", "k"],
                         ["D1", "Andra", "sf", "2026-05", "pågår", "", "", "extra", "mer"]])
        let said = i.notices.map(\.sv).filter { $0.contains("har ingen rubrik") }
        XCTAssertEqual(said, [
            "t.csv: kolumn 6 har ingen rubrik men text på 1 rad (den första rad 2) och togs inte med; ge den en rubrik (t.ex. Kommentar) och importera igen",
            "t.csv: kolumn 8 har ingen rubrik men text på 1 rad (den första rad 3) och togs inte med; ge den en rubrik (t.ex. Kommentar) och importera igen",
            "t.csv: kolumn 9 har ingen rubrik men text på 1 rad (den första rad 3) och togs inte med; ge den en rubrik (t.ex. Kommentar) och importera igen",
        ])
        XCTAssertEqual(XLSXWriter.columnName(0), "A")
        XCTAssertEqual(XLSXWriter.columnName(25), "Z")
        XCTAssertEqual(XLSXWriter.columnName(26), "AA")
        XCTAssertEqual(XLSXWriter.columnName(701), "ZZ")
    }

    /// A row of sums is passed over and said; an activity whose title starts with "Antal"
    /// is a record.
    func testARowOfSumsIsNoRecord() throws {
        var importer = Importer(data: ImportRecordTests.data(), asOf: ImportRecordTests.asOf)
        let rows: [[TableCell]] = [head.map(TableCell.text),
                                   [.text("D1"), .text("Antal anmälningar ska minska"), .text("sf"), .text("2026-04"), .text("pågår")],
                                   [.text("Summa aktiviteter"), .number(1)],
                                   [.text(""), .text("Totalt")],
                                   [.text("Antal"), .number(3)]]
        try importer.add(SourceTable(name: "t.xlsx", rows: rows), file: "t.xlsx")
        XCTAssertEqual(titles(importer), ["Antal anmälningar ska minska"])
        XCTAssertEqual(importer.notices.map(\.sv).filter { $0.contains("summarad") },
                       ["t.xlsx:3: raden ('Summa aktiviteter') är en summarad och lästes inte som en post",
                        "t.xlsx:4: raden ('Totalt') är en summarad och lästes inte som en post",
                        "t.xlsx:5: raden ('Antal') är en summarad och lästes inte som en post"])
        XCTAssertFalse(Importer.isTotalRow([.text("Antal möten")]), "a title alone is no sum")
        XCTAssertFalse(Importer.isTotalRow([.text("Totalt avbrott i IT-driften"), .number(2), .number(4)]), "a title that says more is a record")
        XCTAssertTrue(Importer.isTotalRow([.text("Antal aktiviteter"), .text("1")]), "a count as text (CSV)")
        XCTAssertTrue(Importer.isTotalRow([.text("Totalt:"), .text("1 250,5")]))
        XCTAssertFalse(Importer.isTotalRow([.text("Summa"), .text("se bilaga")]))
        XCTAssertFalse(Importer.isTotalRow([.number(3), .text("Summa"), .number(1)]))
    }

    /// A cell longer than Excel holds refuses the import, naming it; a cell that reads as a
    /// formula is kept as text and said; a phrase or a number with a sign is not one.
    func testLongCellsAndFormulaCells() throws {
        let long = String(repeating: "a", count: Importer.cellLimit + 1)
        XCTAssertThrowsError(try run([head, ["D1", long, "sf", "2026-04", "pågår"]])) { e in
            XCTAssertTrue("\(e)".contains("t.xlsx:2: kolumnen Aktivitet: cellen har 32768 tecken, fler än en cell i Excel rymmer (32767)"), "\(e)")
        }
        XCTAssertEqual(titles(try run([head, ["D1", String(repeating: "å", count: Importer.cellLimit), "sf", "2026-04", "pågår"]])).first?.count, Importer.cellLimit)
        let i = try run([head + ["Kommentar"], ["D1", "=HYPERLINK(\"http://x\",\"Klicka\")", "sf", "2026-04", "pågår", "+cmd|' /C calc'!A0"],
                         ["D1", "Andra", "sf", "2026-05", "pågår", "-se bilaga (punkt 3)"], ["D1", "Tredje", "sf", "2026-06", "pågår", "-5"]])
        XCTAssertEqual(titles(i), ["=HYPERLINK(\"http://x\",\"Klicka\")", "Andra", "Tredje"])
        XCTAssertEqual(i.notices.map(\.sv).filter { $0.contains("formel") }, [
            "t.xlsx:2: kolumnen Aktivitet: cellen börjar som en formel ('=HYPERLINK(\"http://x\",\"Klicka\")') och lästes som text",
            "t.xlsx:2: kolumnen Kommentar: cellen börjar som en formel ('+cmd|' /C calc'!A0') och lästes som text",
            "t.xlsx:3: kolumnen Kommentar: cellen börjar som en formel ('-se bilaga (punkt 3)') och lästes som text",
        ])
        XCTAssertFalse(Importer.looksLikeFormula("-5"))
        XCTAssertFalse(Importer.looksLikeFormula("- Genomförs (digitalt) för alla chefer"))
        XCTAssertFalse(Importer.looksLikeFormula("+ extra övning (om budget medger)"))
        XCTAssertTrue(Importer.looksLikeFormula("-2+3*cmd|' /C calc'!A0"))
        XCTAssertFalse(Importer.looksLikeFormula("- ingen åtgärd"))
        XCTAssertFalse(Importer.looksLikeFormula("="))
    }

    /// A done date in words ("i våras") is kept in the note and said; the finished record is
    /// then dated as one with no date, marked as assumed: never refused for it.
    func testADoneDateInWordsIsKeptAndTheRecordDated() throws {
        let i = try run([head + ["Klardatum"], ["D1", "Första", "sf", "2024-06", "Klar", "i våras"]])
        let r = try XCTUnwrap(i.records.first { $0.kind == .activity })
        XCTAssertEqual(ImportRowTests.value(r, "done"), "2024-06")
        XCTAssertEqual(ImportRowTests.values(r, "assumed"), ["done"])
        XCTAssertTrue(ImportRowTests.value(r, "note")?.contains("Klart: i våras") == true, "\(r.fields)")
        XCTAssertTrue(i.notices.map(\.sv).contains("t.xlsx:2: kolumnen Klardatum: klardatumet 'i våras' kunde inte läsas; sparat i note"), i.notices.map(\.sv).joined(separator: "\n"))
    }

    /// A Word table's column of row numbers without a heading is no text left out, and a
    /// Word table's columns are named by number, not by a sheet's letter.
    func testAWordTablesRowNumbersAreNoTextLeftOut() throws {
        var importer = Importer(data: ImportRecordTests.data(), asOf: ImportRecordTests.asOf)
        let rows = [[""] + head, ["1.", "D1", "Första", "sf", "2026-04", "pågår"], ["2.", "D1", "Andra", "sf", "2026-05", "pågår", "Anteckning"]]
        try importer.add(SourceTable(name: "p.docx, tabell 1", rows: rows.map { $0.map(TableCell.text) }), file: "p.docx")
        XCTAssertEqual(titles(importer), ["Första", "Andra"])
        XCTAssertEqual(importer.notices.map(\.sv).filter { $0.contains("ingen rubrik") },
                       ["p.docx, tabell 1: kolumn 7 har ingen rubrik men text på 1 rad (den första rad 3) och togs inte med; ge den en rubrik (t.ex. Kommentar) och importera igen"])
        XCTAssertTrue(Importer.isRowNumber(.text("3)")) && Importer.isRowNumber(.text("3.2")) && Importer.isRowNumber(.number(4)))
        XCTAssertFalse(Importer.isRowNumber(.text("Anteckning")) || Importer.isRowNumber(.text("2026-04-01 klart")))
    }

    /// Hidden columns are read, and named.
    func testHiddenColumnsAreNamed() throws {
        var sheet = ImportSheetTests.sheet([head + ["Kommentar"], ["D1", "Första", "sf", "2026-04", "pågår", "Ring hem"]])
        sheet = sheet.replacingOccurrences(of: "<worksheet>", with: "<worksheet><cols><col min=\"6\" max=\"6\" hidden=\"1\"/><col min=\"8\" max=\"9\" hidden=\"1\"/></cols>")
        let t = try XLSXReader.read(try ImportSheetTests.workbook([("Plan", false, sheet)]), file: "p.xlsx")
        XCTAssertEqual(t.notices.map(\.sv), ["p.xlsx: kolumnen F är dold i bladet och lästes som andra kolumner; hör den inte till planen, ta bort den i källan eller ange --map 'Rubrik=-'"])
    }

    /// Rows hidden in the sheet (by hand or by a filter) are read, and named once.
    func testHiddenRowsAreNamed() throws {
        let rows = [head, ["D1", "Synlig", "sf", "2026-04", "pågår"], ["D1", "Dold", "sf", "2026-05", "klar"], ["D1", "Dold tom", "", "", ""]]
        var sheet = ImportSheetTests.sheet(rows)
        sheet = sheet.replacingOccurrences(of: "<row r=\"3\">", with: "<row r=\"3\" hidden=\"1\">")
        let bytes = try ImportSheetTests.workbook([("Plan", false, sheet)])
        let t = try XLSXReader.read(bytes, file: "p.xlsx")
        XCTAssertEqual(t.rows.count, 4)
        XCTAssertEqual(t.notices.map(\.sv), ["p.xlsx: raden 3 är dold i bladet (för hand eller av ett filter) och lästes som andra rader; hör den inte till planen, ta bort den i källan och importera igen"])
    }
}

/// Files named for another format than they are: said as what they are.
final class ImportMisnamedTests: XCTestCase {
    func testASemicolonFileNamedTxtAndACSVNamedXlsxAreSaidSo() {
        let csv = Array("Mål;Aktivitet;Ansvarig\nD1;Första;sf\n".utf8)
        XCTAssertThrowsError(try ImportSource.tables(csv, file: "plan.txt")) { e in
            XCTAssertTrue("\(e)".contains("plan.txt läses som tabbseparerad (.txt) men har semikolon och inga tabbar"), "\(e)")
        }
        XCTAssertThrowsError(try ImportSource.tables(csv, file: "plan.xlsx")) { e in
            XCTAssertTrue("\(e)".contains("plan.xlsx är en textfil (CSV?), inte en arbetsbok; byt ändelse till .csv"), "\(e)")
        }
        // Random bytes are a damaged file, not a text file.
        XCTAssertThrowsError(try ImportSource.tables([0x00, 0x01, 0xFF, 0x3B, 0x00], file: "plan.xlsx")) { e in
            XCTAssertTrue("\(e)".contains("kan inte läsas som arbetsbok"), "\(e)")
        }
        // Most rows with semicolons, one with a tab inside a cell: still a semicolon file.
        XCTAssertThrowsError(try ImportSource.tables(Array("Mål;Aktivitet;Ansvarig\nD1;Första\tx;sf\nD1;Andra;sf\n".utf8), file: "plan.txt"))
        // UTF-16 text (a byte-order mark and zero bytes) under a workbook's name.
        XCTAssertThrowsError(try ImportSource.tables([0xFF, 0xFE] + Array("Mål;Aktivitet\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, file: "plan.xlsx")) { e in
            XCTAssertTrue("\(e)".contains("är en textfil (CSV?)"), "\(e)")
        }
        // A tab-separated .txt is read.
        XCTAssertEqual(try ImportSource.tables(Array("Mål\tAktivitet\nD1\tFörsta\n".utf8), file: "plan.txt").first?.rows.count, 2)
    }
}
