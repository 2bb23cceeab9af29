import XCTest
@testable import SakerhetCore

/// `clip`: the first line of a text, cut to a number of characters.
final class ClipTests: XCTestCase {
    /// The rule by characters, as it was written first; `clipAnywhere` (the cut before `clip`
    /// backs off to a blank) takes a quicker way for most text.
    func reference(_ s: String, _ n: Int) -> String {
        let first = s.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let cut = first.count > n ? String(first.prefix(n - 1)) + "…" : first
        return first.count < s.count && cut == first ? cut + " …" : cut
    }

    func testExamples() {
        XCTAssertEqual(clip("Rutin för loggkontroll", 40), "Rutin för loggkontroll")
        XCTAssertEqual(clip("Rutin för loggkontroll", 10), "Rutin för…")
        XCTAssertEqual(clip("Första raden\nandra raden", 40), "Första raden …")
        XCTAssertEqual(clip("Första raden\nandra raden", 6), "Först…")
        XCTAssertEqual(clip("", 5), "")
        // A cut inside a word or a date backs off to the blank before it (issue 17).
        XCTAssertEqual(clip("ligger efter slutdatum 2024-11-30", 26), "ligger efter slutdatum …")
        XCTAssertEqual(clip("Inväntar beslut från KF avseende ansvarsfördelning", 44), "Inväntar beslut från KF avseende …")
        XCTAssertEqual(clip("förvaltningsledningsgruppen", 10), "förvaltni…")
        XCTAssertEqual(clip("e\u{301}e\u{301}e\u{301}", 3), "e\u{301}e\u{301}e\u{301}")  // three characters, six scalars
    }

    func testAgreesWithTheRuleByCharacters() {
        let parts = ["a", "Z", " ", "å", "Ö", "é", "e\u{301}", "\n", "\r\n", "\r", "–", "€", "🇸🇪", "👩‍💻", "ß", "\u{2F}", "ǅ", "\u{36F}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 0...14, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let n = Int.random(in: 1...10, using: &rng)
            XCTAssertEqual(clipAnywhere(s, n), reference(s, n), "\(s.unicodeScalars.map { String($0.value, radix: 16) }) \(n)")
        }
    }

    /// `clip`'s pass over the bytes (`quickClip`) gives what the rule by characters gives,
    /// the backing off to a blank and a text that ends in "…" included.
    func testQuickClipAgreesWithTheRuleByCharacters() {
        let parts = ["a", "b", " ", " ", "å", "é", "e\u{301}", "\n", "\r\n", "…", "–", "€", "🇸🇪", "1"]
        var rng = SystemRandomNumberGenerator()
        var quick = 0
        for _ in 0..<20_000 {
            let s = (0..<Int.random(in: 0...16, using: &rng)).map { _ in parts.randomElement(using: &rng)! }.joined()
            let n = Int.random(in: 1...12, using: &rng)  // the rule by characters needs n ≥ 1
            let byCharacters = clipByCharacters(s, n)
            XCTAssertEqual(clip(s, n), byCharacters, "\(s.unicodeScalars.map { String($0.value, radix: 16) }) \(n)")
            if n >= 2, let q = quickClip(s, n) {
                quick += 1
                XCTAssertEqual(q, byCharacters)
            }
        }
        XCTAssertGreaterThan(quick, 1_000)  // the quick way was taken, not only the slow one
    }

    /// A text cut for a message or a cell never keeps part of a personnummer: masking finds
    /// whole numbers only, and 11 of 12 digits give the number away (the last is a check
    /// digit). Every form the masking knows, at every place across every cut, through each
    /// way a text is cut before it is shown: `SafeText.head`, the import's quoting of a
    /// cell, the log's `clip`, a message's name for a record with a long id.
    func testACutNeverKeepsPartOfAPersonnummer() {
        let numbers = ["19121212-1212", "191212121212", "121212-1212", "121212+1212", "19121212 1212", "19121212\u{2013}1212",
                       "\u{FF11}\u{FF19}\u{FF11}\u{FF12}\u{FF11}\u{FF12}\u{FF11}\u{FF12}-\u{FF11}\u{FF12}\u{FF11}\u{FF12}"]
        func leaks(_ shown: String) -> Bool { SafeText.masked(shown).contains { $0.isNumber } }
        for number in numbers {
            XCTAssertTrue(SafeText.masked(number) != number, number)
            for pad in 0..<70 {
                let text = String(repeating: "y", count: pad) + " " + number + " ok"
                for n in 1...(text.count + 1) {
                    XCTAssertFalse(leaks(String(SafeText.head(text, n))), "\(number) \(pad) \(n)")
                }
                for n in 2...40 { XCTAssertFalse(leaks(HistoryText.clip(text, n)), "\(number) \(pad) \(n)") }
                XCTAssertFalse(leaks(Importer.shown(text)), "\(number) \(pad)")
                XCTAssertFalse(leaks(ImportValues.slug(text)), "\(number) \(pad)")
            }
        }
        // A cut that splits no number is the plain prefix.
        XCTAssertEqual(SafeText.head("Utbildning i loggkontroll", 10), "Utbildnin" + "g")
        XCTAssertEqual(SafeText.head("År 2024 och 2025", 9), "År 2024 o")
        XCTAssertEqual(SafeText.head("Ring 19121212-1212 nu", 12), "Ring ")
    }
}
