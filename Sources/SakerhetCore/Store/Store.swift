import Foundation

/// An I/O failure, with a message for the user. Commands exit 2 on it.
public struct StoreError: Error, Sendable {
    public let message: Message
    public init(sv: String, en: String) { message = Message(sv: sv, en: en) }
}

/// Reads and writes the data folder. The only place, with `Git`, that touches the disk.
public enum Store {
    /// The nearest `data/` folder from `start` upward, as git finds `.git`.
    public static func findDataFolder(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        var dir = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent("data")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue {
                return candidate.path
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Loads the `.rec` files of the folder: those of `kinds` (all by default) and
    /// `config.rec`. `display` is how paths are shown in messages.
    public static func load(folder: String, display: String? = nil, kinds: [Kind] = Kind.allCases) throws -> DataSet {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError(sv: "datamappen \(folder) finns inte; ange en annan med --data DIR eller skapa en med 'sakerhet init'",
                             en: "the data folder \(folder) does not exist; give another with --data DIR or create one with 'sakerhet init'")
        }
        let shown = display ?? folder
        var files: [Kind: SourceFile] = [:]
        for kind in kinds {
            let path = folder + "/" + kind.fileName
            guard FileManager.default.fileExists(atPath: path) else { continue }
            files[kind] = SourceFile(path: join(shown, kind.fileName), document: Document(bytes: try read(path)))
        }
        guard !files.isEmpty else {
            throw StoreError(sv: "\(shown) innehåller inga .rec-filer (väntade t.ex. activities.rec); skapa en datamapp med 'sakerhet init'",
                             en: "\(shown) holds no .rec files (expected e.g. activities.rec); create a data folder with 'sakerhet init'")
        }
        let configPath = folder + "/config.rec"
        let config = FileManager.default.fileExists(atPath: configPath)
            ? SourceFile(path: join(shown, "config.rec"), document: Document(bytes: try read(configPath))) : nil
        return DataSet(folder: shown, files: files, configFile: config)
    }

    /// The largest file read: positions in a file are kept as 32-bit numbers.
    static let maxFileSize = 1 << 30

    public static func read(_ path: String) throws -> [UInt8] {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw StoreError(sv: "\(path) är en mapp, inte en fil; ta bort eller byt namn på mappen",
                             en: "\(path) is a folder, not a file; remove or rename the folder")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw StoreError(sv: "kan inte läsa \(path); kontrollera att filen finns och är läsbar",
                             en: "cannot read \(path); check that the file exists and is readable")
        }
        defer { close(fd) }
        // Straight into the array: one copy from the kernel, none through `Data`.
        var st = stat()
        var bytes = [UInt8]()
        if fstat(fd, &st) == 0, st.st_size > maxFileSize {
            throw StoreError(sv: "\(path) är \(st.st_size / 1_048_576) MiB; sakerhet läser filer på högst 1 GiB. Dela upp posterna på flera mappar",
                             en: "\(path) is \(st.st_size / 1_048_576) MiB; sakerhet reads files of at most 1 GiB. Split the records over several folders")
        }
        if st.st_size > 0 {
            let size = Int(st.st_size)
            // A large file is read in pieces at the same time: copying and faulting in the
            // pages of 26 MB is a serial cost on every command otherwise.
            let pieces = size < 1 << 22 ? 1 : Parallel.width
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                let base = buffer.baseAddress!
                let got = Parallel.map(pieces) { p -> (start: Int, end: Int, read: Int) in
                    let start = size * p / pieces, end = size * (p + 1) / pieces
                    var done = 0
                    while start + done < end {
                        let n = pread(fd, base + start + done, end - start - done, off_t(start + done))
                        if n < 0 && errno == EINTR { continue }
                        if n <= 0 { break }
                        done += n
                    }
                    return (start, end, done)
                }
                // Only what was read without a gap counts; the rest is read below.
                count = 0
                for g in got {
                    count = g.start + g.read
                    if g.start + g.read < g.end { break }
                }
            }
            lseek(fd, off_t(bytes.count), SEEK_SET)
        }
        // Whatever is left (a file that grew, or one whose size `stat` does not tell).
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { readFile(fd, $0.baseAddress!, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                let why = String(cString: strerror(errno))
                throw StoreError(sv: "kan inte läsa \(path): \(why)", en: "cannot read \(path): \(why)")
            }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// Writes atomically: a temporary file in the same folder, fsync, then rename over
    /// the original, keeping its mode. On any failure the original is untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try writeAtomically(to: path) { fd in bytes.withUnsafeBytes { writeAll(fd, $0) } }
    }

    /// Writes `pieces` one after another into the file, atomically as above, without
    /// joining them first: a large report is not copied once more.
    public static func writeAtomically(_ pieces: [String], to path: String) throws {
        try writeAtomically(to: path) { fd in
            pieces.allSatisfy { piece in
                var piece = piece
                return piece.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
            }
        }
    }

    /// Writes all of `buf` to `fd`; false on an error.
    public static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool {
        var off = 0
        while off < buf.count {
            let n = write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    private static func writeAtomically(to path: String, _ body: (Int32) -> Bool) throws {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let tmp = (dir.isEmpty ? "." : dir) + "/.\(name).\(getpid()).tmp"
        var mode: mode_t = 0o644
        var st = stat()
        if stat(path, &st) == 0 { mode = st.st_mode & 0o7777 }
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else {
            throw StoreError(sv: "kan inte skriva i \(dir.isEmpty ? "." : dir): \(String(cString: strerror(errno))); filen \(name) är orörd",
                             en: "cannot write in \(dir.isEmpty ? "." : dir): \(String(cString: strerror(errno))); \(name) is untouched")
        }
        var ok = body(fd)
        if ok { ok = fsync(fd) == 0 }
        let err = errno
        if fchmod(fd, mode) != 0 { ok = false }
        close(fd)
        guard ok, rename(tmp, path) == 0 else {
            let why = String(cString: strerror(ok ? errno : err))
            unlink(tmp)
            throw StoreError(sv: "kunde inte skriva \(path): \(why); originalet är orört",
                             en: "could not write \(path): \(why); the original is untouched")
        }
        // Make the rename durable.
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Runs `body` holding an exclusive advisory lock on `folder/.sakerhet.lock`. Waits up
    /// to `timeout` seconds for another writer.
    public static func withLock<T>(folder: String, timeout: Double = 10, _ body: () throws -> T) throws -> T {
        let path = folder + "/.sakerhet.lock"
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else {
            throw StoreError(sv: "kan inte skapa låsfilen \(path): \(String(cString: strerror(errno)))",
                             en: "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if Date() > deadline {
                throw StoreError(sv: "en annan sakerhet-process skriver i \(folder) (låset \(path) hölls i \(Int(timeout)) s); försök igen",
                                 en: "another sakerhet process is writing in \(folder) (the lock \(path) was held for \(Int(timeout)) s); try again")
            }
            usleep(20_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}

/// read(2), which `Store.read` hides by name inside `Store`.
private func readFile(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
