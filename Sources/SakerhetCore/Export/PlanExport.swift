/// The plan as a workbook for the controller (`sakerhet export -o plan.xlsx`): one sheet
/// per kind, one row per record, one column per field of the kind's schema in schema
/// order, plus what is worked out (the owner's name beside the id, the signal and days
/// late as the report computes them, a risk's score and level, the title of the record a
/// follow-up is of). Days are dates, other deadline tokens text; a field that repeats
/// (owner, occurrence, action, assumed) has one value per line in its cell; the Id column
/// comes first, so that `import` reads the workbook back to the same records. A field
/// added to the schema shows as a column of its own.
public enum PlanExport {
    /// `baselines` (from git) make a record moved later in the year at least gul, as the
    /// report and the lists show it.
    public static func make(_ data: DataSet, asOf: Day, isPublic: Bool = false, lang: Lang = .sv, baselines: Baselines = Baselines()) -> Workbook {
        let ctx = Context(data: data, asOf: asOf, window: data.config.soonDays, lang: lang,
                          hidden: isPublic ? data.classifiedIDs : [], baselines: baselines)
        // `report --public`'s rule: only what is `öppen`.
        func keep<T: Item>(_ items: [T]) -> [T] { isPublic ? items.filter { $0.classification == .open } : items }
        let goals = keep(data.goals)
        let goalIDs = Set(goals.map(\.id))
        let isSub = { (g: Goal) in g.parent.map(goalIDs.contains) ?? false }
        // A follow-up of a record left out is left out too, as the report's Periodens
        // uppföljning lists only the records it shows: its row would name the record and
        // show its title.
        let followups = keep(data.followups).filter { !ctx.hidden.contains($0.record) }

        let sheets: [Workbook.Sheet] = [
            sheet(ExportLabels.goals, .goal, goals.filter { !isSub($0) }, ctx, skip: ["parent"], computed: scheduledColumns),
            sheet(ExportLabels.subgoals, .goal, goals.filter(isSub), ctx, computed: scheduledColumns),
            sheet(ExportLabels.activities, .activity, keep(data.activities), ctx, computed: scheduledColumns),
            sheet(ExportLabels.risks, .risk, keep(data.risks), ctx, computed: riskColumns),
            sheet(ExportLabels.findings, .finding, keep(data.findings), ctx, computed: scheduledColumns),
            // A plan without followups.rec (a folder older than it) gets the sheet all the
            // same, empty under its header, as a kind without records does: every workbook
            // has the same sheets, so `import --sheet Uppföljningar` of any of them finds the
            // header and adds nothing, where a sheet left out would be an error.
            sheet(ExportLabels.followUps, .followup, followups, ctx, computed: followupColumns),
            // Last, after the plan: who the owners are (their type, the owner above them,
            // a contact), so that `import` of the workbook brings them back whole. A public
            // workbook leaves the contact out (an address or a number may be a person's).
            sheet(ExportLabels.owners, .owner, data.owners, ctx, skip: isPublic ? ["contact"] : [], computed: { _ in Computed(after: "", columns: []) }),
        ]
        let title = (data.config.title ?? "Plan") + (isPublic ? (lang == .sv ? " (offentlig)" : " (public)") : "")
        return Workbook(title: title, sheets: sheets, lang: lang)
    }

    struct Context {
        let data: DataSet
        let asOf: Day
        let window: Int
        let lang: Lang
        /// Ids left out in public mode: links to them are left out too.
        let hidden: Set<String>
        let baselines: Baselines
    }

    /// A column: its header and how a record gives its cell.
    struct Column<T> {
        let header: String
        let cell: (T) -> Workbook.Cell
    }

    /// Computed columns and the field they follow.
    struct Computed<T> {
        let after: String
        let columns: [Column<T>]
    }

    static func sheet<T: Item>(_ name: Message, _ kind: Kind, _ items: [T], _ ctx: Context, skip: Set<String> = [],
                               computed: (Context) -> Computed<T>) -> Workbook.Sheet {
        let extra = computed(ctx)
        var columns: [Column<T>] = []
        for spec in kind.fields where !skip.contains(spec.name) {
            columns += fieldColumns(kind, spec, ctx) as [Column<T>]
            if spec.name == extra.after { columns += extra.columns }
        }
        let rows = items.map { item in columns.map { $0.cell(item) } }
        return Workbook.Sheet(name: name.text(ctx.lang), columns: columns.map { Workbook.Column($0.header) }, rows: rows)
    }

    /// The column (or, for an owner, the name and the id columns) of one stored field.
    static func fieldColumns<T: Item>(_ kind: Kind, _ spec: FieldSpec, _ ctx: Context) -> [Column<T>] {
        let header = ExportLabels.header(spec, ctx.lang)
        let data = ctx.data, lang = ctx.lang, key = spec.name
        func values(_ item: T) -> [String] {
            let all = data.record(item.ref).values(key)
            return spec.repeatable ? all.filter { !ctx.hidden.contains($0) } : Array(all.prefix(1))
        }
        // A field that repeats has one value per line in its cell, so that `import` splits
        // it back exactly (a value may hold a comma: `assumed: status, done`).
        func joined(_ item: T) -> String? {
            let v = values(item)
            return v.isEmpty ? nil : v.joined(separator: "\n")
        }
        switch spec.type {
        case .ref(.owner) where spec.name == "owner":
            return [Column(header: header) { .text(values($0).isEmpty ? nil : values($0).map(data.ownerName).joined(separator: "\n")) },
                    Column(header: ExportLabels.ownerID.text(lang)) { .text(joined($0)) }]
        case .deadline, .day, .period:
            return [Column(header: header) { item in
                guard let v = joined(item) else { return .empty }
                if let d = Deadline(token: v), d.precision == .day, let day = d.lastDay { return .date(day) }
                return .text(v)
            }]
        case .score, .year:
            return [Column(header: header) { item in
                guard let v = joined(item) else { return .empty }
                return Int(v).map { .integer($0) } ?? .text(v)
            }]
        case .status:
            return [Column(header: header) { item in .text(joined(item).map { Status(parsing: $0)?.word(lang) ?? $0 }) }]
        case .riskStatus:
            return [Column(header: header) { item in .text(joined(item).map { RiskStatus(parsing: $0)?.word(lang) ?? $0 }) }]
        case .assessment:
            return [Column(header: header) { item in
                guard let v = joined(item) else { return .empty }
                guard let a = Assessment(parsing: v) else { return .text(v) }
                return Workbook.Cell(.text(a.word(lang)), fill: OfficeColours.fill(a))
            }]
        case .followupAssessment:
            return [Column(header: header) { item in
                guard let v = joined(item) else { return .empty }
                let word = FollowUpAssessment.word(v, lang)
                return Workbook.Cell(.text(word), fill: FollowUpAssessment.signal(v).map(OfficeColours.fill))
            }]
        case .classification:
            return [Column(header: header) { item in
                .text(joined(item).map { v in lang == .sv ? v : Classification(parsing: v).map(english) ?? v })
            }]
        default:
            return [Column(header: header) { .text(joined($0)) }]
        }
    }

    static func english(_ c: Classification) -> String {
        switch c {
        case .open: return "open"
        case .internal_: return "internal"
        case .secret: return "confidential"
        }
    }

    /// Signal and days late, after the status, as the report has them.
    static func scheduledColumns<T: Scheduled>(_ ctx: Context) -> Computed<T> {
        Computed(after: "status", columns: [
            Column(header: ExportLabels.signal.text(ctx.lang)) { item in
                var s = item.signal(asOf: ctx.asOf, window: ctx.window)
                if !ctx.baselines.isEmpty, ctx.baselines.original(item.ref.kind, item.id, current: item.due) != nil {
                    s = Baselines.signal(s, moved: true, status: item.status, movedGreen: ctx.data.config.movedGreen)
                }
                return Workbook.Cell(.text(s.word(ctx.lang)), fill: OfficeColours.fill(s))
            },
            Column(header: ExportLabels.daysLate.text(ctx.lang)) { .integer($0.daysLate(asOf: ctx.asOf)) },
        ])
    }

    /// The title of the goal or activity followed up, after its id, so that a reader of the
    /// sheet need not look it up (a record that does not exist has none).
    static func followupColumns(_ ctx: Context) -> Computed<Followup> {
        let data = ctx.data
        return Computed(after: "record", columns: [
            Column(header: ExportLabels.recordTitle.text(ctx.lang)) { f in
                .text(data.goal(f.record)?.title ?? data.records(of: .activity, id: f.record).first.map { data.activities[$0].title })
            },
        ])
    }

    /// Score and level, after the consequence.
    static func riskColumns(_ ctx: Context) -> Computed<Risk> {
        Computed(after: "consequence", columns: [
            Column(header: ExportLabels.score.text(ctx.lang)) { .integer($0.score) },
            Column(header: ExportLabels.level.text(ctx.lang)) { r in
                guard let level = ctx.data.level(of: r) else { return .empty }
                return Workbook.Cell(.text(level.word(ctx.lang)), fill: OfficeColours.fill(level))
            },
        ])
    }
}
