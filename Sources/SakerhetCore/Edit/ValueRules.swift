/// What a value given to the writer may hold, so that the file reads back, in sakerhet and
/// in recutils, as the value that was given:
///
/// - a line break only in a free-text field that may run over several lines (written as
///   `+ ` lines); in any other field it would start a field or a record of its own;
/// - no other control character (a tab inside a line is text);
/// - no line that ends with a backslash, which recutils reads as "the value goes on on the
///   next line" (`TrailingCharacterCheck` warns about it in hand-edited files);
/// - no blanks at the end of a line: they are removed, as they are around the whole value.
enum ValueRules {
    /// The value as it is written, or an error naming the field and saying how to fix it.
    /// The value itself is never quoted: it may hold control characters or personal data.
    static func checked(_ value: String, key: String, kind: Kind) throws -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasCR = false
        for u in value.unicodeScalars {
            defer { lastWasCR = u == "\r" }
            if u == "\n" {
                // A line break from Windows (CR LF) is a line break.
                if lastWasCR { scalars.removeLast() }
                scalars.append(u)
                continue
            }
            if u == "\t" || u == "\r" { scalars.append(u); continue }
            // The bidirectional embeddings, overrides and isolates make a line read in another
            // order than it is written, and the line and paragraph separators break it: import
            // makes them spaces (`ImportValues.becomesSpace`), a write refuses them.
            if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
                || (0x2066...0x2069).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                throw EditError(sv: "värdet för '\(key)' innehåller ett styrtecken (\(u.codePoint)); skriv värdet utan det",
                                en: "the value of '\(key)' holds a control character (\(u.codePoint)); give the value without it")
            }
            scalars.append(u)
        }
        if scalars.contains("\r") {
            throw EditError(sv: "värdet för '\(key)' innehåller en vagnretur (U+000D); skriv värdet utan den",
                            en: "the value of '\(key)' holds a carriage return (U+000D); give the value without it")
        }
        var lines = String(scalars).split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while let l = line.last, l == " " || l == "\t" { line = line.dropLast() }
            return line
        }
        while lines.count > 1, lines.last!.isEmpty { lines.removeLast() }
        while lines.count > 1, lines.first!.isEmpty { lines.removeFirst() }
        if lines.count > 1 && kind.spec(key)?.multiLine != true {
            let free = kind.fields.filter(\.multiLine).map(\.name)
            let where_sv = free.isEmpty ? "" : "; text på flera rader går i " + free.joined(separator: ", ")
            let where_en = free.isEmpty ? "" : "; text over several lines goes in " + free.joined(separator: ", ")
            throw EditError(sv: "värdet för '\(key)' innehåller en radbrytning, men '\(key)' har bara en rad; skriv värdet på en rad\(where_sv)",
                            en: "the value of '\(key)' holds a line break, but '\(key)' has one line only; give the value on one line\(where_en)")
        }
        if let e = backslashError(lines, key: key) { throw e }
        // An id is typed on the command line and read by eye: a blank or an invisible
        // character in it (a zero-width space, a soft hyphen) makes two ids that look the
        // same, or one a shell splits in two. The rule `audit` applies to one written by
        // hand (`IDCharacterCheck`).
        if key == "id", let u = lines.first?.unicodeScalars.first(where: IDCharacterCheck.isHidden) {
            throw EditError(sv: "ett id har inga blanksteg eller osynliga tecken (här \(u.codePoint)); skriv id:t utan dem, t.ex. A13",
                            en: "an id has no blanks or invisible characters (here \(u.codePoint)); give the id without them, e.g. A13")
        }
        return lines.joined(separator: "\n")
    }

    /// The error for a value with a line that ends with a backslash (blanks at the end of a
    /// line aside), or nil. `import` refuses such a value with the same words as `set`.
    static func backslashError(_ value: String, key: String) -> EditError? {
        guard value.utf8.contains(UInt8(ascii: "\\")) else { return nil }
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while let l = line.last, l == " " || l == "\t" || l == "\r" { line = line.dropLast() }
            return line
        }
        return backslashError(lines, key: key)
    }

    private static func backslashError(_ lines: [Substring], key: String) -> EditError? {
        guard let n = lines.firstIndex(where: { $0.hasSuffix("\\") }) else { return nil }
        let which_sv = lines.count > 1 ? "rad \(n + 1) av värdet för '\(key)'" : "värdet för '\(key)'"
        let which_en = lines.count > 1 ? "line \(n + 1) of the value of '\(key)'" : "the value of '\(key)'"
        return EditError(sv: "\(which_sv) slutar med \\, som recutils läser som att värdet fortsätter på nästa rad; ta bort det, skriv det mitt i texten eller avsluta med ett annat tecken",
                         en: "\(which_en) ends with \\, which recutils reads as the value going on on the next line; remove it, move it into the text or end with another character")
    }
}
