import XCTest
@testable import SakerhetCore

/// One day is "1 dag" / "1 day" wherever a number of days is written: the report's lists
/// and tables in every format, and `show`.
final class DayCountWordingTests: XCTestCase {
    func testOneDayIsSingularEverywhere() {
        let acts = """
            id: A1
            title: En dag sen
            goal: D3
            owner: sbs
            due: 2024-11-03
            status: pågår

            id: A2
            title: Tre dagar sen
            goal: D3
            owner: sbs
            due: 2024-11-01
            status: pågår

            id: A3
            title: Klar i morgon
            goal: D3
            owner: sbs
            due: 2024-11-05
            status: pågår

            """
        let data = Fixture.data([.activity: acts])
        let report = FollowUp.make(data, asOf: Fixture.asOf)
        for lang in Lang.allCases {
            let sv = lang == .sv
            let one = sv ? "1 dag sen" : "1 day late", three = sv ? "3 dagar sen" : "3 days late"
            let outputs = [("text", FollowUpText.render(report, lang: lang, style: .plain)),
                           ("markdown", FollowUpMarkdown.render(report, lang: lang)),
                           ("html", FollowUpHTML.render(report, lang: lang))]
            for (format, out) in outputs {
                XCTAssertTrue(out.contains(one), "\(format) \(lang)")
                XCTAssertTrue(out.contains(three), "\(format) \(lang)")
                XCTAssertFalse(out.contains(sv ? "1 dagar" : "1 days"), "\(format) \(lang)")
            }
            XCTAssertTrue(FollowUpText.render(report, lang: lang, style: .plain).contains(sv ? "om 1 dag\n" : "in 1 day\n"))
            let show1 = ShowRender.text(data, RecordRef(kind: .activity, index: 0), asOf: Fixture.asOf, lang: lang, style: .plain)
            XCTAssertTrue(show1.contains(sv ? "försenad 1 dag\n" : "1 day overdue\n"), show1)
            let show3 = ShowRender.text(data, RecordRef(kind: .activity, index: 2), asOf: Fixture.asOf, lang: lang, style: .plain)
            XCTAssertTrue(show3.contains(sv ? "klar senast om 1 dag\n" : "due in 1 day\n"), show3)
        }
    }

    /// Due on the report's date is "i dag" / "today", in the report's due-soon list and in
    /// `audit`'s notice, never "om 0 dagar".
    func testDueTodayIsToday() {
        let data = Fixture.data([.activity: "id: A1\ntitle: I dag\ngoal: D3\nowner: sbs\ndue: \(Fixture.asOf)\nstatus: pågår\n"])
        let report = FollowUp.make(data, asOf: Fixture.asOf)
        for lang in Lang.allCases {
            let text = FollowUpText.render(report, lang: lang, style: .plain)
            XCTAssertTrue(text.contains(lang == .sv ? "i dag\n" : "today\n") && !text.contains(lang == .sv ? "om 0" : "in 0"), text)
            let notice = DueSoonCheck().run(data, asOf: Fixture.asOf).map { $0.message.text(lang) }
            XCTAssertEqual(notice, [lang == .sv ? "A1 ska vara klar senast \(Fixture.asOf) (i dag)" : "A1 is due soon: \(Fixture.asOf) (today)"])
        }
    }
}


