/// SplitMix64: a small, fast, seeded generator, so the same seed always gives the same
/// sequence on every machine (no Foundation or system randomness). The benchmark's data
/// generator and the tests' mutants and random inputs use it.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n; 0 (drawing nothing) when n is 0 or less.
    public mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    /// A number in the closed range.
    public mutating func between(_ a: Int, _ b: Int) -> Int { a + below(b - a + 1) }

    /// True with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
