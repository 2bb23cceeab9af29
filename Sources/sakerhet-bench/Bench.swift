import Foundation
import SakerhetCore

/// `sakerhet-bench run`: generates the folders, times `sakerhet` and its peers on them and
/// prints a Markdown table. Commands that the binary does not have yet (issues 3–5) are
/// detected from `sakerhet help` and skipped with a note.
struct Bench {
    var sizes: [Int] = [10_000, 100_000]
    var bin: String?
    var build = true
    var runs = 5
    var timeout = 120
    var work: String?
    var keep = false
    var peers = true
    var historyCommits = 1000
    var historyActivities = 100
    var output: String?
    /// `--rollup 290x2000`: many plans against one folder of as many records (`RollupBench`).
    var rollup: RollupBench?
    /// `--only-rollup`: the rollup case alone, without the sizes and the history.
    var onlyRollup = false
    /// `--plan DIR`: the shipped plan for the rows "shipped plan in git" (default: `data/`
    /// of this package); `--plan-runs`: how many timed runs each of its commands gets.
    var plan: String?
    var planRuns = 15

    static let asOf = "2024-11-04"

    struct Row {
        let size: String
        let command: String
        let result: Runner.Result
        let note: String?
    }

    func run() throws -> Int32 {
        let fm = FileManager.default
        let binary = try resolveBinary()
        let dir = work ?? (NSTemporaryDirectory() + "sakerhet-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if !keep && work == nil { try? fm.removeItem(atPath: dir) } }
        let runner = Runner(runs: runs, timeoutSeconds: timeout, scratch: dir)

        let help = Runner.capture(binary, ["help"]).1
        let commands = Set(help.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        })
        let reportHelp = Runner.capture(binary, ["report", "--help"]).1
        let hasHTML = reportHelp.contains("html")
        let python = Runner.which("python3")
        let hasYAML = python.map { Runner.capture($0, ["-c", "import yaml; yaml.CLoader"]).0 == 0 } ?? false
        let recfix = Runner.which("recfix")

        var rows: [Row] = []
        var notes: [String] = []
        // The bytes of each size's `.rec` files, for audit's peak memory against the data.
        var dataBytes: [String: Int] = [:]
        log("sakerhet: \(binary)")
        log("work folder: \(dir)")
        // What starting any process costs here, through Foundation.Process, time and timeout.
        if let t = Runner.which("true") {
            let r = runner.measure(t, [])
            rows.append(Row(size: "–", command: "true (process start only)", result: r, note: r.note))
        }

        for n in onlyRollup ? [] : sizes {
            let size = Format.thousands(n)
            let data = dir + "/data-\(n)"
            let yaml = dir + "/data-\(n).yaml"
            log("generating \(size) activities in \(data) …")
            var generator = Generator(activities: n)
            try? fm.removeItem(atPath: data)
            try generator.write(to: data, yamlPath: yaml)
            dataBytes[size] = Bench.recBytes(in: data)
            let common = ["--data", data, "--as-of", Bench.asOf]

            func add(_ command: String, _ result: Runner.Result, note: String? = nil) {
                rows.append(Row(size: size, command: command, result: result, note: note ?? result.note))
                let m = result.median.map { Format.seconds($0) + " s" } ?? "–"
                log("  \(command): \(m)" + ((note ?? result.note).map { " (\($0))" } ?? ""))
            }

            // The generator has just written the files and freed the memory it used: their
            // pages may still be on their way to disk, and the first command after them
            // measured up to 30 % slower than the same command run again. Written out
            // (`sync`) and read once untimed, so the first timed command meets the machine
            // the others meet.
            if let sync = Runner.which("sync") { _ = Runner.capture(sync, []) }
            _ = Runner(runs: 1, timeoutSeconds: timeout, scratch: dir).measure(binary, common + ["audit"], okStatus: [0, 1])
            add("sakerhet audit", runner.measure(binary, common + ["audit"], okStatus: [0, 1]))
            add("sakerhet report", runner.measure(binary, common + ["report"]))
            if hasHTML {
                add("sakerhet report --format html", runner.measure(binary, common + ["report", "--format", "html"]))
            } else if n == sizes.first {
                notes.append("`report --format html` skipped: `sakerhet report --help` does not offer html yet (issue 4).")
            }
            if commands.contains("activities") {
                add("sakerhet activities list --overdue", runner.measure(binary, common + ["activities", "list", "--overdue"]))
                let id = "A\(max(1, n / 2))"
                add("sakerhet activities set \(id) note=…",
                    runner.measure(binary, argsFor: { common + ["activities", "set", id, "note=Mätning \($0 + 1)"] }))
            } else if n == sizes.first {
                notes.append("`activities set` and `activities list --overdue` skipped: `sakerhet help` has no `activities` command yet (issue 3).")
            }
            if commands.contains("import") && n == sizes.first {
                add("sakerhet import (10,000-row .xlsx)", try ImportWorkbook.measure(runner, binary: binary, dir: dir, runs: runs))
            }
            if peers {
                // The floor: reading the same bytes and nothing else (issue 13 compares audit with it).
                let recFiles = ((try? fm.contentsOfDirectory(atPath: data)) ?? []).filter { $0.hasSuffix(".rec") }.sorted().map { data + "/" + $0 }
                if let cat = Runner.which("cat"), !recFiles.isEmpty {
                    add("cat *.rec (the same bytes, read only)", runner.measure(cat, recFiles))
                }
                if let python, hasYAML {
                    let script = "import sys, time, yaml\nt = time.perf_counter()\ndocs = yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CLoader)\nt = time.perf_counter() - t\nprint(len(docs))\nprint(t)\n"
                    add("PyYAML CLoader, load only", runner.measure(python, ["-c", script, yaml], innerTime: true))
                } else if n == sizes.first {
                    notes.append("PyYAML skipped: `python3 -c 'import yaml; yaml.CLoader'` failed (install python3-yaml with libyaml).")
                }
                if let recfix {
                    add("recfix --check activities.rec", runner.measure(recfix, ["--check", data + "/activities.rec"]))
                } else if n == sizes.first {
                    notes.append("recfix skipped: not installed (`apt-get install -y recutils`).")
                }
            } else if n == sizes.first {
                notes.append("Peers (PyYAML, recfix) not run: --no-peers.")
            }
            if !keep { try? fm.removeItem(atPath: yaml) }
        }

        var rollupText = ""
        if let rollup {
            let outcome = try rollup.run(binary: binary, dir: dir, runner: runner, log: log)
            rows += outcome.rows
            rollupText = outcome.text
        }

        if onlyRollup {
        } else if commands.contains("log") {
            let repo = dir + "/history"
            log("generating a git repository of \(historyCommits) commits (\(historyActivities) activities) …")
            try HistoryFixture.makeRepository(at: repo, commits: historyCommits, activities: historyActivities)
            let size = "\(Format.thousands(historyCommits)) commits"
            for args in [["log", "A12"], ["log", "--slips"]] {
                let r = runner.measure(binary, ["--data", repo + "/data", "--as-of", Bench.asOf] + args, cwd: repo)
                rows.append(Row(size: size, command: "sakerhet " + args.joined(separator: " "), result: r, note: r.note))
                log("  sakerhet \(args.joined(separator: " ")): " + (r.median.map { Format.seconds($0) + " s" } ?? "–"))
            }
        } else {
            notes.append("`log A12` and `log --slips` skipped: `sakerhet help` has no `log` command yet (issue 5).")
        }

        if onlyRollup {
        } else if let shipped = PlanBench.findPlan(plan) {
            let repo = dir + "/plan"
            try? fm.removeItem(atPath: repo)
            log("shipped plan \(shipped) in a git repository of \(PlanBench.moves.count + 1) commits, \(planRuns) runs each …")
            try PlanBench.makeRepository(at: repo, from: shipped)
            rows += PlanBench.measure(binary: binary, repo: repo, runs: planRuns, runner: runner, scratch: dir, log: log)
        } else {
            notes.append("Shipped plan rows skipped: no `data/` beside `Package.swift` above the current folder; give `--plan DIR`.")
        }

        var text = table(rows) + "\n"
        text += ratios(rows)
        text += Bench.growth(rows, sizes: onlyRollup ? [] : sizes, dataBytes: dataBytes)
        text += rollupText
        if !notes.isEmpty { text += "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n" }
        text += "\nMedian and fastest of up to \(runs) runs, wall clock, process start included (after the data is "
            + "written: `sync` and one untimed `audit`); PyYAML timed inside "
            + "Python, interpreter start excluded. CPU: median user + system time of the whole process (for PyYAML "
            + "with interpreter start). CPU time and peak RSS from \(runner.rssSource).\n"
        if rows.contains(where: { $0.size == PlanBench.size }) { text += "\n" + PlanBench.footnote + "\n" }
        print("\n" + text, terminator: "")
        if let output { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) }
        // A peer that times out is a finding, not a failure; a sakerhet command that fails is.
        return rows.contains { $0.result.failed && $0.command.hasPrefix("sakerhet") } ? 1 : 0
    }

    private func table(_ rows: [Row]) -> String {
        var out = "| N | Command | Median (s) | Min (s) | CPU (s) | Peak RSS (MB) | Runs | Note |\n"
        out += "|--:|---|--:|--:|--:|--:|--:|---|\n"
        for r in rows {
            let median = r.result.median.map(Format.seconds) ?? "–"
            let min = r.result.min.map(Format.seconds) ?? "–"
            let rss = r.result.maxRSS.map(Format.mb) ?? "–"
            let cpu = r.result.medianCPU.map(Format.seconds) ?? "–"
            let cells: [String] = [r.size, "`" + r.command + "`", median, min, cpu, rss, String(r.result.seconds.count), r.note ?? ""]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// "PyYAML load / audit" per size: how many times faster the whole audit is than the load.
    private func ratios(_ rows: [Row]) -> String {
        var out = ""
        var sizes: [String] = []
        for r in rows where !sizes.contains(r.size) { sizes.append(r.size) }
        for size in sizes {
            let inSize = rows.filter { $0.size == size }
            guard let audit = inSize.first(where: { $0.command == "sakerhet audit" })?.result.median,
                  let yaml = inSize.first(where: { $0.command.hasPrefix("PyYAML") })?.result.median else { continue }
            let line = "- N = \(size): audit \(Format.seconds(audit)) s, PyYAML load \(Format.seconds(yaml)) s: "
            out += line + "audit is \(Format.fixed(yaml / audit, 1))× faster than the PyYAML load"
            if let cat = inSize.first(where: { $0.command.hasPrefix("cat ") })?.result.median, cat > 0 {
                out += "; it takes \(Format.fixed(audit / cat, 1))× the time of `cat` of the same bytes (\(Format.seconds(cat)) s)"
            }
            out += ".\n"
        }
        return out
    }

    /// The size of the `.rec` files in `folder`, in bytes.
    static func recBytes(in folder: String) -> Int {
        let fm = FileManager.default
        return ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".rec") }.reduce(0) { sum, name in
            sum + (((try? fm.attributesOfItem(atPath: folder + "/" + name))?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    /// Issue 13's memory and scale targets, from the same run: for each size, `audit`'s peak
    /// resident memory against the bytes of the `.rec` files it read (at most 3× at
    /// 1,000,000 activities; at small sizes the process's own memory weighs more); from
    /// one size to the next, how many times the time and the memory grew against the
    /// number of activities (linear: the same factor, or less).
    static func growth(_ rows: [Row], sizes: [Int], dataBytes: [String: Int]) -> String {
        var out = ""
        var before: (n: Int, seconds: Double, kb: Int)?
        for n in sizes {
            let size = Format.thousands(n)
            guard let audit = rows.first(where: { $0.size == size && $0.command == "sakerhet audit" })?.result,
                  let seconds = audit.median, let kb = audit.maxRSS else { before = nil; continue }
            if let bytes = dataBytes[size], bytes > 0 {
                let ratio = Double(kb) * 1024 / Double(bytes)
                out += "- N = \(size): audit's peak RSS \(Format.mb(kb)) MB for \(Format.mb(bytes / 1024)) MB of `.rec` files: "
                    + "\(Format.fixed(ratio, 2))× the data" + (n >= 1_000_000 ? " (target at most 3×)" : "") + ".\n"
            }
            if let b = before, b.seconds > 0, b.kb > 0 {
                out += "- N = \(Format.thousands(b.n)) → \(size) (\(Format.fixed(Double(n) / Double(b.n), 1))× the activities): "
                    + "audit's median time \(Format.fixed(seconds / b.seconds, 1))×, its peak RSS \(Format.fixed(Double(kb) / Double(b.kb), 1))×.\n"
            }
            before = (n, seconds, kb)
        }
        return out
    }

    /// `--bin`, or the release `sakerhet` beside this executable, built first so that it is
    /// never stale.
    private func resolveBinary() throws -> String {
        if let bin {
            guard FileManager.default.isExecutableFile(atPath: bin) else { throw RunError("--bin \(bin) is not an executable file") }
            // Absolute: the log and plan rows run the binary in another folder.
            return PlanBench.absolute(bin)
        }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binDir = exe.deletingLastPathComponent()
        let candidate = binDir.appendingPathComponent("sakerhet").path
        if build {
            // <scratch>/<triple>/<config>/sakerhet-bench
            let scratch = binDir.deletingLastPathComponent().deletingLastPathComponent()
            var root = scratch.deletingLastPathComponent()
            while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
                let up = root.deletingLastPathComponent()
                if up.path == root.path { throw RunError("cannot find Package.swift above \(scratch.path); give --bin PATH") }
                root = up
            }
            guard let swift = Runner.which("swift") else { throw RunError("swift not on PATH; give --bin PATH") }
            let config = binDir.lastPathComponent == "debug" ? "debug" : "release"
            if config == "debug" { log("warning: sakerhet-bench is a debug build; timing a debug sakerhet. Use -c release.") }
            log("building sakerhet (\(config)) …")
            let (status, out) = Runner.capture(swift, ["build", "-c", config, "--product", "sakerhet", "--scratch-path", scratch.path],
                                               cwd: root.path)
            guard status == 0 else { throw RunError("swift build failed:\n\(out)") }
        }
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            throw RunError("no sakerhet binary at \(candidate); run 'swift build -c release' or give --bin PATH")
        }
        return candidate
    }

    private func log(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}

extension Runner {
    /// As `measure`, with arguments that change from run to run (for commands that write).
    func measure(_ executable: String, argsFor: (Int) -> [String], okStatus: Set<Int32> = [0]) -> Result {
        var total = Result()
        for run in 0..<runs {
            let one = Runner(runs: 1, timeoutSeconds: timeoutSeconds, scratch: scratch)
                .measure(executable, argsFor(run), okStatus: okStatus)
            total.seconds += one.seconds
            total.rssKB += one.rssKB
            total.cpu += one.cpu
            if one.failed || one.note != nil { total.note = one.note; break }
        }
        return total
    }
}
