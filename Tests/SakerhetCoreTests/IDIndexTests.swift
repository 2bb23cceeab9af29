import XCTest
@testable import SakerhetCore

final class IDIndexTests: XCTestCase {
    private func records(_ ids: [String?]) -> [Record] {
        let text = ids.map { id in (id.map { "id: \($0)\n" } ?? "") + "title: t\n" }.joined(separator: "\n")
        return Document(text: text).records
    }

    /// The index answers as a dictionary of every record's id would: the first record of
    /// each id, every record of a repeated id, each id once in file order.
    func testTheIndexAnswersAsADictionaryOfTheIdsWould() {
        let ids: [String?] = ["A1", "A2", "A1", nil, "", "Å3", "A1", "", "A22"]
        let index = IDIndex(records(ids))
        XCTAssertEqual(index.first("A1"), 0)
        XCTAssertEqual(index["A1"], [0, 2, 6])
        XCTAssertEqual(index["A2"], [1])
        XCTAssertEqual(index["Å3"], [5])
        XCTAssertEqual(index[""], [4, 7], "an empty id is an id, and may repeat")
        XCTAssertNil(index["A3"])
        XCTAssertNil(index["A"], "a prefix is not the id")
        XCTAssertFalse(index.contains("A2 "))
        XCTAssertEqual(index.duplicates, ["A1": [0, 2, 6], "": [4, 7]])
        XCTAssertEqual(index.keys, ["A1", "A2", "", "Å3", "A22"])
    }

    /// A key tells a plain id (at most 7 printable ASCII bytes, no space) without the
    /// field's bytes; anything else is read (`IDCharacterCheck`). Every byte value, in
    /// every place of a 1- to 7-byte id, against the rule read from the bytes.
    func testAKeySaysWhetherItsIDIsPlain() {
        for length in 0...7 {
            for place in 0..<max(1, length) {
                for b in 0...255 {
                    var id = [UInt8](repeating: UInt8(ascii: "A"), count: length)
                    if length > 0 { id[place] = UInt8(b) }
                    let key = id.withUnsafeBufferPointer { IDKey($0) }
                    XCTAssertEqual(key.isPlain, id.allSatisfy { $0 >= 0x21 && $0 <= 0x7E }, "\(id)")
                }
            }
        }
        XCTAssertFalse(IDKey.none.isPlain, "no id is not a plain one")
        for long in ["A1234567", "Åtgärd", "A12345678901"] {
            XCTAssertFalse(Array(long.utf8).withUnsafeBufferPointer { IDKey($0) }.isPlain, long)
        }
    }

    /// Many ids in a table whose slots collide and probe, short ones (kept in the table
    /// itself) and long ones (confirmed against their records), on both sides of 8 bytes:
    /// each found, nothing else.
    func testManyIdsAreEachFoundOnce() {
        let n = 3000
        func id(_ i: Int) -> String { i % 3 == 0 ? "A\(i)" : i % 3 == 1 ? "Aktivitet-\(i)" : String(repeating: "B", count: 5 + i % 7) + "\(i)" }
        let index = IDIndex(records((0..<n).map(id)))
        for i in 0..<n { XCTAssertEqual(index.first(id(i)), i, id(i)) }
        for i in n..<(n + 600) { XCTAssertNil(index.first(id(i)), id(i)) }
        XCTAssertNil(index.first("ABCDEFGH"))
        XCTAssertNil(index.first("Aktivitet-1 "))
        XCTAssertTrue(index.duplicates.isEmpty)
        XCTAssertEqual(index.keys, (0..<n).map(id))
        let eight = IDIndex(records(["ABCDEFGH", "ABCDEFGHI", "ABCDEFG", "ABCDEFGH"]))
        XCTAssertEqual(["ABCDEFG", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJ"].map { eight[$0] }, [[2], [0, 3], [1], nil])
    }

    /// A field's value is looked up where it lies (through the index's reader, as the
    /// field checks look it up), as its string would be: short ids by their bytes, long
    /// ones by their hash and then their bytes. A reader of no index finds nothing.
    func testAFieldIsLookedUpByItsBytes() {
        let ids = ["D1", "D2", "Delmål-1", "Delmål-2", "Delmål-10"]
        let index = IDIndex(records(ids))
        let reader = IDIndex.Reader(index)
        let values = ["D2", "D3", "D1  ", "Delmål-2", "Delmål-3", "Delmål-1", "Delmål-10", "Delmål-1 0", "", "D"]
        let doc = Document(text: values.enumerated().map { "id: A\($0.offset)\ngoal: \($0.element)\n" }.joined(separator: "\n"))
        // Each record's `goal` read where it lies, as the walks hand it to the checks.
        func goals(_ test: (FieldRef) -> Bool) -> [Bool] {
            doc.records.map { r in
                var holder = FieldList()
                let view = r.fields.view(keeping: &holder)
                return test(view[1])
            }
        }
        XCTAssertEqual(goals { reader.contains($0) }, [true, false, true, true, false, true, true, false, false, false],
                       "trailing blanks are not part of the value")
        XCTAssertEqual(goals { reader.contains($0) }, goals { index.first($0.value) != nil }, "as the value's string")
        XCTAssertEqual(goals { IDIndex.Reader().contains($0) }, [Bool](repeating: false, count: values.count))
    }

    /// Ids are compared byte for byte, as recutils compares them: "Å" written as one
    /// scalar and as A with a ring are two ids, though Swift's strings call them equal.
    func testIdsAreComparedByteForByte() {
        let composed = "\u{C5}1", decomposed = "A\u{30A}1"
        XCTAssertEqual(composed, decomposed)
        let index = IDIndex(records([composed]))
        XCTAssertEqual(index.first(composed), 0)
        XCTAssertNil(index.first(decomposed))
    }

    /// A record's id key is made with the record: exact for ids of up to 7 bytes, a hash
    /// confirmed by the bytes for longer ones (which repeat and are told apart as short
    /// ones are), none for a record with no id, and not none for an empty id.
    func testTheIdKeyIsMadeWithTheRecord() {
        let long = ["Aktivitet-1", "Aktivitet-2", "Aktivitet-1", "Aktivitet-10", "Aktivitet-2"]
        let index = IDIndex(records(long))
        XCTAssertEqual(index.duplicates, ["Aktivitet-1": [0, 2], "Aktivitet-2": [1, 4]])
        XCTAssertEqual(index["Aktivitet-10"], [3])
        let rs = records(["A1", "ABCDEFG", "ABCDEFGH", "", nil])
        XCTAssertEqual(rs.map(\.idKey.isExact), [true, true, false, true, true])
        XCTAssertNotEqual(rs[3].idKey, .none, "an empty id is an id")
        XCTAssertEqual(rs[4].idKey, .none)
        XCTAssertEqual(rs[1].idKey, records(["ABCDEFG"])[0].idKey)
        // A record made apart from a parse (an edit's) is keyed as a parsed one is; the key
        // is its first id, also when the first is empty.
        let made = Record(fields: Array(Document(text: "id: M3.3\ntitle: t\n").records[0].fields), byteRange: 0..<0)
        XCTAssertEqual(made.idKey, records(["M3.3"])[0].idKey)
        let twice = Document(text: "id:\nid: B1\n").records[0]
        XCTAssertEqual(twice.idKey, records([""])[0].idKey)
        // Ids past the 254 bytes a key's length holds: told apart by their bytes, and
        // a repeat of one still found.
        let a300 = String(repeating: "a", count: 300), a301 = a300 + "a", b300 = String(repeating: "a", count: 299) + "b"
        let huge = IDIndex(records([a300, a301, b300, a300]))
        XCTAssertEqual(huge[a300], [0, 3])
        XCTAssertEqual(huge[a301], [1])
        XCTAssertEqual(huge[b300], [2])
        XCTAssertNil(huge.first(String(repeating: "a", count: 302)))
    }
}
