/// An output in consecutive pieces, each made by itself: a report's sections, a long table
/// in parts, one plan of a combined report. A renderer only says what the pieces are, in
/// plain Swift; whoever writes the output (`Store`, the CLI's `Output`) makes a few at a
/// time on every core and writes them in order while the next few are made. So the
/// renderers hold no threads, and a page of hundreds of megabytes (the combined report of
/// 290 plans) is never whole in memory: at most two batches are.
public struct Pieces: Sendable {
    private let makers: [@Sendable () -> String]

    /// The pieces `makers` make, in this order.
    public init(_ makers: [@Sendable () -> String]) {
        self.makers = makers
    }

    /// One piece, already made.
    public init(_ text: String) {
        self.makers = [{ text }]
    }

    /// Strings already made, one piece each.
    public init(texts: [String]) {
        self.makers = texts.map { text in { text } }
    }

    public var count: Int { makers.count }

    /// `items` cut into consecutive parts of about equal total `weight`, for a long list
    /// written in pieces: a few per core, or one part when the whole weighs little.
    public static func cut<T>(_ items: [T], weight: (T) -> Int) -> [ArraySlice<T>] {
        Parallel.cut(items, weight: weight, into: 4 * Parallel.width)
    }

    /// How many pieces are made at the same time before they are handed on: two per core,
    /// so that a short piece does not leave a core idle while a long one is made.
    static var batch: Int { 2 * Parallel.width }

    /// Makes the pieces, a batch at a time on every core, and hands each to `body` in order;
    /// while `body` has one batch (writing it, which is the kernel copying on this thread),
    /// the next is made on the other cores. Stops at the first piece for which `body`
    /// returns false, and returns false then: no batch after the one being made is begun.
    @discardableResult
    public func forEach(_ body: (String) throws -> Bool) rethrows -> Bool {
        let makers = makers
        let n = makers.count
        guard n > 0 else { return true }
        @Sendable func batch(_ start: Int) -> [String] {
            Parallel.map(min(Pieces.batch, n - start)) { makers[start + $0]() }
        }
        var start = 0
        var current = batch(0)
        while true {
            let next = start + Pieces.batch
            let ahead = next < n ? Parallel.ahead { batch(next) } : nil
            for piece in current where try !body(piece) {
                _ = ahead?.wait()
                return false
            }
            guard let ahead else { return true }
            current = ahead.wait()
            start = next
        }
    }

    /// All pieces as one string.
    public func joined() -> String {
        var out = ""
        forEach { out += $0; return true }
        return out
    }
}
