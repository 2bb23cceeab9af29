/// The string operations the tool needs from outside the standard library, written over
/// Unicode scalars. Foundation has them as `NSString` methods (`trimmingCharacters`,
/// `replacingOccurrences`, `range(of:)`, `contains`, paths), but calling any of those links
/// ICU's 34 MB of data into the static binary, and loading it costs every command about
/// 3 ms at start (docs/performance.md). So the product imports only `FoundationEssentials`
/// and uses these. They work on scalars as `NSString` works on UTF-16 code units: "\r\n" is
/// two scalars here, as it is two code units there (a `Character` would be one). Searching
/// and replacing are literal (`NSString`'s `.literal`): a `"` followed by a combining mark
/// is still a quote to escape, where Foundation's default search would skip it.
extension StringProtocol {
    /// Without the spaces (Unicode's space separators) and tabs at either end: Foundation's
    /// `trimmingCharacters(in: .whitespaces)`. With `newlines`, line breaks too
    /// (`.whitespacesAndNewlines`).
    public func trimmingSpaces(newlines: Bool = false) -> String {
        trimming { StringOps.isSpace($0) || (newlines && StringOps.isNewline($0)) }
    }

    /// Without the spaces (U+0020) and tabs at either end, and nothing else: how a typed
    /// value is cleaned.
    public var trimmingBlanks: String { trimming { $0 == " " || $0 == "\t" } }

    /// Without the scalars at either end for which `drop` is true.
    public func trimming(where drop: (Unicode.Scalar) -> Bool) -> String {
        let s = unicodeScalars
        guard let first = s.firstIndex(where: { !drop($0) }), let last = s.lastIndex(where: { !drop($0) }) else { return "" }
        let end = s.index(after: last)
        // A string or a substring (every caller) through `String(Substring.UnicodeScalarView)`,
        // which is concrete: `String.UnicodeScalarView(_:)` is generic over its sequence, and
        // its first call looked the sequence's element type up at run time, a scan of every
        // conformance in the static binary (docs/performance.md, "First calls that scanned
        // the binary"). A cast to a concrete type compares types; it scans nothing.
        if let string = self as? String { return String(string.unicodeScalars[first..<end]) }
        if let substring = self as? Substring { return String(substring.unicodeScalars[first..<end]) }
        return String(String.UnicodeScalarView(s[first..<end]))
    }

    /// Every `target` replaced by `replacement`, from the start, not overlapping:
    /// Foundation's `replacingOccurrences(of:with:)`.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, includes(target) else { return String(self) }
        let s = Array(unicodeScalars), t = Array(target.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if i + t.count <= s.count, s[i] == t[0], s[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: replacement.unicodeScalars)
                i += t.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Cut or filled with spaces to `length` UTF-16 code units: Foundation's
    /// `padding(toLength: length, withPad: " ", startingAt: 0)`.
    public func padded(to length: Int) -> String {
        let units = Array(utf16)
        if units.count >= length { return String(decoding: units[0..<Swift.max(0, length)], as: UTF16.self) }
        return String(self) + String(repeating: " ", count: length - units.count)
    }

    /// True when `other` occurs in the string, scalar for scalar (an empty `other` does not).
    /// By the bytes where the string's are in one piece (nearly always): a search of a whole
    /// report's text for a line that starts with `::` walked it scalar by scalar.
    public func includes(_ other: String) -> Bool {
        if let found = ByteCompare.contains(utf8, other) { return found }
        return scalarRange(of: other) != nil
    }

    /// Where `other` first occurs (or last, with `backwards`), scalar for scalar; the range
    /// is in the string's own indices.
    public func scalarRange(of other: String, backwards: Bool = false) -> Range<String.Index>? {
        let s = unicodeScalars, t = other.unicodeScalars
        guard let head = t.first else { return nil }
        var found: Range<String.Index>?
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == head {
                var a = i, b = t.startIndex
                while a < s.endIndex, b < t.endIndex, s[a] == t[b] { a = s.index(after: a); b = t.index(after: b) }
                if b == t.endIndex {
                    found = i..<a
                    if !backwards { return found }
                }
            }
            i = s.index(after: i)
        }
        return found
    }
}

extension Unicode.Scalar {
    /// The scalar's code point as Unicode writes it: `U+200B`, `U+0007` (at least four hex
    /// digits), for a message that names a character it does not print.
    public var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.utf8.count)) + hex
    }
}

extension Array where Element == String {
    /// The strings with `separator` between them, as the standard library joins them.
    /// Declared for arrays of strings so that every call to it in the package (the CLI's
    /// too: it is public) is concrete: the standard library's `joined(separator:)` is
    /// generic over its elements' protocol, and its first call in a process looked their
    /// conformances up at run time, a scan of every conformance in the static binary
    /// (docs/performance.md, "First calls that scanned the binary").
    public func joined(separator: String = "") -> String {
        guard count > 1 else { return first ?? "" }
        var out = ""
        out.reserveCapacity(reduce(separator.utf8.count * (count - 1)) { $0 + $1.utf8.count })
        for (i, s) in enumerated() {
            if i > 0 { out += separator }
            out += s
        }
        return out
    }
}

public enum StringOps {
    /// A space (general category Zs) or a tab: Foundation's `CharacterSet.whitespaces`.
    public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || c.properties.generalCategory == .spaceSeparator
    }

    /// A line break: Foundation's `CharacterSet.newlines` (U+000A–U+000D, U+0085, U+2028, U+2029).
    public static func isNewline(_ c: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(c.value) || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }

    /// `value` as `width` lower-case hexadecimal digits at least: `String(format: "%04x", value)`.
    public static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Path {
    /// The last part of `path`, trailing slashes left out: `NSString.lastPathComponent`
    /// ("a/b.rec" → "b.rec", "a/b/" → "b", "/" → "/", "" → "").
    public static func lastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard p != "/", let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    /// The extension of the last part, without its dot, or "" when it has none:
    /// `NSString.pathExtension` ("rapport.DOCX" → "DOCX", ".hidden" → "", "a." → "").
    public static func fileExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }
}
