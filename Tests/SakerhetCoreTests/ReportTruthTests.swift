import Foundation
import XCTest
@testable import SakerhetCore

/// What the follow-up report says must mean what a reader takes it to mean, in every format.
final class ReportTruthTests: XCTestCase {
    /// A history of a period with no new plan version, an occurrence done late with a
    /// deviation, and a back-dated done registered later.
    static func history(_ period: FollowUp.Period, revisions: [HistoryReport.RevisionRow] = []) -> HistoryReport {
        var occurrence = HistoryReport.ChangeRow(kind: .activity, id: "A1", title: "IK kvartal", owner: "sbs", date: Day("2026-04-20")!,
                                                 author: "x", commit: "c1", subject: "A1 Q1 klar sent", from: nil, to: nil, days: nil, reason: nil)
        occurrence.registered = Day("2026-04-20")
        occurrence.occurrence = "2026-Q1"
        occurrence.outcome = .deviation
        occurrence.evidence = "Prot Q1"
        var backDated = HistoryReport.ChangeRow(kind: .activity, id: "A2", title: "Klar i efterhand", owner: "sbs", date: Day("2026-03-25")!,
                                                author: "x", commit: "c2", subject: "A2 klar", from: nil, to: nil, days: nil, reason: nil)
        backDated.registered = Day("2026-06-10")
        return HistoryReport(period: period, fromTags: false, revisions: revisions, added: [], closed: [backDated, occurrence],
                             cancelled: [], postponed: [], slips: [], warnings: [])
    }

    /// The Word report says what the HTML report says: no new plan version (not "no commits"),
    /// and Klara with what happened, the evidence and the day it was registered.
    func testTheWordHistorySaysWhatTheHTMLSays() throws {
        let period = FollowUp.Period("2026")!
        var report = FollowUp.make(Fixture.data(), asOf: Day("2026-08-31")!, period: period)
        report.attach(history: .success(Self.history(period)))
        for lang in [Lang.sv, .en] {
            let sv = lang == .sv
            let bytes = try FollowUpDOCX.render(report, lang: lang)
            let xml = String(decoding: try XCTUnwrap(try ZipArchive(bytes).read("word/document.xml")), as: UTF8.self)
            XCTAssertFalse(xml.contains(sv ? "Inga incheckningar" : "No commits"), "\(lang)")
            XCTAssertTrue(xml.contains(FollowUpHTML.h(HistoryReportText.noVersion(period, lang))), "\(lang)")
            XCTAssertTrue(xml.contains(String(HistoryReport.legend(movedGreen: false).text(lang).prefix(40))), "\(lang): the history's legend")
            let html = FollowUpHTML.render(report, lang: lang)
            XCTAssertTrue(html.contains(FollowUpHTML.h(HistoryReportText.noVersion(period, lang))), "\(lang)")
            let tables = try ImportSource.tables(bytes, file: "r.docx")
            let closed = try XCTUnwrap(tables.first { $0.rows.contains { $0.first?.text == "2026-04-20" } }, "\(lang)")
            XCTAssertEqual(closed.rows[0].map(\.text), sv ? ["Datum", "Id", "Beskrivning", "Händelse", "Underlag", "Registrerad", "Författare"]
                                                           : ["Date", "Id", "Description", "Event", "Evidence", "Registered", "Author"])
            let a1 = try XCTUnwrap(closed.rows.first { $0[1].text == "A1" }).map(\.text)
            let what = HistoryReportText.what(Self.history(period).closed[1], lang)
            XCTAssertTrue(what.contains(sv ? "avvikelse" : "deviation"), what)
            XCTAssertEqual(Array(a1[3...]), [what, "Prot Q1", "2026-04-20", "x"])
            let a2 = try XCTUnwrap(closed.rows.first { $0[1].text == "A2" }).map(\.text)
            XCTAssertEqual(a2[0], "2026-03-25")
            XCTAssertEqual(a2[5], "2026-06-10", "a back-dated done keeps its registration date")
        }
    }

    /// An open recommendation with no deadline cannot be on time: it is gul, as with `due: ?`,
    /// in the report's rows, its summary and waiting list, and in `findings list`.
    func testAnOpenRecordWithoutADeadlineIsNotGreen() throws {
        let findings = """
            id: F1
            audit: Granskning av informationssäkerhet
            recommendation: Inför loggkontroller
            assessment: röd
            owner: sbs
            status: ej påbörjad

            id: F2
            audit: Granskning av informationssäkerhet
            recommendation: Inför behörighetsrutin
            assessment: röd
            owner: sbs
            due: ?
            reason: Inte planerat än
            status: ej påbörjad

            id: F3
            audit: Granskning av informationssäkerhet
            recommendation: Klar utan slutdatum
            assessment: röd
            owner: sbs
            status: klar

            """
        let data = Fixture.data([.finding: findings])
        let asOf = Day("2026-04-20")!
        let r = FollowUp.make(data, asOf: asOf)
        let rows = try XCTUnwrap(r.audits.first?.rows)
        XCTAssertEqual(rows.map(\.signal), [.yellow, .yellow, .green], "no due is as ?; a closed one is done")
        XCTAssertEqual(r.summary.findings, FollowUp.Counts(green: 1, yellow: 2))
        let waiting = r.summary.waiting.filter { $0.kind == .finding }
        XCTAssertEqual(waiting.map(\.id), ["F1", "F2"])
        XCTAssertEqual(waiting.map(\.reason), ["Inget slutdatum", "Inte planerat än"])
        XCTAssertEqual(FollowUp.make(data, asOf: asOf, lang: .en).summary.waiting.first { $0.id == "F1" }?.reason, "No deadline")
        let list = RecordList.make(data, .finding, filter: ListFilter(), asOf: asOf)
        XCTAssertEqual(list.rows.first { $0.id == "F1" }?.signal, .yellow)
        XCTAssertEqual(list.rows.first { $0.id == "F2" }?.signal, .yellow)
        // An activity without a deadline (an error `audit` names) is treated the same way.
        let acts = "id: A9\ntitle: Utan slutdatum\ngoal: M3.3\nowner: sbs\nstatus: pågår\n"
        let a = FollowUp.make(Fixture.data([.activity: acts]), asOf: asOf)
        XCTAssertEqual(a.activityGroups.flatMap(\.rows).first { $0.id == "A9" }?.signal, .yellow)
    }

    /// A tertial's (or a quarter's) report shows the tertial's own follow-up, not the year's,
    /// whatever the file order; a broader one shown for want of the period's is marked.
    func testThePeriodsOwnFollowupBeforeABroaderOne() throws {
        let goals = Fixture.goals.replacingOccurrences(of: "parent: M3.3\n", with: "parent: M3.3\nindicator: Andel enheter med plan\ntarget: 100 %\n")
        let tertial = "id: U1\nrecord: D3\nperiod: 2026-T1\nassessment: ej uppfyllt\noutcome: 20 %\nanalysis: Bara en av fem\n\n"
        let year = "id: U2\nrecord: D3\nperiod: 2026\nassessment: uppfyllt\noutcome: 100 %\nanalysis: Helårsbedömning\n\n"
        let asOf = Day("2027-01-15")!
        for text in [tertial + year, year + tertial] {
            let data = Fixture.data([.goal: goals, .followup: text])
            let t1 = try XCTUnwrap(FollowUp.make(data, asOf: asOf, period: FollowUp.Period("2026-T1")).followups.first { $0.id == "D3" })
            XCTAssertEqual([t1.period, t1.assessment, t1.outcome], ["2026-T1", "ej uppfyllt", "20 %"])
            XCTAssertFalse(t1.isEarlier || t1.isBroader)
            // The year's report shows the year's.
            let y = try XCTUnwrap(FollowUp.make(data, asOf: asOf, period: FollowUp.Period("2026")).followups.first { $0.id == "D3" })
            XCTAssertEqual([y.period, y.assessment], ["2026", "uppfyllt"])
            XCTAssertFalse(y.isEarlier || y.isBroader)
            // The first quarter has no follow-up of its own: the narrowest that covers it is
            // the tertial's (January–April), shown and marked as broader, not the year's.
            let q1 = try XCTUnwrap(FollowUp.make(data, asOf: asOf, period: FollowUp.Period("2026-Q1")).followups.first { $0.id == "D3" })
            XCTAssertEqual([q1.period, q1.assessment], ["2026-T1", "ej uppfyllt"])
            XCTAssertTrue(q1.isBroader)
            XCTAssertFalse(q1.isEarlier)
            XCTAssertEqual(ReportLabels(lang: .sv).period(q1), "hela 2026-T1")
            XCTAssertEqual(ReportLabels(lang: .en).period(q1), "all of 2026-T1")
        }
        // Only the year's: shown in the tertial's report, and marked as the year's.
        let onlyYear = Fixture.data([.goal: goals, .followup: year])
        let t1 = try XCTUnwrap(FollowUp.make(onlyYear, asOf: asOf, period: FollowUp.Period("2026-T1")).followups.first { $0.id == "D3" })
        XCTAssertEqual([t1.period, t1.assessment], ["2026", "uppfyllt"])
        XCTAssertTrue(t1.isBroader)
        let r = FollowUp.make(onlyYear, asOf: asOf, period: FollowUp.Period("2026-T1"))
        XCTAssertTrue(FollowUpText.render(r, lang: .sv, style: Style(color: false, width: 100)).contains("hela 2026"))
        XCTAssertTrue(FollowUpMarkdown.render(r, lang: .sv).contains("| hela 2026 |"))
        XCTAssertTrue(FollowUpHTML.render(r, lang: .en).contains("all of 2026"))
    }

    /// A recommendation moved before the period began keeps its first deadline in view, as an
    /// activity moved the same way does ("Först planerad till 2025-06."), in every format.
    func testAFindingMovedBeforeThePeriodKeepsItsFirstDeadlineInView() throws {
        func finding(_ due: String) -> String {
            "id: F1\naudit: Granskning IT\nrecommendation: Inför loggkontroller\nassessment: röd\nowner: sbs\ndue: \(due)\nstatus: pågår\n"
        }
        var book = HistoryBook()
        book.kinds["data/findings.rec"] = .finding
        book.commit("c1", "2025-01-15", ["data/activities.rec": historyActivity("A1", due: "2025-06"), "data/findings.rec": finding("2025-06")])
        book.commit("c2", "2025-09-01", ["data/activities.rec": historyActivity("A1", due: "2026-06"),
                                         "data/findings.rec": finding("2026-06") + "reason: Ny tidplan\n"])
        let period = FollowUp.Period("2026")!
        let baselines = Baselines.make(book.history(), periodStart: period.first)
        let data = Fixture.data([.activity: historyActivity("A1", due: "2026-06"), .finding: finding("2026-06") + "reason: Ny tidplan\n"])
        for lang in [Lang.sv, .en] {
            let sv = lang == .sv
            let r = FollowUp.make(data, asOf: Day("2026-03-20")!, period: period, lang: lang, baselines: baselines)
            let a1 = try XCTUnwrap(r.activityGroups.flatMap(\.rows).first { $0.id == "A1" })
            XCTAssertEqual(a1.planned?.token, "2025-06")
            let f1 = try XCTUnwrap(r.audits.first?.rows.first)
            XCTAssertEqual(f1.planned?.token, "2025-06", "as the activity")
            XCTAssertNil(f1.original, "not moved in the period")
            XCTAssertEqual(f1.signal, .green, "its signal follows the period's baseline")
            let said = sv ? "Först planerad till 2025-06." : "First planned for 2025-06."
            XCTAssertEqual(ReportLabels(lang: lang).planned(f1), said)
            XCTAssertEqual(ReportLabels(lang: lang).due(f1), "2026-06")
            let text = FollowUpText.render(r, lang: lang, style: Style(color: false, width: 100))
            XCTAssertTrue(text.contains(sv ? "Först planerad till" : "First planned for") && text.contains("2025-06."), "\(lang) text")
            XCTAssertTrue(FollowUpMarkdown.render(r, lang: lang).contains(said), "\(lang) Markdown")
            XCTAssertTrue(FollowUpHTML.render(r, lang: lang).contains(said), "\(lang) HTML")
            XCTAssertTrue(FollowUpJSON.render(r).contains("\"planned\" : \"2025-06\""), "JSON")
            let docx = try FollowUpDOCX.render(r, lang: lang)
            XCTAssertTrue(try ImportSource.tables(docx, file: "r.docx").contains { t in t.rows.contains { $0.first?.text == "F1" && $0[1].text.contains(said) } }, "\(lang) Word")
        }
    }

    /// Each summary line counts the rows of its own table: an action plan's målområde is
    /// listed under Målområden, not in the Delmål table that the Delmål line counts.
    func testEachSummaryLineCountsTheRowsOfItsTable() throws {
        let goals = """
            id: M1
            title: Mål ett
            owner: sbs
            due: 2026
            status: pågår

            id: HP1
            title: Målområde 1
            parent: M1
            level: målområde
            owner: sbs
            due: 2026-02
            status: pågår

            id: D1
            title: Delmål under målområdet
            parent: HP1
            owner: sbs
            due: 2026-03
            status: klar
            done: 2026-03-01

            """
        let r = FollowUp.make(Fixture.data([.goal: goals, .activity: "", .finding: "", .risk: ""]), asOf: Day("2026-04-20")!)
        XCTAssertEqual(r.subgoals.map(\.id), ["D1"])
        XCTAssertEqual(r.actionAreas.map(\.id), ["HP1"])
        XCTAssertEqual(r.summary.subgoals, FollowUp.Counts(green: 1))
        XCTAssertEqual(r.summary.actionAreas, FollowUp.Counts(red: 1))
        XCTAssertTrue(FollowUpJSON.render(r).contains("\"action_areas\" : ["), "JSON rows")
        for lang in [Lang.sv, .en] {
            let l = ReportLabels(lang: lang)
            let text = FollowUpText.render(r, lang: lang, style: Style(color: false, width: 100))
            let delmal = try XCTUnwrap(text.range(of: "\n" + l.subgoals.uppercased() + "\n"))
            let areas = try XCTUnwrap(text.range(of: "\n" + l.actionAreas.uppercased() + "\n"), "\(lang) text")
            let subTable = text[delmal.upperBound..<areas.lowerBound]
            // D1 names HP1 as its goal; HP1's own row is not in the Delmål table.
            XCTAssertTrue(subTable.contains("Delmål under") && !subTable.contains("Målområde 1"), String(subTable))
            XCTAssertTrue(text[areas.upperBound...].prefix(400).contains("Målområde 1"))
            XCTAssertTrue(FollowUpMarkdown.render(r, lang: lang).contains("\n## " + l.actionAreas + "\n"), "\(lang) Markdown")
            XCTAssertTrue(FollowUpHTML.render(r, lang: lang).contains("<h2>" + l.actionAreas + "</h2>"), "\(lang) HTML")
            let tables = try ImportSource.tables(try FollowUpDOCX.render(r, lang: lang), file: "r.docx")
            let withNr = tables.filter { $0.rows.first?.map(\.text).starts(with: [l.goal, l.goalNr]) == true }
            XCTAssertEqual(withNr.map { $0.rows.dropFirst().map { $0[1].text } }, [["D1"], ["HP1"]], "\(lang) Word")
        }
    }

    /// The last line of `findings list` counts the auditors' colours (Bedömning), not the
    /// Signal column beside it, and says so, in both languages and with or without colour.
    func testTheFindingsListCountLineSaysWhatItCounts() throws {
        let findings = """
            id: F1
            audit: Granskning IT
            recommendation: Inför loggkontroller
            assessment: röd
            owner: sbs
            due: 2026-12
            status: pågår

            """
        let list = RecordList.make(Fixture.data([.finding: findings]), .finding, filter: ListFilter(), asOf: Day("2026-04-20")!)
        XCTAssertEqual(list.rows.first?.signal, .green)
        for (lang, said) in [(Lang.sv, "Revisionens bedömning: 0 gröna, 0 gula, 1 röd av 1"), (.en, "The auditors' assessment: 0 green, 0 yellow, 1 red of 1")] {
            for color in [false, true] {
                let out = ListRender.table(list, lang: lang, style: Style(color: color, width: 100))
                XCTAssertEqual(out.split(separator: "\n").last.map(String.init), said, "\(lang) colour \(color)")
            }
        }
    }
}
