import Foundation
import XCTest
@testable import SakerhetCore

/// The inflater and the zip reader: against the system's zlib (through Python's `zlib`
/// module, which links it), on random and text inputs, every strategy and level; and
/// a few thousand random mutations of real streams, which must give an error, not a crash.
final class InflateTests: XCTestCase {
    /// Runs a Python snippet; skips the test when no python3 is found.
    func python(_ script: String) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw XCTSkip("python3 not found: \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw XCTSkip("python3 failed") }
        return [UInt8](data)
    }

    /// Cases written as: u32 raw length, raw, u32 compressed length, compressed.
    static let generator = """
    import os, random, struct, sys, zlib
    random.seed(15)
    words = "mål delmål aktivitet ansvarig klart senast status pågår klar informationssäkerhet kontinuitet".split()
    out = sys.stdout.buffer
    def case(raw, level, strategy, wbits=-15):
        c = zlib.compressobj(level, zlib.DEFLATED, wbits, 9, strategy)
        comp = c.compress(raw) + c.flush()
        out.write(struct.pack("<I", len(raw)) + raw + struct.pack("<I", len(comp)) + comp)
    sizes = [0, 1, 2, 3, 100, 1000, 32768, 65536, 70000]
    for n in sizes:
        rnd = bytes(random.getrandbits(8) for _ in range(n))
        text = " ".join(random.choice(words) for _ in range(n // 6 + 1)).encode()[:n]
        runs = bytes(random.choice(b"ab") for _ in range(n // 50 + 1)) * 50
        for raw in (rnd, text, runs[:n]):
            for level in (0, 1, 6, 9):
                case(raw, level, zlib.Z_DEFAULT_STRATEGY)
            for strategy in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
                case(raw, 6, strategy)
    """

    func testInflateMatchesZlib() throws {
        let stream = try python(Self.generator)
        var i = 0, cases = 0
        func u32() -> Int { defer { i += 4 }; return Int(stream[i]) | Int(stream[i + 1]) << 8 | Int(stream[i + 2]) << 16 | Int(stream[i + 3]) << 24 }
        while i < stream.count {
            let n = u32(); let raw = Array(stream[i..<(i + n)]); i += n
            let m = u32(); let comp = stream[i..<(i + m)]; i += m
            let got = try Inflate.inflate(comp, limit: 1 << 20)
            XCTAssertEqual(got.count, raw.count, "case \(cases)")
            XCTAssertTrue(got == raw, "case \(cases): bytes differ")
            XCTAssertEqual(CRC32.checksum(got), CRC32.checksum(raw))
            cases += 1
        }
        XCTAssertEqual(cases, 9 * 3 * 8)
    }

    func testCRC32KnownValues() {
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum([UInt8]()), 0)
        XCTAssertEqual(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)), 0x414F_A339)
    }

    func testLimitStopsAZipBomb() throws {
        // A million zeros in about a kilobyte: with a limit of 64 KiB it is refused.
        let bomb = try python("import sys, zlib; c = zlib.compressobj(9, zlib.DEFLATED, -15); sys.stdout.buffer.write(c.compress(bytes(1000000)) + c.flush())")
        XCTAssertLessThan(bomb.count, 2000)
        XCTAssertThrowsError(try Inflate.inflate(bomb[...], limit: 65_536))
        XCTAssertEqual(try Inflate.inflate(bomb[...], limit: 1_000_000).count, 1_000_000)
    }

    func testTruncatedAndInvalidStreams() {
        XCTAssertThrowsError(try Inflate.inflate([UInt8]()))
        XCTAssertThrowsError(try Inflate.inflate([0x07]))  // block type 3
        XCTAssertThrowsError(try Inflate.inflate([0x01, 0x05, 0x00, 0x00, 0x00]))  // stored, NLEN wrong
        XCTAssertEqual(try Inflate.inflate([0x01, 0x02, 0x00, 0xFD, 0xFF, 0x41, 0x42]), [0x41, 0x42])
        XCTAssertThrowsError(try Inflate.inflate([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41]))  // stored, cut short
    }

    /// 2,000 random changes to a real workbook: each read ends in a value or an
    /// error, never a crash or a hang.
    func testFuzzedWorkbooksNeverCrash() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EndToEndTests/Fixtures/import/plan.xlsx")
        let original = [UInt8](try Data(contentsOf: url))
        let zip = try ZipArchive(original)
        let sheet = zip.entries.first { $0.name == "xl/worksheets/sheet1.xml" }!
        var rng = SplitMix64(seed: 15)
        var errors = 0
        for round in 0..<2000 {
            var bytes = original
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                // Half the changes in the sheet's compressed data, the rest anywhere.
                let at = round % 2 == 0 ? sheet.localOffset + 30 + Int(rng.next() % UInt64(max(1, sheet.compressedSize)))
                                        : Int(rng.next() % UInt64(bytes.count))
                if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
            }
            if round % 7 == 0 { bytes.removeLast(Int(rng.next() % UInt64(bytes.count))) }
            // Every tenth round through the whole workbook reader; every round through the zip reader.
            if round % 10 == 0 {
                do { _ = try XLSXReader.read(bytes, file: "fuzz.xlsx") } catch { errors += 1 }
            } else {
                do { _ = try ZipArchive(bytes).read("xl/worksheets/sheet1.xml") } catch { errors += 1 }
            }
            // The raw stream alone too, without the CRC to catch what it changes.
            let start = sheet.localOffset + 30 + Int(ZipArchive.u16(bytes.count > sheet.localOffset + 29 ? bytes : original, sheet.localOffset + 26))
                + Int(ZipArchive.u16(bytes.count > sheet.localOffset + 29 ? bytes : original, sheet.localOffset + 28))
            if start < bytes.count { _ = try? Inflate.inflate(bytes[start..<min(bytes.count, start + sheet.compressedSize)], limit: 1 << 20) }
        }
        XCTAssertGreaterThan(errors, 500)
    }
}
