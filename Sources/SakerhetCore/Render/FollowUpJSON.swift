/// The follow-up as JSON: the report value itself, encoded (schema `sakerhet.report/3`).
public enum FollowUpJSON {
    public static let schema = "sakerhet.report/3"

    struct Envelope: Encodable {
        let schema: String
        let report: FollowUp
    }

    public static func render(_ report: FollowUp) -> String {
        DiagnosticFormats.encode(Envelope(schema: schema, report: report))
    }
}
