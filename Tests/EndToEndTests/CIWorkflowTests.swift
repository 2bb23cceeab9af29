// The CI files in docs/ci/ as a municipality would use them: every `sakerhet` command in
// the GitHub and GitLab workflows runs against a temporary repository with the plan, and
// the pre-commit hook blocks a personnummer but not a passed deadline.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class CIWorkflowTests: XCTestCase {
    private static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A folder holding only a `sakerhet` link to the built binary, for PATH.
    private func binFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("sakerhet"), withDestinationURL: LogBinary.url())
        return dir
    }

    private func planRepo() throws -> LogRepo {
        let repo = try LogRepo(self)
        try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent("data"), to: repo.root.appendingPathComponent("data"))
        try repo.commit("Planen", on: "2024-02-13")
        return repo
    }

    /// The `sakerhet …` commands of a workflow file, comments removed.
    private func commands(_ file: String) throws -> [String] {
        let text = try String(contentsOf: Self.repoRoot.appendingPathComponent("docs/ci/" + file), encoding: .utf8)
        return text.split(separator: "\n").compactMap { raw in
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("- ") { line.removeFirst(2) }
            guard line.hasPrefix("sakerhet ") else { return nil }
            if let hash = line.range(of: " #") { line = String(line[..<hash.lowerBound]) }
            return line.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Runs `command` with bash in `dir`, the built binary first on PATH.
    private func shell(_ command: String, in dir: URL, bin: URL, env extra: [String: String] = [:]) throws -> LogRunResult {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = bin.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["NO_COLOR"] = "1"
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return LogRunResult(exitCode: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func testGitHubWorkflowCommandsRun() throws {
        let cmds = try commands("github-actions.yml")
        XCTAssertTrue(cmds.contains("sakerhet audit --format github"), "\(cmds)")
        let repo = try planRepo(), bin = try binFolder()
        for c in cmds {
            let r = try shell(c, in: repo.root, bin: bin)
            if c.contains("report") {
                XCTAssertEqual(r.exitCode, 0, "\(c): \(r.stderr)")
            } else {
                // The shipped plan has overdue work today: the audit that fails the job exits 1.
                XCTAssertTrue([0, 1].contains(r.exitCode), "\(c) exited \(r.exitCode): \(r.stderr)")
            }
            if c.contains("--format github") {
                XCTAssertTrue(r.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::") }, r.stdout)
                XCTAssertTrue(r.stdout.contains("::error file=data/"), r.stdout)
            }
        }
        let html = try Data(contentsOf: repo.root.appendingPathComponent("uppfoljning.html"))
        XCTAssertTrue(XMLParser(data: html).parse())
        XCTAssertTrue(String(decoding: html, as: UTF8.self).contains("<h2>Revisionshistorik</h2>"), "the report reads the history")
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(contentsOf: repo.root.appendingPathComponent("uppfoljning.json"))))
    }

    func testGitLabWorkflowCommandsRun() throws {
        let cmds = try commands("gitlab-ci.yml")
        XCTAssertTrue(cmds.contains { $0.contains("--format gitlab") } && cmds.contains { $0.contains("--format junit") }, "\(cmds)")
        let repo = try planRepo(), bin = try binFolder()
        for c in cmds {
            let r = try shell(c, in: repo.root, bin: bin)
            XCTAssertTrue(c.contains("report") ? r.exitCode == 0 : [0, 1].contains(r.exitCode), "\(c) exited \(r.exitCode): \(r.stderr)")
        }
        let quality = try JSONSerialization.jsonObject(with: Data(contentsOf: repo.root.appendingPathComponent("gl-code-quality-report.json")))
        XCTAssertFalse(try XCTUnwrap(quality as? [[String: Any]]).isEmpty)
        XCTAssertTrue(XMLParser(data: try Data(contentsOf: repo.root.appendingPathComponent("audit-junit.xml"))).parse())
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.root.appendingPathComponent("uppfoljning.html").path))
    }

    /// Installs docs/ci/pre-commit in a repository with the plan, as docs/ci.md says.
    private func repoWithHook() throws -> (LogRepo, URL) {
        let repo = try planRepo(), bin = try binFolder()
        let hook = repo.root.appendingPathComponent(".git/hooks/pre-commit")
        try FileManager.default.copyItem(at: Self.repoRoot.appendingPathComponent("docs/ci/pre-commit"), to: hook)
        XCTAssertEqual(chmod(hook.path, 0o755), 0)
        return (repo, bin)
    }

    func testPreCommitBlocksAPersonnummer() throws {
        let (repo, bin) = try repoWithHook()
        let file = repo.root.appendingPathComponent("data/activities.rec")
        let before = try String(contentsOf: file, encoding: .utf8)
        // 19121212-1212 is Skatteverket's well-known test number and passes Luhn.
        try (before + "\n# Kontakt: 19121212-1212\n").write(to: file, atomically: false, encoding: .utf8)
        let r = try shell("git add data && git -c user.name=Test -c user.email=t@example.se -c commit.gpgsign=false commit -q -m 'Kontakt'",
                          in: repo.root, bin: bin)
        XCTAssertNotEqual(r.exitCode, 0, "the commit went through: \(r.stdout)")
        XCTAssertTrue(r.stderr.contains("personnummer"), r.stderr)
        XCTAssertTrue(r.stderr.contains("data/activities.rec:"), r.stderr)
        XCTAssertEqual(try repo.run(["rev-list", "--count", "HEAD"]), "1", "a commit was made")
    }

    func testPreCommitLetsThroughACommitAfterADeadlinePassed() throws {
        let (repo, bin) = try repoWithHook()
        // Today the shipped plan has overdue activities: audit without --no-time fails.
        XCTAssertEqual(try shell("sakerhet audit", in: repo.root, bin: bin).exitCode, 1)
        let r = try shell("sakerhet activities set A14 note='Övning genomförd med FLG' && git add data && git -c user.name=Test -c user.email=t@example.se -c commit.gpgsign=false commit -q -m 'A14: not'",
                          in: repo.root, bin: bin)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(try repo.run(["rev-list", "--count", "HEAD"]), "2")
    }
}
