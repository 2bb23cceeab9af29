import XCTest
@testable import SakerhetCore

/// A large file of a folder loaded whole is mapped, not read into an array (`FileBytes`):
/// what the parse, the checks and an edit make of it must be what they make of its bytes
/// in an array, and a file shortened under the mapping must end the process with a
/// message, not a crash.
final class FileBytesTests: XCTestCase {
    private static let childVariable = "SAKERHET_TEST_SHORTENED_MAPPING"

    private func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        return root
    }

    /// Activities enough for a file over the threshold, with values that stay in the file
    /// (one line, ASCII and Swedish), made values (several lines, a repaired byte), a
    /// comment and a blank at a line's end: every way a value is kept.
    private static func activities(_ n: Int) -> [UInt8] {
        var text = "%rec: activity\n%key: id\n\n"
        for i in 1...n {
            text += "# Aktivitet \(i)\nid: A\(i)\ngoal: M1\ntitle: Följa upp åtgärd \(i) för säkerhetsarbetet\nowner: sbs\n"
            text += "due: 20\(10 + i % 20)-\(String(format: "%02d", i % 12 + 1))-15\nstatus: \(i % 3 == 0 ? "klar" : "pågår")\n"
            if i % 3 == 0 { text += "done: 2024-01-0\(i % 9 + 1)\n" }
            if i % 7 == 0 { text += "note: Första raden\n+ andra raden \n" }
            text += "\n"
        }
        var bytes = Array(text.utf8)
        // One byte that is not UTF-8, in a title near the end.
        let at = bytes.count - 200
        if let t = (at..<bytes.count).first(where: { bytes[$0] == UInt8(ascii: "F") }) { bytes[t] = 0xFF }
        return bytes
    }

    func testALargeFileIsMappedAndReadsAsItsBytesInAnArray() throws {
        let root = try folder()
        let bytes = Self.activities(9_000)
        XCTAssertGreaterThanOrEqual(bytes.count, FileBytes.mapThreshold)
        XCTAssertTrue(FileManager.default.createFile(atPath: root + "/activities.rec", contents: Data(bytes)))
        try "id: M1\ntitle: Mål\nowner: sbs\ndue: 2030\nstatus: pågår\n".write(toFile: root + "/goals.rec", atomically: true, encoding: .utf8)
        try "id: sbs\nname: Enheten\n".write(toFile: root + "/owners.rec", atomically: true, encoding: .utf8)

        let files = try Store.readFiles([root + "/activities.rec", root + "/owners.rec"])
        XCTAssertTrue(files[0].isMapped, "a file of \(bytes.count) bytes is mapped")
        XCTAssertFalse(files[1].isMapped, "a small file is read")
        XCTAssertEqual(files[0].count, bytes.count)
        XCTAssertTrue(files[0].withUnsafeBufferPointer { $0.elementsEqual(bytes) })

        let loaded = try Store.load(folder: root)
        let mapped = try XCTUnwrap(loaded.files[.activity]?.document)
        XCTAssertTrue(mapped.file.isMapped)
        let inArray = Document(bytes: bytes)
        XCTAssertFalse(inArray.file.isMapped)
        // The same records, fields, values (made or left in the file) and issues.
        XCTAssertEqual(mapped.records.count, inArray.records.count)
        XCTAssertEqual(mapped.records.count, 9_000)
        for (a, b) in zip(mapped.records, inArray.records) {
            XCTAssertEqual(a.byteRange, b.byteRange)
            XCTAssertEqual(a.fields.map(\.key), b.fields.map(\.key))
            XCTAssertEqual(a.fields.map(\.value), b.fields.map(\.value))
            XCTAssertEqual(a.fields.map(\.line), b.fields.map(\.line))
        }
        XCTAssertEqual(mapped.comments.map(\.text), inArray.comments.map(\.text))
        XCTAssertEqual(mapped.issues.map(\.line), inArray.issues.map(\.line))
        XCTAssertFalse(mapped.issues.isEmpty, "the byte that is not UTF-8 is reported")
        XCTAssertEqual(mapped.lineCount, inArray.lineCount)
        // An edit's array is the file's bytes, and the edit the same as on the array.
        XCTAssertTrue(mapped.bytes == bytes)
        XCTAssertTrue(mapped.setting("status", to: "klar", inRecord: 4).bytes == inArray.setting("status", to: "klar", inRecord: 4).bytes)

        // Every check says the same of the mapped folder as of the same bytes in arrays:
        // the trailing blank and the bad byte, each overdue activity.
        var arrays = loaded.files
        arrays[.activity] = SourceFile(path: loaded.files[.activity]!.path, document: inArray)
        let inMemory = DataSet(folder: loaded.folder, files: arrays, configFile: nil)
        let day = Day("2025-06-01")!
        let found = Checks.run(loaded, asOf: day)
        XCTAssertEqual(found, Checks.run(inMemory, asOf: day))
        XCTAssertTrue(found.contains { $0.check == "trailing" })
        XCTAssertTrue(found.contains { $0.check == "overdue" })
    }

    /// The child's part of the next test: maps a large file, shortens it, and reads a page
    /// past the new end. The handler ends the process with 2 and its message; without it
    /// the process died of SIGBUS.
    func testShortenedMappingChild() throws {
        // The folder is the parent's, which removes it: this process ends in the handler.
        guard let root = ProcessInfo.processInfo.environment[Self.childVariable] else { return }
        let path = root + "/activities.rec"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: 4 << 20)))
        let file = try Store.readFiles([path])[0]
        guard file.isMapped else { return }
        XCTAssertEqual(truncate(path, 0), 0)
        let last = file.withUnsafeBufferPointer { $0[$0.count - 1] }
        XCTFail("read \(last) past the end of a shortened file")
    }

    func testAFileShortenedWhileMappedEndsTheProcessWithAMessage() throws {
        #if !os(Linux)
        throw XCTSkip("files are mapped on Linux only")
        #else
        let root = try folder()
        let env = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" } + ["\(Self.childVariable)=\(root)"]
        let argv = [CommandLine.arguments[0], "SakerhetCoreTests.FileBytesTests/testShortenedMappingChild"]
        guard case .success(let outcome) = Platform.run(argv, env, input: nil) else { return XCTFail("the test binary did not start") }
        let err = String(decoding: outcome.err, as: UTF8.self)
        XCTAssertEqual(outcome.code, 2, "exit code; standard error:\n\(err)")
        XCTAssertTrue(err.contains("sakerhet: en fil ändrades (kortades) medan den lästes; kör kommandot igen"), err)
        XCTAssertTrue(err.contains("sakerhet: a file was changed (shortened) while it was read; run the command again"), err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root), ["activities.rec"], "the child's file was made")
        #endif
    }
}
