import Foundation
import SakerhetCore

/// Writes a valid synthetic data folder of N activities, with goals (N/10), risks (N/20),
/// findings (N/50), about 50 owners and the plan's 10 areas, plus the same records as one
/// YAML file (a list of mappings) for the PyYAML reference. Deterministic for a seed.
/// Statuses are set as of 2024-11-04 (the shipped plan's version 2.0), so `audit` at that
/// date finds overdue work, due-soon notices, passed review dates, goals closed over open
/// work and red findings without a deadline (random statuses), but no other problem.
struct Generator {
    static let asOf = Day(year: 2024, month: 11, day: 4)!

    let activities: Int
    var rng: SplitMix64
    /// The plan's organisation in config.rec (the rollup names plans by it).
    var organisation = "Socialnämnden, Norrtälje kommun"

    init(activities: Int, seed: UInt64 = 1) {
        self.activities = activities
        self.rng = SplitMix64(seed: seed)
    }

    /// One record: fields in file order; a repeated key is a list.
    typealias Fields = [(key: String, value: String)]

    struct Output {
        var rec: [String: Recfile] = [:]
        var yaml = YAMLWriter()
    }

    mutating func write(to dir: String, yamlPath: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var out = Output()
        let n = max(1, activities)
        let goalCount = max(2, n / 10)
        let riskCount = max(1, n / 20)
        let findingCount = max(1, n / 50)

        func emit(_ kind: String, _ file: String, _ fields: Fields, comment: String? = nil) {
            if out.rec[file] == nil { out.rec[file] = Recfile(kind: kind, file: file, count: n) }
            out.rec[file]!.add(fields, comment: comment)
            out.yaml.add(kind, fields)
        }

        emit("config", "config.rec", [
            ("organisation", organisation),
            ("title", "Syntetisk plan med \(n) aktiviteter för prestandamätning"),
            ("version", "2.0"),
            ("soon_days", "30"),
        ])
        for o in Texts.owners {
            var f: Fields = [("id", o.id), ("name", o.name), ("kind", o.kind)]
            if let p = o.parent { f.append(("parent", p)) }
            if o.kind == "förvaltning" || o.kind == "avdelning" { f.append(("contact", "kontaktcenter@norrtalje.se")) }
            emit("owner", "owners.rec", f)
        }
        for a in Texts.areas {
            emit("area", "areas.rec", [("id", a.id), ("name", a.name), ("description", a.description)])
        }

        // Goals: a tenth are top-level goals (M…), the rest sub-goals (D…) under them. Every
        // goal ends on 31 December of its year, so activities due within that year fit.
        let topCount = max(1, goalCount / 10)
        var goalIDs: [String] = []
        var goalYear: [Int] = []
        goalIDs.reserveCapacity(goalCount)
        for i in 0..<goalCount {
            let top = i < topCount
            let id = top ? "M\(i + 1)" : "D\(i - topCount + 1)"
            let parentIndex = top ? -1 : rng.below(topCount)
            let year = top ? 2024 + rng.below(3) : rng.between(2024, goalYear[parentIndex])
            goalIDs.append(id)
            goalYear.append(year)
            emit("goal", "goals.rec", goal(id: id, parent: top ? nil : goalIDs[parentIndex], year: year, top: top))
        }

        let unitOwners = Texts.owners.filter { $0.kind == "enhet" || $0.kind == "funktion" }.map(\.id)
        for i in 1...n {
            let g = rng.below(goalCount)
            let (fields, comment) = activity(id: "A\(i)", goal: goalIDs[g], goalYear: goalYear[g], owners: unitOwners)
            emit("activity", "activities.rec", fields, comment: comment)
        }
        for i in 1...riskCount { emit("risk", "risks.rec", risk(id: "R\(i)", owners: unitOwners)) }
        for i in 1...findingCount { emit("finding", "findings.rec", finding(id: "F\(i)", owners: unitOwners)) }

        for (_, file) in out.rec {
            try Data(file.bytes).write(to: URL(fileURLWithPath: dir + "/" + file.file))
        }
        try Data(out.yaml.bytes).write(to: URL(fileURLWithPath: yamlPath))
    }

    // MARK: Records

    private mutating func goal(id: String, parent: String?, year: Int, top: Bool) -> Fields {
        var f: Fields = [("id", id), ("title", text(Texts.goalTitles, suffix: true))]
        if let parent { f.append(("parent", parent)) }
        if rng.chance(85) { f.append(("area", rng.pick(Texts.areas).id)) }
        f.append(("owner", rng.chance(60) ? "e1" : rng.pick(Texts.owners.filter { $0.kind != "extern" }).id))
        let due: String
        switch rng.below(10) {
        case 0..<6: due = "\(year)-12-31"
        case 6, 7: due = "\(year)"
        case 8: due = "\(year)-H2"
        default: due = "\(year)-Q4"
        }
        f.append(("due", due))
        let r = rng.below(100)
        if top || r < 85 {
            f.append(("status", "pågår"))
        } else if r < 90 {
            f.append(("status", "ej påbörjad"))
        } else if r < 97 {
            f.append(("status", "klar"))
            f.append(("done", day(2024, rng.between(1, 10))))
        } else if r < 99 {
            f.append(("status", "vilande"))
            f.append(("reason", Texts.reasons[0]))
        } else {
            f.append(("status", "struken"))
            f.append(("reason", Texts.reasons[2]))
        }
        if rng.chance(70) {
            var w = rng.pick(Texts.doneWhen)
            if rng.chance(20) { w += "\n" + rng.pick(Texts.doneWhen) + ", senast \(year)-10-31" }
            f.append(("done_when", w))
        }
        if rng.chance(40) { f.append(("note", sentences(Texts.notes, 110))) }
        if rng.chance(90) { f.append(("source", rng.pick(Texts.sources))) }
        if rng.chance(3) { f.append(("classification", "intern")) }
        return f
    }

    private mutating func activity(id: String, goal: String, goalYear: Int, owners: [String]) -> (Fields, String?) {
        var f: Fields = []
        var comment: String?
        let recurring = rng.chance(2)
        f.append(("id", id))
        f.append(("title", recurring ? "Internkontrollpunkt \(rng.between(1, 12)): " + rng.pick(Texts.objects)
                                      : rng.pick(Texts.verbs) + " " + rng.pick(Texts.objects) + rng.pick(Texts.qualifiers)))
        f.append(("goal", goal))
        f.append(("owner", rng.chance(30) ? "e1" : rng.pick(owners)))

        // The deadline, at the plan's precisions; never after the goal's year.
        var due: Deadline?
        if !recurring, rng.chance(5) {
            due = nil
        } else if recurring {
            // An internal-control point: the next period, from December 2024 on.
            let year = rng.between(2024, goalYear)
            due = Deadline(token: month(year, year == 2024 ? 12 : rng.between(1, 12)))!
        } else {
            let year = rng.between(max(2023, goalYear - 2), goalYear)
            let p = rng.below(95)
            let token: String
            switch p {
            case 0..<55: token = month(year, rng.between(1, 12))
            case 55..<70:
                let m = rng.between(1, 12)
                token = day(year, m, rng.between(1, Day.daysIn(month: m, year: year)))
            case 70..<80: token = "\(year)-Q\(rng.between(1, 4))"
            case 80..<85: token = "\(year)-T\(rng.between(1, 3))"
            case 85..<90: token = "\(year)-H\(rng.between(1, 2))"
            default: token = "\(year)"
            }
            due = Deadline(token: token)!
        }
        var start: Deadline?
        if let d = due, rng.chance(75) {
            let first = d.firstDay!
            var m = first.month - rng.below(9), y = first.year
            while m < 1 { m += 12; y -= 1 }
            start = Deadline(token: month(y, m))!
        } else if due == nil, rng.chance(50) {
            start = Deadline(token: rng.chance(50) ? "2023-12" : month(2024, rng.between(1, 10)))!
        }
        if let start { f.append(("start", start.token)) }
        f.append(("due", due?.token ?? "?"))

        // Status as of 2024-11-04, as the shipped plan derives it.
        let asOf = Generator.asOf
        let r = rng.below(100)
        var status = "pågår"
        var done: String?
        var reason: String?
        if let d = due {
            let last = d.lastDay!
            if last < asOf {
                if r < 88 {
                    status = "klar"
                    let first = max(d.firstDay!, start?.firstDay ?? d.firstDay!)
                    done = Day(ordinal: first.ordinal + rng.below(first.days(until: last) + 1)).description
                    comment = rng.chance(5) ? "# Klar härlett (slutdatum \(d.token))." : nil
                } else if r < 95 {
                    status = "pågår"
                } else if r < 98 {
                    status = "vilande"; reason = rng.pick(Texts.reasons)
                } else {
                    status = "struken"; reason = Texts.reasons[2]
                }
            } else {
                if let s = start?.firstDay { status = s > asOf ? "ej påbörjad" : "pågår" }
                else { status = r < 70 ? "pågår" : "ej påbörjad" }
                if r >= 96 && r < 99 { status = "vilande"; reason = rng.pick(Texts.reasons) }
                else if r >= 99 { status = "struken"; reason = Texts.reasons[2] }
            }
        } else {
            status = r < 50 ? "pågår" : r < 90 ? "vilande" : "struken"
            reason = status == "struken" ? Texts.reasons[2] : rng.pick(Texts.reasons)
        }
        f.append(("status", status))
        if let done { f.append(("done", done)) }
        if let reason { f.append(("reason", reason)) }
        if rng.chance(50) {
            if rng.chance(10) {
                f.append(("note", "Indikatorer:\n" + rng.pick(Texts.indicators) + "\n" + rng.pick(Texts.indicators)))
            } else {
                f.append(("note", sentences(Texts.notes, 60)))
            }
        }
        if done != nil, rng.chance(40) { f.append(("evidence", rng.pick(Texts.evidence))) }
        if recurring { f.append(("every", rng.pick(["månad", "kvartal", "tertial", "halvår", "år"]))) }
        if rng.chance(10) { f.append(("area", rng.pick(Texts.areas).id)) }
        if rng.chance(25) { f.append(("source", rng.pick(Texts.sources))) }
        let c = rng.below(100)
        if c < 3 { f.append(("classification", "intern")) } else if c < 4 { f.append(("classification", "sekretess")) }
        return (f, comment)
    }

    private mutating func risk(id: String, owners: [String]) -> Fields {
        var f: Fields = [("id", id), ("title", text(Texts.riskTitles, suffix: false))]
        if rng.chance(90) { f.append(("area", rng.pick(Texts.areas).id)) }
        f.append(("description", sentences(Texts.riskDescriptions, 220)))
        let l = rng.between(1, 4), c = rng.between(1, 4)
        f.append(("likelihood", "\(l)"))
        f.append(("consequence", "\(c)"))
        f.append(("owner", rng.pick(owners)))
        if rng.chance(90) { f.append(("treatment", rng.pick(Texts.treatments))) }
        let actions = rng.below(4)
        for _ in 0..<actions { f.append(("action", "A\(rng.between(1, max(1, activities)))")) }
        let r = rng.below(100)
        f.append(("status", actions > 0 ? (r < 80 ? "hanteras" : "accepterad") : (r < 70 ? "identifierad" : r < 85 ? "stängd" : "accepterad")))
        if rng.chance(85) { f.append(("review", rng.chance(10) ? "2024-09-30" : "2025-03-31")) }
        if rng.chance(20) {
            f.append(("residual_likelihood", "\(rng.between(1, l))"))
            f.append(("residual_consequence", "\(rng.between(1, c))"))
        }
        if rng.chance(70) { f.append(("source", rng.pick(Texts.sources))) }
        let k = rng.below(100)
        if k < 20 { f.append(("classification", "intern")) } else if k < 23 { f.append(("classification", "sekretess")) }
        return f
    }

    private mutating func finding(id: String, owners: [String]) -> Fields {
        var f: Fields = [("id", id), ("audit", rng.pick(Texts.audits)), ("auditor", rng.pick(Texts.auditors)),
                         ("year", "\(rng.between(2021, 2024))")]
        if rng.chance(60) { f.append(("case", "SN \(rng.between(2021, 2024))-\(rng.between(100, 999))")) }
        f.append(("recommendation", sentences(Texts.recommendations, 100)))
        if rng.chance(90) { f.append(("response", sentences(Texts.responses, 140))) }
        if rng.chance(80) { f.append(("progress", sentences(Texts.progress, 280))) }
        if rng.chance(70) { f.append(("remaining", sentences(Texts.remaining, 200))) }
        let a = rng.below(100)
        let assessment = a < 10 ? "röd" : a < 70 ? "gul" : "grön"
        f.append(("assessment", assessment))
        if assessment == "grön" || rng.chance(40) { f.append(("evidence", rng.pick(Texts.evidence))) }
        f.append(("owner", rng.pick(owners)))
        var status = rng.chance(80) ? "pågår" : "ej påbörjad"
        var done: String?
        if assessment == "grön" {
            let m = rng.between(1, 9)
            f.append(("due", month(2024, m)))
            status = "klar"
            done = day(2024, m, 28)
        } else if rng.chance(85) {
            let y = rng.between(2024, 2025)
            f.append(("due", month(y, y == 2024 ? rng.between(6, 12) : rng.between(1, 12))))
        }
        for _ in 0..<rng.below(3) { f.append(("action", "A\(rng.between(1, max(1, activities)))")) }
        f.append(("status", status))
        if let done { f.append(("done", done)) }
        if rng.chance(10) { f.append(("classification", "intern")) }
        return f
    }

    // MARK: Text

    private mutating func text(_ pool: [String], suffix: Bool) -> String {
        let base = rng.pick(pool)
        guard suffix, rng.chance(60) else { return base }
        return base + " inom " + rng.pick(Texts.areas).name.lowercased()
    }

    /// Sentences from `pool` until the text is about `length` characters long.
    private mutating func sentences(_ pool: [String], _ length: Int) -> String {
        var s = rng.pick(pool)
        while s.count < length - 40 { s += " " + rng.pick(pool) }
        return s
    }

    private func month(_ y: Int, _ m: Int) -> String { "\(y)-" + (m < 10 ? "0\(m)" : "\(m)") }
    private func day(_ y: Int, _ m: Int, _ d: Int = 15) -> String { month(y, m) + "-" + (d < 10 ? "0\(d)" : "\(d)") }
}

/// One recfile being written: a header comment, the descriptor copied from the shipped
/// file, then the records separated by blank lines.
struct Recfile {
    let file: String
    var bytes: [UInt8] = []

    init(kind: String, file: String, count: Int) {
        self.file = file
        bytes.reserveCapacity(kind == "activity" ? count * 330 : 4096)
        append("# \(file): syntetiska poster för prestandamätning (sakerhet-bench generate).\n")
        append("# Slumpade men giltiga; status härledd per 2024-11-04.\n\n")
        append(Texts.descriptors[kind]! + "\n")
    }

    mutating func add(_ fields: Generator.Fields, comment: String?) {
        append("\n")
        if let comment { append(comment + "\n") }
        for (key, value) in fields {
            var first = true
            for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
                append(first ? key + ": " : "+ ")
                append(String(line) + "\n")
                first = false
            }
        }
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }
}

/// The same records as YAML: a list of mappings, the kind first as `record` (an owner has
/// a `kind` field of its own); repeated keys as lists.
struct YAMLWriter {
    var bytes: [UInt8] = []

    mutating func add(_ kind: String, _ fields: Generator.Fields) {
        append("- record: \(kind)\n")
        var i = 0
        while i < fields.count {
            let key = fields[i].key
            var values = [fields[i].value]
            var j = i + 1
            while j < fields.count, fields[j].key == key { values.append(fields[j].value); j += 1 }
            if values.count == 1 && key != "action" {
                append("  \(key): " + YAMLWriter.scalar(values[0]) + "\n")
            } else {
                append("  \(key):\n")
                for v in values { append("    - " + YAMLWriter.scalar(v) + "\n") }
            }
            i = j
        }
    }

    /// A plain scalar where YAML reads it back as the same string, else double-quoted.
    static func scalar(_ v: String) -> String {
        let u = Array(v.utf8)
        let lower = v.lowercased()
        let plain = !u.isEmpty && (u[0] >= 0x80 || (u[0] | 0x20 >= 0x61 && u[0] | 0x20 <= 0x7A))
            && !u.contains(where: { $0 == 0x3A || $0 == 0x23 || $0 == 0x0A || $0 == 0x22 || $0 == 0x5C || $0 == 0x27 })
            && u.last != 0x20
            && !["y", "n", "yes", "no", "on", "off", "true", "false", "null"].contains(lower)
        if plain { return v }
        var s = "\""
        for c in v.unicodeScalars {
            switch c {
            case "\\": s += "\\\\"
            case "\"": s += "\\\""
            case "\n": s += "\\n"
            default: s.unicodeScalars.append(c)
            }
        }
        return s + "\""
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }
}
