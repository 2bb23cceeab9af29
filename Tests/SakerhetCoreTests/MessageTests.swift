import XCTest
@testable import SakerhetCore

/// A message made when it is read (`Message.init(_:)`, the checks' findings) reads, compares,
/// hashes and encodes as the same text written out, and is made only in the language asked.
final class MessageTests: XCTestCase {
    final class Asked: @unchecked Sendable {
        var langs: [Lang] = []
    }

    func testAMadeMessageIsTheWrittenOneMadeOnlyInTheLanguageAsked() throws {
        let asked = Asked()
        let days = 3
        let made = Message { lang in
            asked.langs.append(lang)
            return lang == .sv ? "A12 är försenad (\(days) dagar)" : "A12 is overdue (\(days) days)"
        }
        let written = Message(sv: "A12 är försenad (3 dagar)", en: "A12 is overdue (3 days)")
        XCTAssertEqual(asked.langs, [], "nothing is made before it is read")
        XCTAssertTrue(String(describing: try XCTUnwrap(Mirror(reflecting: written).children.first).value).hasPrefix("written("))
        XCTAssertEqual(made.text(.en), "A12 is overdue (3 days)")
        XCTAssertEqual(asked.langs, [.en], "only the language asked for")
        XCTAssertEqual(made.text(.sv), written.sv)
        XCTAssertEqual(made, written)
        XCTAssertEqual(made.hashValue, written.hashValue)
        XCTAssertNotEqual(made, Message(sv: "A12 är försenad (3 dagar)", en: "A12 is late"))
        XCTAssertEqual(try JSONWriter.encode(made) as String, try JSONWriter.encode(written) as String)
        let json: String = try JSONWriter.encode(made)
        XCTAssertTrue(json.contains("\"sv\" : \"A12 är försenad (3 dagar)\"") && json.contains("\"en\" : \"A12 is overdue (3 days)\""), json)
    }

    /// The checks that find the most (overdue, due soon, review passed) make their messages
    /// this way, and print the same words as before in both languages.
    func testTheBusiestChecksMakeTheirMessagesWhenRead() throws {
        let data = try Fixture.shipped()
        let busiest = ["overdue", "due-soon", "review"]
        let found = [Day(year: 2024, month: 11, day: 4)!, Day(year: 2030, month: 1, day: 1)!]
            .flatMap { Checks.run(data, asOf: $0) }.filter { busiest.contains($0.check) }
        XCTAssertEqual(Set(found.map(\.check)), Set(busiest), "each of the three finds something on one of the days")
        for d in found {
            // The message's form, read by reflection: made, not written out.
            let form = try XCTUnwrap(Mirror(reflecting: d.message).children.first).value
            XCTAssertTrue(String(describing: form).hasPrefix("made("), "\(d.check): \(form)")
            XCTAssertFalse(d.message.sv.isEmpty)
            XCTAssertTrue(d.message.sv.hasPrefix(d.recordID ?? "?"), d.message.sv)
            XCTAssertTrue(d.message.en.hasPrefix(d.recordID ?? "?"), d.message.en)
        }
        let late = try XCTUnwrap(found.first { $0.check == "overdue" })
        let id = try XCTUnwrap(late.recordID)
        XCTAssertTrue(late.message.sv.hasPrefix("\(id) är försenad sedan "), late.message.sv)
        XCTAssertTrue(late.message.en.hasPrefix("\(id) is overdue since "), late.message.en)
    }
}
