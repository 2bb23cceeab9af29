import XCTest
@testable import SakerhetCore

/// "Did you mean": the prepared, banded search gives the hint the plain search gave (kept
/// here as the reference: every candidate lowered and compared in full), and a check with
/// thousands of unknown values among thousands of ids stays fast. In-process.
final class SuggestTests: XCTestCase {
    static func referenceDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    static func referenceClosest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        let limit = max(1, min(3, w.count / 3))
        var best: (String, Int)?
        for c in candidates {
            let lower = Array(c.lowercased())
            guard abs(lower.count - w.count) <= limit else { continue }
            let d = referenceDistance(w, lower)
            if best == nil || d < best!.1 || (d == best!.1 && naturalLess(c, best!.0)) { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        return d <= limit ? c : nil
    }

    /// Random words over a small alphabet (so that near misses, swaps and ties are common),
    /// with upper case and a letter outside ASCII.
    func testTheSameHintAsTheFullSearch() {
        var rng = SplitMix64(seed: 41)
        let letters: [Character] = Array("abcAB1-å") + ["\r\n", "\n", "e\u{301}", "é"]
        func word() -> String { String((0..<Int(rng.next() % 9)).map { _ in letters[Int(rng.next() % UInt64(letters.count))] }) }
        for round in 0..<1500 {
            let candidates = (0..<Int(rng.next() % 12)).map { _ in word() }
            var suggester = Suggester(candidates)
            for _ in 0..<3 {
                let w = rng.next() % 3 == 0 && !candidates.isEmpty ? candidates[Int(rng.next() % UInt64(candidates.count))] + "x" : word()
                XCTAssertEqual(suggester.closest(to: w), Self.referenceClosest(to: w, in: candidates), "round \(round): \(w) in \(candidates)")
                XCTAssertEqual(Suggest.closest(to: w, in: candidates), Self.referenceClosest(to: w, in: candidates))
            }
            for _ in 0..<3 {
                let a = Array(word()), b = Array(word())
                var numbers: [Character: Int32] = [:]
                func codes(_ x: [Character]) -> [Int32] { x.map { c in numbers[c] ?? { numbers[c] = Int32(numbers.count); return Int32(numbers.count - 1) }() } }
                let (ca, cb) = (codes(a), codes(b))
                var rows = Suggest.Rows()
                let full = Self.referenceDistance(a, b)
                XCTAssertEqual(Suggest.bounded(ca, cb, Int.max, &rows), full, "\(a) \(b)")
                for bound in 0...3 {
                    let d = Suggest.bounded(ca, cb, bound, &rows)
                    XCTAssertTrue(full <= bound ? d == full : d > bound, "\(a) \(b) bound \(bound): \(d), \(full)")
                }
            }
        }
    }

    /// Past its budget of comparisons a search gives no hint; a value asked about again is
    /// answered from memory, at no cost.
    func testTheBudget() {
        var s = Suggester(["M1", "M2", "M3"], budget: 4)
        XCTAssertEqual(s.closest(to: "M4"), "M1")
        XCTAssertEqual(s.budget, 1)
        XCTAssertEqual(s.closest(to: "M4"), "M1")
        XCTAssertEqual(s.budget, 1)
        XCTAssertNil(s.closest(to: "M5"))
        XCTAssertEqual(s.budget, 0)
    }

    /// 600 goals and 60 activities naming goals that are not there (each one letter
    /// off), and 60 naming missing owners: the reference and owner checks name every value,
    /// with its hint. (At 12,500 goals and 1,250 such activities `audit` took 50 s; the
    /// release build's time is in docs/performance.md, "Did you mean, at scale".)
    func testManyUnknownReferencesAmongManyIds() {
        var goals = "", activities = ""
        for i in 0..<600 { goals += "id: G\(100_000 + i)\ntitle: g\nowner: sbs\ndue: 2025-03\nstatus: pågår\n\n" }
        for i in 0..<60 {
            activities += "id: B\(i)\ntitle: T\ngoal: G\(100_000 + i)x\nowner: sbs\(i)\ndue: 2025-03\nstatus: pågår\n\n"
        }
        let data = Fixture.data([.goal: goals, .activity: activities])
        let start = Date()
        let refs = ReferenceCheck().run(data, asOf: Fixture.asOf)
        let owners = OwnerExistsCheck().run(data, asOf: Fixture.asOf)
        XCTAssertEqual(refs.filter { $0.message.sv.contains("goal 'G") }.count, 60)
        XCTAssertEqual(owners.filter { $0.message.sv.contains("ansvarig 'sbs") }.count, 60)
        XCTAssertTrue(refs[0].message.sv.hasSuffix("(menade du 'G100000'?); använd ett id som finns där eller lägg först till posten"), refs[0].message.sv)
        XCTAssertTrue(owners.contains { $0.message.sv.contains("ansvarig 'sbs0' finns inte i data/owners.rec (menade du 'sbs'?)") },
                      owners.map(\.message.sv).joined(separator: "\n"))
        XCTAssertTrue(refs.contains { $0.message.sv.contains("goal 'G100059x' finns inte i data/goals.rec (menade du 'G100059'?); ") },
                      refs.map(\.message.sv).joined(separator: "\n"))
        // Not a benchmark: a bound far above the time it takes (about a second in a debug
        // build).
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }
}
