// Other programs the end-to-end tests use (git, bash, patch, recfix, setpriv), and small
// readers for the binary's machine formats (TSV, CSV, JSON, XML).

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// What one run of another program gave.
struct ToolResult {
    let exitCode: Int32
    let stdout: String
    let stderr: String
}

enum Tools {
    /// The program `name` on PATH, or nil.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// git without the user's or the system's configuration, so a test sees only what it
    /// sets in its own repository.
    static let gitEnvironment: [String: String?] = [
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": nil, "GIT_AUTHOR_EMAIL": nil, "GIT_COMMITTER_NAME": nil, "GIT_COMMITTER_EMAIL": nil,
        "GIT_DIR": nil, "GIT_WORK_TREE": nil, "GIT_INDEX_FILE": nil,
    ]
}

extension EndToEndCase {
    /// Runs program `name` (found on PATH) with `args` in `cwd`; throws if it is not installed.
    @discardableResult
    func tool(_ name: String, _ args: [String], in cwd: URL, env: [String: String?] = [:], input: [UInt8]? = nil) throws -> ToolResult {
        guard let program = Tools.find(name) else { throw TestError("\(name) is not installed; the test needs it") }
        let folder = try makeTempFolder()
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in env { environment[key] = value }
        let process = Process()
        process.executableURL = program
        process.arguments = args
        process.currentDirectoryURL = cwd
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = folder.appendingPathComponent("in")
            try Data(input).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ToolResult(exitCode: process.terminationStatus,
                          stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs git in `cwd` without global configuration and fails the test if git fails.
    @discardableResult
    func git(_ args: [String], in cwd: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let r = try tool("git", args, in: cwd, env: Tools.gitEnvironment)
        XCTAssertEqual(r.exitCode, 0, "git \(args.joined(separator: " ")): \(r.stderr)", file: file, line: line)
        return r.stdout
    }

    /// A copy of the shipped data in a new git repository with a local identity and one
    /// commit holding it. Returns the repository's folder.
    func gitRepoWithShippedData() throws -> URL {
        let root = try copyOfShippedData()
        try git(["init", "--quiet", "--initial-branch=main"], in: root)
        try git(["config", "user.name", "Enheten för säkerhet"], in: root)
        try git(["config", "user.email", "sbs@example.se"], in: root)
        try git(["config", "commit.gpgsign", "false"], in: root)
        try git(["add", "data"], in: root)
        try git(["commit", "--quiet", "-m", "Planen"], in: root)
        return root
    }

    /// The bytes of `path` under `root`.
    func bytes(_ root: URL, _ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    func text(_ root: URL, _ path: String) throws -> String {
        String(decoding: try bytes(root, path), as: UTF8.self)
    }

    /// Every data file except the lock file that a writer leaves behind (ignored by git).
    func dataSnapshot(_ root: URL) throws -> [String: [UInt8]] {
        try snapshot(root.appendingPathComponent("data")).filter { $0.key != ".sakerhet.lock" }
    }

    /// Asserts that no data file changed, apart from the lock file.
    func assertDataUnchanged(_ root: URL, since before: [String: [UInt8]], file: StaticString = #filePath, line: UInt = #line) throws {
        let after = try dataSnapshot(root)
        XCTAssertEqual(Set(after.keys), Set(before.keys), "files added or removed in data/", file: file, line: line)
        for (name, bytes) in before where after[name] != nil && after[name] != bytes {
            XCTFail("data/\(name) changed on disk", file: file, line: line)
        }
    }
}

// MARK: Machine formats

enum Formats {
    /// The rows of a TSV list (header first), split at tabs.
    static func tsv(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The first column of a TSV list without the header: the ids in order.
    static func ids(_ tsvText: String) -> [String] {
        Array(tsv(tsvText).dropFirst().map { $0.first ?? "" })
    }

    /// A `;`-separated CSV with `"` quoting (doubled inside) and CRLF line ends. Returns
    /// nil when a line does not end in CRLF or a quote is not closed.
    static func csv(_ text: String) -> [[String]]? {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, atStart = true
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && atStart {
                quoted = true; atStart = false
            } else if c == ";" {
                row.append(field); field = ""; atStart = true
            } else if c == "\r" {
                guard chars.first == "\n" else { return nil }
                chars.removeFirst()
                row.append(field); rows.append(row); row = []; field = ""; atStart = true
            } else if c == "\n" {
                return nil
            } else {
                field.unicodeScalars.append(c); atStart = false
            }
        }
        guard !quoted, row.isEmpty, field.isEmpty else { return nil }
        return rows
    }

    static func json(_ bytes: [UInt8]) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(bytes))
    }

    /// The error from parsing `text` as XML, or nil when it is well-formed.
    static func xmlError(_ text: String) -> String? {
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldResolveExternalEntities = false
        if parser.parse() { return nil }
        return "\(parser.parserError.map { String(describing: $0) } ?? "unknown") at line \(parser.lineNumber)"
    }

    static func xmlDocument(_ text: String) throws -> XMLDocument {
        try XMLDocument(data: Data(text.utf8), options: [])
    }
}
