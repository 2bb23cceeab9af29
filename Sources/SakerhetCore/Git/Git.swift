import FoundationEssentials

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
        try start(args, in: directory, takesInput: input != nil).finish(input: input)
    }

    /// A git process that runs while this one does other work (`start`).
    public final class Running {
        private let child: Platform.Child
        private let args: [String]

        fileprivate init(_ child: Platform.Child, _ args: [String]) { (self.child, self.args) = (child, args) }

        /// Feeds git `input` (nil: it reads /dev/null), reads its output to the end and
        /// waits for it, with the same outcome and errors as `Git.run`.
        public func finish(input: [UInt8]?) throws -> Result {
            let r = child.finish(input: input ?? [])
            let errText = String(decoding: r.err, as: UTF8.self)
            // git that failed says why on its standard error, which the caller shows; git that
            // succeeded without reading all of its input has failed too.
            if r.code == 0 && (r.inputBroken || (input != nil && r.written < input!.count)) {
                let said = errText.trimmingSpaces(newlines: true)
                let name = args.first ?? ""
                throw StoreError(sv: "git \(name) slutade läsa sin indata i förtid (slutkod \(r.code))" + (said.isEmpty ? "" : ": \(said)"),
                                 en: "git \(name) stopped reading its input early (exit code \(r.code))" + (said.isEmpty ? "" : ": \(said)"))
            }
            return Result(status: r.code, stdout: r.out, stderr: errText)
        }
    }

    /// Starts `git ARGS` in `directory` and returns at once: git starts up while the caller
    /// does other work, and `Running.finish` gives it its input (when `takesInput`) and
    /// collects its output. Throws when git cannot start.
    ///
    /// The process is started with `posix_spawnp` and waited for with `waitpid`, its pipes
    /// read to the end with `poll`: no thread, and no polling for its exit.
    public static func start(_ args: [String], in directory: String, takesInput: Bool) throws -> Running {
        Platform.ignoreBrokenPipesOnce
        let argv = ["git", "-C", directory] + args
        switch Platform.start(argv, environment, takesInput: takesInput) {
        case .failure(let e): throw cannotStart(e.why)
        case .success(let child): return Running(child, args)
        }
    }

    /// This process's environment, with git's output made plain: taken once per process.
    private static let environment: [String] = {
        let own = ["LC_ALL=C.UTF-8", "GIT_PAGER=cat"]
        return Platform.environmentEntries().filter { e in !own.contains { e.hasPrefix($0.prefix(while: { $0 != "=" }) + "=") } } + own
    }()

    private static func cannotStart(_ why: Message) -> StoreError {
        StoreError(sv: "kan inte starta git: \(why.sv); installera git", en: "cannot start git: \(why.en); install git")
    }

    /// The top of the work tree that holds `directory`, or nil outside a repository.
    public static func topLevel(of directory: String) -> String? {
        guard let r = try? run(["rev-parse", "--show-toplevel"], in: directory), r.status == 0 else { return nil }
        let s = r.text.trimmingSpaces(newlines: true)
        return s.isEmpty ? nil : s
    }

    /// Why the tool may not commit its edit of `file` (shown as `display`), or nil when it
    /// may: the file has changes that are not committed (staged or not), is not tracked, or
    /// is ignored. A commit of the file would take those in, under the tool's subject.
    public static func uncommittedState(of file: String, display: String) throws -> Message? {
        let dir = Path.parent(of: file)
        let name = Path.lastComponent(file)
        let r = try run(["--no-optional-locks", "status", "--porcelain", "--ignored", "--", name], in: dir.isEmpty ? "." : dir)
        guard r.status == 0 else {
            let why = r.stderr.trimmingSpaces(newlines: true)
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
        let name = Path.lastComponent(file)
        let add = try run(["add", "--", name], in: dir.isEmpty ? "." : dir)
        guard add.status == 0 else {
            throw StoreError(sv: "git add misslyckades: \(add.stderr)", en: "git add failed: \(add.stderr)")
        }
        let c = try run(["commit", "--quiet", "-m", message, "--", name], in: dir.isEmpty ? "." : dir)
        guard c.status == 0 else {
            throw StoreError(sv: "git commit misslyckades (ändringen är sparad men inte incheckad): \(c.stderr.trimmingSpaces(newlines: true))",
                             en: "git commit failed (the change is saved but not committed): \(c.stderr.trimmingSpaces(newlines: true))")
        }
    }
}
