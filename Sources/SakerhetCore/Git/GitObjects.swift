/// Reads objects out of a repository's object database, as `git cat-file` does: loose
/// objects (`objects/ab/cdef…`, zlib-compressed) and pack files (`objects/pack/*.pack`
/// with their version-2 `.idx`), deltas included (`OFS_DELTA`, `REF_DELTA`).
///
/// Only SHA-1 repositories. Everything is bounds-checked: a broken, truncated or hostile
/// object gives nil, never a crash, and the caller then asks git itself (`GitLocal`).
/// Layout: git's `Documentation/gitformat-pack.txt`; checked against `git cat-file` in
/// `GitLocalTests`.
final class GitObjects {
    enum Kind: UInt8 { case commit = 1, tree = 2, blob = 3, tag = 4 }

    struct Object {
        let kind: Kind
        let data: [UInt8]
    }

    /// The `objects` folder.
    let folder: String
    /// The packs, found on the first object that is not loose.
    private var packs: [Pack]?
    /// Objects made from deltas, by pack and offset, so that the versions of one file
    /// stored as a chain of deltas are not each rebuilt from the chain's start.
    private var made: [PackPlace: Object] = [:]
    private var madeBytes = 0
    private static let madeLimit = 8 << 20
    /// The largest object read (as `Store.read`'s largest file).
    static let maxSize = 1 << 30

    init(folder: String) { self.folder = folder }

    /// The object `id` (20 bytes); nil when it is missing or cannot be read.
    func object(_ id: [UInt8]) -> Object? { object(id, depth: 0) }

    /// `depth`: how many deltas whose base is named by id (in another pack, or loose) led
    /// here; a broken repository could make them a circle.
    private func object(_ id: [UInt8], depth: Int) -> Object? {
        guard id.count == 20, depth < 64 else { return nil }
        if let found = packed(id, depth: depth) { return found }
        return loose(id)
    }

    /// The object `hex` (40 hexadecimal digits).
    func object(hex: String) -> Object? { GitObjects.id(hex: hex).flatMap(object) }

    // MARK: Ids

    /// 40 hexadecimal digits as 20 bytes; nil for anything else.
    static func id(hex: some StringProtocol) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 40 else { return nil }
        var out = [UInt8](repeating: 0, count: 20)
        for i in 0..<20 {
            guard let hi = nibble(digits[2 * i]), let lo = nibble(digits[2 * i + 1]) else { return nil }
            out[i] = hi << 4 | lo
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// 20 bytes as 40 lower-case hexadecimal digits.
    static func hex(_ id: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(40)
        for b in id {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Loose objects

    private func loose(_ id: [UInt8]) -> Object? {
        let name = GitObjects.hex(id)
        // Each part a `String`: a `Substring` added to a string goes through the generic
        // `append(contentsOf:)`, whose first call scanned the binary's conformances.
        let path = folder + "/" + String(name.prefix(2)) + "/" + String(name.dropFirst(2))
        guard let info = Platform.fileInfo(path), info.kind == .regular, info.size <= GitObjects.maxSize,
              let bytes = try? Store.read(path),
              let raw = GitObjects.zlib(bytes[...], size: nil) else { return nil }
        // "<type> <size>\0<data>"
        guard let space = raw.firstIndex(of: 0x20), let nul = raw[space...].firstIndex(of: 0) else { return nil }
        let kind: Kind
        switch String(decoding: raw[..<space], as: UTF8.self) {
        case "commit": kind = .commit
        case "tree": kind = .tree
        case "blob": kind = .blob
        case "tag": kind = .tag
        default: return nil
        }
        guard let size = Int(String(decoding: raw[(space + 1)..<nul], as: UTF8.self)), size == raw.count - nul - 1 else { return nil }
        return Object(kind: kind, data: Array(raw[(nul + 1)...]))
    }

    /// The zlib stream at the start of `input` inflated, its checksum checked (as git's zlib
    /// does); with `size`, exactly that long.
    static func zlib(_ input: ArraySlice<UInt8>, size: Int?) -> [UInt8]? {
        guard input.count >= 2 else { return nil }
        let cmf = input[input.startIndex], flg = input[input.startIndex + 1]
        // Deflate, no preset dictionary, header check (RFC 1950).
        guard cmf & 0x0F == 8, flg & 0x20 == 0, (UInt(cmf) << 8 | UInt(flg)) % 31 == 0 else { return nil }
        let limit = size ?? maxSize
        let stream = input.dropFirst(2)
        guard let (out, used) = try? Inflate.inflateCounting(stream, limit: limit, expected: size ?? 0) else { return nil }
        if let size, out.count != size { return nil }
        // The Adler-32 of the output follows the stream, most significant byte first.
        let at = stream.startIndex + used
        guard at + 4 <= stream.endIndex else { return nil }
        let stored = stream[at...].prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return stored == Inflate.adler32(out) ? out : nil
    }

    // MARK: Packs

    private struct PackPlace: Hashable {
        let pack: Int
        let offset: Int
    }

    /// One pack and its index.
    private struct Pack {
        let file: RandomAccessFile
        /// Objects with a first byte up to `b`: `fanout[b]`.
        let fanout: [Int]
        /// The ids, 20 bytes each, in order.
        let names: [UInt8]
        /// Each object's offset in the pack, in the order of `names`.
        let offsets: [Int]
        /// Every offset in order, and the end of the last object: where each object ends.
        let bounds: [Int]

        /// Reads `path.idx` and opens `path.pack`; nil unless both are whole and version 2.
        init?(path: String) {
            guard let idx = try? Store.read(path + ".idx"), let file = RandomAccessFile(path: path + ".pack") else { return nil }
            func u32(_ at: Int) -> Int {
                Int(idx[at]) << 24 | Int(idx[at + 1]) << 16 | Int(idx[at + 2]) << 8 | Int(idx[at + 3])
            }
            // "\377tOc", version 2, 256 fan-out counts.
            guard idx.count >= 8 + 1024 + 40, idx[0] == 0xFF, idx[1] == 0x74, idx[2] == 0x4F, idx[3] == 0x63, u32(4) == 2 else { return nil }
            var fanout: [Int] = []
            fanout.reserveCapacity(256)
            for b in 0..<256 {
                let count = u32(8 + 4 * b)
                // Counts that never fall, so that every search stays among the names.
                guard count >= (fanout.last ?? 0) else { return nil }
                fanout.append(count)
            }
            let n = fanout[255]
            let namesAt = 8 + 1024, crcAt = namesAt + 20 * n, offsetsAt = crcAt + 4 * n, largeAt = offsetsAt + 4 * n
            guard idx.count >= largeAt + 40 else { return nil }
            var offsets: [Int] = []
            offsets.reserveCapacity(n)
            for i in 0..<n {
                let o = u32(offsetsAt + 4 * i)
                if o & 0x8000_0000 == 0 {
                    offsets.append(o)
                } else {
                    let at = largeAt + 8 * (o & 0x7FFF_FFFF)
                    guard at + 8 <= idx.count - 40 else { return nil }
                    let large = u32(at) << 32 | u32(at + 4)
                    offsets.append(large)
                }
            }
            // The pack: "PACK", version 2 or 3, the count; objects; a 20-byte checksum.
            guard file.size >= 32, let head = file.bytes(at: 0, count: 12), head[0...3].elementsEqual("PACK".utf8),
                  head[7] == 2 || head[7] == 3,
                  Int(head[8]) << 24 | Int(head[9]) << 16 | Int(head[10]) << 8 | Int(head[11]) == n else { return nil }
            let end = file.size - 20
            guard offsets.allSatisfy({ $0 >= 12 && $0 < end }) else { return nil }
            self.file = file
            self.fanout = fanout
            self.names = Array(idx[namesAt..<crcAt])
            self.offsets = offsets
            self.bounds = offsets.sorted() + [end]
        }

        /// The index of `id` in `names`, by binary search within its fan-out bucket.
        func find(_ id: [UInt8]) -> Int? {
            let first = Int(id[0])
            var lo = first == 0 ? 0 : fanout[first - 1], hi = fanout[first]
            while lo < hi {
                let mid = (lo + hi) / 2
                var order = 0
                for k in 0..<20 where names[mid * 20 + k] != id[k] {
                    order = names[mid * 20 + k] < id[k] ? -1 : 1
                    break
                }
                if order == 0 { return mid }
                if order < 0 { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }

        /// Where the object at `offset` ends (the next object's offset).
        func end(of offset: Int) -> Int? {
            var lo = 0, hi = bounds.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if bounds[mid] <= offset { lo = mid + 1 } else { hi = mid }
            }
            return lo < bounds.count ? bounds[lo] : nil
        }
    }

    private func allPacks() -> [Pack] {
        if let packs { return packs }
        let dir = folder + "/pack"
        let names = (Platform.folderEntries(dir) ?? []).filter { $0.hasSuffix(".idx") }.sorted()
        let found = names.compactMap { Pack(path: dir + "/" + $0.dropLast(4)) }
        packs = found
        return found
    }

    private func packed(_ id: [UInt8], depth: Int) -> Object? {
        for (p, pack) in allPacks().enumerated() {
            if let i = pack.find(id) { return entry(PackPlace(pack: p, offset: pack.offsets[i]), depth: depth) }
        }
        return nil
    }

    /// The object stored at `place`, its chain of deltas applied.
    private func entry(_ place: PackPlace, depth: Int) -> Object? {
        guard let packs else { return nil }
        var chain: [(PackPlace, [UInt8])] = []
        var chainBytes = 0
        var visited = Set<PackPlace>()
        var at = place
        var base: Object?
        while base == nil {
            if let known = made[at] { base = known; break }
            // A chain that comes back to itself, is longer than git ever writes (its --depth
            // is at most 4095) or holds more than an object may: a broken pack.
            guard visited.insert(at).inserted, chain.count < 5000, chainBytes <= GitObjects.maxSize else { return nil }
            let pack = packs[at.pack]
            guard let end = pack.end(of: at.offset), let raw = pack.file.bytes(at: at.offset, count: end - at.offset),
                  !raw.isEmpty else { return nil }
            // The header: type in bits 4–6 of the first byte, the size in 4 + 7·k bits.
            var i = 0
            var c = raw[0]
            let type = (c >> 4) & 7
            var size = Int(c & 15), shift = 4
            while c & 0x80 != 0 {
                i += 1
                guard i < raw.count, shift < 56 else { return nil }
                c = raw[i]
                size |= Int(c & 0x7F) << shift
                shift += 7
            }
            i += 1
            guard size <= GitObjects.maxSize else { return nil }
            switch type {
            case 1...4:
                guard let data = GitObjects.zlib(raw[i...], size: size) else { return nil }
                base = Object(kind: Kind(rawValue: type)!, data: data)
                // The base of a chain is the base of the other versions too.
                if !chain.isEmpty { remember(base!, at: at) }
            case 6:
                // OFS_DELTA: the base is that many bytes before this object.
                guard i < raw.count else { return nil }
                c = raw[i]
                var back = Int(c & 0x7F)
                while c & 0x80 != 0 {
                    i += 1
                    guard i < raw.count, back < 1 << 48 else { return nil }
                    c = raw[i]
                    back = (back + 1) << 7 | Int(c & 0x7F)
                }
                i += 1
                guard back > 0, back <= at.offset, let delta = GitObjects.zlib(raw[i...], size: size) else { return nil }
                chain.append((at, delta))
                chainBytes += delta.count
                at = PackPlace(pack: at.pack, offset: at.offset - back)
            case 7:
                // REF_DELTA: the base is named by its id.
                guard i + 20 <= raw.count, let delta = GitObjects.zlib(raw[(i + 20)...], size: size) else { return nil }
                let baseID = Array(raw[i..<(i + 20)])
                chain.append((at, delta))
                chainBytes += delta.count
                if let j = pack.find(baseID) {
                    at = PackPlace(pack: at.pack, offset: pack.offsets[j])
                } else {
                    guard let other = object(baseID, depth: depth + 1) else { return nil }
                    base = other
                }
            default:
                return nil
            }
        }
        guard var object = base else { return nil }
        for (place, delta) in chain.reversed() {
            guard let data = GitObjects.apply(delta, to: object.data) else { return nil }
            object = Object(kind: object.kind, data: data)
            remember(object, at: place)
        }
        return object
    }

    /// Lets go of the objects kept for the next deltas (when every object needed is read).
    func forgetKept() {
        made = [:]
        madeBytes = 0
    }

    private func remember(_ object: Object, at place: PackPlace) {
        guard object.data.count < GitObjects.madeLimit / 4 else { return }
        if madeBytes + object.data.count > GitObjects.madeLimit {
            made.removeAll(keepingCapacity: true)
            madeBytes = 0
        }
        made[place] = object
        madeBytes += object.data.count
    }

    /// `base` with `delta` applied: the sizes, then copy (from the base) and insert
    /// (from the delta) instructions.
    static func apply(_ delta: [UInt8], to base: [UInt8]) -> [UInt8]? {
        var i = 0
        func size() -> Int? {
            var value = 0, shift = 0
            while i < delta.count, shift < 56 {
                let c = delta[i]
                i += 1
                value |= Int(c & 0x7F) << shift
                shift += 7
                if c & 0x80 == 0 { return value }
            }
            return nil
        }
        guard let from = size(), from == base.count, let to = size(), to <= maxSize else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(to)
        while i < delta.count {
            let op = delta[i]
            i += 1
            if op & 0x80 != 0 {
                var offset = 0, count = 0
                for b in 0..<4 where op & (1 << b) != 0 {
                    guard i < delta.count else { return nil }
                    offset |= Int(delta[i]) << (8 * b)
                    i += 1
                }
                for b in 0..<3 where op & (0x10 << b) != 0 {
                    guard i < delta.count else { return nil }
                    count |= Int(delta[i]) << (8 * b)
                    i += 1
                }
                if count == 0 { count = 0x10000 }
                guard offset <= base.count, count <= base.count - offset, out.count + count <= to else { return nil }
                out += base[offset..<(offset + count)]
            } else if op != 0 {
                let count = Int(op)
                guard count <= delta.count - i, out.count + count <= to else { return nil }
                out += delta[i..<(i + count)]
                i += count
            } else {
                return nil
            }
        }
        return out.count == to ? out : nil
    }
}
