import Foundation

/// Runs the `git` executable. The only place, with `Store`, that leaves the process.
public enum Git {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: [UInt8]
        public let stderr: String
        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `git ARGS` in `directory` and collects its output. Throws only when git cannot start.
    public static func run(_ args: [String], in directory: String, input: [UInt8]? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        env["GIT_PAGER"] = "cat"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let inPipe = input.map { _ in Pipe() }
        p.standardInput = inPipe ?? FileHandle.nullDevice
        do { try p.run() } catch {
            throw StoreError(sv: "kan inte starta git: \(error.localizedDescription); installera git",
                             en: "cannot start git: \(error.localizedDescription); install git")
        }
        // Read both pipes concurrently so that neither fills up.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let inPipe, let input {
            DispatchQueue.global().async {
                inPipe.fileHandleForWriting.write(Data(input))
                try? inPipe.fileHandleForWriting.close()
            }
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        group.wait()
        return Result(status: p.terminationStatus, stdout: [UInt8](outData), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The top of the work tree that holds `directory`, or nil outside a repository.
    public static func topLevel(of directory: String) -> String? {
        guard let r = try? run(["rev-parse", "--show-toplevel"], in: directory), r.status == 0 else { return nil }
        let s = r.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    /// Commits exactly `file` (other staged changes stay staged and out of the commit),
    /// with the user's git identity.
    public static func commit(file: String, message: String) throws {
        let dir = (file as NSString).deletingLastPathComponent
        guard topLevel(of: dir.isEmpty ? "." : dir) != nil else {
            throw StoreError(sv: "--commit: \(dir.isEmpty ? "." : dir) ligger inte i ett git-förråd; kör 'git init' eller utelämna --commit",
                             en: "--commit: \(dir.isEmpty ? "." : dir) is not in a git repository; run 'git init' or leave out --commit")
        }
        let name = (file as NSString).lastPathComponent
        let add = try run(["add", "--", name], in: dir.isEmpty ? "." : dir)
        guard add.status == 0 else {
            throw StoreError(sv: "git add misslyckades: \(add.stderr)", en: "git add failed: \(add.stderr)")
        }
        let c = try run(["commit", "--quiet", "-m", message, "--", name], in: dir.isEmpty ? "." : dir)
        guard c.status == 0 else {
            throw StoreError(sv: "git commit misslyckades (ändringen är sparad men inte incheckad): \(c.stderr.trimmingCharacters(in: .whitespacesAndNewlines))",
                             en: "git commit failed (the change is saved but not committed): \(c.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
