// What the report says about a moved deadline in three cases where it used to say less
// than the truth: a recurring control postponed and then done (it went green and its move
// vanished), a deadline of `?` given a date and then postponed (green), and a move made
// after the period's end but before the report's date (listed as "moved in the period").
// Each runs the built binary on a temporary git repository with commits at chosen dates.

import Foundation
import XCTest

final class BaselineTruthTests: XCTestCase {
    private let owners = "id: sbs\nname: Enheten för säkerhet\nkind: enhet\n"
    private let goals = "id: M1\ntitle: Mål\nowner: sbs\ndue: 2027\nstatus: pågår\n"

    private func plan(_ activities: String, on day: String) throws -> LogRepo {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", owners)
        try repo.write("data/goals.rec", goals)
        try repo.write("data/activities.rec", activities)
        try repo.commit("Plan antagen", on: day)
        return repo
    }

    /// The report's JSON as of `asOf` (period: the year, unless given).
    private func report(_ repo: LogRepo, asOf: String, period: String? = nil) throws -> [String: Any] {
        let args = ["report", "--format", "json", "--as-of", asOf] + (period.map { ["--period", $0] } ?? [])
        let json = try JSONSerialization.jsonObject(with: Data(try repo.sakerhet(args).utf8)) as? [String: Any]
        return try XCTUnwrap(json?["report"] as? [String: Any])
    }

    /// The activity row of `id` in the report's JSON (the one with a signal).
    private func row(_ id: String, _ report: [String: Any]) throws -> [String: Any] {
        var found: [String: Any]?
        func walk(_ v: Any) {
            if let d = v as? [String: Any] {
                if d["id"] as? String == id, d["signal"] != nil, found == nil { found = d }
                d.values.forEach(walk)
            } else if let a = v as? [Any] {
                a.forEach(walk)
            }
        }
        walk(report)
        return try XCTUnwrap(found, "no row for \(id)")
    }

    private func movedIDs(_ report: [String: Any]) -> [String] {
        ((report["summary"] as? [String: Any])?["moved"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    private let control = "id: K1\ntitle: Kvartalskontroll\ngoal: M1\nowner: sbs\ndue: 2027-Q1\nstatus: pågår\nevery: kvartal\n"

    /// Postponed from Q1 to Q2, then the check done in June: due in Q3, a quarter later than
    /// planned. It stays gul with its baseline one period on (Q2), in the row, the summary's
    /// moved list, `show` and `list`; dated before the completion, the baseline shown is Q1.
    func testARecurringControlPostponedAndThenDoneStaysMoved() throws {
        let repo = try plan(control, on: "2026-12-01")
        try repo.sakerhet(["activities", "postpone", "K1", "--to", "2027-Q2", "--reason", "Resursbrist", "--as-of", "2027-02-01"])
        try repo.commit("K1 flyttad", on: "2027-02-01")
        try repo.sakerhet(["activities", "done", "K1", "--date", "2027-06-10", "--as-of", "2027-06-10"])
        try repo.commit("K1 Q2 klar", on: "2027-06-10")

        let after = try report(repo, asOf: "2027-06-20")
        let k1 = try row("K1", after)
        XCTAssertEqual(k1["signal"] as? String, "yellow", "\(k1)")
        XCTAssertEqual(k1["due"] as? String, "2027-Q3")
        XCTAssertEqual(k1["original"] as? String, "2027-Q2", "one period on from the baseline, not from the deadline done")
        XCTAssertEqual(movedIDs(after), ["K1"])
        let text = try repo.sakerhet(["report", "--as-of", "2027-06-20"])
        XCTAssertTrue(text.contains("Flyttade sedan periodens början, i tid mot det nya slutdatumet (1)"), text)
        XCTAssertTrue(text.contains("2027-Q1 → 2027-Q3, flyttad 1 gång, totalt 91 dagar"), text)
        let show = try repo.sakerhet(["activities", "show", "K1", "--as-of", "2027-06-20"])
        XCTAssertTrue(show.contains("2027-Q2 (flyttat till 2027-Q3)"), show)
        let list = try repo.sakerhet(["activities", "list", "--as-of", "2027-06-20"])
        XCTAssertTrue(list.contains("gul"), list)

        // Dated before the completion: the deadline of that day is Q2 (its `done` lies after
        // the report's date), shown beside the baseline of that day, Q1.
        let before = try row("K1", try report(repo, asOf: "2027-06-01"))
        XCTAssertEqual(before["original"] as? String, "2027-Q1", "\(before)")
        XCTAssertEqual(before["signal"] as? String, "yellow")
    }

    /// The control: a quarterly check done on time, never postponed, is green with no
    /// original deadline after each completion.
    func testARecurringControlDoneOnTimeIsNotMoved() throws {
        let repo = try plan(control, on: "2026-12-01")
        try repo.sakerhet(["activities", "done", "K1", "--date", "2027-03-20", "--as-of", "2027-03-20"])
        try repo.commit("K1 Q1 klar", on: "2027-03-20")
        try repo.sakerhet(["activities", "done", "K1", "--date", "2027-06-10", "--as-of", "2027-06-10"])
        try repo.commit("K1 Q2 klar", on: "2027-06-10")
        let r = try report(repo, asOf: "2027-06-20")
        let k1 = try row("K1", r)
        XCTAssertEqual(k1["signal"] as? String, "green", "\(k1)")
        XCTAssertEqual(k1["due"] as? String, "2027-Q3")
        XCTAssertNil(k1["original"], "\(k1)")
        XCTAssertEqual(movedIDs(r), [])
    }

    /// Moved earlier in the period (no move), done, then postponed: the baseline went one
    /// period on from the earlier deadline, not from the later baseline, so it does not run
    /// ahead of the plan and the postponement shows.
    func testABaselineDoesNotRunAheadOfAControlMovedEarlier() throws {
        let repo = try plan(control.replacingOccurrences(of: "due: 2027-Q1", with: "due: 2027-Q3"), on: "2026-12-01")
        try repo.sakerhet(["activities", "set", "K1", "due=2027-Q1", "--as-of", "2027-01-10"])
        try repo.commit("K1 tidigare", on: "2027-01-10")
        try repo.sakerhet(["activities", "done", "K1", "--date", "2027-03-20", "--as-of", "2027-03-20"])
        try repo.commit("K1 Q1 klar", on: "2027-03-20")
        try repo.sakerhet(["activities", "postpone", "K1", "--to", "2027-Q3", "--reason", "Semester", "--as-of", "2027-04-02"])
        try repo.commit("K1 flyttad", on: "2027-04-02")
        let k1 = try row("K1", try report(repo, asOf: "2027-04-10"))
        XCTAssertEqual(k1["due"] as? String, "2027-Q3")
        XCTAssertEqual(k1["original"] as? String, "2027-Q2", "\(k1)")
        XCTAssertEqual(k1["signal"] as? String, "yellow")
    }

    /// `?` at the period's start, given 2027-03 in January and moved to 2027-09 in February:
    /// moved from 2027-03 (gul), in the row, the list and the slips.
    func testADeadlineGivenInThePeriodAndThenMovedIsMoved() throws {
        let repo = try plan("id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: ?\nstatus: pågår\nreason: Inväntar beslut\n", on: "2026-12-01")
        try repo.write("data/activities.rec", "id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: 2027-03\nstatus: pågår\n")
        try repo.commit("A1 får datum", on: "2027-01-15")
        try repo.write("data/activities.rec", "id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: 2027-09\nstatus: pågår\nreason: Försenad\n")
        try repo.commit("A1 flyttad", on: "2027-02-15")
        let r = try report(repo, asOf: "2027-06-01")
        let a1 = try row("A1", r)
        XCTAssertEqual(a1["signal"] as? String, "yellow", "\(a1)")
        XCTAssertEqual(a1["original"] as? String, "2027-03")
        XCTAssertEqual(movedIDs(r), ["A1"])
        let text = try repo.sakerhet(["report", "--as-of", "2027-06-01"])
        XCTAssertTrue(text.contains("A1 Utan datum (sbs): 2027-03 → 2027-09, flyttad 1 gång, totalt 183 dagar"), text)
        XCTAssertFalse(text.contains("? → 2027-09"), text)
        let list = try repo.sakerhet(["activities", "list", "--as-of", "2027-06-01"])
        XCTAssertTrue(list.contains("(urspr."), list)

        // The control: given a date in the period and not moved since, it is not moved.
        let quiet = try plan("id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: ?\nstatus: pågår\nreason: Inväntar beslut\n", on: "2026-12-01")
        try quiet.write("data/activities.rec", "id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: 2027-09\nstatus: pågår\n")
        try quiet.commit("A1 får datum", on: "2027-01-15")
        let q = try row("A1", try report(quiet, asOf: "2027-06-01"))
        XCTAssertEqual(q["signal"] as? String, "green", "\(q)")
        XCTAssertNil(q["original"])
    }

    /// A tertial report written after the tertial: a move made after the period's end is
    /// in the summary's moved list, which says "since the period began", and not among the
    /// period's postponements, which stop at its end.
    func testAMoveAfterThePeriodIsNotCalledOneOfThePeriod() throws {
        let repo = try plan("id: A1\ntitle: Flyttas efter T1\ngoal: M1\nowner: sbs\ndue: 2027-04\nstatus: pågår\n", on: "2026-12-01")
        try repo.write("data/activities.rec", "id: A1\ntitle: Flyttas efter T1\ngoal: M1\nowner: sbs\ndue: 2027-12\nreason: Omprioriterat\nstatus: pågår\n")
        try repo.commit("A1 flyttad i maj", on: "2027-05-15")
        let r = try report(repo, asOf: "2027-05-20", period: "2027-T1")
        XCTAssertEqual(movedIDs(r), ["A1"])
        XCTAssertEqual(((r["history"] as? [String: Any])?["postponed"] as? [Any])?.count, 0)
        for (lang, label, wrong) in [("sv", "Flyttade sedan periodens början", "Flyttade under perioden"),
                                     ("en", "Moved since the period began", "Moved in the period")] {
            let text = try repo.sakerhet(["report", "--as-of", "2027-05-20", "--period", "2027-T1", "--lang", lang])
            XCTAssertTrue(text.contains(label), text)
            XCTAssertFalse(text.contains(wrong), text)
        }
    }

    /// A report dated before a completion was committed: a control done on time every
    /// quarter is compared with the deadline it had that day, not the file's, so it is
    /// neither moved nor "2027-Q2 (urspr. 2027-Q2)"; so with a completion committed days
    /// after its done date, and in the lists.
    func testAReportDatedBeforeACompletionSeesNoMove() throws {
        let repo = try plan(control, on: "2026-12-01")
        try repo.sakerhet(["activities", "done", "K1", "--date", "2027-03-20", "--as-of", "2027-03-20"])
        try repo.commit("K1 Q1 klar", on: "2027-03-20")
        try repo.sakerhet(["activities", "done", "K1", "--date", "2027-06-10", "--as-of", "2027-06-10"])
        try repo.commit("K1 Q2 klar", on: "2027-06-15")
        for (asOf, period) in [("2027-04-30", "2027-T1"), ("2027-06-05", nil), ("2027-06-12", nil)] {
            let r = try report(repo, asOf: asOf, period: period)
            let k1 = try row("K1", r)
            XCTAssertNil(k1["original"], "\(asOf): \(k1)")
            XCTAssertEqual(movedIDs(r), [], asOf)
            XCTAssertNotEqual(k1["signal"] as? String, "red", asOf)
            let list = try repo.sakerhet(["activities", "list", "--as-of", asOf])
            XCTAssertFalse(list.contains("urspr."), "\(asOf): \(list)")
        }
        XCTAssertEqual(try row("K1", try report(repo, asOf: "2027-04-30", period: "2027-T1"))["signal"] as? String, "green")
    }

    /// `?` at the period's start, removed and put back with 2027-03, then moved to 2027-09:
    /// moved from 2027-03 as a plain edit would be; and `?` set before the period over an
    /// older date reads the same in the row and the slips.
    func testADeadlineOfQuestionMarkIsNoWayRoundAMove() throws {
        let open = "id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: ?\nstatus: pågår\nreason: Inväntar beslut\n"
        let repo = try plan(open, on: "2026-12-01")
        try repo.write("data/activities.rec", "")
        try repo.commit("A1 borttagen", on: "2027-01-10")
        try repo.write("data/activities.rec", "id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: 2027-03\nstatus: pågår\n")
        try repo.commit("A1 tillbaka", on: "2027-01-15")
        try repo.write("data/activities.rec", "id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: 2027-09\nstatus: pågår\nreason: Försenad\n")
        try repo.commit("A1 flyttad", on: "2027-02-15")
        let a1 = try row("A1", try report(repo, asOf: "2027-06-01"))
        XCTAssertEqual(a1["original"] as? String, "2027-03", "\(a1)")
        XCTAssertEqual(a1["signal"] as? String, "yellow")

        let older = try plan(open.replacingOccurrences(of: "due: ?\n", with: "due: 2026-10\n"), on: "2026-06-01")
        try older.write("data/activities.rec", open)
        try older.commit("A1 ?", on: "2026-11-01")
        try older.write("data/activities.rec", "id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: 2027-03\nstatus: pågår\n")
        try older.commit("A1 får datum", on: "2027-01-15")
        try older.write("data/activities.rec", "id: A1\ntitle: Utan datum\ngoal: M1\nowner: sbs\ndue: 2027-09\nstatus: pågår\nreason: Försenad\n")
        try older.commit("A1 flyttad", on: "2027-02-15")
        XCTAssertEqual(try row("A1", try report(older, asOf: "2027-06-01"))["original"] as? String, "2027-03")
        let text = try older.sakerhet(["report", "--as-of", "2027-06-01"])
        XCTAssertTrue(text.contains("A1 Utan datum (sbs): 2027-03 → 2027-09, flyttad 1 gång, totalt 183 dagar"), text)
    }

    /// A late control catching up with two `activities done` in one commit (Q1 and Q2 in
    /// May), and one whose Q1 was recorded by a `done` written by hand before Q2 was done
    /// with `activities done`: each completion moves the plan one period on, so neither is
    /// moved, nor a slip.
    func testEveryCompletionMovesThePlanOnAPeriod() throws {
        let caughtUp = try plan(control, on: "2026-12-01")
        try caughtUp.sakerhet(["activities", "done", "K1", "--date", "2027-05-10", "--as-of", "2027-05-10"])
        try caughtUp.sakerhet(["activities", "done", "K1", "--date", "2027-05-11", "--as-of", "2027-05-11"])
        try caughtUp.commit("K1 Q1 och Q2", on: "2027-05-11")
        let byHand = try plan(control, on: "2026-12-01")
        try byHand.write("data/activities.rec", control + "done: 2027-03-15\n")
        try byHand.commit("K1 Q1 för hand", on: "2027-03-15")
        try byHand.sakerhet(["activities", "done", "K1", "--date", "2027-06-10", "--as-of", "2027-06-10"])
        try byHand.commit("K1 Q2", on: "2027-06-10")
        for (name, repo, asOf) in [("caught up", caughtUp, "2027-05-20"), ("by hand", byHand, "2027-06-20")] {
            let r = try report(repo, asOf: asOf)
            let k1 = try row("K1", r)
            XCTAssertEqual(k1["due"] as? String, "2027-Q3", name)
            XCTAssertNil(k1["original"], "\(name): \(k1)")
            XCTAssertNil(k1["planned"], "\(name): \(k1)")
            XCTAssertEqual(k1["signal"] as? String, "green", "\(name): \(k1)")
            XCTAssertEqual(movedIDs(r), [], name)
            let text = try repo.sakerhet(["report", "--as-of", asOf])
            XCTAssertTrue(text.contains("Inga tidplaner sköts upp under perioden."), "\(name): \(text)")
        }
        // Then postponed a quarter: moved, from the plan as the completions left it.
        try byHand.sakerhet(["activities", "postpone", "K1", "--to", "2027-Q4", "--reason", "Semester", "--as-of", "2027-07-01"])
        try byHand.commit("K1 flyttad", on: "2027-07-01")
        let moved = try row("K1", try report(byHand, asOf: "2027-07-10"))
        XCTAssertEqual(moved["original"] as? String, "2027-Q3", "\(moved)")
    }

    /// K1, a quarterly control, with `extra` lines after its fields.
    private func k1(_ due: String, _ extra: String = "") -> String {
        "id: K1\ntitle: Kvartalskontroll\ngoal: M1\nowner: sbs\ndue: \(due)\nstatus: pågår\nevery: kvartal\n" + extra
    }

    /// The slips' line of K1 in the report's text.
    private func slip(_ repo: LogRepo, asOf: String) throws -> String {
        let text = try repo.sakerhet(["report", "--as-of", asOf])
        return text.split(separator: "\n").first { $0.hasPrefix("  K1 Kvartalskontroll (sbs): ") }.map(String.init) ?? "no slip: " + text
    }

    /// A `done` written by hand completes the period in force as `activities done` does:
    /// before the period, the baseline is the deadline it moved on to; in it, a postponement
    /// after it is measured from the deadline then in force, in the row and in the slips,
    /// with no "first planned" of the quarter done; two `activities done` in one commit
    /// after it are two periods; and a `done` dated before the period in force began
    /// completes nothing.
    func testADoneWrittenByHandCompletesThePeriodInForce() throws {
        // Before the period: Q4 checked by hand in December, Q1 done on time in February.
        let before = try plan(k1("2026-Q4"), on: "2026-10-01")
        try before.write("data/activities.rec", k1("2026-Q4", "done: 2026-12-10\n"))
        try before.commit("K1 Q4 för hand", on: "2026-12-10")
        try before.sakerhet(["activities", "done", "K1", "--date", "2027-02-10", "--as-of", "2027-02-10"])
        try before.commit("K1 Q1", on: "2027-02-10")
        let b = try row("K1", try report(before, asOf: "2027-02-20"))
        XCTAssertNil(b["original"], "\(b)")
        XCTAssertEqual(b["signal"] as? String, "green")

        // In the period: Q1 by hand, then postponed from Q2 (in force) to Q3.
        let hand = try history(k1("2027-Q1"), [(k1("2027-Q1", "done: 2027-03-15\n"), "2027-03-15"),
                                               (k1("2027-Q3", "done: 2027-03-15\nreason: Semester\n"), "2027-04-10")])
        try assertMoved(hand, asOf: "2027-04-20", from: "2027-Q2", slip: "2027-Q2 → 2027-Q3, flyttad 1 gång, totalt 92 dagar")

        // Q1 by hand, then Q2 and Q3 with two `activities done` in one commit: not moved.
        let two = try history(k1("2027-Q1"), [(k1("2027-Q1", "done: 2027-03-15\n"), "2027-03-15")])
        try two.sakerhet(["activities", "done", "K1", "--date", "2027-09-10", "--as-of", "2027-09-10"])
        try two.sakerhet(["activities", "done", "K1", "--date", "2027-09-11", "--as-of", "2027-09-11"])
        try two.commit("K1 Q2 och Q3", on: "2027-09-11")
        let t = try row("K1", try report(two, asOf: "2027-09-20"))
        XCTAssertEqual(t["due"] as? String, "2027-Q4")
        XCTAssertNil(t["original"], "\(t)")

        // A `done` before the period in force began (March, due Q2), then postponed to Q4:
        // moved from Q2 in the row and the slips alike.
        let early = try history(k1("2027-Q2"), [(k1("2027-Q2", "done: 2027-03-20\n"), "2027-03-20"),
                                                (k1("2027-Q4", "done: 2027-03-20\nreason: Omorganisation\n"), "2027-05-10")])
        try assertMoved(early, asOf: "2027-05-20", from: "2027-Q2", slip: "2027-Q2 → 2027-Q4, flyttad 1 gång, totalt 184 dagar")
    }

    /// A plan with `first` committed on 2026-12-01, then each step's activities written and
    /// committed on its day.
    private func history(_ first: String, _ steps: [(text: String, day: String)]) throws -> LogRepo {
        let repo = try plan(first, on: "2026-12-01")
        for (n, step) in steps.enumerated() {
            try repo.write("data/activities.rec", step.text)
            try repo.commit("Steg \(n + 1)", on: step.day)
        }
        return repo
    }

    /// K1 is moved from `from` in the report's row (with no "first planned" beside it) and
    /// its slip reads `slip`.
    private func assertMoved(_ repo: LogRepo, asOf: String, from: String, slip expected: String,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let k1 = try row("K1", try report(repo, asOf: asOf))
        XCTAssertEqual(k1["original"] as? String, from, "\(k1)", file: file, line: line)
        XCTAssertNil(k1["planned"], "\(k1)", file: file, line: line)
        XCTAssertEqual(try slip(repo, asOf: asOf), "  K1 Kvartalskontroll (sbs): " + expected, file: file, line: line)
    }

    /// A report dated before later commits: a postponement made after its date shows (the
    /// records are read as they are now, as its head says), and a control postponed and
    /// then completed after its date shows the deadline of that day with the baseline of
    /// that day, "2027-Q2 (urspr. 2027-Q1)", never "2027-Q2 (urspr. 2027-Q2)".
    func testAReportDatedBeforeLaterCommitsShowsTheirMoves() throws {
        let later = try plan("id: A1\ntitle: Engång\ngoal: M1\nowner: sbs\ndue: 2027-03\nstatus: pågår\n", on: "2026-12-01")
        try later.write("data/activities.rec", "id: A1\ntitle: Engång\ngoal: M1\nowner: sbs\ndue: 2027-09\nstatus: pågår\nreason: Omorganisation\n")
        try later.commit("A1 flyttad", on: "2027-04-10")
        let a1 = try row("A1", try report(later, asOf: "2027-04-05"))
        XCTAssertEqual(a1["original"] as? String, "2027-03", "\(a1)")
        XCTAssertEqual(a1["signal"] as? String, "yellow")

        let repo = try plan(control, on: "2026-12-01")
        try repo.sakerhet(["activities", "postpone", "K1", "--to", "2027-Q2", "--reason", "Resursbrist", "--as-of", "2027-02-01"])
        try repo.commit("K1 flyttad", on: "2027-02-01")
        try repo.sakerhet(["activities", "done", "K1", "--date", "2027-06-10", "--as-of", "2027-06-10"])
        try repo.commit("K1 Q2 klar", on: "2027-06-10")
        let k1 = try row("K1", try report(repo, asOf: "2027-06-01"))
        XCTAssertEqual(k1["due"] as? String, "2027-Q2")
        XCTAssertEqual(k1["original"] as? String, "2027-Q1", "\(k1)")
        let show = try repo.sakerhet(["activities", "show", "K1", "--as-of", "2027-06-01"])
        XCTAssertTrue(show.contains("2027-Q1 (flyttat till"), show)
    }

    /// A commit that corrects an old occurrence line and postpones the next deadline is a
    /// postponement, not a completion; and two completions in one commit after a move are
    /// counted as two in the slip.
    func testACorrectionBesideAPostponementIsAMove() throws {
        let repo = try plan(control, on: "2026-12-01")
        try repo.sakerhet(["activities", "done", "K1", "--date", "2027-03-20", "--as-of", "2027-03-20"])
        try repo.commit("K1 Q1", on: "2027-03-20")
        let text = try String(contentsOf: repo.root.appendingPathComponent("data/activities.rec"), encoding: .utf8)
        let corrected = text.replacingOccurrences(of: "occurrence: 2027-Q1 2027-03-20", with: "occurrence: 2027-Q1 2027-03-20: Protokoll 12")
            .replacingOccurrences(of: "due: 2027-Q2", with: "due: 2027-Q3\nreason: Omorganisation")
        XCTAssertNotEqual(corrected, text)
        try repo.write("data/activities.rec", corrected)
        try repo.commit("Rättelse och flytt", on: "2027-05-10")
        let k1 = try row("K1", try report(repo, asOf: "2027-05-20"))
        XCTAssertEqual(k1["original"] as? String, "2027-Q2", "\(k1)")
        XCTAssertEqual(try slip(repo, asOf: "2027-05-20"), "  K1 Kvartalskontroll (sbs): 2027-Q2 → 2027-Q3, flyttad 1 gång, totalt 92 dagar")

        let two = try plan(control, on: "2026-12-01")
        try two.sakerhet(["activities", "postpone", "K1", "--to", "2027-Q2", "--reason", "Resursbrist", "--as-of", "2027-01-10"])
        try two.commit("K1 flyttad", on: "2027-01-10")
        try two.sakerhet(["activities", "done", "K1", "--date", "2027-08-10", "--as-of", "2027-08-10"])
        try two.sakerhet(["activities", "done", "K1", "--date", "2027-08-11", "--as-of", "2027-08-11"])
        try two.commit("K1 Q2 och Q3", on: "2027-08-11")
        let line = try slip(two, asOf: "2027-08-20")
        XCTAssertTrue(line.hasSuffix("totalt 91 dagar; 2 tillfällen klara"), line)
    }

    /// A late `activities done` (Q1 checked on 04-10) leaves its `done` inside the stored
    /// Q2, which it has moved on already: a postponement after it is from Q2, a catch-up of
    /// two periods in one commit is not moved, nor is a `done` by hand in Q2 then Q3 done;
    /// a control postponed and then checked by hand stays moved; a `done` by hand before
    /// the period and a postponement after it read the same in the row and the slips.
    func testTheDeadlineInForceAfterLateAndHandCompletions() throws {
        func late() throws -> LogRepo {
            let repo = try plan(control, on: "2026-12-01")
            try repo.sakerhet(["activities", "done", "K1", "--date", "2027-04-10", "--as-of", "2027-04-10"])
            try repo.commit("K1 Q1 sent", on: "2027-04-10")
            return repo
        }
        let postponed = try late()
        try postponed.sakerhet(["activities", "postpone", "K1", "--to", "2027-Q3", "--reason", "Inväntar system", "--as-of", "2027-05-05"])
        try postponed.commit("K1 flyttad", on: "2027-05-05")
        XCTAssertEqual(try slip(postponed, asOf: "2027-05-20"), "  K1 Kvartalskontroll (sbs): 2027-Q2 → 2027-Q3, flyttad 1 gång, totalt 92 dagar")
        XCTAssertEqual(try row("K1", try report(postponed, asOf: "2027-05-20"))["original"] as? String, "2027-Q2")

        let caughtUp = try late()
        try caughtUp.sakerhet(["activities", "done", "K1", "--date", "2027-10-05", "--as-of", "2027-10-05"])
        try caughtUp.sakerhet(["activities", "done", "K1", "--date", "2027-10-06", "--as-of", "2027-10-06"])
        try caughtUp.commit("K1 Q2 och Q3", on: "2027-10-06")
        let byHand = try late()
        let text = try String(contentsOf: byHand.root.appendingPathComponent("data/activities.rec"), encoding: .utf8)
        try byHand.write("data/activities.rec", text.replacingOccurrences(of: "done: 2027-04-10\n", with: "done: 2027-06-20\n"))
        try byHand.commit("K1 Q2 för hand", on: "2027-06-20")
        try byHand.sakerhet(["activities", "done", "K1", "--date", "2027-09-10", "--as-of", "2027-09-10"])
        try byHand.commit("K1 Q3", on: "2027-09-10")
        for (name, repo) in [("caught up", caughtUp), ("by hand", byHand)] {
            let k1 = try row("K1", try report(repo, asOf: "2027-10-10"))
            XCTAssertEqual(k1["due"] as? String, "2027-Q4", name)
            XCTAssertNil(k1["original"], "\(name): \(k1)")
            XCTAssertTrue(try repo.sakerhet(["report", "--as-of", "2027-10-10"]).contains("Inga tidplaner sköts upp under perioden."), name)
        }

        // Postponed Q1 → Q2, then Q2 checked by hand in June: moved still, beside the
        // deadline in force (Q3) the baseline one period on (Q2); in March, from Q1.
        let moved = try plan(control, on: "2026-12-01")
        try moved.sakerhet(["activities", "postpone", "K1", "--to", "2027-Q2", "--reason", "Resursbrist", "--as-of", "2027-02-01"])
        try moved.commit("K1 flyttad", on: "2027-02-01")
        let after = try String(contentsOf: moved.root.appendingPathComponent("data/activities.rec"), encoding: .utf8) + "done: 2027-06-10\n"
        try moved.write("data/activities.rec", after)
        try moved.commit("K1 Q2 för hand", on: "2027-06-10")
        let june = try row("K1", try report(moved, asOf: "2027-06-20"))
        XCTAssertEqual(june["signal"] as? String, "yellow", "\(june)")
        XCTAssertEqual(june["original"] as? String, "2027-Q2", "\(june)")
        XCTAssertEqual(try row("K1", try report(moved, asOf: "2027-03-01"))["original"] as? String, "2027-Q1")

        // Q4 checked by hand in December, postponed from Q1 (in force) to Q2 in February.
        let december = try history(k1("2026-Q4"), [(k1("2026-Q4", "done: 2026-12-10\n"), "2026-12-10"),
                                                   (k1("2027-Q2", "done: 2026-12-10\nreason: System\n"), "2027-02-10")])
        let d = try row("K1", try report(december, asOf: "2027-02-20"))
        XCTAssertEqual(d["original"] as? String, "2027-Q1", "\(d)")
        XCTAssertNil(d["planned"], "\(d)")
        XCTAssertEqual(try slip(december, asOf: "2027-02-20"), "  K1 Kvartalskontroll (sbs): 2027-Q1 → 2027-Q2, flyttad 1 gång, totalt 91 dagar")
    }
}
