/// A record's id as one 64-bit number, worked out where the record is made (the parser has
/// the id's bytes at hand then), so that the id index (`IDIndex`) is built from the records
/// alone, without reading each id's bytes again from across the file.
///
/// The top byte is the id's length + 1 (at most 255; 0: the record has no `id` field). The
/// low 56 bits are the id's bytes themselves when it has 7 or fewer (most ids: `A12345`,
/// `M3.3`), so two such keys are equal exactly when the ids are; a longer id's low bits are
/// a hash of its bytes (FNV-1a), and an equal key is confirmed by comparing the bytes.
/// An empty id is an id (`""`): its key is not `none`.
public struct IDKey: Sendable, Hashable {
    let bits: UInt64

    /// The key of a record with no `id` field.
    static let none = IDKey(bits: 0)

    private init(bits: UInt64) { self.bits = bits }

    @inline(__always)
    init(_ id: UnsafeBufferPointer<UInt8>) {
        var low: UInt64 = 0
        if id.count <= IDKey.exactLength {
            for k in id.indices.reversed() { low = low << 8 | UInt64(id[k]) }
        } else {
            low = 0xcbf2_9ce4_8422_2325
            for b in id { low = (low ^ UInt64(b)) &* 0x100_0000_01b3 }
            low &= 0x00FF_FFFF_FFFF_FFFF
        }
        bits = UInt64(min(id.count, 254) + 1) << 56 | low
    }

    /// The key of the first `id` field of `fields`, read where it lies; `none` without one.
    init(idOf fields: FieldList) {
        guard let at = fields.firstIndex(code: UInt8(FieldKey.id.rawValue)) else { self = .none; return }
        self = fields.withValueBytes(at: at) { IDKey($0) }
    }

    /// Ids of at most this many bytes are their key; longer ones are hashed.
    static let exactLength = 7

    /// Whether equal keys mean equal ids, without comparing bytes.
    var isExact: Bool { bits >> 56 <= UInt64(IDKey.exactLength + 1) }

    /// Whether the key holds the id's bytes and each is printable ASCII other than a space
    /// (0x21–0x7E): an id with nothing hidden in it, told without reading the field
    /// (`IDCharacterCheck`). False for a longer id, whose bytes the key does not hold, and
    /// for `none` (no id at all).
    var isPlain: Bool {
        guard isExact, self != .none else { return false }
        let count = Int(bits >> 56) - 1
        var low = bits
        for _ in 0..<count {
            let b = UInt8(truncatingIfNeeded: low)
            if b < 0x21 || b > 0x7E { return false }
            low >>= 8
        }
        return true
    }

    /// 32 well-mixed bits, for a table's slot.
    @inline(__always)
    var hash: UInt32 { UInt32(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 32) }
}
