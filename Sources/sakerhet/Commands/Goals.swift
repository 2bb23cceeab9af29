import SakerhetCore

/// `sakerhet goals`: mål and delmål.
enum Goals: Command {
    static let name = "goals"
    static let spec = RecordSpec.spec(
        name, .goal,
        summary: Message(sv: "Mål och delmål: lista, visa, lägg till, ändra, markera klara och flytta.", en: "Goals and sub-goals: list, show, add, change, mark done and postpone."),
        examples: ["sakerhet goals list --overdue", "sakerhet goals show D5"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 { try RecordCommand.run(.goal, command: name, &args, ctx) }
}
