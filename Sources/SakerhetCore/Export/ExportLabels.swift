/// The workbook's sheet names and the headers of its worked-out columns, in Swedish and
/// English; a stored field's header is its label in the schema, which `import` reads as
/// that field (Sources/SakerhetCore/Import/ImportColumns.swift), so an exported workbook
/// reads back. A label that could mean two fields there (a risk's "Åtgärder" is its
/// treatment) is avoided.
enum ExportLabels {
    /// A field's header: its label in the schema (`FieldSpec.label`), else its key.
    static func header(_ spec: FieldSpec, _ lang: Lang) -> String { spec.label?.text(lang) ?? spec.name }

    /// The columns worked out rather than stored.
    static let ownerID = Message(sv: "Ansvarig id", en: "Owner id")
    static let signal = Message(sv: "Signal", en: "Signal")
    static let daysLate = Message(sv: "Dagar sen", en: "Days late")
    static let score = Message(sv: "Poäng", en: "Score")
    static let level = Message(sv: "Nivå", en: "Level")
    /// The title of the goal or activity a follow-up is of, beside its id: the header the
    /// goals' own title has on the Mål sheet.
    static let recordTitle = Message(sv: "Rubrik", en: "Title")

    static let goals = Message(sv: "Mål", en: "Goals")
    static let subgoals = Message(sv: "Delmål", en: "Sub-goals")
    static let activities = Message(sv: "Aktiviteter", en: "Activities")
    static let risks = Message(sv: "Risker", en: "Risks")
    static let findings = Message(sv: "Rekommendationer", en: "Recommendations")
    static let followUps = Message(sv: "Uppföljningar", en: "Follow-ups")
    static let owners = Message(sv: "Ansvariga", en: "Owners")

    /// The sheets and the kind each holds, as `PlanExport` writes them.
    static let sheets: [(name: Message, kind: Kind)] = [
        (goals, .goal), (subgoals, .goal), (activities, .activity), (risks, .risk), (findings, .finding), (followUps, .followup), (owners, .owner),
    ]

    /// The kind a sheet of that name holds (in Swedish or English, any case), so that
    /// `import` reads an exported workbook whole, each sheet as its kind; nil for another name.
    static func kind(ofSheet name: String) -> Kind? {
        let folded = name.trimmingSpaces().lowercased()
        return sheets.first { $0.name.sv.lowercased() == folded || $0.name.en.lowercased() == folded }?.kind
    }
}
