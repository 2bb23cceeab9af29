import XCTest
@testable import SakerhetCore

/// `Checks.run` fuses the record checks, the field checks and the scheduled checks into
/// one walk per kind, cut into pieces; what it finds must be what each check finds alone, in the same order.
final class FusedRunTests: XCTestCase {
    /// 22,000 activities (enough to be cut into pieces), every 11th with something wrong
    /// that a record check or a scheduled check reports.
    static let data: DataSet = {
        var activities: [String] = []
        for n in 1...22_000 {
            var r = "id: A\(n)\n"
            switch n % 11 {
            case 1: r += "goal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"                     // mandatory: no title
            case 2: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\ndue: 2025-01\nstatus: pågår\n"  // repeated-field
            case 3: r += "title: T\(n) \ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"      // trailing
            case 4: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\nassumed: nofield\n"  // assumed
            case 5: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-06\nstatus: pågår\n"       // overdue
            case 6: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-11-20\nstatus: pågår\n"    // due soon
            case 7: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: vilande\n"     // reason
            case 8: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: klar\n"        // done-date
            case 9: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: klar\ndone: 2030-01-01\n"  // done-future
            case 10: r = "id: A\(n)\u{200B}\ntitle: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"  // id-characters
            default: r += "title: T\(n)\ngoal: D1\nowner: sbs\ndue: 2024-12\nstatus: pågår\n"
            }
            activities.append(r)
        }
        return Fixture.data([.activity: activities.joined(separator: "\n")])
    }()

    /// The output order (file by kind, line, severity, check; equal ones as they came) is
    /// the order a stable sort of the diagnostics gives: many files, lines, severities and
    /// checks, most of them equal to others, in random order.
    func testSortForOutputIsTheStableSortOfTheDiagnostics() {
        var rng = SplitMix64(seed: 9)
        let kinds: [Kind?] = [nil, .owner, .goal, .activity, .finding]
        let all = (0..<3_000).map { n -> Diagnostic in
            let k = Int(rng.next() % UInt64(kinds.count))
            let file = kinds[k] == nil ? (rng.next() % 2 == 0 ? "b/config.rec" : "a/other.rec") : "data/" + kinds[k]!.fileName
            return Diagnostic(severity: [.error, .warning, .notice][Int(rng.next() % 3)], check: ["overdue", "due-soon", "trailing"][Int(rng.next() % 3)],
                              file: file, line: Int(rng.next() % 12), kind: kinds[k], message: Message(sv: "d\(n)", en: "d\(n)"))
        }
        func rank(_ d: Diagnostic) -> Int { d.kind.map { Kind.allCases.firstIndex(of: $0)! + 1 } ?? 0 }
        let stable = all.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if a.file != b.file { return rank(a) != rank(b) ? rank(a) < rank(b) : a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.check != b.check { return a.check < b.check }
            return x.offset < y.offset
        }.map(\.element.message.sv)
        var sorted = all
        sorted.sortForOutput()
        XCTAssertEqual(sorted.map(\.message.sv), stable)
        // The order by packed numbers is the order of the diagnostics' own comparison.
        XCTAssertEqual(all.outputOrder(), all.outputOrder(packed: false))
        XCTAssertEqual(all.outputOrder().map { all[Int($0)].message.sv }, stable)
        // A line past 2^31 does not fit its bits: the diagnostics are compared.
        let far = all + [Diagnostic(severity: .error, check: "overdue", file: "data/activities.rec", line: 1 << 40, kind: .activity,
                                    message: Message(sv: "far", en: "far"))]
        XCTAssertEqual(far.outputOrder(), far.outputOrder(packed: false))
        XCTAssertEqual(all.sortedForOutput().map(\.message.sv), stable)
        var none: [Diagnostic] = []
        none.sortForOutput()
        XCTAssertEqual(none.count, 0)
    }

    /// The diagnostics are moved into their order (`InPlace.permute`), not swapped: the
    /// result is the elements taken in that order, for random permutations with cycles of
    /// every length and fixed points, of values that hold references.
    func testPermuteGivesTheElementsInTheOrder() {
        var rng = SplitMix64(seed: 17)
        for n in [0, 1, 2, 3, 10, 257] {
            for _ in 0..<20 {
                let items = (0..<n).map { "element \($0) " + String(repeating: "x", count: $0 % 40) }
                var order = (0..<n).map(Int32.init)
                for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
                if n > 3, rng.next() % 2 == 0 {  // some fixed points
                    for i in 0..<3 { order.swapAt(i, order.firstIndex(of: Int32(i))!) }
                }
                var moved = items
                InPlace.permute(&moved, order)
                XCTAssertEqual(moved, order.map { items[Int($0)] })
            }
        }
    }

    func testFusedRunFindsWhatEachCheckFindsAlone() {
        let data = Self.data
        XCTAssertGreaterThan(Parallel.ranges(data.activities.count).count, Parallel.width > 1 ? 1 : 0)
        // The checks are handed blocks of records: the pieces end in a block cut short.
        XCTAssertTrue(Parallel.ranges(data.activities.count, perCore: 4).contains { $0.count % FusedRun.block != 0 })
        XCTAssertEqual(FusedRun.blocks(5..<140), [5..<69, 69..<133, 133..<140])
        XCTAssertEqual(FusedRun.blocks(7..<7), [])
        let fused = Checks.run(data, asOf: Fixture.asOf)
        let alone = Array(Checks.all.map { $0.run(data, asOf: Fixture.asOf) }.joined()).sortedForOutput()
        XCTAssertEqual(fused.count, alone.count)
        XCTAssertTrue(fused == alone, "the fused run differs from the checks run one by one")
        // Each planted fault is found once per record that has it.
        let counts = Dictionary(grouping: fused, by: \.check).mapValues(\.count)
        for check in ["mandatory", "repeated-field", "trailing", "assumed", "reason", "done-date", "done-future", "id-characters"] {
            XCTAssertEqual(counts[check], 2_000, check)
        }
        XCTAssertGreaterThanOrEqual(counts["overdue"] ?? 0, 2_000)
    }

    /// 22,000 activities and 3,000 risks, every 13th activity with a field that a field
    /// check flags (an unknown owner or goal, a bad deadline, status or word, an English
    /// alias, a bad occurrence) and every 7th risk with a score off the scale.
    static let fieldData: DataSet = {
        var activities: [String] = []
        for n in 1...22_000 {
            var r = "id: A\(n)\ntitle: T\(n)\n"
            let fault = n % 13 == 0 ? (n / 13) % 9 : -1
            r += fault == 0 ? "goal: D3\nowner: nobody\n" : fault == 1 ? "goal: D999\nowner: sbs\n" : "goal: D3\nowner: sbs\n"
            r += fault == 2 ? "due: 2024-13\n" : fault == 3 ? "due: 2024-02-30\n" : "due: 2024-12\n"
            r += fault == 4 ? "status: ongoing\n" : fault == 5 ? "status: pågårr\n" : "status: pågår\n"
            if fault == 6 { r += "classification: open\n" }
            if fault == 7 { r += "classification: hemlig\n" }
            if fault == 8 { r += "every: kvartal\noccurrence: 2024-Q1 sen\n" }
            activities.append(r)
        }
        var risks: [String] = []
        for n in 1...3_000 {
            risks.append("id: R\(n)\ntitle: Risk \(n)\nowner: sbs\nlikelihood: \(n % 7 == 0 ? 9 : 2)\nconsequence: 3\nstatus: identifierad\n")
        }
        return Fixture.data([.activity: activities.joined(separator: "\n"), .risk: risks.joined(separator: "\n")])
    }()

    /// The field checks fused into the walk of each kind, in pieces, find what each finds
    /// alone by its own walk over the fields, in the same order and words.
    func testFusedFieldChecksFindWhatEachFindsAlone() {
        let data = Self.fieldData
        XCTAssertGreaterThan(Parallel.ranges(data.activities.count, perCore: 4).count, Parallel.width > 1 ? 4 : 0)
        let fused = Checks.run(data, asOf: Fixture.asOf)
        let alone = Array(Checks.all.map { $0.run(data, asOf: Fixture.asOf) }.joined()).sortedForOutput()
        XCTAssertEqual(fused.count, alone.count)
        XCTAssertTrue(fused == alone, "the fused run differs from the checks run one by one")
        XCTAssertEqual(fused.map(\.message.en), alone.map(\.message.en))
        let counts = Dictionary(grouping: fused, by: \.check).mapValues(\.count)
        // 1,692 activities have a fault, 188 of each of the nine.
        XCTAssertEqual(counts["owner"], 188)
        XCTAssertEqual(counts["reference"], 188)
        XCTAssertEqual(counts["deadline"], 376)
        XCTAssertEqual(counts["status"], 376)
        XCTAssertEqual(counts["vocabulary"], 376)
        XCTAssertEqual(counts["occurrence"], 188)
        XCTAssertEqual(counts["score"], 3_000 / 7)
        let unknownGoal = fused.first { $0.check == "reference" }
        XCTAssertEqual(unknownGoal?.recordID, "A13")
        XCTAssertTrue(unknownGoal?.message.en.contains("goal 'D999' is not in data/goals.rec") ?? false, unknownGoal?.message.en ?? "")
    }

    /// The runner learns how to fuse a check from `fusion`, not from a cast: every record,
    /// scheduled and field check must give it, and no other check.
    func testEveryRecordScheduledAndFieldCheckSaysHowItIsFused() {
        for c in Checks.all {
            switch c.fusion {
            case .record: XCTAssertTrue(c is any RecordCheck, c.id)
            case .scheduled: XCTAssertTrue(c is any ScheduledCheck, c.id)
            case .field: XCTAssertTrue(c is any FieldCheck, c.id)
            case nil: XCTAssertFalse(c is any RecordCheck || c is any ScheduledCheck || c is any FieldCheck, c.id)
            }
        }
        XCTAssertEqual(Checks.all.compactMap(\.fusion).count, 17)
        XCTAssertEqual(Checks.all.filter { if case .field = $0.fusion { return true } else { return false } }.map(\.id),
                       ["deadline", "owner", "reference", "status", "vocabulary", "occurrence", "score"])
    }

    func testWithoutDateChecksTheFusedRunLeavesThemOut() {
        let found = Checks.run(Self.data, asOf: Fixture.asOf, includeDateChecks: false)
        XCTAssertFalse(found.contains { ["overdue", "due-soon", "done-future"].contains($0.check) })
        XCTAssertEqual(found.filter { $0.check == "done-date" }.count, 2_000)
    }

    /// A record check passes over a record by its codes (`mayFlag`) only where its own
    /// `check` would find nothing: for every record check, on records of every kind with
    /// every mix of required, repeated, list, empty, continued and unknown fields. And the
    /// codes pass over most of the plain records, or they save nothing.
    func testARecordPassedOverByItsCodesIsOneTheCheckFindsNothingIn() {
        var rng = SplitMix64(seed: 21)
        var texts: [Kind: String] = [:]
        for kind in [Kind.goal, .activity, .risk, .finding] {
            let keys = kind.fields.map(\.name) + ["okand", "annan"]
            var text = ""
            for n in 0..<300 {
                var lines: [String] = []
                // Every third record has its required fields once each, with values.
                if n % 3 == 0 { lines = kind.required.map { "\($0.key): v\(n)" } }
                for _ in 0..<Int(rng.next() % 6) {
                    let key = keys[Int(rng.next() % UInt64(keys.count))]
                    switch rng.next() % 5 {
                    case 0: lines.append("\(key):")
                    case 1: lines.append("\(key): a\n+ b")
                    case 2: lines.append("\(key): title, status, nofield")
                    default: lines.append("\(key): v\(rng.next() % 3)")
                    }
                }
                guard !lines.isEmpty else { continue }
                text += lines.joined(separator: "\n") + "\n\n"
            }
            texts[kind] = text
        }
        let data = Fixture.data(texts)
        let checks = Checks.all.compactMap { $0 as? any RecordCheck }
        XCTAssertGreaterThanOrEqual(checks.count, 4)
        var passed = 0, read = 0
        for check in checks {
            for kind in check.kinds {
                guard let file = data.files[kind] else { continue }
                let site = RecordSite(data: data, kind: kind, file: file, asOf: Day("2024-11-04")!)
                for (i, r) in file.document.records.enumerated() {
                    guard !check.mayFlag(r.codes, kind) else { read += 1; continue }
                    passed += 1
                    var out: [Diagnostic] = []
                    check.check(r, i, site, into: &out)
                    XCTAssertEqual(out.map(\.message.sv), [], "\(check.id) passed over \(kind) line \(r.line)")
                }
            }
        }
        XCTAssertGreaterThan(passed, 500)
        XCTAssertGreaterThan(read, 500)
    }
}
