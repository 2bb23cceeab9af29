import XCTest
@testable import SakerhetCore

/// Vocabularies: statuses, assessments, classification, and the risk levels.
final class StatusTests: XCTestCase {
    func testStatusSwedishAndEnglish() {
        let cases: [(String, Status)] = [
            ("ej påbörjad", .notStarted), ("not-started", .notStarted), ("not started", .notStarted),
            ("pågår", .inProgress), ("Pågår", .inProgress), ("in-progress", .inProgress),
            ("klar", .done), ("KLAR", .done), ("done", .done),
            ("vilande", .onHold), ("on-hold", .onHold),
            ("struken", .cancelled), ("cancelled", .cancelled), ("canceled", .cancelled),
        ]
        for (text, status) in cases { XCTAssertEqual(Status(parsing: text), status, text) }
        for bad in ["", "försenad", "late", "klart", "på gång"] { XCTAssertNil(Status(parsing: bad), bad) }
        XCTAssertEqual(Status.allCases.map(\.rawValue), ["ej påbörjad", "pågår", "klar", "vilande", "struken"])
        XCTAssertEqual(Status.allCases.map { $0.word(.en) }, ["not-started", "in-progress", "done", "on-hold", "cancelled"])
        XCTAssertEqual(Status.allCases.filter(\.isClosed), [.done, .cancelled])
    }

    func testRiskStatus() {
        let cases: [(String, RiskStatus)] = [
            ("identifierad", .identified), ("identified", .identified), ("hanteras", .treating), ("treating", .treating),
            ("accepterad", .accepted), ("accepted", .accepted), ("stängd", .closed), ("Closed", .closed),
        ]
        for (text, status) in cases { XCTAssertEqual(RiskStatus(parsing: text), status, text) }
        XCTAssertNil(RiskStatus(parsing: "pågår"))
        XCTAssertNil(Status(parsing: "hanteras"))
        XCTAssertEqual(RiskStatus.allCases.map { $0.word(.sv) }, ["identifierad", "hanteras", "accepterad", "stängd"])
    }

    func testAssessment() {
        let cases: [(String, Assessment)] = [
            ("röd", .red), ("red", .red), ("gul", .yellow), ("Yellow", .yellow), ("grön", .green), ("GRÖN", .green), ("green", .green),
        ]
        for (text, a) in cases { XCTAssertEqual(Assessment(parsing: text), a, text) }
        for bad in ["blå", "blue", "", "gult"] { XCTAssertNil(Assessment(parsing: bad), bad) }
        XCTAssertEqual(Assessment.green.word(.en), "green")
        XCTAssertEqual(Assessment.red.word(.sv), "röd")
    }

    func testClassification() {
        XCTAssertEqual(Classification(parsing: "öppen"), .open)
        XCTAssertEqual(Classification(parsing: "intern"), .internal_)
        XCTAssertEqual(Classification(parsing: "sekretess"), .secret)
        XCTAssertEqual(Classification(parsing: "confidential"), .secret)
        XCTAssertNil(Classification(parsing: "hemlig"))
        // Without the field, a record is öppen.
        XCTAssertEqual(Fixture.data().risks[0].classification, .open)
    }

    func testSignals() {
        let rows: [(String, String, Signal)] = [
            ("pågår", "2024-10", .red), ("vilande", "2024-10", .red), ("pågår", "2024-11", .yellow), ("pågår", "?", .yellow),
            ("vilande", "2025", .yellow), ("klar", "2024-10", .green), ("pågår", "2025-01", .green), ("ej påbörjad", "2025", .green),
            ("struken", "2024-10", .grey), ("struken", "?", .grey),
        ]
        let text = rows.enumerated().map { i, row in
            "id: A\(i)\ntitle: Aktivitet\ngoal: D3\nowner: sbs\ndue: \(row.1)\nstatus: \(row.0)\n"
        }.joined(separator: "\n")
        let data = Fixture.data([.activity: text])
        XCTAssertEqual(data.activities.map { $0.signal(asOf: Fixture.asOf, window: 30) }, rows.map(\.2))
        XCTAssertEqual(data.activities.map { $0.isWaiting }, [false, true, false, true, true, false, false, false, false, false])
        XCTAssertEqual(Signal.allCases.map { $0.word(.sv) }, ["grön", "gul", "röd", "grå"])
    }

    /// Levels as the follow-up reports them, for every likelihood × consequence.
    /// `standing` against the rule written out: late after the last day, due soon within the window.
    func testStandingOverAYear() throws {
        let data = try Fixture.shipped()
        let window = data.config.soonDays
        var day = Day("2024-01-01")!
        while day < Day("2025-03-01")! {
            for a in data.activities {
                let s = a.standing(asOf: day, window: window)
                // Done on a later day, it was open on this one.
                let status = a.status == .done && (a.donePeriod?.firstDay).map({ $0 > day }) == true ? Status.inProgress : a.status
                let open = !(status?.isClosed ?? false)
                let last = a.deadline?.lastDay
                let late = open && last != nil && last! < day
                let soon = open && last != nil && last! >= day && day.days(until: last!) <= window
                let waiting = open && (a.status == .onHold || a.deadline?.isUnknown == true)
                XCTAssertEqual(s.isOverdue, late, "\(a.id) \(day)")
                XCTAssertEqual(s.isDueSoon, soon, "\(a.id) \(day)")
                XCTAssertEqual(s.daysLate, late ? last!.days(until: day) : 0, "\(a.id) \(day)")
                XCTAssertEqual(s.daysLeft, soon ? day.days(until: last!) : 0, "\(a.id) \(day)")
                XCTAssertEqual(s.isWaiting, waiting, "\(a.id) \(day)")
                XCTAssertEqual(a.isWaiting, waiting, "\(a.id) \(day)")
                XCTAssertEqual(s.signal, status == .cancelled ? .grey : status == .done ? .green : late ? .red
                               : soon || waiting ? .yellow : .green, "\(a.id) \(day)")
            }
            day = day.adding(days: 5)
        }
    }

    func testRiskLevelThresholds() {
        var text = ""
        for l in 1...4 {
            for c in 1...4 {
                text += "id: R\(l)\(c)\ntitle: Risk\nlikelihood: \(l)\nconsequence: \(c)\nowner: sbs\nstatus: identifierad\n\n"
            }
        }
        let rows = FollowUp.make(Fixture.data([.risk: text]), asOf: Fixture.asOf).risks
        XCTAssertEqual(rows.count, 16)
        var seen: [Int: RiskLevel] = [:]
        for row in rows { seen[row.score!] = row.level }
        XCTAssertEqual(seen, [1: .low, 2: .low, 3: .low, 4: .medium, 6: .medium, 8: .high, 9: .high, 12: .veryHigh, 16: .veryHigh])
        XCTAssertEqual(RiskLevel.allCases.map { $0.word(.sv) }, ["låg", "medel", "hög", "mycket hög"])
        XCTAssertEqual(RiskLevel.allCases.map { $0.word(.en) }, ["low", "medium", "high", "very high"])
        XCTAssertLessThan(RiskLevel.high, RiskLevel.veryHigh)
    }

    func testRiskScoreAndLevel() {
        let data = Fixture.data()
        let risk = data.risks[0]
        XCTAssertEqual(risk.score, 9)
        XCTAssertEqual(FollowUp.make(data, asOf: Fixture.asOf).risks.first?.level, .high)
        XCTAssertEqual(risk.actions, ["A26"])
        XCTAssertEqual(risk.status, .treating)
    }
}
