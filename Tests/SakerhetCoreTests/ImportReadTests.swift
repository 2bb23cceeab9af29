import Foundation
import XCTest
@testable import SakerhetCore

/// The table readers and the import's reading of headers and values, in-process.
final class ImportReadTests: XCTestCase {
    func testSwedishExcelCSV() throws {
        // Windows-1252, ';', CRLF, a quoted cell with ';', '""' and a line break.
        var bytes: [UInt8] = Array("M\u{E5}l;Aktivitet;Kommentar\r\n".unicodeScalars.map { UInt8($0.value) })
        bytes += Array("A;\"B; \"\"c\"\"\r\nd\";\u{80}\r\n".unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        let t = try CSVReader.read(bytes, file: "x.csv", tab: false)
        XCTAssertEqual(t.rows.map { $0.map(\.text) }, [["Mål", "Aktivitet", "Kommentar"], ["A", "B; \"c\"\nd", "€"]])
        XCTAssertEqual(t.numbers, [1, 2])
    }

    func testCommaSeparatedUTF8WithBOM() throws {
        let t = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("Aktivitet,Ansvarig\nÖva,\"IT, drift\"\n".utf8), file: "x.csv", tab: false)
        XCTAssertEqual(t.rows.map { $0.map(\.text) }, [["Aktivitet", "Ansvarig"], ["Öva", "IT, drift"]])
    }

    /// A quote that opens a cell and never closes would make the rest of the file one
    /// cell: refused at the line and column it opens on. One closed on a later line is a
    /// cell with a line break, as Excel writes it.
    func testAQuoteNeverClosedIsRefusedWhereItOpens() throws {
        let open = Array("Aktivitet;Mål;Ansvarig;Kommentar\nT1;M;O;\"Notering med citat\nT2;M;O;x\nT3;M;O;y\n".utf8)
        XCTAssertThrowsError(try CSVReader.read(open, file: "u.csv", tab: false)) { error in
            XCTAssertEqual((error as? OfficeError)?.message.sv,
                           "u.csv, rad 2, kolumn 4 (D): citattecknet som börjar cellen stängs aldrig, så resten av filen skulle bli en enda cell; lägg till det avslutande \" (ett \" inne i en cell skrivs \"\") och importera igen")
        }
        XCTAssertThrowsError(try CSVReader.read(Array("a\tb\n\"x\ty\n".utf8), file: "t.tsv", tab: true)) { error in
            XCTAssertTrue((error as? OfficeError)?.message.en.hasPrefix("t.tsv, line 2, column 1 (A): the quote that opens the cell is never closed") ?? false)
        }
        let closed = try CSVReader.read(Array("a;b\n\"x\ny\";z\nv;w\n".utf8), file: "c.csv", tab: false)
        XCTAssertEqual(closed.rows.map { $0.map(\.text) }, [["a", "b"], ["x\ny", "z"], ["v", "w"]])
        // A quote inside a cell (not at its start) is text, and opens nothing.
        let inner = try CSVReader.read(Array("a;b\nsa \"x;z\n".utf8), file: "i.csv", tab: false)
        XCTAssertEqual(inner.rows.map { $0.map(\.text) }, [["a", "b"], ["sa \"x", "z"]])
    }

    /// A file name with no extension is said so, not named by its whole name as one.
    func testAFileWithNoExtensionIsSaidSo() {
        XCTAssertThrowsError(try ImportSource.tables(Array("a;b\n".utf8), file: "mapp.d/plan")) { error in
            XCTAssertEqual((error as? OfficeError)?.message.sv, "mapp.d/plan: filnamnet saknar ändelse; import läser .xlsx, .docx, .csv, .tsv och .txt")
        }
        XCTAssertThrowsError(try ImportSource.tables(Array("a;b\n".utf8), file: "plan.pdf")) { error in
            XCTAssertEqual((error as? OfficeError)?.message.en, "plan.pdf: unknown file type '.pdf'; import reads .xlsx, .docx, .csv, .tsv and .txt")
        }
    }

    func testTabSeparatedCopy() throws {
        let t = try CSVReader.read(Array("Aktivitet\tAnsvarig\nÖva\tIT; drift\n".utf8), file: "x.txt", tab: true)
        XCTAssertEqual(t.rows[1].map(\.text), ["Öva", "IT; drift"])
    }

    func testExcelSerials() {
        XCTAssertEqual(XLSXReader.day(serial: 1)?.description, "1900-01-01")
        XCTAssertEqual(XLSXReader.day(serial: 59)?.description, "1900-02-28")
        XCTAssertNil(XLSXReader.day(serial: 60))  // Excel's 29 February 1900
        XCTAssertEqual(XLSXReader.day(serial: 61)?.description, "1900-03-01")
        XCTAssertEqual(XLSXReader.day(serial: 42338)?.description, "2015-11-30")
        XCTAssertEqual(XLSXReader.day(serial: 42338.75)?.description, "2015-11-30")
        XCTAssertTrue(XLSXReader.isDateFormat(14, nil))
        XCTAssertTrue(XLSXReader.isDateFormat(164, "yyyy-mm-dd"))
        XCTAssertFalse(XLSXReader.isDateFormat(164, "0.00"))
        XCTAssertFalse(XLSXReader.isDateFormat(164, "\"d\"0"))
        XCTAssertEqual(XLSXReader.column("A1"), 0)
        XCTAssertEqual(XLSXReader.column("AB12"), 27)
    }

    func testXMLEntitiesAndCDATA() {
        var x = XMLScanner(Array("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"bbbb\">]><w:t a='1 &amp; 2'>x &lt; y &#229;&#xE4;&b;<![CDATA[<z>]]></w:t>".utf8))
        var texts: [String] = []
        var attr: String?
        while let e = x.next() {
            if case .text(let s) = e { texts.append(s) }
            if case .start("t", let a, _) = e { attr = a["a"] }
        }
        XCTAssertEqual(attr, "1 & 2")
        XCTAssertEqual(texts.joined(), "x < y åä&b;<z>")
    }

    func testHeaderNamesAndValues() {
        XCTAssertEqual(ImportColumns.fold("  Klart\nsenast "), "klart senast")
        XCTAssertEqual(ImportColumns.field("ÅTGÄRD", kind: .activity)?.field, "title")
        XCTAssertEqual(ImportColumns.field("Delmål", kind: .activity)?.field, "goal")
        XCTAssertEqual(ImportColumns.field("Påbörjas", kind: .activity)?.field, "start")
        XCTAssertEqual(ImportColumns.field("Tidplan", kind: .activity)?.field, "due")
        XCTAssertEqual(ImportColumns.field("Anteckning", kind: .activity)?.field, "note")
        XCTAssertEqual(ImportColumns.field("Sannolikhet", kind: .risk)?.field, "likelihood")
        XCTAssertEqual(ImportColumns.guessKind(["Risk", "Sannolikhet", "Konsekvens"]), .risk)
        XCTAssertEqual(ImportColumns.guessKind(["Rekommendation", "Bedömning"]), .finding)
        XCTAssertEqual(ImportValues.status("Genomförd"), .done)
        XCTAssertEqual(ImportValues.status("Påbörjad"), .inProgress)
        XCTAssertEqual(ImportValues.status("Ej påbörjad"), .notStarted)
        XCTAssertEqual(ImportValues.status("Klar"), .done)
        XCTAssertNil(ImportValues.status("Kanske"))
        // A status word with more after it, and words that are no status but say enough.
        func reading(_ t: String) -> String {
            ImportValues.statusReading(t).map { "\($0.status.rawValue)|\($0.rest ?? "-")|\($0.inferred)" } ?? "nil"
        }
        XCTAssertEqual(["Pågår enligt plan", "Delvis klar", "Försenad", "Klar\n2026-05-12", "Klar (maj 2026)", "Klar att påbörjas", "Kanske", "Klar"].map(reading),
                       ["pågår|enligt plan|true", "pågår|-|true", "pågår|-|true", "klar|2026-05-12|false", "klar|maj 2026|false",
                        "nil", "nil", "klar|-|false"])
        XCTAssertTrue(ImportValues.riskStatus("Pågår")! == (.treating, true))
        XCTAssertTrue(ImportValues.riskStatus("Åtgärdad")! == (.closed, true))
        XCTAssertTrue(ImportValues.riskStatus("Identifierad")! == (.identified, false))
        XCTAssertNil(ImportValues.riskStatus("Kanske"))
        // A known name with words after it; not a number column beside a goal.
        XCTAssertEqual(ImportColumns.field("Ansvarig enhet", kind: .activity)?.field, "owner")
        XCTAssertEqual(ImportColumns.field("Klart senast (månad)", kind: .activity)?.field, "due")
        XCTAssertEqual(ImportColumns.field("Senast", kind: .activity)?.field, "due")
        XCTAssertEqual(ImportColumns.field("Åtgärd/aktivitet", kind: .activity)?.field, "title")
        XCTAssertNil(ImportColumns.field("Mål nr", kind: .activity))
        XCTAssertNil(ImportColumns.field("Klart när", kind: .activity))
        XCTAssertEqual(ImportColumns.guessKind(["Aktivitet", "Sannolikhet", "Konsekvens"]), .activity)
        XCTAssertEqual(ImportColumns.guessKind(["Risk", "Åtgärd", "Sannolikhet", "Konsekvens"]), .risk)
        XCTAssertEqual(ImportValues.deadline(.text("Hösten 2015"))?.token, "2015-H2")
        XCTAssertEqual(ImportValues.deadline(.number(2014))?.token, "2014")
        XCTAssertEqual(ImportValues.deadline(.day(Day(year: 2015, month: 11, day: 30)!))?.token, "2015-11-30")
        XCTAssertNil(ImportValues.deadline(.number(42338)))  // a serial without a date format
        XCTAssertEqual(ImportValues.deadline(.text("Löpande"))?.token, "löpande")
        XCTAssertEqual(ImportValues.ownerNames("Säkerhetsstrateg och IT-enheten / HR, Ekonomi"), ["Säkerhetsstrateg", "IT-enheten", "HR", "Ekonomi"])
        XCTAssertEqual(ImportValues.slug("Avdelningschef IFO"), "avdelningschef-ifo")
    }

    /// The header row is found below title and blank rows; unknown columns are reported.
    func testHeaderFoundAndUnplacedColumnsReported() throws {
        let data = DataSet(folder: "d", files: [
            .owner: SourceFile(path: "d/owners.rec", document: Document(text: "id: sf\nname: Socialförvaltningen\n")),
            .goal: SourceFile(path: "d/goals.rec", document: Document(text: "id: D7\ntitle: Trygg förvaltning\nowner: sf\ndue: 2025\nstatus: pågår\n")),
            .activity: SourceFile(path: "d/activities.rec", document: Document(text: "id: A9\ntitle: Gammal\ngoal: D7\nowner: sf\ndue: 2025\nstatus: pågår\n")),
        ])
        let table = SourceTable(name: "t.csv", rows: [
            [.text("Plan 2025")], [], [.text("")],
            [.text("Delmål"), .text("Åtgärd"), .text("Ansvar"), .text("Tidpunkt"), .text("Färgkod")],
            [.text("D7"), .text("Ny rutin"), .text("Socialförvaltningen"), .text("Q3 2025"), .text("grön")],
            [.text("Trygg förvaltning"), .text("Gammal"), .text("sf"), .text("2025"), .text("")],
        ])
        var importer = Importer(data: data, asOf: Day(year: 2025, month: 1, day: 1)!)
        try importer.add(table, file: "t.csv")
        XCTAssertEqual(importer.records.count, 1)
        XCTAssertEqual(importer.duplicates, 1)
        let r = importer.records[0]
        // No status column: ej påbörjad, marked as assumed (a value the source does not give).
        XCTAssertEqual(r.fields.map(\.0), ["id", "title", "goal", "owner", "due", "status", "assumed"])
        XCTAssertEqual(r.fields.map(\.1), ["A10", "Ny rutin", "D7", "sf", "2025-Q3", "ej påbörjad", "status"])
        XCTAssertTrue(importer.notices.contains { $0.sv.contains("'Färgkod'") && $0.sv.contains("--map") })
        // --map places it (as a note).
        var mapped = Importer(data: data, asOf: Day(year: 2025, month: 1, day: 1)!, options: .init(map: ["färgkod": "note"]))
        try mapped.add(table, file: "t.csv")
        XCTAssertEqual(mapped.records[0].fields.first { $0.0 == "note" }?.1, "grön")
        XCTAssertFalse(mapped.notices.contains { $0.sv.contains("Färgkod") })
    }

    /// An Id column keeps its ids; rows without one continue the folder's numbering.
    func testIdColumnKept() throws {
        let data = DataSet(folder: "d", files: [
            .owner: SourceFile(path: "d/owners.rec", document: Document(text: "id: sf\nname: Socialförvaltningen\n")),
            .goal: SourceFile(path: "d/goals.rec", document: Document(text: "id: D7\ntitle: Trygg förvaltning\nowner: sf\ndue: 2025\nstatus: pågår\n")),
            .activity: SourceFile(path: "d/activities.rec", document: Document(text: "id: A9\ntitle: Gammal\ngoal: D7\nowner: sf\ndue: 2025\nstatus: pågår\n")),
        ])
        let table = SourceTable(name: "t.csv", rows: [
            [.text("Id"), .text("Mål"), .text("Aktivitet"), .text("Ansvarig")],
            [.text("A50"), .text("D7"), .text("Med id"), .text("sf")],
            [.text(""), .text("D7"), .text("Utan id"), .text("sf")],
            [.text("A9"), .text("D7"), .text("Krockar"), .text("sf")],
        ])
        var importer = Importer(data: data, asOf: Day(year: 2025, month: 1, day: 1)!)
        try importer.add(table, file: "t.csv")
        XCTAssertEqual(importer.records.map(\.id), ["A50", "A10"])
        XCTAssertEqual(importer.leftOut, 1)
        XCTAssertTrue(importer.notices.contains { $0.sv.contains("t.csv:4: id A9 finns redan") })
    }

    /// Word tables: runs joined, paragraphs on lines, a merged title row padded, nested tables apart.
    func testWordTables() throws {
        let xml = """
        <w:document xmlns:w="x"><w:body><w:tbl>
        <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Plan</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Akti</w:t></w:r><w:r><w:t xml:space="preserve">vitet</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ansvarig</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Öva</w:t></w:r></w:p><w:p><w:r><w:t>två gånger</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inre</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>IT</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl></w:body></w:document>
        """
        let tables = try DOCXReader.tables(Array(xml.utf8), file: "p.docx")
        XCTAssertEqual(tables.count, 2)
        XCTAssertEqual(tables[0].name, "p.docx, tabell 1")
        XCTAssertEqual(tables[0].rows.map { $0.map(\.text) }, [["Plan", ""], ["Aktivitet", "Ansvarig"], ["Öva\ntvå gånger", "IT"]])
        XCTAssertEqual(tables[1].rows.map { $0.map(\.text) }, [["inre"]])
    }

    /// Seed 004's layout: one table per målområde, the goal in the heading above each table
    /// and no goal column. The heading (a paragraph in a heading style, Swedish Word's
    /// "Rubrik2" too) is the goal of the table's rows, and a notice says so; a paragraph
    /// that is no heading is not taken, and a table with a goal column keeps its own.
    func testWordHeadingAboveATableIsTheGoalOfItsRows() throws {
        func heading(_ style: String, _ text: String) -> String {
            "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        func row(_ cells: [String]) -> String {
            "<w:tr>" + cells.map { "<w:tc><w:p><w:r><w:t>\($0)</w:t></w:r></w:p></w:tc>" }.joined() + "</w:tr>"
        }
        let header = row(["Åtgärd", "Ansvarig", "Start", "Klar senast"])
        let xml = "<w:document xmlns:w=\"x\"><w:body>" + heading("Title", "Handlingsplan mot välfärdsbrott")
            + heading("Heading2", "Målområde 1: Kompetenshöjande insatser")
            + "<w:p><w:r><w:t>Åtgärderna nedan genomförs av förvaltningen.</w:t></w:r></w:p>"
            + "<w:tbl>" + header + row(["1.1 Genomföra medvetandegörande aktivitet", "sf", "Maj 2026", "Oktober 2026"]) + "</w:tbl>"
            // An outline level of 1 is a heading; 9 is Word's body text, not one.
            + "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>Målområde 2: Upptäcka och förebygga</w:t></w:r></w:p>"
            + "<w:p><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr><w:r><w:t>Brödtext på nivå 9.</w:t></w:r></w:p>"
            + "<w:tbl>" + header + row(["2.1 Ta fram riktlinjer", "sf", "Januari 2027", "Juni 2027"])
            + row(["2.2 Revidera riktlinjer", "sf", "Januari 2027", "Juni 2027"]) + "</w:tbl>"
            + heading("Heading2", "Bilaga")
            + "<w:tbl>" + row(["Mål", "Aktivitet", "Ansvarig"]) + row(["D1", "Egen", "sf"]) + "</w:tbl>"
            + "</w:body></w:document>"
        let tables = try DOCXReader.tables(Array(xml.utf8), file: "h.docx")
        XCTAssertEqual(tables.map(\.heading), ["Målområde 1: Kompetenshöjande insatser", "Målområde 2: Upptäcka och förebygga", "Bilaga"])

        var importer = Importer(data: ImportRecordTests.data(), asOf: ImportRecordTests.asOf)
        for t in tables { try importer.add(t, file: "h.docx") }
        let goals = importer.records.filter { $0.kind == .goal }
        XCTAssertEqual(goals.map { $0.fields.first { $0.0 == "title" }?.1 }, ["Målområde 1: Kompetenshöjande insatser", "Målområde 2: Upptäcka och förebygga"])
        let acts = importer.records.filter { $0.kind == .activity }
        func v(_ r: Importer.NewRecord, _ k: String) -> String? { r.fields.first { $0.0 == k }?.1 }
        XCTAssertEqual(acts.map { v($0, "goal") }, [goals[0].id, goals[1].id, goals[1].id, "D1"])
        XCTAssertEqual(acts.map { v($0, "due") }, ["2026-10", "2027-06", "2027-06", "?"])
        let said = importer.notices.map(\.sv).filter { $0.contains("rubriken ovanför") }
        XCTAssertEqual(said, ["h.docx, tabell 1: tabellen har ingen kolumn för målet; raderna hör till målet i rubriken ovanför tabellen, 'Målområde 1: Kompetenshöjande insatser'",
                              "h.docx, tabell 2: tabellen har ingen kolumn för målet; raderna hör till målet i rubriken ovanför tabellen, 'Målområde 2: Upptäcka och förebygga'"])
        XCTAssertEqual(importer.leftOut, 0)

        // Without a heading above it, a table without a goal column is refused as before.
        let plain = try DOCXReader.tables(Array(("<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>Åtgärder</w:t></w:r></w:p><w:tbl>" + header
            + row(["1.1 Öva", "sf", "Maj 2026", "Oktober 2026"]) + "</w:tbl></w:body></w:document>").utf8), file: "p.docx")
        XCTAssertNil(plain[0].heading)
        var other = Importer(data: ImportRecordTests.data(), asOf: ImportRecordTests.asOf)
        XCTAssertThrowsError(try other.add(plain[0], file: "p.docx"))
    }

    /// A goal cell merged down over its activities gives every row of the range its value:
    /// Excel's `<mergeCell>` (first column of the range only) and Word's `w:vMerge`.
    func testMergedCellsFillTheirRows() throws {
        let sheet = """
        <worksheet><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>Delmål</t></is></c><c r="B1" t="inlineStr"><is><t>Aktivitet</t></is></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>Kontinuitet</t></is></c><c r="B2" t="inlineStr"><is><t>Inventera</t></is></c></row>
        <row r="3"><c r="B3" t="inlineStr"><is><t>Öva</t></is></c></row>
        <row r="4"><c r="A4" t="inlineStr"><is><t>Risker</t></is></c><c r="B4" t="inlineStr"><is><t>Analys</t></is></c></row>
        <row r="6"><c r="B6" t="inlineStr"><is><t>Hot och våld</t></is></c></row>
        <row r="7"><c r="B7" t="inlineStr"><is><t>Utanför</t></is></c></row>
        </sheetData><mergeCells count="3"><mergeCell ref="A2:A3"/><mergeCell ref="A4:B6"/><mergeCell ref="A1:A1048576"/></mergeCells></worksheet>
        """
        let t = try XLSXReader.table(Array(sheet.utf8), name: "p.xlsx", shared: [], formats: [:], date1904: false)
        XCTAssertEqual(t.rows.map { $0.map(\.text) }, [["Delmål", "Aktivitet"], ["Kontinuitet", "Inventera"], ["Kontinuitet", "Öva"],
                                                      ["Risker", "Analys"], ["Risker", "Hot och våld"], ["", "Utanför"]])
        XCTAssertEqual(t.numbers, [1, 2, 3, 4, 6, 7])

        let xml = """
        <w:document xmlns:w="x"><w:body><w:tbl>
        <w:tr><w:tc><w:p><w:r><w:t>Delmål</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Aktivitet</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Kontinuitet</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Inventera</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>Öva</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>Revidera</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>Risker</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Analys</w:t></w:r></w:p></w:tc></w:tr>
        </w:tbl></w:body></w:document>
        """
        let tables = try DOCXReader.tables(Array(xml.utf8), file: "p.docx")
        XCTAssertEqual(tables[0].rows.map { $0.map(\.text) }, [["Delmål", "Aktivitet"], ["Kontinuitet", "Inventera"], ["Kontinuitet", "Öva"],
                                                              ["Kontinuitet", "Revidera"], ["Risker", "Analys"]])
    }

    /// A file that is no zip, or a zip cut short or with an entry larger than it declares, is
    /// a damaged file in both languages: no English inside the Swedish message, and the
    /// size the entry declares, not "0 MiB".
    func testDamagedZipIsSaidInBothLanguages() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EndToEndTests/Fixtures/import")
        let good = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("plan.xlsx")))
        // The central directory's entry for the sheet says it unpacks to 10 bytes.
        var small = good
        var i = 0
        while i + 46 < small.count {
            if small[i] == 0x50, small[i + 1] == 0x4B, small[i + 2] == 1, small[i + 3] == 2 {
                let n = Int(small[i + 28]) | Int(small[i + 29]) << 8
                if String(decoding: small[(i + 46)..<(i + 46 + n)], as: UTF8.self) == "xl/worksheets/sheet1.xml" {
                    small.replaceSubrange((i + 24)..<(i + 28), with: [10, 0, 0, 0])
                }
            }
            i += 1
        }
        let cases: [(String, [UInt8], String, String)] = [
            ("cut.xlsx", Array(good.dropLast(10)), "ingen zip-katalog hittades (inte en zip-fil, eller avkortad)", "no zip directory found (not a zip file, or cut short)"),
            // A CSV under a workbook's name is said as one (ImportMisnamedTests).
            ("tiny.xlsx", Array("PK".utf8), "för kort för att vara en zip-fil", "too short to be a zip file"),
            ("size.xlsx", small, "xl/worksheets/sheet1.xml packas upp till mer än de 10 byte som arkivet anger",
             "xl/worksheets/sheet1.xml unpacks to more than the 10 bytes the archive declares"),
        ]
        for (file, bytes, sv, en) in cases {
            XCTAssertThrowsError(try ImportSource.tables(bytes, file: file), file) { error in
                let m = (error as? OfficeError)?.message
                XCTAssertTrue(m?.sv.hasPrefix("\(file) kan inte läsas som arbetsbok: \(sv)") == true, m?.sv ?? "\(error)")
                XCTAssertTrue(m?.en.hasPrefix("\(file) cannot be read as a workbook: \(en)") == true, m?.en ?? "\(error)")
                for english in ["found", "not a zip", "unpacks", "MiB", "bytes", "declares"] {
                    XCTAssertFalse(m?.sv.contains(english) ?? true, "English in the Swedish message: \(m?.sv ?? "")")
                }
            }
        }
        // The inflater's own words, in both languages, with the limit as it is.
        XCTAssertThrowsError(try Inflate.inflate([0x07])) { error in
            XCTAssertEqual((error as? Inflate.Failure)?.message.sv, "ogiltig blocktyp 3")
        }
        // 1,000 zero bytes, deflated by zlib.
        let deflated: [UInt8] = [0x63, 0x60, 0x18, 0x05, 0xA3, 0x60, 0x14, 0x0C, 0x77, 0x00, 0x00]
        XCTAssertThrowsError(try Inflate.inflate(deflated, limit: 100)) { error in
            let m = (error as? Inflate.Failure)?.message
            XCTAssertEqual(m?.sv, "datat packas upp till mer än 100 byte", m?.sv ?? "\(error)")
            XCTAssertEqual(m?.en, "the data unpacks to more than 100 bytes")
        }
        XCTAssertEqual(Inflate.size(512 << 20).sv, "512 MiB")
        XCTAssertEqual(Inflate.size(1).en, "1 byte")
        // A part declared larger than import reads (64 MiB) is refused before it is unpacked,
        // as too large rather than damaged.
        var large = good
        i = 0
        while i + 46 < large.count {
            if large[i] == 0x50, large[i + 1] == 0x4B, large[i + 2] == 1, large[i + 3] == 2 {
                let n = Int(large[i + 28]) | Int(large[i + 29]) << 8
                if String(decoding: large[(i + 46)..<(i + 46 + n)], as: UTF8.self) == "xl/worksheets/sheet1.xml" {
                    large.replaceSubrange((i + 24)..<(i + 28), with: [0, 0, 0x10, 0x04])  // 0x04100000 bytes, 65 MiB (little-endian)
                }
            }
            i += 1
        }
        XCTAssertThrowsError(try ImportSource.tables(large, file: "big.xlsx")) { error in
            let m = (error as? OfficeError)?.message
            XCTAssertEqual(m?.sv, "big.xlsx är större än import läser: xl/worksheets/sheet1.xml packas upp till mer än 64 MiB; en plan är några MiB. Spara bara planens blad eller tabeller i en egen fil och importera den")
            XCTAssertTrue(m?.en.hasPrefix("big.xlsx is larger than import reads: xl/worksheets/sheet1.xml unpacks to more than 64 MiB") == true, m?.en ?? "\(error)")
        }
    }

    /// A workbook or document whose XML is cut short inside a whole zip (the CRC is right) is
    /// a damaged file, named, with what to do; not half a table or "no table".
    func testXMLCutShortIsADamagedFile() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EndToEndTests/Fixtures/import")
        for (name, part) in [("plan.xlsx", "xl/worksheets/sheet1.xml"), ("plan.xlsx", "xl/styles.xml"),
                             ("plan.xlsx", "xl/workbook.xml"), ("plan.docx", "word/document.xml")] {
            let zip = try ZipArchive([UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name))))
            let whole = try XCTUnwrap(zip.read(part), part)
            for fraction in [0.3, 0.6, 0.95] {
                var w = ZipWriter()
                for e in zip.entries { try w.add(e.name, e.name == part ? Array(whole.prefix(Int(Double(whole.count) * fraction))) : try zip.read(e)) }
                let file = "cut-" + name
                XCTAssertThrowsError(try ImportSource.tables(try w.finish(), file: file), "\(part) at \(fraction)") { error in
                    let m = (error as? OfficeError)?.message
                    XCTAssertTrue(m?.sv.hasPrefix("\(file) kan inte läsas som") == true && m?.sv.contains("\(part) tar slut mitt i sin XML") == true
                                  && m?.sv.contains("spara om den från Excel eller Word") == true, m?.sv ?? "\(error)")
                    XCTAssertTrue(m?.en.contains("\(part) ends in the middle of its XML") == true, m?.en ?? "")
                }
            }
        }
        // The whole files still read.
        for name in ["plan.xlsx", "plan.docx"] {
            XCTAssertFalse(try ImportSource.tables([UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name))), file: name).isEmpty, name)
        }
        var x = XMLScanner(Array("<a><b x='1'/>text</a>".utf8))
        while x.next() != nil {}
        XCTAssertTrue(x.isWhole)
        for cut in ["<a><b x='1", "<a><!-- c", "<a><![CDATA[x", "<a></a", "<a>text", ""] {
            var y = XMLScanner(Array(cut.utf8))
            while y.next() != nil {}
            XCTAssertFalse(y.isWhole, cut)
        }
    }

    /// A workbook whose one long shared string is named by many rows is refused before its
    /// rows are read: its text as read would be far larger than the file (a 1 MiB string in
    /// 1,024 rows took 47 s and 1.3 GB). Here, with the limit at 1 MiB instead of 64, a
    /// string of 32,000 characters (near the most Excel holds in a cell) in 40 rows. The
    /// same string in a few rows is read.
    func testTextCopiedToManyRowsIsRefused() throws {
        let long = String(repeating: "x", count: 32_000)
        func book(rows: Int) throws -> [UInt8] {
            let sheet = Workbook.Sheet(name: "Plan", columns: ["Mål", "Aktivitet", "Ansvarig"].map { Workbook.Column($0) },
                                       rows: (0..<rows).map { _ in [.text("D1"), .text(long), .text("sf")] })
            return try XLSXWriter.write(Workbook(sheets: [sheet]))
        }
        let many = try book(rows: 40)
        XCTAssertLessThan(many.count, 100_000)
        XCTAssertThrowsError(try ImportSource.tables(many, file: "p.xlsx", maxText: 1 << 20)) { e in
            XCTAssertTrue("\(e)".contains("p.xlsx: the text of its tables grows past what import reads (1 MiB)"), "\(e)")
        }
        XCTAssertEqual(try ImportSource.tables(try book(rows: 3), file: "p.xlsx", maxText: 1 << 20)[0].rows.count, 4)
        XCTAssertEqual(ImportSource.maxText, 64 << 20)
    }
}
