import Dispatch
import XCTest
@testable import SakerhetCore

/// `Once`: a value made on first use under a lock of its own (the data set's typed records
/// and id indexes, one per kind).
final class OnceTests: XCTestCase {
    /// Asked for from many threads at once, the value is made once and every caller gets it.
    func testTheValueIsMadeOnceForEveryCaller() {
        let once = Once<[Int]>()
        let counter = Once<Int>()
        XCTAssertNil(once.made)
        var got = [[Int]](repeating: [], count: 16)
        got.withUnsafeMutableBufferPointer { got in
            nonisolated(unsafe) let got = got
            DispatchQueue.concurrentPerform(iterations: 16) { i in
                got[i] = once.get {
                    counter.update { $0 = ($0 ?? 0) + 1 }
                    return Array(0..<1000)
                }
            }
        }
        XCTAssertEqual(counter.made, 1, "made once")
        XCTAssertTrue(got.allSatisfy { $0 == Array(0..<1000) })
        XCTAssertEqual(once.made, Array(0..<1000))
    }

    /// A slow `make` holds up only those that ask for the same value: another `Once` is made
    /// and read while it runs. With one lock for all, the second `get` would wait for the
    /// first, which waits for the second: the first's wait would time out.
    func testASlowMakeHoldsUpOnlyItsOwnValue() {
        let slow = Once<Int>(), quick = Once<Int>()
        let started = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let timedOut = Once<Bool>()
        DispatchQueue.global().async {
            _ = slow.get {
                started.signal()
                timedOut.update { $0 = go.wait(timeout: .now() + 10) == .timedOut }
                return 1
            }
            done.signal()
        }
        started.wait()
        XCTAssertEqual(quick.get { 2 }, 2, "made while the other is being made")
        XCTAssertEqual(quick.made, 2)
        go.signal()
        done.wait()
        XCTAssertEqual(timedOut.made, false)
        XCTAssertEqual(slow.made, 1)
    }

    /// `update` changes the value in place, made or not.
    func testUpdateChangesTheValueInPlace() {
        let once = Once<[String: Int]>()
        once.update { if $0 == nil { $0 = [:] }; $0!["a"] = 1 }
        once.update { $0!["b"] = 2 }
        XCTAssertEqual(once.made, ["a": 1, "b": 2])
        XCTAssertEqual(once.get { [:] }, ["a": 1, "b": 2], "made already: make is not run")
    }
}
