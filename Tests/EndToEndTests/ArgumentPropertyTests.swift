import Foundation
import XCTest

/// Issue 11, property: for every command, every verb of each record command and every
/// option that takes a value, an odd argument (empty, `=`, `==`, `--x=`, one with a line
/// break, one of 100,000 characters) in each position that matters gives exit 0, 1 or 2,
/// never a signal and never a hang.
///
/// The commands, verbs and options are read from the binary's own help, so a command or
/// option added later is tried without touching this test. Runs on a copy of `data/` (some
/// verbs write), side by side.
final class ArgumentPropertyTests: EndToEndCase {
    static let oddValues = ["", "=", "==", "--x=", "a\nb", String(repeating: "x", count: 100_000)]

    func testOddArgumentsNeverCrashOrHang() throws {
        let root = try copyOfShippedData()
        // A follow-up of the first goal, so that `followups` has a record to name (issue 14).
        let goals = try String(contentsOf: root.appendingPathComponent("data/goals.rec"), encoding: .utf8)
        let goal = try XCTUnwrap(goals.split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4))
        try Data("id: U1\nrecord: \(goal)\nperiod: 2024-T2\nassessment: delvis uppfyllt\n".utf8)
            .write(to: root.appendingPathComponent("data/followups.rec"))
        let env: [String: String?] = ["SAKERHET_LOCK_TIMEOUT": "10", "PAGER": "cat"]
        let asOf = ["--as-of", Self.planDate]

        // What the binary says it has.
        let overview = try run(["help"], in: root).stdout
        let commands = Self.commands(in: overview)
        XCTAssertTrue(commands.contains("activities") && commands.contains("audit") && commands.contains("init"),
                      "commands read from 'sakerhet help': \(commands)")
        let commandHelp = try runConcurrently(commands.map { [$0, "--help"] }, in: root, env: env)
        var verbs: [String: [String]] = [:]
        for (c, h) in zip(commands, commandHelp) { verbs[c] = Self.verbs(in: h.stdout) }
        let recordCommands = commands.filter { !(verbs[$0] ?? []).isEmpty }
        XCTAssertEqual(Set(recordCommands), ["goals", "activities", "risks", "findings", "followups"], "record commands read from their help")

        // Each verb's help, for its usage (does it take an ID?) and options.
        let verbPairs = recordCommands.flatMap { c in verbs[c]!.map { (c, $0) } }
        let verbHelp = try runConcurrently(verbPairs.map { [$0.0, $0.1, "--help"] }, in: root, env: env)

        // A real id per record command: the first `id:` of data/<command>.rec.
        var firstID: [String: String] = [:]
        for c in recordCommands {
            let text = try String(contentsOf: root.appendingPathComponent("data/\(c).rec"), encoding: .utf8)
            firstID[c] = text.split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) }
            XCTAssertNotNil(firstID[c], "no id in data/\(c).rec")
        }

        // The places an odd value goes, each a prefix and a suffix around the value. The
        // command, verb and global option positions get every odd value; the many id and
        // option places get the empty and the long one and, in turn, one of the others, so
        // the test stays short.
        struct Place { let before: [String]; let after: [String]; let every: Bool }
        var places = [Place(before: [], after: [], every: true)]                                     // as the command
        for c in recordCommands { places.append(Place(before: [c], after: [], every: true)) }        // as the verb
        for c in commands where !recordCommands.contains(c) {                                        // as a positional
            places.append(Place(before: [c], after: [], every: true))
        }
        let globals = Self.valueOptions(in: Self.globalSection(of: overview))
        XCTAssertEqual(Set(globals), ["--data", "--plans", "--as-of", "--lang"], "global options read from 'sakerhet help'")
        for g in globals { places.append(Place(before: [g], after: ["audit"], every: true)) }
        for (c, h) in zip(commands, commandHelp) where !recordCommands.contains(c) {
            for o in Self.valueOptions(in: h.stdout) where !globals.contains(o) {
                places.append(Place(before: [c, o], after: [], every: false))
            }
        }
        // A verb's options are the same code for every kind: each (verb, option) is tried on
        // one record command, in turn; the kind-only ones (`--level`, `--likelihood`) on theirs.
        var tried = Set<String>()
        for ((c, verb), h) in zip(verbPairs, verbHelp) {
            let usage = h.stdout.split(separator: "\n").first.map(String.init) ?? ""
            let takesID = usage.contains(" ID")
            // What the verb needs before it gets to the id.
            let needs = verb == "postpone" ? [("--to", "2030-12"), ("--reason", "prov")] : []
            if takesID {
                places.append(Place(before: [c, verb], after: needs.flatMap { [$0.0, $0.1] }, every: false))  // as the id
                if verb == "set" { places.append(Place(before: [c, verb, firstID[c]!], after: [], every: false)) }  // as field=value
            }
            let id = takesID ? [firstID[c]!] : []
            for o in Self.valueOptions(in: h.stdout) where !globals.contains(o) && tried.insert(verb + " " + o).inserted {
                let others = needs.filter { $0.0 != o }.flatMap { [$0.0, $0.1] }
                places.append(Place(before: [c, verb] + id + others + [o], after: [], every: false))  // as an option's value
            }
        }

        var runs: [[String]] = []
        let empty = Self.oddValues[0], long = Self.oddValues[5], others = Self.oddValues[1...4]
        for (i, p) in places.enumerated() {
            let values = p.every ? Self.oddValues : [empty, long, others[others.startIndex + i % others.count]]
            for v in values { runs.append(p.before + [v] + p.after + asOf) }
            // The inline form with an empty value, `--opt=`.
            if let o = p.before.last, o.hasPrefix("-") {
                runs.append(p.before.dropLast() + [o + "="] + p.after + asOf)
            }
        }
        print("ArgumentPropertyTests: \(commands.count) commands, \(verbPairs.count) verbs, \(places.count) places, \(runs.count) runs")
        let started = Date()
        let results = try runConcurrently(runs, in: root, timeout: 20, env: env)
        let bad = results.filter { $0.timedOut || $0.signalled || !(0...2).contains($0.exitCode) }
        XCTAssertTrue(bad.isEmpty, "\(bad.count) of \(results.count) runs failed:\n" + bad.prefix(20).map(\.summary).joined(separator: "\n"))
        // A usage error says what is wrong, and echoes a line break visibly, on one line.
        for r in results where r.exitCode == 2 && r.stderr.utf8.count < 65_536 {
            XCTAssertTrue(r.stderr.hasPrefix("sakerhet: "), "no message: \(r.summary)")
            XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, "the message is not one line: \(r.summary)")
        }
        print("ArgumentPropertyTests: \(results.count) runs in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    // MARK: Reading the help

    /// The command names of `sakerhet help`: the first word of each line under the
    /// "Kommandon:" heading.
    static func commands(in overview: String) -> [String] {
        let lines = overview.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Kommandon:") || $0.hasPrefix("Commands:") }) else { return [] }
        return lines[(start + 1)...].prefix { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// The lines under the "Gemensamma flaggor:" heading of `sakerhet help`.
    static func globalSection(of overview: String) -> String {
        let lines = overview.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Gemensamma flaggor:") || $0.hasPrefix("Global options:") }) else { return "" }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The verbs of a record command's usage line, `sakerhet goals [list|show|…] …`.
    static func verbs(in help: String) -> [String] {
        guard let usage = help.split(separator: "\n").first, let open = usage.firstIndex(of: "["),
              let close = usage[open...].firstIndex(of: "]") else { return [] }
        let inside = usage[usage.index(after: open)..<close]
        guard inside.contains("|"), !inside.contains("-") else { return [] }
        return inside.split(separator: "|").map(String.init)
    }

    /// Options that take a value: an option word followed by one space and a value word
    /// (`--format F`, `-o FIL`, `--title …`, `--format text|json]`), in the usage line, the
    /// option list or the examples.
    static func valueOptions(in help: String) -> [String] {
        var found: [String] = []
        let words = help.replacingOccurrences(of: "\n", with: "  ").components(separatedBy: " ")
        for (i, w) in words.enumerated() where i + 1 < words.count {
            var name = w
            if name.hasPrefix("[") { name.removeFirst() }
            guard name.hasPrefix("-"), name.count > 1, !name.hasSuffix("]"), !name.hasSuffix(","),
                  name.dropFirst(name.hasPrefix("--") ? 2 : 1).allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }),
                  let first = words[i + 1].first, first != "-", first != "[", first != "(" else { continue }
            if !found.contains(name) { found.append(name) }
        }
        return found
    }
}
