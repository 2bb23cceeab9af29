import XCTest
@testable import SakerhetCore

/// `--owner X` covers X and every owner below it in owners.rec's `parent` tree, says so in
/// the text it filters, and takes an owner id that records use although owners.rec lacks it.
final class OwnerScopeTests: XCTestCase {
    static let owners = """
        id: sf
        name: Socialförvaltningen
        kind: förvaltning

        id: u1
        name: Enheten Ett
        kind: enhet
        parent: sf

        id: u2
        name: Enheten Två
        kind: enhet
        parent: sf

        id: g1
        name: Gruppen under Ett
        kind: funktion
        parent: u1

        """ + Fixture.ownerCycle
    static let goals = "id: M1\ntitle: Förvaltningens mål\nowner: sf\ndue: 2026-12-31\nstatus: pågår\n"
    static let activities = """
        id: A1
        title: Enhet Etts aktivitet
        goal: M1
        owner: u1
        due: 2026-02-28
        status: pågår

        id: A2
        title: Enhet Tvås aktivitet
        goal: M1
        owner: u2
        due: 2026-03-15
        status: pågår

        id: A3
        title: Gruppens aktivitet
        goal: M1
        owner: g1
        due: 2026-03-20
        status: pågår

        id: A9
        title: Aktivitet med okänd ansvarig
        goal: M1
        owner: itenheten
        due: 2026-04-01
        status: pågår

        id: A5
        title: Funktionernas aktivitet
        goal: M1
        owner: c1
        due: 2026-03-01
        status: pågår

        """
    static let asOf = Day("2026-04-15")!

    static func data() -> DataSet {
        Fixture.data([.owner: owners, .goal: goals, .activity: activities, .risk: "", .finding: ""])
    }

    func testOwnersBelowFollowTheParentTreeAndStopAtACycle() {
        let data = Self.data()
        XCTAssertEqual(data.ownersBelow("sf"), ["u1", "u2", "g1"])
        XCTAssertEqual(data.ownersBelow("u1"), ["g1"])
        XCTAssertEqual(data.ownersBelow("u2"), [])
        // c1 → c2 → c1: each is below the other once, and the walk ends.
        XCTAssertEqual(data.ownersBelow("c1"), ["c2"])
        XCTAssertEqual(data.ownersBelow("c2"), ["c1"])
    }

    func testTheListOfAFörvaltningHoldsItsUnitsWork() {
        let data = Self.data()
        var f = ListFilter()
        f.owner = "sf"
        XCTAssertEqual(RecordList.make(data, .activity, filter: f, asOf: Self.asOf).rows.map(\.id), ["A1", "A2", "A3"])
        XCTAssertEqual(RecordList.make(data, .goal, filter: f, asOf: Self.asOf).rows.map(\.id), ["M1"])
        f.owner = "u1"
        XCTAssertEqual(RecordList.make(data, .activity, filter: f, asOf: Self.asOf).rows.map(\.id), ["A1", "A3"])
        f.owner = "c1"
        XCTAssertEqual(RecordList.make(data, .activity, filter: f, asOf: Self.asOf).rows.map(\.id), ["A5"])
        // The rollup's owners are taken as they are.
        f = ListFilter()
        f.owners = ["u2"]
        XCTAssertEqual(RecordList.make(data, .activity, filter: f, asOf: Self.asOf).rows.map(\.id), ["A2"])
        guard case .found(let sf) = data.ownerScope("Socialförvaltningen") else { return XCTFail("sf by its name") }
        XCTAssertEqual(sf.ids, ["sf", "u1", "u2", "g1"])
    }

    func testTheAuditOfAFörvaltningSaysWhomItCoversAndHasItsUnitsProblems() throws {
        let data = Self.data()
        guard case .found(let scope) = data.ownerScope("sf") else { return XCTFail("sf is an owner") }
        XCTAssertEqual(scope.ids, ["sf", "u1", "u2", "g1"])
        let kept = Checks.run(data, asOf: Self.asOf).filter { scope.covers($0.owners) }
        XCTAssertEqual(Set(kept.filter { $0.check == "overdue" }.compactMap(\.recordID)), ["A1", "A2", "A3"])
        let sv = DiagnosticText.render(kept, data: data, asOf: Self.asOf, lang: .sv, style: .plain, scope: scope)
        XCTAssertTrue(sv.hasPrefix("Urval: ansvarig sf (Socialförvaltningen) och 3 ansvariga under: u1, u2, g1\n"), sv)
        XCTAssertTrue(sv.contains(" för sf och 3 ansvariga under (per 2026-04-15)\n"), sv)
        let en = DiagnosticText.renderByOwner(kept, data: data, asOf: Self.asOf, lang: .en, style: .plain, scope: scope)
        XCTAssertTrue(en.hasPrefix("Selection: owner sf (Socialförvaltningen) and 3 owners below it: u1, u2, g1\n"), en)
        XCTAssertTrue(en.contains(" for sf and 3 owners below it (as of 2026-04-15)\n"), en)

        // No problems under a filter say whose they are not.
        guard case .found(let u2) = data.ownerScope("u2") else { return XCTFail("u2 is an owner") }
        let none = DiagnosticText.render([], data: data, asOf: Self.asOf, lang: .sv, style: .plain, scope: u2)
        XCTAssertEqual(none, "Urval: ansvarig u2 (Enheten Två)\n\nInga problem för u2 (per 2026-04-15)\n")
        XCTAssertEqual(DiagnosticText.render([], data: data, asOf: nil, lang: .en, style: .plain, scope: u2),
                       "Selection: owner u2 (Enheten Två)\n\nNo problems for u2 (without the date checks)\n")
        // Unfiltered, as before.
        XCTAssertEqual(DiagnosticText.render([], data: data, asOf: Self.asOf, lang: .sv, style: .plain), "Inga problem (per 2026-04-15)\n")

        // A list's table says it too; the machine formats do not.
        var f = ListFilter()
        f.owner = "sf"
        let list = RecordList.make(data, .activity, filter: f, asOf: Self.asOf)
        XCTAssertTrue(ListRender.render(list, format: "table", lang: .sv, style: .plain, scope: scope)
            .hasPrefix("Urval: ansvarig sf (Socialförvaltningen) och 3 ansvariga under: u1, u2, g1\n\n"))
        XCTAssertFalse(ListRender.render(list, format: "tsv", lang: .sv, style: .plain, scope: scope).contains("Urval"))
    }

    func testAnOwnerIDRecordsUseButOwnersRecLacksIsSelectedWithANotice() throws {
        let data = Self.data()
        guard case .found(let scope) = data.ownerScope("itenheten") else { return XCTFail("itenheten is used by A9") }
        XCTAssertNil(scope.name)
        XCTAssertEqual(scope.ids, ["itenheten"])
        let notice = try XCTUnwrap(scope.missingNotice)
        XCTAssertTrue(notice.sv.contains("'itenheten' finns inte i owners.rec men används av 1 post"), notice.sv)
        XCTAssertTrue(notice.en.contains("add it to owners.rec"), notice.en)
        var f = ListFilter()
        f.owner = scope.id
        XCTAssertEqual(RecordList.make(data, .activity, filter: f, asOf: Self.asOf).rows.map(\.id), ["A9"])
        XCTAssertEqual(Checks.run(data, asOf: Self.asOf).filter { scope.covers($0.owners) }.compactMap(\.recordID).contains("A9"), true)
        XCTAssertTrue(scope.line(.sv).contains("itenheten (finns inte i owners.rec)"))
        // Only the exact id: a part of it, or an id no record uses, matches nothing.
        XCTAssertEqual(data.ownerScope("itenhet"), .none)
        XCTAssertEqual(data.ownerScope("nobody"), .none)
        XCTAssertEqual(scope.ids, ["itenheten"])
        // A known owner is no notice.
        guard case .found(let u1) = data.ownerScope("Enheten Ett") else { return XCTFail("a part of u1's name") }
        XCTAssertNil(u1.missingNotice)
        XCTAssertEqual(u1.id, "u1")
    }
}
