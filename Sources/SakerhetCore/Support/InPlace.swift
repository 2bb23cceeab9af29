/// Walks read array elements where they lie. A value taken out of an array element and
/// passed on (a record, an activity, a check behind its protocol) is copied first: a
/// retain of each of its references, a copy of an existential's box, and a release after.
/// In the hot loops of the check runner (`FusedRun`), that was a tenth of an audit.
enum InPlace {
    /// `body(others[c], c)` for every `c` whose bit is set in `mask` (bit `c` for
    /// `others[c]`), lowest first, with no element copied.
    @inline(__always)
    static func masked<U>(_ others: [U], _ mask: UInt64, _ body: (U, Int) -> Void) {
        others.withUnsafeBufferPointer { others in
            var mask = mask
            while mask != 0 {
                let c = mask.trailingZeroBitCount
                mask &= mask - 1
                body(others[c], c)
            }
        }
    }

    /// `body(items[i], i)` for every `i` in `range`, in order, with no element copied.
    @inline(__always)
    static func each<T>(_ items: [T], _ range: Range<Int>, _ body: (T, Int) -> Void) {
        items.withUnsafeBufferPointer { items in
            for i in range { body(items[i], i) }
        }
    }

    /// `body(others[c], c)` for every `c` of `others`, in order, with no element copied.
    @inline(__always)
    static func each<U>(_ others: [U], _ body: (U, Int) -> Void) {
        others.withUnsafeBufferPointer { others in
            for c in 0..<others.count { body(others[c], c) }
        }
    }
}
