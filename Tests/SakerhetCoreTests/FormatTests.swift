import Foundation
import XCTest
@testable import SakerhetCore

/// The lossless recfile parser: structure, positions, and every kind of bad input.
final class FormatTests: XCTestCase {
    // MARK: Round trip and structure on the shipped files

    func testShippedFilesRoundTripAndParseClean() throws {
        for name in Fixture.shippedFiles {
            let bytes = try Store.read(Fixture.shippedFolder + "/" + name)
            XCTAssertFalse(bytes.isEmpty, name)
            let doc = Document(bytes: bytes)
            XCTAssertEqual(doc.bytes, bytes, name)
            XCTAssertEqual(doc.issues.count, 0, "\(name): \(doc.issues.map(\.message.en))")
            XCTAssertEqual(doc.lineEnding, .lf, name)
            XCTAssertFalse(doc.hasBOM, name)
            XCTAssertNotNil(doc.descriptor, name)
            XCTAssertEqual(doc.descriptor?.fields.first?.key, "%rec", name)
            XCTAssertFalse(doc.records.isEmpty, name)
            // Splicing any record's own bytes back gives the same file.
            for r in doc.records {
                XCTAssertEqual(doc.splicing(r.byteRange, with: Array(bytes[r.byteRange])).bytes, bytes, name)
            }
        }
    }

    /// Every byte of a shipped file is accounted for: outside the descriptor and the
    /// records there are only blank lines and comments, and each field's bytes are what
    /// the writer would write for its value.
    func testShippedFilesAreCoveredByTheirItems() throws {
        for name in Fixture.shippedFiles {
            let bytes = try Store.read(Fixture.shippedFolder + "/" + name)
            let doc = Document(bytes: bytes)
            var covered = [Bool](repeating: false, count: bytes.count)
            var previousEnd = 0
            for block in [doc.descriptor!] + doc.records {
                XCTAssertGreaterThanOrEqual(block.byteRange.lowerBound, previousEnd, name)
                previousEnd = block.byteRange.upperBound
                for i in block.byteRange { covered[i] = true }
                for f in block.fields {
                    XCTAssertTrue(block.byteRange.contains(f.byteRange.lowerBound), "\(name):\(f.line)")
                    XCTAssertEqual(f.byteRange.lowerBound, lineStart(bytes, f.line), "\(name):\(f.line)")
                    XCTAssertEqual(f.byteRange.upperBound, lineStart(bytes, f.line + f.lineCount), "\(name):\(f.line)")
                    XCTAssertEqual(Array(bytes[f.byteRange]), doc.render(f.key, f.value), "\(name):\(f.line)")
                    XCTAssertEqual(f.valueColumn, f.key.utf8.count + 3, "\(name):\(f.line)")
                }
            }
            for c in doc.comments { for i in c.byteRange { covered[i] = true } }
            let lines = text(bytes).split(separator: "\n", omittingEmptySubsequences: false)
            for (n, line) in lines.enumerated() where !line.isEmpty {
                let start = lineStart(bytes, n + 1)
                XCTAssertTrue(covered[start], "\(name):\(n + 1) is neither blank, comment nor record: \(line)")
            }
            XCTAssertEqual(doc.comments.count, lines.filter { $0.hasPrefix("#") }.count, name)
        }
    }

    func testShippedActivityA29KeepsBarePlusAsEmptyLine() throws {
        let doc = Document(bytes: try Store.read(Fixture.shippedFolder + "/activities.rec"))
        let a29 = try XCTUnwrap(doc.records.first { $0.value("id") == "A29" })
        XCTAssertEqual(a29.value("note"), """
            Indikatorer:
            Andel kvalitetsgranskningar genomförda

            Ansvarig enligt handlingsplanen: Familjehem- och insatsenhet och Skadligt bruk och beroende (sbb).
            """)
        XCTAssertEqual(a29.field("note")?.lineCount, 4)
    }

    // MARK: Structure of a hand-made file

    static let sample = """
        # activities.rec: aktiviteter
        %rec: activity
        %key: id

        # Klar härlett (slutdatum 2024-05).
        id: A1
        title: Säkerställ att det finns kvalitetssäkrade och kända förberedelser
        # en kommentar mellan fälten
        goal: D2
        note: Indikatorer:
        + Samtliga enheter har deltagit i utbildning inom området
        +
        + Mäta medarbetarnas skattning av kompetens inom området
        action: A3
        action: A5

        id: A2
        title: Skapa en övergripande kontinuitetsplan och presentera för FLG

        """

    func testStructure() throws {
        let bytes = Array(FormatTests.sample.utf8)
        let doc = Document(bytes: bytes)
        XCTAssertEqual(doc.bytes, bytes)
        XCTAssertEqual(doc.issues.count, 0)
        XCTAssertEqual(doc.lineCount, 18)
        XCTAssertEqual(doc.lineEnding, .lf)

        let d = try XCTUnwrap(doc.descriptor)
        XCTAssertEqual(d.fields.map(\.key), ["%rec", "%key"])
        XCTAssertEqual(d.fields.map(\.value), ["activity", "id"])
        XCTAssertEqual(d.line, 2)
        XCTAssertEqual(d.fields[0].valueColumn, 7)
        // The header comment directly above belongs to the descriptor's block.
        XCTAssertEqual(d.byteRange, 0..<lineStart(bytes, 4))

        XCTAssertEqual(doc.records.count, 2)
        let a1 = doc.records[0]
        XCTAssertEqual(a1.line, 6)
        XCTAssertEqual(a1.fields.map(\.key), ["id", "title", "goal", "note", "action", "action"])
        XCTAssertEqual(a1.fields.map(\.line), [6, 7, 9, 10, 14, 15])
        XCTAssertEqual(a1.byteRange, lineStart(bytes, 5)..<lineStart(bytes, 16))
        XCTAssertEqual(a1.values("action"), ["A3", "A5"])
        XCTAssertEqual(a1.value("action"), "A3")
        XCTAssertEqual(a1.line(of: "goal"), 9)
        XCTAssertEqual(a1.line(of: "missing"), 6)

        let note = try XCTUnwrap(a1.field("note"))
        XCTAssertEqual(note.value, "Indikatorer:\nSamtliga enheter har deltagit i utbildning inom området\n\nMäta medarbetarnas skattning av kompetens inom området")
        XCTAssertEqual(note.line, 10)
        XCTAssertEqual(note.lineCount, 4)
        XCTAssertEqual(note.valueColumn, 7)
        XCTAssertEqual(note.byteRange, lineStart(bytes, 10)..<lineStart(bytes, 14))
        XCTAssertEqual(text(bytes[a1.field("title")!.byteRange]),
                       "title: Säkerställ att det finns kvalitetssäkrade och kända förberedelser\n")

        let a2 = doc.records[1]
        XCTAssertEqual(a2.line, 17)
        XCTAssertEqual(a2.value("title"), "Skapa en övergripande kontinuitetsplan och presentera för FLG")
        XCTAssertEqual(a2.byteRange, lineStart(bytes, 17)..<bytes.count)

        XCTAssertEqual(doc.comments.map(\.line), [1, 5, 8])
        XCTAssertEqual(doc.comments.map(\.text), [" activities.rec: aktiviteter", " Klar härlett (slutdatum 2024-05).",
                                                  " en kommentar mellan fälten"])
        XCTAssertEqual(doc.comments[2].byteRange, lineStart(bytes, 8)..<lineStart(bytes, 9))
    }

    func testEmptyFile() {
        let doc = Document(bytes: [])
        XCTAssertEqual(doc.bytes, [])
        XCTAssertTrue(doc.records.isEmpty)
        XCTAssertTrue(doc.comments.isEmpty)
        XCTAssertTrue(doc.issues.isEmpty)
        XCTAssertNil(doc.descriptor)
        XCTAssertEqual(doc.lineCount, 0)
    }

    func testOnlyBlankLinesAndComments() {
        let bytes = Array("\n  \n# bara en kommentar\n\t\n".utf8)
        let doc = Document(bytes: bytes)
        XCTAssertEqual(doc.bytes, bytes)
        XCTAssertTrue(doc.records.isEmpty)
        XCTAssertEqual(doc.comments.map(\.line), [3])
        XCTAssertTrue(doc.issues.isEmpty)
        XCTAssertEqual(doc.lineCount, 4)
    }

    func testNoFinalNewline() {
        let bytes = Array("id: A1\ntitle: Skapa en övergripande kontinuitetsplan".utf8)
        let doc = Document(bytes: bytes)
        XCTAssertEqual(doc.bytes, bytes)
        XCTAssertTrue(doc.issues.isEmpty)
        XCTAssertEqual(doc.lineCount, 2)
        let title = doc.records[0].field("title")!
        XCTAssertEqual(title.value, "Skapa en övergripande kontinuitetsplan")
        XCTAssertEqual(title.byteRange, 7..<bytes.count)
        XCTAssertEqual(doc.records[0].byteRange, 0..<bytes.count)
    }

    func testRecordsSeparatedByBlankLineWithSpaces() {
        let bytes = Array("id: A1\n   \t\nid: A2\n".utf8)
        let doc = Document(bytes: bytes)
        XCTAssertEqual(doc.records.map { $0.value("id") }, ["A1", "A2"])
        XCTAssertEqual(doc.records.map(\.line), [1, 3])
        XCTAssertEqual(doc.records[0].byteRange, 0..<7)
        XCTAssertTrue(doc.issues.isEmpty)
    }

    func testTrailingSpacesAreNotPartOfTheValue() {
        let bytes = Array("id: A1  \nstatus: klar \t \nnote: rad ett   \n+ rad två  \n".utf8)
        let doc = Document(bytes: bytes)
        XCTAssertEqual(doc.bytes, bytes)
        XCTAssertTrue(doc.issues.isEmpty)
        XCTAssertEqual(doc.records[0].value("id"), "A1")
        XCTAssertEqual(doc.records[0].value("status"), "klar")
        // Only the end of the whole value is trimmed.
        XCTAssertEqual(doc.records[0].value("note"), "rad ett   \nrad två")
        XCTAssertEqual(doc.records[0].field("status")!.byteRange, 9..<25)
    }

    func testEmptyValueAndContinuationWithoutSpace() {
        let doc = Document(text: "id: A1\nnote:\n+rad två\nreason:\n")
        XCTAssertTrue(doc.issues.isEmpty)
        XCTAssertEqual(doc.records[0].value("note"), "\nrad två")
        XCTAssertEqual(doc.records[0].value("reason"), "")
        XCTAssertEqual(doc.records[0].field("note")!.valueColumn, 6)
    }

    /// A one-line value is left in the file's bytes and made when asked for: it must be the
    /// value a string made at once would be, at every column, after a BOM, with CRLF,
    /// trailing blanks, Swedish letters, and when a `+` line follows.
    func testLongValuesMadeLaterAreTheValuesMadeAtOnce() {
        let long = "Rutin för informationsklassning"
        for (prefix, end) in [("", "\n"), ("\u{FEFF}", "\n"), ("", "\r\n")] {
            let text = prefix + "id: A1\(end)title:   \(long) \t\(end)note: \(long)\(end)+ och mer\(end)"
                + "reason:\t0123456789abcdef\(end)progress: 0123456789abcde\(end)evidence: \(long)"
            let doc = Document(text: text)
            let r = doc.records[0]
            XCTAssertEqual(r.value("title"), "  " + long, "one blank after the colon is dropped, not more")
            XCTAssertEqual(r.value("note"), long + "\noch mer", prefix + end)
            XCTAssertEqual(r.value("reason"), "0123456789abcdef")
            XCTAssertTrue(r.field("reason")!.text.isMadeLater, "16 bytes: made later")
            XCTAssertEqual(r.value("progress"), "0123456789abcde")
            XCTAssertTrue(r.field("progress")!.text.isMadeLater, "15 bytes: made later too")
            XCTAssertEqual(r.field("note")!.lineCount, 2)
            XCTAssertEqual(r.field("title")!.lineCount, 1)
            XCTAssertTrue(r.field("title")!.text.isMadeLater)
            XCTAssertFalse(r.field("note")!.text.isMadeLater, "over several lines: made at once")
            XCTAssertEqual(r.value("evidence"), long, "the last line has no line break")
            XCTAssertEqual(r.fields.map(\.isEmpty), [false, false, false, false, false, false])
            XCTAssertEqual(r.field("title")!.valueColumn, 8)
            // The typed record keeps the texts the same way, and reads them back the same.
            let a = DataSet(folder: "data", files: [.activity: SourceFile(path: "data/activities.rec", document: doc)]).activities[0]
            XCTAssertEqual([a.title, a.note, a.reason, a.progress, a.evidence], ["  " + long, long + "\noch mer", "0123456789abcdef", "0123456789abcde", long])
        }
        // A field whose value is made later equals the field made at once with that value
        // at that place, and hashes the same.
        let later = Document(text: "id: A1\ntitle: \(long)\n").records[0].field("title")!
        XCTAssertTrue(later.text.isMadeLater)
        let atOnce = Field(keyID: later.keyID, value: long, line: 2, valueColumn: 8, lineCount: 1, byteRange: later.byteRange)
        XCTAssertFalse(atOnce.text.isMadeLater)
        XCTAssertEqual(later, atOnce)
        XCTAssertEqual(Set([later, atOnce]).count, 1)
        XCTAssertNotEqual(later, Field(keyID: later.keyID, value: long + ".", line: 2, valueColumn: 8, lineCount: 1, byteRange: later.byteRange))
    }

    /// A field keeps no end of its own: a one-line value's field ends after the first line
    /// break after the value, with trailing blanks, a CR, or the end of a file with no last
    /// line break; a multi-line value's where its last `+` line does. What the edits splice.
    func testAFieldEndsAfterItsLastLine() {
        let text = "id: A1\r\ntitle: x  \t\r\nnote: a\r\n+ b  \r\n# c\r\nowner:\r\n\r\nid: A2\nstatus: klar"
        let doc = Document(text: text)
        let bytes = Array(text.utf8)
        func range(_ r: Record, _ key: String) -> String { String(decoding: bytes[r.field(key)!.byteRange], as: UTF8.self) }
        let a1 = doc.records[0], a2 = doc.records[1]
        XCTAssertEqual(range(a1, "id"), "id: A1\r\n")
        XCTAssertEqual(range(a1, "title"), "title: x  \t\r\n")
        XCTAssertEqual(range(a1, "note"), "note: a\r\n+ b  \r\n", "up to the + line, not the comment after it")
        XCTAssertEqual(range(a1, "owner"), "owner:\r\n")
        XCTAssertEqual(range(a2, "status"), "status: klar", "the file's end")
        XCTAssertEqual(a1.fields.map(\.byteRange.upperBound), a1.fields.indices.map { a1.fields.byteRange(at: $0).upperBound })
        // Removing a field splices out exactly its lines.
        XCTAssertEqual(String(decoding: doc.splicing(a1.field("title")!.byteRange, with: []).bytes, as: UTF8.self),
                       text.replacingOccurrences(of: "title: x  \t\r\n", with: ""))
    }

    /// A key of 65,535 bytes or more, and a value that starts that far in, do not fit the
    /// field's 16-bit key and column: such a field keeps them with its value, made at once,
    /// and reads back as any other.
    func testAFieldWithAVeryLongKeyReadsBackWhole() {
        let key = String(repeating: "k", count: 70_000)
        let text = "id: A1\n\(key): värde  \nstatus: klar\n"
        let doc = Document(text: text)
        XCTAssertTrue(doc.issues.isEmpty)
        let r = doc.records[0]
        let f = r.fields[1]
        XCTAssertEqual(f.key, key)
        XCTAssertEqual(f.code, FieldKey.noCode)
        XCTAssertEqual(f.value, "värde")
        XCTAssertEqual(f.valueColumn, 70_003)
        XCTAssertEqual(f.line, 2)
        XCTAssertEqual(f.lineCount, 1)
        XCTAssertEqual(f.byteRange, 7..<(7 + 70_000 + 11))
        XCTAssertFalse(f.text.isMadeLater, "made at once")
        XCTAssertEqual(r.value(key), "värde")
        XCTAssertEqual(r.value(.status), "klar")
        XCTAssertEqual(f, Field(keyID: f.keyID, value: "värde", line: 2, valueColumn: 70_003, lineCount: 1, byteRange: f.byteRange))
        // A column that fits and a key that fits: kept in the field, the value in the file.
        let short = Document(text: "id: A1\n\(String(repeating: "k", count: 65_000)): v\n").records[0].fields[1]
        XCTAssertEqual(short.valueColumn, 65_003)
        XCTAssertTrue(short.text.isMadeLater)
        XCTAssertEqual(short.value, "v")
    }

    /// More different keys than 16 bits number: the fields past them keep their key's
    /// number with their value, and each reads back its own key.
    func testMoreKeysThanSixteenBitsNumberReadBackTheirOwn() {
        let n = 66_000
        var text = "id: A1\n"
        for k in 0..<n { text += "wide\(k): \(k)\n" }
        let doc = Document(text: text)
        let fields = doc.records[0].fields
        XCTAssertEqual(fields.count, n + 1)
        var ids = Set<UInt32>()
        for k in 0..<n {
            let f = fields[k + 1]
            if f.key != "wide\(k)" || f.value != "\(k)" || f.code != FieldKey.noCode { XCTFail("field \(k): \(f.key) \(f.value)"); break }
            ids.insert(f.keyID)
        }
        XCTAssertEqual(ids.count, n, "a number per key")
        XCTAssertGreaterThan(ids.max()!, UInt32(UInt16.max), "some past 16 bits")
        XCTAssertEqual(doc.records[0].value("wide65999"), "65999")
    }

    /// A value whose bytes are not valid UTF-8 is made at once, repaired, and reported; the
    /// short valid values around it (Swedish letters, empty) stay in the file and read back
    /// as written.
    func testShortValuesStayInTheFileUnlessTheyNeedRepair() {
        var bytes = Array("id: A1\nstatus: pågår\nowner: \n".utf8)
        bytes += Array("note: ab".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let doc = Document(bytes: bytes)
        let r = doc.records[0]
        XCTAssertEqual(r.value("status"), "pågår")
        XCTAssertTrue(r.field("status")!.text.isMadeLater)
        XCTAssertEqual(r.value("owner"), "")
        XCTAssertTrue(r.field("owner")!.isEmpty)
        XCTAssertEqual(r.value("note"), "ab\u{FFFD}(")
        XCTAssertFalse(r.field("note")!.text.isMadeLater, "repaired: made at once")
        XCTAssertEqual(doc.issues.map(\.line), [4])
        XCTAssertEqual(doc.issues.first?.column, 9)
    }

    func testTabs() {
        let bytes = Array("id: A1\ntitle:\tSkapa\tplan\n".utf8)
        let doc = Document(bytes: bytes)
        XCTAssertTrue(doc.issues.isEmpty)
        XCTAssertEqual(doc.records[0].value("title"), "Skapa\tplan")
        XCTAssertEqual(doc.records[0].field("title")!.valueColumn, 8)
    }

    // MARK: Bad input: a diagnostic at the right place, never a crash

    private func only(_ doc: Document, file: StaticString = #filePath, line: UInt = #line) -> SyntaxIssue? {
        XCTAssertEqual(doc.issues.count, 1, "\(doc.issues.map(\.message.en))", file: file, line: line)
        return doc.issues.first
    }

    private func assertIssue(_ bytes: [UInt8], line: Int, column: Int, _ severity: SyntaxIssue.Severity,
                             sv: String, en: String, file: StaticString = #filePath, at testLine: UInt = #line) -> Document {
        let doc = Document(bytes: bytes)
        XCTAssertEqual(doc.bytes, bytes, file: file, line: testLine)
        guard let issue = only(doc, file: file, line: testLine) else { return doc }
        XCTAssertEqual(issue.line, line, file: file, line: testLine)
        XCTAssertEqual(issue.column, column, file: file, line: testLine)
        XCTAssertEqual(issue.severity, severity, file: file, line: testLine)
        XCTAssertTrue(issue.message.sv.contains(sv), issue.message.sv, file: file, line: testLine)
        XCTAssertTrue(issue.message.en.contains(en), issue.message.en, file: file, line: testLine)
        return doc
    }

    func testCRLF() {
        let bytes = Array("id: A1\r\ntitle: Skapa\r\n\r\nid: A2\r\n".utf8)
        let doc = assertIssue(bytes, line: 1, column: 1, .warning, sv: "CRLF-radslut", en: "CRLF line endings")
        XCTAssertEqual(doc.lineEnding, .crlf)
        XCTAssertEqual(doc.records.map { $0.value("id") }, ["A1", "A2"])
        XCTAssertEqual(doc.records[0].value("title"), "Skapa")
        XCTAssertEqual(doc.records[1].line, 4)
        XCTAssertEqual(text(bytes[doc.records[0].field("id")!.byteRange]), "id: A1\r\n")
        XCTAssertEqual(doc.records[0].byteRange, 0..<22)
        // A final CR without LF counts too.
        let last = assertIssue(Array("id: A1\r".utf8), line: 1, column: 1, .warning, sv: "CRLF-radslut", en: "CRLF line endings")
        XCTAssertEqual(last.records[0].value("id"), "A1")
        // LF lines with one CR LF line: the warning is at that line, also in chunks.
        let one = Array("id: A1\ntitle: Skapa\nnote: x\r\n\nid: A2\n".utf8)
        _ = assertIssue(one, line: 3, column: 1, .warning, sv: "CRLF-radslut", en: "CRLF line endings")
        // Lines ended by CR alone (old Mac): one line, no record read; an error that says so.
        let mac = assertIssue(Array("# Aktiviteter\rid: A1\rtitle: Skapa\r\rid: A2\r".utf8), line: 1, column: 1, .error,
                              sv: "CR-radslut utan LF", en: "CR line endings without LF")
        XCTAssertEqual(mac.records.count, 0)
        var many = Array(repeating: "id: A\ntitle: t\n\n", count: 3000).joined()
        many += "id: B\ntitle: cr\r\n"
        XCTAssertEqual(Document(bytes: Array(many.utf8), pieces: 2).issues.map(\.line), [9002])
    }

    func testByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id: A1\ntitle: Skapa\n".utf8)
        let doc = assertIssue(bytes, line: 1, column: 1, .warning, sv: "BOM", en: "byte-order mark")
        XCTAssertTrue(doc.hasBOM)
        XCTAssertEqual(doc.records[0].fields.map(\.key), ["id", "title"])
        XCTAssertEqual(doc.records[0].value("id"), "A1")
        XCTAssertEqual(doc.records[0].field("id")!.byteRange, 3..<10)
    }

    func testInvalidUTF8() {
        let bytes = Array("id: A1\ntitle: Skapa ".utf8) + [0xFF] + Array(" plan\n".utf8)
        let doc = assertIssue(bytes, line: 2, column: 14, .error, sv: "ogiltig UTF-8 (byte 0xFF)", en: "invalid UTF-8 (byte 0xFF)")
        XCTAssertEqual(doc.records[0].value("title"), "Skapa \u{FFFD} plan")
    }

    func testInvalidUTF8Sequences() {
        let cases: [([UInt8], Int, String)] = [
            ([0xC3], 9, "0xC3"),                 // truncated at end of line
            ([0xC3, 0x28], 9, "0xC3"),           // bad continuation byte
            ([0xC0, 0xAF], 9, "0xC0"),           // overlong
            ([0xED, 0xA0, 0x80], 9, "0xED"),     // surrogate
            ([0xF4, 0x90, 0x80, 0x80], 9, "0xF4"), // above U+10FFFF
            ([0x80], 9, "0x80"),                 // lone continuation byte
        ]
        for (bad, column, hex) in cases {
            let bytes = Array("id: A1\nnote: Sk".utf8) + bad + Array("\n".utf8)  // the bad byte is column 9
            _ = assertIssue(bytes, line: 2, column: column, .error, sv: "byte \(hex)", en: "byte \(hex)")
            // In a value long enough to be left in the file, after Swedish letters, at its
            // end and in its middle: found the same (the column counts bytes).
            let before = Array("id: A1\nnote: Välfärd åäö ".utf8)
            for after in ["", " och en lång text efter"] {
                _ = assertIssue(before + bad + Array((after + "\n").utf8), line: 2, column: 24, .error, sv: "byte \(hex)", en: "byte \(hex)")
            }
        }
        // Valid multi-byte text raises nothing.
        XCTAssertTrue(Document(text: "id: Å1\nnote: välfärdsbrott – €, 𝄞\n").issues.isEmpty)
    }

    func testNULByte() {
        let bytes = Array("id: A1\nti".utf8) + [0] + Array("tle: Skapa\ngoal: D2\n".utf8)
        let doc = assertIssue(bytes, line: 2, column: 3, .error, sv: "NUL-byte", en: "NUL byte")
        XCTAssertEqual(doc.records.count, 1)
        XCTAssertEqual(doc.records[0].fields.map(\.key), ["id", "goal"])
        XCTAssertEqual(doc.records[0].byteRange, 0..<bytes.count)
        // The ignored line does not end the field above it.
        let note = Document(bytes: Array("id: A1\nnote: a\nx".utf8) + [0] + Array("y\n+ b\n".utf8))
        XCTAssertEqual(note.records[0].value("note"), "a\nb")
        XCTAssertEqual(note.issues.map(\.line), [3])
    }

    func testBinaryGarbageNeverCrashes() {
        var seed: UInt64 = 0x5A4B_E12E
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<64 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                bytes.append([0x0A, 0x0D, 0x00, 0x2B, 0x3A, 0x23, 0x25, 0x20, 0x61, 0xC3, 0xFF][Int(seed >> 33) % 11])
            }
            let doc = Document(bytes: bytes)
            XCTAssertEqual(doc.bytes, bytes)
            for issue in doc.issues {
                XCTAssertGreaterThanOrEqual(issue.line, 1)
                XCTAssertLessThanOrEqual(issue.line, max(doc.lineCount, 1))
                XCTAssertGreaterThanOrEqual(issue.column, 1)
            }
        }
    }

    func testLineStartingWithSpace() {
        let doc = assertIssue(Array("id: A1\n goal: D2\n".utf8), line: 2, column: 1, .error,
                              sv: "raden börjar med blanksteg", en: "line starts with whitespace")
        XCTAssertEqual(doc.records[0].fields.map(\.key), ["id"])
        // The ignored line does not end the field above it.
        XCTAssertEqual(Document(text: "id: A1\nnote: a\n x\n+ b\n").records[0].value("note"), "a\nb")
        // Comments start in column 1.
        _ = assertIssue(Array("id: A1\n  # kommentar\n".utf8), line: 2, column: 1, .error,
                        sv: "raden börjar med blanksteg", en: "line starts with whitespace")
    }

    func testLineStartingWithTab() {
        let doc = assertIssue(Array("id: A1\n\tgoal: D2\n".utf8), line: 2, column: 1, .error,
                              sv: "raden börjar med blanksteg", en: "line starts with whitespace")
        XCTAssertEqual(doc.records.count, 1)
    }

    func testKeyWithoutColon() {
        let doc = assertIssue(Array("id: A1\ntitle Skapa plan\nowner: sbs\n".utf8), line: 2, column: 1, .error,
                              sv: "raden saknar ':'", en: "line has no ':'")
        XCTAssertEqual(doc.records[0].fields.map(\.key), ["id", "owner"])
    }

    func testUpperCaseKey() {
        let doc = assertIssue(Array("id: A1\nTitle: Skapa plan\n".utf8), line: 2, column: 1, .error,
                              sv: "ogiltig nyckel 'Title'; skriv 'title'", en: "invalid key 'Title'; write 'title'")
        XCTAssertEqual(doc.records[0].fields.map(\.key), ["id"])
        _ = assertIssue(Array("id: A1\ntiTle: x\n".utf8), line: 2, column: 3, .error,
                        sv: "skriv 'title'", en: "write 'title'")
    }

    func testOtherInvalidKeys() {
        _ = assertIssue(Array("id: A1\nti-tle: x\n".utf8), line: 2, column: 3, .error,
                        sv: "ogiltig nyckel 'ti-tle'; nycklar är små bokstäver", en: "invalid key 'ti-tle'; keys are lower-case")
        _ = assertIssue(Array("id: A1\n1d: x\n".utf8), line: 2, column: 1, .error,
                        sv: "ogiltig nyckel '1d'", en: "invalid key '1d'")
        _ = assertIssue(Array("id: A1\nmål: x\n".utf8), line: 2, column: 2, .error,
                        sv: "ogiltig nyckel 'mål'", en: "invalid key 'mål'")
        _ = assertIssue(Array("id: A1\n: x\n".utf8), line: 2, column: 1, .error,
                        sv: "ogiltig nyckel ''", en: "invalid key ''")
        XCTAssertTrue(Document(text: "id: A1\nresidual_likelihood: 2\nx9: y\n").issues.isEmpty)
    }

    func testContinuationWithoutField() {
        let doc = assertIssue(Array("+ fortsättning\nid: A1\n".utf8), line: 1, column: 1, .error,
                              sv: "fortsättningsrad (+) utan ett fält före", en: "continuation line (+) with no field before it")
        XCTAssertEqual(doc.records[0].fields.map(\.key), ["id"])
        // After a bad line, the field above is closed: a '+' there has no field either.
        XCTAssertEqual(Document(text: "id: A1\nNote: x\n+ y\n").issues.map(\.line), [2, 3])
    }

    func testDescriptorOutsideTheTopBlock() {
        let doc = assertIssue(Array("id: A1\n\n%rec: activity\nid: A2\n".utf8), line: 3, column: 1, .error,
                              sv: "fältet '%rec' hör bara hemma i beskrivningsblocket", en: "field '%rec' belongs only in the descriptor block")
        XCTAssertNil(doc.descriptor)
        XCTAssertEqual(doc.records.map { $0.fields.map(\.key) }, [["id"], ["id"]])
        // A block of '%' lines alone after the records is no record: one error, with its
        // fix, and no record that lacks every field at line 0.
        let alone = assertIssue(Array("id: A1\n\n%key: id\n%rec: activity\n".utf8), line: 3, column: 1, .error,
                                sv: "fältet '%key' hör bara hemma i beskrivningsblocket först i filen; flytta det dit eller ta bort det",
                                en: "field '%key' belongs only in the descriptor block at the top of the file; move it there or remove it")
        XCTAssertEqual(alone.records.map { $0.fields.map(\.key) }, [["id"]])
    }

    /// A record written straight under the descriptor, with no blank line between, is
    /// told to add the blank line (it was told that '%rec' belongs in the descriptor).
    func testRecordRightUnderTheDescriptorNeedsABlankLine() {
        let doc = assertIssue(Array("# aktiviteter\n%rec: activity\n%key: id\nid: A1\ntitle: x\n\nid: A2\n".utf8), line: 4, column: 1, .error,
                              sv: "beskrivningsblocket och första posten behöver en tom rad emellan; lägg till en tom rad före rad 4 ('id:')",
                              en: "the descriptor block and the first record need a blank line between them; add a blank line before line 4 ('id:')")
        XCTAssertEqual(doc.issues.count, 1)
        XCTAssertNil(doc.descriptor)
        XCTAssertEqual(doc.records.map { $0.fields.map(\.key) }, [["id", "title"], ["id"]])
        // Ordinary fields first, then '%' fields: not a descriptor at all.
        _ = assertIssue(Array("id: A1\n%rec: activity\n".utf8), line: 2, column: 1, .error,
                        sv: "fältet '%rec' hör bara hemma i beskrivningsblocket", en: "field '%rec' belongs only in the descriptor block")
    }

    func testRepeatedKeysAreKeptInOrder() {
        let doc = Document(text: "id: R1\naction: A26\ntitle: x\naction: A27\naction: A26\n")
        XCTAssertEqual(doc.records[0].values("action"), ["A26", "A27", "A26"])
        XCTAssertEqual(doc.records[0].fields.filter { $0.key == "action" }.map(\.line), [2, 4, 5])
    }
}
