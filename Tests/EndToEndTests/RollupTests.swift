import Foundation
import XCTest

/// `--data` repeated and `--plans FILE` (issue 16): three small committees' plans, one in a
/// git repository, two with an owner of the same name, one with an error, ids repeating
/// across plans. One run per command and format, each asserting several things.
final class RollupEndToEndTests: EndToEndCase {
    let asOf = ["--as-of", "2024-11-04"]

    func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// root/plans.txt names social (a repository root with data/), utbildning and teknik.
    func plans() throws -> URL {
        let root = try makeTempFolder()
        let shared = "Enheten för säkerhet, beredskap och systemförvaltning"
        // Socialnämnden: a git repository with data/; A1 late, A2 due soon.
        try write(root, "kommun/social/data/config.rec", "organisation: Socialnämnden\n")
        try write(root, "kommun/social/data/owners.rec", "id: sbs\nname: \(shared)\nkind: enhet\n")
        try write(root, "kommun/social/data/goals.rec", "id: M1\ntitle: Socialnämndens säkerhetsarbete\nowner: sbs\ndue: 2025-12-31\nstatus: pågår\n")
        try write(root, "kommun/social/data/activities.rec", """
            id: A1
            title: Kontinuitetsplan för socialförvaltningen
            goal: M1
            owner: sbs
            due: 2024-09
            status: pågår

            id: A2
            title: Internkontrollplan 2025
            goal: M1
            owner: sbs
            due: 2024-11-30
            status: pågår

            """)
        try write(root, "kommun/social/data/risks.rec", "id: R1\ntitle: Långvarigt elavbrott\nowner: sbs\nlikelihood: 2\nconsequence: 4\nstatus: identifierad\n")
        let repo = root.appendingPathComponent("kommun/social")
        try git(["init", "-q", "-b", "main"], in: repo)
        try git(["add", "-A"], in: repo)
        try git(["commit", "-q", "-m", "Socialnämndens plan 2024"], in: repo)
        // Utbildningsnämnden: the same owner name under another id, A1 again (late).
        try write(root, "kommun/utbildning/config.rec", "organisation: Utbildningsnämnden\n")
        try write(root, "kommun/utbildning/owners.rec", "id: us\nname: \(shared)\nkind: enhet\n")
        try write(root, "kommun/utbildning/goals.rec", "id: M1\ntitle: Trygga skolor\nowner: us\ndue: 2025-12-31\nstatus: pågår\n")
        try write(root, "kommun/utbildning/activities.rec", "id: A1\ntitle: Utrymningsövning i alla skolor\ngoal: M1\nowner: us\ndue: 2024-10\nstatus: pågår\n")
        try write(root, "kommun/utbildning/risks.rec", "id: R1\ntitle: Hot mot skolpersonal\nowner: us\nlikelihood: 2\nconsequence: 4\nstatus: identifierad\n")
        // teknik: no organisation (named by its folder) and an unknown status on line 6.
        try write(root, "kommun/teknik/owners.rec", "id: tk\nname: Tekniska kontoret\nkind: enhet\n")
        try write(root, "kommun/teknik/goals.rec", "id: M1\ntitle: Säker vattenförsörjning\nowner: tk\ndue: 2025-12-31\nstatus: pågår\n")
        try write(root, "kommun/teknik/activities.rec", "id: A1\ntitle: Reservvatten\ngoal: M1\nowner: tk\ndue: 2025-06\nstatus: kanske\n")
        try write(root, "lists/plans.txt", "# Kommunens nämnder\n../kommun/social      # repository root\n\n../kommun/utbildning\n../kommun/teknik\n")
        return root
    }

    func git(_ args: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "commit.gpgsign=false"] + args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        for (k, v) in ["GIT_AUTHOR_NAME": "Åsa Öberg", "GIT_COMMITTER_NAME": "Åsa Öberg", "GIT_AUTHOR_EMAIL": "a@example.se",
                       "GIT_COMMITTER_EMAIL": "a@example.se", "GIT_AUTHOR_DATE": "2024-03-01T10:00:00+01:00",
                       "GIT_COMMITTER_DATE": "2024-03-01T10:00:00+01:00", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"] { env[k] = v }
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw TestError("git \(args) failed") }
    }

    func testAuditReadsEveryPlanAndPointsAtEachPlansFile() throws {
        let root = try plans()
        let text = try run(["--plans", "lists/plans.txt", "audit"] + asOf, in: root)
        XCTAssertEqual(text.exitCode, 1, text.output)
        XCTAssertTrue(text.stdout.contains("== Socialnämnden (lists/../kommun/social/data) =="), text.stdout)
        XCTAssertTrue(text.stdout.contains("== Utbildningsnämnden (lists/../kommun/utbildning) =="), text.stdout)
        XCTAssertTrue(text.stdout.contains("== teknik (lists/../kommun/teknik) =="), text.stdout)
        XCTAssertTrue(text.stdout.contains("lists/../kommun/teknik/activities.rec:6"), text.stdout)
        // Two late activities (errors) and teknik's unknown status.
        XCTAssertTrue(text.stdout.hasSuffix("3 planer: 3 fel, 0 varningar, 1 notis\n"), text.stdout)
        let github = try run(["--plans", "lists/plans.txt", "audit", "--format", "github"] + asOf, in: root)
        XCTAssertTrue(github.stdout.contains("::error file=lists/../kommun/teknik/activities.rec,line=6"), github.stdout)
        XCTAssertTrue(github.stdout.contains("file=lists/../kommun/social/data/activities.rec"), github.stdout)
        let json = try run(["--plans", "lists/plans.txt", "audit", "--format", "json"] + asOf, in: root)
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(doc?["schema"] as? String, "sakerhet.audit-rollup/1")
        XCTAssertEqual(doc?["errors"] as? Int, 3)
        XCTAssertEqual((doc?["plans"] as? [Any])?.count, 3)
        let gitlab = try run(["--plans", "lists/plans.txt", "audit", "--format", "gitlab"] + asOf, in: root)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(gitlab.stdout.utf8)) as? [Any], gitlab.stdout)
        // --owner matches across plans by name: the shared owner's late work in both plans.
        let owner = try run(["--plans", "lists/plans.txt", "audit", "--owner", "beredskap", "--lang", "en"] + asOf, in: root)
        XCTAssertTrue(owner.stdout.contains("social/data/activities.rec"), owner.stdout)
        XCTAssertTrue(owner.stdout.contains("utbildning/activities.rec"), owner.stdout)
        XCTAssertFalse(owner.stdout.contains("teknik/activities.rec"), owner.stdout)
        // --by-owner groups by the owner's name across plans: the shared unit once, with its
        // id in each plan, its late work from both plans under it; teknik's owner apart.
        let byOwner = try run(["--plans", "lists/plans.txt", "audit", "--by-owner"] + asOf, in: root)
        let out = byOwner.stdout
        XCTAssertEqual(out.components(separatedBy: "Enheten för säkerhet, beredskap och systemförvaltning (").count, 2, out)
        XCTAssertTrue(out.contains("Enheten för säkerhet, beredskap och systemförvaltning (Socialnämnden: sbs, Utbildningsnämnden: us)\n"), out)
        let shared = out.components(separatedBy: "\n\n")[0]
        XCTAssertTrue(shared.contains("  lists/../kommun/social/data/activities.rec:"), shared)
        XCTAssertTrue(shared.contains("  lists/../kommun/utbildning/activities.rec:"), shared)
        XCTAssertFalse(shared.contains("teknik"), shared)
        XCTAssertTrue(out.contains("Tekniska kontoret (teknik: tk)\n  lists/../kommun/teknik/activities.rec:6"), out)
        XCTAssertFalse(out.contains("== "), out)
        XCTAssertTrue(out.hasSuffix("3 planer: 3 fel, 0 varningar, 1 notis\n"), out)
    }

    func testReportInEveryFormat() throws {
        let root = try plans()
        let args = ["--plans", "lists/plans.txt", "report"] + asOf
        let text = try run(args, in: root)
        XCTAssertEqual(text.exitCode, 0, text.output)
        let out = text.stdout
        XCTAssertTrue(out.hasPrefix("Samlad uppföljning\nUppföljning per 2024-11-04, period 2024, 3 planer: Socialnämnden, Utbildningsnämnden, teknik\n"), out)
        XCTAssertTrue(out.contains("Totalt"), out)
        // Late across plans with the plan beside each: A1 twice, from two plans.
        XCTAssertTrue(out.contains("Försenade (2)"), out)
        XCTAssertTrue(out.contains("  Socialnämnden" + String(repeating: " ", count: 8) + "A1    Kontinuitetsplan"), out)
        XCTAssertTrue(out.split(separator: "\n").contains { $0.hasPrefix("  Utbildningsnämnden ") && $0.contains("A1    Utrymningsövning") }, out)
        // The shared owner once, with both plans.
        XCTAssertTrue(out.contains("Enheten för säkerhet, beredskap och systemförvaltning – Socialnämnden (sbs), Utbildningsnämnden (us)"), out)
        // teknik's error in its own section; the others still report.
        XCTAssertTrue(out.contains("Fel som gör planens siffror osäkra (alla problem: sakerhet audit) – 1 fel"), out)
        XCTAssertTrue(out.contains("Plan: teknik (lists/../kommun/teknik)"), out)
        // Each plan's history from its own git: Socialnämnden's commit, the others have none.
        XCTAssertTrue(out.contains("Tillagda (4)\n  2024-03-01  M1  Socialnämndens säkerhetsarbete  (Åsa Öberg)"), out)
        XCTAssertTrue(out.contains("lists/../kommun/utbildning ligger inte i ett git-förråd"), out)
        // The combined matrix counts both 2 × 4 risks in one cell.
        XCTAssertTrue(out.contains("  2  0     0     0     2"), out)

        let md = try run(args + ["--format", "markdown"], in: root).stdout
        XCTAssertTrue(md.hasPrefix("# Samlad uppföljning\n"), md)
        XCTAssertTrue(md.contains("| Utbildningsnämnden | A1 | Utrymningsövning i alla skolor |"), md)
        XCTAssertTrue(md.contains("\n## Plan: Socialnämnden (lists/../kommun/social/data)\n"), md)
        XCTAssertTrue(md.contains("\n## Uppföljning\n"), md)  // a plan's own title, one level down

        let html = try run(args + ["--format", "html", "--lang", "en"], in: root).stdout
        // -o says what it wrote, as for one plan.
        let written = try run(args + ["-o", "samlad.html"], in: root)
        XCTAssertEqual(written.exitCode, 0, written.output)
        XCTAssertTrue(written.stderr.hasPrefix("Skrev uppföljningen (HTML, "), written.stderr)
        XCTAssertTrue(written.stderr.contains("samlad.html"), written.stderr)
        // -o naming a folder suggests a file of the format written, as for one plan.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ut"), withIntermediateDirectories: true)
        for (format, file) in [("json", "rapport.json"), ("markdown", "rapport.md")] {
            let folder = try run(args + ["--format", format, "-o", "ut"], in: root)
            XCTAssertEqual(folder.exitCode, 2, folder.output)
            XCTAssertTrue(folder.stderr.contains(file), folder.stderr)
        }
        let audit = try run(args.filter { $0 != "report" } + ["audit", "--format", "json", "-o", "ut"], in: root)
        XCTAssertTrue(audit.stderr.contains("rapport.json"), audit.stderr)
        XCTAssertEqual(html.components(separatedBy: "<details class=\"plan\"").count - 1, 3)
        XCTAssertTrue(html.contains("<h2>Owners across plans</h2>"), html)
        XCTAssertTrue(html.contains("<section id=\"p2-sammanfattning\">"), html)
        // Every id once on the page; each plan's sections under its own prefix; every link
        // inside the page goes to an id that is there.
        func matches(_ pattern: String, in text: String) -> [String] {
            let re = try! NSRegularExpression(pattern: pattern)
            return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range(at: 1), in: text)!]) }
        }
        let ids = matches(#" id="([^"]+)""#, in: html)
        XCTAssertEqual(ids.count, Set(ids).count, "ids repeated: \(ids)")
        XCTAssertEqual(Set(matches(##"href="#([^"]+)""##, in: html)).subtracting(ids), [])
        let planBlocks = html.components(separatedBy: "<details class=\"plan\"").dropFirst()
        let prefixes = planBlocks.map { block in Set(matches(#"<section id="(p[0-9]+-)"#, in: block)) }
        XCTAssertEqual(prefixes.map(\.count), [1, 1, 1], "each plan's sections under one prefix: \(prefixes)")
        XCTAssertEqual(Set(prefixes.flatMap { $0 }).count, 3)
        XCTAssertEqual(planBlocks.map { matches(#"<section id="([^"]+)""#, in: $0).filter { !$0.hasPrefix("p") }.count }, [0, 0, 0])
        XCTAssertTrue(html.hasSuffix("</html>\n"))

        let json = try run(args + ["--format", "json"], in: root)
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(doc?["schema"] as? String, "sakerhet.rollup/3")
        let rollup = doc?["rollup"] as? [String: Any]
        XCTAssertEqual((rollup?["plans"] as? [[String: Any]])?.map { $0["name"] as? String }, ["Socialnämnden", "Utbildningsnämnden", "teknik"])
        XCTAssertEqual((rollup?["total"] as? [String: Any])?["errors"] as? Int, 1)
    }

    func testListsAndLogAcrossPlans() throws {
        let root = try plans()
        let list = try run(["--plans", "lists/plans.txt", "activities", "list", "--owner", "beredskap", "--format", "tsv"] + asOf, in: root)
        XCTAssertEqual(list.exitCode, 0, list.output)
        let ids = list.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        XCTAssertEqual(ids, ["Socialnämnden:A1", "Utbildningsnämnden:A1", "Socialnämnden:A2"], list.stdout)
        let none = try run(["--plans", "lists/plans.txt", "activities", "list", "--owner", "nobody"] + asOf, in: root)
        XCTAssertEqual(none.exitCode, 2)
        XCTAssertTrue(none.stderr.contains("nobody"), none.stderr)

        let log = try run(["--plans", "lists/plans.txt", "log", "A1"], in: root)
        XCTAssertEqual(log.exitCode, 0, log.output)
        XCTAssertTrue(log.stdout.contains("== Socialnämnden (lists/../kommun/social/data) =="), log.stdout)
        XCTAssertTrue(log.stdout.contains("Åsa Öberg"), log.stdout)
        XCTAssertTrue(log.stdout.contains("ligger inte i ett git-förråd"), log.stdout)
        let one = try run(["--plans", "lists/plans.txt", "log", "Socialnämnden:A2", "--format", "json"], in: root)
        let doc = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((doc?["plans"] as? [[String: Any]])?.map { $0["plan"] as? String }, ["Socialnämnden"], one.stdout)
        // A qualified id whose plan is none of them names the plans there are, and the id
        // written with the plan whose name begins with the one given.
        let wrong = try run(["--plans", "lists/plans.txt", "log", "Social:A2"], in: root)
        XCTAssertEqual(wrong.exitCode, 2, wrong.output)
        XCTAssertEqual(wrong.stderr, "sakerhet: fel: ingen plan heter 'Social' (i 'Social:A2'); planerna heter 'Socialnämnden', 'Utbildningsnämnden', 'teknik'; skriv t.ex. 'Socialnämnden:A2'\n")
        // A writing command takes one plan.
        let add = try run(["--data", "kommun/teknik", "--data", "kommun/utbildning", "activities", "done", "A1"], in: root)
        XCTAssertEqual(add.exitCode, 2, add.output)
        XCTAssertTrue(add.stderr.contains("en plan i taget"), add.stderr)
    }

    /// The lists print `Plan:M1`; that id, copied into `--goal`, `--area` or `--owner`,
    /// selects that plan's record only (`log Plan:A1` does the same).
    func testListOptionsTakeAQualifiedID() throws {
        let root = try plans()
        func ids(_ args: [String]) throws -> [String] {
            let r = try run(["--plans", "lists/plans.txt", "activities", "list"] + args + ["--format", "tsv"] + asOf, in: root)
            XCTAssertEqual(r.exitCode, 0, "\(args): \(r.output)")
            return r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").first.map(String.init) ?? "" }
        }
        XCTAssertEqual(try ids(["--goal", "M1"]), ["Socialnämnden:A1", "Utbildningsnämnden:A1", "Socialnämnden:A2", "teknik:A1"])
        XCTAssertEqual(try ids(["--goal", "Utbildningsnämnden:M1"]), ["Utbildningsnämnden:A1"])
        XCTAssertEqual(try ids(["--goal", "teknik:M1"]), ["teknik:A1"])
        // --owner still matches by name across plans; qualified, only that plan's owner.
        XCTAssertEqual(try ids(["--owner", "Socialnämnden:beredskap"]), ["Socialnämnden:A1", "Socialnämnden:A2"])
        XCTAssertEqual(try ids(["--owner", "Utbildningsnämnden:us"]), ["Utbildningsnämnden:A1"])
        // Another plan's id is not there.
        let wrong = try run(["--plans", "lists/plans.txt", "activities", "list", "--goal", "Utbildningsnämnden:M9"] + asOf, in: root)
        XCTAssertEqual(wrong.exitCode, 2, wrong.output)
        XCTAssertTrue(wrong.stderr.contains("ingen plan har målet 'Utbildningsnämnden:M9'"), wrong.stderr)
        let nobody = try run(["--plans", "lists/plans.txt", "activities", "list", "--owner", "teknik:sbs"] + asOf, in: root)
        XCTAssertEqual(nobody.exitCode, 2, nobody.output)
        // audit --owner takes it too.
        let audit = try run(["--plans", "lists/plans.txt", "audit", "--owner", "Socialnämnden:sbs", "--format", "github"] + asOf, in: root)
        XCTAssertTrue(audit.stdout.contains("social/data/activities.rec"), audit.output)
        XCTAssertFalse(audit.stdout.contains("utbildning/"), audit.output)
    }

    /// `--plans` names a file: a folder is told so, with `--data` for a single plan; a pipe
    /// (`<(…)`) is read, its relative paths from the working directory; a named pipe that
    /// no program writes to is empty, not a wait; a device is refused.
    func testPlansFileThatIsAFolderPipeOrDevice() throws {
        let root = try plans()
        let folder = try run(["--plans", "kommun", "audit"] + asOf, in: root)
        XCTAssertEqual(folder.exitCode, 2, folder.output)
        XCTAssertTrue(folder.stderr.contains("--plans kommun är en mapp; ange filen med planernas mappar, en per rad (en enda plans mapp anges med --data kommun)"), folder.stderr)
        XCTAssertFalse(folder.stderr.contains("byt namn"), folder.stderr)
        let device = try run(["--plans", "/dev/null", "audit", "--lang", "en"] + asOf, in: root)
        XCTAssertEqual(device.exitCode, 2, device.output)
        XCTAssertTrue(device.stderr.contains("--plans /dev/null is a device file, not a text file; give the file that lists the plans' folders"), device.stderr)

        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", "exec \"$0\" --plans <(printf 'kommun/teknik\\nkommun/utbildning\\n') activities list --format tsv --as-of 2024-11-04",
                          try Binary.url().path]
        bash.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        bash.standardOutput = out
        bash.standardError = err
        try bash.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        bash.waitUntilExit()
        XCTAssertEqual(bash.terminationStatus, 0, stderr)
        XCTAssertEqual(stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").first.map(String.init) ?? "" },
                       ["Utbildningsnämnden:A1", "teknik:A1"], stdout + stderr)

        XCTAssertEqual(mkfifo(root.appendingPathComponent("lists/fifo").path, 0o600), 0)
        let fifo = try run(["--plans", "lists/fifo", "audit"] + asOf, in: root)
        XCTAssertEqual(fifo.exitCode, 2, fifo.output)
        XCTAssertTrue(fifo.stderr.contains("lists/fifo nämner ingen mapp"), fifo.stderr)
    }

    func testBadFoldersAreErrorsBeforeAnythingIsPrinted() throws {
        let root = try plans()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("kommun/tom"), withIntermediateDirectories: true)
        try write(root, "kommun/bara-config/config.rec", "organisation: Ingen\n")
        try write(root, "kommun/noll/activities.rec", "%rec: activity\n")
        let cases: [([String], String)] = [
            (["--data", "kommun/teknik", "--data", "kommun/saknas"], "--data: mappen kommun/saknas finns inte"),
            (["--data", "kommun/teknik", "--data", "kommun/tom"], "--data: kommun/tom innehåller inga poster"),
            (["--data", "kommun/teknik", "--data", "kommun/bara-config"], "kommun/bara-config innehåller inga poster"),
            (["--data", "kommun/teknik", "--data", "kommun/noll"], "--data: kommun/noll innehåller inga poster"),
            (["--plans", "lists/plans.txt", "--data", "kommun/social/data/"], "lists/plans.txt:2: lists/../kommun/social är samma mapp som kommun/social/data (--data)"),
            (["--data", "kommun/teknik", "--plans", "lists/saknas.txt"], "lists/saknas.txt"),
        ]
        for (args, message) in cases {
            let r = try run(args + ["report"] + asOf, in: root)
            XCTAssertEqual(r.exitCode, 2, "\(args): \(r.output)")
            XCTAssertEqual(r.stdout, "", "\(args)")
            XCTAssertTrue(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }
}
