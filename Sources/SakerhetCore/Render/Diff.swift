/// A unified diff of two versions of a file, as `git diff` shows it: `--- a/PATH` and
/// `+++ b/PATH` headers, `@@` hunk headers, and in each run of changes the removed lines
/// before the added ones; coloured as git colours it when `style` has colour. Edits are
/// splices, so the common head and tail are cut first and only the middle is compared.
/// The lines are data, shown as `show` shows values (`SafeText.lines`): personal identity
/// numbers masked in `lang`, control characters as `\x1b`.
public enum Diff {
    /// `created`: the file is new, and the diff's old side is `/dev/null`, as git shows it.
    public static func unified(_ old: [UInt8], _ new: [UInt8], path: String, context: Int = 3, style: Style = .plain,
                               lang: Lang = .sv, created: Bool = false) -> String {
        // The bytes both versions share at the start and at the end are cut first, back to
        // whole lines and `context` lines more: an edit of one record in a file of 100,000
        // makes a few lines, not a million.
        let w = ByteCompare.changedLines(old, new, context: context)
        return hunk(lines(old[w.old]), lines(new[w.new]), skipped: w.skippedLines, path: path, context: context, style: style,
                    lang: lang, shown: (shown(old, w.old, lang), shown(new, w.new, lang)), created: created)
    }

    /// The lines of `bytes[range]` (whole lines) as the diff shows them, read together with
    /// the line before and the line after, so that a number continued over the edge of the
    /// range is masked too.
    static func shown(_ bytes: [UInt8], _ range: Range<Int>, _ lang: Lang) -> [String] {
        var lo = range.lowerBound, hi = range.upperBound
        var before = 0, after = 0
        if lo > 0 {
            lo -= 1
            while lo > 0 && bytes[lo - 1] != 0x0A { lo -= 1 }
            before = 1
        }
        if hi < bytes.count && hi > 0 && bytes[hi - 1] == 0x0A {
            while hi < bytes.count && bytes[hi] != 0x0A { hi += 1 }
            if hi < bytes.count { hi += 1 }
            after = 1
        }
        let count = lines(bytes[range]).count
        let all = SafeText.lines(lines(bytes[lo..<hi]).map { String(decoding: $0, as: UTF8.self) }, lang)
        guard all.count == before + count + after else {
            return SafeText.lines(lines(bytes[range]).map { String(decoding: $0, as: UTF8.self) }, lang)
        }
        return Array(all[before..<(before + count)])
    }

    /// The diff of the lines `a` and `b`, which come after `skipped` lines that both have.
    /// Lines are bytes, the same when their bytes are (as strings, a composed and a
    /// decomposed letter would be equal, and the diff would hide that the file changed);
    /// they become text only to be shown: as `shown` has them, one for each line of `a` and
    /// `b`, or else each line made safe on its own.
    static func hunk(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>], skipped: Int, path: String, context: Int, style: Style,
                     lang: Lang = .sv, shown: ([String], [String])? = nil, created: Bool = false) -> String {
        let same = ByteCompare.equal
        var head = 0
        while head < a.count, head < b.count, same(a[head], b[head]) { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, same(a[a.count - 1 - tail], b[b.count - 1 - tail]) { tail += 1 }
        if head == a.count && head == b.count { return "" }
        let midA = Array(a[head..<(a.count - tail)]), midB = Array(b[head..<(b.count - tail)])
        // Lines of the middle: common subsequence when small, else replace all. An
        // operation names its line by index: in `b` for "+", in `a` otherwise.
        var ops: [(Character, Int)] = []
        if midA.count * midB.count <= 4_000_000 {
            var lcs = Array(repeating: Array(repeating: 0, count: midB.count + 1), count: midA.count + 1)
            for i in stride(from: midA.count - 1, through: 0, by: -1) {
                for j in stride(from: midB.count - 1, through: 0, by: -1) {
                    lcs[i][j] = same(midA[i], midB[j]) ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < midA.count || j < midB.count {
                if i < midA.count, j < midB.count, same(midA[i], midB[j]) { ops.append((" ", head + i)); i += 1; j += 1 }
                else if j < midB.count, i == midA.count || lcs[i][j + 1] >= lcs[i + 1][j] { ops.append(("+", head + j)); j += 1 }
                else { ops.append(("-", head + i)); i += 1 }
            }
        } else {
            ops = midA.indices.map { (Character("-"), head + $0) } + midB.indices.map { (Character("+"), head + $0) }
        }
        // Within each run of changes, removed lines come before added ones, as git shows them.
        var ordered: [(Character, Int)] = []
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
        let before = max(0, head - context)..<head
        let after = (a.count - tail)..<min(a.count, a.count - tail + context)
        let all = before.map { (Character(" "), $0) } + ops + after.map { (Character(" "), $0) }
        let startA = skipped + head - before.count + 1, startB = startA
        let countA = all.filter { $0.0 != "+" }.count, countB = all.filter { $0.0 != "-" }.count
        let given = shown.flatMap { $0.0.count == a.count && $0.1.count == b.count ? $0 : nil }
        let (textA, textB) = given ?? (SafeText.lines(a.map { String(decoding: $0, as: UTF8.self) }, lang),
                                       SafeText.lines(b.map { String(decoding: $0, as: UTF8.self) }, lang))
        let name = SafeText.text(path, lang)
        var out = style.bold(created ? "--- /dev/null" : "--- a/\(name)") + "\n" + style.bold("+++ b/\(name)") + "\n"
        out += style.cyan("@@ -\(countA == 0 ? startA - 1 : startA),\(countA) +\(countB == 0 ? startB - 1 : startB),\(countB) @@") + "\n"
        for (op, index) in all {
            let line = String(op) + (op == "+" ? textB[index] : textA[index])
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
