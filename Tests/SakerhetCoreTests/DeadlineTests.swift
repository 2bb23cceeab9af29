import Foundation
import XCTest
@testable import SakerhetCore

/// Days, deadlines at the plans' precisions, Swedish and English phrases, recurrence.
final class DeadlineTests: XCTestCase {
    private func day(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
        guard let d = Day(s) else { XCTFail("not a day: \(s)", file: file, line: line); return Day(ordinal: 0) }
        return d
    }

    private func deadline(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Deadline {
        guard let d = Deadline(token: s) else { XCTFail("not a deadline: \(s)", file: file, line: line); return .unknown }
        return d
    }

    // MARK: Day

    /// A day is written `YYYY-MM-DD` (years 0–9999 byte by byte, others padded as
    /// numbers), and read back as the same day, across the whole range.
    func testDayDescriptionAtEveryPlaceInTheRange() {
        func padded(_ n: Int, _ w: Int) -> String { let s = String(n); return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s }
        for n in stride(from: -800_000, to: 3_000_000, by: 997) + [-719_528, -719_162, 0, 2_932_896] {
            let d = Day(ordinal: n), c = d.civil
            XCTAssertEqual(d.description, padded(c.year, 4) + "-" + padded(c.month, 2) + "-" + padded(c.day, 2), "\(n)")
            if (1...9999).contains(c.year) { XCTAssertEqual(Day(d.description), d, d.description) }
        }
        XCTAssertEqual(Day(year: 1, month: 1, day: 1)!.description, "0001-01-01")
        XCTAssertEqual(Day(year: 9999, month: 12, day: 31)!.description, "9999-12-31")
    }

    func testDayParsing() {
        let d = day("2024-05-31")
        XCTAssertEqual([d.year, d.month, d.day], [2024, 5, 31])
        XCTAssertEqual(d.description, "2024-05-31")
        XCTAssertEqual(day("2024-02-29").description, "2024-02-29")
        for bad in ["2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-05-00",
                    "2024-5-31", "2024/05/31", "20240531", "2024-05-31 ", " 2024-05-31", "0000-01-01", "2024-05", "", "maj"] {
            XCTAssertNil(Day(bad), bad)
        }
        XCTAssertNotNil(Day("2000-02-29"))
        XCTAssertNil(Day(year: 2024, month: 6, day: 31))
        XCTAssertEqual(Day(year: 2024, month: 12, day: 31), day("2024-12-31"))
    }

    func testLeapYears() {
        XCTAssertTrue(Day.isLeap(2024))
        XCTAssertFalse(Day.isLeap(2023))
        XCTAssertFalse(Day.isLeap(1900))
        XCTAssertTrue(Day.isLeap(2000))
        XCTAssertFalse(Day.isLeap(2100))
        XCTAssertEqual((1...12).map { Day.daysIn(month: $0, year: 2024) }, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        XCTAssertEqual(Day.daysIn(month: 2, year: 2023), 28)
    }

    func testOrdinals() {
        XCTAssertEqual(day("1970-01-01").ordinal, 0)
        XCTAssertEqual(day("1969-12-31").ordinal, -1)
        XCTAssertEqual(day("2000-03-01").ordinal, 11017)
        XCTAssertEqual(day("2024-11-04").ordinal, 20031)
        XCTAssertEqual(day("0001-01-01").ordinal, -719_162)
        XCTAssertEqual(day("9999-12-31").ordinal, 2_932_896)
        XCTAssertEqual(Day(ordinal: 20031), day("2024-11-04"))
    }

    func testEveryDayOfTheEraEdgesFollowsTheDayBefore() {
        // Each day made from its parts is the day after the one before, at the first and
        // last years a file can name and across the 400-year leap rule (1600, 2000).
        for years in [1...3, 1599...1601, 1999...2001, 9997...9999] {
            var before: Int?
            for y in years {
                for m in 1...12 {
                    for d in 1...Day.daysIn(month: m, year: y) {
                        guard let day = Day(year: y, month: m, day: d) else { return XCTFail("\(y)-\(m)-\(d)") }
                        if let before { XCTAssertEqual(day.ordinal, before + 1, "\(y)-\(m)-\(d)") }
                        XCTAssertTrue(day.civil == (y, m, d), "\(y)-\(m)-\(d)")
                        before = day.ordinal
                    }
                }
            }
        }
    }

    func testOrdinalRoundTripOverThreeCenturies() {
        var d = day("1899-12-01")
        var n = d.ordinal
        let end = day("2101-01-31")
        var count = 0
        while d <= end {
            XCTAssertEqual(Day(ordinal: n), d)
            XCTAssertEqual(d.ordinal, n)
            // Step to the next calendar day by hand.
            if let next = Day(year: d.year, month: d.month, day: d.day + 1) { d = next }
            else if let next = Day(year: d.year, month: d.month + 1, day: 1) { d = next }
            else { d = Day(year: d.year + 1, month: 1, day: 1)! }
            n += 1
            count += 1
        }
        XCTAssertEqual(count, day("1899-12-01").days(until: end) + 1)
        XCTAssertEqual(count, 73_476)
    }

    func testDayArithmetic() {
        XCTAssertEqual(day("2024-02-28").adding(days: 1), day("2024-02-29"))
        XCTAssertEqual(day("2023-02-28").adding(days: 1), day("2023-03-01"))
        XCTAssertEqual(day("2024-12-31").adding(days: 1), day("2025-01-01"))
        XCTAssertEqual(day("2024-03-01").adding(days: -1), day("2024-02-29"))
        XCTAssertEqual(day("2024-11-04").days(until: day("2024-11-30")), 26)
        XCTAssertEqual(day("2024-11-04").days(until: day("2024-10-03")), -32)
        XCTAssertLessThan(day("2024-05-31"), day("2024-06-01"))
    }

    // MARK: Deadline tokens

    func testEveryTokenForm() {
        let cases: [(String, Deadline.Precision, Int, Int)] = [
            ("2024-05-31", .day, 2024, 5), ("2024-05", .month, 2024, 5), ("2024-Q3", .quarter, 2024, 3),
            ("2024-T2", .tertial, 2024, 2), ("2024-H1", .half, 2024, 1), ("2024", .year, 2024, 0), ("?", .unknown, 0, 0),
        ]
        for (token, precision, year, index) in cases {
            let d = deadline(token)
            XCTAssertEqual(d.precision, precision, token)
            XCTAssertEqual(d.year, year, token)
            XCTAssertEqual(d.index, index, token)
            XCTAssertEqual(d.token, token)
            XCTAssertEqual(d.description, token)
        }
        XCTAssertEqual(deadline("2024-05-31").dayOfMonth, 31)
        XCTAssertTrue(deadline("?").isUnknown)
        XCTAssertEqual(Deadline(day: day("2024-02-29")).token, "2024-02-29")
    }

    func testRejectedTokens() {
        for bad in ["2024-02-30", "2024-13", "2023-02-29", "2024-Q5", "2024-T4", "2024-H3", "24", "maj",
                    "2024-Q0", "2024-00", "2024-q3", "2024-1", "2024-05-1", "0000", "2024-", "??", "", " 2024", "2024-05-31x"] {
            XCTAssertNil(Deadline(token: bad), bad)
        }
    }

    private func assertSpan(_ token: String, _ first: String, _ last: String, file: StaticString = #filePath, line: UInt = #line) {
        let d = deadline(token, file: file, line: line)
        XCTAssertEqual(d.firstDay?.description, first, token, file: file, line: line)
        XCTAssertEqual(d.lastDay?.description, last, token, file: file, line: line)
    }

    func testMonths() {
        assertSpan("2024-01", "2024-01-01", "2024-01-31")
        assertSpan("2024-02", "2024-02-01", "2024-02-29")
        assertSpan("2023-02", "2023-02-01", "2023-02-28")
        assertSpan("1900-02", "1900-02-01", "1900-02-28")
        assertSpan("2000-02", "2000-02-01", "2000-02-29")
        assertSpan("2024-04", "2024-04-01", "2024-04-30")
        assertSpan("2024-12", "2024-12-01", "2024-12-31")
        assertSpan("2100-02", "2100-02-01", "2100-02-28")
        assertSpan("0001-01", "0001-01-01", "0001-01-31")
        assertSpan("9999", "9999-01-01", "9999-12-31")
    }

    func testQuartersTertialsHalvesYears() {
        assertSpan("2024-Q1", "2024-01-01", "2024-03-31")
        assertSpan("2024-Q2", "2024-04-01", "2024-06-30")
        assertSpan("2024-Q3", "2024-07-01", "2024-09-30")
        assertSpan("2024-Q4", "2024-10-01", "2024-12-31")
        assertSpan("2024-T1", "2024-01-01", "2024-04-30")
        assertSpan("2024-T2", "2024-05-01", "2024-08-31")
        assertSpan("2024-T3", "2024-09-01", "2024-12-31")
        assertSpan("2024-H1", "2024-01-01", "2024-06-30")
        assertSpan("2024-H2", "2024-07-01", "2024-12-31")
        assertSpan("2024", "2024-01-01", "2024-12-31")
        assertSpan("2024-05-31", "2024-05-31", "2024-05-31")
        XCTAssertNil(deadline("?").lastDay)
        XCTAssertNil(deadline("?").firstDay)
    }

    func testPhrases() {
        XCTAssertEqual(deadline("2024-05").phrase(.sv), "Maj 2024")
        XCTAssertEqual(deadline("2024-05").phrase(.en), "May 2024")
        XCTAssertEqual(deadline("2024-Q3").phrase(.sv), "Kvartal 3 2024")
        XCTAssertEqual(deadline("2024-Q3").phrase(.en), "Q3 2024")
        XCTAssertEqual(deadline("2024-H1").phrase(.sv), "Våren 2024")
        XCTAssertEqual(deadline("2024-H2").phrase(.sv), "Hösten 2024")
        XCTAssertEqual(deadline("2024-T2").phrase(.sv), "Tertial 2 2024")
        XCTAssertEqual(deadline("2024-05-31").phrase(.sv), "2024-05-31")
        XCTAssertEqual(deadline("?").phrase(.sv), "Okänt")
    }

    func testCodableUsesTheToken() throws {
        let data = try JSONEncoder().encode([deadline("2024-Q3"), deadline("?")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["2024-Q3","?"]"#)
        XCTAssertEqual(try JSONDecoder().decode([Deadline].self, from: data), [deadline("2024-Q3"), .unknown])
        XCTAssertThrowsError(try JSONDecoder().decode([Deadline].self, from: Data(#"["2024-13"]"#.utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode([Day].self, from: Data(#"["2024-02-30"]"#.utf8)))
    }

    // MARK: Phrases people write

    func testSwedishAndEnglishPhrases() {
        let cases: [(String, String)] = [
            ("maj 2024", "2024-05"), ("Maj 2024", "2024-05"), ("May 2024", "2024-05"), ("okt 2024", "2024-10"),
            ("31 maj 2024", "2024-05-31"), ("29 februari 2024", "2024-02-29"),
            ("våren 2024", "2024-H1"), ("Hösten 2024", "2024-H2"), ("spring 2025", "2025-H1"), ("autumn 2024", "2024-H2"),
            ("kvartal 3 2024", "2024-Q3"), ("quarter 4 2024", "2024-Q4"), ("Q3 2024", "2024-Q3"),
            ("tertial 2 2024", "2024-T2"), ("T3 2024", "2024-T3"), ("H1 2024", "2024-H1"), ("halvår 2 2024", "2024-H2"),
            ("2024-05-31", "2024-05-31"), ("2024-q3", "2024-Q3"), ("  2024  ", "2024"), ("?", "?"),
            ("sept. 2024", "2024-09"), ("31 May 2024", "2024-05-31"), ("vår 2024", "2024-H1"), ("höst 2024", "2024-H2"),
            ("fall 2024", "2024-H2"), ("half 1 2024", "2024-H1"), ("kvartal 3, 2024", "2024-Q3"), ("maj\t2024", "2024-05"),
            ("31/12/2026", "2026-12-31"), ("31.12.2026", "2026-12-31"), ("12/3/2026", "2026-03-12"), ("1-2-2026", "2026-02-01"),
        ]
        for (phrase, token) in cases {
            XCTAssertEqual(Deadline(phrase: phrase)?.token, token, phrase)
        }
    }

    func testRejectedPhrases() {
        for bad in ["maj", "31 februari 2024", "29 februari 2023", "Q5 2024", "tertial 4 2024",
                    "T4 2024", "H3 2024", "maj 24", "nästa år", "", "1 2 3 2024",
                    "kvartal 5 2024", "quarter 0 2024", "halvår 3 2024", "half 3 2024", "31/13/2026", "30.02.2026", "123/1/2026"] {
            XCTAssertNil(Deadline(phrase: bad), bad)
        }
    }

    // MARK: Recurrence

    func testRecurrenceParsing() {
        XCTAssertEqual(Recurrence(parsing: "kvartal"), .quarter)
        XCTAssertEqual(Recurrence(parsing: "Quarterly"), .quarter)
        XCTAssertEqual(Recurrence(parsing: "år"), .year)
        XCTAssertEqual(Recurrence(parsing: "halvår"), .half)
        XCTAssertNil(Recurrence(parsing: "vecka"))
    }

    func testNextAfterWithinAndAcrossYears() {
        let cases: [(Recurrence, String, String)] = [
            (.month, "2024-01-31", "2024-02"), (.month, "2024-11-30", "2024-12"), (.month, "2024-12-01", "2025-01"),
            (.quarter, "2024-03-31", "2024-Q2"), (.quarter, "2024-04-01", "2024-Q3"), (.quarter, "2024-09-30", "2024-Q4"),
            (.quarter, "2024-10-01", "2025-Q1"), (.quarter, "2024-12-31", "2025-Q1"),
            (.tertial, "2024-04-30", "2024-T2"), (.tertial, "2024-05-01", "2024-T3"), (.tertial, "2024-08-31", "2024-T3"),
            (.tertial, "2024-09-01", "2025-T1"),
            (.half, "2024-06-30", "2024-H2"), (.half, "2024-07-01", "2025-H1"), (.half, "2024-12-31", "2025-H1"),
            (.year, "2024-01-01", "2025"), (.year, "2024-12-31", "2025"),
        ]
        for (every, done, next) in cases {
            XCTAssertEqual(every.next(after: day(done)).token, next, "\(every) after \(done)")
        }
    }

    func testRecurringActivityDeadlineFollowsLastDone() {
        let data = Fixture.data([.activity: """
            id: A9
            title: Internkontrollpunkt 1
            goal: D3
            owner: sbs
            due: 2024-Q2
            status: pågår
            every: kvartal
            done: 2024-06-12

            id: A10
            title: Internkontrollpunkt 2
            goal: D3
            owner: sbs
            due: 2024-Q4
            status: pågår
            every: kvartal
            done: 2024-06-12

            id: A11
            title: Internkontrollpunkt 3
            goal: D3
            owner: sbs
            due: 2024
            status: pågår
            every: år

            """])
        // Done in Q2, its stored period: next is Q3, which has ended by 2024-11-04.
        XCTAssertEqual(data.activities[0].deadline?.token, "2024-Q3")
        XCTAssertTrue(data.activities[0].isOverdue(asOf: Fixture.asOf))
        XCTAssertEqual(data.activities[0].daysLate(asOf: Fixture.asOf), 35)
        // Done before its stored period began: the stored deadline still counts.
        XCTAssertEqual(data.activities[1].deadline?.token, "2024-Q4")
        XCTAssertFalse(data.activities[1].isOverdue(asOf: Fixture.asOf))
        // Never done: the stored deadline.
        XCTAssertEqual(data.activities[2].deadline?.token, "2024")
    }

    /// `activities done` records the occurrence, sets `done` and moves `due` one period on
    /// at once. An occurrence done late (Q1 done on 2025-05-05, in Q2) leaves `done` inside
    /// the new `due`: that `done` has moved `due` already, and Q2 is still to be done. A
    /// `done` no occurrence records, or one whose occurrence is the stored period itself,
    /// still moves the deadline on.
    func testADoneThatMovedDueIsNotCountedAgain() {
        let head = "title: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: kvartal\n"
        let data = Fixture.data([.activity: [
            "id: K1\n\(head)due: 2025-Q2\ndone: 2025-05-05\noccurrence: 2025-Q1 2025-05-05 utan anmärkning\n",
            "id: K2\n\(head)due: 2025-Q3\ndone: 2025-07-10\noccurrence: 2025-Q1 2025-03-25\noccurrence: 2025-Q2 2025-07-10\n",
            "id: K3\n\(head)due: 2025-Q2\ndone: 2025-05-05\n",
            "id: K4\n\(head)due: 2025-Q2\ndone: 2025-05-05\noccurrence: 2025-Q2 2025-05-05\n",
            "id: K5\n\(head)due: 2025-Q2\ndone: 2025-05-06\noccurrence: 2025-Q1 2025-05-05\n",
        ].joined(separator: "\n")])
        let asOf = Day(year: 2025, month: 7, day: 15)!
        let got = data.activities.map { "\($0.id) \($0.deadline?.token ?? "-") \($0.daysLate(asOf: asOf))" }
        XCTAssertEqual(got, [
            "K1 2025-Q2 15",  // the late Q1 moved due to Q2, which is 15 days late
            "K2 2025-Q3 0",   // Q2 done late, in Q3: Q3 is next, not Q4
            "K3 2025-Q3 0",   // written by hand, no occurrence: done in Q2 moves it to Q3
            "K4 2025-Q3 0",   // the occurrence is the stored period: it moves on
            "K5 2025-Q3 0",   // done is not the occurrence's day: done counts
        ])
        // The list's filter reads the same deadline as the activity it keeps.
        let late = data.activities(on: asOf, whereTiming: { _, deadline, _ in deadline.map { $0.lastDay! < asOf } ?? false })
        XCTAssertEqual(late.map(\.id), ["K1"])
    }

    /// A recurring activity's done date moves its deadline a period on from that date, not
    /// before: judged on an earlier day (a report as of the quarter's end, or a done date
    /// written ahead of time), the period it completes is still the one due, and late
    /// when that period has ended. The list's filter, the row, the checks and the follow-up
    /// read the same deadline.
    func testADoneAfterTheDayMovesNothingYet() {
        let head = "title: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: kvartal\n"
        let data = Fixture.data([.activity: [
            "id: K1\n\(head)due: 2025-Q2\ndone: 2025-07-10\n",   // Q2's control done in Q3
            "id: K2\n\(head)due: 2025-Q3\ndone: 2025-07-10\n",   // Q3's control done early in Q3
        ].joined(separator: "\n")])
        let july1 = Day(year: 2025, month: 7, day: 1)!, july15 = Day(year: 2025, month: 7, day: 15)!
        // Done in Q3, each counts from July 10: the period after Q3 is next.
        XCTAssertEqual(data.activities.map { $0.deadline(on: july15)?.token }, ["2025-Q4", "2025-Q4"])
        XCTAssertEqual(data.activities.map { $0.deadline(on: july1)?.token }, ["2025-Q2", "2025-Q3"])
        XCTAssertEqual(data.activities.map { $0.daysLate(asOf: july1) }, [1, 0])
        XCTAssertEqual(data.activities.map { $0.timing(on: july1).daysLate(asOf: july1) }, [1, 0])
        XCTAssertEqual(data.activities(on: july1, whereTiming: { _, d, _ in d.map { $0.lastDay! < july1 } ?? false }).map(\.id), ["K1"])
        XCTAssertEqual(data.activities(on: july15, whereTiming: { _, d, _ in d.map { $0.lastDay! < july15 } ?? false }).map(\.id), [])
        XCTAssertEqual(Activity.deadline(on: july1, due: data.activities[0].due, every: data.activities[0].every, done: data.activities[0].done,
                                         countedDone: data.activities[0].countedDone, start: nil, occurrences: { [] })?.token, "2025-Q2")
        let diagnostics = OverdueCheck().run(data, asOf: july1).filter { $0.kind == .activity }
        XCTAssertEqual(diagnostics.map { $0.recordID }, ["K1"])
        XCTAssertTrue(diagnostics[0].message.sv.contains("sedan 2025-06-30 (1 dag)"), diagnostics[0].message.sv)
    }

    /// `activities done` moves `due` as it writes the occurrence: judged on a day before
    /// the occurrence was done, the period it completed is the deadline. A period checked by
    /// then and checked again after is not; each completion counts from its own day.
    func testCompletionsWrittenByTheCommandMoveTheDeadlineFromTheirDay() {
        let head = "title: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: kvartal\n"
        let data = Fixture.data([.activity: [
            // Q1 done late on 04-20, Q2 on 06-10: `due` is Q3 now.
            "id: K1\n\(head)due: 2025-Q3\ndone: 2025-06-10\noccurrence: 2025-Q1 2025-04-20\noccurrence: 2025-Q2 2025-06-10\n",
            // Q2 done 04-05, re-checked 04-20.
            "id: K2\n\(head)due: 2025-Q3\ndone: 2025-04-20\noccurrence: 2025-Q2 2025-04-05\noccurrence: 2025-Q2 2025-04-20 avvikelse\n",
        ].joined(separator: "\n")])
        func on(_ day: String) -> [String?] { data.activities.map { $0.deadline(on: Day(day)!)?.token } }
        XCTAssertEqual(on("2025-04-10"), ["2025-Q1", "2025-Q3"])
        XCTAssertEqual(on("2025-04-20"), ["2025-Q2", "2025-Q3"])
        XCTAssertEqual(on("2025-06-10"), ["2025-Q3", "2025-Q3"])
        XCTAssertEqual(data.activities[0].daysLate(asOf: Day("2025-04-10")!), 10)
        XCTAssertEqual(OverdueCheck().run(data, asOf: Day("2025-04-10")!).filter { $0.kind == .activity }.map(\.recordID), ["K1"])
        let list = RecordList.make(data, .activity, filter: { var f = ListFilter(); f.overdue = true; return f }(), asOf: Day("2025-04-10")!)
        XCTAssertEqual(list.rows.map(\.id), ["K1"])
        let report = FollowUp.make(data, asOf: Day("2025-04-10")!)
        XCTAssertEqual(report.activityGroups.flatMap(\.rows).first { $0.id == "K1" }?.due?.token, "2025-Q1")
        XCTAssertEqual(report.summary.overdue.map(\.id).filter { $0.hasPrefix("K") }, ["K1"])
    }
}

/// A day is its day number and a deadline keeps its first and last day as day numbers
/// (16 bytes, issue 13). Both are checked here against the calendar worked out the long
/// way, by year, month and day.
final class DayNumberTests: XCTestCase {
    func testSizes() {
        XCTAssertEqual(MemoryLayout<Day?>.stride, 8)
        XCTAssertEqual(MemoryLayout<Deadline?>.stride, 16)
    }

    /// Every day of 1960–2040 and of ten years at the edges (1, 2, 1899, 1900, 1999, 2000,
    /// 2024, 2100, 2101, 9999: leap years and century years among them): its number counts
    /// up by one from day to day and reads back as the same year, month and day; order by
    /// number is order by date.
    func testEveryDayReadsBack() {
        var previous: Day?
        for year in [1, 2, 1899, 1900, 1999, 2000, 2024, 2100, 2101, 9999] + Array(1960...2040) {
            for month in 1...12 {
                for d in 1...Day.daysIn(month: month, year: year) {
                    let day = Day(year: year, month: month, day: d)!
                    XCTAssertEqual([day.year, day.month, day.day], [year, month, d])
                    XCTAssertEqual(Day(day.description), day)
                    if let previous, previous.year == year || previous.year + 1 == year {
                        XCTAssertEqual(previous.days(until: day), 1, "\(previous) → \(day)")
                        XCTAssertLessThan(previous, day)
                    }
                    previous = day
                }
            }
        }
        // A deadline of a day is the deadline its token gives, and has that day as both ends.
        for n in stride(from: -800_000, through: 3_000_000, by: 997) {
            let day = Day(ordinal: n)
            let d = Deadline(day: day)
            if (1...9999).contains(day.year) {
                XCTAssertEqual(d, Deadline(token: day.description), "\(day)")
                XCTAssertEqual(d.firstDay, day)
                XCTAssertEqual(d.lastDay, day)
            } else {
                XCTAssertNil(d.lastDay, "\(n): a day outside the years 1–9999 gives no days")
            }
        }
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1)?.ordinal, 0)
        XCTAssertEqual(Day(year: 2024, month: 11, day: 4)?.ordinal, 20031)
        XCTAssertNil(Day(year: 2023, month: 2, day: 29))
        XCTAssertEqual(Day(year: 2024, month: 2, day: 29)?.adding(days: 1).description, "2024-03-01")
    }

    /// The first and last day of every kind of period in a range of years, against the
    /// days made from the calendar directly.
    func testPeriodsKeepTheirFirstAndLastDay() {
        for year in [1, 1900, 2000, 2023, 2024, 2025, 2026, 2027, 2100, 9999] {
            func check(_ token: String, _ first: Day?, _ last: Day?) {
                let d = Deadline(token: token)
                XCTAssertNotNil(d, token)
                XCTAssertEqual(d?.firstDay, first, token)
                XCTAssertEqual(d?.lastDay, last, token)
                XCTAssertEqual(d?.token, token)
                XCTAssertEqual(d?.year, year, token)
            }
            let y = String(year).count < 4 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
            check(y, Day(year: year, month: 1, day: 1), Day(year: year, month: 12, day: 31))
            for m in 1...12 {
                let mm = m < 10 ? "0\(m)" : "\(m)"
                check("\(y)-\(mm)", Day(year: year, month: m, day: 1), Day(year: year, month: m, day: Day.daysIn(month: m, year: year)))
                check("\(y)-\(mm)-01", Day(year: year, month: m, day: 1), Day(year: year, month: m, day: 1))
            }
            for (letter, n, months) in [("Q", 4, 3), ("T", 3, 4), ("H", 2, 6)] {
                for i in 1...n {
                    let lastMonth = i * months
                    check("\(y)-\(letter)\(i)", Day(year: year, month: lastMonth - months + 1, day: 1),
                          Day(year: year, month: lastMonth, day: Day.daysIn(month: lastMonth, year: year)))
                }
            }
            // ISO weeks: Monday to Sunday, week 1 holds 4 January.
            let jan4 = Day(year: year, month: 1, day: 4)!
            let monday1 = jan4.adding(days: 1 - jan4.isoWeekday)
            for w in [1, 2, 26, 52] {
                let ww = w < 10 ? "0\(w)" : "\(w)"
                guard monday1.year >= 1, let d = Deadline(token: "\(y)-W\(ww)") else { continue }
                XCTAssertEqual(d.firstDay, monday1.adding(days: (w - 1) * 7), "\(y)-W\(ww)")
                XCTAssertEqual(d.lastDay, monday1.adding(days: (w - 1) * 7 + 6), "\(y)-W\(ww)")
                XCTAssertEqual(d.firstDay?.isoWeekday, 1)
            }
        }
        for token in ["?", "löpande"] {
            XCTAssertNil(Deadline(token: token)?.firstDay, token)
            XCTAssertNil(Deadline(token: token)?.lastDay, token)
        }
        // Past the years a file can name: the period has no days, as before.
        XCTAssertNil(Recurrence.year.next(after: Day(year: 9999, month: 6, day: 1)!).lastDay)
        XCTAssertEqual(Recurrence.year.next(after: Day(year: 9999, month: 6, day: 1)!).token, "10000")
        XCTAssertEqual(Deadline(token: "2024-Q3"), Deadline(phrase: "kvartal 3 2024"))
        XCTAssertNotEqual(Deadline(token: "2024-Q3"), Deadline(token: "2024-07"))
        XCTAssertNotEqual(Deadline(token: "2024-Q3"), Deadline(token: "2024-T3"), "the same last day, another period")
        // A day number past what 32 bits hold is held at the end; no trap, no wrap-around.
        XCTAssertEqual(Day(ordinal: Int.max), Day(ordinal: Int(Int32.max)))
        XCTAssertLessThan(Day(ordinal: Int.min), Day(ordinal: -719_162))
        XCTAssertGreaterThan(Day(ordinal: Int.max), Day(year: 9999, month: 12, day: 31)!)
    }
}
