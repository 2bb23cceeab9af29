/// A unified diff of two versions of a file, as `git diff` shows it: `--- a/PATH` and
/// `+++ b/PATH` headers, `@@` hunk headers, and in each run of changes the removed lines
/// before the added ones; coloured as git colours it when `style` has colour. Edits are
/// splices, so the common head and tail are cut first and only the middle is compared.
public enum Diff {
    public static func unified(_ old: [UInt8], _ new: [UInt8], path: String, context: Int = 3, style: Style = .plain) -> String {
        // The bytes both versions share at the start and at the end are cut first, back to
        // whole lines and `context` lines more: an edit of one record in a file of 100,000
        // makes a few lines, not a million.
        let w = ByteCompare.changedLines(old, new, context: context)
        return hunk(lines(old[w.old]), lines(new[w.new]), skipped: w.skippedLines, path: path, context: context, style: style)
    }

    /// The diff of the lines `a` and `b`, which come after `skipped` lines that both have.
    /// Lines are bytes, the same when their bytes are (as strings, a composed and a
    /// decomposed letter would be equal, and the diff would hide that the file changed);
    /// they become text only to be shown.
    static func hunk(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>], skipped: Int, path: String, context: Int, style: Style) -> String {
        let same = ByteCompare.equal
        var head = 0
        while head < a.count, head < b.count, same(a[head], b[head]) { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, same(a[a.count - 1 - tail], b[b.count - 1 - tail]) { tail += 1 }
        if head == a.count && head == b.count { return "" }
        let midA = Array(a[head..<(a.count - tail)]), midB = Array(b[head..<(b.count - tail)])
        // Lines of the middle: common subsequence when small, else replace all.
        var ops: [(Character, ArraySlice<UInt8>)] = []
        if midA.count * midB.count <= 4_000_000 {
            var lcs = Array(repeating: Array(repeating: 0, count: midB.count + 1), count: midA.count + 1)
            for i in stride(from: midA.count - 1, through: 0, by: -1) {
                for j in stride(from: midB.count - 1, through: 0, by: -1) {
                    lcs[i][j] = same(midA[i], midB[j]) ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < midA.count || j < midB.count {
                if i < midA.count, j < midB.count, same(midA[i], midB[j]) { ops.append((" ", midA[i])); i += 1; j += 1 }
                else if j < midB.count, i == midA.count || lcs[i][j + 1] >= lcs[i + 1][j] { ops.append(("+", midB[j])); j += 1 }
                else { ops.append(("-", midA[i])); i += 1 }
            }
        } else {
            ops = midA.map { ("-", $0) } + midB.map { ("+", $0) }
        }
        // Within each run of changes, removed lines come before added ones, as git shows them.
        var ordered: [(Character, ArraySlice<UInt8>)] = []
        ordered.reserveCapacity(ops.count)
        var k = 0
        while k < ops.count {
            if ops[k].0 == " " { ordered.append(ops[k]); k += 1; continue }
            var end = k
            while end < ops.count && ops[end].0 != " " { end += 1 }
            ordered += ops[k..<end].filter { $0.0 == "-" } + ops[k..<end].filter { $0.0 == "+" }
            k = end
        }
        ops = ordered
        let before = Array(a[max(0, head - context)..<head])
        let after = Array(a[(a.count - tail)..<min(a.count, a.count - tail + context)])
        let all = before.map { (Character(" "), $0) } + ops + after.map { (Character(" "), $0) }
        let startA = skipped + head - before.count + 1, startB = startA
        let countA = all.filter { $0.0 != "+" }.count, countB = all.filter { $0.0 != "-" }.count
        var out = style.bold("--- a/\(path)") + "\n" + style.bold("+++ b/\(path)") + "\n"
        out += style.cyan("@@ -\(countA == 0 ? startA - 1 : startA),\(countA) +\(countB == 0 ? startB - 1 : startB),\(countB) @@") + "\n"
        for (op, text) in all {
            let line = String(op) + String(decoding: text, as: UTF8.self)
            out += (op == "-" ? style.red(line) : op == "+" ? style.green(line) : line) + "\n"
        }
        return out
    }

    /// The lines of `bytes`, without their LF.
    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for i in bytes.indices where bytes[i] == 0x0A {
            out.append(bytes[start..<i])
            start = i + 1
        }
        if start < bytes.endIndex { out.append(bytes[start...]) }
        return out
    }
}
