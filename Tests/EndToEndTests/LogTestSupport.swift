// Helpers for the `sakerhet log` end-to-end tests: temporary git repositories with commits
// at known dates by known authors, and a runner for the built binary. Named Log… so they
// cannot clash with the other end-to-end helpers.

import Foundation
import XCTest

/// What one run of the binary gave.
struct LogRunResult {
    let exitCode: Int32
    let stdout: String
    let stderr: String
}

/// A temporary folder holding a git repository (or not), removed when the test ends.
final class LogRepo {
    let root: URL
    var path: String { root.path }

    /// A new folder; with `git`, a repository on branch `main`.
    init(_ test: XCTestCase, git: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let url = root
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        if git { try run(["init", "-q", "-b", "main"]) }
    }

    /// Writes `text` to `file` (relative to the root), creating folders.
    func write(_ file: String, _ text: String) throws {
        let url = root.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Stages everything and commits as `author` at `date` (`2024-03-01`, 10:00 +01:00);
    /// `authored` gives the commit an author date of its own (as `git commit --date` or a
    /// rebase does), the committer date staying `date`.
    func commit(_ message: String, by author: String = "Åsa Öberg", on date: String, authored: String? = nil) throws {
        try run(["add", "-A"])
        try run(["commit", "-q", "-m", message], author: author, date: date, authored: authored)
    }

    /// Runs git in the repository with a fixed identity and no user or system config.
    @discardableResult
    func run(_ args: [String], author: String = "Åsa Öberg", date: String = "2024-01-01", authored: String? = nil,
             in dir: URL? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"] + args
        p.currentDirectoryURL = dir ?? root
        var env = ProcessInfo.processInfo.environment
        let time = date + "T10:00:00+01:00"
        env["GIT_AUTHOR_NAME"] = author
        env["GIT_AUTHOR_EMAIL"] = "sakerhet@example.se"
        env["GIT_COMMITTER_NAME"] = author
        env["GIT_COMMITTER_EMAIL"] = "sakerhet@example.se"
        env["GIT_AUTHOR_DATE"] = authored.map { $0 + "T10:00:00+01:00" } ?? time
        env["GIT_COMMITTER_DATE"] = time
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw LogTestError("git \(args.joined(separator: " ")) failed: \(String(decoding: errData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The abbreviated hash of `rev`, as `log` prints it.
    func short(_ rev: String) throws -> String { try run(["rev-parse", "--short=7", rev]) }
}

struct LogTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum LogBinary {
    /// The `sakerhet` executable: env SAKERHET_BIN, else beside the test bundle.
    static func url() throws -> URL {
        if let env = ProcessInfo.processInfo.environment["SAKERHET_BIN"], !env.isEmpty { return URL(fileURLWithPath: env) }
        var folders: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first { folders.append(URL(fileURLWithPath: first).deletingLastPathComponent()) }
        for folder in folders {
            let candidate = folder.appendingPathComponent("sakerhet")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw LogTestError("the sakerhet binary was not found; run 'swift build' first or set SAKERHET_BIN")
    }

    /// Runs `sakerhet args` in `dir` with NO_COLOR and `env` added; output goes to files.
    static func run(_ args: [String], in dir: URL, env: [String: String] = [:]) throws -> LogRunResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-log-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = try url()
        p.arguments = args
        p.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = out
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        XCTAssertEqual(p.terminationReason, .exit, "sakerhet \(args.joined(separator: " ")) crashed")
        return LogRunResult(exitCode: p.terminationStatus,
                            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Record text for the log tests: small real records from the 2024 plan.
enum LogPlan {
    static let owners = """
        id: sbs
        name: Enheten för säkerhet, beredskap och systemförvaltning
        kind: enhet

        """

    static let goals = """
        id: D2
        title: Upprätta en förvaltningsgemensam plan för kontinuitetshantering
        owner: sbs
        due: 2024-12
        status: pågår

        """

    static func a1(status: String = "pågår") -> String {
        """
        id: A1
        title: Skapa en övergripande kontinuitetsplan och presentera för FLG
        goal: D2
        owner: sbs
        due: 2024-10
        status: \(status)

        """
    }

    static func a12(due: String, reason: String? = nil, note: String? = nil) -> String {
        var s = """
            id: A12
            title: Genomföra informationssäkerhetsutbildning för chefer
            goal: D2
            owner: sbs
            due: \(due)
            status: pågår

            """
        if let reason { s += "reason: \(reason)\n" }
        if let note { s += "note: \(note)\n" }
        return s
    }

    static func activities(_ records: String...) -> String { records.joined(separator: "\n") }
}

extension LogRepo {
    /// Runs the built `sakerhet` on the repository's `data/` and checks its exit code;
    /// returns what it wrote to standard output.
    @discardableResult
    func sakerhet(_ args: [String], code: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try LogBinary.run(args + ["--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, code, "\(args): \(r.stderr)", file: file, line: line)
        return r.stdout
    }
}
