import XCTest
@testable import SakerhetCore

/// What a recurring control's record says about the periods it covers: a second
/// completion in the period last done is a re-check of it, never a period to come done
/// ahead; an occurrence dated before its period, a `due` of another length than `every`,
/// and a standing control that has missed periods are each said, by `audit` and in the
/// report's row.
final class RecurringControlTests: XCTestCase {
    private let head = "title: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: kvartal\n"

    private func data(_ activities: String...) -> DataSet {
        Fixture.data([.activity: activities.joined(separator: "\n")])
    }

    private func block(_ edit: Edit, _ id: String) -> String {
        String(decoding: edit.afterBytes, as: UTF8.self).components(separatedBy: "id: \(id)\n")[1].components(separatedBy: "\n\n")[0]
    }

    /// Q2 done on 2027-04-05 moved `due` to Q3; done again on 2027-04-20 and 2027-04-25,
    /// each is a re-check of Q2: `due` stays Q3 and no line names Q3 or Q4.
    func testDoneAgainInThePeriodLastDoneIsAReCheck() throws {
        var d = data("id: K1\n\(head)due: 2027-Q2\n")
        var text = ""
        for (day, outcome) in [("2027-04-05", Occurrence.Outcome.clean), ("2027-04-20", .deviation), ("2027-04-25", nil)] {
            let edit = try Editor.done(d, .activity, id: "K1", on: Day(day)!, outcome: outcome)
            text = block(edit, "K1")
            d = Fixture.data([.activity: String(decoding: edit.afterBytes, as: UTF8.self)])
        }
        XCTAssertTrue(text.contains("due: 2027-Q3\n"), text)
        XCTAssertEqual(text.components(separatedBy: "\n").filter { $0.hasPrefix("occurrence:") },
                       ["occurrence: 2027-Q2 2027-04-05 utan anmärkning", "occurrence: 2027-Q2 2027-04-20 avvikelse", "occurrence: 2027-Q2 2027-04-25"])
        XCTAssertTrue(text.contains("done: 2027-04-25"), text)
        XCTAssertEqual(d.activities[0].deadline?.token, "2027-Q3", "the re-check's done moves nothing on")
        // Done once Q3 has begun, it is Q3's completion, and `due` moves on.
        let q3 = block(try Editor.done(d, .activity, id: "K1", on: Day("2027-07-02")!), "K1")
        XCTAssertTrue(q3.contains("occurrence: 2027-Q3 2027-07-02") && q3.contains("due: 2027-Q4"), q3)
        // With no occurrence yet, an early completion is of the period due, as before.
        let early = block(try Editor.done(data("id: K2\n\(head)due: 2027-Q3\n"), .activity, id: "K2", on: Day("2027-06-28")!), "K2")
        XCTAssertTrue(early.contains("occurrence: 2027-Q3 2027-06-28") && early.contains("due: 2027-Q4"), early)
    }

    /// Done on `due: ?`: the deadline is known now, and the reason why it was not goes.
    func testDoneOnAnUnknownDeadlineDropsItsReason() throws {
        let d = data("id: K1\n\(head)due: ?\nreason: Ej bestämt\n", "id: K2\n\(head)due: 2027-Q2\nreason: Flyttad av nämnden\n")
        let k1 = block(try Editor.done(d, .activity, id: "K1", on: Day("2027-04-05")!), "K1")
        XCTAssertTrue(k1.contains("due: 2027-Q3") && !k1.contains("reason:"), k1)
        // A known deadline's reason (a postponement's) stays.
        let k2 = block(try Editor.done(d, .activity, id: "K2", on: Day("2027-04-05")!), "K2")
        XCTAssertTrue(k2.contains("due: 2027-Q3") && k2.contains("reason: Flyttad av nämnden"), k2)
    }

    /// A monthly control due on a day (`due: 2027-03-31`): done on 2027-03-20 it completes
    /// March (no warning for a line dated before the day), and done again on 2027-03-25 it
    /// checks March again; `due` stays April.
    func testAControlDueOnADayIsCheckedByItsMonth() throws {
        let monthly = "title: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: månad\n"
        var d = data("id: K1\n\(monthly)due: 2027-03-31\n")
        var text = ""
        for day in ["2027-03-20", "2027-03-25"] {
            let edit = try Editor.done(d, .activity, id: "K1", on: Day(day)!)
            text = block(edit, "K1")
            d = Fixture.data([.activity: String(decoding: edit.afterBytes, as: UTF8.self)])
        }
        XCTAssertTrue(text.contains("due: 2027-04\n"), text)
        XCTAssertEqual(text.components(separatedBy: "\n").filter { $0.hasPrefix("occurrence:") },
                       ["occurrence: 2027-03-31 2027-03-20", "occurrence: 2027-03-31 2027-03-25"])
        XCTAssertEqual(OccurrenceCheck().run(d, asOf: Day("2027-03-31")!).filter { $0.recordID == "K1" }.count, 0)
        // A yearly control due in November, done in October: 2027 is done, on time.
        let yearly = data("id: K2\ntitle: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: år\ndue: 2028-11\noccurrence: 2027-11 2027-10-20\n")
        XCTAssertEqual(OccurrenceCheck().run(yearly, asOf: Day("2027-12-31")!).filter { $0.recordID == "K2" }.count, 0)
    }

    /// A standing control owes each period of its rhythm a check: May's, done only on
    /// 2025-06-03, makes it late on 2025-06-02 (the deadline that day is May), and on time
    /// from the day it was done; it is never due soon (a monthly control always would be),
    /// and a `done` after the day moves nothing to or from `löpande`.
    func testAStandingControlIsLateForAPeriodEndedUnchecked() {
        let monthly = "title: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: månad\n"
        let d = data("id: K1\n\(monthly)due: löpande\ndone: 2025-06-03\noccurrence: 2025-04 2025-04-28\noccurrence: 2025-05 2025-06-03\n")
        XCTAssertEqual(d.activities[0].deadline(on: Day("2025-05-31")!)?.token, "löpande")
        XCTAssertEqual(d.activities[0].deadline(on: Day("2025-06-02")!)?.token, "2025-05")
        XCTAssertEqual(d.activities[0].deadline(on: Day("2025-06-03")!)?.token, "löpande")
        XCTAssertEqual(d.activities[0].deadline?.token, "löpande", "the stored deadline stays")
        let late = OverdueCheck().run(d, asOf: Day("2025-06-02")!).filter { $0.recordID == "K1" }
        XCTAssertEqual(late.map(\.severity), [.error])
        XCTAssertTrue(late.first?.message.sv.hasPrefix("K1 är försenad sedan 2025-05-31 (2 dagar)") ?? false, late.first?.message.sv ?? "")
        XCTAssertEqual(OverdueCheck().run(d, asOf: Day("2025-06-03")!).filter { $0.recordID == "K1" }.count, 0)
        for day in ["2025-05-20", "2025-06-03", "2025-06-25"] {
            XCTAssertEqual(DueSoonCheck().run(d, asOf: Day(day)!).filter { $0.recordID == "K1" }.count, 0, day)
        }
        // The signal and the filter of `activities list --overdue` say the same.
        XCTAssertEqual(d.activities[0].signal(asOf: Day("2025-06-02")!, window: 30), .red)
        XCTAssertEqual(d.activities[0].signal(asOf: Day("2025-06-03")!, window: 30), .green)
        let june2 = Day("2025-06-02")!
        XCTAssertEqual(d.activities(on: june2, whereTiming: { _, due, _ in due?.lastDay.map { $0 < june2 } ?? false }).map(\.id), ["K1"])
    }

    /// A check written by hand (`done`, no occurrence line) counts as the check of the period
    /// that holds it; so does a closed control's last `done`, which is then not late either.
    func testAStandingControlsDoneCountsAsItsLastCheck() throws {
        let quarterly = "title: IK\ngoal: D3\nowner: sbs\nevery: kvartal\ndue: löpande\n"
        let d = data("id: K1\n\(quarterly)status: pågår\nstart: 2024-01\ndone: 2026-03-20\n",
                     "id: K2\n\(quarterly)status: klar\noccurrence: 2026-Q1 2026-01-15\ndone: 2026-03-20\n")
        let april = Day("2026-04-10")!
        XCTAssertEqual(d.activities.map { $0.deadline(on: april)?.token }, ["löpande", "löpande"])
        XCTAssertEqual(d.activities[0].deadline(on: Day("2026-07-01")!)?.token, "2026-Q2", "Q2 unchecked once it has ended")
        // A `done` that an occurrence line records is that occurrence's: March's check done on
        // 2 April leaves April owed, late once April has ended.
        let monthly = data("id: K3\ntitle: IK\ngoal: D3\nowner: sbs\nevery: månad\ndue: löpande\nstatus: pågår\nstart: 2026-01\ndone: 2026-04-02\n"
                           + "occurrence: 2026-01 2026-01-20\noccurrence: 2026-02 2026-02-20\noccurrence: 2026-03 2026-04-02\n")
        XCTAssertEqual(monthly.activities[0].deadline(on: Day("2026-05-10")!)?.token, "2026-04")
        XCTAssertEqual(OverdueCheck().run(d, asOf: april).filter { $0.kind == .activity }.count, 0)
        let report = FollowUp.make(d, asOf: april, period: FollowUp.Period("2026")!)
        XCTAssertNil(report.activityGroups.flatMap(\.rows).first { $0.id == "K1" }?.doneNote)
        // A standing control is not postponed: its periods are checked.
        XCTAssertThrowsError(try RecordRules.postpone(d, .activity, id: "K1", to: Deadline(token: "2026-12")!, reason: "Personalbrist", asOf: april)) { e in
            XCTAssertEqual((e as? EditError)?.message.sv, "K1 är en löpande kontroll (every: kvartal); den flyttas inte, eftersom varje period ska kontrolleras: registrera kontrollen med sakerhet activities done K1 --date ÅÅÅÅ-MM-DD (en annan tidplan ges med 'set K1 due=…' när inga kontroller saknas)")
        }
        // Late, it is not given another schedule either, with or without a reason: the periods it
        // owes would be left behind with no move in the history. On time, it may be.
        let july = Day("2026-07-10")!
        for changes in [[Change.set("due", "2026-12"), .set("reason", "Omorganisation")], [.set("every", "halvår"), .set("reason", "Glesare")]] {
            XCTAssertThrowsError(try RecordRules.set(d, .activity, id: "K1", changes, asOf: july)) { e in
                XCTAssertTrue((e as? EditError)?.message.sv.hasPrefix("K1 är en löpande kontroll utan registrerad kontroll för 2026-Q2; registrera kontrollerna först") ?? false,
                              (e as? EditError)?.message.sv ?? "")
            }
        }
        XCTAssertNoThrow(try RecordRules.set(d, .activity, id: "K1", [.set("due", "2026-12"), .set("reason", "Omorganisation")], asOf: april))
        XCTAssertNoThrow(try RecordRules.set(d, .activity, id: "K1", [.set("status", "struken"), .set("reason", "Kontrollen upphör")], asOf: july))
    }

    /// `done` on a late standing control records the first period it owes, not the period
    /// of the day: a check done late does not pass over the periods missed. Caught up period
    /// by period, the last `done` records the period now running.
    func testDoneOnALateStandingControlRecordsThePeriodItOwes() throws {
        var d = data("id: K1\ntitle: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: månad\ndue: löpande\noccurrence: 2025-01 2025-01-28\ndone: 2025-01-28\n")
        let may5 = Day("2025-05-05")!
        var lines: [String] = []
        for _ in 0..<4 {
            let edit = try Editor.done(d, .activity, id: "K1", on: may5)
            d = Fixture.data([.activity: String(decoding: edit.afterBytes, as: UTF8.self)])
            lines.append(d.activities[0].deadline(on: may5)?.token ?? "-")
        }
        XCTAssertEqual(d.record(d.activities[0].ref).values(.occurrence),
                       ["2025-01 2025-01-28", "2025-02 2025-05-05", "2025-03 2025-05-05", "2025-04 2025-05-05", "2025-05 2025-05-05"])
        XCTAssertEqual(lines, ["2025-03", "2025-04", "löpande", "löpande"], "late until April is recorded")
        XCTAssertEqual(d.activities[0].due?.token, "löpande")
    }

    /// With no occurrence, a standing control owes the period that holds its `start`;
    /// with neither, nothing tells when a check was due: `missed-occurrence` says so, and
    /// it is not late.
    func testAStandingControlWithNoOccurrenceCountsFromItsStart() {
        let monthly = "title: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: månad\ndue: löpande\n"
        let d = data("id: K1\n\(monthly)start: 2027-01-15\n", "id: K2\n\(monthly)",
                     "id: K3\ntitle: IK\ngoal: D3\nowner: sbs\nstatus: vilande\nevery: månad\ndue: löpande\n",
                     "id: K4\n\(monthly)occurrence: 2027-10 2027-10-05\n")
        let asOf = Day("2027-11-04")!
        XCTAssertEqual(d.activities.map { $0.deadline(on: asOf)?.token }, ["2027-01", "löpande", "löpande", "löpande"])
        let late = OverdueCheck().run(d, asOf: asOf).filter { $0.kind == .activity }
        XCTAssertEqual(late.map { $0.recordID }, ["K1"])
        XCTAssertTrue(late.first?.message.sv.hasPrefix("K1 är försenad sedan 2027-01-31 (277 dagar)") ?? false, late.first?.message.sv ?? "")
        let missed = MissedOccurrenceCheck().run(d, asOf: asOf)
        XCTAssertEqual(missed.map { $0.recordID }, ["K2"], "K3 is on hold; K1 and K4 have something to count from")
        XCTAssertEqual(missed.map(\.severity), [.notice])
        XCTAssertEqual(missed.first?.message.sv,
                       "K2 är en löpande kontroll (every: månad) utan registrerat tillfälle och utan start, så det syns inte om en period har missats; registrera den senaste kontrollen (sakerhet activities done K2 --date ÅÅÅÅ-MM-DD) eller ange när den började (sakerhet activities set K2 start=ÅÅÅÅ-MM)")
        XCTAssertEqual(missed.first?.message.en,
                       "K2 is a standing control (every: månad) with no occurrence recorded and no start, so a missed period cannot be seen; record the latest check (sakerhet activities done K2 --date YYYY-MM-DD) or give when it began (sakerhet activities set K2 start=YYYY-MM)")
        // The report's row: K1 red, late since January, and its note names the months.
        let report = FollowUp.make(d, asOf: asOf, period: FollowUp.Period("2027"))
        let rows = report.activityGroups.flatMap(\.rows)
        XCTAssertEqual(rows.first { $0.id == "K1" }?.signal, .red)
        XCTAssertEqual(rows.first { $0.id == "K1" }?.doneNote, "inget tillfälle registrerat för 2027-01–2027-10 (10 perioder) (slutade 2027-10-31)")
        XCTAssertEqual(report.summary.overdue.filter { $0.kind == .activity }.map(\.id), ["K1"])
        XCTAssertEqual(rows.first { $0.id == "K2" }?.signal, .green)
        XCTAssertEqual(rows.first { $0.id == "K2" }?.doneNote, "inget tillfälle registrerat och ingen start angiven")
        XCTAssertNil(rows.first { $0.id == "K4" }?.doneNote)
    }

    func testAnOccurrenceDatedBeforeItsPeriodIsAWarning() {
        let d = data("id: K1\n\(head)due: 2028-Q1\noccurrence: 2027-Q2 2027-04-05\noccurrence: 2027-Q3 2027-04-20 avvikelse\n")
        let found = OccurrenceCheck().run(d, asOf: Day("2027-04-30")!).filter { $0.recordID == "K1" }
        XCTAssertEqual(found.map(\.severity), [.warning])
        XCTAssertEqual(found.first?.message.sv,
                       "K1: tillfället 2027-Q3 är daterat 2027-04-20, före periodens början (2027-07-01); en period som ännu inte börjat kan inte vara gjord – rätta perioden (en omkontroll har samma period som den första kontrollen)")
        // A malformed line is still an error, and a re-check line none.
        let other = data("id: K2\n\(head)due: 2027-Q3\noccurrence: 2027-Q2 2027-04-05\noccurrence: 2027-Q2 2027-04-20\noccurrence: Q2 igen\n")
        XCTAssertEqual(OccurrenceCheck().run(other, asOf: Day("2027-04-30")!).filter { $0.recordID == "K2" }.map(\.severity), [.error])
    }

    func testADueOfAnotherLengthThanEveryIsAWarning() {
        let other = { (every: String, due: String) in "title: IK\ngoal: D3\nowner: sbs\nstatus: pågår\nevery: \(every)\ndue: \(due)\n" }
        // Within one period of `every` (a week, a month of a yearly control, a quarter of a
        // half-yearly one) nothing is skipped; across two (a tertial, a week over a month's
        // end, a half-year of a quarterly one) a period is.
        let d = data("id: K1\n\(head)due: 2027-T1\n", "id: K2\n\(head)due: 2027-Q1\n", "id: K3\n\(head)due: 2027-03-31\n",
                     "id: K4\n\(head)due: löpande\n", "id: K5\n" + other("månad", "2027-W05"), "id: K6\n" + other("år", "2027-11"),
                     "id: K7\n" + other("halvår", "2027-Q4"), "id: K8\n" + other("månad", "2027-W13"), "id: K9\n\(head)due: 2027-H1\n",
                     "id: K10\n\(head)due: ?\nreason: x\n")
        let found = RecurrencePeriodCheck().run(d, asOf: Fixture.asOf)
        XCTAssertEqual(found.map { $0.recordID }, ["K1", "K8", "K9"])
        XCTAssertEqual(found.map(\.severity), [.warning, .warning, .warning])
        XCTAssertEqual(found.first?.message.sv,
                       "K1: due 2027-T1 är ingen period av every (kvartal), så 'activities done' kan hoppa över en period; skriv due som en sådan (t.ex. 2027-Q1)")
    }

    /// A standing quarterly control last done for Q2: on 2027-10-01 Q3 is missed, and the
    /// control is late since Q3 ended; on 2028-01-15 Q3 and Q4; a year on, four; an
    /// occurrence done after the day does not count.
    func testAStandingControlThatMissedPeriodsSaysSo() {
        let d = data("id: K1\n\(head)due: löpande\ndone: 2027-04-10\noccurrence: 2027-Q1 2027-03-16\noccurrence: 2027-Q2 2027-04-10 avvikelse\n",
                     "id: K2\n\(head)due: 2027-Q3\noccurrence: 2027-Q2 2027-04-10\n",
                     "id: K3\n\(head)due: löpande\nstart: 2027-07-01\n")
        func late(_ day: String) -> [String] {
            OverdueCheck().run(d, asOf: Day(day)!).filter { $0.kind == .activity && $0.recordID != "K2" }.map { $0.message.sv.components(separatedBy: ":")[0] }
        }
        XCTAssertEqual(late("2027-09-30"), [])
        XCTAssertEqual(late("2027-10-01"), ["K1 är försenad sedan 2027-09-30 (1 dag)", "K3 är försenad sedan 2027-09-30 (1 dag)"])
        XCTAssertEqual(late("2028-01-15"), ["K1 är försenad sedan 2027-09-30 (107 dagar)", "K3 är försenad sedan 2027-09-30 (107 dagar)"])
        XCTAssertEqual(late("2027-04-09"), [], "Q2's line was done after the day: Q1 is the last, and Q2 has not ended")
        XCTAssertEqual(MissedOccurrenceCheck().run(d, asOf: Day("2028-01-15")!).count, 0, "each has something to count from")
        // The message says what is missing and how to record it, not to move a deadline.
        XCTAssertEqual(OverdueCheck().run(d, asOf: Day("2027-10-01")!).first { $0.recordID == "K1" }?.message.sv,
                       "K1 är försenad sedan 2027-09-30 (1 dag): den löpande kontrollen har inget tillfälle registrerat för 2027-Q3; registrera kontrollen (sakerhet activities done K1 --date ÅÅÅÅ-MM-DD)")
        XCTAssertEqual(OverdueCheck().run(d, asOf: Day("2027-10-01")!).first { $0.recordID == "K1" }?.message.en,
                       "K1 is overdue since 2027-09-30 (1 day): the standing control has no occurrence recorded for 2027-Q3; record the check (sakerhet activities done K1 --date YYYY-MM-DD)")

        // The report's row says which periods, beside the deviation of the period.
        let report = FollowUp.make(d, asOf: Day("2028-01-15")!, period: FollowUp.Period("2027-H2"))
        let row = report.activityGroups.flatMap(\.rows).first { $0.id == "K1" }
        XCTAssertEqual(row?.doneNote, "inget tillfälle registrerat för 2027-Q3 och 2027-Q4 (slutade 2027-12-31)")
        XCTAssertEqual(row?.signal, .red)
        let q2 = FollowUp.make(d, asOf: Day("2027-10-01")!, period: FollowUp.Period("2027-Q2"))
        XCTAssertEqual(q2.activityGroups.flatMap(\.rows).first { $0.id == "K1" }?.doneNote,
                       "avvikelse vid tillfället 2027-Q2 (2027-04-10); inget tillfälle registrerat för 2027-Q3 (slutade 2027-09-30)")
        let year = FollowUp.make(d, asOf: Day("2028-07-01")!, period: FollowUp.Period("2028"))
        XCTAssertEqual(year.activityGroups.flatMap(\.rows).first { $0.id == "K1" }?.doneNote,
                       "inget tillfälle registrerat för 2027-Q3–2028-Q2 (4 perioder) (slutade 2028-06-30)")
    }

    /// Q1's control done late, on 2027-04-20, with a deviation: the report for Q1 made after
    /// that day names it in the row, though it was done after Q1 ended.
    func testAPeriodsReportNamesItsOccurrenceDoneAfterThePeriod() {
        let d = data("id: K1\n\(head)due: 2027-Q2\ndone: 2027-04-20\noccurrence: 2027-Q1 2027-04-20 avvikelse\n")
        let q1 = FollowUp.make(d, asOf: Day("2027-04-25")!, period: FollowUp.Period("2027-Q1"))
        XCTAssertEqual(q1.activityGroups.flatMap(\.rows).first { $0.id == "K1" }?.doneNote, "avvikelse vid tillfället 2027-Q1 (2027-04-20)")
        // Not before it was done.
        let before = FollowUp.make(d, asOf: Day("2027-04-10")!, period: FollowUp.Period("2027-Q1"))
        XCTAssertNil(before.activityGroups.flatMap(\.rows).first { $0.id == "K1" }?.doneNote)
    }
}
