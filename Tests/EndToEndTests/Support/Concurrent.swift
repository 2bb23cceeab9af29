// Runs many argument lists of the binary side by side, each with a time limit, for tests
// that try the command line broadly (ArgumentPropertyTests) or must not hang.

import Foundation
import XCTest

/// What one run gave, or that it was stopped.
struct TimedRun {
    let args: [String]
    let exitCode: Int32
    /// Ended by a signal (a crash): `exitCode` is then the signal number.
    let signalled: Bool
    /// Still running at the time limit, and killed.
    let timedOut: Bool
    let seconds: Double
    /// The size of standard output, in bytes.
    let stdoutSize: Int
    /// The first 64 KiB of each stream.
    let stdout: String
    let stderr: String

    /// One line for a failure message, the arguments shortened.
    var summary: String {
        let shown = args.map { a -> String in
            let s = a.count > 40 ? String(a.prefix(20)) + "…(\(a.count) chars)" : a
            return "'" + s.replacingOccurrences(of: "\n", with: "\\n") + "'"
        }
        let how = timedOut ? "timed out" : signalled ? "killed by signal \(exitCode)" : "exit \(exitCode)"
        return "sakerhet \(shown.joined(separator: " ")): \(how) after \(String(format: "%.1f", seconds)) s; stderr: \(stderr.prefix(300))"
    }
}

extension EndToEndCase {
    /// Runs each of `runs` in `cwd`, `width` at a time, with NO_COLOR=1 and `env`. A run still
    /// going after `timeout` seconds is killed and marked `timedOut`. Results in input order.
    func runConcurrently(_ runs: [[String]], in cwd: URL, width: Int = 6, timeout: TimeInterval = 10,
                         env: [String: String?] = [:]) throws -> [TimedRun] {
        let binary = try Binary.url()
        let outDir = try makeTempFolder()
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["SAKERHET_UPDATE_GOLDEN"] = nil
        environment["SAKERHET_BIN"] = nil
        for (key, value) in env { environment[key] = value }

        struct Running {
            let index: Int
            let process: Process
            let out: FileHandle
            let err: FileHandle
            let started: Date
            var killed = false
        }
        var results = [TimedRun?](repeating: nil, count: runs.count)
        var next = 0
        var running: [Running] = []
        func read(_ url: URL) -> String {
            guard let h = try? FileHandle(forReadingFrom: url) else { return "" }
            defer { try? h.close() }
            let data = (try? h.read(upToCount: 65_536)) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        while next < runs.count || !running.isEmpty {
            while next < runs.count && running.count < width {
                let outURL = outDir.appendingPathComponent("\(next).out"), errURL = outDir.appendingPathComponent("\(next).err")
                _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
                _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
                let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
                let p = Process()
                p.executableURL = binary
                p.arguments = runs[next]
                p.currentDirectoryURL = cwd
                p.environment = environment
                p.standardInput = FileHandle.nullDevice
                p.standardOutput = out
                p.standardError = err
                try p.run()
                running.append(Running(index: next, process: p, out: out, err: err, started: Date()))
                next += 1
            }
            usleep(2_000)
            var still: [Running] = []
            for var r in running {
                let elapsed = Date().timeIntervalSince(r.started)
                if r.process.isRunning {
                    if elapsed > timeout && !r.killed {
                        kill(r.process.processIdentifier, SIGKILL)
                        r.killed = true
                    }
                    still.append(r)
                    continue
                }
                r.process.waitUntilExit()
                try? r.out.close()
                try? r.err.close()
                let outURL = outDir.appendingPathComponent("\(r.index).out"), errURL = outDir.appendingPathComponent("\(r.index).err")
                results[r.index] = TimedRun(args: runs[r.index], exitCode: r.process.terminationStatus,
                                            signalled: r.process.terminationReason == .uncaughtSignal && !r.killed,
                                            timedOut: r.killed, seconds: elapsed,
                                            stdoutSize: (try? FileManager.default.attributesOfItem(atPath: outURL.path)[.size] as? Int) ?? 0,
                                            stdout: read(outURL), stderr: read(errURL))
                try? FileManager.default.removeItem(at: outURL)
                try? FileManager.default.removeItem(at: errURL)
            }
            running = still
        }
        return results.map { $0! }
    }
}
