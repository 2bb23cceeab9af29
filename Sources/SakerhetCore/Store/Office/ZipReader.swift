/// Reads a zip archive (PKWARE APPNOTE 6.3) held in memory: the central directory, and
/// entries stored or deflated. Enough for `.xlsx` and `.docx`, which are zip files.
///
/// Limits against hostile files: at most `maxEntries` entries, an entry unpacks to at
/// most `maxEntrySize` bytes and to exactly the size it declares, and its CRC-32 must
/// match. Encrypted entries and zip64 archives are refused with a message.
public struct ZipArchive: Sendable {
    public struct Entry: Sendable {
        public let name: String
        let method: Int
        let flags: Int
        let crc: UInt32
        let compressedSize: Int
        public let size: Int
        let localOffset: Int
    }

    public static let maxEntries = 10_000
    /// A plan's largest part (a sheet of some thousand rows) unpacks to a few MiB; reading a
    /// part holds its text and its cells, several times its size, so the cap keeps a hostile
    /// or mistaken file from taking gigabytes.
    public static let maxEntrySize = 64 << 20

    public let entries: [Entry]
    let bytes: [UInt8]

    /// What is wrong with the archive, in Swedish and English.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: Message
        /// A part larger than `maxEntrySize`: the file may be whole, only too large to read.
        public var isOverCap = false
        public var description: String { message.en }
        init(sv: String, en: String) { message = Message(sv: sv, en: en) }
    }

    public init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        // The end-of-central-directory record: the last 22 bytes, or earlier by a comment.
        guard bytes.count >= 22 else { throw Failure(sv: "för kort för att vara en zip-fil", en: "too short to be a zip file") }
        var eocd = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 5, bytes[i + 3] == 6 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw Failure(sv: "ingen zip-katalog hittades (inte en zip-fil, eller avkortad)", en: "no zip directory found (not a zip file, or cut short)") }
        let count = ZipArchive.u16(bytes, eocd + 10), dirSize = ZipArchive.u32(bytes, eocd + 12), dirOffset = ZipArchive.u32(bytes, eocd + 16)
        if count == 0xFFFF || dirOffset == 0xFFFF_FFFF { throw Failure(sv: "zip64-arkiv läses inte", en: "zip64 archives are not supported") }
        guard count <= ZipArchive.maxEntries else { throw Failure(sv: "fler än \(ZipArchive.maxEntries) delar i arkivet", en: "more than \(ZipArchive.maxEntries) entries") }
        guard dirOffset + dirSize <= eocd else { throw Failure(sv: "zip-katalogen ligger utanför filen", en: "the zip directory lies outside the file") }
        var list: [Entry] = []
        var p = dirOffset
        for _ in 0..<count {
            guard p + 46 <= eocd, ZipArchive.u32(bytes, p) == 0x0201_4B50 else { throw Failure(sv: "skadad zip-katalog", en: "damaged zip directory") }
            let nameLen = ZipArchive.u16(bytes, p + 28), extraLen = ZipArchive.u16(bytes, p + 30), commentLen = ZipArchive.u16(bytes, p + 32)
            guard p + 46 + nameLen <= eocd else { throw Failure(sv: "skadad zip-katalog", en: "damaged zip directory") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLen)], as: UTF8.self)
            list.append(Entry(name: name, method: ZipArchive.u16(bytes, p + 10), flags: ZipArchive.u16(bytes, p + 8),
                              crc: UInt32(ZipArchive.u32(bytes, p + 16)), compressedSize: ZipArchive.u32(bytes, p + 20),
                              size: ZipArchive.u32(bytes, p + 24), localOffset: ZipArchive.u32(bytes, p + 42)))
            p += 46 + nameLen + extraLen + commentLen
        }
        entries = list
    }

    public func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// The contents of entry `name`, or nil if the archive has none.
    public func read(_ name: String) throws -> [UInt8]? {
        guard let e = entry(name) else { return nil }
        return try read(e)
    }

    public func read(_ e: Entry) throws -> [UInt8] {
        if e.flags & 1 != 0 { throw Failure(sv: "\(e.name) är krypterad", en: "\(e.name) is encrypted") }
        guard e.size <= ZipArchive.maxEntrySize else {
            var f = Failure(sv: "\(e.name) packas upp till mer än \(Inflate.size(ZipArchive.maxEntrySize).sv)", en: "\(e.name) unpacks to more than \(Inflate.size(ZipArchive.maxEntrySize).en)")
            f.isOverCap = true
            throw f
        }
        let p = e.localOffset
        guard p + 30 <= bytes.count, ZipArchive.u32(bytes, p) == 0x0403_4B50 else { throw Failure(sv: "skadad del \(e.name)", en: "damaged entry \(e.name)") }
        let start = p + 30 + ZipArchive.u16(bytes, p + 26) + ZipArchive.u16(bytes, p + 28)
        guard start + e.compressedSize <= bytes.count else { throw Failure(sv: "delen \(e.name) går förbi slutet av filen", en: "entry \(e.name) runs past the end of the file") }
        let raw = bytes[start..<(start + e.compressedSize)]
        let out: [UInt8]
        switch e.method {
        case 0: out = Array(raw)
        case 8:
            do { out = try Inflate.inflate(raw, limit: e.size, expected: e.size) } catch let f as Inflate.Failure {
                // The limit is the size the entry declares: say so, with that size.
                if f.isTooLarge { throw Failure(sv: "\(e.name) packas upp till mer än de \(Inflate.size(e.size).sv) som arkivet anger",
                                                en: "\(e.name) unpacks to more than the \(Inflate.size(e.size).en) the archive declares") }
                throw Failure(sv: "\(e.name): \(f.message.sv)", en: "\(e.name): \(f.message.en)")
            }
        default: throw Failure(sv: "\(e.name) är packad med metod \(e.method); bara lagrade (stored) och deflate-packade delar läses",
                               en: "\(e.name) uses compression method \(e.method); only stored and deflate are read")
        }
        guard out.count == e.size else { throw Failure(sv: "\(e.name) packas upp till \(Inflate.size(out.count).sv), inte de \(Inflate.size(e.size).sv) som arkivet anger",
                                                  en: "\(e.name) unpacks to \(Inflate.size(out.count).en), not the \(Inflate.size(e.size).en) the archive declares") }
        guard CRC32.checksum(out) == e.crc else { throw Failure(sv: "\(e.name) stämmer inte med sin CRC-32-kontroll (skadad fil)", en: "\(e.name) fails its CRC-32 check (damaged file)") }
        return out
    }

    static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> Int { u16(b, i) | u16(b, i + 2) << 16 }
}
