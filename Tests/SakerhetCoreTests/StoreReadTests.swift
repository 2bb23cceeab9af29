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

    /// A data file that is a symbolic link to nothing (its target gone, or a loop of links)
    /// is an error that names it, not a missing file: read as missing, every reference to
    /// its records was reported instead, and `add` sent the user to `init`. The path in
    /// `show`'s first line is data too: a folder's name with a number or an escape in it is
    /// masked and shown, not sent raw.
    func testABrokenLinkIsAnErrorAndAShownPathIsSafe() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "id: M1\ntitle: Mål\nowner: sbs\ndue: 2026\nstatus: pågår\n".write(toFile: root + "/goals.rec", atomically: true, encoding: .utf8)
        try "id: sbs\nname: Enheten\n".write(toFile: root + "/owners.rec", atomically: true, encoding: .utf8)
        for target in [root + "/gone.rec", root + "/activities.rec"] {
            try? FileManager.default.removeItem(atPath: root + "/activities.rec")
            try FileManager.default.createSymbolicLink(atPath: root + "/activities.rec", withDestinationPath: target)
            XCTAssertThrowsError(try Store.load(folder: root, display: "data")) { error in
                let message = (error as? StoreError)?.message.sv ?? ""
                XCTAssertTrue(message.hasPrefix("data/activities.rec är en symbolisk länk som inte leder till någon fil"), message)
            }
        }
        try FileManager.default.removeItem(atPath: root + "/activities.rec")
        // No activities.rec at all: as before, the folder is read without it.
        let data = try Store.load(folder: root, display: "19121212-1212/\u{1B}[31m")
        XCTAssertNil(data.files[.activity])
        let shown = ShowRender.text(data, RecordRef(kind: .goal, index: 0), asOf: Day("2026-01-01")!, lang: .sv, style: .plain)
        let first = try XCTUnwrap(shown.split(separator: "\n").first)
        XCTAssertEqual(first, "[personnummer dolt]/\\x1b[31m/goals.rec:1")
    }

    func testLargeAndSmallFilesReadByteForByte() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Empty, small, and an odd size above the point where the pieces start.
        for size in [0, 65_537, (1 << 22) + 12_345] {
            let bytes = Self.noise(size, seed: 0x9E37_79B9_7F4A_7C15 &* UInt64(size + 1))
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

    /// A folder's files are read in one pass over the cores: each array is its own file's
    /// bytes, whatever the mix of sizes (one in pieces, empty ones, one whose size `stat`
    /// does not tell).
    func testSeveralFilesReadInOnePassAreEachTheirFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-reads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        var expected: [[UInt8]] = []
        for (n, size) in [(5 << 20) + 7, 0, 17, (1 << 20) + 1, 65_537].enumerated() {
            let bytes = Self.noise(size, seed: 0x2545_F491_4F6C_DD1D &* UInt64(n + 1))
            let path = dir.appendingPathComponent("f\(n).rec").path
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            paths.append(path)
            expected.append(bytes)
        }
        if FileManager.default.fileExists(atPath: "/proc/version") {
            paths.insert("/proc/version", at: 2)
            expected.insert(Array(try Data(contentsOf: URL(fileURLWithPath: "/proc/version"))), at: 2)
        }
        let read = try Store.read(paths)
        XCTAssertEqual(read.map(\.count), expected.map(\.count))
        for i in paths.indices { XCTAssertTrue(read[i] == expected[i], "file \(i)") }
        // A folder among them is refused by name, as when it is read alone, and the files
        // opened before it are closed again (counted in /proc/self/fd where there is one).
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("d.rec"), withIntermediateDirectories: true)
        let open = { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count }
        let before = open()
        XCTAssertThrowsError(try Store.read([paths[0], paths[3], dir.appendingPathComponent("d.rec").path])) { error in
            XCTAssertTrue(String(describing: error).contains("d.rec är en mapp"), "\(error)")
        }
        XCTAssertEqual(open(), before)
    }

    /// The buffers' ranges are written on every core, and each buffer's length is what was
    /// written from its start without a gap: a range written short ends it there.
    func testBuffersFilledTogetherEndAtTheirFirstShortRange() {
        let sizes = [10 << 20, 3 << 20, 0, 100]
        let buffers = sizes.map { UnsafeMutableRawBufferPointer.allocate(byteCount: max($0, 1), alignment: 8) }
        defer { buffers.forEach { $0.deallocate() } }
        let views = zip(buffers, sizes).map { UnsafeMutableRawBufferPointer(rebasing: $0[0..<$1]) }
        // Buffer 0's second range (of three) is written 100 bytes short of nothing after them.
        let counts = Parallel.fill(views, piece: 4 << 20) { b, range, base in
            let n = b == 0 && range.lowerBound > 0 && range.upperBound < sizes[0] ? 100 : range.count
            (base + range.lowerBound).initializeMemory(as: UInt8.self, repeating: UInt8(b + 1), count: n)
            return n
        }
        XCTAssertEqual(counts, [(10 << 20) / 3 + 100, 3 << 20, 0, 100])
        XCTAssertEqual(views[1].load(fromByteOffset: (3 << 20) - 1, as: UInt8.self), 2)
        // A whole under one piece is written on the calling thread, all the same.
        let small = Parallel.fill([views[3]], piece: 4 << 20) { _, range, _ in range.count }
        XCTAssertEqual(small, [100])
    }

    /// `size` bytes of xorshift noise from `seed`: no run of them is like another.
    private static func noise(_ size: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<size).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }
}
