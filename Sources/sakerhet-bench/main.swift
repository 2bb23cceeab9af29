import Foundation
import SakerhetCore

let usage = """
    sakerhet-bench – synthetic data and timings for sakerhet (see docs/performance.md)

    Usage:
      sakerhet-bench generate DIR --activities N [--seed S] [--yaml FILE]
          Writes a valid data folder of N activities (N/10 goals, N/20 risks, N/50 findings,
          about 50 owners, 10 areas) and the same records as YAML (default DIR.yaml), then
          checks it with the core: only overdue, due-soon, review, goal-children and
          unowned-finding findings are expected.
      sakerhet-bench run [--sizes 10000,100000] [--bin PATH] [--runs 5] [--timeout SEC]
                         [--work DIR] [--keep] [--no-build] [--no-peers] [--history-commits 1000] [-o FILE]
                         [--rollup 290x2000 [--only-rollup]] [--plan DIR] [--plan-runs 15]
          Times audit, report, the record commands and log (when the binary has them),
          PyYAML's C loader and recfix --check (unless --no-peers); prints a Markdown table,
          audit against the peers, audit's peak memory against the data's bytes, and how
          its time and memory grow from one size to the next (--sizes 100000,1000000).
          Also every command on the shipped plan (--plan, default data/ of this package)
          in a small git repository whose history moves some deadlines ("shipped plan in git").
          With --rollup, also report --format html and audit over that many plans against
          one folder of the same records (docs/rollup.md); --work keeps the folders for reuse.
      sakerhet-bench profile DIR [--as-of 2024-11-04] [--runs 3] [--report text|markdown|html|json | --list]
          Times the stages of audit inside one process: read, parse, data set, each check;
          with --report, the stages of that report: load, make, render, write;
          with --list, those of activities list --overdue: read, parse, list, render.
      sakerhet-bench load DIR [--runs 10]
          Only parses the folder and builds the data set; the fastest run's wall-clock time.
      sakerhet-bench history DIR [--commits 1000] [--activities 100]
          Writes a git repository whose data/ has that many commits, for timing log.

    """

struct Options {
    var positional: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ args: ArraySlice<String>, flags known: Set<String>) throws {
        var i = args.startIndex
        while i < args.endIndex {
            let a = args[i]
            if known.contains(a) {
                flags.insert(a)
            } else if a.hasPrefix("-") {
                guard i + 1 < args.endIndex else { throw RunError("\(a) needs a value") }
                values[a] = args[i + 1]
                i += 1
            } else {
                positional.append(a)
            }
            i += 1
        }
    }

    func int(_ name: String, _ fallback: Int) throws -> Int {
        guard let v = values[name] else { return fallback }
        guard let n = Int(v.replacingOccurrences(of: "_", with: "")), n > 0 else { throw RunError("\(name) takes a positive number, not '\(v)'") }
        return n
    }

    func check(_ allowed: Set<String>) throws {
        for k in values.keys where !allowed.contains(k) { throw RunError("unknown option \(k)") }
    }
}

func main() -> Int32 {
    let args = CommandLine.arguments
    guard args.count >= 2 else { print(usage, terminator: ""); return 2 }
    do {
        switch args[1] {
        case "generate":
            let o = try Options(args.dropFirst(2), flags: [])
            try o.check(["--activities", "--seed", "--yaml"])
            guard o.positional.count == 1 else { throw RunError("generate takes one folder") }
            let dir = o.positional[0].hasSuffix("/") ? String(o.positional[0].dropLast()) : o.positional[0]
            let n = try o.int("--activities", 10_000)
            var generator = Generator(activities: n, seed: UInt64(try o.int("--seed", 1)))
            try generator.write(to: dir, yamlPath: o.values["--yaml"] ?? dir + ".yaml")
            let data = try Store.load(folder: dir)
            let diagnostics = Checks.run(data, asOf: Generator.asOf)
            var counts: [String: Int] = [:]
            for d in diagnostics { counts[d.check, default: 0] += 1 }
            // Random statuses close some goals over open work and leave some red findings without
            // a deadline: the goal-children and unowned-finding checks find them, as they should.
            let expected: Set<String> = ["overdue", "due-soon", "review", "goal-children", "unowned-finding"]
            let summary = counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")
            print("\(dir): \(data.owners.count) owners, \(data.areas.count) areas, \(data.goals.count) goals, "
                  + "\(data.activities.count) activities, \(data.risks.count) risks, \(data.findings.count) findings")
            print("audit as of \(Generator.asOf): " + (summary.isEmpty ? "no findings" : summary))
            let unexpected = diagnostics.filter { !expected.contains($0.check) }
            if !unexpected.isEmpty {
                for d in unexpected.prefix(10) { print("unexpected: " + DiagnosticText.line(d, data: data, lang: .en, style: .plain)) }
                return 1
            }
            return 0
        case "run":
            let o = try Options(args.dropFirst(2), flags: ["--keep", "--no-build", "--no-peers", "--only-rollup"])
            try o.check(["--rollup", "--sizes", "--bin", "--runs", "--timeout", "--work", "--history-commits", "--history-activities", "-o",
                         "--plan", "--plan-runs"])
            var bench = Bench()
            if let s = o.values["--sizes"] {
                bench.sizes = try s.split(separator: ",").map {
                    guard let n = Int($0.replacingOccurrences(of: "_", with: "")), n > 0 else { throw RunError("--sizes takes numbers, e.g. 10000,100000") }
                    return n
                }
            }
            bench.bin = o.values["--bin"]
            bench.runs = try o.int("--runs", 5)
            bench.timeout = try o.int("--timeout", 120)
            bench.work = o.values["--work"]
            bench.keep = o.flags.contains("--keep")
            bench.build = !o.flags.contains("--no-build")
            bench.peers = !o.flags.contains("--no-peers")
            bench.historyCommits = try o.int("--history-commits", 1000)
            bench.historyActivities = try o.int("--history-activities", 100)
            bench.output = o.values["-o"]
            if let r = o.values["--rollup"] {
                guard let rollup = RollupBench(r) else { throw RunError("--rollup takes PLANSxACTIVITIES, e.g. 290x2000") }
                bench.rollup = rollup
            }
            bench.onlyRollup = o.flags.contains("--only-rollup")
            bench.plan = o.values["--plan"]
            bench.planRuns = max(10, try o.int("--plan-runs", 15))
            if bench.onlyRollup && bench.rollup == nil { throw RunError("--only-rollup needs --rollup PLANSxACTIVITIES") }
            return try bench.run()
        case "profile":
            let o = try Options(args.dropFirst(2), flags: ["--list"])
            try o.check(["--as-of", "--runs", "--report", "--list"])
            guard o.positional.count == 1 else { throw RunError("profile takes one folder") }
            guard let asOf = Day(o.values["--as-of"] ?? Bench.asOf) else { throw RunError("--as-of takes YYYY-MM-DD") }
            if o.flags.contains("--list") {
                print(try Profile.list(folder: o.positional[0], asOf: asOf, runs: try o.int("--runs", 9)), terminator: "")
                return 0
            }
            if let format = o.values["--report"] {
                guard ["text", "markdown", "html", "json"].contains(format) else { throw RunError("--report takes text, markdown, html or json") }
                print(try Profile.report(folder: o.positional[0], format: format, asOf: asOf, runs: try o.int("--runs", 3)), terminator: "")
                return 0
            }
            print(try Profile.run(folder: o.positional[0], asOf: asOf, runs: try o.int("--runs", 3)), terminator: "")
            return 0
        case "load":
            let o = try Options(args.dropFirst(2), flags: [])
            try o.check(["--runs"])
            guard o.positional.count == 1 else { throw RunError("load takes one folder") }
            print(try Profile.load(folder: o.positional[0], runs: try o.int("--runs", 10)), terminator: "")
            return 0
        case "history":
            let o = try Options(args.dropFirst(2), flags: [])
            try o.check(["--commits", "--activities"])
            guard o.positional.count == 1 else { throw RunError("history takes one folder") }
            try HistoryFixture.makeRepository(at: o.positional[0], commits: try o.int("--commits", 1000),
                                              activities: try o.int("--activities", 100))
            return 0
        case "help", "--help", "-h":
            print(usage, terminator: "")
            return 0
        default:
            throw RunError("unknown command '\(args[1])'")
        }
    } catch let e as RunError {
        FileHandle.standardError.write(Data("sakerhet-bench: \(e.message)\n".utf8))
        return 2
    } catch let e as StoreError {
        FileHandle.standardError.write(Data("sakerhet-bench: \(e.message.en)\n".utf8))
        return 2
    } catch {
        FileHandle.standardError.write(Data("sakerhet-bench: \(error)\n".utf8))
        return 2
    }
}

exit(main())
