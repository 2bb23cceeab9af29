/// The follow-up over many plans as a value: each plan's own follow-up (judged by its own
/// settings), and what is combined from them: counts per plan and in total, the late and
/// due-soon lists across plans, owners of one name across plans, and one risk matrix that
/// counts the risks per cell. Rendered afterwards (`RollupText`, `RollupMarkdown`,
/// `RollupHTML`, `RollupJSON`).
public struct RollupReport: Sendable, Encodable {
    public var asOf: Day
    public var period: FollowUp.Period
    public var isPublic: Bool
    /// One row per plan, in the order given.
    public var rows: [PlanRow]
    public var total: PlanRow
    /// Late records across plans, the latest first.
    public var overdue: [PlanLine]
    /// Records due soon across plans (each plan by its own window), the nearest first.
    public var dueSoon: [PlanLine]
    /// The combined risk matrix, one per risk scale the plans use (`risk_scale`: 4 or 5),
    /// smallest scale first: a 4 on a 1–4 scale is not a 4 on a 1–5 scale, so plans of
    /// different scales are not added into one grid.
    public var matrices: [CombinedMatrix]

    /// The risks of the plans of one scale, counted per cell.
    public struct CombinedMatrix: Sendable, Codable, Hashable {
        public let scale: Int
        /// How many plans use this scale.
        public var plans: Int
        /// `cells[l-1][c-1]`: how many of their risks have likelihood l and consequence c.
        public var cells: [[Int]]

        init(scale: Int) {
            self.scale = scale
            plans = 0
            cells = Array(repeating: Array(repeating: 0, count: scale), count: scale)
        }
    }
    /// Owners by name across plans, with what they have late or due soon.
    public var owners: [OwnerAcross]

    /// The owners the combined section shows: in two plans or more, with something late or
    /// due soon in any of them (every plan they are in is named).
    public var ownersShared: [OwnerAcross] {
        owners.filter { $0.plans.count > 1 && !($0.overdue.isEmpty && $0.dueSoon.isEmpty) }
    }
    public var plans: [PlanPart]

    /// One plan: its name, folder, the errors its audit finds, and its own follow-up.
    public struct PlanPart: Sendable, Encodable {
        public let name: String
        public let folder: String
        public let organisation: String?
        public let errors: [Diagnostic]
        public let report: FollowUp
        /// The plan's own sections as already written (`Rollup.report(section:)`), when
        /// `report` keeps only what the combined sections need. Not part of the JSON.
        public private(set) var section: String? = nil
        /// Every owner of the plan's owners.rec (id and name), with work late or not: an
        /// owner of one name in several plans is one owner across them (`OwnerAcross`).
        /// Not part of the JSON (the combined `owners` has them).
        public var ownerNames: [(id: String, name: String)] = []

        private enum CodingKeys: String, CodingKey { case name, folder, organisation, errors, report }

        init(name: String, folder: String, organisation: String?, errors: [Diagnostic], report: FollowUp, section: String? = nil,
             ownerNames: [(id: String, name: String)] = []) {
            self.name = name
            self.folder = folder
            self.organisation = organisation
            self.errors = errors
            self.report = report
            self.section = section
            self.ownerNames = ownerNames
        }

        /// The same part under another name.
        func named(_ name: String) -> PlanPart {
            PlanPart(name: name, folder: folder, organisation: organisation, errors: errors, report: report, section: section, ownerNames: ownerNames)
        }

        /// The part with its sections written as `text`, keeping of its follow-up what
        /// `RollupReport.make` combines (the summary, the owners, the risk matrix) and
        /// letting the rows go.
        func written(_ text: String) -> PlanPart {
            var kept = report
            kept.goals = []
            kept.subgoals = []
            kept.actionAreas = []
            kept.activityGroups = []
            kept.risks = []
            kept.audits = []
            kept.followups = []
            kept.history = nil
            return PlanPart(name: name, folder: folder, organisation: organisation, errors: errors, report: kept, section: text, ownerNames: ownerNames)
        }
    }

    /// A summary row: one plan's counts, or the total.
    public struct PlanRow: Sendable, Codable {
        public var plan: String
        public var organisation: String?
        public var goals = FollowUp.Counts()
        public var subgoals = FollowUp.Counts()
        /// An action plan's areas (`level: målområde`), as each plan's own summary counts them.
        public var actionAreas = FollowUp.Counts()
        public var activities = FollowUp.Counts()
        public var findings = FollowUp.Counts()
        public var risks = FollowUp.RiskCounts()
        public var overdue = 0
        public var dueSoon = 0
        public var errors = 0
    }

    /// A summary line with the plan it belongs to.
    public struct PlanLine: Sendable, Codable {
        public let plan: String
        public let line: FollowUp.Line
    }

    /// An owner by name in one or more plans: every plan whose owners.rec has it (or whose
    /// records name it), and what it has late or due soon in any of them.
    public struct OwnerAcross: Sendable, Codable {
        public let name: String
        /// The plans and the owner's id in each.
        public let plans: [String]
        public let ids: [String]
        public let overdue: [PlanLine]
        public let dueSoon: [PlanLine]
    }

    public static func make(_ parts: [PlanPart], asOf: Day, period: FollowUp.Period, isPublic: Bool) -> RollupReport {
        var rows: [PlanRow] = []
        var total = PlanRow(plan: "")
        var overdue: [PlanLine] = []
        var dueSoon: [PlanLine] = []
        var matrices: [Int: CombinedMatrix] = [:]
        overdue.reserveCapacity(parts.reduce(0) { $0 + $1.report.summary.overdue.count })
        dueSoon.reserveCapacity(parts.reduce(0) { $0 + $1.report.summary.dueSoon.count })
        for p in parts {
            let s = p.report.summary
            let row = PlanRow(plan: p.name, organisation: p.organisation, goals: s.goals, subgoals: s.subgoals,
                              activities: s.activities, findings: s.findings, risks: s.risks,
                              overdue: s.overdue.count, dueSoon: s.dueSoon.count, errors: p.errors.count)
            var counted = row
            counted.actionAreas = s.actionAreas
            rows.append(counted)
            total.goals = total.goals + s.goals
            total.actionAreas = total.actionAreas + s.actionAreas
            total.subgoals = total.subgoals + s.subgoals
            total.activities = total.activities + s.activities
            total.findings = total.findings + s.findings
            total.risks.low += s.risks.low
            total.risks.medium += s.risks.medium
            total.risks.high += s.risks.high
            total.risks.veryHigh += s.risks.veryHigh
            total.risks.unscored += s.risks.unscored
            total.risks.closed += s.risks.closed
            total.overdue += s.overdue.count
            total.dueSoon += s.dueSoon.count
            total.errors += p.errors.count
            for line in s.overdue { overdue.append(PlanLine(plan: p.name, line: line)) }
            for line in s.dueSoon { dueSoon.append(PlanLine(plan: p.name, line: line)) }
            let n = p.report.matrix.count
            var m = matrices[n] ?? CombinedMatrix(scale: n)
            m.plans += 1
            for l in 0..<n { for c in 0..<n { m.cells[l][c] += p.report.matrix[l][c].count } }
            matrices[n] = m
        }
        // Latest first, nearest first; equal days keep the plans' order. The places are
        // sorted, not the lines: tens of thousands of lines, each a dozen strings, are
        // moved once instead of at every step of the sort.
        overdue = overdue.indices.sorted { (overdue[$0].line.days, -$0) > (overdue[$1].line.days, -$1) }.map { overdue[$0] }
        dueSoon = dueSoon.indices.sorted { (dueSoon[$0].line.days, $0) < (dueSoon[$1].line.days, $1) }.map { dueSoon[$0] }

        // Owners of one name across plans, in the order first met: each name's place in
        // `across` is looked up once per plan, not once per line.
        var across: [(name: String, plans: [String], ids: [String], overdue: [PlanLine], dueSoon: [PlanLine])] = []
        var place: [String: Int] = [:]
        for p in parts {
            // The plan's owners: those of its owners.rec, then any other its late work names.
            var here: [(id: String, name: String)] = p.ownerNames
            let known = Set(here.map(\.id))
            for o in p.report.owners where !known.contains(o.owner) { here.append((o.owner, o.ownerName)) }
            var places: [String: Int] = [:]
            for o in here {
                let key = o.name.lowercased()
                let k = place[key] ?? across.count
                if k == across.count { place[key] = k; across.append((o.name, [], [], [], [])) }
                places[o.id] = k
                guard across[k].plans.last != p.name else { continue }
                across[k].plans.append(p.name)
                across[k].ids.append(o.id)
            }
            for o in p.report.owners {
                guard let k = places[o.owner] else { continue }
                for line in o.overdue { across[k].overdue.append(PlanLine(plan: p.name, line: line)) }
                for line in o.dueSoon { across[k].dueSoon.append(PlanLine(plan: p.name, line: line)) }
            }
        }
        let owners = across.map { OwnerAcross(name: $0.name, plans: $0.plans, ids: $0.ids, overdue: $0.overdue, dueSoon: $0.dueSoon) }
        return RollupReport(asOf: asOf, period: period, isPublic: isPublic, rows: rows, total: total, overdue: overdue,
                            dueSoon: dueSoon, matrices: matrices.keys.sorted().map { matrices[$0]! }, owners: owners, plans: parts)
    }
}
