import XCTest
@testable import SakerhetCore

/// A closed risk is counted as closed, not by its level, and is in no cell of the matrix:
/// the report's level counts and matrix are the risks that are still there.
final class ClosedRiskTests: XCTestCase {
    func testAClosedRiskIsNotAmongTheLevelsOrInTheMatrix() {
        let risks = """
            id: R1
            title: Öppen risk
            likelihood: 4
            consequence: 4
            owner: sbs
            status: hanteras

            id: R2
            title: Stängd risk
            likelihood: 4
            consequence: 4
            owner: sbs
            status: stängd

            """
        let data = Fixture.data([.risk: risks])
        let report = FollowUp.make(data, asOf: Fixture.asOf)
        XCTAssertEqual(report.summary.risks.veryHigh, 1)
        XCTAssertEqual(report.summary.risks.closed, 1)
        XCTAssertEqual(report.summary.risks.total, 2)
        XCTAssertEqual(report.matrix[3][3], ["R1"])
        XCTAssertEqual(report.risks.map(\.id).sorted(), ["R1", "R2"], "the table still lists both")
        let text = FollowUpText.render(report, lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("1 mycket hög, 0 hög, 0 medel, 0 låg, 1 stängd av 2"), text)
        XCTAssertTrue(FollowUpMarkdown.render(report, lang: .en).contains("1 very high, 0 high, 0 medium, 0 low, 1 closed of 2"))
        let matrix = ListRender.matrix(data.risks, thresholds: data.riskThresholds, lang: .sv, style: .plain)
        XCTAssertTrue(matrix.contains("1: R1"), matrix)
        XCTAssertFalse(matrix.contains("R2"), matrix)
        XCTAssertTrue(matrix.contains("1 stängd risk ingår inte."), matrix)
    }
}

/// A cell with more ids than it has room for says how many there are: the text matrix
/// puts the count before the ids it cuts, the HTML heat map shows six and "+5 till", and
/// its cell's tooltip names them all.
final class CrowdedMatrixCellTests: XCTestCase {
    func testACrowdedCellSaysHowManyItHolds() {
        let risks = (1...11).map { "id: R\($0)\ntitle: Risk \($0)\nlikelihood: 2\nconsequence: 3\nowner: sbs\nstatus: hanteras\n" }.joined(separator: "\n")
        let report = FollowUp.make(Fixture.data([.risk: risks]), asOf: Fixture.asOf)
        XCTAssertEqual(report.matrix[1][2].count, 11)
        let text = FollowUpText.render(report, lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("| 11: R1 R2 …"), text)
        let html = FollowUpHTML.render(report, lang: .sv)
        XCTAssertTrue(html.contains(">R1 R2 R3</text>") && html.contains(">R4 R5 R6</text>"), "the first six ids")
        XCTAssertTrue(html.contains(">+5 till</text>"), "how many more")
        XCTAssertFalse(html.contains(">R7 R8 R9</text>"))
        XCTAssertTrue(html.contains(": R1 R2 R3 R4 R5 R6 R7 R8 R9 R10 R11</title>"), "the tooltip names all")
        XCTAssertTrue(FollowUpHTML.render(report, lang: .en).contains(">+5 more</text>"))
        // Nine still fit, with no count.
        let nine = FollowUp.make(Fixture.data([.risk: risks.components(separatedBy: "\nid: R10")[0]]), asOf: Fixture.asOf)
        XCTAssertTrue(FollowUpHTML.render(nine, lang: .sv).contains(">R7 R8 R9</text>"))
    }
}

/// The report shows the risk left after the actions where the register gives it (both
/// residual values on the scale), in every format, and has no such column where it gives
/// none (the shipped plan: the golden files).
final class ResidualRiskReportTests: XCTestCase {
    func testTheResidualRiskIsAColumnOfTheRiskTableWhereTheRegisterGivesIt() throws {
        let risks = """
            id: R1
            title: Obehörig åtkomst till journalsystemet
            likelihood: 4
            consequence: 4
            residual_likelihood: 2
            residual_consequence: 2
            owner: sbs
            status: hanteras

            id: R2
            title: Utan kvarvarande värden
            likelihood: 2
            consequence: 3
            owner: sbs
            status: identifierad

            """
        let report = FollowUp.make(Fixture.data([.risk: risks]), asOf: Fixture.asOf)
        let r1 = try XCTUnwrap(report.risks.first { $0.id == "R1" })
        XCTAssertEqual(r1.residualScore, 4)
        XCTAssertEqual(r1.residualLevel, .medium, "4 on the scale of 1–4: medel, as a score of 4 is")
        XCTAssertEqual(r1.residualText(.sv), "2×2 = 4, medel")
        XCTAssertEqual(report.risks.first { $0.id == "R2" }?.residualText(.sv), "")

        let text = FollowUpText.render(report, lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("Kvarvarande risk"), text)
        XCTAssertTrue(text.contains("2×2 = 4, medel"), text)
        let markdown = FollowUpMarkdown.render(report, lang: .en)
        XCTAssertTrue(markdown.contains("| Actions | Residual risk | Review |"), markdown)
        XCTAssertTrue(markdown.contains("| 2×2 = 4, medium |"), markdown)
        let html = FollowUpHTML.render(report, lang: .sv)
        XCTAssertTrue(html.contains("<th>Kvarvarande risk</th>") || html.contains(">Kvarvarande risk</th>"), html)
        XCTAssertTrue(html.contains(">2×2 = 4, medel</td>"), html)
        let tables = try ImportSource.tables(try FollowUpDOCX.render(report, lang: .sv), file: "r.docx")
        let riskTable = try XCTUnwrap(tables.first { $0.rows.first?.map(\.text).contains("Kvarvarande risk") == true })
        let header = riskTable.rows[0].map(\.text)
        let column = try XCTUnwrap(header.firstIndex(of: "Kvarvarande risk"))
        XCTAssertEqual(riskTable.rows.first { $0.first?.text == "R1" }?[column].text, "2×2 = 4, medel")
        let json = try JSONWriter.encode(report)
        XCTAssertTrue(json.contains("\"residual_score\" : 4") || json.contains("\"residual_score\":4"), json)

        // A register without residual values: no column.
        let plain = FollowUp.make(Fixture.data([.risk: "id: R2\ntitle: Utan\nlikelihood: 2\nconsequence: 3\nowner: sbs\nstatus: identifierad\n"]), asOf: Fixture.asOf)
        XCTAssertFalse(FollowUpText.render(plain, lang: .sv, style: .plain).contains("Kvarvarande"))
        XCTAssertFalse(FollowUpMarkdown.render(plain, lang: .sv).contains("Kvarvarande"))
        XCTAssertFalse(FollowUpHTML.render(plain, lang: .sv).contains("Kvarvarande"))
        XCTAssertFalse(try JSONWriter.encode(plain).contains("residual"))
    }
}
