import Foundation
import XCTest

/// What only the binary shows of `--owner`: the owner tree through `audit` and the lists.
final class OwnerFilterTests: EndToEndCase {
    static let plan: [String: [UInt8]] = [
        "owners.rec": Array("""
            id: sf
            name: Socialförvaltningen
            kind: förvaltning

            id: u1
            name: Enheten Ett
            kind: enhet
            parent: sf

            id: u2
            name: Enheten Två
            kind: enhet
            parent: sf

            """.utf8),
        "goals.rec": Array("id: M1\ntitle: Förvaltningens mål\nowner: sf\ndue: 2026-12-31\nstatus: pågår\n".utf8),
        "activities.rec": Array("""
            id: A1
            title: Enhet Etts aktivitet
            goal: M1
            owner: u1
            due: 2026-02-28
            status: pågår

            id: A2
            title: Enhet Tvås aktivitet
            goal: M1
            owner: u2
            due: 2026-03-15
            status: pågår

            """.utf8),
        "risks.rec": Array("id: R1\ntitle: Risk\nlikelihood: 2\nconsequence: 2\nowner: itenheten\nstatus: identifierad\n".utf8),
    ]
    let asOf = ["--as-of", "2026-04-15"]

    /// `audit --owner sf` has its units' overdue work and fails; it says whom it covers.
    func testAuditOfAFörvaltningHasItsUnitsWork() throws {
        let root = try folder(with: Self.plan)
        let r = try run(asOf + ["audit", "--owner", "sf"], in: root)
        XCTAssertEqual(r.exitCode, 1, r.output)
        XCTAssertTrue(r.stdout.hasPrefix("Urval: ansvarig sf (Socialförvaltningen) och 2 ansvariga under: u1, u2\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("A1 är försenad") && r.stdout.contains("A2 är försenad"), r.stdout)
        XCTAssertTrue(r.stdout.contains("2 fel, 0 varningar, 0 notiser för sf och 2 ansvariga under (per 2026-04-15)"), r.stdout)
        let list = try run(asOf + ["activities", "list", "--owner", "Socialförvaltningen", "--format", "tsv"], in: root)
        XCTAssertEqual(list.exitCode, 0, list.output)
        XCTAssertEqual(list.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }, ["A1", "A2"])
        let clean = try run(asOf + ["audit", "--owner", "u2", "--no-time", "--lang", "en"], in: root)
        XCTAssertEqual(clean.stdout, "Selection: owner u2 (Enheten Två)\n\nNo problems for u2 (without the date checks)\n")
    }
}
