/// "Did you mean": the closest candidate by edit distance, if close enough to be a typo.
public enum Suggest {
    /// Ties go to the candidate first in natural order, so the hint does not depend on
    /// the order of `candidates` (often a dictionary's keys).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        var s = Suggester(candidates)
        return s.closest(to: word)
    }

    /// Edit distance where a swap of two neighbouring letters counts as one edit (optimal
    /// string alignment), so `audti` is one step from `audit`, over characters numbered
    /// (`Suggester`); or any number above `bound` once the distance is known to be above
    /// it: only the band of cells within `bound` of the diagonal can stay within it, and
    /// the walk stops at a row whose every cell is past it. The three rows are the
    /// caller's, reused from one comparison to the next.
    static func bounded(_ a: [Int32], _ b: [Int32], _ bound: Int, _ rows: inout Rows) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > bound { return bound == Int.max ? Int.max : bound + 1 }
        let m = b.count
        let big = Int.max / 2
        rows.start(m, big)
        for i in 1...a.count {
            let low = bound == Int.max ? 1 : max(1, i - bound)
            let high = bound == Int.max ? m : min(m, i + bound)
            rows.row[0] = i
            if low > 1 { rows.row[low - 1] = big }
            var smallest = low == 1 ? i : big
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var d = Swift.min(rows.previous[j] + 1, rows.row[j - 1] + 1, rows.previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = Swift.min(d, rows.before[j - 2] + 1) }
                    rows.row[j] = d
                    smallest = Swift.min(smallest, d)
                }
            }
            if high < m { rows.row[high + 1] = big }
            if smallest > bound { return bound + 1 }
            swap(&rows.before, &rows.previous)
            swap(&rows.previous, &rows.row)
        }
        return rows.previous[m]
    }

    /// Rows i - 2, i - 1 and i of `bounded`.
    struct Rows {
        var before: [Int] = [], previous: [Int] = [], row: [Int] = []

        /// Row -1 past every bound, row 0 the distances from the empty prefix.
        mutating func start(_ m: Int, _ big: Int) {
            before.removeAll(keepingCapacity: true)
            before.append(contentsOf: repeatElement(big, count: m + 1))
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: 0...m)
            row.removeAll(keepingCapacity: true)
            row.append(contentsOf: repeatElement(big, count: m + 1))
        }
    }

    /// " (menade du 'x'?)" / " (did you mean 'x'?)", or empty.
    static func hint(_ word: String, _ candidates: some Sequence<String>) -> (sv: String, en: String) {
        var s = Suggester(candidates)
        return s.hint(word)
    }
}

/// The candidates of a check prepared once (each lowered once, by its length), for every
/// value it asks about; a value asked about again is answered from memory. A check that
/// finds thousands of unknown references among thousands of ids compared every pair, each
/// candidate lowered again: 1,250 unknown goals among 12,500 took `audit` 50 s. The pairs
/// it compares are also counted: past `budget` of them a value gets no hint (the message is
/// the same without its "did you mean"), so no folder makes a check's hints cost more than
/// a tenth of a second or so.
public struct Suggester {
    /// Each candidate, lowered, as one number per character (`codes`), so that a comparison
    /// is of integers; characters are numbered as Swift compares them (composed and
    /// decomposed alike).
    private let candidates: [(word: String, codes: [Int32])]
    private var numbers: [Character: Int32] = [:]
    private var memo: [String: String?] = [:]
    private var rows = Suggest.Rows()
    private(set) var budget: Int

    public init(_ candidates: some Sequence<String>, budget: Int = 1_000_000) {
        self.budget = budget
        var numbers: [Character: Int32] = [:]
        self.candidates = candidates.map { ($0, Suggester.codes($0, &numbers)) }
        self.numbers = numbers
    }

    /// `s` lowered, a number per character: an ASCII letter its byte, any other character
    /// the next number from 0x110000 on, the same for the same character.
    private static func codes(_ s: String, _ numbers: inout [Character: Int32]) -> [Int32] {
        s.lowercased().map { c in
            // One byte: `asciiValue` also gives CR LF the number of LF.
            if c.utf8.count == 1, let a = c.asciiValue { return Int32(a) }
            if let n = numbers[c] { return n }
            let n = Int32(0x110000 + numbers.count)
            numbers[c] = n
            return n
        }
    }

    public mutating func closest(to word: String) -> String? {
        if let known = memo[word] { return known }
        let w = Suggester.codes(word, &numbers)
        let limit = max(1, min(3, w.count / 3))
        var best: (word: String, d: Int)?
        for c in candidates {
            // The distance is at least the difference in length: a 100,000-character value
            // is not compared letter by letter with every id.
            guard abs(c.codes.count - w.count) <= limit else { continue }
            guard budget > 0 else { memo[word] = .some(nil); return nil }
            budget -= 1
            let bound = best.map { Swift.min($0.d, limit) } ?? limit
            let d = Suggest.bounded(w, c.codes, bound, &rows)
            if d > limit { continue }
            if best == nil || d < best!.d || (d == best!.d && naturalLess(c.word, best!.word)) { best = (c.word, d) }
        }
        let found = best?.word
        memo[word] = .some(found)
        return found
    }

    /// " (menade du 'x'?)" / " (did you mean 'x'?)", or empty.
    public mutating func hint(_ word: String) -> (sv: String, en: String) {
        guard let c = closest(to: word) else { return ("", "") }
        return (" (menade du '\(c)'?)", " (did you mean '\(c)'?)")
    }
}
