import Foundation
@testable import SakerhetCore
import XCTest

/// Issue 11: the library's rules for what the writer writes and where.
final class WriteSafetyTests: XCTestCase {
    func checked(_ value: String, _ key: String, _ kind: Kind = .activity) -> Result<String, EditError> {
        Result { try ValueRules.checked(value, key: key, kind: kind) }.mapError { $0 as! EditError }
    }

    func testValueRules() throws {
        // Free text over several lines: CR LF read as LF, blanks at line ends and empty
        // lines at the ends removed, empty lines inside kept.
        XCTAssertEqual(try checked("ett  \r\ntvå\t\n\ntre\n\n", "note").get(), "ett\ntvå\n\ntre")
        XCTAssertEqual(try checked("C:\\temp och \\\\server", "note").get(), "C:\\temp och \\\\server")
        XCTAssertEqual(try checked("kolumn\tmed tab", "title").get(), "kolumn\tmed tab")
        XCTAssertEqual(try checked("", "note").get(), "")
        for (value, key) in [("A12\nstatus: klar", "id"), ("a\nb", "title"), ("2024-12\n2025", "due"), ("x\\", "note"),
                             ("x\\\ny", "reason"), ("a\u{1B}b", "note"), ("a\u{0}b", "title"), ("a\rb", "note"), ("a\u{85}b", "note"),
                             ("rätt\u{202E}fel", "title"), ("a\u{2066}b", "id"), ("a\u{2028}b", "note")] {
            guard case .failure(let e) = checked(value, key) else { XCTFail("\(value.debugDescription) for \(key) was accepted"); continue }
            XCTAssertTrue(e.message.sv.contains("'\(key)'"), e.message.sv)
            XCTAssertFalse(e.isRefusal)
            // The value is never quoted back: it may hold control characters.
            XCTAssertFalse(e.message.en.contains(value), e.message.en)
        }
        // An id with a blank or an invisible character would look like another id.
        for bad in ["A 1", "A\u{200B}1", "A1\u{00AD}", "A\u{00A0}1", "A\t1"] {
            guard case .failure(let e) = checked(bad, "id") else { XCTFail("\(bad.debugDescription) was accepted as an id"); continue }
            XCTAssertTrue(e.message.sv.hasPrefix("ett id har inga blanksteg eller osynliga tecken (här U+"), e.message.sv)
        }
        guard case .success = checked("HP2.1", "id") else { return XCTFail("a plain id was refused") }
        // "May span several lines" is declared with the field: only free text has it.
        let multi = Set(Kind.allCases.flatMap { $0.fields.filter(\.multiLine).map(\.name) })
        XCTAssertEqual(multi, ["note", "description", "reason", "evidence", "response", "progress", "remaining",
                               "done_when", "treatment", "recommendation", "analysis"])
        for kind in Kind.allCases { for f in kind.fields where f.multiLine { XCTAssertEqual(f.type, .text, f.name) } }
    }

    /// The gate's key: the same error in another line is the same; another message in the
    /// same record is not.
    func testErrorIdentityIgnoresLineNumbersOnly() {
        func d(_ en: String, line: Int = 5) -> Diagnostic {
            Diagnostic(severity: .error, check: "reference", file: "data/activities.rec", line: line, recordID: "A9", message: Message(sv: en, en: en))
        }
        XCTAssertEqual(Edit.key(d("A9: goal 'D99' does not exist", line: 5)), Edit.key(d("A9: goal 'D99' does not exist", line: 9)))
        XCTAssertNotEqual(Edit.key(d("A9: goal 'D99' does not exist")), Edit.key(d("A9: area 'finnsinte' does not exist")))
        XCTAssertEqual(Edit.key(d("A5 also at data/activities.rec:12")), Edit.key(d("A5 also at data/activities.rec:15")))
        XCTAssertEqual(Edit.withoutLineNumbers("already on line 14; likelihood 7"), "already on line #; likelihood 7")
        XCTAssertEqual(Edit.added(before: [d("goal 'D99'")], after: [d("area 'x'")]).count, 1)
    }

    func testTemporaryFileNames() {
        XCTAssertEqual(Store.temporaryName(for: "activities.rec", pid: 4711), ".activities.rec.sakerhet-tmp.4711")
        XCTAssertEqual(Store.temporaryOwner(".activities.rec.sakerhet-tmp.4711"), 4711)
        XCTAssertEqual(Store.temporaryOwner(".goals.rec.812.tmp"), 812)
        for other in [".sakerhet.lock", ".activities.rec.sakerhet-tmp.", ".notes.txt.12.tmp", ".x.rec.0.tmp", ".git"] {
            XCTAssertNil(Store.temporaryOwner(other), other)
        }
    }

    /// git that exits without reading its input: an exit code and git's message, not a
    /// trap on the broken pipe. 1 MB cannot fit in the pipe, so the write meets EPIPE.
    func testGitThatStopsReadingItsInputIsAFailureNotACrash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-git-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertEqual(try Git.run(["init", "-q"], in: dir).status, 0)
        let input = [UInt8](repeating: 0x61, count: 1 << 20)
        let r = try Git.run(["cat-file", "--batch", "--no-such-option"], in: dir, input: input)
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no-such-option"), r.stderr)
        // And input that git reads in full still arrives whole.
        let hashed = try Git.run(["hash-object", "--stdin"], in: dir, input: input)
        XCTAssertEqual(hashed.status, 0, hashed.stderr)
        XCTAssertEqual(hashed.text.count, 41)
    }
}
