/// `show ID`: the record as written, then what the tool computes about it.
public enum ShowRender {
    /// `baselines` (from git) give a moved deadline's original and raise its signal.
    public static func text(_ data: DataSet, _ ref: RecordRef, asOf: Day, lang: Lang, style: Style,
                            baselines: Baselines = Baselines()) -> String {
        let sv = lang == .sv
        let record = data.record(ref)
        // The path is data too (a folder's name may hold a control character or a number).
        var out = style.dim("\(SafeText.text(data.path(ref.kind), lang)):\(record.line)") + "\n"
        let width = (record.fields.map(\.key.count).max() ?? 0) + 2
        // On a terminal (or with COLUMNS) a long value wraps within the width, under itself.
        func fit(_ line: String, _ indent: Int) -> [String] {
            guard style.fitted, line.unicodeScalars.count + indent > style.width, style.width - indent >= 20 else { return [line] }
            return TextTable.wrap(line, style.width - indent)
        }
        for f in record.fields {
            let lines = SafeText.text(f.value, lang).split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { (l: Substring) -> [String] in fit(String(l), width + 1) }
            out += style.bold(pad(f.key + ":", width)) + (lines.first ?? "") + "\n"
            for l in lines.dropFirst() { out += String(repeating: " ", count: width + 1) + l + "\n" }
        }
        out += "\n"
        let window = data.config.soonDays
        var facts: [(String, String)] = []
        // Each owner once, as the record counts them (the same owner twice is a warning).
        var owners: [String] = []
        for o in record.values(.owner) where !o.isEmpty && !owners.contains(o) { owners.append(o) }
        if !owners.isEmpty {
            facts.append((sv ? (owners.count > 1 ? "Ansvariga" : "Ansvarig") : (owners.count > 1 ? "Owners" : "Owner"),
                          SafeText.text(owners.map { data.ownerName($0) }.joined(separator: ", "), lang)))
        }
        if let s = data.scheduled(ref) {
            let original = baselines.original(ref.kind, s.id, current: s.due)
            let sig = Baselines.signal(s.signal(asOf: asOf, window: window), moved: original != nil, status: s.status(asOf: asOf),
                                       movedGreen: data.config.movedGreen)
            var text = style.signal(sig, sig.word(lang))
            if s.isOverdue(asOf: asOf) { text += sv ? ", försenad " + lang.days(s.daysLate(asOf: asOf)) : ", " + lang.days(s.daysLate(asOf: asOf)) + " overdue" }
            else if s.isDueSoon(asOf: asOf, window: window), let last = s.deadline(on: asOf)?.lastDay {
                text += (sv ? ", klar senast " : ", due ") + lang.inDays(asOf.days(until: last))
            }
            facts.append(("Signal", text))
            if let d = s.deadline(on: asOf), let last = d.lastDay { facts.append((sv ? "Sista dag" : "Last day", last.description)) }
            if let o = original, let d = s.deadline(on: asOf) {
                facts.append((sv ? "Ursprungligt slutdatum" : "Original deadline",
                              o.shown(lang) + (sv ? " (flyttat till \(d.shown(lang)))" : " (moved to \(d.shown(lang)))")))
            }
        }
        if ref.kind == .activity {
            let a = data.activities[ref.index]
            if let g = data.goal(a.goal) { facts.append((sv ? "Mål" : "Goal", SafeText.text("\(g.id) \(g.title)", lang))) }
            if a.every != nil, let now = a.deadline(on: asOf), now != a.due {
                // Later than `due`: a completion moved it on; earlier: a completion after the
                // day has moved `due` past the period due that day.
                var later = true
                if let n = now.firstDay, let d = a.due?.firstDay { later = n > d }
                // A standing control's deadline is the period it owes a check, ended unchecked.
                if a.isStandingControl {
                    facts.append((sv ? "Period utan registrerad kontroll" : "Period with no check recorded", now.shown(lang)))
                } else {
                    facts.append((later ? (sv ? "Nästa period" : "Next period") : (sv ? "Period som gäller på dagen" : "Period due on the day"), now.shown(lang)))
                }
            }
            let risks = data.risks.filter { $0.actions.contains(a.id) }.map(\.id)
            if !risks.isEmpty { facts.append((sv ? "Behandlar risk" : "Treats risk", SafeText.text(risks.joined(separator: ", "), lang))) }
        }
        if ref.kind == .goal {
            let g = data.goals[ref.index]
            let subs = data.goals.filter { $0.parent == g.id }.map(\.id)
            if !subs.isEmpty { facts.append((sv ? "Delmål" : "Sub-goals", SafeText.text(subs.joined(separator: ", "), lang))) }
            let acts = data.activities.filter { $0.goal == g.id }.map(\.id)
            if !acts.isEmpty { facts.append((sv ? "Aktiviteter" : "Activities", SafeText.text(acts.joined(separator: ", "), lang))) }
            // The goal's own status beside what is open below it.
            let tree = GoalChildren(data)
            let open = tree.children(of: ref.index, in: data).filter(\.isOpen).map { $0.id(data) }
            if let below = tree.openSignals(data, asOf: asOf, window: window, baselines: baselines)[ref.index] {
                facts.append((ReportLabels(lang: lang).below, style.signal(below, below.word(lang)) + (open.isEmpty ? "" : " (" + SafeText.text(open.joined(separator: ", "), lang) + ")")))
            } else {
                facts.append((ReportLabels(lang: lang).below, sv ? "inget" : "nothing"))
            }
        }
        if ref.kind == .risk {
            let r = data.risks[ref.index]
            if let s = r.score, let l = data.level(of: r) { facts.append((sv ? "Poäng" : "Score", "\(s) (\(l.word(lang)))")) }
            if r.isReviewPassed(asOf: asOf) { facts.append((sv ? "Omprövning" : "Review", style.yellow(sv ? "datum passerat" : "review date passed"))) }
            let off = FollowUp.actionsOffTrack(r.actions, data, asOf: asOf)
            if !off.isEmpty {
                facts.append((sv ? "Åtgärder ur plan" : "Actions off plan",
                              style.yellow(SafeText.text(off.map { $0.text(lang) }.joined(separator: ", "), lang))))
            }
        }
        let fw = (facts.map(\.0.count).max() ?? 0) + 2
        for (k, v) in facts {
            let lines = fit(v, fw)
            out += style.dim(pad(k + ":", fw)) + lines[0] + "\n"
            for l in lines.dropFirst() { out += String(repeating: " ", count: fw) + l + "\n" }
        }
        let diags = Checks.run(data, asOf: asOf).filter { $0.kind == ref.kind && $0.recordID == record.value(.id) }
        for d in diags { out += DiagnosticText.line(d, data: data, lang: lang, style: style) + "\n" }
        return out
    }
}
