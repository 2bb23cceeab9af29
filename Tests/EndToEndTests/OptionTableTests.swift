import Foundation
import XCTest

/// Issues 13 and 17: help, completions and the man page are generated from one option
/// table. The table is read from the binary (`sakerhet __complete table`), not typed here
/// a second time; every command and verb's help, in both languages, is checked against it.
final class OptionTableTests: EndToEndCase {
    struct Row { let command, verb, option, short, svWord, enWord: String }

    func table(in root: URL) throws -> [Row] {
        let r = try run(["__complete", "table"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        return r.stdout.split(separator: "\n").map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(command: f[0], verb: f[1], option: f[2], short: f[3], svWord: f[4], enWord: f[5])
        }
    }

    /// The option names of the "Flaggor:"/"Options:" section of a help text.
    static func optionSection(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0 == "Flaggor:" || $0 == "Options:" }) else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line -> String? in
            guard line.hasPrefix("  -") else { return nil }
            let words = line.split(separator: " ").map(String.init)
            // `-o, --output FIL` names --output.
            return words.first!.hasSuffix(",") ? words[1] : words[0]
        }
    }

    static func section(_ help: String, _ headings: [String]) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: headings.contains) else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    func testHelpOfEveryCommandAndVerbMatchesTheTable() throws {
        let root = try copyOfShippedData()
        let rows = try table(in: root)
        XCTAssertGreaterThan(rows.count, 60)
        var pairs: [(String, String)] = []
        for r in rows where !pairs.contains(where: { $0 == (r.command, r.verb) }) { pairs.append((r.command, r.verb)) }
        // Every form of asking for help, in both languages.
        var runs: [[String]] = []
        for (c, v) in pairs {
            let words = v == "-" ? [c] : [c, v]
            for lang in ["sv", "en"] {
                runs.append(["help"] + words + ["--lang", lang])
                runs.append(words + ["--help", "--lang", lang])
            }
        }
        let commands = Array(Set(pairs.map(\.0))).sorted()
        runs += commands.map { [$0, "--help"] }
        let results = try runConcurrently(runs, in: root)
        for (args, r) in zip(runs, results) { XCTAssertEqual(r.exitCode, 0, "\(args): \(r.stderr)") }
        var i = 0
        for (c, v) in pairs {
            let expected = rows.filter { $0.command == c && $0.verb == v && $0.option != "-" }
            for lang in ["sv", "en"] {
                let viaHelp = results[i].stdout, viaFlag = results[i + 1].stdout
                i += 2
                let label = "\(c) \(v) (\(lang))"
                XCTAssertEqual(viaHelp, viaFlag, "\(label): 'help \(c) \(v)' and '--help' differ")
                XCTAssertEqual(Self.optionSection(viaHelp), expected.map(\.option), "\(label): options in the help\n\(viaHelp)")
                let usage = viaHelp.split(separator: "\n").first.map(String.init) ?? ""
                XCTAssertTrue(usage.hasPrefix(lang == "sv" ? "Användning: sakerhet \(c)" : "Usage: sakerhet \(c)"), usage)
                for row in expected {
                    let word = lang == "sv" ? row.svWord : row.enWord
                    let label2 = (row.short == "-" ? "" : row.short + ", ") + row.option + (word == "-" ? "" : " " + word)
                    XCTAssertTrue(viaHelp.contains("  " + label2 + " ") || viaHelp.contains("  " + label2 + "\n"),
                                  "\(label): no '\(label2)'\n\(viaHelp)")
                }
                if lang == "en" {
                    let tokens = Set(usage.split(whereSeparator: { " []|.…".contains($0) }).map(String.init))
                    for sv in ["FIL", "KATALOG", "DATUM", "ÅÅÅÅ", "ÅÅÅÅ-MM", "FLAGGOR", "TIDPUNKT", "fält=värde", "NIVÅ", "FÄLT"] {
                        XCTAssertFalse(tokens.contains(sv), "\(label): Swedish placeholder in '\(usage)'")
                    }
                }
            }
        }
        // A command with verbs lists exactly its verbs, under "Kommandon:", not "Flaggor:".
        for (c, r) in zip(commands, results.suffix(commands.count)) {
            let verbs = pairs.filter { $0.0 == c && $0.1 != "-" }.map(\.1)
            XCTAssertEqual(Self.section(r.stdout, ["Kommandon:"]), verbs, "\(c) --help\n\(r.stdout)")
            XCTAssertTrue(Self.optionSection(r.stdout).allSatisfy { $0.hasPrefix("-") })
        }
        XCTAssertFalse(pairs.contains { $0 == ("risks", "postpone") || $0 == ("risks", "done") }, "risks have no deadline")
    }

    func testCompletionsHaveEveryOptionAndCompleteFromTheData() throws {
        let root = try copyOfShippedData()
        let rows = try table(in: root)
        for shell in ["bash", "zsh", "fish"] {
            let r = try run(["completions", shell], in: root)
            XCTAssertEqual(r.exitCode, 0, r.output)
            for row in rows where row.option != "-" {
                let needle = shell == "fish" ? "-l " + row.option.dropFirst(2) + " " : row.option
                XCTAssertTrue(r.stdout.contains(needle), "\(shell): no \(row.option) (\(row.command) \(row.verb))")
            }
            XCTAssertTrue(r.stdout.contains("__complete ids activities"), shell)
            XCTAssertFalse(r.stdout.contains("postpone") && r.stdout.contains("risks postpone"), shell)
        }
        // bash -n parses the bash script; risks complete no postpone.
        let bash = try run(["completions", "bash"], in: root).stdout
        try Data(bash.utf8).write(to: root.appendingPathComponent("c.bash"))
        let syntax = try tool("bash", ["-n", "c.bash"], in: root)
        XCTAssertEqual(syntax.exitCode, 0, syntax.stderr)
        let riskVerbs = bash.components(separatedBy: "    risks)\n").dropFirst().first?.split(separator: "\n").first ?? ""
        XCTAssertTrue(riskVerbs.contains("matrix") && !riskVerbs.contains("postpone") && !riskVerbs.contains("done"), String(riskVerbs))
        // The bash script at work: verbs of the kind, ids from the data, global options first.
        let bin = try Binary.url().deletingLastPathComponent().path
        let probe = """
        export PATH='\(bin)':$PATH
        source ./c.bash
        t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=(); _sakerhet; echo "${COMPREPLY[*]}"; }
        t sakerhet risks ''
        t sakerhet --data data goals done D
        t sakerhet activities list --status ''
        t sakerhet audit --format ''
        """
        try Data(probe.utf8).write(to: root.appendingPathComponent("probe.bash"))
        let probed = try tool("bash", ["probe.bash"], in: root)
        let answers = probed.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(answers.first, "list show add set rm matrix", probed.stdout + probed.stderr)
        XCTAssertTrue(answers.count > 3 && answers[1].split(separator: " ").contains("D4"), probed.stdout)
        XCTAssertTrue(answers.count > 3 && answers[2].contains("ej-påbörjad") && answers[2].contains("pågår"), probed.stdout)
        XCTAssertTrue(answers.count > 3 && answers[3] == "text json github gitlab junit", probed.stdout)
        let ids = try run(["__complete", "ids", "goals"], in: root)
        XCTAssertTrue(ids.stdout.split(separator: "\n").contains("D4"), ids.output)
        // An id from the data is never run or expanded by the completion, and one that is no
        // plain word (a command, a glob, a personnummer) is not offered.
        let file = root.appendingPathComponent("data/activities.rec")
        let hostile = ["$(touch${IFS}PWNED)", "*", "19121212-1212", "A 1", "A`id`"].map {
            "\nid: \($0)\ntitle: t\ngoal: D2\nowner: sbs\ndue: 2030-01\nstatus: pågår\n"
        }.joined()
        try (String(contentsOf: file, encoding: .utf8) + hostile).write(to: file, atomically: true, encoding: .utf8)
        try Data("export PATH='\(bin)':$PATH\nsource ./c.bash\nCOMP_WORDS=(sakerhet activities show ''); COMP_CWORD=3; _sakerhet; echo \"${COMPREPLY[*]}\"\n".utf8)
            .write(to: root.appendingPathComponent("hostile.bash"))
        let offered = try tool("bash", ["hostile.bash"], in: root)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("PWNED").path), offered.stdout + offered.stderr)
        XCTAssertEqual(offered.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.hasPrefix("A") || $0 == "A" }, [], offered.stdout)
        XCTAssertTrue(offered.stdout.contains("A12") && !offered.stdout.contains("1212-1212") && !offered.stdout.contains("touch"), offered.stdout)
        let status = try run(["__complete", "status", "risks"], in: root)
        XCTAssertTrue(status.stdout.contains("accepterad"), status.output)
    }

    func testManPageRendersInBothLanguages() throws {
        let root = try copyOfShippedData()
        let rows = try table(in: root)
        for (lang, heading) in [("sv", "KOMMANDON"), ("en", "COMMANDS")] {
            let r = try run(["man", "--lang", lang], in: root)
            XCTAssertEqual(r.exitCode, 0, r.output)
            XCTAssertTrue(r.stdout.contains(".TH SAKERHET 1") && r.stdout.contains(".SH \(heading)"), r.stdout)
            for row in rows where row.option != "-" {
                XCTAssertTrue(r.stdout.contains(row.option.replacingOccurrences(of: "-", with: "\\-")), "\(lang): no \(row.option)")
            }
            for line in r.stdout.split(separator: "\n") where !line.hasPrefix(".") {
                XCTAssertFalse(line.hasPrefix("'"), "a text line starts with a control character: \(line)")
            }
            try Data(r.stdout.utf8).write(to: root.appendingPathComponent("sakerhet.\(lang).1"))
            guard Tools.find("groff") != nil else { continue }
            let g = try tool("groff", ["-k", "-man", "-Tutf8", "-ww", "sakerhet.\(lang).1"], in: root)
            XCTAssertEqual(g.exitCode, 0, g.stderr)
            XCTAssertEqual(g.stderr, "", "groff warns")
            XCTAssertTrue(g.stdout.contains("sakerhet") && g.stdout.contains("audit"), g.stdout)
        }
    }
}

/// Issue 17's help items and issue 13's parsing rules, each seen once on the built binary.
final class HelpTruthTests: EndToEndCase {
    func testParsingRulesAndHelpWording() throws {
        let root = try copyOfShippedData()
        let asOf = ["--as-of", "2024-11-04"]
        let runs: [[String]] = [
            asOf + ["activities", "list", "--format", "csv", "--format", "json"],   // 0: repeated
            asOf + ["audit", "--fail-on=never", "--fail-on", "error"],               // 1: repeated, both forms
            asOf + ["goals", "done"],                                                 // 2: id example of the kind
            asOf + ["risks", "postpone", "R1", "--to", "2030-01", "--reason", "x"],  // 3: not a verb of risks
            asOf + ["activities", "list", "--overdue=yes"],                          // 4: a flag takes no value
            asOf + ["activities", "add", "--title", "a", "--title", "b"],            // 5: a single field twice
            ["help", "risks", "list"],                                                // 6: what it sorts by
            ["help", "report", "--lang", "en"],                                       // 7: English placeholders
            ["help", "activities", "lst"],                                            // 8: a misspelt verb
            asOf + ["risks", "list", "--format", "tsv", "--", "--overdue"],          // 9: -- ends options
        ]
        let r = try runConcurrently(runs, in: root, env: ["COLUMNS": "60"])
        XCTAssertEqual(r[0].exitCode, 2); XCTAssertTrue(r[0].stderr.contains("--format är angiven två gånger"), r[0].stderr)
        XCTAssertEqual(r[1].exitCode, 2); XCTAssertTrue(r[1].stderr.contains("--fail-on är angiven två gånger"), r[1].stderr)
        XCTAssertEqual(r[2].exitCode, 2); XCTAssertTrue(r[2].stderr.contains("'goals done D4'"), r[2].stderr)
        XCTAssertEqual(r[3].exitCode, 2); XCTAssertTrue(r[3].stderr.contains("risker har inget slutdatum"), r[3].stderr)
        XCTAssertEqual(r[4].exitCode, 2); XCTAssertTrue(r[4].stderr.contains("--overdue tar inget värde"), r[4].stderr)
        XCTAssertEqual(r[5].exitCode, 2); XCTAssertTrue(r[5].stderr.contains("--title är angiven två gånger"), r[5].stderr)
        XCTAssertEqual(r[6].exitCode, 0)
        XCTAssertTrue(r[6].stdout.contains("riskvärde") && !r[6].stdout.contains("slutdatum"), r[6].stdout)
        XCTAssertTrue(r[7].stdout.hasPrefix("Usage: sakerhet report [--format text|markdown|html|json|docx] [-o FILE] [--period YYYY[-H1|-T1|-Q1|-MM|-Wnn]]"), r[7].stdout)
        XCTAssertEqual(r[8].exitCode, 2); XCTAssertTrue(r[8].stderr.contains("menade du 'list'"), r[8].stderr)
        XCTAssertEqual(r[9].exitCode, 2); XCTAssertTrue(r[9].stderr.contains("oväntat argument '--overdue'"), r[9].stderr)
        // Help wraps to COLUMNS; the usage line and examples are left whole to copy.
        for line in (r[6].stdout + r[7].stdout).split(separator: "\n")
        where !line.hasPrefix("Användning") && !line.hasPrefix("Usage") && !line.hasPrefix("  sakerhet") && !line.contains("flaggor:") && !line.contains("options:") {
            XCTAssertLessThanOrEqual(line.count, 60, "wider than COLUMNS=60: \(line)")
        }
        let overview = try run(["help"], in: root, env: ["COLUMNS": "70"])
        for line in overview.stdout.split(separator: "\n") where !line.hasPrefix("  sakerhet") {
            XCTAssertLessThanOrEqual(line.count, 70, "sakerhet help wider than COLUMNS=70: \(line)")
        }
    }
}
