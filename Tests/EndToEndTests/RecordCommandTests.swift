import Foundation
import XCTest

/// Issue 3: the record commands (`goals`, `activities`, `risks`, `findings`) on copies of
/// the shipped plan. Expected rows are computed from the files on disk with the tests' own
/// reader (Support/Oracle.swift), writes are checked byte for byte, and the goldens hold
/// the terminal tables at the plan's date.
final class RecordCommandTests: EndToEndCase {
    /// `--as-of` the plan's date and `--data data`, for runs in a copy's root.
    let plan = ["--as-of", EndToEndCase.planDate, "--data", "data"]

    func shipped(_ file: String) throws -> [TestRecord] {
        try RecText.records(in: Repo.shippedData.appendingPathComponent(file))
    }

    /// The ids a list prints (as TSV), in order; checks exit 0 and an empty stderr.
    func listIDs(_ args: [String], in root: URL, asOf: String = EndToEndCase.planDate,
                 file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let r = try run(args + ["--format", "tsv", "--as-of", asOf, "--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, 0, "\(args): \(r.output)", file: file, line: line)
        XCTAssertEqual(r.stderr, "", file: file, line: line)
        return Formats.ids(r.stdout)
    }

    /// Runs a write on `root`, expects `code`, and checks that no data file changed.
    func assertRefused(_ args: [String], in root: URL, exits code: Int32, saying words: [String],
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try dataSnapshot(root)
        let r = try run(args + plan, in: root)
        XCTAssertEqual(r.exitCode, code, "exit code of \(args.joined(separator: " ")); output:\n\(r.output)", file: file, line: line)
        for w in words {
            XCTAssertTrue(r.stderr.contains(w), "stderr lacks '\(w)':\n\(r.output)", file: file, line: line)
        }
        XCTAssertEqual(r.stdout, "", "a refused write prints nothing on stdout", file: file, line: line)
        try assertDataUnchanged(root, since: before, file: file, line: line)
    }

    // MARK: Goldens at the plan's date

    func assertGoldenRun(_ args: [String], golden: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try copyOfShippedData()
        let before = try snapshot(root.appendingPathComponent("data"))
        let r = try run(args + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output, file: file, line: line)
        XCTAssertEqual(r.stderr, "", file: file, line: line)
        try assertUnchanged(root.appendingPathComponent("data"), since: before, file: file, line: line)
        try assertGolden(r.stdout, golden, file: file, line: line)
    }

    func testGoldenActivitiesList() throws { try assertGoldenRun(["activities", "list"], golden: "records-activities-list.txt") }
    func testGoldenActivitiesShowA12() throws { try assertGoldenRun(["activities", "show", "A12"], golden: "records-activities-show-A12.txt") }
    func testGoldenGoalsList() throws { try assertGoldenRun(["goals", "list"], golden: "records-goals-list.txt") }
    func testGoldenRisksList() throws { try assertGoldenRun(["risks", "list"], golden: "records-risks-list.txt") }
    func testGoldenFindingsList() throws { try assertGoldenRun(["findings", "list"], golden: "records-findings-list.txt") }
    func testGoldenRisksMatrix() throws { try assertGoldenRun(["risks", "matrix"], golden: "records-risks-matrix.txt") }

    /// `list` is the default verb, and a bare id shows the record.
    func testListIsTheDefaultVerbAndAnIDShows() throws {
        let root = try copyOfShippedData()
        for kind in ["goals", "activities", "risks", "findings"] {
            let bare = try run([kind] + plan, in: root), list = try run([kind, "list"] + plan, in: root)
            XCTAssertEqual(bare.exitCode, 0, bare.output)
            XCTAssertEqual(bare.stdout, list.stdout, kind)
            XCTAssertFalse(list.stdout.isEmpty, kind)
        }
        let bare = try run(["activities", "A12"] + plan, in: root), show = try run(["activities", "show", "A12"] + plan, in: root)
        XCTAssertEqual(show.exitCode, 0, show.output)
        XCTAssertEqual(bare.stdout, show.stdout)
        XCTAssertTrue(show.stdout.contains("Interkontrollplan 2025"), show.stdout)
    }

    /// Every kind's list holds every record of its file, with the kind's sort order.
    func testListsHoldEveryRecordInDeadlineOrder() throws {
        let root = try copyOfShippedData()
        for (kind, file) in [("goals", "goals.rec"), ("activities", "activities.rec"), ("findings", "findings.rec")] {
            let records = try shipped(file)
            let ids = try listIDs([kind], in: root)
            XCTAssertEqual(Set(ids), Set(records.map(\.id)), kind)
            XCTAssertEqual(ids.count, records.count, kind)
            // Sorted by the deadline's last day; unknown deadlines last.
            let keys = ids.map { id in records.first { $0.id == id }!.value("due").flatMap(Days.lastDay) ?? "9999" }
            XCTAssertEqual(keys, keys.sorted(), "\(kind) not sorted by deadline: \(ids)")
        }
        let risks = try shipped("risks.rec")
        let ids = try listIDs(["risks"], in: root)
        XCTAssertEqual(Set(ids), Set(risks.map(\.id)))
        let scores = ids.map { id -> Int in
            let r = risks.first { $0.id == id }!
            return Int(r.value("likelihood")!)! * Int(r.value("consequence")!)!
        }
        XCTAssertEqual(scores, scores.sorted(by: >), "risks not sorted by score: \(ids)")
    }

    func testShowUnknownIDIsAUsageError() throws {
        let root = try copyOfShippedData()
        let r = try run(["activities", "show", "A99"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("A99"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    /// An id two records have: `show` shows both and warns; a write is refused with exit 1
    /// and names both lines, and changes nothing.
    func testARepeatedIDIsShownWholeAndNotEdited() throws {
        let root = try copyOfShippedData()
        let file = root.appendingPathComponent("data/activities.rec")
        let copy = "\nid: A12\ntitle: Kopia av A12\ngoal: D2\nowner: sbs\ndue: 2030-05\nstatus: pågår\n"
        try (String(contentsOf: file, encoding: .utf8) + copy).write(to: file, atomically: true, encoding: .utf8)
        let show = try run(["activities", "show", "A12"] + plan, in: root)
        XCTAssertEqual(show.exitCode, 0, show.output)
        XCTAssertTrue(show.stdout.contains("Interkontrollplan 2025") && show.stdout.contains("Kopia av A12"), show.stdout)
        XCTAssertTrue(show.stderr.contains("varning: id 'A12' finns i 2 poster"), show.stderr)
        try assertRefused(["activities", "set", "A12", "note=x"], in: root, exits: 1, saying: ["A12", "2 poster", "och"])
    }

    /// Usage mistakes are named as what they are: an unknown option before the id (with the
    /// `--` that makes `-A1` an id), a field given twice. A line the terminal could not take
    /// after a write says the write is saved.
    func testUsageMistakesAndASavedWriteAreSaidAsTheyAre() throws {
        let root = try copyOfShippedData()
        let show = try run(["activities", "show", "-A1"] + plan, in: root)
        XCTAssertEqual(show.exitCode, 2, show.output)
        XCTAssertTrue(show.stderr.contains("okänd flagga '-A1'") && show.stderr.contains("'activities show -- -A1'"), show.stderr)
        try assertRefused(["activities", "set", "A12", "note=a", "note=b"], in: root, exits: 2, saying: ["note= står två gånger"])
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        // Through sh, standard output goes to /dev/full (no space left on it).
        let full = try finish(start(["activities", "set", "A12", "note=sparad"] + plan, in: root,
                                    launcher: ["/bin/sh", "-c", "exec \"$@\" > /dev/full", "sh"]))
        XCTAssertEqual(full.exitCode, 2, full.output)
        XCTAssertTrue(full.stderr.contains("ändringen är sparad i data/activities.rec"), full.stderr)
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("data/activities.rec"), encoding: .utf8).contains("note: sparad"))
    }

    // MARK: Filters

    func testOwnerFilterByIDAndByPartOfName() throws {
        let root = try copyOfShippedData()
        let owners = try shipped("owners.rec"), activities = try shipped("activities.rec"), risks = try shipped("risks.rec")
        let query = "ekonomiskt bistånd"
        let matching = owners.filter { ($0.value("name") ?? "").lowercased().contains(query) }
        XCTAssertEqual(matching.count, 1, "the test needs a name part that names one owner")
        let id = matching[0].id
        let expected = Set(activities.filter { $0.value("owner") == id }.map(\.id))
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(Set(try listIDs(["activities", "--owner", id], in: root)), expected)
        XCTAssertEqual(Set(try listIDs(["activities", "--owner", query], in: root)), expected)
        XCTAssertEqual(Set(try listIDs(["risks", "--owner", query], in: root)),
                       Set(risks.filter { $0.value("owner") == id }.map(\.id)))
        // A part of several names is refused and the candidates are named.
        let r = try run(["activities", "--owner", "Enheten"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("sbs") && r.stderr.contains(id), r.stderr)
    }

    func testGoalFilterIncludesSubGoals() throws {
        let root = try copyOfShippedData()
        let goals = try shipped("goals.rec"), activities = try shipped("activities.rec")
        let below = goalAndDescendants("D3", in: goals)
        let expected = Set(activities.filter { below.contains($0.value("goal") ?? "") }.map(\.id))
        XCTAssertEqual(expected, Set(["A3", "A4", "A5"] + (23...30).map { "A\($0)" }), "the shipped plan changed")
        XCTAssertEqual(Set(try listIDs(["activities", "--goal", "D3"], in: root)), expected)
        XCTAssertEqual(Set(try listIDs(["goals", "--goal", "D3"], in: root)), below)
        let r = try run(["activities", "--goal", "D99"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("D99"), r.stderr)
    }

    /// An activity's area is its own `area`, else its goal's.
    func testAreaFilterUsesTheActivitysOwnAreaFirst() throws {
        let root = try copyOfShippedData()
        let goals = try shipped("goals.rec"), activities = try shipped("activities.rec")
        func area(_ a: TestRecord) -> String? { a.value("area") ?? goals.first { $0.id == a.value("goal") }?.value("area") }
        for name in ["kontinuitet", "kriskommunikation", "valfardsbrott"] {
            let expected = Set(activities.filter { area($0) == name }.map(\.id))
            XCTAssertFalse(expected.isEmpty, name)
            XCTAssertEqual(Set(try listIDs(["activities", "--area", name], in: root)), expected, name)
        }
        // A8 belongs to D2 (kontinuitet) but says kriskommunikation itself.
        XCTAssertTrue(try listIDs(["activities", "--area", "kriskommunikation"], in: root).contains("A8"))
        XCTAssertFalse(try listIDs(["activities", "--area", "kontinuitet"], in: root).contains("A8"))
        XCTAssertEqual(Set(try listIDs(["goals", "--area", "valfardsbrott"], in: root)),
                       Set(goals.filter { $0.value("area") == "valfardsbrott" }.map(\.id)))
    }

    func testStatusFilterTakesSwedishAndEnglish() throws {
        let root = try copyOfShippedData()
        let activities = try shipped("activities.rec"), risks = try shipped("risks.rec")
        for (sv, en) in [("klar", "done"), ("pågår", "in-progress"), ("vilande", "on-hold"), ("struken", "cancelled"), ("ej påbörjad", "not-started")] {
            let expected = Set(activities.filter { $0.value("status") == sv }.map(\.id))
            XCTAssertEqual(Set(try listIDs(["activities", "--status", sv], in: root)), expected, sv)
            XCTAssertEqual(Set(try listIDs(["activities", "--status", en], in: root)), expected, en)
        }
        let identified = Set(risks.filter { $0.value("status") == "identifierad" }.map(\.id))
        XCTAssertFalse(identified.isEmpty)
        XCTAssertEqual(Set(try listIDs(["risks", "--status", "identified"], in: root)), identified)
    }

    /// A filter value that matches no status or area is a typo, not an empty answer.
    func testUnknownStatusOrAreaIsAUsageError() throws {
        let root = try copyOfShippedData()
        let status = try run(["activities", "--status", "pgår"] + plan, in: root)
        XCTAssertEqual(status.exitCode, 2, "--status pgår: \(status.output)")
        XCTAssertTrue(status.stderr.contains("pågår"), "no suggestion: \(status.stderr)")
        let area = try run(["activities", "--area", "kontinutet"] + plan, in: root)
        XCTAssertEqual(area.exitCode, 2, "--area kontinutet: \(area.output)")
        XCTAssertTrue(area.stderr.contains("kontinuitet"), "no suggestion: \(area.stderr)")
    }

    func testOverdueAndSoon() throws {
        let root = try copyOfShippedData()
        let goals = try shipped("goals.rec"), activities = try shipped("activities.rec"), findings = try shipped("findings.rec")
        let later = "2026-11-26"
        let config = String(decoding: try Data(contentsOf: Repo.shippedData.appendingPathComponent("config.rec")), as: UTF8.self)
        let window = try XCTUnwrap(RecText.lines(config).first { $0.hasPrefix("soon_days: ") }.flatMap { Int($0.dropFirst(11)) })
        for asOf in [Self.planDate, later] {
            for (kind, records) in [("goals", goals), ("activities", activities), ("findings", findings)] {
                XCTAssertEqual(Set(try listIDs([kind, "--overdue"], in: root, asOf: asOf)),
                               Set(records.filter { $0.isOverdue(asOf: asOf) }.map(\.id)), "\(kind) --overdue at \(asOf)")
                XCTAssertEqual(Set(try listIDs([kind, "--soon"], in: root, asOf: asOf)),
                               Set(records.filter { $0.isDueSoon(asOf: asOf, window: window) }.map(\.id)), "\(kind) --soon at \(asOf)")
            }
        }
        // The facts the oracle must agree with, read in the plan itself.
        XCTAssertEqual(try listIDs(["goals", "--overdue"], in: root), ["D5"])
        XCTAssertEqual(Set(try listIDs(["activities", "--soon"], in: root)), ["A12", "A19", "A21"])
        XCTAssertTrue(try listIDs(["activities", "--overdue"], in: root, asOf: later).contains("A26"))
        // Risks: --overdue means the review date has passed.
        let risks = try shipped("risks.rec")
        XCTAssertEqual(Set(try listIDs(["risks", "--overdue"], in: root, asOf: later)),
                       Set(risks.filter { ($0.value("review") ?? "9999") < later }.map(\.id)))
        XCTAssertEqual(try listIDs(["risks", "--overdue"], in: root), [])
    }

    /// `--due-before T`: open records whose deadline ends no later than T's period.
    /// A phrase gives the same list as its canonical token.
    func testDueBeforeTakesPhrases() throws {
        let root = try copyOfShippedData()
        let activities = try shipped("activities.rec")
        let cases: [(phrases: [String], last: String)] = [
            (["15 januari 2025", "2025-01-15"], "2025-01-15"),
            (["januari 2025", "2025-01", "January 2025"], "2025-01-31"),
            (["kvartal 4 2024", "Q4 2024", "2024-Q4"], "2024-12-31"),
            (["våren 2025", "2025-H1"], "2025-06-30"),
            (["tertial 1 2025", "2025-T1"], "2025-04-30"),
        ]
        var seen: Set<[String]> = []
        for c in cases {
            let expected = activities.filter { a in
                guard !a.isClosed, let last = a.value("due").flatMap(Days.lastDay) else { return false }
                return last <= c.last
            }.map(\.id)
            XCTAssertFalse(expected.isEmpty, c.last)
            for phrase in c.phrases {
                XCTAssertEqual(Set(try listIDs(["activities", "--due-before", phrase], in: root)), Set(expected), phrase)
            }
            seen.insert(expected.sorted())
        }
        XCTAssertGreaterThanOrEqual(seen.count, 3, "the cases should give different lists")
        let bad = try run(["activities", "--due-before", "nästa vecka"] + plan, in: root)
        XCTAssertEqual(bad.exitCode, 2, bad.output)
    }

    func testRiskLevelFilter() throws {
        let root = try copyOfShippedData()
        let risks = try shipped("risks.rec")
        func score(_ r: TestRecord) -> Int { Int(r.value("likelihood")!)! * Int(r.value("consequence")!)! }
        // The default thresholds, as the matrix legend states them.
        let matrix = try run(["risks", "matrix"] + plan, in: root)
        XCTAssertTrue(matrix.stdout.contains("låg 1–3, medel 4–7, hög 8–11, mycket hög 12–16"), matrix.stdout)
        for (level, range) in [("hög", 8...11), ("mycket hög", 12...16), ("medel", 4...7), ("high", 8...11)] {
            let expected = risks.filter { range.contains(score($0)) }.map(\.id)
            XCTAssertEqual(Set(try listIDs(["risks", "list", "--level", level], in: root)), Set(expected), level)
        }
        XCTAssertEqual(try run(["risks", "list", "--level", "extrem"] + plan, in: root).exitCode, 2)
    }

    // MARK: Formats

    func testTableTSVCSVAndJSONHoldTheSameRows() throws {
        let root = try copyOfShippedData()
        let args = ["activities", "list", "--goal", "D3"]
        let tsv = try run(args + ["--format", "tsv"] + plan, in: root)
        let rows = Formats.tsv(tsv.stdout)
        XCTAssertGreaterThan(rows.count, 2)
        XCTAssertTrue(rows.allSatisfy { $0.count == rows[0].count }, "ragged TSV:\n\(tsv.stdout)")

        let csv = try run(args + ["--format", "csv"] + plan, in: root)
        XCTAssertEqual(csv.exitCode, 0, csv.output)
        XCTAssertEqual(Array(csv.stdoutBytes.prefix(3)), [0xEF, 0xBB, 0xBF], "CSV for Excel starts with a UTF-8 BOM")
        XCTAssertTrue(csv.stdout.hasSuffix("\r\n"))
        let body = String(csv.stdout.dropFirst())  // the BOM
        XCTAssertEqual(body.components(separatedBy: "\r\n").count, rows.count + 1, "one CRLF per row")
        // The CSV has the TSV's rows, with the owner's name and the days late in columns of
        // their own (issue 17): dropping those and putting the days back gives the TSV.
        let csvRows = try XCTUnwrap(Formats.csv(body))
        let name = try XCTUnwrap(csvRows[0].firstIndex(of: "Ansvarig (namn)")), late = csvRows[0].firstIndex(of: "Dagar sen")
        let back = csvRows.enumerated().map { (n, r) -> [String] in
            var r = r
            if let late {
                let days = r.remove(at: late)
                if n > 0, !days.isEmpty { r[late - 1] += " (\(days) d sen)" }
            }
            r.remove(at: name)
            return r
        }
        XCTAssertEqual(back, rows, "CSV (;, CRLF) and TSV disagree")
        XCTAssertTrue(body.hasPrefix(csvRows[0].joined(separator: ";") + "\r\n"), "header not ;-separated")

        let json = try run(args + ["--format", "json"] + plan, in: root)
        XCTAssertEqual(json.exitCode, 0, json.output)
        let object = try XCTUnwrap(try Formats.json(json.stdoutBytes) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "sakerhet.list/1")
        let jsonRows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(jsonRows.compactMap { $0["id"] as? String }, Formats.ids(tsv.stdout))

        let table = try run(args + plan, in: root)
        let tableIDs = table.stdout.split(separator: "\n").dropFirst(2).compactMap { line -> String? in
            let first = line.prefix { $0 != " " }
            return first.isEmpty ? nil : String(first)
        }
        XCTAssertEqual(tableIDs, Formats.ids(tsv.stdout))
    }

    /// A `;` or `"` in a value is quoted the way Excel reads it.
    func testCSVQuotesSeparatorsAndQuotes() throws {
        let root = try copyOfShippedData()
        let title = "Öva \"krisledning\"; del 2"
        let add = try run(["activities", "add", "--title", title, "--goal", "D2", "--owner", "sbs", "--due", "2025-03"] + plan, in: root)
        XCTAssertEqual(add.exitCode, 0, add.output)
        let csv = try run(["activities", "--format", "csv"] + plan, in: root)
        let rows = try XCTUnwrap(Formats.csv(String(csv.stdout.dropFirst())), "CSV does not parse:\n\(csv.stdout)")
        XCTAssertTrue(rows.contains { $0.count == rows[0].count && $0.contains(title) }, "title not one field:\n\(csv.stdout)")
        // A title Excel would run as a formula opens as text: an apostrophe before it.
        for (i, formula) in ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1+1", "-2+3"].enumerated() {
            XCTAssertEqual(try run(["activities", "set", "A\(i + 1)", "title=\(formula)"] + plan, in: root).exitCode, 0)
        }
        let safe = try run(["activities", "--format", "csv"] + plan, in: root)
        let cells = try XCTUnwrap(Formats.csv(String(safe.stdout.dropFirst())), safe.stdout).flatMap { $0 }
        for formula in ["=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1+1", "-2+3"] {
            XCTAssertTrue(cells.contains("'" + formula), "\(formula) not as text:\n\(safe.stdout)")
            XCTAssertFalse(cells.contains(formula), formula)
        }
    }

    func testFindingsCountLine() throws {
        let root = try copyOfShippedData()
        let findings = try shipped("findings.rec")
        func count(_ colour: String) -> Int { findings.filter { $0.value("assessment") == colour }.count }
        let r = try run(["findings"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        let expected = "\(count("grön")) gröna, \(count("gul")) gula, \(count("röd")) röda av \(findings.count)"
        XCTAssertEqual(expected, "0 gröna, 3 gula, 0 röda av 3", "the shipped findings changed")
        XCTAssertTrue(r.stdout.hasSuffix(expected + "\n"), r.stdout)

        for (id, colour) in [("F2", "grön"), ("F3", "röd")] {
            XCTAssertEqual(try run(["findings", "set", id, "assessment=\(colour)"] + plan, in: root).exitCode, 0)
        }
        XCTAssertTrue(try run(["findings"] + plan, in: root).stdout.hasSuffix("1 grön, 1 gul, 1 röd av 3\n"))
        XCTAssertTrue(try run(["findings", "--lang", "en"] + plan, in: root).stdout.hasSuffix("1 green, 1 yellow, 1 red of 3\n"))
    }

    // MARK: add

    /// The appended record: one blank line, then its fields; nothing else changes.
    func testAddAllocatesTheNextIDAndAppendsAfterOneBlankLine() throws {
        let root = try copyOfShippedData()
        let path = "data/activities.rec"
        let before = try text(root, path), others = try dataSnapshot(root).filter { $0.key != "activities.rec" }
        let numbers = RecText.records(before).compactMap { Int($0.id.dropFirst()) }
        let next = "A\(numbers.max()! + 1)"
        XCTAssertEqual(next, "A31")
        let r = try run(["activities", "add", "--title", "Genomför krisövning med FLG", "--goal", "D2",
                         "--owner", "sbs", "--due", "hösten 2025", "--start", "maj 2025"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertTrue(r.stdout.contains(next), r.stdout)
        let after = try text(root, path)
        XCTAssertTrue(after.hasPrefix(before), "the file before the new record changed")
        let added = String(after.dropFirst(before.count))
        XCTAssertTrue(added.hasPrefix("\nid: \(next)\n"), "not one blank line, then the id:\n\(added)")
        XCTAssertTrue(added.hasSuffix("\n") && !added.hasSuffix("\n\n"), added)
        let record = try XCTUnwrap(RecText.records(added).first)
        XCTAssertEqual(record.value("title"), "Genomför krisövning med FLG")
        XCTAssertEqual(record.value("goal"), "D2")
        XCTAssertEqual(record.value("owner"), "sbs")
        XCTAssertEqual(record.value("due"), "2025-H2")
        XCTAssertEqual(record.value("start"), "2025-05")
        XCTAssertEqual(record.value("status"), "ej påbörjad")
        XCTAssertEqual(RecText.lines(added).filter { !$0.isEmpty }.count, record.fields.count, "stray lines:\n\(added)")
        XCTAssertEqual(try dataSnapshot(root).filter { $0.key != "activities.rec" }, others)
        // The new record is a real one: it lists and shows.
        XCTAssertTrue(try listIDs(["activities", "--goal", "D2"], in: root).contains(next))
    }

    /// A file that already ends in a blank line gets none added; one without a final
    /// newline gets it.
    func testAddKeepsExactlyOneBlankLineWhateverTheFileEnd() throws {
        for (ending, expectedGap) in [("\n", "\n"), ("", "\n\n")] {
            let root = try copyOfShippedData()
            var original = try bytes(root, "data/activities.rec")
            XCTAssertEqual(original.last, 0x0A)
            if ending.isEmpty { original.removeLast() } else { original += Array(ending.utf8) }
            try Data(original).write(to: root.appendingPathComponent("data/activities.rec"))
            let r = try run(["activities", "add", "--title", "T", "--goal", "D2", "--owner", "sbs", "--due", "2025"] + plan, in: root)
            XCTAssertEqual(r.exitCode, 0, r.output)
            let after = try bytes(root, "data/activities.rec")
            let trimmed = ending.isEmpty ? original : Array(original.dropLast())
            XCTAssertEqual(Array(after.prefix(trimmed.count)), trimmed, "ending \(ending.debugDescription)")
            let rest = String(decoding: after.dropFirst(trimmed.count), as: UTF8.self)
            XCTAssertTrue(rest.hasPrefix(expectedGap + "id: A31\n"), "ending \(ending.debugDescription): \(rest.debugDescription)")
        }
    }

    func testAddAllocatesRiskAndFindingIDs() throws {
        let root = try copyOfShippedData()
        let risk = try run(["risks", "add", "--title", "Obehörig åtkomst till verksamhetssystem", "--owner", "sbs",
                            "likelihood=2", "consequence=3"] + plan, in: root)
        XCTAssertEqual(risk.exitCode, 0, risk.output)
        let riskIDs = try shipped("risks.rec").compactMap { Int($0.id.dropFirst()) }
        let added = try RecText.records(in: root.appendingPathComponent("data/risks.rec")).last!
        XCTAssertEqual(added.id, "R\(riskIDs.max()! + 1)")
        XCTAssertEqual(added.value("status"), "identifierad", "a new risk is identifierad")
        XCTAssertTrue(try listIDs(["risks", "--level", "medel"], in: root).contains(added.id))

        let finding = try run(["findings", "add", "--audit", "Granskning av informationssäkerhet", "--recommendation",
                               "Inför årlig behörighetsuppföljning", "--assessment", "röd", "--owner", "sbs", "--due", "hösten 2025"] + plan, in: root)
        XCTAssertEqual(finding.exitCode, 0, finding.output)
        let findingIDs = try shipped("findings.rec").compactMap { Int($0.id.dropFirst()) }
        let newFinding = try RecText.records(in: root.appendingPathComponent("data/findings.rec")).last!
        XCTAssertEqual(newFinding.id, "F\(findingIDs.max()! + 1)")
        XCTAssertEqual(newFinding.value("due"), "2025-H2")
        XCTAssertTrue(try run(["findings"] + plan, in: root).stdout.hasSuffix("0 gröna, 3 gula, 1 röd av 4\n"))
    }

    /// Deadline phrases on `add` are stored as canonical tokens.
    func testAddStoresPhrasesAsTokens() throws {
        let root = try copyOfShippedData()
        let cases = [("maj 2025", "2025-05"), ("31 maj 2025", "2025-05-31"), ("våren 2025", "2025-H1"),
                     ("hösten 2025", "2025-H2"), ("kvartal 3 2025", "2025-Q3"), ("Q3 2025", "2025-Q3"),
                     ("tertial 2 2025", "2025-T2"), ("May 2025", "2025-05"), ("spring 2026", "2026-H1")]
        for (phrase, token) in cases {
            let r = try run(["activities", "add", "--title", "Fras \(phrase)", "--goal", "D2", "--owner", "sbs", "--due", phrase] + plan, in: root)
            XCTAssertEqual(r.exitCode, 0, "\(phrase): \(r.output)")
            let last = try RecText.records(in: root.appendingPathComponent("data/activities.rec")).last!
            XCTAssertEqual(last.value("title"), "Fras \(phrase)")
            XCTAssertEqual(last.value("due"), token, phrase)
        }
        // An unreadable deadline reaches the checks, which refuse the write with file:line.
        try assertRefused(["activities", "add", "--title", "T", "--goal", "D2", "--owner", "sbs", "--due", "tertial 4 2025"],
                          in: root, exits: 1, saying: ["tertial 4 2025", "data/activities.rec:"])
    }

    func testAddWithoutARequiredFieldIsAUsageError() throws {
        let root = try copyOfShippedData()
        try assertRefused(["activities", "add", "--title", "T", "--goal", "D2", "--owner", "sbs"], in: root, exits: 2, saying: ["--due"])
    }

    // MARK: set

    /// `set` replaces the field's line and nothing else; `--owner` by part of a name
    /// stores the id.
    func testSetChangesOnlyThatFieldsLine() throws {
        let root = try copyOfShippedData()
        let before = try text(root, "data/activities.rec"), lines = RecText.lines(before)
        let a26 = RecText.records(before).first { $0.id == "A26" }!
        let at = try XCTUnwrap(a26.line(of: "owner", in: lines))
        XCTAssertEqual(lines[at - 1], "owner: meb")
        let others = try dataSnapshot(root).filter { $0.key != "activities.rec" }
        let r = try run(["activities", "set", "A26", "owner=beredskap"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertTrue(r.stdout.contains("A26") && r.stdout.contains("meb → sbs"), r.stdout)
        var expected = lines
        expected[at - 1] = "owner: sbs"
        XCTAssertEqual(try text(root, "data/activities.rec"), expected.joined(separator: "\n"))
        XCTAssertEqual(try dataSnapshot(root).filter { $0.key != "activities.rec" }, others)
    }

    /// A value over several lines (`+ ` continuations) is replaced as a whole; an empty
    /// value removes the field; `+=` and `-=` add and remove one line of a list field.
    func testSetMultiLineEmptyAndListValues() throws {
        let root = try copyOfShippedData()
        let before = try text(root, "data/activities.rec"), lines = RecText.lines(before)
        let a26 = RecText.records(before).first { $0.id == "A26" }!
        let note = try XCTUnwrap(a26.line(of: "note", in: lines))
        XCTAssertTrue(lines[note].hasPrefix("+ "), "A26's note should span lines")
        let end = (note..<lines.count).first { !lines[$0].hasPrefix("+ ") }!
        XCTAssertEqual(try run(["activities", "set", "A26", "note=En rad"] + plan, in: root).exitCode, 0)
        var expected = lines
        expected.replaceSubrange((note - 1)..<end, with: ["note: En rad"])
        XCTAssertEqual(try text(root, "data/activities.rec"), expected.joined(separator: "\n"))

        let a12 = RecText.records(before).first { $0.id == "A12" }!
        let start = try XCTUnwrap(a12.line(of: "start", in: expected))
        XCTAssertEqual(try run(["activities", "set", "A12", "start="] + plan, in: root).exitCode, 0)
        expected.remove(at: start - 1)
        XCTAssertEqual(try text(root, "data/activities.rec"), expected.joined(separator: "\n"))

        let risks = try text(root, "data/risks.rec"), riskLines = RecText.lines(risks)
        let r8 = RecText.records(risks).first { $0.id == "R8" }!
        let a23 = try XCTUnwrap((r8.firstField...r8.lastLine).first { riskLines[$0 - 1] == "action: A23" })
        XCTAssertEqual(try run(["risks", "set", "R8", "action-=A23"] + plan, in: root).exitCode, 0)
        var expectedRisks = riskLines
        expectedRisks.remove(at: a23 - 1)
        XCTAssertEqual(try text(root, "data/risks.rec"), expectedRisks.joined(separator: "\n"))
        XCTAssertEqual(try run(["risks", "set", "R8", "action+=A12"] + plan, in: root).exitCode, 0)
        let r8After = try RecText.record("R8", in: root.appendingPathComponent("data/risks.rec"))
        XCTAssertEqual(r8After.values("action"), r8.values("action").filter { $0 != "A23" } + ["A12"])
    }

    // MARK: Refused writes: exit code and files byte-identical

    func testUnknownOwnerIsRefused() throws {
        let root = try copyOfShippedData()
        let a12 = try RecText.record("A12", in: root.appendingPathComponent("data/activities.rec"))
        let lines = RecText.lines(try text(root, "data/activities.rec"))
        let at = try XCTUnwrap(a12.line(of: "owner", in: lines))
        try assertRefused(["activities", "set", "A12", "owner=nobody"], in: root, exits: 1,
                          saying: ["data/activities.rec:\(at)", "nobody", "sparades inte"])
    }

    func testBadDeadlineTokenIsRefused() throws {
        let root = try copyOfShippedData()
        try assertRefused(["activities", "set", "A12", "due=2024-13"], in: root, exits: 1, saying: ["2024-13"])
    }

    func testBrokenReferenceIsRefused() throws {
        let root = try copyOfShippedData()
        try assertRefused(["activities", "set", "A12", "goal=D99"], in: root, exits: 1, saying: ["D99", "sparades inte"])
    }

    func testPersonnummerInANoteIsRefused() throws {
        let root = try copyOfShippedData()
        let number = Fixture.personnummer(date: "19800101", serial: "123")
        try assertRefused(["activities", "set", "A12", "note=Kontakt \(number)"], in: root, exits: 1,
                          saying: ["personnummer", "sparades inte"])
        try assertRefused(["activities", "add", "--title", "Ring \(number)", "--goal", "D2", "--owner", "sbs", "--due", "2025"],
                          in: root, exits: 1, saying: ["personnummer"])
    }

    /// An error that was already there does not block an unrelated edit.
    func testExistingErrorDoesNotBlockAnUnrelatedEdit() throws {
        let root = try copyOfShippedData()
        let url = root.appendingPathComponent("data/activities.rec")
        let broken = try text(root, "data/activities.rec").replacingOccurrences(of: "goal: D9\n", with: "goal: D99\n")
        try Data(broken.utf8).write(to: url)
        let r = try run(["activities", "set", "A14", "note=Övning i mars"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertEqual(try RecText.record("A14", in: url).value("note"), "Övning i mars")
    }

    func testUnknownFieldSuggestsTheClosest() throws {
        let root = try copyOfShippedData()
        try assertRefused(["activities", "set", "A12", "staus=klar"], in: root, exits: 2, saying: ["menade du 'status'"])
    }

    // MARK: done, postpone, rm

    func testDoneOnAPlainActivity() throws {
        let root = try copyOfShippedData()
        let url = root.appendingPathComponent("data/activities.rec")
        let r = try run(["activities", "done", "A12", "--date", "2024-11-20", "--evidence", "Protokoll FLG 2024-11-20",
                         "--as-of", "2024-11-25", "--data", "data"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        let a12 = try RecText.record("A12", in: url)
        XCTAssertEqual(a12.value("status"), "klar")
        XCTAssertEqual(a12.value("done"), "2024-11-20")
        XCTAssertEqual(a12.value("evidence"), "Protokoll FLG 2024-11-20")
        XCTAssertEqual(a12.value("due"), "2024-11", "a plain activity keeps its deadline")
    }

    /// A9 has `every: år`: done records the date, keeps it going and moves the deadline to
    /// the next year; every other line stays.
    func testDoneOnARecurringActivityMovesTheDeadline() throws {
        let root = try copyOfShippedData()
        let url = root.appendingPathComponent("data/activities.rec")
        let before = try RecText.record("A9", in: url)
        XCTAssertEqual(before.value("every"), "år")
        let r = try run(["activities", "done", "A9", "--date", "2024-11-01"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        let after = try RecText.record("A9", in: url)
        XCTAssertEqual(after.value("done"), "2024-11-01")
        XCTAssertEqual(after.value("due"), "2025")
        XCTAssertEqual(after.value("status"), "pågår", "a recurring activity is never klar")
        // The occurrence is kept: its period (the year of the done date, as A9's deadline is unknown) and date.
        XCTAssertEqual(after.fields.filter { $0.key == "occurrence" }.map(\.value), ["2024 2024-11-01"])
        let untouched = { (r: TestRecord) in r.fields.filter { !["done", "due", "occurrence", "reason"].contains($0.key) }.map { "\($0.key): \($0.value)" } }
        XCTAssertEqual(untouched(after), untouched(before))
        // The reason of its `due: ?` went with it, the deadline being known now.
        XCTAssertEqual(before.value("reason"), "Enligt tidsplan från KS")
        XCTAssertNil(after.value("reason"))
        // Once more a year later.
        XCTAssertEqual(try run(["activities", "done", "A9", "--date", "2025-10-15", "--as-of", "2025-10-20", "--data", "data"], in: root).exitCode, 0)
        let again = try RecText.record("A9", in: url)
        XCTAssertEqual(again.value("done"), "2025-10-15")
        XCTAssertEqual(again.value("due"), "2026")
        // Monthly: the next month.
        XCTAssertEqual(try run(["activities", "set", "A11", "every=månad"] + plan, in: root).exitCode, 0)
        XCTAssertEqual(try run(["activities", "done", "A11", "--date", "2024-11-03"] + plan, in: root).exitCode, 0)
        XCTAssertEqual(try RecText.record("A11", in: url).value("due"), "2024-12")
        // Done late, in the next month: the occurrence is November's, due moves to December
        // and is not moved again by the done date; a month later December is late.
        XCTAssertEqual(try run(["activities", "done", "A11", "--date", "2025-01-10", "--as-of", "2025-01-10", "--data", "data"], in: root).exitCode, 0)
        let late = try RecText.record("A11", in: url)
        XCTAssertEqual(late.fields.filter { $0.key == "occurrence" }.map(\.value).last, "2024-12 2025-01-10")
        XCTAssertEqual(late.value("due"), "2025-01")
        let list = try run(["activities", "list", "--overdue", "--as-of", "2025-02-15", "--data", "data", "--format", "csv"], in: root)
        XCTAssertTrue(list.output.contains("\nA11;"), list.output)
        // A done written by hand (due not moved) is the period now due: done again, the
        // occurrence is that period, not the stored one.
        XCTAssertEqual(try run(["activities", "set", "A11", "done=2025-01-20", "--as-of", "2025-01-20", "--data", "data"], in: root).exitCode, 0)
        XCTAssertEqual(try run(["activities", "done", "A11", "--date", "2025-02-03", "--as-of", "2025-02-03", "--data", "data"], in: root).exitCode, 0)
        let hand = try RecText.record("A11", in: url)
        XCTAssertEqual(hand.fields.filter { $0.key == "occurrence" }.map(\.value).last, "2025-02 2025-02-03")
        XCTAssertEqual(hand.value("due"), "2025-03")
    }

    /// A standing control (`due: löpande`, `every: kvartal`) has no next deadline: done logs
    /// the occurrence in the period of the done day and the deadline stays `löpande`. It
    /// owes the next quarter a check: once that quarter has ended unchecked, it is late
    /// since its last day, in `audit`, the list of late work and the report (docs/format.md,
    /// Deadlines).
    func testDoneOnAStandingRecurringControlKeepsLopande() throws {
        let root = try copyOfShippedData()
        let url = root.appendingPathComponent("data/activities.rec")
        XCTAssertEqual(try run(["activities", "set", "A11", "due=löpande", "every=kvartal", "reason="] + plan, in: root).exitCode, 0)
        let r = try run(["activities", "done", "A11", "--date", "2024-11-01", "--outcome", "utan anmärkning"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertFalse(r.stdout.contains("due"), "done moved the deadline: \(r.stdout)")
        XCTAssertEqual(try run(["activities", "done", "A11", "--date", "2025-02-10", "--as-of", "2025-02-10", "--data", "data"], in: root).exitCode, 0)
        let a11 = try RecText.record("A11", in: url)
        XCTAssertEqual(a11.value("due"), "löpande")
        XCTAssertEqual(a11.value("done"), "2025-02-10")
        XCTAssertEqual(a11.value("status"), "pågår")
        XCTAssertEqual(a11.fields.filter { $0.key == "occurrence" }.map(\.value), ["2024-Q4 2024-11-01 utan anmärkning", "2025-Q1 2025-02-10"])
        // Before Q2 has ended it is on time, and not due soon (a standing control always would be).
        let onTime = try run(["activities", "list", "--overdue", "--due-soon", "--as-of", "2025-06-30", "--data", "data", "--format", "csv"], in: root)
        XCTAssertFalse(onTime.output.contains("\nA11;"), onTime.output)
        // Long after: late since Q2 ended, the first quarter it missed.
        let audit = try run(["audit", "--as-of", "2026-07-01", "--data", "data", "--format", "json"], in: root)
        let diagnostics = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])?["diagnostics"] as? [[String: Any]])
        let found = diagnostics.filter { $0["id"] as? String == "A11" }
        XCTAssertEqual(found.map { $0["check"] as? String }, ["overdue"], audit.stdout)
        XCTAssertEqual(found.first?["severity"] as? String, "error")
        let message = found.first?["message"] as? String ?? ""
        XCTAssertTrue(message.hasPrefix("A11 är försenad sedan 2025-06-30 (366 dagar)"), message)
        let list = try run(["activities", "list", "--overdue", "--as-of", "2026-07-01", "--data", "data", "--format", "csv"], in: root)
        XCTAssertTrue(list.output.contains("\nA11;"), list.output)
        // The report's row is red and names the quarters it missed.
        let report = try run(["report", "--as-of", "2026-07-01", "--data", "data", "--format", "json"], in: root)
        XCTAssertTrue(report.stdout.contains("inget tillfälle registrerat för 2025-Q2–2026-Q2 (5 perioder)"), report.stdout)
    }

    /// `field=value` is split at the first `=` itself: a value that starts with a combining
    /// mark (which joins the `=` into one character) is still a value.
    func testAValueStartingWithACombiningMarkIsSet() throws {
        let root = try copyOfShippedData()
        let r = try run(["activities", "set", "A1", "note=\u{301}Betoning"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        // Compared as bytes: the mark joins the blank after `note:` into one character.
        XCTAssertNotNil(String(decoding: try bytes(root, "data/activities.rec"), as: UTF8.self).utf8.firstRange(of: Array("\nnote: \u{301}Betoning\n".utf8)))
    }

    /// `--to` given but not a deadline is said as such, not as `--to` missing.
    func testPostponeToSomethingUnreadableSaysSo() throws {
        let root = try copyOfShippedData()
        let r = try run(["activities", "postpone", "A2", "--to", "snart", "--reason", "x"] + plan, in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("--to kan inte läsas som en tidpunkt; skriv t.ex. --to 2025-03"), r.stderr)
    }

    /// Each phrase on a fresh copy of the file; the deadline and the reason change and
    /// nothing else.
    func testPostponeTakesPhrases() throws {
        let root = try copyOfShippedData()
        let url = root.appendingPathComponent("data/activities.rec")
        let original = try bytes(root, "data/activities.rec")
        let lines = RecText.lines(String(decoding: original, as: UTF8.self))
        let a14 = RecText.records(String(decoding: original, as: UTF8.self)).first { $0.id == "A14" }!
        XCTAssertEqual(a14.value("due"), "2024-12")
        XCTAssertNil(a14.value("reason"))
        let dueAt = try XCTUnwrap(a14.line(of: "due", in: lines))
        let cases = [("maj 2025", "2025-05"), ("31 maj 2025", "2025-05-31"), ("våren 2025", "2025-H1"),
                     ("hösten 2025", "2025-H2"), ("kvartal 3 2025", "2025-Q3"), ("Q3 2025", "2025-Q3"),
                     ("tertial 2 2025", "2025-T2"), ("2026", "2026")]
        for (phrase, token) in cases {
            try Data(original).write(to: url)
            let r = try run(["activities", "postpone", "A14", "--to", phrase, "--reason", "Resurser till NIS2"] + plan, in: root)
            XCTAssertEqual(r.exitCode, 0, "\(phrase): \(r.output)")
            let after = RecText.lines(try text(root, "data/activities.rec"))
            XCTAssertEqual(after[dueAt - 1], "due: \(token)", phrase)
            var expected = lines
            expected[dueAt - 1] = "due: \(token)"
            XCTAssertEqual(after.filter { $0 != "reason: Resurser till NIS2" }, expected, "\(phrase): more than due and reason changed")
            XCTAssertEqual(after.count, lines.count + 1, phrase)
            XCTAssertEqual(try RecText.record("A14", in: url).value("reason"), "Resurser till NIS2")
        }
    }

    func testPostponeEarlierOrWithoutReasonIsRefused() throws {
        let root = try copyOfShippedData()
        // Well formed but forbidden by the data: exit 1, like every refused write.
        try assertRefused(["activities", "postpone", "A14", "--to", "2024-06", "--reason", "x"], in: root, exits: 1, saying: ["A14"])
        try assertRefused(["activities", "postpone", "A14", "--to", "december 2024", "--reason", "x"], in: root, exits: 1, saying: ["A14"])
        try assertRefused(["activities", "postpone", "A14", "--to", "2025-03"], in: root, exits: 2, saying: ["--reason"])
    }

    func testRmIsRefusedWhileReferenced() throws {
        let root = try copyOfShippedData()
        let referring = try shipped("risks.rec").filter { $0.values("action").contains("A23") }.map(\.id)
            + shipped("findings.rec").filter { $0.values("action").contains("A23") }.map(\.id)
        XCTAssertFalse(referring.isEmpty)
        try assertRefused(["activities", "rm", "A23"], in: root, exits: 1, saying: referring)
        let children = try shipped("goals.rec").filter { $0.value("parent") == "D3" }.map(\.id)
        try assertRefused(["goals", "rm", "D3"], in: root, exits: 1, saying: children)
    }

    /// The record, the comment lines right above it and one blank line go; nothing else.
    func testRmOfAnUnreferencedRecord() throws {
        let root = try copyOfShippedData()
        let referenced = Set(try (shipped("risks.rec") + shipped("findings.rec")).flatMap { $0.values("action") })
        let before = try text(root, "data/activities.rec"), lines = RecText.lines(before)
        let records = RecText.records(before)
        let victim = try XCTUnwrap(records.first { !referenced.contains($0.id) && $0.blockStart < $0.firstField && $0.id != records.last?.id },
                                   "an unreferenced record with a comment above it")
        let r = try run(["activities", "rm", victim.id] + plan, in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        var expected = lines
        expected.removeSubrange((victim.blockStart - 1)...victim.lastLine)  // the block and the blank line after it
        XCTAssertEqual(try text(root, "data/activities.rec"), expected.joined(separator: "\n"))
        XCTAssertFalse(try listIDs(["activities"], in: root).contains(victim.id))
    }

    // MARK: dry run, atomic write, concurrency, commit

    /// The diff is a real unified diff: applied with patch(1) to a copy it gives the bytes
    /// the real run writes.
    func testDryRunPrintsTheDiffAndWritesNothing() throws {
        let root = try copyOfShippedData()
        let before = try dataSnapshot(root)
        let args = ["activities", "set", "A26", "note=Beslutad i nämnd", "status=klar", "done=2024-11-01"]
        let dry = try run(args + ["--dry-run"] + plan, in: root)
        XCTAssertEqual(dry.exitCode, 0, dry.output)
        XCTAssertTrue(dry.stdout.hasPrefix("--- a/data/activities.rec\n+++ b/data/activities.rec\n@@ "), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("\n+note: Beslutad i nämnd\n"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("\n-status: pågår\n") && dry.stdout.contains("\n+status: klar\n"), dry.stdout)
        try assertDataUnchanged(root, since: before)

        let patched = try copyOfShippedData()
        let p = try tool("patch", ["-p1", "--quiet"], in: patched, input: Array(dry.stdout.utf8))
        XCTAssertEqual(p.exitCode, 0, "patch: \(p.stdout)\(p.stderr)")
        XCTAssertEqual(try run(args + plan, in: root).exitCode, 0)
        XCTAssertEqual(try bytes(patched, "data/activities.rec"), try bytes(root, "data/activities.rec"))
    }

    /// A folder the writer may not write in: exit 2, the original intact, no temporary
    /// file left. As root, chmod does not stop writes, so the binary runs as nobody.
    func testWriteInAReadOnlyFolderLeavesTheOriginal() throws {
        for lockExists in [true, false] {
            let root = try copyOfShippedData()
            let data = root.appendingPathComponent("data")
            let launcher = try readOnlyLauncher(data)
            if lockExists {
                // The lock can be taken, so the failure comes at the write itself.
                let lock = data.appendingPathComponent(".sakerhet.lock").path
                XCTAssertTrue(FileManager.default.createFile(atPath: lock, contents: nil))
                XCTAssertEqual(chmod(lock, 0o666), 0)
            }
            XCTAssertEqual(chmod(data.path, 0o555), 0)
            if launcher.isEmpty, FileManager.default.createFile(atPath: data.appendingPathComponent("probe").path, contents: nil) {
                try? FileManager.default.removeItem(at: data.appendingPathComponent("probe"))
                throw XCTSkip("this user can write in a read-only folder")
            }
            let before = try snapshot(data)
            let r = try finish(start(["activities", "set", "A12", "note=x"] + plan, in: root, launcher: launcher))
            XCTAssertEqual(r.exitCode, 2, "lock file there: \(lockExists); \(r.output)")
            XCTAssertFalse(r.stderr.isEmpty)
            XCTAssertTrue(r.stderr.contains(lockExists ? "activities.rec" : ".sakerhet.lock"), r.stderr)
            XCTAssertEqual(r.stdout, "")
            try assertUnchanged(data, since: before)
            XCTAssertEqual(chmod(data.path, 0o755), 0)
        }
    }

    /// The atomic write (temporary file, rename) keeps the file's mode and leaves no
    /// temporary file.
    func testWriteKeepsTheFileModeAndLeavesNoTemporaryFile() throws {
        let root = try copyOfShippedData()
        let path = root.appendingPathComponent("data/activities.rec").path
        XCTAssertEqual(chmod(path, 0o640), 0)
        XCTAssertEqual(try run(["activities", "set", "A12", "note=x"] + plan, in: root).exitCode, 0)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o640)
        XCTAssertEqual(Set(try dataSnapshot(root).keys), Set(try snapshot(Repo.shippedData).keys))
    }

    /// The launcher that makes `data` read-only for the binary: none for a normal user,
    /// setpriv to nobody for root (who must be able to read the copy).
    func readOnlyLauncher(_ data: URL) throws -> [String] {
        guard geteuid() == 0 else { return [] }
        guard let setpriv = Tools.find("setpriv") else {
            throw XCTSkip("running as root without setpriv: a read-only folder does not stop root")
        }
        return [setpriv.path, "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    }

    /// 20 writers start while the test holds the data folder's lock, so they all wait,
    /// then contend at once. All succeed and all 20 changes are in the file.
    func testTwentyConcurrentSetsAllLand() throws {
        let root = try copyOfShippedData()
        let url = root.appendingPathComponent("data/activities.rec")
        let originals = try RecText.records(in: url)
        let ids = Array(originals.map(\.id).prefix(20))
        XCTAssertEqual(ids.count, 20)

        let lockPath = root.appendingPathComponent("data/.sakerhet.lock").path  // Store.withLock
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        var started: [Started] = []
        for id in ids {
            started.append(try start(["activities", "set", id, "note=parallel-\(id)"] + plan, in: root))
        }
        usleep(700_000)
        let early = started.filter { !$0.process.isRunning }.map { $0.args[2] }
        XCTAssertEqual(early, [], "wrote without waiting for the held lock")
        flock(fd, LOCK_UN)
        close(fd)

        let results = try started.map { try finish($0) }
        for (id, r) in zip(ids, results) { XCTAssertEqual(r.exitCode, 0, "\(id): \(r.output)") }
        let after = try RecText.records(in: url)
        XCTAssertEqual(after.map(\.id), originals.map(\.id))
        for (old, new) in zip(originals, after) {
            if ids.contains(old.id) {
                XCTAssertEqual(new.value("note"), "parallel-\(old.id)", "lost update for \(old.id)")
            }
            let rest = { (r: TestRecord) in r.fields.filter { $0.key != "note" }.map { "\($0.key): \($0.value)" } }
            XCTAssertEqual(rest(new), rest(old), old.id)
        }
    }

    /// A writer that cannot get the lock gives up after the wait, says why, exits 2 and
    /// writes nothing.
    func testHeldLockIsReportedAndNothingIsWritten() throws {
        let root = try copyOfShippedData()
        let data = root.appendingPathComponent("data")
        let fd = open(data.appendingPathComponent(".sakerhet.lock").path, O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        defer { flock(fd, LOCK_UN); close(fd) }
        let before = try snapshot(data)
        let r = try run(["activities", "set", "A12", "note=väntar"] + plan, in: root, env: ["SAKERHET_LOCK_TIMEOUT": "1"])
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("en annan sakerhet-process skriver i data"), r.stderr)
        XCTAssertTrue(r.stderr.contains("låset"), r.stderr)
        try assertUnchanged(data, since: before)
    }

    /// One commit, of activities.rec only, with a message saying what changed, by the
    /// repository's identity. Another staged file stays staged.
    func testCommitMakesOneCommitOfTheChangedFile() throws {
        let root = try gitRepoWithShippedData()
        let goals = root.appendingPathComponent("data/goals.rec")
        try Data((try text(root, "data/goals.rec") + "# staged, not part of the commit\n").utf8).write(to: goals)
        try git(["add", "data/goals.rec"], in: root)
        let r = try run(["activities", "set", "A12", "status=klar", "done=2024-11-20", "--commit", "--as-of", "2024-11-25", "--data", "data"],
                        in: root, env: Tools.gitEnvironment)
        XCTAssertEqual(r.exitCode, 0, r.output)
        XCTAssertEqual(try git(["rev-list", "--count", "HEAD"], in: root), "2\n")
        XCTAssertEqual(try git(["show", "--name-only", "--format=", "HEAD"], in: root), "data/activities.rec\n")
        let subject = try git(["log", "-1", "--format=%s"], in: root)
        XCTAssertTrue(subject.hasPrefix("activities: A12 status pågår → klar"), subject)
        XCTAssertEqual(try git(["log", "-1", "--format=%an <%ae>"], in: root), "Enheten för säkerhet <sbs@example.se>\n")
        XCTAssertEqual(try git(["show", "HEAD:data/activities.rec"], in: root), try text(root, "data/activities.rec"))
        XCTAssertEqual(try git(["diff", "--cached", "--name-only"], in: root), "data/goals.rec\n")
        XCTAssertEqual(try RecText.record("A12", in: root.appendingPathComponent("data/activities.rec")).value("status"), "klar")
    }

    func testCommitOutsideAGitRepositoryWritesNothing() throws {
        let root = try copyOfShippedData()
        let before = try dataSnapshot(root)
        let r = try run(["activities", "set", "A12", "note=x", "--commit"] + plan, in: root,
                        env: Tools.gitEnvironment.merging(["GIT_CEILING_DIRECTORIES": root.deletingLastPathComponent().path]) { $1 })
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("git"), r.stderr)
        XCTAssertEqual(r.stdout, "")
        try assertDataUnchanged(root, since: before)
    }

    // MARK: Help, suggestions, completions

    /// A usage line first, an options section, and at least two examples that start with
    /// `sakerhet`.
    func assertHelpShape(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try makeTempFolder()
        for (lang, usage, options, examples) in [("sv", "Användning: sakerhet", "flaggor:", "Exempel:"),
                                                  ("en", "Usage: sakerhet", "options:", "Examples:")] {
            let r = try run(args + ["--lang", lang], in: root)
            let label = "\(args.joined(separator: " ")) (\(lang))"
            XCTAssertEqual(r.exitCode, 0, "\(label): \(r.output)", file: file, line: line)
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            XCTAssertTrue(lines.contains { $0.hasPrefix(usage) }, "\(label): no usage line\n\(r.stdout)", file: file, line: line)
            XCTAssertTrue(lines.contains { $0.lowercased().contains(options) } && r.stdout.contains("--"),
                          "\(label): no options\n\(r.stdout)", file: file, line: line)
            let exampleLines = lines.drop { $0 != examples }.dropFirst().prefix { !$0.isEmpty }
            XCTAssertGreaterThanOrEqual(exampleLines.filter { $0.trimmingCharacters(in: .whitespaces).contains("sakerhet ") }.count, 2,
                                        "\(label): fewer than two examples\n\(r.stdout)", file: file, line: line)
        }
    }

    func testHelpHasUsageOptionsAndTwoExamples() throws { try assertHelpShape(["help"]) }
    func testCommandHelpHasUsageOptionsAndTwoExamples() throws { try assertHelpShape(["activities", "--help"]) }
    func testVerbHelpHasUsageOptionsAndTwoExamples() throws {
        try assertHelpShape(["activities", "add", "--help"])
        try assertHelpShape(["activities", "list", "--help"])
        try assertHelpShape(["risks", "matrix", "--help"])
    }

    /// The examples in the record commands' help are real: each runs on a copy of the
    /// plan (in a git repository, for --commit) without a usage error.
    func testHelpExamplesRun() throws {
        let scratch = try makeTempFolder()
        var examples: [String] = []
        for kind in ["goals", "activities", "risks", "findings"] {
            // Risks have no deadline: no done or postpone, but a matrix.
            let verbs = kind == "risks" ? ["list", "show", "add", "set", "rm", "matrix"] : ["list", "show", "add", "set", "done", "postpone", "rm"]
            for verb in [""] + verbs {
                let args = [kind] + (verb.isEmpty ? [] : [verb]) + ["--help"]
                let r = try run(args, in: scratch)
                XCTAssertEqual(r.exitCode, 0, "\(args): \(r.output)")
                let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                examples += lines.drop { $0 != "Exempel:" }.dropFirst().prefix { !$0.isEmpty }
                    .map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        XCTAssertGreaterThan(examples.count, 20)
        let binary = try Binary.url().path
        let template = try gitRepoWithShippedData()
        let shared = try copyOfShippedData()
        // One bash script runs every example in its folder and reports its exit code and
        // stderr; examples that only read share one copy, a write gets its own (a git one
        // for --commit).
        let scratchOut = try makeTempFolder()
        // The date is pinned where an example gives none (a global option given twice with
        // two values is a usage error).
        var script = "sakerhet() { case \" $* \" in *' --as-of '*) '\(binary)' \"$@\";; *) '\(binary)' \"$@\" --as-of 2024-11-25;; esac; }\n"
        let sorted = Set(examples).sorted()
        for (i, example) in sorted.enumerated() {
            let words = example.split(separator: " ").map(String.init)
            let reads = words.count < 3 || ["list", "show", "matrix"].contains(words[2]) || words[2].hasPrefix("-")
            var root = shared
            if !reads {
                root = try makeTempFolder().appendingPathComponent("plan")
                if words.contains("--commit") {
                    try FileManager.default.copyItem(at: template, to: root)
                } else {
                    try FileManager.default.copyItem(at: Repo.shippedData, to: root.appendingPathComponent("data"))
                }
            }
            let err = scratchOut.appendingPathComponent("\(i).err").path
            script += "(cd '\(root.path)' && \(example)) >/dev/null 2>'\(err)'; echo \"\(i) $?\"\n"
        }
        let r = try tool("bash", ["-c", script], in: scratch, env: Tools.gitEnvironment.merging(["NO_COLOR": "1"]) { $1 })
        let codes = r.stdout.split(separator: "\n").map { $0.split(separator: " ").compactMap { Int32($0) } }
        XCTAssertEqual(codes.count, sorted.count, r.stderr)
        for code in codes where code.count == 2 {
            let example = sorted[Int(code[0])]
            let stderr = try text(scratchOut, "\(code[0]).err")
            XCTAssertTrue([0, 1].contains(code[1]), "example '\(example)' exits \(code[1]): \(stderr)")
            XCTAssertFalse(stderr.contains("okänd flagga") || stderr.contains("okänt verb"), "example '\(example)': \(stderr)")
        }
    }

    func testMisspeltVerbAndOptionSuggest() throws {
        let root = try copyOfShippedData()
        for (args, hint) in [(["activities", "lst"], "menade du 'list'"), (["risks", "matrx"], "menade du 'matrix'"),
                             (["activities", "list", "--ownr", "sbs"], "menade du '--owner'"),
                             (["activitys"], "menade du 'activities'")] {
            let r = try run(args + plan, in: root)
            XCTAssertEqual(r.exitCode, 2, "\(args): \(r.output)")
            XCTAssertTrue(r.stderr.contains(hint), "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
    }

    func testCompletionScripts() throws {
        let root = try makeTempFolder()
        for shell in ["bash", "zsh", "fish"] {
            let r = try run(["completions", shell], in: root)
            XCTAssertEqual(r.exitCode, 0, r.output)
            XCTAssertTrue(r.stdout.contains("activities") && r.stdout.contains("postpone"), "\(shell):\n\(r.stdout)")
            try Data(r.stdoutBytes).write(to: root.appendingPathComponent("sakerhet.\(shell)"))
        }
        XCTAssertTrue(try text(root, "sakerhet.zsh").hasPrefix("#compdef sakerhet"))
        XCTAssertTrue(try text(root, "sakerhet.fish").contains("complete -c sakerhet"))
        let syntax = try tool("bash", ["-n", "sakerhet.bash"], in: root)
        XCTAssertEqual(syntax.exitCode, 0, syntax.stderr)
        if Tools.find("zsh") != nil {
            XCTAssertEqual(try tool("zsh", ["-n", "sakerhet.zsh"], in: root).exitCode, 0)
        }
        XCTAssertEqual(try run(["completions", "tcsh"], in: root).exitCode, 2)
    }

    /// The bash script completes commands, verbs and the list options of issue 3.
    func testBashCompletionCompletes() throws {
        let root = try makeTempFolder()
        try Data(try run(["completions", "bash"], in: root).stdoutBytes).write(to: root.appendingPathComponent("c.bash"))
        func complete(_ words: [String]) throws -> Set<String> {
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            let script = "source ./c.bash; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _sakerhet; printf '%s\\n' \"${COMPREPLY[@]}\""
            let r = try tool("bash", ["-c", script], in: root)
            XCTAssertEqual(r.exitCode, 0, r.stderr)
            return Set(r.stdout.split(separator: "\n").map(String.init))
        }
        XCTAssertEqual(try complete(["sakerhet", "act"]), ["activities"])
        XCTAssertEqual(try complete(["sakerhet", "activities", "p"]), ["postpone"])
        XCTAssertTrue(try complete(["sakerhet", "risks", "m"]).contains("matrix"))
        let options = try complete(["sakerhet", "activities", "list", "--"])
        for option in ["--owner", "--goal", "--area", "--status", "--overdue", "--soon", "--due-before", "--format"] {
            XCTAssertTrue(options.contains(option), "'activities list \(option)' is not completed: \(options.sorted())")
        }
        XCTAssertTrue(try complete(["sakerhet", "activities", "list", "--format", ""]).isSuperset(of: ["table", "tsv", "csv", "json"]))
    }
}
