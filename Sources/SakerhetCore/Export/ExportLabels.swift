/// The workbook's sheet names and the headers of its worked-out columns, in Swedish and
/// English; a stored field's header is its label in the schema, which `import` reads as
/// that field (Sources/SakerhetCore/Import/ImportColumns.swift), so an exported workbook
/// reads back. A label that could mean two fields there (a risk's "Åtgärder" is its
/// treatment) is avoided.
enum ExportLabels {
    /// A field's header: its label in the schema (`FieldSpec.label`), else the one given
    /// here (`unlabelled`), else its key.
    static func header(_ spec: FieldSpec, _ lang: Lang) -> String {
        (spec.label ?? unlabelled[spec.key])?.text(lang) ?? spec.name
    }

    /// Headers for the exported fields the schema gives no label: a follow-up's, in the
    /// words `followups list` heads its columns with. `import` reads them as it reads a
    /// label (`ImportColumns.field`).
    static let unlabelled: [FieldKey: Message] = [
        .record: Message(sv: "Post", en: "Record"),
        .period: Message(sv: "Period", en: "Period"),
        .analysis: Message(sv: "Analys", en: "Analysis"),
        .outcome: Message(sv: "Utfall", en: "Outcome"),
    ]

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

    /// A follow-up's assessment words (`FollowUpAssessment`) in both languages, English as
    /// the report has them: the English workbook shows these, and `import` reads either
    /// back to the stored word.
    static let followupAssessments: [Message] = [
        Message(sv: "uppfyllt", en: "met"), Message(sv: "delvis uppfyllt", en: "partly met"), Message(sv: "ej uppfyllt", en: "not met"),
        Message(sv: "grön", en: "green"), Message(sv: "gul", en: "yellow"), Message(sv: "röd", en: "red"),
    ]
}
