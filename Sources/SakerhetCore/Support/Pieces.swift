/// An output in consecutive pieces, each made by itself: a report's sections, a long table
/// in parts, one plan of a combined report. A renderer only says what the pieces are, in
/// plain Swift; whoever writes the output (`Store`, the CLI's `Output`) makes a few at a
/// time on every core and writes them in order before it makes the next ones. So the
/// renderers hold no threads, and a page of hundreds of megabytes (the combined report of
/// 290 plans) is never whole in memory.
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

    /// Makes the pieces, a batch at a time on every core, and hands each to `body` in order.
    /// Stops at the first piece for which `body` returns false, and returns false then.
    @discardableResult
    public func forEach(_ body: (String) throws -> Bool) rethrows -> Bool {
        for start in stride(from: 0, to: makers.count, by: Pieces.batch) {
            let made = Parallel.map(min(Pieces.batch, makers.count - start)) { [makers] in makers[start + $0]() }
            for piece in made where try !body(piece) { return false }
        }
        return true
    }

    /// All pieces as one string.
    public func joined() -> String {
        var out = ""
        forEach { out += $0; return true }
        return out
    }
}
