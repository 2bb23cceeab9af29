import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Issue 6: `init` for a new committee, the CI files it writes, and `audit` in the formats
/// and with the options a CI job uses.
final class InitAndCITests: EndToEndCase {
    /// Two years after the plan's date: much of the plan is late.
    static let later = "2026-11-26"

    static let dataFiles = ["config.rec", "owners.rec", "areas.rec", "goals.rec", "activities.rec", "risks.rec", "findings.rec", "followups.rec"]

    // MARK: init

    /// A folder that cannot be made (a file is in the way) is an error naming it and why,
    /// in either language, and nothing is written.
    func testInitWhereAFileIsInTheWay() throws {
        let root = try makeTempFolder()
        XCTAssertTrue(FileManager.default.createFile(atPath: root.appendingPathComponent("nytt").path, contents: Data("x".utf8)))
        let r = try run(["init", "nytt"], in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertEqual(r.stderr, "sakerhet: fel: kan inte skapa nytt/data: en del av sökvägen är ingen mapp\n")
        let en = try run(["--lang", "en", "init", "nytt"], in: root)
        XCTAssertEqual(en.stderr, "sakerhet: error: cannot create nytt/data: Not a directory\n")
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("nytt"), encoding: .utf8), "x")
    }

    func testInitThenAuditIsClean() throws {
        let root = try makeTempFolder()
        let r = try run(["init", "nytt"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        for file in Self.dataFiles {
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("nytt/data/\(file)").path), file)
            XCTAssertTrue(r.stdout.contains("nytt/data/\(file)"), "init does not say it created \(file)")
        }
        for asOf in [Self.later, "2035-01-01"] {
            let audit = try run(["audit", "--data", "nytt/data", "--as-of", asOf, "--fail-on", "warning"], in: root)
            XCTAssertEqual(audit.exitCode, 0, audit.output)
            XCTAssertTrue(audit.stdout.hasPrefix("Inga problem"), audit.stdout)
            XCTAssertEqual(audit.stderr, "")
            let json = try run(["audit", "--data", "nytt/data", "--as-of", asOf, "--format", "json"], in: root)
            let diagnostics = (try Formats.json(json.stdoutBytes) as? [String: Any])?["diagnostics"] as? [Any]
            XCTAssertEqual(diagnostics?.count, 0, json.stdout)
        }
        // The ten areas of systematic security work (seed 000, §2.2), and no records yet
        // in the plan's files: the examples are comments.
        XCTAssertEqual(try RecText.records(in: root.appendingPathComponent("nytt/data/areas.rec")).count, 10)
        for file in ["goals.rec", "activities.rec", "risks.rec", "findings.rec"] {
            let text = try text(root, "nytt/data/\(file)")
            XCTAssertEqual(RecText.records(text).count, 0, file)
            XCTAssertTrue(text.contains("%rec: "), "\(file) has no recutils descriptor")
            XCTAssertTrue(text.split(separator: "\n").contains { $0.hasPrefix("# id: ") || $0.hasPrefix("#id: ") },
                          "\(file) has no commented example record")
        }
        // The record commands work on the new folder.
        for kind in ["goals", "activities", "risks", "findings"] {
            XCTAssertEqual(try run([kind, "--data", "nytt/data"], in: root).exitCode, 0, kind)
        }
        let add = try run(["goals", "add", "--title", "Säkerställa kontinuiteten", "--owner", "sn", "--due", "2027",
                           "--data", "nytt/data", "--as-of", Self.later], in: root)
        XCTAssertEqual(add.exitCode, 0, "adding a goal to a new plan: \(add.output)")
    }

    /// `help init` names every file that `init` writes, in both languages (it once left
    /// out followups.rec and .gitignore).
    func testHelpNamesEveryFileInitWrites() throws {
        let root = try makeTempFolder()
        XCTAssertEqual(try run(["init", "nytt"], in: root).exitCode, 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("nytt/data").path)
        XCTAssertEqual(Set(written), Set(Self.dataFiles + [".gitignore"]))
        for lang in ["sv", "en"] {
            let help = try run(["help", "init", "--lang", lang], in: root)
            XCTAssertEqual(help.exitCode, 0, help.output)
            for file in written {
                XCTAssertTrue(help.stdout.contains(file), "help init (\(lang)) does not name \(file): \(help.stdout)")
            }
        }
    }

    func testInitRefusesToOverwrite() throws {
        let root = try makeTempFolder()
        XCTAssertEqual(try run(["init", "plan"], in: root).exitCode, 0)
        let goals = root.appendingPathComponent("plan/data/goals.rec")
        try Data("id: M1\ntitle: Eget mål\nowner: sn\ndue: 2027\nstatus: pågår\n".utf8).write(to: goals)
        let before = try snapshot(root.appendingPathComponent("plan"))
        let again = try run(["init", "plan"], in: root)
        XCTAssertEqual(again.exitCode, 2, again.output)
        XCTAssertTrue(again.stderr.contains("goals.rec"), again.stderr)
        try assertUnchanged(root.appendingPathComponent("plan"), since: before)

        // One existing file is enough to refuse, and nothing else is created.
        let other = try makeTempFolder()
        try FileManager.default.createDirectory(at: other.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("# min egen\n".utf8).write(to: other.appendingPathComponent("data/owners.rec"))
        let partial = try snapshot(other)
        let r = try run(["init", "."], in: other)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("owners.rec"), r.stderr)
        try assertUnchanged(other, since: partial)
    }

    /// `init --ci` writes the files that docs/ci/ documents, byte for byte.
    func assertInitCI(_ ci: String, writes path: String, sameAs doc: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let docURL = Repo.root.appendingPathComponent(doc)
        guard let expected = FileManager.default.contents(atPath: docURL.path) else {
            XCTFail("\(doc) does not exist; issue 6 asks for it, and 'init --ci \(ci)' must write the same bytes", file: file, line: line)
            return
        }
        let root = try makeTempFolder()
        let r = try run(["init", "plan", "--ci", ci], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output, file: file, line: line)
        let written = root.appendingPathComponent("plan/" + path)
        guard let actual = FileManager.default.contents(atPath: written.path) else {
            XCTFail("init --ci \(ci) did not write \(path)", file: file, line: line)
            return
        }
        XCTAssertTrue(actual == expected, "plan/\(path) differs from \(doc) (\(actual.count) vs \(expected.count) bytes)", file: file, line: line)
        XCTAssertTrue(r.stdout.contains(path), "init does not say it wrote \(path)", file: file, line: line)
        // The data folder is there as without --ci, and init still refuses to overwrite.
        XCTAssertEqual(try run(["audit", "--data", "plan/data"], in: root).exitCode, 0, file: file, line: line)
        let before = try snapshot(root)
        XCTAssertEqual(try run(["init", "plan", "--ci", ci], in: root).exitCode, 2, file: file, line: line)
        try assertUnchanged(root, since: before, file: file, line: line)
    }

    func testInitCIGitHub() throws {
        try assertInitCI("github", writes: ".github/workflows/sakerhet.yml", sameAs: "docs/ci/github-actions.yml")
    }

    func testInitCIGitLab() throws {
        try assertInitCI("gitlab", writes: ".gitlab-ci.yml", sameAs: "docs/ci/gitlab-ci.yml")
    }

    func testInitCIUnknownSystem() throws {
        let root = try makeTempFolder()
        let r = try run(["init", "plan", "--ci", "jenkins"], in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("plan").path), "init wrote files before refusing")
    }

    /// GNU recutils accepts every file init writes (skipped only when recfix is absent).
    func testInitFilesPassRecfix() throws {
        guard Tools.find("recfix") != nil else { throw XCTSkip("recfix (recutils) is not installed") }
        let root = try makeTempFolder()
        XCTAssertEqual(try run(["init", "plan"], in: root).exitCode, 0)
        for file in Self.dataFiles {
            let r = try tool("recfix", ["--check", "plan/data/\(file)"], in: root)
            XCTAssertEqual(r.exitCode, 0, "recfix --check \(file): \(r.stdout)\(r.stderr)")
        }
        // A goal added by the CLI keeps the file valid for recfix.
        XCTAssertEqual(try run(["goals", "add", "--title", "Mål", "--owner", "sn", "--due", "2027", "--data", "plan/data"], in: root).exitCode, 0)
        let r = try tool("recfix", ["--check", "plan/data/goals.rec"], in: root)
        XCTAssertEqual(r.exitCode, 0, "recfix --check goals.rec after add: \(r.stderr)")
    }

    // MARK: audit for CI

    func audit(_ args: [String], asOf: String, in root: URL) throws -> RunResult {
        try run(["audit"] + args + ["--as-of", asOf, "--data", "data"], in: root)
    }

    /// The JSON diagnostics of the shipped plan at `asOf`.
    func diagnostics(asOf: String, in root: URL) throws -> [[String: Any]] {
        let r = try audit(["--format", "json"], asOf: asOf, in: root)
        let object = try XCTUnwrap(try Formats.json(r.stdoutBytes) as? [String: Any])
        return try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
    }

    /// One suite per kind, one case per record; the failures are the records with an
    /// error, counted here from `audit --format json`.
    func testJUnitFailuresAreTheRecordsWithErrors() throws {
        let root = try copyOfShippedData()
        let r = try audit(["--format", "junit"], asOf: Self.later, in: root)
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        XCTAssertNil(Formats.xmlError(r.stdout), "JUnit is not XML: \(Formats.xmlError(r.stdout) ?? "")")
        let document = try Formats.xmlDocument(r.stdout)
        let suites = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(suites.name, "testsuites")

        let errors = try diagnostics(asOf: Self.later, in: root).filter { $0["severity"] as? String == "error" }
        let failingRecords = Set(errors.map { "\($0["file"] as? String ?? ""):\($0["id"] as? String ?? "line \($0["line"] ?? "")")" })
        XCTAssertGreaterThan(failingRecords.count, 10)
        XCTAssertEqual(suites.attribute(forName: "failures")?.stringValue, "\(failingRecords.count)")

        var recordCount = 0
        for file in ["owners.rec", "areas.rec", "goals.rec", "activities.rec", "risks.rec", "findings.rec"] {
            recordCount += try RecText.records(in: root.appendingPathComponent("data/" + file)).count
        }
        // One case per record, and one for config.rec.
        XCTAssertEqual(suites.attribute(forName: "tests")?.stringValue, "\(recordCount + 1)", "one case per record and config.rec")

        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        XCTAssertEqual(cases.count, recordCount + 1)
        let failed = cases.filter { !($0.elements(forName: "failure").isEmpty) }
            .map { "data/\($0.attribute(forName: "classname")?.stringValue ?? ""):\($0.attribute(forName: "name")?.stringValue ?? "")" }
        XCTAssertEqual(Set(failed), failingRecords)
        var sum = 0
        for suite in suites.elements(forName: "testsuite") {
            let failures = Int(suite.attribute(forName: "failures")?.stringValue ?? "") ?? -1
            XCTAssertEqual(failures, suite.elements(forName: "testcase").filter { !$0.elements(forName: "failure").isEmpty }.count)
            sum += failures
        }
        XCTAssertEqual(sum, failingRecords.count)
        // A warning alone (D5 is vilande and late) is not a failure.
        XCTAssertFalse(failed.contains("data/goals.rec:D5"))
    }

    /// The fingerprint of an overdue record stays the same while its message changes with
    /// the date and its line moves.
    func testGitLabFingerprintsAreStable() throws {
        let root = try copyOfShippedData()
        func issues(_ asOf: String) throws -> [[String: Any]] {
            let r = try audit(["--format", "gitlab"], asOf: asOf, in: root)
            XCTAssertEqual(r.exitCode, 1, r.stderr)
            return try XCTUnwrap(try Formats.json(r.stdoutBytes) as? [[String: Any]], r.stdout)
        }
        func overdueA26(_ list: [[String: Any]]) throws -> [String: Any] {
            try XCTUnwrap(list.first { ($0["description"] as? String)?.hasPrefix("Försenad A26: A26 ") == true && $0["check_name"] as? String == "overdue" })
        }
        let first = try issues("2025-03-01"), second = try issues(Self.later)
        for list in [first, second] {
            let prints = list.compactMap { $0["fingerprint"] as? String }
            XCTAssertEqual(prints.count, list.count)
            XCTAssertEqual(Set(prints).count, prints.count, "fingerprints are not unique")
            for issue in list {
                XCTAssertTrue(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
                let location = issue["location"] as? [String: Any]
                XCTAssertNotNil(location?["path"] as? String)
                XCTAssertNotNil((location?["lines"] as? [String: Any])?["begin"] as? Int)
            }
        }
        let a = try overdueA26(first), b = try overdueA26(second)
        XCTAssertNotEqual(a["description"] as? String, b["description"] as? String, "the message should change with the date")
        XCTAssertEqual(a["fingerprint"] as? String, b["fingerprint"] as? String)
        // Every issue in both runs that is the same record and check keeps its fingerprint.
        func key(_ i: [String: Any]) -> String {
            "\(i["check_name"] ?? "")|\((i["location"] as? [String: Any])?["path"] ?? "")|\((i["description"] as? String)?.split(separator: ":").first ?? "")"  // the title: check and record
        }
        let firstByKey = Dictionary(first.map { (key($0), $0["fingerprint"] as? String) }, uniquingKeysWith: { x, _ in x })
        for i in second where firstByKey[key(i)] != nil {
            XCTAssertEqual(firstByKey[key(i)] ?? nil, i["fingerprint"] as? String, key(i))
        }

        // Three comment lines at the top move every line; the fingerprint stays.
        let url = root.appendingPathComponent("data/activities.rec")
        try Data(("# Flyttad\n#\n#\n" + (try text(root, "data/activities.rec"))).utf8).write(to: url)
        let moved = try overdueA26(try issues(Self.later))
        XCTAssertEqual(((moved["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int,
                       (((b["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int).map { $0 + 3 })
        XCTAssertEqual(moved["fingerprint"] as? String, b["fingerprint"] as? String)
    }

    func testFailOn() throws {
        let root = try copyOfShippedData()
        // At the plan's date: no error, some warnings.
        let severities = try diagnostics(asOf: Self.planDate, in: root).compactMap { $0["severity"] as? String }
        XCTAssertFalse(severities.contains("error"))
        XCTAssertTrue(severities.contains("warning"))
        XCTAssertEqual(try audit([], asOf: Self.planDate, in: root).exitCode, 0)
        XCTAssertEqual(try audit(["--fail-on", "error"], asOf: Self.planDate, in: root).exitCode, 0)
        XCTAssertEqual(try audit(["--fail-on", "warning"], asOf: Self.planDate, in: root).exitCode, 1)
        // Two years on: errors.
        XCTAssertEqual(try audit([], asOf: Self.later, in: root).exitCode, 1)
        let never = try audit(["--fail-on", "never", "--format", "github"], asOf: Self.later, in: root)
        XCTAssertEqual(never.exitCode, 0)
        XCTAssertTrue(never.stdout.contains("::error file=data/activities.rec,line="), "--fail-on never still reports")
        let bad = try audit(["--fail-on", "errors"], asOf: Self.later, in: root)
        XCTAssertEqual(bad.exitCode, 2, bad.output)
        XCTAssertTrue(bad.stderr.contains("error"), bad.stderr)
    }

    /// `--no-time` runs only the checks that do not depend on the date: the late plan
    /// passes, a personnummer does not.
    func testNoTime() throws {
        let root = try copyOfShippedData()
        let r = try audit(["--no-time"], asOf: Self.later, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertFalse(r.stdout.contains("försenad"), r.stdout)
        XCTAssertFalse(r.stdout.contains("omprövning"), r.stdout)
        let json = try run(["audit", "--no-time", "--format", "json", "--as-of", Self.later, "--data", "data"], in: root)
        let checks = Set(((try Formats.json(json.stdoutBytes) as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? [])
            .compactMap { $0["check"] as? String })
        let timed = Set(try diagnostics(asOf: Self.later, in: root).compactMap { $0["check"] as? String }).subtracting(checks)
        XCTAssertTrue(timed.contains("overdue"), "the date checks: \(timed)")

        let url = root.appendingPathComponent("data/activities.rec")
        let number = Fixture.personnummer(date: "19800101", serial: "123")
        try Data((try text(root, "data/activities.rec") + "# Kontakt \(number)\n").utf8).write(to: url)
        let pnr = try audit(["--no-time"], asOf: Self.later, in: root)
        XCTAssertEqual(pnr.exitCode, 1, pnr.output)
        XCTAssertTrue(pnr.stdout.contains("personnummer"), pnr.stdout)
    }

    /// `--owner` keeps one owner's diagnostics (by id or part of the name); `--by-owner`
    /// groups them under each owner's name, every line in the group being that owner's.
    func testOwnerAndByOwner() throws {
        let root = try copyOfShippedData()
        let all = try diagnostics(asOf: Self.later, in: root)
        let owners = try RecText.records(in: root.appendingPathComponent("data/owners.rec"))
        for query in ["meb", "ekonomiskt bistånd"] {
            let r = try audit(["--owner", query, "--format", "json"], asOf: Self.later, in: root)
            let mine = (try Formats.json(r.stdoutBytes) as? [String: Any])?["diagnostics"] as? [[String: Any]] ?? []
            XCTAssertEqual(mine.count, all.filter { $0["owner"] as? String == "meb" }.count, query)
            XCTAssertGreaterThan(mine.count, 0)
            XCTAssertTrue(mine.allSatisfy { $0["owner"] as? String == "meb" }, query)
        }
        let text = try audit(["--owner", "meb"], asOf: Self.later, in: root)
        XCTAssertEqual(text.exitCode, 1, "meb has an overdue activity")
        XCTAssertFalse(text.stdout.contains("(ansvarig: Enheten för säkerhet"), text.stdout)

        let grouped = try audit(["--by-owner"], asOf: Self.later, in: root)
        XCTAssertEqual(grouped.exitCode, 1)
        var current: String?
        var seen = Set<String>()
        for line in grouped.stdout.split(separator: "\n").map(String.init) {
            if let owner = owners.first(where: { line == "\($0.value("name")!) (\($0.id))" }) {
                current = owner.id
            } else if line.hasPrefix("  data/") {
                let id = try XCTUnwrap(current, "a diagnostic before any owner heading: \(line)")
                // A record with several owners (A29: fie and sbb) is under each, naming all.
                XCTAssertTrue(line.hasSuffix("(ansvarig: \(id))") || line.contains("(ansvarig: ") && line.contains(id), "under \(id): \(line)")
                seen.insert(line)
            }
        }
        XCTAssertEqual(seen.count, all.filter { $0["owner"] != nil }.count, "every diagnostic with an owner is in a group")
    }

    /// `-o FILE` writes what stdout would hold and keeps the exit code.
    func testAuditOutputFile() throws {
        let root = try copyOfShippedData()
        for format in ["junit", "gitlab", "json", "text"] {
            let out = "audit.\(format)"
            let toFile = try run(["audit", "--format", format, "-o", out, "--as-of", Self.later, "--data", "data"], in: root)
            XCTAssertEqual(toFile.exitCode, 1, toFile.output)
            XCTAssertEqual(toFile.stdout, "", format)
            let toStdout = try audit(["--format", format], asOf: Self.later, in: root)
            XCTAssertEqual(try bytes(root, out), toStdout.stdoutBytes, format)
        }
    }
}
