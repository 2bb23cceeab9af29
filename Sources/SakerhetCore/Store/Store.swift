import FoundationEssentials

/// An I/O failure, with a message for the user. Commands exit 2 on it.
public struct StoreError: Error, Sendable {
    public let message: Message
    public init(sv: String, en: String) { message = Message(sv: sv, en: en) }
}

/// Reads and writes the data folder. The only place, with `Git`, that touches the disk;
/// it does so through Foundation and `Platform`, never the system's calls directly.
public enum Store {
    /// The nearest `data/` folder from `start` upward, as git finds `.git`.
    public static func findDataFolder(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        // Plain string steps, not `URL.standardizedFileURL`: Foundation's path standardizing
        // may ask the user database for a home folder, which a static binary should never do.
        var dir = start
        while true {
            let candidate = (dir.hasSuffix("/") ? dir : dir + "/") + "data"
            if Platform.isFolder(candidate) { return candidate }
            let parent = Path.parent(of: dir)
            if parent == dir || parent == "." { return nil }
            dir = parent
        }
    }

    /// Loads the `.rec` files of the folder: those of `kinds` (all by default) and
    /// `config.rec`. `display` is how paths are shown in messages.
    public static func load(folder: String, display: String? = nil, kinds: [Kind] = Kind.allCases) throws -> DataSet {
        try load(folder: folder, display: display, kinds: kinds, around: nil)
    }

    /// Loads the folder for an edit of record `id` of `kind`, with the large files read as
    /// excerpts that hold the records such an edit can look for (`ReadAround.documents`).
    /// The writer checks that the edit stayed within them (`Edit.addsNoErrorNearby`).
    public static func load(folder: String, display: String? = nil, around record: (kind: Kind, id: String)) throws -> DataSet {
        try load(folder: folder, display: display, kinds: Kind.allCases, around: record)
    }

    /// Loads the folder for `show ID`. An activity is shown from the folder read around it
    /// (`ReadAround.documents`, goals whole): what `show` says of it, and what its checks
    /// find, come from the records it names, those with its id and those that name it
    /// (`Edit/Neighbourhood.swift`), and a check that suggests the closest id of a kind it
    /// names sees every record of that kind (goals, owners, areas). Other kinds are shown
    /// from the whole folder: a goal's "Öppet under" counts the whole tree below it, and a
    /// risk or a finding names activities, which is the large file. An id that is not
    /// found reads the whole folder, for the closest id in the message that says so.
    public static func load(folder: String, display: String? = nil, toShow record: (kind: Kind, id: String)) throws -> DataSet {
        guard record.kind == .activity else { return try load(folder: folder, display: display) }
        let near = try load(folder: folder, display: display, kinds: Kind.allCases, around: record, goalsWhole: true)
        return near.records(of: record.kind, id: record.id).isEmpty ? try load(folder: folder, display: display) : near
    }

    private static func load(folder: String, display: String?, kinds: [Kind], around record: (kind: Kind, id: String)?,
                             goalsWhole: Bool = false) throws -> DataSet {
        guard Platform.isFolder(folder) else { throw notAFolder(folder) }
        let shown = display ?? folder
        var files: [Kind: SourceFile] = [:]
        // The folder's files, all read in one pass over the cores (`read(_:)`).
        let present = try kinds.filter { kind in
            let path = folder + "/" + kind.fileName
            if Platform.fileInfo(path) != nil { return true }
            // A link whose target is missing, or a loop of links, is not a missing file: the
            // records are somewhere else, and every reference to them would be reported.
            guard Platform.fileInfo(path, followLinks: false) == nil else { throw brokenLink(join(shown, kind.fileName)) }
            return false
        }
        let contents = try read(present.map { folder + "/" + $0.fileName })
        if let record {
            let bytes = Dictionary(uniqueKeysWithValues: zip(present, contents))
            for (kind, document) in ReadAround.documents(bytes, around: record, goalsWhole: goalsWhole) {
                files[kind] = SourceFile(path: join(shown, kind.fileName), document: document)
            }
        } else {
            // All files parsed in one pass over the cores (`Document.parsing`).
            for (kind, document) in zip(present, Document.parsing(contents)) {
                files[kind] = SourceFile(path: join(shown, kind.fileName), document: document)
            }
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

    /// The error for a symbolic link at `shown` that leads nowhere (a missing target, a loop).
    static func brokenLink(_ shown: String) -> StoreError {
        StoreError(sv: "\(shown) är en symbolisk länk som inte leder till någon fil (målet saknas eller länkarna går i ring); rätta länken eller ta bort den",
                   en: "\(shown) is a symbolic link that leads to no file (its target is missing or the links loop); fix the link or remove it")
    }

    /// The largest file read: positions in a file are kept as 32-bit numbers.
    static let maxFileSize = 1 << 30

    public static func read(_ path: String) throws -> [UInt8] {
        try read([path])[0]
    }

    /// The bytes of each file at `paths`, in order. Each file is looked at and opened in
    /// turn (`open(checked:)`), then all of them are read in one pass over the cores: a
    /// large file in pieces, and the small ones beside it, not one after another while a
    /// core waits (a folder of 100,000 activities has three files of 2–4 MB besides its
    /// 27 MB one).
    public static func read(_ paths: [String]) throws -> [[UInt8]] {
        var opened: [(fd: Platform.FD, size: Int)] = []
        defer { for file in opened { Platform.close(file.fd) } }
        for path in paths { opened.append(try open(checked: path)) }
        let fds = opened.map(\.fd)
        var bytes = uninitialized(opened.map(\.size)) { buffers in
            // Straight into the arrays: one copy from the kernel, none through `Data`.
            Parallel.fill(buffers, piece: 4 << 20) { f, range, base in
                Platform.readFully(fds[f], base + range.lowerBound, range.count, offset: range.lowerBound)
            }
        }
        // Whatever is left (a file that grew, or one whose size `stat` does not tell; only
        // what was read without a gap counts): a small buffer first, since there is almost
        // never anything.
        for (f, path) in paths.enumerated() {
            Platform.seek(fds[f], to: bytes[f].count)
            try readToEnd(fds[f], path, into: &bytes[f], firstChunk: 16) { _ in }
        }
        return bytes
    }

    /// `path` opened for reading, and its size: refused when it is not a regular file
    /// (opening a FIFO for reading waits for a writer, and a device may never end), when
    /// it cannot be opened, or when it is larger than `maxFileSize`.
    private static func open(checked path: String) throws -> (fd: Platform.FD, size: Int) {
        // What the path is, before opening it.
        guard var info = Platform.fileInfo(path) else {
            throw StoreError(sv: "kan inte läsa \(path); kontrollera att filen finns och är läsbar",
                             en: "cannot read \(path); check that the file exists and is readable")
        }
        try requireRegularFile(path, info.kind)
        guard let fd = Platform.openRead(path) else {
            throw StoreError(sv: "kan inte läsa \(path); kontrollera att filen finns och är läsbar",
                             en: "cannot read \(path); check that the file exists and is readable")
        }
        do {
            // The file itself, in case the name was swapped between looking and opening.
            if let opened = Platform.fileInfo(fd) { info = opened; try requireRegularFile(path, info.kind) }
            if info.size > maxFileSize {
                throw StoreError(sv: "\(path) är \(info.size / 1_048_576) MiB; sakerhet läser filer på högst 1 GiB. Dela upp posterna på flera mappar",
                                 en: "\(path) is \(info.size / 1_048_576) MiB; sakerhet reads files of at most 1 GiB. Split the records over several folders")
            }
        } catch {
            Platform.close(fd)
            throw error
        }
        return (fd, max(info.size, 0))
    }

    /// Arrays of `sizes[i]` bytes, made uninitialized and handed to `fill` all at once;
    /// `fill` returns how many bytes of each it wrote from the start, and that is each
    /// array's length. Each array is made inside the one before it (arrays are made
    /// uninitialized only inside a closure), so `fill` sees every buffer together.
    private static func uninitialized(_ sizes: [Int], _ fill: ([UnsafeMutableRawBufferPointer]) -> [Int]) -> [[UInt8]] {
        var buffers: [UnsafeMutableRawBufferPointer] = []
        var counts: [Int] = []
        func make(_ i: Int) -> [[UInt8]] {
            guard i < sizes.count else {
                counts = fill(buffers)
                return []
            }
            var rest: [[UInt8]] = []
            let array = [UInt8](unsafeUninitializedCapacity: sizes[i]) { buffer, count in
                buffers.append(UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: sizes[i]))
                rest = make(i + 1)
                count = counts[i]
            }
            return [array] + rest
        }
        return make(0)
    }

    /// Reads `fd` to its end, appending to `bytes`: a first read of `firstChunk` bytes, then
    /// 64 KiB at a time; `check` sees the bytes after each read and may throw to stop.
    private static func readToEnd(_ fd: Platform.FD, _ path: String, into bytes: inout [UInt8], firstChunk: Int,
                                  check: ([UInt8]) throws -> Void) throws {
        var chunk = [UInt8](repeating: 0, count: firstChunk)
        while true {
            let n = chunk.withUnsafeMutableBytes { Platform.readSome(fd, $0.baseAddress!, $0.count) }
            if n == 0 { return }
            if n < 0 {
                let code = Platform.lastError
                if Platform.isInterrupted(code) { continue }
                let why = Platform.errorText(code)
                throw StoreError(sv: "kan inte läsa \(path): \(why.sv)", en: "cannot read \(path): \(why.en)")
            }
            bytes += chunk[0..<n]
            try check(bytes)
            if chunk.count < 65_536 { chunk = [UInt8](repeating: 0, count: 65_536) }
        }
    }

    /// Reads a pipe to its end (`--plans <(ls -d */)`): what its writer writes until it
    /// closes it, at most `limit` bytes. A named pipe that no program writes to is empty,
    /// so the read never waits for a writer that may not come.
    static func readPipe(_ path: String, limit: Int) throws -> [UInt8] {
        guard let fd = Platform.openRead(path) else {
            throw StoreError(sv: "kan inte läsa \(path); kontrollera att filen finns och är läsbar",
                             en: "cannot read \(path); check that the file exists and is readable")
        }
        defer { Platform.close(fd) }
        // Opened without waiting for a writer; the reads wait for the writer's data.
        Platform.setBlocking(fd)
        var bytes = [UInt8]()
        try readToEnd(fd, path, into: &bytes, firstChunk: 65_536) { read in
            if read.count > limit {
                throw StoreError(sv: "\(path) ger mer än \(limit / 1_048_576) MiB; sakerhet läser inte mer än så ur en rörledning",
                                 en: "\(path) gives more than \(limit / 1_048_576) MiB; sakerhet reads no more than that from a pipe")
            }
        }
        return bytes
    }

    /// Writes atomically: a temporary file beside the file, fsync, then rename over it,
    /// keeping its mode. A symbolic link is followed: its target is written, the link
    /// stays. A file without write permission is refused. On any failure the original is
    /// untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try writeAtomically(to: path) { fd in bytes.withUnsafeBytes { writeAll(fd, $0) } }
    }

    /// Writes `slices` one after another into the file, atomically as above: an edit's
    /// file as the bytes before the record, the record, and the bytes after it, so that
    /// the whole file is not copied first.
    public static func writeAtomically(slices: [ArraySlice<UInt8>], to path: String) throws {
        try writeAtomically(to: path) { fd in slices.allSatisfy { $0.withUnsafeBytes { writeAll(fd, $0) } } }
    }

    /// Writes `pieces` one after another into the file, atomically as above, without
    /// joining them first: a large report is not copied once more.
    public static func writeAtomically(_ pieces: Pieces, to path: String) throws {
        var written = 0
        try writeAtomically(to: path) { fd in writePieces(pieces, to: fd, counting: &written) }
    }

    /// Writes an output file (`-o`): a report or an audit result, never a file of the
    /// data folder `dataFolder`. A device or FIFO (`/dev/stdout`, a named pipe) is opened
    /// and written into; a regular file or a new path is written atomically.
    /// Returns the number of bytes written. `fileExtension` is that of the format written
    /// (`json`, `xlsx`), for the file name a refusal suggests (`rapport.json`).
    @discardableResult
    public static func writeOutput(_ pieces: Pieces, to path: String, dataFolder: String? = nil, fileExtension: String = "html") throws -> Int {
        var written = 0
        try writeOutput(to: path, dataFolder: dataFolder, fileExtension: fileExtension, { fd in writePieces(pieces, to: fd, counting: &written) })
        return written
    }

    /// Writes a binary output file (a workbook, a Word document) by the same rules.
    public static func writeOutput(_ bytes: [UInt8], to path: String, dataFolder: String? = nil, fileExtension: String) throws {
        try writeOutput(to: path, dataFolder: dataFolder, fileExtension: fileExtension, { fd in bytes.withUnsafeBytes { writeAll(fd, $0) } })
    }

    private static func writeOutput(to path: String, dataFolder: String?, fileExtension: String, _ body: (Platform.FD) -> Bool) throws {
        let example = (sv: "rapport." + fileExtension, en: "report." + fileExtension)
        if let dataFolder, let folder = realPath(dataFolder), let target = resolvedOutputPath(path),
           target == folder || target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
            throw StoreError(sv: "-o \(path) ligger i datamappen \(dataFolder) och skulle skriva över dess filer; skriv till en fil utanför datamappen, t.ex. -o \(example.sv)",
                             en: "-o \(path) is inside the data folder \(dataFolder) and would overwrite its files; write to a file outside the data folder, e.g. -o \(example.en)")
        }
        if let info = Platform.fileInfo(path) {
            switch info.kind {
            case .characterDevice, .fifo:
                guard let fd = Platform.openWrite(path) else { throw cannotWrite(path, Platform.lastError) }
                let ok = body(fd)
                let err = Platform.lastError
                Platform.close(fd)
                guard ok else { throw cannotWrite(path, err) }
                return
            case .folder:
                throw StoreError(sv: "\(path) är en mapp; ange ett filnamn, t.ex. \(join(path, example.sv))",
                                 en: "\(path) is a folder; give a file name, e.g. \(join(path, example.en))")
            case .regular: break
            default:
                throw StoreError(sv: "\(path) är inte en vanlig fil (\(fileType(info.kind, .sv))); ange en annan fil",
                                 en: "\(path) is not a regular file (\(fileType(info.kind, .en))); give another file")
            }
        }
        try writeAtomically(to: path, body)
    }

    /// Writes all of `buf` to `fd`; false on an error (`Platform.lastError`).
    public static func writeAll(_ fd: Platform.FD, _ buf: UnsafeRawBufferPointer) -> Bool { Platform.writeAll(fd, buf) }

    /// Makes the pieces a batch at a time and writes each as soon as its turn comes,
    /// adding the bytes written to `written`.
    private static func writePieces(_ pieces: Pieces, to fd: Platform.FD, counting written: inout Int) -> Bool {
        pieces.forEach { piece in
            var piece = piece
            written += piece.utf8.count
            return piece.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
        }
    }

    /// The marker in the names of temporary files: `.activities.rec.sakerhet-tmp.4711`,
    /// hidden, beside the file, with the writer's process id.
    static let temporaryMarker = ".sakerhet-tmp."

    static func temporaryName(for name: String, pid: Platform.ProcessID = Platform.processID) -> String { "." + name + temporaryMarker + String(pid) }

    /// Removes the temporary files in `folder` that writers killed before their rename
    /// left behind: those whose process no longer runs. Call it holding the folder's lock
    /// (`withLock` does), so that no live writer's file is taken. Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaryFiles(in folder: String) -> [String] {
        guard let names = Platform.folderEntries(folder) else { return [] }
        var removed: [String] = []
        for name in names {
            guard name.hasPrefix("."), let pid = temporaryOwner(name), pid != Platform.processID,
                  Platform.processIsGone(pid) else { continue }
            if Platform.remove(join(folder, name)) { removed.append(name) }
        }
        return removed
    }

    /// The process id in a temporary file's name: `.NAME.sakerhet-tmp.PID`, or the older
    /// `.NAME.rec.PID.tmp`; nil for any other name.
    static func temporaryOwner(_ name: String) -> Platform.ProcessID? {
        if let r = name.scalarRange(of: temporaryMarker, backwards: true) {
            return Platform.ProcessID(name[r.upperBound...]).flatMap { $0 > 0 ? $0 : nil }
        }
        guard name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[parts.count - 2] == "rec", let pid = Platform.ProcessID(parts[parts.count - 1]), pid > 0 else { return nil }
        return pid
    }

    private static func writeAtomically(to original: String, _ body: (Platform.FD) -> Bool) throws {
        let target = try replacementTarget(original)
        // A stop asked for meanwhile waits for the rename: no temporary file is left.
        try Platform.withStopsHeld {
            do throws(Platform.ReplaceFailure) {
                try Platform.atomicReplace(target.path, temporary: target.temporary, folder: target.folder, mode: target.mode, body)
            } catch {
                throw writeError(error, target)
            }
        }
    }

    /// Replaces several files so that each is whole and, as far as the system allows, all
    /// or none are: every new file is written beside its original and synced first (a
    /// failure there removes them all and leaves every original as it was), then all are
    /// renamed over their originals, which takes moments, and a stop asked for meanwhile
    /// (Ctrl-C, `kill`) waits until that is done (`Platform.withStopsHeld`). An import that
    /// adds owners, goals and activities writes three files; one stopped after the first
    /// rename left owners and goals that no activity named.
    public static func writeAtomically(files: [(bytes: [UInt8], path: String)]) throws {
        let targets = try files.map { try replacementTarget($0.path) }
        try Platform.withStopsHeld {
            var written: [ReplacementTarget] = []
            for (file, target) in zip(files, targets) {
                do throws(Platform.ReplaceFailure) {
                    try Platform.prepareReplacement(temporary: target.temporary, mode: target.mode) { fd in
                        file.bytes.withUnsafeBytes { writeAll(fd, $0) }
                    }
                    written.append(target)
                } catch {
                    for w in written { _ = Platform.remove(w.temporary) }
                    throw writeError(error, target)
                }
            }
            for (k, target) in targets.enumerated() {
                do throws(Platform.ReplaceFailure) {
                    try Platform.replace(target.path, with: target.temporary)
                } catch {
                    for w in targets[(k + 1)...] { _ = Platform.remove(w.temporary) }
                    let done = targets[..<k].map(\.original)
                    let e = writeError(error, target)
                    guard !done.isEmpty else { throw e }
                    throw StoreError(sv: e.message.sv + "; " + done.joined(separator: ", ") + " skrevs redan", en: e.message.en + "; " + done.joined(separator: ", ") + " were written already")
                }
            }
            for folder in Set(targets.map(\.folder)) { Platform.syncFolder(folder) }
        }
    }

    /// Where a replacement of `original` is written: the file itself (a link's target), its
    /// folder, the temporary file beside it and the mode to keep. Refuses a file that is
    /// not regular, or read-only.
    private struct ReplacementTarget {
        let original: String
        let path: String
        let folder: String
        let name: String
        let temporary: String
        let mode: UInt32
    }

    private static func replacementTarget(_ original: String) throws -> ReplacementTarget {
        // A link is written through: its target is replaced, the link stays.
        var path = original
        if Platform.fileInfo(path, followLinks: false)?.kind == .link {
            guard let target = realPath(path) else {
                throw StoreError(sv: "\(original) är en länk till en fil som inte finns; rätta länken eller ta bort den",
                                 en: "\(original) is a link to a file that does not exist; fix the link or remove it")
            }
            path = target
        }
        let dir = Path.parent(of: path)
        let name = Path.lastComponent(path)
        let folder = dir.isEmpty ? "." : dir
        var mode: UInt32 = 0o644
        if let info = Platform.fileInfo(path) {
            guard info.kind == .regular else {
                throw StoreError(sv: "\(original) är inte en vanlig fil (\(fileType(info.kind, .sv))); ersätt den med en fil",
                                 en: "\(original) is not a regular file (\(fileType(info.kind, .en))); replace it with a file")
            }
            mode = info.permissions
            // Root may write anyway; the mode says the file is not to be changed.
            if !info.ownerWritable || !Platform.canWrite(path) {
                throw StoreError(sv: "\(original) är skrivskyddad; ändra rättigheterna med chmod u+w \(original) om den ska ändras. Inget skrevs",
                                 en: "\(original) is read-only; change its permissions with chmod u+w \(original) if it is to be changed. Nothing was written")
            }
        }
        return ReplacementTarget(original: original, path: path, folder: folder, name: name,
                                 temporary: join(folder, temporaryName(for: name)), mode: mode)
    }

    private static func writeError(_ error: Platform.ReplaceFailure, _ target: ReplacementTarget) -> StoreError {
        let why = Platform.errorText(error.code)
        switch error.stage {
        case .create:
            return StoreError(sv: "kan inte skriva i \(target.folder): \(why.sv); filen \(target.name) är orörd",
                              en: "cannot write in \(target.folder): \(why.en); \(target.name) is untouched")
        case .write:
            return StoreError(sv: "kunde inte skriva \(target.original): \(why.sv); originalet är orört",
                              en: "could not write \(target.original): \(why.en); the original is untouched")
        }
    }

    /// A data file must be a regular file: a FIFO or a device would make a read wait or
    /// never end, a folder cannot be read.
    /// The advice names the plan's files only for a `.rec` path: a file to import (a
    /// workbook, a document) that is a folder or a pipe is just given again as a file.
    static func requireRegularFile(_ path: String, _ kind: Platform.FileKind) throws {
        let planFile = path.hasSuffix(".rec")
        switch kind {
        case .regular: return
        case .folder:
            throw StoreError(sv: "\(path) är en mapp, inte en fil; ange en fil" + (planFile ? " (har en av planens filer blivit en mapp, byt namn på mappen)" : ""),
                             en: "\(path) is a folder, not a file; give a file" + (planFile ? " (if one of the plan's files has become a folder, rename the folder)" : ""))
        default:
            throw StoreError(sv: "\(path) är inte en vanlig fil utan \(fileType(kind, .sv)); sakerhet läser bara vanliga filer. "
                                 + (planFile ? "Ersätt den med en .rec-fil eller ta bort den" : "Spara innehållet i en vanlig fil och ange den"),
                             en: "\(path) is not a regular file but \(fileType(kind, .en)); sakerhet reads only regular files. "
                                 + (planFile ? "Replace it with a .rec file or remove it" : "Save the content in a regular file and give that"))
        }
    }

    static func fileType(_ kind: Platform.FileKind, _ lang: Lang) -> String {
        let sv = lang == .sv
        switch kind {
        case .fifo: return sv ? "en namngiven rörledning (FIFO)" : "a named pipe (FIFO)"
        case .socket: return sv ? "en socket" : "a socket"
        case .characterDevice, .blockDevice: return sv ? "en enhetsfil" : "a device file"
        case .folder: return sv ? "en mapp" : "a folder"
        default: return sv ? "en okänd filtyp" : "an unknown kind of file"
        }
    }

    static func cannotWrite(_ path: String, _ err: Int32) -> StoreError {
        let why = Platform.errorText(err)
        return StoreError(sv: "kan inte skriva \(path): \(why.sv)", en: "cannot write \(path): \(why.en)")
    }

    /// The absolute path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? { Platform.realPath(path) }

    /// Where a write to `path` lands: the resolved path, or for a new file the resolved
    /// folder and the name.
    static func resolvedOutputPath(_ path: String) -> String? {
        if let real = realPath(path) { return real }
        let dir = Path.parent(of: path)
        return realPath(dir.isEmpty ? "." : dir).map { join($0, Path.lastComponent(path)) }
    }

    /// Runs `body` holding an exclusive advisory lock on `folder/.sakerhet.lock`. Waits up
    /// to `timeout` seconds for another writer, then removes stale temporary files.
    public static func withLock<T>(folder: String, timeout: Double = 10, _ body: () throws -> T) throws -> T {
        guard Platform.isFolder(folder) else { throw notAFolder(folder) }
        let path = folder + "/.sakerhet.lock"
        guard let fd = Platform.openLockFile(path) else {
            throw lockError(path, folder: folder, Platform.lastError, lockExists: Platform.fileInfo(path) != nil)
        }
        defer { Platform.close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        while !Platform.tryLock(fd) {
            if Date() > deadline {
                throw StoreError(sv: "en annan sakerhet-process skriver i \(folder) (låset \(path) hölls i \(Int(timeout)) s); försök igen",
                                 en: "another sakerhet process is writing in \(folder) (the lock \(path) was held for \(Int(timeout)) s); try again")
            }
            Platform.sleep(seconds: 0.02)
        }
        defer { Platform.unlock(fd) }
        // Writers killed before their rename left their temporary files; no writer runs now.
        removeStaleTemporaryFiles(in: folder)
        return try body()
    }

    static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    /// The error for a data folder that is not a folder: a file given in its place (`--data
    /// data/activities.rec`) is named as a file, with the folder that holds it when it is a
    /// `.rec` file; a path that is nothing does not exist.
    static func notAFolder(_ folder: String) -> StoreError {
        guard let info = Platform.fileInfo(folder) else {
            return StoreError(sv: "datamappen \(folder) finns inte; ange en annan med --data DIR eller skapa en med 'sakerhet init'",
                              en: "the data folder \(folder) does not exist; give another with --data DIR or create one with 'sakerhet init'")
        }
        let what = Message(sv: info.kind == .regular ? "en fil" : fileType(info.kind, .sv), en: info.kind == .regular ? "a file" : fileType(info.kind, .en))
        let example = folder.hasSuffix(".rec") ? Path.parent(of: folder) : nil
        return StoreError(sv: "\(folder) är \(what.sv), inte en mapp; ange datamappen, mappen med .rec-filerna, med --data \(example ?? "DIR")",
                          en: "\(folder) is \(what.en), not a folder; give the data folder, the folder with the .rec files, with --data \(example ?? "DIR")")
    }

    /// The error when the lock file cannot be opened (`code` is the system's), with the fix
    /// when access is denied: write permission on the folder, or on the lock file when it
    /// exists already.
    static func lockError(_ path: String, folder: String, _ code: Int32, lockExists: Bool) -> StoreError {
        let why = Platform.errorText(code)
        guard Platform.isAccessDenied(code) else {
            return StoreError(sv: "kan inte skapa låsfilen \(path): \(why.sv)", en: "cannot create the lock file \(path): \(why.en)")
        }
        if lockExists {
            return StoreError(sv: "kan inte öppna låsfilen \(path): \(why.sv); ge skrivrätt med chmod u+w \(path) (eller ta bort den när ingen annan skriver). Inget skrevs",
                              en: "cannot open the lock file \(path): \(why.en); give write permission with chmod u+w \(path) (or remove it while no one else writes). Nothing was written")
        }
        return StoreError(sv: "kan inte skapa låsfilen \(path): \(why.sv); mappen \(folder) är skrivskyddad för dig, ge skrivrätt med chmod u+w \(folder) (eller kör som dess ägare). Inget skrevs",
                          en: "cannot create the lock file \(path): \(why.en); the folder \(folder) is read-only for you, give write permission with chmod u+w \(folder) (or run as its owner). Nothing was written")
    }
}

