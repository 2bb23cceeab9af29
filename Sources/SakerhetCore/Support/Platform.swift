// The one file that talks to the operating system. Everything else in sakerhet uses
// Foundation and the functions here, so a port to another system is a change to this file.
//
// What a Windows port must replace (each is POSIX here; the rest of the code never calls it):
//  - Terminal: `isTerminal` (isatty → _isatty), `terminalColumns` (ioctl TIOCGWINSZ →
//    GetConsoleScreenBufferInfo), `standardOutput` / `standardError` (file descriptors 1, 2).
//  - Signals: `ignoreBrokenPipes` (SIGPIPE; Windows has none: make it do nothing),
//    `withStopsHeld` (sigaction for SIGINT, SIGTERM, SIGHUP → SetConsoleCtrlHandler).
//  - Memory: `tuneAllocator` (glibc's mallopt, sbrk, madvise; elsewhere it does nothing).
//  - Files: `fileInfo` (stat/lstat/fstat → GetFileAttributesEx or _wstat64), `openRead`,
//    `readAt` (pread → ReadFile with an OVERLAPPED offset), `readSome`, `seek`, `close`,
//    `openWrite`, `writeAll`, `canWrite` (access), `realPath` (realpath →
//    GetFinalPathNameByHandle), `folderEntries` (opendir/readdir), `remove` (unlink).
//  - Atomic replace: `atomicReplace` (O_EXCL create, fsync, fchmod, rename, folder fsync →
//    CreateFile CREATE_NEW, FlushFileBuffers, ReplaceFile/MoveFileEx with
//    MOVEFILE_REPLACE_EXISTING; no mode bits, no folder sync).
//  - Locks: `openLockFile`, `tryLock`, `unlock` (flock → LockFileEx / UnlockFileEx).
//  - Processes: `processID` (getpid), `processIsGone` (kill 0 → OpenProcess), `run`
//    (posix_spawnp, pipes, poll, waitpid → CreateProcess with pipes), `childProcessUsage`
//    (getrusage, for sakerhet-bench only).
//  - Error codes: `errorText` (errno values and strerror → GetLastError / FormatMessage),
//    `isInterrupted`, `isBrokenPipe`.
//  - Bytes: `firstByte` and `bytesEqual` (memchr, memcmp: C's own, in the Windows C runtime
//    too; they stay here so that no other file imports the C library).

#if canImport(Glibc)
import Glibc
import CAllocator
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// The few operating-system calls that are not plain Foundation: terminal queries, files,
/// file locks, signals and starting a process. A port to another system (Windows) is a
/// change to this file only (see the list at the top); everything else uses Foundation.
public enum Platform {
    /// An open file: a POSIX file descriptor.
    public typealias FD = Int32
    /// A process id.
    public typealias ProcessID = Int32

    /// Standard output and standard error.
    public static let standardOutput: FD = 1
    public static let standardError: FD = 2

    // MARK: Terminal

    /// Whether `fd` is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The width of the terminal on `fd`, or nil when it is not a terminal.
    public static func terminalColumns(_ fd: Int32) -> Int? {
        guard isTerminal(fd) else { return nil }
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    // MARK: Signals

    /// A write to a pipe whose reader has gone is an error (EPIPE) to handle, not a
    /// signal that ends the process.
    public static func ignoreBrokenPipes() { _ = signal(SIGPIPE, SIG_IGN) }

    /// Runs `body` with a stop asked for (SIGINT, SIGTERM, SIGHUP: Ctrl-C, `kill`, a closed
    /// terminal) held back: one that comes meanwhile ends the process when `body` returns,
    /// not in the middle of it. For a write of several files, so that a stop cannot leave
    /// some replaced and some not. (SIGKILL and a power cut cannot be held back; the
    /// temporary files they leave are removed by the next write, `removeStaleTemporaryFiles`.)
    /// A handler, not a blocked mask: every thread of the process would have to block it.
    public static func withStopsHeld<T>(_ body: () throws -> T) rethrows -> T {
        let stops = [SIGINT, SIGTERM, SIGHUP]
        heldStop.pointee = 0
        var saved: [sigaction] = []
        for s in stops {
            var action = sigaction()
            var old = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { signal in Platform.heldStop.pointee = signal }
            #else
            action.sa_handler = { signal in Platform.heldStop.pointee = signal }
            #endif
            sigemptyset(&action.sa_mask)
            // A write or sync that the signal comes during goes on, not ends with EINTR.
            action.sa_flags = Int32(SA_RESTART)
            sigaction(s, &action, &old)
            saved.append(old)
        }
        defer {
            for (s, old) in zip(stops, saved) { var o = old; sigaction(s, &o, nil) }
            let signal = heldStop.pointee
            if signal != 0 { heldStop.pointee = 0; raise(signal) }
        }
        return try body()
    }

    /// The stop that came while stops were held (`withStopsHeld`), 0 when none: written by
    /// the signal handler, which can reach only a global.
    nonisolated(unsafe) static let heldStop: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    // MARK: Memory

    /// Tunes the C library's allocator for a command that runs briefly and allocates much of
    /// its memory in a few steps (the files, the records, the output); see
    /// docs/performance.md, "Huge pages for the heap".
    /// - It keeps memory a command frees for its next allocations, and takes 64 MB more
    ///   from the system at a time: by default the freed top of the heap goes back to the
    ///   system, and the next allocation has every page zeroed and faulted in again.
    /// - Blocks up to 32 MiB come from the heap, not each from a mapping of its own.
    /// - The heap's next 256 MiB are reserved at once and marked for transparent huge
    ///   pages (`madvise`), so that they are faulted in 2 MiB at a time, not 4 KiB: a
    ///   fault, a page-table entry and a TLB entry per 2 MiB. The kernel gives huge pages
    ///   only where its setting allows (`/sys/kernel/mm/transparent_hugepage/enabled`:
    ///   `madvise` or `always`); elsewhere the advice changes nothing. Only the reservation's
    ///   address space is taken: a page is in memory when it is used, as before.
    /// The threads' own heaps are left as they are (one heap for every thread measured
    /// slower: they wait on its lock). Where the C library is not glibc it does nothing.
    public static func tuneAllocator() {
        #if canImport(Glibc)
        _ = CAllocator.mallopt(M_TRIM_THRESHOLD, Int32.max)
        _ = CAllocator.mallopt(M_TOP_PAD, 64 << 20)
        _ = CAllocator.mallopt(M_MMAP_THRESHOLD, 32 << 20)
        // The reservation must grow the heap, not be a mapping of its own: no mappings
        // while it is made.
        _ = CAllocator.mallopt(M_MMAP_MAX, 0)
        defer { _ = CAllocator.mallopt(M_MMAP_MAX, 65536) }  // glibc's default
        let before = Int(bitPattern: sbrk(0))
        guard let block = malloc(256 << 20) else { return }
        // Kept as a number, so that the compiler cannot leave out the allocation unused.
        reservedHeap = Int(bitPattern: block)
        free(block)
        let after = Int(bitPattern: sbrk(0))
        let huge = 2 << 20
        let start = (before + huge - 1) & ~(huge - 1)
        let end = after & ~(huge - 1)
        guard end > start, let at = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(at, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// The place (1 for the first argument after the program's name) of the first
    /// command-line argument whose bytes are not UTF-8, nil when all are: the standard
    /// library reads such an argument with U+FFFD in place of each bad byte, and a value
    /// from a terminal set to Latin-1 would be stored so, changed without a word.
    public static func argumentNotUTF8() -> Int? {
        let argv = CommandLine.unsafeArgv
        // A program may be started with no arguments at all, not even its name.
        for i in 1..<max(1, Int(CommandLine.argc)) {
            guard let p = argv[i] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p))
            if String(validating: bytes, as: UTF8.self) == nil { return i }
        }
        return nil
    }

    /// Where `tuneAllocator` reserved the heap (only written).
    nonisolated(unsafe) private static var reservedHeap = 0

    /// Today in the local time zone (`TZ`, else the system's), as the C library reads it:
    /// the same day as `Calendar.current`, without loading Foundation's calendar on every
    /// command's start.
    public static func today() -> (year: Int, month: Int, day: Int) {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else {
            let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return (c.year ?? 1970, c.month ?? 1, c.day ?? 1)
        }
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    // MARK: File locks

    /// Opens (creating it when missing) the file that `tryLock` locks; nil on an error,
    /// whose code is `lastError`.
    static func openLockFile(_ path: String) -> FD? {
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        return fd >= 0 ? fd : nil
    }

    /// Tries to take an exclusive advisory lock on `fd` without waiting.
    static func tryLock(_ fd: FD) -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

    /// Releases the lock taken by `tryLock`.
    static func unlock(_ fd: FD) { _ = flock(fd, LOCK_UN) }

    // MARK: Files

    /// Whether `path` (symbolic links followed) is a folder, and the device it is on; nil
    /// when it does not exist or cannot be seen.
    static func fileStatus(_ path: String) -> (isDirectory: Bool, device: UInt64)? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return ((st.st_mode & S_IFMT) == S_IFDIR, UInt64(st.st_dev))
    }

    /// This process's environment as `NAME=value` strings, read now (without building
    /// Foundation's `ProcessInfo`).
    static func environmentEntries() -> [String] {
        var out: [String] = []
        var p = environ
        while let entry = p.pointee {
            out.append(String(cString: entry))
            p += 1
        }
        return out
    }

    /// The value of the environment variable `name`, read now.
    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    // MARK: Processes

    struct SpawnFailure: Error { let why: Message }

    struct ProcessOutcome {
        let code: Int32
        let out: [UInt8]
        let err: [UInt8]
        /// How many bytes of the input the process read.
        let written: Int
        /// Whether the process closed its input before reading all of it (EPIPE).
        let inputBroken: Bool
    }

    /// The command sets this too; a library caller gets it here, once.
    static let ignoreBrokenPipesOnce: Void = { ignoreBrokenPipes() }()

    /// Runs `argv` (its first element found on PATH) with the environment `envp`, feeding
    /// it `input` (or /dev/null when nil) and collecting its output and errors.
    ///
    /// The process is started with `posix_spawnp` and waited for with `waitpid`, its pipes
    /// read to the end with `poll`: no thread, and no polling for its exit. It gets the
    /// default signal handling and an empty mask, whatever this process set.
    static func run(_ argv: [String], _ envp: [String], input: [UInt8]?) -> Swift.Result<ProcessOutcome, SpawnFailure> {
        start(argv, envp, takesInput: input != nil).map { $0.finish(input: input ?? []) }
    }

    /// A process started by `start` and not yet waited for: it runs while this process
    /// does other work, and `finish` feeds it, reads it to the end and waits for it.
    final class Child {
        let pid: pid_t
        /// Its standard output, standard error and (when it takes input) standard input.
        fileprivate var outFD: Int32, errFD: Int32, inFD: Int32
        private var finished = false

        fileprivate init(pid: pid_t, outFD: Int32, errFD: Int32, inFD: Int32) {
            (self.pid, self.outFD, self.errFD, self.inFD) = (pid, outFD, errFD, inFD)
        }

        /// Writes `input` to the process (when it takes input) while reading both of its
        /// outputs to the end, so that no pipe fills up; then waits for it to end.
        func finish(input: [UInt8]) -> ProcessOutcome {
            precondition(!finished, "a child process is finished once")
            finished = true
            var out: [UInt8] = [], err: [UInt8] = []
            var written = 0
            var inputBroken = false
            if inFD >= 0 && !input.isEmpty {
                _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
            } else if inFD >= 0 {
                close(inFD); inFD = -1
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            // Read both outputs and feed the input at once, so that no pipe fills up.
            while outFD >= 0 || errFD >= 0 {
                var fds: [pollfd] = []
                if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
                if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
                if inFD >= 0 { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
                if poll(&fds, nfds_t(fds.count), -1) < 0 {
                    if errno == EINTR { continue }
                    break
                }
                for p in fds where p.revents != 0 {
                    if p.fd == inFD {
                        let n = input.withUnsafeBytes { write(p.fd, $0.baseAddress! + written, $0.count - written) }
                        if n > 0 { written += n }
                        if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                        // Done, or the process closed its input (EPIPE): either way nothing more goes in.
                        if n < 0 { inputBroken = true }
                        if n < 0 || written == input.count { close(inFD); inFD = -1 }
                        continue
                    }
                    let n = chunk.withUnsafeMutableBytes { read(p.fd, $0.baseAddress!, $0.count) }
                    if n < 0 && errno == EINTR { continue }
                    if n > 0 {
                        if p.fd == outFD { out += chunk[0..<n] } else { err += chunk[0..<n] }
                    } else if p.fd == outFD {
                        close(outFD); outFD = -1
                    } else {
                        close(errFD); errFD = -1
                    }
                }
            }
            // Outputs that the child shares with this process (a pager) were not read
            // above: what is left is its input, written to the end or until it closes it.
            if inFD >= 0 {
                _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) & ~O_NONBLOCK)
                while written < input.count {
                    let n = input.withUnsafeBytes { write(inFD, $0.baseAddress! + written, $0.count - written) }
                    if n > 0 { written += n; continue }
                    if n < 0 && errno == EINTR { continue }
                    inputBroken = n < 0
                    break
                }
            }
            for fd in [outFD, errFD, inFD] where fd >= 0 { close(fd) }
            (outFD, errFD, inFD) = (-1, -1, -1)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            // WIFEXITED / WEXITSTATUS, and 128 + the signal as a shell reports it.
            let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            return ProcessOutcome(code: code, out: out, err: err, written: written, inputBroken: inputBroken)
        }

        /// A child that is dropped without `finish` gets no input, and is waited for.
        deinit { if !finished { _ = finish(input: []) } }
    }

    /// Starts `argv` (its first element found on PATH) with the environment `envp`, its
    /// standard input a pipe when `takesInput` (fed by `Child.finish`), /dev/null otherwise.
    /// It gets the default signal handling and an empty mask, whatever this process set.
    /// With `sharesOutput`, the child writes to this process's standard output and error.
    static func start(_ argv: [String], _ envp: [String], takesInput: Bool, sharesOutput: Bool = false) -> Swift.Result<Child, SpawnFailure> {
        // Pipes: [read, write]; close-on-exec, so that no other child inherits them.
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        func closeAll() { for fd in outPipe + errPipe + inPipe where fd >= 0 { close(fd) } }
        // One spawn at a time: a child started by another thread between `pipe` and
        // `FD_CLOEXEC` would hold this one's pipe open.
        spawnLock.lock()
        guard sharesOutput || makePipe(&outPipe), sharesOutput || makePipe(&errPipe), !takesInput || makePipe(&inPipe) else {
            let why = Platform.errorText(errno)
            spawnLock.unlock()
            closeAll()
            return .failure(SpawnFailure(why: why))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if takesInput {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if !sharesOutput {
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        }
        // git gets the default signal handling and mask, whatever this process set.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), pipeOnly = sigset_t()
        sigemptyset(&none)
        sigemptyset(&pipeOnly)
        sigaddset(&pipeOnly, SIGPIPE)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &pipeOnly)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = withCStrings(argv) { a in withCStrings(envp) { e in posix_spawnp(&pid, argv[0], &actions, &attr, a, e) } }
        // The child's ends are the child's now.
        if !sharesOutput {
            close(outPipe[1]); outPipe[1] = -1
            close(errPipe[1]); errPipe[1] = -1
        }
        if takesInput { close(inPipe[0]); inPipe[0] = -1 }
        spawnLock.unlock()
        guard spawned == 0 else {
            closeAll()
            return .failure(SpawnFailure(why: Platform.errorText(spawned)))
        }
        return .success(Child(pid: pid, outFD: outPipe[0], errFD: errPipe[0], inFD: inPipe[1]))
    }

    /// Runs the shell command `command` (`/bin/sh -c`) with `input` as its standard input,
    /// writing to this process's standard output and error (a pager such as `less`), and
    /// waits for it. False when it could not be started.
    public static func feed(_ input: [UInt8], toShellCommand command: String) -> Bool {
        switch start(["/bin/sh", "-c", command], environmentEntries(), takesInput: true, sharesOutput: true) {
        case .success(let child): _ = child.finish(input: input); return true
        case .failure: return false
        }
    }

    /// A pipe whose ends close on exec.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static let spawnLock = Lock()

    /// `strings` as a NULL-terminated C array, for the duration of `body`.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        return body(pointers + [nil])
    }
}

extension Platform {
    /// A system error in the user's language: `strerror` speaks English only, so the
    /// errors a user meets have a Swedish text here; any other keeps the system's text.
    public static func errorText(_ code: Int32) -> Message {
        let en = String(cString: strerror(code))
        let sv: String
        switch code {
        case ENOENT: sv = "filen eller mappen finns inte"
        case EACCES, EPERM: sv = "åtkomst nekad"
        case ENOSPC: sv = "disken är full"
        case EDQUOT: sv = "diskkvoten är slut"
        case EROFS: sv = "filsystemet är skrivskyddat"
        case EISDIR: sv = "är en mapp"
        case ENOTDIR: sv = "en del av sökvägen är ingen mapp"
        case EEXIST: sv = "finns redan"
        case EIO: sv = "in- eller utmatningsfel"
        case EMFILE, ENFILE: sv = "för många öppna filer"
        case ENAMETOOLONG: sv = "för långt filnamn"
        case ELOOP: sv = "för många symboliska länkar i rad"
        case EBUSY, ETXTBSY: sv = "filen används"
        case EPIPE: sv = "mottagaren har stängt"
        case EXDEV: sv = "filen ligger på ett annat filsystem"
        case ENOEXEC: sv = "filen kan inte köras"
        default: sv = en
        }
        return Message(sv: sv, en: en)
    }
}

// MARK: Error codes

extension Platform {
    /// The code of the last failed system call (`errno`), for `errorText`.
    public static var lastError: Int32 { errno }

    /// Whether `code` says that a call was interrupted by a signal and is to be repeated.
    static func isInterrupted(_ code: Int32) -> Bool { code == EINTR }

    /// Whether `code` says that the reader of a pipe has gone (`| head`).
    public static func isBrokenPipe(_ code: Int32) -> Bool { code == EPIPE }

    /// Whether `code` says that permission was denied (the mode, or the owner, forbids it).
    static func isAccessDenied(_ code: Int32) -> Bool { code == EACCES || code == EPERM }
}

// MARK: Files

extension Platform {
    /// What a path names.
    public enum FileKind: Sendable {
        case regular, folder, link, fifo, characterDevice, blockDevice, socket, other
    }

    /// What `fileInfo` tells about a file.
    public struct FileInfo: Sendable {
        public let kind: FileKind
        /// The size in bytes (of a regular file; 0 or meaningless for others).
        public let size: Int
        /// The permission bits (`0o644`), kept when a file is replaced.
        public let permissions: UInt32
        /// Whether the permission bits let the owner write.
        public let ownerWritable: Bool
        /// The user id of the owner.
        public let owner: UInt32
    }

    /// The user id this process acts as (whose files git reads without asking).
    static var effectiveUser: UInt32 { UInt32(geteuid()) }

    /// The processors this process may use: those it may run on (`Cpus_allowed` in
    /// /proc/self/status, else every online one), at most its CPU quota (cgroup v2
    /// `cpu.max`, v1 `cpu.cfs_quota_us` over `cpu.cfs_period_us`, rounded up). Read with a
    /// few system calls: Foundation's `activeProcessorCount` costs about half a millisecond
    /// of start-up.
    static func usableProcessors() -> Int {
        func text(_ path: String, _ size: Int) -> String? {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return nil }
            defer { _ = closeFile(fd) }
            var buffer = [UInt8](repeating: 0, count: size)
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, size) }
            return got > 0 ? String(decoding: buffer[0..<got], as: UTF8.self) : nil
        }
        func numbers(_ path: String) -> [Int]? {
            text(path, 64)?.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Int($0) ?? -1 }
        }
        var n = 0
        if let status = text("/proc/self/status", 8192),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            for c in line.dropFirst(13).unicodeScalars {
                if let digit = UInt8(String(c), radix: 16) { n += digit.nonzeroBitCount }
            }
        }
        if n <= 0 { n = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
        var quota: Int?
        if let v2 = numbers("/sys/fs/cgroup/cpu.max"), v2.count == 2, v2[0] > 0, v2[1] > 0 {
            quota = (v2[0] + v2[1] - 1) / v2[1]
        } else if let q = numbers("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")?.first, q > 0,
                  let p = numbers("/sys/fs/cgroup/cpu/cpu.cfs_period_us")?.first, p > 0 {
            quota = (q + p - 1) / p
        }
        if let quota { n = min(n, quota) }
        return max(1, n)
    }

    private static func info(_ st: stat) -> FileInfo {
        let kind: FileKind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .link
        case S_IFIFO: kind = .fifo
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFSOCK: kind = .socket
        default: kind = .other
        }
        return FileInfo(kind: kind, size: Int(st.st_size), permissions: UInt32(st.st_mode & 0o7777),
                        ownerWritable: st.st_mode & S_IWUSR != 0, owner: UInt32(st.st_uid))
    }

    /// What is at `path`: with `followLinks` (the default) what a link points to, else the
    /// link itself. Nil when nothing is there or it cannot be looked at.
    public static func fileInfo(_ path: String, followLinks: Bool = true) -> FileInfo? {
        var st = stat()
        guard (followLinks ? stat(path, &st) : lstat(path, &st)) == 0 else { return nil }
        return info(st)
    }

    /// What the open file `fd` is.
    static func fileInfo(_ fd: FD) -> FileInfo? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return info(st)
    }

    /// Opens `path` for reading without waiting for anything (a FIFO's open does not wait
    /// for a writer). Nil on an error, whose code is `lastError`.
    static func openRead(_ path: String) -> FD? {
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        return fd >= 0 ? fd : nil
    }

    /// Makes reads of `fd` (opened by `openRead`) wait for data.
    static func setBlocking(_ fd: FD) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    }

    /// Opens an existing `path` (a device, a FIFO) for writing. Nil on an error.
    static func openWrite(_ path: String) -> FD? {
        let fd = open(path, O_WRONLY)
        return fd >= 0 ? fd : nil
    }

    static func close(_ fd: FD) { _ = closeFile(fd) }

    /// Reads up to `count` bytes at `offset` into `buffer`, not moving the file's position:
    /// several threads may read one file at once. The count read, 0 at the end, -1 on an
    /// error (`lastError`).
    static func readAt(_ fd: FD, _ buffer: UnsafeMutableRawPointer, _ count: Int, offset: Int) -> Int {
        pread(fd, buffer, count, off_t(offset))
    }

    /// `readAt` until `count` bytes are read, the file ends or an error other than an
    /// interruption: how many were read.
    static func readFully(_ fd: FD, _ buffer: UnsafeMutableRawPointer, _ count: Int, offset: Int) -> Int {
        var done = 0
        while done < count {
            let n = readAt(fd, buffer + done, count - done, offset: offset + done)
            if n < 0 && isInterrupted(lastError) { continue }
            if n <= 0 { break }
            done += n
        }
        return done
    }

    /// Reads up to `count` bytes at the file's position: the count, 0 at the end, -1 on an
    /// error (`lastError`).
    static func readSome(_ fd: FD, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        read(fd, buffer, count)
    }

    /// Moves the file's position to `offset` from its start.
    static func seek(_ fd: FD, to offset: Int) { _ = lseek(fd, off_t(offset), SEEK_SET) }

    /// Writes all of `buf` to `fd`; false on an error, whose code is `lastError`.
    /// Writes the UTF-8 bytes of `text`, straight from the string's storage (a large report
    /// is not copied again); false on error (see `lastError`).
    public static func writeAll(_ fd: FD, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }

    public static func writeAll(_ fd: FD, _ buf: UnsafeRawBufferPointer) -> Bool {
        var off = 0
        while off < buf.count {
            let n = write(fd, buf.baseAddress! + off, buf.count - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    /// Whether this process may write `path` (root may write a file whose mode forbids it).
    static func canWrite(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// The absolute path with every link resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The names in `folder`, hidden ones too (without "." and ".."); nil when it cannot be read.
    static func folderEntries(_ folder: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes the file `path`; false when it could not be removed.
    static func remove(_ path: String) -> Bool { unlink(path) == 0 }

    /// Where `atomicReplace` failed: creating the temporary file (nothing was written), or
    /// writing, syncing or renaming it (it is removed again). `code` is for `errorText`.
    struct ReplaceFailure: Error {
        enum Stage { case create, write }
        let stage: Stage
        let code: Int32
    }

    /// Replaces `path` by a new file whose bytes `body` writes to the descriptor it is given
    /// (false on an error): it is written as `temporary` (a new file in `folder`, the folder
    /// of `path`) with the permission bits `mode`, synced to disk, renamed over `path`, and
    /// the rename synced. On a failure the temporary file is removed and `path` is untouched.
    static func atomicReplace(_ path: String, temporary: String, folder: String, mode: UInt32,
                              _ body: (FD) -> Bool) throws(ReplaceFailure) {
        try prepareReplacement(temporary: temporary, mode: mode, body)
        try replace(path, with: temporary)
        syncFolder(folder)
    }

    /// The first step of `atomicReplace`: the temporary file written by `body`, synced to
    /// disk and given `mode`. On failure it is removed.
    static func prepareReplacement(temporary: String, mode: UInt32, _ body: (FD) -> Bool) throws(ReplaceFailure) {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        guard fd >= 0 else { throw ReplaceFailure(stage: .create, code: errno) }
        var ok = body(fd)
        if ok { ok = fsync(fd) == 0 }
        let err = errno
        if fchmod(fd, mode_t(mode)) != 0 { ok = false }
        close(fd)
        guard ok else {
            unlink(temporary)
            throw ReplaceFailure(stage: .write, code: err)
        }
    }

    /// The second step: the temporary file renamed over `path` (removed if that fails).
    static func replace(_ path: String, with temporary: String) throws(ReplaceFailure) {
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw ReplaceFailure(stage: .write, code: code)
        }
    }

    /// The last step: the folder synced, so that its renames are durable.
    static func syncFolder(_ folder: String) {
        let dfd = open(folder, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}

// MARK: Processes and bytes

extension Platform {
    /// This process's id.
    static var processID: ProcessID { getpid() }

    /// Whether no process `pid` runs (any more): false when it runs or cannot be asked.
    static func processIsGone(_ pid: ProcessID) -> Bool { kill(pid, 0) != 0 && errno == ESRCH }

    /// The CPU time (user + system, seconds) and the largest resident size (KiB) of the
    /// child processes waited for so far. For sakerhet-bench's measurements only.
    public static func childProcessUsage() -> (cpuSeconds: Double, maxResidentKiB: Int) {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss)
    }

    /// This process's resident size now, in KiB (`/proc/self/statm`), or nil where
    /// there is no such file. For sakerhet-bench's profile only.
    public static func residentKiB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let parts = text.split(separator: " ")
        guard parts.count > 1, let pages = Int(parts[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    /// The offset of the first `byte` in the `count` bytes at `base`, or nil (memchr: C's
    /// vectorised search, the fastest way to find line ends).
    @inline(__always)
    static func firstByte(_ byte: UInt8, in base: UnsafeRawPointer, count: Int) -> Int? {
        guard let p = memchr(base, Int32(byte), count) else { return nil }
        return base.distance(to: UnsafeRawPointer(p))
    }

    /// The offset of the first place where the `needleCount` bytes at `needle` occur in
    /// the `count` bytes at `base`, or nil: `memchr` for the needle's byte at `key` (best
    /// the one rarest in the text searched), then `memcmp`. (memmem is not in every C
    /// library's headers.)
    static func firstRun(_ needle: UnsafeRawPointer, _ needleCount: Int, key: Int, in base: UnsafeRawPointer, count: Int) -> Int? {
        guard needleCount > 0, needleCount <= count, key >= 0, key < needleCount else { return nil }
        let byte = needle.load(fromByteOffset: key, as: UInt8.self)
        // `at` is where the key byte may be next; a run starts `key` bytes before it.
        var at = key
        let last = count - (needleCount - key)
        while at <= last, let i = firstByte(byte, in: base + at, count: last + 1 - at) {
            let start = at + i - key
            if bytesEqual(base + start, needle, count: needleCount) { return start }
            at += i + 1
        }
        return nil
    }

    /// Whether the `count` bytes at `a` and at `b` are the same. Up to 16 bytes (a status
    /// word, an id) by two loads that may overlap, without a call; longer by memcmp.
    @inline(__always)
    static func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Bool {
        switch count {
        case 8...16:
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        case 4..<8:
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        case 0..<4:
            for i in 0..<count where a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            return true
        default:
            return memcmp(a, b, count) == 0
        }
    }
}

/// close(2), which `Platform.close` hides by name inside `Platform`.
private func closeFile(_ fd: Int32) -> Int32 { close(fd) }

extension Platform {
    /// One timed run of a program, for the benchmark.
    public struct TimedRun: Sendable {
        public let status: Int32
        /// Wall clock from just before the start to the end of the process.
        public let seconds: Double
        /// User and system time of the process (no peak RSS: for a child started by
        /// vfork, Linux reports the parent's).
        public let cpuSeconds: Double
    }

    /// Runs `path ARGS` in `directory` (this process's own when nil) with this process's
    /// environment, standard input from /dev/null and its output to the files `stdout` and
    /// `stderr`, and times it: started with `posix_spawn`, waited for with `wait4`, with no
    /// other process in between (no `time`, no `timeout`). Nil when it cannot start.
    public static func timedRun(_ path: String, _ args: [String], in directory: String? = nil, stdout: String,
                                stderr: String) -> TimedRun? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // The child starts in `directory`: this process moves there for the spawn and back.
        var previous: String?
        if let directory {
            guard let here = getcwd(nil, 0) else { return nil }
            previous = String(cString: here)
            free(here)
            guard chdir(directory) == 0 else { return nil }
        }
        defer { if let previous { _ = chdir(previous) } }
        var pid: pid_t = 0
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let spawned = withCStrings([path] + args) { a in posix_spawn(&pid, path, &actions, nil, a, environ) }
        guard spawned == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        clock_gettime(CLOCK_MONOTONIC, &end)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let wall = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        return TimedRun(status: code, seconds: wall, cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime))
    }
}

extension Platform {
    /// A mutual-exclusion lock (a pthread mutex): Foundation's `NSLock` is not in
    /// `FoundationEssentials` (see Support/StringOps.swift for why only that is imported).
    public final class Lock: @unchecked Sendable {
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>

        public init() {
            mutex = .allocate(capacity: 1)
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
        }

        deinit {
            pthread_mutex_destroy(mutex)
            mutex.deallocate()
        }

        public func lock() { pthread_mutex_lock(mutex) }
        public func unlock() { pthread_mutex_unlock(mutex) }
    }

    /// Waits `seconds` (at least a microsecond).
    static func sleep(seconds: Double) {
        usleep(useconds_t(max(1, min(seconds, 60) * 1_000_000)))
    }

    /// True when `path` is a folder (a link to one counts).
    public static func isFolder(_ path: String) -> Bool { fileInfo(path)?.kind == .folder }

    /// The files under `folder` whose names `wanted` accepts, relative to it, in no
    /// particular order: sub-folders are entered (not through links), hidden names (".")
    /// are skipped with everything under them, and a folder is never a file.
    static func files(under folder: String, _ wanted: (String) -> Bool) -> [String] {
        var out: [String] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? folder : folder + "/" + relative
            for name in folderEntries(full) ?? [] where !name.hasPrefix(".") {
                let item = relative.isEmpty ? name : relative + "/" + name
                if fileInfo(folder + "/" + item, followLinks: false)?.kind == .folder {
                    walk(item)
                } else if wanted(name), let info = fileInfo(folder + "/" + item), info.kind != .folder {
                    out.append(item)
                }
            }
        }
        walk("")
        return out
    }

    /// Makes the folder `path` and any missing folder above it (`mkdir -p`). Returns 0, or
    /// the error (for `errorText`) of the first folder that could not be made.
    public static func makeFolders(_ path: String) -> Int32 {
        var made = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            made += "/" + part
            if mkdir(made, 0o755) == 0 { continue }
            let code = errno
            if code == EEXIST, isFolder(made) { continue }
            return code == EEXIST ? ENOTDIR : code
        }
        return 0
    }

    /// Ends this process with `code` (standard output flushed).
    public static func endProcess(_ code: Int32) -> Never { exit(code) }
}
