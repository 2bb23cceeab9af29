import Foundation
import XCTest
@testable import SakerhetCore

/// What the history sections say of each record must be what happened to it by the
/// report's date: a record reopened is not listed as done, nothing registered after the
/// report's date is shown, a deadline dropped to `löpande` is a move, a slip starts where
/// the deadline stood when the period began, and a recurring control is judged by its
/// occurrences, not by how `done` was written.
final class HistoryAtReportDateTests: XCTestCase {
    private let path = "data/activities.rec"
    private let period = FollowUp.Period("2026")!

    private func file(_ records: [String]) -> [String: String] { [path: records.joined(separator: "\n")] }

    /// A deadline moved in a commit after it had ended, the reason left as it was (by hand,
    /// or with `--as-of` set back), is late work moved with no word of why: every place that
    /// shows the move's reason says so first, and `log --slips --format json` marks it. A
    /// move before the deadline, or after it with a new reason, is not marked.
    func testAMoveAfterTheDeadlineWithNoNewReasonIsSaid() throws {
        var book = HistoryBook()
        book.commit("c0", "2026-01-15", file([historyActivity("A6", due: "2026-05"), historyActivity("A7", due: "2026-05"),
                                              historyActivity("A8", due: "2026-06", extra: "reason: Inväntar beslut\n")]))
        book.commit("c1", "2026-03-01", file([historyActivity("A6", due: "2026-05"), historyActivity("A7", due: "2026-05"),
                                              historyActivity("A8", due: "2026-08", extra: "reason: Inväntar beslut\n")]))
        book.commit("c2", "2026-10-01", file([historyActivity("A6", due: "2026-H2"), historyActivity("A7", due: "2026-H2", extra: "reason: Ny leverantör\n"),
                                              historyActivity("A8", due: "2026-12", extra: "reason: Inväntar beslut\n")]))
        // A10: moved late with its reason taken away in the same commit: no new reason either.
        book.commit("c3", "2026-10-02", file([historyActivity("A6", due: "2026-H2"), historyActivity("A7", due: "2026-H2", extra: "reason: Ny leverantör\n"),
                                              historyActivity("A8", due: "2026-12", extra: "reason: Inväntar beslut\n"),
                                              historyActivity("A10", due: "2026-04", extra: "reason: Första\n")]))
        book.commit("c4", "2026-10-03", file([historyActivity("A6", due: "2026-H2"), historyActivity("A7", due: "2026-H2", extra: "reason: Ny leverantör\n"),
                                              historyActivity("A8", due: "2026-12", extra: "reason: Inväntar beslut\n"),
                                              historyActivity("A10", due: "2026-12"),
                                              historyActivity("A11", due: "2026-Q3", extra: "every: kvartal\ndone: 2026-08-20\n"),
                                              historyActivity("A12", due: "2026-Q1", extra: "every: kvartal\ndone: 2026-03-20\n")]))
        // Judged by the deadline in force, which a quarterly control's `done` moved on: A11,
        // done in Q3, had Q4 in force, not passed when its stored Q3 was moved in October (no
        // mark); A12, done in Q1, had Q2 in force, which had passed (marked).
        book.commit("c5", "2026-10-04", file([historyActivity("A6", due: "2026-H2"), historyActivity("A7", due: "2026-H2", extra: "reason: Ny leverantör\n"),
                                              historyActivity("A8", due: "2026-12", extra: "reason: Inväntar beslut\n"),
                                              historyActivity("A10", due: "2026-12"),
                                              historyActivity("A11", due: "2027-Q1", extra: "every: kvartal\ndone: 2026-08-20\n"),
                                              historyActivity("A12", due: "2026-Q3", extra: "every: kvartal\ndone: 2026-03-20\n")]))
        let asOf = Day("2026-11-04")!
        let slips = Slips.make(book.history(), since: period.first, until: asOf)
        func marks(_ id: String) -> [Bool] { slips.first { $0.id == id }?.moves.map(\.afterDeadline) ?? [] }
        XCTAssertEqual(marks("A6"), [true])
        XCTAssertEqual(marks("A7"), [false], "a new reason")
        XCTAssertEqual(marks("A8"), [false, true], "before its deadline, then after it with the reason left as it was")
        XCTAssertEqual(marks("A10"), [true], "its reason taken away as it was moved")
        XCTAssertEqual(marks("A11"), [false], "Q4 in force, not passed")
        XCTAssertEqual(marks("A12"), [true], "Q2 in force, passed")
        let a8 = try XCTUnwrap(slips.first { $0.id == "A8" }?.moves.last)
        XCTAssertEqual(a8.reasonShown(.sv), "flyttad efter att slutdatumet passerat, utan nytt skäl (skälet sedan tidigare: Inväntar beslut)")
        XCTAssertEqual(a8.reasonShown(.en), "moved after the deadline had passed, with no new reason (the reason from before: Inväntar beslut)")

        let report = HistoryReport.make(book.history(), period: period.through(asOf), asOf: asOf)
        XCTAssertEqual(report.postponed.map { "\($0.id) \($0.afterDeadlineWithoutReason == true)" }, ["A8 false", "A6 true", "A7 false", "A8 true", "A10 true", "A11 false", "A12 true"])
        let text = HistoryReportText.render(report, lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("A6  Aktivitet A6: 2026-05 → 2026-H2 (+214 dagar) – flyttad efter att slutdatumet\n    passerat, utan nytt skäl  ("), text)
        XCTAssertTrue(text.contains("A7  Aktivitet A7: 2026-05 → 2026-H2 (+214 dagar) – Ny leverantör  ("), text)
        let md = HistoryReportMarkdown.render(report, lang: .en)
        XCTAssertTrue(md.contains("| moved after the deadline had passed, with no new reason |"), md)
        let json = HistoryJSON.render(slips: slips, ids: [], since: nil, until: nil, warnings: [], lang: .sv)
        XCTAssertEqual(json.components(separatedBy: "\"after_deadline_without_reason\"").count - 1, 4, json)
    }

    /// A record closed, reopened and closed again is done once, on its last closing; one
    /// closed and reopened, or cancelled and put back, is under Återöppnade, not Klara or
    /// Strukna; each says what it was.
    func testReopenedRecordsAreNotListedAsDone() {
        var book = HistoryBook()
        func state(_ a1: String, _ a2: String, _ a3: String) -> [String: String] {
            file([historyActivity("A1", due: "2026-03", status: a1 == "pågår" ? "pågår" : a1, extra: a1 == "klar" ? "done: 2026-03-10\n" : ""),
                  historyActivity("A2", due: "2026-04", status: a2, extra: a2 == "klar" ? "done: 2026-04-02\n" : ""),
                  historyActivity("A3", due: "2026-03", status: a3, extra: a3 == "struken" ? "reason: Utgår\n" : "")])
        }
        book.commit("c0", "2025-12-15", state("pågår", "pågår", "pågår"))
        book.commit("c1", "2026-02-10", state("pågår", "pågår", "struken"))
        book.commit("c2", "2026-03-01", state("pågår", "klar", "struken"))
        book.commit("c3", "2026-03-05", state("pågår", "pågår", "struken"))
        book.commit("c4", "2026-03-10", state("klar", "pågår", "struken"))
        book.commit("c5", "2026-03-12", state("klar", "pågår", "pågår"))
        book.commit("c6", "2026-04-02", state("klar", "klar", "pågår"))
        book.commit("c7", "2026-05-20", state("pågår", "klar", "pågår"))
        let report = HistoryReport.make(book.history(), period: period.through(Day("2026-06-15")!), asOf: Day("2026-06-15")!)
        XCTAssertEqual(report.closed.map { "\($0.date) \($0.id)" }, ["2026-04-02 A2"])
        XCTAssertEqual(report.cancelled.map(\.id), [])
        XCTAssertEqual(report.reopened.map { "\($0.date) \($0.id) \($0.reopenedFrom?.rawValue ?? "-")" },
                       ["2026-03-12 A3 struken", "2026-05-20 A1 klar"])
        XCTAssertEqual(report.changeGroups(.sv).map { "\($0.title) \($0.rows.count)" },
                       ["Tillagda 0", "Klara 1", "Strukna 0", "Återöppnade 2"])

        let text = HistoryReportText.render(report, lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("Återöppnade (2)\n  2026-03-12  A3  Aktivitet A3: åter i planen (var struken)"), text)
        XCTAssertTrue(text.contains("2026-05-20  A1  Aktivitet A1: återöppnad (var klar)"), text)
        let md = HistoryReportMarkdown.render(report, lang: .en)
        XCTAssertTrue(md.contains("| 2026-05-20 | A1 | Aktivitet A1 | reopened (was done) |"), md)

        // At a report date before the reopening, A1 is done and nothing is reopened yet.
        let april = HistoryReport.make(book.history(), period: period.through(Day("2026-04-30")!), asOf: Day("2026-04-30")!)
        XCTAssertEqual(april.closed.map(\.id), ["A1", "A2"])
        XCTAssertEqual(april.reopened.map(\.id), ["A3"])
    }

    /// A record closed, reopened and closed again after the period ended was open at the
    /// period's end: its quarter lists it as reopened, not as done on its first closing.
    func testAClosingAfterThePeriodDoesNotCountInIt() {
        var book = HistoryBook()
        func a2(_ status: String, done: String? = nil) -> [String: String] {
            file([historyActivity("A2", due: "2026-04", status: status, extra: done.map { "done: \($0)\n" } ?? "")])
        }
        book.commit("c0", "2025-12-15", a2("pågår"))
        book.commit("c1", "2026-03-01", a2("klar", done: "2026-03-01"))
        book.commit("c2", "2026-03-05", a2("pågår"))
        book.commit("c3", "2026-04-02", a2("klar", done: "2026-04-02"))
        let q1 = HistoryReport.make(book.history(), period: FollowUp.Period("2026-Q1")!, asOf: Day("2026-05-15")!)
        XCTAssertEqual(q1.closed.map(\.id), [])
        XCTAssertEqual(q1.reopened.map { "\($0.date) \($0.id)" }, ["2026-03-05 A2"])
        let h1 = HistoryReport.make(book.history(), period: FollowUp.Period("2026-H1")!, asOf: Day("2026-06-30")!)
        XCTAssertEqual(h1.closed.map { "\($0.date) \($0.id)" }, ["2026-04-02 A2"])
        XCTAssertEqual(h1.reopened.map(\.id), [])
        // A closing registered after the period, dated in it, counts at its date (a tertial written up in May).
        var may = HistoryBook()
        may.commit("c0", "2025-12-15", a2("pågår"))
        may.commit("c1", "2026-05-10", a2("klar", done: "2026-04-20"))
        XCTAssertEqual(HistoryReport.make(may.history(), period: FollowUp.Period("2026-T1")!, asOf: Day("2026-05-15")!).closed.map(\.id), ["A2"])
    }

    /// The report's slips are written as `log --slips --format json` writes them
    /// (`sakerhet.log/1`): no total for a deadline that is now open-ended.
    func testTheReportsSlipsHaveTheLogSchema() throws {
        var book = HistoryBook()
        book.commit("c0", "2025-12-15", file([historyActivity("A1", due: "2026-02")]))
        book.commit("c1", "2026-03-10", file([historyActivity("A1", due: "löpande")]))
        let report = HistoryReport.make(book.history(), period: period)
        let json = try JSONWriter.encode(report)
        let slip = try XCTUnwrap(((JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["slips"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(slip.keys), ["kind", "id", "title", "owner", "from", "to", "count", "moves"])
        XCTAssertEqual(slip["from"] as? String, "2026-02")
        XCTAssertEqual(slip["to"] as? String, "löpande")
        let move = try XCTUnwrap((slip["moves"] as? [[String: Any]])?.first)
        // Dropped to löpande after 2026-02 had ended, with no reason: marked so, as the log marks it.
        XCTAssertEqual(Set(move.keys), ["from", "to", "after_deadline_without_reason", "uncommitted", "commit", "date", "author", "subject"])
        XCTAssertEqual(move["after_deadline_without_reason"] as? Bool, true)
    }

    /// The public report leaves out the history of a record classified during the period
    /// though open now, and its head says so rather than "no records left out".
    func testThePublicHeadCountsHistoryLeftOut() {
        var book = HistoryBook()
        book.commit("c0", "2025-12-15", file([historyActivity("S1", due: "2026-06", extra: "classification: sekretess\n")]))
        book.commit("c1", "2026-03-01", file([historyActivity("S1", due: "2026-09", extra: "classification: sekretess\n")]))
        book.commit("c2", "2026-04-01", file([historyActivity("S1", due: "2026-09")]))
        let history = HistoryReport.make(book.history(), period: period, isPublic: true)
        XCTAssertEqual(history.postponed.map(\.id), [])
        XCTAssertEqual(history.hiddenInHistory, 1)
        var report = FollowUp.make(Fixture.data(), asOf: Day("2026-06-01")!, period: period, isPublic: true)
        report.attach(history: .success(history))
        XCTAssertEqual(ReportLabels(lang: .sv).publicNote(report),
                       "Offentlig version: inga poster utelämnade ur tabellerna. Historiken utelämnar 1 post som var klassad intern eller sekretess under perioden.")
        XCTAssertTrue(FollowUpText.render(report, lang: .en, style: .plain)
            .contains("Public version: no records left out of the tables. The history leaves out 1 record classified internal or confidential during the period.\n"))
        XCTAssertEqual(HistoryReport.make(book.history(), period: period).hiddenInHistory, 0, "not public: nothing left out")
        // A classified record deleted since is no open record whose history is hidden.
        book.commit("c3", "2026-05-01", file([historyActivity("A9", due: "2026-09")]))
        XCTAssertEqual(HistoryReport.make(book.history(), period: period, isPublic: true).hiddenInHistory, 0)
    }

    /// Found in review: a closing back-dated before an earlier commit's change still came
    /// after it; correcting a hand-written `done` within its period completes nothing new;
    /// a slip of a recurring activity starts where its occurrences left the deadline; a
    /// risk closed and reopened is not under Klara.
    func testReviewedEdgesOfTheHistory() {
        var late = HistoryBook()
        late.commit("c0", "2025-12-15", file([historyActivity("A1", due: "2026-03", status: "ej påbörjad")]))
        late.commit("c1", "2026-04-01", file([historyActivity("A1", due: "2026-03")]))
        late.commit("c2", "2026-04-03", file([historyActivity("A1", due: "2026-03", status: "klar", extra: "done: 2026-03-30\n")]))
        XCTAssertEqual(HistoryReport.make(late.history(), period: period).closed.map { "\($0.date) \($0.id)" }, ["2026-03-30 A1"])

        var corrected = HistoryBook()
        let every = "every: kvartal\n"
        corrected.commit("c0", "2025-12-15", file([historyActivity("B1", due: "2026-Q1", extra: every)]))
        corrected.commit("c1", "2026-02-10", file([historyActivity("B1", due: "2026-Q1", extra: every + "done: 2026-02-10\n")]))
        corrected.commit("c2", "2026-02-13", file([historyActivity("B1", due: "2026-Q1", extra: every + "done: 2026-02-12\n")]))
        corrected.commit("c3", "2026-05-02", file([historyActivity("B1", due: "2026-Q1", extra: every + "done: 2026-05-02\n")]))
        XCTAssertEqual(HistoryReport.make(corrected.history(), period: period).closed.map { "\($0.occurrence ?? "-") \($0.date)" },
                       ["2026-Q1 2026-02-10", "2026-Q2 2026-05-02"])

        var monthly = HistoryBook()
        let month = "every: månad\n"
        monthly.commit("c0", "2025-12-15", file([historyActivity("B2", due: "2026-01-31", extra: month)]))
        monthly.commit("c1", "2026-01-30", file([historyActivity("B2", due: "2026-02", extra: month + "done: 2026-01-30\noccurrence: 2026-01-31 2026-01-30\n")]))
        monthly.commit("c2", "2026-02-10", file([historyActivity("B2", due: "2026-04", extra: month + "done: 2026-01-30\noccurrence: 2026-01-31 2026-01-30\n")]))
        let slip = HistoryReport.make(monthly.history(), period: period).slips
        XCTAssertEqual(slip.map { "\($0.from) → \($0.to) \($0.totalDays) \($0.netDays ?? 0)" }, ["2026-02 → 2026-04 61 61"])

        var risk = HistoryBook()
        risk.kinds["data/risks.rec"] = .risk
        func r1(_ status: String) -> [String: String] {
            ["data/risks.rec": "id: R1\ntitle: Risk\nowner: sbs\nlikelihood: 3\nconsequence: 3\nstatus: \(status)\n"]
        }
        risk.commit("c0", "2025-12-15", r1("hanteras"))
        risk.commit("c1", "2026-02-01", r1("stängd"))
        risk.commit("c2", "2026-03-01", r1("hanteras"))
        XCTAssertEqual(HistoryReport.make(risk.history(), period: period).closed.map(\.id), [])
        XCTAssertEqual(HistoryReport.make(risk.history(), period: FollowUp.Period("2026-02")!).closed.map(\.id), ["R1"])
    }

    /// A `done` dated in the period but committed after the report's date is not shown,
    /// and the report says that records changed after its date.
    func testNothingRegisteredAfterTheReportDateIsShown() {
        var book = HistoryBook()
        book.commit("c0", "2025-12-15", file([historyActivity("A3", due: "2026-05")]))
        book.commit("c1", "2026-07-01", file([historyActivity("A3", due: "2026-05", status: "klar", extra: "done: 2026-04-01\n")]))
        let asOf = Day("2026-06-15")!
        let report = HistoryReport.make(book.history(), period: period.through(asOf), asOf: asOf)
        XCTAssertEqual(report.closed.map(\.id), [])
        XCTAssertEqual(report.warnings.map(\.sv), [
            "Rapportdagen 2026-06-15 ligger före senare incheckningar: 1 post ändrades efter den (A3). "
                + "Tabellerna visar posterna som de är nu; historiken slutar vid rapportdagen. "
                + "Vill du se planen som den var den dagen, kör rapporten i en utcheckning av den tidens version (git worktree add)."])
        // Registered after the period but by the report's date: a tertial written up in May.
        let t1 = HistoryReport.make(book.history(), period: FollowUp.Period("2026-T1")!, asOf: Day("2026-09-15")!)
        XCTAssertEqual(t1.closed.map { "\($0.date) \($0.id) \($0.registered?.description ?? "")" }, ["2026-04-01 A3 2026-07-01"])
        XCTAssertTrue(t1.warnings.isEmpty)
    }

    /// A late deadline changed to `löpande` is a move with no end, like `?`: it is a slip,
    /// a postponement, and the record keeps its baseline beside `löpande`.
    func testDeadlineDroppedToStandingIsAMove() {
        var book = HistoryBook()
        book.commit("c0", "2025-12-15", file([historyActivity("A1", due: "2026-02")]))
        book.commit("c1", "2026-03-10", file([historyActivity("A1", due: "löpande")]))
        let h = book.history()
        let report = HistoryReport.make(h, period: period)
        XCTAssertEqual(report.postponed.map { "\($0.id) \($0.from ?? "") → \($0.to ?? "") \($0.days.map(String.init) ?? "?")" },
                       ["A1 2026-02 → löpande ?"])
        let slip = try! XCTUnwrap(report.slips.first)
        XCTAssertTrue(slip.isOpenEnded && slip.isStanding)
        XCTAssertEqual(HistoryText.summary(slip, .sv), "flyttad 1 gång, nu löpande, utan slutdatum")
        let b = Baselines.make(h, periodStart: period.first)
        XCTAssertEqual(b.original(.activity, "A1", current: .standing)?.token, "2026-02")
    }

    /// A deadline pulled in and then pushed out slipped from where it stood when the
    /// period began: "2026-09 → 2026-07", net 61 days earlier.
    func testSlipStartsAtThePeriodsDeadline() {
        var book = HistoryBook()
        book.commit("c0", "2025-12-15", file([historyActivity("A2", due: "2026-09")]))
        book.commit("c1", "2026-02-01", file([historyActivity("A2", due: "2026-05")]))
        book.commit("c2", "2026-03-12", file([historyActivity("A2", due: "2026-07")]))
        let slips = HistoryReport.make(book.history(), period: period).slips
        XCTAssertEqual(slips.map { "\($0.id) \($0.from) → \($0.to) \($0.totalDays) \($0.netDays ?? 0)" }, ["A2 2026-09 → 2026-07 61 -61"])
        XCTAssertEqual(HistoryText.summary(slips[0], .sv), "flyttad 1 gång, totalt 61 dagar, netto 61 dagar tidigare")
        // Without a window, the slip starts where its first move did.
        XCTAssertEqual(Slips.make(book.history()).map(\.from), ["2026-05"])
    }

    /// A recurring control finished by writing `done` by hand (its next deadline follows
    /// from it) is done, not moved: under Klara as an occurrence, with no baseline.
    func testRecurringDoneByHandIsAnOccurrenceNotAMove() throws {
        var book = HistoryBook()
        let every = "every: kvartal\n"
        book.commit("c0", "2025-12-15", file([historyActivity("B4", due: "2026-Q1", extra: every)]))
        book.commit("c1", "2026-03-20", file([historyActivity("B4", due: "2026-Q1", extra: every + "done: 2026-03-20\n")]))
        let h = book.history()
        let report = HistoryReport.make(h, period: period)
        XCTAssertEqual(report.closed.map { "\($0.date) \($0.id) \($0.occurrence ?? "-")" }, ["2026-03-20 B4 2026-Q1"])
        XCTAssertTrue(report.slips.isEmpty)

        let data = Fixture.data([.activity: historyActivity("B4", due: "2026-Q1", extra: every + "done: 2026-03-20\n").replacingOccurrences(of: "goal: D2", with: "goal: D3")])
        let asOf = Day("2026-04-20")!
        let follow = FollowUp.make(data, asOf: asOf, period: period, baselines: Baselines.make(h, periodStart: period.first))
        let row = try XCTUnwrap(follow.activityGroups.flatMap(\.rows).first { $0.id == "B4" })
        XCTAssertEqual(row.due?.token, "2026-Q2")
        XCTAssertNil(row.original)
        XCTAssertEqual(row.signal, .green)
    }

    /// An occurrence done that takes `due` two periods on skipped one: the rest of the way
    /// is a move, a slip from the period after the occurrence, and the baseline's.
    func testOccurrenceThatSkipsAPeriodIsPartlyAMove() {
        var book = HistoryBook()
        let every = "every: kvartal\n"
        book.commit("c0", "2025-12-15", file([historyActivity("B2", due: "2026-Q1", extra: every)]))
        book.commit("c1", "2026-03-20", file([historyActivity("B2", due: "2026-Q3", extra: every + "done: 2026-03-20\noccurrence: 2026-Q1 2026-03-20\n")]))
        let h = book.history()
        let report = HistoryReport.make(h, period: period)
        XCTAssertEqual(report.closed.map { "\($0.id) \($0.occurrence ?? "-")" }, ["B2 2026-Q1"])
        XCTAssertEqual(report.postponed.map { "\($0.id) \($0.from ?? "") → \($0.to ?? "") \($0.days ?? 0)" }, ["B2 2026-Q2 → 2026-Q3 92"])
        XCTAssertEqual(report.slips.map { "\($0.from) → \($0.to) \($0.totalDays) \($0.netDays ?? 0)" }, ["2026-Q2 → 2026-Q3 92 92"])
        XCTAssertEqual(Baselines.make(h, periodStart: period.first).original(.activity, "B2", current: Deadline(token: "2026-Q3"))?.token, "2026-Q2")
        // The same without an occurrence line (done set by hand, as before that field).
        var old = HistoryBook()
        old.commit("c0", "2025-12-15", file([historyActivity("B2", due: "2026-Q1", extra: every)]))
        old.commit("c1", "2026-03-20", file([historyActivity("B2", due: "2026-Q3", extra: every + "done: 2026-03-20\n")]))
        let byHand = HistoryReport.make(old.history(), period: period)
        XCTAssertEqual(byHand.closed.map { "\($0.id) \($0.occurrence ?? "-")" }, ["B2 2026-Q1"])
        XCTAssertEqual(byHand.postponed.map { "\($0.from ?? "") → \($0.to ?? "") \($0.days ?? 0)" }, ["2026-Q2 → 2026-Q3 92"])
        // One period on is the plan: no move.
        var once = HistoryBook()
        once.commit("c0", "2025-12-15", file([historyActivity("B2", due: "2026-Q1", extra: every)]))
        once.commit("c1", "2026-03-20", file([historyActivity("B2", due: "2026-Q2", extra: every + "done: 2026-03-20\noccurrence: 2026-Q1 2026-03-20\n")]))
        XCTAssertTrue(HistoryReport.make(once.history(), period: period).postponed.isEmpty)
    }
}
