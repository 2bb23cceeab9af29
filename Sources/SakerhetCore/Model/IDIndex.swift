/// The records of one kind by id: the first record with each id, and every record of the
/// ids that more than one record has.
///
/// An id is looked up by its bytes: the table keeps, for each record, its index and its
/// id's bytes (a short id) or a hash of them (a long one, confirmed by comparing the bytes
/// of the record's own `id` field, where they lie in the file). So no string is made for
/// an id, to index it or to look it up from a field (`contains(_: Field)`), and the table
/// is 24 bytes a record: at 1,000,000 activities 24 MB, against 48 MB for a dictionary of
/// strings (docs/performance.md, "Ids looked up by their bytes"). Ids are compared byte
/// for byte, as recutils compares them.
public struct IDIndex: Sendable {
    /// One slot of the table. `key` is the id's bytes themselves when it has 8 or fewer
    /// (most ids: `A123456`, `M3.3`), so such an id is found without reading its record;
    /// a longer id's `key` is a hash of it, confirmed against the record's id field.
    /// `meta`: the record's index + 1 in the low 32 bits (0: an empty slot), the id's
    /// length (at most 255) in the top 8, and 24 bits of its hash between.
    private struct Slot {
        var key: UInt64
        var meta: UInt64
    }

    /// The kind's records, in file order.
    private let records: [Record]
    /// Open addressing with linear probing, at most two thirds full.
    private var table: [Slot]
    /// Ids used more than once, with all their records in file order.
    public private(set) var duplicates: [String: [Int]] = [:]

    init(_ records: [Record]) {
        self.records = records
        table = [Slot](repeating: Slot(key: 0, meta: 0), count: records.count + records.count / 2 + 8)
        var duplicates: [String: [Int]] = [:]
        let idCode = UInt8(FieldKey.id.rawValue)
        table.withUnsafeMutableBufferPointer { table in
            records.withUnsafeBufferPointer { records in
                for i in records.indices {
                    // The first `id`, empty or not (an empty id is an id, ""), read where it
                    // lies: a copy of the field retains its storage.
                    let fields = records[i].fields
                    guard let at = fields.firstIndex(code: idCode) else { continue }
                    let found: Int? = fields.withValueBytes(at: at) { id in
                        let probe = IDIndex.probe(id)
                        var slot = IDIndex.start(probe, table.count)
                        while table[slot].meta != 0 {
                            if let j = IDIndex.match(table[slot], probe, id, records) { return j }
                            slot = slot + 1 == table.count ? 0 : slot + 1
                        }
                        table[slot] = Slot(key: probe.key, meta: probe.tag | UInt64(i + 1))
                        return nil
                    }
                    if let earlier = found { duplicates[fields[at].value, default: [earlier]].append(i) }
                }
            }
        }
        self.duplicates = duplicates
    }

    /// What a slot of an id holds but its record's index, and where its probe starts.
    private struct Probe {
        let key: UInt64
        /// The length and 24 bits of the hash, in their places in `Slot.meta`.
        let tag: UInt64
        let hash: UInt32
    }

    @inline(__always)
    private static func probe(_ id: UnsafeBufferPointer<UInt8>) -> Probe {
        var key: UInt64 = 0
        if id.count <= 8 {
            for k in id.indices.reversed() { key = key << 8 | UInt64(id[k]) }
        } else {
            // FNV-1a over the bytes: ids are short, and a file's ids are the plan's own.
            key = 0xcbf2_9ce4_8422_2325
            for b in id { key = (key ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        let mixed = (key ^ UInt64(id.count)) &* 0x9E37_79B9_7F4A_7C15
        let hash = UInt32(truncatingIfNeeded: mixed >> 32)
        return Probe(key: key, tag: UInt64(min(id.count, 255)) << 56 | UInt64(hash & 0xFF_FFFF) << 32, hash: hash)
    }

    /// The first slot to look at: the hash scaled to the table's size.
    @inline(__always)
    private static func start(_ probe: Probe, _ count: Int) -> Int { Int((UInt64(probe.hash) &* UInt64(count)) >> 32) }

    /// The record of `slot` when it is the id's, else nil.
    @inline(__always)
    private static func match(_ slot: Slot, _ probe: Probe, _ id: UnsafeBufferPointer<UInt8>,
                              _ records: UnsafeBufferPointer<Record>) -> Int? {
        guard slot.key == probe.key, slot.meta & 0xFFFF_FFFF_0000_0000 == probe.tag else { return nil }
        let j = Int(truncatingIfNeeded: slot.meta & 0xFFFF_FFFF) - 1
        return id.count <= 8 || same(records[j], id) ? j : nil
    }

    /// Whether record `r`'s id is `id`, byte for byte.
    private static func same(_ r: Record, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let f = r.field(.id) else { return false }
        return f.withValueBytes { ByteCompare.same($0, id) }
    }

    /// The first record whose id is these bytes.
    func first(bytes id: UnsafeBufferPointer<UInt8>) -> Int? {
        let probe = IDIndex.probe(id)
        return table.withUnsafeBufferPointer { table in
            records.withUnsafeBufferPointer { records in
                var slot = IDIndex.start(probe, table.count)
                while table[slot].meta != 0 {
                    if let j = IDIndex.match(table[slot], probe, id, records) { return j }
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
