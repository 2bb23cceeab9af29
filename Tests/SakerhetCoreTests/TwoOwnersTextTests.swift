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
