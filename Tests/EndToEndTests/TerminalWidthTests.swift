import Foundation
import XCTest

/// Issue 17: output fits the terminal. list, show, audit and report at COLUMNS=80 and 120:
/// no line is wider than asked, and no status, id or date is cut.
final class TerminalWidthTests: EndToEndCase {
    static let statuses = ["ej påbörjad", "pågår", "klar", "vilande", "struken", "identifierad", "hanteras", "accepterad", "stängd"]

    func testOutputFitsTheWidthAndKeepsTokensWhole() throws {
        let root = try copyOfShippedData()
        let commands: [[String]] = [["activities", "list"], ["goals", "list"], ["findings", "list"], ["risks", "list"],
                                    ["goals", "show", "D2"], ["activities", "show", "A6"], ["audit"], ["audit", "--by-owner"], ["report"]]
        // Every id and date of the shipped plan, to find them cut.
        let records = try RecText.records(in: root.appendingPathComponent("data/activities.rec"))
            + RecText.records(in: root.appendingPathComponent("data/goals.rec"))
        let ids = Set(records.map(\.id)).filter { $0.count >= 3 }
        for width in [80, 120] {
            for args in commands {
                let r = try run(args + ["--as-of", Self.planDate], in: root, env: ["COLUMNS": "\(width)"])
                XCTAssertTrue(r.exitCode == 0 || r.exitCode == 1, "\(args): \(r.stderr)")
                let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                for line in lines {
                    XCTAssertLessThanOrEqual(line.count, width, "\(args) at \(width): \(line)")
                    // A date is never cut: no line ends in a partial date, none starts with its rest.
                    XCTAssertNil(line.range(of: #"\b\d{4}-\d?$|\b\d{4}-\d{2}-\d?$|\d{4}-\d…"#, options: .regularExpression),
                                 "\(args) at \(width): date cut in \(line)")
                }
                // A status is never split over two lines of a table (its cells are kept whole).
                let text = r.stdout
                XCTAssertFalse(text.contains("ej\n"), "\(args) at \(width): status split")
                for s in Self.statuses where s.count > 4 {
                    let head = String(s.prefix(s.count - 2))
                    XCTAssertNil(text.range(of: "\\b" + NSRegularExpression.escapedPattern(for: head) + "-?\\n", options: .regularExpression),
                                 "\(args) at \(width): status '\(s)' split")
                }
                // No id is cut with a hyphen.
                for id in ids where text.contains(String(id.dropLast()) + "-\n") {
                    XCTFail("\(args) at \(width): id \(id) split")
                }
            }
        }
        // Without COLUMNS and not on a terminal: 100 columns, and audit keeps one diagnostic a line.
        let plain = try run(["audit", "--as-of", Self.planDate], in: root)
        XCTAssertTrue(plain.stdout.split(separator: "\n").contains { $0.count > 100 }, "audit wraps in a pipe")
        let report = try run(["report", "--as-of", Self.planDate], in: root)
        XCTAssertFalse(report.stdout.split(separator: "\n").contains { $0.count > 100 })
    }

    /// The shipped report's golden file: within 100 columns, and every word cut at a line's
    /// end carries a hyphen.
    func testGoldenReportHasNoLongLinesAndNoBareWordBreaks() throws {
        let golden = try String(contentsOf: Repo.root.appendingPathComponent("Tests/EndToEndTests/Golden/report.sv.txt"), encoding: .utf8)
        for line in golden.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 100, String(line)) }
        XCTAssertFalse(golden.contains("förvaltningsledningsgruppe\n"))
        XCTAssertTrue(golden.contains("förvaltningslednings-"))
        XCTAssertFalse(golden.contains("2024-1…"))
        XCTAssertTrue(golden.contains("Ska vara klart inom 30 dagar"))
    }

    /// --status takes several values and the word öppen; an unknown word is named.
    func testStatusTakesSeveralValuesAndOpen() throws {
        let root = try copyOfShippedData()
        func statuses(_ value: String) throws -> Set<String> {
            let r = try run(["activities", "list", "--status", value, "--format", "tsv", "--as-of", Self.planDate], in: root)
            XCTAssertEqual(r.exitCode, 0, r.stderr)
            let rows = Formats.tsv(r.stdout)
            let col = rows.first!.firstIndex(of: "Status")!
            return Set(rows.dropFirst().map { $0[col] })
        }
        XCTAssertEqual(try statuses("ej påbörjad,pågår"), ["ej påbörjad", "pågår"])
        let open = try statuses("öppen")
        XCTAssertFalse(open.contains("klar") || open.contains("struken"))
        XCTAssertTrue(open.isSuperset(of: ["pågår", "vilande"]))
        let bad = try run(["activities", "list", "--status", "pågår,klr"], in: root)
        XCTAssertEqual(bad.exitCode, 2)
        XCTAssertTrue(bad.stderr.contains("'klr'") && bad.stderr.contains("klar"), bad.stderr)
    }

    /// CI annotations are titled in the chosen language, never with a check id.
    func testCITitlesUseWords() throws {
        let root = try copyOfShippedData()
        let gh = try run(["audit", "--format", "github", "--as-of", Self.planDate], in: root)
        XCTAssertTrue(gh.stdout.contains("title=Snart förfallen M3.3"), gh.stdout)
        XCTAssertFalse(gh.stdout.contains("title=goal-children") || gh.stdout.contains("title=after-goal"))
        let ghEn = try run(["audit", "--format", "github", "--lang", "en", "--as-of", Self.planDate], in: root)
        XCTAssertTrue(ghEn.stdout.contains("title=Due soon M3.3"), ghEn.stdout)
        let gl = try run(["audit", "--format", "gitlab", "--as-of", Self.planDate], in: root)
        XCTAssertTrue(gl.stdout.contains("\"check_name\" : \"due-soon\""))
        XCTAssertTrue(gl.stdout.contains("\"description\" : \"Snart förfallen M3.3: "), gl.stdout)
    }
}
