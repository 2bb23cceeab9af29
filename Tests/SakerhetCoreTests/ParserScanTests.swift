import XCTest
@testable import SakerhetCore

/// The parser's byte scans, word at a time, against plain byte-by-byte references on
/// random bytes: every length around a word, every position of LF, NUL and high bytes.
final class ParserScanTests: XCTestCase {
    /// Random bytes drawn mostly from the ones the scans look for.
    static func noise(_ count: Int, _ rng: inout some RandomNumberGenerator) -> [UInt8] {
        let picks: [UInt8] = [0x0A, 0x00, 0x41, 0x20, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xA5, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF,
                              0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xC0, 0xC1, 0xFF, 0x0B, 0x09, 0x01]
        return (0..<count).map { _ in Bool.random(using: &rng) ? UInt8(ascii: "a") : picks.randomElement(using: &rng)! }
    }

    func testALineEndsAtItsLFAndSaysWhatItHolds() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let bytes = Self.noise(Int.random(in: 0...40, using: &rng), &rng)
            let start = Int.random(in: 0...bytes.count, using: &rng)
            let limit = Int.random(in: start...bytes.count, using: &rng)
            var end = start
            while end < limit, bytes[end] != 0x0A { end += 1 }
            let slice = bytes[start..<end]
            let expected = (end, slice.contains { $0 >= 0x80 }, slice.contains(0))
            let got = bytes.withUnsafeBufferPointer { Parser.line(from: start, limit: limit, in: $0.baseAddress!) }
            XCTAssertTrue(got == expected, "\(bytes) from \(start) to \(limit): \(got), expected \(expected)")
        }
    }

    func testTheFirstByteThatBreaksUTF8() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<6000 {
            let bytes = Self.noise(Int.random(in: 0...40, using: &rng), &rng)
            let from = Int.random(in: 0...bytes.count, using: &rng)
            let to = Int.random(in: from...bytes.count, using: &rng)
            let got = bytes.withUnsafeBufferPointer { Parser.firstInvalidUTF8(in: $0, from: from, to: to) }
            XCTAssertEqual(got, Self.firstInvalid(Array(bytes[from..<to])).map { $0 + from }, "\(bytes[from..<to])")
        }
        // Swift's own decoder agrees on whether a text is valid at all.
        for _ in 0..<2000 {
            let bytes = Self.noise(Int.random(in: 0...24, using: &rng), &rng)
            let valid = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(bytes.withUnsafeBufferPointer { Parser.firstInvalidUTF8(in: $0, from: 0, to: bytes.count) } == nil, valid, "\(bytes)")
        }
    }

    /// Well-formed UTF-8 as the Unicode standard's table 3-7 gives it, one sequence at a time.
    static func firstInvalid(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 { i += 1; continue }
            let n: Int, second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (n, second) = (1, 0x80...0xBF)
            case 0xE0: (n, second) = (2, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (n, second) = (2, 0x80...0xBF)
            case 0xED: (n, second) = (2, 0x80...0x9F)
            case 0xF0: (n, second) = (3, 0x90...0xBF)
            case 0xF1...0xF3: (n, second) = (3, 0x80...0xBF)
            case 0xF4: (n, second) = (3, 0x80...0x8F)
            default: return i
            }
            guard i + n < b.count, second.contains(b[i + 1]) else { return i }
            for k in stride(from: 2, through: n, by: 1) where b[i + k] & 0xC0 != 0x80 { return i }
            i += n + 1
        }
        return nil
    }
}
