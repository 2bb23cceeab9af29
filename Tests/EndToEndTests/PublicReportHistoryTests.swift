// Issue 11, item 12: `report --public` hides every record that was `intern` or `sekretess`
// at any time in the period, also one deleted since, in every format and with -o; and no
// public row names a hidden record (a group heading, a risk's actions, a commit subject).
// Old commit subjects holding a personnummer or escapes are masked and made visible.

import Foundation
import XCTest

final class PublicReportHistoryTests: XCTestCase {
    static let owners = LogPlan.owners

    static func goals(d9: Bool = true) -> String {
        LogPlan.goals + (d9 ? """

            id: D9
            title: Hemlig lokal för krisledning
            owner: sbs
            due: 2024-12
            status: pågår
            classification: sekretess

            """ : "")
    }

    /// A1 open under D2; A5 open under the secret goal D9; A77 secret; A50 secret until 2023.
    static func activities(a77Due: String?, a50: String = "öppen", a50Due: String = "2024-06", a50Reason: String? = nil) -> String {
        var s = LogPlan.a1() + """

            id: A5
            title: Öva krisledningsstaben
            goal: D9
            owner: sbs
            due: 2024-11
            status: pågår

            id: A50
            title: Se över reservkraften
            goal: D2
            owner: sbs
            due: \(a50Due)
            status: pågår
            classification: \(a50)

            """
        if let a50Reason { s += "reason: \(a50Reason)\n" }
        if let a77Due {
            s += """

                id: A77
                title: Skyddad adress Tallvägen
                goal: D2
                owner: sbs
                due: \(a77Due)
                status: pågår
                classification: sekretess

                """
            if a77Due != "2024-05" { s += "reason: Väktare till Tallvägen saknas\n" }
        }
        return s
    }

    static let risks = """
        id: R1
        title: Avbrott i elförsörjningen
        likelihood: 2
        consequence: 3
        owner: sbs
        status: hanteras
        action: A1
        action: A77
        action: A5

        """

    func testPublicReportHidesRecordsClassifiedAtAnyTimeInThePeriod() throws {
        let repo = try LogRepo(self)
        try repo.write("data/owners.rec", Self.owners)
        try repo.write("data/goals.rec", Self.goals())
        try repo.write("data/risks.rec", Self.risks)
        try repo.write("data/activities.rec", Self.activities(a77Due: nil, a50: "sekretess"))
        try repo.commit("Plan 2023", on: "2023-02-01")
        try repo.write("data/activities.rec", Self.activities(a77Due: nil))
        try repo.commit("A50 är inte längre hemlig", on: "2023-09-01")
        try repo.write("data/activities.rec", Self.activities(a77Due: "2024-05"))
        try repo.commit("activities: add A77", on: "2024-01-15")
        try repo.write("data/activities.rec", Self.activities(a77Due: "2024-09", a50Due: "2024-10", a50Reason: "Leverans försenad"))
        try repo.commit("activities: A77 due 2024-05 → 2024-09, A50 due 2024-06 → 2024-10", on: "2024-03-01")
        try repo.write("data/activities.rec", Self.activities(a77Due: nil, a50Due: "2024-10", a50Reason: "Leverans försenad"))
        try repo.commit("Städning", on: "2024-06-01")
        // An old subject from before subjects were kept free of values.
        try repo.write("data/owners.rec", Self.owners + "contact: funktion@example.se\n")
        try repo.commit("owners: sbs contact 811228-9874 \u{1B}[2J\u{1B}]0;x\u{07}", on: "2024-07-01")

        let secret = ["A77", "Tallvägen", "Väktare", "D9", "Hemlig lokal"]
        let args = ["report", "--as-of", "2024-11-04", "--data", "data"]
        // Without --public the history shows A77: the case is real.
        let full = try LogBinary.run(args, in: repo.root)
        XCTAssertEqual(full.exitCode, 0, full.stderr)
        // (the line wraps at 100 columns, so only the words before the break)
        XCTAssertTrue(full.stdout.contains("Väktare till Tallvägen"), full.stdout)

        var outputs: [(String, String)] = []
        for format in ["text", "markdown", "html", "json"] {
            let r = try LogBinary.run(args + ["--public", "--format", format], in: repo.root)
            XCTAssertEqual(r.exitCode, 0, r.stderr)
            outputs.append(("--format \(format)", r.stdout + r.stderr))
        }
        for ext in ["txt", "md", "html", "json"] {
            let file = repo.root.appendingPathComponent("offentlig.\(ext)")
            let r = try LogBinary.run(args + ["--public", "-o", file.path], in: repo.root)
            XCTAssertEqual(r.exitCode, 0, r.stderr)
            outputs.append(("-o offentlig.\(ext)", String(decoding: try Data(contentsOf: file), as: UTF8.self)))
        }
        for (what, text) in outputs {
            for word in secret { XCTAssertFalse(text.contains(word), "\(what) names '\(word)':\n\(text)") }
            // A50 was secret only before the period: its postponement is public.
            XCTAssertTrue(text.contains("Leverans försenad"), "\(what) hides A50, open all through the period")
            XCTAssertTrue(text.contains("Öva krisledningsstaben"), "\(what) drops A5, which is open")
            XCTAssertFalse(text.contains("811228") || text.contains("9874"), "\(what) prints the personnummer of a subject")
            XCTAssertFalse(text.utf8.contains(0x1B) || text.utf8.contains(0x07), "\(what) prints an escape of a subject")
        }
        // The report's revision history lists plan versions, not commit subjects, so the old
        // subject is not in it at all; `log` shows it with the number masked and the escapes visible.
        let text = outputs[0].1
        XCTAssertFalse(text.contains("owners: sbs contact"), text)
        XCTAssertTrue(text.contains("Övriga aktiviteter (målet visas inte i den offentliga versionen)"), text)
        let log = try LogBinary.run(["log", "--data", "data"], in: repo.root)
        XCTAssertEqual(log.exitCode, 0, log.stderr)
        XCTAssertTrue(log.stdout.contains("[personnummer dolt] \\x1b[2J"), log.stdout)
        XCTAssertFalse(log.stdout.contains("811228") || log.stdout.utf8.contains(0x1B), log.stdout)
    }
}
