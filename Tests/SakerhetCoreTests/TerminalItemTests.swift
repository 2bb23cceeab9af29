import XCTest
@testable import SakerhetCore

/// Issue 17: diffs like git, status filters, check titles, widths.
final class TerminalItemTests: XCTestCase {
    func testDiffPutsRemovalsBeforeAdditionsWithHeaders() {
        let old = Array("a\nb\nc\nd\n".utf8), new = Array("a\nB\nc\nD\n".utf8)
        XCTAssertEqual(Diff.unified(old, new, path: "data/x.rec"), """
            --- a/data/x.rec
            +++ b/data/x.rec
            @@ -1,4 +1,4 @@
             a
            -b
            +B
             c
            -d
            +D

            """)
        let replaced = Diff.unified(Array("x\ny\n".utf8), Array("p\nq\n".utf8), path: "f")
        XCTAssertTrue(replaced.hasSuffix("-x\n-y\n+p\n+q\n"), replaced)
    }

    /// The diff cuts the shared head and tail as bytes before it splits lines; it says the
    /// same as splitting the whole files (`wholeFileDiff`, the former way) for random edits
    /// of random files: lines that repeat, empty lines, a last line without LF, and the same
    /// letter composed and decomposed (equal as strings, not as bytes).
    func testDiffOfTheChangedLinesIsTheDiffOfTheWholeFiles() {
        var rng = SplitMix64(seed: 42)
        let words = ["id: A1", "title: Å", "title: A\u{30A}", "", "", "", "note: x", "+ y", "due: 2025"]
        func file(_ n: Int) -> [UInt8] {
            var text = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: "\n")
            if rng.next() % 4 != 0 { text += "\n" }
            return Array(text.utf8)
        }
        /// The offsets where lines start, and the end.
        func lineStarts(_ b: [UInt8]) -> [Int] { [0] + b.indices.filter { b[$0] == 0x0A }.map { $0 + 1 } }
        for round in 0..<3000 {
            let old = file(Int(rng.next() % 30))
            var new = old
            for _ in 0...(rng.next() % 3) {
                if rng.next() % 2 == 0 {
                    // Whole lines out and in, as an edit of a record does.
                    let starts = lineStarts(new)
                    let i = Int(rng.next() % UInt64(starts.count)), j = min(starts.count - 1, i + Int(rng.next() % 4))
                    new.replaceSubrange(starts[i]..<starts[j], with: rng.next() % 2 == 0 ? [] : file(Int(rng.next() % 3)))
                } else {
                    let from = Int(rng.next() % UInt64(new.count + 1)), to = min(new.count, from + Int(rng.next() % 12))
                    new.replaceSubrange(from..<to, with: file(Int(rng.next() % 3)).prefix(Int(rng.next() % 20)))
                }
            }
            if round % 10 == 0 { new = old }
            for context in [0, 1, 3] {
                XCTAssertEqual(Diff.unified(old, new, path: "f", context: context), Self.wholeFileDiff(old, new, context: context),
                               "round \(round), context \(context)")
            }
        }
    }

    /// The same diff of every line of both files, split first and cut as lines only.
    static func wholeFileDiff(_ old: [UInt8], _ new: [UInt8], context: Int) -> String {
        Diff.hunk(Diff.lines(old[...]), Diff.lines(new[...]), skipped: 0, path: "f", context: context, style: .plain)
    }

    /// One edit in a large file: only the lines around it are split.
    func testOneEditInALargeFileSplitsAFewLines() {
        let old = Array((1...100_000).map { "id: A\($0)\ntitle: T\n\n" }.joined().utf8)
        var new = old
        let at = old.count / 2
        new.insert(contentsOf: Array("x".utf8), at: at)
        let w = ByteCompare.changedLines(old, new, context: 3)
        XCTAssertLessThan(w.old.count, 200)
        XCTAssertEqual(w.new.count, w.old.count + 1)
        XCTAssertEqual(w.skippedLines, Diff.lines(old[..<w.old.lowerBound]).count)
        XCTAssertEqual(Diff.unified(old, new, path: "f"), Self.wholeFileDiff(old, new, context: 3))
    }

    /// A line rewritten from a composed to a decomposed letter shows as changed: the file's
    /// bytes changed, though the two strings are equal.
    func testDiffComparesBytes() {
        let d = Diff.unified(Array("id: A1\ntitle: Å\n".utf8), Array("id: A1\ntitle: A\u{30A}\n".utf8), path: "f", context: 0)
        XCTAssertTrue(d.hasSuffix("@@ -2,1 +2,1 @@\n-title: Å\n+title: A\u{30A}\n"), d)
    }

    /// The diff's lines are data: numbers masked in the language asked for, controls shown
    /// as `show` shows them, also a number continued over a `+ ` line whose first half is
    /// outside the diff, and a CR LF file's line ends are not shown. The colours the diff
    /// adds itself stay.
    func testDiffShowsDataAsShowDoes() {
        let old = Array("id: A1\r\nnote: Ring 121212 -\r\n+ 1212 sen\r\nstatus: p\u{1B}[2J\r\n".utf8)
        let new = Array("id: A1\r\nnote: Ring 121212 -\r\n+ 1212 sen\r\nstatus: 19121212-1212\r\n".utf8)
        XCTAssertEqual(Diff.unified(old, new, path: "data/a\u{1B}.rec", context: 1), """
            --- a/data/a\\x1b.rec
            +++ b/data/a\\x1b.rec
            @@ -3,2 +3,2 @@
             +  sen
            -status: p\\x1b[2J
            +status: [personnummer dolt]

            """)
        XCTAssertTrue(Diff.unified(old, new, path: "f", lang: .en).hasSuffix("\n+status: [personal number hidden]\n"))
        let coloured = Diff.unified(old, new, path: "f", context: 0, style: Style(color: true))
        XCTAssertTrue(coloured.contains("\u{1B}[31m-status: p\\x1b[2J\u{1B}[0m"), coloured)
        XCTAssertEqual(SafeText.lines(["note: Ring 121212 -", "+ 1212 sen", "x"]), ["note: Ring [personnummer dolt]", "+  sen", "x"])
    }

    func testDiffColoursAsGitDoes() {
        let d = Diff.unified(Array("a\n".utf8), Array("b\n".utf8), path: "f", style: Style(color: true))
        XCTAssertTrue(d.contains("\u{1B}[1m--- a/f\u{1B}[0m\n\u{1B}[1m+++ b/f\u{1B}[0m\n"))
        XCTAssertTrue(d.contains("\u{1B}[36m@@ -1,1 +1,1 @@\u{1B}[0m"))
        XCTAssertTrue(d.contains("\u{1B}[31m-a\u{1B}[0m\n\u{1B}[32m+b\u{1B}[0m"))
        XCTAssertFalse(Diff.unified(Array("a\n".utf8), Array("b\n".utf8), path: "f").contains("\u{1B}"))
    }

    func testStatusFilter() {
        let f = StatusFilter("ej påbörjad, in-progress", kind: .activity)!
        XCTAssertTrue(f.matches(Status.notStarted) && f.matches(Status.inProgress))
        XCTAssertFalse(f.matches(Status.done) || f.matches(Status.onHold))
        let open = StatusFilter("öppen", kind: .goal)!
        XCTAssertTrue(open.matches(Status.onHold) && open.matches(Status.notStarted))
        XCTAssertFalse(open.matches(Status.done) || open.matches(Status.cancelled))
        let risks = StatusFilter("open", kind: .risk)!
        XCTAssertTrue(risks.matches(RiskStatus.accepted))
        XCTAssertFalse(risks.matches(RiskStatus.closed))
        XCTAssertNil(StatusFilter.unknown(in: "pågår,öppen", kind: .activity))
        XCTAssertTrue(StatusFilter.unknown(in: "pågår,klr", kind: .activity)!.sv.contains("'klr'"))
    }

    func testEveryCheckHasATitleInWords() {
        var seen = Set<String>()
        for c in Checks.all {
            XCTAssertFalse(c.title.sv.isEmpty || c.title.en.isEmpty, c.id)
            XCTAssertNotEqual(c.title.sv, c.id, c.id)
            XCTAssertTrue(seen.insert(c.title.sv).inserted, "two checks titled \(c.title.sv)")
        }
        XCTAssertEqual(Checks.title(of: "overdue").sv, "Försenad")
        XCTAssertEqual(Checks.title(of: "owner").sv, "Okänd ansvarig")
        XCTAssertEqual(Checks.title(of: "no-such-check").en, "Check")
    }

    func testWidthFromColumnsElse100() {
        XCTAssertEqual(Style.forOutput(color: false, environment: ["COLUMNS": "80"], fd: -1).width, 80)
        XCTAssertTrue(Style.forOutput(color: false, environment: ["COLUMNS": "80"], fd: -1).fitted)
        let pipe = Style.forOutput(color: false, environment: ["COLUMNS": "x"], fd: -1)
        XCTAssertEqual(pipe.width, 100)
        XCTAssertFalse(pipe.fitted)
    }

    func testTablesKeepIdsDatesAndStatusesWhole() {
        var t = TextTable([.init("Id", 5), .init("Titel", 40), .init("Klart senast", 12), .init("Status", 11)])
        t.add(["A12", "Upprätta en förvaltningsgemensam plan för kontinuitetshantering", "2024-10-31", "ej påbörjad"])
        for width in [44, 50, 60] {
            let out = t.render(maxWidth: width)
            for line in out.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, width, String(line)) }
            XCTAssertTrue(out.contains("2024-10-31") && out.contains("ej påbörjad") && out.contains("A12"), out)
        }
        // The title column gave way first, with a visible hyphen for a word too long.
        let narrow = t.render(maxWidth: 48)
        XCTAssertTrue(narrow.contains("-\n"), narrow)
    }
}
