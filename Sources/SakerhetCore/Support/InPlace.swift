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

    /// `body(records[i], i)` for every `i` in `range` whose record's codes pass `wanted`, in
    /// order: a record passed over is read no further than its codes, and none is copied
    /// (a copy retains its fields' block, which the other cores' walks count too).
    @inline(__always)
    static func each(_ records: [Record], _ range: Range<Int>, where wanted: (FieldCodes) -> Bool, _ body: (Record, Int) -> Void) {
        records.withUnsafeBufferPointer { records in
            for i in range where wanted(records[i].codes) { body(records[i], i) }
        }
    }

    /// `body(others[c], c)` for every `c` of `others`, in order, with no element copied.
    @inline(__always)
    static func each<U>(_ others: [U], _ body: (U, Int) -> Void) {
        others.withUnsafeBufferPointer { others in
            for c in 0..<others.count { body(others[c], c) }
        }
    }

    /// Puts element `order[k]` at place `k`, for every `k`, each element moved once and
    /// none copied: each cycle of the permutation in turn. (Swapping the elements of an
    /// array retained and released what each held, at every swap.) `order` must hold each
    /// index once; the move stops the program before it would read a place twice.
    static func permute<T>(_ items: inout [T], _ order: [Int32]) {
        precondition(order.count == items.count, "a permutation of every place")
        var placed = [Bool](repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            for start in 0..<b.count where !placed[start] {
                placed[start] = true
                var k = start
                var from = Int(order[k])
                guard from != start else { continue }
                let first = (base + start).move()
                while from != start {
                    precondition(from >= 0 && from < b.count && !placed[from], "a permutation of every place")
                    (base + k).moveInitialize(from: base + from, count: 1)
                    placed[from] = true
                    k = from
                    from = Int(order[k])
                }
                (base + k).initialize(to: first)
            }
        }
    }
}
