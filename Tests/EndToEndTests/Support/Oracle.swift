// The tests' own small reading of the record files and deadline tokens, so that expected
// results are computed from the data on disk and never copied from the binary's output.
// It follows docs/format.md only as far as the shipped files need.

import Foundation

/// One record as the tests read it: its fields in order and where it stands in the file.
struct TestRecord {
    var fields: [(key: String, value: String)]
    /// 1-based line numbers: the first line of the block (a comment above the fields
    /// counts), the first field line, and the last line of the block.
    let blockStart: Int
    let firstField: Int
    let lastLine: Int

    var id: String { value("id") ?? "" }
    func value(_ key: String) -> String? { fields.first { $0.key == key }?.value }
    func values(_ key: String) -> [String] { fields.filter { $0.key == key }.map(\.value) }
    /// The 1-based line of the first `key:` field, found in `lines` (the file's lines).
    func line(of key: String, in lines: [String]) -> Int? {
        (firstField...lastLine).first { lines[$0 - 1].hasPrefix(key + ":") }
    }
}

enum RecText {
    /// The file's lines, split at "\n" (the last element is "" when the text ends in "\n").
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The records (blocks with an `id:` field) of a recfile.
    static func records(_ text: String) -> [TestRecord] {
        let all = lines(text)
        var result: [TestRecord] = []
        var i = 0
        while i < all.count {
            if all[i].trimmingCharacters(in: .whitespaces).isEmpty { i += 1; continue }
            let start = i
            var fields: [(key: String, value: String)] = []
            var firstField: Int?
            while i < all.count, !all[i].trimmingCharacters(in: .whitespaces).isEmpty {
                let line = all[i]
                if line.hasPrefix("+ ") || line == "+", !fields.isEmpty {
                    fields[fields.count - 1].value += "\n" + String(line.dropFirst(2))
                } else if !line.hasPrefix("#"), !line.hasPrefix("%"), let colon = line.firstIndex(of: ":") {
                    let value = line[line.index(after: colon)...].drop { $0 == " " }
                    fields.append((String(line[..<colon]), String(value)))
                    if firstField == nil { firstField = i + 1 }
                }
                i += 1
            }
            if let firstField, fields.contains(where: { $0.key == "id" }) {
                result.append(TestRecord(fields: fields, blockStart: start + 1, firstField: firstField, lastLine: i))
            }
        }
        return result
    }

    static func records(in url: URL) throws -> [TestRecord] {
        records(String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    static func record(_ id: String, in url: URL) throws -> TestRecord {
        guard let r = try records(in: url).first(where: { $0.id == id }) else {
            throw TestError("no record \(id) in \(url.path)")
        }
        return r
    }
}

/// Calendar days as "YYYY-MM-DD" strings, which compare correctly as strings.
enum Days {
    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static func date(_ day: String) -> Date? {
        let p = day.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))
    }

    static func string(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func adding(_ days: Int, to day: String) -> String {
        string(calendar.date(byAdding: .day, value: days, to: date(day)!)!)
    }

    static func lastOfMonth(_ year: Int, _ month: Int) -> String {
        let first = calendar.date(from: DateComponents(year: year, month: month, day: 1))!
        let last = calendar.date(byAdding: DateComponents(month: 1, day: -1), to: first)!
        return string(last)
    }

    /// The last day of a deadline token's period (`2024`, `2024-05`, `2024-05-31`,
    /// `2024-Q3`, `2024-T2`, `2024-H1`); nil for `?` or anything else.
    static func lastDay(_ token: String) -> String? {
        let p = token.split(separator: "-").map(String.init)
        guard let year = Int(p.first ?? ""), p[0].count == 4 else { return nil }
        if p.count == 1 { return "\(p[0])-12-31" }
        if p.count == 3 { return date(token) != nil ? token : nil }
        guard p.count == 2 else { return nil }
        let part = p[1]
        if let month = Int(part), (1...12).contains(month) { return lastOfMonth(year, month) }
        guard part.count == 2, let n = Int(part.dropFirst()) else { return nil }
        switch part.first {
        case "Q": return (1...4).contains(n) ? lastOfMonth(year, n * 3) : nil
        case "T": return (1...3).contains(n) ? lastOfMonth(year, n * 4) : nil
        case "H": return (1...2).contains(n) ? lastOfMonth(year, n * 6) : nil
        default: return nil
        }
    }
}

/// What the plan's rules say about one record with a deadline, computed from its fields.
extension TestRecord {
    var isClosed: Bool { ["klar", "struken"].contains(value("status") ?? "") }

    func isOverdue(asOf: String) -> Bool {
        guard !isClosed, let last = value("due").flatMap(Days.lastDay) else { return false }
        return last < asOf
    }

    func isDueSoon(asOf: String, window: Int) -> Bool {
        guard !isClosed, let last = value("due").flatMap(Days.lastDay) else { return false }
        return last >= asOf && last <= Days.adding(window, to: asOf)
    }
}

/// A goal and every goal below it, from goals.rec.
func goalAndDescendants(_ id: String, in goals: [TestRecord]) -> Set<String> {
    var result: Set<String> = [id]
    var grew = true
    while grew {
        grew = false
        for g in goals where !result.contains(g.id) {
            if let parent = g.value("parent"), result.contains(parent) { result.insert(g.id); grew = true }
        }
    }
    return result
}
