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
    /// is begun after the one made while the current one was written.
    func testAFailedWriteStops() {
        let made = Counter()
        let n = 4 * Pieces.batch
        let pieces = Pieces((0..<n).map { i in { @Sendable in made.add(); return String(i) } })
        var handed: [String] = []
        XCTAssertFalse(pieces.forEach { handed.append($0); return handed.count < 3 })
        XCTAssertEqual(handed, ["0", "1", "2"])
        XCTAssertEqual(made.value, 2 * Pieces.batch)
    }

    /// The next batch is made while the writer has the current one: the writer, holding
    /// the first piece, sees the second batch made (it would wait for ever otherwise; it
    /// gives up after 10 s).
    func testTheNextBatchIsMadeWhileOneIsWritten() {
        let made = Counter()
        let n = 3 * Pieces.batch
        let pieces = Pieces((0..<n).map { i in { @Sendable in made.add(); return String(i) } })
        var sawNext = false
        var handed: [String] = []
        XCTAssertTrue(pieces.forEach { piece in
            if piece == "0" {
                let start = Date()
                while made.value < 2 * Pieces.batch, Date().timeIntervalSince(start) < 10 { Thread.sleep(forTimeInterval: 0.001) }
                sawNext = made.value >= 2 * Pieces.batch
            }
            handed.append(piece)
            return true
        })
        XCTAssertTrue(sawNext, "the second batch was not made while the first was written")
        XCTAssertEqual(handed, (0..<n).map { String($0) })
    }

    /// Output made in pieces inside work that is itself spread over the cores (a plan's
    /// audit text in the rollup): every worker waits for the batch made ahead of it, and
    /// all of them finish, each with its own text.
    func testPiecesInsideParallelWorkFinish() {
        let n = 3 * Pieces.batch + 1
        let texts = Parallel.map(4 * Parallel.width) { w in
            Pieces((0..<n).map { i in { @Sendable in "\(w).\(i)," } }).joined()
        }
        XCTAssertEqual(texts, (0..<(4 * Parallel.width)).map { w in (0..<n).map { "\(w).\($0)," }.joined() })
    }

    /// A writer that throws (a disk that fails) stops the output with its error, while a
    /// batch is being made ahead: nothing after the failed piece is handed on.
    func testAWriterThatThrowsStopsWithItsError() {
        struct Full: Error {}
        let n = 3 * Pieces.batch
        let pieces = Pieces((0..<n).map { i in { @Sendable in String(i) } })
        var handed: [String] = []
        XCTAssertThrowsError(try pieces.forEach { piece in
            if piece == "2" { throw Full() }
            handed.append(piece)
            return true
        }) { XCTAssertTrue($0 is Full) }
        XCTAssertEqual(handed, ["0", "1"])
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

    /// The audit's text, made in parts at the same time, is the text made in one pass: a
    /// blank line between files wherever the file changes, a part that begins with a new
    /// file included, and the summary once at the end. A thousand lines are already cut:
    /// the list is cut by the bytes it makes, not by its count.
    func testDiagnosticTextInPartsIsTheTextInOnePass() {
        for (count, block) in [(30_000, 3), (30_000, 7), (1_000, 3)] {
            let diagnostics = (0..<count).map { i in
                Diagnostic(severity: i % 5 == 0 ? .warning : .error, check: "overdue", file: "data/f\((i / block) % 4).rec",
                           line: i + 1, message: Message(sv: "sent \(i)", en: "late \(i)"))
            }
            let pieces = DiagnosticText.pieces(diagnostics, data: nil, asOf: Day("2024-11-04")!, lang: .sv, style: .plain)
            XCTAssertGreaterThan(pieces.count, 2, "the list is cut in parts")
            var expected = ""
            var lastFile: String?
            for d in diagnostics {
                if let lastFile, lastFile != d.file { expected += "\n" }
                lastFile = d.file
                expected += "\(d.file):\(d.line): \(d.severity == .error ? "fel" : "varning"): \(d.message.sv)\n"
            }
            expected += "\n\(count - count / 5) fel, \(count / 5) varningar, 0 notiser (per 2024-11-04)\n"
            XCTAssertEqual(pieces.joined(), expected, "\(count) in blocks of \(block)")
        }
        XCTAssertEqual(DiagnosticText.render([], data: nil, asOf: Day("2024-11-04")!, lang: .en, style: .plain),
                       "No problems (as of 2024-11-04)\n")
    }

}

/// A count shared by the makers of one batch.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
