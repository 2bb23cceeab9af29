import Foundation
import XCTest

/// Issue 17's items that had no test of their own: the text reports' golden files break a
/// word only with a hyphen and clip only after a whole word, and `postpone` tells at once
/// of a deadline already passed and of how a phrase was read.
final class Issue17Tests: EndToEndCase {
    /// The words of the shipped plan: what a report prints comes from these and its labels.
    static func vocabulary(_ texts: [String]) -> Set<String> {
        var words = Set<String>()
        for text in texts {
            for line in text.split(separator: "\n") {
                let found = line.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
                words.formUnion(found)
            }
        }
        return words
    }

    /// The bare word breaks of `text`: a line that ends in the first part of a word (no
    /// hyphen) whose rest begins the next line, found as: the two parts together are a
    /// word of `vocabulary`, the first part alone is not. And every clip (`…`) that follows
    /// part of a word or of a date.
    static func breaks(in text: String, vocabulary: Set<String>) -> [String] {
        let lines = text.components(separatedBy: "\n")
        // Words inside a line (not at its ends) are whole: they count as words too.
        var words = vocabulary
        for line in lines {
            let w = line.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
            if w.count > 2 { words.formUnion(w[1..<(w.count - 1)]) }
        }
        var found: [String] = []
        for (line, next) in zip(lines, lines.dropFirst()) {
            let tail = String(line.reversed().prefix { $0.isLetter }.reversed())
            let head = String(next.drop { $0 == " " }.prefix { $0.isLetter })
            guard !tail.isEmpty, !head.isEmpty, head.first!.isLowercase else { continue }
            let joined = (tail + head).lowercased()
            if words.contains(joined) && !words.contains(tail.lowercased()) { found.append("\(line)⏎\(next)") }
        }
        for line in lines {
            var rest = Substring(line)
            while let r = rest.range(of: "…") {
                let before = rest[..<r.lowerBound]
                let token = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "-" }.reversed())
                let letters = token.split(separator: "-").last.map(String.init) ?? ""
                let partDate = token.range(of: #"^\d{4}-\d{0,2}(-\d?)?$"#, options: .regularExpression) != nil
                let partWord = !letters.isEmpty && letters.allSatisfy(\.isLetter) && !words.contains(letters.lowercased())
                if partDate || partWord { found.append("clipped inside '\(token)': \(line)") }
                rest = rest[r.upperBound...]
            }
        }
        return found
    }

    func testGoldenReportsBreakWordsOnlyWithAHyphen() throws {
        let data = try ["activities", "goals", "risks", "findings", "owners"].map {
            try String(contentsOf: Repo.root.appendingPathComponent("data/\($0).rec"), encoding: .utf8)
        }
        let vocabulary = Self.vocabulary(data)
        XCTAssertTrue(vocabulary.contains("förvaltningsledningsgruppen"))
        // The scan finds what issue 17 saw: a bare break, and a date clipped.
        XCTAssertEqual(Self.breaks(in: "  antagen av förvaltningsledningsgruppe\n  n senast 2024", vocabulary: vocabulary).count, 1)
        XCTAssertEqual(Self.breaks(in: "  antagen av förvaltnings-\n  ledningsgruppen", vocabulary: vocabulary), [])
        XCTAssertEqual(Self.breaks(in: "  klart 2024-1…", vocabulary: vocabulary).count, 1)
        XCTAssertEqual(Self.breaks(in: "  antagen av förvaltningsledningsgr…", vocabulary: vocabulary).count, 1)
        XCTAssertEqual(Self.breaks(in: "  antagen av förvaltningsledningsgruppen …", vocabulary: vocabulary), [])

        for name in ["report.sv.txt", "report.en.txt", "report.public.txt"] {
            let golden = try String(contentsOf: Repo.root.appendingPathComponent("Tests/EndToEndTests/Golden/\(name)"), encoding: .utf8)
            let lines = golden.components(separatedBy: "\n")
            XCTAssertGreaterThan(lines.count, 100, name)
            for line in lines { XCTAssertLessThanOrEqual(line.count, 100, "\(name): \(line)") }
            XCTAssertEqual(Self.breaks(in: golden, vocabulary: vocabulary), [], name)
        }
    }

    /// `postpone` to a deadline already passed gives the notice at once (as `add` and `set`
    /// do), in the chosen language; a phrase is echoed with the token stored.
    func testPostponeNoticesAPassedDeadlineAndEchoesThePhrase() throws {
        let root = try copyOfShippedData()
        let asOf = ["--as-of", "2026-01-10"]
        var r = try run(["activities", "postpone", "A14", "--to", "hösten 2025", "--reason", "Resurser"] + asOf, in: root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("due 2024-12 → 2025-H2") && r.stdout.contains("(hösten 2025 → 2025-H2)"), r.stdout)
        XCTAssertTrue(r.stderr.contains("notis: A14: slutdatumet 2025-H2 har redan passerat (sista dag 2025-12-31, 10 dagar sedan)"), r.stderr)
        r = try run(["findings", "postpone", "F1", "--to", "2025-07", "--reason", "Resurser", "--lang", "en"] + asOf, in: root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("notice: F1: the deadline 2025-07 has already passed"), r.stderr)
        // A later deadline: no notice; the phrase is still echoed. (Late again, the move
        // needs a reason other than the one A14 has: "Resurser".)
        r = try run(["activities", "postpone", "A14", "--to", "våren 2027", "--reason", "Resurser", "--dry-run"] + asOf, in: root)
        XCTAssertEqual(r.exitCode, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("A14:s slutdatum 2025-H2 har passerat; att flytta det behöver ett nytt skäl, inte det som redan står"), r.stderr)
        r = try run(["activities", "postpone", "A14", "--to", "våren 2027", "--reason", "Nya resurser först 2027"] + asOf, in: root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.contains("(våren 2027 → 2027-H1)"), r.stdout)
        r = try run(["activities", "add", "title=Ny", "owner=sbs", "goal=D2", "due=hösten 2027"] + asOf, in: root)
        XCTAssertEqual(r.stdout, "activities: lägg till A31, due (hösten 2027 → 2027-H2)\n")
        XCTAssertEqual(r.stderr, "")
        // Under --lang en the echo is English; the commit subject (the history) stays Swedish.
        r = try run(["activities", "add", "title=Ny", "owner=sbs", "goal=D2", "due=hösten 2027", "--lang", "en"] + asOf, in: root)
        XCTAssertEqual(r.stdout, "activities: add A32, due (hösten 2027 → 2027-H2)\n")
        r = try run(["activities", "set", "A32", "note=Anteckning", "--lang", "en"] + asOf, in: root)
        XCTAssertEqual(r.stdout, "activities: A32 note added\n")
        r = try run(["activities", "set", "A32", "note=", "--lang", "en"] + asOf, in: root)
        XCTAssertEqual(r.stdout, "activities: A32 note removed\n")
        r = try run(["activities", "rm", "A32", "--lang", "en"] + asOf, in: root)
        XCTAssertEqual(r.stdout, "activities: remove A32\n")
        r = try run(["activities", "rm", "A31"] + asOf, in: root)
        XCTAssertEqual(r.stdout, "activities: ta bort A31\n")
    }

    /// A new plan's config.rec says how new ids are made, and a goal without a parent is an
    /// `M` goal there too, as the setting says.
    func testNewPlanDocumentsTheIdScheme() throws {
        let root = try makeTempFolder()
        var r = try run(["init", "plan", "--organisation", "Testnämnden", "--title", "Plan 2027"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        let plan = root.appendingPathComponent("plan")
        let config = try String(contentsOf: plan.appendingPathComponent("data/config.rec"), encoding: .utf8)
        for key in ["id_goal", "id_subgoal", "id_activity", "id_risk", "id_finding"] {
            XCTAssertTrue(config.contains("# ") && config.contains(key), "config.rec does not explain \(key)")
        }
        r = try run(["goals", "add", "title=Nytt mål", "owner=sf", "due=2027-12", "--as-of", "2027-01-10"], in: plan)
        XCTAssertNotNil(r.stdout.range(of: #"^goals: lägg till M\d+\n$"#, options: .regularExpression), r.stdout + r.stderr)
    }

    /// The man page installed as docs/install.md says: `man sakerhet` shows it.
    func testManPageInstallsAsDocumented() throws {
        let install = try String(contentsOf: Repo.root.appendingPathComponent("docs/install.md"), encoding: .utf8)
        let line = try XCTUnwrap(install.split(separator: "\n").first { $0.hasPrefix("sakerhet man > ") }, "install.md has no 'sakerhet man >' line")
        let target = try XCTUnwrap(line.split(separator: " ").dropFirst(3).first.map(String.init))
        XCTAssertEqual(target, "/usr/local/share/man/man1/sakerhet.1")
        XCTAssertTrue(line.contains("man sakerhet"))
        guard Tools.find("man") != nil, Tools.find("groff") != nil else { throw XCTSkip("man or groff is not installed") }
        let prefix = try makeTempFolder()
        let page = prefix.appendingPathComponent(String(target.dropFirst("/usr/local/".count)))
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        let r = try run(["man"], in: prefix)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        try Data(r.stdout.utf8).write(to: page)
        let man = try tool("man", ["-P", "cat", "sakerhet"], in: prefix,
                           env: ["MANPATH": prefix.appendingPathComponent("share/man").path, "MANWIDTH": "80", "LANG": "C.UTF-8"])
        XCTAssertEqual(man.exitCode, 0, man.stderr)
        XCTAssertTrue(man.stdout.contains("sakerhet") && man.stdout.contains("audit") && man.stdout.contains("KOMMANDON"), man.stdout)
    }
}
