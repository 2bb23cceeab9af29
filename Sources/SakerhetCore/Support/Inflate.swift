/// DEFLATE decompression (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Written here rather than linked from the system's zlib: the tool has no dependencies
/// to vet or update (docs/office-formats.md). It is tested against zlib's own output
/// (`InflateTests`). Every read is bounds-checked and the output is capped, so a broken
/// or hostile stream gives an error, never a crash or a runaway allocation.
public enum Inflate {
    /// What is wrong with the stream, in Swedish and English.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let message: Message
        /// The output would pass the limit (the zip reader names the size its entry declares).
        public let isTooLarge: Bool
        public var description: String { message.en }
        init(sv: String, en: String, isTooLarge: Bool = false) {
            message = Message(sv: sv, en: en)
            self.isTooLarge = isTooLarge
        }
    }

    /// A size in words: whole mebibytes as MiB, anything else in bytes ("10 byte", "10 bytes").
    public static func size(_ n: Int) -> Message {
        if n >= 1 << 20, n % (1 << 20) == 0 { return Message(sv: "\(n >> 20) MiB", en: "\(n >> 20) MiB") }
        return Message(sv: "\(n) byte", en: "\(n) byte\(n == 1 ? "" : "s")")
    }

    /// Inflates the raw DEFLATE stream `input`. Fails when the output would exceed `limit`
    /// bytes. `expected` (the size a zip entry declares) only reserves memory.
    public static func inflate(_ input: ArraySlice<UInt8>, limit: Int, expected: Int = 0) throws -> [UInt8] {
        try inflateCounting(input, limit: limit, expected: expected).output
    }

    /// `inflate`, and how many bytes of `input` the stream took (what follows it is a
    /// checksum in zlib's wrapping, RFC 1950).
    public static func inflateCounting(_ input: ArraySlice<UInt8>, limit: Int, expected: Int = 0) throws -> (output: [UInt8], consumed: Int) {
        var out = Output(reserving: min(max(expected, input.count * 3), limit, 1 << 28), limit: limit)
        var consumed = 0
        defer { out.free() }
        try input.withUnsafeBufferPointer { buf in
            var r = BitReader(buf: buf)
            var final = 0
            repeat {
                final = try r.take(1)
                switch try r.take(2) {
                case 0: try stored(&r, &out)
                case 1: try codes(&r, &out, Fixed.lit, Fixed.dist)
                case 2:
                    let (lit, dist) = try dynamicTables(&r)
                    try codes(&r, &out, lit, dist)
                default: throw Failure(sv: "ogiltig blocktyp 3", en: "invalid block type 3")
                }
            } while final == 0
            r.alignToByte()
            consumed = r.bytePosition()
        }
        return (out.array(), consumed)
    }

    /// zlib's Adler-32 checksum of `bytes` (RFC 1950).
    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        var i = 0
        while i < bytes.count {
            // 5552 bytes at most before the sums must be reduced (zlib's NMAX).
            let end = min(i + 5552, bytes.count)
            while i < end {
                a &+= UInt32(bytes[i])
                b &+= a
                i += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }

    public static func inflate(_ input: [UInt8], limit: Int = 1 << 29) throws -> [UInt8] {
        try inflate(input[...], limit: limit)
    }

    /// The output as it grows: one buffer that doubles when full, so that a match copies
    /// within it without an array's checks on every byte.
    struct Output {
        private(set) var base: UnsafeMutablePointer<UInt8>
        var count = 0
        private var capacity: Int
        let limit: Int

        init(reserving n: Int, limit: Int) {
            capacity = max(n, 64)
            base = .allocate(capacity: capacity)
            self.limit = limit
        }

        /// Bytes that may be written before `reserve` must be called again.
        var room: Int { min(capacity, limit) - count }

        /// Room for `extra` more bytes; fails past `limit`.
        mutating func reserve(_ extra: Int) throws {
            guard extra <= limit - count else { throw tooLarge(limit) }
            guard count + extra > capacity else { return }
            var grown = capacity * 2
            while grown < count + extra { grown *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity = grown
        }

        func array() -> [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }
        func free() { base.deallocate() }
    }

    // MARK: Blocks

    private static func stored(_ r: inout BitReader, _ out: inout Output) throws {
        r.alignToByte()
        let len = try r.take(16), nlen = try r.take(16)
        guard len == ~nlen & 0xFFFF else { throw Failure(sv: "längden på ett okomprimerat block stämmer inte med sitt komplement", en: "stored block length does not match its complement") }
        let start = r.bytePosition()
        guard start + len <= r.buf.count else { throw Failure(sv: "ett okomprimerat block går förbi slutet av datat", en: "stored block runs past the end of the data") }
        try out.reserve(len)
        if len > 0 { (out.base + out.count).update(from: r.buf.baseAddress! + start, count: len) }
        out.count += len
        r.skipBytes(to: start + len)
    }

    private static func codes(_ r: inout BitReader, _ out: inout Output, _ lit: Huffman, _ dist: Huffman) throws {
        while true {
            let sym = try lit.decode(&r)
            if sym < 256 {
                if out.room < 1 { try out.reserve(1) }
                out.base[out.count] = UInt8(sym)
                out.count += 1
                continue
            }
            if sym == 256 { return }
            let li = sym - 257
            guard li < 29 else { throw Failure(sv: "ogiltig längdkod \(sym)", en: "invalid length code \(sym)") }
            let len = lengthBase[li] + (try r.take(lengthExtra[li]))
            let ds = try dist.decode(&r)
            guard ds < 30 else { throw Failure(sv: "ogiltig avståndskod \(ds)", en: "invalid distance code \(ds)") }
            let d = distBase[ds] + (try r.take(distExtra[ds]))
            guard d <= out.count else { throw Failure(sv: "avståndet \(d) pekar före början av det uppackade", en: "distance \(d) reaches before the start of the output") }
            if out.room < len { try out.reserve(len) }
            // Byte by byte, forwards: a match may overlap the bytes it makes.
            let p = out.base
            var to = out.count, from = out.count - d
            for _ in 0..<len {
                p[to] = p[from]
                to += 1
                from += 1
            }
            out.count = to
        }
    }

    private static func dynamicTables(_ r: inout BitReader) throws -> (Huffman, Huffman) {
        let hlit = try r.take(5) + 257, hdist = try r.take(5) + 1, hclen = try r.take(4) + 4
        guard hlit <= 286, hdist <= 30 else { throw Failure(sv: "för många längd- eller avståndskoder", en: "too many length or distance codes") }
        var clens = [UInt8](repeating: 0, count: 19)
        for i in 0..<hclen { clens[codeLengthOrder[i]] = UInt8(try r.take(3)) }
        let cl = try Huffman(clens[...])
        var lengths = [UInt8](repeating: 0, count: hlit + hdist)
        var i = 0
        while i < lengths.count {
            let sym = try cl.decode(&r)
            if sym < 16 { lengths[i] = UInt8(sym); i += 1; continue }
            var value: UInt8 = 0, repeatCount: Int
            switch sym {
            case 16:
                guard i > 0 else { throw Failure(sv: "en kodlängd upprepas utan någon före sig", en: "repeat of a code length with none before it") }
                value = lengths[i - 1]
                repeatCount = 3 + (try r.take(2))
            case 17: repeatCount = 3 + (try r.take(3))
            default: repeatCount = 11 + (try r.take(7))
            }
            guard i + repeatCount <= lengths.count else { throw Failure(sv: "kodlängderna går utanför tabellen", en: "code lengths overflow the table") }
            for _ in 0..<repeatCount { lengths[i] = value; i += 1 }
        }
        guard lengths[256] != 0 else { throw Failure(sv: "ingen kod för blockets slut", en: "no end-of-block code") }
        return (try Huffman(lengths[0..<hlit]), try Huffman(lengths[hlit...]))
    }

    private static func tooLarge(_ limit: Int) -> Failure {
        Failure(sv: "datat packas upp till mer än \(size(limit).sv)", en: "the data unpacks to more than \(size(limit).en)", isTooLarge: true)
    }

    // MARK: Tables

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                           2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    enum Fixed {
        static let lit: Huffman = try! Huffman((0..<288).map { UInt8($0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8) }[...])
        static let dist: Huffman = try! Huffman([UInt8](repeating: 5, count: 30)[...])
    }
}

/// A canonical Huffman code as one lookup table indexed by the next `bits` input bits
/// (least significant first): each entry is `symbol << 4 | length`, 0 where no code is.
struct Huffman: Sendable {
    let table: [UInt16]
    let bits: Int

    init(_ lengths: ArraySlice<UInt8>) throws {
        var count = [Int](repeating: 0, count: 16)
        for l in lengths {
            guard l < 16 else { throw Inflate.Failure(sv: "kodlängd över 15", en: "code length over 15") }
            count[Int(l)] += 1
        }
        count[0] = 0
        var left = 1
        for len in 1...15 {
            left = left << 1 - count[len]
            if left < 0 { throw Inflate.Failure(sv: "Huffman-koden har för många koder", en: "over-subscribed Huffman code") }
        }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for len in 1...15 { code = (code + count[len - 1]) << 1; next[len] = code }
        let maxLen = (1...15).last { count[$0] > 0 } ?? 1
        var table = [UInt16](repeating: 0, count: 1 << maxLen)
        for (sym, l8) in lengths.enumerated() where l8 > 0 {
            let l = Int(l8)
            let c = next[l]
            next[l] += 1
            var rev = 0
            for b in 0..<l where c & (1 << b) != 0 { rev |= 1 << (l - 1 - b) }
            var i = rev
            while i < table.count { table[i] = UInt16(sym << 4 | l); i += 1 << l }
        }
        self.table = table
        bits = maxLen
    }

    func decode(_ r: inout BitReader) throws -> Int {
        let e = Int(table[r.peek(bits)])
        guard e != 0 else { throw Inflate.Failure(sv: "ogiltig Huffman-kod", en: "invalid Huffman code") }
        try r.drop(e & 15)
        return e >> 4
    }
}

/// Reads bits least significant first. Past the end it reads zeros, and any step that has
/// used more bits than the input holds fails.
struct BitReader {
    let buf: UnsafeBufferPointer<UInt8>
    /// Bytes loaded into `bits`, including zeros loaded past the end.
    var pos = 0
    var bits: UInt64 = 0
    var count = 0

    init(buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    mutating func refill() {
        if pos + 8 <= buf.count {
            // Eight bytes at once, little-endian: whole bytes up to 56–63 bits. The bits of
            // a byte only partly taken are the stream's own, so the next load ORs them in
            // again unchanged.
            let word = UInt64(littleEndian: UnsafeRawPointer(buf.baseAddress! + pos).loadUnaligned(as: UInt64.self))
            bits |= word << UInt64(count)
            pos += (63 - count) >> 3
            count |= 56
            return
        }
        while count <= 56 {
            if pos < buf.count { bits |= UInt64(buf[pos]) << UInt64(count) }
            pos += 1
            count += 8
        }
    }

    mutating func peek(_ n: Int) -> Int {
        if count < n { refill() }
        return Int(truncatingIfNeeded: bits & ((1 << UInt64(n)) - 1))
    }

    mutating func drop(_ n: Int) throws {
        bits >>= UInt64(n)
        count -= n
        if pos * 8 - count > buf.count * 8 { throw Inflate.Failure(sv: "datat tar slut mitt i ett block", en: "the data ends in the middle of a block") }
    }

    mutating func take(_ n: Int) throws -> Int {
        if n == 0 { return 0 }
        let v = peek(n)
        try drop(n)
        return v
    }

    mutating func alignToByte() {
        let r = count % 8
        bits >>= UInt64(r)
        count -= r
    }

    /// The next unread byte, after `alignToByte`.
    func bytePosition() -> Int { pos - count / 8 }

    mutating func skipBytes(to p: Int) {
        pos = p
        bits = 0
        count = 0
    }
}
