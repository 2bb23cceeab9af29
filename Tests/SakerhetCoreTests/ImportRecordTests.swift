import XCTest
@testable import SakerhetCore

/// What the import makes of a row's values. In-process.
final class ImportRecordTests: XCTestCase {
    static let asOf = Day(year: 2026, month: 3, day: 1)!

    /// A folder with two owners (one a unit whose name has "," and "och"), a goal and an activity.
    static func data() -> DataSet {
        DataSet(folder: "d", files: [
            .owner: SourceFile(path: "d/owners.rec", document: Document(text: """
                id: sf
                name: Socialförvaltningen

                id: sbs
                name: Enheten för säkerhet, beredskap och systemförvaltning

                """)),
            .goal: SourceFile(path: "d/goals.rec", document: Document(text: "id: D1\ntitle: Trygg förvaltning\nowner: sf\ndue: 2027\nstatus: pågår\n")),
            .activity: SourceFile(path: "d/activities.rec", document: Document(text: "id: A1\ntitle: Gammal\ngoal: D1\nowner: sf\ndue: 2027\nstatus: pågår\n")),
        ])
    }

    static func table(_ rows: [[String]]) -> SourceTable {
        SourceTable(name: "t.csv", rows: rows.map { $0.map { TableCell.text($0) } })
    }

    /// An owner cell is split at "och", "," and "/" only when every part is a known owner:
    /// one in owners.rec (by id or name), or a name that stands alone in a cell of the column.
    /// Otherwise the cell is one owner, as "Individ- och familjeomsorgen" is one unit.
    func testOwnerCellSplitOnlyIntoKnownOwners() throws {
        let header = ["Mål", "Aktivitet", "Ansvarig", "Klart senast"]
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([header,
            ["D1", "Ett", "Individ- och familjeomsorgen", "2026"],
            ["D1", "Två", "Enheten för säkerhet, beredskap och systemförvaltning", "2026"],
            ["D1", "Tre", "Enhet för mottagning och ekonomiskt bistånd", "2026"],
            ["D1", "Fyra", "Socialförvaltningen och IT-enheten", "2026"],
            ["D1", "Fem", "IT-enheten", "2026"],
            ["D1", "Sex", "sbs / sf", "2026"],
            ["D1", "Sju", "IT-enheten, Ekonomi", "2026"],
        ]), file: "t.csv")
        let owners = importer.records.filter { $0.kind == .owner }
        XCTAssertEqual(owners.map { $0.fields.first { $0.0 == "name" }?.1 }, ["Individ- och familjeomsorgen", "Enhet för mottagning och ekonomiskt bistånd", "IT-enheten", "IT-enheten, Ekonomi"])
        let acts = importer.records.filter { $0.kind == .activity }
        func value(_ i: Int, _ k: String) -> String? { acts[i].fields.first { $0.0 == k }?.1 }
        XCTAssertEqual(acts.indices.map { value($0, "owner") },
                       ["individ-och-familjeomsorgen", "sbs", "enhet-for-mottagning-och-ekonomiskt-bist", "sf", "it-enheten", "sbs", "it-enheten-ekonomi"])
        XCTAssertNil(value(0, "note"))
        XCTAssertNil(value(1, "note"))
        XCTAssertEqual(value(3, "note"), "Även ansvarig: IT-enheten", "IT-enheten stands alone in a later row")
        XCTAssertEqual(value(5, "note"), "Även ansvarig: sf")
        XCTAssertNil(value(6, "note"), "Ekonomi is no known owner: the cell is one")
        // A cell kept whole although it has "och", "," or "/" is said once.
        let said = importer.notices.filter { $0.sv.contains("blir en ny ansvarig, hel") }
        XCTAssertEqual(said.count, 3, said.map(\.sv).joined(separator: "\n"))
        XCTAssertTrue(said[0].sv.hasPrefix("t.csv:2: ansvarig 'Individ- och familjeomsorgen'"), said[0].sv)
        XCTAssertEqual(importer.leftOut, 0)
    }
}
