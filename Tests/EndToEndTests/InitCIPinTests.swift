import Foundation
import XCTest

/// Issue 11, item 16: `init --ci` names a ref that exists, `--tool-ref`/`--tool-repo` pin
/// the tool, bad values are refused before anything is written, and the next steps are
/// printed. (The build itself runs in .ci/template-test.sh.)
final class InitCIPinTests: EndToEndCase {
    func testInitCIPinsTheToolAndPrintsTheNextSteps() throws {
        let root = try makeTempFolder()
        let sha = "3ae078ead56f3b643e05d4becb0aaf1ca40d2333"
        let r = try run(["init", "plan", "--ci", "gitlab", "--tool-ref", sha, "--tool-repo", "https://git.example.se/sakerhet/sakerhet.git",
                         "--lang", "en"], in: root)
        XCTAssertEqual(r.exitCode, 0, r.output)
        let yml = try text(root, "plan/.gitlab-ci.yml")
        XCTAssertTrue(yml.contains("  SAKERHET_REF: \"\(sha)\" "), yml)
        XCTAssertTrue(yml.contains("  SAKERHET_REPO: \"https://git.example.se/sakerhet/sakerhet.git\""), yml)
        XCTAssertTrue(yml.contains("swift build -c release --static-swift-stdlib"))
        XCTAssertFalse(yml.contains("v0.1.0"), "the tag that does not exist")
        for step in ["Next steps for the CI job (.gitlab-ci.yml)", "https://git.example.se/sakerhet/sakerhet.git",
                     "builds commit \(sha)", "Move the pin", "Pipeline schedules", "swift:6.3-noble"] {
            XCTAssertTrue(r.stdout.contains(step), "missing '\(step)' in:\n\(r.stdout)")
        }
        // Without --tool-ref: main, and how to pin a commit; the GitHub schedule.
        let gh = try run(["init", "gh", "--ci", "github"], in: root)
        XCTAssertEqual(gh.exitCode, 0, gh.output)
        XCTAssertTrue(try text(root, "gh/.github/workflows/sakerhet.yml").contains("  SAKERHET_REF: \"main\" "))
        XCTAssertTrue(gh.stdout.contains("SAKERHET_REPO") && gh.stdout.contains("git ls-remote") && gh.stdout.contains("05:00 UTC"), gh.stdout)

        // A value that would break the YAML or the shell is refused, and nothing is written.
        for bad in [["--ci", "github", "--tool-ref", "main\nstatus: x"], ["--ci", "github", "--tool-ref", "$(id)"],
                    ["--ci", "gitlab", "--tool-repo", "https://x\" y"], ["--tool-ref", sha],
                    ["--ci", "gitlab", "--tool-repo", "https://user:token@git.example.se/sakerhet.git"]] {
            let refused = try run(["init", "bad"] + bad, in: root)
            XCTAssertEqual(refused.exitCode, 2, "\(bad): \(refused.output)")
            XCTAssertTrue(refused.stderr.contains("--tool-"), refused.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("bad").path), "\(bad) wrote files")
        }
        // A ref YAML would read as a number (1.10 as 1.1) is written quoted, as every ref.
        XCTAssertEqual(try run(["init", "num", "--ci", "github", "--tool-ref", "1.10"], in: root).exitCode, 0)
        XCTAssertTrue(try text(root, "num/.github/workflows/sakerhet.yml").contains("  SAKERHET_REF: \"1.10\" "))
        // A personnummer in the organisation is refused (audit would refuse config.rec), and
        // a folder's name is shown as a value is.
        let number = try run(["init", "pn", "--organisation", "Org 121212-1212"], in: root)
        XCTAssertEqual(number.exitCode, 2, number.output)
        XCTAssertFalse(number.output.contains("1212-1212") || FileManager.default.fileExists(atPath: root.appendingPathComponent("pn").path), number.output)
        let odd = try run(["init", "plan\u{1B}[2J"], in: root)
        XCTAssertEqual(odd.exitCode, 0, odd.output)
        XCTAssertTrue(odd.stdout.contains("plan\\x1b[2J/data/") && !odd.stdout.contains("\u{1B}"), odd.stdout)
    }
}
