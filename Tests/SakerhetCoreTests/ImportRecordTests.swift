import XCTest
@testable import SakerhetCore

/// What the import makes of a row's values: owners, values the writer refuses, and where
/// the problems of the records it would add are named. In-process.
final class ImportRecordTests: XCTestCase {
    static let asOf = Day(year: 2026, month: 3, day: 1)!

    /// A folder with two owners (one a unit whose name has "," and "och"), a goal and an activity.
    static func data() -> DataSet {
        DataSet(folder: "d", files: [
            .owner: SourceFile(path: "d/owners.rec", document: Document(text: """
                id: sf
                name: Socialförvaltningen

                id: sbs
                name: Enheten för säkerhet, beredskap och systemförvaltning

                """)),
            .goal: SourceFile(path: "d/goals.rec", document: Document(text: "id: D1\ntitle: Trygg förvaltning\nowner: sf\ndue: 2027\nstatus: pågår\n")),
            .activity: SourceFile(path: "d/activities.rec", document: Document(text: "id: A1\ntitle: Gammal\ngoal: D1\nowner: sf\ndue: 2027\nstatus: pågår\n")),
        ])
    }

    static func table(_ rows: [[String]]) -> SourceTable {
        SourceTable(name: "t.csv", rows: rows.map { $0.map { TableCell.text($0) } })
    }

    /// A cell of several lines in a field of one line is joined with blanks, and said: kept
    /// as `+` lines, a title would read as one line to `set`, the lists and `audit`, but not
    /// to recutils' own tools. A field of several lines (note) keeps its lines; a new goal
    /// and a new owner made from the row's cells are joined the same way.
    func testLineBreaksInACellOfAOneLineFieldBecomeBlanks() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Kommentar"],
                                     ["Nytt\nmål", "Key\nid: X9", "Ny\n enhet", "2027", "rad ett\nrad två"]]), file: "t.csv")
        let activity = try XCTUnwrap(importer.records.first { $0.kind == .activity })
        XCTAssertEqual(activity.fields.first { $0.0 == "title" }?.1, "Key id: X9")
        XCTAssertEqual(activity.fields.first { $0.0 == "note" }?.1, "rad ett\nrad två")
        XCTAssertEqual(importer.records.first { $0.kind == .goal }?.fields.first { $0.0 == "title" }?.1, "Nytt mål")
        XCTAssertEqual(importer.records.first { $0.kind == .owner }?.fields.first { $0.0 == "name" }?.1, "Ny enhet")
        XCTAssertTrue(importer.notices.contains { $0.sv == "t.csv:2: title har en rad; cellens radbrytningar blev blanksteg" },
                      importer.notices.map(\.sv).joined(separator: "\n"))
        XCTAssertFalse(importer.records.contains { r in r.fields.contains { $0.0 != "note" && $0.1.contains("\n") } })
    }

    /// An id with a blank or an invisible character is refused at its row, as `set` refuses
    /// it: it would look like another id.
    func testAnIdWithABlankOrAnInvisibleCharacterIsLeftOut() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Id", "Aktivitet", "Mål", "Ansvarig", "Klart senast"],
                                     ["A 1", "Ett", "D1", "sf", "2027"], ["A\u{200B}3", "Tre", "D1", "sf", "2027"], ["A4", "Fyra", "D1", "sf", "2027"]]), file: "t.csv")
        XCTAssertEqual(importer.records.filter { $0.kind == .activity }.map(\.id), ["A4"])
        XCTAssertEqual(importer.leftOut, 2, importer.notices.map(\.sv).joined(separator: "\n"))
        XCTAssertTrue(importer.notices.contains { $0.sv.hasPrefix("t.csv:2:") && $0.sv.contains("ett id har inga blanksteg eller osynliga tecken (här U+0020)") }, importer.notices.map(\.sv).joined(separator: "\n"))
    }

    /// Columns left unplaced are named, a few of them: a sheet of 20,000 extra columns is
    /// one short notice, not a megabyte on stderr.
    func testManyUnplacedColumnsAreNamedAFew() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        let extra = (1...20_000).map { "x\($0)" }
        try importer.add(Self.table([["Aktivitet", "Mål", "Ansvarig", "Klart senast"] + extra, ["T", "D1", "sf", "2027"]]), file: "w.csv")
        let notice = try XCTUnwrap(importer.notices.first { $0.sv.contains("placerades inte") })
        XCTAssertEqual(notice.sv, "t.csv: kolumnerna 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8' och 19992 till placerades inte och togs inte med; ange --map 'Kolumn=fält' för att ta med dem")
        XCTAssertTrue(notice.en.contains("'x8' and 19992 more were not placed"), notice.en)
    }

    /// An owner cell is split at "och", "," and "/" only when every part is a known owner:
    /// one in owners.rec (by id or name), or a name that stands alone in a cell of the column.
    /// Otherwise the cell is one owner, as "Individ- och familjeomsorgen" is one unit.
    /// A status the import reads from words that are no status, or sets for want of one,
    /// is marked as assumed and the source's words kept (a risk's in its description); a
    /// done day written after the status is the record's `done`. A table without a known
    /// deadline column whose unplaced column holds deadlines is refused, naming the --map.
    func testStatusesAsPlansWriteThemAndAnUnplacedDeadlineColumn() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Status"],
                                     ["D1", "Försenad sak", "sf", "2026-02", "Försenad"],
                                     ["D1", "Klar sak", "sf", "2026-02", "Klar 2026-01-20"],
                                     ["D1", "Okänd sak", "sf", "2026-02", "Kanske"]]), file: "t.csv")
        func fields(_ title: String) -> [String] {
            importer.records.first { r in r.fields.contains { $0 == ("title", title) } }!.fields.filter { ["status", "assumed", "done", "note"].contains($0.0) }.map { "\($0.0)=\($0.1)" }
        }
        XCTAssertEqual(fields("Försenad sak"), ["status=pågår", "note=Status i källan: Försenad", "assumed=status"])
        XCTAssertEqual(fields("Klar sak"), ["status=klar", "done=2026-01-20"])
        XCTAssertEqual(fields("Okänd sak"), ["status=ej påbörjad", "note=Status i källan: Kanske", "assumed=status"])
        XCTAssertTrue(importer.notices.contains { $0.sv == "t.csv:2: statusen 'Försenad' lästes som pågår, markerad som antagen (assumed: status); källans text i note" },
                      importer.notices.map(\.sv).joined(separator: "\n"))

        // A row that is a record of the folder already, with another status: said, with the command.
        var again = Importer(data: Self.data(), asOf: Self.asOf)
        try again.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Status"], ["D1", "Gammal", "sf", "2027", "Klar"]]), file: "t.csv")
        XCTAssertEqual(again.duplicates, 1)
        XCTAssertTrue(again.notices.contains { $0.sv == "t.csv:2: raden är A1 i mappen, med status pågår; källan säger klar. Importen lägger bara till poster och ändrar inte A1; ändra med 'sakerhet activities done A1'" },
                      again.notices.map(\.sv).joined(separator: "\n"))

        var risks = Importer(data: Self.data(), asOf: Self.asOf)
        try risks.add(Self.table([["Risk", "Beskrivning", "Sannolikhet", "Konsekvens", "Ansvarig", "Status"],
                                  ["Elavbrott", "Långvarigt", "2", "3", "sf", "Åtgärdad"]]), file: "r.csv")
        XCTAssertEqual(risks.records.first { $0.kind == .risk }?.fields.filter { ["status", "assumed", "description"].contains($0.0) }.map { "\($0.0)=\($0.1)" },
                       ["description=Långvarigt\nStatus i källan: Åtgärdad", "status=stängd", "assumed=status"])

        var unplaced = Importer(data: Self.data(), asOf: Self.asOf)
        XCTAssertThrowsError(try unplaced.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Färdigdatum"], ["D1", "X", "sf", "mars 2026"], ["D1", "Y", "sf", ""]]), file: "u.csv")) { e in
            XCTAssertEqual((e as? OfficeError)?.message.sv,
                           "t.csv: tabellen har ingen känd kolumn för slutdatum, men kolumnen 'Färdigdatum' håller tidpunkter (1 av 1 ifyllda celler); ange --map 'Färdigdatum=due' så läses den som slutdatum")
        }
    }

    /// A header of two rows (Tidplan over Start | Klart) reads its second row as the column
    /// names, not as a record. A --map naming no column is said, with the closest; one to a
    /// field the kind read lacks is an error.
    func testATwoRowHeaderAndMapsThatDoNotApply() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Tidplan", "", "Status"],
                                     ["Mål", "Aktivitet", "Ansvarig", "Start", "Klart", "Status"],
                                     ["D1", "Ny plan", "sf", "2026-01", "2027-05", "Pågår"]]), file: "t.csv")
        XCTAssertEqual(importer.records.filter { $0.kind == .activity }.map { $0.fields.filter { ["title", "start", "due"].contains($0.0) }.map(\.1) },
                       [["Ny plan", "2026-01", "2027-05"]])
        XCTAssertTrue(importer.notices.contains { $0.sv.hasPrefix("t.csv: rubriken har två rader") })

        let table = Self.table([["Mål", "Aktivitet", "Ansvarig", "Andel klart"], ["D1", "X", "sf", "50 %"]])
        var typo = Importer(data: Self.data(), asOf: Self.asOf, options: .init(map: ["Andel klar": "progress"]))
        try typo.add(table, file: "t.csv")
        XCTAssertTrue(typo.notices.contains { $0.sv == "t.csv: --map 'Andel klar=progress': tabellen har ingen kolumn 'Andel klar' (menade du 'Andel klart'?)" },
                      typo.notices.map(\.sv).joined(separator: "\n"))
        var wrongKind = Importer(data: Self.data(), asOf: Self.asOf, options: .init(map: ["Andel klart": "parent"]))
        XCTAssertThrowsError(try wrongKind.add(table, file: "t.csv")) { e in
            XCTAssertTrue((e as? OfficeError)?.message.sv.hasPrefix("t.csv: --map 'Andel klart=parent': tabellen läses som aktiviteter, som inte har fältet 'parent'") == true)
        }
    }

    /// Mål beside Delmål in an activity table: a new Delmål is a sub-goal of its row's Mål
    /// (made if new), and a goal the import makes has its owner and status marked assumed.
    func testMalAndDelmalColumnsMakeSubGoals() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Delmål", "Aktivitet", "Ansvarig", "Klart senast"],
                                     ["1 Kontinuitet", "1.1 Planer", "Skriv planer", "sf", "2026-10"],
                                     ["1 Kontinuitet", "1.2 Rutiner", "Öva rutiner", "sf", "2026-11"]]), file: "t.csv")
        let goals = importer.records.filter { $0.kind == .goal }.map { r in
            r.fields.filter { ["id", "title", "parent", "assumed"].contains($0.0) }.map(\.1).joined(separator: " ")
        }
        XCTAssertEqual(goals, ["M1 1 Kontinuitet owner status", "D2 1.1 Planer M1 owner status", "D3 1.2 Rutiner M1 owner status"])
        XCTAssertFalse(importer.notices.contains { $0.sv.contains("placerades inte") }, importer.notices.map(\.sv).joined(separator: "\n"))
    }

    /// An action plan's Indikatorer column (seed 004) goes in the activity's note under
    /// "Indikatorer:", after its comment, as the shipped plan writes it.
    func testIndicatorsGoInTheNote() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Åtgärd", "Ansvarig", "Klar senast", "Kommentar", "Indikatorer"],
                                     ["D1", "Utbilda", "sf", "2026-10", "Enligt plan", "Alla enheter utbildade"]]), file: "t.csv")
        XCTAssertEqual(importer.records.first { $0.kind == .activity }?.fields.first { $0.0 == "note" }?.1, "Enligt plan\nIndikatorer:\nAlla enheter utbildade")
    }

    func testOwnerCellSplitOnlyIntoKnownOwners() throws {
        let header = ["Mål", "Aktivitet", "Ansvarig", "Klart senast"]
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([header,
            ["D1", "Ett", "Individ- och familjeomsorgen", "2026"],
            ["D1", "Två", "Enheten för säkerhet, beredskap och systemförvaltning", "2026"],
            ["D1", "Tre", "Enhet för mottagning och ekonomiskt bistånd", "2026"],
            ["D1", "Fyra", "Socialförvaltningen och IT-enheten", "2026"],
            ["D1", "Fem", "IT-enheten", "2026"],
            ["D1", "Sex", "sbs / sf", "2026"],
            ["D1", "Sju", "IT-enheten, Ekonomi", "2026"],
        ]), file: "t.csv")
        let owners = importer.records.filter { $0.kind == .owner }
        XCTAssertEqual(owners.map { $0.fields.first { $0.0 == "name" }?.1 }, ["Individ- och familjeomsorgen", "Enhet för mottagning och ekonomiskt bistånd", "IT-enheten", "IT-enheten, Ekonomi"])
        let acts = importer.records.filter { $0.kind == .activity }
        func value(_ i: Int, _ k: String) -> String? { acts[i].fields.first { $0.0 == k }?.1 }
        func values(_ i: Int, _ k: String) -> [String] { acts[i].fields.filter { $0.0 == k }.map(\.1) }
        // Several owners: one `owner` field each, in the cell's order (format.md, "Several owners").
        XCTAssertEqual(acts.indices.map { values($0, "owner") },
                       [["individ-och-familjeomsorgen"], ["sbs"], ["enhet-for-mottagning-och-ekonomiskt-bist"], ["sf", "it-enheten"],
                        ["it-enheten"], ["sbs", "sf"], ["it-enheten-ekonomi"]])
        XCTAssertEqual(acts.indices.compactMap { value($0, "note") }, [], "no owner goes in the note")
        XCTAssertEqual(acts[3].fields.map(\.0), ["id", "title", "goal", "owner", "owner", "due", "status", "assumed"], "the owners together, in the schema's place")
        // A cell kept whole although it has "och", "," or "/" is said once.
        let said = importer.notices.filter { $0.sv.contains("blir en ny ansvarig, hel") }
        XCTAssertEqual(said.count, 3, said.map(\.sv).joined(separator: "\n"))
        XCTAssertTrue(said[0].sv.hasPrefix("t.csv:2: ansvarig 'Individ- och familjeomsorgen'"), said[0].sv)
        XCTAssertEqual(importer.leftOut, 0)
    }

    /// "Räddningstjänsten och Kommunstyrelsens förvaltning" with both in owners.rec: two
    /// `owner` fields, so the second owner's lists and audit show the activity; the same
    /// owner twice in a cell is one field.
    func testTwoKnownOwnersInACellAreTwoOwnerFields() throws {
        var files = Self.data().files
        files[.owner] = SourceFile(path: "d/owners.rec", document: Document(text: """
            id: rtj
            name: Räddningstjänsten

            id: ksf
            name: Kommunstyrelsens förvaltning

            """))
        var importer = Importer(data: DataSet(folder: "d", files: files), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Klart senast"],
            ["D1", "Gemensam utrymningsövning", "Räddningstjänsten och Kommunstyrelsens förvaltning", "ht 2027"],
            ["D1", "Samma två gånger", "rtj / Räddningstjänsten", "2027"],
        ]), file: "t.csv")
        XCTAssertEqual(importer.records.filter { $0.kind == .owner }.count, 0, "no new owner")
        let acts = importer.records.filter { $0.kind == .activity }
        XCTAssertEqual(acts.map { $0.fields.filter { $0.0 == "owner" }.map(\.1) }, [["rtj", "ksf"], ["rtj"]])
        XCTAssertEqual(acts.compactMap { $0.fields.first { $0.0 == "note" }?.1 }, [])
        XCTAssertEqual(importer.notices.map(\.sv), [])
    }

    /// A value that `set` refuses, a line ending with \ (recutils reads it as going on on the
    /// next line), refuses the row with the file, row and column; what the row would have
    /// made (a new owner, a new goal) is not made.
    func testValueEndingWithBackslashRefusesTheRow() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Kommentar"],
            ["D1", "Spara filer på G:\\", "sf", "2026", ""],
            ["Nytt mål", "Rutin", "Ny enhet\\", "2026", ""],
            ["D1", "Anteckna", "sf", "2026", "Sökväg:\nG:\\  \nmer"],
            ["D1", "Nästa", "sf", "2026", "a \\ b"],
        ]), file: "t.csv")
        XCTAssertEqual(importer.leftOut, 3)
        XCTAssertEqual(importer.records.map(\.id), ["A2"])
        XCTAssertEqual(importer.records[0].fields.first { $0.0 == "note" }?.1, "a \\ b")
        let refused = importer.notices.map(\.sv).filter { $0.contains("slutar med \\") }
        XCTAssertEqual(refused, [
            "t.csv:2: kolumnen Aktivitet: värdet för 'title' slutar med \\, som recutils läser som att värdet fortsätter på nästa rad; ta bort det, skriv det mitt i texten eller avsluta med ett annat tecken; raden kan inte tas med",
            "t.csv:3: kolumnen Ansvarig: värdet för 'name' slutar med \\, som recutils läser som att värdet fortsätter på nästa rad; ta bort det, skriv det mitt i texten eller avsluta med ett annat tecken; raden kan inte tas med",
            "t.csv:4: kolumnen Kommentar: rad 2 av värdet för 'note' slutar med \\, som recutils läser som att värdet fortsätter på nästa rad; ta bort det, skriv det mitt i texten eller avsluta med ett annat tecken; raden kan inte tas med",
        ])
        XCTAssertTrue(importer.notices.contains { $0.en.hasPrefix("t.csv:2: column Aktivitet: the value of 'title' ends with \\") })
    }

    /// A row left out leaves nothing behind but its notice: the owners and goals it made, their
    /// ids and the numbering are undone, so the rows after it get what they would get without
    /// it. Rows left out after they have made an owner and a goal (an id the folder has, a
    /// value ending with \ in the row or in the new owner's name) are checked against the
    /// same table without them; a later row names the left-out row's new owner again.
    func testARowLeftOutLeavesNothingBehind() throws {
        let header = ["Id", "Mål", "Aktivitet", "Ansvarig", "Klart senast", "Status", "Kommentar"]
        let before = ["", "Nytt mål", "Första", "Ny enhet", "2026", "pågår", ""]
        let after = [["", "Nytt mål", "Andra", "Ny enhet", "2026", "pågår", ""],
                     ["", "Ännu ett mål", "Tredje", "Annan enhet", "2027", "pågår", ""],
                     ["", "Nytt mål", "Fjärde", "Tredje enheten", "2027", "pågår", ""]]
        let leftOut: [(why: String, row: [String])] = [
            ("id", ["A1", "Ett mål till", "Krock", "Tredje enheten", "2026", "pågår", ""]),
            ("backslash", ["", "Ett mål till", "Sökväg", "Tredje enheten", "2026", "pågår", "G:\\"]),
            ("backslash in the new owner", ["", "Ett mål till", "Sökväg", "Tredje enheten\\", "2026", "pågår", ""]),
        ]
        var without = Importer(data: Self.data(), asOf: Self.asOf, options: .init(kind: .activity))
        try without.add(Self.table([header, before] + after), file: "t.csv")
        XCTAssertEqual(without.leftOut, 0)
        XCTAssertEqual(without.records.map(\.id), ["ny-enhet", "M1", "A2", "A3", "annan-enhet", "M2", "A4", "tredje-enheten", "A5"])
        for (why, row) in leftOut {
            var with = Importer(data: Self.data(), asOf: Self.asOf, options: .init(kind: .activity))
            try with.add(Self.table([header, before, row] + after), file: "t.csv")
            XCTAssertEqual(with.leftOut, 1, why)
            XCTAssertEqual(with.records.map(\.id), without.records.map(\.id), why)
            XCTAssertEqual(with.records.map { $0.fields.map { "\($0.0): \($0.1)" } }, without.records.map { $0.fields.map { "\($0.0): \($0.1)" } }, why)
            XCTAssertFalse(with.records.contains { $0.fields.contains { $0.1 == "Ett mål till" } }, why)
            XCTAssertEqual(with.notices.count, without.notices.count + 1, with.notices.map(\.sv).joined(separator: "\n"))
        }
    }

    /// A problem found by validating the records an import would add is named at the source's
    /// row and column, not at a line of a data file that is never written.
    func testNewErrorsAreNamedAtTheSourceRow() throws {
        let data = Self.data()
        var importer = Importer(data: data, asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Start", "Klart senast", "Kommentar"],
            ["D1", "Utbildning", "sf", "", "2026", ""],
            ["D1", "Inventera", "sf", "", "2026-09", "Kontakt: handläggare 19121212-1212"],
            ["D1", "Riskanalys", "sf", "2026-10-01", "2026-06-30", ""],
            ["Nytt mål", "Övning", "Ny enhet", "", "2026", ""],
        ]), file: "plan.xlsx")
        let edit = try ImportEdit(data, importer.records)
        let errors = edit.newErrors(in: data, asOf: Self.asOf).map(edit.located).sortedForOutput()
        XCTAssertEqual(errors.count, 2, errors.map(\.message.sv).joined(separator: "\n"))
        XCTAssertEqual(errors.map(\.file), ["plan.xlsx", "plan.xlsx"])
        XCTAssertEqual(errors.map(\.line), [3, 4])
        XCTAssertTrue(errors[0].message.sv.hasPrefix("kolumnen Kommentar: ett personnummer"), errors[0].message.sv)
        XCTAssertTrue(errors[0].message.en.hasPrefix("column Kommentar: "), errors[0].message.en)
        XCTAssertFalse(errors[0].message.sv.contains("19121212"))
        XCTAssertTrue(errors[1].message.sv.hasPrefix("kolumnen Start: "), errors[1].message.sv)
        // The records' places in the written file are right: the line there is the record's.
        let after = edit.applied(to: data)
        let raw = edit.newErrors(in: data, asOf: Self.asOf).sortedForOutput()
        let lines = String(decoding: after.files[.activity]!.document.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[raw[0].line - 1].hasPrefix("note: "), String(lines[raw[0].line - 1]))
        XCTAssertTrue(lines[raw[1].line - 1].hasPrefix("start: ") || lines[raw[1].line - 1].hasPrefix("due: "), String(lines[raw[1].line - 1]))
        // A diagnostic on a line the import does not add is left as it is.
        let other = Diagnostic(severity: .error, check: "x", file: "d/activities.rec", line: 1, message: Message(sv: "s", en: "e"))
        XCTAssertEqual(edit.located(other), other)
    }

    /// The Status and Klart senast cells that the import moves into note and reason are
    /// named by their own column when a problem is in them (a personnummer), never by the
    /// column whose text stands beside them in the field, nor at a comment line without one;
    /// the number is never echoed.
    func testAProblemInTextMovedToNoteOrReasonNamesItsColumn() throws {
        var files = Self.data().files
        files[.risk] = SourceFile(path: "d/risks.rec", document: Document(text: ""))
        let data = DataSet(folder: "d", files: files)
        var importer = Importer(data: data, asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Status", "Kommentar", "Orsak"],
            ["D1", "A", "sf", "senast 811228-9874", "Pågår", "", "Budget"],
            ["D1", "B", "sf", "2026-12", "Väntar på 811228-9874", "Rad ett\nRad två", ""],
            ["D1", "C", "sf", "2026-12", "Oklart", "Ring 811228-9874", ""],
        ]), file: "plan.xlsx")
        var risks = Importer(data: data, asOf: Self.asOf)
        try risks.add(Self.table([["Risk", "Sannolikhet", "Konsekvens", "Ansvarig", "Status"],
            ["Intrång", "2", "3", "sf", "Ägs av 811228-9874"]]), file: "risker.xlsx")
        let edit = try ImportEdit(data, importer.records + risks.records)
        let errors = edit.newErrors(in: data, asOf: Self.asOf).map(edit.located).sortedForOutput()
        XCTAssertEqual(errors.map { "\($0.file):\($0.line): \($0.message.sv.components(separatedBy: ":").first!)" },
                       ["plan.xlsx:2: kolumnen Klart senast", "plan.xlsx:3: kolumnen Status", "plan.xlsx:4: kolumnen Kommentar", "risker.xlsx:2: kolumnen Status"])
        XCTAssertEqual(errors.map { $0.message.en.components(separatedBy: ":").first! }, ["column Klart senast", "column Status", "column Kommentar", "column Status"])
        XCTAssertFalse(errors.contains { $0.message.sv.contains("811228") || $0.message.en.contains("9874") })
        // The comment quotes no status that note holds.
        XCTAssertFalse(importer.records.contains { $0.comments.contains { $0.contains("811228") } })
    }

    /// A sheet of many rows without a title names the first twenty, then says that more
    /// were left out: the closing line counts them, the terminal is not flooded.
    func testRowsWithoutATitleAreNamedUpToTwenty() throws {
        let header = ["Mål", "Aktivitet", "Ansvarig", "Klart senast"]
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([header, ["D1", "Ett", "sf", "2026"]] + Array(repeating: ["D1", "", "sf", "2026"], count: 500)), file: "t.csv")
        XCTAssertEqual(importer.untitled, 500)
        let untitled = importer.notices.map(\.sv).filter { $0.contains("title") }
        XCTAssertEqual(untitled.count, Importer.untitledNamed + 1)
        XCTAssertTrue(untitled.last?.contains("fler rader utan title togs inte med") ?? false, untitled.last ?? "")
        XCTAssertEqual(importer.records.count, 1)
    }

    /// The columns that export works out (Signal, Dagar sen) are said to be worked out and
    /// not read, in both languages, not left among the unplaced columns.
    func testWorkedOutColumnsAreSaidNotRead() throws {
        var importer = Importer(data: Self.data(), asOf: Self.asOf)
        try importer.add(Self.table([["Mål", "Aktivitet", "Ansvarig", "Klart senast", "Signal", "Dagar sen"],
                                     ["D1", "Ett", "sf", "2026", "grön", "0"]]), file: "t.csv")
        let said = importer.notices.filter { $0.sv.contains("räknas fram") }
        XCTAssertEqual(said.count, 1)
        XCTAssertTrue(said.first?.sv.contains("kolumnerna 'Signal', 'Dagar sen' räknas fram av sakerhet (som i export) och lästes inte") ?? false, said.first?.sv ?? "")
        XCTAssertTrue(said.first?.en.contains("the columns 'Signal', 'Dagar sen' are worked out by sakerhet (as in export) and were not read") ?? false, said.first?.en ?? "")
        XCTAssertFalse(importer.notices.contains { $0.sv.contains("placerades inte") })
    }

    /// The exported follow-up sheet, in either language, reads back without --kind (its Post
    /// and Period columns say what it is) to the same records, field by field, in a folder
    /// with the plan's goals and activities and no follow-ups: audit finds nothing new in
    /// them, the Rubrik column is said to be worked out, and the sheet imported again adds
    /// nothing (a follow-up is the same record by its record and period).
    func testExportedFollowupsReadBackToTheSameRecords() throws {
        let source = Fixture.data([.followup: Fixture.followups])
        let target = Fixture.data([.followup: ""])
        func fields(_ data: DataSet) -> [[String]] {
            data.followups.map { f in data.record(f.ref).fields.map { "\($0.key): \($0.value)" } }
        }
        XCTAssertEqual(fields(source).count, 3)
        for lang in [Lang.sv, .en] {
            let bytes = try XLSXWriter.write(PlanExport.make(source, asOf: Fixture.asOf, lang: lang))
            let table = try XLSXReader.read(bytes, file: "plan.xlsx", sheet: ExportLabels.followUps.text(lang))
            var importer = Importer(data: target, asOf: Fixture.asOf)
            try importer.add(table, file: "plan.xlsx")
            XCTAssertEqual(importer.notices.count, 1, "\(lang): \(importer.notices.map(\.sv))")
            XCTAssertTrue(importer.notices.first?.sv.hasSuffix("kolumnen '\(ExportLabels.recordTitle.text(lang))' räknas fram av sakerhet (som i export) och lästes inte") ?? false,
                          "\(lang): \(importer.notices.map(\.sv))")
            XCTAssertEqual(importer.records.map(\.kind), [.followup, .followup, .followup], "\(lang): no owner or goal is made")
            let edit = try ImportEdit(target, importer.records)
            XCTAssertEqual(edit.newErrors(in: target, asOf: Fixture.asOf).map(\.message.sv), [], "\(lang)")
            let after = edit.applied(to: target)
            XCTAssertEqual(fields(after), fields(source), "\(lang)")
            XCTAssertEqual(Checks.run(after, asOf: Fixture.asOf).filter { $0.check == "followup" || $0.severity == .error }.map(\.message.sv), [], "\(lang)")

            var again = Importer(data: after, asOf: Fixture.asOf)
            try again.add(table, file: "plan.xlsx")
            XCTAssertEqual(again.records.count, 0, "\(lang)")
            XCTAssertEqual(again.duplicates, 3, "\(lang)")
            XCTAssertEqual(again.nothingNew(.sv), "Inget nytt att importera: 3 av 3 rader finns redan i mappen (samma post och period; en post för varje rad).")
            XCTAssertEqual(again.nothingNew(.en), "Nothing new to import: 3 of 3 rows are in the folder already (the same record and period; one record for each row).")
        }
        // No row at all: no "0 of 0 rows" and no rules for a duplicate that cannot be.
        let none = Importer(data: Fixture.data([:]), asOf: Fixture.asOf)
        XCTAssertEqual(none.nothingNew(.sv), "Inget att importera: filen har inga rader med poster (bara rubriker eller tomma rader).")
        XCTAssertEqual(none.nothingNew(.en), "Nothing to import: the file has no rows of records (only headers or empty rows).")
    }

    /// A follow-up of a record already followed up for another period is a record of its
    /// own, not the same one moved (as an activity whose deadline moved would be).
    func testAFollowupOfAnotherPeriodIsNew() throws {
        let data = Fixture.data([.followup: Fixture.followups])
        var importer = Importer(data: data, asOf: Fixture.asOf)
        try importer.add(Self.table([["Post", "Period", "Bedömning"], ["M3.3", "2024-T2", "Delvis uppfyllt"], ["M3.3", "2024-T3", "Uppfyllt"]]), file: "t.csv")
        XCTAssertEqual(importer.duplicates, 1)
        XCTAssertEqual(importer.records.map { $0.fields.map { "\($0.0): \($0.1)" } }, [["id: U4", "record: M3.3", "period: 2024-T3", "assessment: uppfyllt"]])
    }

    /// A folder made before follow-ups existed has no followups.rec: the import makes it,
    /// as `followups add` does, and the dry run shows it made, not changed.
    func testFollowupsImportIntoAFolderWithoutTheirFile() throws {
        let source = Fixture.data([.followup: Fixture.followups])
        var files = Fixture.data().files
        files[.followup] = nil
        let target = DataSet(folder: "data", files: files)
        let bytes = try XLSXWriter.write(PlanExport.make(source, asOf: Fixture.asOf))
        var importer = Importer(data: target, asOf: Fixture.asOf)
        try importer.add(try XLSXReader.read(bytes, file: "plan.xlsx", sheet: ExportLabels.followUps.text(.sv)), file: "plan.xlsx")
        let edit = try ImportEdit(target, importer.records)
        XCTAssertEqual(edit.files.map(\.path), ["data/followups.rec"])
        XCTAssertEqual(edit.files.map(\.created), [true])
        XCTAssertEqual(edit.newErrors(in: target, asOf: Fixture.asOf).map(\.message.sv), [])
        let written = String(decoding: edit.files[0].afterBytes, as: UTF8.self)
        XCTAssertTrue(written.hasPrefix(Templates.newFile(.followup)), "the file starts as init writes it")
        XCTAssertEqual(edit.applied(to: target).followups.map(\.id), source.followups.map(\.id))
        let diff = edit.diff()
        XCTAssertTrue(diff.hasPrefix("--- /dev/null\n+++ b/data/followups.rec\n"), diff)
    }
}
