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
}
