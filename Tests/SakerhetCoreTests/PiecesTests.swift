import XCTest
@testable import SakerhetCore

/// Output in pieces: made a batch at a time on every core, handed on in order, and never
/// made past the point where the writer stops.
final class PiecesTests: XCTestCase {
    /// Pieces of very different cost (the long ones first in each batch) come out in order.
    func testPiecesComeOutInOrder() {
        let n = 5 * Pieces.batch + 3
        let pieces = Pieces((0..<n).map { i in
            { @Sendable in
                // Uneven work, so that pieces of one batch finish out of order.
                let reps = i % 3 == 0 ? 20_000 : 1
                var s = ""
                for _ in 0..<reps { s = "\(i)," }
                return s
            }
        })
        XCTAssertEqual(pieces.count, n)
        var seen: [String] = []
        XCTAssertTrue(pieces.forEach { seen.append($0); return true })
        XCTAssertEqual(seen, (0..<n).map { "\($0)," })
        XCTAssertEqual(pieces.joined(), (0..<n).map { "\($0)," }.joined())
    }

    /// A writer that fails stops the output: no piece after it is handed on, and no batch
    /// after the current one is made.
    func testAFailedWriteStops() {
        let made = Counter()
        let n = 4 * Pieces.batch
        let pieces = Pieces((0..<n).map { i in { @Sendable in made.add(); return String(i) } })
        var handed: [String] = []
        XCTAssertFalse(pieces.forEach { handed.append($0); return handed.count < 3 })
        XCTAssertEqual(handed, ["0", "1", "2"])
        XCTAssertEqual(made.value, Pieces.batch)
    }

    func testTextsAreTheirOwnPieces() {
        XCTAssertEqual(Pieces(texts: ["a", "", "b"]).joined(), "ab")
        XCTAssertEqual(Pieces(texts: ["a", "", "b"]).count, 3)
        XCTAssertEqual(Pieces("x").joined(), "x")
        XCTAssertEqual(Pieces(texts: []).joined(), "")
    }

    func testCutKeepsEveryItemOnceInOrder() {
        let items = Array(0..<50_000)
        let parts = Pieces.cut(items, weight: { _ in 1 })
        XCTAssertGreaterThan(parts.count, 1)
        XCTAssertEqual(parts.flatMap { $0 }, items)
        XCTAssertEqual(Pieces.cut(Array(0..<10), weight: { _ in 1 }).count, 1)
    }
}

/// A count shared by the makers of one batch.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
