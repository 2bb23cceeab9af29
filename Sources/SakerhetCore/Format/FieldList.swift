/// The fields of many records, one after another in one block of memory: the parser
/// puts each record's fields at the end of its current block, and a record is a place in
/// it (`FieldList`). One allocation holds the fields of thousands of records, where an
/// array per record cost 48 bytes of header and allocation each (56 MB at 1,000,000
/// activities) and an allocation and a free per record.
///
/// Written only by the parser that made it, and only past the fields of the records it
/// has handed out; after that it is read, never written. That is why it may be shared
/// between threads (`@unchecked Sendable`).
final class FieldBlock: @unchecked Sendable {
    let base: UnsafeMutablePointer<Field>
    let capacity: Int
    private(set) var count = 0

    /// The fields of a block: enough for a few thousand records, 1.5 MB.
    static let standardCapacity = 1 << 16

    /// The block of no fields, shared by every empty list.
    static let empty = FieldBlock(capacity: 0)

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<Field>.allocate(capacity: max(capacity, 1))
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Whether `n` more fields fit.
    func fits(_ n: Int) -> Bool { count + n <= capacity }

    /// Moves `n` fields from `from` to the end; returns where they start.
    func append(moving from: UnsafeMutablePointer<Field>, count n: Int) -> Int {
        precondition(fits(n), "a field block holds \(capacity) fields")
        let start = count
        (base + start).moveInitialize(from: from, count: n)
        count += n
        return start
    }

    /// A block of exactly `fields`.
    static func holding(_ fields: [Field]) -> FieldList {
        guard !fields.isEmpty else { return FieldList() }
        let block = FieldBlock(capacity: fields.count)
        fields.withUnsafeBufferPointer { b in
            block.base.initialize(from: b.baseAddress!, count: b.count)
        }
        block.count = fields.count
        return FieldList(block, start: 0, count: fields.count)
    }
}

/// A record's fields in file order: a place in a `FieldBlock`, indexed from 0 like an array.
public struct FieldList: RandomAccessCollection, Sendable, Equatable {
    private let block: FieldBlock
    private let start32: Int32
    private let count32: Int32

    init(_ block: FieldBlock, start: Int, count: Int) {
        precondition(start >= 0 && count >= 0 && start + count <= block.count, "fields outside their block")
        self.block = block
        start32 = Int32(truncatingIfNeeded: start)
        count32 = Int32(truncatingIfNeeded: count)
    }

    /// No fields.
    public init() { self.init(FieldBlock.empty, start: 0, count: 0) }

    /// The fields of an array, copied into a block of their own.
    public init(_ fields: [Field]) { self = FieldBlock.holding(fields) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(count32) }

    public subscript(i: Int) -> Field {
        precondition(i >= 0 && i < Int(count32), "field index out of range")
        return block.base[Int(start32) + i]
    }

    // Field `j`'s key, line and place, read where the field lies: `self[j]` copies the
    // field, a retain and a release of its value's storage, in a walk over every field.

    /// Field `j`'s `code`.
    public func code(at j: Int) -> UInt8 { block.base[place(j)].code }
    /// Field `j`'s `keyID`.
    func keyID(at j: Int) -> UInt32 { block.base[place(j)].keyID }
    /// Field `j`'s `line`.
    public func line(at j: Int) -> Int { block.base[place(j)].line }
    /// Field `j`'s `byteRange`.
    public func byteRange(at j: Int) -> Range<Int> { block.base[place(j)].byteRange }
    /// Field `j`'s `lineCount`.
    public func lineCount(at j: Int) -> Int { block.base[place(j)].lineCount }

    /// Whether field `j`'s value is empty (`Field.isEmpty`).
    public func isEmpty(at j: Int) -> Bool { withExtendedLifetime(block) { block.base[place(j)].isEmpty } }

    /// Runs `body` on field `j`'s value bytes (`Field.withValueBytes`).
    func withValueBytes<R>(at j: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withExtendedLifetime(block) { block.base[place(j)].withValueBytes(body) }
    }

    /// The index of the first field whose code is `code`, nil when there is none.
    public func firstIndex(code: UInt8) -> Int? {
        let base = block.base + Int(start32)
        for j in 0..<Int(count32) where base[j].code == code { return j }
        return nil
    }

    @inline(__always)
    private func place(_ j: Int) -> Int {
        precondition(j >= 0 && j < Int(count32), "field index out of range")
        return Int(start32) + j
    }

    /// The first field; its own, not `Collection`'s, for `Record.line` in a debug build.
    public var first: Field? { count32 > 0 ? block.base[Int(start32)] : nil }

    /// Runs `body` on the fields where they lie: reading a field through the buffer
    /// retains nothing, where a copy of a field retains its value's storage.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Field>) throws -> R) rethrows -> R {
        try withExtendedLifetime(block) {
            try body(UnsafeBufferPointer(start: block.base + Int(start32), count: Int(count32)))
        }
    }

    /// The fields where they lie, valid while `holder` is not changed: `holder` is made to
    /// hold this list's block (only when it holds another), so a walk over records that
    /// share a block (thousands each) retains and releases it once a block, not once a
    /// record (`FieldSlots.load`).
    func view(keeping holder: inout FieldList) -> UnsafeBufferPointer<Field> {
        if holder.block !== block { holder = self }
        return UnsafeBufferPointer(start: block.base + Int(start32), count: Int(count32))
    }

    /// Walks the fields in order. Its own, not `IndexingIterator`: a loop over a record's
    /// fields is the commonest loop there is, and in a debug build (the tests') the generic
    /// iterator looks up its type's metadata at every step.
    public struct Iterator: IteratorProtocol {
        private let block: FieldBlock
        private var at: Int
        private let end: Int

        init(_ block: FieldBlock, _ start: Int, _ end: Int) {
            self.block = block
            at = start
            self.end = end
        }

        public mutating func next() -> Field? {
            guard at < end else { return nil }
            defer { at += 1 }
            return block.base[at]
        }
    }

    public func makeIterator() -> Iterator { Iterator(block, Int(start32), Int(start32) + Int(count32)) }

    public static func == (a: FieldList, b: FieldList) -> Bool { a.elementsEqual(b) }
}
