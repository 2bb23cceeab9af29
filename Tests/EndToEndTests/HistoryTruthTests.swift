// Issue 12, the history side: a recurring control done on time is done (not a move), a
// moved deadline shows its original and is not green, work is listed on its done date,
// and the revision history lists the plan's versions, never the development commits.
// One plan (one goal, one sub-goal, four activities, an auditor's finding) committed
// through 2026 is built once and read in text, Markdown, HTML and JSON.

import Foundation
import XCTest

/// The repository of the scenario, built once for all the test cases of the class.
final class HistoryTruthFixture: @unchecked Sendable {
    let root: URL
    var data: String { "data" }

    nonisolated(unsafe) private static var built: Result<HistoryTruthFixture, Error>?
    private static let lock = NSLock()

    static func shared(_ test: XCTestCase) throws -> HistoryTruthFixture {
        lock.lock()
        defer { lock.unlock() }
        if built == nil { built = Result { try HistoryTruthFixture(test) } }
        return try built!.get()
    }

    static func remove() {
        lock.lock()
        defer { lock.unlock() }
        // SAKERHET_KEEP_FIXTURE=1 keeps the repository, to look at it after a failure.
        if case .success(let f)? = built, ProcessInfo.processInfo.environment["SAKERHET_KEEP_FIXTURE"] == nil {
            try? FileManager.default.removeItem(at: f.root)
        }
        built = nil
    }

    private init(_ test: XCTestCase) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-truth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], on: "2026-01-01")
        try write("data/config.rec", Self.config(version: "1.0"))
        try write("data/owners.rec", "id: sbs\nname: Enheten för säkerhet, beredskap och systemförvaltning\nkind: enhet\n")
        try write("data/goals.rec", """
            id: M1
            title: Socialnämnden har ett systematiskt säkerhetsarbete
            owner: sbs
            due: 2026-12
            status: pågår

            id: D1
            title: Intern kontroll av informationssäkerheten
            parent: M1
            owner: sbs
            due: 2026-12
            status: pågår

            """)
        try write("data/activities.rec", """
            id: A1
            title: Uppdatera informationsklassningen av verksamhetssystemen
            goal: D1
            owner: sbs
            due: 2026-06
            status: pågår

            id: A2
            title: Införa loggranskning i nytt verksamhetssystem
            goal: D1
            owner: sbs
            due: 2026-09
            status: pågår

            id: A3
            title: Internkontrollpunkt behörighetsuppföljning
            goal: D1
            owner: sbs
            due: 2026-Q1
            status: pågår
            every: kvartal

            id: A4
            title: Genomföra informationssäkerhetsutbildning för chefer
            goal: D1
            owner: sbs
            due: 2026-12
            status: ej påbörjad

            """)
        try write("data/findings.rec", """
            id: F1
            audit: Granskning av informationssäkerhet
            auditor: PwC
            year: 2025
            recommendation: Säkerställ att behörigheter följs upp regelbundet
            assessment: röd
            owner: sbs
            due: 2026-12
            action: A3

            """)
        try commit("Första versionen av planen", on: "2026-01-10")
        try git(["tag", "-a", "v1.0", "-m", "Planen antagen av socialnämnden"], on: "2026-01-12")
        // A development commit outside the data folder.
        try write("tools/build.sh", "#!/bin/sh\necho bygg\n")
        try commit("Refactor the build script", on: "2026-01-20")
        // The recurring control, done on time through the CLI.
        try sakerhet(["activities", "done", "A3", "--date", "2026-03-20", "--evidence", "Protokoll IK Q1",
                      "--outcome", "utan anmärkning", "--commit"], on: "2026-03-21")
        // Done in February, recorded in April.
        try sakerhet(["activities", "done", "A1", "--date", "2026-02-15", "--commit"], on: "2026-04-01")
        try sakerhet(["activities", "postpone", "A2", "--to", "2027-06", "--reason", "Inväntar nytt verksamhetssystem", "--commit"],
                     on: "2026-05-10")
        // A new version of the plan, in config.rec and as an annotated tag.
        try write("data/config.rec", Self.config(version: "1.1"))
        try commit("Version 1.1", on: "2026-06-01")
        try git(["tag", "-a", "v1.1", "-m", "Reviderad plan efter revisionen"], on: "2026-06-02")
    }

    static func config(version: String, movedSignal: String? = nil) -> String {
        var s = "organisation: Norrtälje kommun\ntitle: Implementationsplan för systematiskt säkerhetsarbete\nversion: \(version)\nsoon_days: 30\n"
        if let movedSignal { s += "moved_signal: \(movedSignal)\n" }
        return s
    }

    func write(_ file: String, _ text: String) throws {
        let url = root.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func commit(_ message: String, on date: String) throws {
        try git(["add", "-A"], on: date)
        try git(["commit", "-q", "-m", message], on: date)
    }

    static func env(_ date: String) -> [String: String] {
        let time = date + "T10:00:00+01:00"
        return ["GIT_AUTHOR_NAME": "Åsa Öberg", "GIT_AUTHOR_EMAIL": "sakerhet@example.se", "GIT_COMMITTER_NAME": "Åsa Öberg",
                "GIT_COMMITTER_EMAIL": "sakerhet@example.se", "GIT_AUTHOR_DATE": time, "GIT_COMMITTER_DATE": time,
                "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]
    }

    func git(_ args: [String], on date: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"] + args
        p.currentDirectoryURL = root
        p.environment = ProcessInfo.processInfo.environment.merging(Self.env(date)) { $1 }
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw LogTestError("git \(args) failed: \(String(decoding: e, as: UTF8.self))") }
    }

    func sakerhet(_ args: [String], on date: String) throws {
        let r = try LogBinary.run(args + ["--data", data], in: root, env: Self.env(date))
        guard r.exitCode == 0 else { throw LogTestError("sakerhet \(args) failed: \(r.stderr)") }
    }

    func run(_ args: [String]) throws -> LogRunResult { try LogBinary.run(args + ["--data", data], in: root) }
}

final class HistoryTruthTests: XCTestCase {
    override class func tearDown() {
        HistoryTruthFixture.remove()
        super.tearDown()
    }

    private let reportArgs = ["report", "--as-of", "2026-06-30", "--period", "2026"]

    private func report(_ format: String, _ f: HistoryTruthFixture, lang: String = "sv") throws -> String {
        let r = try f.run(reportArgs + ["--format", format, "--lang", lang])
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        return r.stdout
    }

    /// The text between `start` and the first `end` after it.
    private func section(_ s: String, from start: String, to end: String?) throws -> String {
        let a = try XCTUnwrap(s.range(of: start), "no '\(start)'")
        guard let end, let b = s.range(of: end, range: a.upperBound..<s.endIndex) else { return String(s[a.upperBound...]) }
        return String(s[a.upperBound..<b.lowerBound])
    }

    /// The table row that starts with `start`, with its wrapped lines (up to the next row).
    private func block(_ table: String, _ start: String) throws -> String {
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        let i = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(start) }, table)
        var out = [lines[i]]
        for l in lines[(i + 1)...] {
            guard l.hasPrefix(" ") || l.first?.isLowercase == true || l.first == "(" else { break }
            out.append(l)
        }
        return out.joined(separator: "\n")
    }

    func testTextReport() throws {
        let f = try HistoryTruthFixture.shared(self)
        let out = try report("text", f)
        // Items longer than the width wrap with a hanging indent: compared as one line each.
        let klara = try section(out, from: "Klara (", to: "Strukna (").replacingOccurrences(of: "\n    ", with: " ")
        XCTAssertTrue(klara.contains("2026-03-20  A3"), "A3 is done on its date:\n\(klara)")
        XCTAssertTrue(klara.contains("tillfälle 2026-Q1 klart 2026-03-20, utan anmärkning"), klara)
        XCTAssertTrue(klara.contains("underlag: Protokoll IK Q1"), klara)
        XCTAssertTrue(klara.contains("2026-02-15  A1"), "A1 is listed on its done date:\n\(klara)")
        XCTAssertTrue(klara.contains("registrerad 2026-04-01"), "the commit date is the registration:\n\(klara)")
        XCTAssertFalse(klara.contains("2026-04-01  A1"), klara)
        let postponed = try section(out, from: "Uppskjutna (", to: "FÖRSKJUTNA TIDPLANER")
        XCTAssertFalse(postponed.contains("A3"), "an occurrence is not a postponement:\n\(postponed)")
        XCTAssertTrue(postponed.contains("A2"), postponed)
        let slips = try section(out, from: "FÖRSKJUTNA TIDPLANER", to: nil)
        XCTAssertFalse(slips.contains("A3"), slips)
        XCTAssertTrue(slips.contains("2026-09 → 2027-06"), slips)
        // The moved activity: its original deadline beside the current one, and gul.
        let list = try section(out, from: "AKTIVITETSLISTA", to: "PER ANSVARIG")
        let a2 = try block(list, "A2 ")
        XCTAssertTrue(a2.contains("2027-06") && a2.contains("(urspr.") && a2.contains("2026-09)"), a2)
        XCTAssertTrue(a2.contains("gul"), "a moved deadline is not green: \(a2)")
        // The revision history: the plan's versions, no development commit.
        let revisions = try section(out, from: "REVISIONSHISTORIK", to: "FÖRÄNDRINGAR UNDER PERIODEN")
        for v in ["Planen antagen av socialnämnden", "Reviderad plan efter revisionen", "1.1"] {
            XCTAssertTrue(revisions.contains(v), "missing \(v):\n\(revisions)")
        }
        // The legend says how the dates, occurrences and baselines are worked out.
        XCTAssertTrue(out.contains("Ursprungligt slutdatum (urspr.) är slutdatumet när perioden började"), out)
        for commit in ["Refactor the build script", "activities:", "Första versionen"] {
            XCTAssertFalse(out.contains(commit), "a commit subject is shown: \(commit)")
        }
    }

    func testMarkdownReport() throws {
        let f = try HistoryTruthFixture.shared(self)
        let out = try report("markdown", f)
        let klara = try section(out, from: "### Klara (", to: "### Strukna")
        XCTAssertTrue(klara.contains("| 2026-03-20 | A3 |"), klara)
        XCTAssertTrue(klara.contains("utan anmärkning"), klara)
        XCTAssertTrue(klara.contains("| 2026-02-15 | A1 |"), klara)
        XCTAssertTrue(klara.contains("| 2026-04-01 |"), "registered date in its own column:\n\(klara)")
        XCTAssertFalse(try section(out, from: "### Uppskjutna", to: "## Förskjutna tidplaner").contains("A3"))
        XCTAssertFalse(try section(out, from: "## Förskjutna tidplaner", to: nil).contains("A3"))
        let a2 = try XCTUnwrap(try section(out, from: "## Aktivitetslista", to: "## Risker").split(separator: "\n").first { $0.hasPrefix("| A2 ") }, out)
        XCTAssertTrue(a2.contains("Juni 2027 (ursprungligen september 2026)"), String(a2))
        XCTAssertFalse(a2.contains("grön"), String(a2))
        // Gul for its move alone, it is named in the summary too.
        let moved = try section(out, from: "### Flyttade sedan periodens början", to: "### Teckenförklaring")
        XCTAssertTrue(moved.contains("| A2 | Införa loggranskning i nytt verksamhetssystem |") && moved.contains("| 2026-09 → 2027-06 |"), moved)
        let revisions = try section(out, from: "## Revisionshistorik", to: "## Förändringar under perioden")
        XCTAssertTrue(revisions.contains("| 1.1 | Reviderad plan efter revisionen |"), revisions)
        XCTAssertFalse(out.contains("Refactor the build script"))
        XCTAssertTrue(out.contains("är minst gul (ändras med moved_signal: grön i config.rec)"), out)
    }

    func testHTMLReport() throws {
        let f = try HistoryTruthFixture.shared(self)
        let out = try report("html", f)
        let klara = try section(out, from: "<h3>Klara (", to: "<h3>Strukna")
        XCTAssertTrue(klara.contains("<td class=\"date\">2026-03-20</td><td>A3</td>"), klara)
        XCTAssertTrue(klara.contains("<td class=\"date\">2026-02-15</td><td>A1</td>"), klara)
        XCTAssertTrue(klara.contains("Protokoll IK Q1"), klara)
        XCTAssertFalse(try section(out, from: "<h3>Uppskjutna", to: "<h2>Förskjutna tidplaner").contains(">A3<"))
        let a2 = try section(out, from: "<span class=\"id\">A2</span>", to: "</tr>")
        XCTAssertTrue(a2.contains("Juni 2027 (ursprungligen september 2026)"), a2)
        XCTAssertTrue(a2.contains("sig-yellow"), a2)
        XCTAssertTrue(out.contains("Reviderad plan efter revisionen"))
        XCTAssertFalse(out.contains("Refactor the build script"))
    }

    func testJSONReport() throws {
        let f = try HistoryTruthFixture.shared(self)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try report("json", f).utf8)) as? [String: Any])
        let report = try XCTUnwrap(json["report"] as? [String: Any])
        let history = try XCTUnwrap(report["history"] as? [String: Any])
        let closed = try XCTUnwrap(history["closed"] as? [[String: Any]])
        let a3 = try XCTUnwrap(closed.first { $0["id"] as? String == "A3" })
        XCTAssertEqual(a3["date"] as? String, "2026-03-20")
        XCTAssertEqual(a3["occurrence"] as? String, "2026-Q1")
        XCTAssertEqual(a3["outcome"] as? String, "utan anmärkning")
        XCTAssertEqual(a3["evidence"] as? String, "Protokoll IK Q1")
        let a1 = try XCTUnwrap(closed.first { $0["id"] as? String == "A1" })
        XCTAssertEqual(a1["date"] as? String, "2026-02-15")
        XCTAssertEqual(a1["registered"] as? String, "2026-04-01")
        let postponed = try XCTUnwrap(history["postponed"] as? [[String: Any]])
        XCTAssertEqual(postponed.compactMap { $0["id"] as? String }, ["A2"])
        XCTAssertEqual(postponed.first?["description"] as? String,
                       "A2 flyttad från 2026-09 till 2027-06: Inväntar nytt verksamhetssystem")
        let slips = try XCTUnwrap(history["slips"] as? [[String: Any]])
        XCTAssertEqual(slips.compactMap { $0["id"] as? String }, ["A2"])
        let revisions = try XCTUnwrap(history["revisions"] as? [[String: Any]])
        XCTAssertEqual(revisions.compactMap { $0["version"] as? String }, ["1.0", "1.1"])
        let rows = try XCTUnwrap((report["activity_groups"] as? [[String: Any]])?.flatMap { ($0["rows"] as? [[String: Any]]) ?? [] })
        let a2 = try XCTUnwrap(rows.first { $0["id"] as? String == "A2" })
        XCTAssertEqual(a2["original"] as? String, "2026-09")
        XCTAssertEqual(a2["signal"] as? String, "yellow")
        let a3row = try XCTUnwrap(rows.first { $0["id"] as? String == "A3" })
        XCTAssertNil(a3row["original"], "a completed occurrence is not a move")
    }

    /// A report dated before version 1.1 was committed names 1.0 in its head, and says
    /// that the version changed after its date; one dated after names 1.1 and says nothing.
    func testTheHeadNamesTheVersionOfTheReportsDate() throws {
        let f = try HistoryTruthFixture.shared(self)
        func head(_ asOf: String) throws -> (version: String?, warnings: [String]) {
            let r = try f.run(["report", "--as-of", asOf, "--format", "json"])
            XCTAssertEqual(r.exitCode, 0, r.stderr)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let report = try XCTUnwrap(json["report"] as? [String: Any])
            let warnings = ((report["history"] as? [String: Any])?["warnings"] as? [[String: Any]]) ?? []
            return (report["version"] as? String, warnings.compactMap { $0["sv"] as? String })
        }
        let before = try head("2026-05-15")
        XCTAssertEqual(before.version, "1.0")
        XCTAssertTrue(before.warnings.contains { $0.hasPrefix("Planens version ändrades efter rapportdagen (till 1.1 den 2026-06-01)") }, "\(before.warnings)")
        let after = try head("2026-06-30")
        XCTAssertEqual(after.version, "1.1")
        XCTAssertFalse(after.warnings.contains { $0.contains("Planens version") }, "\(after.warnings)")
        // The warnings that change how the whole report reads are under its head, before the
        // summary, in every format, and not again with the history.
        let text = try f.run(["report", "--as-of", "2026-05-15"]).stdout
        XCTAssertTrue(text.contains("planversion 1.0"), text)
        let head = try XCTUnwrap(text.components(separatedBy: "SAMMANFATTNING").first)
        XCTAssertTrue(head.contains("Obs: Planens version ändrades efter rapportdagen"), head)
        XCTAssertEqual(text.components(separatedBy: "Planens version ändrades").count, 2, text)
        for format in ["markdown", "html"] {
            let out = try f.run(["report", "--as-of", "2026-05-15", "--format", format]).stdout
            let top = try XCTUnwrap(out.components(separatedBy: format == "html" ? "<main>" : "## Sammanfattning").first)
            XCTAssertTrue(top.contains("Planens version ändrades efter rapportdagen"), "\(format): \(top)")
            XCTAssertEqual(out.components(separatedBy: "Planens version ändrades").count, 2, format)
        }
    }

    /// `log --slips` counts only real moves; lists and `show` give the baseline too.
    func testSlipsListAndShow() throws {
        let f = try HistoryTruthFixture.shared(self)
        let slips = try f.run(["log", "--slips"])
        XCTAssertEqual(slips.exitCode, 0, slips.stderr)
        XCTAssertTrue(slips.stdout.contains("A2"), slips.stdout)
        XCTAssertFalse(slips.stdout.contains("A3"), "an occurrence is not a slip:\n\(slips.stdout)")
        let log = try f.run(["log", "A3"])
        XCTAssertTrue(log.stdout.contains("tillfälle 2026-Q1 klart 2026-03-20, utan anmärkning"), log.stdout)
        let list = try f.run(["activities", "list", "--as-of", "2026-06-30"])
        let a2 = try block(list.stdout, "A2 ")
        XCTAssertTrue(a2.contains("2027-06") && a2.contains("(urspr.") && a2.contains("2026-09)"), a2)
        XCTAssertTrue(a2.contains("gul"), a2)
        let show = try f.run(["activities", "show", "A2", "--as-of", "2026-06-30"])
        XCTAssertTrue(show.stdout.contains("Ursprungligt slutdatum"), show.stdout)
        XCTAssertTrue(show.stdout.contains("2026-09 (flyttat till 2027-06)"), show.stdout)
        let a3 = try f.run(["activities", "show", "A3", "--as-of", "2026-06-30"])
        XCTAssertTrue(a3.stdout.contains("occurrence: 2026-Q1 2026-03-20 utan anmärkning: Protokoll IK Q1"), a3.stdout)
        XCTAssertFalse(a3.stdout.contains("Ursprungligt slutdatum"), a3.stdout)
    }

    /// `moved_signal: grön` keeps the computed signal; the original deadline still shows.
    /// Runs last in the class (alphabetical order) as it edits the working tree.
    func testZMovedSignalGreen() throws {
        let f = try HistoryTruthFixture.shared(self)
        try f.write("data/config.rec", HistoryTruthFixture.config(version: "1.1", movedSignal: "grön"))
        defer { try? f.write("data/config.rec", HistoryTruthFixture.config(version: "1.1")) }
        let out = try report("json", f)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let groups = try XCTUnwrap((json["report"] as? [String: Any])?["activity_groups"] as? [[String: Any]])
        let a2 = try XCTUnwrap(groups.flatMap { ($0["rows"] as? [[String: Any]]) ?? [] }.first { $0["id"] as? String == "A2" })
        XCTAssertEqual(a2["signal"] as? String, "green")
        XCTAssertEqual(a2["original"] as? String, "2026-09")
    }
}
