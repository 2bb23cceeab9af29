/// The history of a data folder read in this process, from the repository's files, for the
/// plain case: what `git log` (`GitHistory.logArguments`) and `git cat-file --batch` would
/// give, without starting either (each start costs about 3–4 ms, more than the rest of a
/// list on a plan of 100 records).
///
/// Plain means that the answer cannot differ from git's:
/// - a repository found by reading `.git` (`GitDiscovery`), not shallow, SHA-1, with refs
///   in files, owned by this user (git asks `safe.directory` otherwise);
/// - no `GIT_…` variable in the environment but the identity, editor and network ones;
/// - nothing that changes what `git log` prints: no `.mailmap`, replace refs, grafts,
///   alternates, and no configuration of mail maps, output encoding, `log.follow`, diff
///   order, extensions or includes (in the repository's, the user's or the system's file);
/// - a linear history (no merges) whose commits name no encoding;
/// - no commit that both adds and removes a tracked file (git might pair them as a rename).
///
/// Everything else (and anything that cannot be read) gives nil, and git itself is asked.
/// `GitLocalTests` compares both on repositories built with git.
struct GitLocal {
    let objects: GitObjects
    let head: [UInt8]
    let prefix: String

    /// Variables that do not change what git reads: identity, editor, pager, network, tracing
    /// (on standard error). Any other `GIT_…` variable, or one added in a later git, sends
    /// the reading to git.
    static let harmlessEnvironment = ["GIT_AUTHOR_", "GIT_COMMITTER_", "GIT_SSL_", "GIT_SSH", "GIT_HTTP_", "GIT_ASKPASS",
                                      "GIT_PROXY_", "GIT_CURL_", "GIT_TERMINAL_PROMPT=", "GIT_EDITOR=", "GIT_SEQUENCE_EDITOR=",
                                      "GIT_PAGER=", "GIT_TRACE", "GIT_TEMPLATE_DIR=", "GIT_EXEC_PATH=", "GIT_MERGE_"]

    /// Configuration that may change `git log`'s output (matched in lower case, blanks removed):
    /// mail maps, encodings (`i18n.logOutputEncoding`, and `i18n.commitEncoding`, which the
    /// output falls back to), `log.follow`, a diff order, replace refs, includes, extensions
    /// (another hash, a reftable), work-tree settings, grafts.
    static let configWords = ["mailmap", "encoding", "follow", "orderfile", "usereplacerefs", "[include",
                              "[extensions", "objectformat", "refstorage", "worktree", "graft"]

    /// Reading `repo` in process, or nil when it is not plain (see above). `environment`:
    /// this process's (`NAME=value` entries), which says where the user's configuration is.
    init?(_ repo: GitHistory.Repository, environment: [String] = Platform.environmentEntries()) {
        guard repo.isDiscovered, !repo.isShallow, let gitDir = repo.gitDir, let common = repo.commonDir else { return nil }
        for entry in environment where entry.hasPrefix("GIT_") {
            guard GitLocal.harmlessEnvironment.contains(where: { entry.hasPrefix($0) }) else { return nil }
        }
        let me = Platform.effectiveUser
        for path in [repo.top, repo.top + "/.git", gitDir, common] {
            guard let info = Platform.fileInfo(path, followLinks: false), info.owner == me else { return nil }
        }
        for path in [repo.top + "/.mailmap", common + "/info/grafts", common + "/objects/info/alternates",
                     common + "/objects/info/http-alternates"] where Platform.fileInfo(path, followLinks: false) != nil {
            return nil
        }
        if let replace = Platform.folderEntries(common + "/refs/replace"), !replace.isEmpty { return nil }
        let packedRefs = GitDiscovery.read(common + "/packed-refs") ?? ""
        if packedRefs.includes("refs/replace/") { return nil }
        for file in GitLocal.configFiles(common: common, gitDir: gitDir, environment: environment) {
            guard let text = GitDiscovery.read(file) else { continue }
            let settings = GitDiscovery.settings(text)
            guard !settings.contains(where: { line in GitLocal.configWords.contains { line.includes($0) } }) else { return nil }
            // A repository format git does not read (it refuses version 2 and above).
            if let version = settings.first(where: { $0.hasPrefix("repositoryformatversion=") }),
               Int(version.dropFirst(24)).map({ $0 > 1 }) ?? true { return nil }
        }
        guard let head = GitLocal.resolveHEAD(gitDir: gitDir, common: common, packedRefs: packedRefs) else { return nil }
        self.objects = GitObjects(folder: common + "/objects")
        self.head = head
        self.prefix = repo.prefix
    }

    /// The configuration files git reads: the system's, the user's (`$XDG_CONFIG_HOME/git/config`,
    /// an empty `XDG_CONFIG_HOME` counting as unset, and `~/.gitconfig`) and the repository's.
    static func configFiles(common: String, gitDir: String, environment: [String]) -> [String] {
        func value(_ name: String) -> String? {
            environment.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
        }
        var files = ["/etc/gitconfig", common + "/config", gitDir + "/config.worktree"]
        let home = value("HOME")
        if let home { files.append(home + "/.gitconfig") }
        if let xdg = value("XDG_CONFIG_HOME"), !xdg.isEmpty {
            files.append(xdg + "/git/config")
        } else if let home {
            files.append(home + "/.config/git/config")
        }
        return files
    }

    /// The commit `HEAD` names: directly (detached) or through a branch, loose or packed.
    static func resolveHEAD(gitDir: String, common: String, packedRefs: String) -> [UInt8]? {
        guard var text = GitDiscovery.read(gitDir + "/HEAD") else { return nil }
        for _ in 0..<5 {
            let line = text.trimmingSpaces(newlines: true)
            if let id = GitObjects.id(hex: line) { return id }
            guard line.hasPrefix("ref: refs/") else { return nil }
            let name = String(line.dropFirst(5))
            guard plainParts(name) else { return nil }
            // Refs in the common git folder; a per-work-tree ref (`refs/bisect`, `refs/worktree`)
            // is not found there, and git is asked.
            if let loose = GitDiscovery.read(common + "/" + name) {
                text = loose
                continue
            }
            for entry in packedRefs.split(separator: "\n") where entry.hasSuffix(" " + name) {
                return GitObjects.id(hex: entry.prefix(40))
            }
            return nil
        }
        return nil
    }

    /// True when every `/`-separated part of a ref's name is a name: not empty, `.` or `..`.
    static func plainParts(_ name: String) -> Bool {
        var length = 0, dots = 0
        func plain() -> Bool { length > 0 && !(length == dots && dots <= 2) }
        for b in name.utf8 {
            if b == UInt8(ascii: "/") {
                guard plain() else { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if b == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return plain()
    }

    // MARK: The log

    /// The commits `git log` would print, oldest first; nil where git may print otherwise.
    func log() -> [GitHistory.RawCommit]? {
        // Newest first: a linear history from HEAD.
        var chain: [(id: [UInt8], commit: Commit)] = []
        var next: [UInt8]? = head
        var seen = Set<String>()
        while let id = next {
            guard seen.insert(GitObjects.hex(id)).inserted, let object = objects.object(id), object.kind == .commit,
                  let commit = Commit(object.data), commit.parents.count <= 1, !commit.hasEncoding else { return nil }
            chain.append((id, commit))
            next = commit.parents.first
        }
        var out: [GitHistory.RawCommit] = []
        var previousTree: [UInt8]? = nil
        var shown: String? = nil
        var trees = TreeDiff(local: self)
        for (id, commit) in chain.reversed() {
            var changes: [GitHistory.RawChange] = []
            guard trees.diff(previousTree, commit.tree, path: "", into: &changes) else { return nil }
            trees.nextCommit()
            previousTree = commit.tree
            if changes.isEmpty { continue }
            let added = changes.contains { $0.status == UInt8(ascii: "A") }, removed = changes.contains { $0.status == UInt8(ascii: "D") }
            guard !(added && removed), let author = Ident(commit.author), let subject = commit.subject else { return nil }
            // Dated as `GitHistory.logArguments` dates it: by the committer line, by the
            // author line in a commit without one.
            var time = author.time
            if let committer = commit.committer {
                guard let committed = Ident(committer) else { return nil }
                time = committed.time
            }
            let hash = GitObjects.hex(id)
            out.append(GitHistory.RawCommit(hash: hash, parents: shown.map { [$0] } ?? [], author: author.name, time: time,
                                            subject: subject, authored: author.time, changes: changes))
            shown = hash
        }
        return out
    }

    /// Whether `git log` with the data folder's path specification shows `path`:
    /// everything in the folder (`:(top,literal)data`) and every `*.rec` file anywhere
    /// (`:(top,glob)**/*.rec`); everything when the folder is the top.
    func tracks(_ path: String) -> Bool {
        if prefix.isEmpty { return true }
        // Bytes, as git compares paths: not Unicode's equivalence of `ä` and `a` + U+0308.
        let p = path.utf8, folder = prefix.utf8
        return p.starts(with: folder) || p.elementsEqual(folder.dropLast()) || p.reversed().starts(with: ".rec".utf8.reversed())
    }

    // MARK: Blobs

    /// The blobs `ids` (hexadecimal), as `git cat-file --batch` gives them; nil when one
    /// is missing or is not a blob.
    func blobs(_ ids: [String]) -> GitHistory.BlobStore? {
        var store = GitHistory.BlobStore()
        defer { objects.forgetKept() }
        for id in ids {
            guard let object = objects.object(hex: id), object.kind == .blob else { return nil }
            store.add(id, object.data)
        }
        return store
    }
}

/// The diffs of a chain of commits, each against the one before it.
struct TreeDiff {
    let local: GitLocal
    private var previous: [String: [TreeEntry]] = [:]
    private var current: [String: [TreeEntry]] = [:]

    init(local: GitLocal) { self.local = local }

    /// The changed files between two trees (nil: none), recursively, as `git log --raw`
    /// lists them (in tree order); false when a tree cannot be read or a submodule changed.
    mutating func diff(_ old: [UInt8]?, _ new: [UInt8]?, path: String, into changes: inout [GitHistory.RawChange]) -> Bool {
        // A path longer than any file system allows: a broken repository.
        guard path.utf8.count < 4096, let a = entries(old), let b = entries(new) else { return false }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let order = i == a.count ? 1 : j == b.count ? -1 : TreeEntry.order(a[i], b[j])
            if order < 0 {
                guard alone(a[i], added: false, path, &changes) else { return false }
                i += 1
            } else if order > 0 {
                guard alone(b[j], added: true, path, &changes) else { return false }
                j += 1
            } else {
                let (x, y) = (a[i], b[j])
                if x.isTree && y.isTree {
                    if x.id != y.id, !diff(x.id, y.id, path: path + x.name + "/", into: &changes) { return false }
                } else if x.id != y.id || x.mode != y.mode {
                    let full = path + x.name
                    if local.tracks(full) {
                        guard !x.isSubmodule, !y.isSubmodule else { return false }
                        let type = x.mode & 0o170000 != y.mode & 0o170000
                        changes.append(GitHistory.RawChange(status: UInt8(ascii: type ? "T" : "M"), newMode: TreeEntry.octal(y.mode),
                                                            newBlob: GitObjects.hex(y.id), path: full))
                    }
                }
                i += 1
                j += 1
            }
        }
        return true
    }

    /// An entry only in the new tree (`added`) or only in the old: every file under it is
    /// added (`A`) or deleted (`D`).
    private mutating func alone(_ e: TreeEntry, added: Bool, _ path: String, _ changes: inout [GitHistory.RawChange]) -> Bool {
        if e.isTree { return diff(added ? nil : e.id, added ? e.id : nil, path: path + e.name + "/", into: &changes) }
        let full = path + e.name
        guard local.tracks(full) else { return true }
        guard !e.isSubmodule else { return false }
        changes.append(added
            ? GitHistory.RawChange(status: UInt8(ascii: "A"), newMode: TreeEntry.octal(e.mode), newBlob: GitObjects.hex(e.id), path: full)
            : GitHistory.RawChange(status: UInt8(ascii: "D"), newMode: "000000", newBlob: String(repeating: "0", count: 40), path: full))
        return true
    }

    /// The entries of `tree` (nil: none); nil when it cannot be read. A tree read for one
    /// commit is kept for the next, whose diff has it on the old side.
    private mutating func entries(_ tree: [UInt8]?) -> [TreeEntry]? {
        guard let tree else { return [] }
        let key = GitObjects.hex(tree)
        if let known = current[key] ?? previous[key] {
            current[key] = known
            return known
        }
        guard let object = local.objects.object(tree), object.kind == .tree, let parsed = TreeEntry.parse(object.data) else { return nil }
        current[key] = parsed
        return parsed
    }

    /// Done with a commit: only its trees are kept.
    mutating func nextCommit() {
        previous = current
        current = [:]
    }
}

/// One entry of a tree object: `<octal mode> <name>\0<20-byte id>`.
struct TreeEntry {
    let mode: Int
    let name: String
    let id: [UInt8]
    /// The name's bytes, for git's order.
    let nameBytes: ArraySlice<UInt8>

    var isTree: Bool { mode == 0o040000 }
    var isSubmodule: Bool { mode == 0o160000 }

    /// The entries of a tree object, modes made canonical as git reads them; nil when broken.
    static func parse(_ data: [UInt8]) -> [TreeEntry]? {
        var out: [TreeEntry] = []
        var i = 0
        while i < data.count {
            var mode = 0
            while i < data.count, data[i] != 0x20 {
                guard data[i] >= 0x30, data[i] <= 0x37, mode < 0o1000000 else { return nil }
                mode = mode * 8 + Int(data[i] - 0x30)
                i += 1
            }
            i += 1
            let start = i
            while i < data.count, data[i] != 0 { i += 1 }
            guard i > start, i + 21 <= data.count else { return nil }
            let name = data[start..<i]
            out.append(TreeEntry(mode: canonical(mode), name: String(decoding: name, as: UTF8.self), id: Array(data[(i + 1)..<(i + 21)]),
                                 nameBytes: name))
            i += 21
        }
        return out
    }

    /// git's `canon_mode`: a regular file is 100644 or 100755, a link 120000, a folder 40000,
    /// anything else a submodule.
    static func canonical(_ mode: Int) -> Int {
        switch mode & 0o170000 {
        case 0o100000: return mode & 0o111 != 0 ? 0o100755 : 0o100644
        case 0o120000: return 0o120000
        case 0o040000: return 0o040000
        default: return 0o160000
        }
    }

    /// The mode as `git log --raw` prints it: six octal digits.
    static func octal(_ mode: Int) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// git's `base_name_compare`: names by their bytes, a folder's name as if it ended in `/`.
    static func order(_ a: TreeEntry, _ b: TreeEntry) -> Int {
        var x = a.nameBytes.startIndex, y = b.nameBytes.startIndex
        while x < a.nameBytes.endIndex, y < b.nameBytes.endIndex {
            let (c, d) = (a.nameBytes[x], b.nameBytes[y])
            if c != d { return c < d ? -1 : 1 }
            x += 1
            y += 1
        }
        let c: UInt8 = x < a.nameBytes.endIndex ? a.nameBytes[x] : a.isTree ? 0x2F : 0
        let d: UInt8 = y < b.nameBytes.endIndex ? b.nameBytes[y] : b.isTree ? 0x2F : 0
        return c == d ? 0 : c < d ? -1 : 1
    }
}

/// What `git log` reads of a commit object.
struct Commit {
    let tree: [UInt8]
    let parents: [[UInt8]]
    /// The author line after `author `.
    let author: ArraySlice<UInt8>
    /// The committer line after `committer `; nil in a commit without one.
    let committer: ArraySlice<UInt8>?
    let hasEncoding: Bool
    /// The message: everything after the blank line that ends the headers.
    let message: ArraySlice<UInt8>

    init?(_ data: [UInt8]) {
        var tree: [UInt8]?
        var parents: [[UInt8]] = []
        var author: ArraySlice<UInt8>?
        var committer: ArraySlice<UInt8>?
        var encoding = false
        var i = 0
        var first = true
        // git reads the tree on the first line and the parents on the lines right after it;
        // a commit written otherwise is left to git.
        var parentsMayFollow = true
        while true {
            guard i < data.count else { return nil }
            let end = data[i...].firstIndex(of: 0x0A) ?? data.count
            let line = data[i..<end]
            i = end + 1
            if line.isEmpty { break }
            defer { first = false }
            if line.starts(with: "tree ".utf8) {
                guard first, let id = GitObjects.id(hex: String(decoding: line.dropFirst(5), as: UTF8.self)) else { return nil }
                tree = id
                continue
            }
            guard !first else { return nil }
            if line.starts(with: "parent ".utf8) {
                guard parentsMayFollow, let id = GitObjects.id(hex: String(decoding: line.dropFirst(7), as: UTF8.self)) else { return nil }
                parents.append(id)
                continue
            }
            parentsMayFollow = false
            if line.starts(with: "author ".utf8) {
                guard author == nil else { return nil }
                author = line.dropFirst(7)
            } else if line.starts(with: "committer ".utf8) {
                guard committer == nil else { return nil }
                committer = line.dropFirst(10)
            } else if line.starts(with: "encoding ".utf8) {
                encoding = true
            }
        }
        guard let tree, let author else { return nil }
        self.tree = tree
        self.parents = parents
        self.author = author
        self.committer = committer
        self.hasEncoding = encoding
        self.message = data[min(i, data.count)...]
    }

    /// git's `%s`: the first paragraph after any blank lines, its lines joined by a space,
    /// each without its trailing white space. Nil for a message with a NUL byte (git
    /// stops reading there).
    var subject: String? {
        guard !message.contains(0) else { return nil }
        var lines: [ArraySlice<UInt8>] = []
        var i = message.startIndex
        var started = false
        while i < message.endIndex {
            let end = message[i...].firstIndex(of: 0x0A).map { $0 + 1 } ?? message.endIndex
            var line = message[i..<end]
            i = end
            while let last = line.last, Commit.isSpace(last) { line = line.dropLast() }
            if line.isEmpty {
                if started { break }
                continue
            }
            started = true
            lines.append(line)
        }
        // The lines' bytes joined, then one string: `joined(separator:)` over strings is
        // generic, and its first call scanned the binary's conformances.
        var subject: [UInt8] = []
        for (k, line) in lines.enumerated() {
            if k > 0 { subject.append(0x20) }
            subject += line
        }
        return String(decoding: subject, as: UTF8.self)
    }

    /// git's own `isspace`: tab, line feed, carriage return and space only.
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}

/// An author or committer line as git splits it (`split_ident_line`): the name, and the
/// date as `%aI` or `%cI` prints it (strict ISO 8601 in the line's own time zone).
struct Ident {
    let name: String
    let time: String

    init?(_ line: ArraySlice<UInt8>) {
        guard let open = line.firstIndex(of: UInt8(ascii: "<")),
              line[open...].contains(UInt8(ascii: ">")),
              let close = line.lastIndex(of: UInt8(ascii: ">")) else { return nil }
        var nameEnd = open
        while nameEnd > line.startIndex, Commit.isSpace(line[nameEnd - 1]) { nameEnd -= 1 }
        // " 1710493200 +0100": seconds since 1970 and the zone, exactly so.
        let rest = Array(line[(close + 1)...])
        var k = 0
        while k < rest.count, Commit.isSpace(rest[k]) { k += 1 }
        let secondsStart = k
        while k < rest.count, rest[k] >= 0x30, rest[k] <= 0x39 { k += 1 }
        let secondsEnd = k
        while k < rest.count, Commit.isSpace(rest[k]) { k += 1 }
        guard secondsEnd > secondsStart, secondsEnd - secondsStart <= 11, k + 5 == rest.count,
              rest[k] == UInt8(ascii: "+") || rest[k] == UInt8(ascii: "-"),
              rest[(k + 1)...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let seconds = Int(String(decoding: rest[secondsStart..<secondsEnd], as: UTF8.self)),
              let zone = Int(String(decoding: rest[(k + 1)...], as: UTF8.self)) else { return nil }
        let negative = rest[k] == UInt8(ascii: "-")
        let minutes = (zone / 100) * 60 + zone % 100
        let local = seconds + (negative ? -minutes : minutes) * 60
        guard local >= 0 else { return nil }
        let (days, second) = (local / 86_400, local % 86_400)
        let date = Day(ordinal: days)
        let (y, m, d) = (date.year, date.month, date.day)
        guard y <= 9999 else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        let year = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
        name = String(decoding: line[line.startIndex..<nameEnd], as: UTF8.self)
        time = "\(year)-\(two(m))-\(two(d))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))"
            + (negative && zone != 0 ? "-" : "+") + two(zone / 100) + ":" + two(zone % 100)
    }

}
