extension Deadline {
    /// Reads a deadline as people write it, in Swedish or English, besides the canonical
    /// tokens. Each phrase is stored as the most precise token that contains what it means
    /// (docs/format.md, "Tidsuttryck", has the table):
    ///
    /// - `maj 2024`, `31 maj 2024`, `May 2024` → month or day;
    /// - `våren 2024`, `vt 2024`, `VT24`, `första halvåret 2024`, `H1 2024` → `2024-H1`;
    ///   `hösten`, `ht`, `HT24`, `andra halvåret` → `2024-H2`;
    /// - `kvartal 3 2024`, `Q3 2024`, `2024 Q3`, `Q3/2024`, `tredje kvartalet 2024` → `2024-Q3`;
    /// - `tertial 2 2024`, `T2 2024` → `2024-T2`; `vecka 12 2028`, `v. 12 2028`, `v12 2028` → `2028-W12`;
    /// - `sommaren 2028` (June–August) → `2028-T2` (May–August, the smallest period holding it);
    ///   `vintern 2028` (January–March of 2028; also `vintern 2027/2028`) → `2028-Q1`;
    /// - `början av 2028` → `2028-Q1`, `slutet av 2028` → `2028-Q4`;
    /// - `årsskiftet 2027/2028` → `2027-12-31`, the last day before the turn of the year;
    /// - `delårsbokslut 2028` (per 31 August) → `2028-T2`, `årsbokslut 2028` → `2028`;
    /// - `31/12/2026`, `31.12.2026`, `31-12-2026` (day first) → `2026-12-31`;
    /// - `löpande`, `Löpande`, `fortlöpande`, `ongoing` → `löpande`.
    public init?(phrase: String) {
        let trimmed = phrase.trimmingBlanks
        if let d = Deadline(token: trimmed) { self = d; return }
        if let d = Deadline(token: trimmed.uppercased()) { self = d; return }
        let lower = trimmed.lowercased()
        if Deadline.standingWords.contains(lower) || lower == "ongoing" || lower == "continuous" { self = .standing; return }
        var words = lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        // "i slutet av 2028", "till årsskiftet 2027/2028", "senast vecka 12 2028": the little word before is noise.
        while let f = words.first, words.count > 1, ["i", "under", "till", "senast", "vid", "by", "in", "per"].contains(f) { words.removeFirst() }
        if let d = Deadline.reading(words) { self = d; return }
        return nil
    }

    private static func reading(_ words: [String]) -> Deadline? {
        guard let lastWord = words.last else { return nil }
        // One word: `HT27`, `VT2028`, `Q3/2028`, `v12`-less forms.
        if words.count == 1 { return Deadline(token: lastWord) ?? Deadline(token: lastWord.uppercased()) ?? compact(lastWord) }
        // `årsskiftet 2027/2028`, `vintern 2027/2028`: a pair of years.
        if words.count == 2, let (a, b) = yearPair(lastWord) {
            switch words[0] {
            case "årsskiftet", "årsskifte", "year-end": return Day(year: a, month: 12, day: 31).map(Deadline.init(day:))
            case "vintern", "vinter", "winter": return Deadline(precision: .quarter, year: b, index: 1)
            default: return nil
            }
        }
        // `ht 27`, `VT 28`: a term with a two-digit year.
        if words.count == 2, words[0] == "ht" || words[0] == "vt", let y = fullYear(lastWord, twoDigits: true) {
            return period(words[0], y)
        }
        // `2028 Q3`, `2028 H1`: the year first.
        if let first = words.first, first.count == 4, let y = Int(first), y >= 1, words.count >= 2, Int(lastWord) == nil {
            return reading(Array(words.dropFirst()) + [first])
        }
        guard let year = fullYear(lastWord) else { return nil }
        return headed(Array(words.dropLast()), year)
    }

    /// A year of four digits, or (for `ht 27`, `HT27`) two digits read as 20xx.
    private static func fullYear(_ w: String, twoDigits: Bool = false) -> Int? {
        guard w.allSatisfy(\.isASCII), let n = Int(w), n >= 0, !w.hasPrefix("+"), !w.hasPrefix("-") else { return nil }
        if w.count == 4 { return n >= 1 ? n : nil }
        if twoDigits && w.count == 2 { return 2000 + n }
        return nil
    }

    /// `2027/2028`, `2027-2028`, `27/28`: two consecutive years.
    private static func yearPair(_ w: String) -> (Int, Int)? {
        let parts = w.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard parts.count == 2, let a = fullYear(parts[0], twoDigits: true), let b = fullYear(parts[1], twoDigits: true),
              b == a + 1, b <= 9999 else { return nil }
        return (a, b)
    }

    /// One word holding both: `HT27`, `ht2027`, `VT28`, `Q3/2028`, `Q3-2028`, `H1/2028`, `T2/2028`.
    private static func compact(_ w: String) -> Deadline? {
        for (prefix, half) in [("ht", 2), ("vt", 1)] where w.hasPrefix(prefix) {
            var rest = Substring(w.dropFirst(2))
            if rest.first == "-" || rest.first == "." { rest = rest.dropFirst() }
            guard let y = fullYear(String(rest), twoDigits: true) else { return nil }
            return Deadline(precision: .half, year: y, index: half)
        }
        // `31/12/2026`, `31.12.2026`, `31-12-2026`: a day written day first, as in Sweden and
        // Europe (never month first: `12/3/2026` is the 12th of March).
        let dotted = w.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if dotted.count == 3, dotted[0].count <= 2, dotted[1].count <= 2, let y = fullYear(dotted[2]),
           let d = Int(dotted[0]), let m = Int(dotted[1]), let day = Day(year: y, month: m, day: d) {
            return Deadline(day: day)
        }
        let parts = w.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        if parts.count == 2, let y = fullYear(parts[1]) { return period(parts[0], y) }
        return nil
    }

    /// `q3`, `t2`, `h1`, `ht`, `vt`, `v12`, `w12` with a year.
    private static func period(_ w: String, _ year: Int) -> Deadline? {
        switch w {
        case "ht": return Deadline(precision: .half, year: year, index: 2)
        case "vt": return Deadline(precision: .half, year: year, index: 1)
        default: break
        }
        guard let f = w.first, let n = Int(w.dropFirst()), w.count >= 2, w.dropFirst().allSatisfy(\.isASCII) else { return nil }
        switch f {
        case "q" where (1...4).contains(n): return Deadline(precision: .quarter, year: year, index: n)
        case "t" where (1...3).contains(n): return Deadline(precision: .tertial, year: year, index: n)
        case "h" where (1...2).contains(n): return Deadline(precision: .half, year: year, index: n)
        case "v", "w": return Deadline(isoYear: year, week: n)
        default: return nil
        }
    }

    private static let ordinals: [String: Int] = [
        "första": 1, "1:a": 1, "andra": 2, "2:a": 2, "tredje": 3, "3:e": 3, "fjärde": 4, "4:e": 4,
        "first": 1, "second": 2, "third": 3, "fourth": 4,
    ]

    private static func month(_ w: String) -> Int? {
        let w = w.hasSuffix(".") ? String(w.dropLast()) : w
        if let i = Deadline.monthsSv.firstIndex(of: w) { return i + 1 }
        if let i = Deadline.monthsEn.firstIndex(where: { $0.lowercased() == w }) { return i + 1 }
        if w.count >= 3, let i = Deadline.monthsSv.firstIndex(where: { $0.hasPrefix(w) }) { return i + 1 }
        if w.count >= 3, let i = Deadline.monthsEn.firstIndex(where: { $0.lowercased().hasPrefix(w) }) { return i + 1 }
        return nil
    }

    /// The words before the year.
    private static func headed(_ head: [String], _ year: Int) -> Deadline? {
        switch head.count {
        case 1:
            let w = head[0]
            if let m = month(w) { return Deadline(precision: .month, year: year, index: m) }
            switch w {
            // The terms (vt/ht written out) as the half-years `vt`/`ht` are.
            case "våren", "vår", "spring", "vårterminen", "vårtermin": return Deadline(precision: .half, year: year, index: 1)
            case "hösten", "höst", "autumn", "fall", "höstterminen", "hösttermin": return Deadline(precision: .half, year: year, index: 2)
            // June–August: tertial 2 (May–August) is the smallest period that holds it.
            case "sommaren", "sommar", "summer": return Deadline(precision: .tertial, year: year, index: 2)
            // The winter months that begin the year.
            case "vintern", "vinter", "winter": return Deadline(precision: .quarter, year: year, index: 1)
            // The interim accounts of a municipality are made per 31 August.
            case "delårsbokslut", "delårsbokslutet", "delårsrapport", "delårsrapporten": return Deadline(precision: .tertial, year: year, index: 2)
            case "årsbokslut", "årsbokslutet", "bokslut", "bokslutet", "årsredovisning", "årsredovisningen": return Deadline(precision: .year, year: year, index: 0)
            case "årsskiftet", "årsskifte":
                return year > 1 ? Day(year: year - 1, month: 12, day: 31).map(Deadline.init(day:)) : nil
            default: break
            }
            if let d = period(w, year) { return d }
            // `v.12 2028`
            if w.hasPrefix("v."), let n = Int(w.dropFirst(2)) { return Deadline(isoYear: year, week: n) }
            return nil
        case 2:
            if let d = Int(head[0]), let m = month(head[1]), let day = Day(year: year, month: m, day: d) { return Deadline(day: day) }
            if head[1] == "av" {
                switch head[0] {
                case "början", "starten": return Deadline(precision: .quarter, year: year, index: 1)
                case "slutet": return Deadline(precision: .quarter, year: year, index: 4)
                default: return nil
                }
            }
            if head == ["end", "of"] { return Deadline(precision: .quarter, year: year, index: 4) }
            if head == ["beginning", "of"] || head == ["start", "of"] { return Deadline(precision: .quarter, year: year, index: 1) }
            if let n = ordinals[head[0]] {
                switch head[1] {
                case "halvåret", "halvår", "half": return (1...2).contains(n) ? Deadline(precision: .half, year: year, index: n) : nil
                case "kvartalet", "kvartal", "quarter": return Deadline(precision: .quarter, year: year, index: n)
                case "tertialet", "tertial": return (1...3).contains(n) ? Deadline(precision: .tertial, year: year, index: n) : nil
                default: return nil
                }
            }
            // `Q3 2028` is above; `HT 27` has a two-digit year: not here.
            guard let n = Int(head[1]) else { return nil }
            switch head[0] {
            case "kvartal" where (1...4).contains(n), "quarter" where (1...4).contains(n):
                return Deadline(precision: .quarter, year: year, index: n)
            case "tertial" where (1...3).contains(n): return Deadline(precision: .tertial, year: year, index: n)
            case "halvår" where (1...2).contains(n), "half" where (1...2).contains(n):
                return Deadline(precision: .half, year: year, index: n)
            case "vecka", "v.", "v", "week", "w", "vecka.": return Deadline(isoYear: year, week: n)
            default: return nil
            }
        case 3:
            // `the end of 2028`, `end of 2028`
            if head == ["the", "end", "of"] { return Deadline(precision: .quarter, year: year, index: 4) }
            return nil
        default:
            return nil
        }
    }
}

extension Day {
    /// An `--as-of` value: a day, or any deadline token or phrase counted from the end of
    /// its period (`2027-Q1` → 2027-03-31, `hösten 2027` → 2027-12-31). Nil for what is not
    /// a date (`?`, `löpande`, anything unreadable).
    public static func asOf(parsing text: String) -> Day? {
        if let d = Day(text) { return d }
        return Deadline(phrase: text)?.lastDay
    }
}
