import Foundation
import XCTest

/// `sakerhet log` against temporary git repositories with known commits, dates and authors.
final class LogTests: XCTestCase {
    static let a12Title = "Genomföra informationssäkerhetsutbildning för chefer"

    /// Four commits and an uncommitted note:
    /// 1. 2024-02-13 Åsa Öberg: the plan (sbs, D2, A1, A12 due 2024-05).
    /// 2. 2024-03-01 Bo Ek: A12 due 2024-05 → 2024-09 with a reason.
    /// 3. 2024-06-10 Åsa Öberg: A1 klar.
    /// 4. 2024-09-02 Bo Ek: A12 due 2024-09 → 2024-12, new reason.
    /// Working tree: A12 gets a note.
    func makePlan(uncommitted: Bool = true) throws -> LogRepo {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", LogPlan.owners)
        try repo.write("data/goals.rec", LogPlan.goals)
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(), LogPlan.a12(due: "2024-05")))
        try repo.commit("Första giltiga version", on: "2024-02-13")
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(), LogPlan.a12(due: "2024-09", reason: "Inväntar beslut från KF")))
        try repo.commit("Skjut upp A12", by: "Bo Ek", on: "2024-03-01")
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(status: "klar"), LogPlan.a12(due: "2024-09", reason: "Inväntar beslut från KF")))
        try repo.commit("A1 klar", on: "2024-06-10")
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(status: "klar"), LogPlan.a12(due: "2024-12", reason: "Ny upphandling av utbildningen")))
        try repo.commit("Skjut upp A12 igen", by: "Bo Ek", on: "2024-09-02")
        if uncommitted {
            try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(status: "klar"),
                LogPlan.a12(due: "2024-12", reason: "Ny upphandling av utbildningen", note: "Utbildningen genomförs i december")))
        }
        return repo
    }

    func testLifeOfOneRecordOldestFirstWithUncommittedLast() throws {
        let repo = try makePlan()
        let (h1, h2, h4) = (try repo.short("HEAD~3"), try repo.short("HEAD~2"), try repo.short("HEAD"))
        let r = try LogBinary.run(["log", "A12"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            A12 \(Self.a12Title) (aktivitet)

            2024-02-13  \(h1)  Åsa Öberg  Första giltiga version
              skapad: \(Self.a12Title)

            2024-03-01  \(h2)  Bo Ek  Skjut upp A12
              due: 2024-05 → 2024-09
              reason: (tomt) → Inväntar beslut från KF

            2024-09-02  \(h4)  Bo Ek  Skjut upp A12 igen
              due: 2024-09 → 2024-12
              reason: Inväntar beslut från KF → Ny upphandling av utbildningen

            ej incheckat
              note: (tomt) → Utbildningen genomförs i december

            """)
        XCTAssertEqual(r.stderr, "")
    }

    func testTimelineNewestFirstInEnglish() throws {
        let repo = try makePlan()
        let hashes = try (0..<4).map { try repo.short("HEAD~\(3 - $0)") }
        let r = try LogBinary.run(["log", "--lang", "en"], in: repo.root, env: ["PAGER": "false"])
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            uncommitted
              A12  note: (empty) → Utbildningen genomförs i december

            2024-09-02  \(hashes[3])  Bo Ek  Skjut upp A12 igen
              A12  due: 2024-09 → 2024-12
              A12  reason: Inväntar beslut från KF → Ny upphandling av utbildningen

            2024-06-10  \(hashes[2])  Åsa Öberg  A1 klar
              A1  status: pågår → klar

            2024-03-01  \(hashes[1])  Bo Ek  Skjut upp A12
              A12  due: 2024-05 → 2024-09
              A12  reason: (empty) → Inväntar beslut från KF

            2024-02-13  \(hashes[0])  Åsa Öberg  Första giltiga version
              sbs  created: Enheten för säkerhet, beredskap och systemförvaltning
              D2  created: Upprätta en förvaltningsgemensam plan för kontinuitetshantering
              A1  created: Skapa en övergripande kontinuitetsplan och presentera för FLG
              A12  created: \(Self.a12Title)

            """)
    }

    func testFieldSinceAndUntil() throws {
        let repo = try makePlan()
        let (h2, h4) = (try repo.short("HEAD~2"), try repo.short("HEAD"))
        let due = try LogBinary.run(["log", "A12", "A1", "--field", "due"], in: repo.root)
        XCTAssertEqual(due.stdout, """
            A12 \(Self.a12Title) (aktivitet)
            A1 Skapa en övergripande kontinuitetsplan och presentera för FLG (aktivitet)

            2024-03-01  \(h2)  Bo Ek  Skjut upp A12
              A12  due: 2024-05 → 2024-09

            2024-09-02  \(h4)  Bo Ek  Skjut upp A12 igen
              A12  due: 2024-09 → 2024-12

            """)
        let window = try LogBinary.run(["log", "--since", "2024-06", "--until", "2024-06-30"], in: repo.root)
        XCTAssertEqual(window.stdout, """
            2024-06-10  \(try repo.short("HEAD~1"))  Åsa Öberg  A1 klar
              A1  status: pågår → klar

            """)
        let bad = try LogBinary.run(["log", "--field", "dua"], in: repo.root)
        XCTAssertEqual(bad.exitCode, 2)
        XCTAssertEqual(bad.stderr, "sakerhet: fel: okänt fält 'dua' (menade du 'due'?)\n")
    }

    func testSlips() throws {
        let repo = try makePlan()
        let r = try LogBinary.run(["log", "--slips"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            Förskjutna tidplaner (1)

            A12 \(Self.a12Title) (sbs)
              flyttad 2 gånger, totalt 214 dagar
              2024-03-01  Bo Ek: 2024-05 → 2024-09 (+122 dagar) – Inväntar beslut från KF
              2024-09-02  Bo Ek: 2024-09 → 2024-12 (+92 dagar) – Ny upphandling av utbildningen

            """)
        let en = try LogBinary.run(["log", "--slips", "--since", "2024-09-01", "--lang", "en"], in: repo.root)
        XCTAssertEqual(en.stdout, """
            Deadline slips (1)

            A12 \(Self.a12Title) (sbs)
              moved once, in total 92 days
              2024-09-02  Bo Ek: 2024-09 → 2024-12 (+92 days) – Ny upphandling av utbildningen

            """)
        let none = try LogBinary.run(["log", "A1", "--slips"], in: repo.root)
        XCTAssertEqual(none.stdout, "Inga förskjutna tidplaner.\n")
    }

    func testJSONSchema() throws {
        let repo = try makePlan()
        let r = try LogBinary.run(["log", "A12", "--format", "json"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(doc["schema"] as? String, "sakerhet.log/1")
        XCTAssertEqual(doc["order"] as? String, "oldest-first")
        XCTAssertEqual(doc["shallow"] as? Bool, false)
        let entries = try XCTUnwrap(doc["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 4)
        XCTAssertEqual(entries[1]["author"] as? String, "Bo Ek")
        XCTAssertEqual(entries[1]["date"] as? String, "2024-03-01")
        XCTAssertEqual(entries[1]["time"] as? String, "2024-03-01T10:00:00+01:00")
        XCTAssertEqual(entries[1]["commit"] as? String, try repo.run(["rev-parse", "HEAD~2"]))
        let change = try XCTUnwrap((entries[1]["changes"] as? [[String: Any]])?.first)
        XCTAssertEqual(change["action"] as? String, "changed")
        XCTAssertEqual(change["kind"] as? String, "activity")
        XCTAssertEqual(change["path"] as? String, "data/activities.rec")
        XCTAssertEqual(change["field"] as? String, "due")
        XCTAssertEqual(change["old"] as? String, "2024-05")
        XCTAssertEqual(change["new"] as? String, "2024-09")
        XCTAssertEqual(change["reason"] as? String, "Inväntar beslut från KF")
        XCTAssertEqual(entries[3]["uncommitted"] as? Bool, true)
        XCTAssertNil(entries[3]["commit"])

        let slips = try LogBinary.run(["log", "--slips", "--format", "json"], in: repo.root)
        let sdoc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(slips.stdout.utf8)) as? [String: Any])
        let slip = try XCTUnwrap((sdoc["slips"] as? [[String: Any]])?.first)
        XCTAssertEqual(slip["id"] as? String, "A12")
        XCTAssertEqual(slip["total_days"] as? Int, 214)
        XCTAssertEqual((slip["moves"] as? [[String: Any]])?.map { $0["days"] as? Int }, [122, 92])
    }

    func testMarkdown() throws {
        let repo = try makePlan(uncommitted: false)
        let (h2, h4) = (try repo.short("HEAD~2"), try repo.short("HEAD"))
        let r = try LogBinary.run(["log", "A12", "--field", "due", "--format", "markdown"], in: repo.root)
        XCTAssertEqual(r.stdout, """
            # Historik för A12 \(Self.a12Title)

            | Datum | Incheckning | Författare | Beskrivning | Post | Ändring |
            |---|---|---|---|---|---|
            | 2024-03-01 | `\(h2)` | Bo Ek | Skjut upp A12 | A12 | due: 2024-05 → 2024-09 |
            | 2024-09-02 | `\(h4)` | Bo Ek | Skjut upp A12 igen | A12 | due: 2024-09 → 2024-12 |

            """)
    }

    func testNotAGitRepository() throws {
        let folder = try LogRepo(self, git: false)
        try folder.write("data/activities.rec", LogPlan.a12(due: "2024-05"))
        let r = try LogBinary.run(["log"], in: folder.root)
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.stdout, "")
        XCTAssertEqual(r.stderr, "sakerhet: fel: data ligger inte i ett git-förråd, så det finns ingen historik; kör 'git init' och checka in datamappen\n")
        let en = try LogBinary.run(["log", "A12", "--lang", "en"], in: folder.root)
        XCTAssertEqual(en.exitCode, 2)
        XCTAssertEqual(en.stderr, "sakerhet: error: data is not in a git repository, so there is no history; run 'git init' and commit the data folder\n")
    }

    func testShallowClone() throws {
        let repo = try makePlan(uncommitted: false)
        let clone = try LogRepo(self, git: false)
        try repo.run(["clone", "-q", "--depth", "2", "file://" + repo.path, clone.path + "/c"])
        let dir = clone.root.appendingPathComponent("c")
        let h4 = try repo.short("HEAD")
        let r = try LogBinary.run(["log", "A12"], in: dir)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            Obs: historiken är ofullständig eftersom klonen är grund (shallow clone); hämta hela historiken med 'git fetch --unshallow' (i GitHub Actions: fetch-depth: 0, i GitLab CI: GIT_DEPTH: 0)

            A12 \(Self.a12Title) (aktivitet)

            2024-09-02  \(h4)  Bo Ek  Skjut upp A12 igen
              due: 2024-09 → 2024-12
              reason: Inväntar beslut från KF → Ny upphandling av utbildningen

            """)
        let en = try LogBinary.run(["log", "--slips", "--lang", "en"], in: dir)
        XCTAssertTrue(en.stdout.hasPrefix("Note: history is incomplete because this is a shallow clone; fetch the full history with 'git fetch --unshallow' (GitHub Actions: fetch-depth: 0, GitLab CI: GIT_DEPTH: 0)\n"), en.stdout)
        let json = try LogBinary.run(["log", "--format", "json"], in: dir)
        XCTAssertTrue(json.stdout.contains("\"shallow\" : true"), json.stdout)
    }

    func testRenamedFolderAndFile() throws {
        let repo = try LogRepo(self)
        try repo.write("plan/owners.rec", LogPlan.owners)
        try repo.write("plan/aktiviteter.rec", LogPlan.a12(due: "2024-05"))
        try repo.commit("Planen i plan/", on: "2024-02-13")
        try repo.run(["mv", "plan", "data"])
        try repo.commit("Flytta plan/ till data/", on: "2024-02-20")
        try repo.run(["mv", "data/aktiviteter.rec", "data/activities.rec"])
        try repo.commit("Byt namn till activities.rec", by: "Bo Ek", on: "2024-02-21")
        try repo.write("data/activities.rec", LogPlan.a12(due: "2024-06"))
        try repo.commit("Skjut upp A12", by: "Bo Ek", on: "2024-03-01")
        let (h1, h4) = (try repo.short("HEAD~3"), try repo.short("HEAD"))
        let r = try LogBinary.run(["log", "A12"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            A12 \(Self.a12Title) (aktivitet)

            2024-02-13  \(h1)  Åsa Öberg  Planen i plan/
              skapad: \(Self.a12Title)

            2024-03-01  \(h4)  Bo Ek  Skjut upp A12
              due: 2024-05 → 2024-06

            """)
        let json = try LogBinary.run(["log", "A12", "--format", "json"], in: repo.root)
        XCTAssertTrue(json.stdout.contains("\"path\" : \"plan/aktiviteter.rec\""), json.stdout)
        XCTAssertTrue(json.stdout.contains("\"path\" : \"data/activities.rec\""), json.stdout)
    }

    func testMergeCommits() throws {
        let repo = try LogRepo(self)
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(), LogPlan.a12(due: "2024-05")))
        try repo.commit("Första versionen", on: "2024-02-13")
        try repo.run(["checkout", "-q", "-b", "side"])
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(status: "klar"), LogPlan.a12(due: "2024-05")))
        try repo.commit("A1 klar", by: "Bo Ek", on: "2024-04-01")
        try repo.run(["checkout", "-q", "main"])
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(), LogPlan.a12(due: "2024-07")))
        try repo.commit("Skjut upp A12", on: "2024-04-02")
        try repo.run(["merge", "-q", "--no-ff", "-m", "Sammanfoga side", "side"], author: "Sven Åkesson", date: "2024-04-03")
        // A second branch whose merge resolves a conflict with a value from neither side.
        try repo.run(["checkout", "-q", "-b", "other"])
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(status: "klar"), LogPlan.a12(due: "2024-08")))
        try repo.commit("A12 till augusti", by: "Bo Ek", on: "2024-05-01")
        try repo.run(["checkout", "-q", "main"])
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(status: "klar"), LogPlan.a12(due: "2024-09")))
        try repo.commit("A12 till september", on: "2024-05-02")
        try repo.run(["merge", "-q", "-s", "ours", "--no-commit", "other"], date: "2024-05-03")
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(status: "klar"), LogPlan.a12(due: "2024-10")))
        try repo.commit("Sammanfoga other: oktober", by: "Sven Åkesson", on: "2024-05-03")

        let h = try (["HEAD~4", "HEAD~2^2", "HEAD~3", "HEAD^2", "HEAD~1", "HEAD"]).map { try repo.short($0) }
        let r = try LogBinary.run(["log"], in: repo.root, env: ["PAGER": "false"])
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            2024-05-03  \(h[5])  Sven Åkesson  Sammanfoga other: oktober
              A12  due: 2024-09 → 2024-10

            2024-05-02  \(h[4])  Åsa Öberg  A12 till september
              A12  due: 2024-07 → 2024-09

            2024-05-01  \(h[3])  Bo Ek  A12 till augusti
              A12  due: 2024-07 → 2024-08

            2024-04-02  \(h[2])  Åsa Öberg  Skjut upp A12
              A12  due: 2024-05 → 2024-07

            2024-04-01  \(h[1])  Bo Ek  A1 klar
              A1  status: pågår → klar

            2024-02-13  \(h[0])  Åsa Öberg  Första versionen
              A1  skapad: Skapa en övergripande kontinuitetsplan och presentera för FLG
              A12  skapad: \(Self.a12Title)

            """)
    }

    func testCommitThatMadeAFileUnparseable() throws {
        let repo = try LogRepo(self)
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(), LogPlan.a12(due: "2024-05")))
        try repo.commit("Första versionen", on: "2024-02-13")
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(), LogPlan.a12(due: "2024-06") + "Ansvarig enhet sbs\n"))
        try repo.commit("Trasig ändring", on: "2024-03-01")
        try repo.write("data/activities.rec", LogPlan.activities(LogPlan.a1(), LogPlan.a12(due: "2024-06")))
        try repo.commit("Laga activities.rec", by: "Bo Ek", on: "2024-03-05")
        let (h1, h2, h3) = (try repo.short("HEAD~2"), try repo.short("HEAD~1"), try repo.short("HEAD"))
        let r = try LogBinary.run(["log", "A12"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, """
            A12 \(Self.a12Title) (aktivitet)

            2024-02-13  \(h1)  Åsa Öberg  Första versionen
              skapad: \(Self.a12Title)

            2024-03-01  \(h2)  Åsa Öberg  Trasig ändring
              data/activities.rec: ej tolkningsbar, rad 14: raden saknar ':'; ett fält skrivs 'nyckel: värde'

            2024-03-05  \(h3)  Bo Ek  Laga activities.rec
              due: 2024-05 → 2024-06

            """)
        let en = try LogBinary.run(["log", "--lang", "en", "--until", "2024-03-01"], in: repo.root)
        XCTAssertTrue(en.stdout.hasPrefix("2024-03-01  \(h2)  Åsa Öberg  Trasig ändring\n  data/activities.rec: unparseable, line 14: line has no ':'; a field is written 'key: value'\n"), en.stdout)
    }

    func testUnknownIDAndRepositoryWithoutCommits() throws {
        let repo = try LogRepo(self)
        try repo.write("data/activities.rec", LogPlan.a12(due: "2024-05"))
        let fresh = try LogBinary.run(["log"], in: repo.root, env: ["PAGER": "false"])
        XCTAssertEqual(fresh.exitCode, 0, fresh.stderr)
        XCTAssertEqual(fresh.stdout, "ej incheckat\n  A12  skapad: \(Self.a12Title)\n")
        let unknown = try LogBinary.run(["log", "A122"], in: repo.root)
        XCTAssertEqual(unknown.exitCode, 2)
        XCTAssertEqual(unknown.stderr, "sakerhet: fel: ingen post med id 'A122' finns i historiken (menade du 'A12'?)\n")
    }

    /// On a terminal the timeline goes through $PAGER; elsewhere it is written directly
    /// (the other tests set PAGER=false, which would lose the output if it were used).
    func testTimelineIsPagedOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("script(1) is not installed") }
        let repo = try makePlan(uncommitted: false)
        let paged = repo.root.appendingPathComponent("paged.txt").path
        let binary = try LogBinary.url().path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-q", "-e", "-c", "'\(binary)' log A1 && '\(binary)' log", "/dev/null"]
        p.currentDirectoryURL = repo.root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["PAGER"] = "cat > '\(paged)'"
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let shown = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        // `log A1` is not paged: it reaches the terminal.
        XCTAssertTrue(shown.contains("A1 Skapa en övergripande kontinuitetsplan"), shown)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: paged)), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("2024-09-02  \(try repo.short("HEAD"))  Bo Ek  Skjut upp A12 igen\n"), text)
        XCTAssertFalse(shown.contains("Skjut upp A12 igen"), shown)
    }
}
