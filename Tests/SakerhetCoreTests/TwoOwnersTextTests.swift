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
