/// The workbook's sheet names and column headers, in Swedish and English. The Swedish
/// headers are the words `import` recognises (Sources/SakerhetCore/Import/ImportColumns.swift),
/// so an exported workbook reads back; a header that could mean two fields there (a risk's
/// "Åtgärder" is its treatment) is avoided here.
enum ExportLabels {
    /// A field's header; `kind.field` first, then the field alone, else the field's name.
    static func header(_ kind: Kind, _ field: String, _ lang: Lang) -> String {
        let m = fields[kind.rawValue + "." + field] ?? fields[field]
        return m.map { $0.text(lang) } ?? field
    }

    static let fields: [String: Message] = [
        "id": Message(sv: "Id", en: "Id"),
        "goal.title": Message(sv: "Rubrik", en: "Title"),
        "activity.title": Message(sv: "Aktivitet", en: "Activity"),
        "risk.title": Message(sv: "Risk", en: "Risk"),
        "title": Message(sv: "Rubrik", en: "Title"),
        "goal.parent": Message(sv: "Överordnat mål", en: "Parent"),
        "goal": Message(sv: "Mål", en: "Goal"),
        "area": Message(sv: "Område", en: "Area"),
        "owner": Message(sv: "Ansvarig", en: "Owner"),
        "start": Message(sv: "Start", en: "Start"),
        "due": Message(sv: "Klart senast", en: "Due"),
        "status": Message(sv: "Status", en: "Status"),
        "done_when": Message(sv: "Anses klart när", en: "Done when"),
        "done": Message(sv: "Klardatum", en: "Done on"),
        "reason": Message(sv: "Skäl", en: "Reason"),
        "note": Message(sv: "Kommentar", en: "Note"),
        "evidence": Message(sv: "Underlag", en: "Evidence"),
        "every": Message(sv: "Återkommande", en: "Recurrence"),
        "source": Message(sv: "Källa", en: "Source"),
        "classification": Message(sv: "Klassning", en: "Classification"),
        "description": Message(sv: "Beskrivning", en: "Description"),
        "likelihood": Message(sv: "Sannolikhet", en: "Likelihood"),
        "consequence": Message(sv: "Konsekvens", en: "Consequence"),
        "treatment": Message(sv: "Hantering", en: "Treatment"),
        "action": Message(sv: "Kopplade aktiviteter", en: "Linked activities"),
        "review": Message(sv: "Omprövning", en: "Review"),
        "residual_likelihood": Message(sv: "Kvarvarande sannolikhet", en: "Residual likelihood"),
        "residual_consequence": Message(sv: "Kvarvarande konsekvens", en: "Residual consequence"),
        "audit": Message(sv: "Granskning", en: "Audit"),
        "auditor": Message(sv: "Revisor", en: "Auditor"),
        "year": Message(sv: "År", en: "Year"),
        "case": Message(sv: "Diarienummer", en: "Case number"),
        "recommendation": Message(sv: "Rekommendation", en: "Recommendation"),
        "response": Message(sv: "Nämndens svar", en: "Committee's response"),
        "progress": Message(sv: "Vad har åtgärdats", en: "Progress"),
        "remaining": Message(sv: "Vad kvarstår", en: "Remaining"),
        "assessment": Message(sv: "Bedömning", en: "Assessment"),
    ]

    /// The columns worked out rather than stored.
    static let ownerID = Message(sv: "Ansvarig id", en: "Owner id")
    static let signal = Message(sv: "Signal", en: "Signal")
    static let daysLate = Message(sv: "Dagar sen", en: "Days late")
    static let score = Message(sv: "Poäng", en: "Score")
    static let level = Message(sv: "Nivå", en: "Level")

    static let goals = Message(sv: "Mål", en: "Goals")
    static let subgoals = Message(sv: "Delmål", en: "Sub-goals")
    static let activities = Message(sv: "Aktiviteter", en: "Activities")
    static let risks = Message(sv: "Risker", en: "Risks")
    static let findings = Message(sv: "Rekommendationer", en: "Recommendations")
    /// For the follow-ups kind (`followups.rec`), when it exists.
    static let followUps = Message(sv: "Uppföljningar", en: "Follow-ups")
}
