import XCTest
@testable import SakerhetCore

/// A deadline that has passed moves later, to `löpande` or to `?` only with a new reason in
/// the same change, as `postpone` asks for one (`RecordRules.set`): otherwise a late
/// activity, or a late finish, was on time again, in the owners' lists and in the report,
/// with nothing in the plan to say why. The rule reads the record as the change leaves it.
final class SetLateDeadlineTests: XCTestCase {
    private let day = Day("2025-06-01")!  // A12 (due 2024-11, pågår) is late.

    private func refusal(_ changes: [Change], _ id: String = "A12", _ kind: Kind = .activity, data: DataSet? = nil,
                         on day: Day? = nil) throws -> EditError? {
        do {
            _ = try RecordRules.set(try data ?? Fixture.shipped(), kind, id: id, changes, asOf: day ?? self.day)
            return nil
        } catch let error as EditError {
            return error
        }
    }

    /// The shipped plan with one activity added (goal D3, owner sbs) of `fields`, and its id.
    private func plan(_ fields: [(String, String)]) throws -> (DataSet, String) {
        let data = try Fixture.shipped()
        let (edit, id) = try RecordRules.add(data, .activity, fields: [("title", "Kontroll"), ("goal", "D3"), ("owner", "sbs")] + fields)
        return (edit.applied(to: data), id)
    }

    /// The refusal of `changes` to activity `id` of `data` on `day`, nil when it is allowed
    /// (or fails otherwise, which no test here expects).
    private func refused(_ changes: [Change], _ id: String, _ data: DataSet, on day: Day) throws -> EditError? {
        let e = try refusal(changes, id, data: data, on: day)
        return e?.isRefusal == true ? e : nil
    }

    func testALaterDeadlineThatHasPassedNeedsANewReason() throws {
        let error = try XCTUnwrap(try refusal([.set("due", "2025-09")]))
        XCTAssertTrue(error.isRefusal)
        XCTAssertEqual(error.message.sv, "A12:s slutdatum 2024-11 har passerat; ett senare slutdatum behöver ett nytt skäl: lägg till reason=… i samma set, eller använd sakerhet activities postpone A12 --to 2025-09 --reason …")
        XCTAssertEqual(error.message.en, "the deadline of A12, 2024-11, has passed; a later deadline needs a new reason: add reason=… to the same set, or use sakerhet activities postpone A12 --to 2025-09 --reason …")
        // A phrase is read as the deadline it names; löpande and ? have no end: later.
        XCTAssertNotNil(try refusal([.set("due", "hösten 2025")]))
        XCTAssertNotNil(try refusal([.set("due", "löpande")]))
        XCTAssertNotNil(try refusal([.set("due", "?")]))
        // Done in the same change, or done before: a late finish is not made one on time.
        XCTAssertNotNil(try refusal([.set("status", "klar"), .set("due", "2025-12")]))
        let shipped = try Fixture.shipped()
        let lateFinish = try RecordRules.set(shipped, .activity, id: "A12", [.set("status", "klar"), .set("done", "2025-01-15")], asOf: day).applied(to: shipped)
        XCTAssertNotNil(try refusal([.set("due", "2025-02")], data: lateFinish))
        // Done by its deadline, A1 (due 2024-05, done 2024-05-31) given a later deadline needs
        // a reason all the same: reopened, it would be late work on time.
        XCTAssertNotNil(try refusal([.set("due", "2024-12")], "A1"))
        // The record as the change leaves it: a deadline taken away and put back, a reason
        // given and taken away, a reason that is stored as nothing or reads as nothing.
        XCTAssertNotNil(try refusal([.remove("due", "2024-11"), .add("due", "2025-09")]))
        XCTAssertNotNil(try refusal([.set("due", "2025-09"), .set("reason", "x"), .remove("reason", "x")]))
        for blank in ["  ", "\n", "\u{A0}", "\u{200B}", "\u{3000}", "\u{AD}"] {
            XCTAssertNotNil(try refusal([.set("due", "2025-09"), .set("reason", blank)]), "reason \(blank.unicodeScalars.map { $0.value })")
        }
        // A goal alike.
        XCTAssertNotNil(try refusal([.set("due", "2026")], "D9", .goal))
    }

    /// A reason already there is an old move's: moving again needs its own. So a late
    /// record cannot go through `?` (which a reason check would pass on the old reason) to
    /// a later date without one.
    func testAnOldReasonIsNotTheNewMovesReason() throws {
        let data = try Fixture.shipped()
        let postponed = try RecordRules.postpone(data, .activity, id: "A12", to: Deadline(token: "2025-02")!, reason: "Inväntar upphandling")
        let moved = postponed.applied(to: data)
        XCTAssertNotNil(try refusal([.set("due", "?")], data: moved))
        XCTAssertNotNil(try refusal([.set("due", "2025-12")], data: moved))
        XCTAssertNil(try refusal([.set("due", "2025-12"), .set("reason", "Ny upphandling")], data: moved))
    }

    /// `postpone` refuses a reason that says nothing, as the CLI does, also when called as a
    /// library; a `set` that stores nothing says the field is unchanged, not added.
    func testABlankReasonIsNoReasonAndNothingStoredIsSaidSo() throws {
        let data = try Fixture.shipped()
        for blank in ["", "\n", "\u{A0}", "\u{200B}"] {
            XCTAssertThrowsError(try RecordRules.postpone(data, .activity, id: "A12", to: Deadline(token: "2025-09")!, reason: blank)) { e in
                XCTAssertEqual((e as? EditError)?.message.sv, "postpone behöver ett skäl (--reason) som säger något")
            }
        }
        let edit = try Editor.update(data, .activity, id: "A12", [.set("reason", "\n")])
        XCTAssertTrue(edit.summary.contains("reason oförändrad"), edit.summary)
        XCTAssertTrue(edit.summaryEnglish.contains("reason unchanged"), edit.summaryEnglish)
    }

    func testAReasonAnEarlierDeadlineAndWorkNotLateNeedNone() throws {
        let data = try Fixture.shipped()
        let edit = try RecordRules.set(data, .activity, id: "A12", [.set("due", "2025-09"), .set("reason", "Inväntar beslut")], asOf: day)
        let after = String(decoding: edit.afterBytes, as: UTF8.self)
        XCTAssertTrue(after.contains("due: 2025-09\n") && after.contains("reason: Inväntar beslut\n"), after)
        // Earlier: the deadline comes sooner, nothing is hidden.
        XCTAssertNil(try refusal([.set("due", "2024-10")]))
        // Not late on the day: A5 is due 2025-05, which has not passed on 2025-05-20.
        XCTAssertNil(try refusal([.set("due", "2025-12")], "A5", on: Day("2025-05-20")!))
        // Other fields of late work change freely.
        XCTAssertNil(try refusal([.set("note", "Ny anteckning")]))
    }

    /// A recurring activity is judged by the deadline that counts on the day: its next
    /// period once the last is done, not the period its `due` names.
    func testARecurringActivityIsJudgedByItsDeadlineOnTheDay() throws {
        let data = try Fixture.shipped()
        let (added, id) = try RecordRules.add(data, .activity, fields: [("title", "Kvartalskontroll"), ("goal", "D3"), ("owner", "sbs"),
                                                                         ("due", "2024-Q4"), ("every", "kvartal"), ("done", "2025-01-05")])
        let plan = added.applied(to: data)
        XCTAssertEqual(plan.activities.first { $0.id == id }?.deadline(on: Day("2025-02-10")!)?.token, "2025-Q2")
        // Its `due` (2024-Q4) has passed, but done on 2025-01-05 it is next due in 2025-Q2,
        // which has not passed on 2025-02-10: not late, no reason needed.
        XCTAssertNil(try refusal([.set("due", "2025-Q3")], id, data: plan, on: Day("2025-02-10")!))
        // On 2025-07-10 that 2025-Q2 has passed: moving on needs a reason.
        XCTAssertNotNil(try refusal([.set("due", "2025-Q4")], id, data: plan, on: Day("2025-07-10")!))
    }

    /// Every change is judged by the deadline that counts before and after it, not by the
    /// fields it names: a late one-off made recurring and done (in one change or two) had
    /// its next period counted, green, and the report no longer said it was finished late;
    /// a recurring control's `done` or `occurrence` changed so that a later period counts
    /// hid a missed one. Each needs a new reason, as a later `due` does; a change that makes
    /// no later deadline count, or of work done on time, none.
    func testAnyChangeThatMakesALaterDeadlineCountNeedsAReason() throws {
        let error = try XCTUnwrap(try refusal([.set("every", "år"), .set("done", "2025-05-20"), .set("status", "klar")]))
        XCTAssertTrue(error.isRefusal)
        XCTAssertTrue(error.message.sv.contains("ett ändrat intervall (every) ändrar vilken period som gäller"), error.message.sv)
        XCTAssertNil(try refusal([.set("every", "år"), .set("done", "2025-05-20"), .set("status", "klar"), .set("reason", "Blir en årlig kontroll")]))
        // In two changes: made recurring (then `done` would count its next period) needs a
        // reason of its own, as any change of rhythm on late work does.
        let data = try Fixture.shipped()
        let rhythm = try XCTUnwrap(try refusal([.set("every", "år")], data: data))
        XCTAssertEqual(rhythm.message.sv, "A12:s slutdatum 2024-11 har passerat; ett ändrat intervall (every) ändrar vilken period som gäller, och det behöver ett nytt skäl: lägg till reason=… i samma set")
        XCTAssertEqual(rhythm.message.en, "the deadline of A12, 2024-11, has passed; a changed rhythm (every) changes which period counts, and that needs a new reason: add reason=… to the same set")
        // A rhythm and an earlier `due` in one change: the message names the deadline that
        // counts after it, and no `postpone` (which moves only later) to an earlier period.
        let both = try XCTUnwrap(try refusal([.set("every", "kvartal"), .set("due", "2024-Q3"), .set("done", "2025-05-20")]))
        XCTAssertTrue(both.message.sv.contains("ett ändrat intervall (every)") && !both.message.sv.contains("postpone"), both.message.sv)
        // Done late without a rhythm: the report shows the late finish; no reason asked.
        XCTAssertNil(try refusal([.set("done", "2025-05-20"), .set("status", "klar")]))
        // A `due` that cannot be read leaves no deadline to judge: the check of `due` says so.
        XCTAssertNil(try refusal([.set("due", "snart")]))

        // A late recurring control: a longer rhythm, a `done` a day later or an occurrence
        // taken away each make a later period count; its rhythm taken away, its `due` counts,
        // earlier: none.
        let (added, id) = try RecordRules.add(data, .activity, fields: [("title", "Kvartalskontroll"), ("goal", "D3"), ("owner", "sbs"),
                                                                         ("due", "2024-Q4"), ("every", "kvartal"), ("done", "2025-01-05"),
                                                                         ("occurrence", "2024-Q4 2025-01-05")])
        let plan = added.applied(to: data), july = Day("2025-07-10")!
        XCTAssertEqual(plan.activities.first { $0.id == id }?.deadline(on: july)?.token, "2025-Q2")
        let longer = try XCTUnwrap(try refusal([.set("every", "år")], id, data: plan, on: july))
        XCTAssertTrue(longer.message.sv.hasPrefix("\(id):s slutdatum 2025-Q2 har passerat; ett ändrat intervall (every)"), longer.message.sv)
        XCTAssertTrue(try XCTUnwrap(try refusal([.set("done", "2025-07-01")], id, data: plan, on: july)).isRefusal)
        // Its Q2 recorded done by Q2's end: nothing late hidden.
        XCTAssertNil(try refusal([.set("done", "2025-04-02")], id, data: plan, on: july))
        XCTAssertNil(try refusal([.set("every", "år"), .set("reason", "Kontrollen görs årligen från 2025")], id, data: plan, on: july))
        XCTAssertNotNil(try refusal([.remove("every", "kvartal")], id, data: plan, on: july))
        XCTAssertNil(try refusal([.set("note", "Protokoll bifogat")], id, data: plan, on: july))

        // Done on time, then made yearly after its deadline: a change of schedule of passed
        // work, which needs a reason; a note does not.
        let (onTime, oneOff) = try RecordRules.add(data, .activity, fields: [("title", "Engångsgenomgång"), ("goal", "D3"), ("owner", "sbs"),
                                                                             ("due", "2025-Q4"), ("status", "klar"), ("done", "2025-11-01")])
        XCTAssertNotNil(try refusal([.set("every", "år")], oneOff, data: onTime.applied(to: data), on: Day("2026-02-01")!))
        XCTAssertNil(try refusal([.set("note", "Bra genomfört")], oneOff, data: onTime.applied(to: data), on: Day("2026-02-01")!))
    }

    /// The second review's ways around the rule and its refusals of ordinary edits, each
    /// in the library: a late finish made to read as on time in one change, closed work
    /// reopened with a later deadline, a recurring control's `done` written as a period not
    /// yet ended, an old reason with an invisible character added, a finding's optional
    /// `due` taken away; and a control recorded done within its period, which is no move.
    func testTheReviewsWaysAroundTheRuleAndOrdinaryEdits() throws {
        let data = try Fixture.shipped(), may = Day("2025-05-10")!
        // Done on time, then made a late finish that reads as on time: refused.
        let (onTime, b2) = try plan([("due", "2025-03-31"), ("status", "klar"), ("done", "2025-03-20")])
        XCTAssertNotNil(try refused([.set("done", "2025-04-25"), .set("due", "2025-04")], b2, onTime, on: may))
        // Closed on time, reopened with a later deadline: refused.
        XCTAssertNotNil(try refused([.set("status", "pågår"), .remove("done", "2025-03-20"), .set("due", "2026-12")], b2, onTime, on: may))
        // A recurring control late for Q1: done within Q1 is recorded on time, no move; done
        // as a period not yet ended (May) is judged when it has ended, and then Q1 is missed.
        let (k1Plan, k1) = try plan([("due", "2025-Q1"), ("every", "kvartal")])
        XCTAssertNil(try refused([.set("status", "klar"), .set("done", "2025-03-15")], k1, k1Plan, on: may))
        XCTAssertNil(try refused([.set("done", "2025-03-15")], k1, k1Plan, on: may))
        XCTAssertNotNil(try refused([.set("done", "2025-05")], k1, k1Plan, on: may))
        XCTAssertNotNil(try refused([.set("done", "2025-Q2")], k1, k1Plan, on: may))
        // An old reason with a zero-width space or a no-break space added is no new reason.
        let (reasoned, b1) = try plan([("due", "2025-03"), ("status", "pågår"), ("reason", "Budget")])
        for copy in ["Budget\u{200B}", "Budget\u{A0}", " Budget"] {
            XCTAssertNotNil(try refused([.set("due", "2026-12"), .set("reason", copy)], b1, reasoned, on: may), copy.debugDescription)
        }
        XCTAssertNil(try refused([.set("due", "2026-12"), .set("reason", "Budget saknas till hösten")], b1, reasoned, on: may))
        // A finding's `due` (optional) taken away when it has passed: no deadline at all.
        let finding = try XCTUnwrap(try refusal([.remove("due", "2025-06")], "F1", .finding, data: data, on: Day("2025-09-01")!))
        XCTAssertEqual(finding.message.sv, "F1:s slutdatum 2025-06 har passerat; efter ändringen finns inget slutdatum, och det behöver ett nytt skäl: lägg till reason=… i samma set")
    }

    /// The third review's: an edit that changes no timing on a control whose `done` period
    /// has not ended is no move (before and after are judged on the same day); a passed
    /// period recorded done with a later schedule in the same change skips the periods
    /// after it; a recurring control closed with an earlier period's `done` hides the one
    /// that passed; a reason of a Braille blank or a Hangul filler is none; `?` in the hint
    /// is quoted for the shell.
    func testTheThirdReviewsCases() throws {
        let data = try Fixture.shipped(), january = Day("2025-01-15")!
        let (pending, p) = try plan([("due", "2024-Q4"), ("every", "kvartal"), ("done", "2025-01")])
        XCTAssertNil(try refused([.set("note", "Protokoll på väg")], p, pending, on: january))
        XCTAssertNil(try refused([.set("owner", "stod")], p, pending, on: january))

        let (quarterly, a) = try plan([("due", "2024-Q3"), ("every", "kvartal")])
        XCTAssertNil(try refused([.set("done", "2024-09-20")], a, quarterly, on: january), "Q3 recorded done in Q3; Q4 still counts, and is late")
        XCTAssertNotNil(try refused([.set("done", "2024-09-20"), .set("due", "2025-Q4")], a, quarterly, on: january))
        XCTAssertNotNil(try refused([.set("done", "2024-09-20"), .set("every", "år")], a, quarterly, on: january))

        let recorded = try RecordRules.done(quarterly, .activity, id: a, date: Day("2024-09-20")!, evidence: nil).applied(to: quarterly)
        let closing = try XCTUnwrap(try refused([.set("status", "klar")], a, recorded, on: january))
        XCTAssertEqual(closing.message.sv, "\(a) är en återkommande kontroll vars period 2024-Q4 har passerat utan ett klardatum i den; klar döljer då att perioden inte gjordes: registrera den med sakerhet activities done \(a) --date ÅÅÅÅ-MM-DD, eller sätt status=struken med ett nytt skäl (reason=…) om kontrollen upphör")
        XCTAssertNotNil(try refused([.remove("every", "kvartal"), .set("status", "klar")], a, recorded, on: january))
        XCTAssertNil(try refused([.set("status", "klar"), .set("reason", "Kontrollen upphör efter omorganisationen")], a, recorded, on: january))
        // Q4 done late, in January, by `set`: a later period would count, the late finish
        // unseen; `done` records it as Q4's occurrence.
        XCTAssertNotNil(try refused([.set("status", "klar"), .set("done", "2025-01-10")], a, recorded, on: january))

        for blank in ["\u{2800}", "\u{3164}", "\u{115F}", "\u{FFA0}"] {
            XCTAssertTrue(RecordRules.isBlank(blank), blank.debugDescription)
        }
        XCTAssertTrue(try XCTUnwrap(try refused([.set("due", "?")], "A12", data, on: day)).message.sv.contains("--to '?' --reason"))
    }

    /// The fourth review's: a recurring control already klar is edited freely (only closing
    /// it is judged); the closing refusal's way out is struken with a reason; a closed
    /// one-off's later `due` is not sent to `postpone` (which refuses done work); an
    /// occurrence taken away, so that an earlier `done` reads as the late period's, needs a
    /// reason; a later deadline on a recurring control reads the message of a move.
    func testTheFourthReviewsCases() throws {
        let may = Day("2025-05-10")!, july = Day("2025-07-10")!
        let (ended, a7) = try plan([("due", "2024-Q4"), ("every", "kvartal"), ("status", "klar"), ("done", "2024-11-15"), ("reason", "Kontrollen upphörde")])
        XCTAssertNil(try refused([.set("note", "Arkiverad")], a7, ended, on: may))
        XCTAssertNil(try refused([.set("owner", "stod")], a7, ended, on: may))

        let (quarterly, a2) = try plan([("due", "2025-Q1"), ("every", "kvartal")])
        let closing = try XCTUnwrap(try refused([.set("status", "klar")], a2, quarterly, on: may))
        XCTAssertTrue(closing.message.sv.hasSuffix("eller sätt status=struken med ett nytt skäl (reason=…) om kontrollen upphör"), closing.message.sv)
        XCTAssertNil(try refused([.set("status", "struken"), .set("reason", "Kontrollen upphör")], a2, quarterly, on: may))

        let (closedLate, a4) = try plan([("due", "2025-02"), ("status", "klar"), ("done", "2025-03-15")])
        let moved = try XCTUnwrap(try refused([.set("due", "2025-03")], a4, closedLate, on: may))
        XCTAssertFalse(moved.message.sv.contains("postpone"), moved.message.sv)

        // Q1 recorded done late (its occurrence), Q2 late in July: the occurrence taken away,
        // the `done` would read as Q2's.
        let recorded = try RecordRules.done(quarterly, .activity, id: a2, date: Day("2025-05-01")!, evidence: nil).applied(to: quarterly)
        XCTAssertEqual(recorded.activities.first { $0.id == a2 }?.deadline(on: july)?.token, "2025-Q2")
        let occurrence = try XCTUnwrap(recorded.record(RecordRef(kind: .activity, index: try XCTUnwrap(recorded.records(of: .activity, id: a2).first))).value(.occurrence))
        XCTAssertNotNil(try refused([.remove("occurrence", occurrence)], a2, recorded, on: july))
        XCTAssertNil(try refused([.set("note", "Q2 görs i augusti")], a2, recorded, on: july))
    }

    /// The fifth review's: late work closed "on time" with a later `due` in the same change,
    /// then reopened, was on time; and late work struck out on an old reason was grey. Both
    /// need a new reason; closing late work with its own `done` still does not.
    func testTheFifthReviewsCases() throws {
        let data = try Fixture.shipped(), june = Day("2025-06-01")!
        XCTAssertTrue(try XCTUnwrap(try refusal([.set("status", "klar"), .set("done", "2024-11-30"), .set("due", "2026-06")], on: june)).isRefusal)
        XCTAssertNil(try refusal([.set("status", "klar"), .set("done", "2024-11-30")], on: june), "closed by its deadline, schedule kept")
        XCTAssertNil(try refusal([.set("status", "klar"), .set("done", "2025-05-20")], on: june), "a late finish, shown as one")
        let postponed = try RecordRules.postpone(data, .activity, id: "A12", to: Deadline(token: "2025-02")!, reason: "Inväntar upphandling").applied(to: data)
        let struck = try XCTUnwrap(try refusal([.set("status", "struken")], data: postponed, on: june))
        XCTAssertEqual(struck.message.sv, "A12:s slutdatum 2025-02 har passerat; att stryka sent arbete behöver ett nytt skäl: lägg till reason=… i samma set")
        XCTAssertNil(try refusal([.set("status", "struken"), .set("reason", "Ersätts av ny kontrollplan")], data: postponed, on: june))
    }

    /// A write reads the folder around the record it changes (`Store.load(folder:around:)`),
    /// where the records have other indexes than in the file the edit leaves: the rule
    /// finds the record after the edit by its id. A30 is the file's last activity (due
    /// 2025-02, late on 2025-06-01); read around it, its later deadline or rhythm needs a
    /// reason as it does read whole.
    func testTheRuleHoldsWhereTheFolderIsReadAroundTheRecord() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("around-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        for f in Fixture.shippedFiles { try fm.copyItem(atPath: Fixture.shippedFolder + "/" + f, toPath: dir + "/" + f) }
        let around = try Store.load(folder: dir, around: (.activity, "A30"))
        XCTAssertNotNil(around.files[.activity]?.document.sieve, "read around A30, not whole")
        for data in [around, try Store.load(folder: dir)] {
            XCTAssertNotNil(try refusal([.set("due", "2025-12")], "A30", data: data))
            XCTAssertNotNil(try refusal([.set("every", "år"), .set("done", "2025-05-20"), .set("status", "klar")], "A30", data: data))
            XCTAssertNil(try refusal([.set("every", "år"), .set("done", "2025-05-20"), .set("status", "klar"), .set("reason", "Blir årlig")], "A30", data: data))
        }
    }
}

/// `rm` of work the follow-up must account for: late open work, and an open finding, is
/// struck out with a reason, not removed; anything else, and closed work, is removed.
final class RemoveOpenWorkTests: XCTestCase {
    private func removal(_ kind: Kind, _ id: String, _ data: DataSet, on day: String) -> EditError? {
        do {
            _ = try RecordRules.remove(data, kind, id: id, asOf: Day(day)!)
            return nil
        } catch {
            return error as? EditError
        }
    }

    func testLateOpenWorkAndOpenFindingsAreStruckOutNotRemoved() throws {
        let data = try Fixture.shipped()
        // A12 (due 2024-11, pågår) is late on 2025-06-01; on 2024-11-04 it is not yet.
        let late = try XCTUnwrap(removal(.activity, "A12", data, on: "2025-06-01"))
        XCTAssertTrue(late.isRefusal)
        XCTAssertEqual(late.message.sv, "A12 är öppen och försenad sedan 2024-11-30; borttagen skulle den försvinna ur uppföljningens siffror och listor utan ett ord om varför. Stryk den med ett skäl i stället (sakerhet activities set A12 status=struken reason=…): den står kvar, grå, med skälet")
        XCTAssertEqual(late.message.en, "A12 is open and overdue since 2024-11-30; removed, it would vanish from the follow-up's figures and lists with no word of why. Strike it out with a reason instead (sakerhet activities set A12 status=struken reason=…): it stays, grey, with the reason")
        XCTAssertNil(removal(.activity, "A12", data, on: "2024-11-04"))
        // An open finding, late or not.
        let finding = try XCTUnwrap(removal(.finding, "F1", data, on: "2024-11-04"))
        XCTAssertTrue(finding.message.sv.hasPrefix("F1 är en öppen rekommendation från revisionen;"), finding.message.sv)
        XCTAssertTrue(try XCTUnwrap(removal(.finding, "F1", data, on: "2025-07-01")).message.sv.hasPrefix("F1 är öppen och försenad sedan 2025-06-30;"))
        // Struck out or done, it may go.
        for (changes, day) in [([Change.set("status", "struken"), .set("reason", "Ersatt av A13")], "2025-06-01"),
                               ([.set("status", "klar"), .set("done", "2024-11-20")], "2025-06-01")] {
            let closed = try RecordRules.set(data, .activity, id: "A12", changes, asOf: Day(day)!).applied(to: data)
            XCTAssertNil(removal(.activity, "A12", closed, on: day))
        }
        let answered = try RecordRules.set(data, .finding, id: "F1", [.set("status", "klar"), .set("done", "2024-10-01")], asOf: Day("2024-11-04")!).applied(to: data)
        XCTAssertNil(removal(.finding, "F1", answered, on: "2024-11-04"))
        // A record something refers to is refused as before, whatever its state.
        XCTAssertTrue(try XCTUnwrap(removal(.goal, "D9", data, on: "2024-11-04")).message.sv.hasPrefix("D9 kan inte tas bort:"))
    }
}

/// `postpone` of late work asks for a new reason, as `set` does: the one it has already
/// would make a move after the deadline read as explained.
final class PostponeLateWorkTests: XCTestCase {
    func testPostponingLateWorkNeedsANewReason() throws {
        let data = try Fixture.shipped()
        let may = Day("2025-05-10")!
        // A12 (due 2024-11) moved on time to 2025-02 with a reason, then late again in May.
        let moved = try RecordRules.postpone(data, .activity, id: "A12", to: Deadline(token: "2025-02")!, reason: "Inväntar upphandling",
                                             asOf: Day("2024-11-04")!).applied(to: data)
        XCTAssertThrowsError(try RecordRules.postpone(moved, .activity, id: "A12", to: Deadline(token: "2025-09")!, reason: "Inväntar upphandling ", asOf: may)) { e in
            XCTAssertEqual((e as? EditError)?.message.sv, "A12:s slutdatum 2025-02 har passerat; att flytta det behöver ett nytt skäl, inte det som redan står")
            XCTAssertEqual((e as? EditError)?.isRefusal, true)
        }
        XCTAssertNoThrow(try RecordRules.postpone(moved, .activity, id: "A12", to: Deadline(token: "2025-09")!, reason: "Leverantören har gått i konkurs", asOf: may))
        // Not yet late: the same reason may stand.
        XCTAssertNoThrow(try RecordRules.postpone(moved, .activity, id: "A12", to: Deadline(token: "2025-09")!, reason: "Inväntar upphandling", asOf: Day("2025-01-10")!))
    }
}
