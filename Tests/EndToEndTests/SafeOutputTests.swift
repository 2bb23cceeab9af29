// Issue 11, items 13 and 14: a personnummer in any form is never printed back, and control
// characters in data (terminal escapes, C1 controls, bidi overrides) never reach a terminal
// or a file raw, in any command or format.

import Foundation
import XCTest

final class SafeOutputTests: EndToEndCase {
    static let esc = "\u{1B}]0;pwned\u{07}\u{1B}[2J"

    /// A1's title holds a window-title escape, a clear-screen escape, a C1 CSI and a
    /// right-to-left override; its status is a personnummer; its note holds two more
    /// (with a space, and in full-width digits on a `+` line); A26's note is split over a
    /// `+` line after the dash. A goal title, an owner name and an id hold controls too.
    static var files: [String: [UInt8]] {
        let activities = """
            %rec: activity
            %key: id
            %mandatory: id title goal owner due status

            id: A1
            title: Kontinuitetsplan \(esc) slut\u{9B}31m \u{202E}nalp
            goal: D2
            owner: sbs
            due: 2024-10
            status: 811228-9874
            note: Kontakt 19121212 1212
            + och ８１１２２８－９８７４

            id: A26
            title: Kartlägga risker för välfärdsbrott
            goal: D2
            owner: ekb
            due: 2024-12
            status: pågår
            note: Ring 121212 -
            + 1212

            id: A9\u{1B}[2J
            title: Ett id med en escape
            goal: D2
            owner: ekb
            due: 2024-12
            status: pågår

            """
        // activities.rec: A1 at 5, title 6, status 10, note 11–12; A26 at 14, note 20–21; A9… at 23.
        var all = Fixture.files
        all["activities.rec"] = Array(activities.utf8)
        all["goals.rec"] = Array(Fixture.goals.replacingOccurrences(of: "title: Upprätta", with: "title: \u{1B}[31mUpprätta").utf8)
        all["owners.rec"] = Array(Fixture.owners.replacingOccurrences(of: "name: Enheten för säkerhet", with: "name: Enheten\u{7F} för \u{2066}säkerhet").utf8)
        return all
    }

    /// What no output may hold: the escapes' bytes and any piece of the numbers.
    func assertSafe(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(bytes.contains(0x1B), "\(what): ESC in output:\n\(text)", file: file, line: line)
        XCTAssertFalse(bytes.contains(0x07), "\(what): BEL in output", file: file, line: line)
        XCTAssertFalse(bytes.contains(0x7F), "\(what): DEL in output", file: file, line: line)
        for raw in ["\u{9B}", "\u{202E}", "\u{2066}"] {
            XCTAssertFalse(text.contains(raw), "\(what): raw U+\(String(raw.unicodeScalars.first!.value, radix: 16)) in output", file: file, line: line)
        }
        for digits in ["811228", "9874", "19121212", "121212", "８１１２２８", "９８７４"] {
            XCTAssertFalse(text.contains(digits), "\(what): '\(digits)' in output:\n\(text)", file: file, line: line)
        }
    }

    func testNoCommandPrintsControlsOrPersonalNumbers() throws {
        let root = try folder(with: Self.files)
        let asOf = ["--as-of", Self.planDate]
        var texts: [String: String] = [:]
        for args in [["activities", "list"], ["activities", "list", "--format", "csv"], ["activities", "list", "--format", "tsv"],
                     ["activities", "list", "--format", "json"], ["activities", "show", "A1"], ["activities", "show", "A26"],
                     ["goals", "list"], ["goals", "show", "D2"],
                     ["audit"], ["audit", "--lang", "en"], ["audit", "--by-owner"], ["audit", "--format", "json"],
                     ["audit", "--format", "github"], ["audit", "--format", "gitlab"], ["audit", "--format", "junit"],
                     ["report"], ["report", "--format", "markdown"], ["report", "--format", "html"], ["report", "--format", "json"]] {
            let r = try run(args + asOf, in: root)
            XCTAssertTrue([0, 1].contains(r.exitCode), "\(args): exit \(r.exitCode)\n\(r.stderr)")
            assertSafe(Array(r.stdout.utf8) + Array(r.stderr.utf8), args.joined(separator: " "))
            texts[args.joined(separator: " ")] = r.stdout
        }
        // An error message that quotes an argument is as safe.
        for args in [["activities", "show", "811228-9874"], ["activities", "show", "A1\u{1B}[2J"],
                     ["activities", "set", "A1", "note\u{1B}]0;x\u{07}=y"]] {
            let r = try run(args + asOf, in: root)
            XCTAssertEqual(r.exitCode, 2, "\(args): \(r.output)")
            assertSafe(Array(r.output.utf8), args.joined(separator: " "))
        }
        // Controls are shown, not dropped: the reader sees that something is there.
        for key in ["activities list", "activities list --format csv", "activities show A1", "report", "report --format markdown"] {
            XCTAssertTrue(texts[key]!.contains("\\x1b"), "\(key) hides the escape:\n\(texts[key]!)")
        }
        XCTAssertTrue(texts["activities show A1"]!.contains("[personnummer dolt]"), texts["activities show A1"]!)
        // The audit names each number by file and line, and the status check quotes the value masked.
        let audit = texts["audit"]!
        for line in [10, 11, 12, 20] {
            XCTAssertTrue(audit.contains("data/activities.rec:\(line):") && audit.contains("personnummer eller samordningsnummer"),
                          "no personal-number diagnostic at line \(line):\n\(audit)")
        }
        XCTAssertTrue(audit.contains("data/activities.rec:10:9: fel: A1: okänd status '[personnummer dolt]'"), audit)
        XCTAssertTrue(texts["audit --lang en"]!.contains("unknown status '[personal number hidden]'"), texts["audit --lang en"]!)
        XCTAssertTrue(texts["audit --format github"]!.contains("::error file=data/activities.rec,line=20"), texts["audit --format github"]!)

        // Written to a file with -o, the text report is as clean.
        let out = root.appendingPathComponent("rapport.txt")
        let r = try run(["report", "-o", out.path] + asOf, in: root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        assertSafe(Array(try Data(contentsOf: out)), "report -o rapport.txt")
    }

    /// A folder's name is data too: one with an escape and one named by a personnummer are
    /// shown in every path as an error message shows them (`\x1b`, `[personnummer dolt]`),
    /// in audit (every format, `--by-owner`, over plans), the report's history note and
    /// the rollup's report.
    /// The line that says what `-o` wrote masks a number in the file's name in the language
    /// asked for, for one plan and over several.
    /// A value of several lines never starts a line of the output: `audit` gives one line a
    /// diagnostic (the line break shown as \n), and no line of any command's output starts
    /// with `::`, which GitHub Actions reads as a workflow command.
    func testNoValueStartsALineOrARunnerCommand() throws {
        let root = try copyOfShippedData()
        let file = root.appendingPathComponent("data/activities.rec")
        let forged = "\nid: Q1\ntitle: Rad ett\n+ ::error file=README.md,line=1::INJECTED\ngoal: D2\nowner: sbs\ndue: 2030-01\nstatus: bogus\n+ data/fake.rec:1: fel: FORGED\n"
        try (String(contentsOf: file, encoding: .utf8) + forged).write(to: file, atomically: true, encoding: .utf8)
        for args in [["audit", "--no-time"], ["report"], ["activities", "list"], ["activities", "show", "Q1"], ["audit", "--by-owner"]] {
            let r = try run(args + ["--data", "data", "--as-of", "2025-01-01"], in: root)
            let lines = r.stdout.split(separator: "\n")
            XCTAssertFalse(lines.contains { $0.hasPrefix("::") || $0.hasPrefix("data/fake.rec") }, "\(args): \(r.stdout)")
        }
        let audit = try run(["audit", "--no-time", "--data", "data"], in: root).stdout
        XCTAssertTrue(audit.contains("bogus\\n+ data/fake.rec:1: fel: FORGED") || audit.contains("bogus\\ndata/fake.rec:1: fel: FORGED"), audit)
    }

    /// An id written by hand with a zero-width space reads as A2 in every list, yet no
    /// command can name it: `audit` fails on it and shows the character as `\u{200B}`,
    /// never the character itself; an edit of another record still goes through.
    func testAnIDWithAnInvisibleCharacterFailsTheAudit() throws {
        let root = try copyOfShippedData()
        let file = root.appendingPathComponent("data/activities.rec")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "id: A2\n").count, 2)
        try text.replacingOccurrences(of: "id: A2\n", with: "id: A2\u{200B}\n").write(to: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "id: A2\n")[0].filter { $0 == "\n" }.count + 1
        let r = try run(["audit", "--no-time", "--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, 1, r.output)
        XCTAssertTrue(r.stdout.contains("data/activities.rec:\(line):7: fel: id:t 'A2\\u{200B}' innehåller ett nollbreddsblanksteg (U+200B); ett id har inga blanksteg eller osynliga tecken, skriv det som 'A2'"), r.stdout)
        XCTAssertFalse(r.stdout.unicodeScalars.contains("\u{200B}"), r.stdout)
        let set = try run(["activities", "set", "A1", "note=Granskad", "--data", "data"], in: root)
        XCTAssertEqual(set.exitCode, 0, set.output)
    }

    func testTheWroteLineMasksInTheLanguageAskedFor() throws {
        let root = try copyOfShippedData()
        for args in [["report", "--data", "data"], ["report", "--data", "data", "--data", "data2"]] {
            if args.count > 3 { try FileManager.default.copyItem(at: root.appendingPathComponent("data"), to: root.appendingPathComponent("data2")) }
            let r = try run(args + ["--lang", "en", "--as-of", Self.planDate, "-o", "19121212-1212.md"], in: root)
            XCTAssertEqual(r.exitCode, 0, r.output)
            XCTAssertTrue(r.stderr.hasPrefix("Wrote the follow-up (Markdown, "), r.stderr)
            XCTAssertTrue(r.stderr.contains("[personal number hidden].md"), r.stderr)
            XCTAssertFalse(r.stderr.contains("dolt") || r.stderr.contains("1212"), r.stderr)
        }
    }

    func testPathsInOutputAreShownAsValuesAre() throws {
        let root = try makeTempFolder()
        for name in ["plan\u{1B}[31mX", "19121212-1212"] {
            try FileManager.default.copyItem(at: Repo.shippedData, to: root.appendingPathComponent(name))
        }
        let asOf = ["--as-of", Self.planDate]
        let escaped = ["--data", "plan\u{1B}[31mX"], numbered = ["--data", "19121212-1212"]
        // Each command on each folder, and on both (as plans): `show` names the record's
        // file; `log` over several plans names each folder that is no git repository (a
        // single one is an error, masked as every error is: exit 2).
        let reads: [([String], [Int32])] = [
            (["audit"], [0, 1]), (["audit", "--by-owner"], [0, 1]), (["audit", "--format", "github"], [0, 1]),
            (["audit", "--format", "gitlab"], [0, 1]), (["audit", "--format", "json"], [0, 1]), (["audit", "--format", "junit"], [0, 1]),
            (["report"], [0, 1]), (["report", "--format", "markdown"], [0, 1]),
            (["activities", "show", "A1"], [0, 2]), (["goals", "show", "D2"], [0, 2]), (["log"], [0, 2]),
            (["log", "--format", "markdown"], [0, 2]), (["log", "--format", "json"], [0, 2]),
        ]
        var texts: [String: String] = [:]
        for data in [escaped, numbered, escaped + numbered] {
            for (args, codes) in reads {
                let r = try run(data + args + asOf, in: root)
                let what = (data + args).joined(separator: " ")
                XCTAssertTrue(codes.contains(r.exitCode), "\(what): exit \(r.exitCode)\n\(r.stderr)")
                assertSafe(Array(r.stdout.utf8) + Array(r.stderr.utf8), what)
                texts[what] = r.stdout
            }
        }
        XCTAssertTrue(texts["--data plan\u{1B}[31mX audit"]!.hasPrefix("plan\\x1b[31mX/goals.rec:"), texts["--data plan\u{1B}[31mX audit"]!)
        XCTAssertTrue(texts["--data 19121212-1212 audit"]!.hasPrefix("[personnummer dolt]/goals.rec:"), texts["--data 19121212-1212 audit"]!)
        XCTAssertTrue(texts["--data plan\u{1B}[31mX audit --format github"]!.contains("::warning file=plan\\x1b[31mX/goals.rec,line="),
                      texts["--data plan\u{1B}[31mX audit --format github"]!)
        XCTAssertTrue(texts["--data plan\u{1B}[31mX report"]!.contains("plan\\x1b[31mX ligger inte i ett git-förråd"), texts["--data plan\u{1B}[31mX report"]!)
        XCTAssertTrue(texts["--data 19121212-1212 activities show A1"]!.hasPrefix("[personnummer dolt]/activities.rec:"), texts["--data 19121212-1212 activities show A1"]!)
        XCTAssertTrue(texts["--data plan\u{1B}[31mX --data 19121212-1212 log"]!.contains("[personnummer dolt] ligger inte i ett git-förråd"),
                      texts["--data plan\u{1B}[31mX --data 19121212-1212 log"]!)
    }

    /// The writes print back what they changed: the line after a write (`set`, `done`,
    /// `postpone`, `add`, `rm`) and the `--dry-run` diff hold old values and context lines
    /// from the data, shown as `show` shows them, in both languages: no number (also one
    /// split over a `+` line, at the diff's edge or inside it), no raw escape.
    func testWritesEchoAndDiffNoControlsOrPersonalNumbers() throws {
        let add = ["activities", "add", "--title", "Ny", "--goal", "D2", "--owner", "sbs", "--due", "2025"]
        let writes: [[String]] = [["activities", "set", "A1", "status=pågår"], ["activities", "done", "A1", "--date", "2024-11-01"],
                                  ["activities", "postpone", "A1", "--to", "2025-03", "--reason", "Inväntar KF"],
                                  ["activities", "set", "A26", "status=klar", "done=2024-11-01"], ["activities", "set", "A26", "owner=sbs"],
                                  add, ["activities", "rm", "A9\u{1B}[2J"], ["activities", "set", "A9\u{1B}[2J", "due=2025-02"]]
        var out: [String: String] = [:]
        for lang in ["sv", "en"] {
            for args in writes {
                for dry in [false, true] {
                    let root = try folder(with: Self.files)
                    let all = args + (dry ? ["--dry-run"] : []) + ["--as-of", Self.planDate, "--lang", lang]
                    let r = try run(all, in: root)
                    XCTAssertEqual(r.exitCode, 0, "\(all): \(r.output)")
                    assertSafe(Array(r.output.utf8), all.joined(separator: " "))
                    out[(args + (dry ? ["--dry-run"] : []) + [lang]).joined(separator: " ")] = r.stdout
                }
            }
        }
        func has(_ key: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertTrue(out[key]!.contains(text), "\(key) lacks '\(text)':\n\(out[key]!)", file: file, line: line)
        }
        // The old status is masked in the echo and in the diff, in the language asked for.
        has("activities set A1 status=pågår sv", "activities: A1 status [personnummer dolt] → pågår")
        has("activities set A1 status=pågår en", "activities: A1 status [personal number hidden] → pågår")
        has("activities done A1 --date 2024-11-01 sv", "status [personnummer dolt] → klar")
        has("activities set A1 status=pågår --dry-run sv", "-status: [personnummer dolt]\n+status: pågår\n")
        has("activities set A1 status=pågår --dry-run en", "-status: [personal number hidden]\n+status: pågår\n")
        // The note's numbers, one over a `+` line, are context lines of the diff.
        has("activities set A1 status=pågår --dry-run sv", " note: Kontakt [personnummer dolt]\n + och [personnummer dolt]\n")
        has("activities set A26 status=klar done=2024-11-01 --dry-run sv", " note: Ring [personnummer dolt]\n + \n")
        // With context 3 after the owner, the diff ends on the note's first line: the
        // number that goes on outside the diff is masked too.
        has("activities set A26 owner=sbs --dry-run sv", "+owner: sbs\n due: 2024-12\n status: pågår\n note: Ring [personnummer dolt]\n")
        // An id with an escape: shown, in the echo and in the diff.
        has("activities rm A9\u{1B}[2J sv", "activities: ta bort A9\\x1b[2J")
        has("activities rm A9\u{1B}[2J en", "activities: remove A9\\x1b[2J")
        has("activities rm A9\u{1B}[2J --dry-run sv", "-id: A9\\x1b[2J\n")
        has("activities set A9\u{1B}[2J due=2025-02 sv", "activities: A9\\x1b[2J due 2024-12 → 2025-02")
        has(add.joined(separator: " ") + " --dry-run en", "+id: A27\n")
    }
}
