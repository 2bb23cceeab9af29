import XCTest
@testable import SakerhetCore

/// `Store.read` reads a large file in pieces at the same time; the bytes must be the file's.
final class StoreReadTests: XCTestCase {
    /// Without --data the nearest `data/` folder upward is used, as git finds `.git`; the
    /// walk is plain path steps (a trailing slash, the root).
    func testTheDataFolderIsFoundUpward() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("find-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/a/b c/å", withIntermediateDirectories: true)
        XCTAssertEqual(Store.findDataFolder(from: root + "/a/b c/å"), root + "/data")
        XCTAssertEqual(Store.findDataFolder(from: root + "/a/"), root + "/data")
        XCTAssertEqual(Store.findDataFolder(from: root), root + "/data")
        XCTAssertEqual(Store.findDataFolder(from: root + "/data"), root + "/data")
        if !FileManager.default.fileExists(atPath: "/data") {
            XCTAssertNil(Store.findDataFolder(from: "/"))
        }
    }

    func testLargeAndSmallFilesReadByteForByte() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Empty, small, and an odd size above the point where the pieces start.
        for size in [0, 65_537, (1 << 22) + 12_345] {
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(size + 1)
            let bytes = (0..<size).map { _ -> UInt8 in
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                return UInt8(truncatingIfNeeded: state)
            }
            let path = dir.appendingPathComponent("f\(size).rec").path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            let read = try Store.read(path)
            XCTAssertEqual(read.count, size)
            XCTAssertTrue(read == bytes, "size \(size)")
        }
    }

    /// A file whose size `stat` does not tell (0 for /proc files) is read to its end.
    func testAFileWithoutASizeIsReadToItsEnd() throws {
        let path = "/proc/version"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no /proc") }
        let bytes = try Store.read(path)
        XCTAssertGreaterThan(bytes.count, 16)
        XCTAssertEqual(bytes, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
