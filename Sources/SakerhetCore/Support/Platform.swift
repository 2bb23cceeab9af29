#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The few operating-system calls that are not plain Foundation: terminal queries, file
/// locks, signals and starting a process. A port to another system (Windows) is a change
/// to this file only; everything else uses Foundation.
public enum Platform {
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

    // MARK: File locks

    /// Tries to take an exclusive advisory lock on `fd` without waiting.
    static func tryLock(_ fd: Int32) -> Bool { flock(fd, LOCK_EX | LOCK_NB) == 0 }

    /// Releases the lock taken by `tryLock`.
    static func unlock(_ fd: Int32) { _ = flock(fd, LOCK_UN) }

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
        // Pipes: [read, write]; close-on-exec, so that no other child inherits them.
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        func closeAll() { for fd in outPipe + errPipe + inPipe where fd >= 0 { close(fd) } }
        // One spawn at a time: a child started by another thread between `pipe` and
        // `FD_CLOEXEC` would hold this one's pipe open.
        spawnLock.lock()
        guard makePipe(&outPipe), makePipe(&errPipe), input == nil || makePipe(&inPipe) else {
            let why = Platform.errorText(errno)
            spawnLock.unlock()
            closeAll()
            return .failure(SpawnFailure(why: why))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
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
        close(outPipe[1]); outPipe[1] = -1
        close(errPipe[1]); errPipe[1] = -1
        if input != nil { close(inPipe[0]); inPipe[0] = -1 }
        spawnLock.unlock()
        guard spawned == 0 else {
            closeAll()
            return .failure(SpawnFailure(why: Platform.errorText(spawned)))
        }

        var out: [UInt8] = [], err: [UInt8] = []
        var written = 0
        var inputBroken = false
        if let input, !input.isEmpty {
            _ = fcntl(inPipe[1], F_SETFL, fcntl(inPipe[1], F_GETFL) | O_NONBLOCK)
        } else if input != nil {
            close(inPipe[1]); inPipe[1] = -1
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        // Read both outputs and feed the input at once, so that no pipe fills up.
        while outPipe[0] >= 0 || errPipe[0] >= 0 {
            var fds: [pollfd] = []
            if outPipe[0] >= 0 { fds.append(pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0)) }
            if errPipe[0] >= 0 { fds.append(pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)) }
            if inPipe[1] >= 0 { fds.append(pollfd(fd: inPipe[1], events: Int16(POLLOUT), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for p in fds where p.revents != 0 {
                if p.fd == inPipe[1] {
                    let n = input!.withUnsafeBytes { write(p.fd, $0.baseAddress! + written, $0.count - written) }
                    if n > 0 { written += n }
                    if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    // Done, or git closed its input (EPIPE): either way nothing more goes in.
                    if n < 0 { inputBroken = true }
                    if n < 0 || written == input!.count { close(inPipe[1]); inPipe[1] = -1 }
                    continue
                }
                let n = chunk.withUnsafeMutableBytes { read(p.fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n > 0 {
                    if p.fd == outPipe[0] { out += chunk[0..<n] } else { err += chunk[0..<n] }
                } else if p.fd == outPipe[0] {
                    close(outPipe[0]); outPipe[0] = -1
                } else {
                    close(errPipe[0]); errPipe[0] = -1
                }
            }
        }
        closeAll()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, and 128 + the signal as a shell reports it.
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return .success(ProcessOutcome(code: code, out: out, err: err, written: written, inputBroken: inputBroken))
    }

    /// A pipe whose ends close on exec.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static let spawnLock = NSLock()

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
