extension FollowUp {
    /// Adds the history sections, or the reason they are left out.
    public mutating func attach(history: Result<HistoryReport, StoreError>) {
        switch history {
        case .success(let h):
            self.history = h
            headNotes = h.headWarnings
            // The head names the version in force on the report's date.
            if let then = h.versionAtDate { version = then }
        case .failure(let e):
            historyNote = Message(sv: "Historiken från git visas inte: " + e.message.sv, en: "The history from git is not shown: " + e.message.en)
        }
    }

    /// Says at the head of the report that errors in the plan's files make its figures
    /// unreliable (`Checks.reportErrors`): how many, and where the first ones are, so that a
    /// reader of the report is not told that a record with a deadline it cannot read has
    /// none, or that nothing is late, without a word. Every format shows it as a head note.
    public mutating func attach(errors: [Diagnostic]) {
        guard !errors.isEmpty else { return }
        func places(_ lang: Lang) -> String {
            let shown = errors.prefix(3).map { SafeText.text($0.file, lang) + ":" + String($0.line) }
            return shown.joined(separator: ", ") + (errors.count > 3 ? (lang == .sv ? " m.fl." : " and more") : "")
        }
        let n = errors.count
        let note = Message(sv: "\(n) fel i planens filer gör rapportens siffror osäkra (\(places(.sv))); en post med ett fel kan saknas i listorna eller stå utan slutdatum. Kör sakerhet audit och rätta felen",
                           en: "\(n) \(n == 1 ? "error" : "errors") in the plan's files make the report's figures unreliable (\(places(.en))); a record with an error may be missing from the lists or stand without a deadline. Run sakerhet audit and correct them")
        headNotes = [note] + (headNotes ?? [])
    }

    /// Computes the follow-up as of `asOf` for `period` (default: the year of `asOf`).
    /// With `isPublic`, records classified `intern` or `sekretess` are left out, counted per kind.
    /// `baselines` (from git) give each moved record its original deadline and its signal.
    public static func make(_ data: DataSet, asOf: Day, period: Period? = nil, isPublic: Bool = false,
                            lang: Lang = .sv, baselines: Baselines = Baselines()) -> FollowUp {
        let window = data.config.soonDays
        let movedGreen = data.config.movedGreen
        /// The original deadline of a moved record, and its signal raised to at least gul.
        @Sendable func moved(_ kind: Kind, _ id: String, _ due: Deadline?, _ status: Status?, _ signal: Signal) -> (Deadline?, Signal) {
            guard !baselines.isEmpty, let original = baselines.original(kind, id, current: due) else { return (nil, signal) }
            return (original, Baselines.signal(signal, moved: true, status: status, movedGreen: movedGreen))
        }
        var omitted: [String: Int] = [:]
        func keep<T: Item>(_ items: [T]) -> [T] {
            guard isPublic else { return items }
            return items.filter {
                if $0.classification == .open { return true }
                omitted[$0.ref.kind.rawValue, default: 0] += 1
                return false
            }
        }
        let goals = keep(data.goals)
        let activities = keep(data.activities)
        let risks = keep(data.risks)
        let findings = keep(data.findings)
        // A public report names no record it leaves out: not as a sub-goal's parent, an
        // activity group's heading or a risk's action. Ids of no record are left out too
        // (they may be records deleted since).
        let shown: Set<String>? = isPublic ? Set(goals.map(\.id) + activities.map(\.id) + risks.map(\.id) + findings.map(\.id)) : nil
        /// All owners' names: "Räddningstjänsten och Kommunstyrelsens förvaltning".
        let names: @Sendable ([String]) -> String = { ids in ids.count == 1 ? data.ownerName(ids[0]) : joinedNames(ids.map(data.ownerName), lang) }

        /// An activity's comment: its progress ("Framsteg: 60 %") before its reason or note.
        @Sendable func comment(_ text: String?, progress: String?) -> String? {
            guard let progress else { return text }
            let p = (lang == .sv ? "Framsteg: " : "Progress: ") + progress
            return text.map { p + ". " + $0 } ?? p
        }
        /// An open record moved before the period began keeps its first deadline in view:
        /// "Först planerad till 2024-10-31." before its comment.
        @Sendable func withPlanned(_ comment: String?, _ kind: Kind, _ id: String, due: Deadline?, original: Deadline?,
                                   status: Status?) -> (String?, Deadline?) {
            guard !baselines.isEmpty, !(status?.isClosed ?? false),
                  let first = baselines.planned(kind, id, current: due, original: original) else { return (comment, nil) }
            let note = (lang == .sv ? "Först planerad till " : "First planned for ") + first.shown(lang) + "."
            return (comment.map { note + " " + $0 } ?? note, first)
        }
        @Sendable func dueText(_ d: Deadline?, reason: String?) -> String {
            guard let d else { return "" }
            if d.isUnknown, let reason { return reason }
            return d.phrase(lang)
        }
        /// "juni 2027 (ursprungligen september 2026)".
        @Sendable func withOriginal(_ text: String, _ original: Deadline?) -> String {
            guard let original else { return text }
            let phrase = original.phrase(lang)
            return text + (lang == .sv ? " (ursprungligen " + phrase.prefix(1).lowercased() + phrase.dropFirst() : " (originally " + phrase) + ")"
        }
        /// What the report says of a record done late or done after the report's date.
        /// A done period (`done: 2025-Q2`) says only that it was done some day in it: it is
        /// after the report's date only when the whole period is, and late by at least the
        /// days to its first day, said as such.
        /// An assumed done date (`assumed: done`) carries the mark where it is said.
        @Sendable func doneNote(_ kind: Kind, _ id: String, done period: Deadline?, due current: Deadline?, status: Status?,
                                assumed: [String] = []) -> (days: Int, note: String?) {
            guard status == .done else { return (0, nil) }
            // Late by the deadline in force when it was marked done: one moved later since
            // does not make the work done on time.
            let due = baselines.atClosing(kind, id, current: current) ?? current
            let sv = lang == .sv
            // `klar` with no done date (the `done-date` check's error): said where the row is
            // read, so that its green is not taken for a completion on time.
            guard let period, let first = period.firstDay, let done = period.lastDay else {
                return (0, sv ? "klardatum saknas" : "no done date")
            }
            let mark = Assumed.done(assumed) ? ReportLabels(lang: lang).assumedMark : ""
            let isDay = first == done
            if first > asOf {
                return (0, sv ? "klardatum \(period.token)\(mark) ligger efter rapportdagen" : "done date \(period.token)\(mark) is after the report's date")
            }
            guard let last = due?.lastDay, last < first else { return (0, nil) }
            let days = last.days(until: first)
            let late = isDay ? lang.daysLate(days) : (sv ? "minst " : "at least ") + lang.daysLate(days)
            return (days, (sv ? "klar \(period.token)\(mark), " : "done \(period.token)\(mark), ") + late)
        }
        /// A recurring control whose occurrence in the period (by the report's date) found a
        /// deviation says so where its row is read, not only in the history: "avvikelse vid
        /// tillfället 2027-Q1 (2027-02-10)", and how many when more than one. An occurrence is
        /// in the period when it was done in it, or when it completes a period that overlaps
        /// it (Q1's control done late, on 2027-04-20, is in Q1's report made after that day).
        /// A standing control (`due: löpande`) that has missed a period says that too
        /// (`Recurrence.missed`, the `missed-occurrence` check).
        let span = period ?? .year(of: asOf)
        @Sendable func recurringNote(_ ref: RecordRef, every: Recurrence, standing: Bool, start: Deadline?, done: Day?) -> String? {
            let all = data.record(ref).values(.occurrence).compactMap(Occurrence.init)
            let sv = lang == .sv
            var notes: [String] = []
            let found = all.filter { o in
                guard o.outcome == .deviation, o.done <= asOf else { return false }
                if span.first <= o.done && o.done <= span.last { return true }
                guard let p = Deadline(token: o.period), let first = p.firstDay, let last = p.lastDay else { return false }
                return first <= span.last && span.first <= last
            }
            if let last = found.max(by: { $0.done < $1.done }) {
                let more = found.count > 1 ? (sv ? " (\(found.count) avvikelser i perioden)" : " (\(found.count) deviations in the period)") : ""
                notes.append((sv ? "avvikelse vid tillfället \(last.period) (\(last.done))" : "deviation at occurrence \(last.period) (\(last.done))") + more)
            }
            if standing, let missed = every.missed(all, start: start, done: done, asOf: asOf) {
                notes.append(sv ? "inget tillfälle registrerat för \(missed.text(lang)) (slutade \(missed.ended))"
                                : "no occurrence recorded for \(missed.text(lang)) (ended \(missed.ended))")
            } else if standing, every.owed(all, start: start, done: done, asOf: asOf) == nil {
                // Green for want of anything to count from, not for checks done: said.
                notes.append(sv ? "inget tillfälle registrerat och ingen start angiven" : "no occurrence recorded and no start given")
            }
            return notes.isEmpty ? nil : notes.joined(separator: "; ")
        }
        /// Why a record has no deadline: none is written, or the one written cannot be read.
        @Sendable func noDeadline(_ ref: RecordRef) -> String {
            let written = data.record(ref).value(.due).map { !$0.isEmpty } ?? false
            switch (written, lang) {
            case (false, .sv): return "Inget slutdatum"
            case (false, .en): return "No deadline"
            case (true, .sv): return "Slutdatumet kan inte läsas (sakerhet audit)"
            case (true, .en): return "The deadline cannot be read (sakerhet audit)"
            }
        }
        @Sendable func line<T: Scheduled>(_ item: T, days: Int) -> Line {
            Line(kind: item.ref.kind, id: item.id, title: item.title, owner: item.owner, ownerName: names(item.owners),
                 due: item.deadline(on: asOf), days: days,
                 // A record waiting for want of any deadline says so where a `?` gives its reason.
                 reason: item.reason ?? (item.deadline == nil ? noDeadline(item.ref) : nil), owners: item.owners.count > 1 ? item.owners : nil,
                 original: baselines.isEmpty ? nil : baselines.original(item.ref.kind, item.id, current: item.due))
        }

        var summary = Summary()
        // Goals, then activities, then findings; each kind as itself, not boxed as
        // `any Scheduled`.
        func collect<T: Scheduled>(_ items: [T], counts: Bool = false) {
            for i in items.indices {
                let standing = items[i].standing(asOf: asOf, window: window)
                let signal = baselines.isEmpty ? standing.signal
                    : moved(items[i].ref.kind, items[i].id, items[i].due, items[i].status(asOf: asOf), standing.signal).1
                if counts { summary.activities.add(signal) }
                if standing.isOverdue { summary.overdue.append(line(items[i], days: standing.daysLate)) }
                else if standing.isDueSoon { summary.dueSoon.append(line(items[i], days: standing.daysLeft)) }
                if standing.isWaiting { summary.waiting.append(line(items[i], days: 0)) }
                // Gul for its move alone: listed, so that every gul of the counts is in a list.
                if standing.signal == .green, signal == .yellow {
                    if summary.moved == nil { summary.moved = [] }
                    // On time: `days` is the days left to the new deadline, as a Line's are.
                    let left = items[i].deadline(on: asOf)?.lastDay.map { max(0, asOf.days(until: $0)) } ?? 0
                    summary.moved!.append(line(items[i], days: left))
                }
            }
        }
        collect(goals)
        collect(activities, counts: true)
        collect(findings)
        summary.overdue = sortedByDays(summary.overdue, latestFirst: true)
        summary.dueSoon = sortedByDays(summary.dueSoon, latestFirst: false)

        let activityAssumed = data.assumedByIndex(.activity), goalAssumed = data.assumedByIndex(.goal)
        // The worst signal open below each goal, by the goal's place in `data.goals`.
        let below = GoalChildren(data).openSignals(data, asOf: asOf, window: window, onlyOpen: isPublic, baselines: baselines)
        func goalRow(_ g: Goal) -> GoalRow {
            let judged = g.status(asOf: asOf)
            let (original, signal) = moved(.goal, g.id, g.due, judged, g.signal(asOf: asOf, window: window))
            let (noted, planned) = withPlanned(g.reason ?? g.note, .goal, g.id, due: g.due, original: original, status: judged)
            var row = GoalRow(id: g.id, parent: g.parent.flatMap { shown?.contains($0) == false ? nil : $0 }, title: g.title, doneWhen: g.doneWhen,
                           owner: g.owner, ownerName: names(g.owners),
                           due: g.due, dueText: withOriginal(dueText(g.due, reason: g.reason), original), status: g.status,
                           signal: signal, below: below[g.ref.index], comment: noted,
                           daysLate: g.daysLate(asOf: asOf), assumed: goalAssumed[g.ref.index] ?? [], original: original,
                           statusAlias: g.statusAlias, owners: g.owners.count > 1 ? g.owners : nil)
            row.planned = planned
            if g.status == .done {
                row.done = g.done
                (row.doneDaysLate, row.doneNote) = doneNote(.goal, g.id, done: g.donePeriod, due: g.due, status: g.status, assumed: goalAssumed[g.ref.index] ?? [])
            }
            return row
        }
        // A goal is a sub-goal when its parent is a goal of the plan, shown or not: with
        // `--public`, a delmål under an `intern` mål is still a delmål (its parent "–"),
        // not counted and listed as a mål.
        let goalIDs = Set(data.goals.map(\.id))
        let top = goals.filter { $0.parent == nil || !goalIDs.contains($0.parent!) }
        let sub = goals.filter { $0.parent != nil && goalIDs.contains($0.parent!) }
        // Counted with the signal the rows show: a moved deadline is at least gul.
        for g in top { summary.goals.add(moved(.goal, g.id, g.due, g.status(asOf: asOf), g.signal(asOf: asOf, window: window)).1) }
        // An action plan's areas (`level: målområde`) are counted and listed apart from the
        // delmål: each summary line counts the rows of its own table.
        func isActionArea(_ g: Goal) -> Bool {
            data.record(g.ref).value(.level).flatMap({ GoalLevel(rawValue: $0.lowercased()) }) == .actionArea
        }
        let subgoals = sub.filter { !isActionArea($0) }, actionAreas = sub.filter(isActionArea)
        for g in subgoals { summary.subgoals.add(moved(.goal, g.id, g.due, g.status(asOf: asOf), g.signal(asOf: asOf, window: window)).1) }
        for g in actionAreas { summary.actionAreas.add(moved(.goal, g.id, g.due, g.status(asOf: asOf), g.signal(asOf: asOf, window: window)).1) }
        for f in findings { summary.findings.add(moved(.finding, f.id, f.due, f.status(asOf: asOf), f.signal(asOf: asOf, window: window)).1) }
        for r in risks { summary.risks.add(data.level(of: r), closed: r.status == .closed) }

        // Activities by goal, as indices: an Activity is large, and copying each one costs.
        var byGoal: [String: [Int]] = [:]
        for i in activities.indices { byGoal[activities[i].goal, default: []].append(i) }
        var groups: [ActivityGroup] = []
        var placed = Set<String>()
        var order: [(goal: String, title: String, rows: [Int])] = []
        for g in sub + top {
            guard let list = byGoal[g.id] else { continue }
            placed.insert(g.id)
            order.append((g.id, g.title, list))
        }
        for (goal, list) in byGoal.sorted(by: { $0.key < $1.key }) where !placed.contains(goal) {
            if shown == nil {
                order.append((goal, "", list))
            } else if order.last?.goal == "–" {
                order[order.count - 1].rows += list
            } else {
                order.append(("–", lang == .sv ? "Övriga aktiviteter (målet visas inte i den offentliga versionen)"
                                               : "Other activities (their goal is not shown in the public version)", list))
            }
        }
        // Many rows share a deadline: each phrase is made once.
        let assumedRows = activityAssumed
        var phrases: [Deadline: String] = [:]
        func text(_ d: Deadline?, reason: String?) -> String {
            guard let d, !(d.isUnknown && reason != nil) else { return dueText(d, reason: reason) }
            if let known = phrases[d] { return known }
            let made = d.phrase(lang)
            phrases[d] = made
            return made
        }
        func row(_ i: Int) -> ActivityRow {
            // Field by field: a method call on `activities[i]` would copy the record.
            let reason = activities[i].reasonText?.value, start = activities[i].start, status = activities[i].status
            let due = Activity.deadline(on: asOf, due: activities[i].due, every: activities[i].every, done: activities[i].done,
                                        countedDone: activities[i].countedDone, start: start, occurrences: { activities[i].occurrenceLines })
            // Judged by its status on the report's date: done after it, it was open then.
            let judged = Status.on(asOf, status, done: activities[i].donePeriod)
            let standing = Standing(deadline: due, status: judged, asOf: asOf, window: window)
            // Compared with the history as stored: a `done` that moves a recurring deadline on is no move.
            let (original, signal) = moved(.activity, activities[i].id, activities[i].due, judged, standing.signal)
            let (noted, planned) = withPlanned(comment(reason ?? activities[i].noteText?.value, progress: activities[i].progressText?.value),
                                               .activity, activities[i].id, due: activities[i].due, original: original, status: judged)
            var made = ActivityRow(id: activities[i].id, title: activities[i].titleText?.value ?? "", start: start, startText: text(start, reason: reason),
                               due: due, dueText: withOriginal(text(due, reason: reason), original), owner: activities[i].owner,
                               ownerName: names(activities[i].owners), status: status, signal: signal,
                               comment: noted, daysLate: standing.daysLate,
                               every: activities[i].every,
                               assumed: assumedRows.isEmpty ? [] : assumedRows[activities[i].ref.index] ?? [],
                               original: original, statusAlias: activities[i].statusAlias,
                               owners: activities[i].owners.count > 1 ? activities[i].owners : nil)
            made.planned = planned
            if status == .done {
                made.done = activities[i].done
                (made.doneDaysLate, made.doneNote) = doneNote(.activity, activities[i].id, done: activities[i].donePeriod, due: due, status: status,
                                                              assumed: assumedRows.isEmpty ? [] : assumedRows[activities[i].ref.index] ?? [])
            } else if let every = activities[i].every {
                made.doneNote = recurringNote(activities[i].ref, every: every, standing: activities[i].isStandingControl && status != .onHold,
                                              start: start, done: activities[i].done)
            }
            return made
        }
        groups = order.map { ActivityGroup(goal: $0.goal, goalTitle: $0.title, rows: $0.rows.map(row)) }

        let n = data.config.riskScale
        var matrix: [[[String]]] = Array(repeating: Array(repeating: [], count: n), count: n)
        for r in risks where r.status != .closed {
            guard let l = r.likelihood, let c = r.consequence, (1...n).contains(l), (1...n).contains(c) else { continue }
            matrix[l - 1][c - 1].append(r.id)
        }
        let riskRows: [RiskRow] = risks.map { (r: Risk) -> RiskRow in
            let actions = shown.map { s in r.actions.filter(s.contains) } ?? r.actions
            var row = RiskRow(id: r.id, title: r.title, area: r.area, likelihood: r.likelihood, consequence: r.consequence,
                              score: r.score, level: data.level(of: r), owner: r.owner, ownerName: names(r.owners), status: r.status,
                              actions: actions, review: r.review, reviewPassed: r.isReviewPassed(asOf: asOf),
                              assumed: data.assumed(r.ref))
            row.actionsOffTrack = actions.isEmpty ? [] : FollowUp.actionsOffTrack(actions, data, asOf: asOf)
            if let score = r.residualScore {
                (row.residualLikelihood, row.residualConsequence) = (r.residualLikelihood, r.residualConsequence)
                (row.residualScore, row.residualLevel) = (score, data.residualLevel(of: r))
            }
            return row
        }.sorted { ($0.score ?? 0) != ($1.score ?? 0) ? ($0.score ?? 0) > ($1.score ?? 0) : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }  // ids compared by their bytes

        var audits: [AuditGroup] = []
        var auditOrder: [String] = []
        var byAudit: [String: [Finding]] = [:]
        for f in findings {
            if byAudit[f.audit] == nil { auditOrder.append(f.audit) }
            byAudit[f.audit, default: []].append(f)
        }
        for audit in auditOrder {
            let list = byAudit[audit]!
            audits.append(AuditGroup(
                audit: audit, auditor: list.first?.auditor, year: list.first?.year,
                green: list.filter { $0.assessment == .green }.count, yellow: list.filter { $0.assessment == .yellow }.count,
                red: list.filter { $0.assessment == .red }.count,
                rows: list.map { f in
                    let standing = f.standing(asOf: asOf, window: window)
                    let judged = f.status(asOf: asOf)
                    let (original, signal) = moved(.finding, f.id, f.due, judged, standing.signal)
                    var row = FindingRow(id: f.id, recommendation: f.recommendation, response: f.response, progress: f.progress,
                                      remaining: f.remaining, assessment: f.assessment, evidence: f.evidence, owner: f.owner,
                                      ownerName: names(f.owners), due: f.due, status: f.status, signal: signal,
                                      assumed: data.assumed(f.ref), original: original, statusAlias: f.statusAlias, kind: f.kind, basis: f.basis)
                    row.daysLate = standing.daysLate
                    row.owners = f.owners.count > 1 ? f.owners : nil
                    // Moved before the period began: its first deadline stays in view, as an
                    // activity's and a goal's does.
                    row.planned = withPlanned(nil, .finding, f.id, due: f.due, original: original, status: judged).1
                    if f.status == .done {
                        row.done = f.done
                        (row.doneDaysLate, row.doneNote) = doneNote(.finding, f.id, done: f.donePeriod, due: f.due, status: f.status, assumed: data.assumed(f.ref))
                    }
                    return row
                }))
        }

        var ownerSections: [OwnerSection] = []
        // Each line to its owner in one pass, not one pass per owner.
        var lateBy: [String: [Line]] = [:], soonBy: [String: [Line]] = [:]
        // A record with several owners is listed under each of them.
        for x in summary.overdue {
            if let owners = x.owners { for o in owners { lateBy[o, default: []].append(x) } } else { lateBy[x.owner, default: []].append(x) }
        }
        for x in summary.dueSoon {
            if let owners = x.owners { for o in owners { soonBy[o, default: []].append(x) } } else { soonBy[x.owner, default: []].append(x) }
        }
        var known = Set<String>()
        for o in data.owners {
            known.insert(o.id)
            let late = lateBy[o.id] ?? [], soon = soonBy[o.id] ?? []
            if !late.isEmpty || !soon.isEmpty {
                ownerSections.append(OwnerSection(owner: o.id, ownerName: o.name, overdue: late, dueSoon: soon))
            }
        }
        // An owner id that owners.rec lacks (an error `audit` names) still gets its records:
        // late work is never left out of the per-owner section. After the known owners, by
        // the order the records name them.
        var unknown: [String] = []
        for x in summary.overdue + summary.dueSoon {
            for o in x.owners ?? [x.owner] where !o.isEmpty && !known.contains(o) && !unknown.contains(o) { unknown.append(o) }
        }
        for o in unknown {
            ownerSections.append(OwnerSection(owner: o, ownerName: o, overdue: lateBy[o] ?? [], dueSoon: soonBy[o] ?? []))
        }

        let thePeriod = period ?? .year(of: asOf)
        var made = FollowUp(organisation: data.config.organisation, title: data.config.title, version: data.config.version,
                        asOf: asOf, period: thePeriod, window: window, summary: summary,
                        goals: top.map(goalRow), subgoals: subgoals.map(goalRow), activityGroups: groups, risks: riskRows,
                        matrix: matrix, thresholds: data.riskThresholds, audits: audits, owners: ownerSections, omitted: omitted, isPublic: isPublic,
                        history: nil, historyNote: nil)
        made.actionAreas = actionAreas.map(goalRow)
        made.caseNumber = data.config.caseNumber
        made.meeting = data.config.meeting
        made.preparedBy = data.config.preparedBy
        made.followups = followupRows(data, period: thePeriod, asOf: asOf, goals: goals, activities: activities, followups: keep(data.followups))
        made.omitted = omitted
        return made
    }
}

extension FollowUp {
    /// `lines` by their days (most first with `latestFirst`, else fewest first), then by
    /// their ids in natural order. The indices are sorted on keys read once, then each line
    /// is moved once: a Line is large, and a sort moves its elements many times. The
    /// comparisons are those of sorting the lines themselves, so the order is the same.
    static func sortedByDays(_ lines: [Line], latestFirst: Bool) -> [Line] {
        let days = lines.map(\.days), ids = lines.map(\.id)
        var order = Array(lines.indices)
        order.sort { i, j in
            days[i] != days[j] ? (latestFirst ? days[i] > days[j] : days[i] < days[j]) : naturalLess(ids[i], ids[j])
        }
        return order.map { lines[$0] }
    }

    /// Each goal (then each activity) with a follow-up in or before `period`, the one that
    /// best answers for the period: first one for exactly the period; else the latest within
    /// it (a quarter's in a half-year's report); else the narrowest one that covers it (the
    /// year's in a tertial's report), marked as broader ("hela 2026"); else the latest that
    /// starts by the period's end, marked as latest ("senaste: 2026-T1"). File order never
    /// decides. A follow-up for a period that begins after the report's date (`asOf`) is a
    /// forecast, not a result: it is left out, so that it never stands for the period.
    static func followupRows(_ data: DataSet, period: Period, asOf: Day, goals: [Goal], activities: [Activity], followups: [Followup]) -> [FollowupRow] {
        guard !followups.isEmpty || goals.contains(where: { $0.indicator != nil }) else { return [] }
        var byRecord: [String: [(followup: Followup, first: Day, last: Day)]] = [:]
        for f in followups {
            guard let p = f.period, let first = p.firstDay, let last = p.lastDay, first <= period.last, first <= asOf else { continue }
            byRecord[f.record, default: []].append((f, first, last))
        }
        /// The follow-up, and whether it is an earlier one or a broader one.
        func latest(_ id: String) -> (Followup, earlier: Bool, broader: Bool)? {
            guard let list = byRecord[id], !list.isEmpty else { return nil }
            if let exact = list.first(where: { $0.first == period.first && $0.last == period.last }) { return (exact.followup, false, false) }
            /// The later end first, then the longer span (the earlier start).
            func later(_ a: (followup: Followup, first: Day, last: Day), _ b: (followup: Followup, first: Day, last: Day)) -> Bool {
                a.last != b.last ? a.last > b.last : a.first < b.first
            }
            let within = list.filter { $0.first >= period.first && $0.last <= period.last }
            if let best = within.min(by: later) { return (best.followup, false, false) }
            let covering = list.filter { $0.first <= period.first && $0.last >= period.last }
            if let best = covering.min(by: { $0.first.days(until: $0.last) != $1.first.days(until: $1.last)
                                                ? $0.first.days(until: $0.last) < $1.first.days(until: $1.last) : later($0, $1) }) {
                return (best.followup, false, true)
            }
            // Wholly before the period, or overlapping it in part: not this period's.
            return list.min(by: later).map { ($0.followup, true, false) }
        }
        var rows: [FollowupRow] = []
        for g in goals {
            guard let (f, earlier, broader) = latest(g.id) else {
                if g.indicator != nil || g.target != nil {
                    rows.append(FollowupRow(kind: .goal, id: g.id, title: g.title, indicator: g.indicator, target: g.target, period: "",
                                            isEarlier: false, assessment: "", signal: nil, analysis: nil, outcome: nil))
                }
                continue
            }
            var row = FollowupRow(kind: .goal, id: g.id, title: g.title, indicator: g.indicator, target: g.target,
                                  period: f.period?.token ?? "", isEarlier: earlier, assessment: f.assessment,
                                  signal: FollowUpAssessment.signal(f.assessment), analysis: f.analysis, outcome: f.outcome)
            row.isBroader = broader
            rows.append(row)
        }
        for a in activities {
            guard let (f, earlier, broader) = latest(a.id) else { continue }
            var row = FollowupRow(kind: .activity, id: a.id, title: a.title, indicator: nil, target: nil,
                                  period: f.period?.token ?? "", isEarlier: earlier, assessment: f.assessment,
                                  signal: FollowUpAssessment.signal(f.assessment), analysis: f.analysis, outcome: f.outcome)
            row.isBroader = broader
            rows.append(row)
        }
        return rows
    }
}

extension FollowUp {
    /// The actions of a risk (activity ids) not going to plan at `asOf`: each late or
    /// cancelled activity, and each id no activity has, in the order given.
    public static func actionsOffTrack(_ ids: [String], _ data: DataSet, asOf: Day) -> [ActionState] {
        let index = data.idIndex(of: .activity)
        return ids.compactMap { id in
            guard let i = index.first(id) else { return ActionState(id: id, status: nil, daysLate: 0) }
            let a = data.activities[i]
            let standing = a.standing(asOf: asOf, window: data.config.soonDays)
            guard a.status == .cancelled || standing.isOverdue else { return nil }
            return ActionState(id: id, status: a.status, daysLate: standing.daysLate)
        }
    }
}
