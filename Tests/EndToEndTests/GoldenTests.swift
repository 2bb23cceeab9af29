import Foundation
import XCTest

/// The shipped plan at the plan's date (2024-11-04), compared with Golden/ byte for byte.
/// Regenerate deliberately with SAKERHET_UPDATE_GOLDEN=1 (see Support/Sakerhet.swift).
final class GoldenTests: EndToEndCase {
    /// Runs `args` on a copy of the shipped data at 2024-11-04, checks the exit code, an
    /// empty stderr and unchanged files, and compares stdout with `golden`.
    func assertShipped(_ args: [String], golden: String, exits code: Int32 = 0,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try copyOfShippedData()
        let data = root.appendingPathComponent("data")
        let before = try snapshot(data)
        let r = try run(args + ["--as-of", Self.planDate, "--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, code, "exit code; stderr:\n\(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.stderr, "", file: file, line: line)
        try assertUnchanged(data, since: before, file: file, line: line)
        try assertGolden(r.stdout, golden, file: file, line: line)
    }

    func testAuditSwedish() throws { try assertShipped(["audit"], golden: "audit.sv.txt") }
    func testAuditEnglish() throws { try assertShipped(["audit", "--lang", "en"], golden: "audit.en.txt") }
    func testAuditJSON() throws { try assertShipped(["audit", "--format", "json"], golden: "audit.json") }
    func testAuditGitHub() throws { try assertShipped(["audit", "--format", "github"], golden: "audit.github.txt") }
    func testAuditGitLab() throws { try assertShipped(["audit", "--format", "gitlab"], golden: "audit.gitlab.json") }
    func testAuditJUnit() throws { try assertShipped(["audit", "--format", "junit"], golden: "audit.junit.xml") }
    func testAuditByOwner() throws { try assertShipped(["audit", "--by-owner"], golden: "audit.by-owner.txt") }
    func testReportSwedish() throws { try assertShipped(["report"], golden: "report.sv.txt") }
    func testReportEnglish() throws { try assertShipped(["report", "--lang", "en"], golden: "report.en.txt") }
    func testReportJSON() throws { try assertShipped(["report", "--format", "json"], golden: "report.json") }
    func testReportPublic() throws { try assertShipped(["report", "--public"], golden: "report.public.txt") }
    func testHelp() throws { try assertShipped(["help"], golden: "help.txt") }
    func testAuditHelp() throws { try assertShipped(["audit", "--help"], golden: "audit-help.txt") }

    /// The JSON outputs parse as JSON (a golden alone would accept broken JSON).
    func testJSONOutputsParse() throws {
        let root = try copyOfShippedData()
        for args in [["audit", "--format", "json"], ["audit", "--format", "gitlab"], ["report", "--format", "json"]] {
            let r = try run(args + ["--as-of", Self.planDate, "--data", "data"], in: root)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.stdoutBytes)), args.joined(separator: " "))
        }
    }

    /// Two years on, the plan is late: exit 1, and each overdue record is named at the
    /// `due:` line of its record, found here from the shipped file itself.
    func testAuditTwoYearsLaterNamesOverdueAtTheirLines() throws {
        let root = try copyOfShippedData()
        let r = try run(["audit", "--as-of", "2026-11-26", "--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, 1, r.output)
        let overdue = r.stdout.split(separator: "\n").filter { $0.contains(" fel: ") && $0.contains("är försenad sedan") }
        XCTAssertFalse(overdue.isEmpty, r.output)
        for line in overdue {
            XCTAssertNotNil(line.range(of: #"^data/[a-z]+\.rec:[0-9]+: fel: "#, options: .regularExpression), String(line))
        }
        for (file, id) in [("activities.rec", "A26"), ("findings.rec", "F3"), ("goals.rec", "D10")] {
            let dueLine = try Self.dueLine(of: id, in: root.appendingPathComponent("data/" + file))
            XCTAssertTrue(overdue.contains { $0.hasPrefix("data/\(file):\(dueLine): fel: \(id) är försenad sedan") },
                          "\(id) not named at data/\(file):\(dueLine):\n\(r.stdout)")
        }
    }

    /// The line number of the `due:` field of record `id`.
    static func dueLine(of id: String, in url: URL) throws -> Int {
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "id: \(id)"),
              let due = lines[start...].prefix(while: { !$0.isEmpty }).firstIndex(where: { $0.hasPrefix("due: ") }) else {
            throw TestError("no record \(id) with a due line in \(url.path)")
        }
        return due + 1
    }
}
