import XCTest
@testable import SakerhetCore

/// A risk's row in `risks list` carries its review date as what it is (`review`), whether it
/// has passed (`review_passed`) and the days since (`days_late`), as `risks list --overdue`,
/// the `review` check and the report judge it; the table and CSV say the same.
final class RiskReviewListTests: XCTestCase {
    static let risks = """
        id: R1
        title: Omprövning passerad
        likelihood: 3
        consequence: 3
        owner: sbs
        status: hanteras
        review: 2026-03-01

        id: R2
        title: Omprövning kommande
        likelihood: 2
        consequence: 2
        owner: sbs
        status: identifierad
        review: 2026-06-01

        id: R3
        title: Stängd med passerat datum
        likelihood: 1
        consequence: 1
        owner: sbs
        status: stängd
        review: 2026-01-01

        """
    static let asOf = Day("2026-04-15")!

    func testTheRowSaysTheReviewDatePassedAndHowLongAgo() throws {
        let data = Fixture.data([.risk: Self.risks])
        let list = RecordList.make(data, .risk, filter: ListFilter(), asOf: Self.asOf)
        let rows = Dictionary(uniqueKeysWithValues: list.rows.map { ($0.id, $0) })
        XCTAssertEqual(rows["R1"]?.review, Day("2026-03-01"))
        XCTAssertEqual(rows["R1"]?.reviewPassed, true)
        XCTAssertEqual(rows["R1"]?.daysLate, 45)
        XCTAssertNil(rows["R1"]?.due, "a review date is no deadline")
        XCTAssertEqual(rows["R2"]?.reviewPassed, false)
        XCTAssertEqual(rows["R2"]?.daysLate, 0)
        XCTAssertEqual(rows["R3"]?.reviewPassed, false, "a closed risk is not reviewed")
        // The same risks as --overdue and the review check.
        var f = ListFilter()
        f.overdue = true
        let overdue = RecordList.make(data, .risk, filter: f, asOf: Self.asOf).rows.map(\.id)
        XCTAssertEqual(overdue, list.rows.filter { $0.reviewPassed == true }.map(\.id))
        XCTAssertEqual(overdue, Checks.run(data, asOf: Self.asOf).filter { $0.check == "review" }.compactMap(\.recordID))

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ListRender.json(list).utf8)) as? [String: Any])
        let r1 = try XCTUnwrap((json["rows"] as? [[String: Any]])?.first { $0["id"] as? String == "R1" })
        XCTAssertEqual(r1["review"] as? String, "2026-03-01")
        XCTAssertEqual(r1["review_passed"] as? Bool, true)
        XCTAssertEqual(r1["days_late"] as? Int, 45)
        XCTAssertNil(r1["due"])

        let table = ListRender.table(list, lang: .sv, style: .plain)
        XCTAssertTrue(table.contains("2026-03-01 (45 d sen)"), table)
        XCTAssertFalse(table.contains("2026-06-01 ("), table)
        XCTAssertTrue(ListRender.table(list, lang: .en, style: .plain).contains("2026-03-01 (45 d late)"))
        let csv = ListRender.csv(list, lang: .sv)
        XCTAssertTrue(csv.contains("Omprövas;Dagar efter omprövning\r\n"), csv)
        XCTAssertTrue(csv.contains(";2026-03-01;45\r\n"), csv)
        XCTAssertTrue(csv.contains(";2026-06-01;\r\n"), csv)
    }
}
