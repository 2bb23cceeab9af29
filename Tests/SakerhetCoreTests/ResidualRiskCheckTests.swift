import XCTest
@testable import SakerhetCore

/// `residual`: a residual value alone, and a residual risk larger than the risk before
/// the actions, are warnings at the field; a pair that lowers the risk, or none, is quiet.
final class ResidualRiskCheckTests: XCTestCase {
    private func risk(_ id: String, _ extra: String) -> String {
        "id: \(id)\ntitle: Risk\narea: valfardsbrott\nlikelihood: 3\nconsequence: 3\nowner: meb\nstatus: hanteras\n\(extra)"
    }

    func testAResidualAloneOrLargerIsAWarning() {
        let risks = [risk("R1", "residual_likelihood: 2\nresidual_consequence: 2\n"), risk("R2", "residual_likelihood: 4\n"),
                     risk("R3", "residual_likelihood: 4\nresidual_consequence: 4\n"), risk("R4", ""),
                     risk("R5", "residual_consequence: 9\n")].joined(separator: "\n")
        let found = ResidualRiskCheck().run(Fixture.data([.risk: risks, .activity: ""]), asOf: Fixture.asOf)
        XCTAssertEqual(found.map { "\($0.recordID ?? "-") \($0.severity) \($0.line)" }, ["R2 warning 18", "R3 warning 27", "R5 warning 45"])
        XCTAssertEqual(found[0].message.sv, "R2: restrisken har bara ett av två värden; ange också residual_consequence, eller ta bort det som finns")
        XCTAssertEqual(found[1].message.sv, "R3: restrisken (4×4 = 16) är större än risken före åtgärderna (3×3 = 9); kontrollera att värdena inte står omkastade")
        XCTAssertEqual(found[2].message.en, "R5: the residual risk has one of its two values; give residual_likelihood too, or remove the one there is")
    }
}
