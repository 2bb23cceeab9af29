/// The byte scan behind `clip` (Render/FollowUpText.swift): the first line of a text cut to
/// `n` characters with "…", backing off to the blank before a cut word. It reads the string's
/// bytes through a buffer pointer, so it lives in the support layer.
enum TextClip {
    /// `clip(s, n)` for text where one scalar is one character (below U+0300, no CR) and
    /// `n` ≥ 2; nil for other text, and for a whole text that ends in "…" (which `clip`
    /// treats as cut already): those take the rule by characters.
    static func quick(_ s: String, _ n: Int) -> String? {
        guard n >= 2 else { return nil }
        if let r = s.utf8.withContiguousStorageIfAvailable({ quick($0, n) }) { return r.map { $0 ?? s } }
        return Array(s.utf8).withUnsafeBufferPointer { quick($0, n) }.map { $0 ?? s }
    }

    /// nil: the slow way; .some(nil): the text as it is; .some(text): the cut.
    private static func quick(_ u: UnsafeBufferPointer<UInt8>, _ n: Int) -> String?? {
        var scalars = 0
        var cut = -1           // where the n-th scalar starts: the cut of a line longer than n
        var lastBlank = -1     // the last blank before the cut, and its place in scalars
        var lastBlankScalars = 0
        var lineEnd = -1
        var p = 0
        while p < u.count {
            let b = u[p]
            if b == 0x0A { lineEnd = p; break }
            if b == 0x0D || b >= 0xCC { return nil }
            if b & 0xC0 != 0x80 {
                if scalars == n - 1 { cut = p }
                if b == 0x20 && scalars < n - 1 { lastBlank = p; lastBlankScalars = scalars }
                scalars += 1
                if scalars > n + 1 { break }  // longer than n: the cut is known
            }
            p += 1
        }
        func text(_ end: Int, _ tail: String) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: u[..<end]), as: UTF8.self) + tail
        }
        if scalars > n {
            // n - 1 characters and "…", cut at the end of a word when there is a blank in the
            // second half and the cut is not at a word's end already.
            if u[cut] == 0x20 || u[cut - 1] == 0x20 || lastBlank < 0 || lastBlankScalars < n / 2 { return .some(text(cut, "…")) }
            return .some(text(lastBlank, " …"))
        }
        if lineEnd >= 0 { return .some(text(lineEnd, " …")) }
        // The whole text: kept, unless it ends in "…" itself.
        let c = u.count
        if c >= 3 && u[c - 3] == 0xE2 && u[c - 2] == 0x80 && u[c - 1] == 0xA6 { return nil }
        return .some(nil)
    }

    /// `clipAnywhere(s, n)` for text where one scalar is one character (below U+0300, no
    /// CR): the first line cut at `n` characters with "…", or " …" after a first line that
    /// is not the whole text; nil for other text.
    static func anywhere(_ s: String, _ n: Int) -> String? {
        if let r = s.utf8.withContiguousStorageIfAvailable({ anywhere($0, n) }) { return r.map { $0 ?? s } }
        return Array(s.utf8).withUnsafeBufferPointer { anywhere($0, n) }.map { $0 ?? s }
    }

    /// nil: the slow way; .some(nil): the text as it is; .some(text): the cut.
    private static func anywhere(_ u: UnsafeBufferPointer<UInt8>, _ n: Int) -> String?? {
        var scalars = 0, cut = u.count, end = u.count
        for i in u.indices {
            let b = u[i]
            if b == 0x0A { end = i; break }
            if b == 0x0D || b >= 0xCC { return nil }
            if b & 0xC0 != 0x80 {
                if scalars == n - 1 { cut = i }
                scalars += 1
                if scalars > n + 1 { break }  // n + 1 plain scalars: the cut is known
            }
        }
        if scalars > n { return .some(String(decoding: UnsafeBufferPointer(rebasing: u[..<cut]), as: UTF8.self) + "…") }
        if end == u.count { return .some(nil) }
        return .some(String(decoding: UnsafeBufferPointer(rebasing: u[..<end]), as: UTF8.self) + " …")
    }
}
