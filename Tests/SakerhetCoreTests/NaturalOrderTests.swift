import Foundation
import XCTest
@testable import SakerhetCore

/// `naturalLess`: ids as people read them, and a total order.
final class NaturalOrderTests: XCTestCase {
    func testIdsInReadingOrder() {
        let ids = ["A10", "B1", "A2", "G1.10", "A1", "G1.2", "a1", "A02", "A", "A1b", "D8", "D10", "R3", "R03"]
        XCTAssertEqual(ids.sorted(by: naturalLess),
                       ["A", "A1", "A1b", "A02", "A2", "A10", "B1", "D8", "D10", "G1.2", "G1.10", "R03", "R3", "a1"])
    }

    func testATotalOrder() {
        let ids = ["A1", "A01", "A001", "A1.0", "A1.00", "A", "", "1", "01", "Å1", "A9", "A10", "AA", "A-1"]
        for a in ids {
            XCTAssertFalse(naturalLess(a, a), a)
            for b in ids where a != b {
                XCTAssertNotEqual(naturalLess(a, b), naturalLess(b, a), "\(a) \(b)")
                for c in ids where naturalLess(a, b) && naturalLess(b, c) { XCTAssertTrue(naturalLess(a, c), "\(a) \(b) \(c)") }
            }
        }
    }

    /// Without leading zeros, the order is Foundation's numeric comparison, which this replaced.
    func testAgreesWithFoundationNumericCompare() {
        var rng = SystemRandomNumberGenerator()
        let letters = Array("ABGRab.-")
        func id() -> String {
            var s = ""
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                if Bool.random(using: &rng) {
                    s.append(letters.randomElement(using: &rng)!)
                } else {
                    s += String(Int.random(in: 0...120, using: &rng))
                    s.append(letters.randomElement(using: &rng)!)
                }
            }
            return s
        }
        for _ in 0..<5_000 {
            let a = id(), b = id()
            XCTAssertEqual(naturalLess(a, b), a.compare(b, options: .numeric) == .orderedAscending, "\(a) \(b)")
        }
    }
}
