import FoundationEssentials

/// A git repository with a long, known history, for timing and testing `sakerhet log`:
/// `data/` with owners, goals and `activities` activities in the first commit, then
/// `commits - 1` commits that each change one activity in activities.rec, in turn A1,
/// A2, …: on odd rounds the deadline moves one month later with a reason, on even rounds
/// the note changes. Authors rotate (non-ASCII names included) and commit k is dated
/// 2022-01-03 plus k days, so the same arguments always give the same commits. Written
/// with one `git fast-import`: three git processes in all.
public enum HistoryFixture {
    public static let authors = ["Åsa Öberg", "Bo Ek", "Sven Åkesson"]

    /// Creates the repository at `path` (which must not exist or be empty) with its work
    /// tree checked out on `main`.
    public static func makeRepository(at path: String, commits: Int = 1000, activities: Int = 100) throws {
        precondition(commits >= 1 && activities >= 1)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let initRun = try Git.run(["init", "-q"], in: path)
        guard initRun.status == 0 else { throw GitHistory.failed("git init", initRun) }

        var due = (0..<activities).map { i in 2024 * 12 + i % 12 }   // year * 12 + month - 1
        var notes = [Int](repeating: 0, count: activities)
        var reasons = [Int](repeating: 0, count: activities)
        var stream: [UInt8] = []
        func put(_ s: String) { stream.append(contentsOf: s.utf8) }
        func data(_ bytes: [UInt8]) { put("data \(bytes.count)\n"); stream += bytes; put("\n") }
        let start = 1_641_196_800 + 8 * 3600   // 2022-01-03 08:00 UTC

        for k in 0..<commits {
            var message = "Första versionen av planen"
            var files: [(String, [UInt8])] = []
            if k == 0 {
                files = [("owners.rec", Array(owners.utf8)), ("goals.rec", Array(goals.utf8))]
            } else {
                let i = (k - 1) % activities
                let round = (k - 1) / activities
                if round % 2 == 0 {
                    let old = token(due[i])
                    due[i] += 1
                    reasons[i] += 1
                    message = "A\(i + 1): due \(old) → \(token(due[i]))"
                } else {
                    notes[i] += 1
                    message = "A\(i + 1): ny lägesbeskrivning"
                }
            }
            files.append(("activities.rec", activitiesFile(due: due, notes: notes, reasons: reasons)))
            let name = authors[k % authors.count]
            let when = "\(start + k * 86_400) +0100"
            put("commit refs/heads/main\nmark :\(k + 1)\n")
            put("author \(name) <sakerhet@example.se> \(when)\ncommitter \(name) <sakerhet@example.se> \(when)\n")
            data(Array(message.utf8))
            if k > 0 { put("from :\(k)\n") }
            for (file, bytes) in files {
                put("M 100644 inline data/\(file)\n")
                data(bytes)
            }
            put("\n")
        }
        let imported = try Git.run(["fast-import", "--quiet"], in: path, input: stream)
        guard imported.status == 0 else { throw GitHistory.failed("git fast-import", imported) }
        let head = try Git.run(["symbolic-ref", "HEAD", "refs/heads/main"], in: path)
        guard head.status == 0 else { throw GitHistory.failed("git symbolic-ref", head) }
        let checkout = try Git.run(["checkout", "-q", "-f", "main"], in: path)
        guard checkout.status == 0 else { throw GitHistory.failed("git checkout", checkout) }
    }

    static func token(_ months: Int) -> String {
        let y = months / 12, m = months % 12 + 1
        return "\(y)-" + (m < 10 ? "0\(m)" : "\(m)")
    }

    static func activitiesFile(due: [Int], notes: [Int], reasons: [Int]) -> [UInt8] {
        var s = "%rec: activity\n%key: id\n%mandatory: id title goal owner due status\n"
        for i in 0..<due.count {
            s += "\nid: A\(i + 1)\n"
            s += "title: Genomföra kontinuitetsövning \(i + 1) med enheterna inom socialförvaltningen\n"
            s += "goal: D\(i % 4 + 1)\nowner: \(i % 2 == 0 ? "sbs" : "meb")\nstart: 2024-01\n"
            s += "due: \(token(due[i]))\nstatus: pågår\n"
            if reasons[i] > 0 { s += "reason: Omprioriterat efter beslut i ledningsgruppen, omgång \(reasons[i])\n" }
            if notes[i] > 0 { s += "note: Lägesbeskrivning \(notes[i]): övningen planeras tillsammans med beredskapssamordnaren\n" }
        }
        return Array(s.utf8)
    }

    static let owners = """
        %rec: owner
        %key: id

        id: sbs
        name: Enheten för säkerhet, beredskap och systemförvaltning
        kind: enhet

        id: meb
        name: Enheten för mottagning och ekonomiskt bistånd
        kind: enhet

        """

    static let goals = """
        %rec: goal
        %key: id

        id: D1
        title: Upprätta en förvaltningsgemensam plan för kontinuitetshantering
        owner: sbs
        due: 2024-12
        status: pågår

        id: D2
        title: Säkerställa reservrutiner för prioriterade åtaganden
        owner: sbs
        due: 2024-12
        status: pågår

        id: D3
        title: Stärka skyddet mot välfärdsbrott
        owner: meb
        due: 2025-06
        status: pågår

        id: D4
        title: Utbilda medarbetare i informationssäkerhet
        owner: sbs
        due: 2025-12
        status: pågår

        """
}
