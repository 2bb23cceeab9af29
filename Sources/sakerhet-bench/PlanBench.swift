import Foundation
import SakerhetCore

/// The rows "shipped plan in git": every command on the shipped `data/` inside a small git
/// repository whose history moves some deadlines, run from the repository's top (the data
/// folder found as `data/`, as a user runs it), each timed directly (`Platform.timedRun`:
/// no `time` or `timeout` process around it, which would add milliseconds to a 10 ms
/// command).
enum PlanBench {
    static let size = "shipped plan in git"

    static let footnote = "Shipped plan in git: each command started directly (posix_spawn, wait4) in the repository's top, "
        + "so no `time` or `timeout` start-up is counted; one untimed run first (through `timeout`); CPU from wait4, no peak RSS."

    /// The commands, as run (after `--as-of 2024-11-04`).
    static let commands: [[String]] = [
        ["audit"],
        ["report"], ["report", "--format", "markdown"], ["report", "--format", "html"], ["report", "--format", "json"],
        ["log"], ["log", "--slips"],
        ["activities", "list"], ["activities", "show", "A1"],
        ["goals", "list"], ["risks", "list"], ["findings", "list"],
        ["--version"],
    ]

    /// The deadlines the plan had when it was adopted (2023-11-20), moved to the shipped
    /// ones during 2024: so the report, the lists and `show` have baselines to show, and
    /// `log --slips` has slips.
    static let moves: [(id: String, before: String, after: String, date: String, reason: String)] = [
        ("A1", "2024-03", "2024-05", "2024-03-12", "Leverantören försenad"),
        ("A2", "2024-06", "2024-10", "2024-06-03", "Inväntar beslut i nämnden"),
        ("A12", "2024-09", "2024-11", "2024-09-16", "Ny upphandling av utbildningen"),
    ]

    /// The shipped plan's folder: `--plan DIR`, else `data/` beside the nearest
    /// `Package.swift` above the current folder or above this executable.
    static func findPlan(_ given: String?) -> String? {
        let fm = FileManager.default
        if let given { return fm.fileExists(atPath: given + "/config.rec") ? absolute(given) : nil }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [URL(fileURLWithPath: fm.currentDirectoryPath), exe] {
            var dir = start.standardizedFileURL
            while true {
                if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
                   fm.fileExists(atPath: dir.appendingPathComponent("data/config.rec").path) {
                    return dir.appendingPathComponent("data").path
                }
                let up = dir.deletingLastPathComponent()
                if up.path == dir.path { break }
                dir = up
            }
        }
        return nil
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Writes the repository at `repo`: four commits, the last of which holds the shipped
    /// files as they are, so the work tree is clean. One `git fast-import`.
    static func makeRepository(at repo: String, from plan: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: repo, withIntermediateDirectories: true)
        let initRun = try Git.run(["init", "-q"], in: repo)
        guard initRun.status == 0 else { throw RunError("git init failed: \(initRun.stderr)") }
        let names = try fm.contentsOfDirectory(atPath: plan).filter { $0.hasSuffix(".rec") }.sorted()
        var files: [String: String] = [:]
        for name in names { files[name] = try String(contentsOfFile: plan + "/" + name, encoding: .utf8) }
        guard let shipped = files["activities.rec"] else { throw RunError("\(plan) has no activities.rec") }

        // activities.rec after each commit, oldest first: the adopted plan, then one move each.
        var versions: [String] = []
        var text = shipped
        for move in moves.reversed() {
            text = try setDue(move.id, from: move.after, to: move.before, in: text)
            versions.insert(text, at: 0)
        }
        // versions[0] has every move undone; versions[k] undoes the moves after the k-th.
        var stream: [UInt8] = []
        func put(_ s: String) { stream.append(contentsOf: s.utf8) }
        func data(_ s: String) { put("data \(s.utf8.count)\n"); put(s); put("\n") }
        func commit(_ mark: Int, _ date: String, _ message: String, _ changed: [(String, String)]) {
            let when = Day(date)!.ordinal * 86_400 + 8 * 3600   // 09:00 +0100
            put("commit refs/heads/main\nmark :\(mark)\n")
            put("author Åsa Öberg <sakerhet@example.se> \(when) +0100\ncommitter Åsa Öberg <sakerhet@example.se> \(when) +0100\n")
            data(message)
            if mark > 1 { put("from :\(mark - 1)\n") }
            for (name, content) in changed { put("M 100644 inline data/\(name)\n"); data(content) }
            put("\n")
        }
        var first = files
        first["activities.rec"] = versions[0]
        commit(1, "2023-11-20", "Planen antagen av nämnden", first.sorted { $0.key < $1.key })
        for (k, move) in moves.enumerated() {
            let content = k + 1 < versions.count ? versions[k + 1] : shipped
            commit(k + 2, move.date, "\(move.id): due \(move.before) → \(move.after), \(move.reason)", [("activities.rec", content)])
        }
        let imported = try Git.run(["fast-import", "--quiet"], in: repo, input: stream)
        guard imported.status == 0 else { throw RunError("git fast-import failed: \(imported.stderr)") }
        for args in [["symbolic-ref", "HEAD", "refs/heads/main"], ["checkout", "-q", "-f", "main"]] {
            let r = try Git.run(args, in: repo)
            guard r.status == 0 else { throw RunError("git \(args[0]) failed: \(r.stderr)") }
        }
    }

    /// `text` with the `due` of record `id` changed from `old` to `new`.
    static func setDue(_ id: String, from old: String, to new: String, in text: String) throws -> String {
        var current = ""
        var done = false
        var lines = text.components(separatedBy: "\n")
        for i in lines.indices {
            if lines[i].hasPrefix("id: ") { current = String(lines[i].dropFirst(4)) }
            if current == id && lines[i] == "due: " + old && !done {
                lines[i] = "due: " + new
                done = true
            }
        }
        guard done else { throw RunError("the shipped activities.rec has no 'due: \(old)' in \(id); update PlanBench.moves") }
        return lines.joined(separator: "\n")
    }

    /// Times every command `runs` times after one untimed run through `runner` (which
    /// stops a command that hangs, and says why one fails).
    static func measure(binary: String, repo: String, runs: Int, runner: Runner, scratch: String,
                        log: (String) -> Void) -> [Bench.Row] {
        var rows: [Bench.Row] = []
        for command in commands {
            let args = command == ["--version"] ? command : ["--as-of", Bench.asOf] + command
            let ok: Set<Int32> = command == ["audit"] ? [0, 1] : [0]
            let label = "sakerhet " + command.joined(separator: " ")
            let warm = Runner(runs: 1, timeoutSeconds: runner.timeoutSeconds, scratch: scratch).measure(binary, args, cwd: repo, okStatus: ok)
            var result = Runner.Result()
            if warm.failed {
                result.note = warm.note
            } else {
                for _ in 0..<runs {
                    guard let r = Platform.timedRun(binary, args, in: repo, stdout: "/dev/null", stderr: scratch + "/stderr.txt"),
                          ok.contains(r.status) else {
                        result = Runner.Result()
                        result.note = "failed in a timed run"
                        break
                    }
                    result.seconds.append(r.seconds)
                    // No peak RSS: wait4 reports the parent's for a child started by vfork.
                    result.cpu.append(r.cpuSeconds)
                }
            }
            rows.append(Bench.Row(size: size, command: label, result: result, note: result.note))
            log("  \(label): " + (result.median.map { Format.fixed($0 * 1000, 1) + " ms" } ?? "–") + (result.note.map { " (\($0))" } ?? ""))
        }
        return rows
    }
}
