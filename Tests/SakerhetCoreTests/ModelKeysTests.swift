import XCTest
@testable import SakerhetCore

/// The model reads fields by naming a case of its kind's key enum (`ModelKeys`); each case
/// must be a field of that kind's schema, and the parser's shared keys must cover the schema.
final class ModelKeysTests: XCTestCase {
    func testEveryModelKeyIsAFieldOfItsKind() {
        func check<K: ModelKeys>(_ keys: K.Type, _ kind: Kind) {
            XCTAssertEqual(Set(K.keys).count, K.allCases.count, "\(K.self) repeats a key")
            for key in K.keys { XCTAssertNotNil(kind.spec(key), "\(K.self): '\(key)' is not a field of \(kind.rawValue)") }
        }
        check(GoalKeys.self, .goal)
        check(ActivityKeys.self, .activity)
        check(RiskKeys.self, .risk)
        check(FindingKeys.self, .finding)
        check(OwnerKeys.self, .owner)
        check(AreaKeys.self, .area)
        check(FollowupKeys.self, .followup)
        XCTAssertEqual(GoalKeys.doneWhen.key, "done_when")
        XCTAssertEqual(RiskKeys.residualConsequence.key, "residual_consequence")
        XCTAssertEqual(FindingKeys.caseNumber.key, "case")
    }

    func testAFieldIsReadFromItsSlot() {
        let doc = Document(text: "id: A1\ntitle: T\nnote: n\ndue: 2025\ngoal: M1\nnote: second\nprogress:\n")
        var f = FirstValues<ActivityKeys>()
        f.load(doc.records[0])
        XCTAssertEqual(f[.id], "A1")
        XCTAssertEqual(f[.due], "2025")
        XCTAssertEqual(f[.goal], "M1")
        XCTAssertEqual(f[.note], "n", "the first value of a repeated key")
        XCTAssertNil(f[.progress], "an empty value reads as nil")
        XCTAssertNil(f[.status])
    }
}
