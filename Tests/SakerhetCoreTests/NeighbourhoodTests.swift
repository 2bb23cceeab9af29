import XCTest
@testable import SakerhetCore

/// A write is validated on the records it concerns (`Edit.neighbourhood`). These tests
/// make thousands of edits of the shipped data, valid and invalid, and check that this
/// gives exactly the errors that checking the whole folder gives.
final class NeighbourhoodTests: XCTestCase {
    func testEveryEditFindsTheSameNewErrorsAsTheWholeFolder() throws {
        let data = try Fixture.shipped()
        var edits = 0, refused = 0
        for kind in Kind.allCases {
            let ids = data.ids[kind]?.keys.sorted(by: naturalLess) ?? []
            for (n, id) in ids.enumerated() {
                for spec in kind.fields {
                    // Every record for ids and references; the first three for the rest.
                    let relational: Bool
                    if case .ref = spec.type { relational = true } else { relational = spec.name == "id" }
                    guard relational || n < 3 else { continue }
                    // Past the first two records, a rotating seventeenth of the values: every
                    // value is still tried (on some record), and the suite stays fast.
                    for (v, value) in Self.values(for: spec, of: kind, id: id, in: data).enumerated() where n < 2 || (v + n) % 17 == 0 {
                        guard let edit = try? Editor.update(data, kind, id: id, [.set(spec.name, value)]) else { continue }
                        let found = edit.newErrors(in: data, asOf: Fixture.asOf)
                        let whole = edit.newErrorsInWholeFolder(data, asOf: Fixture.asOf)
                        XCTAssertEqual(Self.keys(found), Self.keys(whole), "\(kind.rawValue) \(id) \(spec.name)=\(value)")
                        edits += 1
                        if !whole.isEmpty { refused += 1 }
                    }
                }
                if let edit = try? Editor.remove(data, kind, id: id) {
                    XCTAssertEqual(Self.keys(edit.newErrors(in: data, asOf: Fixture.asOf)),
                                   Self.keys(edit.newErrorsInWholeFolder(data, asOf: Fixture.asOf)), "rm \(kind.rawValue) \(id)")
                    edits += 1
                }
            }
        }
        // The edits must cover both outcomes, or the comparison proves little.
        XCTAssertGreaterThan(edits, 500)
        XCTAssertGreaterThan(refused, 100)
        XCTAssertGreaterThan(edits - refused, 100)
    }

    func testAddedRecordsFindTheSameNewErrors() throws {
        let data = try Fixture.shipped()
        let cases: [[(String, String)]] = [
            [("title", "Ny"), ("goal", "D3"), ("owner", "sbs"), ("due", "2025-05"), ("status", "pågår")],
            [("id", "A1"), ("title", "Dubblett"), ("goal", "D3"), ("owner", "sbs"), ("due", "2025-05"), ("status", "pågår")],
            [("title", "Fel mål"), ("goal", "D99"), ("owner", "sbs"), ("due", "2025-05"), ("status", "pågår")],
            [("title", "Fel ägare"), ("goal", "D3"), ("owner", "nobody"), ("due", "maj"), ("status", "klar")],
        ]
        for fields in cases {
            let (edit, _) = try Editor.add(data, .activity, fields: fields.filter { $0.0 != "id" || !data.contains(.activity, id: $0.1) })
            XCTAssertEqual(Self.keys(edit.newErrors(in: data, asOf: Fixture.asOf)),
                           Self.keys(edit.newErrorsInWholeFolder(data, asOf: Fixture.asOf)), "\(fields)")
        }
    }

    func testAnEditOfOneActivityLooksAtFewRecords() throws {
        let data = try Fixture.shipped()
        let edit = try Editor.update(data, .activity, id: "A5", [.set("note", "Ny anteckning")])
        let near = try XCTUnwrap(edit.neighbourhood(in: data))
        XCTAssertEqual(near.after.activities.map(\.id), ["A5"])
        XCTAssertEqual(near.after.goals.map(\.id), ["D3"])
        XCTAssertEqual(near.after.owners.map(\.id), ["sbs"])
        XCTAssertEqual(near.after.activities[0].note, "Ny anteckning")
        XCTAssertEqual(near.before.activities[0].note, data.activities.first { $0.id == "A5" }?.note)
        // Lines are the file's: A5 keeps its line; the record after it would move by the shift.
        let line = data.record(data.activities.first { $0.id == "A5" }!.ref).line
        XCTAssertEqual(near.after.files[.activity]!.document.records[0].line, line)
    }

    func testARenamedGoalBringsTheRecordsThatNameIt() throws {
        let data = try Fixture.shipped()
        let edit = try Editor.update(data, .goal, id: "D3", [.set("id", "D3b")])
        let near = try XCTUnwrap(edit.neighbourhood(in: data))
        let naming = data.activities.filter { $0.goal == "D3" }.map(\.id)
        XCTAssertFalse(naming.isEmpty)
        XCTAssertEqual(Set(near.after.activities.map(\.id)), Set(naming))
        XCTAssertFalse(edit.newErrors(in: data, asOf: Fixture.asOf).isEmpty)
    }

    func testALongCycleOfGoalsIsFound() throws {
        // G1 ← G2 ← G3 ← G4; G1's parent set to G4 closes a cycle of four.
        let goals = (1...4).map { n in
            "id: G\(n)\ntitle: Mål \(n)\n" + (n > 1 ? "parent: G\(n - 1)\n" : "") + "owner: sbs\ndue: 2025-06\nstatus: pågår\n"
        }.joined(separator: "\n")
        let data = Fixture.data([.goal: goals])
        let edit = try Editor.update(data, .goal, id: "G1", [.set("parent", "G4")])
        let found = edit.newErrors(in: data, asOf: Fixture.asOf)
        XCTAssertEqual(found.map(\.check), ["goal-cycle"])
        XCTAssertEqual(Self.keys(found), Self.keys(edit.newErrorsInWholeFolder(data, asOf: Fixture.asOf)))
    }

    /// Values that make errors and values that do not, for one field.
    static func values(for spec: FieldSpec, of kind: Kind, id: String, in data: DataSet) -> [String] {
        func some(_ k: Kind) -> [String] { Array((data.ids[k]?.keys.sorted(by: naturalLess) ?? []).prefix(2)) }
        switch spec.type {
        case .ref(let target):
            // Within a kind (a goal's parent), every record: that makes cycles of every length.
            let targets = target == kind ? data.ids[target]?.keys.sorted(by: naturalLess) ?? [] : some(target)
            return targets + [id, "X404", ""]
        case .deadline: return ["2025-05", "?", "löpande", "2025-W12", "maj", ""]
        case .day: return ["2024-05-31", "2099-01-01", "31/5", ""]
        case .period: return ["2024-05-31", "2014", "2099-W02", "2024-T1", "?", "löpande", "31/5", ""]
        case .status: return ["klar", "vilande", "struken", "done", "kanske"]
        case .riskStatus: return ["öppen", "stängd", "kanske"]
        case .score: return ["1", "4", "9", "x"]
        case .assessment, .classification, .ownerKind, .recurrence: return ["grön", "sekretess", "år", "x"]
        case .goalLevel: return ["målområde", "delmål", "x"]
        case .year: return ["2024", "tjugo"]
        case .occurrence: return ["2024-Q1 2024-03-20 utan anmärkning: Protokoll", "2024-Q1", ""]
        case .findingKind: return ["brist", "brsit", ""]
        case .followedRecord: return some(.goal) + some(.activity) + ["X404", ""]
        case .followupAssessment: return ["uppfyllt", "gul", "x", ""]
        case .text:
            if spec.name == "id" {
                return some(kind) + [id + "x", ""]
            }
            return ["Ny text", "Personnummer 19121212-1212", "slut \\", ""]
        }
    }

    static func keys(_ ds: [Diagnostic]) -> [String] { ds.map { "\($0.check) \($0.file):\($0.line) \($0.message.en)" }.sorted() }

    /// An edit that adds no error reads only the records near it: the folder's typed
    /// goals, activities, risks and findings are never made (they are made on first use).
    func testAnEditMakesNoTypedRecordsOfTheWholeFolder() throws {
        let data = Fixture.data()
        XCTAssertEqual(data.typedSoFar, [], "loading makes only owners and areas")
        let edit = try Editor.update(data, .activity, id: "A26", [.set("note", "ny notering")])
        XCTAssertEqual(edit.newErrors(in: data, asOf: Fixture.asOf).count, 0)
        XCTAssertEqual(data.typedSoFar, [], "the edit's checks ran on its neighbourhood only")
        // Asked for, a kind is made once and kept.
        XCTAssertEqual(data.activities.count, data.files[.activity]!.document.records.count)
        XCTAssertEqual(data.typedSoFar, [.activity])
        XCTAssertEqual(data.activities.map(\.id), data.files[.activity]!.document.records.map { $0.value(.id) ?? "" })
    }
}
