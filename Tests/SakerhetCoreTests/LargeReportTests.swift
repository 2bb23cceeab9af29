import XCTest
@testable import SakerhetCore

/// A report long enough that its activity list is made and written in pieces at the
/// same time: every activity once, in the order of the report value, in each format.
final class LargeReportTests: XCTestCase {
    static let report: FollowUp = {
        var goals = "id: M1\ntitle: Mål\nowner: sbs\ndue: 2025\n"
        var activities: [String] = []
        for g in 1...150 {
            goals += "\nid: D\(g)\ntitle: Delmål \(g)\nparent: M1\nowner: sbs\ndue: 2025-06\n"
            for a in 1...150 {
                let n = (g - 1) * 150 + a
                let due = ["2024-10", "2024-11-20", "2025-H1", "?", "2024-Q4"][n % 5]
                let status = ["pågår", "klar", "ej påbörjad", "vilande"][n % 4]
                activities.append("id: A\(n)\ntitle: Aktivitet \(n) för delmål \(g), med en titel som blir lång nog att brytas i tabellen\n"
                                  + "goal: D\(g)\nowner: \(n % 3 == 0 ? "sbs" : "it")\ndue: \(due)\nstatus: \(status)\n"
                                  + (n % 7 == 0 ? "note: Första raden\n+ andra raden\n" : ""))
            }
        }
        let data = Fixture.data([.goal: goals, .activity: activities.joined(separator: "\n")])
        return FollowUp.make(data, asOf: Fixture.asOf)
    }()

    /// The activity ids of the report value, in order.
    var expected: [String] { Self.report.activityGroups.flatMap { $0.rows.map(\.id) } }

    /// Equal lists, or the first place where they differ (the lists are too long to print).
    func assertSame(_ found: [String], file: StaticString = #filePath, line: UInt = #line) {
        let expected = self.expected
        if let i = zip(found, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            XCTFail("at \(i): \(found[i]) where \(expected[i]) was expected", file: file, line: line)
        } else {
            XCTAssertEqual(found.count, expected.count, "count", file: file, line: line)
        }
    }

    func testTheReportIsLongEnoughToBeCut() {
        XCTAssertEqual(expected.count, 22_500)
        XCTAssertGreaterThan(Parallel.cut(Self.report.activityGroups, weight: \.rows.count, into: 4).count, 1)
    }

    func testHTMLHasEveryActivityOnceInOrder() {
        let page = FollowUpHTML.render(Self.report, lang: .sv)
        let html = page.components(separatedBy: "<section id=\"aktiviteter\">")[1].components(separatedBy: "</section>")[0]
        let ids = html.components(separatedBy: "<span class=\"id\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        assertSame(ids)
        XCTAssertEqual(html.components(separatedBy: "<table class=\"activities\">").count - 1, 150)
    }

    func testTextHasEveryActivityOnceInOrder() {
        let text = FollowUpText.render(Self.report, lang: .sv, style: .plain)
        let start = text.range(of: "AKTIVITETSLISTA")!.upperBound
        let end = text.range(of: "PER ANSVARIG")!.lowerBound
        let ids = text[start..<end].split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("A"), let id = line.split(separator: " ").first, Int(id.dropFirst()) != nil else { return nil }
            return String(id)
        }
        assertSame(ids)
        // Each group under its own heading, one blank line between groups.
        XCTAssertEqual(text[start..<end].components(separatedBy: "\n\nD").count - 1, 150)
    }

    func testMarkdownHasEveryActivityOnceInOrder() {
        let page = FollowUpMarkdown.render(Self.report, lang: .sv)
        let md = page.components(separatedBy: "## Aktivitetslista")[1].components(separatedBy: "\n## ")[0]
        let ids = md.split(separator: "\n").compactMap { line -> String? in
            let id = line.dropFirst(2).prefix { $0 != " " }
            guard line.hasPrefix("| A"), Int(id.dropFirst()) != nil else { return nil }
            return String(id)
        }
        assertSame(ids)
    }
}
