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
        XCTAssertEqual(ds.count(.error), 0, ds.filter { $0.severity == .error }.map { "\($0.file):\($0.line): \($0.message.sv)" }.joined(separator: "\n"))
        XCTAssertEqual(ds.count(.warning), 3)
        XCTAssertEqual(ds.count(.notice), 7)
        for d in ds {
            XCTAssertTrue(Fixture.shippedFiles.contains { d.file == "data/" + $0 }, d.file)
            XCTAssertGreaterThan(d.line, 0, d.message.sv)
            XCTAssertFalse(d.message.sv.isEmpty)
            XCTAssertFalse(d.message.en.isEmpty)
        }
        XCTAssertEqual(ds.filter { $0.severity == .warning }.map { "\($0.check) \($0.recordID ?? "")" },
                       ["overdue D5", "after-goal A5", "after-goal A22"])
        XCTAssertEqual(ds.filter { $0.severity == .notice }.map { $0.recordID ?? "" }, ["M3.3", "D8", "D9", "D10", "A12", "A19", "A21"])
        // D5 waits on KF, so its lateness is a warning, not an error.
        let d5 = try XCTUnwrap(ds.first { $0.recordID == "D5" })
        XCTAssertEqual(d5.message.sv, "D5 är försenad sedan 2024-10-03 (32 dagar), vilande")
        XCTAssertEqual(d5.file, "data/goals.rec")
    }

    func testAuditWithoutDateChecksHasOnlyTheTwoPlanWarnings() throws {
        let ds = Checks.run(try Fixture.shipped(), asOf: Fixture.asOf, includeDateChecks: false)
        XCTAssertEqual(ds.map(\.check), ["after-goal", "after-goal"])
    }

    // MARK: Follow-up

    func testFollowUpSignals() throws {
        let r = FollowUp.make(try Fixture.shipped(), asOf: Fixture.asOf)
        XCTAssertEqual(r.organisation, "Socialnämnden, Norrtälje kommun")
        XCTAssertEqual(r.version, "2.0")
        XCTAssertEqual(r.period.label, "2024")
        XCTAssertEqual(r.window, 30)
        XCTAssertEqual(r.summary.goals, FollowUp.Counts(green: 8, yellow: 4, red: 1, grey: 1))
        XCTAssertEqual(r.summary.goals.total, 14)
        XCTAssertEqual(r.summary.activities, FollowUp.Counts(green: 20, yellow: 9, red: 0, grey: 1))
        XCTAssertEqual(r.summary.activities.total, 30)
        XCTAssertEqual(r.goals.map(\.id), ["M2.2", "M3.3"])
        XCTAssertEqual(r.subgoals.count, 12)
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
        XCTAssertEqual(r.summary.goals.total, 14)
        XCTAssertEqual(FollowUp.make(data, asOf: Fixture.asOf).omitted, [:])
    }
}
