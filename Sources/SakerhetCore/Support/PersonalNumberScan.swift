/// The byte scanner behind `PersonalNumberCheck` (and `SafeText`'s masking): one pass over
/// a file's bytes through a buffer pointer, so it lives in the support layer; the rule and
/// its messages stay in Checks/PersonalNumberCheck.swift.
extension PersonalNumberCheck {
    public struct Hit: Sendable, Equatable {
        /// The byte offsets of the number's first digit and just after its last.
        public let offset: Int
        public let end: Int
        public let line: Int
        public let column: Int
    }

    /// Every Luhn-valid personnummer or samordningsnummer in `bytes`: 10 or 12 digits in a
    /// row, or 6 or 8 digits and 4 digits with a gap between them. The gap is up to 8
    /// blanks (space, tab, no-break and thin spaces), at most one line break (a value
    /// continued on a `+ ` line) and one sign: `-`, `+` or a dash (‐ ‑ ‒ – — ―, −,
    /// full-width － ＋), with one more `+` after a line break. Digits may be ASCII or
    /// full-width (０–９). A run of digits counts only whole: `1234567890123` is no hit.
    /// Invisible characters (`invisible`: a zero-width space, a soft hyphen) may stand
    /// between any two digits and in the gap: the number reads the same on a screen.
    public static func scan(_ bytes: [UInt8]) -> [Hit] {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    /// `wordAtATime: false` reads every byte by itself (the tests' reference for the
    /// eight-byte skip).
    public static func scan(_ u: UnsafeBufferPointer<UInt8>, wordAtATime: Bool = true) -> [Hit] {
        var hits: [Hit] = []
        let n = u.count
        var line = 1, lineStart = 0, counted = 0
        // The digits of the run being read, in a value of their own (no array made per scan:
        // a message is scanned when it is printed, thousands of times in a long list).
        var digits = SIMD16<UInt8>()
        var p = 0
        let raw = UnsafeRawPointer(u.baseAddress)
        // How many ASCII digits end the words passed over just before `p`: a run that
        // goes on into the next word.
        var carry = 0
        let inDigit = PersonalNumberCheck.inDigit
        while p < n {
            // Eight bytes at a time past text in which no number can start: no 0xEF (a
            // full-width digit's first byte), no first byte of an invisible character
            // (`invisible`) and no run of six ASCII digits, counting the
            // digits the words before ended with (a number has at least six in a row: 10 or
            // 12 digits, or 6 or 8 before the gap). Swedish letters, the colon after every
            // key, dates and short ids are passed over so. Where a number could start, the
            // scan goes on byte by byte from the start of that run, or from the first digit
            // or 0xEF of the word.
            if wordAtATime, let raw {
                // Six bytes at a time while the sixth is a byte of no digit: a number has
                // six digits in a row (each an ASCII digit or a full-width digit's three
                // bytes), so one that starts in these six bytes would cover the sixth.
                // Nothing before `p` goes on into it (`carry` is 0: the bytes before were
                // passed over the same way, or end a run the scan has read).
                if carry == 0, p + 6 <= n {
                    // In a loop of its own: most of a plan is passed over here. A byte that
                    // is in no digit (`inDigit`) passes: a Swedish letter as well as a
                    // letter, a blank or a colon.
                    inDigit.withUnsafeBufferPointer { inDigit in
                        while p &+ 6 <= n, !inDigit[Int(u[p &+ 5])] { p &+= 6 }
                    }
                    if p == n { continue }
                    if p + 6 <= n, u[p + 5] < 0x80 {
                        // A digit (a date's, an id's): the run of ASCII digits it is in. Shorter
                        // than six, with ASCII on both sides (no full-width digit going on from
                        // it), neither it nor anything before it in these bytes starts a number.
                        var a = p + 5, b = p + 6
                        while a > p, u[a - 1] &- 0x30 < 10 { a -= 1 }
                        while b < n, b - a < 6, u[b] &- 0x30 < 10 { b += 1 }
                        if b - a < 6, a == 0 || u[a - 1] < 0x80, b == n || u[b] < 0x80 { p = b; continue }
                    }
                }
                if p + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101, low7 = 0x7F * ones, high = 0x80 * ones
                    // A byte between 0x2F and 0x3A, exclusive (Bit Twiddling Hacks, "hasbetween"):
                    // each byte's sums stay within the byte, so every mark is exact.
                    let x = w & low7
                    let digits = ((0x7F + 0x3A) &* ones &- x) & ~w & (x &+ (0x7F - 0x2F) &* ones) & high
                    // Where `w` has 0xEF (a full-width digit's first byte) or the first byte of
                    // an invisible character (0xE2, 0xC2, 0xCD): a byte of `w ^ x` is zero
                    // exactly where `w` has `x`. Marks above a true one may be false, so only
                    // the lowest mark of all is used.
                    @inline(__always) func zeros(_ e: UInt64) -> UInt64 { (e &- ones) & ~e & high }
                    let ef = zeros(w ^ 0xEFEF_EFEF_EFEF_EFEF) | zeros(w ^ 0xE2E2_E2E2_E2E2_E2E2)
                        | zeros(w ^ 0xC2C2_C2C2_C2C2_C2C2) | zeros(w ^ 0xCDCD_CDCD_CDCD_CDCD)
                    if ef == 0 {
                        let others = ~digits & high
                        // The digits at the word's start, and where six in a row start in it.
                        let lead = others.trailingZeroBitCount >> 3
                        let six = digits & digits >> 8 & digits >> 16 & digits >> 24 & digits >> 32 & digits >> 40
                        if six == 0, carry + lead < 6 {
                            carry = others.leadingZeroBitCount >> 3
                            p += 8
                            continue
                        }
                    }
                    p = carry > 0 ? p - carry : p + ((digits | ef).trailingZeroBitCount >> 3)
                } else if carry > 0 {
                    p -= carry
                }
                carry = 0
            }
            // A run of fewer than six ASCII digits that no full-width digit goes on from
            // (a year, a day, a short id) starts no number: passed over in one tight loop.
            // Most runs of digits in a plan are such.
            if wordAtATime, u[p] &- 0x30 < 10 {
                var q = p + 1
                while q < n, u[q] &- 0x30 < 10 { q += 1 }
                if q - p < 6, q == n || !PersonalNumberCheck.mayContinue(u[q]) { p = q; continue }
            }
            guard let first = digit(u, p) else { p += 1; continue }
            let start = p
            var count = 0
            var q = p
            var d: (value: UInt8, length: Int)? = first
            while let x = d {
                if count < 12 { digits[count] = x.value }
                count += 1
                q += x.length
                d = q < n ? digit(u, q) : nil
                // An invisible character between two digits (a zero-width space, a soft
                // hyphen: pasted from a word processor) does not end the run.
                if d == nil, q < n, let after = PersonalNumberCheck.afterInvisibles(u, q), let y = digit(u, after) {
                    q = after
                    d = y
                }
            }
            var end = -1
            if count == 10 || count == 12 {
                end = q
            } else if count == 6 || count == 8 {
                var r = q, blanks = 0, breaks = 0, signs = 0, hidden = 0
                while r < n, let g = gap(u, r) {
                    switch g.kind {
                    case .blank: blanks += 1
                    case .lineBreak: breaks += 1
                    case .sign: signs += 1
                    case .invisible: hidden += 1
                    }
                    r += g.length
                    if blanks > 8 || breaks > 1 || signs > 2 || hidden > PersonalNumberCheck.invisibleLimit { break }
                }
                if r > q, blanks <= 8, breaks <= 1, signs <= 1 + breaks, hidden <= PersonalNumberCheck.invisibleLimit {
                    var k = r, more = 0
                    var x = k < n ? digit(u, k) : nil
                    while let y = x, more < 5 {
                        if more < 4 { digits[count + more] = y.value }
                        more += 1
                        k += y.length
                        x = k < n ? digit(u, k) : nil
                        if x == nil, k < n, let after = PersonalNumberCheck.afterInvisibles(u, k), let z = digit(u, after) {
                            k = after
                            x = z
                        }
                    }
                    if more == 4 {
                        count += 4
                        end = k
                    }
                }
            }
            if end >= 0 {
                let ten = ((count - 10)..<count).map { digits[$0] }
                if plausible(ten) && luhn(ten) {
                    while counted < start {
                        if u[counted] == 0x0A { line += 1; lineStart = counted + 1 }
                        counted += 1
                    }
                    hits.append(Hit(offset: start, end: end, line: line, column: start - lineStart + 1))
                    p = end
                    continue
                }
            }
            p = q
        }
        return hits
    }

    /// The digit at `p`, ASCII or full-width (U+FF10…U+FF19), and its length in bytes.
    @inline(__always)
    /// The bytes that may be part of a digit (`digit`) or of an invisible character between
    /// two (`invisible`), by byte value: an ASCII digit; the three bytes of a full-width
    /// one (0xEF, 0xBC, 0x90–0x99); the bytes of the invisible characters. A six-byte step
    /// of the scan stops on any of them.
    static let inDigit: [Bool] = (0..<256).map { b in
        (0x30...0x39).contains(b) || b == 0xEF || b == 0xBC || (0x90...0x99).contains(b)
            || [0xC2, 0xCD, 0xE2, 0xAD, 0x8F, 0x80, 0x81, 0xBB, 0xBF].contains(b) || (0x8B...0x8F).contains(b)
            || (0xA0...0xAE).contains(b)
    }

    /// Whether `b` is the first byte of a full-width digit or of an invisible character:
    /// where a run of ASCII digits may go on.
    @inline(__always)
    static func mayContinue(_ b: UInt8) -> Bool { b == 0xEF || b == 0xE2 || b == 0xC2 || b == 0xCD }

    /// The length in bytes of the invisible character at `p`, 0 when there is none: the
    /// format characters a copy from a word processor or a web page leaves inside a number
    /// (U+00AD soft hyphen, U+034F, U+200B–U+200F zero-width spaces, joiners and marks,
    /// U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+FEFF). The screen shows none of them,
    /// so a number with them in it reads as the number.
    @inline(__always)
    static func invisible(_ u: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int {
        let b = u[p]
        guard b >= 0xC2, p + 1 < u.count else { return 0 }
        let c = u[p + 1]
        if b == 0xC2 { return c == 0xAD ? 2 : 0 }
        if b == 0xCD { return c == 0x8F ? 2 : 0 }
        guard p + 2 < u.count else { return 0 }
        let d = u[p + 2]
        switch (b, c) {
        case (0xE2, 0x80): return (0x8B...0x8F).contains(d) || (0xAA...0xAE).contains(d) ? 3 : 0
        case (0xE2, 0x81): return (0xA0...0xA4).contains(d) || (0xA6...0xA9).contains(d) ? 3 : 0
        case (0xEF, 0xBB): return d == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// How many invisible characters may stand together in a number: a pasted number has
    /// one or two; a run of thousands is no number, and is not read to its end from each
    /// digit before it.
    static let invisibleLimit = 8

    /// Where the invisible characters at `p` end (at most `invisibleLimit` of them), nil
    /// when there is none at `p` or more than that.
    static func afterInvisibles(_ u: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int? {
        var q = p, count = 0
        while q < u.count {
            let l = invisible(u, q)
            guard l > 0 else { break }
            q += l
            count += 1
            if count > invisibleLimit { return nil }
        }
        return q > p && q < u.count ? q : nil
    }

    static func digit(_ u: UnsafeBufferPointer<UInt8>, _ p: Int) -> (value: UInt8, length: Int)? {
        let b = u[p]
        if b >= 0x30 && b <= 0x39 { return (b - 0x30, 1) }
        if b == 0xEF, p + 2 < u.count, u[p + 1] == 0xBC, u[p + 2] >= 0x90, u[p + 2] <= 0x99 { return (u[p + 2] - 0x90, 3) }
        return nil
    }

    enum GapKind { case blank, lineBreak, sign, invisible }

    /// A character that may stand between the date and the last four digits.
    static func gap(_ u: UnsafeBufferPointer<UInt8>, _ p: Int) -> (kind: GapKind, length: Int)? {
        let b = u[p]
        switch b {
        case 0x20, 0x09, 0x0D: return (.blank, 1)
        case 0x0A: return (.lineBreak, 1)
        case 0x2D, 0x2B: return (.sign, 1)
        default: break
        }
        let hidden = invisible(u, p)
        if hidden > 0 { return (.invisible, hidden) }
        guard p + 1 < u.count else { return nil }
        let c = u[p + 1]
        if b == 0xC2 && c == 0xA0 { return (.blank, 2) }  // no-break space
        guard p + 2 < u.count else { return nil }
        let d = u[p + 2]
        switch (b, c) {
        case (0xE2, 0x80):
            if (0x80...0x8A).contains(d) || d == 0xAF { return (.blank, 3) }  // en quad … hair space, narrow no-break space
            if (0x90...0x95).contains(d) { return (.sign, 3) }  // ‐ ‑ ‒ – — ―
        case (0xE2, 0x88) where d == 0x92: return (.sign, 3)  // −
        case (0xEF, 0xBC) where d == 0x8D || d == 0x8B: return (.sign, 3)  // － ＋
        case (0xEF, 0xB9) where d == 0xA3 || d == 0xA2: return (.sign, 3)  // ﹣ ﹢
        case (0xE3, 0x80) where d == 0x80: return (.blank, 3)  // ideographic space
        default: break
        }
        return nil
    }

    /// Month 01–12 and day 01–31, or 61–91 for a samordningsnummer. `d` holds digit values.
    static func plausible(_ d: [UInt8]) -> Bool {
        let m = Int(d[2]) * 10 + Int(d[3])
        let day = Int(d[4]) * 10 + Int(d[5])
        return (1...12).contains(m) && ((1...31).contains(day) || (61...91).contains(day))
    }

    static func luhn(_ d: [UInt8]) -> Bool {
        var sum = 0
        for (k, c) in d.enumerated() {
            var v = Int(c) * (k % 2 == 0 ? 2 : 1)
            if v > 9 { v -= 9 }
            sum += v
        }
        return sum % 10 == 0
    }

}
