import XCTest
@testable import SakerhetCore

/// Keys are declared once (`FieldKey`); the schema names them, the parser gives each field
/// its key's code, and the model reads a record's fields by code (`FieldSlots`).
final class FieldKeyTests: XCTestCase {
    func testEveryKeyIsWrittenOnceAndUsedByTheSchema() {
        XCTAssertEqual(Set(FieldKey.keys).count, FieldKey.allCases.count, "two cases write the same key")
        let used = Set(Kind.allCases.flatMap { $0.fields.map(\.key) })
        for key in FieldKey.allCases { XCTAssertTrue(used.contains(key), "'\(key.key)' is a field of no kind") }
        XCTAssertEqual(FieldKey.doneWhen.key, "done_when")
        XCTAssertEqual(FieldKey.residualConsequence.key, "residual_consequence")
        XCTAssertEqual(FieldKey.caseNumber.key, "case")
        XCTAssertLessThanOrEqual(FieldKey.allCases.count, 64, "a kind's repeatable keys are one bit each of a 64-bit set")
        for kind in Kind.allCases {
            for spec in kind.fields {
                XCTAssertEqual(spec.name, spec.key.key)
                XCTAssertEqual(kind.spec(code: UInt8(spec.key.rawValue))?.name, spec.name)
                XCTAssertEqual(kind.spec(spec.name)?.key, spec.key)
            }
        }
        XCTAssertNil(Kind.activity.spec(code: UInt8(FieldKey.recommendation.rawValue)), "an activity has no recommendation")
        XCTAssertNil(Kind.activity.spec(code: FieldKey.noCode))
    }

    /// A field's label, header and help come from its one declaration: a kind's own label
    /// wins over the key's, the workbook's header is the label, `import` reads every such
    /// header back to the same field, and the option's help names the label.
    func testLabelsAndHelpComeFromTheSchema() {
        XCTAssertEqual(Kind.goal.spec("title")?.label?.sv, "Rubrik")
        XCTAssertEqual(Kind.activity.spec("title")?.label?.sv, "Aktivitet")
        XCTAssertEqual(Kind.risk.spec("title")?.label?.en, "Risk")
        XCTAssertEqual(Kind.goal.spec("parent")?.label?.sv, "Överordnat mål")
        XCTAssertEqual(Kind.owner.spec("parent")?.label?.sv, "Överordnad", "an owner's parent is not a goal's")
        XCTAssertEqual(ExportLabels.header(Kind.finding.spec("case")!, .sv), "Diarienummer")
        XCTAssertEqual(ExportLabels.header(Kind.goal.spec("indicator")!, .sv), "Indikator")
        XCTAssertEqual(ExportLabels.header(Kind.finding.spec("kind")!, .sv), "Typ")
        XCTAssertEqual(ExportLabels.header(Kind.owner.spec("contact")!, .sv), "Kontakt")
        XCTAssertEqual(ExportLabels.header(Kind.area.spec("name")!, .sv), "name", "no label: the key")
        // A follow-up's fields are labelled as `followups list` heads them.
        XCTAssertEqual(Kind.followup.spec("outcome")?.label?.sv, "Utfall")
        XCTAssertEqual(ExportLabels.header(Kind.followup.spec("outcome")!, .sv), "Utfall")
        XCTAssertEqual(ExportLabels.header(Kind.followup.spec("record")!, .en), "Record")
        // Every header `export` writes for a stored field reads back as that field, in
        // both languages, a field that repeats too (one value a line in its cell).
        var notRead: [String] = []
        for kind in [Kind.goal, .activity, .risk, .finding, .followup] {
            for spec in kind.fields {
                for text in [ExportLabels.header(spec, .sv), ExportLabels.header(spec, .en)] {
                    let read = ImportColumns.field(text, kind: kind)?.field
                    if read == nil { notRead.append("\(kind.rawValue).\(spec.name)"); continue }
                    XCTAssertEqual(read, spec.name, "\(kind.rawValue): the header '\(text)' reads back as '\(read ?? "")'")
                }
            }
        }
        XCTAssertEqual(notRead, [])
        for kind in [Kind.goal, .activity, .risk, .finding, .followup] {
            XCTAssertEqual(kind.fields.filter { $0.label == nil }.map(\.name), [],
                           "\(kind.rawValue): every exported field has a label")
        }
        XCTAssertEqual(Kind.goal.spec("done_when")?.help.sv, "fältet done_when (Anses klart när): text, får ha flera rader")
        XCTAssertEqual(Kind.goal.spec("done_when")?.help.en, "the done_when field: text, may span several lines", "the label says no more than the key")
        XCTAssertEqual(Kind.risk.spec("title")?.help.en, "the title field (Risk): text")
        XCTAssertEqual(Kind.activity.spec("owner")?.help.sv, "fältet owner (Ansvarig): id för ansvarig, kan upprepas")
        XCTAssertEqual(Kind.activity.spec("id")?.help.sv, "fältet id: text (standard: nästa lediga)")
        XCTAssertEqual(Kind.goal.spec("indicator")?.help.sv, "fältet indicator (Indikator): text")
    }

    func testTheParserGivesEachFieldItsKeysCode() {
        let doc = Document(text: "%rec: Activity\n\nid: A1\ncase: 12\ndone_when: x\nrecommendation: r\nnotes: typo\nx_1: y\n")
        let fields = doc.records[0].fields
        XCTAssertEqual(fields.map(\.key), ["id", "case", "done_when", "recommendation", "notes", "x_1"])
        XCTAssertEqual(fields.map { FieldKey.of(code: $0.code) }, [.id, .caseNumber, .doneWhen, .recommendation, nil, nil])
        XCTAssertEqual(doc.descriptor?.fields.first?.code, FieldKey.noCode, "a descriptor key is not a field key")
        // A key as a number, not a string; a one-line value as a place in the file's bytes
        // instead of a string; in its block, no reference at all (the block has the file).
        XCTAssertEqual(MemoryLayout<FieldEntry>.stride, 16, "a field as its block keeps it: its key as a number, no end, no reference")
        XCTAssertEqual(MemoryLayout<Field>.stride, 24, "a field as a value of its own: its entry and where its value is")
        // Every key of the schema, and a longer or shorter look-alike of each.
        let all = FieldKey.allCases.map { "\($0.key): v\n\($0.key)x: v\n" + ($0.key.count > 1 ? "\($0.key.dropLast()): v\n" : "") }.joined()
        for f in Document(text: all).records[0].fields {
            XCTAssertEqual(FieldKey.of(code: f.code)?.key, FieldKey.keys.contains(f.key) ? f.key : nil, f.key)
        }
    }

    /// A key the schema does not have keeps its spelling through its number, in every
    /// file and on every core; a key no file has had finds no field.
    func testOtherKeysAreNumberedOnceAndReadBack() {
        let key = "egen_kolumn_\(UInt64.random(in: 0...UInt64.max))"
        let text = "%rec: Activity\n%key: id\n\nid: A1\n\(key): ett\nnotes: typo\n\nid: A2\n\(key): två\n"
        let docs = [Document(text: text), Document(bytes: Array(text.utf8), pieces: 2)]
        for doc in docs {
            XCTAssertEqual(doc.descriptor?.fields.map(\.key), ["%rec", "%key"])
            XCTAssertEqual(doc.records.map { $0.fields.map(\.key) }, [["id", key, "notes"], ["id", key]])
            XCTAssertEqual(doc.records.map { $0.value(key) }, ["ett", "två"])
            XCTAssertEqual(doc.records[0].values("notes"), ["typo"])
            XCTAssertNil(doc.records[0].field("aldrig_sett_\(key)"))
            XCTAssertEqual(doc.records[0].values("aldrig_sett_\(key)"), [])
            XCTAssertEqual(doc.records[0].fields[1].code, FieldKey.noCode)
        }
        XCTAssertEqual(docs[0].records[0].fields[1].keyID, docs[1].records[1].fields[1].keyID, "one number per key")
        XCTAssertNotEqual(docs[0].records[0].fields[1].keyID, docs[0].records[0].fields[2].keyID)
        XCTAssertEqual(docs[0].records[0].fields[1], docs[1].records[0].fields[1], "fields compare by their key's number")
        // Keys numbered on two cores at once, each once.
        let keys = (0..<2000).map { "k\($0)_\(key)" }
        let ids = Parallel.map(keys.count) { KeyNames.shared.id(of: keys[$0]) }
        XCTAssertEqual(Set(ids).count, keys.count)
        for (k, id) in zip(keys, ids) { XCTAssertEqual(KeyNames.shared.name(id), k); XCTAssertEqual(KeyNames.shared.id(of: k), id) }
    }

    func testAFieldIsReadFromItsSlot() {
        let doc = Document(text: "id: A1\ntitle: T\nnote: n\ndue: 2025\ngoal: M1\nnote: second\nprogress:\n\nid: A2\ntitle: U\n")
        var f = FieldSlots(.activity)
        f.load(doc.records[0])
        XCTAssertEqual(f[.id], "A1")
        XCTAssertEqual(f[.due], "2025")
        XCTAssertEqual(f[.goal], "M1")
        XCTAssertEqual(f[.note], "n", "the first value of a repeated key")
        XCTAssertNil(f[.progress], "an empty value reads as nil")
        XCTAssertNil(f[.status])
        f.load(doc.records[1])
        XCTAssertEqual(f[.id], "A2")
        XCTAssertEqual(f[.title], "U")
        XCTAssertNil(f[.note], "the slots of the record before are cleared")
        XCTAssertNil(f[.due])
    }

    /// The walks over fields of some types, and over fields a kind does not define, visit
    /// exactly those, in file order, found by code; empty values are passed over.
    func testTheWalksVisitTypedFieldsAndUnknownOnes() {
        let doc = Document(text: "id: A1\ntitle: T\ngoal: D1\nowner: sbs\nowner: it\ndue: 2025\nstatus: pågår\nnote: n\nnotes: x\n"
                           + "recommendation: r\nstart:\n\nid: A2\ngoal: D2\ndue: 2026\nnote: m\n")
        let data = DataSet(folder: "data", files: [.activity: SourceFile(path: "data/activities.rec", document: doc)])
        func visits(_ types: [FieldSpec.ValueType], where include: ((FieldSpec) -> Bool)? = nil) -> [String] {
            var out: [String] = []
            data.forEachField(ofType: types, where: include) { ref, f, spec in
                XCTAssertEqual(spec.name, f.key)
                out.append("\(ref.index):\(f.key)=\(f.value)")
            }
            return out
        }
        XCTAssertEqual(visits([.ref(.owner)]), ["0:owner=sbs", "0:owner=it"])
        XCTAssertEqual(visits([.deadline]), ["0:due=2025", "1:due=2026"], "the empty start is passed over")
        XCTAssertEqual(visits([.status, .deadline]), ["0:due=2025", "0:status=pågår", "1:due=2026"], "one walk, in field order")
        XCTAssertEqual(visits([.ref(.goal), .ref(.owner)], where: { $0.key != .owner }), ["0:goal=D1", "1:goal=D2"])
        XCTAssertEqual(visits([.score]), [], "activities have no score")
        var unknown: [String] = []
        data.forEachUnknownField { ref, r, f in unknown.append("\(ref.index):\(r.line):\(f.key)") }
        XCTAssertEqual(unknown, ["0:1:notes", "0:1:recommendation"], "a typo, and a key of another kind")
    }
}

final class ActivityLayoutTests: XCTestCase {
    /// An activity keeps its dates, status and ids typed and reads its texts from the
    /// record's fields: 112 bytes, not the 264 it took with its texts kept apart.
    func testAnActivityIsSmallAndReadsItsTextsFromItsFields() {
        XCTAssertLessThanOrEqual(MemoryLayout<Activity>.stride, 112)
        let doc = Document(text: "id: A1\ngoal: D1\ntitle: Öva\ntitle: andra\nowner: sbs\ndue: 2025-Q1\nevery: kvartal\n"
                           + "done: 2025-02-10\nstatus: Genomförd\nprogress: 60 %\nreason:\nnote: n\nevidence: protokoll\narea:\narea: O2\n\n"
                           + "id: A2\ngoal: D1\ntitle: T\ndue: 2025\nstatus: pågår\narea: O1\n")
        let data = DataSet(folder: "data", files: [.activity: SourceFile(path: "data/activities.rec", document: doc)])
        let a = data.activities[0], b = data.activities[1]
        XCTAssertEqual(a.ref, RecordRef(kind: .activity, index: 0))
        XCTAssertEqual(b.ref, RecordRef(kind: .activity, index: 1))
        XCTAssertEqual(a.title, "Öva", "the first title, as the record's slot gives it")
        XCTAssertEqual(a.progress, "60 %")
        XCTAssertNil(a.reason, "an empty value is none")
        XCTAssertEqual(a.note, "n")
        XCTAssertEqual(a.evidence, "protokoll")
        XCTAssertNil(a.area, "the first area, empty, is none")
        XCTAssertEqual(b.area, "O1")
        XCTAssertEqual(a.statusAlias, "Genomförd")
        XCTAssertEqual(a.status, .done)
        XCTAssertEqual(a.done, Day("2025-02-10"))
        XCTAssertEqual(a.countedDone, Day("2025-02-10"), "done in its quarter moves the deadline on")
        XCTAssertEqual(a.deadline, Deadline(token: "2025-Q2"))
        XCTAssertNil(b.statusAlias, "a stored word is no alias")
        XCTAssertNil(b.done)
        XCTAssertNil(b.countedDone)
        XCTAssertNil(b.note)
    }

    /// Goals, risks and findings read their texts from their records' fields too; each
    /// text is the first non-empty line of its key, as the record's slots give it.
    func testGoalsRisksAndFindingsReadTheirTextsFromTheirFields() {
        let goals = Document(text: "id: D1\ntitle: Mål\nowner: sbs\ndue: 2025\nstatus: påbörjad\ndone_when: när\nreason:\n"
                             + "note: n\nsource: Plan\nindicator: andel\ntarget: 90 %\n")
        let risks = Document(text: "id: R1\ntitle: Risk\ndescription: beskrivning\nlikelihood: 3\nconsequence: 2\nowner: sbs\n"
                             + "treatment: åtgärd\nsource: Källa\n")
        let findings = Document(text: "id: F1\naudit: Granskning\nauditor: KPMG\ncase: SN 1\nrecommendation: Rekommendation\n"
                                + "response: svar\nprogress: läge\nremaining: kvar\nevidence: bevis\nowner: sbs\nstatus: Åtgärdad\n"
                                + "reason: skäl\nkind: avvikelse\nbasis: lag\nnote: n2\n")
        let data = DataSet(folder: "data", files: [.goal: SourceFile(path: "data/goals.rec", document: goals),
                                                  .risk: SourceFile(path: "data/risks.rec", document: risks),
                                                  .finding: SourceFile(path: "data/findings.rec", document: findings)])
        let g = data.goals[0], r = data.risks[0], f = data.findings[0]
        XCTAssertEqual([g.title, g.doneWhen, g.reason, g.note, g.source, g.indicator, g.target, g.statusAlias],
                       ["Mål", "när", nil, "n", "Plan", "andel", "90 %", "påbörjad"])
        XCTAssertEqual([r.title, r.description, r.treatment, r.source], ["Risk", "beskrivning", "åtgärd", "Källa"])
        XCTAssertEqual(r.score, 6)
        XCTAssertEqual([f.audit, f.auditor, f.caseNumber, f.recommendation, f.title, f.response, f.progress, f.remaining,
                        f.evidence, f.statusAlias, f.reason, f.kind, f.basis, f.note],
                       ["Granskning", "KPMG", "SN 1", "Rekommendation", "Rekommendation", "svar", "läge", "kvar",
                        "bevis", "Åtgärdad", "skäl", "avvikelse", "lag", "n2"])
    }
}

final class FieldListTests: XCTestCase {
    /// A record is 40 bytes (its fields' place, its byte range, its id's key, its fields'
    /// codes), its fields a
    /// place in a block the parser fills: many records share one block, each sees its own
    /// fields from index 0, in file order.
    func testRecordsShareABlockAndSeeTheirOwnFields() {
        XCTAssertEqual(MemoryLayout<Record>.stride, 40)
        XCTAssertEqual(MemoryLayout<FieldList>.stride, 16)
        var text = ""
        for i in 0..<3000 { text += "id: A\(i)\ntitle: T\(i)\n" + (i % 7 == 0 ? "note: n\n" : "") + "\n" }
        let doc = Document(text: text)
        XCTAssertEqual(doc.records.count, 3000)
        for (i, r) in doc.records.enumerated() {
            XCTAssertEqual(r.fields.count, i % 7 == 0 ? 3 : 2)
            XCTAssertEqual(r.fields[0].value, "A\(i)")
            XCTAssertEqual(r.fields.map(\.key), i % 7 == 0 ? ["id", "title", "note"] : ["id", "title"])
            // Read where they lie, as the walks read them: the same fields.
            var holder = FieldList()
            let view = r.fields.view(keeping: &holder)
            XCTAssertEqual(view.indices.map { view[$0].value }, r.fields.map(\.value))
            XCTAssertEqual(view.indices.map { view[$0].field }, Array(r.fields))
        }
        // Fields outlive the document and the records they came from.
        let kept = doc.records[2999].fields
        XCTAssertEqual(kept.last?.value, "T2999")
        XCTAssertEqual(Record(fields: [kept[1]], byteRange: 0..<0).fields.map(\.value), ["T2999"])
        XCTAssertEqual(FieldList().count, 0)
    }

    /// A block keeps its made values (several lines, repaired bytes, a key too long for an
    /// entry) in a list of its own, each entry pointing at its place there: across many
    /// records in one block, every field reads back the same as a field of its own, as a
    /// list's field, where it lies (`FieldRef`) and by its bytes.
    func testMadeValuesOfManyRecordsInOneBlockReadBackTheirOwn() {
        var bytes: [UInt8] = []
        for i in 0..<400 {
            bytes += Array("id: A\(i)\nnote: rad \(i)\n+ och \(i)\ntitle: T\(i)\n".utf8)
            if i % 3 == 0 { bytes += Array("reason: fel ".utf8) + [0xC3, 0x28] + Array(" \(i)\n".utf8) }
            if i % 5 == 0 { bytes += Array("progress:\n+\n".utf8) }
            if i == 7 { bytes += Array("\(String(repeating: "k", count: 70_000)): lång\n".utf8) }
            bytes += Array("\n".utf8)
        }
        let doc = Document(bytes: bytes)
        XCTAssertEqual(doc.records.count, 400)
        for (i, r) in doc.records.enumerated() {
            XCTAssertEqual(r.value("note"), "rad \(i)\noch \(i)")
            XCTAssertEqual(r.field("note")!.lineCount, 2)
            XCTAssertEqual(r.value("title"), "T\(i)")
            if i % 3 == 0 { XCTAssertEqual(r.value("reason"), "fel \u{FFFD}( \(i)") }
            if i % 5 == 0 { XCTAssertEqual(r.value("progress"), "\n"); XCTAssertEqual(r.field("progress")!.lineCount, 2) }
            var holder = FieldList()
            let view = r.fields.view(keeping: &holder)
            XCTAssertEqual(view.count, r.fields.count)
            for j in view.indices {
                let f = r.fields[j]
                XCTAssertEqual(view[j].field, f)
                XCTAssertEqual(view[j].value, f.value)
                XCTAssertEqual(view[j].isEmpty, f.isEmpty)
                XCTAssertEqual(view[j].code, f.code)
                XCTAssertEqual(view[j].line, f.line)
                XCTAssertEqual(view[j].withValueBytes { Array($0) }, Array(f.value.utf8))
                XCTAssertEqual(r.fields.isEmpty(at: j), f.isEmpty)
                XCTAssertEqual(r.fields.lineCount(at: j), f.lineCount)
                XCTAssertEqual(r.fields.keyID(at: j), f.keyID)
                XCTAssertEqual(r.fields.withValueBytes(at: j) { Array($0) }, Array(f.value.utf8))
            }
        }
        XCTAssertEqual(doc.records[7].fields.last!.value, "lång")
        XCTAssertEqual(doc.records[7].fields.last!.key.count, 70_000)
    }

    /// Fields put together from two files (which no parse does) keep their values: those
    /// of the second file are kept made in the block that holds them.
    func testFieldsOfTwoFilesInOneListKeepTheirValues() {
        let a = Document(text: "id: A1\ntitle: Ett\n").records[0].fields
        let b = Document(text: "id: B1\nnote: a\n+ b\nstatus: klar\n").records[0].fields
        let mixed = [a[0], b[0], b[1], a[1], b[2]]
        let list = FieldList(mixed)
        XCTAssertEqual(Array(list), mixed)
        XCTAssertEqual(list.map(\.value), ["A1", "B1", "a\nb", "Ett", "klar"])
        XCTAssertEqual(list.map(\.byteRange), mixed.map(\.byteRange))
        XCTAssertEqual(list.map(\.lineCount), [1, 1, 2, 1, 1])
        XCTAssertEqual(list[4].code, UInt8(FieldKey.status.rawValue))
    }

    /// The slots read a record's fields where they lie and keep the block alive (retained
    /// once a block, not once a record): loaded from a record whose document is gone, and
    /// from records of different blocks one after another, each reads its own values.
    func testSlotsKeepTheirBlockAndFollowRecordsAcrossBlocks() {
        var f = FieldSlots(.activity)
        do {
            let doc = Document(text: "id: A1\ndue: 2025-03-01\nstatus: klar\nowner: e1\nowner: e2\n")
            f.load(doc.records[0])
        }
        XCTAssertEqual(f[.id], "A1", "the document is gone; its block is held by the slots")
        XCTAssertEqual(f.deadline(.due), Deadline(token: "2025-03-01"))
        XCTAssertEqual(f.word(.status, Status.init(parsing:)), .done)
        XCTAssertEqual(f.owners(), ["e1", "e2"])
        let big = Document(bytes: Array((0..<(FieldBlock.standardCapacity / 2 + 10)).map { "id: B\($0)\nstatus: pågår\n\n" }.joined().utf8), pieces: 1)
        let other = Document(text: "id: C1\nstatus: genomförd\n")
        for r in [big.records[0], other.records[0], big.records[big.records.count - 1], big.records[1]] {
            f.load(r)
            XCTAssertEqual(f[.id], r.fields[0].value)
        }
        XCTAssertEqual(f.word(.status, Status.init(parsing:)), .inProgress)
        f.load(other.records[0])
        XCTAssertEqual(f.word(.status, Status.init(parsing:)), .done, "an alias is read by its parser")
    }

    /// A record's one owner is found again by its bytes (`FieldSlots.owners`): among
    /// more owners than the slots hold, short ids and ids past 7 bytes, the same ids again
    /// and again, each record gets a list of exactly its owner, and a list handed out
    /// before for the same id when it is still in its slot.
    func testOwnersAreFoundByTheirBytesAmongManyOwners() {
        var rng = SplitMix64(seed: 5)
        let names = (0..<700).map { i -> String in
            switch i % 3 {
            case 0: return "e\(i)"
            case 1: return "owner-with-a-long-id-\(i)"
            default: return "ä\(i)x"
            }
        }
        let order = (0..<5000).map { _ in names[Int(rng.next() % UInt64(names.count))] }
        let doc = Document(bytes: Array(order.enumerated().map { "id: A\($0.offset)\nowner: \($0.element)\n\n" }.joined().utf8), pieces: 1)
        var f = FieldSlots(.activity)
        var shared = 0
        var last: [String: [String]] = [:]
        for (i, r) in doc.records.enumerated() {
            f.load(r)
            let owners = f.owners()
            XCTAssertEqual(owners, [order[i]], "record \(i)")
            if let before = last[order[i]], before.withUnsafeBufferPointer({ $0.baseAddress }) == owners.withUnsafeBufferPointer({ $0.baseAddress }) {
                shared += 1
            }
            last[order[i]] = owners
        }
        XCTAssertGreaterThan(shared, 1000, "lists are shared between records of the same owner")
    }

    /// A field's code, key number, line and place read where it lies (`code(at:)` and the
    /// rest) are the field's own, in every record of a document and past a block's end;
    /// `hasValue` is whether `value` is neither nil nor empty.
    func testFieldsReadWhereTheyLieAreTheFieldsOwn() {
        let text = "id: A1\ndone:\ndone: 2024-01-02\nfoo: x\r\ntitle: t\n+ more\n\n" +
            (0..<(FieldBlock.standardCapacity / 2)).map { "id: B\($0)\nstatus: klar\n\n" }.joined() + "id: C\ndone: 2024\n"
        let doc = Document(bytes: Array(text.utf8), pieces: 3)
        var checked = 0
        for r in doc.records {
            for j in r.fields.indices {
                let f = r.fields[j]
                XCTAssertEqual(r.fields.code(at: j), f.code)
                XCTAssertEqual(r.fields.keyID(at: j), f.keyID)
                XCTAssertEqual(r.fields.line(at: j), f.line)
                XCTAssertEqual(r.fields.byteRange(at: j), f.byteRange)
                XCTAssertEqual(r.fields.withValueBytes(at: j) { String(decoding: $0, as: UTF8.self) }, f.value)
                checked += 1
            }
            for key in [FieldKey.id, .done, .title, .status] {
                XCTAssertEqual(r.fields.firstIndex(code: UInt8(key.rawValue)), r.fields.firstIndex { $0.code == UInt8(key.rawValue) })
            }
            XCTAssertEqual(r.hasValue(.done), !(r.value(.done) ?? "").isEmpty)
            XCTAssertEqual(r.hasValue(.title), !(r.value(.title) ?? "").isEmpty)
        }
        XCTAssertEqual(checked, 5 + FieldBlock.standardCapacity + 2)
        XCTAssertFalse(doc.records[0].hasValue(.done), "the first done is empty: that is the one read")
        XCTAssertTrue(doc.records[0].hasValue(.title))
        XCTAssertFalse(doc.records[1].hasValue(.done))
        XCTAssertTrue(doc.records[doc.records.count - 1].hasValue(.done))
    }

    /// A record with more fields than a block holds gets a block of its own.
    func testARecordLargerThanABlock() {
        let n = FieldBlock.standardCapacity + 10
        var text = "id: X\n"
        for i in 1..<n { text += "note: \(i)\n" }
        text += "\nid: Y\ntitle: after\n"
        let doc = Document(bytes: Array(text.utf8), pieces: 1)
        XCTAssertEqual(doc.records.map(\.fields.count), [n, 2])
        XCTAssertEqual(doc.records[0].fields[n - 1].value, "\(n - 1)")
        XCTAssertEqual(doc.records[1].fields[1].value, "after")
    }

    /// A record's codes (`FieldCodes`) say which keys it has, and whether a key has a second
    /// field, or a field an empty value or one of several lines; every key the schema does
    /// not have shares one bit.
    func testARecordsCodesSayWhichKeysItHasAndWhichToLookAtCloser() {
        XCTAssertLessThanOrEqual(FieldKey.allCases.count, Int(FieldCodes.unusualBit), "a code past the summary's bits")
        func bits(_ keys: [FieldKey]) -> UInt64 { keys.reduce(0) { $0 | FieldCodes.bit($1) } }
        let other: UInt64 = 1 << 63
        let doc = Document(text: """
            id: A1
            title: T
            owner: x
            owner: y
            note:
            goal: M1
            evidence: first
            + second
            hemligt: 1

            id: A2
            title: T

            id: A3
            ett: 1
            annan: 2

            """)
        XCTAssertEqual(doc.records.count, 3)
        XCTAssertEqual(doc.records[0].codes.present, bits([.id, .title, .owner, .note, .goal, .evidence]) | other)
        XCTAssertTrue(doc.records[0].codes.unusual)
        XCTAssertEqual(doc.records[1].codes, FieldCodes(present: bits([.id, .title]), unusual: false))
        XCTAssertEqual(doc.records[2].codes, FieldCodes(present: bits([.id]) | other, unusual: true))
        // Each of them alone: a repeat, an empty value, a value of several lines.
        for text in ["id: A\nowner: x\nowner: y\n", "id: A\nnote:\n", "id: A\nnote: a\n+ b\n"] {
            XCTAssertTrue(Document(text: text).records[0].codes.unusual, text)
        }
        XCTAssertFalse(Document(text: "id: A\nowner: x\nnote: n\nokand: 1\n").records[0].codes.unusual)
        XCTAssertEqual(Record(fields: FieldList(), byteRange: 0..<0).codes, FieldCodes(present: 0, unusual: false))
        XCTAssertTrue(doc.records[1].codes.has(.title))
        XCTAssertFalse(doc.records[1].codes.has(.owner))
    }

    /// What a record answers from its codes (`field(_:)`, `hasValue(_:)`) is what a walk
    /// over its fields answers, for every key, in records of every mix of present, repeated,
    /// empty and continued fields.
    func testWhatARecordAnswersFromItsCodesIsWhatAWalkFinds() {
        var rng = SplitMix64(seed: 13)
        let keys: [FieldKey] = [.id, .title, .owner, .note, .status, .assumed, .evidence]
        var text = ""
        for _ in 0..<400 {
            for _ in 0..<Int(rng.next() % 7) {
                let key = rng.next() % 9 == 0 ? "okand" : keys[Int(rng.next() % UInt64(keys.count))].key
                switch rng.next() % 4 {
                case 0: text += "\(key):\n"
                case 1: text += "\(key): a\n+ b\n"
                default: text += "\(key): v\(rng.next() % 5)\n"
                }
            }
            text += "\n"
        }
        let doc = Document(text: text)
        XCTAssertGreaterThan(doc.records.count, 300)
        var seen = (valued: 0, absent: 0, empty: 0)
        for r in doc.records {
            for key in FieldKey.allCases {
                let walked = Array(r.fields).first { $0.code == UInt8(key.rawValue) }
                XCTAssertEqual(r.field(key)?.line, walked?.line, "\(key.key) at line \(r.line)")
                XCTAssertEqual(r.hasValue(key), walked.map { !$0.isEmpty } ?? false, "\(key.key) at line \(r.line)")
                switch (walked, r.hasValue(key)) {
                case (nil, _): seen.absent += 1
                case (_, true): seen.valued += 1
                case (_, false): seen.empty += 1
                }
            }
        }
        XCTAssertGreaterThan(seen.valued, 100)
        XCTAssertGreaterThan(seen.empty, 100)
    }
}
