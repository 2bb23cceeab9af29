/// The records of one kind by id: the first record with each id, and every record of the
/// ids that more than one record has.
///
/// An id is looked up by its bytes: the table keeps, for each record, its index and the
/// key of its id (`IDKey`, made by the parser with the record): the id's bytes themselves
/// when it has 7 or fewer (most ids), else a hash of them, confirmed by comparing the bytes
/// of the record's own `id` field, where they lie in the file. So no string is made for an
/// id, to index it or to look it up from a field (`contains(_: Field)`), building the table
/// reads the records alone and not each id's bytes from across the file, and the table is
/// 24 bytes a record: at 1,000,000 activities 24 MB, against 48 MB for a dictionary of
/// strings (docs/performance.md, "Ids looked up by their bytes"). Ids are compared byte
/// for byte, as recutils compares them.
public struct IDIndex: Sendable {
    /// One slot of the table: a record's id key, and the record's index + 1 (0: an empty
    /// slot).
    private struct Slot {
        var key: UInt64
        var index1: UInt32
    }

    /// The kind's records, in file order.
    private let records: [Record]
    /// Open addressing with linear probing, at most two thirds full.
    private var table: [Slot]
    /// Ids used more than once, with all their records in file order.
    public private(set) var duplicates: [String: [Int]] = [:]

    init(_ records: [Record]) {
        self.records = records
        table = [Slot](repeating: Slot(key: 0, index1: 0), count: records.count + records.count / 2 + 8)
        var duplicates: [String: [Int]] = [:]
        table.withUnsafeMutableBufferPointer { table in
            records.withUnsafeBufferPointer { records in
                for i in records.indices {
                    // The first `id`, empty or not (an empty id is an id, ""), by its key.
                    let key = records[i].idKey
                    guard key != .none else { continue }
                    var slot = IDIndex.start(key, table.count)
                    var earlier: Int?
                    while table[slot].index1 != 0 {
                        if table[slot].key == key.bits {
                            let j = Int(table[slot].index1) - 1
                            if key.isExact || IDIndex.sameID(records[j], records[i]) { earlier = j; break }
                        }
                        slot = slot + 1 == table.count ? 0 : slot + 1
                    }
                    if let earlier {
                        duplicates[records[i].field(.id)!.value, default: [earlier]].append(i)
                    } else {
                        table[slot] = Slot(key: key.bits, index1: UInt32(i + 1))
                    }
                }
            }
        }
        self.duplicates = duplicates
    }

    /// The first slot to look at: the key's hash scaled to the table's size.
    @inline(__always)
    private static func start(_ key: IDKey, _ count: Int) -> Int { Int((UInt64(key.hash) &* UInt64(count)) >> 32) }

    /// Whether record `r`'s id is `id`, byte for byte.
    private static func same(_ r: Record, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let f = r.field(.id) else { return false }
        return f.withValueBytes { ByteCompare.same($0, id) }
    }

    /// Whether two records have the same id, byte for byte.
    private static func sameID(_ a: Record, _ b: Record) -> Bool {
        guard let f = b.field(.id) else { return false }
        return f.withValueBytes { same(a, $0) }
    }

    /// The first record whose id is these bytes. Inlined where it is called: a call may be
    /// handed a copy of the index, a retain and a release of its buffers per lookup.
    @inline(__always)
    func first(bytes id: UnsafeBufferPointer<UInt8>) -> Int? {
        table.withUnsafeBufferPointer { table in
            records.withUnsafeBufferPointer { records in IDIndex.first(id, table, records) }
        }
    }

    /// The probe of `table` for `id`, which `first(bytes:)` and a `Reader` share.
    @inline(__always)
    private static func first(_ id: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<Slot>,
                              _ records: UnsafeBufferPointer<Record>) -> Int? {
        let key = IDKey(id)
        var slot = IDIndex.start(key, table.count)
        while table[slot].index1 != 0 {
            if table[slot].key == key.bits {
                let j = Int(table[slot].index1) - 1
                if key.isExact || IDIndex.same(records[j], id) { return j }
            }
            slot = slot + 1 == table.count ? 0 : slot + 1
        }
        return nil
    }

    /// The index read through pointers to its table and records, for a walk that looks
    /// up an id at many fields (`FieldSite`): a copy of the index, or a call handed one,
    /// retained and released its buffers at every lookup, counts that the walks on the
    /// other cores changed too. Valid while the index it was made from is kept, unchanged
    /// (an index is not changed once made).
    struct Reader {
        private let table: UnsafeBufferPointer<Slot>
        private let records: UnsafeBufferPointer<Record>

        /// No records: finds nothing.
        init() {
            table = UnsafeBufferPointer(start: nil, count: 0)
            records = UnsafeBufferPointer(start: nil, count: 0)
        }

        init(_ index: IDIndex) {
            // The arrays' storage stays where it is while `index` (kept by the caller) holds it.
            table = index.table.withUnsafeBufferPointer { $0 }
            records = index.records.withUnsafeBufferPointer { $0 }
        }

        /// Whether a record's id is the value of `field`, read where it lies.
        @inline(__always)
        func contains(_ field: FieldRef) -> Bool {
            guard !table.isEmpty else { return false }
            return field.withValueBytes { IDIndex.first($0, table, records) } != nil
        }
    }

    /// The first record with `id`.
    public func first(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { first(bytes: $0) }
    }

    /// True when a record has `id`.
    public func contains(_ id: String) -> Bool { first(id) != nil }

    /// The records with `id`, in file order; nil when none has it.
    public subscript(id: String) -> [Int]? {
        if let all = duplicates[id] { return all }
        return first(id).map { [$0] }
    }

    /// Each id once, in file order.
    public var keys: [String] {
        var out: [String] = []
        out.reserveCapacity(records.count)
        for (i, r) in records.enumerated() {
            guard let f = r.field(.id) else { continue }
            if let all = duplicates[f.value], all[0] != i { continue }
            out.append(f.value)
        }
        return out
    }
}
