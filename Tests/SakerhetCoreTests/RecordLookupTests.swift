import XCTest
@testable import SakerhetCore

/// Looking up records by id: the pass over the records that an edit uses, and the id
/// index that checks and lists use, give the same records in the same order.
final class RecordLookupTests: XCTestCase {
    func data() -> DataSet {
        var text = ""
        for i in 0..<300 { text += "id: A\(i % 250)\ntitle: T\ngoal: M1\nowner: x\ndue: 2025-01\nstatus: pågår\n\n" }
        text += "title: no id\ngoal: M1\n\n"
        let goals = "id: M1\ntitle: Mål\nowner: x\ndue: 2025\nstatus: pågår\n\nid: M2\ntitle: Mål\nowner: x\ndue: 2025\nstatus: pågår\n"
        return DataSet(folder: "d", files: [.activity: SourceFile(path: "d/activities.rec", document: Document(text: text)),
                                            .goal: SourceFile(path: "d/goals.rec", document: Document(text: goals))])
    }

    func testAPassAndTheIndexAgree() {
        let ids = ["A0", "A49", "A50", "A249", "A250", "", "M1", "a0"]
        // Before the index is made, the lookup passes over the records.
        let passed = ids.map { data().records(of: .activity, id: $0) }
        XCTAssertEqual(passed[0], [0, 250])
        XCTAssertEqual(passed[1], [49, 299])
        XCTAssertEqual(passed[2], [50])
        XCTAssertEqual(passed[3], [249])
        XCTAssertEqual(passed[4], [])
        XCTAssertEqual(passed[5], [])
        XCTAssertEqual(passed[6], [])
        XCTAssertEqual(passed[7], [])
        // Once the index is made, the lookup reads it, with the same answers.
        let d = data()
        XCTAssertEqual(d.ids[.activity]?["A0"], [0, 250])
        XCTAssertEqual(ids.map { d.records(of: .activity, id: $0) }, passed)
        // Goals are indexed when the data set is made.
        XCTAssertEqual(d.records(of: .goal, id: "M2"), [1])
        XCTAssertEqual(d.records(of: .risk, id: "R1"), [])
    }

    /// A long file is passed over a piece per core: a duplicate id in both pieces is found
    /// twice, in file order, and asking again gives the same records.
    /// Past a few lookups of one kind by a pass, the lookup makes the id index and reads
    /// it (many passes were quadratic): every answer the same as a pass's, before and after.
    func testManyLookupsTurnToTheIndex() {
        let d = data()
        let ids = (0..<260).map { "A\($0)" } + ["", "a0", "M1"]
        var answers: [[Int]] = []
        for id in ids { answers.append(d.records(of: .activity, id: id)) }
        let fresh = ids.indices.filter { $0 % 13 == 0 || $0 >= 258 }  // a fresh data set: a pass
        for (k, (id, answer)) in zip(ids, answers).enumerated() {
            if fresh.contains(k) { XCTAssertEqual(answer, data().records(of: .activity, id: id), id) }
            XCTAssertEqual(answer, d.ids[.activity]?[id] ?? [], id)
        }
        XCTAssertEqual(answers[0], [0, 250])
        XCTAssertEqual(answers[49], [49, 299])
    }

    func testAPassInPiecesKeepsFileOrder() {
        var text = ""
        for i in 0..<30_000 { text += "id: A\(i % 20_000)\ntitle: T\n\n" }
        let d = DataSet(folder: "d", files: [.activity: SourceFile(path: "d/activities.rec", document: Document(text: text))])
        if Parallel.width > 1 { XCTAssertGreaterThan(Parallel.ranges(30_000).count, 1, "the pass is cut in pieces") }
        XCTAssertEqual(d.records(of: .activity, id: "A5"), [5, 20_005])
        XCTAssertEqual(d.records(of: .activity, id: "A14999"), [14_999])
        XCTAssertEqual(d.records(of: .activity, id: "A15000"), [15_000])
        XCTAssertEqual(d.records(of: .activity, id: "A19999"), [19_999])
        XCTAssertEqual(d.records(of: .activity, id: "A20000"), [])
        XCTAssertEqual(d.records(of: .activity, id: "A5"), [5, 20_005], "asked again")
        XCTAssertEqual(d.ids[.activity]?["A5"], [5, 20_005], "the index agrees")
    }
}
