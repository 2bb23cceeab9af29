import Foundation
import SakerhetCore
import XCTest

/// Issue 11, items 4–11: the write path, the store and git. Each test runs the binary on
/// a temporary folder and checks the exit code, that the message names the file or the
/// field, and that the bytes on disk are what they should be.
final class WriteSafetyTests: EndToEndCase {
    let plan = ["--as-of", EndToEndCase.planDate, "--data", "data"]

    /// `run` that gives up after `seconds`: a hang is a failure, not a stuck test run.
    func runWithin(_ seconds: Double, _ args: [String], in cwd: URL, env: [String: String?] = [:],
                   file: StaticString = #filePath, line: UInt = #line) throws -> RunResult {
        let started = try start(args, in: cwd, env: env)
        let deadline = Date().addingTimeInterval(seconds)
        while started.process.isRunning && Date() < deadline { usleep(20_000) }
        if started.process.isRunning {
            kill(started.process.processIdentifier, SIGKILL)
            XCTFail("sakerhet \(args.joined(separator: " ")) hung for \(seconds) s", file: file, line: line)
        }
        return try finish(started)
    }

    /// Runs a write that must be refused: exit code, words in stderr, nothing on stdout,
    /// no data file changed.
    func assertRefused(_ args: [String], in root: URL, exits code: Int32, saying words: [String], env: [String: String?] = [:],
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try dataSnapshot(root)
        let r = try run(args, in: root, env: env)
        XCTAssertEqual(r.exitCode, code, "\(args.joined(separator: " ")):\n\(r.output)", file: file, line: line)
        for w in words { XCTAssertTrue(r.stderr.contains(w), "stderr lacks '\(w)':\n\(r.stderr)", file: file, line: line) }
        XCTAssertEqual(r.stdout, "", file: file, line: line)
        try assertDataUnchanged(root, since: before, file: file, line: line)
    }

    // MARK: 4. A data file that is not a regular file

    /// A FIFO named activities.rec made every command wait for a writer forever. Now
    /// reading and writing commands say what the file is, at once, with exit 2.
    func testAFIFOInPlaceOfADataFileIsAnErrorNotAHang() throws {
        let root = try folder(with: Fixture.files)
        let path = root.appendingPathComponent("data/activities.rec").path
        try FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(mkfifo(path, 0o644), 0)
        for args in [["audit"], ["activities", "set", "A1", "note=x"]] {
            let r = try runWithin(10, args + plan, in: root)
            XCTAssertEqual(r.exitCode, 2, r.output)
            XCTAssertTrue(r.stderr.contains("data/activities.rec"), r.stderr)
            XCTAssertTrue(r.stderr.contains("FIFO"), r.stderr)
        }
        var st = stat()
        XCTAssertEqual(lstat(path, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO is still there")
    }

    // MARK: 5. git failing while it reads its input

    /// `git cat-file --batch` that ends without reading its input (here a stand-in for
    /// git that fails) made the writer thread trap on EPIPE (exit 132). Now `log` says what
    /// git said, with exit 2. The history is long enough (1,700 file versions, 70 KB of
    /// object ids) that the ids cannot all fit in the pipe before git ends.
    func testGitFailingWhileReadingItsInputIsAnError() throws {
        let root = try makeTempFolder()
        let repo = root.appendingPathComponent("repo")
        try HistoryFixture.makeRepository(at: repo.path, commits: 1_700, activities: 5)
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        guard let git = Tools.find("git") else { throw XCTSkip("git is not installed") }
        let fake = bin.appendingPathComponent("git")
        try Data("""
            #!/bin/sh
            for a in "$@"; do
              if [ "$a" = cat-file ]; then exec 0<&-; echo "fatal: kan inte läsa objekten" >&2; exit 128; fi
            done
            exec \(git.path) "$@"

            """.utf8).write(to: fake)
        XCTAssertEqual(chmod(fake.path, 0o755), 0)
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try runWithin(60, ["log"], in: repo, env: Tools.gitEnvironment.merging(["PATH": path]) { $1 })
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("git cat-file"), r.stderr)
        XCTAssertTrue(r.stderr.contains("fatal: kan inte läsa objekten"), r.stderr)
    }

    // MARK: 6, 7. Values that would not read back as given

    /// A line break in a one-line field, a control character, a line ending in a
    /// backslash: refused for every verb that writes a value (set, add, postpone --reason,
    /// done --evidence), naming the field, with nothing written. A line break in a
    /// free-text field becomes `+ ` lines, and the file reads back as the value.
    func testValuesThatWouldReadBackDifferentlyAreRefused() throws {
        let root = try copyOfShippedData()
        let refused: [([String], String)] = [
            (["activities", "set", "A12", "id=A12\nstatus: klar"], "'id'"),
            (["activities", "set", "A12", "title=Två\nrader"], "'title'"),
            (["activities", "set", "A23", "note=C:\\"], "'note'"),
            (["activities", "set", "A23", "note=första\nandra \\"], "'note'"),
            (["activities", "set", "A23", "note=a\u{1B}[2Jb"], "'note'"),
            (["activities", "add", "--title", "Ny\naktivitet", "--goal", "D2", "--owner", "sbs", "--due", "2025"], "'title'"),
            (["activities", "postpone", "A12", "--to", "2025-06", "--reason", "Väntar på C:\\"], "'reason'"),
            (["activities", "done", "A12", "--evidence", "Protokoll\u{7}"], "'evidence'"),
            (["risks", "set", "R8", "action+=A12\nA14"], "'action'"),
        ]
        for (args, field) in refused {
            try assertRefused(args + plan, in: root, exits: 2, saying: [field])
        }
        let r = try run(["activities", "set", "A23", "note=Första raden  \r\nandra raden\n\ntredje med \\ mitt i\n"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        let text = try text(root, "data/activities.rec")
        XCTAssertTrue(text.contains("note: Första raden\n+ andra raden\n+\n+ tredje med \\ mitt i\n"), text)
        XCTAssertEqual(try RecText.record("A23", in: root.appendingPathComponent("data/activities.rec")).value("note"),
                       "Första raden\nandra raden\n\ntredje med \\ mitt i")
        let audit = try run(["audit", "--fail-on", "never"] + plan, in: root)
        XCTAssertFalse(audit.stdout.contains("A23"), audit.stdout)
    }

    // MARK: 8. The write gate compares what errors say

    /// A record whose goal was already broken: swapping that error for another (goal
    /// fixed, area broken) is a new error and refused; an edit that leaves the old error
    /// as it is still goes through.
    func testSwappingAnOldErrorForANewOneIsRefused() throws {
        let root = try copyOfShippedData()
        let url = root.appendingPathComponent("data/activities.rec")
        let a9 = try RecText.record("A9", in: url)
        let goal = try XCTUnwrap(a9.value("goal"))
        let lines = RecText.lines(try text(root, "data/activities.rec"))
        let at = try XCTUnwrap(a9.line(of: "goal", in: lines))
        var broken = lines
        broken[at - 1] = "goal: D99"
        try Data(broken.joined(separator: "\n").utf8).write(to: url)
        try assertRefused(["activities", "set", "A9", "goal=\(goal)", "area=finnsinte"] + plan, in: root, exits: 1,
                          saying: ["data/activities.rec:", "finnsinte", "sparades inte"])
        let r = try run(["activities", "set", "A9", "note=Väntar på beslut"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertEqual(try RecText.record("A9", in: url).value("goal"), "D99")
    }

    /// SAKERHET_LOCK_TIMEOUT that is no number of seconds is a usage error, nothing written.
    func testALockTimeoutThatIsNoNumberIsAUsageError() throws {
        let root = try copyOfShippedData()
        for bad in ["abc", "-1"] {
            try assertRefused(["activities", "set", "A12", "note=x"], in: root, exits: 2, saying: ["SAKERHET_LOCK_TIMEOUT", bad],
                              env: ["SAKERHET_LOCK_TIMEOUT": bad])
        }
    }

    // MARK: 9, 10. --commit and a file with changes not committed

    /// A hand edit not yet committed (or a change left by a write killed before its
    /// commit) is not swept into the tool's commit: refused with exit 1, saying how to
    /// commit or restore, nothing written. Commit subjects name free-text fields without
    /// their values, and keep status and deadline changes as before.
    func testCommitRefusesAFileWithUncommittedChangesAndKeepsFreeTextOutOfSubjects() throws {
        let root = try gitRepoWithShippedData()
        let args = plan + ["--commit"]
        let url = root.appendingPathComponent("data/activities.rec")
        let committed = try text(root, "data/activities.rec")
        try Data((committed + "# handskriven anteckning\n").utf8).write(to: url)
        try assertRefused(["activities", "set", "A12", "note=x"] + args, in: root, exits: 1,
                          saying: ["data/activities.rec", "inte är incheckade", "git restore", "git commit"], env: Tools.gitEnvironment)
        // A write without --commit, as if killed before its commit: the next --commit refuses.
        try git(["checkout", "--", "data/activities.rec"], in: root)
        XCTAssertEqual(try run(["activities", "set", "A12", "note=y"] + plan, in: root).exitCode, 0)
        try assertRefused(["activities", "set", "A14", "note=z"] + args, in: root, exits: 1,
                          saying: ["data/activities.rec", "inte är incheckade"], env: Tools.gitEnvironment)
        XCTAssertEqual(try git(["rev-list", "--count", "HEAD"], in: root), "1\n")
        try git(["checkout", "--", "data/activities.rec"], in: root)

        let set = try run(["activities", "set", "A12", "status=klar", "done=2024-11-01", "note=Ring Bo Ek på 070-1234567"] + args,
                          in: root, env: Tools.gitEnvironment)
        XCTAssertEqual(set.exitCode, 0, set.output)
        let post = try run(["activities", "postpone", "A14", "--to", "2025-03", "--reason", "Bo Ek är sjukskriven"] + args,
                           in: root, env: Tools.gitEnvironment)
        XCTAssertEqual(post.exitCode, 0, post.output)
        let subjects = try git(["log", "--format=%s"], in: root)
        XCTAssertFalse(subjects.contains("Bo Ek"), subjects)
        XCTAssertFalse(subjects.contains("070"), subjects)
        XCTAssertTrue(subjects.contains("activities: A12 status pågår → klar, done – → 2024-11-01, note "), subjects)
        XCTAssertTrue(subjects.contains("activities: A14 due 2024-12 → 2025-03, reason "), subjects)
        XCTAssertEqual(try git(["status", "--porcelain", "data/activities.rec"], in: root), "")
    }

    /// A controlled field's old value is data: a personnummer or a terminal escape written
    /// there by hand must not be copied into a commit subject (kept forever) nor echoed.
    /// The subject masks the number, shows the escape as `\x1b`, and stays one line.
    func testCommitSubjectMasksAPersonalNumberAndShowsControlsInAnOldValue() throws {
        let root = try gitRepoWithShippedData()
        let url = root.appendingPathComponent("data/activities.rec")
        let record = "\nid: A90\ntitle: t\ngoal: D1\nowner: sbs\ndue: 19121212-1212\nstatus: p\u{1B}[2J\tågår\n"
        try Data((try text(root, "data/activities.rec") + record).utf8).write(to: url)
        try git(["commit", "--quiet", "-am", "A90"], in: root)

        let due = try run(["activities", "set", "A90", "due=2027", "--commit"] + plan, in: root, env: Tools.gitEnvironment)
        XCTAssertEqual(due.exitCode, 0, due.output)
        let status = try run(["activities", "set", "A90", "status=pågår", "--commit", "--lang", "en"] + plan, in: root, env: Tools.gitEnvironment)
        XCTAssertEqual(status.exitCode, 0, status.output)
        let subjects = try git(["log", "-2", "--format=%s"], in: root)
        let messages = try git(["log", "-2", "--format=%B"], in: root)
        XCTAssertEqual(subjects, "activities: A90 status p\\x1b[2J ågår → pågår\nactivities: A90 due [personnummer dolt] → 2027\n")
        XCTAssertEqual(messages, subjects.replacingOccurrences(of: "\n", with: "\n\n"), "the data spilled into a commit body")
        // The line the write prints is the subject, masked in the language asked for.
        XCTAssertEqual(due.stdout, "activities: A90 due [personnummer dolt] → 2027 (incheckad)\n")
        XCTAssertEqual(status.stdout, "activities: A90 status p\\x1b[2J ågår → pågår (committed)\n")
    }

    /// `--data data/activities.rec` (a data file for the folder) is named as a file, with
    /// the folder to give instead, for reading and writing commands and in rollup; not
    /// "does not exist" and no system error. Nothing is written.
    func testADataPathThatIsAFileIsNamedAsAFile() throws {
        let root = try copyOfShippedData()
        let before = try snapshot(root.appendingPathComponent("data"))
        let file = ["--data", "data/activities.rec", "--as-of", EndToEndCase.planDate]
        try assertRefused(["audit"] + file, in: root, exits: 2,
                          saying: ["data/activities.rec är en fil, inte en mapp", "med --data data"])
        try assertRefused(["activities", "set", "A12", "note=x"] + file, in: root, exits: 2,
                          saying: ["data/activities.rec är en fil, inte en mapp", "med --data data"])
        try assertRefused(["activities", "set", "A12", "note=x", "--lang", "en"] + file, in: root, exits: 2,
                          saying: ["data/activities.rec is a file, not a folder", "with --data data"])
        try assertRefused(["audit", "--data", "data", "--data", "data/goals.rec"], in: root, exits: 2,
                          saying: ["data/goals.rec är en fil, inte en mapp"])
        // Nothing written: the folder's files (and no lock file beside them) as they were.
        try assertUnchanged(root.appendingPathComponent("data"), since: before)
        // A device is named as what it is.
        try assertRefused(["audit", "--data", "/dev/null", "--lang", "en"], in: root, exits: 2,
                          saying: ["/dev/null is a device file, not a folder; give the data folder"])
    }

    /// A writer killed before its rename leaves `.activities.rec.sakerhet-tmp.PID`; the
    /// next write removes those of processes that have ended (also the older
    /// `.NAME.PID.tmp`), and leaves those of a live process.
    func testStaleTemporaryFilesAreRemovedByTheNextWrite() throws {
        let root = try copyOfShippedData()
        let data = root.appendingPathComponent("data")
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/sh")
        ended.arguments = ["-c", "exit 0"]
        try ended.run()
        ended.waitUntilExit()
        let dead = ended.processIdentifier, alive = getpid()
        let stale = [".activities.rec.sakerhet-tmp.\(dead)", ".goals.rec.\(dead).tmp"]
        let live = ".risks.rec.sakerhet-tmp.\(alive)"
        for name in stale + [live] {
            try Data(repeating: 0x41, count: 4096).write(to: data.appendingPathComponent(name))
        }
        let r = try run(["activities", "set", "A12", "note=x"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        let names = try FileManager.default.contentsOfDirectory(atPath: data.path)
        for name in stale { XCTAssertFalse(names.contains(name), "\(name) is still there") }
        XCTAssertTrue(names.contains(live), "a live process's temporary file was removed")
    }

    // MARK: 11. Output files, links, read-only files

    /// `-o` into the data folder is refused (exit 2, nothing written); `-o` onto a FIFO
    /// writes into it and leaves the FIFO.
    func testOutputFileIsNeverADataFileAndADeviceIsWrittenInto() throws {
        let root = try folder(with: Fixture.files)
        try assertRefused(["audit", "-o", "data/activities.rec"] + plan, in: root, exits: 2, saying: ["data/activities.rec", "datamappen"])
        try assertRefused(["report", "-o", "data/rapport.html"] + plan, in: root, exits: 2, saying: ["data/rapport.html", "datamappen"])
        try assertRefused(["audit", "-o", "./data/../data/goals.rec", "--lang", "en"] + plan, in: root, exits: 2,
                          saying: ["goals.rec", "data folder"])
        // The file name the refusal suggests has the extension of the format being written.
        try assertRefused(["audit", "--format", "json", "-o", "data/x.json"] + plan, in: root, exits: 2, saying: ["t.ex. -o rapport.json"])
        try assertRefused(["audit", "--format", "junit", "-o", "data/x.xml"] + plan, in: root, exits: 2, saying: ["t.ex. -o rapport.xml"])
        try assertRefused(["audit", "-o", "data/x.txt", "--lang", "en"] + plan, in: root, exits: 2, saying: ["e.g. -o report.txt"])
        try assertRefused(["export", "-o", "data/x.xlsx"] + plan, in: root, exits: 2, saying: ["t.ex. -o rapport.xlsx"])
        try assertRefused(["report", "-o", "data/x.md"] + plan, in: root, exits: 2, saying: ["t.ex. -o rapport.md"])
        try assertRefused(["report", "-o", "data"] + plan, in: root, exits: 2, saying: ["t.ex. -o rapport.txt"])

        let fifo = root.appendingPathComponent("ut.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(reader, 0)
        defer { close(reader) }
        let r = try runWithin(10, ["audit", "-o", fifo] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        var got = [UInt8](repeating: 0, count: 65_536)
        let n = read(reader, &got, got.count)
        let expected = try run(["audit"] + plan, in: root).stdout
        XCTAssertEqual(String(decoding: got.prefix(max(n, 0)), as: UTF8.self), expected)
        var st = stat()
        XCTAssertEqual(lstat(fifo, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced")
    }

    /// A linked data file is written through the link (the link stays, its target
    /// changes); a read-only data file is refused with exit 2 and not written.
    func testLinkedDataFileIsWrittenThroughAndAReadOnlyOneIsRefused() throws {
        let root = try folder(with: Fixture.files)
        let data = root.appendingPathComponent("data")
        let real = root.appendingPathComponent("delad")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: data.appendingPathComponent("activities.rec"), to: real.appendingPathComponent("activities.rec"))
        XCTAssertEqual(symlink("../delad/activities.rec", data.appendingPathComponent("activities.rec").path), 0)
        let r = try run(["activities", "set", "A26", "note=Via länken"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        var st = stat()
        XCTAssertEqual(lstat(data.appendingPathComponent("activities.rec").path, &st), 0)
        XCTAssertEqual(st.st_mode & S_IFMT, S_IFLNK, "the link was replaced by a file")
        XCTAssertEqual(try RecText.record("A26", in: real.appendingPathComponent("activities.rec")).value("note"), "Via länken")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: real.path), ["activities.rec"])

        let goals = data.appendingPathComponent("goals.rec").path
        XCTAssertEqual(chmod(goals, 0o444), 0)
        try assertRefused(["goals", "set", "D2", "note=x"] + plan, in: root, exits: 2, saying: ["goals.rec", "skrivskyddad", "chmod u+w"])
        XCTAssertEqual(stat(goals, &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o444)
    }

    // MARK: An import stopped while it writes

    /// An import that makes owners, goals and activities writes three files. Stopped
    /// (SIGTERM, as `kill` and a CI job's timeout send it) at any moment, the folder holds
    /// either all three files as they were or all three as the import made them, and no
    /// temporary file: a stop asked for while the files are written waits until they are.
    /// Before, one stopped after the first rename left owners and goals that no activity
    /// named, and a temporary file of the size of activities.rec for git to show.
    func testAnImportStoppedAtAnyMomentWritesAllFilesOrNone() throws {
        var csv = "Mål;Aktivitet;Ansvarig;Klart senast;Status\n"
        for i in 0..<800 { csv += "Mål \(i % 40);Aktivitet \(i) med en lång titel om loggkontroller;Enhet \(i % 300);2025-0\(i % 9 + 1);pågår\n" }
        // How long the import takes here, unstopped; then stops from early on to about when
        // it writes and ends.
        let timing = try folder(with: Fixture.files)
        try Data(csv.utf8).write(to: timing.appendingPathComponent("plan.csv"))
        let t0 = Date()
        XCTAssertEqual(try run(["import", "plan.csv"] + plan, in: timing).exitCode, 0)
        let whole = Date().timeIntervalSince(t0)
        var outcomes: [Bool] = []
        for (k, fraction) in [0.0, 0.7, 0.9, 1.0, 1.1].enumerated() {
            let delay = Int(whole * fraction * 1000)
            let root = try folder(with: Fixture.files)
            try Data(csv.utf8).write(to: root.appendingPathComponent("plan.csv"))
            let before = try dataSnapshot(root)
            let started = try start(["import", "plan.csv"] + plan, in: root)
            usleep(UInt32(delay * 1_000))
            kill(started.process.processIdentifier, SIGTERM)
            started.process.waitUntilExit()
            try started.out.close()
            try started.err.close()
            // Ended by the stop, or done before it came: never by another signal.
            let stopped = started.process.terminationReason == .uncaughtSignal
            XCTAssertTrue(stopped ? started.process.terminationStatus == SIGTERM : started.process.terminationStatus == 0,
                          "stop \(k): \(started.process.terminationReason) \(started.process.terminationStatus)")
            let after = try dataSnapshot(root)
            let names = ["owners.rec", "goals.rec", "activities.rec"]
            let changed = names.filter { after[$0] != before[$0] }
            XCTAssertTrue(changed.isEmpty || changed == names, "stop \(k) after \(delay) ms: only \(changed) changed")
            XCTAssertEqual(Set(after.keys), Set(before.keys), "stop \(k): files left: \(Set(after.keys).subtracting(before.keys))")
            if changed == names { XCTAssertTrue(String(decoding: after["activities.rec"]!, as: UTF8.self).contains("Aktivitet 799 med")) }
            outcomes.append(changed == names)
        }
        // The first stop comes before the write.
        XCTAssertEqual(outcomes.first, false)
    }
}
