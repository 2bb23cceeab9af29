import XCTest
@testable import SakerhetCore

/// `Parallel.map` and `Parallel.array` put each result straight into the array they
/// return, from several threads: every index once, in order, each value moved in and
/// owned once by the array.
final class ParallelTests: XCTestCase {
    func testArrayPutsEveryElementInItsPlace() {
        let n = 50_000
        XCTAssertGreaterThan(Parallel.arrayPieces(n).count, Parallel.width == 1 ? 0 : 1, "made in pieces")
        let made = Parallel.array(n, start: { 0 }) { seen, i in
            seen += 1
            return "v\(i) after \(seen - 1) in this piece"
        }
        XCTAssertEqual(made.count, n)
        let pieces = Parallel.arrayPieces(n)
        XCTAssertEqual(pieces.count, Parallel.width * 4, "four pieces per core, taken in turn")
        for range in pieces {
            for i in range { XCTAssertEqual(made[i], "v\(i) after \(i - range.lowerBound) in this piece") }
        }
        XCTAssertEqual(Parallel.map(7) { $0 * $0 }, [0, 1, 4, 9, 16, 25, 36])
    }

    func testNoElementsIsAnEmptyArray() {
        XCTAssertEqual(Parallel.array(0, start: { 0 }) { _, i in i }, [])
        XCTAssertEqual(Parallel.map(0) { $0 }, [])
        XCTAssertEqual(Parallel.map(1) { $0 + 1 }, [1])
    }

    final class Tracked: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    /// Each value is held by the array alone: once the array is gone, so are they (a value
    /// copied and not released would stay; one released once too often would crash).
    func testValuesAreOwnedOnceByTheArray() {
        weak var first: Tracked?
        weak var last: Tracked?
        do {
            let made = Parallel.array(30_000, start: { () }) { _, i in Tracked(i) }
            first = made[0]
            last = made[29_999]
            XCTAssertEqual(made.map(\.value), Array(0..<30_000))
        }
        XCTAssertNil(first)
        XCTAssertNil(last)
    }
}
