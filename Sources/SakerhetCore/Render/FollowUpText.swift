/// The follow-up for the terminal: at most 100 columns, colour when `style` has it.
public enum FollowUpText {
    public static func render(_ r: FollowUp, lang: Lang, style: Style) -> String {
        let sv = lang == .sv
        let l = ReportLabels(lang: lang)
        var out = ""
        func heading(_ s: String) { out += "\n" + style.bold(s.uppercased()) + "\n\n" }
        // A data value outside a table (tables do it themselves): numbers masked, controls shown.
        func v(_ s: String) -> String { SafeText.text(s, lang) }

        if let o = r.organisation { out += v(o) + "\n" }
        out += style.bold(v(r.title ?? (sv ? "Uppföljning" : "Follow-up"))) + "\n"
        var meta = sv ? "Uppföljning per \(r.asOf), period \(r.period.label)" : "Follow-up as of \(r.asOf), period \(r.period.label)"
        if let p = r.version.map(v) { meta += sv ? ", planversion \(p)" : ", plan version \(p)" }
        out += meta + "\n"
        for (label, value) in l.head(r) { out += label + ": " + v(value) + "\n" }
        if r.isPublic {
            let omitted = omittedText(r.omitted, lang), hidden = ReportLabels.hiddenInHistory(r, lang)
            out += (sv ? "Offentlig version" : "Public version") + omitted
                + (omitted.isEmpty && !hidden.isEmpty ? ReportLabels.noneLeftOut(history: true, lang) : "") + hidden + "\n"
        }
        if let notes = r.headNotes { out += "\n" + HistoryText.notes(notes, lang, width: style.width).dropLast() }

        heading(l.summary)
        for (name, c) in l.countRows(r) { out += "  " + pad(name, 18) + countsText(c, lang, style) + "\n" }
        out += "  " + pad(l.risks, 18) + l.riskCounts(r.summary.risks) + "\n"
        // Lines outside tables fit the style's width (100 unless the terminal is narrower).
        let titleWidth = min(52, max(style.width - 34, 16)), halfWidth = min(44, max((style.width - 12) / 2, 16))
        func lines(_ title: String, _ list: [FollowUp.Line], _ days: (Int) -> String) {
            out += "\n" + style.bold(title + " (\(list.count))") + "\n"
            if list.isEmpty { out += "  " + l.none + "\n"; return }
            // The owners' column as wide as its widest cell (two owners, "rtj, ksf"), at most
            // 24 characters, so that the days line up.
            let owners = list.map { v(ownerIDs($0.owner, $0.owners)) }
            let ownerWidth = min(24, owners.reduce(8) { max($0, $1.unicodeScalars.count + 1) })
            // Appended piece by piece: the lists are long, and a sum of strings makes one string per plus.
            for (x, o) in zip(list, owners) {
                out += "  "; out += pad(v(x.id), 6); out += pad(clip(v(x.title), titleWidth), titleWidth)
                out += "  "; out += pad(clip(o, ownerWidth), ownerWidth); out += "  "; out += days(x.days); out += "\n"
            }
        }
        lines(l.overdue, r.summary.overdue) { style.red(lang.daysLate($0)) }
        lines(l.dueSoon(r.window), r.summary.dueSoon) { lang.inDays($0) }
        out += "\n" + style.bold(l.waiting + " (\(r.summary.waiting.count))") + "\n"
        if r.summary.waiting.isEmpty { out += "  " + l.none + "\n" }
        for x in r.summary.waiting {
            out += "  "; out += pad(v(x.id), 6); out += pad(clip(v(x.title), halfWidth), halfWidth)
            out += "  "; out += clip(v(x.reason ?? ""), halfWidth); out += "\n"
        }
        if let moved = r.summary.moved {
            out += "\n" + style.bold(l.movedOnTime + " (\(moved.count))") + "\n"
            for x in moved {
                out += "  "; out += pad(v(x.id), 6); out += pad(clip(v(x.title), halfWidth), halfWidth)
                out += "  "; out += clip(v(l.moveText(x)), halfWidth); out += "\n"
            }
        }

        heading(l.legend)
        for line in l.legendLines(r) {
            out += TextTable.wrap(line, style.width - 4).enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }.joined(separator: "\n") + "\n"
        }

        heading(l.goals)
        var goals = TextTable([.init(l.goal, 5), .init(l.title, 30),
                               .init(l.owner, 8), .init(l.due, 10),
                               .init("Status", 11), .init("Signal", 6), .init(l.belowShort, 6), .init(l.comment, 14)], lang: lang)
        for g in r.goals {
            goals.add([g.id, g.title, ownerIDs(g.owner, g.owners), dueToken(g.due, g.original, lang), status(g.status, g.assumed, lang, alias: g.statusAlias), g.signal.word(lang),
                       l.below(g.below), clip(v(g.shownComment ?? ""), 60)],
                      paint: painters(g.signal, column: 5, style, below: g.below))
        }
        out += goals.render(style: style)

        // Delmål, then an action plan's målområden in a table of their own.
        for (title, rows) in [(l.subgoals, r.subgoals)] + (r.actionAreas.isEmpty ? [] : [(l.actionAreas, r.actionAreas)]) {
            heading(title)
            var subs = TextTable([.init(l.goal, 5), .init("Nr", 4), .init(l.title, 20),
                                  .init(l.doneWhen, 18), .init(l.owner, 6),
                                  .init(l.due, 10), .init("Status", 11), .init("Signal", 6), .init(l.belowShort, 6)], lang: lang)
            for g in rows {
                var when = g.doneWhen ?? ""
                if let c = g.shownComment { when += (when.isEmpty ? "" : "\n") + "(" + clip(v(c), 60) + ")" }
                subs.add([g.parent ?? "–", g.id, g.title, when, ownerIDs(g.owner, g.owners), dueToken(g.due, g.original, lang), status(g.status, g.assumed, lang, alias: g.statusAlias), g.signal.word(lang),
                          l.below(g.below)],
                         paint: painters(g.signal, column: 7, style, below: g.below))
            }
            out += subs.render(style: style)
        }

        heading(l.activityList)
        // The groups' tables in pieces, made at the same time and joined in order.
        out += Pieces(Pieces.cut(Array(r.activityGroups.enumerated()), weight: { $0.element.rows.count }).map { piece in
            { @Sendable in
                var out = ""
                for (i, group) in piece { activityTable(group, first: i == 0, lang: lang, style: style, into: &out) }
                return out
            }
        }).joined()

        if !r.followups.isEmpty {
            heading(l.periodFollowups)
            var t = TextTable([.init("Id", 5), .init(l.indicator, 16), .init(l.target, 10), .init(l.outcome, 10),
                               .init(l.periodWord, 10), .init(l.followupAssessment, 10), .init(l.analysis, 30)], lang: lang)
            for f in r.followups {
                t.add([f.id + " " + f.title, f.indicator ?? "", f.target ?? "", f.outcome ?? "", l.period(f), l.assessment(f), f.analysis ?? ""],
                      paint: f.signal.flatMap { painters($0, column: 5, style) })
            }
            out += t.render(style: style)
        }

        if !r.risks.isEmpty {
            heading(l.risks)
            // The residual risk's column only when the register gives one.
            let residual = r.risks.contains { $0.residualScore != nil }
            var t = TextTable([.init("Id", 4), .init("Risk", 44), .init("S×K", 5), .init(l.level, 10),
                               .init(l.owner, 8), .init("Status", 12), .init(l.actions, 12)] + (residual ? [.init(l.residual, 12)] : []), lang: lang)
            for k in r.risks {
                let sk = (k.likelihood.map { l in k.consequence.map { "\(l)×\($0)" } ?? "" } ?? "") + (Assumed.score(k.assumed) ? l.assumedMark : "")
                t.add([k.id + (k.reviewPassed ? "!" : ""), k.title, sk, k.level?.word(lang) ?? "", k.owner,
                       (k.status?.word(lang) ?? "") + (k.assumed.contains("status") ? l.assumedMark : ""), k.actionsText(lang, separator: " ")]
                      + (residual ? [k.residualText(lang)] : []))
            }
            out += t.render(style: style)
            if r.risks.contains(where: \.reviewPassed) {
                out += sv ? "! = datum för omprövning har passerat\n" : "! = review date passed\n"
            }
            out += "\n" + matrix(r, lang: lang)
        }

        if !r.audits.isEmpty {
            heading(l.audits)
            for (i, a) in r.audits.enumerated() {
                if i > 0 { out += "\n" }
                var head = a.audit
                if let who = a.auditor { head += " (\(who)\(a.year.map { " \($0)" } ?? ""))" }
                out += style.bold(v(head)) + "\n" + l.auditCount(a) + "\n"
                var t = TextTable([.init("Id", 4), .init(l.recommendation, 30),
                                   .init(l.remaining, 22), .init(l.assessment, 9),
                                   .init(l.owner, 8), .init(l.lastDone, 10), .init(l.standingHeader, 14)], lang: lang)
                for f in a.rows {
                    // The kind of finding and its basis, under the recommendation.
                    let about = [f.kind.map { l.findingKind + ": " + $0 }, f.basis.map { l.basis + ": " + $0 }, l.planned(f), f.doneNote].compactMap { $0 }
                    t.add([f.id, ([f.recommendation] + about).joined(separator: "\n"), f.remaining ?? "", (f.assessment?.word(lang) ?? "") + (Assumed.assessment(f.assumed) ? l.assumedMark : ""), ownerIDs(f.owner, f.owners),
                           l.due(f), l.standing(f)])
                }
                out += t.render(style: style)
            }
        }

        heading(l.perOwner)
        if r.owners.isEmpty { out += (sv ? "Ingen har något försenat eller som ska vara klart inom \(lang.days(r.window))." :
                                        "Nobody has anything late or due within \(lang.days(r.window)).") + "\n" }
        for o in r.owners {
            out += style.bold(v(o.ownerName)) + " (\(v(o.owner)))\n"
            let late = "  " + style.red(sv ? "försenad" : "overdue ") + "  ", soon = "  " + (sv ? "snart   " : "due soon") + "  "
            for x in o.overdue {
                out += late; out += pad(v(x.id), 6); out += clip(v(x.title), min(60, style.width - 31))
                out += " ("; out += l.days(x.days); out += ")\n"
            }
            for x in o.dueSoon {
                out += soon; out += pad(v(x.id), 6); out += clip(v(x.title), min(60, style.width - 31))
                out += " ("; out += l.due(x); out += ")\n"
            }
        }
        if let h = r.history { out += HistoryReportText.render(h, lang: lang, style: style) }
        if let note = r.historyNote { heading(l.revisionHistory); out += TextTable.wrap(SafeText.text(note.text(lang), lang), style.width).joined(separator: "\n") + "\n" }
        return out
    }

    /// A row's painters: the signal's colour in `column`; none without colour, so the
    /// text is left as it is.
    static func painters(_ signal: Signal, column: Int, _ style: Style, below: Signal? = nil) -> [@Sendable (String) -> String]? {
        guard style.color else { return nil }
        var list: [@Sendable (String) -> String] = Array(repeating: { $0 }, count: column)
        list.append { style.signal(signal, $0) }
        if let below { list.append { style.signal(below, $0) } }
        return list
    }

    /// The status word, with the marker when the status (or its done date) is assumed.
    static func status(_ s: Status?, _ assumed: [String], _ lang: Lang, alias: String? = nil) -> String {
        ReportLabels(lang: lang).status(s, alias: alias) + (Assumed.status(assumed) ? ReportLabels(lang: lang).assumedMark : "")
    }

    /// One delmål's activities as a table under its heading.
    static func activityTable(_ group: FollowUp.ActivityGroup, first: Bool, lang: Lang, style: Style, into out: inout String) {
        let l = ReportLabels(lang: lang)
        if !first { out += "\n" }
        out += TextTable.wrap(SafeText.text(group.goal + (group.goalTitle.isEmpty ? "" : " " + group.goalTitle), lang), style.width).map(style.bold).joined(separator: "\n") + "\n"
        var t = TextTable([.init(l.activity, 32), .init(l.start, 8),
                           .init(l.lastDone, 10), .init(l.owner, 8),
                           .init("Status", 11), .init("Signal", 6), .init(l.comment, 14)], lang: lang)
        for a in group.rows {
            var comment = a.comment.map { clip(SafeText.text($0, lang), 48) } ?? ""
            if a.daysLate > 0 { comment = lang.daysLate(a.daysLate) + (comment.isEmpty ? "" : "; " + comment) }
            if let note = a.doneNote { comment = note + (comment.isEmpty ? "" : "; " + comment) }
            t.add([a.id + " " + a.title, a.start?.shown(lang) ?? "", dueToken(a.due, a.original, lang), ownerIDs(a.owner, a.owners), status(a.status, a.assumed, lang, alias: a.statusAlias),
                   a.signal.word(lang), comment],
                  paint: painters(a.signal, column: 5, style))
        }
        out += t.render(style: style)
    }

    /// The owners' ids of a row: "rtj, ksf" when it has several.
    static func ownerIDs(_ owner: String, _ owners: [String]?) -> String { owners?.joined(separator: ", ") ?? owner }

    /// "2027-06 (urspr. 2026-09)": the deadline, and the one at the start of the period
    /// when it was moved later since.
    static func dueToken(_ due: Deadline?, _ original: Deadline?, _ lang: Lang) -> String {
        withOriginal(due?.shown(lang) ?? "", original?.shown(lang), lang)
    }

    /// `text` and, when there is one, " (urspr. ORIGINAL)" (" (orig. …)" in English).
    static func withOriginal(_ text: String, _ original: String?, _ lang: Lang) -> String {
        guard let original else { return text }
        return text + (lang == .sv ? " (urspr. " : " (orig. ") + original + ")"
    }

    /// The N×N risk matrix (`risk_scale`): likelihood rows (N at the top), consequence columns.
    public static func matrix(_ r: FollowUp, lang: Lang) -> String {
        let sv = lang == .sv
        let n = r.matrix.count
        let cell = n > 4 ? 12 : 14
        var out = (sv ? "Riskmatris (sannolikhet × konsekvens)" : "Risk matrix (likelihood × consequence)") + "\n"
        let rule = "    +" + String(repeating: String(repeating: "-", count: cell) + "+", count: n) + "\n"
        out += rule
        for l in stride(from: n, through: 1, by: -1) {
            let cells = (1...n).map { c -> String in
                let ids = r.matrix[l - 1][c - 1]
                // Ids that do not fit are cut, after how many there are.
                let all = SafeText.text(ids.joined(separator: " "), lang)
                let text = all.count <= cell - 2 ? all : "\(ids.count): " + all
                return " " + pad(clip(text, cell - 2), cell - 1)
            }
            out += "  \(l) |" + cells.joined(separator: "|") + "|\n" + rule
        }
        out += "     " + (1...n).map { " " + pad("\($0)", cell - 1) }.joined(separator: " ") + "\n"
        out += sv ? "     S = sannolikhet (rader), K = konsekvens (kolumner)\n" : "     L = likelihood (rows), C = consequence (columns)\n"
        return out
    }

    /// "2 gröna, 2 gula, 0 röda av 4".
    public static func auditCount(_ a: FollowUp.AuditGroup, _ lang: Lang, total: Int? = nil) -> String {
        let n = total ?? a.total
        return lang == .sv
            ? "\(a.green) \(a.green == 1 ? "grön" : "gröna"), \(a.yellow) \(a.yellow == 1 ? "gul" : "gula"), \(a.red) \(a.red == 1 ? "röd" : "röda") av \(n)"
            : "\(a.green) green, \(a.yellow) yellow, \(a.red) red of \(n)"
    }

    static func countsText(_ c: FollowUp.Counts, _ lang: Lang, _ style: Style) -> String {
        let sv = lang == .sv
        let l = ReportLabels(lang: lang)
        return [style.green("\(c.green) " + l.signalPlural(.green, c.green)), style.yellow("\(c.yellow) " + l.signalPlural(.yellow, c.yellow)),
                style.red("\(c.red) " + l.signalPlural(.red, c.red)), style.dim("\(c.grey) " + l.signalPlural(.grey, c.grey))]
            .joined(separator: ", ") + (sv ? " av \(c.total)" : " of \(c.total)")
    }

    static func omittedText(_ omitted: [String: Int], _ lang: Lang) -> String {
        let total = omitted.values.reduce(0, +)
        guard total > 0 else { return "" }
        let parts = Kind.allCases.compactMap { k in omitted[k.rawValue].map { "\($0) \(k.word(lang, plural: $0 != 1))" } }
        return lang == .sv ? ": \(total) \(total == 1 ? "post utelämnad" : "poster utelämnade") (\(parts.joined(separator: ", ")); intern eller sekretess)"
                           : ": \(total) \(total == 1 ? "record" : "records") left out (\(parts.joined(separator: ", ")); internal or confidential)"
    }
}

func pad(_ s: String, _ width: Int) -> String {
    let n = s.unicodeScalars.count
    return n >= width ? s + " " : s + String(repeating: " ", count: width - n)
}

/// The first line of `s`, cut to `n` characters with an ellipsis; ` …` marks more lines.
/// The cut is at a blank when there is one in the second half, so a date or a word is
/// not cut in the middle.
func clip(_ s: String, _ n: Int) -> String {
    if n >= 2, let quick = quickClip(s, n) { return quick }
    return clipByCharacters(s, n)
}

/// `clip` character by character: the rule as written first, for any text.
func clipByCharacters(_ s: String, _ n: Int) -> String {
    let c = clipAnywhere(s, n)
    guard c.hasSuffix("…"), !c.hasSuffix(" …"), c.count > 1 else { return c }
    let body = c.dropLast()
    // Cut at the end of a word already: kept.
    if s.dropFirst(body.count).first == " " { return c }
    guard let blank = body.lastIndex(of: " "), body.distance(from: body.startIndex, to: blank) >= n / 2 else { return c }
    return String(body[..<blank]) + " …"
}

/// `clip` in one pass over the bytes (`TextClip.quick`), for text where one scalar is one
/// character: the same result without counting characters; nil for other text.
func quickClip(_ s: String, _ n: Int) -> String? { TextClip.quick(s, n) }

func clipAnywhere(_ s: String, _ n: Int) -> String {
    // Below U+0300 (no combining marks) and without CR, one scalar is one character:
    // the bytes tell the cut (`TextClip.anywhere`). Other text takes the slow way.
    if let quick = TextClip.anywhere(s, n) { return quick }
    let first = s.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    let cut = first.count > n ? String(first.prefix(n - 1)) + "…" : first
    return first.count < s.count && cut == first ? cut + " …" : cut
}
