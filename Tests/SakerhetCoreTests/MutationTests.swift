import Foundation
import XCTest
@testable import SakerhetCore

/// Issue 11, "Fuzzing in the repository": a deterministic mutation test. Mutants of the
/// shipped files (a seeded generator: byte flips, line deletions and duplications, field
/// values spliced between records, huge numbers, control characters, empty keys, `+` lines,
/// `%` descriptors, broken UTF-8, CRLF) go through every check, every audit format, the
/// follow-up report and the list renderings, in process (Exercise.swift, shared with the
/// libFuzzer target). A crash kills the test run; a run over 2 s fails it.
final class MutationTests: XCTestCase {
    /// How many mutants: sized so that the test takes about 5 s of CPU in a debug build
    /// on this project's 2-core machine (docs/security.md has the figures).
    static let mutants = 500
    static let seed: UInt64 = 0x5A4B_4552_4845_5421
    /// The most CPU time one mutant may take. CPU time (all threads of the process), not
    /// wall time: the machine is shared, and a wall-clock limit would fail on its load.
    static let limit = 2.0

    /// CPU seconds used by this process so far.
    static func cpu() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static let hostile: [String] = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999999999", "0", "-1", "4", "1e308",
        "\u{1b}]0;titel\u{07}", "\u{1b}[2J", "\0", "\r", "\u{7f}", "\u{202e}", "\u{feff}", "\u{fffd}",
        "19121212-1212", "121212 1212", "2024-02-30", "2024-13", "2024-Q5", "?", "löpande", "v.53",
        String(repeating: "å", count: 5000), "", " ", "\\", "C:\\", "<script>alert(1)</script>", "&amp;", "\"", "]]>",
    ]
    static let strayLines: [String] = [
        ": värde", " : x", "+", "+ ", "+ fortsättning", "%rec: activity", "%key: id", "%key:", "%mandatory: id title owner",
        "%type: due int", "%type: likelihood range 1 9223372036854775807", "%rec:", "#", "id:", "id: A1", "owner: finnsinte",
        "parent: M1", "goal: A1", "action: R1", "status: klar", "done: 9999-12-31", "due: 0000-01", "\u{0}", "x",
    ]

    func mutate(_ file: [UInt8], _ g: inout SplitMix64) -> [UInt8] {
        var bytes = file
        for _ in 0...g.below(3) {
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            switch g.below(11) {
            case 0 where !bytes.isEmpty:  // flip bytes
                for _ in 0...g.below(4) { bytes[g.below(bytes.count)] ^= UInt8(1 << g.below(8)) }
                continue
            case 1 where lines.count > 1:  // delete lines
                let i = g.below(lines.count)
                lines.removeSubrange(i..<min(lines.count, i + 1 + g.below(3)))
            case 2 where !lines.isEmpty:  // duplicate a line, sometimes many times
                let i = g.below(lines.count)
                lines.insert(contentsOf: Array(repeating: lines[i], count: g.below(4) == 0 ? 200 : 1), at: i)
            case 3:  // splice a field value from one line into another
                let fields = lines.indices.filter { lines[$0].firstIndex(of: UInt8(ascii: ":")) != nil }
                guard fields.count > 1 else { continue }
                let from = g.pick(fields), to = g.pick(fields)
                let value = lines[from][(lines[from].firstIndex(of: UInt8(ascii: ":"))! + 1)...]
                lines[to] = Array(lines[to][...lines[to].firstIndex(of: UInt8(ascii: ":"))!]) + value
            case 4, 5:  // a hostile value in a field
                let fields = lines.indices.filter { lines[$0].firstIndex(of: UInt8(ascii: ":")) != nil }
                guard let i = fields.isEmpty ? nil : g.pick(fields) else { continue }
                let colon = lines[i].firstIndex(of: UInt8(ascii: ":"))!
                let value = Array(g.pick(Self.hostile).utf8)
                lines[i] = Array(lines[i][...colon]) + Array(" ".utf8) + (g.below(2) == 0 ? value : lines[i][(colon + 1)...] + value)
            case 6, 7:  // a stray line: empty key, `+` line, `%` descriptor, …
                let stray = Array(g.pick(Self.strayLines).utf8)
                lines.insert(contentsOf: Array(repeating: stray, count: g.below(5) == 0 ? 1 + g.below(300) : 1), at: g.below(lines.count + 1))
            case 8:  // broken UTF-8 or a BOM
                let junk: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80]]
                bytes.insert(contentsOf: g.pick(junk), at: g.below(bytes.count + 1))
                continue
            case 9:  // CRLF or CR line ends
                bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: g.below(2) == 0 ? "\r\n" : "\r").utf8)
                continue
            default:  // cut the file
                bytes = Array(bytes.prefix(g.below(bytes.count + 1)))
                continue
            }
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }
        return bytes
    }

    func testMutantsOfTheShippedFilesNeitherCrashNorHang() throws {
        let shipped = Exercise.files(folder: Fixture.shippedFolder)
        XCTAssertTrue(shipped.allSatisfy { $0 != nil }, "the shipped plan has every file")
        let days = ["2024-11-04", "2023-01-01", "2026-11-26"].map { Day($0)! }
        var g = SplitMix64(seed: Self.seed)  // the same mutants on every machine
        let clock = ContinuousClock()
        let start = clock.now, startCPU = Self.cpu()
        var slowest: (Double, Int) = (0, -1)
        for n in 0..<Self.mutants {
            // One file is mutated. Every 10th mutant keeps the whole plan around it; the
            // others keep only owners, areas and config (references still resolve), which
            // makes a run ten times cheaper.
            let target = g.below(7)
            var files: [[UInt8]?] = n % 10 == 0 ? shipped : shipped.enumerated().map { [0, 1, 6].contains($0.offset) ? $0.element : nil }
            files[target] = mutate(shipped[target]!, &g)
            let t0 = Self.cpu()
            Exercise.run(Exercise.dataSet(files), asOf: days[n % days.count], variant: n)
            let took = Self.cpu() - t0
            if took > slowest.0 { slowest = (took, n) }
            XCTAssertLessThan(took, Self.limit, "mutant \(n) of \(Exercise.fileNames[target]) took \(took) s of CPU")
        }
        print("MutationTests: \(Self.mutants) mutants in \(clock.now - start) (\(Self.cpu() - startCPU) s CPU), slowest \(slowest.0) s CPU (mutant \(slowest.1))")
    }

    /// Every input that ever crashed the fuzz target (FuzzRegressions/, in the target's
    /// input format: see Sources/sakerhet-fuzz/main.swift) runs through everything.
    func testFuzzRegressions() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()) ?? []
        let shipped = Exercise.files(folder: Fixture.shippedFolder)
        let days = ["2024-11-04", "2023-01-01", "2026-11-26", "2099-12-31"].map { Day($0)! }
        for name in names {
            let input = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            guard let head = input.first else { continue }
            var files: [[UInt8]?] = head & 8 != 0 ? Array(repeating: nil, count: 7) : shipped
            let body = Array(input.dropFirst())
            if head & 7 == 7 {
                let pieces = body.split(separator: 0, maxSplits: 6, omittingEmptySubsequences: false)
                for i in 0..<7 { files[i] = i < pieces.count ? Array(pieces[i]) : nil }
            } else {
                files[Int(head & 7)] = body
            }
            Exercise.run(Exercise.dataSet(files), asOf: days[Int(head >> 4) & 3])
        }
    }
}
