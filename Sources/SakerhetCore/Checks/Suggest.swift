/// "Did you mean": the closest candidate by edit distance, if close enough to be a typo.
public enum Suggest {
    /// Ties go to the candidate first in natural order, so the hint does not depend on
    /// the order of `candidates` (often a dictionary's keys).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased())
        let limit = max(1, min(3, w.count / 3))
        var best: (String, Int)?
        for c in candidates {
            let lower = Array(c.lowercased())
            // The distance is at least the difference in length: a 100,000-character value
            // is not compared letter by letter with every id.
            guard abs(lower.count - w.count) <= limit else { continue }
            let d = distance(w, lower)
            if best == nil || d < best!.1 || (d == best!.1 && naturalLess(c, best!.0)) { best = (c, d) }
        }
        guard let (c, d) = best else { return nil }
        return d <= limit ? c : nil
    }

    /// Edit distance where a swap of two neighbouring letters counts as one edit
    /// (optimal string alignment), so `audti` is one step from `audit`.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// " (menade du 'x'?)" / " (did you mean 'x'?)", or empty.
    static func hint(_ word: String, _ candidates: some Sequence<String>) -> (sv: String, en: String) {
        guard let c = closest(to: word, in: candidates) else { return ("", "") }
        return (" (menade du '\(c)'?)", " (did you mean '\(c)'?)")
    }
}
