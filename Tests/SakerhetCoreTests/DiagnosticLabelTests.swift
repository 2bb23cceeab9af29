import XCTest
@testable import SakerhetCore

/// Issue 11, items 2 and 3 in the library: a score only from values on the scale, and what
/// a diagnostic carries of a record's id and owner, whatever their size.
final class DiagnosticLabelTests: XCTestCase {
    func testScoreOnlyFromValuesOnTheScale() {
        XCTAssertEqual(Risk.score(3, 4, scale: 4), 12)
        let scale = Risk.scale(Risk.defaultScale)
        XCTAssertEqual(Risk.score(scale.lowerBound, scale.upperBound, scale: 4), scale.upperBound)
        for (l, c) in [(Int.max, 2), (2, Int.min), (0, 3), (5, 1), (-1, -1)] as [(Int?, Int?)] + [(nil, 2), (2, nil)] {
            XCTAssertNil(Risk.score(l, c, scale: 4), "\(String(describing: l)) × \(String(describing: c))")
        }
        // On the 1–5 scale (`risk_scale: 5`), 5 is a value and 6 is not.
        XCTAssertEqual(Risk.score(5, 1, scale: 5), 5)
        XCTAssertNil(Risk.score(6, 1, scale: 5))
        let risks = Fixture.risks.replacingOccurrences(of: "likelihood: 3", with: "likelihood: 9223372036854775807")
        let data = Fixture.data([.risk: risks])
        XCTAssertEqual(data.risks.first?.likelihood, Int.max)
        XCTAssertNil(data.risks.first?.score)
        XCTAssertNil(data.level(of: data.risks[0]))
    }

    func testLabelIsAnIdOrNothing() {
        XCTAssertEqual(Diagnostic.label("sbs"), "sbs")
        XCTAssertEqual(Diagnostic.label("Enheten för säkerhet"), "Enheten för säkerhet")
        for bad in ["", "sbs\n", "sbs\n\n\n", "a\u{1B}[2J", String(repeating: "x", count: Diagnostic.labelLimit + 1)] {
            XCTAssertNil(Diagnostic.label(bad), bad.debugDescription)
        }
        XCTAssertNil(Diagnostic(severity: .error, check: "x", file: "f", line: 1, recordID: "A1\nB", owner: "sbs\n", message: Message(sv: "", en: "")).owner)
    }

    /// An owner of many lines and an id of many lines: every diagnostic of the record leaves
    /// the owner out and names the record by the start of its id.
    func testLongValuesAreNotCarriedByEveryDiagnostic() {
        let blanks = String(repeating: "+ \n", count: 2_000)
        let activities = Fixture.activities
            .replacingOccurrences(of: "owner: meb\n", with: "owner: meb\n" + blanks)
            .replacingOccurrences(of: "id: A4\n", with: "id: A4\n" + String(repeating: "+ x\n", count: 500) + "zz: 1\nzy: 2\n")
        let data = Fixture.data([.activity: activities])
        let trailing = TrailingCharacterCheck().run(data, asOf: Fixture.asOf)
        XCTAssertEqual(trailing.count, 2_000)
        XCTAssertTrue(trailing.allSatisfy { $0.owner == nil && $0.recordID == "A26" })
        let unknown = UnknownFieldCheck().run(data, asOf: Fixture.asOf)
        XCTAssertEqual(unknown.count, 2)
        for d in unknown {
            XCTAssertNil(d.recordID)
            XCTAssertEqual(d.owner, "sbs")
            XCTAssertTrue(d.message.sv.hasPrefix("A4…: okänt fält"), d.message.sv)
        }
    }

    /// A personnummer is given the record it stands in, found by binary search; one in a
    /// comment between records belongs to none.
    func testPersonalNumberFindsItsRecord() {
        let doc = Document(text: "# head\n\nid: A\nnote: x\n\n# between\n\nid: B\nnote: y\n\nid: C\n")
        let bytes = doc.bytes
        func offset(of s: String) -> Int {
            let needle = Array(s.utf8)
            return (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }!
        }
        XCTAssertEqual(PersonalNumberCheck.record(at: offset(of: "x"), in: doc.records)?.value("id"), "A")
        XCTAssertEqual(PersonalNumberCheck.record(at: offset(of: "y"), in: doc.records)?.value("id"), "B")
        XCTAssertEqual(PersonalNumberCheck.record(at: offset(of: "id: C"), in: doc.records)?.value("id"), "C")
        XCTAssertNil(PersonalNumberCheck.record(at: offset(of: "between"), in: doc.records))
        XCTAssertNil(PersonalNumberCheck.record(at: 0, in: doc.records))
    }

    /// "Did you mean" skips candidates too long or short to be close, with the same answers.
    func testSuggestIgnoresHugeWords() {
        XCTAssertEqual(Suggest.closest(to: "audti", in: ["audit", "report"]), "audit")
        XCTAssertNil(Suggest.closest(to: String(repeating: "a", count: 100_000), in: ["audit", "report"]))
        XCTAssertNil(Suggest.closest(to: "", in: ["audit"]))
    }
}
