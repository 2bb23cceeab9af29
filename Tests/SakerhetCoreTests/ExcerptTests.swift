import Foundation
import XCTest
@testable import SakerhetCore

/// An edit of one record reads the large files around the record's id
/// (`Document(bytes:holding:)`, `Store.load(folder:display:around:)`): these tests hold
/// the excerpt to the whole file's parse, and the write made from it to the write made
/// from the whole folder.
final class ExcerptTests: XCTestCase {
    /// A file with a descriptor, comments between and inside records, continuation lines,
    /// blank lines of spaces and tabs, a CR before a blank line's LF, a syntax error and no
    /// final line break.
    static let awkward = """
    %rec: Activity
    %key: id

    id: A1
    title: Först
    goal: M1

    # En kommentar före A2
    id: A2
    title: Två rader
    + A1 nämns här
    goal: M1
    \t
    id: A3
    # inuti
    title: Tre A33
    goal: M2
    \r
    id: A33
    title: Trettiotre
    felrad utan kolon
    goal: M2

    id: A4
    title: Sist
    """

    /// The excerpt's records are records of the whole parse, the same in every field,
    /// line and byte; and every record of the whole parse whose lines hold `needle` is
    /// among them. (Records between two places where a parse may start afresh come
    /// together: a record after a comment block is parsed with the one before it.)
    func assertExcerpt(_ excerpt: Document, of whole: Document, holds needle: String, sieve: Set<String>? = nil,
                       file: StaticString = #filePath, line: UInt = #line) {
        var byStart: [Int: Record] = [:]
        for r in whole.records { byStart[r.byteRange.lowerBound] = r }
        for r in excerpt.records {
            guard let w = byStart[r.byteRange.lowerBound] else { return XCTFail("\(needle): no record at \(r.byteRange)", file: file, line: line) }
            XCTAssertEqual(r.line, w.line, needle, file: file, line: line)
            XCTAssertEqual(r.byteRange, w.byteRange, needle, file: file, line: line)
            XCTAssertEqual(r.fields, w.fields, needle, file: file, line: line)
        }
        let kept = Set(excerpt.records.map(\.byteRange.lowerBound))
        for r in whole.records where String(decoding: whole.bytes[r.byteRange], as: UTF8.self).contains(needle) {
            XCTAssertTrue(kept.contains(r.byteRange.lowerBound), "\(needle): the record on line \(r.line) is missing", file: file, line: line)
        }
        XCTAssertEqual(excerpt.lineCount, whole.lineCount, needle, file: file, line: line)
        XCTAssertEqual(excerpt.bytes, whole.bytes, file: file, line: line)
        XCTAssertEqual(excerpt.sieve, sieve ?? [needle], file: file, line: line)
        XCTAssertEqual(excerpt.descriptor?.fields, whole.descriptor?.fields, needle, file: file, line: line)
        XCTAssertEqual(excerpt.lineEnding, whole.lineEnding, file: file, line: line)
    }

    func testAnExcerptHasTheWholeParsesRecordsThatHoldTheText() throws {
        let whole = Document(text: Self.awkward)
        XCTAssertEqual(whole.records.count, 5)
        XCTAssertNil(whole.sieve)
        for needle in ["A1", "A2", "A3", "A33", "A4", "M2", "Två", "nämns", "inuti", "saknas", "%key"] {
            assertExcerpt(Document(bytes: whole.bytes, holding: [needle]), of: whole, holds: needle)
        }
        // Only what holds the text, here: each record follows a blank line.
        XCTAssertEqual(Document(bytes: whole.bytes, holding: ["A1"]).records.compactMap { $0.value(.id) }, ["A1", "A2"])
        XCTAssertEqual(Document(bytes: whole.bytes, holding: ["A33"]).records.compactMap { $0.value(.id) }, ["A3", "A33"])
        // The record with the line that lacks a colon keeps that issue, at the same line.
        let a33 = Document(bytes: whole.bytes, holding: ["Trettiotre"])
        XCTAssertEqual(a33.issues.map(\.line), whole.issues.map(\.line).filter { $0 > 20 })
        XCTAssertFalse(a33.issues.isEmpty)
        // Two strings: the records of either.
        let two = Document(bytes: whole.bytes, holding: ["Tre A33", "Sist"])
        XCTAssertEqual(two.records.compactMap { $0.value(.id) }, ["A3", "A4"])
        // Nothing found: the descriptor block only.
        let none = Document(bytes: whole.bytes, holding: ["Z9"])
        XCTAssertEqual(none.records.count, 0)
        XCTAssertEqual(none.descriptor?.fields, whole.descriptor?.fields)
        XCTAssertNotNil(none.descriptor)
        XCTAssertEqual(Document(bytes: [], holding: ["A1"]).records.count, 0)
        XCTAssertEqual(Document(bytes: [], holding: ["A1"]).sieve, ["A1"])
    }

    /// The shipped plan and a large generated file, cut by the cores: for every id, the
    /// excerpt around it has exactly the records of the whole parse that hold it.
    func testExcerptsAroundEveryIDOfTheShippedPlanAndALargeFile() throws {
        var texts: [String] = []
        for name in ["activities.rec", "goals.rec", "risks.rec", "findings.rec"] {
            texts.append(try String(contentsOfFile: Fixture.shippedFolder + "/" + name, encoding: .utf8))
        }
        // Past 1 MiB, so that the whole file is parsed in pieces.
        texts.append((1...6000).map { n in
            "id: A\(n)\ntitle: Aktivitet \(n) med en titel som är lång nog att lämnas i filen\n"
                + (n % 7 == 0 ? "# kommentar om A\(n + 1)\n" : "") + "goal: M\(n % 40)\nowner: sbs\ndue: 2025-0\(n % 9 + 1)\nstatus: pågår\n"
                + (n % 5 == 0 ? "note: Se A\(n / 2)\n+ och A\(n / 3)\n" : "")
        }.joined(separator: n(3)))
        for text in texts {
            let whole = Document(text: text)
            let ids = whole.records.compactMap { $0.value(.id) }
            XCTAssertFalse(ids.isEmpty)
            for (i, id) in ids.enumerated() where ids.count < 400 ? i % 3 == 0 : i % 701 == 0 || i == ids.count - 1 {
                assertExcerpt(Document(bytes: whole.bytes, holding: [id]), of: whole, holds: id)
            }
        }
    }

    /// The model takes ids by Swift's string equality, which is canonical equivalence: a
    /// record naming K7 with a KELVIN SIGN names K7. The excerpt holds it too, and an id
    /// outside ASCII (which may be composed or not) is read with every file whole.
    func testAnExcerptHoldsWhatTheModelTakesForTheSameID() throws {
        XCTAssertEqual("K7", "\u{212A}7")
        let text = "id: K7\ntitle: Kelvin\n\nid: A2\ntitle: Annan\n\nid: R1\naction: \u{212A}7\n\nid: R2\naction: K8\n"
        let whole = Document(text: text)
        let excerpt = Document(bytes: whole.bytes, holding: ["K7"])
        XCTAssertEqual(excerpt.records.compactMap { $0.value(.id) }, ["K7", "R1"])
        assertExcerpt(excerpt, of: whole, holds: "K7")

        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("excerpt-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        for f in Fixture.shippedFiles { try fm.copyItem(atPath: Fixture.shippedFolder + "/" + f, toPath: dir + "/" + f) }
        XCTAssertNotNil(try Store.load(folder: dir, around: (.activity, "A12")).files[.activity]?.document.sieve)
        XCTAssertNil(try Store.load(folder: dir, around: (.activity, "Å12")).files[.activity]?.document.sieve)
        // `show`: an activity read around it; an id not found, and other kinds, read whole.
        XCTAssertNotNil(try Store.load(folder: dir, toShow: (.activity, "A12")).files[.activity]?.document.sieve)
        XCTAssertNil(try Store.load(folder: dir, toShow: (.activity, "A12")).files[.goal]?.document.sieve)
        let missing = try Store.load(folder: dir, toShow: (.activity, "A1200"))
        XCTAssertNil(missing.files[.activity]?.document.sieve)
        XCTAssertEqual(missing.activities.count, try Store.load(folder: dir).activities.count)
        XCTAssertNil(try Store.load(folder: dir, toShow: (.risk, "R1")).files[.risk]?.document.sieve)
    }

    /// Damaged files: lines deleted, duplicated and moved, blank lines of spaces, tabs and
    /// CRs, comments, `+` and `%` lines, lines without a colon, inserted anywhere. The
    /// excerpt around an id still has only the whole parse's records, and all that hold it.
    func testExcerptsOfDamagedFilesAreTheWholeParses() throws {
        let shipped = try String(contentsOfFile: Fixture.shippedFolder + "/activities.rec", encoding: .utf8)
        let base = shipped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let junk = ["", " ", "\t", "\r", " \r", "# kommentar A12", "+ fortsättning A12", "%rec: Activity", "utan kolon A1",
                    "id: A12", "goal: A12", "title:", "\u{212A}12", "id:A13", "  id: A14"]
        var g = SplitMix64(seed: 2026)
        for round in 0..<60 {
            var lines = base
            for _ in 0..<g.between(1, 12) {
                switch g.below(4) {
                case 0: lines.insert(g.pick(junk), at: g.below(lines.count + 1))
                case 1 where lines.count > 2: lines.remove(at: g.below(lines.count))
                case 2: let i = g.below(lines.count); lines.insert(lines[i], at: g.below(lines.count + 1))
                default: lines.insert("", at: g.below(lines.count + 1))
                }
            }
            let text = lines.joined(separator: round % 3 == 0 ? "\r\n" : "\n") + (round % 4 == 0 ? "" : "\n")
            let whole = Document(text: text)
            for id in ["A1", "A12", "A13", "A14", "K12", "M2", g.pick(whole.records.compactMap { $0.value(.id) } + ["A1"])] {
                assertExcerpt(Document(bytes: whole.bytes, holding: [id]), of: whole, holds: id)
            }
        }
    }

    /// A parent outside ASCII is not searched for: an edit that walks to it is made on the
    /// whole folder, where the model takes "Mål1" composed and decomposed for one id.
    func testAParentOutsideASCIIIsNotSearchedFor() {
        let decomposed = "Ma\u{030A}l1"
        XCTAssertEqual("Mål1", decomposed)
        let text = "id: X0\ntitle: Först\n\nid: \(decomposed)\ntitle: Topp\n\nid: D1\ntitle: Under\nparent: Mål1\n\nid: D2\ntitle: Annan\nparent: M9\n"
        let whole = Document(text: text)
        let excerpt = Document(bytes: whole.bytes, holding: ["D1"], closedUnder: .parent)
        XCTAssertEqual(excerpt.sieve, ["D1"])
        XCTAssertEqual(excerpt.records.compactMap { $0.value(.id) }, ["X0", "D1"])
        let chain = Document(bytes: whole.bytes, holding: ["D2"], closedUnder: .parent)
        XCTAssertEqual(chain.sieve, ["D2", "M9"])
    }

    /// `show ID` of an activity from the folder read around it says
    /// what it says from the whole folder (in English too for every fourth), diagnostics included: every
    /// such record of the shipped plan, of the plan with broken references, duplicate ids
    /// and records that name others, and of the test fixture.
    func testShowFromTheFolderReadAroundTheRecordIsTheSame() throws {
        let shipped = try Fixture.shipped()
        var files: [Kind: String] = [:]
        for (k, f) in shipped.files { files[k] = String(decoding: f.document.bytes, as: UTF8.self) }
        var broken = files
        broken[.activity] = files[.activity]!.replacingOccurrences(of: "goal: D3\n", with: "goal: D33\n")
            .replacingOccurrences(of: "owner: sbs\n", with: "owner: sbss\n", options: [], range: nil)
            + "\nid: A5\ntitle: Dubblett\ngoal: D99\nowner: sbs\ndue: 2024-01\nstatus: pågår\n"
        broken[.risk] = (files[.risk] ?? "") + "\nid: R99\ntitle: Namnger\nlikelihood: 3\nconsequence: 3\nowner: sbs\naction: A5\naction: A404\nstatus: öppen\n"
        func dataSet(_ texts: [Kind: String]) -> DataSet {
            var fs: [Kind: SourceFile] = [:]
            for (k, t) in texts { fs[k] = SourceFile(path: "data/" + k.fileName, document: Document(text: t)) }
            return DataSet(folder: "data", files: fs, configFile: shipped.configFile)
        }
        var shown = 0, withDiagnostics = 0
        for whole in [shipped, dataSet(broken), Fixture.data()] {
            var bytes: [Kind: [UInt8]] = [:]
            for (k, f) in whole.files { bytes[k] = f.document.bytes }
            for kind in [Kind.activity] {
                for (n, id) in Set(whole.ids[kind]?.keys.map { $0 } ?? []).sorted(by: naturalLess).enumerated() {
                    var fs: [Kind: SourceFile] = [:]
                    for (k, d) in ReadAround.documents(bytes, around: (kind, id), goalsWhole: true) { fs[k] = SourceFile(path: whole.files[k]!.path, document: d) }
                    let near = DataSet(folder: whole.folder, files: fs, configFile: whole.configFile)
                    let i = try XCTUnwrap(near.records(of: kind, id: id).first, id)
                    let j = try XCTUnwrap(whole.records(of: kind, id: id).first, id)
                    for lang in n % 4 == 0 ? [Lang.sv, .en] : [.sv] {
                        let a = ShowRender.text(near, RecordRef(kind: kind, index: i), asOf: Fixture.asOf, lang: lang, style: .plain)
                        let b = ShowRender.text(whole, RecordRef(kind: kind, index: j), asOf: Fixture.asOf, lang: lang, style: .plain)
                        XCTAssertEqual(a, b, "\(kind) \(id)")
                        if b.contains(".rec:") && b.components(separatedBy: ".rec:").count > 2 { withDiagnostics += 1 }
                    }
                    shown += 1
                }
            }
        }
        XCTAssertGreaterThan(shown, 60)
        XCTAssertGreaterThan(withDiagnostics, 20)
    }

    func n(_ count: Int) -> String { String(repeating: "\n", count: count) }

    /// The files read around the id are those the edit looks in by that id alone.
    func testWhichFilesAnEditReadsAroundTheID() {
        XCTAssertEqual(ReadAround.filesReadAroundID(.activity), [.activity, .risk, .finding, .followup])
        XCTAssertEqual(ReadAround.filesReadAroundID(.goal), [.activity, .risk, .finding, .followup])
        XCTAssertEqual(ReadAround.filesReadAroundID(.risk), [.risk, .finding, .followup])
        XCTAssertFalse(ReadAround.filesReadAroundID(.followup).contains(.followup))
        for k in Kind.allCases {
            let around = ReadAround.filesReadAroundID(k)
            XCTAssertFalse(around.contains(.goal) || around.contains(.owner), "\(k)")
        }
        XCTAssertTrue(ReadAround.readsGoalsAroundNamed(.activity))
        XCTAssertFalse(ReadAround.readsGoalsAroundNamed(.followup))
    }

    /// Goals are read around the goals an edit names, with every goal above them.
    func testGoalsAreReadWithTheGoalsAboveThem() throws {
        let data = try Fixture.shipped()
        let goals = data.files[.goal]!.document
        for g in data.goals {
            let excerpt = Document(bytes: goals.bytes, holding: [g.id], closedUnder: .parent)
            let ids = Set(excerpt.records.compactMap { $0.value(.id) })
            var above: String? = g.id
            var steps = 0
            while let id = above, steps < 20 {
                XCTAssertTrue(ids.contains(id), "\(g.id): \(id) missing")
                above = data.goals.first { $0.id == id }?.parent
                steps += 1
            }
            XCTAssertTrue(excerpt.sieve!.isSuperset(of: [g.id]))
            assertExcerpt(excerpt, of: goals, holds: g.id, sieve: excerpt.sieve!)
        }
        // An activity's edit reads its goal and the goals above it, and no goal more.
        let a = try XCTUnwrap(data.activities.first { $0.goal.hasPrefix("D") })
        var bytes: [Kind: [UInt8]] = [:]
        for (k, f) in data.files { bytes[k] = f.document.bytes }
        let read = ReadAround.documents(bytes, around: (.activity, a.id))
        let chain = Set(sequence(first: a.goal) { id in data.goals.first { $0.id == id }?.parent })
        XCTAssertTrue(Set(read[.goal]!.records.compactMap { $0.value(.id) }).isSuperset(of: chain))
        XCTAssertLessThan(read[.goal]!.records.count, data.goals.count)
        XCTAssertEqual(read[.owner]!.records.count, data.owners.count)
    }

    /// The shipped plan read around each record, as the writer reads it.
    static func around(_ data: DataSet, _ kind: Kind, _ id: String) -> DataSet {
        var bytes: [Kind: [UInt8]] = [:]
        for (k, f) in data.files { bytes[k] = f.document.bytes }
        var files: [Kind: SourceFile] = [:]
        for (k, d) in ReadAround.documents(bytes, around: (kind, id)) { files[k] = SourceFile(path: data.files[k]!.path, document: d) }
        return DataSet(folder: data.folder, files: files, configFile: data.configFile)
    }

    /// Thousands of edits of the shipped plan, valid and not: an edit made on the folder
    /// read around its record, and found there to add no error, is the same edit as on
    /// the whole folder, and the whole folder finds no new error either. Every other edit
    /// is made again on the whole folder (`SafeWrite.perform`), so only this case matters;
    /// it must be most of the valid edits, or reading around the record saves nothing.
    func testAnEditOnTheFolderReadAroundItsRecordIsTheEditOnTheWholeFolder() throws {
        let data = try Fixture.shipped()
        var valid = 0, takenAround = 0, fellBack = 0
        for kind in Kind.allCases {
            for (n, id) in (data.ids[kind]?.keys.sorted(by: naturalLess) ?? []).enumerated() {
                let near = Self.around(data, kind, id)
                var edits: [(String, (DataSet) throws -> Edit)] = [("rm", { try Editor.remove($0, kind, id: id) })]
                for spec in kind.fields {
                    for (v, value) in NeighbourhoodTests.values(for: spec, of: kind, id: id, in: data).enumerated() where n < 1 || (v + n) % 29 == 0 {
                        edits.append(("\(spec.name)=\(value)", { try Editor.update($0, kind, id: id, [.set(spec.name, value)]) }))
                    }
                }
                for (what, make) in edits {
                    guard let full = try? make(data) else {
                        XCTAssertThrowsError(try make(near), "\(kind) \(id) \(what)")
                        continue
                    }
                    // Whether the edit adds an error to the whole folder (NeighbourhoodTests
                    // holds the neighbourhood's answer to the whole folder's).
                    let addsNone = try XCTUnwrap(full.addsNoErrorNearby(in: data, asOf: Fixture.asOf))
                    if addsNone { valid += 1 }
                    guard let edit = try? make(near) else { fellBack += 1; continue }
                    switch edit.addsNoErrorNearby(in: near, asOf: Fixture.asOf) {
                    case true?:
                        XCTAssertTrue(addsNone, "\(kind) \(id) \(what)")
                        XCTAssertEqual(edit.afterBytes, full.afterBytes, "\(kind) \(id) \(what)")
                        XCTAssertEqual(edit.summary, full.summary)
                        XCTAssertEqual(edit.lineShift, full.lineShift)
                        takenAround += 1
                    case false?, nil:
                        fellBack += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(valid, 200, "valid \(valid), fell back \(fellBack)")
        XCTAssertGreaterThan(fellBack, 100, "valid \(valid), fell back \(fellBack)")
        XCTAssertGreaterThan(Double(takenAround), 0.9 * Double(valid), "valid \(valid), taken around \(takenAround)")
    }

    /// Through the writer: the same files and outcomes as with the whole folder, and the
    /// folder is read around the record when the edit stays within it.
    func testTheWriterReadsAroundTheRecordAndWritesTheSameFile() throws {
        let fm = FileManager.default
        func folder() throws -> String {
            let dir = fm.temporaryDirectory.appendingPathComponent("excerpt-\(UUID().uuidString)").path
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for f in Fixture.shippedFiles { try fm.copyItem(atPath: Fixture.shippedFolder + "/" + f, toPath: dir + "/" + f) }
            return dir
        }
        let cases: [(Kind, String, (DataSet) throws -> Edit, Bool)] = [
            (.activity, "A12", { try Editor.update($0, .activity, id: "A12", [.set("note", "Enligt FLG")]) }, true),
            (.activity, "A12", { try RecordRules.done($0, .activity, id: "A12", date: Day("2024-10-30")!, evidence: nil) }, true),
            (.activity, "A12", { try RecordRules.postpone($0, .activity, id: "A12", to: Deadline(phrase: "2025-09")!, reason: "KF") }, true),
            (.goal, "D3", { try Editor.update($0, .goal, id: "D3", [.set("note", "x")]) }, true),
            (.risk, "R1", { try Editor.update($0, .risk, id: "R1", [.set("likelihood", "3")]) }, true),
            // An unknown goal: an error, made again on the whole folder for its message.
            (.activity, "A12", { try Editor.update($0, .activity, id: "A12", [.set("goal", "D99")]) }, false),
            // A risk's action: activities.rec is read whole for an edit of a risk.
            (.risk, "R1", { try Editor.update($0, .risk, id: "R1", [.add("action", "A5")]) }, true),
            // A new id reaches past what was read around the old one.
            (.activity, "A12", { try Editor.update($0, .activity, id: "A12", [.set("id", "A12b")]) }, false),
            // An unknown id: the message names the closest id of the whole file.
            (.activity, "A1200", { try Editor.update($0, .activity, id: "A1200", [.set("note", "x")]) }, false),
            // A refusal of a record rule.
            (.activity, "A12", { try RecordRules.postpone($0, .activity, id: "A12", to: Deadline(phrase: "2024-01")!, reason: "x") }, false),
        ]
        for (kind, id, make, around) in cases {
            let a = try folder(), b = try folder()
            defer { try? fm.removeItem(atPath: a); try? fm.removeItem(atPath: b) }
            var readAround: Bool?
            func outcome(_ f: String, _ record: (kind: Kind, id: String)?) -> String {
                do {
                    let o = try SafeWrite.perform(folder: f, display: "data", asOf: Fixture.asOf, dryRun: false, commit: false, record: record,
                                                  loaded: { if record != nil { readAround = $0.files.values.contains { $0.document.sieve != nil } } },
                                                  edit: make)
                    switch o {
                    case .written(let s, let p, _): return "written \(s.sv) \(p)"
                    case .refused(let m): return "refused \(m.en)"
                    case .invalid(let e, _): return "invalid " + e.map { "\($0.file):\($0.line) \($0.message.en)" }.joined(separator: "; ")
                    case .dryRun(let d): return d
                    case .unchanged(let r): return "unchanged \(r)"
                    }
                } catch let e as EditError { return "error \(e.message.en)" } catch { return "error \(error)" }
            }
            XCTAssertEqual(outcome(a, (kind, id)), outcome(b, nil), "\(kind) \(id)")
            XCTAssertEqual(readAround, around, "\(kind) \(id)")
            for f in Fixture.shippedFiles {
                XCTAssertEqual(fm.contents(atPath: a + "/" + f), fm.contents(atPath: b + "/" + f), "\(kind) \(id) \(f)")
            }
        }
    }
}
