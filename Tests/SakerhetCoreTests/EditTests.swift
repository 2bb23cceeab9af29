import XCTest
@testable import SakerhetCore

/// Minimal edits: each changes the lines concerned and leaves every other byte as it was.
final class EditTests: XCTestCase {
    /// Rows of the plan's activity list, with a file comment, a comment above a record and
    /// a multi-line note. A1 is lines 3-10, A5 lines 12-19, A26 lines 21-30.
    static let activities = """
        # activities.rec: aktiviteter och åtgärder.

        # Klar härlett (slutdatum 2024-05).
        id: A1
        title: Säkerställ att det finns kvalitetssäkrade och kända förberedelser och reservrutiner
        goal: D2
        owner: sbs
        due: 2024-05
        status: klar
        done: 2024-05-31

        id: A5
        title: Arbete med framtagna åtgärder avseende välfärdsbrott och otillåten påverkan
        goal: D3
        owner: sbs
        start: 2024-05
        due: 2025-05
        status: pågår
        note: Slutdatum 2025-05 ligger efter delmål 3:s slutdatum 2024-05-31; så anger planen.

        # Åtgärd 2.2 i handlingsplanen.
        id: A26
        title: Revidera riktlinjer för ekonomiskt bistånd
        goal: HP2
        owner: meb
        due: 2025-01
        status: pågår
        note: Indikatorer:
        + Riktlinjerna är beslutade i nämnd
        + Riktlinjerna är förankrade och kända hos socialförvaltningens medarbetare

        """

    let order = Kind.activity.fieldOrder
    let doc = Document(text: EditTests.activities)

    /// `old` with `from` replaced by `to` exactly once.
    private func replacing(_ from: String, _ to: String, in old: String = EditTests.activities,
                           file: StaticString = #filePath, line: UInt = #line) -> String {
        let parts = old.components(separatedBy: from)
        XCTAssertEqual(parts.count, 2, "'\(from)' must occur once", file: file, line: line)
        return parts.joined(separator: to)
    }

    private func assertBytes(_ edited: Document, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(text(edited.bytes), expected, file: file, line: line)
        XCTAssertEqual(edited.bytes, Array(expected.utf8), file: file, line: line)
        XCTAssertTrue(edited.issues.isEmpty, "\(edited.issues.map(\.message.en))", file: file, line: line)
    }

    // MARK: Fields

    func testSetExistingField() {
        let edited = doc.setting("status", to: "klar", inRecord: 1, order: order)
        assertBytes(edited, replacing("status: pågår\nnote: Slutdatum", "status: klar\nnote: Slutdatum"))
        XCTAssertEqual(edited.records[1].value("status"), "klar")
        XCTAssertEqual(edited.records[1].line(of: "status"), 18)
        XCTAssertEqual(edited.records[0].byteRange, doc.records[0].byteRange)
        XCTAssertEqual(edited.comments.map(\.text), doc.comments.map(\.text))
    }

    func testSetFieldToSameValueChangesNothing() {
        for (i, r) in doc.records.enumerated() {
            for f in r.fields {
                XCTAssertEqual(doc.setting(f.key, to: f.value, inRecord: i).bytes, doc.bytes, "\(f.key) in record \(i)")
            }
        }
    }

    func testSetFirstOfRepeatedField() {
        let risks = Document(text: "id: R1\naction: A26\naction: A27\nstatus: hanteras\n")
        XCTAssertEqual(text(risks.setting("action", to: "A30", inRecord: 0).bytes),
                       "id: R1\naction: A30\naction: A27\nstatus: hanteras\n")
    }

    func testAddMissingFieldInSchemaOrder() {
        // done comes after status and before note.
        let edited = doc.setting("done", to: "2024-11-04", inRecord: 1, order: order)
        assertBytes(edited, replacing("status: pågår\nnote: Slutdatum", "status: pågår\ndone: 2024-11-04\nnote: Slutdatum"))
        XCTAssertEqual(edited.records[1].fields.map(\.key), ["id", "title", "goal", "owner", "start", "due", "status", "done", "note"])
        XCTAssertEqual(edited.records[1].line(of: "done"), 19)
        XCTAssertEqual(edited.records[2].line, 23)
    }

    func testAddMissingFieldBeforeAllOthers() {
        // No field before `start` in A1 except id…owner; `start` goes after owner.
        assertBytes(doc.setting("start", to: "2024-01", inRecord: 0, order: order),
                    replacing("owner: sbs\ndue: 2024-05\n", "owner: sbs\nstart: 2024-01\ndue: 2024-05\n"))
        // A record with nothing that comes before `id`: it goes first.
        let bare = Document(text: "# utkast\ngoal: D3\nowner: sbs\n")
        XCTAssertEqual(text(bare.setting("id", to: "A31", inRecord: 0, order: order).bytes),
                       "# utkast\nid: A31\ngoal: D3\nowner: sbs\n")
    }

    func testAddMissingFieldWithoutOrderGoesLast() {
        assertBytes(doc.setting("evidence", to: "Protokoll", inRecord: 2),
                    replacing("medarbetare\n", "medarbetare\nevidence: Protokoll\n"))
    }

    func testAddFieldAtEndOfFileWithoutNewline() {
        let doc = Document(text: "id: A1\nstatus: pågår")
        XCTAssertEqual(String(decoding: doc.setting("note", to: "Ny rad", inRecord: 0, order: Kind.activity.fieldOrder).bytes, as: UTF8.self),
                       "id: A1\nstatus: pågår\nnote: Ny rad\n")
        XCTAssertEqual(String(decoding: doc.adding("action", value: "A7", toRecord: 0).bytes, as: UTF8.self),
                       "id: A1\nstatus: pågår\naction: A7\n")
        XCTAssertEqual(String(decoding: doc.setting("status", to: "klar", inRecord: 0).bytes, as: UTF8.self),
                       "id: A1\nstatus: klar\n")
    }

    func testAddRepeatedAction() {
        let risks = Document(text: """
            # R1: classification intern.
            id: R1
            owner: meb
            action: A26
            action: A27
            status: hanteras

            id: R9
            title: Otillåten påverkan
            owner: sbs
            status: identifierad

            """)
        let order = Kind.risk.fieldOrder
        let after = risks.adding("action", value: "A30", toRecord: 0, order: order)
        XCTAssertEqual(after.records[0].values("action"), ["A26", "A27", "A30"])
        XCTAssertEqual(text(after.bytes), text(risks.bytes).replacingOccurrences(of: "action: A27\n", with: "action: A27\naction: A30\n"))
        // The first action of a record goes where the schema puts it: after treatment/owner.
        let first = risks.adding("action", value: "A25", toRecord: 1, order: order)
        XCTAssertEqual(first.records[1].fields.map(\.key), ["id", "title", "owner", "action", "status"])
        XCTAssertEqual(text(first.bytes), text(risks.bytes).replacingOccurrences(of: "owner: sbs\n", with: "owner: sbs\naction: A25\n"))
    }

    func testRemoveField() {
        assertBytes(doc.removing("note", fromRecord: 1),
                    replacing("status: pågår\nnote: Slutdatum 2025-05 ligger efter delmål 3:s slutdatum 2024-05-31; så anger planen.\n",
                              "status: pågår\n"))
    }

    func testRemoveMultiLineField() {
        let edited = doc.removing("note", fromRecord: 2)
        assertBytes(edited, replacing("status: pågår\nnote: Indikatorer:\n+ Riktlinjerna är beslutade i nämnd\n+ Riktlinjerna är förankrade och kända hos socialförvaltningens medarbetare\n",
                                      "status: pågår\n"))
        XCTAssertEqual(edited.lineCount, doc.lineCount - 3)
    }

    func testRemoveMissingFieldChangesNothing() {
        XCTAssertEqual(doc.removing("evidence", fromRecord: 0).bytes, doc.bytes)
    }

    func testRemoveRepeatedFields() {
        let risk = Document(text: "id: R5\naction: A23\naction: A24\nstatus: hanteras\naction: A25\n")
        XCTAssertEqual(text(risk.removing("action", value: "A24", fromRecord: 0).bytes),
                       "id: R5\naction: A23\nstatus: hanteras\naction: A25\n")
        XCTAssertEqual(text(risk.removing("action", fromRecord: 0).bytes), "id: R5\nstatus: hanteras\n")
    }

    func testSetMultiLineValue() {
        let edited = doc.setting("note", to: "Indikatorer:\n\nRiktlinjerna är beslutade", inRecord: 1)
        assertBytes(edited, replacing("note: Slutdatum 2025-05 ligger efter delmål 3:s slutdatum 2024-05-31; så anger planen.\n",
                                      "note: Indikatorer:\n+\n+ Riktlinjerna är beslutade\n"))
        XCTAssertEqual(edited.records[1].value("note"), "Indikatorer:\n\nRiktlinjerna är beslutade")
        XCTAssertEqual(edited.records[1].field("note")?.lineCount, 3)
    }

    func testReplaceMultiLineValueWithOneLine() {
        assertBytes(doc.setting("note", to: "Riktlinjerna är beslutade i nämnd", inRecord: 2),
                    replacing("note: Indikatorer:\n+ Riktlinjerna är beslutade i nämnd\n+ Riktlinjerna är förankrade och kända hos socialförvaltningens medarbetare\n",
                              "note: Riktlinjerna är beslutade i nämnd\n"))
    }

    func testRender() {
        XCTAssertEqual(text(doc.render("status", "klar")), "status: klar\n")
        XCTAssertEqual(text(doc.render("reason", "")), "reason:\n")
        XCTAssertEqual(text(doc.render("note", "a\n\nb\n")), "note: a\n+\n+ b\n+\n")
    }

    // MARK: Records

    func testAppendRecord() {
        let edited = doc.appendingRecord([("id", "A31"), ("title", "Ny aktivitet"), ("goal", "D3")])
        assertBytes(edited, EditTests.activities + "\nid: A31\ntitle: Ny aktivitet\ngoal: D3\n")
        XCTAssertEqual(edited.records.count, 4)
        XCTAssertEqual(edited.records[3].line, 32)
    }

    func testAppendRecordAfterTrailingBlankLine() {
        let old = "id: A1\n\n"
        XCTAssertEqual(text(Document(text: old).appendingRecord([("id", "A2")]).bytes), "id: A1\n\nid: A2\n")
    }

    func testAppendRecordWithoutFinalNewline() {
        XCTAssertEqual(text(Document(text: "id: A1").appendingRecord([("id", "A2")]).bytes), "id: A1\n\nid: A2\n")
    }

    func testAppendRecordToEmptyFile() {
        XCTAssertEqual(text(Document(bytes: []).appendingRecord([("id", "A1"), ("note", "a\nb")]).bytes), "id: A1\nnote: a\n+ b\n")
    }

    func testRemoveFirstRecord() {
        let edited = doc.removingRecord(0)
        let a1 = """
            # Klar härlett (slutdatum 2024-05).
            id: A1
            title: Säkerställ att det finns kvalitetssäkrade och kända förberedelser och reservrutiner
            goal: D2
            owner: sbs
            due: 2024-05
            status: klar
            done: 2024-05-31


            """
        assertBytes(edited, replacing(a1, ""))
        XCTAssertEqual(edited.records.map { $0.value("id") }, ["A5", "A26"])
        XCTAssertEqual(edited.comments.map(\.text), [" activities.rec: aktiviteter och åtgärder.", " Åtgärd 2.2 i handlingsplanen."])
    }

    func testRemoveMiddleRecord() {
        let edited = doc.removingRecord(1)
        XCTAssertEqual(edited.records.map { $0.value("id") }, ["A1", "A26"])
        let lines = EditTests.activities.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = (lines[0..<11] + lines[20...]).joined(separator: "\n")
        assertBytes(edited, expected)
    }

    func testRemoveLastRecord() {
        let edited = doc.removingRecord(2)
        XCTAssertEqual(edited.records.map { $0.value("id") }, ["A1", "A5"])
        let lines = EditTests.activities.split(separator: "\n", omittingEmptySubsequences: false)
        assertBytes(edited, lines[0..<19].joined(separator: "\n") + "\n")
    }

    func testRemoveOnlyRecordKeepsHeader() {
        let old = Document(text: "# goals.rec\n\nid: D1\nstatus: struken\n")
        XCTAssertEqual(text(old.removingRecord(0).bytes), "# goals.rec\n")
    }

    func testRemoveRecordThenAppendRoundTrip() {
        let fields = doc.records[2].fields.map { ($0.key, $0.value) }
        XCTAssertEqual(doc.removingRecord(2).appendingRecord(fields).bytes,
                       Array(EditTests.activities.replacingOccurrences(of: "# Åtgärd 2.2 i handlingsplanen.\n", with: "").utf8))
    }

    // MARK: CRLF

    func testCRLFEditsKeepCRLF() {
        let crlf = EditTests.activities.replacingOccurrences(of: "\n", with: "\r\n")
        let doc = Document(text: crlf)
        XCTAssertEqual(doc.lineEnding, .crlf)

        let set = doc.setting("status", to: "klar", inRecord: 1, order: order)
        XCTAssertEqual(text(set.bytes), crlf.replacingOccurrences(of: "status: pågår\r\nnote: Slutdatum", with: "status: klar\r\nnote: Slutdatum"))

        let added = doc.setting("done", to: "2024-11-04", inRecord: 1, order: order)
        XCTAssertEqual(text(added.bytes), crlf.replacingOccurrences(of: "status: pågår\r\nnote: Slutdatum",
                                                                    with: "status: pågår\r\ndone: 2024-11-04\r\nnote: Slutdatum"))

        let multi = doc.setting("note", to: "a\n\nb", inRecord: 1)
        XCTAssertTrue(text(multi.bytes).contains("\r\nnote: a\r\n+\r\n+ b\r\n\r\n# Åtgärd"))

        let appended = doc.appendingRecord([("id", "A31"), ("goal", "D3")])
        XCTAssertEqual(text(appended.bytes), crlf + "\r\nid: A31\r\ngoal: D3\r\n")

        let removed = doc.removingRecord(1)
        XCTAssertEqual(removed.records.map { $0.value("id") }, ["A1", "A26"])
        XCTAssertFalse(removed.bytes.enumerated().contains { $0.element == 0x0A && ($0.offset == 0 || removed.bytes[$0.offset - 1] != 0x0D) })

        for edited in [set, added, multi, appended, removed] {
            XCTAssertEqual(edited.lineEnding, .crlf)
            XCTAssertEqual(edited.issues.count, 1) // the CRLF warning only
        }
    }
}
