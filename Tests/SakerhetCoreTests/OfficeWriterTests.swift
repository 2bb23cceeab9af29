import Foundation
import XCTest
@testable import SakerhetCore

/// The pieces under the Office formats: CRC-32, the stored zip, XML escaping, the
/// workbook's cells, and the export's columns from the schema.
final class OfficeWriterTests: XCTestCase {
    func testCRC32KnownValues() {
        XCTAssertEqual(CRC32.checksum([UInt8]()), 0)
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)  // the standard check value
        XCTAssertEqual(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
        // Python's zlib.crc32(bytes(range(256)) * 3).
        let bytes = (0..<768).map { UInt8($0 % 256) }
        XCTAssertEqual(CRC32.checksum(bytes), 0xB0C0_DF2A)
        // A collection without contiguous storage gives the same.
        XCTAssertEqual(CRC32.checksum((0..<768).lazy.map { UInt8($0 % 256) }), 0xB0C0_DF2A)
        XCTAssertEqual(CRC32.checksum(bytes[...]), 0xB0C0_DF2A)
    }

    /// Reads the archive back by its own structure: each local header, the central
    /// directory and the end record agree, and the same entries give the same bytes.
    func testZipStructure() throws {
        var zip = ZipWriter()
        let a = Array("<a/>".utf8), b = Array("åäö\n".utf8)
        try zip.add("[Content_Types].xml", a)
        try zip.add("mapp/ö.txt", b)
        let out = try zip.finish()
        func u16(_ i: Int) -> Int { Int(out[i]) | Int(out[i + 1]) << 8 }
        func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }

        // End record: 22 bytes at the end, 2 entries, the directory's size and offset.
        let end = out.count - 22
        XCTAssertEqual(u32(end), 0x0605_4B50)
        XCTAssertEqual(u16(end + 8), 2)
        XCTAssertEqual(u16(end + 10), 2)
        let dirSize = Int(u32(end + 12)), dirStart = Int(u32(end + 16))
        XCTAssertEqual(dirStart + dirSize, end)

        var p = dirStart
        for (name, data) in [("[Content_Types].xml", a), ("mapp/ö.txt", b)] {
            XCTAssertEqual(u32(p), 0x0201_4B50)
            XCTAssertEqual(u16(p + 8) & 0x800, 0x800, "UTF-8 flag")
            XCTAssertEqual(u16(p + 10), 0, "stored")
            XCTAssertEqual(u16(p + 14), 0x21, "DOS date 1980-01-01")
            XCTAssertEqual(u32(p + 16), CRC32.checksum(data))
            XCTAssertEqual(Int(u32(p + 20)), data.count)
            let nameLength = u16(p + 28)
            XCTAssertEqual(String(decoding: out[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self), name)
            // The local header it points to says the same, and the data follows it.
            let local = Int(u32(p + 42))
            XCTAssertEqual(u32(local), 0x0403_4B50)
            XCTAssertEqual(u32(local + 14), CRC32.checksum(data))
            XCTAssertEqual(u16(local + 26), nameLength)
            let at = local + 30 + nameLength + u16(local + 28)
            XCTAssertEqual(Array(out[at..<(at + data.count)]), data)
            p += 46 + nameLength
        }
        var again = ZipWriter()
        try again.add("[Content_Types].xml", a)
        try again.add("mapp/ö.txt", b)
        XCTAssertEqual(try again.finish(), out, "deterministic")
        XCTAssertThrowsError(try again.add("", a))
    }

    func testXMLEscapeDropsWhatXMLForbids() {
        XCTAssertEqual(XML.escape("plain åäö"), "plain åäö")
        XCTAssertEqual(XML.escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c'")
        XCTAssertEqual(XML.escape("x\u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{1F}y"), "xy", "C0 controls are dropped")
        XCTAssertEqual(XML.escape("tab\there\nnext"), "tab\there\nnext")
        XCTAssertEqual(XML.escape("crlf\r\nand\rcr"), "crlf\nand\ncr")
        XCTAssertEqual(XML.escape("\u{FFFE}\u{FFFF}ok\u{FFFD}"), "ok\u{FFFD}")
        XCTAssertEqual(XML.escape("t\tn\n\"", attribute: true), "t&#9;n&#10;&quot;")
    }

    func testWorkbookCells() {
        XCTAssertEqual([0, 1, 25, 26, 27, 51, 52, 701, 702].map(XLSXWriter.columnName), ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
        XCTAssertEqual(XLSXWriter.serial(Day("1970-01-01")!), 25_569)
        XCTAssertEqual(XLSXWriter.serial(Day("2024-11-04")!), 45_600)  // as Excel shows it
        XCTAssertEqual(XLSXWriter.sheetName("a/b:c[d]*?\\e"), "abcde")
        XCTAssertEqual(XLSXWriter.sheetName(String(repeating: "x", count: 40)).count, 31)
        let long = String(repeating: "å", count: 40_000)
        XCTAssertEqual(XLSXWriter.SharedStrings(lang: .sv).clip(long).utf16.count, XLSXWriter.maxCellLength)
    }

    /// The cells the writer will cut are listed, with their sheet, row (as Excel numbers it),
    /// column and length as written: one at the limit is not cut, one over it is, and one
    /// whose personnummer, masked, takes it over the limit is too.
    func testTheCellsToBeCutAreListed() {
        let atLimit = String(repeating: "a", count: XLSXWriter.maxCellLength)
        let over = String(repeating: "𝔸", count: 20_000)  // two UTF-16 units each: 40,000
        let masked = String(repeating: "b", count: XLSXWriter.maxCellLength - 12) + " 811218-9876"
        let sheet = Workbook.Sheet(name: "Aktiviteter", columns: [.init("Id"), .init("Titel")],
                                   rows: [[.text("A1"), .text(atLimit)], [.text("A2"), .text(over)], [.text("A3"), .text(masked)], [.text("A4"), .integer(7)]])
        let cuts = Workbook(sheets: [sheet]).cuts
        XCTAssertEqual(cuts.map { "\($0.sheet) \($0.row) \($0.column) \($0.length)" },
                       ["Aktiviteter 3 Titel 40000", "Aktiviteter 4 Titel \(XLSXWriter.maxCellLength - 12 + 1 + SafeText.mask(.sv).utf16.count)"])
        // In English the mark is 24 characters: a 16,000-character text of numbers, under half
        // the limit, is cut once masked, and listed.
        let numbers = Array(repeating: "811218-9876", count: 1_360).joined(separator: " ")
        XCTAssertLessThan(numbers.utf16.count * 2, XLSXWriter.maxCellLength)
        let dense = Workbook.Sheet(name: "Activities", columns: [.init("Note")], rows: [[.text(numbers)]])
        XCTAssertEqual(Workbook(sheets: [dense], lang: .en).cuts.count, 1)
        XCTAssertEqual(Workbook(sheets: [dense], lang: .sv).cuts.count, 0, "19 + 1 characters a number: 27,199")
    }

    /// The export's columns follow the schema, with the computed ones beside the fields.
    /// No personnummer is written into a Word report or an exported workbook, as in every
    /// other output: each text is masked as it is written, in the document's language. A
    /// number in a title, a note, an owner's name and the organisation, in every form.
    func testNoPersonnummerInWordOrExcel() throws {
        let forms = ["19121212-1212", "191212121212", "121212-1212"]
        var activities = Fixture.activities
        for (i, n) in forms.enumerated() {
            activities += "\nid: P\(i)\ntitle: Ring \(n) om loggen\ngoal: D2\nowner: sbs\ndue: 2024-10\nstatus: pågår\nnote: Kontakt \(n)\n"
        }
        let data = Fixture.data([.activity: activities, .owner: Fixture.owners + "\nid: pn\nname: Handläggare 19121212-1212\n"],
                                config: "organisation: Nämnd 191212121212\ntitle: Plan 121212-1212\n")
        XCTAssertTrue(data.activities.contains { $0.title.contains("19121212-1212") })
        for lang in [Lang.sv, .en] {
            let parts: [(String, [UInt8])] = [
                ("docx", try FollowUpDOCX.render(FollowUp.make(data, asOf: Fixture.asOf, lang: lang), lang: lang)),
                ("xlsx", try XLSXWriter.write(PlanExport.make(data, asOf: Fixture.asOf, lang: lang))),
            ]
            for (format, bytes) in parts {
                let zip = try ZipArchive(bytes)
                var marks = 0
                for e in zip.entries {
                    let content = try zip.read(e)
                    XCTAssertEqual(PersonalNumberCheck.scan(content), [], "\(format) \(lang) \(e.name)")
                    marks += String(decoding: content, as: UTF8.self).components(separatedBy: SafeText.mask(lang)).count - 1
                }
                XCTAssertGreaterThanOrEqual(marks, forms.count, "\(format) \(lang)")
            }
        }
    }

    /// The Word report marks assumed values as the other formats do: a risk's score and
    /// status, a recommendation's colour.
    func testWordMarksAssumedRiskAndFindingValues() throws {
        let risks = "id: R1\ntitle: Obehörig åtkomst\nowner: sbs\nlikelihood: 3\nconsequence: 4\nstatus: hanteras\nassumed: likelihood, consequence, status\n"
        let findings = "id: F1\naudit: Granskning\nrecommendation: Inför logguppföljning\nassessment: röd\nowner: sbs\ndue: 2027-12-31\nstatus: pågår\nassumed: assessment\n"
        let data = Fixture.data([.risk: risks, .finding: findings])
        let zip = try ZipArchive(try FollowUpDOCX.render(FollowUp.make(data, asOf: Fixture.asOf), lang: .sv))
        let xml = String(decoding: try XCTUnwrap(try zip.read("word/document.xml")), as: UTF8.self)
        for marked in [">3*<", ">4*<", ">12*<", ">hanteras*<", ">röd*<"] { XCTAssertTrue(xml.contains(marked), marked) }
    }

    /// The workbook's Signal is the report's: a record moved later in the year (its
    /// baseline from git) is at least gul.
    func testExportSignalOfAMovedRecordIsTheReports() throws {
        var book = HistoryBook()
        book.commit("c1", "2024-01-10", ["data/activities.rec": historyActivity("A1", due: "2024-12")])
        book.commit("c2", "2024-06-10", ["data/activities.rec": historyActivity("A1", due: "2025-06")])
        let data = Fixture.data([.activity: historyActivity("A1", due: "2025-06")])
        let baselines = Baselines.make(book.history(), periodStart: Day("2024-01-01")!)
        func signal(_ b: Baselines) throws -> Workbook.Cell.Value {
            let sheet = PlanExport.make(data, asOf: Fixture.asOf, baselines: b).sheets[2]
            let column = try XCTUnwrap(sheet.columns.firstIndex { $0.header == ExportLabels.signal.sv })
            return sheet.rows[0][column].value
        }
        XCTAssertEqual(try signal(Baselines()), .text("grön"))
        XCTAssertEqual(try signal(baselines), .text("gul"))
    }

    func testExportColumnsFollowTheSchema() throws {
        let data = Fixture.data()
        let book = PlanExport.make(data, asOf: Fixture.asOf)
        XCTAssertEqual(book.sheets.map(\.name), ["Mål", "Delmål", "Aktiviteter", "Risker", "Rekommendationer", "Uppföljningar", "Ansvariga"])
        let activities = book.sheets[2]
        let headers = activities.columns.map(\.header)
        XCTAssertEqual(headers.first, "Id")
        // Every activity field has its column (the owner two), plus signal and days late.
        XCTAssertEqual(headers.count, Kind.activity.fields.count + 3)
        XCTAssertEqual(headers[headers.firstIndex(of: "Status")! + 1], "Signal")
        XCTAssertEqual(headers[headers.firstIndex(of: "Ansvarig")! + 1], "Ansvarig id")
        for (i, a) in data.activities.enumerated() {
            XCTAssertEqual(activities.rows[i][0], .text(a.id))
            let signal = a.signal(asOf: Fixture.asOf, window: data.config.soonDays)
            XCTAssertEqual(activities.rows[i][headers.firstIndex(of: "Signal")!], Workbook.Cell(.text(signal.word(.sv)), fill: OfficeColours.fill(signal)))
        }
        let risks = book.sheets[3].columns.map(\.header)
        XCTAssertEqual(risks[risks.firstIndex(of: "Konsekvens")! + 1], "Poäng")
        let en = PlanExport.make(data, asOf: Fixture.asOf, lang: .en)
        XCTAssertEqual(en.sheets.map(\.name), ["Goals", "Sub-goals", "Activities", "Risks", "Recommendations", "Follow-ups", "Owners"])
    }

    /// The owners have a sheet of their own, last, after the plan: id, name, type, the owner
    /// above and a contact, so that `import` brings them back whole; `--public` leaves the
    /// contact out (an address or a number may be a person's).
    func testOwnersSheet() throws {
        let data = Fixture.data([.owner: "id: sf\nname: Socialförvaltningen\nkind: förvaltning\ncontact: kontaktcenter@example.se\n\nid: sbs\nname: Enheten för säkerhet\nkind: enhet\nparent: sf\n"])
        let sheet = try XCTUnwrap(PlanExport.make(data, asOf: Fixture.asOf).sheets.last)
        XCTAssertEqual(sheet.name, "Ansvariga")
        XCTAssertEqual(sheet.columns.map(\.header), ["Id", "Namn", "Typ", "Överordnad", "Kontakt"])
        XCTAssertEqual(sheet.rows, [[.text("sf"), .text("Socialförvaltningen"), .text("förvaltning"), .empty, .text("kontaktcenter@example.se")],
                                    [.text("sbs"), .text("Enheten för säkerhet"), .text("enhet"), .text("sf"), .empty]])
        let en = try XCTUnwrap(PlanExport.make(data, asOf: Fixture.asOf, lang: .en).sheets.last)
        XCTAssertEqual(en.name, "Owners")
        XCTAssertEqual(en.columns.map(\.header), ["Id", "Name", "Type", "Parent", "Contact"])
        let open = try XCTUnwrap(PlanExport.make(data, asOf: Fixture.asOf, isPublic: true).sheets.last)
        XCTAssertEqual(open.columns.map(\.header), ["Id", "Namn", "Typ", "Överordnad"])
        XCTAssertEqual(open.rows[0], [.text("sf"), .text("Socialförvaltningen"), .text("förvaltning"), .empty])
    }

    /// The follow-ups have a sheet of their own, after the plan's: a column per field of the schema in
    /// its order, Id first, and the record's title beside its id; a day's period is a date,
    /// the assessment shaded in its signal's colour. In English the report's words. A plan
    /// without followups.rec gets the sheet empty under its header.
    func testFollowupSheet() throws {
        let data = Fixture.data([.followup: Fixture.followups])
        let sheet = try XCTUnwrap(PlanExport.make(data, asOf: Fixture.asOf).sheets.first { $0.name == "Uppföljningar" })
        XCTAssertEqual(sheet.columns.map(\.header), ["Id", "Post", "Rubrik", "Period", "Bedömning", "Analys", "Utfall", "Klassning"])
        XCTAssertEqual(sheet.columns.count, Kind.followup.fields.count + 1, "every field, and the title")
        guard sheet.rows.count == 3, sheet.rows.allSatisfy({ $0.count == 8 }) else { return XCTFail("3 rows of 8 cells: \(sheet.rows)") }
        XCTAssertEqual(sheet.rows[0], [.text("U1"), .text("M3.3"), .text("Säkerställa socialnämndens systematiska säkerhetsarbete"), .text("2024-T2"),
                                       Workbook.Cell(.text("delvis uppfyllt"), fill: OfficeColours.fill(Signal.yellow)),
                                       .text("Två av fyra enheter klara\nresten under hösten"), .text("62 %"), .empty])
        XCTAssertEqual(sheet.rows[1][2], .text(data.activities[1].title), "an activity's title")
        XCTAssertEqual(sheet.rows[1][3], .date(Day("2024-06-30")!), "a day is a date")
        XCTAssertEqual(sheet.rows[2][4], Workbook.Cell(.text("grön"), fill: OfficeColours.fill(Signal.green)))
        XCTAssertEqual(sheet.rows[2][7], .text("intern"))

        let en = try XCTUnwrap(PlanExport.make(data, asOf: Fixture.asOf, lang: .en).sheets.first { $0.name == "Follow-ups" })
        XCTAssertEqual(en.columns.map(\.header), ["Id", "Record", "Title", "Period", "Assessment", "Analysis", "Outcome", "Classification"])
        XCTAssertEqual(en.rows.map { $0[4].value }, [.text("partly met"), .text("yellow"), .text("green")])
        XCTAssertEqual(en.rows.map { $0[7] }, [.empty, .empty, .text("internal")])

        let none = try XCTUnwrap(PlanExport.make(Fixture.data(), asOf: Fixture.asOf).sheets.first { $0.name == "Uppföljningar" })
        XCTAssertEqual(none.columns.map(\.header), sheet.columns.map(\.header))
        XCTAssertEqual(none.rows.count, 0)
    }

    /// `--public` leaves out a follow-up that is not `öppen` (U3) and one of a record that is
    /// left out (U4, of the sekretess A30), as the report's Periodens uppföljning does: its
    /// row would name the record and its title.
    func testPublicFollowupSheet() throws {
        let secret = "\nid: A30\ntitle: Säkerhetsskyddsanalys för ledningsplatsen\ngoal: D3\nowner: sbs\ndue: 2024-12-31\nstatus: pågår\nclassification: sekretess\n"
        let data = Fixture.data([.activity: Fixture.activities + secret,
                                 .followup: Fixture.followups + "\nid: U4\nrecord: A30\nperiod: 2024-T2\nassessment: röd\n"])
        func ids(_ isPublic: Bool) throws -> [Workbook.Cell] {
            try XCTUnwrap(PlanExport.make(data, asOf: Fixture.asOf, isPublic: isPublic).sheets.first { $0.name == "Uppföljningar" }).rows.map { $0[0] }
        }
        XCTAssertEqual(try ids(false), ["U1", "U2", "U3", "U4"].map(Workbook.Cell.text))
        XCTAssertEqual(try ids(true), ["U1", "U2"].map(Workbook.Cell.text))
    }
}
