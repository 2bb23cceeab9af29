import XCTest
@testable import SakerhetCore

/// A risk "hanteras" only as far as its actions do: an action that is late, cancelled or
/// no activity at all is said beside the risk in every format and in `show`.
final class RiskActionsTruthTests: XCTestCase {
    func testActionsOffPlanAreSaidBesideTheRisk() throws {
        let acts = Fixture.activities + """

            id: A30
            title: Ta fram kontrollrutin
            goal: D3
            owner: meb
            due: 2025-01
            status: struken
            reason: Ersätts av A26

            """
        let risks = Fixture.risks.replacingOccurrences(of: "action: A26\n", with: "action: A26\naction: A30\naction: A99\naction: A4\n")
        let data = Fixture.data([.activity: acts, .risk: risks])
        let asOf = Day("2025-03-01")!  // A26 (due 2025-01) is 29 days late
        let report = FollowUp.make(data, asOf: asOf)
        let row = try XCTUnwrap(report.risks.first { $0.id == "R1" })
        XCTAssertEqual(row.actions, ["A26", "A30", "A99", "A4"])
        XCTAssertEqual(row.actionsOffTrack.map { "\($0.id) \($0.status?.rawValue ?? "-") \($0.daysLate)" },
                       ["A26 pågår 29", "A30 struken 0", "A99 - 0"])
        XCTAssertEqual(row.actionsText(.sv), "A26 (29 dagar sen), A30 (struken), A99 (finns inte), A4")
        XCTAssertEqual(row.actionsText(.en), "A26 (29 days late), A30 (cancelled), A99 (no such activity), A4")
        XCTAssertTrue(FollowUpMarkdown.render(report, lang: .sv).contains("| A26 (29 dagar sen), A30 (struken), A99 (finns inte), A4 |"))
        XCTAssertTrue(FollowUpHTML.render(report, lang: .sv).contains("<td>A26 (29 dagar sen), A30 (struken), A99 (finns inte), A4</td>"))
        let json = FollowUpJSON.render(report)
        XCTAssertTrue(json.contains("\"actions_off_track\""), json)

        let show = ShowRender.text(data, RecordRef(kind: .risk, index: 0), asOf: asOf, lang: .sv, style: .plain)
        XCTAssertTrue(show.contains("Åtgärder ur plan: A26 29 dagar sen, A30 struken, A99 finns inte"), show)
        // On plan: nothing said.
        let calm = FollowUp.make(Fixture.data(), asOf: Day("2024-11-04")!)
        XCTAssertEqual(calm.risks.first { $0.id == "R1" }?.actionsOffTrack, [])
    }
}
