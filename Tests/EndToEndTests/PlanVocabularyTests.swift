import Foundation
import XCTest

/// Issue 14: one plan written in the whole vocabulary (risk scale 5, finding kind and basis,
/// period follow-ups, indicators, the committee paper, two owners, progress, `löpande`, a
/// done year, an owner kind above the committee) audits clean and its report shows it in
/// every format; bad input gets file:line.
final class PlanVocabularyTests: EndToEndCase {
    static let config = """
        organisation: Testkommun
        title: Säkerhetsplan
        risk_scale: 5
        case_number: SN 2027/123
        meeting: 2027-05-12
        prepared_by: Säkerhetsstrateg, socialförvaltningen

        """
    static let owners = "id: sf\nname: Socialförvaltningen\nkind: förvaltning\n\nid: kstyr\nname: Kommunstyrelsen\nkind: styrelse\n"
    static let goals = """
        id: D1
        title: Kontinuitetsplaner i alla enheter
        owner: sf
        due: 2027-12
        status: pågår
        indicator: Andel enheter med antagen kontinuitetsplan
        target: 100 %

        """
    // Issue 14's other half in the same plan: two owners, progress, standing work, a done year.
    static let activities = """
        id: A1
        title: Skriv planmallen
        goal: D1
        owner: sf
        owner: kstyr
        due: 2027-06
        status: pågår
        progress: 60 %

        id: A2
        title: Omvärldsbevakning
        goal: D1
        owner: sf
        due: löpande
        every: kvartal
        status: pågår

        id: A3
        title: Utbildning i krisledning
        goal: D1
        owner: kstyr
        due: 2026
        status: genomförd
        done: 2026

        """
    static let risks = "id: R1\ntitle: Långvarigt strömavbrott\nlikelihood: 5\nconsequence: 4\nowner: sf\nstatus: hanteras\n"
    static let findings = """
        id: F1
        audit: Granskning av journalsystemet
        recommendation: Logga all åtkomst
        assessment: gul
        owner: sf
        due: 2027-12
        kind: brist
        basis: Jf. Patientdatalagen 4 kap. 3 §
        note: Följs upp 2028

        """
    static let followups = """
        id: U1
        record: D1
        period: 2027-T1
        assessment: delvis uppfyllt
        outcome: 62 %
        analysis: Två av fyra enheter har antagit sin plan.
        + Resten väntas under hösten.

        id: U2
        record: A1
        period: 2027-T1
        assessment: gul
        analysis: Mallen är på remiss.

        """

    func plan(config: String = config, risks: String = risks, findings: String = findings, followups: String = followups) throws -> URL {
        try folder(with: ["config.rec": Array(config.utf8), "owners.rec": Array(Self.owners.utf8), "goals.rec": Array(Self.goals.utf8),
                          "activities.rec": Array(Self.activities.utf8), "risks.rec": Array(risks.utf8),
                          "findings.rec": Array(findings.utf8), "followups.rec": Array(followups.utf8)])
    }

    func testAPlanInTheVocabularyAuditsCleanAndEveryReportFormatShowsIt() throws {
        let root = try plan()
        let asOf = ["--as-of", "2027-05-01"]
        let audit = try run(["audit"] + asOf, in: root)
        XCTAssertEqual(audit.exitCode, 0, audit.output)
        // The one remark: A3's status alias, with the word the tool writes.
        XCTAssertFalse(audit.stdout.contains("fel:") || audit.stdout.contains("varning:") || audit.stdout.contains("okänt fält"), audit.output)
        XCTAssertTrue(audit.stdout.contains("genomförd") && audit.stdout.contains("klar"), audit.output)

        for format in ["text", "markdown", "html", "json"] {
            let r = try run(["report", "--format", format] + asOf, in: root)
            XCTAssertEqual(r.exitCode, 0, "\(format): \(r.output)")
            // The terminal's tables wrap long cells: there, the start of each value.
            let full = ["Jf. Patientdatalagen 4 kap. 3 §", "delvis uppfyllt", "Två av fyra enheter har antagit sin plan.",
                        "Andel enheter med antagen kontinuitetsplan"]
            let values = format == "text" ? ["Jf. Patientdatalagen", "delvis", "Två av fyra", "Andel enheter"] : full
            for expected in ["SN 2027/123", "2027-05-12", "Säkerhetsstrateg, socialförvaltningen", "brist", "62 %", "100 %", "Mallen är på remiss."] + values {
                XCTAssertTrue(r.stdout.contains(expected), "\(format) lacks '\(expected)'")
            }
            // The matrix is 5×5, with R1 at likelihood 5, consequence 4.
            switch format {
            case "text": XCTAssertTrue(r.stdout.contains("  5 |            |            |            | R1         |            |"), r.stdout)
            case "markdown":
                XCTAssertTrue(r.stdout.contains("| 1 | 2 | 3 | 4 | 5 |"))
                XCTAssertTrue(r.stdout.contains("| **5** | 🟨 | 🟧 | 🟥 | 🟥 R1 | 🟥 |"), r.stdout)
            case "html":
                XCTAssertTrue(r.stdout.contains("Sannolikhet 5 × Konsekvens 4 = 20"))
                XCTAssertTrue(r.stdout.contains("Sannolikhet 1 × Konsekvens 5 = 5"))
                XCTAssertTrue(r.stdout.contains("counter(page) \" av \" counter(pages)"))
                XCTAssertTrue(r.stdout.contains("@bottom-left { content: \"Dnr SN 2027/123\""))
            default:
                XCTAssertTrue(r.stdout.contains("\"case_number\" : \"SN 2027/123\""))
                XCTAssertTrue(r.stdout.contains("\"scale\" : 5"))
                XCTAssertTrue(r.stdout.contains("\"outcome\" : \"62 %\""))
            }
        }
        // Standing work, two owners and progress, in every format; löpande is never late.
        for format in ["text", "markdown", "html", "json"] {
            let r = try run(["report", "--format", format] + asOf, in: root)
            XCTAssertTrue(r.stdout.lowercased().contains("löpande"), "\(format) lacks löpande")
            XCTAssertTrue(r.stdout.contains("60 %"), "\(format) lacks the progress")
            // A status alias is shown as the file gives it (JSON carries it beside the status).
            XCTAssertTrue(r.stdout.contains("genomförd"), "\(format) lacks the status as given")
            // The terminal's tables name owners by id; the other formats by name.
            let owners = format == "text" ? ["sf", "kstyr"] : ["Kommunstyrelsen", "Socialförvaltningen"]
            XCTAssertTrue(owners.allSatisfy(r.stdout.contains), "\(format) lacks an owner")
        }
        for day in ["2027-05-01", "2030-01-01", "9999-12-31"] {
            let late = try run(["audit", "--as-of", day], in: root)
            // Only the notice that nothing tells when its first check was due.
            let a2 = late.stdout.split(separator: "\n").filter { $0.contains("A2") }
            XCTAssertEqual(a2.count, 1, "löpande A2 reported at \(day): \(late.stdout)")
            XCTAssertTrue(a2.allSatisfy { $0.contains("notis: A2 är en löpande kontroll (every: kvartal) utan registrerat tillfälle och utan start") }, "löpande A2 reported at \(day): \(late.stdout)")
        }
        let both = try run(["activities", "list", "--owner", "kstyr"], in: root)
        XCTAssertTrue(both.stdout.contains("A1") && both.stdout.contains("A3") && !both.stdout.contains("A2"), both.stdout)
        let docx = try run(["report", "-o", "u.docx"] + asOf, in: root)
        XCTAssertEqual(docx.exitCode, 0, docx.output)
        // Stored (uncompressed) zip entries: the document's text is in the bytes.
        let xml = String(decoding: try bytes(root, "u.docx"), as: UTF8.self)
        for expected in ["SN 2027/123", "2027-05-12", "Typ: brist", "Grund: Jf. Patientdatalagen 4 kap. 3 §", "delvis uppfyllt",
                         "62 %", "Andel enheter med antagen kontinuitetsplan", "100 %", "Periodens uppföljning"] {
            XCTAssertTrue(xml.contains(expected), "docx lacks '\(expected)'")
        }
        let matrix = try XCTUnwrap(xml.range(of: "Sannolikhet \\ Konsekvens"))
        XCTAssertTrue(xml[matrix.upperBound...].prefix(4000).contains(">5</w:t>"), "the docx matrix has a column 5")

        // The follow-up for an earlier period is shown as the latest one, marked.
        let later = try run(["report", "--format", "markdown", "--period", "2028"] + ["--as-of", "2028-03-01"], in: root)
        XCTAssertTrue(later.stdout.contains("senaste: 2027-T1"), later.stdout)
        // followups list shows both records.
        let list = try run(["followups", "list"], in: root)
        XCTAssertEqual(list.exitCode, 0, list.output)
        XCTAssertTrue(list.stdout.contains("U1") && list.stdout.contains("U2") && list.stdout.contains("delvis uppfyllt"), list.stdout)
    }

    func testBadVocabularyGetsFileAndLine() throws {
        let config = "organisation: Testkommun\ntitle: Plan\n"
        let findings = Self.findings.replacingOccurrences(of: "kind: brist", with: "kind: brsit")
        let followups = """
            id: U1
            record: D9
            period: 2027-T1
            assessment: uppfyllt

            id: U2
            record: D1
            period: 2027-T4
            assessment: uppfyllt

            """
        let root = try plan(config: config, findings: findings, followups: followups)
        let r = try run(["audit", "--as-of", "2027-05-01"], in: root)
        XCTAssertEqual(r.exitCode, 1, r.output)
        for expected in ["data/risks.rec:3:", "likelihood '5' ska vara en siffra från 1 till 4; för skalan 1–5, skriv risk_scale: 5 i config.rec",
                         "data/findings.rec:7:", "kind 'brsit'", "menade du 'brist'",
                         "data/followups.rec:2:", "record 'D9' är inget mål eller aktivitet", "menade du 'D1'",
                         "data/followups.rec:8:", "period '2027-T4' är ingen period"] {
            XCTAssertTrue(r.stdout.contains(expected), "audit lacks '\(expected)':\n\(r.output)")
        }
        // A new follow-up through the command is checked the same way.
        let add = try run(["followups", "add", "--record", "A1", "--period", "2027-H1", "--assessment", "grön"], in: root)
        XCTAssertEqual(add.exitCode, 0, add.output)
        XCTAssertTrue(try text(root, "data/followups.rec").contains("record: A1\nperiod: 2027-H1\nassessment: grön"))
    }

    /// The folder `init` writes, with the vocabulary appended (5×5 risk with a 5, a finding
    /// with kind and basis, follow-ups, an indicator): recfix accepts every file, audit too.
    func testInitDescriptorsAcceptTheVocabulary() throws {
        guard Tools.find("recfix") != nil else { throw XCTSkip("recfix (recutils) is not installed") }
        let root = try makeTempFolder()
        XCTAssertEqual(try run(["init", "plan"], in: root).exitCode, 0)
        let owner = "id: sf2\nname: Socialförvaltningen\nkind: förvaltning\n\nid: kstyr\nname: Kommunstyrelsen\nkind: styrelse\n"
        let appended: [String: String] = [
            "config.rec": Self.config.replacingOccurrences(of: "organisation: Testkommun\ntitle: Säkerhetsplan\n", with: ""),
            "owners.rec": owner, "goals.rec": Self.goals, "activities.rec": Self.activities, "risks.rec": Self.risks,
            "findings.rec": Self.findings, "followups.rec": Self.followups,
        ]
        for (file, text) in appended {
            let url = root.appendingPathComponent("plan/data/" + file)
            let before = try String(contentsOf: url, encoding: .utf8)
            // config.rec holds one record: its fields go on at its end.
            try Data((before + (file == "config.rec" ? "" : "\n") + text.replacingOccurrences(of: "owner: sf\n", with: "owner: sf2\n")).utf8).write(to: url)
        }
        for file in appended.keys.sorted() {
            let r = try tool("recfix", ["--check", "plan/data/\(file)"], in: root)
            XCTAssertEqual(r.exitCode, 0, "recfix --check \(file): \(r.stdout)\(r.stderr)")
        }
        let audit = try run(["audit", "--as-of", "2027-05-01", "--data", "plan/data"], in: root)
        XCTAssertEqual(audit.exitCode, 0, audit.output)
        XCTAssertFalse(audit.output.contains("okänt fält"), audit.output)
    }
}
