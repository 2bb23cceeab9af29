import FoundationEssentials

/// Finds the git repository of a data folder by reading `.git`, as git itself does, so
/// that reading the history needs no `git rev-parse` process. Only the plain cases are
/// answered here; every other case gives nil, and `git rev-parse` answers it:
///
/// - a variable in the environment that changes where git looks (`GIT_DIR`, `GIT_WORK_TREE`,
///   `GIT_CEILING_DIRECTORIES`, `GIT_NAMESPACE`, configuration given in the environment …);
/// - a bare repository, or a folder inside a `.git` folder, on the way up;
/// - a repository whose configuration names a work tree, includes other files or says
///   it is bare (a submodule, `core.worktree`);
/// - anything that cannot be read.
///
/// A linked work tree (`git worktree add`: `.git` is a file naming its git folder) is
/// plain: its shallow file and tags are in the common git folder. So is another file
/// system on the way up: git stops there, before it looks in the folder on the other side
/// ("not a git repository (or any parent up to mount point …)"), unless
/// `GIT_DISCOVERY_ACROSS_FILESYSTEM` says otherwise (above). A data folder on a network
/// share, a second disk or a tmpfs outside any repository is known to be in none without
/// starting git, which cost a command about 7 ms of waiting on this VM.
enum GitDiscovery {
    /// The variables that change how git finds the repository, its refs or its configuration.
    static let environment = ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES",
                              "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_NAMESPACE", "GIT_CONFIG_PARAMETERS",
                              "GIT_CONFIG_COUNT", "GIT_CONFIG", "GIT_OBJECT_DIRECTORY", "GIT_INDEX_FILE"]

    /// What reading `.git` tells about a folder.
    enum Discovery {
        /// The repository, as git would find it.
        case repository(GitHistory.Repository)
        /// Surely in no repository: no `.git` from the folder up to `/`, or up to where
        /// another file system begins (where git stops).
        case none
        /// Not plain: `git rev-parse` must say.
        case unsure
    }

    /// The repository of `folder`, as `git rev-parse --show-toplevel --show-prefix
    /// --is-shallow-repository` run in it would give it, when that is plain.
    static func discover(_ folder: String) -> Discovery {
        for name in environment where Platform.environment(name) != nil { return .unsure }
        guard let real = Platform.realPath(folder), let start = Platform.fileStatus(real), start.isDirectory else { return .unsure }
        var dir = real
        while true {
            guard let here = Platform.fileStatus(dir) else { return .unsure }
            // Another file system: git stops before looking here.
            if here.device != start.device { return .none }
            let dotGit = (dir == "/" ? "" : dir) + "/.git"
            if let entry = Platform.fileStatus(dotGit) {
                guard let gitDir = entry.isDirectory ? dotGit : gitDirectory(named: dotGit, in: dir),
                      let repo = repository(top: dir, folder: real, gitDir: gitDir) else { return .unsure }
                return .repository(repo)
            }
            // A bare repository (or a .git folder) on the way up: git would take it.
            if Platform.fileStatus(dir + "/HEAD") != nil && Platform.fileStatus(dir + "/objects")?.isDirectory == true {
                return .unsure
            }
            if dir == "/" { return .none }
            dir = Path.parent(of: dir)
        }
    }

    /// The git folder named by a `.git` file ("gitdir: PATH", relative to its folder).
    private static func gitDirectory(named file: String, in dir: String) -> String? {
        guard let text = read(file), text.hasPrefix("gitdir: ") else { return nil }
        let path = String(text.dropFirst(8)).trimmingNewline()
        guard !path.isEmpty else { return nil }
        return path.hasPrefix("/") ? path : (dir == "/" ? "" : dir) + "/" + path
    }

    private static func repository(top: String, folder: String, gitDir: String) -> GitHistory.Repository? {
        // A git folder has HEAD; git would look further up without it.
        guard Platform.fileStatus(gitDir + "/HEAD") != nil else { return nil }
        var common = gitDir
        if let text = read(gitDir + "/commondir") {
            let path = text.trimmingNewline()
            common = path.hasPrefix("/") ? path : gitDir + "/" + path
        }
        guard let config = read(common + "/config"), isPlain(config) else { return nil }
        if common != gitDir, let own = read(gitDir + "/config.worktree"), !isPlain(own) { return nil }

        let prefix = folder == top ? "" : String(folder.dropFirst(top == "/" ? 1 : top.count + 1)) + "/"
        // A shallow clone lists the commits at its edge in `shallow`.
        var boundary = Set<String>()
        let shallow = read(common + "/shallow")
        for line in (shallow ?? "").split(separator: "\n") { boundary.insert(line.trimmingSpaces()) }
        var repo = GitHistory.Repository(top: top, prefix: prefix, isShallow: shallow != nil, boundary: boundary)
        repo.mayHaveTags = mayHaveTags(common)
        repo.isDiscovered = true
        repo.gitDir = gitDir
        repo.commonDir = common
        return repo
    }

    /// Whether a configuration file leaves the work tree where `.git` is: no `worktree`
    /// setting, no `bare = true`, no included files.
    static func isPlain(_ config: String) -> Bool {
        for line in settings(config) {
            if line.hasPrefix("worktree") || line.hasPrefix("[include") { return false }
            if line.hasPrefix("bare") && line != "bare=false" && line != "bare=no" && line != "bare=off" && line != "bare=0" {
                return false
            }
        }
        return true
    }

    /// The lines of a git configuration file as they are compared here: in lower case,
    /// without blanks, comment lines left out.
    static func settings(_ config: String) -> [String] {
        config.utf8.split(separator: 0x0A).compactMap { raw in
            let line = String(decoding: raw.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }, as: UTF8.self).lowercased()
            return line.hasPrefix("#") || line.hasPrefix(";") ? nil : line
        }
    }

    /// False when the repository surely has no tag: no loose tag ref, no packed one, and
    /// refs in files (not in a reftable).
    static func mayHaveTags(_ common: String) -> Bool {
        if Platform.fileStatus(common + "/reftable") != nil { return true }
        if let packed = read(common + "/packed-refs"), packed.includes("refs/tags/") { return true }
        guard let tags = Platform.fileStatus(common + "/refs/tags") else { return false }
        guard tags.isDirectory, let entries = Platform.folderEntries(common + "/refs/tags") else { return true }
        return !entries.isEmpty
    }

    static func read(_ path: String) -> String? {
        guard let bytes = try? Store.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private extension String {
    /// Without the line ends at its end (`\n`, `\r\n`).
    func trimmingNewline() -> String {
        var bytes = Array(utf8)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
