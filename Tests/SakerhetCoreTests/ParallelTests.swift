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

    /// `joined` moves the pieces' values into one array in order, each held by it alone and
    /// gone with it (a value copied and kept by a piece would stay alive; one released once
    /// too often would crash), and leaves the pieces empty.
    func testJoinedMovesEveryPieceIntoPlace() {
        let sizes = [5_000, 0, 1, 12_345, 7, 30_000, 2]
        var start = 0
        let pieces = sizes.map { n -> Gathered<Tracked> in
            let piece = Gathered<Tracked>()
            for k in 0..<n { piece.append(Tracked(start + k)) }
            start += n
            return piece
        }
        weak var first: Tracked?
        weak var last: Tracked?
        do {
            var joined = Parallel.joined(pieces)
            XCTAssertTrue(pieces.allSatisfy(\.isEmpty), "the pieces are emptied")
            XCTAssertEqual(joined.map(\.value), Array(0..<start), "in order")
            for i in [0, 4_999, 5_000, 17_345, start - 1] {
                XCTAssertTrue(isKnownUniquelyReferenced(&joined[i]), "element \(i) is held by the joined array alone")
            }
            first = joined[0]
            last = joined[start - 1]
        }
        XCTAssertNil(first)
        XCTAssertNil(last)

        let one = Gathered<Tracked>()
        one.append(Tracked(9))
        XCTAssertEqual(Parallel.joined([one]).map(\.value), [9], "one piece is that piece")
        XCTAssertTrue(one.isEmpty)
        XCTAssertTrue(Parallel.joined([Gathered<Tracked>]()).isEmpty)
        XCTAssertTrue(Parallel.joined([Gathered<Tracked>(), Gathered<Tracked>()]).isEmpty)
    }

    /// `gather` gives what each piece appended, in the order of the pieces, every value
    /// moved: held by the result alone, and gone with it (a piece that copied a value or
    /// freed one it had handed over would leave it alive or crash).
    func testGatherMovesWhatEachPieceAppendedIntoPlace() {
        // Pieces of 0 to 1,000 values, some past a buffer's first doubling, some empty.
        let sizes = (0..<23).map { ($0 * 389) % 1_001 }
        let starts = sizes.indices.map { sizes[..<$0].reduce(0, +) }
        weak var first: Tracked?
        weak var last: Tracked?
        do {
            var gathered = Parallel.gather(sizes.count) { p, piece in
                for k in 0..<sizes[p] { piece.append(Tracked(starts[p] + k)) }
            }
            let total = sizes.reduce(0, +)
            XCTAssertEqual(gathered.map(\.value), Array(0..<total), "in order of the pieces")
            for i in [0, 1, total / 2, total - 1] {
                XCTAssertTrue(isKnownUniquelyReferenced(&gathered[i]), "value \(i) is held by the result alone")
            }
            first = gathered[0]
            last = gathered[total - 1]
        }
        XCTAssertNil(first)
        XCTAssertNil(last)
        XCTAssertEqual(Parallel.gather(1) { _, piece in piece.append(Tracked(7)) }.map(\.value), [7], "one piece")
        XCTAssertTrue(Parallel.gather(3) { (_: Int, _: Gathered<Tracked>) in }.isEmpty, "pieces that keep nothing")

        // A piece that is never emptied frees what it holds.
        weak var kept: Tracked?
        do {
            let piece = Gathered<Tracked>()
            let value = Tracked(1)
            kept = value
            piece.append(value)
            XCTAssertEqual(piece.count, 1)
        }
        XCTAssertNil(kept)
    }
}
