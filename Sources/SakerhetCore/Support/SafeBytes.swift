/// The one pass over a string's bytes that `SafeText` makes before any work: most values
/// hold neither a number nor a control character and come back as they are.
enum SafeBytes {
    /// What one pass found in a string (`scan`).
    struct Found {
        /// It may hold a personal identity number: ten digits or more, ASCII or full-width,
        /// and not only lower-case hex with a letter, like a commit hash.
        var number: Bool
        /// It holds a character that `SafeText.isHidden` names (C0 but tab and line feed,
        /// DEL, C1, U+061C, U+200E, U+200F, U+2028–202E, U+2066–2069).
        var control: Bool
        /// It holds `&`, `<`, `>`, `"` or `'` (escaped in XML and HTML).
        var markup: Bool
        /// It holds a line feed.
        var newline: Bool
        /// It holds `\`, `|` or `<` (escaped in a Markdown table).
        var table: Bool
        /// It holds a C0 control (tab and line feed too), `"` or `\` (escaped in JSON).
        var json: Bool
    }

    /// Whether `s` may hold a personal identity number (ten digits or more, ASCII or
    /// full-width, and not only lower-case hex with a letter, like a commit hash) and whether
    /// it holds a character that `SafeText.visible` rewrites.
    static func flags(_ s: String) -> (number: Bool, control: Bool) {
        let f = scan(s)
        return (f.number, f.control)
    }

    static func flags(_ u: UnsafeBufferPointer<UInt8>) -> (number: Bool, control: Bool) {
        let f = scan(u)
        return (f.number, f.control)
    }

    /// The personal identity numbers in `s` (`PersonalNumberCheck.scan`), read in place.
    static func numbers(_ s: String) -> [PersonalNumberCheck.Hit] {
        if let hits = s.utf8.withContiguousStorageIfAvailable({ PersonalNumberCheck.scan($0) }) { return hits }
        return PersonalNumberCheck.scan(Array(s.utf8))
    }

    static func scan(_ s: String) -> Found {
        if let f = s.utf8.withContiguousStorageIfAvailable(scan) { return f }
        return Array(s.utf8).withUnsafeBufferPointer(scan)
    }

    // Byte classes, one bit each, looked up in `classes`: one load per byte, no branch but
    // for the lead bytes of the few hidden characters.
    private static let digit: UInt16 = 1        // 0–9, and 0xEF, which leads a full-width digit
    private static let hexLetter: UInt16 = 2    // a–f
    private static let other: UInt16 = 4        // neither a digit nor a–f
    private static let control: UInt16 = 8      // C0 but tab and line feed
    private static let lead: UInt16 = 16        // DEL, or the lead byte of a character that may be hidden
    private static let markup: UInt16 = 32      // & < > " '
    private static let newline: UInt16 = 64     // line feed
    private static let table: UInt16 = 128      // \ | <
    private static let json: UInt16 = 256      // C0, " and \

    private static let classes: [UInt16] = (0..<256).map { (b: Int) -> UInt16 in
        var c: UInt16 = 0
        if (0x30...0x39).contains(b) || b == 0xEF { c |= digit }
        else if (0x61...0x66).contains(b) { c |= hexLetter }
        else { c |= other }
        if b < 0x20 && b != 0x09 && b != 0x0A { c |= control }
        if b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 { c |= lead }
        if b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 { c |= markup }
        if b == 0x0A { c |= newline }
        if b == 0x5C || b == 0x7C || b == 0x3C { c |= table }
        if b < 0x20 || b == 0x22 || b == 0x5C { c |= json }
        return c
    }

    static func scan(_ u: UnsafeBufferPointer<UInt8>) -> Found {
        var digits = 0
        var seen: UInt16 = 0
        var hidden = false
        classes.withUnsafeBufferPointer { classes in
            for p in u.indices {
                let c = classes[Int(u[p])]
                digits &+= Int(c & digit)
                seen |= c
                if c & lead != 0 && !hidden { hidden = isHidden(u, p) }
            }
        }
        func has(_ bit: UInt16) -> Bool { seen & bit != 0 }
        return Found(number: digits >= 10 && !(!has(other) && has(hexLetter)), control: hidden || has(control),
                     markup: has(markup), newline: has(newline), table: has(table), json: has(json))
    }

    /// `s` with `&`, `<`, `>`, `"` and `'` escaped for XML and HTML, and with `breaks` each
    /// line feed written `<br/>`, for a text without a control character (`scan`); the
    /// bytes between the escapes are copied as runs.
    static func markupEscaped(_ s: String, breaks: Bool) -> String {
        var s = s
        return s.withUTF8 { u -> String in
            var out: [UInt8] = []
            out.reserveCapacity(u.count + u.count / 8 + 16)
            var run = 0
            for i in 0..<u.count {
                let replacement: StaticString
                switch u[i] {
                case 0x26: replacement = "&amp;"
                case 0x3C: replacement = "&lt;"
                case 0x3E: replacement = "&gt;"
                case 0x22: replacement = "&quot;"
                case 0x27: replacement = "&apos;"
                case 0x0A where breaks: replacement = "<br/>"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<u.count]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the character whose lead byte is at `p` (0x7F, 0xC2, 0xD8 or 0xE2) is one that
    /// `SafeText.isHidden` names: DEL, a C1 control (U+0080–009F), U+061C, U+200E, U+200F,
    /// U+2028–202E or U+2066–2069. An en dash or an ellipsis (also led by 0xE2) is not.
    static func isHidden(_ u: UnsafeBufferPointer<UInt8>, _ p: Int) -> Bool {
        let n = u.count
        switch u[p] {
        case 0x7F: return true
        case 0xC2: return p + 1 < n && u[p + 1] >= 0x80 && u[p + 1] <= 0x9F
        case 0xD8: return p + 1 < n && u[p + 1] == 0x9C
        case 0xE2:
            guard p + 2 < n else { return false }
            let b1 = u[p + 1], b2 = u[p + 2]
            if b1 == 0x80 { return b2 == 0x8E || b2 == 0x8F || (b2 >= 0xA8 && b2 <= 0xAE) }
            if b1 == 0x81 { return b2 >= 0xA6 && b2 <= 0xA9 }
            return false
        default: return false
        }
    }
}
