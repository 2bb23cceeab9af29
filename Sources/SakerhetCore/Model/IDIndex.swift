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

    /// The first record whose id is these bytes. Inlined where it is called: a call would
    /// be handed a copy of the index, a retain and a release of its three buffers at every
    /// field the reference checks look up (`FieldSite`).
    @inline(__always)
    func first(bytes id: UnsafeBufferPointer<UInt8>) -> Int? {
        let key = IDKey(id)
        return table.withUnsafeBufferPointer { table in
            records.withUnsafeBufferPointer { records in
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
        }
    }

    /// The first record with `id`.
    public func first(_ id: String) -> Int? {
        var id = id
        return id.withUTF8 { first(bytes: $0) }
    }

    /// True when a record has `id`.
    public func contains(_ id: String) -> Bool { first(id) != nil }

    /// True when a record's id is the value of `field`, read where it lies.
    @inline(__always)
    func contains(_ field: Field) -> Bool { field.withValueBytes { first(bytes: $0) } != nil }

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
