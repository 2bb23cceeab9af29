import Foundation
import XCTest
@testable import SakerhetCore

/// The write path and the record rules in the library, without the CLI (issue 13).
final class SafeWriteTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("safewrite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in Fixture.shippedFiles {
            try FileManager.default.copyItem(atPath: Fixture.shippedFolder + "/" + f, toPath: dir.path + "/" + f)
        }
        folder = dir.path
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    func file(_ name: String) throws -> String { try String(contentsOfFile: folder + "/" + name, encoding: .utf8) }

    func perform(dryRun: Bool = false, _ edit: (DataSet) throws -> Edit) throws -> WriteOutcome {
        try SafeWrite.perform(folder: folder, display: "data", asOf: Fixture.asOf, dryRun: dryRun, commit: false, edit: edit)
    }

    func testWriteDryRunRefusalAndInvalid() throws {
        let before = try file("activities.rec")
        // A dry run gives the diff and writes nothing.
        guard case .dryRun(let diff) = try perform(dryRun: true, { try Editor.update($0, .activity, id: "A12", [.set("note", "Enligt FLG")]) }) else {
            return XCTFail("no dry run")
        }
        XCTAssertTrue(diff.contains("+note: Enligt FLG"), diff)
        XCTAssertEqual(try file("activities.rec"), before)
        // An edit that adds an error is not written; the errors come back to render.
        guard case .invalid(let errors, _) = try perform({ try Editor.update($0, .activity, id: "A12", [.set("goal", "D99")]) }) else {
            return XCTFail("an unknown goal was accepted")
        }
        XCTAssertFalse(errors.isEmpty)
        XCTAssertEqual(try file("activities.rec"), before)
        // A refusal of a record rule: postpone only moves later.
        guard case .refused(let why) = try perform({ try RecordRules.postpone($0, .activity, id: "A12", to: Deadline(phrase: "2024-10")!, reason: "x") }) else {
            return XCTFail("postpone to an earlier month was accepted")
        }
        XCTAssertTrue(why.en.contains("postpone only moves later"), why.en)
        XCTAssertEqual(try file("activities.rec"), before)
        // A written edit.
        guard case .written(let summary, _, let committed) = try perform({ try RecordRules.postpone($0, .activity, id: "A12", to: Deadline(phrase: "2025-03")!, reason: "Inväntar KF") }) else {
            return XCTFail("postpone was not written")
        }
        XCTAssertFalse(committed)
        XCTAssertTrue(summary.sv.contains("A12") && summary.en.contains("A12"), summary.sv)
        let after = try file("activities.rec")
        XCTAssertTrue(after.contains("due: 2025-03") && after.contains("reason: Inväntar KF"), after)
        // No temporary file is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp") }, [])
    }

    /// The summary is the commit subject and the line a write prints. An old value written
    /// by hand is data: a number in it is masked (before the value is cut to 60 characters,
    /// so no part of it is left) in the language of the text, and its controls are shown;
    /// a line break or a tab becomes a blank, so the subject stays one line.
    func testSummaryMasksNumbersAndShowsControlsOfOldValues() throws {
        let record = "\nid: A90\ntitle: t\ngoal: D2\nowner: sbs\ndue: 19121212-\n+ 1212\nstatus: p\t\u{1B}[2J 19121212-1212\u{9B}\n"
            + "\nid: A91\ntitle: t\ngoal: D2\nowner: sbs\ndue: 2027\nstatus: \(String(repeating: "x", count: 50))19121212-1212\n"
            + "\nid: A9\u{1B}[2J\ntitle: t\ngoal: D2\nowner: sbs\ndue: 2027\nstatus: pågår\n"
        let data = Fixture.data([.activity: Fixture.activities + record])
        let edit = try Editor.update(data, .activity, id: "A90", [.set("due", "2027"), .set("status", "pågår")])
        XCTAssertEqual(edit.summary, "activities: A90 due [personnummer dolt] → 2027, status p \\x1b[2J [personnummer dolt]\\u{9B} → pågår")
        XCTAssertEqual(edit.echo.en, "activities: A90 due [personal number hidden] → 2027, status p \\x1b[2J [personal number hidden]\\u{9B} → pågår")
        // A value cut to 60 characters keeps no part of the number.
        let long = try Editor.update(data, .activity, id: "A91", [.set("status", "pågår")])
        XCTAssertFalse(long.summary.contains("1912") || long.echo.en.contains("1912"), long.summary)
        // An id is data too, and so is what rm names.
        XCTAssertEqual(try Editor.remove(data, .activity, id: "A9\u{1B}[2J").summary, "activities: ta bort A9\\x1b[2J")
    }

    /// A write into a folder without write permission fails on the lock file; the error
    /// says what to do (the folder's permissions, or the lock file's when it is there), as
    /// for a read-only data file. Other errors keep the system's reason alone.
    func testLockErrorNamesTheFix() {
        let folder = Store.lockError("ro/.sakerhet.lock", folder: "ro", EACCES, lockExists: false).message
        XCTAssertEqual(folder.sv, "kan inte skapa låsfilen ro/.sakerhet.lock: åtkomst nekad; mappen ro är skrivskyddad för dig, ge skrivrätt med chmod u+w ro (eller kör som dess ägare). Inget skrevs")
        XCTAssertTrue(folder.en.contains("the folder ro is read-only for you, give write permission with chmod u+w ro"), folder.en)
        let lock = Store.lockError("d/.sakerhet.lock", folder: "d", EPERM, lockExists: true).message
        XCTAssertTrue(lock.sv.contains("chmod u+w d/.sakerhet.lock") && lock.en.contains("chmod u+w d/.sakerhet.lock"), lock.sv)
        let full = Store.lockError("d/.sakerhet.lock", folder: "d", ENOSPC, lockExists: false).message
        XCTAssertEqual(full.sv, "kan inte skapa låsfilen d/.sakerhet.lock: disken är full")
    }

    /// An edit is a splice of the old file, written in three pieces: the file read back
    /// holds the change, every other record as it was (same lines, same order), and
    /// nothing else; also for a file without a final newline and for its last record.
    func testAnEditIsWrittenAsASplice() throws {
        func records(_ bytes: [UInt8]) -> [String: String] {
            let doc = Document(bytes: bytes)
            // A record's lines, but for the break after its last one: a record that ended the
            // file without one gets it when a record is added after it.
            func lines(_ r: Record) -> String {
                var text = String(decoding: bytes[r.byteRange], as: UTF8.self)
                while text.hasSuffix("\n") { text.removeLast() }
                return text
            }
            return Dictionary(doc.records.map { r in (r.value(.id) ?? "?", lines(r)) }, uniquingKeysWith: { a, _ in a })
        }
        let cases: [(name: String, trim: Bool, make: (DataSet) throws -> Edit, changed: Set<String>, gone: Set<String>)] = [
            ("set", false, { try Editor.update($0, .activity, id: "A12", [.set("note", "Enligt FLG\nrad två"), .set("status", "pågår")]) }, ["A12"], []),
            ("add", false, { try RecordRules.add($0, .activity, fields: [("title", "Ny aktivitet"), ("goal", "D4"), ("owner", "sbs"), ("due", "2025-06")]).0 }, [], []),
            ("rm", false, { try Editor.remove($0, .activity, id: "A22") }, [], ["A22"]),
            ("add, no final newline", true, { try RecordRules.add($0, .activity, fields: [("title", "Sist"), ("goal", "D4"), ("owner", "sbs"), ("due", "2025-06")]).0 }, [], []),
            ("rm the last, no final newline", true, { try Editor.remove($0, .activity, id: "A999") }, [], ["A999"]),
        ]
        for c in cases {
            // Each case on a fresh copy; the one before is removed (the last by tearDown).
            try tearDownWithError()
            try setUpWithError()
            if c.trim {
                var bytes = Array(try file("activities.rec").utf8)
                while bytes.last == 0x0A { bytes.removeLast() }
                if c.gone.contains("A999") {
                    bytes += Array("\n\nid: A999\ntitle: Sist\ngoal: D4\nowner: sbs\ndue: 2025-06\nstatus: ej påbörjad".utf8)
                }
                try Store.writeAtomically(bytes, to: folder + "/activities.rec")
            }
            let before = Array(try file("activities.rec").utf8)
            let old = records(before)
            let data = try Store.load(folder: folder, display: "data")
            let edit = try c.make(data)
            guard case .written = try perform(c.make) else { return XCTFail("\(c.name): not written") }
            let after = Array(try file("activities.rec").utf8)
            XCTAssertEqual(after, edit.afterBytes, c.name)
            XCTAssertTrue(Document(bytes: after).issues.isEmpty, "\(c.name): the file still parses cleanly")
            let new = records(after)
            let gone = c.gone
            for (id, text) in old where !c.changed.contains(id) && !gone.contains(id) {
                XCTAssertEqual(new[id], text, "\(c.name): \(id) is as it was")
            }
            for id in gone { XCTAssertNil(new[id], "\(c.name): \(id) is gone") }
            for id in c.changed { XCTAssertNotEqual(new[id], old[id], "\(c.name): \(id) changed") }
            let added = Set(new.keys).subtracting(old.keys)
            XCTAssertEqual(added.count, c.name.hasPrefix("add") ? 1 : 0, c.name)
            XCTAssertEqual(new.count, old.count + added.count - gone.count, c.name)
        }
    }

    /// A write that fails part-way (here: the file may not grow past 4 KiB, as on a full
    /// disk) is an error naming the file, and the file keeps its old bytes: the splice's
    /// pieces go to a temporary file, which is removed.
    func testAWriteThatFailsPartWayLeavesTheFileAsItWas() throws {
        #if os(Linux)
        let path = folder + "/activities.rec"
        let before = try file("activities.rec")
        let data = try Store.load(folder: folder, display: "data")
        let edit = try Editor.update(data, .activity, id: "A12", [.set("note", "Ny")])
        XCTAssertGreaterThan(edit.afterBytes.count, 8192)
        signal(SIGXFSZ, SIG_IGN)
        var old = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &old)
        var low = old
        low.rlim_cur = 4096
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &low)
        var failure: Error?
        do { try Store.writeAtomically(slices: edit.afterSlices, to: path) } catch { failure = error }
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &old)
        signal(SIGXFSZ, SIG_DFL)
        let message = (failure as? StoreError)?.message
        XCTAssertEqual(message?.en.hasPrefix("could not write \(path): "), true, message?.en ?? "no error")
        XCTAssertEqual(message?.en.hasSuffix("the original is untouched"), true, message?.en ?? "")
        XCTAssertEqual(try file("activities.rec"), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("sakerhet-tmp") }, [])
        #endif
    }

    func testRecordRules() throws {
        let data = try Store.load(folder: folder, display: "data")
        // done: a plain activity is klar with the date; a recurring one moves to its next period.
        let plain = try RecordRules.done(data, .activity, id: "A12", date: Day("2024-11-20")!, evidence: "Protokoll")
        let p = text(plain.afterBytes)
        XCTAssertTrue(p.contains("id: A12") && p.contains("status: klar") && p.contains("done: 2024-11-20") && p.contains("evidence: Protokoll"))
        let recurring = try RecordRules.done(data, .activity, id: "A9", date: Day("2024-11-20")!, evidence: nil)
        let block = text(recurring.afterBytes).components(separatedBy: "id: A9\n")[1].components(separatedBy: "\n\n")[0]
        XCTAssertTrue(block.contains("status: pågår") && block.contains("done: 2024-11-20") && block.contains("due: 2025"), block)
        XCTAssertThrowsError(try RecordRules.done(data, .risk, id: "R1", date: Fixture.asOf, evidence: nil))
        XCTAssertThrowsError(try RecordRules.postpone(data, .risk, id: "R1", to: Deadline(phrase: "2030")!, reason: "x"))
        // add: the default status, and the required fields named when missing.
        XCTAssertEqual(RecordRules.defaultStatus(.activity), "ej påbörjad")
        XCTAssertEqual(RecordRules.defaultStatus(.risk), RiskStatus.identified.rawValue)
        XCTAssertEqual(RecordRules.missing(.activity, in: [("title", "x")]), ["goal", "owner", "due"])
        let (added, id) = try RecordRules.add(data, .activity, fields: [("title", "Ny"), ("goal", "D9"), ("owner", "sbs"), ("due", "2025-06")])
        XCTAssertTrue(text(added.afterBytes).contains("id: \(id)\ntitle: Ny"), text(added.afterBytes).suffix(200).description)
        XCTAssertTrue(text(added.afterBytes).contains("status: ej påbörjad"))
    }

    /// A dry run reads without the lock: it makes no lock file (a folder one may only read
    /// shows the diff).
    func testADryRunTakesNoLock() throws {
        guard case .dryRun = try perform(dryRun: true, { try Editor.update($0, .activity, id: "A12", [.set("note", "x")]) }) else {
            return XCTFail("no dry run")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/.sakerhet.lock"))
    }

    /// An edit that changes nothing writes nothing (and commits nothing): `.unchanged`.
    func testAnEditThatChangesNothingWritesNothing() throws {
        let before = try file("activities.rec")
        let data = try Store.load(folder: folder, display: "data")
        let a = try XCTUnwrap(data.activities.first { $0.status == .inProgress })
        guard case .unchanged(let record) = try perform({ try Editor.update($0, .activity, id: a.id, [.set("status", "pågår")]) }) else {
            return XCTFail("not unchanged")
        }
        XCTAssertEqual(record, "activities: \(a.id)")
        XCTAssertEqual(try file("activities.rec"), before)
        // A value a repeated field has already is not added twice; an empty one is an error.
        let risks = try file("risks.rec")
        let r = try XCTUnwrap(data.risks.first { !$0.actions.isEmpty })
        guard case .unchanged = try perform({ try Editor.update($0, .risk, id: r.id, [.add("action", r.actions[0])]) }) else { return XCTFail("added twice") }
        XCTAssertThrowsError(try perform({ try Editor.update($0, .risk, id: r.id, [.add("action", "")]) }))
        XCTAssertEqual(try file("risks.rec"), risks)
    }

    /// An edit names one record: an id that two records have is refused for every verb,
    /// naming both lines, and nothing is written; `show`'s lookup still finds both. Work
    /// already done is not marked done again (that would move its done date) nor postponed
    /// (that would turn a late finish into one on time).
    func testAnEditNeedsOneRecordAndDoneStaysDone() throws {
        let done = try Store.load(folder: folder, display: "data")
        let finished = try XCTUnwrap(done.activities.first { $0.status == .done && $0.every == nil }?.id)
        let twice = try XCTUnwrap(done.activities.first { $0.status == .notStarted }?.id)
        func refusal(_ edit: (DataSet) throws -> Edit) throws -> String {
            guard case .refused(let why) = try perform(edit) else { XCTFail("not refused"); return "" }
            return why.sv
        }
        let alreadyDone = try refusal { try RecordRules.done($0, .activity, id: finished, date: Fixture.asOf, evidence: nil) }
        XCTAssertTrue(alreadyDone.hasPrefix("\(finished) är redan klar 20") && alreadyDone.contains("set \(finished) done="), alreadyDone)
        XCTAssertTrue(try refusal { try RecordRules.postpone($0, .activity, id: finished, to: Deadline(phrase: "2030")!, reason: "x") }
            .contains("är redan klar"))

        let before = try file("activities.rec")
        let copy = "\nid: \(twice)\ntitle: Kopia\ngoal: D2\nowner: sbs\ndue: 2030-05\nstatus: pågår\n"
        try (before + copy).write(toFile: folder + "/activities.rec", atomically: true, encoding: .utf8)
        let data = try Store.load(folder: folder, display: "data")
        let lines = data.records(of: .activity, id: twice).map { data.record(RecordRef(kind: .activity, index: $0)).line }
        XCTAssertEqual(lines.count, 2)
        let edits: [(DataSet) throws -> Edit] = [
            { try Editor.update($0, .activity, id: twice, [.set("note", "x")]) },
            { try RecordRules.done($0, .activity, id: twice, date: Fixture.asOf, evidence: nil) },
            { try RecordRules.postpone($0, .activity, id: twice, to: Deadline(phrase: "2031")!, reason: "x") },
            { try Editor.remove($0, .activity, id: twice) },
        ]
        for edit in edits {
            XCTAssertEqual(try refusal(edit), "id '\(twice)' finns i 2 poster i data/activities.rec (rad \(lines[0]) och \(lines[1])); ge dem olika id innan en av dem ändras")
        }
        XCTAssertEqual(try file("activities.rec"), before + copy)

        // `genomförd` is `klar` written another way: done already.
        let marked = try XCTUnwrap(data.records(of: .activity, id: finished).first.map { data.record(RecordRef(kind: .activity, index: $0)) })
        var bytes = Array(before.utf8)
        let status = try XCTUnwrap(marked.field(.status))
        bytes.replaceSubrange(status.byteRange, with: Array("status: genomförd\n".utf8))
        try String(decoding: bytes, as: UTF8.self).write(toFile: folder + "/activities.rec", atomically: true, encoding: .utf8)
        XCTAssertTrue(try refusal { try RecordRules.done($0, .activity, id: finished, date: Fixture.asOf, evidence: nil) }.contains("är redan klar"))
    }

    /// Several files written as one: all replaced, each keeping its mode; when one cannot be
    /// written (its folder is missing), none is, and no temporary file is left.
    func testSeveralFilesAllOrNone() throws {
        let a = folder + "/owners.rec", b = folder + "/goals.rec"
        XCTAssertEqual(chmod(b, 0o640), 0)
        let (oldA, oldB) = (try file("owners.rec"), try file("goals.rec"))
        try Store.writeAtomically(files: [(Array((oldA + "\n# a\n").utf8), a), (Array((oldB + "\n# b\n").utf8), b)])
        XCTAssertEqual(try file("owners.rec"), oldA + "\n# a\n")
        XCTAssertEqual(try file("goals.rec"), oldB + "\n# b\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: b)[.posixPermissions] as? Int, 0o640)

        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertThrowsError(try Store.writeAtomically(files: [(Array("x\n".utf8), a), (Array("y\n".utf8), b),
                                                               (Array("z\n".utf8), folder + "/saknas/risks.rec")])) { e in
            XCTAssertTrue("\((e as? StoreError)?.message.en ?? "")".contains("saknas"), "\(e)")
        }
        XCTAssertEqual(try file("owners.rec"), oldA + "\n# a\n")
        XCTAssertEqual(try file("goals.rec"), oldB + "\n# b\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), before, "no temporary file is left")
        // A file that cannot be replaced (a folder in its place) is refused before anything is written.
        XCTAssertThrowsError(try Store.writeAtomically(files: [(Array("x\n".utf8), a), (Array("y\n".utf8), folder)]))
        XCTAssertEqual(try file("owners.rec"), oldA + "\n# a\n")
    }
}
