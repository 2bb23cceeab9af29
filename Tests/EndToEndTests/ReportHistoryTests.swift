// The report's history sections read from git: Revisionshistorik, Förändringar under
// perioden and Förskjutna tidplaner, in a repository with known commits, dates and authors.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class ReportHistoryTests: XCTestCase {
    /// The shipped plan, committed at 2024-02-13; A14 postponed and A12 closed in
    /// October 2024; R1 (classified intern) changed in a commit that names it.
    private func planRepo(tag: Bool) throws -> LogRepo {
        let repo = try LogRepo(self)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data")
        try FileManager.default.copyItem(at: shipped, to: repo.root.appendingPathComponent("data"))
        try repo.commit("Första giltiga version", by: "Åsa Öberg", on: "2024-02-13")
        let acts = repo.root.appendingPathComponent("data/activities.rec")
        var text = try String(contentsOf: acts, encoding: .utf8)
        let a14 = try XCTUnwrap(text.range(of: "id: A14\n"))
        let due = try XCTUnwrap(text.range(of: "due: 2024-12\n", range: a14.upperBound..<text.endIndex))
        text.replaceSubrange(due, with: "due: 2025-03\nreason: Resurser till NIS2\n")
        try text.write(to: acts, atomically: false, encoding: .utf8)
        try repo.commit("activities: A14 due 2024-12 → 2025-03", by: "Nils Söderblom", on: "2024-10-07")
        let risks = repo.root.appendingPathComponent("data/risks.rec")
        let r = try String(contentsOf: risks, encoding: .utf8)
        let r1 = try XCTUnwrap(r.range(of: "id: R1\n"))
        let l = try XCTUnwrap(r.range(of: "likelihood: 3\n", range: r1.upperBound..<r.endIndex))
        try r.replacingCharacters(in: l, with: "likelihood: 2\n").write(to: risks, atomically: false, encoding: .utf8)
        try repo.commit("risks: R1 likelihood 3 → 2", by: "Åsa Öberg", on: "2024-10-20")
        if tag { try repo.run(["tag", "-a", "v2.0", "-m", "Anpassning inför rapportering till socialnämnden"], date: "2024-11-04") }
        return repo
    }

    func testTextReportEndsWithHistoryFromGit() throws {
        let repo = try planRepo(tag: false)
        let r = try LogBinary.run(["report", "--as-of", "2024-11-04", "--data", "data"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let start = try XCTUnwrap(r.stdout.range(of: "REVISIONSHISTORIK")).lowerBound
        let tail = String(r.stdout[start...])
        // The revision rows are the plan's versions: config.rec's version 2.0 came with the first commit.
        XCTAssertFalse(tail.contains("activities: A14"), "a commit subject is not a revision:\n\(tail)")
        for expected in ["2.0", "Första giltiga version", "2024-02-13", "Åsa Öberg", "2024-10-07", "Nils Söderblom",
                         "FÖRÄNDRINGAR UNDER PERIODEN", "Uppskjutna (1)", "A14",
                         "FÖRSKJUTNA TIDPLANER", "2024-12 → 2025-03 (+90 dagar)", "Resurser till NIS2"] {
            XCTAssertTrue(tail.contains(expected), "missing '\(expected)' in:\n\(tail)")
        }
    }

    func testTagsLabelVersions() throws {
        let repo = try planRepo(tag: true)
        let r = try LogBinary.run(["report", "--as-of", "2024-11-04", "--data", "data", "--format", "markdown"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("## Revisionshistorik"), r.stdout)
        XCTAssertTrue(r.stdout.contains("| 2.0 |"), r.stdout)
        XCTAssertFalse(r.stdout.contains("| Första giltiga version |"), "with a tag, commits are not rows")
    }

    func testHTMLHasHistorySectionsAndStaysWellFormed() throws {
        let repo = try planRepo(tag: false)
        let r = try LogBinary.run(["report", "--as-of", "2024-11-04", "--data", "data", "--format", "html"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        for expected in ["<section id=\"historik\">", "<h2>Revisionshistorik</h2>", "<h2>Förändringar under perioden</h2>",
                         "<h2>Förskjutna tidplaner</h2>", "Nils Söderblom", "Resurser till NIS2"] {
            XCTAssertTrue(r.stdout.contains(expected), "missing \(expected)")
        }
        let parser = XMLParser(data: Data(r.stdout.utf8))
        XCTAssertTrue(parser.parse(), "HTML is not well-formed: \(String(describing: parser.parserError))")
    }

    /// A commit subject naming a classified record is not shown in the public report.
    func testPublicReportHidesCommitSubjectsNamingClassifiedRecords() throws {
        let repo = try planRepo(tag: false)
        // Commit subjects are not revision rows at all any more (only versions are).
        let full = try LogBinary.run(["report", "--as-of", "2024-11-04", "--data", "data"], in: repo.root)
        XCTAssertFalse(full.stdout.contains("risks: R1 likelihood 3 → 2"))
        for format in ["text", "markdown", "html", "json"] {
            let r = try LogBinary.run(["report", "--as-of", "2024-11-04", "--data", "data", "--public", "--format", format], in: repo.root)
            XCTAssertEqual(r.exitCode, 0, r.stderr)
            XCTAssertFalse(r.stdout.contains("R1 likelihood"), "\(format) leaks the commit subject naming R1")
            XCTAssertTrue(r.stdout.contains("Första giltiga version"), "\(format) lost an unrelated revision")
        }
    }

    func testOutsideGitTheReportSaysWhyHistoryIsMissing() throws {
        let repo = try LogRepo(self, git: false)
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data")
        try FileManager.default.copyItem(at: shipped, to: repo.root.appendingPathComponent("data"))
        let sv = try LogBinary.run(["report", "--as-of", "2024-11-04", "--data", "data"], in: repo.root)
        XCTAssertEqual(sv.exitCode, 0)
        XCTAssertTrue(sv.stdout.contains("Historiken från git visas inte: data ligger inte i ett git-förråd"), sv.stdout)
        let en = try LogBinary.run(["report", "--as-of", "2024-11-04", "--data", "data", "--lang", "en"], in: repo.root)
        XCTAssertTrue(en.stdout.contains("The history from git is not shown"), en.stdout)
    }
}
