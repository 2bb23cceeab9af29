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
            // full-width digit's first byte) and no run of six ASCII digits, counting the
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
                    let e = w ^ 0xEFEF_EFEF_EFEF_EFEF
                    // A byte of `e` is zero exactly where `w` has 0xEF; marks above a true one
                    // may be false, so only the lowest mark of all is used.
                    let ef = (e &- ones) & ~e & high
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
                if q - p < 6, q == n || u[q] != 0xEF { p = q; continue }
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
            }
            var end = -1
            if count == 10 || count == 12 {
                end = q
            } else if count == 6 || count == 8 {
                var r = q, blanks = 0, breaks = 0, signs = 0
                while r < n, let g = gap(u, r) {
                    switch g.kind {
                    case .blank: blanks += 1
                    case .lineBreak: breaks += 1
                    case .sign: signs += 1
                    }
                    r += g.length
                    if blanks > 8 || breaks > 1 || signs > 2 { break }
                }
                if r > q, blanks <= 8, breaks <= 1, signs <= 1 + breaks {
                    var k = r, more = 0
                    var x = k < n ? digit(u, k) : nil
                    while let y = x, more < 5 {
                        if more < 4 { digits[count + more] = y.value }
                        more += 1
                        k += y.length
                        x = k < n ? digit(u, k) : nil
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
    /// The bytes that may be part of a digit (`digit`): an ASCII digit, and the three
    /// bytes of a full-width one (0xEF, 0xBC, 0x90–0x99), by byte value.
    static let inDigit: [Bool] = (0..<256).map { b in (0x30...0x39).contains(b) || b == 0xEF || b == 0xBC || (0x90...0x99).contains(b) }

    static func digit(_ u: UnsafeBufferPointer<UInt8>, _ p: Int) -> (value: UInt8, length: Int)? {
        let b = u[p]
        if b >= 0x30 && b <= 0x39 { return (b - 0x30, 1) }
        if b == 0xEF, p + 2 < u.count, u[p + 1] == 0xBC, u[p + 2] >= 0x90, u[p + 2] <= 0x99 { return (u[p + 2] - 0x90, 3) }
        return nil
    }

    enum GapKind { case blank, lineBreak, sign }

    /// A character that may stand between the date and the last four digits.
    static func gap(_ u: UnsafeBufferPointer<UInt8>, _ p: Int) -> (kind: GapKind, length: Int)? {
        let b = u[p]
        switch b {
        case 0x20, 0x09, 0x0D: return (.blank, 1)
        case 0x0A: return (.lineBreak, 1)
        case 0x2D, 0x2B: return (.sign, 1)
        default: break
        }
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
