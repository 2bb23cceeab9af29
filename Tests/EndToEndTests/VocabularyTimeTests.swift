import Foundation
import XCTest

/// Issue 14, the time half, through the binary: every phrase stored as its documented token
/// by `add --due` and `postpone --to`, with the reading echoed; `--as-of` periods; two
/// owners in `--owner` lists and the per-owner views; a folder in the new vocabulary audits clean.
final class VocabularyTimeTests: EndToEndCase {
    /// The phrases of the issue and their tokens (docs/format.md, "Time phrases of real plans").
    static let phrases: [(String, String)] = [
        ("ht 2027", "2027-H2"), ("vt 2028", "2028-H1"), ("HT27", "2027-H2"), ("VT28", "2028-H1"),
        ("vecka 12 2028", "2028-W12"), ("v. 12 2028", "2028-W12"), ("2028 Q3", "2028-Q3"), ("Q3/2028", "2028-Q3"),
        ("Q3 2028", "2028-Q3"), ("sommaren 2028", "2028-T2"), ("vintern 2028", "2028-Q1"),
        ("första halvåret 2028", "2028-H1"), ("andra halvåret 2028", "2028-H2"), ("början av 2028", "2028-Q1"),
        ("slutet av 2028", "2028-Q4"), ("årsskiftet 2027/2028", "2027-12-31"), ("delårsbokslut 2028", "2028-T2"),
        ("årsbokslut 2028", "2028"), ("Löpande", "löpande"), ("hösten 2027", "2027-H2"),
    ]

    /// The value of `key` in the record titled or with id `id` of `text`.
    private func value(_ key: String, of id: String, by field: String = "id", in text: String) -> String? {
        for block in text.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map(String.init)
            guard lines.contains(field + ": " + id) else { continue }
            return lines.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) }
        }
        return nil
    }

    func testEveryPhraseIsStoredAsItsTokenByAddAndPostpone() throws {
        // P0…Pn wait to be postponed; each phrase is also given to `add --due`.
        var files = Fixture.files
        var extra = ""
        for i in Self.phrases.indices {
            extra += "\nid: P\(i)\ntitle: Flyttas \(i)\ngoal: D2\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"
        }
        files["activities.rec"]! += Array(extra.utf8)
        let root = try folder(with: files)
        var runs: [[String]] = []
        for (i, (phrase, _)) in Self.phrases.enumerated() {
            runs.append(["--as-of", "2024-11-04", "activities", "add", "--title", "Ny \(i)", "--goal", "D2", "--owner", "sbs", "--due", phrase])
            runs.append(["--as-of", "2024-11-04", "activities", "postpone", "P\(i)", "--to", phrase, "--reason", "Ny tidplan"])
        }
        let started = Date()
        let results = try runConcurrently(runs, in: root, width: 4, timeout: 30)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
        for r in results { XCTAssertEqual(r.exitCode, 0, r.summary) }
        let text = try String(contentsOf: root.appendingPathComponent("data/activities.rec"), encoding: .utf8)
        for (i, (phrase, token)) in Self.phrases.enumerated() {
            XCTAssertEqual(value("due", of: "Ny \(i)", by: "title", in: text), token, "add --due '\(phrase)'")
            XCTAssertEqual(value("due", of: "P\(i)", in: text), token, "postpone --to '\(phrase)'")
            // The write says how it read the phrase.
            XCTAssertTrue(results[2 * i].stdout.contains("(\(phrase) → \(token))"), results[2 * i].stdout)
            XCTAssertTrue(results[2 * i + 1].stdout.contains("(\(phrase) → \(token))"), results[2 * i + 1].stdout)
        }
        // The hand-written phrase in a file is an error whose hint is the token.
        let audit = try run(["--as-of", "2024-11-04", "audit"], in: try folder(with: Fixture.files(
            editing: "activities.rec", replacing: "due: 2024-12\n", with: "due: vecka 12 2028\n")))
        XCTAssertEqual(audit.exitCode, 1)
        XCTAssertTrue(audit.output.contains("skriv '2028-W12'"), audit.output)
    }

    static let vocabulary: [String: String] = [
        "owners.rec": """
            id: rtj
            name: Räddningstjänsten
            kind: förvaltning

            id: ksf
            name: Kommunstyrelsens förvaltning
            kind: förvaltning

            id: kf
            name: Kommunfullmäktige
            kind: fullmäktige

            id: ks
            name: Kommunstyrelsen
            kind: styrelse

            id: kommunen
            name: Kommunen
            kind: kommun

            id: regionen
            name: Regionen
            kind: region

            """,
        "goals.rec": """
            id: D1
            title: Ett robust samhälle
            owner: kf
            due: 2030
            status: påbörjad

            """,
        "activities.rec": """
            id: A1
            title: Löpande omvärldsbevakning
            goal: D1
            owner: kommunen
            due: löpande
            status: pågår
            progress: 60 %

            id: A2
            title: Genomfört under 2014
            goal: D1
            owner: ks
            due: 2014
            status: genomförd
            done: 2014

            id: A3
            title: Kontroll varje kvartal
            goal: D1
            owner: regionen
            due: fortlöpande
            every: kvartal
            status: Påbörjad

            id: A29
            title: Avtalsuppföljning
            goal: D1
            owner: rtj
            owner: ksf
            due: 2025-W10
            status: pågår

            """,
    ]

    func testAFolderInTheVocabularyAuditsAndTwoOwnersShowEverywhere() throws {
        let root = try folder(with: Self.vocabulary.mapValues { Array($0.utf8) })
        // Before A29's week ends nothing is wrong: only notices (aliases).
        let clean = try run(["--as-of", "2025-03-01", "audit", "--fail-on", "warning"], in: root)
        XCTAssertEqual(clean.exitCode, 0, clean.output)
        XCTAssertFalse(clean.output.contains("okänt fält") || clean.output.contains("unknown field"), clean.output)
        XCTAssertTrue(clean.output.contains("'genomförd' läses som 'klar'"), clean.output)
        // The week 2025-W10 ends on Sunday 2025-03-09; `--as-of` takes a period at its end.
        let late = try run(["--as-of", "2025-W11", "audit", "--by-owner"], in: root)
        XCTAssertEqual(late.exitCode, 1, late.output)
        XCTAssertTrue(late.output.contains("A29 är försenad sedan 2025-03-09 (7 dagar)"), late.output)
        XCTAssertTrue(late.output.contains("Räddningstjänsten (rtj)") && late.output.contains("Kommunstyrelsens förvaltning (ksf)"), late.output)
        XCTAssertEqual(late.output.components(separatedBy: "A29 är försenad").count - 1, 2, "under each owner")
        let github = try run(["--as-of", "2025-W11", "audit", "--format", "github"], in: root)
        XCTAssertEqual(github.output.components(separatedBy: "A29 är försenad").count - 1, 1, github.output)
        XCTAssertTrue(github.output.contains("Räddningstjänsten och Kommunstyrelsens förvaltning"), github.output)
        // löpande is never late, at any as-of.
        for asOf in ["1900-01-01", "2025-W11", "9999-12-31"] {
            let r = try run(["--as-of", asOf, "activities", "list", "--overdue", "--format", "tsv"], in: root)
            XCTAssertFalse(r.stdout.contains("A1\t") || r.stdout.contains("A3\t"), r.stdout)
        }
        // Lists: --owner matches any owner; the status as given, progress beside it.
        for owner in ["rtj", "ksf"] {
            let r = try run(["--as-of", "2025-03-01", "activities", "list", "--owner", owner, "--format", "tsv"], in: root)
            XCTAssertTrue(r.stdout.contains("A29\tAvtalsuppföljning\tD1\trtj, ksf"), r.stdout)
        }
        let list = try run(["--as-of", "2025-03-01", "activities", "list", "--format", "tsv"], in: root)
        XCTAssertTrue(list.stdout.contains("\tgenomförd\t"), list.stdout)
        XCTAssertTrue(list.stdout.contains("\tPåbörjad\t"), list.stdout)
        XCTAssertTrue(list.stdout.contains("pågår (60 %)"), list.stdout)
        XCTAssertTrue(list.stdout.contains("\tlöpande\t"), list.stdout)
        // The report: both owners' names, under each in the per-owner section; löpande; progress.
        let report = try run(["--as-of", "2025-W11", "report", "--format", "markdown"], in: root)
        XCTAssertEqual(report.exitCode, 0, report.output)
        XCTAssertTrue(report.stdout.contains("Räddningstjänsten och Kommunstyrelsens förvaltning"), report.stdout)
        XCTAssertTrue(report.stdout.contains("Löpande"), report.stdout)
        XCTAssertTrue(report.stdout.contains("Framsteg: 60 %"), report.stdout)
        // `set` writes the canonical word.
        let set = try run(["--as-of", "2025-03-01", "activities", "set", "A29", "status=Åtgärdad", "done=vecka 9 2025"], in: root)
        XCTAssertEqual(set.exitCode, 0, set.output)
        let text = try String(contentsOf: root.appendingPathComponent("data/activities.rec"), encoding: .utf8)
        XCTAssertEqual(value("status", of: "A29", in: text), "klar")
        XCTAssertEqual(value("done", of: "A29", in: text), "2025-W09")
    }
}
