import Foundation
import XCTest
@testable import SakerhetCore

/// The history read in process (`GitLocal`, `GitObjects`) against git itself: on random
/// linear histories, loose and packed (with offset and reference deltas), the log and every
/// blob must be what `git log` and `git cat-file --batch` give; and every case that is not
/// plain must be left to git.
final class GitLocalTests: XCTestCase {
    func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-gitlocal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// Runs a shell script in `dir` with git's user configuration out of the way.
    func sh(_ script: String, in dir: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let identity = ["AUTHOR", "COMMITTER"].flatMap { ["GIT_\($0)_NAME": "Sakerhet Test", "GIT_\($0)_EMAIL": "test@example.se"] }
        let (status, said) = try IsolatedGit.run(["/bin/sh", "-e", "-c", script], in: dir, Dictionary(uniqueKeysWithValues: identity))
        XCTAssertEqual(status, 0, "script failed: \(said)", file: file, line: line)
    }

    /// A home folder with no git configuration, so that the developer's own (an alias that
    /// names `worktree`, say) cannot make a repository look not plain.
    lazy var home: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sakerhet-gitlocal-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }()

    /// `repo` read in process, as the tool would with only `HOME` (and `extra`) set.
    func local(_ repo: GitHistory.Repository, _ extra: [String] = []) -> GitLocal? {
        GitLocal(repo, environment: ["HOME=" + home, "PATH=/usr/bin:/bin"] + extra)
    }

    /// A shell word.
    func q(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// A random linear history: data files changed, added, made executable and linked;
    /// files outside the folder (a tracked `*.rec`, an untracked text) and commits that
    /// touch nothing tracked; awkward messages, names and time zones.
    func randomHistory(seed: UInt64, commits: Int) -> String {
        var rng = SplitMix64(seed: seed)
        let names = ["Åsa Öberg", "Bo Ek", "  Leading Space", "Trailing Tab\t", "Ünïcode 名前", "x"]
        let zones = ["+0100", "+0200", "-0800", "+0530", "+0000", "-0000", "+1400", "-1200", "+0045"]
        let messages = ["Ändrade A12", "Rad ett\nrad två\n\nkropp", "\n\n  inledande blanka rader\n", "slut med blanksteg   \t",
                        "a\r\nb\r\n", "mellanslag  i  mitten", "ett\n \nefter blank rad", "🙂 emoji i ämnet", "-"]
        let tracked = ["data/activities.rec", "data/goals.rec", "data/sub/risks.rec", "other/findings.rec", "top.rec"]
        var present = Set<String>()
        var script = "git init -q -b main .\n"
        var time = 1_700_000_000
        for k in 0..<commits {
            // Never both add a tracked file and remove one in a commit: git may pair them as a
            // rename, which is left to git (see `testWhatIsNotPlainIsLeftToGit`).
            var (created, removed) = (false, false)
            for _ in 0..<rng.between(1, 3) {
                switch rng.below(9) {
                case 0...4:
                    let path = rng.pick(tracked)
                    if removed && !present.contains(path) { continue }
                    created = created || !present.contains(path)
                    script += "mkdir -p \(q(Path.parent(of: path))) && printf '%s\\n' \(q("id: A\(k)\nnote: rad \(rng.below(1000))")) >> \(q(path))\n"
                    present.insert(path)
                case 5:
                    script += "printf 'text %d\\n' \(k) >> other/readme.txt 2>/dev/null || { mkdir -p other && echo x > other/readme.txt; }\n"
                case 6:
                    if let path = present.sorted().first {
                        script += "chmod \(rng.chance(50) ? "+x" : "-x") \(q(path))\n"
                        }
                case 7:
                    if !removed, present.contains("data/goals.rec") && !present.contains("data/link.rec") {
                        created = true
                        script += "ln -s goals.rec data/link.rec\n"
                        present.insert("data/link.rec")
                        }
                default:
                    if !created, let path = present.sorted().last, path != "data/link.rec" {
                        script += "rm -f \(q(path))\n"
                        present.remove(path)
                        removed = true
                    }
                }
            }
            time += rng.between(60, 90_000)
            let date = "\(time) \(rng.pick(zones))"
            // The commit date apart from the author date, now and then days later and in
            // another zone (a rebase, `git commit --date`): the history is dated by it.
            let committed = rng.chance(50) ? date : "\(time + rng.between(0, 900_000)) \(rng.pick(zones))"
            let message = rng.pick(messages)
            script += "git add -A\n"
            script += "GIT_AUTHOR_NAME=\(q(rng.pick(names))) GIT_AUTHOR_EMAIL=a@example.se GIT_AUTHOR_DATE=\(q(date)) GIT_COMMITTER_DATE=\(q(committed)) "
                + "git commit -q --allow-empty --allow-empty-message --cleanup=verbatim -m \(q(message))\n"
        }
        return script
    }

    /// One line per commit: everything `git log` gives that the history uses.
    func lines(_ commits: [GitHistory.RawCommit]) -> [String] {
        commits.map { c in
            ([c.hash, c.parents.joined(separator: ","), c.author, c.time, c.authored, c.subject]
                + c.changes.map { "\(Character(UnicodeScalar($0.status))) \($0.newMode) \($0.newBlob) \($0.path) \($0.destination ?? "")" })
                .joined(separator: " | ")
        }
    }

    /// The log and the blobs read in process equal git's, for the folder `data` of `top`.
    func assertSameAsGit(_ top: String, data: String = "data", file: StaticString = #filePath, line: UInt = #line) throws {
        let repo = try GitHistory.repository(of: data.isEmpty ? top : top + "/" + data, display: "data")
        let local = try XCTUnwrap(local(repo), "the repository should be plain", file: file, line: line)
        let mine = try XCTUnwrap(local.log(), "the history should be plain", file: file, line: line)
        let r = try Git.run(GitHistory.logArguments(repo), in: repo.top)
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        let theirs = GitHistory.parseLog(r.stdout)
        XCTAssertFalse(theirs.isEmpty, file: file, line: line)
        XCTAssertEqual(lines(mine), lines(theirs), file: file, line: line)

        let ids = Array(Set(theirs.flatMap { $0.changes.map(\.newBlob) }).filter { $0 != String(repeating: "0", count: 40) }).sorted()
        let blobs = try XCTUnwrap(local.blobs(ids), file: file, line: line)
        let git = try GitHistory.BlobStore(ids: ids, from: Git.start(["cat-file", "--batch"], in: repo.top, takesInput: true))
        for id in ids {
            XCTAssertNotNil(git.bytes(id), file: file, line: line)
            XCTAssertEqual(blobs.bytes(id), git.bytes(id), id, file: file, line: line)
        }
    }

    /// HEAD's ref is read from the git folder only when each part of its name is a name;
    /// otherwise git is asked.
    func testRefNamePartsArePlain() throws {
        for good in ["refs/heads/main", "refs/heads/a...b", "refs/heads/.x", "refs/heads/x.", "refs/heads/feature/é"] {
            XCTAssertTrue(GitLocal.plainParts(good), good)
        }
        for bad in ["refs/../x", "refs/./x", "refs//x", "refs/x/", "refs/x/..", "refs/heads/.", ""] {
            XCTAssertFalse(GitLocal.plainParts(bad), bad)
        }
        // A HEAD naming `refs/heads//main` is left to git, which calls such a branch broken;
        // before, the empty part was dropped and the file `refs/heads/main` read.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("head-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/refs/heads", withIntermediateDirectories: true)
        let id = String(repeating: "ab", count: 20)
        try Data((id + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/refs/heads/main"))
        for (head, found) in [("ref: refs/heads/main\n", true), ("ref: refs/heads//main\n", false), ("ref: refs/heads/main/\n", false)] {
            try Data(head.utf8).write(to: URL(fileURLWithPath: dir + "/HEAD"))
            XCTAssertEqual(GitLocal.resolveHEAD(gitDir: dir, common: dir, packedRefs: "").map { GitObjects.hex($0) }, found ? id : nil, head)
        }
    }

    func testRandomHistoriesLooseAndPackedAsGitGivesThem() throws {
        for seed: UInt64 in [1, 2, 3] {
            let top = try temporaryFolder()
            try sh(randomHistory(seed: seed, commits: 40), in: top)
            try assertSameAsGit(top)
            // The folder at the top of the repository: every path is tracked.
            try assertSameAsGit(top, data: "")
            // Packed, with deltas against earlier objects in the pack (OFS_DELTA).
            try sh("git gc -q --aggressive", in: top)
            try assertSameAsGit(top)
            // Packed with deltas naming their base by id (REF_DELTA), and a loose object on top.
            try sh("git -c repack.useDeltaBaseOffset=false repack -q -a -d -f --depth=20 && echo more >> data/activities.rec && git add -A && git commit -q -m more",
                   in: top)
            try assertSameAsGit(top)
            // A detached HEAD, and a linked work tree (its own HEAD, the common refs and objects).
            try sh("git checkout -q --detach HEAD~3 && git worktree add -q ../wt-\(seed)-\(Path.lastComponent(top)) main", in: top)
            try assertSameAsGit(top)
            let linked = Path.parent(of: top) + "/wt-\(seed)-\(Path.lastComponent(top))"
            addTeardownBlock { try? FileManager.default.removeItem(atPath: linked) }
            try assertSameAsGit(linked)
        }
    }

    func testWhatIsNotPlainIsLeftToGit() throws {
        let top = try temporaryFolder()
        try sh("""
            git init -q -b main . && mkdir data && echo 'id: A1' > data/activities.rec && git add -A && git commit -q -m one
            git checkout -q -b side && echo 'id: G1' > data/goals.rec && git add -A && git commit -q -m two
            git checkout -q main && echo 'note: x' >> data/activities.rec && git commit -q -am three
            """, in: top)
        try assertSameAsGit(top)
        let repo = try GitHistory.repository(of: top + "/data", display: "data")

        // A merge: git's order and first-parent diff are git's to give.
        try sh("git merge -q --no-edit side", in: top)
        XCTAssertNil(try XCTUnwrap(local(repo)).log())
        try sh("git reset -q --hard HEAD~1", in: top)
        XCTAssertNotNil(try XCTUnwrap(local(repo)).log())

        // A commit that adds one tracked file and removes another: git may call it a rename.
        try sh("git mv data/activities.rec data/old-activities.rec && git commit -q -m moved", in: top)
        XCTAssertNil(try XCTUnwrap(local(repo)).log())
        try sh("git reset -q --hard HEAD~1", in: top)

        // A mail map, replace refs, grafts, alternates and configuration that changes the log.
        for (setup, undo) in [("echo 'Ny <a@b>' > .mailmap", "rm .mailmap"),
                              ("git replace -f HEAD HEAD~1", "git replace -d HEAD"),
                              ("touch .git/info/grafts", "rm .git/info/grafts"),
                              ("touch .git/objects/info/alternates", "rm .git/objects/info/alternates"),
                              ("git config i18n.logOutputEncoding latin1", "git config --unset i18n.logOutputEncoding"),
                              ("git config log.follow true", "git config --unset log.follow"),
                              ("git config mailmap.file /dev/null", "git config --unset mailmap.file")] {
            try sh(setup, in: top)
            XCTAssertNil(local(repo), setup)
            try sh(undo, in: top)
            XCTAssertNotNil(local(repo), undo)
        }

        // A shallow clone.
        let clone = try temporaryFolder()
        try sh("git clone -q --depth 1 file://\(top) c", in: clone)
        XCTAssertNil(local(try GitHistory.repository(of: clone + "/c/data", display: "data")))
    }

    func testBrokenObjectsGiveNothingRatherThanAWrongAnswer() throws {
        // Deltas that point outside their base or promise another size.
        let base = Array("0123456789".utf8)
        XCTAssertEqual(GitObjects.apply([10, 4, 0x91, 2, 3, 1, 0x21], to: base), Array("234!".utf8))
        XCTAssertNil(GitObjects.apply([10, 4, 0x91, 9, 3], to: base))        // copy past the end
        XCTAssertNil(GitObjects.apply([11, 4, 0x91, 2, 3, 1, 0x21], to: base)) // wrong base size
        XCTAssertNil(GitObjects.apply([10, 5, 0x91, 2, 3, 1, 0x21], to: base)) // short result
        XCTAssertNil(GitObjects.apply([10, 1, 0], to: base))                   // reserved instruction
        XCTAssertNil(GitObjects.zlib([0x78, 0x9C, 0xFF], size: nil))
        XCTAssertNil(GitObjects.zlib([0x78, 0x00], size: nil))                 // header check fails
        // zlib's checksum, as Python's zlib.adler32 gives it (past zlib's 5552-byte block too).
        XCTAssertEqual(Inflate.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
        XCTAssertEqual(Inflate.adler32(Array(repeating: Array(0...255), count: 100).flatMap { $0 }), 0x747F_D0E0)
        XCTAssertEqual(Inflate.adler32([UInt8](repeating: 0xFF, count: 70_000)), 0x2A28_6E81)

        // A loose object cut short: the reading gives nil, never a crash or a wrong history.
        let top = try temporaryFolder()
        try sh("git init -q -b main . && mkdir data && echo 'id: A1' > data/activities.rec && git add -A && git commit -q -m one", in: top)
        let repo = try GitHistory.repository(of: top + "/data", display: "data")
        let local = try XCTUnwrap(local(repo))
        let commit = try XCTUnwrap(local.log()?.first)
        let blob = commit.changes[0].newBlob
        let path = top + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(atPath: path)
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        XCTAssertNil(local.blobs([blob]))
        XCTAssertNil(GitObjects(folder: top + "/.git/objects").object(hex: blob))
    }

    func testDatesAsGitPrintsThem() {
        func time(_ line: String) -> String? { Ident(Array(line.utf8)[...])?.time }
        XCTAssertEqual(time("Å Ö <a@b> 0 +0000"), "1970-01-01T00:00:00+00:00")
        XCTAssertEqual(time("A <a@b> 1709251199 +0100"), "2024-03-01T00:59:59+01:00")
        XCTAssertEqual(time("A <a@b> 951782400 -0000"), "2000-02-29T00:00:00+00:00")
        XCTAssertEqual(time("A <a@b> 1700000000 -0830"), "2023-11-14T13:43:20-08:30")
        XCTAssertEqual(Ident(Array("  A  <a@b> 1 +0000".utf8)[...])?.name, "  A")
        XCTAssertNil(time("A <a@b>"))
        XCTAssertNil(time("A <a@b> 1 +01"))
        XCTAssertNil(time("A a@b 1 +0100"))
    }

    /// Packs, indexes and loose objects with bytes changed or cut at random: every object
    /// read gives nil or an object, never a crash or a hang; and an object read from a
    /// damaged pack or loose file is the object git wrote, never a damaged one.
    func testDamagedRepositoriesNeverCrash() throws {
        let top = try temporaryFolder()
        try sh(randomHistory(seed: 7, commits: 12) + "git gc -q --aggressive\n"
               + "echo loose >> data/activities.rec && git add -A && git commit -q -m loose\n", in: top)
        let objects = top + "/.git/objects"
        let ids = try Git.run(["rev-list", "--objects", "--all"], in: top).text.split(separator: "\n").map { String($0.prefix(40)) }
        XCTAssertGreaterThan(ids.count, 20)
        let fm = FileManager.default
        let packs = try fm.contentsOfDirectory(atPath: objects + "/pack").filter { $0.hasSuffix(".pack") || $0.hasSuffix(".idx") }
        let loose = try fm.subpathsOfDirectory(atPath: objects).filter { $0.count == 41 && $0.contains("/") }
        XCTAssertEqual(packs.count, 2)
        XCTAssertFalse(loose.isEmpty)
        let whole = GitObjects(folder: objects)
        let expected = ids.map { whole.object(hex: $0)?.data }
        XCTAssertTrue(expected.allSatisfy { $0 != nil })

        var rng = SplitMix64(seed: 42)
        for round in 0..<120 {
            let copy = try temporaryFolder()
            try fm.copyItem(atPath: objects, toPath: copy + "/objects")
            let name = round % 3 == 2 ? rng.pick(loose) : "pack/" + rng.pick(packs)
            let victim = copy + "/objects/" + name
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: victim)))
            if rng.chance(25) {
                bytes.removeLast(rng.between(1, bytes.count - 1))
            } else {
                for _ in 0..<rng.between(1, 4) { bytes[rng.below(bytes.count)] = UInt8(rng.below(256)) }
            }
            try fm.removeItem(atPath: victim)
            try Data(bytes).write(to: URL(fileURLWithPath: victim))
            let damaged = GitObjects(folder: copy + "/objects")
            for (i, id) in ids.enumerated() {
                // A damaged object is missing (its size, checksum or delta no longer fits);
                // one that reads is the object git wrote. (A damaged index may send an id to
                // another object, as it would send git: not checked.)
                let got = damaged.object(hex: id)?.data
                if !name.hasSuffix(".idx"), let got { XCTAssertEqual(got, expected[i], "round \(round): \(name) \(id)") }
            }
            try fm.removeItem(atPath: copy)
        }
        // Random deltas over a random base: nil or a result of the promised size.
        for _ in 0..<2000 {
            let base = (0..<rng.below(40)).map { _ in UInt8(rng.below(256)) }
            var delta: [UInt8] = [UInt8(base.count), UInt8(rng.below(60))]
            delta += (0..<rng.below(12)).map { _ in UInt8(rng.below(256)) }
            if let out = GitObjects.apply(delta, to: base) { XCTAssertEqual(out.count, Int(delta[1])) }
        }
    }
    func testConfigurationAndEnvironmentThatChangeTheLogAreLeftToGit() throws {
        let top = try temporaryFolder()
        try sh("git init -q -b main . && mkdir data && echo 'id: A1' > data/activities.rec && git add -A && git commit -q -m one", in: top)
        let repo = try GitHistory.repository(of: top + "/data", display: "data")
        XCTAssertNotNil(local(repo))

        // The environment: identity, network and tracing are harmless; anything else is git's.
        XCTAssertNotNil(local(repo, ["GIT_SSL_CAINFO=/x", "GIT_TRACE=1", "GIT_AUTHOR_NAME=x"]))
        for variable in ["GIT_DIR=/x", "GIT_NOGLOB_PATHSPECS=1", "GIT_CONFIG_NOSYSTEM=1", "GIT_NO_REPLACE_OBJECTS=1"] {
            XCTAssertNil(local(repo, [variable]), variable)
        }

        // The user's configuration, where git looks for it.
        let fm = FileManager.default
        try fm.createDirectory(atPath: home + "/.config/git", withIntermediateDirectories: true)
        try "[mailmap]\n\tfile = /x\n".write(toFile: home + "/.gitconfig", atomically: false, encoding: .utf8)
        XCTAssertNil(local(repo))
        try fm.removeItem(atPath: home + "/.gitconfig")
        try "[i18n]\n\tlogOutputEncoding = ISO-8859-1\n".write(toFile: home + "/.config/git/config", atomically: false, encoding: .utf8)
        XCTAssertNil(local(repo))
        // An empty XDG_CONFIG_HOME is unset; another one is read instead of ~/.config.
        XCTAssertNil(local(repo, ["XDG_CONFIG_HOME="]))
        XCTAssertNotNil(local(repo, ["XDG_CONFIG_HOME=" + top + "/nothing"]))
        try fm.removeItem(atPath: home + "/.config/git/config")
        XCTAssertNotNil(local(repo))

        // The repository's configuration and files.
        for (setup, undo) in [("git config i18n.commitEncoding ISO-8859-1", "git config --unset i18n.commitEncoding"),
                              ("git config include.path /dev/null", "git config --unset include.path"),
                              ("git config core.repositoryformatversion 2", "sed -i 's/formatversion = 2/formatversion = 0/' .git/config"),
                              ("printf '[log]\\n\\tfollow = true\\n' > .git/config.worktree", "rm .git/config.worktree"),
                              ("echo \"$(git rev-parse HEAD) refs/replace/$(git rev-parse HEAD)\" >> .git/packed-refs",
                               "sed -i '/refs.replace/d' .git/packed-refs"),
                              ("touch .git/objects/info/http-alternates", "rm .git/objects/info/http-alternates")] {
            try sh(setup, in: top)
            XCTAssertNil(local(repo), setup)
            try sh(undo, in: top)
            XCTAssertNotNil(local(repo), undo)
        }

        // A repository of another user: git asks safe.directory, so git is asked.
        if Platform.effectiveUser == 0 {
            try fm.setAttributes([.ownerAccountID: 12345], ofItemAtPath: top + "/.git")
            XCTAssertNil(local(repo))
            try fm.setAttributes([.ownerAccountID: 0], ofItemAtPath: top + "/.git")
            XCTAssertNotNil(local(repo))
        }
    }

    func testCommitsGitReadsOtherwiseAreLeftToGit() throws {
        let top = try temporaryFolder()
        try sh("""
            git init -q -b main . && mkdir data && echo 'id: A1' > data/activities.rec && git add -A && git commit -q -m one
            echo 'note: x' >> data/activities.rec && git commit -q -am two
            """, in: top)
        let repo = try GitHistory.repository(of: top + "/data", display: "data")
        XCTAssertEqual(local(repo)?.log()?.count, 2)
        // A parent after the author (git reads it as a root commit) and a tree that is not
        // first (git refuses the commit): both are git's to read.
        for order in ["tree $T\\nauthor A <a@b> 1 +0000\\nparent $P\\ncommitter A <a@b> 1 +0000\\n\\nodd\\n",
                      "parent $P\\ntree $T\\nauthor A <a@b> 1 +0000\\ncommitter A <a@b> 1 +0000\\n\\nodd\\n"] {
            try sh("""
                T=$(git rev-parse 'HEAD^{tree}'); P=$(git rev-parse HEAD~1)
                C=$(printf "\(order)" | git hash-object -t commit --literally -w --stdin)
                echo $C > .git/refs/heads/odd && git symbolic-ref HEAD refs/heads/odd
                """, in: top)
            XCTAssertNil(local(repo)?.log(), order)
            try sh("git symbolic-ref HEAD refs/heads/main", in: top)
        }
    }

    /// git compares paths as bytes: a folder named with a precomposed `ä` is not the same
    /// as one named with `a` and a combining diaeresis (as macOS may write it).
    func testPathsAreComparedAsBytes() throws {
        let top = try temporaryFolder()
        let composed = "s\u{E4}kerhet", decomposed = "sa\u{308}kerhet"
        try sh("""
            git init -q -b main . && mkdir \(composed) && echo 'id: A1' > \(composed)/activities.rec && git add -A && git commit -q -m one
            mkdir \(decomposed) && echo x > \(decomposed)/readme.txt && git add -A && git commit -q -m nfd
            echo 'note: x' >> \(composed)/activities.rec && git commit -q -am two
            """, in: top)
        try assertSameAsGit(top, data: composed)
        XCTAssertEqual(local(try GitHistory.repository(of: top + "/" + composed, display: "d"))?.log()?.count, 2)
    }

    /// A delta whose base is itself: nil at once, not a chain run to its limit.
    func testADeltaThatNamesItselfIsRefused() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/pack", withIntermediateDirectories: true)
        let id = [UInt8](repeating: 0xAB, count: 20)
        // zlib's wrapping around one stored block.
        func zlibStored(_ data: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x78, 0x01, 0x01, UInt8(data.count & 0xFF), UInt8(data.count >> 8),
                                UInt8(~data.count & 0xFF), UInt8((~data.count >> 8) & 0xFF)]
            out += data
            let a = Inflate.adler32(data)
            out += [UInt8(a >> 24), UInt8((a >> 16) & 0xFF), UInt8((a >> 8) & 0xFF), UInt8(a & 0xFF)]
            return out
        }
        XCTAssertEqual(GitObjects.zlib(zlibStored([1, 2, 3])[...], size: 3), [1, 2, 3])
        // 65,535 bytes of delta: run to the chain's limit, it would be inflated 5,000 times.
        let delta = [UInt8](repeating: 0, count: 65_535)
        var pack = Array("PACK".utf8) + [0, 0, 0, 2, 0, 0, 0, 1]
        pack += [0xFF, 0xFF, 0x1F]  // REF_DELTA (7), size 15 + 0x7F << 4 + 0x1F << 11 = 65,535
        pack += id + zlibStored(delta)
        pack += [UInt8](repeating: 0, count: 20)
        var idx: [UInt8] = [0xFF, 0x74, 0x4F, 0x63, 0, 0, 0, 2]
        for b in 0..<256 { idx += b < 0xAB ? [0, 0, 0, 0] : [0, 0, 0, 1] }
        idx += id + [0, 0, 0, 0] + [0, 0, 0, 12] + [UInt8](repeating: 0, count: 40)
        try Data(pack).write(to: URL(fileURLWithPath: folder + "/pack/pack-x.pack"))
        try Data(idx).write(to: URL(fileURLWithPath: folder + "/pack/pack-x.idx"))
        let start = Date()
        XCTAssertNil(GitObjects(folder: folder).object(id))
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5)
    }

    /// git 2.45 and later print UTC as `Z`: read as `+00:00`, as earlier gits and the
    /// history read in process give it.
    func testTheLogsUTCIsOneForm() {
        let out = Array("\u{1}abc\u{0}\u{0}A\u{0}2024-05-01T10:00:00Z\u{0}2024-04-01T10:00:00+02:00\u{0}s\u{0}".utf8)
        XCTAssertEqual(GitHistory.parseLog(out).first?.time, "2024-05-01T10:00:00+00:00")
    }

    /// A commit object without a committer line (written with `hash-object --literally`):
    /// git prints `%cI` as it is, and the history dates it by its author date, read in
    /// process as through git.
    func testACommitWithoutACommitterIsDatedByItsAuthor() throws {
        let top = try temporaryFolder()
        try sh("""
            git init -q && mkdir data && echo 'id: A1' > data/activities.rec && git add -A
            GIT_AUTHOR_DATE=2024-01-01T10:00:00+01:00 GIT_COMMITTER_DATE=2024-01-01T10:00:00+01:00 git commit -q -m a
            echo 'id: A2' >> data/activities.rec && git add -A
            c=$(printf 'tree %s\\nparent %s\\nauthor Bo <b@example.se> 1714550400 +0200\\n\\nutan incheckare\\n' \\
                "$(git write-tree)" "$(git rev-parse HEAD)" | git hash-object -t commit -w --literally --stdin)
            git update-ref HEAD "$c"
            """, in: top)
        try assertSameAsGit(top)
        let repo = try GitHistory.repository(of: top + "/data", display: "data")
        let log = try XCTUnwrap(local(repo)?.log())
        XCTAssertEqual(log.map(\.time), ["2024-01-01T10:00:00+01:00", "2024-05-01T10:00:00+02:00"])
        XCTAssertEqual(log.last?.subject, "utan incheckare")
    }

    /// A commit is dated by its committer date (`%cI`); one without a committer line, for
    /// which git prints `%cI` as it is, by its author date (`%aI`).
    func testTheLogIsDatedByTheCommitterDate() {
        let both = Array("\u{1}abc\u{0}\u{0}A\u{0}2024-05-01T10:00:00+02:00\u{0}2023-12-15T09:00:00+01:00\u{0}s\u{0}".utf8)
        XCTAssertEqual(GitHistory.parseLog(both).first?.time, "2024-05-01T10:00:00+02:00")
        let none = Array("\u{1}abc\u{0}\u{0}A\u{0}%cI\u{0}2023-12-15T09:00:00+01:00\u{0}s\u{0}".utf8)
        XCTAssertEqual(GitHistory.parseLog(none).first?.time, "2023-12-15T09:00:00+01:00")
        XCTAssertEqual(GitHistory.parseLog(none).first?.subject, "s")
    }
}
