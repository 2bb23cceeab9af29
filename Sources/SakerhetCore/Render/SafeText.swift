/// Data values on their way out: the one place that hides personal identity numbers and
/// makes control characters visible.
///
/// - `masked` replaces every personnummer or samordningsnummer that `PersonalNumberCheck`
///   finds (any form it knows: with a space, a dash, an en dash, over a `+` line, in
///   full-width digits) by `[personnummer dolt]` / `[personal number hidden]`. Every
///   renderer passes data values through it: HTML, Markdown and JSON (whose own escaping
///   already takes care of control characters) and the text renderers through `text`.
///   Diagnostics are masked when they are printed, in every format, so a check that
///   quotes a value or a record id never echoes a number.
/// - `text` also shows control characters visibly, for everything that reaches a terminal
///   or a plain-text file: the table cells, `list` (table, TSV, CSV), `show`, `audit`,
///   `log`, the text report, GitHub annotations and Markdown. C0 controls (but tab and
///   line feed, which keep their layout meaning), DEL and C1 controls become `\x1b`,
///   `\x7f`, `\u{9B}`; bidirectional overrides and isolates (U+202A–202E, U+2066–2069,
///   U+200E, U+200F, U+061C) and the line and paragraph separators (U+2028, U+2029)
///   become `\u{202E}` and so on.
public enum SafeText {
    /// What stands in place of a hidden number.
    public static func mask(_ lang: Lang) -> String { lang == .sv ? "[personnummer dolt]" : "[personal number hidden]" }

    /// `s` with numbers masked and control characters shown visibly.
    public static func text(_ s: String, _ lang: Lang = .sv) -> String {
        text(s, lang, SafeBytes.scan(s))
    }

    /// The same, given what a scan of `s` found.
    private static func text(_ s: String, _ lang: Lang, _ f: SafeBytes.Found) -> String {
        let out = f.number ? mask(s, lang) : s
        return f.control ? show(out) : out
    }

    /// Whether `text` gives `s` back as it is: nothing that may be a number, no control.
    static func isPlain(_ s: String) -> Bool {
        let f = SafeBytes.flags(s)
        return !f.number && !f.control
    }

    /// The first `n` characters of `s`, or fewer: a personnummer that a cut there would
    /// split is left out whole. Masking finds only whole numbers, and a part of one is
    /// not one: 11 of 12 digits, the last of which is a check digit, give the number away.
    /// So every text cut for a message or a cell is cut here, before it is masked.
    public static func head(_ s: String, _ n: Int) -> Substring {
        let head = s.prefix(max(0, n))
        guard head.endIndex < s.endIndex else { return head }
        let cut = s.utf8.distance(from: s.startIndex, to: head.endIndex)
        // A number the cut splits ends within a few dozen bytes after it (12 full-width
        // digits, a gap of blanks, a sign, a line break): only that much is read, however
        // long `s` is (an id of 20,000 lines is cut for every message about its record).
        for hit in PersonalNumberCheck.scan(Array(s.utf8.prefix(cut + 128))) where hit.offset < cut && hit.end > cut {
            return s[..<s.utf8.index(s.startIndex, offsetBy: hit.offset)]
        }
        return head
    }

    /// `s` with every personnummer-looking number masked. A string of lower-case hex
    /// digits with at least one letter (a commit hash, a fingerprint) is left alone.
    public static func masked(_ s: String, _ lang: Lang = .sv) -> String {
        SafeBytes.flags(s).number ? mask(s, lang) : s
    }

    /// `oneLine(text(s, lang))`, with one scan of `s` to tell whether there is anything to
    /// do: most messages hold no line break and no control character (a CR is one), and
    /// were searched a second time for a line break.
    public static func oneLineText(_ s: String, _ lang: Lang) -> String {
        let f = SafeBytes.scan(s)
        let out = text(s, lang, f)
        return f.newline || f.control ? oneLine(out) : out
    }

    /// `s` on one line: each line break (LF, CR LF, CR) written as `\n`.
    public static func oneLine(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return s }
        return s.replacingAll("\r\n", with: "\\n").replacingAll("\n", with: "\\n").replacingAll("\r", with: "\\n")
    }

    /// Every line of `text` that would start with `::` starts with a space instead: a CI
    /// runner (GitHub Actions) reads such a line of a job's output as a command
    /// (`::error …`, `::stop-commands::`), and a value of the data must never give one.
    /// `atLineStart` says whether `text` begins a line (it is the first piece, or the one
    /// before ended with a line break).
    public static func noRunnerCommands(_ text: String, atLineStart: Bool) -> String {
        var out = text.replacingAll("\n::", with: "\n ::")
        if atLineStart, out.hasPrefix("::") { out = " " + out }
        return out
    }

    /// `s` with control characters written visibly; tab and line feed are kept.
    public static func visible(_ s: String) -> String {
        SafeBytes.flags(s).control ? show(s) : s
    }

    /// The lines of a file as `text` shows them, one for one (a diff shows a file's lines):
    /// a number continued over a `+ ` line is looked for across the line break, masked where
    /// it begins, and its rest on the next line is left out (the `+ ` that continues the
    /// value is kept), so that no line shows a part of it. A carriage return that ends a
    /// line (a file with CR LF) is the line's end, not data, and is left out.
    public static func lines(_ lines: [String], _ lang: Lang = .sv) -> [String] {
        let joined = lines.joined(separator: "\n")
        let f = SafeBytes.flags(joined)
        guard f.number || f.control else { return lines }
        let out = f.number ? mask(joined, lang, keepingLines: true) : joined
        // Split at the bytes: as characters, CR LF is one and would not split.
        return out.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            visible(String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self))
        }
    }

    /// `s` with its numbers masked. `keepingLines`: each line break inside a number is
    /// kept, with the `+` and blanks after it, so `s` keeps its lines.
    private static func mask(_ s: String, _ lang: Lang, keepingLines: Bool = false) -> String {
        // The numbers are looked for in place; the bytes are copied only to mask one.
        let hits = SafeBytes.numbers(s)
        if hits.isEmpty { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        for h in hits {
            out += bytes[at..<h.offset]
            out += mask(lang).utf8
            var i = h.offset
            while keepingLines, i < h.end {
                i += 1
                guard bytes[i - 1] == 0x0A else { continue }
                out.append(0x0A)
                while i < h.end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: " ") { out.append(bytes[i]); i += 1 }
            }
            at = h.end
        }
        out += bytes[at...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func show(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isHidden) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            if isHidden(c) { out += escape(c) } else { out.unicodeScalars.append(c) }
        }
        return out
    }

    static func isHidden(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A: return false
        case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func escape(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: c.value > 0x7F)
        if c.value <= 0x7F { return "\\x" + (hex.count < 2 ? "0" : "") + hex }
        return "\\u{" + hex + "}"
    }
}
