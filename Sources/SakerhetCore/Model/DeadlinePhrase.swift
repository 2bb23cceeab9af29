extension Deadline {
    /// Reads a deadline as people write it, in Swedish or English, besides the canonical
    /// tokens: `maj 2024`, `31 maj 2024`, `våren 2024`, `hösten 2024`, `kvartal 3 2024`,
    /// `Q3 2024`, `tertial 2 2024`, `H1 2024`.
    public init?(phrase: String) {
        let trimmed = phrase.trimmingBlanks
        if let d = Deadline(token: trimmed) { self = d; return }
        if let d = Deadline(token: trimmed.uppercased()) { self = d; return }
        let words = trimmed.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        guard let last = words.last, last.count == 4, let year = Int(last), year >= 1 else { return nil }
        let head = Array(words.dropLast())
        func month(_ w: String) -> Int? {
            let w = w.hasSuffix(".") ? String(w.dropLast()) : w
            if let i = Deadline.monthsSv.firstIndex(of: w) { return i + 1 }
            if let i = Deadline.monthsEn.firstIndex(where: { $0.lowercased() == w }) { return i + 1 }
            if w.count >= 3, let i = Deadline.monthsSv.firstIndex(where: { $0.hasPrefix(w) }) { return i + 1 }
            if w.count >= 3, let i = Deadline.monthsEn.firstIndex(where: { $0.lowercased().hasPrefix(w) }) { return i + 1 }
            return nil
        }
        switch head.count {
        case 0:
            return nil
        case 1:
            let w = head[0]
            if let m = month(w) { self.init(precision: .month, year: year, index: m); return }
            switch w {
            case "våren", "vår", "spring": self.init(precision: .half, year: year, index: 1); return
            case "hösten", "höst", "autumn", "fall": self.init(precision: .half, year: year, index: 2); return
            default: break
            }
            if w.count == 2, let n = Int(w.dropFirst()) {
                switch w.first! {
                case "q" where (1...4).contains(n): self.init(precision: .quarter, year: year, index: n); return
                case "t" where (1...3).contains(n): self.init(precision: .tertial, year: year, index: n); return
                case "h" where (1...2).contains(n): self.init(precision: .half, year: year, index: n); return
                default: break
                }
            }
            return nil
        case 2:
            if let d = Int(head[0]), let m = month(head[1]), let day = Day(year: year, month: m, day: d) {
                self.init(day: day); return
            }
            guard let n = Int(head[1]) else { return nil }
            switch head[0] {
            case "kvartal" where (1...4).contains(n), "quarter" where (1...4).contains(n):
                self.init(precision: .quarter, year: year, index: n); return
            case "tertial" where (1...3).contains(n): self.init(precision: .tertial, year: year, index: n); return
            case "halvår" where (1...2).contains(n), "half" where (1...2).contains(n):
                self.init(precision: .half, year: year, index: n); return
            default: return nil
            }
        default:
            return nil
        }
    }
}

extension String {
    var trimmingBlanks: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
