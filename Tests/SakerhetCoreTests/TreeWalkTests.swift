import XCTest
@testable import SakerhetCore

/// The walks over `parent` trees (goals under goals, owners under owners) on trees of any
/// shape and depth: the same answers as the plain recursive walks they replace, which are
/// kept here as the reference, on random forests with cycles, missing parents and repeated
/// ids; and a chain of 200,000 goals one under the other, which overflowed the thread's
/// stack (`GoalChildren`) and took minutes (`ParentCycles`). In-process.
final class TreeWalkTests: XCTestCase {
    /// The cycle search as it was before an earlier walk's end was remembered: every record
    /// walked up to its end.
    static func cyclesByFullWalks(count: Int, id: (Int) -> String, parent: (Int) -> String?, index: (String) -> Int?) -> [(first: Int, ids: [String])] {
        var out: [(first: Int, ids: [String])] = []
        var reported = Set<String>()
        for i in 0..<count where !reported.contains(id(i)) {
            var path = [id(i)]
            var seen: Set<String> = [id(i)]
            var cur = parent(i)
            while let p = cur, let next = index(p) {
                if seen.contains(p) {
                    guard let start = path.firstIndex(of: p) else { break }
                    let cycle = Array(path[start...])
                    if cycle.allSatisfy({ !reported.contains($0) }) {
                        reported.formUnion(cycle)
                        out.append((cycle.compactMap(index).min()!, cycle))
                    }
                    break
                }
                seen.insert(p)
                path.append(p)
                cur = parent(next)
            }
        }
        return out
    }

    /// The walk down the sub-goals as it was: recursive.
    static func upTheTreeByRecursion(_ own: [Signal?], subgoals: [[Int32]]) -> [Signal?] {
        let n = own.count
        var memo = [Signal?](repeating: nil, count: n)
        var state = [UInt8](repeating: 0, count: n)
        func visit(_ i: Int) -> Signal? {
            if state[i] == 2 { return memo[i] }
            if state[i] == 1 { return nil }
            state[i] = 1
            var worst = own[i]
            for j in subgoals[i] { worst = GoalChildren.worse(worst, visit(Int(j))) }
            memo[i] = worst
            state[i] = 2
            return worst
        }
        for i in 0..<n { _ = visit(i) }
        return memo
    }

    /// A random forest of `n` records: ids drawn from a pool that may repeat, parents that
    /// point anywhere (cycles and self-loops included), nowhere, or at an id nobody has.
    static func forest(_ n: Int, _ rng: inout SplitMix64) -> (ids: [String], parents: [String?]) {
        let pool = max(1, n - Int(rng.next() % UInt64(max(1, n / 4 + 1))))
        let ids = (0..<n).map { i in rng.next() % 5 == 0 ? "G\(rng.next() % UInt64(pool))" : "G\(i)" }
        let parents: [String?] = (0..<n).map { _ in
            switch rng.next() % 10 {
            case 0, 1: return nil
            case 2: return "X\(rng.next() % 3)"
            default: return "G\(rng.next() % UInt64(n))"
            }
        }
        return (ids, parents)
    }

    func testCyclesAreTheFullWalksCycles() {
        var rng = SplitMix64(seed: 13)
        for round in 0..<1500 {
            let n = 1 + Int(rng.next() % 40)
            let (ids, parents) = Self.forest(n, &rng)
            var first: [String: Int] = [:]
            for (i, id) in ids.enumerated() where first[id] == nil { first[id] = i }
            let found = ParentCycles.find(count: n, id: { ids[$0] }, parent: { parents[$0].flatMap { first[$0] } }, record: { first[ids[$0]] })
            let expected = Self.cyclesByFullWalks(count: n, id: { ids[$0] }, parent: { parents[$0] }, index: { first[$0] })
            XCTAssertEqual(found.map(\.first), expected.map(\.first), "round \(round): \(ids) \(parents)")
            XCTAssertEqual(found.map(\.ids), expected.map(\.ids), "round \(round): \(ids) \(parents)")
        }
    }

    func testUpTheTreeIsTheRecursiveWalk() {
        var rng = SplitMix64(seed: 29)
        let signals: [Signal?] = [nil, .green, .yellow, .red, .grey]
        for round in 0..<1500 {
            let n = 1 + Int(rng.next() % 30)
            // Any graph: a goal may be below several goals, or below itself.
            let subgoals: [[Int32]] = (0..<n).map { _ in (0..<Int(rng.next() % 4)).map { _ in Int32(rng.next() % UInt64(n)) } }
            let own = (0..<n).map { _ in signals[Int(rng.next() % 5)] }
            XCTAssertEqual(GoalChildren.upTheTree(own, subgoals: subgoals), Self.upTheTreeByRecursion(own, subgoals: subgoals),
                           "round \(round): \(subgoals) \(own)")
        }
    }

    /// 200,000 goals one under the other, with a cycle of three at the top: the walks
    /// finish, the red goal at the bottom is seen by every goal above it, and the cycle is
    /// found once.
    func testAChainOfAnyDepth() {
        let n = 200_000
        let ids = (0..<n).map { "M\($0)" }
        // Goal i is below goal i - 1; M0 is below M2, which makes M0, M1, M2 a cycle.
        let parents: [String?] = (0..<n).map { $0 == 0 ? "M2" : "M\($0 - 1)" }
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        let cycles = ParentCycles.find(count: n, id: { ids[$0] }, parent: { parents[$0].flatMap { index[$0] } }, record: { index[ids[$0]] })
        XCTAssertEqual(cycles.map(\.ids), [["M0", "M2", "M1"]])
        XCTAssertEqual(cycles.map(\.first), [0])

        var subgoals = [[Int32]](repeating: [], count: n)
        for i in 0..<n { if let p = parents[i], let j = index[p] { subgoals[j].append(Int32(i)) } }
        var own = [Signal?](repeating: .green, count: n)
        own[n - 1] = .red
        let seen = GoalChildren.upTheTree(own, subgoals: subgoals)
        XCTAssertEqual(seen.count, n)
        XCTAssertTrue(seen.allSatisfy { $0 == .red })
    }
}
