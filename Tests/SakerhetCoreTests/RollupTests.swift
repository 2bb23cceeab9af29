import Foundation
import XCTest
@testable import SakerhetCore

/// The plans file reader, the folder checks, plan names, and the combination of plans.
final class RollupTests: XCTestCase {
    var root: String = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "sakerhet-rollup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// A plan of one owner and one activity, due `due`, with an organisation if given.
    func plan(_ dir: String, organisation: String?, owner: (String, String), activity: String, due: String) throws {
        if let organisation { try write(dir + "/config.rec", "organisation: \(organisation)\n") }
        try write(dir + "/owners.rec", "id: \(owner.0)\nname: \(owner.1)\nkind: enhet\n")
        try write(dir + "/goals.rec", "id: M1\ntitle: Mål\nowner: \(owner.0)\ndue: 2025-12-31\nstatus: pågår\n")
        try write(dir + "/activities.rec", "id: \(activity)\ntitle: Göra något\ngoal: M1\nowner: \(owner.0)\ndue: \(due)\nstatus: pågår\n")
        try write(dir + "/risks.rec", "id: R1\ntitle: Risk\nowner: \(owner.0)\nlikelihood: 3\nconsequence: 4\nstatus: identifierad\n")
    }

    func testEntriesSkipCommentsBlanksAndCarriageReturns() {
        let text = "# committees\nsocial   # repo root\n\n  utbildning\r\n#teknik\n/abs/path\n"
        let e = Plans.entries(text)
        XCTAssertEqual(e.map(\.path), ["social", "utbildning", "/abs/path"])
        XCTAssertEqual(e.map(\.line), [2, 4, 6])
    }

    func testReadResolvesRelativeToTheFileAndRepositoryRoots() throws {
        try plan("plans/a", organisation: "A-nämnden", owner: ("x", "X"), activity: "A1", due: "2024-10")
        try plan("plans/repo/data", organisation: nil, owner: ("y", "Y"), activity: "A1", due: "2024-12")
        try write("lists/plans.txt", "# two plans\n../plans/a\n../plans/repo   # a repository with data/\n")
        let folders = try Plans.resolve(try Plans.read(file: root + "/lists/plans.txt"))
        XCTAssertEqual(folders.count, 2)
        XCTAssertEqual(folders[0].path, root + "/lists/../plans/a")
        XCTAssertEqual(folders[1].path, root + "/lists/../plans/repo/data")
        XCTAssertEqual(folders[1].origin, root + "/lists/plans.txt:3")
    }

    /// Loading a plan checks that it holds records on the parsed records: no kind's typed
    /// records are made for it (`log` over many plans reads only their names). A folder of
    /// follow-ups only holds no records.
    func testLoadingAPlanMakesNoTypedRecords() throws {
        try plan("a", organisation: "A", owner: ("x", "X"), activity: "A1", due: "2024-10")
        try FileManager.default.removeItem(atPath: root + "/a/owners.rec")  // so that every kind is looked at
        let loaded = try Store.loadPlan(Plans.Folder(path: root + "/a", display: "a", origin: "--data"), kinds: Kind.allCases).get()
        XCTAssertEqual(loaded.typedSoFar, [])
        try write("f/followups.rec", "id: U1\nrecord: A1\nperiod: 2024\nassessment: uppfyllt\n")
        XCTAssertThrowsError(try Store.loadPlan(Plans.Folder(path: root + "/f", display: "f", origin: "--data"), kinds: Kind.allCases).get()) {
            XCTAssertEqual(($0 as? StoreError)?.message.en, "--data: f holds no records; add records or remove the folder from the list")
        }
    }

    func testBadFoldersAreErrorsNamingThem() throws {
        try plan("a", organisation: nil, owner: ("x", "X"), activity: "A1", due: "2024-10")
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        func message(_ folders: [String]) -> String? {
            do { _ = try Plans.resolve(folders.map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") }); return nil }
            catch let e as StoreError { return e.message.en } catch { return "\(error)" }
        }
        XCTAssertEqual(message(["a", "missing"]), "--data: the folder missing does not exist; correct the path or leave out --data missing")
        XCTAssertTrue(message(["empty"])?.contains("empty holds no records") ?? false)
        XCTAssertTrue(message(["a", "a/"])?.contains("is the same folder as a") ?? false)
        XCTAssertTrue(message(["a", "./a/../a"])?.contains("is the same folder as a") ?? false)
        XCTAssertNil(message(["a"]))
        try write("nothing.txt", "# only comments\n\n")
        XCTAssertThrowsError(try Plans.read(file: root + "/nothing.txt"))
    }

    func testNamesAreOrganisationsOrFolderNamesAndUnique() {
        let names = Plans.names([("Socialnämnden", "x/soc"), (nil, "kommuner/teknik/data"), ("Socialnämnden", "y/soc"), (" ", "z/bygg")])
        XCTAssertEqual(names, ["Socialnämnden (x/soc)", "teknik", "Socialnämnden (y/soc)", "bygg"])
    }

    /// Plans on the 1–4 and the 1–5 scale get one combined matrix each, every risk in a
    /// cell of its own scale (a 5 × 5 risk is not dropped), in every format; the text
    /// matrix's column numbers stand above their counts.
    func testPlansOfTwoRiskScalesGetAMatrixEach() throws {
        try plan("a", organisation: "A-nämnden", owner: ("x", "X"), activity: "A1", due: "2024-10")
        try plan("b", organisation: "B-nämnden", owner: ("y", "Y"), activity: "A1", due: "2024-10")
        try plan("c", organisation: "C-nämnden", owner: ("z", "Z"), activity: "A1", due: "2024-10")
        try write("c/config.rec", "organisation: C-nämnden\nrisk_scale: 5\n")
        try write("c/risks.rec", "id: R1\ntitle: Risk\nowner: z\nlikelihood: 5\nconsequence: 5\nstatus: identifierad\n\n"
                  + "id: R2\ntitle: Risk\nowner: z\nlikelihood: 3\nconsequence: 4\nstatus: identifierad\n")
        let folders = try Plans.resolve(["a", "b", "c"].map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") })
        let r = try Rollup.report(folders: folders, asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .sv)
        XCTAssertEqual(r.matrices.map(\.scale), [4, 5])
        XCTAssertEqual(r.matrices.map(\.plans), [2, 1])
        XCTAssertEqual(r.matrices[0].cells[2][3], 2)
        XCTAssertEqual(r.matrices[1].cells[4][4], 1)
        XCTAssertEqual(r.matrices[1].cells[2][3], 1)
        // Every risk is in a cell.
        XCTAssertEqual(r.matrices.map { $0.cells.joined().reduce(0, +) }.reduce(0, +), r.total.risks.total)
        let text = RollupText.render(r, lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("  Skala 1–4 (2 planer)\n  sannolikhet ↓  konsekvens →\n     1     2     3     4\n  4  0     0     0     0\n  3  0     0     0     2"), text)
        XCTAssertTrue(text.contains("  Skala 1–5 (1 plan)\n  sannolikhet ↓  konsekvens →\n     1     2     3     4     5\n  5  0     0     0     0     1"), text)
        XCTAssertTrue(text.contains("varje skala har sin egen matris"), text)
        let md = RollupMarkdown.render(r, lang: .en)
        XCTAssertTrue(md.contains("\n### Scale 1–5 (1 plan)\n\n| ↓ likelihood / consequence → | 1 | 2 | 3 | 4 | 5 |\n|---|---:|---:|---:|---:|---:|\n| 5 | 0 | 0 | 0 | 0 | 1 |"), md)
        let html = RollupHTML.render(r, lang: .sv)
        XCTAssertTrue(html.contains("<h3>Skala 1–5 (1 plan)</h3>"), "html")
        XCTAssertTrue(html.contains("<th scope=\"row\">S5</th><td class=\"lvl-medium num\">0</td><td class=\"lvl-high num\">0</td><td class=\"lvl-veryHigh num\">0</td><td class=\"lvl-veryHigh num\">0</td><td class=\"lvl-veryHigh num\">1</td>"), "html")
        // One scale: no scale headings.
        let one = try Rollup.report(folders: Array(folders.prefix(2)), asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .sv)
        XCTAssertFalse(RollupText.render(one, lang: .sv, style: .plain).contains("Skala 1–"))
    }

    /// The lists over all plans are written in parts made at the same time; the page reads
    /// as one table per list, every line once, in the report's order. With nothing late and
    /// no owner in two plans, each list says so.
    func testTheListsOverAllPlansAreWholeTablesInOrder() throws {
        for p in 0..<3 {
            try plan("p\(p)", organisation: "Nämnd \(p)", owner: ("e\(p)", "Enhet \(p)"), activity: "A1", due: "2024-10")
            var acts = ""
            for i in 1...150 { acts += "id: A\(i)\ntitle: Göra \(i)\ngoal: M1\nowner: delad\ndue: 2024-\(i % 2 == 0 ? "10" : "11-10")\nstatus: pågår\n\n" }
            try write("p\(p)/activities.rec", acts)
            try write("p\(p)/owners.rec", "id: delad\nname: Delad enhet\nkind: enhet\n")
        }
        let folders = try Plans.resolve((0..<3).map { Plans.Folder(path: root + "/p\($0)", display: "p\($0)", origin: "--data") })
        let r = try Rollup.report(folders: folders, asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .sv)
        XCTAssertEqual(r.overdue.count, 225)
        XCTAssertEqual(r.dueSoon.count, 225)
        // Equal days keep the plans' order, and each plan's own order.
        let names = r.rows.map(\.plan)
        XCTAssertEqual(r.overdue.map { "\($0.plan):\($0.line.id)" },
                       names.flatMap { n in stride(from: 2, through: 150, by: 2).map { "\(n):A\($0)" } })
        XCTAssertEqual(r.dueSoon.map { "\($0.plan):\($0.line.id)" },
                       names.flatMap { n in stride(from: 1, through: 149, by: 2).map { "\(n):A\($0)" } })
        XCTAssertEqual(r.ownersShared.map { "\($0.name) \($0.plans.count) \($0.overdue.count) \($0.dueSoon.count)" }, ["Delad enhet 3 225 225"])
        let pieces = RollupHTML.pieces(r, lang: .sv)
        XCTAssertGreaterThan(pieces.count, 3 + 2 + 2 * 4, "the lists are in parts")
        let html = pieces.joined()
        XCTAssertEqual(html, RollupHTML.render(r, lang: .sv))
        for (title, lines) in [("Försenade", r.overdue), (RollupLabels(lang: .sv).dueSoon, r.dueSoon)] {
            guard let start = html.range(of: "<h3>\(title) (\(lines.count))</h3>\n<table>\n<thead>"),
                  let end = html.range(of: "</tbody>\n</table>\n", range: start.upperBound..<html.endIndex) else {
                return XCTFail("no table for \(title)")
            }
            let table = html[start.upperBound..<end.lowerBound]
            let ids = table.components(separatedBy: "<tr><td>").dropFirst().map { row in
                row.components(separatedBy: "</td><td>").prefix(2).joined(separator: ":")
            }
            XCTAssertEqual(ids, lines.map { "\($0.plan):\($0.line.id)" }, title)
        }
        let across = html.components(separatedBy: "<section id=\"ansvariga-alla\">")[1].components(separatedBy: "</section>")[0]
        XCTAssertEqual(across.components(separatedBy: "<div class=\"owner\">").count - 1, r.ownersShared.count)
        XCTAssertEqual(across.components(separatedBy: "<li>").count - 1, r.ownersShared.reduce(0) { $0 + $1.overdue.count + $1.dueSoon.count })
        XCTAssertGreaterThan(r.ownersShared.count, 0)

        let quiet = try Rollup.report(folders: folders, asOf: Day("2020-01-01")!, period: nil, isPublic: false, lang: .sv)
        let calm = RollupHTML.render(quiet, lang: .sv)
        XCTAssertTrue(calm.contains("<h3>Försenade (0)</h3>\n<p>Inga.</p>\n<h3>"), calm)
        XCTAssertTrue(calm.contains("<h2>Ansvariga i flera planer</h2>\n<p>Ingen ansvarig som finns i flera planer"), calm)
    }

    /// The late list over all plans is most late first and the due-soon list nearest
    /// first, whichever plan a line is from; equal days keep the plans' order.
    func testTheListsOverAllPlansAreSortedByDays() throws {
        try plan("a", organisation: "A", owner: ("x", "X"), activity: "A1", due: "2024-10-01")
        try plan("b", organisation: "B", owner: ("y", "Y"), activity: "A1", due: "2024-08-01")
        let rest = "title: T\ngoal: M1\nstatus: pågår\n"
        try write("a/activities.rec", "id: A1\nowner: x\ndue: 2024-10-01\n\(rest)\nid: A2\nowner: x\ndue: 2024-06-01\n\(rest)\nid: A3\nowner: x\ndue: 2024-11-20\n\(rest)\nid: A4\nowner: x\ndue: 2024-08-01\n\(rest)")
        try write("b/activities.rec", "id: B1\nowner: y\ndue: 2024-08-01\n\(rest)\nid: B2\nowner: y\ndue: 2024-11-10\n\(rest)\nid: B3\nowner: y\ndue: 2024-11-20\n\(rest)")
        let folders = try Plans.resolve(["a", "b"].map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") })
        let r = try Rollup.report(folders: folders, asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .sv)
        XCTAssertEqual(r.overdue.map { "\($0.plan):\($0.line.id)" }, ["A:A2", "A:A4", "B:B1", "A:A1"])
        XCTAssertEqual(r.dueSoon.map { "\($0.plan):\($0.line.id)" }, ["B:B2", "A:A3", "B:B3"])
    }

    /// Two plans of one kind of committee in two municipalities are told apart in the text
    /// lists: the plan column is as wide as the longest name.
    func testTheTextListsShowWholePlanNames() throws {
        try plan("n", organisation: "Socialnämnden, Norrtälje kommun", owner: ("x", "X"), activity: "A1", due: "2024-10")
        try plan("t", organisation: "Socialnämnden, Täby kommun", owner: ("y", "Y"), activity: "A1", due: "2024-10")
        let folders = try Plans.resolve(["n", "t"].map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") })
        let r = try Rollup.report(folders: folders, asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .sv)
        let text = RollupText.render(r, lang: .sv, style: .plain)
        XCTAssertTrue(text.contains("\n  Socialnämnden, Norrtälje kommun   A1    Göra något"), text)
        XCTAssertTrue(text.contains("\n  Socialnämnden, Täby kommun        A1    Göra något"), text)
    }

    func testCombinationCountsEveryPlanByItsOwnSettings() throws {
        try plan("a", organisation: "A-nämnden", owner: ("x", "Enheten för säkerhet"), activity: "A1", due: "2024-10")
        try plan("b", organisation: "B-nämnden", owner: ("q", "Enheten för säkerhet"), activity: "A1", due: "2024-09")
        // B's window is 60 days: its goal is not due soon, but C's activity is within C's 90.
        try write("b/config.rec", "organisation: B-nämnden\nsoon_days: 60\n")
        try plan("c", organisation: nil, owner: ("z", "Annan"), activity: "A7", due: "2025-01")
        try write("c/config.rec", "soon_days: 90\n")
        let folders = try Plans.resolve(["a", "b", "c"].map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") })
        XCTAssertEqual(try Rollup.named(folders).map(\.name), ["A-nämnden", "B-nämnden", "c"])
        let asOf = Day("2024-11-04")!
        let r = try Rollup.report(folders: folders, asOf: asOf, period: nil, isPublic: false, lang: .en)
        XCTAssertEqual(r.plans.map(\.name), ["A-nämnden", "B-nämnden", "c"])
        XCTAssertEqual(r.rows.map(\.activities.red), [1, 1, 0])
        XCTAssertEqual(r.total.activities.total, 3)
        XCTAssertEqual(r.total.activities.red, 2)
        // Late across plans, the latest first, each with its plan; ids repeat across plans.
        XCTAssertEqual(r.overdue.map { "\($0.plan):\($0.line.id)" }, ["B-nämnden:A1", "A-nämnden:A1"])
        XCTAssertEqual(r.dueSoon.map { "\($0.plan):\($0.line.id)" }, ["c:A7"])
        // One risk of 3 × 4 in each plan: the combined cell counts three.
        XCTAssertEqual(r.matrices.map(\.scale), [4])
        XCTAssertEqual(r.matrices[0].plans, 3)
        XCTAssertEqual(r.matrices[0].cells[2][3], 3)
        XCTAssertEqual(r.total.risks.total, 3)
        // The owner of one name in two plans is one entry with both plans.
        let shared = r.owners.filter { $0.plans.count > 1 }
        XCTAssertEqual(shared.map(\.name), ["Enheten för säkerhet"])
        XCTAssertEqual(shared.first?.plans, ["A-nämnden", "B-nämnden"])
        XCTAssertEqual(shared.first?.ids, ["x", "q"])
        // Owners match across plans by name; lists qualify ids with the plan.
        let mine = try Rollup.list(folders: folders, .activity, filter: ListFilter(), owner: "säkerhet", asOf: asOf)
        XCTAssertTrue(mine.ownerMatched)
        XCTAssertEqual(mine.list.rows.map(\.id), ["B-nämnden:A1", "A-nämnden:A1"])
        XCTAssertEqual(mine.list.rows.first?.file, "b/activities.rec")
        XCTAssertEqual(try Rollup.list(folders: folders, .activity, filter: ListFilter(), owner: "annan", asOf: asOf).list.rows.map(\.id), ["c:A7"])
        XCTAssertFalse(try Rollup.list(folders: folders, .activity, filter: ListFilter(), owner: "ingen", asOf: asOf).ownerMatched)
        // A goal that only some plans have leaves the others out; one that none has, every plan.
        try write("c/goals.rec", "id: M9\ntitle: Mål\nowner: z\ndue: 2025-12-31\nstatus: pågår\n")
        try write("c/activities.rec", "id: A7\ntitle: Göra något\ngoal: M9\nowner: z\ndue: 2025-01\nstatus: pågår\n")
        var byGoal = ListFilter()
        byGoal.goal = "M1"
        let m1 = try Rollup.list(folders: folders, .activity, filter: byGoal, owner: nil, asOf: asOf)
        XCTAssertEqual(m1.list.rows.map(\.id), ["B-nämnden:A1", "A-nämnden:A1"])
        XCTAssertFalse(m1.everyPlanLeftOut)
        byGoal.goal = "M7"
        XCTAssertTrue(try Rollup.list(folders: folders, .activity, filter: byGoal, owner: nil, asOf: asOf).everyPlanLeftOut)
    }

    /// The HTML page whose plan sections are written as each plan is read is the page made
    /// from the whole parts, byte for byte; such a part keeps the written sections and of its
    /// follow-up only what the combined sections need, so the combined values are the same.
    func testPlanSectionsWrittenAsEachPlanIsReadMakeTheSamePage() throws {
        try plan("a", organisation: "A-nämnden", owner: ("x", "Enheten för säkerhet"), activity: "A1", due: "2024-10")
        try plan("b", organisation: "A-nämnden", owner: ("q", "Enheten för säkerhet"), activity: "A1", due: "2024-12")
        try write("b/findings.rec", "id: R1\naudit: Granskning 2024\nrecommendation: Gör <så> & \"så\"\nowner: q\ndue: 2024-09\nstatus: pågår\n")
        // A plan with an error: its section shows it, and its head counts it.
        try write("b/activities.rec", "id: A1\ntitle: Göra något\ngoal: M1\nowner: q\ndue: 2024-12\nstatus: pågår\n\nid: A2\ntitle: Fel\ngoal: M1\nowner: q\ndue: 2024-13\nstatus: pågår\n")
        let folders = try Plans.resolve(["a", "b"].map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") })
        let asOf = Day("2024-11-04")!
        for lang in [Lang.sv, .en] {
            let whole = try Rollup.report(folders: folders, asOf: asOf, period: nil, isPublic: false, lang: lang)
            let written = try Rollup.report(folders: folders, asOf: asOf, period: nil, isPublic: false, lang: lang,
                                            section: RollupHTML.section(lang: lang))
            XCTAssertEqual(whole.plans.map(\.section), [nil, nil])
            XCTAssertEqual(written.plans.map { $0.section?.hasPrefix("<div class=\"planbody\">") }, [true, true])
            XCTAssertEqual(written.plans.map(\.report.activityGroups.count), [0, 0])
            XCTAssertEqual(written.plans.map(\.errors.count), [0, 2])  // the bad due, and the finding without its assessment
            XCTAssertTrue(written.plans[1].section?.contains("<section class=\"errors\">") ?? false)
            XCTAssertTrue(written.plans[1].section?.contains("<code>b/activities.rec:12</code> A2: due") ?? false, written.plans[1].section ?? "")
            XCTAssertEqual(whole.plans.map(\.report.activityGroups.count), [1, 1])
            XCTAssertEqual(RollupHTML.render(written, lang: lang), RollupHTML.render(whole, lang: lang))
            XCTAssertTrue(RollupHTML.render(written, lang: lang).contains("Gör &lt;så&gt; &amp; &quot;så&quot;"))
            // What is combined from the parts is the same.
            XCTAssertEqual(written.overdue.map { "\($0.plan):\($0.line.id)" }, whole.overdue.map { "\($0.plan):\($0.line.id)" })
            XCTAssertEqual(written.rows.map(\.activities.red), whole.rows.map(\.activities.red))
            XCTAssertEqual(written.owners.map(\.plans), whole.owners.map(\.plans))
            XCTAssertEqual(written.matrices, whole.matrices)
            // The JSON has no written sections.
            XCTAssertFalse(RollupJSON.render(written).contains("planbody"))
        }
    }

    /// Many plans read at the same time: a file descriptor closed twice by one reader once
    /// closed another reader's file ("Bad file descriptor" in the 290-plan benchmark).
    func testManyPlansLoadAtTheSameTime() throws {
        var folders: [Plans.Folder] = []
        for i in 0..<120 {
            try plan("p\(i)", organisation: "Nämnd \(i)", owner: ("x", "X"), activity: "A1", due: "2024-10")
            folders.append(Plans.Folder(path: root + "/p\(i)", display: "p\(i)", origin: "--data"))
        }
        for _ in 0..<5 {
            let r = try Rollup.report(folders: try Plans.resolve(folders), asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .en)
            XCTAssertEqual(r.plans.count, 120)
            XCTAssertEqual(r.total.risks.total, 120)
        }
    }

    /// The report reads each folder in its own task and lets its records go: the plans are
    /// named as `load` names them (a repeated organisation gets its folder), each plan keeps
    /// its own figures, and a bad folder is the error of the first one in the given order.
    func testTheReportReadsFolderByFolder() throws {
        var folders: [Plans.Folder] = []
        for i in 0..<40 {
            try plan("p\(i)", organisation: i < 2 ? "Socialnämnden" : "Nämnd \(i)", owner: ("x", "X"), activity: "A\(i)",
                     due: i % 2 == 0 ? "2024-10" : "2025-10")
            folders.append(Plans.Folder(path: root + "/p\(i)", display: "p\(i)", origin: "--data"))
        }
        let asOf = Day("2024-11-04")!
        let r = try Rollup.report(folders: try Plans.resolve(folders), asOf: asOf, period: nil, isPublic: false, lang: .en)
        XCTAssertEqual(Array(r.plans.map(\.name).prefix(3)), ["Socialnämnden (p0)", "Socialnämnden (p1)", "Nämnd 2"])
        XCTAssertEqual(r.rows.map(\.plan), r.plans.map(\.name))
        XCTAssertEqual(r.plans.map { $0.report.activityGroups.flatMap(\.rows).map(\.id) }, (0..<40).map { ["A\($0)"] })
        XCTAssertEqual(r.rows.map(\.activities.red), (0..<40).map { $0 % 2 == 0 ? 1 : 0 })
        XCTAssertEqual(r.overdue.count, 20)

        try FileManager.default.removeItem(atPath: root + "/p30")
        try FileManager.default.createDirectory(atPath: root + "/p30", withIntermediateDirectories: true)
        try write("p3/owners.rec", "")
        try write("p3/goals.rec", "")
        try write("p3/activities.rec", "")
        try write("p3/risks.rec", "")
        XCTAssertThrowsError(try Rollup.report(folders: folders, asOf: asOf, period: nil, isPublic: false, lang: .en)) { e in
            XCTAssertEqual((e as? StoreError)?.message.en, "--data: p3 holds no records; add records or remove the folder from the list")
        }
    }

    /// The audit writes each plan's part while its data set is at hand: owners of one name
    /// are one group across plans, and `--owner` keeps each plan's own owner's problems.
    func testTheAuditWritesEachPlanWithItsOwnData() throws {
        try plan("a", organisation: "A-nämnden", owner: ("x", "Enheten för säkerhet"), activity: "A1", due: "2024-10")
        try plan("b", organisation: "B-nämnden", owner: ("q", "enheten för säkerhet"), activity: "A1", due: "2024-09")
        let folders = try Plans.resolve(["a", "b"].map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") })
        let asOf = Day("2024-11-04")!
        func audit(owner: String? = nil, byOwner: Bool) throws -> (plans: [RollupAudit.PlanAudit], ownerMatched: Bool) {
            try Rollup.audit(folders: folders, asOf: asOf, owner: owner, format: "text", byOwner: byOwner, lang: .en, style: .plain)
        }
        let all = try audit(byOwner: true)
        XCTAssertEqual(all.plans.map(\.name), ["A-nämnden", "B-nämnden"])
        XCTAssertEqual(all.plans.map { $0.diagnostics.filter { $0.check == "overdue" }.map(\.recordID) }, [["A1"], ["A1"]])
        let text = RollupAudit.render(all.plans, format: "text", byOwner: true, asOf: asOf, lang: .en, style: .plain)
        XCTAssertTrue(text.hasPrefix("Enheten för säkerhet (A-nämnden: x, B-nämnden: q)\n"), text)
        XCTAssertTrue(text.contains("  a/activities.rec:5: error: A1 is overdue since 2024-10-31 (4 days); mark it done (sakerhet activities done A1) or move the deadline with a reason (sakerhet activities postpone A1 --to … --reason …) (owner: x)\n"), text)
        XCTAssertTrue(text.contains("  b/activities.rec:5: error: A1 is overdue since 2024-09-30 (35 days); mark it done (sakerhet activities done A1) or move the deadline with a reason (sakerhet activities postpone A1 --to … --reason …) (owner: q)\n"), text)
        let q = try audit(owner: "q", byOwner: false)
        XCTAssertTrue(q.ownerMatched)
        XCTAssertEqual(q.plans.map(\.diagnostics.isEmpty), [true, false])
        XCTAssertFalse(try audit(owner: "nobody", byOwner: false).ownerMatched)
        // Each plan's part says whom it covers, as one plan's audit does: a plan without the
        // owner says so, never a bare "no problems"; the total says whom it counts.
        let covered = RollupAudit.render(q.plans, format: "text", byOwner: false, asOf: asOf, owner: "q", lang: .en, style: .plain)
        XCTAssertTrue(covered.contains("== A-nämnden (a) ==\nSelection: no owner in the plan matches 'q'\n\nNo problems (as of 2024-11-04)"), covered)
        XCTAssertTrue(covered.contains("== B-nämnden (b) ==\nSelection: owner q (enheten för säkerhet)\n\n"), covered)
        XCTAssertTrue(covered.contains("for q (as of 2024-11-04)"), covered)
        XCTAssertTrue(covered.hasSuffix("2 plans: 1 error, 0 warnings, 0 notices for 'q'\n"), covered)
        // Two owners of one plan that the query matches: refused, as for one plan.
        try write("b/owners.rec", "id: q\nname: enheten för säkerhet\nkind: enhet\n\nid: q2\nname: Enheten för säkerhet och beredskap\nkind: enhet\n")
        XCTAssertThrowsError(try audit(owner: "säkerhet", byOwner: false)) { e in
            XCTAssertEqual((e as? StoreError)?.message.en, "b: 'säkerhet' matches several owners: q (enheten för säkerhet), q2 (Enheten för säkerhet och beredskap); give an id")
        }
        XCTAssertThrowsError(try Rollup.list(folders: folders, .activity, filter: ListFilter(), owner: "säkerhet", asOf: asOf))
    }

    /// An owner in several plans is one owner across them, named with every plan it is in,
    /// also where it has nothing late; one with nothing late anywhere is not listed, and
    /// the section then says that no shared owner has anything late or due soon.
    func testAnOwnerInSeveralPlansIsNamedWithEveryPlan() throws {
        try plan("a", organisation: "A-nämnden", owner: ("x", "Beredskap"), activity: "A1", due: "2024-10")
        try plan("b", organisation: "B-nämnden", owner: ("q", "beredskap"), activity: "A1", due: "2025-10")
        try plan("c", organisation: "C-nämnden", owner: ("z", "Annan enhet"), activity: "A1", due: "2025-10")
        let folders = try Plans.resolve(["a", "b", "c"].map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") })
        let r = try Rollup.report(folders: folders, asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .sv)
        XCTAssertEqual(r.ownersShared.map { "\($0.name) \($0.plans) \($0.ids) \($0.overdue.count)" }, ["Beredskap [\"A-nämnden\", \"B-nämnden\"] [\"x\", \"q\"] 1"])
        XCTAssertTrue(RollupText.render(r, lang: .sv, style: .plain).contains("Beredskap – A-nämnden (x), B-nämnden (q): 1 försenad, 0 snart\n"))
        try plan("a", organisation: "A-nämnden", owner: ("x", "Beredskap"), activity: "A1", due: "2025-10")
        let calm = try Rollup.report(folders: folders, asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .sv)
        XCTAssertTrue(calm.ownersShared.isEmpty)
        XCTAssertTrue(RollupText.render(calm, lang: .sv, style: .plain)
            .contains("Ingen ansvarig som finns i flera planer har något försenat eller som ska vara klart snart."))
    }

    /// An action plan's areas (level: målområde) are counted in the combined summary, as each
    /// plan's own summary counts them, and the column is there only when a plan has them.
    func testActionAreasAreCountedAcrossPlans() throws {
        try plan("a", organisation: "A-nämnden", owner: ("x", "X"), activity: "A1", due: "2025-10")
        try plan("b", organisation: "B-nämnden", owner: ("q", "Q"), activity: "A1", due: "2025-10")
        let folders = try Plans.resolve(["a", "b"].map { Plans.Folder(path: root + "/" + $0, display: $0, origin: "--data") })
        func summary() throws -> (RollupReport, String) {
            let r = try Rollup.report(folders: folders, asOf: Day("2024-11-04")!, period: nil, isPublic: false, lang: .sv)
            return (r, RollupText.render(r, lang: .sv, style: .plain))
        }
        XCTAssertFalse(try summary().1.contains("Målområden"))
        try write("a/goals.rec", "id: M1\ntitle: Mål\nowner: x\ndue: 2025-12-31\nstatus: pågår\n\nid: HP1\ntitle: Område\nparent: M1\nlevel: målområde\nowner: x\ndue: 2024-08\nstatus: pågår\n")
        let (r, text) = try summary()
        XCTAssertEqual(r.rows.map(\.actionAreas.red), [1, 0])
        XCTAssertEqual(r.total.actionAreas.total, 1)
        XCTAssertTrue(text.contains("Målområden"), text)
    }

    func testAnEmptyPlanIsAnError() throws {
        try write("e/activities.rec", "%rec: activity\n")
        let folders = try Plans.resolve([Plans.Folder(path: root + "/e", display: "e", origin: "plans.txt:2")])
        XCTAssertThrowsError(try Rollup.named(folders)) { e in
            XCTAssertEqual((e as? StoreError)?.message.en, "plans.txt:2: e holds no records; add records or remove the folder from the list")
        }
    }
}
