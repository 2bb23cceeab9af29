import XCTest
@testable import SakerhetCore

/// Done late is told apart from done on time: the row keeps its green signal (it is done)
/// and its comment says when, and how late; a done date after the report's date is said
/// too. Done on time adds nothing.
final class DoneLateTests: XCTestCase {
    func testDoneLateAndDoneInTheFutureAreSaid() throws {
        func act(_ id: String, due: String, done: String) -> String {
            "id: \(id)\ntitle: T \(id)\ngoal: D3\nowner: sbs\ndue: \(due)\nstatus: klar\ndone: \(done)\n"
        }
        let data = Fixture.data([.activity: [act("A1", due: "2024-09-30", done: "2024-09-14"),
                                             act("A2", due: "2024-09-30", done: "2024-10-15"),
                                             act("A3", due: "2024-12", done: "2024-12-01")].joined(separator: "\n")])
        let report = FollowUp.make(data, asOf: Fixture.asOf)
        let rows = Dictionary(uniqueKeysWithValues: report.activityGroups.flatMap(\.rows).map { ($0.id, $0) })
        XCTAssertNil(rows["A1"]?.doneNote)
        XCTAssertEqual(rows["A2"]?.doneDaysLate, 15)
        XCTAssertEqual(rows["A2"]?.doneNote, "klar 2024-10-15, 15 dagar sen")
        XCTAssertEqual(rows["A2"]?.signal, .green)
        XCTAssertEqual(rows["A3"]?.doneNote, "klardatum 2024-12-01 ligger efter rapportdagen")
        // The comment column wraps: its words, read across the row's lines.
        let text = FollowUpText.render(report, lang: .sv, style: .plain)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("A2 T A2") }, text)
        let words = lines[at...(at + 2)].joined(separator: " ").split(separator: " ").joined(separator: " ")
        XCTAssertTrue(words.hasSuffix("klar grön klar 2024-10-15, 15 dagar sen"), words)
        XCTAssertTrue(FollowUpMarkdown.render(report, lang: .sv).contains("**klar 2024-10-15, 15 dagar sen**"))
        XCTAssertTrue(FollowUpHTML.render(report, lang: .sv).contains("<strong>klardatum 2024-12-01 ligger efter rapportdagen</strong>"))
        let en = FollowUp.make(data, asOf: Fixture.asOf, lang: .en)
        XCTAssertEqual(en.activityGroups.flatMap(\.rows).first { $0.id == "A2" }?.doneNote, "done 2024-10-15, 15 days late")
    }
}
