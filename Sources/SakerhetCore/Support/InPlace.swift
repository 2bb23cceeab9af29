/// Walks read array elements where they lie. A value taken out of an array element and
/// passed on (a record, an activity, a check behind its protocol) is copied first: a
/// retain of each of its references, a copy of an existential's box, and a release after.
/// In the hot loops of the check runner (`FusedRun`), that was a tenth of an audit.
enum InPlace {
    /// `body(items[i], i, others[c], c)` for every `i` in `range` and every `c` of `others`,
    /// in that order (all of `others` for one item, then the next item), with neither
    /// element copied.
    @inline(__always)
    static func pairs<T, U>(_ items: [T], _ range: Range<Int>, _ others: [U], _ body: (T, Int, U, Int) -> Void) {
        items.withUnsafeBufferPointer { items in
            others.withUnsafeBufferPointer { others in
                for i in range {
                    for c in 0..<others.count { body(items[i], i, others[c], c) }
                }
            }
        }
    }

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

    /// `body(others[c], c)` for every `c` of `others`, in order, with no element copied.
    @inline(__always)
    static func each<U>(_ others: [U], _ body: (U, Int) -> Void) {
        others.withUnsafeBufferPointer { others in
            for c in 0..<others.count { body(others[c], c) }
        }
    }
}
