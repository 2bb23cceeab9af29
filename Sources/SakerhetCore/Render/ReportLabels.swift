/// The words of the follow-up report, shared by the Markdown and HTML renderers.
struct ReportLabels {
    let lang: Lang
    /// Put before each HTML section's id: in a combined report, each plan's sections have
    /// ids of their own (`p3-mal`).
    var sectionPrefix = ""
    var sv: Bool { lang == .sv }

    var followUp: String { sv ? "Uppföljning" : "Follow-up" }
    var summary: String { sv ? "Sammanfattning" : "Summary" }
    var goals: String { sv ? "Mål" : "Goals" }
    var subgoals: String { sv ? "Delmål" : "Sub-goals" }
    var actionAreas: String { sv ? "Målområden" : "Action-plan areas" }
    var activityList: String { sv ? "Aktivitetslista" : "Activity list" }
    var activities: String { sv ? "Aktiviteter" : "Activities" }
    var risks: String { sv ? "Risker" : "Risks" }
    var riskMatrix: String { sv ? "Riskmatris" : "Risk matrix" }
    var audits: String { sv ? "Revisionens rekommendationer" : "Audit recommendations" }
    var perOwner: String { sv ? "Per ansvarig" : "Per owner" }
    var revisionHistory: String { sv ? "Revisionshistorik" : "Revision history" }
    var changes: String { sv ? "Förändringar under perioden" : "Changes in the period" }
    var slips: String { sv ? "Förskjutna tidplaner" : "Deadline slips" }
    var overdue: String { sv ? "Försenade" : "Overdue" }
    func dueSoon(_ window: Int) -> String { (sv ? "Ska vara klart inom " : "Due within ") + lang.days(window) }
    var waiting: String { sv ? "Väntar" : "Waiting" }
    /// The summary's list of records gul for a moved deadline alone (`Summary.moved`).
    var movedOnTime: String { sv ? "Flyttade sedan periodens början, i tid mot det nya slutdatumet" : "Moved since the period began, on time by the new deadline" }
    var movedColumn: String { sv ? "Flyttad" : "Moved" }

    /// "2026-12 → löpande": where a moved record's deadline went in the period.
    func moveText(_ x: FollowUp.Line) -> String {
        (x.original?.shown(lang) ?? "?") + " → " + (x.due?.shown(lang) ?? "?")
    }
    var none: String { sv ? "Inga." : "None." }
    var total: String { sv ? "Totalt" : "Total" }
    var findings: String { sv ? "Rekommendationer" : "Recommendations" }
    var legend: String { sv ? "Teckenförklaring" : "Legend" }
    /// The column beside a goal's own status: the worst signal open below it.
    var below: String { sv ? "Öppet under" : "Open below" }
    /// The same column's heading where the width is short (text tables, lists).
    var belowShort: String { sv ? "Under" : "Below" }
    func below(_ s: Signal?) -> String { s?.word(lang) ?? "–" }
    /// The marker beside a value that no source gives (`assumed`), and its word.
    var assumedMark: String { "*" }
    var assumedWord: String { sv ? "antaget" : "assumed" }

    /// "2 mycket hög, 7 hög, 3 medel, 0 låg av 12": the risks by level.
    func riskCounts(_ c: FollowUp.RiskCounts) -> String {
        var parts = [(RiskLevel.veryHigh, c.veryHigh), (.high, c.high), (.medium, c.medium), (.low, c.low)].map { "\($0.1) \($0.0.word(lang))" }
        if c.unscored > 0 { parts.append("\(c.unscored) " + (sv ? "utan poäng" : "unscored")) }
        if c.closed > 0 { parts.append("\(c.closed) " + (sv ? (c.closed == 1 ? "stängd" : "stängda") : "closed")) }
        return parts.joined(separator: ", ") + (sv ? " av \(c.total)" : " of \(c.total)")
    }

    /// The rows of the summary that count by signal, each kind as what it is.
    func countRows(_ r: FollowUp) -> [(String, FollowUp.Counts)] {
        [(goals, r.summary.goals), (subgoals, r.summary.subgoals)]
            + (r.summary.actionAreas.total > 0 ? [(actionAreas, r.summary.actionAreas)] : [])
            + [(activities, r.summary.activities), (findings, r.summary.findings)]
    }

    /// How the report's signals are computed, one sentence a line.
    func legendLines(_ r: FollowUp) -> [String] {
        sv ? [
            "Signal: röd = försenad (slutdatumets period har passerat och posten är varken klar eller struken); gul = ska vara klar inom \(lang.days(r.window)), vilande, eller utan känt slutdatum (? eller inget); grön = klar eller i tid; grå = struken.",
            "Öppet under (Under i smala tabeller): för ett mål eller delmål den sämsta signalen (röd före gul före grön) bland de öppna delmål, aktiviteter och rekommendationer som ligger under det, också under delmål som är klara; en rekommendation ligger under målet när dess åtgärd (action) är en av målets aktiviteter. – = inget öppet. Status och Signal är målets egna.",
            "\(assumedMark) = antaget: värdet anges inte av källan utan är härlett eller bedömt av den som för planen (fältet assumed).",
        ] : [
            "Signal: red = overdue (the deadline's period has ended and the record is neither done nor cancelled); yellow = due within \(lang.days(r.window)), on hold, or without a known deadline (? or none); green = done or on track; grey = cancelled.",
            "Open below (Below in narrow tables): for a goal or sub-goal, the worst signal (red before yellow before green) among the open sub-goals, activities and recommendations below it, also below sub-goals that are done; a recommendation is below the goal when its action is one of the goal's activities. – = nothing open. Status and Signal are the goal's own.",
            "\(assumedMark) = assumed: no source gives the value; whoever keeps the plan derived or judged it (the field assumed).",
        ]
    }

    var id: String { "Id" }

    // The committee paper's head, and the period follow-up (issue 14).
    var periodFollowups: String { sv ? "Periodens uppföljning" : "Follow-up of the period" }
    var indicator: String { sv ? "Indikator" : "Indicator" }
    var target: String { sv ? "Målvärde" : "Target" }
    var outcome: String { sv ? "Utfall" : "Outcome" }
    var followupAssessment: String { sv ? "Bedömning" : "Assessment" }
    var analysis: String { sv ? "Analys" : "Analysis" }
    var periodWord: String { "Period" }
    var findingKind: String { sv ? "Typ" : "Kind" }
    var basis: String { sv ? "Grund" : "Basis" }

    /// Diarienummer, sammanträde, upprättad av: the head's lines that config.rec gives.
    func head(_ r: FollowUp) -> [(String, String)] {
        var out: [(String, String)] = []
        if let c = r.caseNumber { out.append((sv ? "Diarienummer" : "Case number", c)) }
        if let m = r.meeting { out.append((sv ? "Sammanträde" : "Meeting", m.description)) }
        if let p = r.preparedBy { out.append((sv ? "Upprättad av" : "Prepared by", p)) }
        return out
    }

    /// "2027-T1", "senaste: 2027-T1" for the latest follow-up before the period, or "hela
    /// 2027" for one of a longer period that covers the report's.
    func period(_ f: FollowUp.FollowupRow) -> String {
        f.period.isEmpty ? "–" : f.isEarlier ? (sv ? "senaste: " : "latest: ") + f.period
            : f.isBroader ? (sv ? "hela " : "all of ") + f.period : f.period
    }

    /// The follow-up's assessment word in the report's language.
    func assessment(_ f: FollowUp.FollowupRow) -> String { FollowUpAssessment.word(f.assessment, lang) }
    var title: String { sv ? "Beskrivning" : "Description" }
    var doneWhen: String { sv ? "Anses klart när" : "Done when" }
    var owner: String { sv ? "Ansvarig" : "Owner" }
    var due: String { sv ? "Slutdatum" : "Due" }
    var start: String { sv ? "Påbörjas" : "Starts" }
    var lastDone: String { sv ? "Senast klart" : "Due" }
    var status: String { "Status" }
    var signal: String { "Signal" }
    var comment: String { sv ? "Kommentar" : "Comment" }
    var activity: String { sv ? "Aktivitet" : "Activity" }
    var goalNr: String { "Nr" }
    var goal: String { sv ? "Mål" : "Goal" }
    var daysLate: String { sv ? "Dagar sen" : "Days late" }
    var daysLeft: String { sv ? "Dagar kvar" : "Days left" }
    var reason: String { sv ? "Skäl" : "Reason" }
    var risk: String { "Risk" }
    var likelihood: String { sv ? "Sannolikhet" : "Likelihood" }
    var consequence: String { sv ? "Konsekvens" : "Consequence" }
    var score: String { sv ? "Poäng" : "Score" }
    var level: String { sv ? "Nivå" : "Level" }
    var actions: String { sv ? "Åtgärder" : "Actions" }
    var review: String { sv ? "Omprövas" : "Review" }
    /// The risk left after the actions (`residual_likelihood` × `residual_consequence`).
    var residual: String { sv ? "Kvarvarande risk" : "Residual risk" }
    var reviewPassed: String { sv ? "omprövningsdatum passerat" : "review date passed" }
    var recommendation: String { sv ? "Rekommendation" : "Recommendation" }
    var response: String { sv ? "Nämndens svar" : "Committee's response" }
    var progress: String { sv ? "Vad har åtgärdats" : "Progress" }
    var remaining: String { sv ? "Vad kvarstår" : "Remaining" }
    var assessment: String { sv ? "Bedömning" : "Assessment" }
    var nobodyLate: String { sv ? "Ingen har något försenat eller som snart ska vara klart." : "Nobody has anything overdue or due soon." }

    func asOf(_ r: FollowUp) -> String {
        var s = sv ? "Uppföljning per \(r.asOf) · period \(r.period.label)" : "Follow-up as of \(r.asOf) · period \(r.period.label)"
        if let v = r.version { s += sv ? " · planversion \(v)" : " · plan version \(v)" }
        return s
    }

    func days(_ n: Int) -> String { lang.days(n) }

    /// The auditors' colours of one audit, said to be theirs: the summary's colours above are
    /// the records' signals, which differ ("Revisionens bedömning: 1 grön, 1 gul, 1 röd av 3").
    func auditCount(_ a: FollowUp.AuditGroup, total: Int? = nil) -> String {
        (sv ? "Revisionens bedömning: " : "The auditors' assessment: ") + FollowUpText.auditCount(a, lang, total: total)
    }

    /// A recommendation's deadline, with the one at the start of the period when moved.
    func due(_ f: FollowUp.FindingRow) -> String { FollowUpText.dueToken(f.due, f.original, lang) }

    /// "Först planerad till 2025-06." for a recommendation moved before the period began,
    /// in the words of an activity's comment; every format puts it under the recommendation.
    func planned(_ f: FollowUp.FindingRow) -> String? {
        f.planned.map { (sv ? "Först planerad till " : "First planned for ") + $0.shown(lang) + "." }
    }

    /// A recommendation's status and signal: "pågår, röd (40 dagar sen)", "klar, grön".
    func standing(_ f: FollowUp.FindingRow) -> String {
        let st = status(f.status, alias: f.statusAlias)
        return (st.isEmpty ? "" : st + ", ") + f.signal.word(lang) + (f.daysLate > 0 ? " (" + lang.daysLate(f.daysLate) + ")" : "")
    }
    var standingHeader: String { sv ? "Status och signal" : "Status and signal" }

    /// A summary line's deadline, its last day, with the one at the start of the period when
    /// it has moved since: "2025-06-30 (urspr. 2025-03-31)".
    func due(_ x: FollowUp.Line) -> String {
        FollowUpText.withOriginal(x.due?.lastDay?.description ?? "", x.original.map { $0.lastDay?.description ?? $0.shown(lang) }, lang)
    }

    func late(_ n: Int) -> String { lang.daysLate(n) }

    /// A record due soon in the owners' section, in words as well as in colour (a reader who
    /// cannot tell the colours apart reads it): "snart, senast 2024-11-28".
    func soon(_ x: FollowUp.Line) -> String { (sv ? "snart, senast " : "soon, by ") + due(x) }

    func publicNote(_ r: FollowUp) -> String? {
        guard r.isPublic else { return nil }
        let total = r.omitted.values.reduce(0, +)
        let history = ReportLabels.hiddenInHistory(r, lang)
        if total == 0 { return (sv ? "Offentlig version" : "Public version") + ReportLabels.noneLeftOut(history: !history.isEmpty, lang) + history }
        let parts = Kind.allCases.compactMap { k in r.omitted[k.rawValue].map { "\($0) \(k.word(lang, plural: $0 != 1))" } }
        return (sv ? "Offentlig version: \(total) \(total == 1 ? "post utelämnad" : "poster utelämnade") (\(parts.joined(separator: ", "))) eftersom \(total == 1 ? "den är klassad" : "de är klassade") intern eller sekretess (OSL 18 kap. 8 §)."
                   : "Public version: \(total) \(total == 1 ? "record" : "records") left out (\(parts.joined(separator: ", "))) as \(total == 1 ? "it is" : "they are") classified internal or confidential.") + history
    }

    /// ": inga poster utelämnade.", or, when the history leaves some out, ": inga poster
    /// utelämnade ur tabellerna.": the head never says nothing is left out when something is.
    static func noneLeftOut(history: Bool, _ lang: Lang) -> String {
        lang == .sv ? (history ? ": inga poster utelämnade ur tabellerna." : ": inga poster utelämnade.")
                    : (history ? ": no records left out of the tables." : ": no records left out.")
    }

    /// " Historiken utelämnar 2 poster …": records open now whose history in the period is
    /// left out, since they were classified then; empty when none.
    static func hiddenInHistory(_ r: FollowUp, _ lang: Lang) -> String {
        guard let n = r.history?.hiddenInHistory, n > 0 else { return "" }
        return lang == .sv
            ? " Historiken utelämnar \(n == 1 ? "1 post" : "\(n) poster") som var \(n == 1 ? "klassad" : "klassade") intern eller sekretess under perioden."
            : " The history leaves out \(n == 1 ? "1 record" : "\(n) records") classified internal or confidential during the period."
    }

    func counts(_ c: FollowUp.Counts) -> [(Signal, Int)] { [(.green, c.green), (.yellow, c.yellow), (.red, c.red), (.grey, c.grey)] }

    func signalPlural(_ s: Signal, _ n: Int) -> String {
        guard sv else { return s.word(.en) }
        switch s {
        case .green: return n == 1 ? "grön" : "gröna"
        case .yellow: return n == 1 ? "gul" : "gula"
        case .red: return n == 1 ? "röd" : "röda"
        case .grey: return "grå"
        }
    }

    /// The activity's status word, or the goal's.
    func status(_ s: Status?) -> String { s?.word(lang) ?? "" }
    /// In Swedish the word the file gives (an alias such as `genomförd` is shown as given);
    /// in English the English word.
    func status(_ s: Status?, alias: String?) -> String { sv ? (alias ?? status(s)) : status(s) }
}

/// The line a command prints after it wrote a file with `-o`: what, in which format, how
/// large, and where ("Skrev uppföljningen (HTML, 58 kB) till rapport.html").
public enum WroteFile {
    public static let followUp = Message(sv: "uppföljningen", en: "the follow-up")
    public static let workbook = Message(sv: "arbetsboken", en: "the workbook")

    public static func line(_ what: Message, format: String, bytes: Int, path: String, lang: Lang) -> String {
        let sv = lang == .sv
        let size: String
        if bytes < 1_000 { size = "\(bytes) byte" + (sv || bytes == 1 ? "" : "s") }
        else if bytes < 1_000_000 { size = "\((bytes + 500) / 1_000) kB" }
        else {
            let tenths = (bytes + 50_000) / 100_000
            size = "\(tenths / 10)\(sv ? "," : ".")\(tenths % 10) MB"
        }
        return (sv ? "Skrev " : "Wrote ") + what.text(lang) + " (\(format), \(size))" + (sv ? " till " : " to ") + path
    }
}
