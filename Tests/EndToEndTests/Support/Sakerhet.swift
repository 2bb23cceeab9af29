// End-to-end helpers: run the built `sakerhet` binary on temporary data folders.
//
// The binary: env SAKERHET_BIN if set, else `sakerhet` beside the running test bundle
// (the build's products folder). Build it first: `swift build` (or `swift test`, which
// builds every target).
//
// Golden files live in Tests/EndToEndTests/Golden/ and are compared byte for byte.
// To regenerate them, run with SAKERHET_UPDATE_GOLDEN=1: each golden test then writes its
// file and FAILS with "golden updated", so an update is never mistaken for a passing run.
// Run again without the variable and review `git diff Tests/EndToEndTests/Golden`.

import Foundation
import XCTest

/// What one run of the binary gave.
struct RunResult {
    let exitCode: Int32
    let stdout: String
    let stderr: String
    let stdoutBytes: [UInt8]

    /// Both streams, for checks that do not care where a message went.
    var output: String { stdout + stderr }
}

/// A run of the binary that has been started and not yet waited for.
struct Started {
    let process: Process
    let args: [String]
    let out: FileHandle
    let err: FileHandle
    let outURL: URL
    let errURL: URL
}

/// Paths of the repository, found from this source file.
enum Repo {
    /// Tests/EndToEndTests/Support/Sakerhet.swift → the repository root.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let shippedData = root.appendingPathComponent("data")
    static let goldenFolder = root.appendingPathComponent("Tests/EndToEndTests/Golden")
}

/// A failure in the test setup, with a message saying what to do.
struct TestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Binary {
    /// The `sakerhet` executable to test.
    static func url() throws -> URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SAKERHET_BIN"], !env.isEmpty {
            guard fm.isExecutableFile(atPath: env) else {
                throw TestError("SAKERHET_BIN=\(env) is not an executable file")
            }
            return URL(fileURLWithPath: env)
        }
        var folders: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let main = Bundle.main.bundleURL
        folders.append(main.pathExtension == "xctest" ? main.deletingLastPathComponent() : main)
        if let first = CommandLine.arguments.first {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        folders = folders.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        for folder in folders {
            let candidate = folder.appendingPathComponent("sakerhet")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let searched = folders.map(\.path).joined(separator: ", ")
        throw TestError("the sakerhet binary was not found in \(searched); run 'swift build' first or set SAKERHET_BIN")
    }
}

/// A base class that makes temporary folders (removed after each test) and runs the binary.
class EndToEndCase: XCTestCase {
    /// The as-of date the plan's version 2.0 was written at.
    static let planDate = "2024-11-04"

    /// A followups.rec for the shipped plan: follow-ups of a goal (M3.3), a sub-goal (D5)
    /// and an activity (A1); a tertial, a year and a day; an analysis of two lines; U2 `intern`.
    static let shippedFollowups = """
        id: U1
        record: M3.3
        period: 2024-T2
        assessment: delvis uppfyllt
        analysis: Två av fyra enheter klara
        + resten under hösten
        outcome: 62 %

        id: U2
        record: A1
        period: 2024-05-31
        assessment: grön
        classification: intern

        id: U3
        record: D5
        period: 2024
        assessment: ej uppfyllt
        analysis: Försenad efter omorganisationen

        """

    /// A new empty temporary folder, removed when the test ends.
    func makeTempFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sakerhet-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock {
            // Give back permissions a test may have taken away, then remove.
            if let items = FileManager.default.enumerator(atPath: url.path) {
                for case let item as String in items { chmod(url.appendingPathComponent(item).path, 0o755) }
            }
            try? FileManager.default.removeItem(at: url)
        }
        return url
    }

    /// A temporary folder holding `data/`, a copy of the shipped plan. Returns the
    /// temporary folder (the working directory for runs), not `data/` itself.
    func copyOfShippedData() throws -> URL {
        let root = try makeTempFolder()
        try FileManager.default.copyItem(at: Repo.shippedData, to: root.appendingPathComponent("data"))
        return root
    }

    /// A temporary folder holding `data/` with the given files (name → bytes).
    func folder(with files: [String: [UInt8]]) throws -> URL {
        let root = try makeTempFolder()
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: data.appendingPathComponent(name))
        }
        return root
    }

    /// Runs `sakerhet args` in `cwd` with NO_COLOR=1 and `env` added (a nil value removes a
    /// variable). Output goes to files, so large outputs cannot block the child.
    func run(_ args: [String], in cwd: URL, env: [String: String?] = [:]) throws -> RunResult {
        try finish(start(args, in: cwd, env: env))
    }

    /// Starts `sakerhet args` like `run` but does not wait; pass the result to `finish`.
    /// `launcher` (an absolute program path and its arguments) runs the binary through
    /// another program, e.g. setpriv to drop root.
    func start(_ args: [String], in cwd: URL, env: [String: String?] = [:], launcher: [String] = []) throws -> Started {
        let binary = try Binary.url()
        let outDir = try makeTempFolder()
        let outURL = outDir.appendingPathComponent("stdout"), errURL = outDir.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SAKERHET_UPDATE_GOLDEN"] = nil
        environment["SAKERHET_BIN"] = nil
        // Output is fitted to COLUMNS when set: a test asks for a width, never inherits one.
        environment["COLUMNS"] = nil
        for (key, value) in env { environment[key] = value }

        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [binary.path] + args
        } else {
            process.executableURL = binary
            process.arguments = args
        }
        process.currentDirectoryURL = cwd
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Started(process: process, args: args, out: out, err: err, outURL: outURL, errURL: errURL)
    }

    /// Waits for a started run and collects what it gave.
    func finish(_ started: Started) throws -> RunResult {
        started.process.waitUntilExit()
        try started.out.close()
        try started.err.close()
        let outBytes = [UInt8](try Data(contentsOf: started.outURL))
        let errBytes = [UInt8](try Data(contentsOf: started.errURL))
        XCTAssertEqual(started.process.terminationReason, .exit,
                       "sakerhet \(started.args.joined(separator: " ")) was killed by a signal (crash)")
        return RunResult(exitCode: started.process.terminationStatus,
                         stdout: String(decoding: outBytes, as: UTF8.self),
                         stderr: String(decoding: errBytes, as: UTF8.self),
                         stdoutBytes: outBytes)
    }

    // MARK: Files unchanged

    /// Every file under `folder` (relative path → bytes), and every folder name.
    func snapshot(_ folder: URL) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let fm = FileManager.default
        guard let items = fm.enumerator(atPath: folder.path) else { return result }
        for case let item as String in items {
            let path = folder.appendingPathComponent(item).path
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDir)
            if isDir.boolValue {
                result[item + "/"] = []
            } else if let handle = FileHandle(forReadingAtPath: path) {
                result[item] = [UInt8](handle.readDataToEndOfFile())
                try handle.close()
            } else {
                result[item] = Array("<unreadable>".utf8)
            }
        }
        return result
    }

    /// Asserts that no file under `folder` was changed, added or removed since `before`.
    func assertUnchanged(_ folder: URL, since before: [String: [UInt8]], file: StaticString = #filePath, line: UInt = #line) throws {
        let after = try snapshot(folder)
        XCTAssertEqual(Set(after.keys), Set(before.keys), "files added or removed in the data folder", file: file, line: line)
        for (name, bytes) in before where after[name] != nil && after[name] != bytes {
            XCTFail("\(name) changed on disk", file: file, line: line)
        }
    }

    // MARK: Golden files

    /// Compares `actual` with Golden/`name` byte for byte. With SAKERHET_UPDATE_GOLDEN=1 it
    /// writes the file and fails with "golden updated".
    func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Repo.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SAKERHET_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Repo.goldenFolder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            XCTFail("golden updated: \(url.path); run again without SAKERHET_UPDATE_GOLDEN and review the diff", file: file, line: line)
            return
        }
        guard let expectedData = FileManager.default.contents(atPath: url.path) else {
            XCTFail("golden file \(url.path) is missing; create it with SAKERHET_UPDATE_GOLDEN=1", file: file, line: line)
            return
        }
        let expected = String(decoding: expectedData, as: UTF8.self)
        guard expected != actual else { return }
        // Kept after the test, to diff by hand.
        let actualFolder = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-golden-actual")
        try FileManager.default.createDirectory(at: actualFolder, withIntermediateDirectories: true)
        let actualURL = actualFolder.appendingPathComponent(name)
        try Data(actual.utf8).write(to: actualURL)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        let expectedLine = first < e.count ? String(e[first]) : "<end of file>"
        let actualLine = first < a.count ? String(a[first]) : "<end of file>"
        XCTFail("""
            output differs from golden \(name) at line \(first + 1):
              expected: \(expectedLine)
              actual:   \(actualLine)
            (\(e.count) vs \(a.count) lines; actual output in \(actualURL.path); rerun with SAKERHET_UPDATE_GOLDEN=1 if the change is intended)
            """, file: file, line: line)
    }
}

// MARK: Text checks

/// The lines of `text` that start with `location` (e.g. "data/goals.rec:44:"), i.e. the
/// diagnostics for that place.
func lines(of text: String, at location: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(location) }
}
