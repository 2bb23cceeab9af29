import Foundation
import XCTest
@testable import SakerhetCore

/// The CI files of `init --ci` (issue 11, item 16), fast: they parse as YAML, name a ref
/// that exists here, and the shell they run is exactly what .ci/template_steps.py hands to
/// .ci/template-test.sh, which builds and runs it for real in .ci/run (too slow for here).
final class CITemplateTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Run { let status: Int32; let out: String; let err: String }

    func run(_ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.currentDirectoryURL = Self.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// What .ci/template_steps.py reads from `text`: the variables and the scripts in order.
    func extracted(_ text: String) throws -> (variables: [String: String], scripts: [String]) {
        guard try run(["python3", "-c", "import yaml"]).status == 0 else { throw XCTSkip("python3 with PyYAML is not installed") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ci-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(text.utf8).write(to: file)
        let r = try run(["python3", ".ci/template_steps.py", file.path])
        XCTAssertEqual(r.status, 0, "the YAML does not parse: \(r.err)")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let steps = try XCTUnwrap(json["steps"] as? [[String: Any]])
        return (try XCTUnwrap(json["variables"] as? [String: String]), steps.compactMap { $0["script"] as? String })
    }

    /// The shell of a CI file read from its lines, without YAML: GitHub's `run:` values and
    /// the entries of GitLab's `script:` lists, a `|` block as its indented lines.
    func shellLines(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        var scripts: [String] = []
        var scriptIndent: Int?   // the indent of a GitLab `script:` key while in its list
        var i = 0
        func indent(_ s: String) -> Int { s.prefix { $0 == " " }.count }
        while i < lines.count {
            let line = lines[i], trimmed = line.trimmingCharacters(in: .whitespaces)
            i += 1
            if let s = scriptIndent, !trimmed.isEmpty, indent(line) <= s, !trimmed.hasPrefix("- ") || indent(line) < s { scriptIndent = nil }
            if trimmed == "script:" { scriptIndent = indent(line); continue }
            let value: String
            if trimmed.hasPrefix("run: ") { value = String(trimmed.dropFirst(5)) }
            else if scriptIndent != nil, trimmed.hasPrefix("- ") { value = String(trimmed.dropFirst(2)) }
            else { continue }
            guard value == "|" else {
                scripts.append(value.range(of: " #").map { String(value[..<$0.lowerBound]) }?.trimmingCharacters(in: .whitespaces) ?? value)
                continue
            }
            var block: [String] = []
            let first = lines[i...].first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(indent) ?? 0
            while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces).isEmpty || indent(lines[i]) >= first {
                block.append(String(lines[i].dropFirst(min(first, indent(lines[i])))))
                i += 1
            }
            while block.last?.isEmpty == true { block.removeLast() }
            scripts.append(block.joined(separator: "\n") + "\n")
        }
        return scripts
    }

    func testDefaultFilesNameARefThatExistsAndTheTestRunsTheirShell() throws {
        for system in ["github", "gitlab"] {
            let (_, text) = CITemplates.file(system)
            let (variables, scripts) = try extracted(text)
            let ref = try XCTUnwrap(variables["SAKERHET_REF"], system)
            XCTAssertEqual(ref, CITemplates.defaultRef)
            let exists = try run(["git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"]).status == 0
                || (try run(["git", "rev-parse", "--verify", "--quiet", "origin/" + ref + "^{commit}"]).status == 0)
            XCTAssertTrue(exists, "\(system): '\(ref)' is not a ref of this repository")
            XCTAssertEqual(scripts, shellLines(text), system)
            XCTAssertTrue(scripts.contains { $0.contains("swift build -c release --static-swift-stdlib") }, system)
            XCTAssertTrue(scripts.contains { $0.contains("sakerhet audit") } && scripts.contains { $0.contains("sakerhet report") }, system)
            XCTAssertTrue(text.contains("image: \(CITemplates.image)") || text.contains("container: \(CITemplates.image)"), system)
        }
        // .ci/template-test.sh runs what template_steps.py extracts, nothing retyped.
        let script = try String(contentsOf: Self.root.appendingPathComponent(".ci/template-test.sh"), encoding: .utf8)
        XCTAssertTrue(script.contains(".ci/template_steps.py \"$1\""), "template-test.sh does not run the extracted steps")
        XCTAssertFalse(script.contains("sakerhet audit"), "template-test.sh retypes a command of the template")
    }

    func testToolRefAndRepoChangeOnlyTheirLines() throws {
        let sha = String(repeating: "0123456789", count: 4)
        for system in ["github", "gitlab"] {
            let (_, plain) = CITemplates.file(system)
            let (path, pinned) = CITemplates.file(system, ref: sha, repo: "https://git.example.se/sakerhet/sakerhet.git")
            XCTAssertEqual(path, system == "github" ? ".github/workflows/sakerhet.yml" : ".gitlab-ci.yml")
            let a = plain.components(separatedBy: "\n"), b = pinned.components(separatedBy: "\n")
            XCTAssertEqual(a.count, b.count)
            let changed = zip(a, b).filter { $0 != $1 }.map(\.1)
            XCTAssertEqual(changed.count, 2, "\(changed)")
            XCTAssertTrue(changed.contains { $0.hasPrefix("  SAKERHET_REF: \(sha) ") }, "\(changed)")
            XCTAssertTrue(changed.contains { $0.hasPrefix("  SAKERHET_REPO: \"https://git.example.se/sakerhet/sakerhet.git\"") }, "\(changed)")
            let (variables, _) = try extracted(pinned)
            XCTAssertEqual(variables["SAKERHET_REF"], sha)
            XCTAssertEqual(variables["SAKERHET_REPO"], "https://git.example.se/sakerhet/sakerhet.git")
            let steps = CITemplates.nextSteps(system, ref: sha, repo: nil, lang: .en)
            XCTAssertTrue(steps.contains(sha) && steps.contains("SAKERHET_REPO") && steps.contains(CITemplates.image), steps)
        }
    }

    func testRefusedRefsAndRepositories() {
        for ok in ["main", "v1.2.0", "0123456789abcdef0123456789abcdef01234567", "release-2026"] {
            XCTAssertTrue(CITemplates.isValidRef(ok), ok)
        }
        for bad in ["", "-x", "a b", "main\nstatus: x", "a..b", "release/1.0", "x\"y", "$(id)", "å", ".hidden"] {
            XCTAssertFalse(CITemplates.isValidRef(bad), bad)
        }
        for ok in ["https://git.example.se/sakerhet.git", "file:///srv/git/sakerhet", "git@git.example.se:sakerhet.git"] {
            XCTAssertTrue(CITemplates.isValidRepo(ok), ok)
        }
        for bad in ["", "-u", "https://x y", "https://x\"y", "https://x\ny", "$(id)", "a`b`", "a\\b", "https://x'y"] {
            XCTAssertFalse(CITemplates.isValidRepo(bad), bad)
        }
    }
}
