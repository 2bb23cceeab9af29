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
            PersonalNumberCheck.Hit(offset: 13, line: 2, column: 7),
            PersonalNumberCheck.Hit(offset: 26, line: 3, column: 3),
        ])
        XCTAssertEqual(PersonalNumberCheck.scan([]), [])
    }
}
