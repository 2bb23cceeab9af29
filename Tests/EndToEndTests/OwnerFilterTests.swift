import Foundation
import XCTest

/// What only the binary shows of `--owner`: the owner tree and the missing-owner notice
/// through `audit` and the lists.
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

    /// An owner id a record uses is selectable although owners.rec lacks it, with a notice;
    /// the activities list finds it in the risks, which it does not list.
    func testAnOwnerMissingFromOwnersRecIsSelectedWithANotice() throws {
        let root = try folder(with: Self.plan)
        let audit = try run(asOf + ["audit", "--owner", "itenheten"], in: root)
        XCTAssertEqual(audit.exitCode, 1, audit.output)
        XCTAssertTrue(audit.stdout.contains("R1"), audit.stdout)
        XCTAssertTrue(audit.stderr.contains("notis: ansvarig 'itenheten' finns inte i owners.rec men används av 1 post"), audit.stderr)
        let risks = try run(asOf + ["risks", "list", "--owner", "itenheten", "--format", "tsv"], in: root)
        XCTAssertEqual(risks.exitCode, 0, risks.output)
        XCTAssertTrue(risks.stdout.contains("R1\t"), risks.stdout)
        let acts = try run(asOf + ["activities", "list", "--owner", "itenheten", "--lang", "en"], in: root)
        XCTAssertEqual(acts.exitCode, 0, acts.output)
        XCTAssertTrue(acts.stdout.contains("No records match."), acts.stdout)
        XCTAssertTrue(acts.stderr.contains("notice: owner 'itenheten' is not in owners.rec"), acts.stderr)
        // An id nothing uses is still an error.
        let none = try run(asOf + ["audit", "--owner", "itenhet"], in: root)
        XCTAssertEqual(none.exitCode, 2, none.output)
        XCTAssertTrue(none.stderr.contains("ingen ansvarig matchar 'itenhet'"), none.stderr)
    }
}
