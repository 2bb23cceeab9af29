/// The fields of many records, one after another in one block of memory: the parser
/// puts each record's fields at the end of its current block, and a record is a place in
/// it (`FieldList`). One allocation holds the fields of thousands of records, where an
/// array per record cost 48 bytes of header and allocation each (56 MB at 1,000,000
/// activities) and an allocation and a free per record.
///
/// A field is kept as its entry (`FieldEntry`, 16 bytes, nothing counted); where its
/// value is, is the block's: the one file its parser read (`source`), or, for the few
/// values made as strings (several lines, repaired bytes, an edit's), the block's list of
/// made values. So the parser writes a field with no retain, and the block holds its
/// file once, not once per field.
///
/// Written only by the parser that made it, and only past the fields of the records it
/// has handed out; after that it is read, never written. That is why it may be shared
/// between threads (`@unchecked Sendable`).
final class FieldBlock: @unchecked Sendable {
    let base: UnsafeMutablePointer<FieldEntry>
    let capacity: Int
    private(set) var count = 0
    /// The file whose bytes hold the values that are not made; nil when every value is made.
    let source: FieldSource?
    /// Where `source`'s bytes start, read with no copy of its array: valid while the block
    /// holds `source`, whose array is never changed.
    let file: UnsafePointer<UInt8>?
    /// The made values, each at its entry's place (`FieldEntry.count32` of a made entry).
    private(set) var made: [MadeValue] = []

    /// The fields of a block: enough for a few thousand records, 1 MB.
    static let standardCapacity = 1 << 16

    /// The block of no fields, shared by every empty list.
    static let empty = FieldBlock(capacity: 0, source: nil)

    init(capacity: Int, source: FieldSource?) {
        self.capacity = capacity
        self.source = source
        file = source?.bytes.withUnsafeBufferPointer { $0.baseAddress }
        base = UnsafeMutablePointer<FieldEntry>.allocate(capacity: max(capacity, 1))
    }

    deinit {
        // Entries hold no references: nothing to release one by one.
        base.deallocate()
    }

    /// Whether `n` more fields fit.
    func fits(_ n: Int) -> Bool { count + n <= capacity }

    /// Copies `n` entries from `from` to the end, with their made values `newMade` (the
    /// entries count their places from 0); returns where they start.
    func append(_ from: UnsafePointer<FieldEntry>, count n: Int, made newMade: [MadeValue]) -> Int {
        precondition(fits(n), "a field block holds \(capacity) fields")
        let start = count
        if newMade.isEmpty {
            (base + start).initialize(from: from, count: n)
        } else {
            let shift = made.count
            for k in 0..<n { (base + start + k).initialize(to: from[k].isMade ? from[k].madeMoved(by: shift) : from[k]) }
            made.append(contentsOf: newMade)
        }
        count += n
        return start
    }

    /// Where the value of `entry` (one of this block's) is.
    @inline(__always)
    func storage(of entry: FieldEntry) -> FieldStorage {
        entry.isMade ? .made(madeValue(of: entry)) : .file(source!)
    }

    /// The field at `i`, as a value of its own.
    @inline(__always)
    func field(_ i: Int) -> Field { Field(base[i], storage(of: base[i])) }

    /// The made value of a made `entry` (one of this block's).
    @inline(__always)
    func madeValue(of entry: FieldEntry) -> MadeValue { made[Int(entry.count32)] }

    /// A block of exactly `fields`. A value that lies in a file other than the first one
    /// the fields name is kept made (fields put together from several files, which no
    /// parse does).
    static func holding(_ fields: [Field]) -> FieldList {
        guard !fields.isEmpty else { return FieldList() }
        var source: FieldSource?
        for f in fields { if case .file(let s) = f.storage { source = s; break } }
        let block = FieldBlock(capacity: fields.count, source: source)
        var entries: [FieldEntry] = []
        var made: [MadeValue] = []
        entries.reserveCapacity(fields.count)
        for f in fields {
            switch f.storage {
            case .file(let s) where s === source:
                entries.append(f.entry)
            case .file:
                entries.append(.made(keyID: f.keyID, line: f.line, start: Int(f.entry.start32), made: made.count))
                made.append(MadeValue(f.value, end: f.byteRange.upperBound, keyID: f.keyID, column: f.valueColumn, lineCount: 1))
            case .made(let m):
                entries.append(.made(keyID: f.keyID, line: f.line, start: Int(f.entry.start32), made: made.count))
                made.append(m)
            }
        }
        _ = entries.withUnsafeBufferPointer { block.append($0.baseAddress!, count: $0.count, made: made) }
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

    public subscript(i: Int) -> Field { block.field(place(i)) }

    // Field `j`'s key, line and place, read from its entry: `self[j]` makes the field, a
    // retain and a release of its value's storage, in a walk over every field.

    /// Field `j`'s `code`.
    public func code(at j: Int) -> UInt8 { block.base[place(j)].code }
    /// Field `j`'s `keyID`.
    func keyID(at j: Int) -> UInt32 {
        let e = block.base[place(j)]
        return e.key16 != FieldEntry.wide ? UInt32(e.key16) : self[j].keyID
    }
    /// Field `j`'s `line`.
    public func line(at j: Int) -> Int { Int(block.base[place(j)].line32) }
    /// Field `j`'s `byteRange`.
    public func byteRange(at j: Int) -> Range<Int> { self[j].byteRange }
    /// Field `j`'s `lineCount`.
    public func lineCount(at j: Int) -> Int { block.base[place(j)].isMade ? self[j].lineCount : 1 }

    /// Whether field `j`'s value is empty (`Field.isEmpty`).
    public func isEmpty(at j: Int) -> Bool { withExtendedLifetime(block) { ref(j).isEmpty } }

    /// Runs `body` on field `j`'s value bytes (`Field.withValueBytes`).
    func withValueBytes<R>(at j: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withExtendedLifetime(block) { ref(j).withValueBytes(body) }
    }

    /// Field `j` read where it lies, valid while this list is.
    @inline(__always)
    private func ref(_ j: Int) -> FieldRef { FieldRef(block.base[place(j)], block.file, Unmanaged.passUnretained(block)) }

    /// The index of the first field whose code is `code`, nil when there is none.
    public func firstIndex(code: UInt8) -> Int? {
        let base = block.base + Int(start32)
        for j in 0..<Int(count32) where base[j].code == code { return j }
        return nil
    }

    /// Which codes the fields have, and which of them a record check must look at more
    /// closely (`FieldCodes`), in one walk over the entries.
    func codes() -> FieldCodes {
        let base = block.base + Int(start32)
        var present: UInt64 = 0
        var unusual = false
        for j in 0..<Int(count32) {
            let e = base[j]
            let code = e.code
            let bit: UInt64 = code < FieldCodes.unusualBit ? 1 << UInt64(code) : 1 << UInt64(FieldCodes.otherBit)
            unusual = unusual || present & bit != 0 || e.isMade || e.count32 == 0
            present |= bit
        }
        return FieldCodes(present: present, unusual: unusual)
    }

    @inline(__always)
    private func place(_ j: Int) -> Int {
        precondition(j >= 0 && j < Int(count32), "field index out of range")
        return Int(start32) + j
    }

    /// The first field; its own, not `Collection`'s, for `Record.line` in a debug build.
    public var first: Field? { count32 > 0 ? block.field(Int(start32)) : nil }

    /// The fields where they lie, valid while `holder` is not changed: `holder` is made to
    /// hold this list's block (only when it holds another), so a walk over records that
    /// share a block (thousands each) retains and releases it once a block, not once a
    /// record (`FieldSlots.load`).
    func view(keeping holder: inout FieldList) -> FieldView {
        if holder.block !== block { holder = self }
        return FieldView(UnsafeBufferPointer(start: block.base + Int(start32), count: Int(count32)), block)
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
            return block.field(at)
        }
    }

    public func makeIterator() -> Iterator { Iterator(block, Int(start32), Int(start32) + Int(count32)) }

    public static func == (a: FieldList, b: FieldList) -> Bool { a.elementsEqual(b) }
}

/// A record's fields where they lie (`FieldList.view(keeping:)`): its entries, their
/// file's bytes and their block, valid while the list that holds the block is kept.
/// Reading a field through it counts nothing: the block is reached unretained, and a
/// value in the file through the file's bytes alone.
struct FieldView {
    let entries: UnsafeBufferPointer<FieldEntry>
    private let file: UnsafePointer<UInt8>?
    private let block: Unmanaged<FieldBlock>

    init(_ entries: UnsafeBufferPointer<FieldEntry>, _ block: FieldBlock) {
        self.entries = entries
        file = block.file
        self.block = Unmanaged.passUnretained(block)
    }

    /// No fields.
    init() { self.init(UnsafeBufferPointer(start: nil, count: 0), FieldBlock.empty) }

    var count: Int { entries.count }
    var indices: Range<Int> { 0..<entries.count }

    @inline(__always)
    subscript(j: Int) -> FieldRef { FieldRef(entries[j], file, block) }
}

/// A field read where it lies, for the length of the call it is handed to (a field
/// check's `flags`): its entry, its file's bytes and its block, with nothing counted.
/// Keep `field` to keep the field.
public struct FieldRef {
    let entry: FieldEntry
    private let file: UnsafePointer<UInt8>?
    private let block: Unmanaged<FieldBlock>

    init(_ entry: FieldEntry, _ file: UnsafePointer<UInt8>?, _ block: Unmanaged<FieldBlock>) {
        self.entry = entry
        self.file = file
        self.block = block
    }

    /// The field as a value of its own, to keep.
    public var field: Field { block._withUnsafeGuaranteedRef { Field(entry, $0.storage(of: entry)) } }
    /// `Field.code`.
    @inline(__always)
    public var code: UInt8 { entry.code }
    /// `Field.key`.
    public var key: String { field.key }
    /// `Field.line`.
    public var line: Int { Int(entry.line32) }
    /// `Field.isEmpty`.
    @inline(__always)
    public var isEmpty: Bool { entry.isMade ? made.text.isEmpty : entry.count32 == 0 }
    /// `Field.value`.
    public var value: String {
        entry.isMade ? made.text : FieldSource.string(file! + entry.valueStart, Int(entry.count32))
    }

    /// `Field.withValueBytes`: a value in the file where it lies, a made one in its string.
    @inline(__always)
    func withValueBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard entry.isMade else { return body(UnsafeBufferPointer(start: file! + entry.valueStart, count: Int(entry.count32))) }
        var text = made.text
        return text.withUTF8(body)
    }

    /// The made value of a made field (few: several lines, repaired bytes, an edit's).
    private var made: MadeValue { block._withUnsafeGuaranteedRef { $0.madeValue(of: entry) } }

    /// `Field.storedWord`.
    func storedWord<W: StoredWord>(_: W.Type) -> W? { withValueBytes { W.storedWords.word($0) } }
}
