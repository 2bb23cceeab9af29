/// The combined follow-up as JSON: the rollup value itself, encoded (schema
/// `sakerhet.rollup/3`); each plan's `report` is a `sakerhet.report/3` report.
public enum RollupJSON {
    public static let schema = "sakerhet.rollup/3"

    struct Envelope: Encodable {
        let schema: String
        let rollup: RollupReport
    }

    public static func render(_ report: RollupReport) -> String {
        DiagnosticFormats.encode(Envelope(schema: schema, rollup: report))
    }
}
