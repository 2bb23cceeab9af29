import Foundation
import SakerhetCore

/// `sakerhet-bench run --rollup PLANSxACTIVITIES`: a rollup over many plans against the
/// same records in one folder, in the same run. Writes PLANS folders of ACTIVITIES
/// activities each (seeds 1…PLANS, organisations "Kommun 001" …) with a plans file, and
/// one folder of PLANS × ACTIVITIES activities; times `report --format html` and `audit`
/// on both, and prints the ratio and the peak memory against the data's size on disk.
struct RollupBench {
    let plans: Int
    let activities: Int

    /// `290x2000`.
    init?(_ text: String) {
        let parts = text.lowercased().split(separator: "x").map { Int($0.replacingOccurrences(of: "_", with: "")) }
        guard parts.count == 2, let p = parts[0], let a = parts[1], p > 1, a > 0 else { return nil }
        plans = p
        activities = a
    }

    struct Outcome {
        var rows: [Bench.Row]
        var text: String
    }

    func run(binary: String, dir: String, runner: Runner, log: (String) -> Void) throws -> Outcome {
        let fm = FileManager.default
        let root = dir + "/rollup-\(plans)x\(activities)"
        let single = dir + "/rollup-single-\(plans * activities)"
        let plansFile = root + "/plans.txt"
        if !fm.fileExists(atPath: plansFile) {
            log("generating \(plans) plans of \(Format.thousands(activities)) activities in \(root) …")
            try? fm.removeItem(atPath: root)
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
            var list = "# \(plans) synthetic plans for the rollup benchmark\n"
            let names = (1...plans).map { String(format: "kommun-%03d", $0) }
            // Generated on every core: each folder is independent.
            let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let errors = ErrorBox()
            DispatchQueue.concurrentPerform(iterations: width) { w in
                for i in stride(from: w, to: plans, by: width) {
                    var g = Generator(activities: activities, seed: UInt64(i + 1))
                    g.organisation = String(format: "Kommun %03d", i + 1)
                    let yaml = root + "/" + names[i] + ".yaml"
                    do { try g.write(to: root + "/" + names[i], yamlPath: yaml); try? FileManager.default.removeItem(atPath: yaml) }
                    catch { errors.set("\(error)") }
                }
            }
            if let e = errors.value { throw RunError("generating the rollup plans failed: \(e)") }
            for n in names { list += n + "\n" }
            try Data(list.utf8).write(to: URL(fileURLWithPath: plansFile))
        }
        if !fm.fileExists(atPath: single + "/activities.rec") {
            log("generating one folder of \(Format.thousands(plans * activities)) activities in \(single) …")
            var g = Generator(activities: plans * activities, seed: 1)
            try g.write(to: single, yamlPath: single + ".yaml")
            try? fm.removeItem(atPath: single + ".yaml")
        }
        let records = try recordCount(single)
        let bytes = [size(root), size(single)]
        let sizeLabel = "\(plans)×\(Format.thousands(activities))"
        var rows: [Bench.Row] = []
        func add(_ label: String, _ r: Runner.Result) {
            rows.append(Bench.Row(size: sizeLabel, command: label, result: r, note: r.note))
            log("  \(label): " + (r.median.map { Format.seconds($0) + " s" } ?? "–") + (r.maxRSS.map { ", " + Format.mb($0) + " MB" } ?? ""))
        }
        let common = ["--as-of", Bench.asOf]
        let one = runner.measure(binary, ["--data", single] + common + ["report", "--format", "html"])
        add("report --format html, one folder", one)
        let many = runner.measure(binary, ["--plans", plansFile] + common + ["report", "--format", "html"])
        add("report --format html, \(plans) plans", many)
        add("audit, one folder", runner.measure(binary, ["--data", single] + common + ["audit"], okStatus: [0, 1]))
        add("audit, \(plans) plans", runner.measure(binary, ["--plans", plansFile] + common + ["audit"], okStatus: [0, 1]))

        var text = "\nRollup: \(plans) plans × \(Format.thousands(activities)) activities against one folder of "
            + "\(Format.thousands(plans * activities)) activities (\(Format.thousands(records)) records each way; data "
            + "\(Format.mb(bytes[0] / 1024)) MB in the plans, \(Format.mb(bytes[1] / 1024)) MB in the one folder).\n"
        if let a = one.median, let b = many.median {
            text += "- report --format html: one folder \(Format.seconds(a)) s, \(plans) plans \(Format.seconds(b)) s: "
                + "the rollup takes \(Format.fixed(b / a, 2))× the time (goal: at most 1.5× and at most 2 s).\n"
        }
        if let r = many.maxRSS {
            text += "- peak memory of the rollup report: \(Format.mb(r)) MB, \(Format.fixed(Double(r) * 1024 / Double(max(1, bytes[0])), 2))× the data "
                + "(goal: at most 3×); \(Format.fixed(Double(r) * 1024 / Double(max(1, records)), 0)) bytes per record.\n"
        }
        if let r = one.maxRSS {
            text += "- peak memory of the one-folder report: \(Format.mb(r)) MB, \(Format.fixed(Double(r) * 1024 / Double(max(1, bytes[1])), 2))× the data.\n"
        }
        var load = [0.0, 0.0, 0.0]
        if getloadavg(&load, 3) == 3 {
            text += "- load average at the end: \(Format.fixed(load[0], 2)) \(Format.fixed(load[1], 2)) \(Format.fixed(load[2], 2)) "
                + "on \(ProcessInfo.processInfo.activeProcessorCount) cores (the machine may be shared).\n"
        }
        return Outcome(rows: rows, text: text)
    }

    /// Bytes of the `.rec` files under `dir`.
    func size(_ dir: String) -> Int {
        var total = 0
        if let items = FileManager.default.enumerator(atPath: dir) {
            for case let item as String in items where item.hasSuffix(".rec") {
                total += ((try? FileManager.default.attributesOfItem(atPath: dir + "/" + item))?[.size] as? Int) ?? 0
            }
        }
        return total
    }

    func recordCount(_ dir: String) throws -> Int {
        let d = try Store.load(folder: dir)
        return d.owners.count + d.areas.count + d.goals.count + d.activities.count + d.risks.count + d.findings.count
    }
}

/// The first error of several threads.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?
    func set(_ s: String) { lock.lock(); if first == nil { first = s }; lock.unlock() }
    var value: String? { lock.lock(); defer { lock.unlock() }; return first }
}
