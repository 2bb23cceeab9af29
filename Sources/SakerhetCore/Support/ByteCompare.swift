/// Comparing byte arrays fast: the history reader compares each version of a file with the
/// one before. Pointer code lives here, in the support layer.
enum ByteCompare {
    /// The number of leading bytes `a` and `b` share.
    static func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let shortest = min(a.count, b.count)
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var n = 0
                while n < shortest, x[n] == y[n] { n += 1 }
                return n
            }
        }
    }

    /// The number of trailing bytes `a` and `b` share, at most `limit`.
    static func commonSuffix(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var n = 0
                while n < limit, x[x.count - 1 - n] == y[y.count - 1 - n] { n += 1 }
                return n
            }
        }
    }

    /// Whether two slices hold the same bytes.
    static func equal(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in Platform.bytesEqual(x.baseAddress!, y.baseAddress!, count: x.count) } }
    }
}
