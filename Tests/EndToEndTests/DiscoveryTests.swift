import Foundation
import XCTest

/// Without `--data`, the binary uses the nearest `data/` folder upward, as git finds `.git`.
final class DiscoveryTests: EndToEndCase {
    /// At 2026-11-26 the fixture's goal M3.3 is overdue at goals.rec:8.
    let late = "2026-11-26"

    func testFindsDataFolderAbove() throws {
        let root = try folder(with: Fixture.files)
        let deep = root.appendingPathComponent("docs/uppfoljning/2024")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let r = try run(["audit", "--as-of", late], in: deep)
        XCTAssertEqual(r.exitCode, 1, r.output)
        let named = lines(of: r.stdout, at: "/").filter { $0.contains("/data/goals.rec:8: fel: M3.3 är försenad") }
        XCTAssertEqual(named.count, 1, r.output)
        XCTAssertTrue(named.first?.contains(root.lastPathComponent + "/data/goals.rec") ?? false,
                      "not the temporary folder's data/:\n\(r.output)")
    }

    func testPathsAreRelativeInTheFolderHoldingData() throws {
        let root = try folder(with: Fixture.files)
        let r = try run(["audit", "--as-of", late], in: root)
        XCTAssertEqual(r.exitCode, 1, r.output)
        XCTAssertTrue(r.stdout.contains("\ndata/goals.rec:8: fel: M3.3") || r.stdout.hasPrefix("data/goals.rec:8: fel: M3.3"), r.output)
    }

    func testNearestDataFolderWins() throws {
        let root = try folder(with: Fixture.files)
        // An inner plan whose only difference is a later deadline for M3.3.
        let inner = root.appendingPathComponent("enhet")
        let innerFiles = try Fixture.files(editing: "goals.rec", replacing: "due: 2024-12-31", with: "due: 2027-12-31")
        try FileManager.default.createDirectory(at: inner.appendingPathComponent("data"), withIntermediateDirectories: true)
        for (name, bytes) in innerFiles { try Data(bytes).write(to: inner.appendingPathComponent("data/" + name)) }
        let cwd = inner.appendingPathComponent("anteckningar")
        try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)

        let r = try run(["audit", "--as-of", late], in: cwd)
        XCTAssertTrue(r.stdout.contains("enhet/data/goals.rec"), r.output)
        XCTAssertFalse(r.stdout.contains("M3.3 är försenad"), "used the outer data/:\n\(r.output)")
    }

    /// `--data ROOT`, a repository root with `data/` in it, reads and writes `ROOT/data`,
    /// as a plans file's line does; a folder with neither is still named as empty.
    func testDataGivenARepositoryRootReadsItsDataFolder() throws {
        let root = try folder(with: Fixture.files)
        let name = root.lastPathComponent
        let parent = root.deletingLastPathComponent()
        let r = try run(["--data", name, "audit", "--as-of", late], in: parent)
        XCTAssertEqual(r.exitCode, 1, r.output)
        XCTAssertTrue(r.stdout.contains(name + "/data/goals.rec:8: fel: M3.3"), r.output)
        let slash = try run(["--data", name + "/", "goals", "show", "M3.3"], in: parent)
        XCTAssertEqual(slash.exitCode, 0, slash.output)
        let done = try run(["--data", name, "activities", "done", "A26", "--date", "2024-11-01", "--as-of", late], in: parent)
        XCTAssertEqual(done.exitCode, 0, done.output)
        let bytes = try String(contentsOf: root.appendingPathComponent("data/activities.rec"), encoding: .utf8)
        XCTAssertTrue(bytes.contains("done: 2024-11-01"), bytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("activities.rec").path))

        let empty = parent.appendingPathComponent(name + "-tom")
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try run(["--data", name + "-tom", "audit", "--as-of", late], in: parent)
        XCTAssertEqual(none.exitCode, 2, none.output)
        XCTAssertTrue(none.stderr.contains(name + "-tom innehåller inga .rec-filer"), none.output)
    }

    func testNoDataFolderAnywhereIsAUsageError() throws {
        let root = try makeTempFolder()
        var dir = root.deletingLastPathComponent()
        while true {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("data").path, isDirectory: &isDir), isDir.boolValue {
                throw XCTSkip("\(dir.path) has a data/ folder, so one is always found")
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        let r = try run(["audit", "--as-of", Self.planDate], in: root)
        XCTAssertEqual(r.exitCode, 2, r.output)
        XCTAssertTrue(r.stderr.contains("hittar ingen data/-mapp"), r.output)
        let en = try run(["audit", "--as-of", Self.planDate, "--lang", "en"], in: root)
        XCTAssertTrue(en.stderr.contains("no data/ folder here or above"), en.output)
    }
}
