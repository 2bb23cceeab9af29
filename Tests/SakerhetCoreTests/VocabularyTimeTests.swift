import Foundation
import XCTest
@testable import SakerhetCore

/// Issue 14, the time half: `löpande`, ISO weeks, everyday phrases, `--as-of` periods,
/// `done` at any precision, status aliases as given, several owners, progress.
final class VocabularyTimeTests: XCTestCase {
    /// Every phrase of the issue and the token it is stored as (docs/format.md, "Tidsuttryck").
    static let phrases: [(String, String)] = [
        ("ht 2027", "2027-H2"), ("vt 2028", "2028-H1"), ("höstterminen 2027", "2027-H2"), ("Vårterminen 2028", "2028-H1"), ("hösttermin 2027", "2027-H2"), ("HT27", "2027-H2"), ("VT28", "2028-H1"),
        ("ht 27", "2027-H2"), ("VT-28", "2028-H1"), ("hösten 2027", "2027-H2"), ("våren 2028", "2028-H1"),
        ("vecka 12 2028", "2028-W12"), ("v. 12 2028", "2028-W12"), ("v12 2028", "2028-W12"), ("Vecka 1 2026", "2026-W01"),
        ("2028 Q3", "2028-Q3"), ("Q3/2028", "2028-Q3"), ("Q3 2028", "2028-Q3"), ("q3-2028", "2028-Q3"),
        ("tredje kvartalet 2028", "2028-Q3"), ("kvartal 3 2028", "2028-Q3"),
        ("sommaren 2028", "2028-T2"), ("vintern 2028", "2028-Q1"), ("vintern 2027/2028", "2028-Q1"),
        ("första halvåret 2028", "2028-H1"), ("andra halvåret 2028", "2028-H2"),
        ("början av 2028", "2028-Q1"), ("slutet av 2028", "2028-Q4"), ("i slutet av 2028", "2028-Q4"),
        ("årsskiftet 2027/2028", "2027-12-31"), ("årsskiftet 2028", "2027-12-31"),
        ("delårsbokslut 2028", "2028-T2"), ("årsbokslut 2028", "2028"),
        ("Löpande", "löpande"), ("löpande", "löpande"), ("fortlöpande", "löpande"), ("ongoing", "löpande"),
        ("2028-W12", "2028-W12"), ("maj 2024", "2024-05"), ("31 maj 2024", "2024-05-31"), ("T2 2024", "2024-T2"),
        ("H1 2024", "2024-H1"), ("2024", "2024"), ("?", "?"),
    ]

    func testEveryPhraseReadsAsItsToken() {
        for (phrase, token) in Self.phrases {
            XCTAssertEqual(Deadline(phrase: phrase)?.token, token, phrase)
        }
        for bad in ["vecka 54 2028", "vecka 53 2027", "v. 0 2028", "Q5 2028", "ht", "årsskiftet 2027/2029", "sommaren",
                    "slutet av", "2028 Q", "HT2", "löpande 2028", "tredje halvåret 2028"] {
            XCTAssertNil(Deadline(phrase: bad), bad)
        }
    }

    func testAsOfTakesPeriodsCountedFromTheirEnd() {
        let cases: [(String, String)] = [
            ("2027-03-04", "2027-03-04"), ("2027-Q1", "2027-03-31"), ("hösten 2027", "2027-12-31"), ("2028-W12", "2028-03-26"),
            ("vecka 1 2027", "2027-01-10"), ("2028", "2028-12-31"), ("sommaren 2028", "2028-08-31"), ("HT27", "2027-12-31"),
            ("årsskiftet 2027/2028", "2027-12-31"), ("delårsbokslut 2028", "2028-08-31"), ("februari 2028", "2028-02-29"),
        ]
        for (text, day) in cases { XCTAssertEqual(Day.asOf(parsing: text)?.description, day, text) }
        for bad in ["löpande", "?", "igår", ""] { XCTAssertNil(Day.asOf(parsing: bad), bad) }
    }

    func testISOWeeks() {
        // 2026-W01 starts on Monday 2025-12-29; 2026 has 53 weeks (it starts on a Thursday).
        XCTAssertEqual(Deadline(token: "2026-W01")?.firstDay?.description, "2025-12-29")
        XCTAssertEqual(Deadline(token: "2026-W53")?.lastDay?.description, "2027-01-03")
        XCTAssertNil(Deadline(token: "2027-W53"))
        XCTAssertNil(Deadline(token: "2027-W00"))
        XCTAssertEqual(Deadline(token: "0001-W01")?.firstDay?.description, "0001-01-01", "a Monday")
        XCTAssertNil(Deadline(token: "9999-W52"), "its Sunday lies in year 10000")
        XCTAssertEqual(Day("2028-03-22")!.isoWeek.token, "2028-W12")
        XCTAssertEqual(Day("2027-01-01")!.isoWeek.token, "2026-W53")
        // Every week of 1990–2040 runs Monday to Sunday, one after the other.
        var monday = Deadline(token: "1990-W01")!.firstDay!
        for y in 1990...2040 {
            for w in 1...Day.isoWeeks(in: y) {
                let d = Deadline(isoYear: y, week: w)!
                XCTAssertEqual(d.firstDay, monday)
                XCTAssertEqual(d.firstDay!.isoWeekday, 1)
                XCTAssertEqual(d.lastDay, monday.adding(days: 6))
                XCTAssertEqual(Deadline(token: d.token), d)
                monday = monday.adding(days: 7)
            }
        }
    }

    func testLopandeIsNeverLateNorDueSoon() {
        let d = Deadline(token: "löpande")!
        XCTAssertEqual(d, Deadline(token: "fortlöpande"))
        // A value that starts with a digit is read as a date, never compared with the words.
        for word in Deadline.standingWords { XCTAssertFalse(word.utf8.first.map { $0 &- 0x30 < 10 } ?? true, word) }
        XCTAssertNil(Deadline(token: "2löpande"))
        XCTAssertEqual(Deadline(token: "2024-05-31")?.token, "2024-05-31")
        XCTAssertEqual(d.token, "löpande")
        XCTAssertEqual(d.phrase(.sv), "Löpande")
        XCTAssertEqual(d.phrase(.en), "Ongoing")
        XCTAssertNil(Deadline(token: "Löpande"), "the stored word is lower case")
        var samples = [Day("1900-01-01")!, Day("9999-12-31")!, Day("0001-01-01")!]
        var n = Day("1900-01-01")!.ordinal
        while n < Day("9999-12-31")!.ordinal { samples.append(Day(ordinal: n)); n += 9_973 }
        for asOf in samples {
            for status in [nil, Status.notStarted, .inProgress, .done, .cancelled] {
                let s = Standing(deadline: d, status: status, asOf: asOf, window: 365_000)
                XCTAssertFalse(s.isOverdue, "\(asOf)")
                XCTAssertFalse(s.isDueSoon, "\(asOf)")
                XCTAssertFalse(s.isWaiting, "\(asOf)")
                XCTAssertNotEqual(s.signal, .red)
                XCTAssertNotEqual(s.signal, .yellow)
            }
        }
        // A recurring control without an end: done moves nothing, it stays löpande.
        XCTAssertEqual(Activity.deadline(due: d, every: .quarter, done: Day("2026-03-10")), d)
    }

    static let folder: [Kind: String] = [
        .owner: """
            id: rtj
            name: Räddningstjänsten
            kind: förvaltning

            id: ksf
            name: Kommunstyrelsens förvaltning
            kind: förvaltning

            id: kf
            name: Kommunfullmäktige
            kind: fullmäktige

            id: ks
            name: Kommunstyrelsen
            kind: styrelse

            id: kommunen
            name: Kommunen
            kind: kommun

            id: regionen
            name: Region Stockholm
            kind: region

            """,
        .goal: """
            id: D1
            title: Ett robust samhälle
            owner: kf
            due: 2030
            status: påbörjad

            """,
        .activity: """
            id: A1
            title: Löpande omvärldsbevakning
            goal: D1
            owner: rtj
            owner: ksf
            due: löpande
            status: Påbörjad
            progress: 60 %

            id: A2
            title: Genomfört under 2014
            goal: D1
            owner: ks
            due: 2014
            status: genomförd
            done: 2014

            id: A3
            title: Kontroll varje kvartal
            goal: D1
            owner: kommunen
            due: fortlöpande
            every: kvartal
            status: pågår

            id: A4
            title: Övning vecka 12
            goal: D1
            owner: regionen
            due: 2028-W12
            status: ej påbörjad

            id: A5
            title: Klar en viss vecka
            goal: D1
            owner: rtj
            due: 2024-W20
            status: åtgärdad
            done: 2024-W20

            """,
    ]

    static func data(_ replaced: [Kind: String] = [:]) -> DataSet {
        Fixture.data(folder.merging([.area: "", .risk: "", .finding: ""], uniquingKeysWith: { $1 }).merging(replaced, uniquingKeysWith: { $1 }))
    }

    func testFolderInTheVocabularyAudits() {
        let data = Self.data()
        let asOf = Day("2024-05-20")!
        let diagnostics = Checks.all.flatMap { $0.run(data, asOf: asOf) }
        XCTAssertEqual(diagnostics.filter { $0.severity != .notice }.map(\.message.sv), [])
        // Each alias gets a notice naming the canonical word.
        let aliases = diagnostics.filter { $0.check == "status" }
        XCTAssertEqual(aliases.count, 4, aliases.map(\.message.sv).description)
        XCTAssertTrue(aliases.allSatisfy { $0.severity == .notice })
        XCTAssertTrue(aliases.contains { $0.message.sv.contains("'genomförd' läses som 'klar'") })
        XCTAssertTrue(aliases.contains { $0.message.sv.contains("'Påbörjad' läses som 'pågår'") })

        let a = data.activities
        XCTAssertEqual(a[0].owners, ["rtj", "ksf"])
        XCTAssertEqual(a[0].owner, "rtj")
        XCTAssertTrue(a[0].isOwned(by: "ksf"))
        XCTAssertEqual(a[0].progress, "60 %")
        XCTAssertEqual(a[0].statusWord(.sv), "Påbörjad", "shown as given")
        XCTAssertEqual(a[0].statusWord(.en), "in-progress")
        XCTAssertEqual(a[0].status, .inProgress)
        XCTAssertEqual(a[1].statusWord(.sv), "genomförd")
        XCTAssertEqual(a[1].status, .done)
        XCTAssertEqual(data.goals[0].statusWord(.sv), "påbörjad")
        XCTAssertEqual(joinedNames(a[0].owners.map(data.ownerName), .sv), "Räddningstjänsten och Kommunstyrelsens förvaltning")
        XCTAssertEqual(joinedNames(["A", "B", "C"], .en), "A, B and C")
        XCTAssertEqual(data.owners.compactMap(\.kind).map(\.rawValue), ["förvaltning", "förvaltning", "fullmäktige", "styrelse", "kommun", "region"])
    }

    /// `done` at each precision: done at the period's end for lateness, at its start for
    /// "done in the future".
    func testDoneAtEveryPrecision() {
        let cases: [(String, String, String)] = [
            ("2024-05-31", "2024-05-31", "2024-05-31"), ("2024-W22", "2024-05-27", "2024-06-02"), ("2024-05", "2024-05-01", "2024-05-31"),
            ("2024-Q2", "2024-04-01", "2024-06-30"), ("2024-T2", "2024-05-01", "2024-08-31"), ("2024-H1", "2024-01-01", "2024-06-30"),
            ("2014", "2014-01-01", "2014-12-31"),
        ]
        for (token, first, last) in cases {
            let activities = """
                id: A1
                title: Klar
                goal: D1
                owner: rtj
                due: 2030
                status: klar
                done: \(token)

                """
            let data = Self.data([.activity: activities])
            XCTAssertEqual(data.activities[0].done?.description, last, token)
            XCTAssertEqual(data.activities[0].donePeriod?.token, token)
            let start = Day(first)!
            XCTAssertEqual(DoneInFutureCheck().run(data, asOf: start).count, 0, token)
            let before = DoneInFutureCheck().run(data, asOf: start.adding(days: -1))
            XCTAssertEqual(before.count, 1, token)
            XCTAssertTrue(before.first?.message.sv.contains("done \(token) ") ?? false, before.first?.message.sv ?? "")
            XCTAssertEqual(DeadlineTokenCheck().run(data, asOf: start).count, 0, token)
            XCTAssertEqual(DoneNeedsDateCheck().run(data, asOf: start).count, 0, token)
        }
        for bad in ["?", "löpande", "2014-13", "igår"] {
            let activities = "id: A1\ntitle: Klar\ngoal: D1\nowner: rtj\ndue: 2030\nstatus: klar\ndone: \(bad)\n"
            let data = Self.data([.activity: activities])
            XCTAssertEqual(DeadlineTokenCheck().run(data, asOf: Day("2024-01-01")!).map(\.severity), [.error], bad)
            XCTAssertNil(data.activities[0].done)
            // A `done` that names no day is still a `done`: the deadline check reports it,
            // done-date does not (it reads the record when there is no done period).
            XCTAssertEqual(DoneNeedsDateCheck().run(data, asOf: Day("2024-01-01")!).count, 0, bad)
        }
        // An empty `done:` is none.
        let empty = Self.data([.activity: "id: A1\ntitle: Klar\ngoal: D1\nowner: rtj\ndue: 2030\nstatus: klar\ndone:\n"])
        XCTAssertEqual(DoneNeedsDateCheck().run(empty, asOf: Day("2024-01-01")!).map(\.check), ["done-date"])
        // A recurring activity done in a whole year before its period stays on its period.
        XCTAssertEqual(Activity.deadline(due: Deadline(token: "2024-Q1"), every: .quarter, done: Deadline(token: "2014")!.lastDay)?.token, "2024-Q1")
    }

    func testNormaliseStoresTokensAndCanonicalStatus() {
        let due = FieldSpec(.due, .deadline), done = FieldSpec(.done, .period), status = FieldSpec(.status, .status)
        XCTAssertEqual(Editor.normalise("hösten 2027", due), "2027-H2")
        XCTAssertEqual(Editor.normalise("Löpande", due), "löpande")
        XCTAssertEqual(Editor.normalise("under 2014", done), "2014")
        XCTAssertEqual(Editor.normalise("löpande", done), "löpande", "kept as typed, so that the check refuses it")
        XCTAssertEqual(Editor.normalise("Genomförd", status), "klar")
        XCTAssertEqual(Editor.normalise("påbörjad", status), "pågår")
        XCTAssertEqual(Editor.read("hösten 2027", as: "2027-H2", due), " (hösten 2027 → 2027-H2)")
        XCTAssertEqual(Editor.read("2027-H2", as: "2027-H2", due), "")
    }
}

/// The history places a record done in a period at the period's end, never after the commit
/// that marked it done, and a recurring activity with a period `done` neither crashes nor
/// makes up an occurrence.
final class VocabularyTimeHistoryTests: XCTestCase {
    func testDoneInAPeriodInTheHistory() {
        let path = "data/activities.rec"
        var book = HistoryBook()
        book.commit("c1", "2014-02-01", [path: historyActivity("A1", due: "2014") + "\n" + historyActivity("A2", due: "2026-Q1")
                                            + "\n" + historyActivity("A3", due: "2014-Q1", extra: "every: kvartal\n")])
        book.commit("c2", "2026-05-10", [path: historyActivity("A1", due: "2014", status: "klar", extra: "done: 2014\n")
                                            + "\n" + historyActivity("A2", due: "2026-Q1", status: "genomförd", extra: "done: 2026-Q2\n")
                                            + "\n" + historyActivity("A3", due: "2014-Q2", extra: "every: kvartal\ndone: 2014\n")])
        let h = book.history()
        let closed2014 = HistoryReport.make(h, period: FollowUp.Period("2014")!).closed
        XCTAssertEqual(closed2014.map { "\($0.date) \($0.id)" }, ["2014-12-31 A1"])
        let closed2026 = HistoryReport.make(h, period: FollowUp.Period("2026")!).closed
        XCTAssertEqual(closed2026.map { "\($0.date) \($0.id)" }, ["2026-05-10 A2"], "a period still running counts at the commit")
        XCTAssertNil(h.entries.flatMap(\.changes).first { $0.id == "A3" && $0.field == "due" }?.occurrence)
    }
}
