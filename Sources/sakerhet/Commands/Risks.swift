import SakerhetCore

/// `sakerhet risks`: the risk register and its matrix.
enum Risks: Command {
    static let name = "risks"
    static let spec = RecordSpec.spec(
        name, .risk,
        summary: Message(sv: "Riskregistret: sannolikhet × konsekvens, nivå, åtgärder och riskmatris.", en: "The risk register: likelihood × consequence, level, actions and the risk matrix."),
        examples: ["sakerhet risks list --level hög", "sakerhet risks matrix"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 { try RecordCommand.run(.risk, command: name, &args, ctx) }
}
