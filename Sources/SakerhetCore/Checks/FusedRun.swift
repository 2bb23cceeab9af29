/// How `Checks.run` runs the chosen checks: record checks, field checks and scheduled
/// checks fused into one walk per kind, cut in pieces for the cores; every other check as
/// one job by itself. The field checks' flagged fields are worded after the walk.
/// All jobs run at the same time. Each check's diagnostics come out in the order the check
/// alone gives them (kind order, then record order), so the output does not depend on the
/// fusing or on the number of cores.
struct FusedRun: Sendable {
    private enum Job: Sendable {
        /// A check that walks the data itself.
        case alone(Int)
        /// The record checks and the field checks over `range` of the records of a kind.
        case records(Kind, Range<Int>)
        /// The scheduled checks over `range` of the goals, activities or findings.
        case scheduled(Kind, Range<Int>)
    }

    private let checks: [any Check]
    private let data: DataSet
    private let recordChecks: [(index: Int, check: any RecordCheck)]
    private let scheduledChecks: [(index: Int, check: any ScheduledCheck)]
    private let fieldChecks: [(index: Int, check: any FieldCheck)]
    /// Per kind, per field code: which field checks read it, as bits (bit `c` is
    /// `fieldChecks[c]`).
    private let fieldMasks: [[UInt64]]
    private let jobs: [Job]

    /// What one job found: each check's diagnostics, and each field check's flagged fields.
    private struct Found: Sendable {
        var diagnostics: [(Int, [Diagnostic])] = []
        var flagged: [[FlaggedField]] = []
    }

    init(_ checks: [any Check], _ data: DataSet) {
        self.checks = checks
        self.data = data
        var records: [(Int, any RecordCheck)] = []
        var scheduled: [(Int, any ScheduledCheck)] = []
        var fields: [(Int, any FieldCheck)] = []
        var jobs: [Job] = []
        for (i, c) in checks.enumerated() {
            switch c.fusion {
            case .record(let r): records.append((i, r))
            case .scheduled(let s): scheduled.append((i, s))
            case .field(let f): fields.append((i, f))
            case nil: jobs.append(.alone(i))
            }
        }
        precondition(fields.count <= 64, "a field check is one bit of a 64-bit mask")
        var masks = [[UInt64]](repeating: [UInt64](repeating: 0, count: 256), count: Kind.allCases.count)
        for kind in Kind.allCases {
            for (c, f) in fields.enumerated() {
                for (code, read) in DataSet.codes(of: kind, f.1.types, where: f.1.reads).enumerated() where read {
                    masks[kind.slot][code] |= 1 << UInt64(c)
                }
            }
        }
        fieldMasks = masks
        for kind in Kind.allCases
        where records.contains(where: { $0.1.kinds.contains(kind) }) || masks[kind.slot].contains(where: { $0 != 0 }) {
            guard let count = data.files[kind]?.document.records.count, count > 0 else { continue }
            jobs += Parallel.ranges(count, perCore: 4).map { Job.records(kind, $0) }
        }
        if !scheduled.isEmpty {
            for (kind, count) in [(Kind.goal, data.goals.count), (.activity, data.activities.count), (.finding, data.findings.count)] where count > 0 {
                jobs += Parallel.ranges(count, perCore: 4).map { Job.scheduled(kind, $0) }
            }
        }
        recordChecks = records
        scheduledChecks = scheduled
        fieldChecks = fields
        self.jobs = jobs
    }

    /// Every chosen check's diagnostics, check after check, each in its own order: copied
    /// once, into one array of the size they come to (each check's pieces gathered into an
    /// array of its own, then all joined, made two copies in fresh memory; at 10,000
    /// diagnostics that was most of the time between the checks and the sort).
    func run(asOf: Day) -> [Diagnostic] {
        let parts = Parallel.map(jobs.count) { self.run(self.jobs[$0], asOf: asOf) }
        // Where each check's diagnostics are: a part and its place in that part, in job order.
        var pieces = [[(part: Int, slot: Int)]](repeating: [], count: checks.count)
        var flagged = [[FlaggedField]](repeating: [], count: fieldChecks.count)
        var total = 0
        for (p, part) in parts.enumerated() {
            for (s, (check, found)) in part.diagnostics.enumerated() where !found.isEmpty {
                pieces[check].append((p, s))
                total += found.count
            }
            for (c, found) in part.flagged.enumerated() where !found.isEmpty { flagged[c] += found }
        }
        // The flagged fields in file order, each check's worded by the check (most checks
        // flag nothing in a sound folder).
        var worded = [[Diagnostic]](repeating: [], count: checks.count)
        for (c, f) in fieldChecks.enumerated() where !flagged[c].isEmpty {
            worded[f.index] = f.check.diagnose(flagged[c], data, asOf: asOf)
            total += worded[f.index].count
        }
        var out: [Diagnostic] = []
        out.reserveCapacity(total)
        for c in checks.indices {
            out += worded[c]
            for (p, s) in pieces[c] { out += parts[p].diagnostics[s].1 }
        }
        return out
    }

    /// What one job found: diagnostics by the index of the check that found them, and
    /// the fields each field check flagged.
    private func run(_ job: Job, asOf: Day) -> Found {
        switch job {
        case .alone(let i):
            return Found(diagnostics: [(i, checks[i].run(data, asOf: asOf))])
        case .records(let kind, let range):
            guard let file = data.files[kind] else { return Found() }
            let site = RecordSite(data: data, kind: kind, file: file, asOf: asOf)
            let active = recordChecks.filter { $0.check.kinds.contains(kind) }
            let fused = active.map(\.check)
            var outs = [[Diagnostic]](repeating: [], count: active.count)
            var fields = FieldWalk(self, kind)
            // A block of records to each record check in turn, then its fields to the field
            // checks: the block's records and fields stay in the cache from the first check
            // to the last (the field checks walking the whole piece after the record checks
            // read its fields from memory twice). A record check is reached behind its
            // protocol once per block, read in place (`InPlace`): called once per record,
            // its box was copied at every call. The field checks are called per field,
            // through a closure each (`FieldWalk`): a walk of the block per field check
            // read its fields six times and cost more.
            let records = file.document.records
            for block in FusedRun.blocks(range) {
                InPlace.each(fused) { check, c in check.check(records, block, site, into: &outs[c]) }
                fields.flag(block)
            }
            return Found(diagnostics: zip(active, outs).map { ($0.index, $1) }, flagged: fields.flagged)
        case .scheduled(let kind, let range):
            switch kind {
            case .goal: return Found(diagnostics: scheduled(data.goals, range, asOf))
            case .activity: return Found(diagnostics: scheduled(data.activities, range, asOf))
            default: return Found(diagnostics: scheduled(data.findings, range, asOf))
            }
        }
    }

    /// The fields of a kind's records that each field check flags, block after block: one
    /// walk over the fields, each handed to the checks that read its code.
    fileprivate struct FieldWalk {
        let data: DataSet
        let kind: Kind
        /// Each field check's test, opened from its box once: called through the box, a
        /// check was copied and destroyed at every field.
        let tests: [Test]
        let masks: [UInt64]
        let wanted: [Bool]
        /// Whether any field check reads a field of the kind.
        let reads: Bool
        var site: FieldSite
        /// What each field check flagged so far, in file order.
        var flagged: [[FlaggedField]]

        init(_ run: FusedRun, _ kind: Kind) {
            data = run.data
            self.kind = kind
            tests = run.fieldChecks.map(\.check.fusedTest)
            masks = run.fieldMasks[kind.slot]
            wanted = masks.map { $0 != 0 }
            reads = wanted.contains(true)
            site = FieldSite(run.data)
            flagged = [[FlaggedField]](repeating: [], count: tests.count)
        }

        typealias Test = (FieldRef, FieldSpec, RecordRef, inout FieldSite) -> Bool

        mutating func flag(_ range: Range<Int>) {
            guard reads else { return }
            let (kind, masks, tests) = (kind, masks, tests)
            data.forEachField(of: kind, in: range, wanted: wanted) { i, field, spec in
                let ref = RecordRef(kind: kind, index: i)
                // The field and the tests read where they lie: a copy of a field retains
                // its value's storage.
                InPlace.masked(tests, masks[Int(field.code)]) { test, c in
                    if test(field, spec, ref, &site) { flagged[c].append(FlaggedField(ref: ref, field: field.field, spec: spec)) }
                }
            }
        }
    }

    private func scheduled<T: Scheduled>(_ items: [T], _ range: Range<Int>, _ asOf: Day) -> [(Int, [Diagnostic])] {
        var outs = [[Diagnostic]](repeating: [], count: scheduledChecks.count)
        let fused = scheduledChecks.map(\.check)
        // Each record's timing is made once and handed to every check: a value with no
        // references, where the record would be copied, its owners and fields retained, for
        // each check. The checks are read in place (`InPlace`), as above.
        var timings: [Timing] = []
        timings.reserveCapacity(FusedRun.block)
        for block in FusedRun.blocks(range) {
            timings.removeAll(keepingCapacity: true)
            for i in block { timings.append(items[i].timing(on: asOf)) }
            InPlace.each(fused) { check, c in check.check(timings, data, asOf: asOf, into: &outs[c]) }
        }
        return zip(scheduledChecks, outs).map { ($0.index, $1) }
    }

    /// How many records a record or scheduled check is handed at a time.
    static let block = 64

    /// `range` cut in blocks of `block` records, in order.
    static func blocks(_ range: Range<Int>) -> [Range<Int>] {
        stride(from: range.lowerBound, to: range.upperBound, by: block).map { $0..<min($0 + block, range.upperBound) }
    }
}

private extension FieldCheck {
    /// `flags`, in a closure made where the check's type is known (`FusedRun.FieldWalk`).
    var fusedTest: FusedRun.FieldWalk.Test { { field, spec, ref, site in flags(field, spec, ref, &site) } }
}
