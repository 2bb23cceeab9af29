import XCTest
@testable import SakerhetCore

/// Standing work (`löpande`) reads in the reader's language wherever a deadline is shown
/// to a person: "löpande" in Swedish, "ongoing" in English. Files and JSON keep the token.
final class StandingWordTests: XCTestCase {
    func testStandingWorkIsOngoingInEnglish() {
        let acts = """
            id: A1
            title: Löpande arbete
            goal: D3
            owner: sbs
            start: löpande
            due: löpande
            status: pågår

            """
        let data = Fixture.data([.activity: acts])
        let report = FollowUp.make(data, asOf: Fixture.asOf)
        let list = RecordList.make(data, .activity, filter: ListFilter(), asOf: Fixture.asOf)
        for lang in Lang.allCases {
            let word = lang == .sv ? "löpande" : "ongoing", other = lang == .sv ? "ongoing" : "löpande"
            let outputs = [("report", FollowUpText.render(report, lang: lang, style: .plain)),
                           ("list", ListRender.table(list, lang: lang, style: .plain)),
                           ("csv", ListRender.csv(list, lang: lang)),
                           ("show", ShowRender.text(data, RecordRef(kind: .activity, index: 0), asOf: Fixture.asOf, lang: lang, style: .plain)
                                .split(separator: "\n").filter { !$0.hasPrefix("start:") && !$0.hasPrefix("due:") }.joined(separator: "\n"))]
            for (name, out) in outputs where name != "show" {
                let line = out.split(separator: "\n").first { $0.contains("A1") }.map(String.init) ?? ""
                XCTAssertEqual(line.components(separatedBy: word).count - 1, 2, "\(name) \(lang): start and due: \(line)")
                XCTAssertFalse(line.contains(other), "\(name) \(lang): \(line)")
            }
            XCTAssertFalse(outputs[3].1.contains(other), "show \(lang): the record's own lines aside")
        }
        XCTAssertEqual(Deadline.standing.shown(.en), "ongoing")
        XCTAssertEqual(Deadline(token: "2024-Q3")!.shown(.en), "2024-Q3", "a token reads the same in both languages")
        XCTAssertTrue(ListRender.json(list).contains("\"löpande\""), "JSON keeps the token")
        XCTAssertEqual(Deadline(phrase: "ongoing"), .standing, "the English word reads back (a CSV made in English imports)")
    }
}
