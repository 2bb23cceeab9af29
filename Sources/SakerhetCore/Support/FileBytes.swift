/// The bytes of a file as it was read: an array, or, for a large file, the file's own pages
/// mapped read-only (`Platform.mapFile`), so that reading it costs neither a copy nor fresh
/// memory. Fresh memory is what reading a large file into an array costs most: every page
/// of it is zeroed before it is filled, and on a virtual machine the host may first have to
/// find it (docs/performance.md, "A large file mapped, not copied"). A mapped file's pages
/// are the system's cache of the file, already there when the file was read or written
/// lately.
///
/// The parser, the values left in the file (`FieldSource`) and the scans of whole files
/// read the bytes where they lie (`withUnsafeBufferPointer`); `array` is for the few who
/// want an array (an edit, a diff), and copies a mapped file once.
///
/// A mapped file that another program shortens while it is mapped cannot be read past its
/// new end: the process gets SIGBUS, which ends it with a message (`Platform.mapFile`).
/// Only files of `mapThreshold` bytes or more are mapped; a plan of a few hundred
/// activities is read into an array as before.
public final class FileBytes: Sendable {
    private enum Backing: Sendable {
        case array([UInt8])
        /// The mapping's address, as a number (it is never written through), and its copy
        /// as an array, made the first time `array` is asked for.
        case mapped(address: Int, count: Int, copy: Once<[UInt8]>)
    }

    private let backing: Backing

    /// The smallest file that is mapped (`Store.read`): 1 MiB, where the parser too starts
    /// cutting a file into pieces for the cores.
    public static let mapThreshold = 1 << 20

    public init(_ bytes: [UInt8]) { backing = .array(bytes) }

    /// The `count` bytes mapped at `address` by `Platform.mapFile`; unmapped when the last
    /// reference goes.
    init(mappedAt address: Int, count: Int) { backing = .mapped(address: address, count: count, copy: Once()) }

    deinit {
        if case .mapped(let address, let count, _) = backing { Platform.unmapFile(address: address, count: count) }
    }

    public var count: Int {
        switch backing {
        case .array(let a): return a.count
        case .mapped(_, let count, _): return count
        }
    }

    /// Whether the bytes are the file's pages, not an array.
    public var isMapped: Bool {
        if case .mapped = backing { return true }
        return false
    }

    /// Runs `body` on the bytes where they lie.
    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch backing {
        case .array(let a): return try a.withUnsafeBufferPointer(body)
        case .mapped(let address, let count, _):
            return try body(UnsafeBufferPointer(start: UnsafePointer(bitPattern: address), count: count))
        }
    }

    /// Where the bytes start, for a reader that keeps the pointer while it holds this
    /// object (`FieldBlock`): an array held here is never changed, so its storage stays
    /// where it is. Nil for no bytes.
    var baseAddress: UnsafePointer<UInt8>? {
        withUnsafeBufferPointer { $0.baseAddress }
    }

    /// The bytes as an array: the array itself, or a mapped file's copy, made once.
    public var array: [UInt8] {
        switch backing {
        case .array(let a): return a
        case .mapped(_, _, let copy): return copy.get { withUnsafeBufferPointer { Array($0) } }
        }
    }
}
