import SakerhetCore

/// `sakerhet activities`: the activity list.
enum Activities: Command {
    static let name = "activities"
    static let spec = RecordSpec.spec(
        name, .activity,
        summary: Message(sv: "Aktiviteter: lista, visa, lägg till, ändra, markera klara och flytta.", en: "Activities: list, show, add, change, mark done and postpone."),
        examples: ["sakerhet activities list --owner sbs --overdue", "sakerhet activities done A12 --date 2024-11-20"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 { try RecordCommand.run(.activity, command: name, &args, ctx) }
}
