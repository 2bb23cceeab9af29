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
            XCTAssertTrue(changed.contains { $0.hasPrefix("  SAKERHET_REF: \"\(sha)\" ") }, "\(changed)")
            XCTAssertTrue(changed.contains { $0.hasPrefix("  SAKERHET_REPO: \"https://git.example.se/sakerhet/sakerhet.git\"") }, "\(changed)")
            let (variables, _) = try extracted(pinned)
            XCTAssertEqual(variables["SAKERHET_REF"], sha)
            XCTAssertEqual(variables["SAKERHET_REPO"], "https://git.example.se/sakerhet/sakerhet.git")
            let steps = CITemplates.nextSteps(system, ref: sha, repo: nil, lang: .en)
            XCTAssertTrue(steps.contains(sha) && steps.contains("SAKERHET_REPO") && steps.contains(CITemplates.image), steps)
            XCTAssertTrue(steps.contains("SAKERHET_BINARY_URL") && steps.contains("SAKERHET_BINARY_SHA256"), steps)
        }
    }

    /// Issue 17: the jobs can download a released binary instead of building, and run it
    /// only when its SHA-256 is the one given. The download step of each file runs here for
    /// real, on a file:// URL: a right checksum installs it (GitHub: and skips the build
    /// steps; GitLab: and ends the build job), a wrong one or none fails and leaves nothing,
    /// no URL does nothing (the build runs), and a failed download falls back to building.
    func testReleasedBinaryIsDownloadedOnlyWithItsChecksum() throws {
        guard try run(["sh", "-c", "command -v curl && command -v sha256sum"]).status == 0 else { throw XCTSkip("curl or sha256sum missing") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ci-binary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let release = dir.appendingPathComponent("sakerhet-linux-x86_64")
        try Data("#!/bin/sh\necho sakerhet 9.9.9\n".utf8).write(to: release)
        let sum = String(try run(["sha256sum", release.path]).out.prefix(64))
        XCTAssertEqual(sum.count, 64)
        let wrong = String(repeating: "0", count: 64)

        for system in ["github", "gitlab"] {
            let (_, text) = CITemplates.file(system)
            let download = try XCTUnwrap(shellLines(text).first { $0.contains("SAKERHET_BINARY_URL") }, system)
            XCTAssertTrue(download.contains("sha256sum -c"), system)
            XCTAssertTrue(text.contains("SAKERHET_BINARY_SHA256"), system)
            // The download comes before the clone and build, which stay as they were.
            let scripts = shellLines(text)
            let d = try XCTUnwrap(scripts.firstIndex(of: download)), b = try XCTUnwrap(scripts.firstIndex { $0.contains("swift build") })
            XCTAssertLessThan(d, b, system)
            if system == "github" {
                for step in ["Fetch sakerhet at SAKERHET_REF", "Restore the sakerhet build", "Build sakerhet"] {
                    let lines = text.components(separatedBy: "\n")
                    let at = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("- name: " + step) }, step)
                    XCTAssertTrue(lines[at...].prefix(4).contains { $0.contains("if: steps.binary.outputs.downloaded != 'true'") }, step)
                }
            }

            func step(url: String?, sha: String?) throws -> (Run, String, URL) {
                let work = dir.appendingPathComponent("\(system)-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
                let output = work.appendingPathComponent("github_output")
                var env = "export GITHUB_OUTPUT='\(output.path)'\n"
                if let url { env += "export SAKERHET_BINARY_URL='\(url)'\n" } else { env += "export SAKERHET_BINARY_URL=\n" }
                if let sha { env += "export SAKERHET_BINARY_SHA256='\(sha)'\n" } else { env += "export SAKERHET_BINARY_SHA256=\n" }
                let r = try run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", "cd '\(work.path)'\n" + env + download + "echo AFTER\n"])
                return (r, (try? String(contentsOf: output, encoding: .utf8)) ?? "", work)
            }
            let installed = { (work: URL) in FileManager.default.isExecutableFile(atPath: work.appendingPathComponent(".sakerhet/bin/sakerhet").path) }

            // The right checksum: installed, and the build is skipped.
            var (r, output, work) = try step(url: release.absoluteString, sha: sum)
            XCTAssertEqual(r.status, 0, "\(system): \(r.out)\(r.err)")
            XCTAssertTrue(installed(work), system)
            XCTAssertEqual(try String(contentsOf: work.appendingPathComponent(".sakerhet/commit"), encoding: .utf8), "download \(sum)\n", system)
            if system == "github" {
                XCTAssertEqual(output, "downloaded=true\n")
            } else {
                XCTAssertTrue(r.out.contains("sakerhet 9.9.9"), r.out)
                XCTAssertFalse(r.out.contains("AFTER"), "\(system): the build job went on after the download")
            }
            // A wrong checksum: refused, nothing installed, never run.
            (r, output, work) = try step(url: release.absoluteString, sha: wrong)
            XCTAssertEqual(r.status, 1, system)
            XCTAssertFalse(installed(work), system)
            XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent(".sakerhet/download").path), system)
            XCTAssertTrue((r.out + r.err).contains("does not have the checksum SAKERHET_BINARY_SHA256"), r.out + r.err)
            XCTAssertFalse(r.out.contains("9.9.9"), system)
            XCTAssertEqual(output, "", system)
            // A URL without a checksum: refused before any download.
            (r, output, work) = try step(url: release.absoluteString, sha: nil)
            XCTAssertEqual(r.status, 1, system)
            XCTAssertFalse(installed(work), system)
            XCTAssertTrue(r.out.contains("without SAKERHET_BINARY_SHA256"), r.out)
            // No URL: nothing happens, the build steps run.
            (r, output, work) = try step(url: nil, sha: nil)
            XCTAssertEqual(r.status, 0, system)
            XCTAssertTrue(r.out.contains("AFTER"), system)
            XCTAssertFalse(installed(work), system)
            XCTAssertEqual(output, "", system)
            // A download that fails: a warning, and the build steps run.
            (r, output, work) = try step(url: dir.appendingPathComponent("missing").absoluteString, sha: sum)
            XCTAssertEqual(r.status, 0, "\(system): \(r.out)\(r.err)")
            XCTAssertTrue(r.out.contains("AFTER") && r.out.contains("building sakerhet from SAKERHET_REPO instead"), r.out)
            XCTAssertFalse(installed(work), system)
            XCTAssertEqual(output, "", system)
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
