import Dispatch
import FoundationEssentials

/// Work split over the machine's cores. Used where a command spends its time on one big
/// data folder: parsing files in chunks, building records, running checks.
enum Parallel {
    /// How many pieces to cut work into: the cores this process may use, at most 8.
    static let width: Int = min(8, Platform.usableProcessors())

    /// `body(0) … body(n - 1)`, run at the same time, results in order.
    static func map<T: Sendable>(_ n: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if n == 1 { return [body(0)] }
        return Slots<T>.array(n) { slots in
            withoutActuallyEscaping(body) { body in
                DispatchQueue.concurrentPerform(iterations: n) { i in slots.put(i, body(i)) }
            }
        }
    }

    /// `items` cut into at most `n` consecutive pieces of about equal total `weight`
    /// (one piece when the whole weighs little).
    static func cut<T>(_ items: [T], weight: (T) -> Int, into n: Int) -> [ArraySlice<T>] {
        let total = items.reduce(0) { $0 + weight($1) }
        let n = total < 20_000 ? 1 : n
        var cuts = [0]
        var sum = 0
        for (i, item) in items.enumerated() where cuts.count < n {
            sum += weight(item)
            if sum * n >= total * cuts.count { cuts.append(i + 1) }
        }
        cuts.append(items.count)
        return (0..<(cuts.count - 1)).map { items[cuts[$0]..<max(cuts[$0], cuts[$0 + 1])] }
    }

    /// `0..<count` in `perCore` ranges per core, or one range when it is shorter than
    /// `minimum`.
    static func ranges(_ count: Int, minimum: Int = 20_000, perCore: Int = 1) -> [Range<Int>] {
        let pieces = count < minimum ? 1 : width * perCore
        return (0..<pieces).map { count * $0 / pieces ..< count * ($0 + 1) / pieces }
    }

    /// An array of `count` elements made by `element(&scratch, i)`, in pieces at the same
    /// time when it is long. Each piece has its own `scratch`, made by `start`. An element
    /// is a typed record, a microsecond's work or so: 10,000 goals are worth two cores (a
    /// plan of the rollup, of 2,000 activities, is one piece: the plans are read on every
    /// core already). Four pieces per core, taken in turn: with one each, a core that the
    /// host slowed kept the other waiting at the end.
    static func array<T: Sendable, S>(_ count: Int, start: @Sendable () -> S, _ element: @Sendable (inout S, Int) -> T) -> [T] {
        let pieces = arrayPieces(count)
        return Slots<T>.array(count) { slots in
            _ = map(pieces.count) { p in
                var scratch = start()
                for i in pieces[p] { slots.put(i, element(&scratch, i)) }
            }
        }
    }

    /// The pieces `array` makes `count` elements in.
    static func arrayPieces(_ count: Int) -> [Range<Int>] { ranges(count, minimum: 4_000, perCore: 4) }

    /// What `body(p, piece)` appends to `piece` for each `p` in `0..<n`, run at the same
    /// time, in one array in the order of `p`. Each piece's values are moved into their
    /// place on every core, and the piece frees no value one by one: `Array(parts.joined())`
    /// over arrays made in the pieces copied every value (retaining what it holds) on one
    /// core and then freed the parts (releasing it again); a list of 6,657 rows of a dozen
    /// strings each spent 3–4 ms so.
    static func gather<T: Sendable>(_ n: Int, _ body: @Sendable (Int, Gathered<T>) -> Void) -> [T] {
        joined(map(n) { p -> Gathered<T> in
            let piece = Gathered<T>()
            body(p, piece)
            return piece
        })
    }

    /// The values of `pieces`, in order, in one array, each piece's moved into its place
    /// on every core; the pieces are left empty. How a parse's pieces become one file's
    /// records (`Document.init(bytes:parts:)`), and `gather`'s pieces one array: on one
    /// core, a parse's 100,000 records were moved one piece after another, in memory that
    /// core touched first (docs/performance.md, "Records joined on every core").
    static func joined<T: Sendable>(_ pieces: [Gathered<T>]) -> [T] {
        if pieces.count == 1 { return pieces[0].take() }
        var starts = [0]
        for piece in pieces { starts.append(starts[starts.count - 1] + piece.count) }
        let at = starts
        return Slots<T>.array(at[at.count - 1]) { slots in
            _ = map(pieces.count) { p in pieces[p].move { slots.move($0, count: $1, to: at[p]) } }
        }
    }
}

/// The values one piece of a parallel pass makes (a parse's records, `Parallel.gather`'s
/// values), in a buffer of its own: moved out whole (`Parallel.joined`), so that no value
/// is copied or freed one by one, and no slot is left to refill. Written by the one
/// closure that made it and, after `map` has returned (which orders the two), emptied by
/// one other: that is why it may be handed between threads (`@unchecked Sendable`).
final class Gathered<T: Sendable>: @unchecked Sendable {
    private var base: UnsafeMutablePointer<T>
    private var capacity = 16
    private(set) var count = 0
    var isEmpty: Bool { count == 0 }

    init() { base = UnsafeMutablePointer<T>.allocate(capacity: capacity) }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func append(_ value: consuming T) {
        if count == capacity {
            // Doubled, the values moved (not copied) into the larger buffer.
            let larger = UnsafeMutablePointer<T>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: value)
        count += 1
    }

    /// Hands the values to `into(start, count)`, which moves them out; none is left.
    func move(_ into: (UnsafeMutablePointer<T>, Int) -> Void) {
        guard count > 0 else { return }
        into(base, count)
        count = 0
    }

    /// The values as an array, moved; none is left.
    func take() -> [T] {
        [T](unsafeUninitializedCapacity: count) { out, n in
            n = count
            move { out.baseAddress!.moveInitialize(from: $0, count: $1) }
        }
    }
}

extension Parallel {
    /// Fills several buffers in one parallel pass: each is cut into ranges of about `piece`
    /// bytes, and `body(buffer, range, base)` writes the bytes of `range` of buffer number
    /// `buffer` at `base + range.lowerBound`, returning how many it wrote from the range's
    /// start. The ranges go out longest first, so that one large buffer and a few small
    /// ones keep every core busy to the end. The result is, per buffer, how many bytes were
    /// written from its start without a gap.
    static func fill(_ buffers: [UnsafeMutableRawBufferPointer], piece: Int,
                     _ body: @Sendable (Int, Range<Int>, UnsafeMutableRawPointer) -> Int) -> [Int] {
        // Each buffer's ranges in order, so that a buffer's count is read off in one walk.
        let jobs: [(buffer: Int, range: Range<Int>, base: SharedBase)] = buffers.enumerated().flatMap { b, buffer in
            guard let start = buffer.baseAddress, buffer.count > 0 else { return [(buffer: Int, range: Range<Int>, base: SharedBase)]() }
            let n = (buffer.count + piece - 1) / piece
            return (0..<n).map { (b, buffer.count * $0 / n ..< buffer.count * ($0 + 1) / n, SharedBase(pointer: start)) }
        }
        let longestFirst = jobs.indices.sorted { jobs[$0].range.count > jobs[$1].range.count }
        // A whole of one piece or less is written on this thread: starting threads costs more.
        let total = buffers.reduce(0) { $0 + $1.count }
        let made = total <= piece
            ? longestFirst.map { body(jobs[$0].buffer, jobs[$0].range, jobs[$0].base.pointer) }
            : map(longestFirst.count) { j in
                let job = jobs[longestFirst[j]]
                return body(job.buffer, job.range, job.base.pointer)
            }
        var written = [Int](repeating: 0, count: jobs.count)
        for (j, job) in longestFirst.enumerated() { written[job] = made[j] }
        // The count stops at the first range not written whole.
        var counts = [Int](repeating: 0, count: buffers.count)
        var short = [Bool](repeating: false, count: buffers.count)
        for (j, job) in jobs.enumerated() where !short[job.buffer] {
            counts[job.buffer] = job.range.lowerBound + written[j]
            short[job.buffer] = written[j] < job.range.count
        }
        return counts
    }

    /// `work()`, started now on another thread; `wait()` gives its value. What `Pieces`
    /// makes the next batch with while the caller writes the one before.
    static func ahead<T: Sendable>(_ work: @escaping @Sendable () -> T) -> Ahead<T> {
        let ahead = Ahead<T>()
        DispatchQueue.global().async { ahead.set(work()) }
        return ahead
    }
}

/// A value made on another thread (`Parallel.ahead`). Set once by that thread before it
/// signals, read by the waiting one after it is signalled: the semaphore orders the two,
/// which is why it may be shared (`@unchecked Sendable`).
final class Ahead<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let done = DispatchSemaphore(value: 0)

    fileprivate func set(_ made: T) {
        value = made
        done.signal()
    }

    /// Waits until the value is made and takes it; called once.
    func wait() -> T {
        done.wait()
        defer { value = nil }
        return value!
    }
}

/// The start of a buffer that `fill` hands to several threads, each writing its own ranges.
private struct SharedBase: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

/// Results written by index from several threads, straight into the array returned:
/// each index exactly once. With `SharedBase`, `Ahead` and `Gathered`, the only `@unchecked Sendable`
/// of the parallel code: the closures handed to `map`, `array`, `fill` and `ahead` are
/// `@Sendable` and checked by the compiler; this buffer is safe because every index is
/// written by exactly one thread and the array is handed out only after `fill` has
/// returned, that is after `concurrentPerform` has.
private struct Slots<T: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T>

    /// The array of `count` elements that `fill` puts, every index once, before it returns.
    /// The elements are made where the array keeps them: 100,000 activities are not
    /// copied once more into fresh memory (docs/performance.md, "Results made in place").
    static func array(_ count: Int, _ fill: (Slots) -> Void) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { out, n in
            fill(Slots(buffer: out.baseAddress!))
            n = count
        }
    }

    /// Takes `value` over (`consuming`): it is moved into its slot, not copied, so a
    /// record of a dozen strings costs no retain and release of each.
    func put(_ i: Int, _ value: consuming T) { (buffer + i).initialize(to: value) }

    /// Moves `count` values from `from` into the slots from `at` on; `from` is left
    /// uninitialized (each slot is still put once).
    func move(_ from: UnsafeMutablePointer<T>, count: Int, to at: Int) { (buffer + at).moveInitialize(from: from, count: count) }
}

