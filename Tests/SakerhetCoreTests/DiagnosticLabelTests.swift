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

    /// Issue 13: a diagnostic on a record is a small value that reads its file, id and
    /// owners from the records when asked, and says the same as one that carries them.
    func testARecordsDiagnosticReadsItsPlaceFromTheRecords() throws {
        let activities = Fixture.activities.replacingOccurrences(of: "owner: meb\n", with: "owner: meb\nowner: sbs\nowner: meb\n")
        let data = Fixture.data([.activity: activities])
        let i = try XCTUnwrap(data.activities.firstIndex { $0.owners.count > 1 })
        let ref = RecordRef(kind: .activity, index: i)
        let d = Diagnostic(.error, "x", data, ref, field: .owner, sv: "s", en: "e")
        XCTAssertEqual(d.file, data.path(.activity))
        XCTAssertEqual(d.recordID, data.activities[i].id)
        XCTAssertEqual(d.owners, data.activities[i].owners)
        XCTAssertEqual(d.owners, ["meb", "sbs"])
        let given = Diagnostic(severity: .error, check: "x", file: data.path(.activity), line: try XCTUnwrap(data.record(ref).field(.owner)).line,
                               kind: .activity, recordID: data.activities[i].id, owner: "meb", coOwners: ["sbs"], message: Message(sv: "s", en: "e"))
        XCTAssertEqual(d, given)
        XCTAssertEqual(d.hashValue, given.hashValue)
        // Detached, it says the same and holds nothing of the data set (a rollup keeps each
        // plan's diagnostics after letting its data set go).
        weak var cache = data.cache
        var detached: Diagnostic?
        do {
            let own = Fixture.data([.activity: activities])
            cache = own.cache
            detached = Diagnostic(.error, "x", own, ref, field: .owner, sv: "s", en: "e").detached()
        }
        XCTAssertNil(cache, "a detached diagnostic keeps its data set alive")
        XCTAssertEqual(detached, given)
        // An owner and an area have no owners; their diagnostics none.
        XCTAssertNil(Diagnostic(.error, "x", data, RecordRef(kind: .owner, index: 0), sv: "s", en: "e").owner)
        // With its file, id and owner as strings and a list of owners it was 144 bytes.
        XCTAssertLessThanOrEqual(MemoryLayout<Diagnostic>.size, 104)
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

    /// A check quotes at most `quoteLimit` characters of a value, then "…" and its length,
    /// whichever check it is; a number across the cut is masked whole, not cut in two.
    func testAQuotedValueIsCutAtTheQuoteLimit() {
        let huge = String(repeating: "A", count: 3_000_000)
        let activities = Fixture.activities.replacingOccurrences(of: "due: 2025-01\n", with: "due: \(huge)\n")
        let deadline = Checks.run(Fixture.data([.activity: activities]), asOf: Fixture.asOf).filter { $0.check == "deadline" }
        XCTAssertEqual(deadline.count, 1)
        for (text, lang) in [(deadline[0].message.sv, "tecken"), (deadline[0].message.en, "characters")] {
            XCTAssertLessThan(text.utf8.count, 400, String(text.prefix(200)))
            XCTAssertTrue(text.contains("'" + String(repeating: "A", count: Diagnostic.quoteLimit) + "…' (3000000 \(lang))"), text)
        }
        // A number that the cut would halve.
        let status = String(repeating: "x", count: 75) + " 19121212-1212 " + String(repeating: "y", count: 100)
        let numbered = Checks.run(Fixture.data([.activity: Fixture.activities.replacingOccurrences(of: "status: pågår\n", with: "status: \(status)\n")]),
                                  asOf: Fixture.asOf).filter { $0.check == "status" }
        XCTAssertFalse(numbered.isEmpty)
        for d in numbered {
            XCTAssertTrue(d.message.sv.contains(String(repeating: "x", count: 75) + " [personnummer dolt]…' (190 tecken)"), d.message.sv)
            XCTAssertTrue(d.message.en.contains(" [personal number hidden]…' (190 characters)"), d.message.en)
            XCTAssertFalse(d.message.sv.contains("1912"), d.message.sv)
        }
        // config.rec's values too; a value of the limit is quoted whole.
        let config = Fixture.run(ConfigCheck(), config: "soon_days: " + String(repeating: "9", count: 200) + "\nrisk_scale: " + String(repeating: "7", count: Diagnostic.quoteLimit) + "\n")
        XCTAssertEqual(config.count, 2)
        XCTAssertTrue(config[0].message.sv.hasPrefix("soon_days '" + String(repeating: "9", count: Diagnostic.quoteLimit) + "…' (200 tecken) ska vara"), config[0].message.sv)
        XCTAssertTrue(config[1].message.sv.hasPrefix("risk_scale '" + String(repeating: "7", count: Diagnostic.quoteLimit) + "' ska vara"), config[1].message.sv)
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
