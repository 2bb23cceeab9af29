import XCTest
@testable import SakerhetCore

/// Completing an occurrence of a recurring activity is not a move of its deadline, in
/// commits with the `occurrence` field and in older ones without it; the baseline follows
/// completions but not moves.
final class HistoryOccurrenceTests: XCTestCase {
    private let path = "data/activities.rec"

    func testOccurrenceFieldOldDoneRuleAndRealMove() {
        var book = HistoryBook()
        let every = "every: kvartal\n"
        book.commit("c1", "2025-12-01", [path: historyActivity("A3", due: "2026-Q1", extra: every)
                                            + "\n" + historyActivity("A5", due: "2025-Q4", extra: every)
                                            + "\n" + historyActivity("A2", due: "2026-09")])
        // A3: the occurrence field; A5: an old commit, done and one period on, no field.
        book.commit("c2", "2026-03-21", [path: historyActivity("A3", due: "2026-Q2", extra: every + "done: 2026-03-20\noccurrence: 2026-Q1 2026-03-20 avvikelse: Rapport\n")
                                            + "\n" + historyActivity("A5", due: "2026-Q1", extra: every + "done: 2026-01-10\n")
                                            + "\n" + historyActivity("A2", due: "2026-09")])
        // A2 moved; A5 moved two periods with no done change: a real move.
        book.commit("c3", "2026-05-10", [path: historyActivity("A3", due: "2026-Q2", extra: every + "done: 2026-03-20\noccurrence: 2026-Q1 2026-03-20 avvikelse: Rapport\n")
                                            + "\n" + historyActivity("A5", due: "2026-Q3", extra: every + "done: 2026-01-10\n")
                                            + "\n" + historyActivity("A2", due: "2027-06", extra: "reason: Inväntar system\n")])
        let h = book.history()
        let dues = h.entries.flatMap(\.changes).filter { $0.field == "due" }
        XCTAssertEqual(dues.map { "\($0.id) \($0.occurrence?.text ?? "move")" },
                       ["A3 2026-Q1 2026-03-20 avvikelse: Rapport", "A5 2025-Q4 2026-01-10", "A5 move", "A2 move"])
        XCTAssertEqual(Slips.make(h).map(\.id).sorted(), ["A2", "A5"])

        let period = FollowUp.Period("2026")!
        let report = HistoryReport.make(h, period: period)
        XCTAssertEqual(report.closed.map { "\($0.date) \($0.id) \($0.outcome?.rawValue ?? "-")" },
                       ["2026-01-10 A5 -", "2026-03-20 A3 avvikelse"])
        XCTAssertEqual(report.postponed.map(\.id), ["A2", "A5"])

        let b = Baselines.make(h, periodStart: period.first)
        XCTAssertNil(b.original(.activity, "A3", current: Deadline(token: "2026-Q2")), "a completion moves the baseline on")
        XCTAssertEqual(b.original(.activity, "A2", current: Deadline(token: "2027-06"))?.token, "2026-09")
        // A5's `done: 2026-01-10` (no occurrence line records it) lies in its stored 2026-Q1,
        // so the deadline in force after c2 is 2026-Q2 (`Activity.deadline`, as every list
        // showed it); c3's move to 2026-Q3 is measured from there.
        XCTAssertEqual(b.original(.activity, "A5", current: Deadline(token: "2026-Q3"))?.token, "2026-Q2")
        XCTAssertNil(b.original(.activity, "A2", current: Deadline(token: "2026-06")), "earlier is not a move")
        XCTAssertEqual(Baselines.signal(.green, moved: true, status: .inProgress, movedGreen: false), .yellow)
        XCTAssertEqual(Baselines.signal(.green, moved: true, status: .inProgress, movedGreen: true), .green)
        XCTAssertEqual(Baselines.signal(.red, moved: true, status: .inProgress, movedGreen: false), .red)
        XCTAssertEqual(Baselines.signal(.green, moved: true, status: .done, movedGreen: false), .green)
    }

    /// The occurrence lines say what was done. A standing control (`due: löpande`, which
    /// never moves) is listed under Klara for each occurrence; a corrected occurrence (the
    /// same period, another date and outcome) replaces its row and completes no other
    /// period; a corrected done date of a record already done moves its closing.
    func testOccurrenceLinesAndCorrectedDatesAreWhatWasDone() {
        var book = HistoryBook()
        let standing = "every: kvartal\n"
        func file(_ a1: String, _ a2: String, _ a3: String) -> [String: String] {
            [path: historyActivity("A1", due: "löpande", extra: standing + a1) + "\n" + historyActivity("A2", due: "2025-Q2", extra: standing + a2)
                + "\n" + historyActivity("A3", due: "2025-06", status: a3.isEmpty ? "pågår" : "klar", extra: a3)]
        }
        book.commit("c1", "2024-12-01", file("", "", ""))
        book.commit("c2", "2025-03-11", file("done: 2025-03-10\noccurrence: 2025-Q1 2025-03-10 utan anmärkning: P1\n",
                                             "done: 2025-03-10\noccurrence: 2025-Q1 2025-03-10 utan anmärkning\n", "done: 2025-02-10\n"))
        // A1: Q2 done; A2: Q1 corrected, `due` left at Q2 (not done); A3: the done date corrected.
        book.commit("c3", "2025-05-21", file("done: 2025-05-20\noccurrence: 2025-Q1 2025-03-10 utan anmärkning: P1\noccurrence: 2025-Q2 2025-05-20 avvikelse: P2\n",
                                             "done: 2025-04-10\noccurrence: 2025-Q1 2025-04-10 avvikelse\n", "done: 2025-05-20\n"))
        let h = book.history()
        func closed(_ p: String) -> [String] {
            HistoryReport.make(h, period: FollowUp.Period(p)!).closed.map { "\($0.date) \($0.id) \($0.occurrence ?? "klar") \($0.outcome?.rawValue ?? "-")" }
        }
        XCTAssertEqual(closed("2025"), ["2025-03-10 A1 2025-Q1 utan anmärkning", "2025-04-10 A2 2025-Q1 avvikelse",
                                        "2025-05-20 A1 2025-Q2 avvikelse", "2025-05-20 A3 klar -"])
        XCTAssertEqual(closed("2025-Q1"), ["2025-03-10 A1 2025-Q1 utan anmärkning"])
        XCTAssertEqual(closed("2025-Q2"), ["2025-04-10 A2 2025-Q1 avvikelse", "2025-05-20 A1 2025-Q2 avvikelse", "2025-05-20 A3 klar -"])
        // The log's `done` change of the correction completes nothing.
        let corrected = h.entries.flatMap(\.changes).filter { $0.id == "A2" && $0.field == "done" }
        XCTAssertEqual(corrected.map { $0.occurrence?.text ?? "-" }, ["-", "-"])
    }

    /// A record removed and put back under its id with a later deadline has moved: its
    /// baseline stays, its slip and postponement are listed, and it is neither added nor
    /// removed. One added and removed in the period is both; one removed for good, removed.
    func testARecordPutBackKeepsItsBaselineAndItsMove() {
        var book = HistoryBook()
        let a2 = historyActivity("A2", due: "2025-03"), a5 = historyActivity("A5", due: "2025-03")
        book.commit("c1", "2024-12-01", [path: a2 + "\n" + a5])
        book.commit("c2", "2025-02-01", [path: historyActivity("A4", due: "2025-05")])
        book.commit("c3", "2025-03-01", [path: historyActivity("A2", due: "2025-09")])
        let h = book.history()
        let period = FollowUp.Period("2025")!
        let report = HistoryReport.make(h, period: period)
        XCTAssertEqual(report.added.map(\.id), ["A4"])
        XCTAssertEqual(report.removed.map(\.id), ["A5", "A4"])
        XCTAssertEqual(report.postponed.map { "\($0.id) \($0.from ?? "") \($0.to ?? "")" }, ["A2 2025-03 2025-09"])
        XCTAssertEqual(Slips.make(h, since: period.first, until: period.last).map { "\($0.id) \($0.from) \($0.to)" }, ["A2 2025-03 2025-09"])
        XCTAssertEqual(Baselines.make(h, periodStart: period.first).original(.activity, "A2", current: Deadline(token: "2025-09"))?.token, "2025-03")
        // Put back before the period began: the period starts from the deadline it came back with.
        XCTAssertTrue(HistoryReport.make(h, period: FollowUp.Period("2026")!).postponed.isEmpty)
        XCTAssertNil(Baselines.make(h, periodStart: Day("2025-06-01")!).original(.activity, "A2", current: Deadline(token: "2025-09")))
    }

    /// A second line for a period beside the first (a re-check) is listed with it: the
    /// deviation the first found stays in view. A line rewritten in its place is a correction.
    func testARecheckKeepsTheDeviationInView() {
        var book = HistoryBook()
        let every = "every: kvartal\n"
        book.commit("c1", "2026-12-01", [path: historyActivity("A2", due: "2027-Q1", extra: every)])
        book.commit("c2", "2027-02-11", [path: historyActivity("A2", due: "2027-Q2", extra: every + "done: 2027-02-10\noccurrence: 2027-Q1 2027-02-10 avvikelse: Fem konton fel\n")])
        book.commit("c3", "2027-03-21", [path: historyActivity("A2", due: "2027-Q2", extra: every + "done: 2027-03-20\noccurrence: 2027-Q1 2027-02-10 avvikelse: Fem konton fel\noccurrence: 2027-Q1 2027-03-20 utan anmärkning: Omkontroll OK\n")])
        let closed = HistoryReport.make(book.history(), period: FollowUp.Period("2027")!).closed
        XCTAssertEqual(closed.map { "\($0.date) \($0.outcome?.rawValue ?? "-")" }, ["2027-02-10 avvikelse", "2027-03-20 utan anmärkning"])
    }

    /// A status written another way (`genomförd` made `klar`) is no change: the closing
    /// stays registered by the commit that closed it.
    func testAStatusAliasMadePlainIsNoClosing() {
        var book = HistoryBook()
        book.commit("c1", "2024-12-01", [path: historyActivity("A1", due: "2025-06")])
        book.commit("c2", "2025-05-03", [path: historyActivity("A1", due: "2025-06", status: "genomförd", extra: "done: 2025-05-02\n")])
        book.commit("c3", "2025-05-21", [path: historyActivity("A1", due: "2025-06", status: "klar", extra: "done: 2025-05-02\n")])
        let closed = HistoryReport.make(book.history(), period: FollowUp.Period("2025")!).closed
        XCTAssertEqual(closed.map { "\($0.id) \($0.date) \($0.registered.map(\.description) ?? "-")" }, ["A1 2025-05-02 2025-05-03"])
    }

    /// A malformed occurrence is an error at its line; a well-formed one is quiet.
    func testOccurrenceCheck() {
        let acts = Fixture.activities.replacingOccurrences(of: "done: 2024-04-30\n",
            with: "done: 2024-04-30\noccurrence: 2024-Q1 2024-03-20 utan anmärkning: Protokoll\noccurrence: 2024-Q2 i juni\n")
        let data = Fixture.data([.activity: acts])
        let found = OccurrenceCheck().run(data, asOf: Fixture.asOf)
        XCTAssertEqual(found.map { "\($0.severity) \($0.line)" }, ["error 10"])
        XCTAssertTrue(found.first?.message.sv.contains("A4: occurrence '2024-Q2 i juni'") == true, found.first?.message.sv ?? "")
    }

    /// A move to standing work reads "ongoing" in English, as the tables say; the token
    /// stays in JSON, and every other token is the same in both languages.
    func testAMoveToStandingWorkIsSaidInTheReadersLanguage() {
        let m = Slip.Move(from: "2026-12", to: "löpande", days: nil, reason: nil, revision: nil)
        XCTAssertTrue(HistoryText.move(m, .en).contains(": 2026-12 → ongoing ("), HistoryText.move(m, .en))
        XCTAssertTrue(HistoryText.move(m, .sv).contains(": 2026-12 → löpande ("), HistoryText.move(m, .sv))
        XCTAssertEqual(HistoryText.token("fortlöpande", .en), "ongoing")
        XCTAssertEqual(HistoryText.token("2026-Q1", .en), "2026-Q1")
        XCTAssertEqual(HistoryText.token(nil, .en), "")
    }

    func testOccurrenceText() {
        XCTAssertEqual(Occurrence("2026-Q1 2026-03-20 utan anmärkning: Protokoll: bilaga 2")?.evidence, "Protokoll: bilaga 2")
        XCTAssertEqual(Occurrence("2026-Q1 2026-03-20")?.outcome, nil)
        XCTAssertEqual(Occurrence("2026-Q1 2026-03-20 avvikelse")?.outcome, .deviation)
        XCTAssertNil(Occurrence("2026-Q1 20 mars"))
        XCTAssertNil(Occurrence("2026-Q1 2026-03-20 kanske"))
        XCTAssertNil(Occurrence("mars 2026-03-20"))
        let o = Occurrence(period: "2026-Q1", done: Day("2026-03-20")!, outcome: .clean, evidence: "P")
        XCTAssertEqual(Occurrence(o.text), o)
    }

    /// An occurrence done after its period ended says how late, in the history's words (the
    /// report's Klara and log); one done in its period says nothing more.
    func testAnOccurrenceDoneLateSaysHowLate() {
        let late = Occurrence(period: "2025-Q1", done: Day("2025-05-05")!, outcome: .clean)
        XCTAssertEqual(HistoryText.occurrence(late, .sv), "tillfälle 2025-Q1 klart 2025-05-05 (35 dagar sen), utan anmärkning")
        XCTAssertEqual(HistoryText.occurrence(late, .en), "occurrence 2025-Q1 done 2025-05-05 (35 days late), no remarks")
        let onTime = Occurrence(period: "2025-Q1", done: Day("2025-03-31")!)
        XCTAssertEqual(HistoryText.occurrence(onTime, .sv), "tillfälle 2025-Q1 klart 2025-03-31")
    }
}
