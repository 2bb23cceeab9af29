import Foundation
import XCTest
@testable import SakerhetCore

/// `JSONWriter` writes what Foundation's `JSONEncoder` wrote with the options the tool
/// used (pretty printed, sorted keys, unescaped slashes, snake_case keys), byte for byte.
final class JSONWriterTests: XCTestCase {
    func foundation<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try e.encode(value), as: UTF8.self) + "\n"
    }

    func assertSame<T: Encodable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let ours = try JSONWriter.encode(value), theirs = try foundation(value)
        if ours != theirs {
            let a = ours.split(separator: "\n", omittingEmptySubsequences: false)
            let b = theirs.split(separator: "\n", omittingEmptySubsequences: false)
            let i = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            XCTFail("line \(i + 1): \(i < a.count ? String(a[i]) : "(end)") where JSONEncoder wrote \(i < b.count ? String(b[i]) : "(end)")",
                    file: file, line: line)
        }
    }

    struct Mixed: Encodable {
        enum Colour: String, Encodable { case green, red }
        struct Inner: Encodable { let day: Day; let colour: Colour; let maybe: Int? }
        let ownerName: String
        let owners: Int
        let owner_x: Int
        let a10: Int
        let a2: Int
        let Zeta: Int
        let myURLValue: Int
        let caseNumberID: String
        let text: String
        let empty: [Int]
        let emptyObject: [String: Int]
        let counts: [String: Int]
        let missing: Int?
        let nested: [[Int?]]
        let flag: Bool
        let negative: Int
        let inner: [Inner]
        let deadlines: [Deadline?]
    }

    /// Every number type a property can have: each goes in as itself.
    struct Numbers: Encodable {
        let i8: Int8, i16: Int16, i32: Int32, i64: Int64, u: UInt, u8: UInt8, u16: UInt16, u32: UInt32, u64: UInt64
        let float: Float, double: Double, whole: Double
        let list: [UInt8]
        let maybe: Int64?
    }

    func testEveryNumberType() throws {
        try assertSame(Numbers(i8: -8, i16: -16, i32: .min, i64: .max, u: 7, u8: 255, u16: 16, u32: .max, u64: .max,
                               float: 1.5, double: -0.25, whole: 3, list: [0, 1, 2], maybe: -1))
    }

    /// DEL, C1 controls and bidi overrides are escaped where JSONEncoder leaves them raw
    /// (issue 11, item 14), and a personal identity number is masked (item 13); the rest
    /// reads back the same.
    func testControlsEscapedAndNumbersMasked() throws {
        let text = "x\u{7f}\u{9b}\u{2028}\u{202e}\u{2066}é – y 811228-9874"
        let ours = try JSONWriter.encode(["t": text])
        XCTAssertTrue(ours.contains(#""x\u007f\u009b\u2028\u202e\u2066é – y [personnummer dolt]""#), ours)
        let back = try JSONDecoder().decode([String: String].self, from: Data(ours.utf8))
        XCTAssertEqual(back["t"], "x\u{7f}\u{9b}\u{2028}\u{202e}\u{2066}é – y [personnummer dolt]")
    }

    func testTheHardCases() throws {
        try assertSame(Mixed(
            ownerName: "x", owners: 1, owner_x: 2, a10: 1, a2: 2, Zeta: 3, myURLValue: 5, caseNumberID: "SN 2024/258",
            text: "a\"b\\c/d\ne\tf\rg\u{8}\u{c}\u{1}\u{1f}é😀 <&>", empty: [], emptyObject: [:],
            counts: ["B": 1, "a": 2, "camelKey": 3, "x10": 4, "x9": 5, "A_b": 6, "åäö": 7],
            missing: nil, nested: [[1, nil], [], [-3]], flag: true, negative: -5,
            inner: [Mixed.Inner(day: Day("2024-11-04")!, colour: .green, maybe: nil), Mixed.Inner(day: Day("2025-01-31")!, colour: .red, maybe: 0)],
            deadlines: [Deadline(token: "2024-H2"), nil, Deadline(token: "?")]))
        try assertSame([String]())
        try assertSame(["plain": "value"])
    }

    /// One property named `name`, to see what a key strategy makes of a name.
    struct Named: Encodable {
        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
        let name: String
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(1, forKey: Key(stringValue: name))
        }
    }

    func testSnakeCaseAsFoundationMakesIt() throws {
        XCTAssertEqual(JSONWriter.SnakeKeys.snakeCase("ownerName"), "owner_name")
        XCTAssertEqual(JSONWriter.SnakeKeys.snakeCase("myURLValue"), "my_url_value")
        for name in ["ownerName", "myURLValue", "myURL", "URL", "URLs", "a", "A", "aB", "AbC", "caseNumberID", "already_snake",
                     "daysLate", "x1Y2", "a_B", "ÅrsRapport", "årsRapport", "", "ABCdef", "abcDEF"] {
            try assertSame(Named(name: name))
        }
    }

    /// The byte-wise snake case of a key of ASCII letters, digits and underscores is the
    /// one over its characters, for every key of up to six of `a`, `B`, `z`, `_`, `Q`, `9`
    /// (55,987 keys); any other key goes by its characters.
    func testASCIISnakeCaseIsTheCharactersOne() {
        let alphabet = Array("aBz_Q9")
        var level = [""], keys = [""]
        for _ in 0..<6 {
            level = level.flatMap { k in alphabet.map { k + String($0) } }
            keys += level
        }
        XCTAssertEqual(keys.count, (0...6).reduce(0) { $0 + Int(pow(6.0, Double($1))) })
        for key in keys {
            XCTAssertEqual(JSONWriter.SnakeKeys.asciiSnakeCase(key), JSONWriter.SnakeKeys.characterSnakeCase(key), key)
        }
        for other in ["årsRapport", "aBC\r\nd", "AB\r\ncd", "a-b", "a b"] {
            XCTAssertNil(JSONWriter.SnakeKeys.asciiSnakeCase(other), "\(other) goes by its characters")
            XCTAssertEqual(JSONWriter.SnakeKeys.snakeCase(other), JSONWriter.SnakeKeys.characterSnakeCase(other))
        }
    }

    /// A dictionary's keys are data: written as they are, camel case and all, where a
    /// property's name of the same spelling is snake-cased.
    func testADictionarysKeysAreWrittenAsTheyAre() throws {
        struct Holder: Encodable {
            let ownerName: Int
            let byOwner: [String: Int]
            let byNumber: [Int: String]
        }
        let ours = try JSONWriter.encode(Holder(ownerName: 1, byOwner: ["ownerName": 2, "myURLValue": 3], byNumber: [10: "x", 2: "y"]))
        XCTAssertTrue(ours.contains(#""owner_name" : 1"#), ours)
        XCTAssertTrue(ours.contains(#""ownerName" : 2"#) && ours.contains(#""myURLValue" : 3"#), ours)
        XCTAssertTrue(ours.contains(#""10" : "x""#) && ours.contains(#""2" : "y""#), ours)
        try assertSame(Holder(ownerName: 1, byOwner: ["ownerName": 2, "myURLValue": 3], byNumber: [10: "x", 2: "y"]))
    }

    func testTheShippedReport() throws {
        let data = try Fixture.shipped()
        for lang in [Lang.sv, .en] {
            try assertSame(FollowUp.make(data, asOf: Fixture.asOf, lang: lang))
            try assertSame(FollowUp.make(data, asOf: Fixture.asOf, isPublic: true, lang: lang))
        }
        var filter = ListFilter()
        for kind in [Kind.goal, .activity, .risk, .finding] { try assertSame(RecordList.make(data, kind, filter: filter, asOf: Fixture.asOf).rows) }
        filter.overdue = true
        try assertSame(RecordList.make(data, .activity, filter: filter, asOf: Fixture.asOf).rows)
    }

    func testALargeReport() throws {
        try assertSame(LargeReportTests.report)
    }
}
