import SakerhetCore

/// `sakerhet findings`: the auditors' recommendations, tracked to closure.
enum Findings: Command {
    static let name = "findings"
    static let spec = RecordSpec.spec(
        name, .finding,
        summary: Message(sv: "Revisionens rekommendationer: bedömning (röd/gul/grön), svar, vad som gjorts och vad som kvarstår.", en: "Audit recommendations: assessment (red/yellow/green), response, progress and what remains."),
        examples: ["sakerhet findings list", "sakerhet findings set F1 assessment=grön evidence='Riktlinjer antagna SN 2025-06'"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 { try RecordCommand.run(.finding, command: name, &args, ctx) }
}
