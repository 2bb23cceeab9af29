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
        // A done date no source gives (assumed) carries the mark where it is said.
        let assumed = Fixture.data([.activity: act("A4", due: "2024-09-30", done: "2024-10-15") + "assumed: status, done\n"])
        XCTAssertEqual(FollowUp.make(assumed, asOf: Fixture.asOf).activityGroups.flatMap(\.rows).first?.doneNote, "klar 2024-10-15*, 15 dagar sen")
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

    /// A recurring control whose occurrence in the period found a deviation says so in its
    /// row, in every format; one outside the period, or after the report's date, does not.
    func testADeviationInThePeriodIsSaidInTheRow() {
        let control = "id: A1\ntitle: Kontroll\ngoal: D3\nowner: sbs\nevery: kvartal\ndue: 2024-Q4\nstatus: pågår\n"
        func note(_ occurrences: String, asOf: String = "2024-11-04") -> String? {
            let data = Fixture.data([.activity: control + occurrences])
            return FollowUp.make(data, asOf: Day(asOf)!).activityGroups.flatMap(\.rows).first?.doneNote
        }
        let deviation = "occurrence: 2024-Q3 2024-09-20 avvikelse: Tre konton fel\n"
        XCTAssertEqual(note(deviation), "avvikelse vid tillfället 2024-Q3 (2024-09-20)")
        XCTAssertEqual(note("occurrence: 2024-Q2 2024-06-01 avvikelse\n" + deviation), "avvikelse vid tillfället 2024-Q3 (2024-09-20) (2 avvikelser i perioden)")
        XCTAssertNil(note("occurrence: 2024-Q3 2024-09-20 utan anmärkning\n"))
        XCTAssertNil(note("occurrence: 2023-Q4 2023-12-01 avvikelse\n"))
        XCTAssertNil(note(deviation, asOf: "2024-09-01"))
        let report = FollowUp.make(Fixture.data([.activity: control + deviation]), asOf: Fixture.asOf)
        for out in [FollowUpText.render(report, lang: .sv, style: .plain).split(whereSeparator: \.isWhitespace).joined(separator: " "),
                    FollowUpMarkdown.render(report, lang: .sv), FollowUpHTML.render(report, lang: .sv)] {
            XCTAssertTrue(out.contains("avvikelse vid tillfället 2024-Q3 (2024-09-20)"), out)
        }
    }

    /// A done period says only that it was done some day in it: not after the report's
    /// date while the period holds that date, and late "at least" the days to its start.
    func testADonePeriodIsNotADay() {
        func act(_ id: String, due: String, done: String) -> String {
            "id: \(id)\ntitle: T \(id)\ngoal: D3\nowner: sbs\ndue: \(due)\nstatus: klar\ndone: \(done)\n"
        }
        // The fixture's date is 2024-11-04.
        let data = Fixture.data([.activity: [act("A1", due: "2024-09", done: "2024-Q4"), act("A2", due: "2024-11", done: "2024-Q4"),
                                             act("A3", due: "2024-09", done: "2025-Q1")].joined(separator: "\n")])
        for (lang, notes) in [(Lang.sv, ["klar 2024-Q4, minst 1 dag sen", nil, "klardatum 2025-Q1 ligger efter rapportdagen"]),
                              (.en, ["done 2024-Q4, at least 1 day late", nil, "done date 2025-Q1 is after the report's date"])] {
            let rows = FollowUp.make(data, asOf: Fixture.asOf, lang: lang).activityGroups.flatMap(\.rows)
            XCTAssertEqual(rows.map(\.doneNote), notes)
        }
    }

    /// A sub-goal and a recommendation done late say so as an activity does: the row's
    /// fields, and the words in every format (before a goal's comment, under a
    /// recommendation).
    func testGoalsAndFindingsDoneLateSaySo() throws {
        let goals = "id: M1\ntitle: Mål\nowner: sbs\ndue: 2024-12\nstatus: pågår\n\n"
            + "id: D9\ntitle: Delmål sent\nparent: M1\nowner: sbs\ndue: 2024-09\nstatus: klar\ndone: 2024-10-10\nnote: Enligt beslut\n"
        let findings = "id: F9\naudit: Granskning\nrecommendation: Rekommendation sent\nowner: sbs\ndue: 2024-09\nstatus: klar\ndone: 2024-10-10\n"
        let data = Fixture.data([.goal: goals, .finding: findings])
        let report = FollowUp.make(data, asOf: Fixture.asOf)
        let goal = try XCTUnwrap(report.subgoals.first { $0.id == "D9" })
        XCTAssertEqual(goal.done, Day("2024-10-10"))
        XCTAssertEqual(goal.doneDaysLate, 10)
        XCTAssertEqual(goal.shownComment, "klar 2024-10-10, 10 dagar sen; Enligt beslut")
        let finding = try XCTUnwrap(report.audits.flatMap(\.rows).first { $0.id == "F9" })
        XCTAssertEqual(finding.doneNote, "klar 2024-10-10, 10 dagar sen")
        for out in [FollowUpText.render(report, lang: .sv, style: .plain).split(whereSeparator: \.isWhitespace).joined(separator: " "),
                    FollowUpMarkdown.render(report, lang: .sv), FollowUpHTML.render(report, lang: .sv)] {
            XCTAssertEqual(out.components(separatedBy: "10 dagar sen").count - 1, 2, out)
        }
    }
}
