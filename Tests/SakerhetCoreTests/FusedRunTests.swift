import XCTest
@testable import SakerhetCore

/// `Checks.run` fuses the record checks and the scheduled checks into one walk per kind,
/// cut into pieces; what it finds must be what each check finds alone, in the same order.
final class FusedRunTests: XCTestCase {
    /// 22,000 activities (enough to be cut into pieces), every 11th with something wrong
    /// that a record check or a scheduled check reports.
    static let data: DataSet = {
        var activities: [String] = []
        for n in 1...22_000 {
            var r = "id: A\(n)\n"
            switch n % 11 {
            case 1: r += "goal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"                     // mandatory: no title
            case 2: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\ndue: 2025-01\nstatus: pågår\n"  // repeated-field
            case 3: r += "title: T\(n) \ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"      // trailing
            case 4: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\nassumed: nofield\n"  // assumed
            case 5: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-06\nstatus: pågår\n"       // overdue
            case 6: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-11-20\nstatus: pågår\n"    // due soon
            case 7: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: vilande\n"     // reason
            case 8: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: klar\n"        // done-date
            case 9: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: klar\ndone: 2030-01-01\n"  // done-future
            default: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"
            }
            activities.append(r)
        }
        return Fixture.data([.activity: activities.joined(separator: "\n")])
    }()

    func testFusedRunFindsWhatEachCheckFindsAlone() {
        let data = Self.data
        XCTAssertGreaterThan(Parallel.ranges(data.activities.count).count, Parallel.width > 1 ? 1 : 0)
        let fused = Checks.run(data, asOf: Fixture.asOf)
        let alone = Array(Checks.all.map { $0.run(data, asOf: Fixture.asOf) }.joined()).sortedForOutput()
        XCTAssertEqual(fused.count, alone.count)
        XCTAssertTrue(fused == alone, "the fused run differs from the checks run one by one")
        // Each planted fault is found once per record that has it.
        let counts = Dictionary(grouping: fused, by: \.check).mapValues(\.count)
        for check in ["mandatory", "repeated-field", "trailing", "assumed", "reason", "done-date", "done-future"] {
            XCTAssertEqual(counts[check], 2_000, check)
        }
        XCTAssertGreaterThanOrEqual(counts["overdue"] ?? 0, 2_000)
    }

    /// The runner learns how to fuse a check from `fusion`, not from a cast: every record
    /// and scheduled check must give it, and no other check.
    func testEveryRecordAndScheduledCheckSaysHowItIsFused() {
        for c in Checks.all {
            switch c.fusion {
            case .record: XCTAssertTrue(c is any RecordCheck, c.id)
            case .scheduled: XCTAssertTrue(c is any ScheduledCheck, c.id)
            case nil: XCTAssertFalse(c is any RecordCheck || c is any ScheduledCheck, c.id)
            }
        }
        XCTAssertEqual(Checks.all.compactMap(\.fusion).count, 9)
    }

    func testWithoutDateChecksTheFusedRunLeavesThemOut() {
        let found = Checks.run(Self.data, asOf: Fixture.asOf, includeDateChecks: false)
        XCTAssertFalse(found.contains { ["overdue", "due-soon", "done-future"].contains($0.check) })
        XCTAssertEqual(found.filter { $0.check == "done-date" }.count, 2_000)
    }
}
