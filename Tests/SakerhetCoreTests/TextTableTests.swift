import XCTest
@testable import SakerhetCore

/// TextTable wraps and aligns by Unicode scalars. These pin the exact rules.
final class TextTableTests: XCTestCase {
    func testWrapCountsScalarsNotBytes() {
        XCTAssertEqual(TextTable.wrap("Åtgärda sårbarheter i öppna system", 12), ["Åtgärda", "sårbarheter", "i öppna", "system"])
        XCTAssertEqual(TextTable.wrap("åäö", 3), ["åäö"])
    }

    func testWrapCutsWordsLongerThanTheWidth() {
        // With a visible hyphen at the column's edge.
        XCTAssertEqual(TextTable.wrap("abcdefghijklmnop xy", 5), ["abcd-", "efgh-", "ijkl-", "mnop", "xy"])
        XCTAssertEqual(TextTable.wrap("ab åäöåäöåä cd", 4), ["ab", "åäö-", "åäö-", "åä", "cd"])
        XCTAssertEqual(TextTable.wrap("förvaltningsledningsgruppen", 16), ["förvaltningsled-", "ningsgruppen"])
        // No hyphen in a column of two.
        XCTAssertEqual(TextTable.wrap("abcde", 2), ["ab", "cd", "e"])
    }

    func testWrapKeepsEmbeddedNewlines() {
        XCTAssertEqual(TextTable.wrap("första raden\n\nefter tom rad", 20), ["första raden", "", "efter tom rad"])
        XCTAssertEqual(TextTable.wrap("x\n", 5), ["x", ""])
    }

    func testWrapBlanks() {
        // Text that fits on one line is kept as it is; wrapped text gets single blanks.
        XCTAssertEqual(TextTable.wrap("a  b", 10), ["a  b"])
        XCTAssertEqual(TextTable.wrap("a  b\nc", 10), ["a b", "c"])
        XCTAssertEqual(TextTable.wrap("a  b c d e", 5), ["a b c", "d e"])
        XCTAssertEqual(TextTable.wrap("", 5), [""])
        XCTAssertEqual(TextTable.wrap("   ", 2), [""])
    }

    func testWrapSplitsOnCharactersAsStringDoes() {
        // "\r\n" is one Character, so it does not start a new line.
        XCTAssertEqual(TextTable.wrap("ab\r\ncd ef", 5), ["ab\r\nc", "d ef"])
        // A blank followed by a combining accent is one Character, part of the word.
        XCTAssertEqual(TextTable.wrap("a \u{301}b c d", 3), ["a \u{301}", "b c", "d"])
        // So is a prepended mark (U+0600) followed by a blank.
        XCTAssertEqual(TextTable.wrap("x\u{600} y z", 3), ["x\u{600} ", "y z"])
    }

    func testRenderAlignsAndHoldsBackPadding() {
        var t = TextTable([.init("Id", 4), .init("Titel", 20), .init("Ägare", 6), .init("Status", 10)])
        t.add(["A1", "Öva krisledning på förvaltningen", "åsa", "pågår"])
        t.add(["A22", "", "", "klar"])
        t.add(["A3", "Två rader\nhär", "", ""])
        XCTAssertEqual(t.render(), """
            Id   Titel                 Ägare  Status
            ───  ────────────────────  ─────  ──────
            A1   Öva krisledning på    åsa    pågår
                 förvaltningen
            A22                               klar
            A3   Två rader
                 här

            """)
    }

    func testRenderShortRowsAndBlanksInCells() {
        var t = TextTable([.init("Id", 4), .init("Titel", 8), .init("Not", 5)])
        t.add(["A4"])
        t.add(["A5", "a  b", "x"])
        t.add(["A6", "ab cd\nef", ""])
        XCTAssertEqual(t.render(), "Id  Titel  Not\n──  ─────  ───\nA4\nA5  a  b   x\nA6  ab cd\n    ef\n")
    }

    func testRenderShrinksToMaxWidth() {
        var t = TextTable([.init("Id", 4), .init("Beskrivning", 40), .init("Not", 30)])
        t.add(["R1", "Kontoutdrag kontrolleras inte vid e-ansökan om ekonomiskt bistånd", "Se över rutinen"])
        XCTAssertEqual(t.render(maxWidth: 40), """
            Id  Beskrivning          Not
            ──  ───────────────────  ───────────────
            R1  Kontoutdrag          Se över rutinen
                kontrolleras inte
                vid e-ansökan om
                ekonomiskt bistånd

            """)
        // Narrower still: the columns stop at their longest word.
        XCTAssertEqual(t.render(maxWidth: 30), """
            Id  Beskrivning   Not
            ──  ────────────  ────────────
            R1  Kontoutdrag   Se över
                kontrolleras  rutinen
                inte vid
                e-ansökan om
                ekonomiskt
                bistånd

            """)
    }

    func testRenderCutsWordsAndPaintsEachPiece() {
        var t = TextTable([.init("Id", 4), .init("Text", 20)])
        t.add(["X1", "Mycketlångtordutanmellanslag och mer"], paint: [{ "[" + $0 + "]" }, { "<" + $0 + ">" }])
        t.add(["X2", "kort"], paint: [{ "[" + $0 + "]" }])
        let body = "──  ────────────\n[X1]  <Mycketlångt->\n    <ordutanmell->\n    <anslag och>\n    <mer>\n[X2]  kort\n"
        XCTAssertEqual(t.render(maxWidth: 16), "Id  Text\n" + body)
        XCTAssertEqual(t.render(style: Style(color: true), maxWidth: 16), "\u{1B}[1mId\u{1B}[0m  \u{1B}[1mText\u{1B}[0m\n" + body)
    }

    /// A long table is measured and written in pieces at the same time; the rows must
    /// come out whole and in order, with widths from every row.
    func testALongTableKeepsItsRowsInOrder() {
        var t = TextTable([TextTable.Column("Id", 6), TextTable.Column("Text", 20)])
        for i in 0..<5_000 { t.add(["R\(i)", i == 4_321 ? "the widest cell here" : "row \(i)"]) }
        let lines = t.render(maxWidth: 100).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2 + 5_000 + 1)
        XCTAssertEqual(lines[0], "Id     Text")
        XCTAssertEqual(lines[1], "─────  ────────────────────")
        for i in 0..<5_000 {
            let id = "R\(i)"
            let text = i == 4_321 ? "the widest cell here" : "row \(i)"
            let pad = String(repeating: " ", count: 7 - id.count)
            let expected: String = id + pad + text
            XCTAssertEqual(String(lines[2 + i]), expected)
        }
    }

    /// `render(_: [Cells])`, the list's table from bytes, gives what `add` and `render`
    /// give for the same cells: random rows of awkward text (combining marks, "\r\n",
    /// long words, personal numbers, control and bidi characters), in one chunk or three,
    /// at several widths.
    func testCellsRenderAsRows() {
        let words = ["a", "åäö", "Åtgärda", "förvaltningsledningsgruppen", "x\u{301}", " \u{301}b", "ab\r\ncd", "rad\nny",
                     "19121212-1212", "\u{1B}[31m", "\u{202E}", ";\"", "2026-03", "röd (12 d sen)", "", "  ", "\t"]
        var random = SplitMix64(seed: 13)
        let columns = [TextTable.Column("Id", 5), TextTable.Column("Titel", 30), TextTable.Column("Status", 11, free: false)]
        var rows: [[String]] = []
        for _ in 0..<300 {
            rows.append((0..<3).map { _ in (0..<random.below(6)).map { _ in random.pick(words) }.joined(separator: random.chance(80) ? " " : "") })
        }
        for lang in [Lang.sv, .en] {
            var t = TextTable(columns, lang: lang)
            for r in rows { t.add(r.map { SafeText.text($0, lang) }) }
            for split in [[0, 300], [0, 7, 150, 300]] {
                var chunks: [TextTable.Cells] = []
                for k in 0..<(split.count - 1) {
                    var c = TextTable.Cells(width: 3)
                    for r in rows[split[k]..<split[k + 1]] {
                        for cell in r { c.append(cell); c.close(lang) }
                    }
                    chunks.append(c)
                }
                for width in [12, 30, 100] {
                    XCTAssertEqual(t.render(chunks, maxWidth: width), t.render(maxWidth: width), "\(lang) \(split) \(width)")
                }
            }
        }
    }
}
