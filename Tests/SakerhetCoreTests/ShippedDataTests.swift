import XCTest
@testable import SakerhetCore

/// The shipped 2024 plan, as of its version 2.0 (2024-11-04): the audit and the follow-up.
final class ShippedDataTests: XCTestCase {
    func testAuditHasNoErrors() throws {
        let data = try Fixture.shipped()
        XCTAssertEqual(data.owners.count, 9)
        XCTAssertEqual(data.areas.count, 10)
        XCTAssertEqual(data.goals.count, 14)
        XCTAssertEqual(data.activities.count, 30)
        XCTAssertEqual(data.risks.count, 12)
        XCTAssertEqual(data.findings.count, 3)
        XCTAssertEqual(data.config.organisation, "Socialnämnden, Norrtälje kommun")
        XCTAssertEqual(data.config.version, "2.0")
        XCTAssertEqual(data.config.soonDays, 30)

        let ds = Checks.run(data, asOf: Fixture.asOf)
        let counts = ds.counts()
        XCTAssertEqual(counts.errors, 0, ds.filter { $0.severity == .error }.map { "\($0.file):\($0.line): \($0.message.sv)" }.joined(separator: "\n"))
        XCTAssertEqual(counts.warnings, 5)
        XCTAssertEqual(counts.notices, 7)
        for d in ds {
            XCTAssertTrue(Fixture.shippedFiles.contains { d.file == "data/" + $0 }, d.file)
            XCTAssertGreaterThan(d.line, 0, d.message.sv)
            XCTAssertFalse(d.message.sv.isEmpty)
            XCTAssertFalse(d.message.en.isEmpty)
        }
        XCTAssertEqual(ds.filter { $0.severity == .warning }.map { "\($0.check) \($0.recordID ?? "")" },
                       ["goal-children M2.2", "goal-children D3", "overdue D5", "after-goal A5", "after-goal A22"])
        // The plan's own faults: goals closed over open work.
        XCTAssertTrue(ds.contains { $0.recordID == "M2.2" && $0.message.sv.contains("D6 (delmål, pågår), D7 (delmål, pågår)") })
        XCTAssertTrue(ds.contains { $0.recordID == "D3" && $0.message.sv.contains("HP1 (målområde, pågår), HP2 (målområde, pågår), A5") })
        XCTAssertEqual(ds.filter { $0.severity == .notice }.map { $0.recordID ?? "" }, ["M3.3", "D8", "D9", "D10", "A12", "A19", "A21"])
        // D5 waits on KF, so its lateness is a warning, not an error.
        let d5 = try XCTUnwrap(ds.first { $0.recordID == "D5" })
        XCTAssertEqual(d5.message.sv, "D5 är försenad sedan 2024-10-03 (32 dagar), vilande; markera klar (sakerhet goals done D5) eller flytta slutdatumet med ett skäl (sakerhet goals postpone D5 --to … --reason …)")
        XCTAssertEqual(d5.file, "data/goals.rec")
    }

    func testAuditWithoutDateChecksHasOnlyThePlanWarnings() throws {
        let ds = Checks.run(try Fixture.shipped(), asOf: Fixture.asOf, includeDateChecks: false)
        XCTAssertEqual(ds.map(\.check), ["goal-children", "goal-children", "after-goal", "after-goal"])
    }

    // MARK: Follow-up

    func testFollowUpSignals() throws {
        let r = FollowUp.make(try Fixture.shipped(), asOf: Fixture.asOf)
        XCTAssertEqual(r.organisation, "Socialnämnden, Norrtälje kommun")
        XCTAssertEqual(r.version, "2.0")
        XCTAssertEqual(r.period.label, "2024")
        XCTAssertEqual(r.window, 30)
        // Each kind as what it is: 2 mål above the Mål table of 2 rows, the plan's 10 delmål, and
        // the action plan's 2 målområden (HP1, HP2: goals under D3 with `level: målområde`).
        XCTAssertEqual(r.summary.goals, FollowUp.Counts(green: 1, yellow: 1, red: 0, grey: 0))
        XCTAssertEqual(r.summary.goals.total, r.goals.count)
        XCTAssertEqual(r.summary.subgoals, FollowUp.Counts(green: 5, yellow: 3, red: 1, grey: 1))
        XCTAssertEqual(r.summary.actionAreas, FollowUp.Counts(green: 2, yellow: 0, red: 0, grey: 0))
        // Each summary line counts the rows of its own table (Delmål, Målområden).
        XCTAssertEqual(r.summary.subgoals.total, r.subgoals.count)
        XCTAssertEqual(r.summary.actionAreas.total, r.actionAreas.count)
        XCTAssertEqual(r.actionAreas.map(\.id), ["HP1", "HP2"])
        XCTAssertEqual(r.summary.findings, FollowUp.Counts(green: 3, yellow: 0, red: 0, grey: 0))
        XCTAssertEqual(r.summary.risks, FollowUp.RiskCounts(low: 0, medium: 5, high: 4, veryHigh: 3, unscored: 0))
        // Beside each goal's own status, the worst signal open below it.
        XCTAssertEqual(r.goals.map(\.below), [.yellow, .red])
        XCTAssertEqual(r.subgoals.first { $0.id == "D3" }?.below, .green)
        XCTAssertNil(r.subgoals.first { $0.id == "D2" }?.below)
        XCTAssertEqual(r.summary.activities, FollowUp.Counts(green: 20, yellow: 9, red: 0, grey: 1))
        XCTAssertEqual(r.summary.activities.total, 30)
        XCTAssertEqual(r.goals.map(\.id), ["M2.2", "M3.3"])
        XCTAssertEqual(r.subgoals.count, 10)
        XCTAssertEqual(r.subgoals.first { $0.id == "D1" }?.signal, .grey)
        XCTAssertEqual(r.subgoals.first { $0.id == "D5" }?.signal, .red)
        XCTAssertEqual(r.subgoals.first { $0.id == "D5" }?.daysLate, 32)
    }

    func testFollowUpOverdueAndDueSoon() throws {
        let r = FollowUp.make(try Fixture.shipped(), asOf: Fixture.asOf)
        XCTAssertEqual(r.summary.overdue.map(\.id), ["D5"])
        XCTAssertEqual(r.summary.overdue.map(\.days), [32])
        XCTAssertEqual(r.summary.overdue.first?.reason, "Inväntar beslut från KF avseende ansvarsfördelning")
        // Soonest first; the order among equal days is the id order of the report's choosing.
        XCTAssertEqual(r.summary.dueSoon.map(\.days), [24, 26, 26, 26, 26, 26, 26])
        XCTAssertEqual(r.summary.dueSoon.first?.id, "M3.3")
        XCTAssertEqual(Set(r.summary.dueSoon.map(\.id)), ["M3.3", "A12", "A19", "A21", "D8", "D9", "D10"])
        XCTAssertEqual(r.summary.waiting.map(\.id), ["D5", "A6", "A7", "A9", "A10", "A11", "A18"])
        XCTAssertEqual(r.owners.map(\.owner), ["sbs"])
        XCTAssertEqual(r.owners.first?.overdue.count, 1)
        XCTAssertEqual(r.owners.first?.dueSoon.count, 7)
    }

    /// An owner record without an id names nobody: an activity without an owner shows no name.
    func testOwnerNamesComeOnlyFromOwnersWithIds() {
        let owners = Fixture.owners + "\nname: Namnlös utan id\n"
        let data = Fixture.data([.owner: owners, .activity: "id: A1\ntitle: Utan ansvarig\ngoal: D3\ndue: 2024-10\n"])
        let r = FollowUp.make(data, asOf: Fixture.asOf)
        XCTAssertEqual(r.activityGroups.flatMap(\.rows).map(\.ownerName), [""])
        XCTAssertEqual(r.summary.overdue.map(\.ownerName), [""])
        XCTAssertEqual(data.ownerName("sbs"), "Enheten för säkerhet, beredskap och systemförvaltning")
        XCTAssertEqual(data.ownerName("okänd"), "okänd")
    }

    func testFollowUpRiskMatrix() throws {
        let r = FollowUp.make(try Fixture.shipped(), asOf: Fixture.asOf)
        // matrix[likelihood - 1][consequence - 1]
        let expected: [[[String]]] = [
            [[], [], [], []],
            [[], ["R9", "R12"], ["R3"], ["R5"]],
            [[], ["R2", "R11"], ["R1", "R8"], ["R4"]],
            [[], ["R7"], ["R6", "R10"], []],
        ]
        XCTAssertEqual(r.matrix, expected)
        XCTAssertEqual(r.risks.map(\.id), ["R10", "R4", "R6", "R1", "R8", "R5", "R7", "R11", "R2", "R3", "R12", "R9"])
        XCTAssertEqual(r.risks.first?.score, 12)
        XCTAssertEqual(r.risks.first?.level, .veryHigh)
        XCTAssertFalse(r.risks.contains { $0.reviewPassed })
    }

    func testFollowUpAuditCount() throws {
        let r = FollowUp.make(try Fixture.shipped(), asOf: Fixture.asOf)
        XCTAssertEqual(r.audits.count, 1)
        let a = try XCTUnwrap(r.audits.first)
        XCTAssertEqual(a.audit, "Förstudie om kommunens arbete mot välfärdsbrott")
        XCTAssertEqual(a.auditor, "PwC")
        XCTAssertEqual(a.year, 2023)
        XCTAssertEqual(a.rows.map(\.id), ["F1", "F2", "F3"])
        XCTAssertEqual(FollowUpText.auditCount(a, .sv), "0 gröna, 3 gula, 0 röda av 3")
        XCTAssertEqual(FollowUpText.auditCount(a, .en), "0 green, 3 yellow, 0 red of 3")
    }

    func testAuditCountWords() {
        let one = FollowUp.AuditGroup(audit: "Granskning", auditor: nil, year: nil, green: 1, yellow: 1, red: 1, rows: [])
        XCTAssertEqual(FollowUpText.auditCount(one, .sv), "1 grön, 1 gul, 1 röd av 0")
    }

    func testPublicFollowUpOmitsInternalRisk() throws {
        let data = try Fixture.shipped()
        XCTAssertEqual(data.risks.filter { $0.classification != .open }.map(\.id), ["R1"])
        let r = FollowUp.make(data, asOf: Fixture.asOf, isPublic: true)
        XCTAssertTrue(r.isPublic)
        XCTAssertEqual(r.omitted, ["risk": 1])
        XCTAssertEqual(r.risks.count, 11)
        XCTAssertFalse(r.risks.contains { $0.id == "R1" })
        XCTAssertEqual(r.matrix[2][2], ["R8"])
        XCTAssertFalse(r.matrix.joined().joined().contains("R1"))
        // Nothing else is classified, so the rest is as in the internal version.
        XCTAssertEqual(r.summary.activities.total, 30)
        XCTAssertEqual(r.summary.goals.total, 2)
        XCTAssertEqual(r.summary.subgoals.total, 10)
        XCTAssertEqual(r.summary.actionAreas.total, 2)
        XCTAssertEqual(FollowUp.make(data, asOf: Fixture.asOf).omitted, [:])
    }

    /// What no seed gives is marked `assumed`, and the report carries the marks.
    func testDerivedValuesAreMarkedAssumed() throws {
        let data = try Fixture.shipped()
        func marked(_ kind: Kind, _ name: String) -> [String] {
            data.items(kind).filter { data.assumed($0.ref).contains(name) }.map(\.id)
        }
        // The 11 done dates that the data derived from the deadline, not from a source.
        XCTAssertEqual(marked(.goal, "done") + marked(.activity, "done"),
                       ["M2.2", "D2", "D3", "A1", "A2", "A3", "A4", "A8", "A17", "A23", "A27"])
        XCTAssertEqual(data.goals.filter { $0.done != nil }.map(\.id), marked(.goal, "done"))
        XCTAssertEqual(data.activities.filter { $0.done != nil }.map(\.id), marked(.activity, "done"))
        // D3, A3 and A4 are klar by seed 004 (§97); only their done dates are assumed.
        XCTAssertEqual(data.goals.filter { $0.status == .done && !data.assumed($0.ref).contains("status") }.map(\.id), ["D3"])
        XCTAssertEqual(data.activities.filter { $0.status == .done && !data.assumed($0.ref).contains("status") }.map(\.id), ["A3", "A4"])
        // Every status from the plan's own notes stands unmarked; the rest is assumed.
        XCTAssertEqual(data.goals.filter { !data.assumed($0.ref).contains("status") }.map(\.id), ["D1", "D3", "D5", "D6"])
        XCTAssertEqual(data.activities.filter { !data.assumed($0.ref).contains("status") }.map(\.id), ["A3", "A4", "A6", "A7", "A13", "A18"])
        // Every risk score and every colour of the pre-study's findings.
        XCTAssertEqual(marked(.risk, "likelihood"), data.risks.map(\.id))
        XCTAssertEqual(marked(.risk, "consequence"), data.risks.map(\.id))
        XCTAssertEqual(marked(.finding, "assessment"), ["F1", "F2", "F3"])
        let r = FollowUp.make(data, asOf: Fixture.asOf)
        XCTAssertEqual(r.goals.map(\.assumed), [["status", "done"], ["status"]])
        XCTAssertTrue(r.risks.allSatisfy { Assumed.score($0.assumed) })
        XCTAssertTrue(r.audits[0].rows.allSatisfy { Assumed.assessment($0.assumed) })
    }
}
