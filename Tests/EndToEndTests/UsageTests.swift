import Foundation
import XCTest

/// Usage and I/O errors (exit 2) and the command-line options, on temporary data folders.
final class UsageTests: EndToEndCase {
    /// Runs `args` in Swedish and English in `root`; checks the exit code, the wording and
    /// that nothing under `root/data` changed.
    func assertFails(_ args: [String], in root: URL, exits code: Int32 = 2, sv: String, en: String,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        let data = root.appendingPathComponent("data")
        let before = try snapshot(data)
        for (lang, words) in [("sv", sv), ("en", en)] {
            let r = try run(args + ["--lang", lang], in: root)
            XCTAssertEqual(r.exitCode, code, "exit code (\(lang)); output:\n\(r.output)", file: file, line: line)
            XCTAssertTrue(r.stderr.contains(words), "stderr lacks '\(words)' (\(lang)):\n\(r.output)", file: file, line: line)
            XCTAssertEqual(r.stdout, "", "nothing on stdout on a usage error (\(lang))", file: file, line: line)
            try assertUnchanged(data, since: before, file: file, line: line)
        }
    }

    // MARK: Data folder and I/O

    func testEmptyDataFolder() throws {
        let root = try folder(with: [:])
        try assertFails(["audit", "--as-of", Self.planDate, "--data", "data"], in: root,
                        sv: "data innehåller inga .rec-filer", en: "data holds no .rec files")
    }

    func testMissingDataFolder() throws {
        let root = try makeTempFolder()
        try assertFails(["audit", "--as-of", Self.planDate, "--data", "saknas"], in: root,
                        sv: "datamappen saknas finns inte", en: "the data folder saknas does not exist")
    }

    func testUnreadableFile() throws {
        let root = try folder(with: Fixture.files)
        let path = root.appendingPathComponent("data/goals.rec").path
        XCTAssertEqual(chmod(path, 0), 0)
        if let handle = FileHandle(forReadingAtPath: path) {
            try handle.close()
            throw XCTSkip("this user (uid \(getuid())) can read a file with mode 000; see testFolderWhereAFileShouldBe")
        }
        try assertFails(["audit", "--as-of", Self.planDate, "--data", "data"], in: root,
                        sv: "kan inte läsa data/goals.rec", en: "cannot read data/goals.rec")
    }

    /// An I/O error that root meets too: `goals.rec` is a folder.
    func testFolderWhereAFileShouldBe() throws {
        var files = Fixture.files
        files["goals.rec"] = nil
        let root = try folder(with: files)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data/goals.rec"), withIntermediateDirectories: false)
        try assertFails(["audit", "--as-of", Self.planDate, "--data", "data"], in: root,
                        sv: "data/goals.rec är en mapp, inte en fil", en: "data/goals.rec is a folder, not a file")
    }

    /// A file to import that is a folder or a named pipe: said plainly, with no advice
    /// about the plan's `.rec` files (which the same check gives for a data file).
    func testAnImportSourceThatIsNoFileIsNotTakenForADataFile() throws {
        let root = try folder(with: Fixture.files)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("plan.xlsx"), withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(root.appendingPathComponent("fifo.xlsx").path, 0o600), 0)
        try assertFails(["import", "plan.xlsx", "--data", "data"], in: root,
                        sv: "plan.xlsx är en mapp, inte en fil; ange en fil\n", en: "plan.xlsx is a folder, not a file; give a file\n")
        try assertFails(["import", "fifo.xlsx", "--data", "data"], in: root,
                        sv: "sakerhet läser bara vanliga filer. Spara innehållet i en vanlig fil och ange den",
                        en: "sakerhet reads only regular files. Save the content in a regular file and give that")
        for args in [["import", "plan.xlsx"], ["import", "fifo.xlsx"]] {
            let r = try run(args + ["--data", "data"], in: root)
            XCTAssertFalse(r.stderr.contains(".rec"), r.stderr)
        }
    }

    // MARK: Usage

    func testUnknownFlagSuggestsFormat() throws {
        let root = try folder(with: Fixture.files)
        try assertFails(["audit", "--formt", "json", "--as-of", Self.planDate, "--data", "data"], in: root,
                        sv: "okänd flagga '--formt' för audit (menade du '--format'?)",
                        en: "unknown option '--formt' for audit (did you mean '--format'?)")
    }

    func testUnknownCommandSuggestsAudit() throws {
        let root = try folder(with: Fixture.files)
        try assertFails(["audti", "--as-of", Self.planDate, "--data", "data"], in: root,
                        sv: "okänt kommando 'audti' (menade du 'audit'?)", en: "unknown command 'audti' (did you mean 'audit'?)")
    }

    func testInvalidAsOfDate() throws {
        let root = try folder(with: Fixture.files)
        try assertFails(["audit", "--as-of", "2024-13-01", "--data", "data"], in: root,
                        sv: "--as-of tar ett datum ÅÅÅÅ-MM-DD eller en period (2027-Q1, hösten 2027), inte '2024-13-01'",
                        en: "--as-of takes a date YYYY-MM-DD or a period (2027-Q1, autumn 2027), not '2024-13-01'")
    }

    func testBadFormatValue() throws {
        let root = try folder(with: Fixture.files)
        try assertFails(["audit", "--format", "jsn", "--as-of", Self.planDate, "--data", "data"], in: root,
                        sv: "(menade du 'json'?)", en: "(did you mean 'json'?)")
    }

    // MARK: Options

    func testGlobalOptionsBeforeAndAfterTheCommand() throws {
        let root = try folder(with: Fixture.files)
        let late = "2026-11-26"
        let after = try run(["audit", "--data", "data", "--as-of", late, "--lang", "en"], in: root)
        let before = try run(["--lang", "en", "--as-of", late, "--data", "data", "audit"], in: root)
        let mixed = try run(["--lang=en", "audit", "--as-of=\(late)", "--data=data"], in: root)
        XCTAssertEqual(after.exitCode, 1, after.output)
        XCTAssertTrue(after.stdout.contains("(as of 2026-11-26)"), after.output)
        XCTAssertEqual(before.exitCode, after.exitCode)
        XCTAssertEqual(before.stdout, after.stdout)
        XCTAssertEqual(mixed.exitCode, after.exitCode)
        XCTAssertEqual(mixed.stdout, after.stdout)
    }

    func testFailOnNeverExitsZeroButStillReports() throws {
        let root = try folder(with: Fixture.files)
        let plain = try run(["audit", "--as-of", "2026-11-26", "--data", "data"], in: root)
        let never = try run(["audit", "--as-of", "2026-11-26", "--data", "data", "--fail-on", "never"], in: root)
        XCTAssertEqual(plain.exitCode, 1, plain.output)
        XCTAssertEqual(never.exitCode, 0, never.output)
        XCTAssertEqual(never.stdout, plain.stdout)
    }

    func testFailOnWarningCountsAWarning() throws {
        var files = Fixture.files
        files["activities.rec"] = Array(Fixture.activities.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let root = try folder(with: files)
        let plain = try run(["audit", "--as-of", Self.planDate, "--data", "data"], in: root)
        let strict = try run(["audit", "--as-of", Self.planDate, "--data", "data", "--fail-on", "warning"], in: root)
        XCTAssertEqual(plain.exitCode, 0, plain.output)
        XCTAssertEqual(strict.exitCode, 1, strict.output)
        XCTAssertTrue(strict.stdout.contains("data/activities.rec:1:1: varning:"), strict.output)
    }

    func testNoTimeSkipsOverdue() throws {
        let root = try folder(with: Fixture.files)
        let timed = try run(["audit", "--as-of", "2026-11-26", "--data", "data"], in: root)
        let untimed = try run(["audit", "--as-of", "2026-11-26", "--data", "data", "--no-time"], in: root)
        XCTAssertEqual(timed.exitCode, 1, timed.output)
        XCTAssertTrue(timed.stdout.contains("data/goals.rec:8: fel: M3.3 är försenad sedan 2024-12-31"), timed.output)
        XCTAssertEqual(untimed.exitCode, 0, untimed.output)
        XCTAssertFalse(untimed.stdout.contains("försenad"), untimed.output)
        // No check judged the date: the summary names none.
        XCTAssertTrue(timed.stdout.hasSuffix("(per 2026-11-26)\n"), timed.output)
        XCTAssertTrue(untimed.stdout.hasSuffix("(utan datumkontroller)\n"), untimed.output)
        XCTAssertFalse(untimed.stdout.contains("per 2026-11-26"), untimed.output)
    }

    /// `help COMMAND VERB` with a verb the command lacks says what the command itself says.
    func testUnknownVerbIsTheSameUnderHelp() throws {
        let root = try folder(with: Fixture.files)
        let words = (sv: "okänt verb 'lsit' för activities (menade du 'list'?); verben är list, show, add, set, done, postpone, rm",
                     en: "unknown verb 'lsit' for activities (did you mean 'list'?); the verbs are list, show, add, set, done, postpone, rm")
        try assertFails(["activities", "lsit", "--data", "data"], in: root, sv: words.sv, en: words.en)
        try assertFails(["help", "activities", "lsit"], in: root, sv: words.sv, en: words.en)
        try assertFails(["help", "audit", "lsit"], in: root, sv: "audit har inga verb; se 'sakerhet help audit'",
                        en: "audit has no verbs; see 'sakerhet help audit'")
    }

    /// At 2026-11-26 the fixture has M3.3 and D2 (sbs) and A26 (ekb) overdue.
    func testOwnerByID() throws {
        let root = try folder(with: Fixture.files)
        let r = try run(["audit", "--as-of", "2026-11-26", "--data", "data", "--owner", "sbs"], in: root)
        XCTAssertEqual(r.exitCode, 1, r.output)
        XCTAssertTrue(r.stdout.contains("data/goals.rec:8: fel: M3.3 är försenad"), r.output)
        XCTAssertTrue(r.stdout.contains("data/goals.rec:15: fel: D2 är försenad"), r.output)
        XCTAssertFalse(r.stdout.contains("A26"), r.output)
    }

    func testOwnerByPartOfName() throws {
        let root = try folder(with: Fixture.files)
        let r = try run(["audit", "--as-of", "2026-11-26", "--data", "data", "--owner", "mottagning"], in: root)
        XCTAssertEqual(r.exitCode, 1, r.output)
        XCTAssertTrue(r.stdout.contains("data/activities.rec:19: fel: A26 är försenad"), r.output)
        XCTAssertFalse(r.stdout.contains("M3.3"), r.output)
        XCTAssertFalse(r.stdout.contains("D2 är"), r.output)
    }

    func testOwnerMatchingSeveralIsAUsageError() throws {
        let root = try folder(with: Fixture.files)
        try assertFails(["audit", "--as-of", Self.planDate, "--data", "data", "--owner", "Enheten"], in: root,
                        sv: "'Enheten' matchar flera ansvariga", en: "'Enheten' matches several owners")
    }

    func testOwnerMatchingNoneSuggests() throws {
        let root = try folder(with: Fixture.files)
        try assertFails(["audit", "--as-of", Self.planDate, "--data", "data", "--owner", "ekx"], in: root,
                        sv: "ingen ansvarig matchar 'ekx' (menade du 'ekb'?)", en: "no owner matches 'ekx' (did you mean 'ekb'?)")
    }

    func testVersion() throws {
        let root = try makeTempFolder()
        let r = try run(["--version"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertNotNil(r.stdout.range(of: #"^sakerhet [0-9]+\.[0-9]+\.[0-9]+\n$"#, options: .regularExpression), r.stdout)
        XCTAssertEqual(r.stderr, "")
    }

    func testNoCommandPrintsHelpAndExitsTwo() throws {
        let root = try makeTempFolder()
        let r = try run([], in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.output.contains("Användning: sakerhet KOMMANDO"), r.output)
    }
}
