import XCTest
@testable import SakerhetCore

/// No personal data in git: Luhn-valid personnummer and samordningsnummer are errors
/// anywhere, and the numbers the plans are full of (dates, diarienummer) are not.
final class PersonalNumberTests: XCTestCase {
    /// A26 with `number` on its second note line, which starts "+ Kontaktperson " (16 bytes).
    private func withNumber(_ number: String) -> [Kind: String] {
        variant(.activity, ("+ Riktlinjerna är beslutade i nämnd", "+ Kontaktperson \(number)"))
    }

    func testFiresOnEveryForm() {
        let numbers = [
            "121212-1212", "1212121212", "19121212-1212", "191212121212", "121212+1212",  // Skatteverket's test number
            "811218-9876", "640823-3234", "19640823-3234",
            "121272-1235", "19121272-1235", "1212721235",                                // samordningsnummer: day 12 + 60
        ]
        for n in numbers {
            let d = Fixture.run(PersonalNumberCheck(), withNumber(n))
            assertOne(d, check: "personal-number", severity: .error, path: "data/activities.rec", line: 18, column: 17,
                      record: "A26", sv: "ett personnummer eller samordningsnummer står här; ta bort det innan det checkas in",
                      en: "a Swedish personal identity or co-ordination number is here; remove it before it is committed")
            XCTAssertEqual(d.first?.owner, "meb", n)
            XCTAssertEqual(d.first?.kind, .activity, n)
            // The number itself is never repeated in the message.
            XCTAssertFalse(d.first.map { $0.message.sv.contains(n) || $0.message.en.contains(n) } ?? true, n)
        }
    }

    func testQuietOnLuhnInvalidNumbersDatesAndCaseNumbers() {
        let quiet = [
            "121212-1213", "1212121213", "19121212-1211", "641823-3234",   // Luhn fails, or month 18
            "2024-05-31", "20240531", "2024-05-31 kl. 13.00", "SN24-258", "Dnr SN 2024-258", "§97",
            "0176-710 00", "08-123 456 78", "121212-12120", "12121212121", "1212121212121",
        ]
        for q in quiet {
            XCTAssertEqual(Fixture.run(PersonalNumberCheck(), withNumber(q)).map(\.line), [], q)
        }
        XCTAssertEqual(Fixture.run(PersonalNumberCheck()).count, 0)
    }

    func testFiresInsideAComment() {
        let owners = "# Kontakt: 640823-3234\n\n" + Fixture.owners
        assertOne(Fixture.run(PersonalNumberCheck(), [.owner: owners]),
                  check: "personal-number", severity: .error, path: "data/owners.rec", line: 1, column: 12,
                  sv: "personnummer", en: "personal identity")
        XCTAssertNil(Fixture.run(PersonalNumberCheck(), [.owner: owners]).first?.recordID)
    }

    func testFiresInConfigAndTwiceOnOneLine() {
        assertOne(Fixture.run(PersonalNumberCheck(), config: "organisation: Socialnämnden\ncontact: 121212-1212\n"),
                  check: "personal-number", severity: .error, path: "data/config.rec", line: 2, column: 10,
                  sv: "personnummer", en: "personal identity")
        let d = Fixture.run(PersonalNumberCheck(), withNumber("121212-1212 och 811218-9876"))
        XCTAssertEqual(d.map(\.column), [17, 33])
        XCTAssertEqual(d.map(\.line), [18, 18])
    }

    func testScan() {
        let bytes = Array("id: A1\nnote: 1212121212\n# 121212-1212\n".utf8)
        XCTAssertEqual(PersonalNumberCheck.scan(bytes), [
            PersonalNumberCheck.Hit(offset: 13, end: 23, line: 2, column: 7),
            PersonalNumberCheck.Hit(offset: 26, end: 37, line: 3, column: 3),
        ])
        XCTAssertEqual(PersonalNumberCheck.scan([]), [])
    }

    /// The scan passes eight bytes at a time over text without digits: a number is found
    /// at every offset, after every kind of filler (signs next to the digits in ASCII,
    /// Swedish letters, full-width digits, other full-width signs that begin with the same
    /// byte as a full-width digit), and a longer run is still no hit.
    func testScanFindsANumberAtEveryAlignment() {
        let fillers = ["abcdefgh", ":;<=>?/@", "åäö åäö ", "x０", "ｘ＃ｙ", "        "]
        let forms = ["121212-1212", "1212121212", "１２１２１２－１２１２", "19121212-1212"]
        for filler in fillers {
            for form in forms {
                for pad in 0..<17 {
                    let head = String(repeating: filler, count: 3).prefix(pad + 8)
                    let text = "note: " + head + " " + form + " " + String(repeating: filler, count: 2)
                    let hits = PersonalNumberCheck.scan(Array(text.utf8))
                    XCTAssertEqual(hits.count, 1, "\(filler) \(pad) \(form)")
                    XCTAssertEqual(hits.first.map { text.utf8.count - $0.offset }, (" " + form + " " + String(repeating: filler, count: 2)).utf8.count - 1, "\(filler) \(pad) \(form)")
                }
            }
            let long = "note: " + String(repeating: filler, count: 2) + "1212121212121 " + filler
            XCTAssertEqual(PersonalNumberCheck.scan(Array(long.utf8)), [], filler)
        }
    }

    /// The eight-byte skip and the pass over short runs of digits find what a byte-by-byte
    /// scan finds, in text dense with the bytes next to them: the signs 0x2F–0x40 around the
    /// digits, 0xEF that begins both full-width digits and other full-width signs, letters,
    /// line breaks, numbers, runs of five and seven digits that full-width digits may go on from.
    func testTheWordSkipFindsWhatAByteScanFinds() {
        var rng = SplitMix64(seed: 11)
        let pieces: [[UInt8]] = [Array("121212-1212".utf8), Array("19121212 1212".utf8), Array("１２１２１２－１２１２".utf8),
                                 Array("2024-10-02".utf8), [0x2F], [0x3A], [0x3B], [0x3F], [0x40], [0xEF, 0xBC, 0x8B],
                                 [0xEF, 0xBC, 0x93], Array("å".utf8), Array("ab".utf8), [0x0A], [0x20], Array("7".utf8),
                                 Array("12345".utf8), Array("1234567".utf8),
                                 // Invisible characters, which may stand inside a number, and
                                 // visible ones with the same first bytes (– “ ä).
                                 Array("\u{200B}".utf8), Array("\u{00AD}".utf8), Array("\u{2060}".utf8), Array("\u{FEFF}".utf8),
                                 Array("\u{034F}".utf8), Array("–“ä".utf8), Array("1912\u{200B}1212".utf8)]
        // Numbers that begin with each digit 0–9 (a run is found from its first digit).
        var numbers: [[UInt8]] = []
        for first in 0..<10 {
            var d = [first, Int(rng.next() % 10), 0, Int(1 + rng.next() % 9), 1, Int(rng.next() % 9)] + (0..<3).map { _ in Int(rng.next() % 10) }
            let sum = d.enumerated().reduce(0) { s, e in let v = e.element * (e.offset % 2 == 0 ? 2 : 1); return s + (v > 9 ? v - 9 : v) }
            d.append((10 - sum % 10) % 10)
            let text = d.map(String.init).joined()
            numbers.append(Array((text.prefix(6) + (first % 2 == 0 ? "-" : "") + text.dropFirst(6)).utf8))
        }
        let all = pieces + numbers
        var hits = 0
        for _ in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<Int(rng.next() % 40) { text += all[Int(rng.next() % UInt64(all.count))] }
            let fast = text.withUnsafeBufferPointer { PersonalNumberCheck.scan($0) }
            let slow = text.withUnsafeBufferPointer { PersonalNumberCheck.scan($0, wordAtATime: false) }
            XCTAssertEqual(fast, slow, String(decoding: text, as: UTF8.self))
            hits += fast.count
        }
        XCTAssertGreaterThan(hits, 100, "the texts hold numbers to find")
    }

    /// The same on long texts, where the scan passes over six and eight bytes at a time
    /// between the numbers: prose, dates and ids as a plan has them, and numbers at every
    /// offset from those steps (a filler of 0–11 letters before each).
    func testTheSkipsFindWhatAByteScanFindsInLongTexts() {
        var rng = SplitMix64(seed: 29)
        let words = ["Samverkan med polisen ", "due: 2024-10-02\n", "id: A123456\n", "åäö ", "12345 ", "１２３４５６７８９０ ",
                     "811228-9874", "19811228 9874", "８１１２２８－９８７４", "0123456789", "811228\n+ 9874", "ab", "\n",
                     // Letters beside numbers, and bytes of a full-width digit (0xBC, 0x90–0x99) in other
                     // characters: the six-byte step passes over letters, not over these.
                     "ö８１１２２８－９８７４", "å811228-9874", "½ – é ", "¼“”…", "ä1９1２"]
        var total = 0
        for _ in 0..<60 {
            var text: [UInt8] = []
            for _ in 0..<300 {
                text += Array(String(repeating: "x", count: Int(rng.next() % 12)).utf8)
                text += Array(words[Int(rng.next() % UInt64(words.count))].utf8)
            }
            let fast = text.withUnsafeBufferPointer { PersonalNumberCheck.scan($0) }
            let slow = text.withUnsafeBufferPointer { PersonalNumberCheck.scan($0, wordAtATime: false) }
            XCTAssertEqual(fast, slow)
            total += slow.count
        }
        XCTAssertGreaterThan(total, 1000, "the texts hold numbers to find")
    }

    /// The forms issue 11 found missed: a space, an en dash, blanks around the sign, a
    /// number split over a `+` line, full-width digits.
    func testFiresOnSpacedDashedSplitAndFullWidthForms() {
        let numbers = [
            "19121212 1212", "121212 1212", "19121212–1212", "121212–1212", "121212 - 1212", "121212 + 1212",
            "19121212 — 1212", "811228\u{00A0}9874", "８１１２２８－９８７４", "１９１２１２１２１２１２", "811228 ‐ 9874",
        ]
        for n in numbers {
            let d = Fixture.run(PersonalNumberCheck(), withNumber(n))
            XCTAssertEqual(d.map(\.line), [18], n)
            XCTAssertEqual(d.first?.recordID, "A26", n)
        }
        // Split over a continuation line: "811228-" ends line 18, "+ 9874" starts line 19.
        for (end, next) in [("811228-", "9874"), ("811228", "-9874"), ("19121212", "1212"), ("121212 -", " 1212")] {
            let files = variant(.activity, ("+ Riktlinjerna är beslutade i nämnd", "+ Kontaktperson \(end)\n+ \(next)"))
            XCTAssertEqual(Fixture.run(PersonalNumberCheck(), files).map(\.line), [18], end + "/" + next)
        }
    }

    /// A number with invisible characters in it (a zero-width space, a soft hyphen, a word
    /// joiner: what a copy from a word processor or a web page leaves) reads on a screen as
    /// the number: it is found, and masked whole, wherever they stand.
    func testFiresThroughInvisibleCharacters() {
        let numbers = [
            "19121212\u{200B}-1212", "1912\u{200B}1212-1212", "121212\u{00AD}1212", "811228-98\u{2060}74", "81122\u{FEFF}8-9874",
            "8\u{200D}1\u{200D}1\u{200D}2\u{200D}2\u{200D}8\u{200D}9\u{200D}8\u{200D}7\u{200D}4", "811228\u{034F}-9874",
            "811228 \u{200C}- 9874", "１２１２\u{200B}１２－１２１２", "19121212\u{202E}1212", "811228-\u{2066}9874\u{2069}",
        ]
        for n in numbers {
            for text in ["note: " + n, "Ring " + n + " i morgon", "åäö" + n + "ö"] {
                let bytes = Array(text.utf8)
                let hits = bytes.withUnsafeBufferPointer { PersonalNumberCheck.scan($0) }
                let slow = bytes.withUnsafeBufferPointer { PersonalNumberCheck.scan($0, wordAtATime: false) }
                XCTAssertEqual(hits.count, 1, text)
                XCTAssertEqual(hits, slow, text)
                let masked = SafeText.masked(text, .sv)
                XCTAssertTrue(masked.contains("[personnummer dolt]"), masked)
                XCTAssertFalse(masked.contains { $0.isNumber }, "no digit of it is left: \(masked)")
            }
            let d = Fixture.run(PersonalNumberCheck(), withNumber(n))
            XCTAssertEqual(d.map(\.line), [18], n)
        }
        // Up to eight together; a run of more is no number.
        let eight = String(repeating: "\u{200B}", count: 8), nine = String(repeating: "\u{200B}", count: 9)
        XCTAssertEqual(PersonalNumberCheck.scan(Array("811228\(eight)9874".utf8)).count, 1)
        XCTAssertEqual(PersonalNumberCheck.scan(Array("811228-\(eight)9874".utf8)).count, 1)
        XCTAssertEqual(PersonalNumberCheck.scan(Array("811228\(nine)9874".utf8)), [])
        XCTAssertEqual(PersonalNumberCheck.scan(Array("811228-\(nine)9874".utf8)), [])
        // Ordinary numbers stay quiet with them too.
        for q in ["2024\u{200B}-05-31", "070-123\u{200B}45 67", "SN\u{00AD} 2024/123", "121212\u{200B}1213", "12345\u{200B}"] {
            XCTAssertEqual(PersonalNumberCheck.scan(Array(q.utf8)), [], q)
        }
    }

    /// Phone numbers, case numbers, dates, times and amounts stay quiet in every spacing.
    func testQuietOnOrdinaryNumbersWithGaps() {
        let quiet = [
            "SN 2024/123", "Dnr SN 2024/123", "070-123 45 67", "08-123 456 78", "0176-71 00 00", "2024-05-31 - 2024-12-31",
            "20240531 1200", "121212 12120", "121212 - 121", "121212  -  -  1212", "121212 1213", "19121212 1211",
            "811228 9875", "8112289875", "１２１２１２－１２１３", "1 000 000 kr", "12 12 12 12 12",
            "121212\n\n1212",
        ]
        for q in quiet {
            XCTAssertEqual(PersonalNumberCheck.scan(Array(q.utf8)), [], q)
        }
    }

    func testSafeTextMasksEveryFormAndShowsControls() {
        XCTAssertEqual(SafeText.masked("okänd status '811228-9874'", .sv), "okänd status '[personnummer dolt]'")
        XCTAssertEqual(SafeText.masked("x 19121212 1212 och １２１２１２－１２１２.", .en),
                       "x [personal number hidden] och [personal number hidden].")
        XCTAssertEqual(SafeText.masked("811228-\n9874"), "[personnummer dolt]")
        XCTAssertEqual(SafeText.masked("SN 2024/123, 070-123 45 67"), "SN 2024/123, 070-123 45 67")
        // A commit hash or a fingerprint is left as it is.
        XCTAssertEqual(SafeText.masked("ab8112289874cd"), "ab8112289874cd")
        XCTAssertEqual(SafeText.visible("a\u{1B}]0;x\u{07}b\u{1B}[2J\tc\nd\u{7F}\u{9B}\u{202E}e\u{2066}"),
                       "a\\x1b]0;x\\x07b\\x1b[2J\tc\nd\\x7f\\u{9B}\\u{202E}e\\u{2066}")
        XCTAssertEqual(SafeText.visible("\r"), "\\x0d")
        XCTAssertEqual(SafeText.text("Ärende – § 97 → klart…"), "Ärende – § 97 → klart…")
        XCTAssertEqual(SafeText.text("\u{1B}[31m811228-9874", .sv), "\\x1b[31m[personnummer dolt]")
    }

    /// The XML and HTML escape, which copies runs of bytes between the escapes when the text
    /// has no control character, gives what escaping one scalar at a time gives, on texts
    /// of every mix: markup at the start, the end and side by side, line feeds with and
    /// without breaks, Swedish letters and dashes (whose lead byte is that of a hidden
    /// character), controls, and a number to mask.
    func testXMLEscapeInRunsAgreesWithOneScalarAtATime() {
        // The scalar-by-scalar escape, which the text with a control character still takes.
        func reference(_ s: String, breaks: Bool) -> String { DiagnosticFormats.escapedByScalar(SafeText.masked(s), breaks: breaks) }
        let parts = ["&", "<", ">", "\"", "'", "\n", "a", "Åäö", " – ", "…", "\u{1B}", "\u{202E}", "811228-9874", "\t", "ab", "🙂"]
        var texts = ["", "&", "<<>>", "\"'\"'", "plain text", "Säkerställ rutiner & riktlinjer <2025>", "a\nb\n"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var t = ""
            for _ in 0..<Int(seed % 9) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                t += parts[Int(seed >> 33) % parts.count]
            }
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            texts.append(t)
        }
        for t in texts {
            for breaks in [false, true] {
                XCTAssertEqual(DiagnosticFormats.xml(t, breaks: breaks), reference(t, breaks: breaks), "\(Array(t.unicodeScalars)) breaks \(breaks)")
            }
        }
        XCTAssertEqual(DiagnosticFormats.xml("R&D <1> \"x\" 'y'\nz", breaks: true), "R&amp;D &lt;1&gt; &quot;x&quot; &apos;y&apos;<br/>z")
        XCTAssertEqual(DiagnosticFormats.xml("a\u{1B}b & \u{202E}c\n811228-9874", breaks: false), "a\u{FFFD}b &amp; \u{FFFD}c\n[personnummer dolt]")
    }

    /// A diagnostic's message on one line, masked and with controls shown, in one scan:
    /// the same as masking and showing first and then writing each line break as \n.
    func testOneLineTextIsTextOnOneLine() {
        let texts = ["A1 är försenad sedan 2024-10-03", "", "rad ett\nrad två", "a\r\nb\rc\n", "811228-\n+ 9874",
                     "\u{1B}[31m811228 9874\r\n", "\t tab \u{202E}x", "１２３４５６\n－７８９０", "nummer 811228-9874 och\n19811228 9874",
                     "\r", "\n\n", "plain text, 12 345 678 tal"]
        for lang in [Lang.sv, .en] {
            for t in texts {
                XCTAssertEqual(SafeText.oneLineText(t, lang), SafeText.oneLine(SafeText.text(t, lang)), t)
                XCTAssertFalse(SafeText.oneLineText(t, lang).contains { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }, t)
            }
        }
        XCTAssertEqual(SafeText.oneLineText("a\r\nb", .sv), "a\\x0d\\nb")
    }
}
