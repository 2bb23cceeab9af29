import XCTest
@testable import SakerhetCore

/// A report of a plan whose files have errors says so at its head, in every format, and a
/// record whose deadline cannot be read is not said to have none.
final class ReportErrorsNoteTests: XCTestCase {
    func testErrorsThatMakeTheFiguresUnreliableAreSaidAtTheHead() throws {
        let acts = "id: A5\ntitle: Vecka\ngoal: D3\nowner: sbs\ndue: vecka 5 2027\nstatus: pågår\n\nid: A6\ntitle: Inget\ngoal: D3\nowner: sbs\nstatus: pågår\n"
        let data = Fixture.data([.activity: acts])
        let asOf = Day("2027-05-10")!
        var report = FollowUp.make(data, asOf: asOf)
        let waiting = Dictionary(uniqueKeysWithValues: report.summary.waiting.map { ($0.id, $0.reason) })
        XCTAssertEqual(waiting["A5"], "Slutdatumet kan inte läsas (sakerhet audit)")
        XCTAssertEqual(waiting["A6"], "Inget slutdatum")
        let errors = Checks.reportErrors(data, asOf: asOf)
        // The deadline, the missing due, and the risks' actions that name activities no longer there.
        XCTAssertEqual(Set(errors.map(\.check)), ["deadline", "mandatory", "reference"])
        report.attach(errors: errors)
        let note = try XCTUnwrap(report.headNotes?.first)
        XCTAssertTrue(note.sv.hasPrefix("\(errors.count) fel i planens filer gör rapportens siffror osäkra (data/activities.rec:5, data/activities.rec:8, data/risks.rec:7 m.fl.); en post"), note.sv)
        XCTAssertTrue(note.en.contains("errors in the plan's files make the report's figures unreliable"), note.en)
        for text in [FollowUpText.render(report, lang: .sv, style: .plain), FollowUpMarkdown.render(report, lang: .sv),
                     FollowUpHTML.pieces(report, lang: .sv).joined()] {
            XCTAssertTrue(text.contains("gör rapportens siffror osäkra"), String(text.prefix(600)))
        }
        XCTAssertTrue(FollowUpJSON.render(report).contains("gör rapportens siffror osäkra"))
        // An auditor's colour that cannot be read drops out of the count of colours: said at
        // the head, so that "av 2" with one colour counted is not left unexplained.
        let orange = Fixture.findings.replacingOccurrences(of: "assessment: gul", with: "assessment: orange")
        let colours = Fixture.data([.finding: orange])
        let colourErrors = Checks.reportErrors(colours, asOf: Fixture.asOf)
        XCTAssertEqual(colourErrors.map(\.check), ["assessment"])
        var coloured = FollowUp.make(colours, asOf: Fixture.asOf)
        coloured.attach(errors: colourErrors)
        XCTAssertTrue(coloured.headNotes?.first?.sv.contains("data/findings.rec:") == true, "\(coloured.headNotes ?? [])")
        // No errors, no note.
        var clean = FollowUp.make(Fixture.data(), asOf: Fixture.asOf)
        clean.attach(errors: Checks.reportErrors(Fixture.data(), asOf: Fixture.asOf))
        XCTAssertNil(clean.headNotes)
    }
}

/// The text summary's lists keep their days in one column when a record has two owners.
final class SummaryColumnsTests: XCTestCase {
    func testTheDaysLineUpWithTwoOwners() {
        let acts = "id: A1\ntitle: En\ngoal: D3\nowner: sbs\ndue: 2024-09\nstatus: pågår\n\n"
            + "id: A2\ntitle: Två\ngoal: D3\nowner: sbs\nowner: meb\ndue: 2024-08\nstatus: pågår\n"
        let report = FollowUp.make(Fixture.data([.activity: acts, .risk: ""]), asOf: Fixture.asOf)
        let text = FollowUpText.render(report, lang: .sv, style: .plain)
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("  A1 ") || $0.hasPrefix("  A2 ") }.filter { $0.contains("dagar sen") }
        XCTAssertEqual(rows.count, 2, text)
        let columns = Set(rows.map { $0.distance(from: $0.startIndex, to: $0.range(of: #"\d+ dagar sen"#, options: .regularExpression)!.lowerBound) })
        XCTAssertEqual(columns.count, 1, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.contains("sbs, meb") }, rows.joined(separator: "\n"))
    }
}
