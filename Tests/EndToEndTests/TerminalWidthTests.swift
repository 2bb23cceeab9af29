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

/// Issue 17: ids that fit the record, notices when a deadline has passed, the CSV's
/// columns, and a dry-run diff like git's.
final class EverydayWriteTests: EndToEndCase {
    func testIdsNoticesCSVAndDiff() throws {
        let root = try copyOfShippedData()
        // A top-level goal is M4 (after M3.3), a sub-goal D11, one under D3 takes its HP ids.
        var r = try run(["goals", "add", "title=Nytt mål", "owner=sbs", "due=2027-12", "--as-of", "2026-01-10"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, "goals: lägg till M4\n")
        XCTAssertEqual(r.stderr, "")
        r = try run(["goals", "add", "title=Delmål", "owner=sbs", "due=2027-12", "parent=M4", "--as-of", "2026-01-10"], in: root)
        XCTAssertEqual(r.stdout, "goals: lägg till D11\n", r.stderr)
        r = try run(["goals", "add", "title=Mer", "owner=sbs", "due=2027-12", "parent=D3", "--as-of", "2026-01-10"], in: root)
        XCTAssertEqual(r.stdout, "goals: lägg till HP3\n", r.stderr)
        // config.rec sets another scheme for activities.
        let config = root.appendingPathComponent("data/config.rec")
        try (String(contentsOf: config, encoding: .utf8) + "id_activity: AKT\n").write(to: config, atomically: false, encoding: .utf8)
        // A deadline already passed: a notice with the stored token, at once.
        r = try run(["activities", "add", "title=Skrivfel", "owner=sbs", "goal=D11", "due=2025-06", "--as-of", "2026-01-10"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, "activities: lägg till AKT1\n")
        XCTAssertTrue(r.stderr.contains("notis: AKT1: slutdatumet 2025-06 har redan passerat"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Ändra med 'set AKT1 due=… reason=…'"), r.stderr)
        // Moved later, a deadline that has passed needs a reason, also for a slip of the pen.
        r = try run(["activities", "set", "AKT1", "due=2027-06", "--as-of", "2026-01-10"], in: root)
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        r = try run(["activities", "set", "AKT1", "due=2027-06", "reason=Fel år vid inläggningen", "--as-of", "2026-01-10"], in: root)
        XCTAssertEqual(r.stderr, "")
        r = try run(["activities", "set", "AKT1", "due=2025-09", "--lang", "en", "--as-of", "2026-01-10"], in: root)
        XCTAssertTrue(r.stderr.contains("notice: AKT1: the deadline 2025-09 has already passed"), r.stderr)
        // The dry-run diff: headers, hunk header, - before +.
        r = try run(["activities", "set", "AKT1", "due=2027-09", "reason=Rättat igen", "--dry-run", "--as-of", "2026-01-10"], in: root)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(2)), ["--- a/data/activities.rec", "+++ b/data/activities.rec"])
        XCTAssertTrue(lines.count > 2 && lines[2].hasPrefix("@@ -"), r.stdout)
        let minus = lines.firstIndex(of: "-due: 2025-09"), plus = lines.firstIndex(of: "+due: 2027-09")
        XCTAssertNotNil(minus); XCTAssertNotNil(plus)
        if let minus, let plus { XCTAssertLessThan(minus, plus) }
        // CSV: the owner's name beside its id, days late in a column of its own.
        r = try run(["activities", "list", "--format", "csv", "--overdue", "--as-of", "2026-01-10"], in: root)
        let rows = r.stdout.dropFirst().split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.first, ["Id", "Titel", "Mål", "Ansvarig", "Ansvarig (namn)", "Påbörjas", "Klart senast", "Status", "Signal", "Dagar sen"])
        let row = try XCTUnwrap(rows.first { $0.first == "AKT1" })
        XCTAssertEqual(row[3], "sbs")
        XCTAssertEqual(row[4], "\"Enheten för säkerhet, beredskap och systemförvaltning\"".replacingOccurrences(of: "\"", with: ""))
        XCTAssertEqual(row[8], "röd")
        XCTAssertEqual(row[9], "102")
        // report -o and export -o say what they wrote and where.
        r = try run(["report", "--format", "html", "-o", "rapport.html", "--as-of", "2026-01-10"], in: root)
        XCTAssertEqual(r.stdout, "")
        XCTAssertNotNil(r.stderr.range(of: #"^Skrev uppföljningen \(HTML, \d+ kB\) till rapport\.html\n$"#, options: .regularExpression), r.stderr)
        r = try run(["export", "-o", "plan.xlsx", "--lang", "en", "--as-of", "2026-01-10"], in: root)
        XCTAssertNotNil(r.stderr.range(of: #"^Wrote the workbook \(Excel, \d+ kB\) to plan\.xlsx\n$"#, options: .regularExpression), r.stderr)
    }
}
