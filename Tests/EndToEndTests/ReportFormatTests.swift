import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Issue 4: `report` in text, Markdown, HTML and JSON on copies of the shipped plan at the
/// plan's date: goldens, the format picked from `-o`, well-formed self-contained HTML, the
/// public mode that leaves classified records out, and `--period`.
final class ReportFormatTests: EndToEndCase {
    let plan = ["--as-of", EndToEndCase.planDate, "--data", "data"]
    let formats = ["text", "markdown", "html", "json"]

    /// Runs `report args` on a fresh copy; checks exit 0, an empty stderr and unchanged data.
    func report(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        let root = try copyOfShippedData()
        let before = try snapshot(root.appendingPathComponent("data"))
        let r = try run(["report"] + args + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, "report \(args): \(r.output)", file: file, line: line)
        XCTAssertEqual(r.stderr, "", "report \(args)", file: file, line: line)
        try assertUnchanged(root.appendingPathComponent("data"), since: before, file: file, line: line)
        return r
    }

    // MARK: Goldens (text and JSON also in GoldenTests: report.sv.txt, report.json)

    func testGoldenMarkdownSwedish() throws { try assertGolden(try report(["--format", "markdown"]).stdout, "report-sv.md") }
    func testGoldenMarkdownEnglish() throws { try assertGolden(try report(["--format", "markdown", "--lang", "en"]).stdout, "report-en.md") }
    func testGoldenHTMLSwedish() throws { try assertGolden(try report(["--format", "html"]).stdout, "report-sv.html") }

    /// `--format text` and `--format json` are what GoldenTests holds for the default.
    func testExplicitTextAndJSONMatchTheirGoldens() throws {
        try assertGolden(try report(["--format", "text"]).stdout, "report.sv.txt")
        try assertGolden(try report(["--format", "json"]).stdout, "report.json")
    }

    // MARK: Formats

    /// `-o FILE` writes the format its extension names, byte for byte what `--format`
    /// prints, and nothing on stdout.
    func testOutputFileExtensionPicksTheFormat() throws {
        for (name, format) in [("uppföljning.html", "html"), ("uppföljning.md", "markdown"), ("uppföljning.json", "json"), ("uppföljning.txt", "text")] {
            let root = try copyOfShippedData()
            let r = try run(["report", "-o", name] + plan, in: root)
            XCTAssertEqual(r.exitCode, 0, "\(name): \(r.output)")
            XCTAssertEqual(r.stdout, "", name)
            let expected = try report(["--format", format])
            XCTAssertEqual(try bytes(root, name), expected.stdoutBytes, "\(name) is not the \(format) report")
        }
    }

    func testMarkdownTablesAndSignals() throws {
        let md = try report(["--format", "markdown"]).stdout
        XCTAssertTrue(md.hasPrefix("# "), "a Markdown heading first")
        XCTAssertTrue(md.contains("\n| "), "no Markdown table")
        XCTAssertTrue(md.contains("\n|---"), "no table separator row")
        XCTAssertTrue(md.contains("🟢 grön") && md.contains("🟡 gul"), "signal as an emoji and a word")
        XCTAssertTrue(md.contains("0 gröna, 3 gula, 0 röda av 3"), "the findings' count line")
        XCTAssertFalse(md.contains("\u{1B}["), "no terminal colour in Markdown")
    }

    /// A title with `|`, `<`, `&` and `"` stays one Markdown table cell and keeps the HTML
    /// well-formed.
    func testSpecialCharactersAreEscaped() throws {
        let root = try copyOfShippedData()
        let title = "Rutin A|B <ny> & \"snart\""
        let add = try run(["activities", "add", "--title", title, "--goal", "D2", "--owner", "sbs", "--due", "2024-11-20"] + plan, in: root)
        XCTAssertEqual(add.exitCode, 0, add.output)
        let id = try XCTUnwrap(RecText.records(in: root.appendingPathComponent("data/activities.rec")).last?.id)

        let md = try run(["report", "--format", "markdown"] + plan, in: root).stdout
        func cells(_ line: Substring) -> Int {
            var count = 0, escaped = false
            for c in line { if c == "|" && !escaped { count += 1 }; escaped = c == "\\" }
            return count
        }
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false)
        var rows = 0
        for (i, line) in lines.enumerated() where line.hasPrefix("|") && line.contains(id) {
            var top = i
            while top > 0 && lines[top - 1].hasPrefix("|") { top -= 1 }
            XCTAssertEqual(cells(line), cells(lines[top]), "the row splits into more cells than its header:\n\(line)")
            rows += 1
        }
        XCTAssertGreaterThan(rows, 0, "\(id) in no Markdown table")

        let html = try run(["report", "--format", "html"] + plan, in: root).stdout
        XCTAssertNil(Formats.xmlError(html), Formats.xmlError(html) ?? "")
        XCTAssertFalse(html.contains("<ny>"))
        XCTAssertTrue(html.contains("&lt;ny&gt;"))
    }

    /// The HTML is one well-formed, self-contained file, accessible and printable.
    func testHTMLIsWellFormedAndSelfContained() throws {
        for (lang, args) in [("sv", ["--format", "html"]), ("en", ["--format", "html", "--lang", "en"])] {
            let html = try report(args).stdout
            XCTAssertNil(Formats.xmlError(html), "\(lang): the HTML does not parse as XML: \(Formats.xmlError(html) ?? "")")
            let document = try Formats.xmlDocument(html)
            let root = try XCTUnwrap(document.rootElement())
            XCTAssertEqual(root.name, "html")
            XCTAssertEqual(root.attribute(forName: "lang")?.stringValue, lang)
            XCTAssertTrue(html.contains("<html lang=\"\(lang)\""), lang)
            for forbidden in ["http://", "https://", "<script", "<link", "<img", "<iframe", "@import"] {
                XCTAssertFalse(html.lowercased().contains(forbidden), "\(lang): the HTML holds \(forbidden)")
            }
            XCTAssertTrue(html.contains("<th scope=\"col\">"), "\(lang): no column headers")
            XCTAssertTrue(html.contains("<style"), "\(lang): no inline CSS")
            XCTAssertTrue(html.contains("<svg"), "\(lang): no inline SVG")
            XCTAssertTrue(html.contains("@media print") || html.contains("@page"), "\(lang): no print CSS")
            XCTAssertTrue(html.contains("<thead"), "\(lang): tables without thead do not repeat headers in print")
            // Every risk of the register is in the heat map's cells or the table.
            for risk in try RecText.records(in: Repo.shippedData.appendingPathComponent("risks.rec")) {
                XCTAssertTrue(containsID(html, risk.id), "\(lang): \(risk.id) missing")
            }
        }
    }

    // MARK: Public mode

    /// The records marked `intern` or `sekretess` in the shipped files, each with the
    /// words of its text that no other record uses (so a leak is visible even where a
    /// table wraps the text).
    func classified() throws -> [(id: String, words: Set<String>)] {
        var hidden: [TestRecord] = [], others: [TestRecord] = []
        for file in ["config.rec", "owners.rec", "areas.rec", "goals.rec", "activities.rec", "risks.rec", "findings.rec"] {
            for r in try RecText.records(in: Repo.shippedData.appendingPathComponent(file)) {
                if ["intern", "sekretess"].contains(r.value("classification") ?? "öppen") { hidden.append(r) } else { others.append(r) }
            }
        }
        func words(_ r: TestRecord) -> Set<String> {
            Set(r.fields.filter { $0.key != "classification" }.flatMap { Self.words($0.value) }.filter { $0.count >= 6 })
        }
        let common = others.reduce(into: Set<String>()) { $0.formUnion(words($1)) }
        return hidden.map { ($0.id, words($0).subtracting(common)) }
    }

    func hiddenTitles() throws -> [String] {
        try RecText.records(in: Repo.shippedData.appendingPathComponent("risks.rec"))
            .filter { ["intern", "sekretess"].contains($0.value("classification") ?? "") }.compactMap { $0.value("title") }
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().components(separatedBy: CharacterSet.letters.inverted).filter { !$0.isEmpty })
    }

    func containsID(_ text: String, _ id: String) -> Bool {
        let escaped = NSRegularExpression.escapedPattern(for: id)
        return text.range(of: "(?<![A-Za-z0-9.])\(escaped)(?![0-9])", options: .regularExpression) != nil
    }

    func testPublicLeavesOutClassifiedRecordsInEveryFormat() throws {
        let hidden = try classified()
        XCTAssertEqual(hidden.map(\.id), ["R1"], "the shipped data marks R1 intern; the test reads it from risks.rec")
        for format in formats {
            let open = try report(["--format", format]).stdout
            let publicText = try report(["--format", format, "--public"]).stdout
            for h in hidden {
                // Without --public the record is there, so the searches below can find it.
                XCTAssertTrue(containsID(open, h.id), "\(format): \(h.id) not in the full report")
                XCTAssertFalse(containsID(publicText, h.id), "\(format) --public leaks the id \(h.id)")
                let shown = h.words.intersection(Self.words(open))
                XCTAssertFalse(shown.isEmpty, "\(format): none of \(h.id)'s own words in the full report, so a leak would not show")
                let leaked = h.words.intersection(Self.words(publicText))
                XCTAssertEqual(leaked, [], "\(format) --public leaks words of \(h.id)")
            }
            if format != "text" {  // text wraps titles in table cells
                for title in try hiddenTitles() {
                    XCTAssertTrue(open.contains(title), "\(format): '\(title)' not in the full report")
                    XCTAssertFalse(publicText.contains(title), "\(format) --public leaks '\(title)'")
                }
            }
            if format == "json" {
                let report = try XCTUnwrap((try Formats.json(Array(publicText.utf8)) as? [String: Any])?["report"] as? [String: Any])
                XCTAssertEqual(report["is_public"] as? Bool, true)
                XCTAssertEqual((report["omitted"] as? [String: Int])?["risk"], hidden.count)
            } else {
                XCTAssertTrue(publicText.contains("\(hidden.count) post utelämnad"), "\(format): no note of what was left out")
                XCTAssertFalse(open.contains("utelämnad"), "\(format): the full report says something was left out")
            }
        }
    }

    /// The risk matrix in public mode counts only the risks it shows.
    func testPublicMatrixDoesNotCountTheHiddenRisk() throws {
        func matrix(_ args: [String]) throws -> (text: String, report: [String: Any]) {
            let json = try report(["--format", "json"] + args)
            let value = try XCTUnwrap((try Formats.json(json.stdoutBytes) as? [String: Any])?["report"] as? [String: Any])
            return (String(decoding: try JSONSerialization.data(withJSONObject: value["matrix"] ?? [:]), as: UTF8.self), value)
        }
        XCTAssertTrue(containsID(try matrix([]).text, "R1"), "the full matrix should hold R1")
        let (text, value) = try matrix(["--public"])
        XCTAssertFalse(containsID(text, "R1"), "the matrix holds R1: \(text)")
        let risks = try XCTUnwrap(value["risks"] as? [[String: Any]])
        XCTAssertEqual(risks.count, try RecText.records(in: Repo.shippedData.appendingPathComponent("risks.rec")).count - 1)
    }

    func testPublicNoteInEnglish() throws {
        let md = try report(["--format", "markdown", "--public", "--lang", "en"]).stdout
        XCTAssertTrue(md.contains("1 record left out"), "English public note: \(md.split(separator: "\n").filter { $0.contains("left out") })")
    }

    // MARK: Period

    func testPeriodMonth() throws {
        let text = try report(["--period", "2024-10"]).stdout
        XCTAssertTrue(text.contains("period 2024-10"), String(text.prefix(300)))
        let md = try report(["--format", "markdown", "--period", "2024-10"]).stdout
        XCTAssertTrue(md.contains("period 2024-10"), String(md.prefix(300)))
        let json = try report(["--format", "json", "--period", "2024-10"])
        let value = try XCTUnwrap((try Formats.json(json.stdoutBytes) as? [String: Any])?["report"] as? [String: Any])
        let period = try XCTUnwrap(value["period"] as? [String: Any])
        XCTAssertEqual(period["first"] as? String, "2024-10-01")
        XCTAssertEqual(period["last"] as? String, "2024-10-31")
        // The default is the as-of date's year.
        let year = try XCTUnwrap((try Formats.json(try report(["--format", "json"]).stdoutBytes) as? [String: Any])?["report"] as? [String: Any])
        XCTAssertEqual((year["period"] as? [String: Any])?["first"] as? String, "2024-01-01")
        XCTAssertEqual((year["period"] as? [String: Any])?["last"] as? String, "2024-12-31")
    }

    func testBadPeriodIsAUsageError() throws {
        let root = try copyOfShippedData()
        for bad in ["2024-13", "24", "2024-1", "oktober", "2024-10-01"] {
            let r = try run(["report", "--period", bad] + plan, in: root)
            XCTAssertEqual(r.exitCode, 2, "--period \(bad): \(r.output)")
            XCTAssertTrue(r.stderr.contains("--period"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
    }

    func testOutputIntoAMissingFolderIsAnIOError() throws {
        let root = try copyOfShippedData()
        let r = try run(["report", "-o", "saknas/rapport.html"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("saknas").path))
    }
}
