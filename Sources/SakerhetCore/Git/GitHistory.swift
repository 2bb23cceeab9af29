import FoundationEssentials

/// Reads the history of a data folder from git with a fixed number of processes, however
/// many commits there are:
///
/// 1. The top of the work tree, the folder's prefix and whether the clone is shallow,
///    read from `.git` without starting git (`GitDiscovery`); `git rev-parse` only where
///    that is not plain (a `GIT_DIR` in the environment, a bare repository, a configured
///    work tree, another file system).
/// 2. One `git log --raw -z` over the data folder and every `*.rec` file (so that a file
///    renamed into the folder is followed back): commits, parents, author, commit date,
///    subject and the blob id of each changed file. Merges show their diff against the
///    first parent, so each commit's files follow from its first parent's. A revision is
///    dated by its committer date, when the change entered the history: the author date
///    is the one `git commit --date`, `--amend` and `rebase` keep from before, so a
///    deadline moved in June under a December author date would count as moved before
///    the period began.
/// 3. One `git cat-file --batch` fed every blob id needed. It is started together with
///    `git log`, so that it starts up while `git log` runs.
///
///    Steps 2 and 3 are read in this process, from the repository's object files, where
///    that is plain (`GitLocal`: a linear history, no mail map or replace refs, …); git is
///    started for anything else, and for what the files turn out not to answer.
/// 4. For the report, `git for-each-ref refs/tags` for version tags (annotated tags
///    only), started with the others, and only when the repository has tags at all; the
///    versions of `config.rec`'s `version` come from the same log and cat-file.
///
/// The versions are then parsed and diffed by `History.make`.
public enum GitHistory {
    /// The history of `folder`. `only` limits record changes to those ids; `workingTree`
    /// adds the uncommitted changes; `tags` reads the version tags (for the report).
    /// Throws `StoreError` when the folder is not in a git repository or git fails;
    /// messages name the folder as `display` (default: `folder`).
    public static func read(folder: String, display: String? = nil, only: Set<String>? = nil, workingTree: Bool = true,
                            tags: Bool = false) throws -> History {
        try begin(folder: folder, display: display, tags: tags).history(only: only, workingTree: workingTree)
    }

    /// Starts reading the history of `folder` and returns at once: git runs while the
    /// caller loads the data, and `Reading.history` collects it. Never throws: what goes
    /// wrong is thrown by `history`, so a caller that loads the data first still reports
    /// a bad data folder before a missing repository.
    public static func begin(folder: String, display: String? = nil, tags: Bool = false) -> Reading {
        Reading(folder: folder, display: display ?? folder, tags: tags, discovery: nil)
    }

    /// `begin`, or nil when the folder is surely in no repository (known without git).
    static func beginIfInRepository(folder: String, display: String? = nil, tags: Bool = false) -> Reading? {
        let discovery = GitDiscovery.discover(folder)
        if case .none = discovery { return nil }
        return Reading(folder: folder, display: display ?? folder, tags: tags, discovery: discovery)
    }

    /// A reading of the history begun by `begin`, its git processes running.
    public final class Reading {
        let folder: String
        let display: String
        let tags: Bool
        /// What was started, or why nothing could be.
        private let state: State

        enum State {
            case started(Started)
            case failed(Error)
        }

        struct Started {
            let repo: Repository
            /// The repository read in this process (`GitLocal`), when that is plain; then
            /// `log` and `catFile` are nil until it turns out not to be.
            let local: GitLocal?
            let log: Git.Running?
            let catFile: Git.Running?
            let tags: Git.Running?
        }

        /// `discovery`: what `GitDiscovery` found for `folder`, when the caller has asked already.
        init(folder: String, display: String, tags: Bool, discovery: GitDiscovery.Discovery?) {
            (self.folder, self.display, self.tags) = (folder, display, tags)
            func start() throws -> Started {
                guard Platform.isFolder(folder) else {
                    throw StoreError(sv: "datamappen \(display) finns inte; ange en annan med --data DIR",
                                     en: "the data folder \(display) does not exist; give another with --data DIR")
                }
                let repo = try repository(of: folder, display: display, discovery: discovery)
                let tagRun = tags && repo.mayHaveTags ? try Git.start(tagArguments, in: repo.top, takesInput: false) : nil
                if let local = GitLocal(repo) {
                    return Started(repo: repo, local: local, log: nil, catFile: nil, tags: tagRun)
                }
                // git log, cat-file (fed when the log is read) and for-each-ref start together.
                let log = try Git.start(logArguments(repo), in: repo.top, takesInput: false)
                let catFile = try Git.start(["cat-file", "--batch"], in: repo.top, takesInput: true)
                return Started(repo: repo, local: nil, log: log, catFile: catFile, tags: tagRun)
            }
            do { state = .started(try start()) } catch { state = .failed(error) }
        }

        /// The history: `only` limits record changes to those ids; `workingTree` adds the
        /// uncommitted changes. Call once.
        public func history(only: Set<String>? = nil, workingTree: Bool = true) throws -> History {
            switch state {
            case .failed(let error): throw error
            case .started(let s):
                return try GitHistory.history(s, folder: folder, display: display, only: only, workingTree: workingTree, tags: tags)
            }
        }
    }

    private static func history(_ s: Reading.Started, folder: String, display: String, only: Set<String>?, workingTree: Bool,
                                tags: Bool) throws -> History {
        let (repo, tagRun) = (s.repo, s.tags)
        // In this process where that is plain; git is started for what is not.
        let local = s.local
        let localCommits = local?.log()
        let commits = try localCommits ?? log(s.log ?? Git.start(logArguments(repo), in: repo.top, takesInput: false), repo,
                                              folder: folder, display: display)
        let plan = Plan(commits: commits, prefix: repo.prefix, boundary: repo.boundary)

        // Every blob of a kind's file (and, for versions, of config.rec), read in one go.
        let config = repo.prefix + "config.rec"
        var wanted: [String] = []
        var seen = Set<String>()
        for c in plan.commits {
            for (path, blob) in c.files where (plan.kinds[path] != nil || tags && path == config) && seen.insert(blob).inserted {
                wanted.append(blob)
            }
        }
        let blobs: BlobStore
        if localCommits != nil, let read = local?.blobs(wanted) {
            blobs = read
        } else {
            blobs = try BlobStore(ids: wanted, from: s.catFile ?? Git.start(["cat-file", "--batch"], in: repo.top, takesInput: true))
        }

        var input = HistoryInput(commits: plan.commits, kinds: plan.kinds, head: plan.commits.last?.revision.hash,
                                 isShallow: repo.isShallow)
        var extra: [String: [UInt8]] = [:]
        if workingTree {
            let head = plan.commits.last?.files ?? [:]
            var tree: [String: String] = [:]
            for (path, blob) in head where !repo.contains(path) { tree[path] = blob }
            for (path, kind) in files(in: folder) {
                let gitPath = repo.prefix + path
                let bytes = try Store.read(folder + "/" + path)
                input.kinds[gitPath] = kind
                if let blob = head[gitPath], blobs.equals(blob, bytes) {
                    tree[gitPath] = blob
                } else {
                    tree[gitPath] = "worktree:" + gitPath
                    extra["worktree:" + gitPath] = bytes
                }
            }
            input.workingTree = tree
        }
        if let tagRun { input.tags = try readTags(tagRun) }
        var history = History.make(input, only: only) { key in extra[key] ?? blobs.bytes(key) }
        if tags { history.versions = versions(plan.commits, config: config, blobs: blobs) }
        return history
    }

    /// The commits that changed `version` in `config.rec` (first-parent diff), oldest first.
    static func versions(_ commits: [HistoryCommit], config: String, blobs: BlobStore) -> [HistoryTag] {
        var out: [HistoryTag] = []
        var byCommit: [String: String] = [:]
        var byBlob: [String: String?] = [:]
        for c in commits {
            var version: String?
            if let blob = c.files[config] {
                if let known = byBlob[blob] { version = known } else {
                    version = blobs.bytes(blob).flatMap { Document(bytes: $0).records.first?.value("version") }
                    byBlob[blob] = .some(version)
                }
            }
            byCommit[c.revision.hash] = version ?? ""
            let before = c.parents.first.flatMap { byCommit[$0] } ?? ""
            guard let version, !version.isEmpty, version != before, !c.isBoundary else { continue }
            out.append(HistoryTag(name: version, commit: c.revision.hash, date: c.revision.date, author: c.revision.author,
                                  subject: c.revision.subject))
        }
        return out
    }

    // MARK: Repository

    struct Repository {
        let top: String
        /// The data folder relative to `top`, with a trailing slash; empty at the top.
        let prefix: String
        let isShallow: Bool
        /// The commits at the edge of a shallow clone.
        let boundary: Set<String>
        /// False when the repository surely has no tags (then `git for-each-ref` is not run).
        var mayHaveTags = true
        /// Whether it was found by reading `.git` rather than by `git rev-parse`.
        var isDiscovered = false
        /// The git folder and the common git folder (the same but in a linked work tree),
        /// when found by reading `.git`.
        var gitDir: String?
        var commonDir: String?

        func contains(_ path: String) -> Bool { prefix.isEmpty || path.hasPrefix(prefix) }
    }

    /// The repository of `folder`: read from `.git` where that is plain, from `git rev-parse`
    /// otherwise (which also says why a folder is not in a repository).
    static func repository(of folder: String, display: String, discovery: GitDiscovery.Discovery? = nil) throws -> Repository {
        switch discovery ?? GitDiscovery.discover(folder) {
        case .repository(let found): return found
        case .none: throw notARepository(display)
        case .unsure: return try revParse(folder, display: display)
        }
    }

    static func revParse(_ folder: String, display: String) throws -> Repository {
        let r = try Git.run(["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository", "--git-path", "shallow"], in: folder)
        if r.status == 127 {
            throw StoreError(sv: "git finns inte installerat; installera git för att läsa historiken",
                             en: "git is not installed; install git to read the history")
        }
        guard r.status == 0 else {
            if r.stderr.includes("not a git repository") {
                throw notARepository(display)
            }
            throw failed("git rev-parse", r)
        }
        let lines = r.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 4 else { throw failed("git rev-parse", r) }
        let shallow = lines[2] == "true"
        var boundary = Set<String>()
        if shallow {
            let path = lines[3].hasPrefix("/") ? lines[3] : folder + "/" + lines[3]
            if let bytes = try? Store.read(path) {
                for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                    boundary.insert(line.trimmingSpaces())
                }
            }
        }
        return Repository(top: lines[0], prefix: lines[1], isShallow: shallow, boundary: boundary)
    }

    /// The message for a folder outside any git repository.
    public static func notARepository(_ folder: String) -> StoreError {
        StoreError(sv: "\(folder) ligger inte i ett git-förråd, så det finns ingen historik; kör 'git init' och checka in datamappen",
                   en: "\(folder) is not in a git repository, so there is no history; run 'git init' and commit the data folder")
    }

    static func failed(_ what: String, _ r: Git.Result) -> StoreError {
        let why = r.stderr.trimmingSpaces(newlines: true)
        return StoreError(sv: "\(what) misslyckades (slutkod \(r.status)): \(why)", en: "\(what) failed (exit code \(r.status)): \(why)")
    }

    // MARK: Log

    struct RawCommit {
        var hash: String
        var parents: [String]
        var author: String
        var time: String
        var subject: String
        /// The author date (`%aI`), as `time` is written.
        var authored: String = ""
        var changes: [RawChange] = []
    }

    struct RawChange {
        /// `A`, `M`, `D`, `R`, `C`, `T`…
        var status: UInt8
        var newMode: String
        var newBlob: String
        var path: String
        /// The destination of a rename or copy.
        var destination: String?
    }

    /// `%cI`: the committer date (see above), `%aI` the author date for a commit without
    /// one (git prints `%cI` as it is then); `%aN`: who wrote the change.
    static func logArguments(_ repo: Repository) -> [String] {
        var args = ["-c", "log.showRoot=true", "-c", "log.showSignature=false", "log", "--reverse", "--topo-order",
                    "--full-history", "--parents", "--no-color", "--format=%x01%H%x00%P%x00%aN%x00%cI%x00%aI%x00%s%x00",
                    "--raw", "-z", "--no-abbrev", "--find-renames", "--diff-merges=first-parent", "--"]
        if repo.prefix.isEmpty {
            args.append(".")
        } else {
            args += [":(top,literal)" + String(repo.prefix.dropLast()), ":(top,glob)**/*.rec"]
        }
        return args
    }

    /// The commits from `git log` (`logArguments`), started before.
    static func log(_ run: Git.Running, _ repo: Repository, folder: String, display: String) throws -> [RawCommit] {
        let r = try run.finish(input: nil)
        guard r.status == 0 else {
            // A repository found by reading `.git` that git refuses (a repository of another
            // user, a broken one) is reported as git rev-parse reports it.
            if repo.isDiscovered { _ = try revParse(folder, display: display) }
            // A repository without commits has no history yet.
            let head = try Git.run(["rev-parse", "-q", "--verify", "HEAD"], in: repo.top)
            if head.status != 0 { return [] }
            throw failed("git log", r)
        }
        return parseLog(r.stdout)
    }

    /// Parses `git log --format=%x01%H%x00%P%x00%aN%x00%cI%x00%aI%x00%s%x00 --raw -z` output.
    static func parseLog(_ out: [UInt8]) -> [RawCommit] {
        var commits: [RawCommit] = []
        let n = out.count
        var i = 0
        func field() -> String {
            let start = i
            while i < n, out[i] != 0 { i += 1 }
            let s = String(decoding: out[start..<i], as: UTF8.self)
            if i < n { i += 1 }
            return s
        }
        while i < n {
            guard out[i] == 0x01 else { i += 1; continue }
            i += 1
            let hash = field(), parents = field(), author = field(), subject: String
            let committed = field()
            var authored = field()
            var time = Day(String(committed.prefix(10))) != nil ? committed : authored
            subject = field()
            // git 2.45 and later print UTC as `Z`; earlier ones, and the history read in
            // process, as `+00:00`: one form, whichever git is installed.
            if time.hasSuffix("Z") { time = String(time.dropLast()) + "+00:00" }
            if authored.hasSuffix("Z") { authored = String(authored.dropLast()) + "+00:00" }
            var c = RawCommit(hash: hash, parents: parents.split(separator: " ").map(String.init), author: author, time: time,
                              subject: subject, authored: authored)
            while i < n, out[i] != 0x01 {
                guard out[i] == UInt8(ascii: ":") else { i += 1; continue }
                i += 1
                // ":oldmode newmode oldsha newsha status\0path\0[path2\0]"
                let meta = field().split(separator: " ").map(String.init)
                guard meta.count >= 5, let status = meta[4].utf8.first else { continue }
                var change = RawChange(status: status, newMode: meta[1], newBlob: meta[3], path: field())
                if status == UInt8(ascii: "R") || status == UInt8(ascii: "C") { change.destination = field() }
                c.changes.append(change)
            }
            commits.append(c)
        }
        return commits
    }

    /// The commits with their full tracked files, and the kind of each tracked path.
    struct Plan {
        var commits: [HistoryCommit] = []
        var kinds: [String: Kind] = [:]

        init(commits raw: [RawCommit], prefix: String, boundary: Set<String>) {
            func inFolder(_ p: String) -> Bool { prefix.isEmpty || p.hasPrefix(prefix) }
            // Tracked: every path ever in the folder, and, back through renames, where it came from.
            var tracked = Set<String>()
            var renamedTo: [String: String] = [:]
            for c in raw {
                for ch in c.changes {
                    if inFolder(ch.path) { tracked.insert(ch.path) }
                    if let d = ch.destination {
                        if inFolder(d) { tracked.insert(d) }
                        if ch.status == UInt8(ascii: "R"), renamedTo[ch.path] == nil { renamedTo[ch.path] = d }
                    }
                }
            }
            var grew = true
            while grew {
                grew = false
                for (src, dst) in renamedTo where tracked.contains(dst) && !tracked.contains(src) {
                    tracked.insert(src)
                    grew = true
                }
            }
            let byName = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0.fileName, $0) })
            for path in tracked {
                var p = path
                var visited = Set<String>()
                while visited.insert(p).inserted {
                    if let k = byName[String(p.split(separator: "/").last ?? "")] { kinds[path] = k; break }
                    guard let next = renamedTo[p] else { break }
                    p = next
                }
            }

            var files: [String: [String: String]] = [:]
            commits.reserveCapacity(raw.count)
            for c in raw {
                let isBoundary = boundary.contains(c.hash)
                var state = isBoundary ? [:] : c.parents.first.flatMap { files[$0] } ?? [:]
                func set(_ path: String, _ mode: String, _ blob: String) {
                    guard tracked.contains(path) else { return }
                    // Regular files only: a symlink or submodule holds no records.
                    state[path] = mode.hasPrefix("100") ? blob : nil
                }
                for ch in c.changes {
                    switch ch.status {
                    case UInt8(ascii: "D"): state[ch.path] = nil
                    case UInt8(ascii: "R"):
                        state[ch.path] = nil
                        if let d = ch.destination { set(d, ch.newMode, ch.newBlob) }
                    case UInt8(ascii: "C"):
                        if let d = ch.destination { set(d, ch.newMode, ch.newBlob) }
                    case UInt8(ascii: "A"), UInt8(ascii: "M"), UInt8(ascii: "T"):
                        set(ch.path, ch.newMode, ch.newBlob)
                    default: break
                    }
                }
                files[c.hash] = state
                let day = Day(String(c.time.prefix(10))) ?? Day(ordinal: 0)
                let authoredDay = Day(String(c.authored.prefix(10)))
                commits.append(HistoryCommit(
                    revision: Revision(hash: c.hash, author: c.author, date: day, time: c.time, subject: c.subject,
                                       authored: authoredDay != nil && authoredDay != day ? c.authored : nil),
                    parents: isBoundary ? [] : c.parents, files: state, isBoundary: isBoundary))
            }
        }
    }

    // MARK: Blobs

    /// The output of one `git cat-file --batch`, indexed by blob id.
    struct BlobStore {
        private var buffer: [UInt8] = []
        private var ranges: [String: Range<Int>] = [:]

        /// An empty store, for `add`.
        init() {}

        /// Adds blob `id` (read in this process, `GitLocal.blobs`).
        mutating func add(_ id: String, _ bytes: [UInt8]) {
            let start = buffer.count
            buffer += bytes
            ranges[id] = start..<buffer.count
        }

        /// Feeds `ids` to `catFile`, a `git cat-file --batch` started before.
        init(ids: [String], from catFile: Git.Running) throws {
            guard !ids.isEmpty else { _ = try catFile.finish(input: []); return }
            var input: [UInt8] = []
            input.reserveCapacity(ids.count * 41)
            for id in ids { input += Array(id.utf8); input.append(0x0A) }
            let r = try catFile.finish(input: input)
            guard r.status == 0 else { throw GitHistory.failed("git cat-file", r) }
            buffer = r.stdout
            let n = buffer.count
            var i = 0
            while i < n {
                let start = i
                while i < n, buffer[i] != 0x0A { i += 1 }
                let header = String(decoding: buffer[start..<i], as: UTF8.self).split(separator: " ")
                i += 1
                // "<id> blob <size>" then the bytes and a newline; "<id> missing" otherwise.
                guard header.count == 3, let size = Int(header[2]), i + size <= n else { continue }
                ranges[String(header[0])] = i..<(i + size)
                i += size + 1
            }
        }

        func bytes(_ id: String) -> [UInt8]? { ranges[id].map { Array(buffer[$0]) } }

        func equals(_ id: String, _ bytes: [UInt8]) -> Bool {
            guard let r = ranges[id], r.count == bytes.count else { return false }
            return buffer[r].elementsEqual(bytes)
        }
    }

    // MARK: Working tree

    /// The files of `folder` (recursively, hidden ones skipped) named like a kind's file,
    /// relative to the folder.
    static func files(in folder: String) -> [(String, Kind)] {
        let byName = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0.fileName, $0) })
        return Platform.files(under: folder) { byName[$0] != nil }
            .map { ($0, byName[Path.lastComponent($0)]!) }.sorted { $0.0 < $1.0 }
    }

    // MARK: Tags

    static let tagArguments: [String] = {
        let format = ["%(refname:short)", "%(objecttype)", "%(objectname)", "%(*objectname)", "%(taggername)",
                      "%(taggerdate:iso-strict)", "%(contents:subject)", "%(authorname)", "%(authordate:iso-strict)",
                      "%(*objecttype)"].joined(separator: "%00")
        return ["for-each-ref", "--format=" + format, "refs/tags"]
    }()

    /// The version tags from `git for-each-ref` (`tagArguments`), started before.
    static func readTags(_ run: Git.Running) throws -> [HistoryTag] {
        let r = try run.finish(input: nil)
        guard r.status == 0 else { throw failed("git for-each-ref", r) }
        var tags: [HistoryTag] = []
        for line in r.text.split(separator: "\n") {
            let f = line.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 10 else { continue }
            // A version of the plan is an annotated tag (with its message); a lightweight
            // tag marks something else, such as a commit of the tool.
            let annotated = f[1] == "tag"
            guard annotated, f[9] == "commit" else { continue }
            let time = annotated ? f[5] : f[8]
            guard let day = Day(String(time.prefix(10))) else { continue }
            tags.append(HistoryTag(name: f[0], commit: annotated ? f[3] : f[2], date: day,
                                   author: annotated ? f[4] : f[7], subject: f[6]))
        }
        return tags
    }
}

extension HistoryReport {
    /// The history sections for `report`, or why they are left out (not a git
    /// repository, git missing or failing). Uncommitted changes are not read.
    public static func load(folder: String, display: String? = nil, period: FollowUp.Period, excluding: Set<String> = [],
                            isPublic: Bool = false, lang: Lang = .sv) -> Result<HistoryReport, StoreError> {
        loadWithBaselines(folder: folder, display: display, period: period, excluding: excluding, isPublic: isPublic, lang: lang).report
    }

    /// The same, and the baselines of the period from the same reading of git (empty when
    /// the history cannot be read).
    public static func loadWithBaselines(folder: String, display: String? = nil, period: FollowUp.Period, asOf: Day? = nil,
                                         excluding: Set<String> = [], isPublic: Bool = false, lang: Lang = .sv)
        -> (report: Result<HistoryReport, StoreError>, baselines: Baselines) {
        loadWithBaselines(GitHistory.begin(folder: folder, display: display, tags: true), period: period, asOf: asOf,
                          excluding: excluding, isPublic: isPublic, lang: lang)
    }

    /// The same from a reading begun with `GitHistory.begin(…, tags: true)` (git runs while
    /// the caller loads the data). Uncommitted changes are not read.
    public static func loadWithBaselines(_ reading: GitHistory.Reading, period: FollowUp.Period, asOf: Day? = nil,
                                         excluding: Set<String> = [], isPublic: Bool = false, lang: Lang = .sv)
        -> (report: Result<HistoryReport, StoreError>, baselines: Baselines) {
        do {
            let history = try reading.history(workingTree: false)
            return (.success(make(history, period: period, asOf: asOf, excluding: excluding, isPublic: isPublic, lang: lang)),
                    Baselines.make(history, periodStart: period.first, asOf: asOf))
        } catch let e as StoreError {
            return (.failure(e), Baselines())
        } catch {
            return (.failure(StoreError(sv: "historiken kunde inte läsas: \(error)", en: "the history could not be read: \(error)")), Baselines())
        }
    }
}

extension Baselines {
    /// The baselines for lists and `show`: read from git when the data folder is in a
    /// repository (one `git log` and one `git cat-file`), empty otherwise or when git fails.
    public static func load(folder: String, period: FollowUp.Period, asOf: Day? = nil) -> Baselines {
        load(begin(folder: folder), period: period, asOf: asOf)
    }

    /// Starts reading git for `load`: nil outside a repository, where no git process is
    /// started at all.
    public static func begin(folder: String) -> GitHistory.Reading? {
        GitHistory.beginIfInRepository(folder: folder)
    }

    /// The baselines from a reading begun with `begin` (git runs while the caller loads
    /// the data); empty without one or when git fails.
    public static func load(_ reading: GitHistory.Reading?, period: FollowUp.Period, asOf: Day? = nil) -> Baselines {
        guard let history = try? reading?.history(workingTree: false) else { return Baselines() }
        return make(history, periodStart: period.first, asOf: asOf)
    }
}
