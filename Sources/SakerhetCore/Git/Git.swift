import Foundation

/// Runs the `git` executable. The only place, with `Store`, that leaves the process.
public enum Git {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: [UInt8]
        public let stderr: String
        public var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `git ARGS` in `directory` and collects its output. Throws when git cannot
    /// start, or when it ends well without reading all of `input`. git that fails while
    /// reading its input (EPIPE here) gives its exit code and message, as any failure.
    ///
    /// The process is started with `posix_spawnp` and waited for with `waitpid`, its pipes
    /// read to the end with `poll`: no thread, and no polling for its exit.
    public static func run(_ args: [String], in directory: String, input: [UInt8]? = nil) throws -> Result {
        ignoreBrokenPipes
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        env["GIT_PAGER"] = "cat"
        let argv = ["git", "-C", directory] + args
        let envp = env.map { "\($0.key)=\($0.value)" }

        // Pipes: [read, write]; close-on-exec, so that no other child inherits them.
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1], inPipe: [Int32] = [-1, -1]
        func closeAll() { for fd in outPipe + errPipe + inPipe where fd >= 0 { close(fd) } }
        // One spawn at a time: a child started by another thread between `pipe` and
        // `FD_CLOEXEC` would hold this one's pipe open.
        spawnLock.lock()
        guard makePipe(&outPipe), makePipe(&errPipe), input == nil || makePipe(&inPipe) else {
            let why = String(cString: strerror(errno))
            spawnLock.unlock()
            closeAll()
            throw cannotStart(why)
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
        let spawned = withCStrings(argv) { a in withCStrings(envp) { e in posix_spawnp(&pid, "git", &actions, &attr, a, e) } }
        // The child's ends are the child's now.
        close(outPipe[1]); outPipe[1] = -1
        close(errPipe[1]); errPipe[1] = -1
        if input != nil { close(inPipe[0]); inPipe[0] = -1 }
        spawnLock.unlock()
        guard spawned == 0 else {
            closeAll()
            throw cannotStart(String(cString: strerror(spawned)))
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
        let errText = String(decoding: err, as: UTF8.self)
        // git that failed says why on its standard error, which the caller shows; git that
        // succeeded without reading all of its input has failed too.
        if code == 0 && (inputBroken || (input != nil && written < input!.count)) {
            let said = errText.trimmingCharacters(in: .whitespacesAndNewlines)
            let name = args.first ?? ""
            throw StoreError(sv: "git \(name) slutade läsa sin indata i förtid (slutkod \(code))" + (said.isEmpty ? "" : ": \(said)"),
                             en: "git \(name) stopped reading its input early (exit code \(code))" + (said.isEmpty ? "" : ": \(said)"))
        }
        return Result(status: code, stdout: out, stderr: errText)
    }

    /// A write to a pipe whose reader has gone is an error (EPIPE) to handle, not a signal
    /// that ends the process. The command sets this too; a library caller gets it here.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// A pipe whose ends close on exec.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static let spawnLock = NSLock()

    private static func cannotStart(_ why: String) -> StoreError {
        StoreError(sv: "kan inte starta git: \(why); installera git", en: "cannot start git: \(why); install git")
    }

    /// `strings` as a NULL-terminated C array, for the duration of `body`.
    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        return body(pointers + [nil])
    }

    /// The top of the work tree that holds `directory`, or nil outside a repository.
    public static func topLevel(of directory: String) -> String? {
        guard let r = try? run(["rev-parse", "--show-toplevel"], in: directory), r.status == 0 else { return nil }
        let s = r.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return s.isEmpty ? nil : s
    }

    /// Why the tool may not commit its edit of `file` (shown as `display`), or nil when it
    /// may: the file has changes that are not committed (staged or not), is not tracked, or
    /// is ignored. A commit of the file would take those in, under the tool's subject.
    public static func uncommittedState(of file: String, display: String) throws -> Message? {
        let dir = Path.parent(of: file)
        let name = (file as NSString).lastPathComponent
        let r = try run(["--no-optional-locks", "status", "--porcelain", "--ignored", "--", name], in: dir.isEmpty ? "." : dir)
        guard r.status == 0 else {
            let why = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            return Message(sv: "git status misslyckades för \(display): \(why)", en: "git status failed for \(display): \(why)")
        }
        let state = r.text.prefix(2)
        if state.isEmpty { return nil }
        if state == "??" {
            return Message(sv: "\(display) är inte incheckad i git; checka in den först (git add \(display) && git commit) eller utelämna --commit",
                           en: "\(display) is not committed to git; commit it first (git add \(display) && git commit) or leave out --commit")
        }
        if state == "!!" {
            return Message(sv: "\(display) ignoreras av git (.gitignore); ta bort den ur .gitignore eller utelämna --commit",
                           en: "\(display) is ignored by git (.gitignore); take it out of .gitignore or leave out --commit")
        }
        return Message(sv: "\(display) har ändringar som inte är incheckade, och --commit skulle ta med dem under fel beskrivning. Checka in dem först (git commit \(display)) eller återställ filen (git restore --staged --worktree \(display)), och försök igen",
                       en: "\(display) has changes that are not committed, and --commit would take them in under the wrong description. Commit them first (git commit \(display)) or restore the file (git restore --staged --worktree \(display)), then try again")
    }

    /// Commits exactly `file` (other staged changes stay staged and out of the commit),
    /// with the user's git identity.
    public static func commit(file: String, message: String) throws {
        let dir = Path.parent(of: file)
        guard topLevel(of: dir.isEmpty ? "." : dir) != nil else {
            throw StoreError(sv: "--commit: \(dir.isEmpty ? "." : dir) ligger inte i ett git-förråd; kör 'git init' eller utelämna --commit",
                             en: "--commit: \(dir.isEmpty ? "." : dir) is not in a git repository; run 'git init' or leave out --commit")
        }
        let name = (file as NSString).lastPathComponent
        let add = try run(["add", "--", name], in: dir.isEmpty ? "." : dir)
        guard add.status == 0 else {
            throw StoreError(sv: "git add misslyckades: \(add.stderr)", en: "git add failed: \(add.stderr)")
        }
        let c = try run(["commit", "--quiet", "-m", message, "--", name], in: dir.isEmpty ? "." : dir)
        guard c.status == 0 else {
            throw StoreError(sv: "git commit misslyckades (ändringen är sparad men inte incheckad): \(c.stderr.trimmingCharacters(in: .whitespacesAndNewlines))",
                             en: "git commit failed (the change is saved but not committed): \(c.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
