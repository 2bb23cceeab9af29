/// Writes a zip archive of stored (uncompressed) entries: what an Office Open XML
/// package (.xlsx, .docx) needs, and all that Excel, Word, LibreOffice and Python's
/// `zipfile` ask of one. Deflate would only make the file smaller.
///
/// The output is deterministic: the same entries in the same order give the same bytes
/// (the DOS date and time of every entry are fixed at 1980-01-01 00:00). Names are
/// UTF-8 with general-purpose flag bit 11 set. No zip64: an entry or the archive past
/// 4 GiB, or more than 65,535 entries, is an error.
public struct ZipWriter: Sendable {
    private var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

    /// 1980-01-01 00:00, the earliest DOS date: day 1, month 1, year 0 (1980).
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0
    /// Bit 11: the name is UTF-8.
    static let utf8Flag: UInt16 = 1 << 11
    /// 2.0: the version of the format that stored entries and folders need.
    static let version: UInt16 = 20

    /// Appends one file. The first entry of an OOXML package is `[Content_Types].xml`.
    public mutating func add(_ name: String, _ data: [UInt8]) throws {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.count <= 0xFFFF else {
            throw StoreError(sv: "zip: ogiltigt filnamn '\(name)'", en: "zip: invalid entry name '\(name)'")
        }
        guard data.count <= 0xFFFF_FFFE, bytes.count <= 0xFFFF_FFFE - 30 - nameBytes.count - data.count, count < 0xFFFF else {
            throw StoreError(sv: "filen blir större än 4 GiB, vilket ett zip-arkiv utan zip64 inte rymmer; exportera färre poster",
                             en: "the file would be larger than 4 GiB, which a zip archive without zip64 cannot hold; export fewer records")
        }
        let crc = CRC32.checksum(data)
        let offset = UInt32(bytes.count)
        let size = UInt32(data.count)

        // Local file header.
        bytes.reserveCapacity(bytes.count + 30 + nameBytes.count + data.count)
        put32(&bytes, 0x0403_4B50)
        put16(&bytes, ZipWriter.version)
        put16(&bytes, ZipWriter.utf8Flag)
        put16(&bytes, 0)  // method: stored
        put16(&bytes, ZipWriter.dosTime)
        put16(&bytes, ZipWriter.dosDate)
        put32(&bytes, crc)
        put32(&bytes, size)  // compressed
        put32(&bytes, size)  // uncompressed
        put16(&bytes, UInt16(nameBytes.count))
        put16(&bytes, 0)  // extra field length
        bytes += nameBytes
        bytes += data

        // Its central directory entry.
        put32(&central, 0x0201_4B50)
        put16(&central, ZipWriter.version)  // made by: MS-DOS, 2.0
        put16(&central, ZipWriter.version)  // needed to extract
        put16(&central, ZipWriter.utf8Flag)
        put16(&central, 0)
        put16(&central, ZipWriter.dosTime)
        put16(&central, ZipWriter.dosDate)
        put32(&central, crc)
        put32(&central, size)
        put32(&central, size)
        put16(&central, UInt16(nameBytes.count))
        put16(&central, 0)  // extra field length
        put16(&central, 0)  // comment length
        put16(&central, 0)  // disk number start
        put16(&central, 0)  // internal attributes
        put32(&central, 0)  // external attributes
        put32(&central, offset)
        central += nameBytes
        count += 1
    }

    /// The archive: the entries, the central directory and the end record.
    public func finish() throws -> [UInt8] {
        guard bytes.count + central.count <= 0xFFFF_FFFE else {
            throw StoreError(sv: "filen blir större än 4 GiB, vilket ett zip-arkiv utan zip64 inte rymmer; exportera färre poster",
                             en: "the file would be larger than 4 GiB, which a zip archive without zip64 cannot hold; export fewer records")
        }
        var out = bytes
        out.reserveCapacity(bytes.count + central.count + 22)
        let start = UInt32(out.count)
        out += central
        put32(&out, 0x0605_4B50)
        put16(&out, 0)  // this disk
        put16(&out, 0)  // disk with the central directory
        put16(&out, UInt16(count))
        put16(&out, UInt16(count))
        put32(&out, UInt32(central.count))
        put32(&out, start)
        put16(&out, 0)  // comment length
        return out
    }
}

@inline(__always)
private func put16(_ b: inout [UInt8], _ v: UInt16) {
    b.append(UInt8(v & 0xFF))
    b.append(UInt8(v >> 8))
}

@inline(__always)
private func put32(_ b: inout [UInt8], _ v: UInt32) {
    b.append(UInt8(v & 0xFF))
    b.append(UInt8((v >> 8) & 0xFF))
    b.append(UInt8((v >> 16) & 0xFF))
    b.append(UInt8(v >> 24))
}
