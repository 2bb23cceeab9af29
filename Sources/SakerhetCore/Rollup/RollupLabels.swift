/// The words of the combined report, shared by its renderers.
struct RollupLabels {
    let lang: Lang
    var sv: Bool { lang == .sv }
    var base: ReportLabels { ReportLabels(lang: lang) }

    var title: String { sv ? "Samlad uppföljning" : "Combined follow-up" }
    var plan: String { sv ? "Plan" : "Plan" }
    var plans: String { sv ? "Planer" : "Plans" }
    var errors: String { sv ? "Fel" : "Errors" }
    var late: String { sv ? "Sena" : "Late" }
    var soon: String { sv ? "Snart" : "Soon" }
    var combinedMatrix: String { sv ? "Riskmatris, alla planer (antal risker per ruta)" : "Risk matrix, all plans (number of risks per cell)" }
    var ownersAcross: String { sv ? "Ansvariga i flera planer" : "Owners across plans" }
    /// Said when no owner of several plans has anything late or due soon.
    var noOwnersAcross: String {
        sv ? "Ingen ansvarig som finns i flera planer har något försenat eller som ska vara klart snart."
           : "No owner who is in several plans has anything overdue or due soon."
    }
    /// The errors that make a plan's figures unreliable: the report runs those checks only,
    /// so the heading says so, and where to see every problem.
    var planErrors: String { sv ? "Fel som gör planens siffror osäkra (alla problem: sakerhet audit)" : "Errors that make the plan's figures unreliable (every problem: sakerhet audit)" }

    /// "2 försenade, 1 snart": the counts of one owner across plans.
    func lateAndSoon(_ o: RollupReport.OwnerAcross) -> String {
        let (late, soon) = (o.overdue.count, o.dueSoon.count)
        return sv ? "\(late) \(late == 1 ? "försenad" : "försenade"), \(soon) snart" : "\(late) overdue, \(soon) due soon"
    }
    var dueSoon: String { sv ? "Klart snart (inom varje plans egen gräns)" : "Due soon (within each plan's own window)" }
    var countsKey: String { sv ? "Antal per signal: grön/gul/röd/grå" : "Counts per signal: green/yellow/red/grey" }

    func head(_ r: RollupReport) -> String {
        let names = r.plans.map(\.name).joined(separator: ", ")
        let n = r.plans.count
        return sv ? "Uppföljning per \(r.asOf), period \(r.period.label), \(n) \(n == 1 ? "plan" : "planer"): \(names)"
                  : "Follow-up as of \(r.asOf), period \(r.period.label), \(n) \(n == 1 ? "plan" : "plans"): \(names)"
    }

    /// The heading of one scale's combined matrix, when the plans use more than one scale:
    /// "Skala 1–5 (2 planer)".
    func scale(_ m: RollupReport.CombinedMatrix) -> String {
        sv ? "Skala 1–\(m.scale) (\(m.plans) \(m.plans == 1 ? "plan" : "planer"))" : "Scale 1–\(m.scale) (\(m.plans) \(m.plans == 1 ? "plan" : "plans"))"
    }

    /// Said under the matrices when there are several.
    var scalesApart: String {
        sv ? "Planerna använder olika riskskalor; varje skala har sin egen matris, eftersom en 4 på skalan 1–4 inte är en 4 på skalan 1–5."
           : "The plans use different risk scales; each scale has its own matrix, as a 4 on the 1–4 scale is not a 4 on the 1–5 scale."
    }

    var publicNote: String {
        sv ? "Offentlig version: varje plans poster som är intern eller sekretess är utelämnade."
           : "Public version: each plan's records classified intern or sekretess are left out."
    }

    /// "12/3/1/0".
    static func slash(_ c: FollowUp.Counts) -> String { "\(c.green)/\(c.yellow)/\(c.red)/\(c.grey)" }

    func riskCell(_ c: FollowUp.RiskCounts) -> String { base.riskCounts(c) }

    func planHeading(_ p: RollupReport.PlanPart) -> String {
        "Plan: " + p.name + (p.name.hasSuffix("(\(p.folder))") ? "" : " (" + p.folder + ")")
    }

    func errorCount(_ n: Int) -> String {
        sv ? (n == 1 ? "1 fel" : "\(n) fel") : (n == 1 ? "1 error" : "\(n) errors")
    }

    func ownerPlans(_ o: RollupReport.OwnerAcross) -> String {
        zip(o.plans, o.ids).map { "\($0) (\($1))" }.joined(separator: ", ")
    }
}
