import XCTest
@testable import SakerhetCore

/// `list` with a filter on status or deadline makes only the activities that pass it
/// (`DataSet.activities(where:)`); the list is the one made from every activity.
final class ListFilterTests: XCTestCase {
    /// 400 activities of every kind of status, deadline, recurrence and done date, some
    /// invalid, from a fixed seed.
    static func activities(_ count: Int = 400) -> String {
        let statuses: [String?] = ["ej påbörjad", "pågår", "klar", "vilande", "struken", "pagar", "done", "okänd", nil]
        let dues: [String?] = ["2024-10-31", "2024-11-10", "2024-11-04", "2024-12", "2024-Q4", "2025", "?", "löpande", "2024-W44",
                               "2023-13", "2024-01-15", nil]
        let every: [String?] = [nil, nil, "månad", "kvartal", "år", "veckovis"]
        let done: [String?] = [nil, nil, "2024-10-01", "2024-11-02", "2024", "2024-02-30"]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func pick<T>(_ xs: [T]) -> T {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return xs[Int(seed >> 33) % xs.count]
        }
        var text = ""
        for i in 1...count {
            text += "id: A\(i)\ntitle: Aktivitet \(i)\ngoal: \(pick(["M3.3", "D3", "HP2"]))\nowner: \(pick(["sbs", "meb"]))\n"
            if let s = pick(statuses) { text += "status: \(s)\n" }
            if let d = pick(dues) { text += "due: \(d)\n" }
            if let e = pick(every) { text += "every: \(e)\n" }
            if let d = pick(done) { text += "done: \(d)\n" }
            text += "\n"
        }
        return text
    }

    func testAFilterOnTimeMakesOnlyTheActivitiesItKeepsAndListsTheSame() {
        let text = Self.activities()
        var filters: [(String, ListFilter)] = []
        var f = ListFilter()
        f.overdue = true
        filters.append(("overdue", f))
        f.owner = "meb"
        filters.append(("overdue, owner", f))
        f = ListFilter()
        f.soon = true
        filters.append(("soon", f))
        f.goal = "D3"
        filters.append(("soon, goal", f))
        f = ListFilter()
        f.dueBefore = Deadline(token: "2024-12-31")
        filters.append(("due before", f))
        f = ListFilter()
        f.status = "pågår"
        filters.append(("status", f))
        f.status = "öppen"
        f.overdue = true
        filters.append(("open and overdue", f))
        var sizes: [Int] = []
        for (name, filter) in filters {
            let lazy = Fixture.data([.activity: text])
            let list = RecordList.make(lazy, .activity, filter: filter, asOf: Fixture.asOf)
            XCTAssertFalse(lazy.typedSoFar.contains(.activity), "\(name): every activity was made")
            let eager = Fixture.data([.activity: text])
            XCTAssertEqual(eager.activities.count, 400)
            let all = RecordList.make(eager, .activity, filter: filter, asOf: Fixture.asOf)
            func shown(_ l: RecordList) -> [String] {
                l.rows.map { "\($0.id) \($0.signal.map(\.rawValue) ?? "-") \($0.daysLate) \($0.due?.token ?? "-") \($0.status ?? "-") \($0.line)" }
            }
            XCTAssertEqual(shown(list), shown(all), name)
            sizes.append(list.rows.count)
        }
        // Every filter keeps some activities and leaves others out.
        XCTAssertTrue(sizes.allSatisfy { $0 > 0 && $0 < 400 }, "\(sizes)")
        // Without a filter on time, every activity is made and listed.
        let plain = Fixture.data([.activity: text])
        XCTAssertEqual(RecordList.make(plain, .activity, filter: ListFilter(), asOf: Fixture.asOf).rows.count, 400)
    }

    /// The made activities of a filter are those that `activities` holds, the same values.
    func testActivitiesWhereAgreesWithTheActivities() {
        let text = Self.activities()
        let data = Fixture.data([.activity: text])
        let late = data.activities(on: Fixture.asOf, whereTiming: { s, d, _ in Standing(deadline: d, status: s, asOf: Fixture.asOf, window: 30).isOverdue })
        let all = Fixture.data([.activity: text]).activities
        let expected = all.filter { Standing(deadline: $0.deadline(on: Fixture.asOf), status: $0.status, asOf: Fixture.asOf, window: 30).isOverdue }
        XCTAssertGreaterThan(expected.count, 10)
        XCTAssertEqual(late.map(\.id), expected.map(\.id))
        XCTAssertEqual(late.map(\.ref.index), expected.map(\.ref.index))
        XCTAssertEqual(late.map(\.title), expected.map(\.title))
        XCTAssertEqual(late.map(\.owners), expected.map(\.owners))
        XCTAssertEqual(late.map { $0.deadline?.token }, expected.map { $0.deadline?.token })
        XCTAssertTrue(expected.contains { $0.deadline(on: Fixture.asOf) != $0.deadline }, "a recurring activity done after the day")
        // Once every activity is made, they are filtered, with the same answer.
        XCTAssertEqual(data.activities.count, 400)
        XCTAssertEqual(data.activities(on: Fixture.asOf, whereTiming: { s, d, _ in Standing(deadline: d, status: s, asOf: Fixture.asOf, window: 30).isOverdue }).map(\.id),
                       expected.map(\.id))
    }

    /// Past 20,000 activities the records are passed over a piece per core: the pieces'
    /// activities come back in file order.
    func testActivitiesWhereInPiecesKeepsFileOrder() {
        let text = Self.activities(20_400)
        var f = ListFilter()
        f.overdue = true
        let lazy = Fixture.data([.activity: text])
        let list = RecordList.make(lazy, .activity, filter: f, asOf: Fixture.asOf)
        XCTAssertFalse(lazy.typedSoFar.contains(.activity))
        let eager = Fixture.data([.activity: text])
        _ = eager.activities
        XCTAssertEqual(list.rows.map(\.id), RecordList.make(eager, .activity, filter: f, asOf: Fixture.asOf).rows.map(\.id))
        // Rows made on several cores (`activities(on:whereTiming:making:)`), with a filter
        // on the owner and none on time: each row as one core would make it, in file order.
        var byOwner = ListFilter()
        byOwner.owner = "meb"
        let owned = RecordList.make(Fixture.data([.activity: text]), .activity, filter: byOwner, asOf: Fixture.asOf)
        let ownedEager = RecordList.make(eager, .activity, filter: byOwner, asOf: Fixture.asOf)
        func shown(_ l: RecordList) -> [String] { l.rows.map { "\($0.id) \($0.owner) \($0.title) \($0.due?.token ?? "-") \($0.status ?? "-") \($0.line)" } }
        XCTAssertEqual(shown(owned), shown(ownedEager))
        XCTAssertEqual(Set(owned.rows.map(\.id)), Set(eager.activities.filter { $0.owners == ["meb"] }.map(\.id)))
        XCTAssertGreaterThan(owned.rows.count, 5_000)
        let kept = lazy.activities(on: Fixture.asOf, whereTiming: { status, _, _ in status == .inProgress }).map(\.ref.index)
        XCTAssertEqual(kept, kept.sorted())
        XCTAssertTrue(kept.contains { $0 < 10_000 } && kept.contains { $0 > 10_400 })
    }

    /// A CSV cell that Excel would read as a formula gets an apostrophe; numbers, dates,
    /// ids and words are left as they are.
    func testACSVCellThatLooksLikeAFormulaIsText() {
        for formula in ["=1+1", "+A1", "-A1+1", "@SUM(A1)", "\tx", "\rx", "-", "+"] {
            XCTAssertEqual(ListRender.formulaSafe(formula), "'" + formula, formula)
        }
        for plain in ["-5", "+46", "-1,5", "2024-11", "A12", "Öva", "", "x=1", "e-post"] {
            XCTAssertEqual(ListRender.formulaSafe(plain), plain, plain)
        }
    }
}
