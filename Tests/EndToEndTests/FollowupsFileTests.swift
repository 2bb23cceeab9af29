import Foundation
import XCTest

/// A plan made before followups.rec existed (the shipped plan has none): the first
/// `followups add` creates the file, its dry run shows that creation, and `set` and `rm`
/// say there are no follow-ups yet and how to add one. They once said to run `init`,
/// which refuses an existing folder, and the dry run of `add` failed where the real
/// run worked.
final class FollowupsFileTests: EndToEndCase {
    let add = ["followups", "add", "--record", "D1", "--period", "2024-T2", "--assessment", "delvis uppfyllt", "--as-of", "2024-11-04"]

    func testDryRunAddShowsTheFileCreatedAndTheRealRunWritesIt() throws {
        let root = try gitRepoWithShippedData()
        let path = root.appendingPathComponent("data/followups.rec").path
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))

        let dry = try run(add + ["--dry-run"], in: root)
        XCTAssertEqual(dry.exitCode, 0, dry.output)
        XCTAssertTrue(dry.stdout.hasPrefix("--- /dev/null\n+++ b/data/followups.rec\n@@ -0,0 +1,"), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a dry run wrote the file")

        // The real run writes what the dry run showed, and commits the new file.
        let real = try run(add + ["--commit"], in: root)
        XCTAssertEqual(real.exitCode, 0, real.output)
        let shown = dry.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3)
            .filter { $0.hasPrefix("+") }.map { $0.dropFirst() }.joined(separator: "\n") + "\n"
        XCTAssertEqual(try text(root, "data/followups.rec"), shown)
        XCTAssertTrue(shown.contains("%rec: followup\n") && shown.contains("id: U1\nrecord: D1\nperiod: 2024-T2\nassessment: delvis uppfyllt\n"), shown)
        XCTAssertEqual(try git(["status", "--porcelain", "--", "data/followups.rec"], in: root), "")
        XCTAssertEqual(try git(["log", "-1", "--format=%s"], in: root), "followups: lägg till U1\n")
    }

    func testSetAndRmWithoutTheFileSayHowToAddOne() throws {
        let root = try copyOfShippedData()
        let before = try dataSnapshot(root)
        for args in [["followups", "set", "U1", "assessment=uppfyllt", "--dry-run"], ["followups", "set", "U1", "assessment=uppfyllt"],
                     ["followups", "rm", "U1", "--dry-run"], ["followups", "rm", "U1"]] {
            let r = try run(args, in: root)
            XCTAssertEqual(r.exitCode, 2, "\(args): \(r.output)")
            XCTAssertEqual(r.stderr, "sakerhet: fel: det finns ingen uppföljning med id 'U1': det finns inga uppföljningar än (data/followups.rec finns inte); lägg till en med 'sakerhet followups add --record ID --period PERIOD --assessment BEDÖMNING', som skapar filen\n", "\(args)")
        }
        // An add that would add an error leaves no file behind.
        let bad = try run(["followups", "add", "--record", "D99", "--period", "2024-T2", "--assessment", "uppfyllt"], in: root)
        XCTAssertEqual(bad.exitCode, 1, bad.output)
        try assertDataUnchanged(root, since: before)
    }
}
