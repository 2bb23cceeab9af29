import Foundation
import XCTest
@testable import SakerhetCore

/// The product imports only FoundationEssentials (Support/StringOps.swift says why); its
/// own string operations are checked here against Foundation's, which the tests may use,
/// on awkward strings: "\r\n", combining marks, no-break and other Unicode spaces, line
/// separators, emoji, and random mixes of them.
final class StringOpsTests: XCTestCase {
    /// The module's `joined(separator:)` for arrays of strings gives what the standard
    /// library's does (called here from generic code, where only the standard library's
    /// applies).
    func testJoinedIsTheStandardLibrarysJoin() {
        func standard<C: BidirectionalCollection>(_ c: C, _ separator: String) -> String where C.Element == String {
            c.joined(separator: separator)
        }
        let cases: [[String]] = [[], [""], ["a"], ["", ""], ["a", "b", "c"], ["åäö", "", "e\u{301}", "🇸🇪"], Array(repeating: "xy", count: 1_000)]
        for strings in cases {
            for separator in ["", ", ", "\u{0}", "–"] {
                XCTAssertEqual(strings.joined(separator: separator), standard(strings, separator), "\(strings.prefix(4)) \(separator)")
            }
            XCTAssertEqual(strings.joined(), standard(strings, ""))
        }
    }

    static let pieces = ["a", "b", "\n", "\r\n", "\r", " ", "\t", "\u{A0}", "\u{2003}", "\u{2028}", "\u{85}", "\u{0B}",
                         "e\u{301}", "\u{301}", "é", "😀", "👩‍👩‍👧", ",", "/", ".", "..", "%", ":", "-", "å", "\u{FEFF}"]

    /// `count` strings made of random pieces (a fixed seed, so a failure repeats).
    static func samples(_ count: Int) -> [String] {
        var rng = SplitMix64(seed: 17)
        return (0..<count).map { _ in
            (0..<Int(rng.next() % 9)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        } + pieces + ["", "  a b  ", "\r\n x \r\n", "\u{A0}\u{2003}x\u{3000}"]
    }

    func testTrimmingAsFoundation() {
        for s in Self.samples(3000) {
            XCTAssertEqual(s.trimmingSpaces(), s.trimmingCharacters(in: .whitespaces), s.debugDescription)
            XCTAssertEqual(s.trimmingSpaces(newlines: true), s.trimmingCharacters(in: .whitespacesAndNewlines), s.debugDescription)
            XCTAssertEqual(s.trimmingBlanks, s.trimmingCharacters(in: CharacterSet(charactersIn: " \t")), s.debugDescription)
            let sub = Substring(s).dropFirst()
            XCTAssertEqual(sub.trimmingSpaces(), sub.trimmingCharacters(in: .whitespaces), s.debugDescription)
        }
    }

    func testReplacingAndSearchingAsFoundation() {
        let targets = ["\n", "\r", ",", "..", "a", "e", "\u{301}", " ", "%", "ab", "\r\n"]
        for s in Self.samples(2000) {
            for t in targets {
                // Literal, as escaping needs: `"` followed by a combining mark is still a quote.
                XCTAssertEqual(s.replacingAll(t, with: "<\(t.count)>"), s.replacingOccurrences(of: t, with: "<\(t.count)>", options: .literal),
                               "\(s.debugDescription) \(t.debugDescription)")
                XCTAssertEqual(s.includes(t), (s as NSString).range(of: t, options: .literal).location != NSNotFound,
                               "\(s.debugDescription) \(t.debugDescription)")
                // By bytes (`ByteCompare.contains`) as scalar by scalar, in a substring too.
                let sub = Substring(s).dropFirst()
                XCTAssertEqual(sub.includes(t), sub.scalarRange(of: t) != nil, "\(s.debugDescription) \(t.debugDescription)")
                let mine = s.scalarRange(of: t).map { NSRange($0, in: s) }
                let theirs = (s as NSString).range(of: t, options: .literal)
                XCTAssertEqual(mine?.location ?? NSNotFound, theirs.location, "\(s.debugDescription) \(t.debugDescription)")
                let last = s.scalarRange(of: t, backwards: true).map { NSRange($0, in: s) }
                let theirLast = (s as NSString).range(of: t, options: [.literal, .backwards])
                XCTAssertEqual(last?.location ?? NSNotFound, theirLast.location, "\(s.debugDescription) \(t.debugDescription)")
            }
        }
        XCTAssertFalse("abc".includes(""))
        XCTAssertEqual("abc".replacingAll("", with: "x"), "abc")
    }

    func testPaddingPathsAndHexAsFoundation() {
        for s in Self.samples(500) where !s.isEmpty {
            for n in [0, 1, 3, 12] {
                XCTAssertEqual(s.padded(to: n), s.padding(toLength: n, withPad: " ", startingAt: 0), "\(s.debugDescription) \(n)")
            }
        }
        for p in ["a/b.rec", "a/b/", "/", "", "b", "/x/y.tar.gz", "rapport.DOCX", "a//", "./rapport.html", "dir.d/file", "x."] {
            XCTAssertEqual(Path.lastComponent(p), (p as NSString).lastPathComponent, p)
            XCTAssertEqual(Path.fileExtension(p), (p as NSString).pathExtension, p)
        }
        for v: UInt32 in [0, 1, 0x1F, 0xABC, 0x12345] {
            XCTAssertEqual(StringOps.hex(v, width: 4), String(format: "%04x", v))
        }
    }

    /// The folder walk of the working tree and `mkdir -p`, which replace FileManager's.
    func testFolderWalkAndMakingFolders() throws {
        let root = NSTemporaryDirectory() + "sakerhet-walk-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        XCTAssertEqual(Platform.makeFolders(root + "/a/b/c"), 0)
        XCTAssertEqual(Platform.makeFolders(root + "/a/b/c"), 0, "an existing folder is made already")
        for f in ["a/goals.rec", "a/b/c/activities.rec", "a/b/notes.txt", ".hidden/goals.rec", "a/.git/goals.rec"] {
            XCTAssertEqual(Platform.makeFolders(Path.parent(of: root + "/" + f)), 0)
            XCTAssertTrue(FileManager.default.createFile(atPath: root + "/" + f, contents: Data()))
        }
        XCTAssertEqual(Platform.makeFolders(root + "/a/risks.rec"), 0)  // a folder with a file's name is no file
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/a")
        let found = Platform.files(under: root) { $0.hasSuffix(".rec") }.sorted()
        XCTAssertEqual(found, ["a/b/c/activities.rec", "a/goals.rec"])
        // Under a file, no folder can be made: the error says so.
        XCTAssertEqual(Platform.makeFolders(root + "/a/goals.rec/x"), ENOTDIR)
        XCTAssertTrue(Platform.isFolder(root + "/link"))
        XCTAssertFalse(Platform.isFolder(root + "/a/goals.rec"))
    }

    /// The product links no ICU: no source of the product imports all of Foundation.
    func testTheProductImportsOnlyFoundationEssentials() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var offenders: [String] = []
        for target in ["Sources/SakerhetCore", "Sources/sakerhet"] {
            let dir = root.appendingPathComponent(target)
            let files = FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            XCTAssertFalse(files.isEmpty, target)
            for f in files {
                let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
                if text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "import Foundation" }) {
                    offenders.append(target + "/" + f)
                }
            }
        }
        XCTAssertEqual(offenders, [])
    }

    /// The cores the work is split over: the same count as Foundation's, read without it.
    func testUsableProcessorsAsFoundation() {
        XCTAssertEqual(Platform.usableProcessors(), ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertEqual(Parallel.width, min(8, ProcessInfo.processInfo.activeProcessorCount))
    }
}
