import Foundation
import SakerhetCore

/// Times the stages of `audit` inside one process: reading the files, parsing them,
/// building the data set, each check of `Checks.all`, sorting, rendering and freeing it all. The median of
/// `runs` is shown, so a slow check stands out with a number. Times are wall clock:
/// parsing and building the data set use every core, so one thread's CPU time would
/// leave out the others' work. The checks run one after another here, not at the same
/// time as `audit` runs them.
enum Profile {
    static func run(folder: String, asOf: Day, runs: Int) throws -> String {
        var times: [String: [Double]] = [:]
        var order: [String] = []
        var counts: [String: Int] = [:]
        var resident: [String: Int] = [:]
        func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
            let start = wallNow()
            let value = try body()
            let d = wallNow() - start
            if times[label] == nil { order.append(label) }
            times[label, default: []].append(d)
            resident[label] = Platform.residentKiB()
            return value
        }

        /// Everything one run holds, released as a whole at the end, as `audit` does when it returns.
        final class Held {
            var bytes: [(Kind?, String, [UInt8])] = []
            var files: [Kind: SourceFile] = [:]
            var configFile: SourceFile?
            var data: DataSet?
            var diagnostics: [Diagnostic] = []
        }

        for _ in 0..<max(1, runs) {
            var held: Held? = Held()
            try time("read files") {
                for kind in Kind.allCases {
                    let path = folder + "/" + kind.fileName
                    if FileManager.default.fileExists(atPath: path) { held!.bytes.append((kind, path, try Store.read(path))) }
                }
                let config = folder + "/config.rec"
                if FileManager.default.fileExists(atPath: config) { held!.bytes.append((nil, config, try Store.read(config))) }
            }
            time("parse (Document)") {
                for (kind, path, b) in held!.bytes {
                    let file = SourceFile(path: path, document: Document(bytes: b))
                    if let kind { held!.files[kind] = file } else { held!.configFile = file }
                }
            }
            time("build DataSet") {
                let data = DataSet(folder: folder, files: held!.files, configFile: held!.configFile)
                // The typed records are made on first use; here, as part of this stage.
                _ = (data.goals.count, data.activities.count, data.risks.count, data.findings.count, data.followups.count)
                held!.data = data
            }
            for check in Checks.all {
                let found = time("check " + check.id) { check.run(held!.data!, asOf: asOf) }
                counts[check.id] = found.count
                held!.diagnostics += found
            }
            time("sort diagnostics") { held!.diagnostics = held!.diagnostics.sortedForOutput() }
            _ = time("render text") {
                DiagnosticText.render(held!.diagnostics, data: held!.data!, asOf: asOf, lang: .sv, style: Style(color: false))
            }
            time("free everything") { held = nil }
        }

        func median(_ xs: [Double]) -> Double {
            let s = xs.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        // Resident size after the stage, in the last run: what each stage keeps.
        var out = "| Stage | Median (ms) | Diagnostics | Resident after (MB) |\n|---|--:|--:|--:|\n"
        var total = 0.0
        for label in order {
            let m = median(times[label]!)
            total += m
            let id = label.hasPrefix("check ") ? String(label.dropFirst(6)) : nil
            let mb = resident[label].map { "\($0 / 1024)" } ?? ""
            out += "| \(label) | \(Format.ms(m)) | \(id.map { "\(counts[$0] ?? 0)" } ?? "") | \(mb) |\n"
        }
        out += "| **total** | **\(Format.ms(total))** | | |\n"
        return out
    }
}

extension Profile {
    /// Times the stages of `report --format FORMAT` inside one process: loading the folder,
    /// making the report value, rendering it and writing it to a file. The fastest of `runs`.
    static func report(folder: String, format: String, asOf: Day, runs: Int) throws -> String {
        let out = NSTemporaryDirectory() + "/sakerhet-profile-\(ProcessInfo.processInfo.processIdentifier).out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        var best: [Double] = [.infinity, .infinity, .infinity, .infinity]
        var size = 0
        for _ in 0..<max(1, runs) {
            let t0 = wallNow()
            let data = try Store.load(folder: folder)
            let t1 = wallNow()
            let report = FollowUp.make(data, asOf: asOf, lang: .sv)
            let t2 = wallNow()
            let made: Pieces
            switch format {
            case "html": made = FollowUpHTML.pieces(report, lang: .sv)
            case "markdown": made = Pieces(FollowUpMarkdown.render(report, lang: .sv))
            case "json": made = Pieces(FollowUpJSON.render(report))
            default: made = Pieces(FollowUpText.render(report, lang: .sv, style: Style(color: false)))
            }
            // Rendered here, written below: the command does both in one go.
            var pieces: [String] = []
            made.forEach { pieces.append($0); return true }
            let t3 = wallNow()
            try Store.writeAtomically(Pieces(texts: pieces), to: out)
            let t4 = wallNow()
            size = pieces.reduce(0) { $0 + $1.utf8.count }
            for (i, d) in [t1 - t0, t2 - t1, t3 - t2, t4 - t3].enumerated() { best[i] = min(best[i], d) }
            withExtendedLifetime((data, report)) {}
        }
        let labels = ["load (read, parse, data set)", "make the report value", "render \(format)", "write \(Format.thousands(size)) bytes"]
        var table = "| Stage | Fastest (ms) |\n|---|--:|\n"
        for (label, d) in zip(labels, best) { table += "| \(label) | \(Format.ms(d)) |\n" }
        return table + "| **total** | **\(Format.ms(best.reduce(0, +)))** |\n"
    }
}

extension Profile {
    /// Times the stages of `activities list --overdue` inside one process: reading the files
    /// a list reads (owners and activities), parsing them, making the list and rendering
    /// its table. The median of `runs` (wall-clock time), and the first run's: that one
    /// touches fresh memory, as the command does in a process of its own.
    static func list(folder: String, asOf: Day, runs: Int) throws -> String {
        let kinds = Kind.activity.listed(byGoal: false, byArea: false)
        let present = kinds.filter { FileManager.default.fileExists(atPath: folder + "/" + $0.fileName) }
        var times = [[Double]](repeating: [], count: 4)
        var rows = 0
        for _ in 0..<max(1, runs) {
            let t0 = wallNow()
            let contents = try Store.read(present.map { folder + "/" + $0.fileName })
            let t1 = wallNow()
            var files: [Kind: SourceFile] = [:]
            for (kind, document) in zip(present, Document.parsing(contents)) { files[kind] = SourceFile(path: kind.fileName, document: document) }
            let data = DataSet(folder: folder, files: files)
            let t2 = wallNow()
            var filter = ListFilter()
            filter.overdue = true
            let list = RecordList.make(data, .activity, filter: filter, asOf: asOf)
            let t3 = wallNow()
            let text = ListRender.render(list, format: "table", lang: .sv, style: Style(color: false))
            let t4 = wallNow()
            rows = list.rows.count
            for (i, d) in [t1 - t0, t2 - t1, t3 - t2, t4 - t3].enumerated() { times[i].append(d) }
            withExtendedLifetime((data, text)) {}
        }
        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        let labels = ["read owners.rec, activities.rec", "parse", "make the list (\(Format.thousands(rows)) rows)", "render the table"]
        var table = "| Stage | Median (ms) | First run (ms) |\n|---|--:|--:|\n"
        for (label, d) in zip(labels, times) { table += "| \(label) | \(Format.ms(median(d))) | \(Format.ms(d[0])) |\n" }
        return table + "| **total** | **\(Format.ms(times.map(median).reduce(0, +)))** | **\(Format.ms(times.map { $0[0] }.reduce(0, +)))** |\n"
    }
}

extension Profile {
    /// Only reads, parses and builds the data set, `runs` times, and gives the fastest of
    /// each (wall-clock time): a steadier figure for work on the parser than a whole audit.
    static func load(folder: String, runs: Int) throws -> String {
        var paths: [String] = Kind.allCases.map { folder + "/" + $0.fileName }.filter { FileManager.default.fileExists(atPath: $0) }
        if FileManager.default.fileExists(atPath: folder + "/config.rec") { paths.append(folder + "/config.rec") }
        let contents = try paths.map { try Store.read($0) }
        var parse = Double.infinity, build = Double.infinity
        var records = 0
        for _ in 0..<max(1, runs) {
            let t0 = wallNow()
            let documents = contents.map { Document(bytes: $0) }
            let t1 = wallNow()
            var files: [Kind: SourceFile] = [:]
            for (kind, document) in zip(Kind.allCases.filter { FileManager.default.fileExists(atPath: folder + "/" + $0.fileName) }, documents) {
                files[kind] = SourceFile(path: kind.fileName, document: document)
            }
            let data = DataSet(folder: folder, files: files)
            _ = (data.goals.count, data.activities.count, data.risks.count, data.findings.count, data.followups.count)
            let t2 = wallNow()
            parse = min(parse, t1 - t0)
            build = min(build, t2 - t1)
            records = documents.reduce(0) { $0 + $1.records.count }
            withExtendedLifetime(data) {}
        }
        let bytes = contents.reduce(0) { $0 + $1.count }
        return "parse: \(Format.ms(parse)) ms for \(Format.thousands(bytes)) bytes, \(Format.thousands(records)) records "
            + "(\(Format.fixed(Double(bytes) / parse / 1e6, 0)) MB/s); data set: \(Format.ms(build)) ms (fastest of \(runs), wall-clock time)\n"
    }
}

/// Wall-clock time: parsing and building the data set use every core, so the time of
/// one thread would leave out the work of the others.
func wallNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

enum Format {
    static func ms(_ seconds: Double) -> String { fixed(seconds * 1000, seconds < 0.01 ? 2 : 1) }

    static func seconds(_ s: Double) -> String { fixed(s, s < 1 ? 3 : 2) }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let n = Int((x * scale).rounded())
        let whole = n / Int(scale), frac = n % Int(scale)
        guard digits > 0 else { return "\(whole)" }
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }

    static func mb(_ kb: Int) -> String { fixed(Double(kb) / 1024, 0) }

    static func thousands(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}
