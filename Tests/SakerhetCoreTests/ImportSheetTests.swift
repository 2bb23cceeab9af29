import XCTest
@testable import SakerhetCore

/// What the workbook reader makes of Excel's escapes, hidden sheets and formulas without a
/// value. In-process, with small workbooks made here.
final class ImportSheetTests: XCTestCase {
    /// A workbook of the given sheets (name, hidden, sheet XML) and shared strings.
    static func workbook(_ sheets: [(String, Bool, String)], shared: [String] = []) throws -> [UInt8] {
        var zip = ZipWriter()
        var wb = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, s) in sheets.enumerated() {
            wb += "<sheet name=\"\(s.0)\" sheetId=\"\(i + 1)\"\(s.1 ? " state=\"hidden\"" : "") r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        try zip.add("xl/workbook.xml", Array((wb + "</sheets></workbook>").utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array((rels + "</Relationships>").utf8))
        for (i, s) in sheets.enumerated() { try zip.add("xl/worksheets/sheet\(i + 1).xml", Array(s.2.utf8)) }
        if !shared.isEmpty {
            try zip.add("xl/sharedStrings.xml", Array(("<sst>" + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>").utf8))
        }
        return try zip.finish()
    }

    static func sheet(_ rows: [[String]]) -> String {
        "<worksheet><sheetData>" + rows.enumerated().map { r, cells in
            "<row r=\"\(r + 1)\">" + cells.enumerated().map { c, v in
                "<c r=\"\(XLSXReader.columnName(c))\(r + 1)\" t=\"inlineStr\"><is><t>\(v)</t></is></c>"
            }.joined() + "</row>"
        }.joined() + "</sheetData></worksheet>"
    }

    /// ECMA-376 ST_Xstring: `_x000D_` is a carriage return, `_x0009_` a tab, `_x005F_` an
    /// underscore (so `_x005F_x000D_` is the text `_x000D_`), in shared and inline strings.
    func testExcelEscapesAreDecoded() throws {
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>b_x0009_c</t></is></c></row></sheetData></worksheet>"
        let bytes = try Self.workbook([("Plan", false, sheet)], shared: ["Rad ett_x000D_\nRad två _x005F_x000D_ och a_x005f_b"])
        let t = try XLSXReader.read(bytes, file: "p.xlsx")
        XCTAssertEqual(t.rows[0].map(\.text), ["Rad ett\r\nRad två _x000D_ och a_b", "b\tc"])
        XCTAssertEqual(XLSXReader.unescaped("_x00e5_ _x12_ _xZZZZ_ x000D_"), "å _x12_ _xZZZZ_ x000D_")
        // The writer escapes such a text, so that it reads back as it is.
        let literal = "fil_x000D_namn"
        XCTAssertEqual(XLSXReader.unescaped(XLSXWriter.xEscaped(literal)), literal)
        XCTAssertEqual(XLSXWriter.xEscaped("a_b"), "a_b")
    }

    /// Without --sheet the first visible sheet is read, and a notice names it and the
    /// hidden sheet passed over; --sheet still reads a hidden sheet.
    func testHiddenFirstSheetIsPassedOver() throws {
        let old = Self.sheet([["Mål", "Aktivitet"], ["Mål 0", "Gammal rad"]])
        let new = Self.sheet([["Mål", "Aktivitet"], ["Mål 1", "Ny rad"]])
        let bytes = try Self.workbook([("Gammal plan", true, old), ("Plan 2026", false, new)])
        let t = try XLSXReader.read(bytes, file: "p.xlsx")
        XCTAssertEqual(t.rows[1].map(\.text), ["Mål 1", "Ny rad"])
        XCTAssertEqual(t.notices.map(\.sv), ["p.xlsx: läste bladet 'Plan 2026', det första synliga; det dolda bladet 'Gammal plan' lästes inte. Ange --sheet NAMN för att läsa ett annat blad"])
        XCTAssertTrue(t.notices[0].en.hasPrefix("p.xlsx: read the sheet 'Plan 2026', the first visible one; the hidden sheet 'Gammal plan' was not read"))
        let chosen = try XLSXReader.read(bytes, file: "p.xlsx", sheet: "gammal plan")
        XCTAssertEqual(chosen.rows[1].map(\.text), ["Mål 0", "Gammal rad"])
        XCTAssertEqual(chosen.notices.count, 0)
        // The import shows the reader's notices.
        var importer = Importer(data: ImportRecordTests.data(), asOf: ImportRecordTests.asOf)
        try importer.add(SourceTable(name: "p.xlsx", rows: [[.text("Mål"), .text("Aktivitet"), .text("Ansvarig")], [.text("D1"), .text("X"), .text("sf")]]).with(notices: t.notices), file: "p.xlsx")
        XCTAssertTrue(importer.notices.contains { $0.sv.contains("det dolda bladet 'Gammal plan'") })
    }

    /// A formula without a cached value (a workbook a script wrote) is empty, and a notice
    /// names the cell and says to open and save the file in Excel or LibreOffice.
    func testFormulaWithoutValueIsSaid() throws {
        let sheet = """
            <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Aktivitet</t></is></c><c r="B1" t="inlineStr"><is><t>Klart senast</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>X</t></is></c><c r="B2"><f>DATE(2026,6,30)</f><v></v></c><c r="C2" t="str"><f>CONCATENATE("a","b")</f></c><c r="D2"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>
            """
        let t = try XLSXReader.read(try Self.workbook([("Plan", false, sheet)]), file: "p.xlsx")
        XCTAssertEqual(t.rows[1].map(\.text), ["X", "", "", "2"])
        XCTAssertEqual(t.notices.map(\.sv), ["p.xlsx: cellerna B2, C2 är formler utan beräknat värde och lästes som tomma; öppna filen i Excel eller LibreOffice och spara den, så räknas värdena ut, och importera igen"])
        XCTAssertTrue(t.notices[0].en.contains("the cells B2, C2 are formulas without a computed value"))
        XCTAssertEqual(XLSXReader.columnName(0), "A")
        XCTAssertEqual(XLSXReader.columnName(27), "AB")
    }
}

extension ImportSheetTests {
    /// A date is read at the precision its format shows ("dec 2026" typed in Swedish Excel
    /// is 2026-12-01 as `mmm yyyy`: the month), a percentage as a person reads it, and a
    /// formula error as empty, with a notice naming the cells. The other visible sheets
    /// are named, with the option that reads them.
    func testCellsAreReadAsTheirFormatShowsThem() throws {
        XCTAssertEqual(XLSXReader.shown(164, "mmm yyyy"), .month)
        XCTAssertEqual(XLSXReader.shown(165, "[$-41D]mmmm yyyy;@"), .month)
        XCTAssertEqual(XLSXReader.shown(17, nil), .month)
        XCTAssertEqual(XLSXReader.shown(166, "yyyy"), .year)
        XCTAssertEqual(XLSXReader.shown(167, "yyyy-mm-dd"), .day)
        XCTAssertEqual(XLSXReader.shown(14, nil), .day)
        XCTAssertEqual(XLSXReader.shown(9, nil), .percent(decimals: 0))
        XCTAssertEqual(XLSXReader.shown(168, "0.0%"), .percent(decimals: 1))
        XCTAssertNil(XLSXReader.shown(169, "0.00"))
        XCTAssertEqual([XLSXReader.percent(0.6, decimals: 0), XLSXReader.percent(1, decimals: 0), XLSXReader.percent(0.255, decimals: 0),
                        XLSXReader.percent(0.125, decimals: 1)], ["60 %", "100 %", "25,5 %", "12,5 %"])
        let styles = "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"mmm yyyy\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy\"/></numFmts>"
            + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"9\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>46357</v></c><c r=\"B1\" s=\"2\"><v>46023</v></c>"
            + "<c r=\"C1\" s=\"3\"><v>0.6</v></c><c r=\"D1\" s=\"4\"><v>46357</v></c><c r=\"E1\" t=\"e\"><f>#REF!</f><v>#REF!</v></c><c r=\"F1\"><v>7</v></c></row></sheetData></worksheet>"
        var zip = ZipWriter()
        let one = try Self.workbook([("Plan", false, sheet), ("Risker", false, Self.sheet([["Risk"]])), ("Gammal", true, Self.sheet([["x"]]))])
        // The same workbook with the styles part added.
        let archive = try ZipArchive(one)
        for name in ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"] {
            try zip.add(name, try XCTUnwrap(try archive.read(name)))
        }
        try zip.add("xl/styles.xml", Array(styles.utf8))
        let t = try XLSXReader.read(try zip.finish(), file: "p.xlsx")
        XCTAssertEqual(t.rows[0].map(\.text), ["2026-12", "2026", "60 %", "2026-12-01", "", "7"])
        XCTAssertEqual(t.otherSheets, ["Risker"])
        XCTAssertEqual(t.notices.map(\.sv), [
            "p.xlsx: läste bladet 'Plan'; bladet 'Risker' lästes inte. Importera det med --sheet NAMN, ett blad i taget",
            "p.xlsx, blad Plan: cellen E1 (#REF!) har ett formelfel och lästes som tom; rätta formeln i Excel eller LibreOffice och importera igen"])
    }
    /// A workbook whose visible sheets are all named after kinds (as `export` names them)
    /// is read whole: every visible sheet, each as its kind, in the workbook's order; a
    /// notice names the hidden ones. With a kind asked for, only its sheets. A workbook
    /// with any other visible sheet (Instruktioner, a summary) is one sheet, as before; one
    /// sheet asked for by a kind's name is read as that kind.
    func testSheetsNamedAfterKindsAreReadEachAsItsKind() throws {
        let rows = Self.sheet([["Id", "Rubrik"], ["X1", "Något"]])
        let named = try Self.workbook([("Aktiviteter", false, rows), ("Risker", true, rows), ("risks", false, rows), ("Owners", false, rows)])
        let all = try ImportSource.tables(named, file: "p.xlsx")
        XCTAssertEqual(all.map(\.sheet), ["Aktiviteter", "risks", "Owners"])
        XCTAssertEqual(all.map(\.kind), [.activity, .risk, .owner])
        XCTAssertEqual(all.map(\.place.sv), ["p.xlsx, blad Aktiviteter", "p.xlsx, blad risks", "p.xlsx, blad Owners"])
        XCTAssertEqual(all[0].notices.first?.sv, "p.xlsx: läste bladen som är namngivna efter ett slag av poster, 'Aktiviteter', 'risks', 'Owners'; bladet 'Risker' (dolt) lästes inte. Importera det med --sheet NAMN")
        XCTAssertEqual(all[0].notices.first?.en, "p.xlsx: read the sheets named after a kind of record, 'Aktiviteter', 'risks', 'Owners'; the sheet 'Risker' (hidden) was not read. Import it with --sheet NAME")

        let risks = try ImportSource.tables(named, file: "p.xlsx", kind: .risk)
        XCTAssertEqual(risks.map(\.sheet), ["risks"])
        XCTAssertEqual(risks[0].notices.first?.sv, "p.xlsx: läste bladet som är namngivet efter ett slag av poster (--kind risks), 'risks'; bladen 'Aktiviteter', 'Risker' (dolt), 'Owners' lästes inte. Importera dem med --sheet NAMN")
        // A kind none of the sheets is: the first sheet, as before.
        XCTAssertEqual(try ImportSource.tables(named, file: "p.xlsx", kind: .finding).map(\.sheet), ["Aktiviteter"])
        XCTAssertEqual(try ImportSource.tables(named, file: "p.xlsx", kind: .finding).map(\.kind), [nil])
        // One sheet asked for by name: that one, its kind told by its columns (a sheet called
        // Mål may hold a whole plan), but an owners' sheet, which only its name tells.
        XCTAssertEqual(try ImportSource.tables(named, file: "p.xlsx", sheet: "owners").map(\.kind), [.owner])
        XCTAssertEqual(try ImportSource.tables(named, file: "p.xlsx", sheet: "risks").map(\.kind), [nil])
        // A workbook of one sheet: that sheet, by its columns, as before.
        XCTAssertEqual(try ImportSource.tables(try Self.workbook([("Mål", false, rows)]), file: "p.xlsx").map(\.kind), [nil])
        XCTAssertEqual(try ImportSource.tables(try Self.workbook([("Ansvariga", false, rows)]), file: "p.xlsx").map(\.kind), [.owner])

        // Another visible sheet (a municipality's instructions, or a summary that is not
        // the plan's): the first sheet alone, as before, whatever the others are called.
        for sheets in [[("Plan", false, rows), ("Risker", false, rows)], [("Aktiviteter", false, rows), ("Instruktioner", false, rows), ("Mål", false, rows)]] {
            let one = try ImportSource.tables(try Self.workbook(sheets), file: "p.xlsx")
            XCTAssertEqual(one.count, 1)
            XCTAssertEqual(one[0].sheet, sheets[0].0)
            XCTAssertNil(one[0].kind)
            XCTAssertEqual(one[0].otherSheets, sheets.dropFirst().map(\.0))
        }
        XCTAssertNil(try ImportSource.tables(try Self.workbook([("Plan", false, rows), ("Risker", false, rows)]), file: "p.xlsx", sheet: "Plan")[0].kind)
    }

    /// A cell naming a shared text the workbook does not have is a damaged file, said at the
    /// cell, not a value read as empty.
    func testASharedTextOutOfRangeIsADamagedFile() throws {
        for index in ["99999", "-1", "abc"] {
            let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>\(index)</v></c></row></sheetData></worksheet>"
            XCTAssertThrowsError(try ImportSource.tables(try Self.workbook([("Plan", false, sheet)], shared: ["Aktivitet"]), file: "p.xlsx"), index) { error in
                XCTAssertEqual((error as? OfficeError)?.message.sv,
                               "p.xlsx: cellen A2 pekar på en delad text som arbetsboken inte har; filen är skadad. Öppna den i Excel och spara den igen", index)
            }
        }
    }

    /// The sheets of a workbook are read in the order records name each other, wherever
    /// they lie: an activities' sheet before the goals' sheet whose goal it names gives
    /// the same records as the other way round, not a goal made twice.
    func testAGoalsSheetIsReadBeforeTheActivitiesThatNameIt() throws {
        let goals = Self.sheet([["Id", "Mål", "Ansvarig id", "Klart senast", "Status"], ["M9", "Målet", "sf", "2027", "pågår"]])
        let acts = Self.sheet([["Id", "Aktivitet", "Mål", "Ansvarig id", "Klart senast", "Status"], ["A99", "Övning", "M9", "sf", "2027-06", "pågår"]])
        func imported(_ sheets: [(String, Bool, String)]) throws -> [String] {
            var importer = Importer(data: try Fixture.shipped(), asOf: Day("2024-11-04")!)
            try importer.add(tables: try ImportSource.tables(try Self.workbook(sheets), file: "p.xlsx"), file: "p.xlsx")
            return importer.records.map { r in r.fields.filter { ["id", "title", "goal"].contains($0.0) }.map { "\($0.0)=\($0.1)" }.joined(separator: " ") }
        }
        let inOrder = try imported([("Mål", false, goals), ("Aktiviteter", false, acts)])
        XCTAssertEqual(inOrder, ["id=M9 title=Målet", "id=A99 title=Övning goal=M9"])
        XCTAssertEqual(try imported([("Aktiviteter", false, acts), ("Mål", false, goals)]), inOrder)
    }

    /// An owners' sheet (`export`'s Ansvariga) brings owners in whole, read before the
    /// plan's sheets wherever it is, so the plan's owners are those. An owner there already
    /// is not added again: the folder's by id (a row that differs from it is said), by
    /// name for a row without an id; a row repeated as it is adds nothing, one with the id
    /// of an earlier row and other values is said and left out. Two owners may share a
    /// name, each with its id. A type that is not one of the words is said and left out.
    /// A parent is resolved once every row is read: by id in any case, or by name, also of
    /// a row further down.
    func testAnOwnersSheetBringsOwnersInWhole() throws {
        let acts = Self.sheet([["Id", "Aktivitet", "Mål", "Ansvarig", "Ansvarig id", "Klart senast", "Status"],
                               ["A99", "Övning", "D3", "Enheten för beredskap", "ber", "2025-06", "pågår"]])
        let owners = Self.sheet([["Id", "Namn", "Typ", "Överordnad", "Kontakt"],
                                 ["ber", "Enheten för beredskap", "enhet", "Avdelningen för stöd", "beredskap@example.se"],
                                 ["sbs", "Enheten för säkerhet, beredskap och systemförvaltning", "enhet", "STOD", ""],
                                 ["", "Kansliet", "byrå", "SF", ""],
                                 ["", "Kansliet", "byrå", "SF", ""],
                                 ["stab", "Socialförvaltningen", "funktion", "sf", ""],
                                 ["sf", "Socialförvaltningen", "förvaltning", "sn", "växeln"],
                                 ["avst", "Avdelningen för stöd", "avdelning", "sf", ""],
                                 ["ber", "Enheten för beredskap (ny)", "avdelning", "", ""]])
        let tables = try ImportSource.tables(try Self.workbook([("Aktiviteter", false, acts), ("Ansvariga", false, owners)]), file: "p.xlsx")
        var importer = Importer(data: try Fixture.shipped(), asOf: Day("2024-11-04")!)
        try importer.add(tables: tables, file: "p.xlsx")
        let made = importer.records.filter { $0.kind == .owner }
        XCTAssertEqual(made.map(\.id), ["ber", "kansliet", "stab", "avst"])
        XCTAssertEqual(made[0].fields.map { "\($0.0): \($0.1)" }, ["id: ber", "name: Enheten för beredskap", "kind: enhet", "parent: avst", "contact: beredskap@example.se"],
                       "a parent by the name of a row further down")
        XCTAssertEqual(made[1].fields.map { "\($0.0): \($0.1)" }, ["id: kansliet", "name: Kansliet", "parent: sf"], "a parent's id in another case")
        XCTAssertEqual(made[2].fields.map { "\($0.0): \($0.1)" }, ["id: stab", "name: Socialförvaltningen", "kind: funktion", "parent: sf"], "a name two owners share")
        let said = importer.notices.map(\.sv)
        for notice in ["p.xlsx, blad Ansvariga, rad 4: typen 'byrå' är inte en av enhet, avdelning, förvaltning, nämnd, funktion, extern, fullmäktige, styrelse, kommun, region och togs inte med",
                       "p.xlsx, blad Ansvariga, rad 7: raden är sf i mappen, med andra värden (contact); importen lägger bara till poster och ändrar inte sf; ändra i owners.rec",
                       "p.xlsx, blad Ansvariga, rad 9: ber står redan på p.xlsx, blad Ansvariga, rad 2 med andra värden; raden kan inte tas med. Slå ihop raderna eller ge den här ett eget id"] {
            XCTAssertTrue(said.contains(notice), "\(notice)\n\(said.joined(separator: "\n"))")
        }
        XCTAssertFalse(said.contains { $0.contains("rad 3:") || $0.contains("rad 5:") && !$0.contains("typen 'byrå'") },
                       "sbs is the folder's with the same values (STOD is stod), row 5 repeats row 4: \(said)")
        XCTAssertEqual(importer.duplicates, 2, "sbs and sf are the folder's")
        XCTAssertEqual(importer.leftOut, 1, "the second ber")
        // The activity's owner is the sheet's, not one made again from its name.
        let activity = try XCTUnwrap(importer.records.first { $0.kind == .activity }, said.joined(separator: " // "))
        XCTAssertEqual(activity.fields.first { $0.0 == "owner" }?.1, "ber")
        XCTAssertLessThan(try XCTUnwrap(importer.records.firstIndex { $0.id == "ber" }), try XCTUnwrap(importer.records.firstIndex { $0.kind == .activity }))
    }

    /// A sheet called Ansvariga that lists people (Namn, Enhet, E-post, Telefon), not laid
    /// out as `export`'s (Id first), is no table of owners, who are units and roles: it is
    /// read by its columns (here none it knows), unless `--kind owners` says it is owners.
    /// A sheet called Ansvariga that holds a plan is read as the plan.
    func testOnlyAnOwnersSheetLaidOutAsExportsIsReadAsOwnersByItsName() throws {
        let people = Self.sheet([["Namn", "Enhet", "E-post", "Telefon"], ["Anna Andersson", "Enheten för säkerhet", "anna@example.se", "010-1"]])
        let tables = try ImportSource.tables(try Self.workbook([("Ansvariga", false, people)]), file: "p.xlsx")
        XCTAssertEqual(tables.map(\.kind), [nil])
        var importer = Importer(data: try Fixture.shipped(), asOf: Day("2024-11-04")!)
        XCTAssertThrowsError(try importer.add(tables: tables, file: "p.xlsx"))
        XCTAssertTrue(importer.records.isEmpty)
        var asked = Importer(data: try Fixture.shipped(), asOf: Day("2024-11-04")!, options: Importer.Options(kind: .owner))
        try asked.add(tables: tables, file: "p.xlsx")
        XCTAssertEqual(asked.records.map(\.id), ["anna-andersson"])

        let plan = Self.sheet([["Ansvarig", "Aktivitet", "Mål", "Klart senast", "Status"], ["sbs", "Övning", "D3", "2025-06", "pågår"]])
        var planned = Importer(data: try Fixture.shipped(), asOf: Day("2024-11-04")!)
        try planned.add(tables: try ImportSource.tables(try Self.workbook([("Ansvariga", false, plan)]), file: "p.xlsx"), file: "p.xlsx")
        XCTAssertEqual(planned.records.map(\.kind), [.activity])
        // Two sheets called Mål and Uppföljningar that are a municipality's own, not laid out
        // as `export`'s: the first sheet, by its columns (a whole plan on a sheet called Mål).
        let flat = Self.sheet([["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Status"], ["Mål 1", "Övning", "sbs", "2025-06", "pågår"]])
        let notes = Self.sheet([["Anteckning"], ["Följs upp i mars"]])
        let own = try ImportSource.tables(try Self.workbook([("Mål", false, flat), ("Uppföljningar", false, notes)]), file: "p.xlsx")
        XCTAssertEqual(own.map(\.sheet), ["Mål"])
        XCTAssertEqual(own.map(\.kind), [nil])
    }

    /// An owners' row that cannot come in is named at its sheet and row: an id with a
    /// blank is left out with a notice; a parent that names no owner is audit's error,
    /// located at the sheet (the workbook has several), the row and the column it comes from.
    func testAnOwnersRowThatCannotComeInIsNamedAtItsSheetAndRow() throws {
        let acts = Self.sheet([["Id", "Aktivitet", "Mål", "Ansvarig id", "Klart senast", "Status"], ["A99", "Övning", "D3", "sbs", "2025-06", "pågår"]])
        let owners = Self.sheet([["Id", "Namn", "Typ", "Överordnad"], ["x 9", "Enhet X", "enhet", "sf"], ["x8", "Enhet Y", "enhet", "okänd"]])
        let tables = try ImportSource.tables(try Self.workbook([("Aktiviteter", false, acts), ("Ansvariga", false, owners)]), file: "p.xlsx")
        let data = try Fixture.shipped()
        var importer = Importer(data: data, asOf: Day("2024-11-04")!)
        try importer.add(tables: tables, file: "p.xlsx")
        XCTAssertTrue(importer.notices.contains { $0.sv == "p.xlsx, blad Ansvariga, rad 2: 'x 9' kan inte vara ett id (ett id har inga blanksteg); raden kan inte tas med" },
                      importer.notices.map(\.sv).joined(separator: "\n"))
        XCTAssertEqual(importer.leftOut, 1)
        let edit = try ImportEdit(data, importer.records)
        let errors = edit.newErrors(in: data, asOf: Day("2024-11-04")!).map(edit.located)
        XCTAssertEqual(errors.map { "\($0.file):\($0.line)" }, ["p.xlsx:3"])
        XCTAssertTrue(errors.first?.message.sv.hasPrefix("blad Ansvariga: kolumnen Överordnad: ") == true, errors.first?.message.sv ?? "")
    }
}

extension SourceTable {
    func with(notices: [Message]) -> SourceTable { var t = self; t.notices = notices; return t }
}
