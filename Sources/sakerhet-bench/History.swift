import Foundation
import SakerhetCore

/// A git repository whose `data/` has a long history, for timing `sakerhet log`: a
/// synthetic folder of `activities` activities, then `commits - 1` commits that each
/// change one activity in activities.rec (a deadline moved later with a reason, or a new
/// note). Written with one `git fast-import`, with fixed authors and dates, so the same
/// arguments always give the same commits.
enum History {
    static func generate(repo: String, commits: Int, activities: Int, seed: UInt64 = 7) throws {
        let fm = FileManager.default
        try? fm.removeItem(atPath: repo)
        let scratch = repo + ".tmp"
        try? fm.removeItem(atPath: scratch)
        var generator = Generator(activities: activities, seed: seed)
        try generator.write(to: scratch, yamlPath: scratch + ".yaml")
        defer { try? fm.removeItem(atPath: scratch); try? fm.removeItem(atPath: scratch + ".yaml") }

        guard let git = Runner.which("git") else { throw RunError("git is not installed") }
        try fm.createDirectory(atPath: repo, withIntermediateDirectories: true)
        let (initStatus, initOut) = Runner.capture(git, ["init", "-q", "-b", "main", repo])
        guard initStatus == 0 else { throw RunError("git init failed: \(initOut)") }

        var stream: [UInt8] = []
        func put(_ s: String) { stream.append(contentsOf: s.utf8) }
        func blob(_ bytes: [UInt8]) { put("data \(bytes.count)\n"); stream += bytes; put("\n") }
        let authors = ["Säkerhetsstrategen, Enheten för säkerhet <sakerhet@norrtalje.se>",
                       "Enhetschef SBS <sbs@norrtalje.se>",
                       "Beredskapssamordnaren <beredskap@norrtalje.se>"]
        let start = 1_641_196_800 // 2022-01-03 08:00 UTC
        var rng = SplitMix64(seed: seed)
        var doc = Document(bytes: try Store.read(scratch + "/activities.rec"))
        let names = ["config.rec", "owners.rec", "areas.rec", "goals.rec", "activities.rec", "risks.rec", "findings.rec"]

        for k in 0..<commits {
            let when = start + k * 86_400 + rng.below(36_000)
            let author = authors[k % authors.count]
            var message: String
            var files: [(String, [UInt8])] = []
            if k == 0 {
                message = "data: första versionen av planen"
                for name in names { files.append((name, try Store.read(scratch + "/" + name))) }
            } else {
                let index = rng.below(doc.records.count)
                let record = doc.records[index]
                let id = record.value("id") ?? "?"
                if rng.chance(60) {
                    let old = record.value("due").flatMap { Deadline(token: $0) }?.lastDay ?? Day(year: 2024, month: 6, day: 1)!
                    var m = old.month + 1 + rng.below(3), y = old.year
                    while m > 12 { m -= 12; y += 1 }
                    let token = "\(y)-" + (m < 10 ? "0\(m)" : "\(m)")
                    doc = doc.setting("due", to: token, inRecord: index, order: Kind.activity.fieldOrder)
                    doc = doc.setting("reason", to: rng.pick(Texts.reasons), inRecord: index, order: Kind.activity.fieldOrder)
                    message = "activities: \(id) due → \(token)"
                } else {
                    doc = doc.setting("note", to: rng.pick(Texts.notes), inRecord: index, order: Kind.activity.fieldOrder)
                    message = "activities: \(id) note"
                }
                files.append(("activities.rec", doc.bytes))
            }
            put("commit refs/heads/main\n")
            put("mark :\(k + 1)\n")
            put("author \(author) \(when) +0100\n")
            put("committer \(author) \(when) +0100\n")
            blob(Array(message.utf8))
            if k > 0 { put("from :\(k)\n") }
            for (name, bytes) in files {
                put("M 100644 inline data/\(name)\n")
                blob(bytes)
            }
            put("\n")
        }
        let (status, out) = Runner.capture(git, ["-C", repo, "fast-import", "--quiet"], input: Data(stream))
        guard status == 0 else { throw RunError("git fast-import failed: \(out)") }
        let (coStatus, coOut) = Runner.capture(git, ["-C", repo, "checkout", "-q", "-f", "main"])
        guard coStatus == 0 else { throw RunError("git checkout failed: \(coOut)") }
    }
}
