/// How `Checks.run` runs the chosen checks: record checks and scheduled checks fused into
/// one walk per kind, cut in one piece per core; every other check as one job by itself.
/// All jobs run at the same time. Each check's diagnostics come out in the order the check
/// alone gives them (kind order, then record order), so the output does not depend on the
/// fusing or on the number of cores.
struct FusedRun: Sendable {
    private enum Job: Sendable {
        /// A check that walks the data itself.
        case alone(Int)
        /// The record checks over `range` of the records of a kind.
        case records(Kind, Range<Int>)
        /// The scheduled checks over `range` of the goals, activities or findings.
        case scheduled(Kind, Range<Int>)
    }

    private let checks: [any Check]
    private let data: DataSet
    private let recordChecks: [(index: Int, check: any RecordCheck)]
    private let scheduledChecks: [(index: Int, check: any ScheduledCheck)]
    private let jobs: [Job]

    init(_ checks: [any Check], _ data: DataSet) {
        self.checks = checks
        self.data = data
        var records: [(Int, any RecordCheck)] = []
        var scheduled: [(Int, any ScheduledCheck)] = []
        var jobs: [Job] = []
        for (i, c) in checks.enumerated() {
            switch c.fusion {
            case .record(let r): records.append((i, r))
            case .scheduled(let s): scheduled.append((i, s))
            case nil: jobs.append(.alone(i))
            }
        }
        if !records.isEmpty {
            for kind in Kind.allCases where records.contains(where: { $0.1.kinds.contains(kind) }) {
                guard let count = data.files[kind]?.document.records.count, count > 0 else { continue }
                jobs += Parallel.ranges(count, perCore: 4).map { Job.records(kind, $0) }
            }
        }
        if !scheduled.isEmpty {
            for (kind, count) in [(Kind.goal, data.goals.count), (.activity, data.activities.count), (.finding, data.findings.count)] where count > 0 {
                jobs += Parallel.ranges(count, perCore: 4).map { Job.scheduled(kind, $0) }
            }
        }
        recordChecks = records
        scheduledChecks = scheduled
        self.jobs = jobs
    }

    /// Every chosen check's diagnostics, check after check, each in its own order.
    func run(asOf: Day) -> [Diagnostic] {
        let parts = Parallel.map(jobs.count) { self.run(self.jobs[$0], asOf: asOf) }
        var byCheck = [[Diagnostic]](repeating: [], count: checks.count)
        for part in parts {
            for (check, found) in part where !found.isEmpty { byCheck[check] += found }
        }
        return Array(byCheck.joined())
    }

    /// One job's diagnostics, by the index of the check that found them.
    private func run(_ job: Job, asOf: Day) -> [(Int, [Diagnostic])] {
        switch job {
        case .alone(let i):
            return [(i, checks[i].run(data, asOf: asOf))]
        case .records(let kind, let range):
            guard let file = data.files[kind] else { return [] }
            let site = RecordSite(data: data, kind: kind, file: file, asOf: asOf)
            let active = recordChecks.filter { $0.check.kinds.contains(kind) }
            let fused = active.map(\.check)
            var outs = [[Diagnostic]](repeating: [], count: active.count)
            // Records and checks read in place (`InPlace`): each would be copied per call.
            InPlace.pairs(file.document.records, range, fused) { record, i, check, c in
                check.check(record, i, site, into: &outs[c])
            }
            return zip(active, outs).map { ($0.index, $1) }
        case .scheduled(let kind, let range):
            switch kind {
            case .goal: return scheduled(data.goals, range, asOf)
            case .activity: return scheduled(data.activities, range, asOf)
            default: return scheduled(data.findings, range, asOf)
            }
        }
    }

    private func scheduled<T: Scheduled>(_ items: [T], _ range: Range<Int>, _ asOf: Day) -> [(Int, [Diagnostic])] {
        var outs = [[Diagnostic]](repeating: [], count: scheduledChecks.count)
        let fused = scheduledChecks.map(\.check)
        // In place, as above: an activity would be copied for each check.
        InPlace.pairs(items, range, fused) { item, _, check, c in check.check(item, data, asOf: asOf, into: &outs[c]) }
        return zip(scheduledChecks, outs).map { ($0.index, $1) }
    }
}
