import XCTest
@testable import SakerhetCore

/// `History.classifiedIDs`: a record is hidden from a public report's history when it was
/// `intern` or `sekretess` at any time in the period (issue 11, item 12).
final class ClassifiedHistoryTests: XCTestCase {
    func testHiddenWhenClassifiedAtAnyTimeInThePeriod() {
        func mark(_ id: String, _ day: String, open: Bool) -> ClassificationMark {
            ClassificationMark(id: id, date: Day(day)!, isOpen: open)
        }
        let history = History(classifications: [
            mark("A1", "2023-01-10", open: false),                                        // secret since 2023, still
            mark("A2", "2023-01-10", open: false), mark("A2", "2023-12-31", open: true),  // open before 2024
            mark("A3", "2023-01-10", open: false), mark("A3", "2024-01-01", open: true),  // open on the first day
            mark("A4", "2024-06-01", open: false), mark("A4", "2024-06-02", open: true),  // secret one day in the period
            mark("A5", "2025-01-01", open: false),                                        // secret after the period
            mark("A6", "2024-03-01", open: false),                                        // secret, then deleted: no mark
        ])
        XCTAssertEqual(history.classifiedIDs(from: Day("2024-01-01")!, through: Day("2024-12-31")!), ["A1", "A3", "A4", "A6"])
        XCTAssertEqual(history.classifiedIDs(from: Day("2024-07-01")!, through: Day("2024-07-31")!), ["A1", "A6"])
    }

    func testTheBuilderMarksRecordsCreatedClassifiedAndChanges() throws {
        let v1 = "id: A1\ntitle: a\nclassification: sekretess\n\nid: A2\ntitle: b\n"
        let v2 = "id: A2\ntitle: b\nclassification: intern\n"
        let v3 = "id: A2\ntitle: b\nclassification: öppen\n"
        let history = Self.history(v1, v2, v3)
        XCTAssertEqual(history.classifications, [
            ClassificationMark(id: "A1", date: Day("2024-01-02")!, isOpen: false),
            ClassificationMark(id: "A2", date: Day("2024-02-02")!, isOpen: false),
            ClassificationMark(id: "A2", date: Day("2024-03-02")!, isOpen: true),
        ])
    }

    /// A record classified under one id and made open under another: it was classified in
    /// the period, so a public report of the period leaves it out under the id it has now.
    func testARenamedRecordKeepsItsClassificationMarks() throws {
        let v1 = "id: A1\ntitle: Skyddad lokal\nclassification: sekretess\n"
        let v2 = "id: A1.1\ntitle: Skyddad lokal\nclassification: sekretess\n"
        let v3 = "id: A1.1\ntitle: Skyddad lokal\nclassification: öppen\n\nid: A1\ntitle: Ny\n"
        let history = Self.history(v1, v2, v3)
        XCTAssertEqual(history.classifications, [
            // Kept under the id it was made under too: a commit subject naming A1 stays hidden.
            ClassificationMark(id: "A1", date: Day("2024-01-02")!, isOpen: false),
            ClassificationMark(id: "A1.1", date: Day("2024-01-02")!, isOpen: false),
            // From the rename on, A1 names no classified record.
            ClassificationMark(id: "A1", date: Day("2024-02-02")!, isOpen: true),
            ClassificationMark(id: "A1.1", date: Day("2024-03-02")!, isOpen: true),
        ])
        XCTAssertEqual(history.classifiedIDs(from: Day("2024-01-01")!, through: Day("2024-12-31")!), ["A1.1", "A1"])
        // A1 used again for an open record: a public report of a later year shows it.
        XCTAssertEqual(history.classifiedIDs(from: Day("2025-01-01")!, through: Day("2025-12-31")!), [])
    }

    /// The history of activities.rec in three versions, committed 2024-01-02, -02-02 and -03-02.
    private static func history(_ v1: String, _ v2: String, _ v3: String) -> History {
        let blobs = ["b1": v1, "b2": v2, "b3": v3]
        func commit(_ hash: String, _ day: String, _ blob: String, parent: String?) -> HistoryCommit {
            HistoryCommit(revision: Revision(hash: hash, author: "x", date: Day(day)!, time: day, subject: "s"),
                          parents: parent.map { [$0] } ?? [], files: ["data/activities.rec": blob])
        }
        let input = HistoryInput(commits: [commit("c1", "2024-01-02", "b1", parent: nil), commit("c2", "2024-02-02", "b2", parent: "c1"),
                                           commit("c3", "2024-03-02", "b3", parent: "c2")],
                                 kinds: ["data/activities.rec": .activity])
        return History.make(input) { blobs[$0].map { Array($0.utf8) } }
    }
}
