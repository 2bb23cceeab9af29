import XCTest
@testable import SakerhetCore

/// The checks added after the first set: repeated fields, config values, Swedish words for
/// the other vocabularies, and a finding's reason.
final class MoreCheckTests: XCTestCase {
    func testRepeatedFieldFiresAtTheSecondLine() {
        let d = Fixture.run(RepeatedFieldCheck(), variant(.activity, ("status: pågår\n", "status: pågår\nstatus: klar\n")))
        assertOne(d, check: "repeated-field", severity: .error, path: "data/activities.rec", line: 17, record: "A26",
                  sv: "fältet 'status' står redan på rad 16", en: "the field 'status' is already on line 16")
    }

    /// `owner` may repeat (several owners), but the same owner twice is a warning at the
    /// second line, and the record has that owner once.
    func testTheSameOwnerTwiceIsAWarning() throws {
        let files = variant(.activity, ("status: pågår\n", "status: pågår\nowner: flg\nowner: flg\n"))
        let d = Fixture.run(RepeatedFieldCheck(), files)
        XCTAssertEqual(d.map(\.severity), [.warning])
        XCTAssertEqual(d.first?.line, 18)
        XCTAssertEqual(d.first?.message.sv, "A26: ansvarig 'flg' står redan på rad 17; ta bort den ena raden")
        let data = Fixture.data(files)
        XCTAssertEqual(data.activities.first { $0.id == "A26" }?.owners, ["meb", "flg"], "each owner once")
        let i = try XCTUnwrap(data.activities.firstIndex { $0.id == "A26" })
        let show = ShowRender.text(data, RecordRef(kind: .activity, index: i), asOf: Fixture.asOf, lang: .sv, style: .plain)
        XCTAssertTrue(show.contains(data.ownerName("meb") + ", flg\n"), show)
        XCTAssertFalse(show.contains("flg, flg"), show)
    }

    /// The schema's keys are told apart by code, other keys by name, in short and long records.
    func testRepeatedFieldByCodeAndByName() {
        let extra = "status: klar\nstatus: x\nnotes: a\nnotes: b\nrecommendation: r\nrecommendation: s\nowner: sbs\n"
        let d = Fixture.run(RepeatedFieldCheck(), variant(.activity, ("status: pågår\n", "status: pågår\n" + extra)))
        XCTAssertEqual(d.map(\.line), [17, 18, 20, 22])
        XCTAssertEqual(d.map { String($0.message.en.split(separator: ";")[0].split(separator: ":")[1]) },
                       [" the field 'status' is already on line 16", " the field 'status' is already on line 16",
                        " the field 'notes' is already on line 19", " the field 'recommendation' is already on line 21"])
        // The same in a record of more than 32 fields, where names go through a table.
        let long = (1...30).map { "x\($0): v\n" }.joined()
        let e = Fixture.run(RepeatedFieldCheck(), variant(.activity, ("status: pågår\n", "status: pågår\n" + long + extra)))
        XCTAssertEqual(e.map(\.line), [47, 48, 50, 52])
        XCTAssertEqual(e.map(\.message.en), d.map { $0.message.en.replacingOccurrences(of: "line 19", with: "line 49").replacingOccurrences(of: "line 21", with: "line 51") })
    }

    /// A key first seen late in a long record, then repeated many times: each repeat names
    /// the first line (kept per key, not looked for again).
    func testRepeatedFieldInALongRecord() {
        let many = String(repeating: "assumed: status\n", count: 40) + "note: a\n" + String(repeating: "note: b\n", count: 5)
        let d = Fixture.run(RepeatedFieldCheck(), variant(.activity, ("status: pågår\n", "status: pågår\n" + many)))
        XCTAssertEqual(d.map(\.line), Array(58...63), "five added, and the record's own note after them")
        XCTAssertTrue(d.allSatisfy { $0.message.en.contains("the field 'note' is already on line 57") }, "\(d.map(\.message.en))")
    }

    func testRepeatedFieldIsQuietForLists() {
        XCTAssertEqual(Fixture.run(RepeatedFieldCheck(), variant(.risk, ("action: A26\n", "action: A26\naction: A4\n"))).count, 0)
        XCTAssertEqual(Fixture.run(RepeatedFieldCheck()).count, 0)
    }

    func testConfigWarnsOnBadNumbers() {
        let d = Fixture.run(ConfigCheck(), config: "organisation: Socialnämnden\nsoon_days: trettio\n")
        assertOne(d, check: "config", severity: .warning, path: "data/config.rec", line: 2,
                  sv: "soon_days 'trettio' ska vara ett antal dagar", en: "soon_days 'trettio' must be a number of days")
        let t = Fixture.run(ConfigCheck(), config: "level_medium: 9\nlevel_high: 8\nlevel_very_high: 12\n")
        assertOne(t, check: "config", severity: .warning, path: "data/config.rec", line: 1,
                  sv: "riskgränserna ska stiga", en: "the risk thresholds must rise")
        let range = Fixture.run(ConfigCheck(), config: "level_medium: 4\nlevel_high: 8\nlevel_very_high: 20\n")
        assertOne(range, check: "config", severity: .warning, path: "data/config.rec", line: 3,
                  sv: "level_very_high '20' ska vara en riskpoäng från 2 till 16", en: "must be a risk score from 2 to 16")
    }

    func testConfigIsQuietOnGoodValuesAndUsesThem() {
        let config = "soon_days: 14\nlevel_medium: 3\nlevel_high: 6\nlevel_very_high: 9\n"
        XCTAssertEqual(Fixture.run(ConfigCheck(), config: config).count, 0)
        let data = Fixture.data(config: config)
        XCTAssertEqual(data.config.soonDays, 14)
        XCTAssertEqual(data.riskThresholds.level(3), .medium)
        XCTAssertEqual(data.riskThresholds.level(9), .veryHigh)
        XCTAssertEqual(Fixture.data(config: "level_medium: 9\nlevel_high: 8\n").riskThresholds, RiskThresholds())
    }

    func testVocabularyWarnsOnEnglishAliases() {
        let d = Fixture.run(VocabularyCheck(), variant(.activity, ("status: pågår\n", "status: pågår\nevery: monthly\n")))
        assertOne(d, check: "vocabulary", severity: .warning, path: "data/activities.rec", line: 17, record: "A26",
                  sv: "every 'monthly' lagras på svenska; skriv 'månad'", en: "every 'monthly' is stored in Swedish; write 'månad'")
        XCTAssertEqual(Fixture.data(variant(.activity, ("status: pågår\n", "status: pågår\nevery: monthly\n"))).activities[1].every, .month)
    }

    func testFindingOnHoldNeedsAReason() {
        let d = Fixture.run(ReasonCheck(), variant(.finding, ("status: pågår", "status: vilande")))
        assertOne(d, check: "reason", severity: .error, path: "data/findings.rec", line: 10, record: "F2",
                  sv: "F2 är vilande men saknar 'reason'", en: "F2 is on hold but has no 'reason'")
        let ok = Fixture.data(variant(.finding, ("status: pågår", "status: vilande\nreason: Inväntar revisionens uppföljning")))
        XCTAssertEqual(ReasonCheck().run(ok, asOf: Fixture.asOf).count, 0)
        XCTAssertEqual(ok.findings[0].reason, "Inväntar revisionens uppföljning")
    }

    /// A problem in config.rec fails the config case of the JUnit report.
    func testJUnitCountsConfigProblems() {
        let data = Fixture.data(config: "organisation: Socialnämnden 19121212-1212\n")
        // Without goal-children, which finds the base's own D3 fault (Fixture).
        let diagnostics = Checks.run(data, asOf: Fixture.asOf, checks: Checks.all.filter { $0.id != "goal-children" })
        XCTAssertEqual(diagnostics.map(\.check), ["personal-number"])
        let xml = DiagnosticFormats.junit(diagnostics, data: data, lang: .sv)
        XCTAssertTrue(xml.contains("<testsuites name=\"sakerhet audit\" tests=\"13\" failures=\"1\">"), xml)
        XCTAssertTrue(xml.contains("<testsuite name=\"config\" tests=\"1\" failures=\"1\" errors=\"0\">"), xml)
        XCTAssertFalse(xml.contains("19121212"), "the number is echoed")
    }

    func testTrailingBlanksAndBackslashWarn() {
        let d = Fixture.run(TrailingCharacterCheck(), variant(.activity, ("status: pågår\n", "status: pågår  \n"),
                                                                 ("+ Riktlinjerna är beslutade i nämnd\n", "+ Riktlinjerna är beslutade i nämnd\\\n")))
        XCTAssertEqual(d.map(\.line), [16, 18])
        XCTAssertEqual(d.map(\.column), [14, 36])
        XCTAssertTrue(d[0].message.sv.contains("blanksteg efter värdet i 'status'"), d[0].message.sv)
        XCTAssertTrue(d[1].message.en.contains("'note' ends with \\"), d[1].message.en)
        XCTAssertEqual(Set(d.map(\.severity)), [.warning])
        XCTAssertEqual(Set(d.compactMap(\.recordID)), ["A26"])
    }

    func testTrailingIsQuietOnCleanFilesAndCRLF() {
        XCTAssertEqual(Fixture.run(TrailingCharacterCheck()).count, 0)
        let crlf = Fixture.activities.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(Fixture.run(TrailingCharacterCheck(), [.activity: crlf]).count, 0)
        XCTAssertEqual(TrailingCharacterCheck().run(try! Fixture.shipped(), asOf: Fixture.asOf).count, 0)
    }

    /// A one-line field's end is taken from its byte range, not searched for: the same hits
    /// as the search, for every field of a file dense with blanks, tabs, backslashes, CR LF,
    /// a last line with no line break and continued values.
    func testTrailingOneLineEndsAreTheSearchedOnes() {
        let endings = ["", " ", "\t", "  \t ", "\\", "\\ ", " \\", "\r", " \r"]
        var text = ""
        for i in 0..<200 {
            text += "id: A\(i)" + endings[i % endings.count] + "\n"
            text += "title: Öva \(i)" + endings[(i / 3) % endings.count] + "\n"
            if i % 5 == 0 { text += "note: rad ett" + endings[(i / 7) % endings.count] + "\n+ rad två" + endings[i % endings.count] + "\n" }
            text += "\n"
        }
        text += "id: Z\ntitle: sist  "
        let doc = Document(text: text)
        var oneLine = 0, hits = 0
        for r in doc.records {
            for k in r.fields.indices where r.fields.lineCount(at: k) == 1 {
                let range = r.fields.byteRange(at: k)
                let fast = TrailingScan.hits(in: doc.bytes, range, oneLine: true)
                let searched = TrailingScan.hits(in: doc.bytes, range)
                XCTAssertEqual(fast.map(\.column), searched.map(\.column), "\(range)")
                XCTAssertEqual(fast.map(\.lineOffset), searched.map(\.lineOffset))
                oneLine += 1
                hits += fast.count
            }
        }
        XCTAssertGreaterThan(oneLine, 400)
        XCTAssertGreaterThan(hits, 250, "the file has endings to find")
    }

    /// The check reads a record only when the parser saw one of its lines end in a blank
    /// or a backslash (`Document.trailingLines`): it finds every hit a scan of every field
    /// finds, in random files of continued values, comments between a value's lines,
    /// blank-only lines, CR LF and a last line with no line break, parsed whole and in
    /// pieces.
    func testTrailingFindsWhatAScanOfEveryFieldFinds() {
        var rng = SplitMix64(seed: 3)
        let endings = ["", "", "", " ", "\t", "\\", "\r", " \r", "\\\r"]
        func ending() -> String { endings[Int(rng.next() % UInt64(endings.count))] }
        for round in 0..<40 {
            var text = ""
            for i in 0..<(50 + Int(rng.next() % 50)) {
                text += "id: A\(i)\(ending())\ntitle: t\(ending())\n"
                switch rng.next() % 4 {
                case 0: text += "note: ett\(ending())\n+ två\(ending())\n# mitt i\(ending())\n+ tre\(ending())\n"
                case 1: text += "   \(ending())\n"
                case 2: text += "# kommentar\(ending())\nowner: e1\(ending())\n"
                default: break
                }
                text += "\n"
            }
            text += "id: Z\ntitle: sist\(ending())"
            let bytes = Array(text.utf8)
            for pieces in [1, 3] {
                let doc = Document(bytes: bytes, pieces: pieces)
                // The lines that end so, found line by line.
                var expected: [Int] = [], start = 0
                while start < bytes.count {
                    let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                    var last = end
                    if last > start, bytes[last - 1] == 0x0D { last -= 1 }
                    if last > start, [0x20, 0x09, 0x5C].contains(bytes[last - 1]) { expected.append(start) }
                    start = end + 1
                }
                XCTAssertEqual(doc.trailingLines, expected, "round \(round), \(pieces) pieces")
                let data = Fixture.data([.activity: text])
                let found = TrailingCharacterCheck().run(data, asOf: Fixture.asOf).map { "\($0.line):\($0.column ?? 0)" }
                var scanned: [String] = []
                for r in data.files[.activity]!.document.records {
                    for k in r.fields.indices {
                        for hit in TrailingScan.hits(in: bytes, r.fields.byteRange(at: k)) {
                            scanned.append("\(r.fields.line(at: k) + hit.lineOffset):\(hit.column)")
                        }
                    }
                }
                XCTAssertEqual(found, scanned, "round \(round)")
                XCTAssertFalse(scanned.isEmpty)
            }
        }
    }
}
