import XCTest
@testable import SakerhetCore

/// `goal-children` and `unowned-finding`: a goal agrees with what is under it, and an
/// open red or yellow finding has a deadline or someone to act on it.
final class GoalTruthCheckTests: XCTestCase {
    // MARK: goal-children

    func testGoalChildrenNamesTheOpenChildrenOfAClosedGoal() {
        // The base: D3 klar over HP2 (pågår), A4 (klar); F2 is linked to HP2 through A26, not to D3.
        assertOne(Fixture.run(GoalChildrenCheck()),
                  check: "goal-children", severity: .warning, path: "data/goals.rec", line: 13, record: "D3",
                  sv: "D3 är klar men en post under D3 är öppen: HP2 (delmål, pågår); avsluta eller stryk dem, eller sätt D3 till pågår",
                  en: "D3 is done but one record under it is open: HP2 (sub-goal, in-progress)")
    }

    func testGoalChildrenCountsActivitiesAndLinkedFindings() {
        // HP2 klar over A26 (pågår) and F2, which names A26 in `action`.
        let d = Fixture.run(GoalChildrenCheck(), variant(.goal, ("valfardsbrott\nowner: sbs\ndue: 2025-06\nstatus: pågår",
                                                                 "valfardsbrott\nowner: sbs\ndue: 2025-06\nstatus: klar\ndone: 2024-10-01")))
        XCTAssertEqual(d.map(\.recordID), ["HP2"])
        XCTAssertEqual(d.first?.message.sv,
                       "HP2 är klar men 2 poster under HP2 är öppna: A26 (aktivitet, pågår), F2 (rekommendation, pågår); avsluta eller stryk dem, eller sätt HP2 till pågår")
    }

    /// Goals and the activities findings name are found by id through the data set's id
    /// indexes: the first of a repeated id, ids longer than eight bytes (hashed, then
    /// compared). An empty `goal:` names no goal, not the goal that has no id, and a
    /// finding naming that activity lies under none. The statuses read from `Statuses` are
    /// the typed records' own.
    func testGoalChildrenFindsIdsAsTheTypedRecordsHaveThem() {
        let goals = "id: LONG-GOAL-ID-1\ntitle: G\nowner: sbs\nstatus: pågår\n\n"
            + "id: LONG-GOAL-ID-1\ntitle: again\nowner: sbs\nstatus: pågår\n\n"
            + "title: no id\nowner: sbs\nstatus: klar\n\n"
            + "id: SUB\ntitle: S\nparent: LONG-GOAL-ID-1\nowner: sbs\nstatus: struken\n"
        let acts = "id: ACTIVITY-LONG-1\ntitle: a\ngoal: LONG-GOAL-ID-1\nowner: sbs\ndue: 2025-06\nstatus: pågår\n\n"
            + "id: A2\ntitle: b\ngoal:\nowner: sbs\ndue: 2025-06\nstatus: klar\n\n"
            + "id: ACTIVITY-LONG-1\ntitle: c\ngoal: SUB\nowner: sbs\ndue: 2025-06\nstatus: pågår\n"
        let finds = "id: F1\ntitle: f\naction: ACTIVITY-LONG-1\naction: NOPE\n\nid: F2\ntitle: g\naction: A2\n"
        let data = Fixture.data([.goal: goals, .activity: acts, .finding: finds])
        let tree = GoalChildren(data)
        let statuses = GoalChildren.Statuses(data)
        func ids(_ i: Int) -> [String] { tree.children(of: i, in: data).map { $0.id(data) } }
        XCTAssertEqual(ids(0), ["SUB", "ACTIVITY-LONG-1", "F1"], "the first of the repeated id; F1 through the first ACTIVITY-LONG-1")
        XCTAssertEqual(ids(1), [])
        XCTAssertEqual(ids(2), [], "an empty goal names nothing")
        XCTAssertEqual(ids(3), ["ACTIVITY-LONG-1"])
        for i in 0..<tree.count {
            XCTAssertEqual(tree.children(of: i, statuses: statuses), tree.children(of: i, in: data))
        }
        XCTAssertEqual(tree.children(of: 0, statuses: statuses).map(\.status), [.cancelled, .inProgress, nil])
    }

    /// `Grouped` holds what an array per group would, each group's indexes in order; a
    /// negative group is none.
    func testGroupedHoldsEachGroupsIndexesInOrder() {
        var rng = SplitMix64(seed: 7)
        for round in 0..<50 {
            let groups = Int(rng.next() % 20)
            let n = Int(rng.next() % 200)
            // -1 (no group) or one of the groups.
            let groupOf = (0..<n).map { _ in Int32(rng.next() % UInt64(groups + 1)) - 1 }
            var expected = [[Int32]](repeating: [], count: groups)
            for (i, g) in groupOf.enumerated() where g >= 0 { expected[Int(g)].append(Int32(i)) }
            let grouped = Grouped(groupOf, groups: groups)
            for g in 0..<groups { XCTAssertEqual(Array(grouped[g]), expected[g], "round \(round), group \(g)") }
        }
    }

    func testGoalChildrenClipsALongList() {
        var acts = ""
        for i in 1...11 { acts += "id: A\(100 + i)\ntitle: Aktivitet\ngoal: D3\nowner: sbs\ndue: 2025-06\nstatus: pågår\n\n" }
        let d = Fixture.run(GoalChildrenCheck(), [.activity: acts, .finding: ""])
        XCTAssertEqual(d.count, 1)
        XCTAssertTrue(d[0].message.sv.contains("12 poster under D3 är öppna: HP2 (delmål, pågår), A101"), d[0].message.sv)
        XCTAssertTrue(d[0].message.sv.hasSuffix("A107 (aktivitet, pågår) och 4 till; avsluta eller stryk dem, eller sätt D3 till pågår"), d[0].message.sv)
        XCTAssertTrue(d[0].message.en.contains("and 4 more"))
    }

    func testGoalChildrenWarnsOfAnOpenGoalWithOnlyCancelledChildren() {
        let acts = "id: A1\ntitle: Struken\ngoal: HP2\nowner: sbs\ndue: ?\nstatus: struken\nreason: Uteblev efter dialog med KS\n"
        let d = Fixture.run(GoalChildrenCheck(), [.activity: acts, .finding: ""]).filter { $0.recordID == "HP2" }
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d.first?.severity, .warning)
        XCTAssertEqual(d.first?.message.sv,
                       "HP2 är öppen men allt under den är struket: A1 (aktivitet, struken); stryk HP2 med ett skäl eller lägg till det som ska göras")
    }

    /// A struken sub-goal with open work under it: the goal above is not "all cancelled"
    /// (its owner would be told to cancel a goal with late work below), and the sub-goal is
    /// told that its open records are to be cancelled too or moved to another goal.
    func testGoalChildrenWarnsOfOpenWorkUnderACancelledSubgoal() {
        let goals = """
            id: M4
            title: Mål med struket delmål
            owner: sbs
            due: 2025-12-31
            status: pågår

            id: D4
            title: Struket delmål
            parent: M4
            owner: sbs
            due: 2025-06-30
            status: struken
            reason: Utgått

            """
        let acts = "id: A4\ntitle: Öppen och försenad\ngoal: D4\nowner: sbs\ndue: 2024-09-30\nstatus: pågår\n"
        let d = Fixture.run(GoalChildrenCheck(), [.goal: goals, .activity: acts, .finding: ""])
        assertOne(d, check: "goal-children", severity: .warning, path: "data/goals.rec", line: 12, record: "D4",
                  sv: "D4 är struken men en post under D4 är öppen: A4 (aktivitet, pågår); stryk den också med ett skäl, eller flytta den till ett annat mål (goal:)",
                  en: "D4 is cancelled but one record under it is open: A4 (activity, in-progress); cancel it too with a reason, or move it to another goal (goal:)")
        XCTAssertFalse(d.contains { $0.message.sv.contains("allt under den är struket") })
    }

    func testGoalChildrenLooksThroughCancelledSubgoalsAtEveryDepth() {
        // M4 ← D4 (struken) ← D5 (struken) ← A5 (vilande): M4 still has open work; D5 is told,
        // D4 (whose only child D5 is closed) is not.
        let goals = """
            id: M4
            title: Mål
            owner: sbs
            due: 2025-12-31
            status: pågår

            id: D4
            title: Struket delmål
            parent: M4
            owner: sbs
            due: 2025-06-30
            status: struken
            reason: Utgått

            id: D5
            title: Struket underdelmål
            parent: D4
            owner: sbs
            due: 2025-06-30
            status: struken
            reason: Utgått

            """
        let open = "id: A5\ntitle: Väntar\ngoal: D5\nowner: sbs\ndue: 2025-06\nstatus: vilande\nreason: Inväntar beslut\n"
        let d = Fixture.run(GoalChildrenCheck(), [.goal: goals, .activity: open, .finding: ""])
        XCTAssertEqual(d.map(\.recordID), ["D5"])
        XCTAssertEqual(d.first?.message.sv,
                       "D5 är struken men en post under D5 är öppen: A5 (aktivitet, vilande); stryk den också med ett skäl, eller flytta den till ett annat mål (goal:)")
        // With A5 cancelled too, everything under M4 is cancelled: M4 is told, as before.
        let closed = "id: A5\ntitle: Struken\ngoal: D5\nowner: sbs\ndue: 2025-06\nstatus: struken\nreason: Utgått\n"
        let all = Fixture.run(GoalChildrenCheck(), [.goal: goals, .activity: closed, .finding: ""])
        XCTAssertEqual(all.map(\.recordID), ["M4"])
        XCTAssertTrue(all.first?.message.sv.hasPrefix("M4 är öppen men allt under den är struket: D4 (delmål, struken)") == true)
    }

    func testGoalChildrenNamesAFewOpenRecordsUnderACancelledGoalAndCountsTheRest() {
        // HP2 struken over A26 (pågår), its linked F2, and ten more open activities.
        var files = variant(.goal, ("valfardsbrott\nowner: sbs\ndue: 2025-06\nstatus: pågår",
                                    "valfardsbrott\nowner: sbs\ndue: 2025-06\nstatus: struken\nreason: Uteblev efter dialog med KS"))
        var acts = Fixture.activities
        for i in 1...10 { acts += "\nid: A\(100 + i)\ntitle: Aktivitet\ngoal: HP2\nowner: sbs\ndue: 2025-06\nstatus: pågår\n" }
        files[.activity] = acts
        let d = Fixture.run(GoalChildrenCheck(), files).filter { $0.recordID == "HP2" }
        XCTAssertEqual(d.count, 1)
        XCTAssertEqual(d.first?.severity, .warning)
        let sv = d.first?.message.sv ?? ""
        XCTAssertTrue(sv.hasPrefix("HP2 är struken men 12 poster under HP2 är öppna: A26 (aktivitet, pågår), A101"), sv)
        XCTAssertTrue(sv.hasSuffix(" och 4 till; stryk dem också med ett skäl, eller flytta dem till ett annat mål (goal:, action:)"), sv)
        XCTAssertTrue(d.first?.message.en.contains("and 4 more; cancel them too with a reason, or move them to another goal (goal:, action:)") == true)
    }

    func testGoalChildrenQuiet() {
        // D3 klar with only closed children; HP2 open with open and cancelled children; a goal with none.
        let files = variant(.goal, ("parent: D3", "parent: M3.3"))
        XCTAssertEqual(Fixture.run(GoalChildrenCheck(), files).map(\.message.sv), [])
        let acts = Fixture.activities + "\nid: A27\ntitle: Struken\ngoal: HP2\nowner: sbs\ndue: ?\nstatus: struken\nreason: Uteblev\n"
        var mixed = files
        mixed[.activity] = acts
        XCTAssertEqual(Fixture.run(GoalChildrenCheck(), mixed).map(\.message.sv), [])
    }

    func testOpenSignalIsTheWorstOpenChildBelow() {
        // HP2's A26 is late as of 2025-03-01: HP2 sees red through it, D3 through HP2, M3.3 through
        // D3 (klar, but what is open under it still counts).
        let data = Fixture.data()
        let tree = GoalChildren(data)
        let signals = tree.openSignals(data, asOf: Day("2025-03-01")!, window: 30)
        XCTAssertEqual(data.goals.map(\.id), ["M3.3", "D3", "HP2"])
        XCTAssertEqual(signals, [.red, .red, .red])
        XCTAssertEqual(tree.openSignals(data, asOf: Fixture.asOf, window: 30), [.green, .green, .green])
        // Without activities and findings: HP2 under the closed D3 still counts for M3.3.
        let bare = Fixture.data([.activity: "", .finding: ""])
        XCTAssertEqual(GoalChildren(bare).openSignals(bare, asOf: Fixture.asOf, window: 30), [.green, .green, nil])
    }

    /// In the public report a classified sub-goal is left out, but an open activity below it
    /// is shown (under "Övriga aktiviteter"): the goal above still sees its signal, without
    /// the sub-goal's own. An activity that is itself classified does not count.
    func testPublicOpenSignalCountsOpenRecordsBelowAClassifiedSubgoal() {
        let goals = """
            id: M1
            title: Mål
            owner: sbs
            due: 2025-12-31
            status: pågår

            id: D2
            title: Hemligt delmål
            parent: M1
            owner: sbs
            due: 2025-12-31
            status: pågår
            classification: sekretess

            """
        let open = "id: A2\ntitle: Öppen aktivitet\ngoal: D2\nowner: sbs\ndue: 2025-03-31\nstatus: pågår\n"
        let asOf = Day("2025-05-01")!
        let data = Fixture.data([.goal: goals, .activity: open, .finding: ""])
        XCTAssertEqual(GoalChildren(data).openSignals(data, asOf: asOf, window: 30, onlyOpen: true), [.red, .red])
        let report = FollowUp.make(data, asOf: asOf, isPublic: true)
        XCTAssertEqual(report.goals.map(\.id), ["M1"])
        XCTAssertEqual(report.goals.first?.below, .red)
        let hidden = Fixture.data([.goal: goals, .activity: open + "classification: intern\n", .finding: ""])
        XCTAssertEqual(GoalChildren(hidden).openSignals(hidden, asOf: asOf, window: 30, onlyOpen: true)[0], nil)
    }

    /// In the public report a delmål under a left-out mål is still a delmål: counted and
    /// listed as one, its Mål column "–" in every format, not a mål of its own.
    func testPublicSubgoalUnderAClassifiedGoalStaysASubgoal() {
        let goals = """
            id: M1
            title: Öppet mål
            owner: sbs
            due: 2025-12
            status: pågår

            id: M2
            title: Internt mål
            owner: sbs
            due: 2025-12
            status: pågår
            classification: intern

            id: D1
            title: Delmål under öppet mål
            parent: M1
            owner: sbs
            due: 2025-10
            status: pågår

            id: D2
            title: Delmål under internt mål
            parent: M2
            owner: sbs
            due: 2025-02
            status: pågår

            """
        let data = Fixture.data([.goal: goals, .activity: "", .finding: ""])
        let asOf = Day("2025-04-10")!
        let report = FollowUp.make(data, asOf: asOf, isPublic: true)
        XCTAssertEqual(report.goals.map(\.id), ["M1"])
        XCTAssertEqual(report.subgoals.map(\.id), ["D1", "D2"])
        XCTAssertEqual(report.subgoals.map(\.parent), ["M1", nil])
        XCTAssertEqual(report.summary.goals.total, 1)
        XCTAssertEqual(report.summary.subgoals.total, 2)
        XCTAssertEqual(report.summary.subgoals.red, 1)
        let text = FollowUpText.render(report, lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("\n–    D2  "), text)
        XCTAssertTrue(FollowUpMarkdown.render(report, lang: .sv).contains("| – | D2 |"))
        // Not public: M2 is there, D2 under it.
        let all = FollowUp.make(data, asOf: asOf)
        XCTAssertEqual(all.goals.map(\.id), ["M1", "M2"])
        XCTAssertEqual(all.subgoals.map(\.parent), ["M1", "M2"])
    }

    // MARK: unowned-finding

    func testUnownedRedFindingWithUnknownDeadlineAndNoAction() {
        let d = Fixture.run(UnownedFindingCheck(), variant(.finding, ("assessment: gul", "assessment: röd"),
                                                            ("due: 2025-06\naction: A26\nstatus: pågår", "due: ?\nreason: Inväntar svar")))
        assertOne(d, check: "unowned-finding", severity: .warning, path: "data/findings.rec", line: 8, record: "F2",
                  sv: "F2 är bedömd röd och öppen, har okänt slutdatum (due: ?) och ingen kopplad åtgärd",
                  en: "F2 is assessed red and open, has an unknown deadline (due: ?) and no linked activity")
    }

    func testUnownedRedFindingWithoutDeadline() {
        let d = Fixture.run(UnownedFindingCheck(), variant(.finding, ("assessment: gul", "assessment: röd"), ("due: 2025-06\n", "")))
        assertOne(d, check: "unowned-finding", severity: .warning, path: "data/findings.rec", line: 6, record: "F2",
                  sv: "F2 är bedömd röd och öppen men saknar slutdatum", en: "F2 is assessed red and open but has no deadline")
    }

    func testUnownedYellowFindingIsANotice() {
        let d = Fixture.run(UnownedFindingCheck(), variant(.finding, ("due: 2025-06\naction: A26\nstatus: pågår", "due: ?\nreason: Inväntar svar")))
        assertOne(d, check: "unowned-finding", severity: .notice, path: "data/findings.rec", line: 8, record: "F2",
                  sv: "F2 är bedömd gul", en: "F2 is assessed yellow")
    }

    func testUnownedFindingQuiet() {
        // Red with a deadline; red with due: ? and an action; red without a deadline but closed; green.
        XCTAssertEqual(Fixture.run(UnownedFindingCheck(), variant(.finding, ("assessment: gul", "assessment: röd"))).count, 0)
        XCTAssertEqual(Fixture.run(UnownedFindingCheck(), variant(.finding, ("assessment: gul", "assessment: röd"),
                                                                  ("due: 2025-06", "due: ?\nreason: Okänt"))).count, 0)
        XCTAssertEqual(Fixture.run(UnownedFindingCheck(), variant(.finding, ("assessment: gul", "assessment: röd"), ("due: 2025-06\n", ""),
                                                                  ("status: pågår", "status: klar\ndone: 2024-10-01"))).count, 0)
        XCTAssertEqual(Fixture.run(UnownedFindingCheck(), variant(.finding, ("assessment: gul", "assessment: grön"), ("due: 2025-06\n", ""))).count, 0)
    }

    // MARK: assumed

    func testAssumedWarnsOfANameThatMarksNothing() {
        let d = Fixture.run(AssumedCheck(), variant(.activity, ("done: 2024-04-30\n", "done: 2024-04-30\nassumed: stauts, done, every\n")))
        XCTAssertEqual(d.map(\.message.sv), [
            "A4: assumed nämner 'stauts' (menade du 'status'?), som inte är ett fält för aktivitet; skriv fältens namn, t.ex. 'assumed: status, done'",
            "A4: assumed nämner 'every', men posten har inget sådant fält; ta bort namnet eller lägg till fältet",
        ])
        XCTAssertEqual(d.map(\.line), [9, 9])
        XCTAssertEqual(d.first?.severity, .warning)
    }

    func testAssumedQuietAndRead() {
        let files = variant(.activity, ("done: 2024-04-30\n", "done: 2024-04-30\nassumed: status,done\nassumed: start\n"))
        XCTAssertEqual(Fixture.run(AssumedCheck(), files).count, 0)
        let data = Fixture.data(files)
        XCTAssertEqual(data.assumed(data.activities[0].ref), ["status", "done", "start"])
        XCTAssertEqual(data.assumed(data.activities[1].ref), [])
        XCTAssertEqual(data.assumedByIndex(.activity), [0: ["status", "done", "start"]])
        XCTAssertEqual(Fixture.data().assumedByIndex(.activity), [:])
    }

    /// The records with an `assumed` line are found by their codes, wherever the line is;
    /// the word in another field's value is no such line.
    func testTheRecordsWithAnAssumedLineAreFoundByTheirCodes() {
        let text = """
            id: A1
            note: assumed: status

            id: A2
            title: T
            assumed: done

            id: A3
            assumed:

            id: A4
            assumed: status
            title: T
            assumed: start, status

            """
        let data = Fixture.data([.activity: text])
        XCTAssertEqual(data.assumedByIndex(.activity), [1: ["done"], 2: [], 3: ["status", "start"]])
        XCTAssertEqual(data.assumed(RecordRef(kind: .activity, index: 0)), [])
        XCTAssertEqual(data.assumed(RecordRef(kind: .activity, index: 3)), ["status", "start"])
    }
}
