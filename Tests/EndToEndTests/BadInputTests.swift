import Foundation
import XCTest

/// Each kind of bad input from issue 2, in a temporary data folder: `audit` exits as it
/// should, names `file:line:` with the Swedish and English wording, and changes no file;
/// `report` on the same folder does not crash.
final class BadInputTests: EndToEndCase {
    /// Runs `audit` in Swedish and in English on `files` and checks both runs.
    func assertAudit(_ files: [String: [UInt8]], exits code: Int32, at location: String,
                     sv: String, en: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try folder(with: files)
        let data = root.appendingPathComponent("data")
        let before = try snapshot(data)
        for (lang, words) in [("sv", sv), ("en", en)] {
            let r = try run(["audit", "--as-of", Self.planDate, "--data", "data", "--lang", lang], in: root)
            XCTAssertEqual(r.exitCode, code, "exit code (\(lang)); output:\n\(r.output)", file: file, line: line)
            let here = lines(of: r.output, at: location)
            XCTAssertTrue(here.contains { $0.contains(words) },
                          "no line at \(location) says '\(words)' (\(lang)); output:\n\(r.output)", file: file, line: line)
            try assertUnchanged(data, since: before, file: file, line: line)
        }
        // The report reads the same bad folder without crashing (run() fails on a signal).
        let report = try run(["report", "--as-of", Self.planDate, "--data", "data"], in: root)
        XCTAssertTrue([0, 1, 2].contains(report.exitCode), "report exit code \(report.exitCode)", file: file, line: line)
        try assertUnchanged(data, since: before, file: file, line: line)
    }

    /// Output that cannot be written (a full disk) is an error, not a silent exit 0.
    func testAFullStandardOutputIsAnError() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        let root = try folder(with: Fixture.files)
        let process = Process()
        process.executableURL = try Binary.url()
        process.arguments = ["report", "--as-of", Self.planDate, "--data", "data"]
        process.currentDirectoryURL = root
        process.standardOutput = full
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 2, message)
        XCTAssertTrue(message.hasPrefix("sakerhet: fel: kan inte skriva till standard ut: "), message)
    }

    /// A reader that has gone (`| head`) ends the run quietly: exit 0, nothing on standard
    /// error, no signal. The HTML report is written in pieces: the first failed piece ends it.
    func testAReaderThatHasGoneEndsTheRunQuietly() throws {
        let root = try folder(with: Fixture.files)
        for format in ["text", "html"] {
            let process = Process()
            process.executableURL = try Binary.url()
            process.arguments = ["report", "--as-of", Self.planDate, "--data", "data", "--format", format]
            process.currentDirectoryURL = root
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try out.fileHandleForReading.close()  // nobody reads: the first write fails with EPIPE
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .exit, format)
            XCTAssertEqual(process.terminationStatus, 0, format + ": " + message)
            XCTAssertEqual(message, "", format)
        }
    }

    func testFixtureIsClean() throws {
        let root = try folder(with: Fixture.files)
        let r = try run(["audit", "--as-of", Self.planDate, "--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertEqual(r.stdout, "Inga problem (per 2024-11-04)\n")
    }

    /// `löpande` and `?` are deadlines without days: as a report period, a list's
    /// `--due-before` or `log --since` they are a usage error (exit 2), never a crash.
    func testDeadlinesWithoutDaysAreRefusedWhereADayIsNeeded() throws {
        let root = try folder(with: Fixture.files)
        for args in [["report", "--period", "löpande"], ["report", "--period", "fortlöpande"], ["report", "--period", "?"],
                     ["activities", "list", "--due-before", "löpande"], ["log", "--since", "löpande"], ["log", "--until", "?"]] {
            let r = try run(args + ["--as-of", Self.planDate, "--data", "data"], in: root)
            XCTAssertEqual(r.exitCode, 2, "\(args): \(r.output)")
            XCTAssertTrue(r.stderr.contains("löpande") || r.stderr.contains("'?'"), "\(args) names the value: \(r.stderr)")
            XCTAssertFalse(r.output.contains("Fatal error"), r.output)
        }
    }

    func testInvalidStatus() throws {
        try assertAudit(Fixture.files(editing: "goals.rec", replacing: "status: pågår", with: "status: halvklar"),
                        exits: 1, at: "data/goals.rec:9:", sv: "okänd status 'halvklar'", en: "unknown status 'halvklar'")
    }

    func testDayThatDoesNotExist() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "due: 2024-10", with: "due: 2024-02-30"),
                        exits: 1, at: "data/activities.rec:10:",
                        sv: "'2024-02-30' är ingen giltig tidpunkt (februari 2024 har 29 dagar)",
                        en: "'2024-02-30' is not a valid deadline (February 2024 has 29 days)")
    }

    func testMonth13() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "due: 2024-10", with: "due: 2024-13"),
                        exits: 1, at: "data/activities.rec:10:",
                        sv: "'2024-13' är ingen giltig tidpunkt (månad 13 finns inte)",
                        en: "'2024-13' is not a valid deadline (there is no month 13)")
    }

    func testUnknownOwnerSuggestsTheClosest() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "owner: sbs", with: "owner: sbx"),
                        exits: 1, at: "data/activities.rec:8:", sv: "menade du 'sbs'", en: "did you mean 'sbs'")
    }

    func testBrokenGoalReference() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "goal: D2", with: "goal: D7"),
                        exits: 1, at: "data/activities.rec:7:", sv: "'D7' finns inte i data/goals.rec",
                        en: "'D7' is not in data/goals.rec")
    }

    func testGoalParentCycle() throws {
        let title = "title: Säkerställa socialnämndens systematiska säkerhetsarbete\n"
        try assertAudit(Fixture.files(editing: "goals.rec", replacing: title, with: title + "parent: D2\n"),
                        exits: 1, at: "data/goals.rec:7:", sv: "M3.3 → D2 → M3.3", en: "M3.3 → D2 → M3.3")
    }

    func testDuplicateIDNamesBothLines() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "id: A26", with: "id: A1"),
                        exits: 1, at: "data/activities.rec:14:",
                        sv: "'A1' finns redan på data/activities.rec:5", en: "'A1' is already used at data/activities.rec:5")
    }

    func testDoneWithoutDoneDate() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "done: 2024-10-31\n", with: ""),
                        exits: 1, at: "data/activities.rec:11:", sv: "A1 är klar men saknar 'done'",
                        en: "A1 is done but has no 'done' date")
    }

    func testPersonnummerInAComment() throws {
        let number = Fixture.personnummer(date: "19850312", serial: "238")
        let files = try Fixture.files(editing: "activities.rec", replacing: "id: A26\n",
                                      with: "# Anmält av \(number)\nid: A26\n")
        try assertAudit(files, exits: 1, at: "data/activities.rec:14:",
                        sv: "personnummer eller samordningsnummer", en: "personal identity or co-ordination number")
        // The message must not copy the number into CI logs.
        let r = try run(["audit", "--as-of", Self.planDate, "--data", "data"], in: try folder(with: files))
        XCTAssertFalse(r.output.contains(number), r.output)
        XCTAssertFalse(r.output.contains(String(number.dropFirst(2))), r.output)
    }

    func testNumberThatFailsLuhnIsNotAPersonnummer() throws {
        let valid = Fixture.personnummer(date: "19850312", serial: "238")
        let lastDigit = Int(String(valid.last!))!
        let invalid = valid.dropLast() + String((lastDigit + 1) % 10)
        let root = try folder(with: Fixture.files(editing: "activities.rec", replacing: "id: A26\n",
                                                  with: "# Ärende \(invalid)\nid: A26\n"))
        let r = try run(["audit", "--as-of", Self.planDate, "--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertEqual(r.stdout, "Inga problem (per 2024-11-04)\n")
    }

    func testCRLFIsAWarningOnly() throws {
        let crlf = Array(Fixture.activities.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        var files = Fixture.files
        files["activities.rec"] = crlf
        try assertAudit(files, exits: 0, at: "data/activities.rec:1:1:", sv: "CRLF-radslut", en: "CRLF line endings")
    }

    func testByteOrderMarkIsAWarningOnly() throws {
        var files = Fixture.files
        files["activities.rec"] = [0xEF, 0xBB, 0xBF] + Array(Fixture.activities.utf8)
        try assertAudit(files, exits: 0, at: "data/activities.rec:1:1:", sv: "BOM", en: "byte-order mark")
    }

    func testInvalidUTF8() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "Skapa en", with: Array("Skapa ".utf8) + [0xFF] + Array(" en".utf8)),
                        exits: 1, at: "data/activities.rec:6:14:", sv: "ogiltig UTF-8 (byte 0xFF)", en: "invalid UTF-8 (byte 0xFF)")
    }

    func testNULByte() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "Skapa en", with: Array("Skapa ".utf8) + [0] + Array(" en".utf8)),
                        exits: 1, at: "data/activities.rec:6:14:", sv: "NUL-byte", en: "NUL byte")
    }

    func testTabIndentedLine() throws {
        try assertAudit(Fixture.files(editing: "activities.rec", replacing: "status: klar", with: "\tstatus: klar"),
                        exits: 1, at: "data/activities.rec:11:1:", sv: "raden börjar med blanksteg", en: "line starts with whitespace")
    }

    /// Positions are kept as 32-bit numbers, so a file over 1 GiB is refused, not misread.
    /// The file is sparse: it takes no disk space and is never read.
    func testFileOverOneGiBIsRefused() throws {
        let root = try folder(with: Fixture.files)
        let path = root.appendingPathComponent("data/risks.rec")
        XCTAssertTrue(FileManager.default.createFile(atPath: path.path, contents: nil))
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: (1 << 30) + 1)
        try handle.close()
        let r = try run(["audit", "--as-of", Self.planDate, "--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("risks.rec är 1024 MiB; sakerhet läser filer på högst 1 GiB"), r.stderr)
    }
}
