/// The records of one kind by id: the first record with each id, and every record of the
/// ids that more than one record has.
///
/// An id is looked up by its bytes: the table keeps, for each record, its index and a
/// hash of its id, and an entry is confirmed by comparing the bytes of the record's own
/// `id` field, where they lie in the file. So no string is made for an id, to index it
/// or to look it up from a field (`contains(_: Field)`), and an entry is 8 bytes: at
/// 1,000,000 activities the index is 16 MB, against 48 MB for a dictionary of strings
/// (docs/performance.md, "Ids looked up by their bytes"). Ids are compared byte for byte,
/// as recutils compares them.
public struct IDIndex: Sendable {
    /// The kind's records, in file order.
    private let records: [Record]
    /// Open addressing with linear probing, at most half full: 0 is an empty slot;
    /// otherwise the record's index + 1 in the low 32 bits, the id's hash in the high 32.
    private var table: [UInt64]
    /// Ids used more than once, with all their records in file order.
    public private(set) var duplicates: [String: [Int]] = [:]

    init(_ records: [Record]) {
        self.records = records
        var capacity = 8
        while capacity < records.count * 2 { capacity *= 2 }
        table = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        var duplicates: [String: [Int]] = [:]
        table.withUnsafeMutableBufferPointer { table in
            records.withUnsafeBufferPointer { records in
                for i in records.indices {
                    guard let f = IDIndex.idField(records[i]) else { continue }
                    let found: Int? = f.withValueBytes { id in
                        let hash = IDIndex.hash(id)
                        var slot = Int(hash) & mask
                        while table[slot] != 0 {
                            let entry = table[slot]
                            let j = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                            if UInt32(truncatingIfNeeded: entry >> 32) == hash, IDIndex.same(records[j], id) { return j }
                            slot = (slot + 1) & mask
                        }
                        table[slot] = UInt64(hash) << 32 | UInt64(i + 1)
                        return nil
                    }
                    if let earlier = found { duplicates[f.value, default: [earlier]].append(i) }
                }
            }
        }
        self.duplicates = duplicates
    }

    /// The record's id field: the first `id`, empty or not (an empty id is an id, "").
    @inline(__always)
    private static func idField(_ r: Record) -> Field? {
        let code = UInt8(FieldKey.id.rawValue)
        return r.fields.withUnsafeBufferPointer { fields in fields.first { $0.code == code } }
    }

    /// Whether record `r`'s id is `id`, byte for byte.
    @inline(__always)
    private static func same(_ r: Record, _ id: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let f = idField(r) else { return false }
        return f.withValueBytes { ByteCompare.same($0, id) }
    }

    /// FNV-1a over the bytes, folded to 32 bits: ids are short, and a file's ids are the
    /// plan's own, so a simple hash is spread well enough; probing is linear in any case.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The first record whose id is these bytes.
    func first(bytes id: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = IDIndex.hash(id)
        let mask = table.count - 1
        return table.withUnsafeBufferPointer { table in
            records.withUnsafeBufferPointer { records in
                var slot = Int(hash) & mask
                while table[slot] != 0 {
                    let entry = table[slot]
                    let j = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if UInt32(truncatingIfNeeded: entry >> 32) == hash, IDIndex.same(records[j], id) { return j }
                    slot = (slot + 1) & mask
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
            guard let f = IDIndex.idField(r) else { continue }
            if let all = duplicates[f.value], all[0] != i { continue }
            out.append(f.value)
        }
        return out
    }
}
