import Foundation
import XCTest

/// The lists' help says what the filters do: `--due-before` is inclusive and takes a period
/// at its last day, `--soon` follows `soon_days`, and risks have their own statuses.
final class ListHelpTests: EndToEndCase {
    static let plan: [String: [UInt8]] = [
        "owners.rec": Array("id: u1\nname: Enheten Ett\n".utf8),
        "risks.rec": Array("id: R1\ntitle: Risk\nlikelihood: 2\nconsequence: 2\nowner: u1\nstatus: identifierad\n".utf8),
        "config.rec": Array("soon_days: 10\n".utf8),
    ]

    /// An option's help, its wrapped lines joined.
    func option(_ name: String, in help: String) -> String {
        var out: [String] = [], inside = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  -") || line.isEmpty { inside = line.hasPrefix("  " + name + " ") }
            if inside { out.append(line.trimmingCharacters(in: .whitespaces)) }
        }
        return out.joined(separator: " ")
    }

    func testDueBeforeHelpSaysTheBoundIsInclusiveAndAPeriodEndsOnItsLastDay() throws {
        let root = try folder(with: Self.plan)
        for command in ["goals", "activities", "findings"] {
            let sv = option("--due-before", in: try run([command, "list", "--help"], in: root).stdout)
            XCTAssertTrue(sv.contains("senast") && sv.contains("till och med") && sv.contains("sista dag"), sv)
            XCTAssertFalse(sv.contains("före"), sv)
            let en = option("--due-before", in: try run([command, "list", "--help", "--lang", "en"], in: root).stdout)
            XCTAssertTrue(en.contains("due by") && en.contains("inclusive") && en.contains("last day"), en)
            XCTAssertFalse(en.contains("due before"), en)
        }
    }

    func testSoonHelpNamesSoonDaysAndRisksHaveTheirOwnStatuses() throws {
        let root = try folder(with: Self.plan)
        let soon = option("--soon", in: try run(["activities", "list", "--help"], in: root).stdout)
        XCTAssertTrue(soon.contains("soon_days") && soon.contains("config.rec"), soon)
        XCTAssertFalse(soon.contains("inom 30 dagar"), soon)
        let status = option("--status", in: try run(["risks", "list", "--help", "--lang", "en"], in: root).stdout)
        for word in ["identifierad", "hanteras", "accepterad", "stängd"] { XCTAssertTrue(status.contains(word), status) }
        XCTAssertFalse(status.contains("ej påbörjad"), status)
        // The words the help gives are accepted.
        XCTAssertEqual(try run(["risks", "list", "--status", "identifierad,hanteras"], in: root).exitCode, 0)
        XCTAssertEqual(try run(["risks", "list", "--status", "öppen"], in: root).exitCode, 0)
        // Goals and activities keep theirs.
        XCTAssertTrue(option("--status", in: try run(["activities", "list", "--help"], in: root).stdout).contains("ej påbörjad"))
    }
}
