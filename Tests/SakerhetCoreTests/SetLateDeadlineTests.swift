import XCTest
@testable import SakerhetCore

/// `set due=…` to a later deadline on late work needs its reason in the same change, as
/// `postpone` does (`RecordRules.set`): otherwise a late activity was on time again, in the
/// owners' lists and in the report, with nothing in the plan to say why.
final class SetLateDeadlineTests: XCTestCase {
    private let day = Day("2025-06-01")!  // A12 (due 2024-11) is late; A5 (due 2025-05) too.

    private func refusal(_ changes: [Change], _ id: String = "A12", _ kind: Kind = .activity,
                         file: StaticString = #filePath, line: UInt = #line) throws -> EditError? {
        let data = try Fixture.shipped()
        do {
            _ = try RecordRules.set(data, kind, id: id, changes, asOf: day)
            return nil
        } catch let error as EditError {
            return error
        }
    }

    func testALaterDeadlineForLateWorkWithoutAReasonIsRefused() throws {
        let error = try XCTUnwrap(try refusal([.set("due", "2025-09")]))
        XCTAssertTrue(error.isRefusal)
        XCTAssertEqual(error.message.sv, "A12 är försenad (slutdatumet 2024-11 har passerat); ett senare slutdatum behöver ett skäl: lägg till reason=… i samma set, eller använd 'activities postpone A12 --to 2025-09 --reason …'")
        XCTAssertEqual(error.message.en, "A12 is late (its deadline 2024-11 has passed); a later deadline needs a reason: add reason=… to the same set, or use 'activities postpone A12 --to 2025-09 --reason …'")
        // A phrase is read as the deadline it names; löpande has no end, so it is later.
        XCTAssertNotNil(try refusal([.set("due", "hösten 2025")]))
        XCTAssertNotNil(try refusal([.set("due", "löpande")]))
        // Marking it done in the same change does not make the move on time.
        XCTAssertNotNil(try refusal([.set("status", "klar"), .set("due", "2025-12")]))
        // A blank reason is none.
        XCTAssertNotNil(try refusal([.set("due", "2025-09"), .set("reason", "  ")]))
        // A goal alike.
        XCTAssertNotNil(try refusal([.set("due", "2026")], "D9", .goal))
    }

    func testAReasonAnEarlierDeadlineWorkNotLateAndClosedWorkNeedNone() throws {
        // With the reason in the same set, as postpone writes it.
        let data = try Fixture.shipped()
        let edit = try RecordRules.set(data, .activity, id: "A12", [.set("due", "2025-09"), .set("reason", "Inväntar beslut")], asOf: day)
        let after = String(decoding: edit.afterBytes, as: UTF8.self)
        XCTAssertTrue(after.contains("id: A12\n"), after)
        XCTAssertTrue(after.contains("due: 2025-09\n") && after.contains("reason: Inväntar beslut\n"), after)
        // Earlier: the deadline comes sooner, nothing is hidden.
        XCTAssertNil(try refusal([.set("due", "2024-10")]))
        // Not late on the day: A5 is due 2025-05, which has not passed on 2025-05-20.
        XCTAssertNoThrow(try RecordRules.set(data, .activity, id: "A5", [.set("due", "2025-12")], asOf: Day("2025-05-20")!))
        // Unknown (`?`): the reason check asks for a reason when the folder is checked.
        XCTAssertNil(try refusal([.set("due", "?")]))
        // Other fields of late work change freely.
        XCTAssertNil(try refusal([.set("note", "Ny anteckning")]))
        // A closed record's deadline is corrected without one (postpone refuses done work).
        let done = try XCTUnwrap(data.activities.first { $0.status == .done && ($0.due?.lastDay).map { $0 < day } == true })
        XCTAssertNil(try refusal([.set("due", "2026-12")], done.id))
    }
}
