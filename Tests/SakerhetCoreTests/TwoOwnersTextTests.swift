import Foundation
import XCTest
@testable import SakerhetCore

/// A record with two owners is shown with both in the text report (its tables and the
/// late list) and in `show`, as in the lists and the other formats.
final class TwoOwnersTextTests: XCTestCase {
    func testTheTextReportAndShowNameEveryOwner() {
        let acts = """
            id: A1
            title: Gemensam övning
            goal: D3
            owner: sbs
            owner: flg
            due: 2024-10-31
            status: pågår

            """
        let data = Fixture.data([.activity: acts])
        let text = FollowUpText.render(FollowUp.make(data, asOf: Fixture.asOf), lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("  A1    Gemensam övning"), text)
        let lines = text.split(separator: "\n").filter { $0.contains("Gemensam övning") }
        XCTAssertGreaterThanOrEqual(lines.count, 2, text)
        for l in lines where !l.contains("(") { XCTAssertTrue(l.contains("sbs, flg"), String(l)) }
        let show = ShowRender.text(data, RecordRef(kind: .activity, index: 0), asOf: Fixture.asOf, lang: .sv, style: .plain)
        XCTAssertTrue(show.contains("Ansvariga: " + data.ownerName("sbs") + ", " + data.ownerName("flg") + "\n"), show)
        // Its diagnostic names the owners as audit does, by name.
        XCTAssertTrue(show.contains("är försenad sedan 2024-10-31 (4 dagar); markera klar (sakerhet activities done A1) eller flytta slutdatumet med ett skäl (sakerhet activities postpone A1 --to … --reason …) (ansvarig: " + data.ownerName("sbs")), show)
        let one = ShowRender.text(Fixture.data(), RecordRef(kind: .activity, index: 0), asOf: Fixture.asOf, lang: .en, style: .plain)
        XCTAssertTrue(one.contains("Owner: "), one)
    }
}

/// A late record whose owner is not in owners.rec (an error audit names) is still listed
/// in the per-owner section, under its owner's id, after the known owners.
final class UnknownOwnerSectionTests: XCTestCase {
    func testALateRecordOfAnUnknownOwnerIsInThePerOwnerSection() {
        let acts = """
            id: A1
            title: Okänd ägare
            goal: D3
            owner: okand
            due: 2024-10-31
            status: pågår

            id: A2
            title: En känd och en okänd
            goal: D3
            owner: sbs
            owner: ghost
            due: 2024-10-30
            status: pågår

            """
        let report = FollowUp.make(Fixture.data([.activity: acts]), asOf: Fixture.asOf)
        let sections = report.owners.map { "\($0.owner): " + $0.overdue.map(\.id).joined(separator: " ") }
        XCTAssertEqual(sections, ["sbs: A2", "ghost: A2", "okand: A1"])
        XCTAssertTrue(FollowUpText.render(report, lang: .sv, style: .plain).contains("okand"))
    }
}

/// The Word report has what the HTML report has: each goal's Öppet under, the marker of an
/// assumed status, a goal's reason under its deadline, the risks by level and the legend.
final class WordReportParityTests: XCTestCase {
    func testTheWordReportHasOpenBelowAssumedMarksRisksAndLegend() throws {
        let goals = """
            id: M1
            title: Klart mål över sen aktivitet
            owner: sbs
            due: 2024-12
            status: klar
            done: 2024-10-01
            assumed: status

            id: M2
            title: Struket mål
            owner: sbs
            due: 2024-12
            status: struken
            reason: Uteblev efter dialog med KS

            """
        let acts = "id: A1\ntitle: Sen\ngoal: M1\nowner: sbs\ndue: 2024-10-31\nstatus: pågår\n"
        let report = FollowUp.make(Fixture.data([.goal: goals, .activity: acts]), asOf: Fixture.asOf)
        let bytes = try FollowUpDOCX.render(report, lang: .sv)
        let xml = String(decoding: try XCTUnwrap(try ZipArchive(bytes).read("word/document.xml")), as: UTF8.self)
        let tables = try ImportSource.tables(bytes, file: "r.docx")
        let goalTable = try XCTUnwrap(tables.first { ($0.rows.first?.map(\.text) ?? []).starts(with: ["Mål", "Beskrivning"]) })
        XCTAssertEqual(goalTable.rows[0].map(\.text).last, "Under")
        let m1 = try XCTUnwrap(goalTable.rows.first { $0.first?.text == "M1" }).map(\.text)
        XCTAssertEqual(Array(m1.suffix(3)), ["klar*", "grön", "röd"])
        XCTAssertTrue(goalTable.rows.contains { $0.first?.text == "M2" && $0[3].text.contains("Uteblev efter dialog med KS") })
        let l = ReportLabels(lang: .sv)
        XCTAssertTrue(xml.contains(">" + l.legend + "<"), "the legend's heading")
        for line in l.legendLines(report) { XCTAssertTrue(xml.contains(FollowUpHTML.h(line)), "legend line: \(line)") }
        XCTAssertTrue(xml.contains(ReportLabels(lang: .sv).riskCounts(report.summary.risks)), "the risks by level")
    }
}

/// `audit --format json` gives every owner of a record with several, as the text, the
/// annotations and `--by-owner` do: `owners` and `owner_names` beside `owner`/`owner_name`
/// (the first, kept for compatibility); a record with one owner has neither array.
final class TwoOwnersAuditJSONTests: XCTestCase {
    /// A diagnostic's line names at most three owners and how many more, in text, GitHub
    /// and GitLab: a record of 500 unknown owners gives 500 errors, and each named all of
    /// them (12,500 owners: `audit` never ended). The JSON keeps every owner: it is data.
    func testADiagnosticNamesAFewOwners() throws {
        var acts = "id: A1\ntitle: Många\ngoal: D3\ndue: 2024-10-31\nstatus: pågår\n"
        for i in 0..<500 { acts += "owner: o\(i)\n" }
        acts += "\nid: A2\ntitle: Tre\ngoal: D3\nowner: sbs\nowner: meb\nowner: flg\ndue: 2024-10-30\nstatus: pågår\n"
        let data = Fixture.data([.activity: acts, .finding: "", .risk: ""])
        let diagnostics = Checks.run(data, asOf: Fixture.asOf)
        let unknown = diagnostics.filter { $0.check == "owner" && $0.recordID == "A1" }
        XCTAssertEqual(unknown.count, 500)
        let text = DiagnosticText.render(diagnostics, data: data, asOf: Fixture.asOf, lang: .sv, style: .plain)
        XCTAssertLessThan(text.utf8.count, 1_000 * 250, "each line names a few owners, not 500")
        XCTAssertTrue(text.contains("(ansvarig: o0, o1, o2 och 497 till)"), String(text.prefix(500)))
        XCTAssertTrue(DiagnosticText.render(diagnostics, data: data, asOf: Fixture.asOf, lang: .en, style: .plain).contains("(owner: o0, o1, o2 and 497 more)"))
        XCTAssertTrue(DiagnosticFormats.github(unknown, data: data, lang: .sv).contains("(ansvarig: o0, o1, o2 och 497 till)"))
        let three = [data.ownerName("sbs"), data.ownerName("meb"), data.ownerName("flg")]
        XCTAssertTrue(text.contains("(ansvarig: \(three[0]), \(three[1]) och \(three[2]))"), text)
        let json = DiagnosticFormats.json(unknown.prefix(1).map { $0 }, data: data, asOf: Fixture.asOf, lang: .sv)
        XCTAssertTrue(json.contains("\"o499\""))
    }

    func testAuditJSONNamesEveryOwner() throws {
        let owners = Fixture.owners + "\nid: u2\nname: Enheten Två\n"
        let acts = """
            id: A1
            title: Gemensam aktivitet
            goal: D3
            owner: sbs
            owner: u2
            due: 2024-10-31
            status: pågår

            id: A2
            title: Egen aktivitet
            goal: D3
            owner: meb
            due: 2024-10-30
            status: pågår

            """
        let data = Fixture.data([.owner: owners, .activity: acts, .finding: ""])
        let diagnostics = Checks.run(data, asOf: Fixture.asOf).filter { $0.check == "overdue" }
        let text = DiagnosticFormats.json(diagnostics, data: data, asOf: Fixture.asOf, lang: .sv)
        let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(doc["schema"] as? String, "sakerhet.audit/1")
        let rows = try XCTUnwrap(doc["diagnostics"] as? [[String: Any]])
        let a1 = try XCTUnwrap(rows.first { $0["id"] as? String == "A1" })
        XCTAssertEqual(a1["owner"] as? String, "sbs")
        XCTAssertEqual(a1["owner_name"] as? String, data.ownerName("sbs"))
        XCTAssertEqual(a1["owners"] as? [String], ["sbs", "u2"])
        XCTAssertEqual(a1["owner_names"] as? [String], [data.ownerName("sbs"), "Enheten Två"])
        let a2 = try XCTUnwrap(rows.first { $0["id"] as? String == "A2" })
        XCTAssertEqual(a2["owner"] as? String, "meb")
        XCTAssertNil(a2["owners"])
        XCTAssertNil(a2["owner_names"])
    }
}
