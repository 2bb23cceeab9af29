// A moved deadline is dated by its commit date, the day it entered the history, not by its
// author date, which `git commit --date`, `--amend` and a rebase keep from before: a move
// committed in May 2024 under a December 2023 author date is a move of the 2024 period
// (gul, with its original deadline), not part of the baseline (grön).

import Foundation
import XCTest

final class CommitDateTruthTests: XCTestCase {
    private let activities = """
        id: A1
        title: Klassa informationen
        goal: M1
        owner: sbs
        due: 2024-06-30
        status: pågår

        id: A2
        title: Uppdatera rutinen
        goal: M1
        owner: sbs
        due: 2024-12-31
        status: pågår

        """

    /// A repository with the plan committed on `planned`, then `moves` (each: commit date,
    /// author date, A1's new deadline, or nil for a note on A2 only).
    private func repo(planned: String, _ moves: [(committed: String, authored: String?, due: String?)]) throws -> LogRepo {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", "id: sbs\nname: Enheten för säkerhet\nkind: enhet\n")
        try repo.write("data/goals.rec", "id: M1\ntitle: Mål\nowner: sbs\ndue: 2024-12-31\nstatus: pågår\n")
        try repo.write("data/activities.rec", activities)
        try repo.commit("Plan antagen", on: planned)
        var text = activities
        for (n, move) in moves.enumerated() {
            if let due = move.due {
                let now = text.components(separatedBy: "id: A1\n")[1].components(separatedBy: "due: ")[1].prefix(10)
                text = text.replacingOccurrences(of: "due: \(now)\nstatus: pågår\n\nid: A2", with: "due: \(due)\nstatus: pågår\n\nid: A2")
                text = text.replacingOccurrences(of: "id: A1\ntitle: Klassa informationen\ngoal: M1\nowner: sbs\n",
                                                 with: "id: A1\ntitle: Klassa informationen\ngoal: M1\nowner: sbs\nreason: Väntar på systemet \(n)\n")
            } else {
                text = text.replacingOccurrences(of: "title: Uppdatera rutinen\n", with: "title: Uppdatera rutinen\nnote: Läst \(n)\n")
            }
            try repo.write("data/activities.rec", text)
            try repo.commit(move.due.map { "A1 till \($0)" } ?? "Notering", on: move.committed, authored: move.authored)
        }
        return repo
    }

    /// The value of `show`'s line `label:` (its labels are padded to one width).
    private func line(_ label: String, of show: String) -> String? {
        show.split(separator: "\n").first { $0.hasPrefix(label + ":") }.map { $0.dropFirst(label.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    private func show(_ repo: LogRepo) throws -> String {
        let r = try LogBinary.run(["activities", "show", "A1", "--data", "data", "--as-of", "2024-06-01"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        return r.stdout
    }

    /// A1's row of the report's JSON, as of 2024-06-01 (period 2024).
    private func reportRow(_ repo: LogRepo) throws -> [String: Any] {
        let r = try LogBinary.run(["report", "--format", "json", "--data", "data", "--as-of", "2024-06-01"], in: repo.root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        var found: [String: Any]?
        func walk(_ v: Any) {
            if let d = v as? [String: Any] {
                if d["id"] as? String == "A1", d["signal"] != nil { found = d }
                d.values.forEach(walk)
            } else if let a = v as? [Any] {
                a.forEach(walk)
            }
        }
        walk(json as Any)
        return try XCTUnwrap(found, r.stdout)
    }

    func testAMoveIsDatedByItsCommitNotItsAuthorDate() throws {
        let repo = try repo(planned: "2023-11-20", [("2024-05-02", "2023-12-15", "2024-12-31")])
        let show = try show(repo)
        XCTAssertEqual(line("Signal", of: show), "gul", show)
        XCTAssertEqual(line("Ursprungligt slutdatum", of: show), "2024-06-30 (flyttat till 2024-12-31)", show)
        let row = try reportRow(repo)
        XCTAssertEqual(row["signal"] as? String, "yellow", "\(row)")
        XCTAssertEqual(row["original"] as? String, "2024-06-30", "\(row)")
        // The log dates the move on the day it was committed, read from the repository's
        // files or (with GIT_DIR set) through git.
        // The author date, on another day, is shown after the subject, and in JSON.
        let short = try repo.short("HEAD")
        for env in [[:], ["GIT_DIR": repo.root.appendingPathComponent(".git").path]] {
            let log = try LogBinary.run(["log", "A1", "--data", "data"], in: repo.root, env: env)
            XCTAssertTrue(log.stdout.contains("\n2024-05-02  \(short)  Åsa Öberg  A1 till 2024-12-31  (skriven 2023-12-15)\n"), log.stdout)
            XCTAssertTrue(log.stdout.contains("\n2023-11-20  "), log.stdout)
            XCTAssertFalse(log.stdout.contains("2023-11-20  " + (try repo.short("HEAD~1")) + "  Åsa Öberg  Plan antagen  ("), log.stdout)
            let json = try LogBinary.run(["log", "A1", "--format", "json", "--lang", "en", "--data", "data"], in: repo.root, env: env)
            XCTAssertTrue(json.stdout.contains("\"authored\" : \"2023-12-15T10:00:00+01:00\""), json.stdout)
            XCTAssertTrue(json.stdout.contains("\"date\" : \"2024-05-02\""), json.stdout)
            XCTAssertEqual(json.stdout.components(separatedBy: "\"authored\"").count, 2, "only the commit authored on another day")
            let md = try LogBinary.run(["log", "A1", "--format", "markdown", "--lang", "en", "--data", "data"], in: repo.root, env: env)
            XCTAssertTrue(md.stdout.contains("| 2024-05-02 (authored 2023-12-15) | `\(short)` |"), md.stdout)
            let viaGit = try LogBinary.run(["activities", "show", "A1", "--data", "data", "--as-of", "2024-06-01"], in: repo.root, env: env)
            XCTAssertEqual(line("Signal", of: viaGit.stdout), "gul", viaGit.stdout)
        }
    }

    /// A move committed before the period on one line of the history stays the baseline
    /// when a colleague's commit of the period, made on another line, is merged in after
    /// it (git lists that commit before the move): each commit counts on its own date.
    func testAMergedLineOfThePeriodLeavesAnEarlierMoveInTheBaseline() throws {
        let repo = try repo(planned: "2023-11-20", [])
        try repo.run(["checkout", "-q", "-b", "lokal"])
        try repo.write("data/activities.rec", activities.replacingOccurrences(of: "title: Uppdatera rutinen\n", with: "title: Uppdatera rutinen\nnote: Läst\n"))
        try repo.commit("Notering", on: "2024-01-03")
        try repo.run(["checkout", "-q", "main"])
        try repo.write("data/activities.rec", activities.replacingOccurrences(of: "due: 2024-06-30", with: "due: 2024-12-31"))
        try repo.commit("A1 till 2024-12-31", on: "2023-12-15")
        try repo.run(["merge", "-q", "--no-edit", "lokal"], date: "2024-01-04")
        let row = try reportRow(repo)
        XCTAssertEqual(row["signal"] as? String, "green", "\(row)")
        XCTAssertNil(row["original"], "\(row)")
        // The move is seen, before the period: A1 was first planned for June.
        XCTAssertEqual(row["planned"] as? String, "2024-06-30", "\(row)")
        let slips = try LogBinary.run(["log", "--slips", "--since", "2024-01-01", "--data", "data"], in: repo.root)
        XCTAssertFalse(slips.stdout.contains("A1"), slips.stdout)
    }

    /// The control: a move committed before the period began is the period's baseline.
    func testAMoveCommittedBeforeThePeriodIsTheBaseline() throws {
        let repo = try repo(planned: "2023-11-20", [("2023-12-15", nil, "2024-12-31")])
        let show = try show(repo)
        XCTAssertEqual(line("Signal", of: show), "grön", show)
        XCTAssertNil(line("Ursprungligt slutdatum", of: show), show)
        let row = try reportRow(repo)
        XCTAssertEqual(row["signal"] as? String, "green", "\(row)")
        XCTAssertNil(row["original"], "\(row)")
        XCTAssertEqual(row["planned"] as? String, "2024-06-30", "\(row)")
    }
}
