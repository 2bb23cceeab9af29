import XCTest
@testable import SakerhetCore

/// A large file is parsed in chunks at the same time. The result must be the document
/// that one pass gives: same records, fields, lines, byte ranges, comments and issues.
final class ChunkedParseTests: XCTestCase {
    /// Records of every shape the parser knows, good and bad, many times over.
    static func file(copies: Int, crlf: Bool = false, bom: Bool = false) -> [UInt8] {
        let header = "# header comment\n%rec: activity\n%key: id\n\n"
        var text = ""
        for n in 0..<copies {
            text += """
                id: A\(n)
                title: Rad \(n) med åäö
                note: första raden
                + andra raden
                +
                + fjärde \(n)
                status: pågår   \n
                # a comment before a record
                id: B\(n)
                Bad Key: x
                 leading blank
                owner: e1

                id: C\(n)
                %type: misplaced
                due: 2024-05

                + orphan continuation
                id: D\(n)
                title: nul\u{0}byte

                """
            text += "\n"
        }
        var bytes = Array((header + text).utf8)
        // Invalid UTF-8 in a value, somewhere in the middle.
        if let at = bytes.indices.first(where: { $0 > bytes.count / 3 && bytes[$0] == UInt8(ascii: "R") }) { bytes[at] = 0xFF }
        if crlf {
            var out: [UInt8] = []
            for b in bytes { if b == 0x0A { out.append(0x0D) }; out.append(b) }
            bytes = out
        }
        return (bom ? [0xEF, 0xBB, 0xBF] : []) + bytes
    }

    static func dump(_ d: Document) -> [String] {
        var out = ["lines \(d.lineCount) \(d.lineEnding) bom \(d.hasBOM) trailing \(d.trailingLines)"]
        if let r = d.descriptor { out.append("descriptor \(r.line) \(r.byteRange) \(r.fields.map(\.key))") }
        for r in d.records {
            out.append("record \(r.line) \(r.byteRange)")
            for f in r.fields { out.append("  \(f.key)=\(f.value) \(f.line):\(f.valueColumn) \(f.lineCount) \(f.byteRange)") }
        }
        for c in d.comments { out.append("comment \(c.line) \(c.text) \(c.byteRange)") }
        for i in d.issues { out.append("issue \(i.line):\(i.column) \(i.severity) \(i.message.en)") }
        return out
    }

    func testChunksGiveTheDocumentOfOnePass() {
        for (crlf, bom) in [(false, false), (true, false), (false, true)] {
            let bytes = Self.file(copies: 300, crlf: crlf, bom: bom)
            let whole = Self.dump(Document(bytes: bytes, pieces: 1))
            for pieces in [2, 3, 7] {
                XCTAssertGreaterThan(Document.chunks(of: bytes, pieces: pieces).count, 1)
                let chunked = Self.dump(Document(bytes: bytes, pieces: pieces))
                XCTAssertEqual(chunked.count, whole.count, "crlf \(crlf) bom \(bom) pieces \(pieces)")
                for (a, b) in zip(chunked, whole) where a != b {
                    XCTFail("crlf \(crlf) bom \(bom) pieces \(pieces): \(a) ≠ \(b)")
                    break
                }
            }
        }
    }

    /// Files parsed together (`Document.parsing`, how a folder is loaded), their chunks
    /// mixed over the cores longest first, give each file's own document.
    func testFilesParsedTogetherGiveEachFilesDocument() {
        let files = [Self.file(copies: 5_000), Self.file(copies: 3, crlf: true), [], Self.file(copies: 2, bom: true),
                     Self.file(copies: 4_500, crlf: true), Array("id: A1\n".utf8)]
        XCTAssertGreaterThan(Document.chunks(of: files[0], pieces: 2).count, 1, "the first file is parsed in chunks")
        let together = Document.parsing(files)
        XCTAssertEqual(together.count, files.count)
        for (i, (document, bytes)) in zip(together, files).enumerated() {
            XCTAssertEqual(document.bytes, bytes, "file \(i)")
            XCTAssertEqual(Self.dump(document), Self.dump(Document(bytes: bytes, pieces: 1)), "file \(i)")
        }
        XCTAssertTrue(Document.parsing([]).isEmpty)
    }

    func testChunksStartAtARecordAfterABlankLine() {
        let bytes = Self.file(copies: 200)
        for (range, firstLine) in Document.chunks(of: bytes, pieces: 4).dropFirst() {
            XCTAssertEqual(Array(bytes[(range.lowerBound - 2)..<range.lowerBound]), [0x0A, 0x0A])
            XCTAssertEqual(firstLine, bytes[..<range.lowerBound].filter { $0 == 0x0A }.count + 1)
        }
    }

    func testAFileWithoutABlankLineIsOneChunk() {
        let bytes = Array(String(repeating: "id: A1\n", count: 10_000).utf8)
        XCTAssertEqual(Document.chunks(of: bytes, pieces: 4).count, 1)
    }

    func testNewlinesAreCountedInEveryPosition() {
        // LF at every offset of a word, next to bytes that differ from LF by one bit, and
        // high bytes, which a careless zero-byte test counts as well.
        var bytes: [UInt8] = []
        for n in 0..<300 { bytes += [0x0A, 0x0B, 0x08, 0x8A, 0xFF, 0x00, UInt8(n % 256)] + Array(repeating: 0x0A, count: n % 9) }
        bytes.withUnsafeBufferPointer { b in
            for from in 0..<9 {
                for to in [b.count, b.count - 1, b.count - 7, from + 13] {
                    XCTAssertEqual(Document.newlines(in: b, from, to), b[from..<to].filter { $0 == 0x0A }.count, "\(from)..<\(to)")
                }
            }
        }
    }

    func testALongRunOfNewlinesIsCountedWhole() {
        // Every byte an LF: each byte of the running sum reaches its most (255 per block of
        // words) and must not carry into the next; blocks of every length at the end.
        let bytes = [UInt8](repeating: 0x0A, count: 20_000)
        bytes.withUnsafeBufferPointer { b in
            for to in [2040, 2041, 2048, 4080, 4088, 19_999, 20_000] {
                XCTAssertEqual(Document.newlines(in: b, 0, to), to)
                XCTAssertEqual(Document.newlines(in: b, 3, to), to - 3)
            }
        }
    }
}
