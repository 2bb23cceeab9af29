import Foundation
import XCTest
@testable import SakerhetCore

/// Issue 17, "portable by construction": every call that is not plain Foundation lives in
/// Support/Platform.swift, so a Windows port is a change to that one file; docs/install.md
/// says how to build for Linux (static), macOS and what Windows needs.
final class PortabilityTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let platformFile = "Sources/SakerhetCore/Support/Platform.swift"

    /// The C library's names that only Platform.swift may use.
    static let systemCall = try! NSRegularExpression(pattern: #"""
        (?<![\w.])(pread|pwrite|fstat|lstat|stat|fsync|fchmod|chmod|rename|unlink|flock|fcntl|opendir|readdir|closedir|realpath|getpid|kill|isatty|ioctl|posix_spawnp?|posix_spawn_\w+|waitpid|memchr|memcmp|memcpy|getrusage|usleep|localtime_r|lseek|access|strerror|strdup|pipe|poll|mkstemp|dup2|mallopt|sbrk|madvise)\(|\bsignal\(SIG|\berrno\b|\b\w+_FILENO\b|\bS_IF[A-Z]+\b|\bO_(RDONLY|WRONLY|RDWR|CREAT|EXCL|NONBLOCK)\b|\bimport\s+(Glibc|Darwin|Musl|WinSDK|ucrt|CAllocator)\b|canImport\(
        """#)

    /// The lines of code under `folders` (paths from the repository's root) on which
    /// `pattern` matches, as `path:line: text`, and how many files were read. Code only:
    /// string literals are emptied and comments cut off, since they may name a call.
    static func codeMatches(_ pattern: NSRegularExpression, in folders: [String]) throws -> (files: Int, hits: [(path: String, at: String)]) {
        var files = 0
        var hits: [(path: String, at: String)] = []
        for folder in folders {
            let dir = root.appendingPathComponent(folder)
            for file in try FileManager.default.subpathsOfDirectory(atPath: dir.path) where file.hasSuffix(".swift") {
                files += 1
                let path = folder + "/" + file
                let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                for (n, raw) in text.components(separatedBy: "\n").enumerated() {
                    var line = raw.replacingOccurrences(of: #""(?:[^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
                    if let c = line.range(of: "//") { line = String(line[..<c.lowerBound]) }
                    if pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil {
                        hits.append((path, "\(path):\(n + 1): \(raw.trimmingCharacters(in: .whitespaces))"))
                    }
                }
            }
        }
        return (files, hits)
    }

    func testOnlyThePlatformFileCallsTheSystem() throws {
        let (files, hits) = try Self.codeMatches(Self.systemCall, in: ["Sources"])
        XCTAssertGreaterThan(files, 50)
        let platformHits = hits.filter { $0.path == Self.platformFile }.count
        let offenders = hits.filter { $0.path != Self.platformFile }.map(\.at)
        XCTAssertEqual(offenders, [], "system calls outside \(Self.platformFile):\n" + offenders.joined(separator: "\n"))
        XCTAssertGreaterThan(platformHits, 20, "the pattern finds the calls where they are")
        // The file says at its top what a Windows port replaces, and install.md points there.
        let platform = try String(contentsOf: Self.root.appendingPathComponent(Self.platformFile), encoding: .utf8)
        let header = platform.components(separatedBy: "\n").prefix { $0.hasPrefix("//") }.joined(separator: "\n")
        for name in ["Windows", "fileInfo", "atomicReplace", "tryLock", "run", "terminalColumns", "ignoreBrokenPipes", "errorText"] {
            XCTAssertTrue(header.contains(name), "the header of Platform.swift does not name \(name)")
        }
        let install = try String(contentsOf: Self.root.appendingPathComponent("docs/install.md"), encoding: .utf8)
        for needle in ["--static-swift-stdlib", "macOS", "## Windows", "Sources/SakerhetCore/Support/Platform.swift", "SAKERHET_BINARY_URL"] {
            XCTAssertTrue(install.contains(needle), "docs/install.md does not mention \(needle)")
        }
        XCTAssertFalse(install.contains("not yet moved"), "docs/install.md still lists calls outside Platform.swift")
    }

    /// A release build on Linux is one static executable (Package.swift). glibc can still
    /// link user and group lookups, `dlopen` and `iconv` into it, but at run time they load
    /// shared libraries of the glibc it was built with. So the product (the library and the
    /// CLI; the bench is not installed) calls none of them, nor the Foundation calls that
    /// do (home folder, user name, file owner's name, `~` expansion, path standardizing,
    /// the standard folders). A name scan sees the product's own calls, not what Foundation
    /// does inside a call it allows; `strace` of the commands shows no shared library opened.
    func testTheProductNeedsNoRunTimeLoading() throws {
        let needsLoader = try NSRegularExpression(pattern: #"""
            \b(getpw\w*|getgr\w*|getsp\w*|getlogin\w*|getuser\w*|initgroups|dl\w*open|dlsym|dlvsym|iconv\w*|getaddrinfo|getnameinfo|gethost\w*|getserv\w*|getproto\w*|getnet\w*|homeDirectory\w*|NSHomeDirectory\w*|NSUserName|NSFullUserName|userName|fullUserName|attributesOfItem|\w*TildeInPath|standardizingPath|standardizedFileURL|standardized|resolvingSymlinksInPath|documentsDirectory|ownerAccount\w*|groupOwnerAccount\w*)\b|\burls?\(for:
            """#)
        let (scanned, hits) = try Self.codeMatches(needsLoader, in: ["Sources/SakerhetCore", "Sources/sakerhet"])
        let offenders = hits.map(\.at)
        XCTAssertGreaterThan(scanned, 100)
        XCTAssertEqual(offenders, [], "calls that need glibc's run-time loading in a static binary:\n" + offenders.joined(separator: "\n"))
        // The pattern finds such calls where there are some.
        for probe in ["let h = FileManager.default.homeDirectoryForCurrentUser", "URL(fileURLWithPath: p).standardizedFileURL",
                      "gethostbyname_r(name, &h)", "dlmopen(0, path, 0)", "(p as NSString).expandingTildeInPath",
                      "FileManager.default.urls(for: .documentDirectory, in: .userDomainMask)"] {
            XCTAssertNotNil(needsLoader.firstMatch(in: probe, range: NSRange(probe.startIndex..., in: probe)), probe)
        }
        let package = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        XCTAssertTrue(package.contains(#".unsafeFlags(["-static-executable"], .when(platforms: [.linux], configuration: .release))"#),
                      "Package.swift no longer links the release build on Linux statically; update this test and docs/install.md")
    }

    /// Today as the C library reads it is the day Foundation's calendar gives (the default
    /// as-of date of every command).
    func testTodayIsFoundationsToday() {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let t = Platform.today()
        XCTAssertEqual([t.year, t.month, t.day], [c.year, c.month, c.day].map { $0 ?? 0 })
    }

    /// Pointer code and parallelism live in the format, model, store and support layers
    /// (issue 13): the checks, edits, reports, renderers, rollup, import, export, git, init
    /// and the CLI are plain Swift. One file is named here: the check runner (`FusedRun`),
    /// whose job is to walk each kind in one piece per core (issue 13, "fused checks"); it
    /// calls `Parallel`, and reads in place through `Support/InPlace.swift`, not pointers.
    func testPointersAndParallelismStayInTheirLayers() throws {
        let pattern = try NSRegularExpression(pattern: #"\bUnsafe[A-Z]\w*|\bwithUnsafe\w*|\bParallel\.|@unchecked|\bDispatch(Queue|Group|Semaphore)\b|concurrentPerform|\bThread\b|\bTask\s*[\{.(]|withThrowingTaskGroup|withTaskGroup|\basync\s+let\b|nonisolated\(unsafe\)|\bpthread_\w+|\b(Atomic|Mutex)<|\bPlatform\.Lock\b"#)
        let plain = ["Checks", "Edit", "Export", "Git", "Import", "Init", "Render", "Reports", "Rollup"].map { "Sources/SakerhetCore/" + $0 } + ["Sources/sakerhet"]
        let (files, hits) = try Self.codeMatches(pattern, in: plain)
        XCTAssertGreaterThan(files, 100)
        let known: Set<String> = ["Sources/SakerhetCore/Checks/FusedRun.swift"]
        // The named file may call `Parallel`, and nothing else of the list.
        let offenders = hits.filter { !known.contains($0.path) || !$0.at.contains("Parallel.") }.map(\.at)
        XCTAssertEqual(offenders, [], "pointer code or parallelism outside Format, Model, Store and Support:\n" + offenders.joined(separator: "\n"))
        XCTAssertEqual(known.subtracting(hits.map(\.path)), [], "a file on the list no longer needs to be there: take it off")
        // The pattern finds what the four layers do hold.
        let layers = try Self.codeMatches(pattern, in: ["Format", "Model", "Store", "Support"].map { "Sources/SakerhetCore/" + $0 })
        XCTAssertGreaterThan(layers.hits.count, 50)
    }

    /// The platform's file calls behave as Store relies on: kinds, a FIFO opened without
    /// waiting, an atomic replace that keeps the mode and leaves no temporary file behind.
    func testPlatformFileCalls() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("platform-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/a.rec"
        try Data("id: A1\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.rec", withDestinationPath: file)
        XCTAssertEqual(Platform.fileInfo(file)?.kind, .regular)
        XCTAssertEqual(Platform.fileInfo(file)?.size, 7)
        XCTAssertEqual(Platform.fileInfo(file)?.permissions, 0o640)
        XCTAssertEqual(Platform.fileInfo(dir)?.kind, .folder)
        XCTAssertEqual(Platform.fileInfo(dir + "/link.rec", followLinks: false)?.kind, .link)
        XCTAssertEqual(Platform.fileInfo(dir + "/link.rec")?.kind, .regular)
        XCTAssertNil(Platform.fileInfo(dir + "/missing"))
        XCTAssertEqual(Platform.fileInfo("/dev/null")?.kind, .characterDevice)
        XCTAssertEqual(Platform.realPath(dir + "/link.rec"), Platform.realPath(file))

        try Platform.atomicReplace(file, temporary: dir + "/.a.rec.tmp", folder: dir, mode: 0o640) { fd in
            Array("id: A2\n".utf8).withUnsafeBytes { Platform.writeAll(fd, $0) }
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "id: A2\n")
        XCTAssertEqual(Platform.fileInfo(file)?.permissions, 0o640)
        XCTAssertEqual(Set(Platform.folderEntries(dir) ?? []), ["a.rec", "link.rec"])
        // A body that fails: the original stays, the temporary file goes.
        XCTAssertThrowsError(try Platform.atomicReplace(file, temporary: dir + "/.a.rec.tmp", folder: dir, mode: 0o640) { _ in false }) {
            XCTAssertEqual(($0 as? Platform.ReplaceFailure)?.stage, .write)
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "id: A2\n")
        XCTAssertEqual(Set(Platform.folderEntries(dir) ?? []), ["a.rec", "link.rec"])
        // A temporary name that is taken: nothing is written.
        try Data().write(to: URL(fileURLWithPath: dir + "/.taken"))
        XCTAssertThrowsError(try Platform.atomicReplace(file, temporary: dir + "/.taken", folder: dir, mode: 0o644) { _ in true }) {
            XCTAssertEqual(($0 as? Platform.ReplaceFailure)?.stage, .create)
        }
        XCTAssertTrue(Platform.remove(dir + "/.taken"))
        XCTAssertFalse(Platform.remove(dir + "/.taken"))

        // Processes: this one runs; a pid far above any in use does not.
        XCTAssertEqual(Platform.processID, ProcessInfo.processInfo.processIdentifier)
        XCTAssertFalse(Platform.processIsGone(Platform.processID))
        XCTAssertTrue(Platform.processIsGone(999_999_007))

        // Bytes.
        let bytes: [UInt8] = Array("ab\ncd\n".utf8)
        bytes.withUnsafeBytes { b in
            XCTAssertEqual(Platform.firstByte(0x0A, in: b.baseAddress!, count: b.count), 2)
            XCTAssertEqual(Platform.firstByte(0x0A, in: b.baseAddress! + 3, count: 3), 2)
            XCTAssertNil(Platform.firstByte(0x0A, in: b.baseAddress!, count: 2))
            XCTAssertTrue(Platform.bytesEqual(b.baseAddress!, b.baseAddress! + 3, count: 0))
            XCTAssertFalse(Platform.bytesEqual(b.baseAddress!, b.baseAddress! + 3, count: 2))
            XCTAssertTrue(Platform.bytesEqual(b.baseAddress! + 2, b.baseAddress! + 5, count: 1))
        }
    }

    /// `bytesEqual` by loads of 4 and 8 bytes for up to 16, by memcmp past that: equal
    /// bytes of every length are equal, and one byte changed anywhere, at any offset of
    /// either side, makes them unequal.
    func testBytesEqualAtEveryLengthAndEveryDifference() {
        var rng = SplitMix64(seed: 11)
        let a = (0..<64).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for count in 0...40 {
            for offset in [0, 1, 3, 7] {
                var b = [UInt8](repeating: 0, count: 64)
                for i in 0..<count { b[offset + i] = a[i] }
                a.withUnsafeBytes { x in
                    b.withUnsafeBytes { y in
                        XCTAssertTrue(Platform.bytesEqual(x.baseAddress!, y.baseAddress! + offset, count: count), "\(count) at \(offset)")
                    }
                }
                for changed in 0..<count {
                    var c = b
                    c[offset + changed] ^= 0x20
                    a.withUnsafeBytes { x in
                        c.withUnsafeBytes { y in
                            XCTAssertFalse(Platform.bytesEqual(x.baseAddress!, y.baseAddress! + offset, count: count), "\(count) at \(offset), byte \(changed)")
                            XCTAssertFalse(Platform.bytesEqual(y.baseAddress! + offset, x.baseAddress!, count: count))
                        }
                    }
                }
            }
        }
    }
}
