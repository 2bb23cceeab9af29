/// CRC-32 as zip uses it (IEEE 802.3, reflected polynomial 0xEDB88320, initial and
/// final value 0xFFFFFFFF): the checksum of every zip entry.
public enum CRC32 {
    /// The checksum of `bytes`.
    public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        let table = CRC32.table
        if let done: UInt32 = bytes.withContiguousStorageIfAvailable({ buffer in
            var c = crc
            for b in buffer { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
            return c
        }) {
            crc = done
        } else {
            for b in bytes { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// One entry per byte value: the register after shifting that byte through.
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}
