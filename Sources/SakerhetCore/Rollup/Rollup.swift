import FoundationEssentials

/// Judging many plans: each is loaded (`Store.eachPlan`, one plan per core), checked and
/// reported on by itself, and let go; the values are combined afterwards. The rollup only
/// reads.
public enum Rollup {
    /// A plan's name and folder, without its records.
    public struct Named: Sendable {
        public let name: String
        public let folder: Plans.Folder
    }

    /// The plans' names without their records, for the commands that read only git (`log`):
    /// each folder is read and checked as `load` reads it (an unreadable or empty one is
    /// an error naming it) to learn its organisation, and its data set let go.
    public static func named(_ folders: [Plans.Folder]) throws -> [Named] {
        try Store.eachPlan(folders) { _, _ in () }.enumerated().map { Named(name: $1.name, folder: folders[$0]) }
    }

    /// What `id` names in the plan called `name`, of the plans called `names`: `plan:A12`
    /// is that plan's A12 (nil in the others), and `A12`, or an id whose part before a colon
    /// names no plan, is the id in every plan.
    public static func local(_ id: String, in name: String, names: [String]) -> String? {
        if id.hasPrefix(name + ":") { return String(id.dropFirst(name.count + 1)) }
        return names.contains { id.hasPrefix($0 + ":") } ? nil : id
    }

    /// The checks of every plan, each by its own settings; the diagnostics name each
    /// plan's own files, so `file:line` and CI annotations point at the right file. Each
    /// plan is loaded, checked, written in `format` (`RollupAudit.plan`) and let go in one
    /// task, as in `report`. With `owner`, each plan keeps the problems of the owner the
    /// query names there (by id or part of the name) and of the owners below it
    /// (`ownerScope`); `ownerMatched` says whether any plan has one.
    public static func audit(folders: [Plans.Folder], asOf: Day, includeDateChecks: Bool = true, owner: String? = nil,
                             format: String, byOwner: Bool, lang: Lang, style: Style) throws -> (plans: [RollupAudit.PlanAudit], ownerMatched: Bool) {
        // `--owner Plan:sbs` is one plan's owner; the names are known before the plans are read.
        let names = owner?.contains(":") == true ? Store.planNames(folders) : []
        let made = try Store.eachPlan(folders, numbered: { data, _, i -> Result<(RollupAudit.PlanAudit, Bool), StoreError> in
            var diagnostics = Checks.run(data, asOf: asOf, includeDateChecks: includeDateChecks)
            var selection: RollupAudit.Selection? = nil
            if let owner {
                let query = names.isEmpty ? owner : local(owner, in: names[i], names: names)
                let scope: OwnerScope?
                switch query.map({ ownerScope($0, in: data) }) ?? .success(nil) {
                case .success(let s): scope = s
                case .failure(let e): return .failure(e)
                }
                selection = scope.map { .owner($0) } ?? .absent(owner)
                diagnostics = diagnostics.filter { scope?.covers($0.owners) ?? false }
            }
            return .success((RollupAudit.plan(data, diagnostics, format: format, byOwner: byOwner, asOf: asOf, dateChecks: includeDateChecks,
                                              selection: selection, lang: lang, style: style), selection?.scope != nil))
        })
        var plans: [RollupAudit.PlanAudit] = [], matched = false
        for (name, part) in made {
            var (plan, found) = try part.get()
            plan.name = name
            plans.append(plan)
            matched = matched || found
        }
        return (plans, matched)
    }

    /// What `--owner query` selects in one plan: the owner it names there by id or part of
    /// the name, with the owners below it (`DataSet.ownerScope`); nil when the plan has
    /// none. A query that two owners of the plan match is an error, as it is for one plan:
    /// which of them was meant is not for the rollup to guess.
    static func ownerScope(_ query: String, in data: DataSet) -> Result<OwnerScope?, StoreError> {
        switch data.ownerScope(query) {
        case .found(let scope): return .success(scope)
        case .none: return .success(nil)
        case .ambiguous(let owners):
            let list = owners.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            return .failure(StoreError(sv: "\(data.folder): '\(query)' matchar flera ansvariga: \(list); ange ett id",
                                       en: "\(data.folder): '\(query)' matches several owners: \(list); give an id"))
        }
    }

    /// Each plan's follow-up with its own history from git (when its folder is in a
    /// repository), and the errors its audit finds; then the combined report. Each plan is
    /// loaded, reported on and let go in one task, so that only the plans being worked on
    /// (one per core) are in memory as data sets: the combined report keeps each plan's
    /// follow-up, not its records. Errors are as `load`'s: the first failing folder, in the
    /// given order, is thrown, and nothing is returned.
    ///
    /// With `section`, each plan's own sections are written in the same task, as soon as its
    /// part is made (`section` gets the part and the plan's place in `folders`), and the part
    /// keeps the written text and only what the combined sections need of its follow-up
    /// (`RollupReport.PlanPart.written`): the page's longest part is then made on every
    /// core while the records are at hand, and no plan's rows are held until the end.
    public static func report(folders: [Plans.Folder], asOf: Day, period: FollowUp.Period?, isPublic: Bool, lang: Lang,
                              section: (@Sendable (RollupReport.PlanPart, Int) -> String)? = nil) throws -> RollupReport {
        let parts = try Store.eachPlan(folders, numbered: { data, folder, i in
            let made = part(data, folder: folder, asOf: asOf, period: period, isPublic: isPublic, lang: lang)
            return section.map { made.written($0(made, i)) } ?? made
        }).map { $0.part.named($0.name) }
        return RollupReport.make(parts, asOf: asOf, period: period ?? .year(of: asOf), isPublic: isPublic)
    }

    /// One plan's part of the combined report, named when every plan is read.
    static func part(_ data: DataSet, folder: Plans.Folder, asOf: Day, period: FollowUp.Period?,
                     isPublic: Bool, lang: Lang) -> RollupReport.PlanPart {
        let span = period ?? .year(of: asOf)
        let (history, baselines) = GitHistory.beginIfInRepository(folder: folder.path, display: folder.display, tags: true).map {
            HistoryReport.loadWithBaselines($0, period: span.through(asOf), asOf: asOf, excluding: isPublic ? data.classifiedIDs : [], isPublic: isPublic, lang: lang)
        } ?? (.failure(GitHistory.notARepository(folder.display)), Baselines())
        var report = FollowUp.make(data, asOf: asOf, period: period, isPublic: isPublic, lang: lang, baselines: baselines)
        report.attach(history: history.map { var h = $0; h.movedGreen = data.config.movedGreen; return h })
        // Detached: the part outlives the plan's data set.
        let errors = Checks.reportErrors(data, asOf: asOf).map { $0.detached() }
        return RollupReport.PlanPart(name: "", folder: folder.display, organisation: data.config.organisation,
                                     errors: errors, report: report, ownerNames: data.owners.map { ($0.id, $0.name) })
    }

    /// `list` over many plans: the list, whether any plan has an owner that `--owner` names,
    /// and whether every plan was left out by the filter's goal or area.
    public struct Listing: Sendable {
        public let list: RecordList
        public let ownerMatched: Bool
        public let everyPlanLeftOut: Bool
        /// With `--owner`: whom each plan's rows cover.
        public var selections: [(plan: String, selection: RollupAudit.Selection)] = []

        /// The lines above the table: whom the list covers, plan by plan.
        public func selection(_ lang: Lang) -> String {
            guard !selections.isEmpty else { return "" }
            return selections.map { SafeText.text($0.plan, lang) + ": " + $0.selection.line(lang) }.joined(separator: "\n") + "\n\n"
        }
    }

    /// The records of `kind` that pass `filter` in every plan, as one list whose ids are
    /// `plan:id`, sorted as one list is (by deadline, risks by score). The filter applies
    /// in each plan as it can there: a plan without the goal or area is left out, and
    /// `owner` (by id or part of the name) matches each plan's own owners, every match
    /// adding its rows and those of the owners below it. A goal, area or owner may name one plan's, as the list prints ids
    /// (`Utbildningsnämnden:D3`, `local`); the other plans are then left out. Each plan is
    /// read, listed and let go in one task, as in `report`.
    public static func list(folders: [Plans.Folder], _ kind: Kind, filter: ListFilter, owner: String?, asOf: Day) throws -> Listing {
        let kinds = kind.listed(byGoal: filter.goal != nil, byArea: filter.area != nil)
        // The plans' names are known before the plans are read only when a value may name one.
        let names = [filter.goal, filter.area, owner].contains { $0?.contains(":") == true } ? Store.planNames(folders) : []
        typealias Part = (lists: [RecordList], scope: OwnerScope?, leftOut: Bool)
        let made = try Store.eachPlan(folders, kinds: kinds, numbered: { data, folder, i -> Result<Part, StoreError> in
            // A goal, area or owner of another plan leaves this plan out.
            func here(_ value: String) -> String? { names.isEmpty ? value : local(value, in: names[i], names: names) }
            var filter = filter
            var owner = owner
            if let g = filter.goal { guard let l = here(g) else { return .success(([], nil, true)) }; filter.goal = l }
            if let a = filter.area { guard let l = here(a) else { return .success(([], nil, true)) }; filter.area = l }
            if let o = owner { guard let l = here(o) else { return .success(([], nil, true)) }; owner = l }
            var scope: OwnerScope? = nil
            if let owner {
                switch ownerScope(owner, in: data) {
                case .success(let s): scope = s
                case .failure(let e): return .failure(e)
                }
            }
            let leftOut = filter.goal.map { !data.contains(.goal, id: $0) } ?? false || filter.area.map { !data.contains(.area, id: $0) } ?? false
            var filters = leftOut ? [] : [filter]
            // The owner the query names here, with the owners below it.
            if owner != nil, !leftOut { filters = scope.map { s in [{ var f = filter; f.owners = s.ids; return f }()] } ?? [] }
            let baselines = filters.isEmpty || !(kind == .goal || kind == .activity || kind == .finding)
                ? Baselines() : Baselines.load(folder: folder.path, period: .year(of: asOf), asOf: asOf)
            let lists = filters.map { RecordList.make(data, kind, filter: $0, asOf: asOf, baselines: baselines) }
            return .success((lists, scope, filters.isEmpty))
        }).map { (name: $0.name, part: try $0.part.get()) }
        var rows: [ListRow] = []
        var green = 0, yellow = 0, red = 0
        for (name, part) in made {
            func qualified(_ id: String) -> String { name + ":" + id }
            for list in part.lists {
                green += list.green; yellow += list.yellow; red += list.red
                for r in list.rows {
                    var q = ListRow(kind: r.kind, id: qualified(r.id), title: r.title, owner: r.owner, ownerName: r.ownerName,
                                    goal: r.goal.map(qualified), start: r.start, due: r.due, status: r.status, signal: r.signal,
                                    daysLate: r.daysLate, score: r.score, level: r.level, assessment: r.assessment, file: r.file, line: r.line)
                    q.below = r.below
                    q.original = r.original
                    q.review = r.review
                    q.reviewPassed = r.reviewPassed
                    rows.append(q)
                }
            }
        }
        rows = stableSorted(rows, kind)
        return Listing(list: RecordList(kind: kind, asOf: asOf, rows: rows, green: green, yellow: yellow, red: red),
                       ownerMatched: made.contains { $0.part.scope != nil }, everyPlanLeftOut: made.allSatisfy { $0.part.leftOut },
                       selections: owner.map { q in made.map { ($0.name, $0.part.scope.map { .owner($0) } ?? .absent(q)) } } ?? [])
    }

    /// One plan's rows are already in order; the plans' rows merged in the same order.
    static func stableSorted(_ rows: [ListRow], _ kind: Kind) -> [ListRow] {
        func key(_ r: ListRow) -> Int {
            kind == .risk ? -(r.score ?? 0) : (r.due?.lastDay?.ordinal ?? Int.max)
        }
        return rows.enumerated().sorted { a, b in
            let (ka, kb) = (key(a.element), key(b.element))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }
}
