import Foundation
import XCTest
@testable import SakerhetCore

/// `GitHistory` on repositories made by `HistoryFixture`, and the report's history sections.
final class HistoryGitTests: XCTestCase {
    func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-history-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// Runs git with a fixed identity and date, without user config.
    func git(_ args: [String], in dir: String, date: String = "2022-01-20T12:00:00+01:00") throws {
        var env: [String: String] = [:]
        for k in ["AUTHOR", "COMMITTER"] {
            env["GIT_\(k)_NAME"] = "Åsa Öberg"
            env["GIT_\(k)_EMAIL"] = "sakerhet@example.se"
            env["GIT_\(k)_DATE"] = date
        }
        let (status, said) = try IsolatedGit.run(["/usr/bin/env", "git", "-c", "tag.gpgsign=false"] + args, in: dir, env)
        XCTAssertEqual(status, 0, "git \(args): \(said)")
    }

    /// The repository `GitDiscovery` reads for `folder`; nil when it is not plain or there is none.
    func find(_ folder: String) -> GitHistory.Repository? {
        if case .repository(let repo) = GitDiscovery.discover(folder) { return repo }
        return nil
    }

    /// Outside any repository, that is known without git: the history says so, in the
    /// same words as when git says it, and the lists read no history at all.
    func testOutsideAnyRepositoryNoGitIsAsked() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        let message = "data is not in a git repository, so there is no history; run 'git init' and commit the data folder"
        XCTAssertThrowsError(try GitHistory.read(folder: folder + "/data", display: "data")) { error in
            XCTAssertEqual((error as? StoreError)?.message.en, message)
        }
        // Where `/` and the folder are on one file system it is known without git: with no
        // git to start (git rev-parse would fail with "git is not installed"), the same.
        guard case .none = GitDiscovery.discover(folder + "/data") else { throw XCTSkip("the temporary folder is on another file system") }
        XCTAssertNil(Baselines.begin(folder: folder + "/data"))
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        setenv("PATH", "/nonexistent", 1)
        defer { setenv("PATH", path, 1) }
        XCTAssertThrowsError(try GitHistory.read(folder: folder + "/data", display: "data")) { error in
            XCTAssertEqual((error as? StoreError)?.message.en, message)
        }
    }

    /// A folder on a file system of its own (here /dev/shm, a tmpfs) outside any
    /// repository: git stops where the file system ends, and so does reading `.git`,
    /// without starting git. Even a repository on the other side is not the folder's.
    func testAFileSystemBoundaryEndsTheSearchAsInGit() throws {
        guard let shm = Platform.fileStatus("/dev/shm"), let root = Platform.fileStatus("/"), shm.isDirectory,
              shm.device != root.device, access("/dev/shm", W_OK) == 0 else {
            throw XCTSkip("/dev/shm is not a writable file system of its own here")
        }
        let folder = "/dev/shm/sakerhet-boundary-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard case .none = GitDiscovery.discover(folder + "/data") else { return XCTFail("a folder beyond a file system boundary is in no repository") }
        // git says the same, and why.
        let asked = try Git.run(["rev-parse", "--show-toplevel"], in: folder + "/data")
        XCTAssertNotEqual(asked.status, 0)
        XCTAssertTrue(asked.stderr.includes("not a git repository"), asked.stderr)
        XCTAssertNil(Baselines.begin(folder: folder + "/data"))
        XCTAssertThrowsError(try GitHistory.read(folder: folder + "/data", display: "data")) { error in
            XCTAssertEqual((error as? StoreError)?.message.en,
                           "data is not in a git repository, so there is no history; run 'git init' and commit the data folder")
        }
        // With GIT_DISCOVERY_ACROSS_FILESYSTEM set, git decides.
        setenv("GIT_DISCOVERY_ACROSS_FILESYSTEM", "1", 1)
        defer { unsetenv("GIT_DISCOVERY_ACROSS_FILESYSTEM") }
        guard case .unsure = GitDiscovery.discover(folder + "/data") else { return XCTFail("the environment changes where git looks") }
    }

    func testFixtureHistory() throws {
        let repo = try temporaryFolder()
        try HistoryFixture.makeRepository(at: repo, commits: 31, activities: 10)
        let history = try GitHistory.read(folder: repo + "/data")
        XCTAssertFalse(history.isShallow)
        XCTAssertEqual(history.revisions.count, 31)
        XCTAssertNil(history.uncommitted)
        XCTAssertEqual(history.revisions.first?.date, Day("2022-01-03"))
        XCTAssertEqual(history.revisions.first?.author, "Åsa Öberg")
        XCTAssertEqual(history.revisions[1].author, "Bo Ek")
        XCTAssertEqual(history.revisions[2].author, "Sven Åkesson")
        XCTAssertEqual(history.revisions.last?.date, Day("2022-02-02"))
        XCTAssertEqual(history.entries[0].changes.filter { $0.action == .created }.count, 2 + 4 + 10)

        let a1 = history.log(ids: ["A1"])
        XCTAssertEqual(a1.entries.map { $0.changes.map { "\($0.action.rawValue) \($0.field ?? "")" } },
                       [["created "], ["changed due", "changed reason"], ["changed note"], ["changed due", "changed reason"]])
        XCTAssertEqual(a1.entries[1].changes[0].old, "2024-01")
        XCTAssertEqual(a1.entries[1].changes[0].new, "2024-02")

        let slips = Slips.make(history)
        XCTAssertEqual(slips.count, 10)
        XCTAssertTrue(slips.allSatisfy { $0.count == 2 })
        // A1 moves January → February → March: 29 + 31 days (2024 is a leap year).
        XCTAssertEqual(slips.first { $0.id == "A1" }?.totalDays, 60)

        // The same history read for one id has the same changes for it.
        let only = try GitHistory.read(folder: repo + "/data", only: ["A1"])
        XCTAssertEqual(only.log(ids: ["A1"]).entries.map(\.changes), a1.entries.map(\.changes))
    }

    func testTagsLabelTheRevisionHistory() throws {
        let repo = try temporaryFolder()
        try HistoryFixture.makeRepository(at: repo, commits: 12, activities: 4)
        try git(["tag", "-a", "v1.0", "-m", "Första giltiga version", "HEAD~6"], in: repo, date: "2022-01-10T09:00:00+01:00")
        try git(["tag", "v1.1", "HEAD"], in: repo)
        let period = FollowUp.Period("2022")!
        let report = try HistoryReport.load(folder: repo + "/data", period: period).get()
        XCTAssertTrue(report.fromTags)
        // A version is an annotated tag; the lightweight v1.1 marks no version of the plan.
        XCTAssertEqual(report.revisions.map { "\($0.version) \($0.description) \($0.date) \($0.author)" },
                       ["1.0 Första giltiga version 2022-01-10 Åsa Öberg"])
        XCTAssertEqual(report.postponed.count, 7)
        XCTAssertEqual(report.added.count, 4 + 4)

        // Without tags or a version in config.rec, no commit is a revision row.
        let untagged = HistoryReport.make(try GitHistory.read(folder: repo + "/data"), period: period)
        XCTAssertFalse(untagged.fromTags)
        XCTAssertEqual(untagged.revisions.count, 0)
    }

    /// Reading `.git` finds what `git rev-parse` finds: in a folder and at the top, through
    /// a symbolic link, in a linked work tree and in a shallow clone; tags are seen loose
    /// and packed.
    func testDiscoveryAgreesWithRevParse() throws {
        let root = try temporaryFolder()
        let repo = root + "/repo"
        try HistoryFixture.makeRepository(at: repo, commits: 3, activities: 2)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: repo)
        try git(["worktree", "add", "-q", root + "/linked"], in: repo)
        try git(["clone", "-q", "--depth", "1", "file://" + repo, root + "/shallow"], in: root)
        for folder in [repo + "/data", repo, root + "/link/data", root + "/linked/data", root + "/shallow/data"] {
            let found = try XCTUnwrap(find(folder), folder)
            let asked = try GitHistory.revParse(folder, display: folder)
            XCTAssertEqual([found.top, found.prefix], [asked.top, asked.prefix], folder)
            XCTAssertEqual(found.isShallow, asked.isShallow, folder)
            XCTAssertEqual(found.boundary, asked.boundary, folder)
            XCTAssertTrue(found.isDiscovered)
        }
        XCTAssertTrue(try XCTUnwrap(find(root + "/shallow/data")).isShallow)
        // The same history either way.
        let read = try GitHistory.read(folder: root + "/linked/data")
        XCTAssertEqual(read.revisions.map(\.hash), try GitHistory.read(folder: repo + "/data").revisions.map(\.hash))
        XCTAssertEqual(read.revisions.count, 3)

        XCTAssertFalse(try XCTUnwrap(find(repo)).mayHaveTags)
        try git(["tag", "v1", "HEAD"], in: repo)
        XCTAssertTrue(try XCTUnwrap(find(repo)).mayHaveTags)
        XCTAssertTrue(try XCTUnwrap(find(root + "/linked")).mayHaveTags)
        try git(["pack-refs", "--all"], in: repo)
        XCTAssertTrue(try XCTUnwrap(find(repo)).mayHaveTags)
        try git(["tag", "-d", "v1"], in: repo)
        XCTAssertFalse(try XCTUnwrap(find(repo)).mayHaveTags)

        // What is not plain is left to git rev-parse.
        XCTAssertNil(find(root))
        XCTAssertTrue(GitDiscovery.isPlain("[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tlogallrefupdates = true\n"))
        XCTAssertFalse(GitDiscovery.isPlain("[core]\n\tbare = true\n"))
        XCTAssertFalse(GitDiscovery.isPlain("[core]\r\n\tworktree = ../../x\r\n"))
        XCTAssertFalse(GitDiscovery.isPlain("[include]\n\tpath = other\n"))
        try git(["init", "-q", "--bare", root + "/bare.git"], in: root)
        try FileManager.default.createDirectory(atPath: root + "/bare.git/data", withIntermediateDirectories: true)
        XCTAssertNil(find(root + "/bare.git/data"))
    }

    func testReportSaysWhyHistoryIsMissing() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        switch HistoryReport.load(folder: folder + "/data", display: "data", period: FollowUp.Period("2024")!) {
        case .success: XCTFail("history outside a git repository")
        case .failure(let e):
            XCTAssertEqual(e.message.en, "data is not in a git repository, so there is no history; run 'git init' and commit the data folder")
        }
    }

    /// Writes the benchmark repository (1,000 commits, 100 activities) to
    /// $SAKERHET_HISTORY_REPO, for timing `sakerhet log` by hand; skipped without it.
    func testWriteBenchmarkRepository() throws {
        guard let path = ProcessInfo.processInfo.environment["SAKERHET_HISTORY_REPO"], !path.isEmpty else {
            throw XCTSkip("set SAKERHET_HISTORY_REPO=/some/new/folder to write the benchmark repository")
        }
        try HistoryFixture.makeRepository(at: path, commits: 1000, activities: 100)
        XCTAssertEqual(try GitHistory.read(folder: path + "/data", only: ["A12"]).revisions.count, 1000)
    }
}
