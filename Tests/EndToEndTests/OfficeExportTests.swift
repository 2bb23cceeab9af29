import Foundation
import SakerhetCore
import XCTest

/// `export -o plan.xlsx` and `report -o uppfoljning.docx`, opened by real readers:
/// openpyxl and python-docx, and Python's zipfile for the archive itself
/// (Tests/Fixtures/office_summary.py prints what they saw as JSON).
final class OfficeExportTests: EndToEndCase {
    /// The shipped plan: the workbook's sheets, headers, dates, signals, frozen header
    /// and filter; the Word report's headings, tables, shading and risk matrix; the zip
    /// as zipfile reads it; the same bytes on a second run; English names with --lang en.
    func testShippedPlanOpensInOpenpyxlAndPythonDocx() throws {
        let root = try copyOfShippedData()
        let asOf = ["--as-of", EndToEndCase.planDate]
        for args in [["export", "-o", "plan.xlsx"], ["export", "-o", "again.xlsx"], ["--lang", "en", "export", "-o", "plan-en.xlsx"],
                     ["report", "-o", "uppfoljning.docx"], ["report", "--format", "docx", "-o", "again.docx"]] {
            let r = try run(args + asOf, in: root)
            XCTAssertEqual(r.exitCode, 0, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", "\(args) printed to standard output")
        }
        XCTAssertEqual(try bytes(root, "plan.xlsx"), try bytes(root, "again.xlsx"), "the same data gives the same workbook bytes")
        XCTAssertEqual(try bytes(root, "uppfoljning.docx"), try bytes(root, "again.docx"), "the same data gives the same document bytes")

        let seen = try officeSummary(["plan.xlsx", "plan-en.xlsx", "uppfoljning.docx"], in: root)

        // The zip, as Python's zipfile reads it.
        for file in ["plan.xlsx", "uppfoljning.docx"] {
            let zip = try XCTUnwrap(seen[file]?["zip"] as? [String: Any])
            XCTAssertTrue(zip["testzip"] is NSNull, "\(file): zipfile.testzip() found a bad entry: \(zip["testzip"] ?? "")")
            XCTAssertEqual(zip["crc_ok"] as? Bool, true, "\(file): a stored CRC-32 differs from zlib's")
            XCTAssertEqual(zip["utf8_flag"] as? Bool, true, "\(file): names without the UTF-8 flag")
            XCTAssertEqual(zip["stored"] as? Bool, true)
            XCTAssertEqual((zip["names"] as? [String])?.first, "[Content_Types].xml", "\(file): [Content_Types].xml must come first")
            XCTAssertEqual(zip["date_time"] as? [String], ["[1980, 1, 1, 0, 0, 0]"], "\(file): the entries' date is fixed")
        }

        // The workbook.
        let book = try XCTUnwrap(seen["plan.xlsx"]?["xlsx"] as? [String: Any])
        let sheets = try XCTUnwrap(book["sheets"] as? [[String: Any]])
        // The shipped plan has no followups.rec: its sheet is there, empty under its header.
        XCTAssertEqual(sheets.map { $0["name"] as? String }, ["Mål", "Delmål", "Aktiviteter", "Risker", "Rekommendationer", "Uppföljningar", "Ansvariga"])
        XCTAssertEqual(sheets[5]["max_row"] as? Int, 1)
        // The owners, last: every one of owners.rec, with its type, parent and contact.
        XCTAssertEqual(header(sheets[6]), ["Id", "Namn", "Typ", "Överordnad", "Kontakt"])
        XCTAssertEqual(cells(sheets[6]).dropFirst().map { $0.first?["v"] as? String }, ["sn", "sf", "flg", "stod", "sbs", "meb", "fie", "sbb", "kssak"])
        XCTAssertEqual(try row(sheets[6], id: "sbs")["Överordnad"]?["v"] as? String, "stod")
        XCTAssertEqual(try row(sheets[6], id: "sf")["Kontakt"]?["v"] as? String, "kontaktcenter@norrtalje.se")
        XCTAssertEqual(book["title"] as? String, "Implementationsplan för socialnämndens systematiska säkerhetsarbete 2024")
        for s in sheets {
            XCTAssertEqual(s["freeze"] as? String, "A2", "\(s["name"] ?? ""): the header row is frozen")
            let columns = try XCTUnwrap(s["max_column"] as? Int), rows = try XCTUnwrap(s["max_row"] as? Int)
            let last = columnLetter(columns)
            XCTAssertEqual(s["filter"] as? String, "A1:\(last)\(rows)", "\(s["name"] ?? ""): the autofilter covers the table")
            XCTAssertEqual(header(s).first, "Id", "\(s["name"] ?? ""): the Id column comes first, for import")
            XCTAssertTrue(cells(s)[0].allSatisfy { $0["bold"] as? Bool == true }, "the header row is bold")
        }
        let activities = sheets[2]
        XCTAssertEqual(Array(header(activities).prefix(13)),
                       ["Id", "Aktivitet", "Mål", "Ansvarig", "Ansvarig id", "Start", "Klart senast", "Status", "Signal", "Dagar sen", "Vad har åtgärdats", "Klardatum", "Skäl"])
        XCTAssertEqual(activities["max_row"] as? Int, 31, "30 activities under the header")
        // A1: done 2024-05-31 is a real date; the month deadlines are text tokens.
        let a1 = try row(activities, id: "A1")
        XCTAssertEqual(a1["Aktivitet"]?["v"] as? String,
                       "Säkerställ att det finns kvalitetssäkrade och kända förberedelser och reservrutiner för de prioriterade åtaganden")
        XCTAssertEqual(a1["Ansvarig"]?["v"] as? String, "Enheten för säkerhet, beredskap och systemförvaltning")
        XCTAssertEqual(a1["Ansvarig id"]?["v"] as? String, "sbs")
        XCTAssertEqual(a1["Klart senast"]?["v"] as? String, "2024-05")
        XCTAssertEqual(a1["Klardatum"]?["v"] as? String, "2024-05-31T00:00:00")
        XCTAssertEqual(a1["Klardatum"]?["fmt"] as? String, "yyyy-mm-dd")
        XCTAssertEqual(a1["Signal"]?["v"] as? String, "grön")
        XCTAssertEqual(a1["Signal"]?["fill"] as? String, "FFC6EFCE")
        // D5 is the one record late at the plan's date: 32 days, red, as the report says.
        let d5 = try row(sheets[1], id: "D5")
        XCTAssertEqual(d5["Signal"]?["v"] as? String, "röd")
        XCTAssertEqual(d5["Signal"]?["fill"] as? String, "FFFFC7CE")
        XCTAssertEqual(d5["Dagar sen"]?["v"] as? Int, 32)
        XCTAssertEqual(d5["Klart senast"]?["v"] as? String, "2024-10-03T00:00:00")
        XCTAssertEqual(d5["Klart senast"]?["fmt"] as? String, "yyyy-mm-dd")
        XCTAssertEqual(d5["Överordnat mål"]?["v"] as? String, "M3.3")
        let r1 = try row(sheets[3], id: "R1")
        XCTAssertEqual(r1["Poäng"]?["v"] as? Int, 9)
        // A field that repeats: one value a line, so that import splits it back exactly.
        XCTAssertEqual(r1["Kopplade aktiviteter"]?["v"] as? String, "A26\nA27")
        XCTAssertEqual(r1["Kopplade aktiviteter"]?["wrap"] as? Bool, true, "a cell of several lines wraps")
        XCTAssertEqual(r1["Poäng"]?["wrap"] as? Bool, false)
        XCTAssertEqual(r1["Omprövning"]?["fmt"] as? String, "yyyy-mm-dd")

        let en = try XCTUnwrap((seen["plan-en.xlsx"]?["xlsx"] as? [String: Any])?["sheets"] as? [[String: Any]])
        XCTAssertEqual(en.map { $0["name"] as? String }, ["Goals", "Sub-goals", "Activities", "Risks", "Recommendations", "Follow-ups", "Owners"])
        XCTAssertEqual(Array(header(en[2]).prefix(4)), ["Id", "Activity", "Goal", "Owner"])
        XCTAssertEqual(try row(en[1], id: "D5")["Signal"]?["v"] as? String, "red")

        // The Word report.
        let doc = try XCTUnwrap(seen["uppfoljning.docx"]?["docx"] as? [String: Any])
        let paragraphs = try XCTUnwrap(doc["paragraphs"] as? [[String: String]])
        let headings = paragraphs.filter { $0["style"]?.hasPrefix("Heading") == true || $0["style"] == "Title" }
        XCTAssertEqual(headings.first?["style"], "Title")
        let h1 = headings.filter { $0["style"] == "Heading 1" }.compactMap { $0["text"] }
        XCTAssertEqual(Array(h1.prefix(9)), ["Sammanfattning", "Mål", "Delmål", "Målområden", "Aktivitetslista", "Risker",
                                              "Revisionens rekommendationer", "Per ansvarig", "Revisionshistorik"])
        XCTAssertTrue(headings.contains { $0["style"] == "Heading 2" && $0["text"] == "Riskmatris" })
        XCTAssertTrue(headings.contains { $0["style"] == "Heading 2" && $0["text"] == "Försenade (1)" })
        XCTAssertEqual(doc["landscape"] as? Bool, true)
        let tables = try XCTUnwrap(doc["tables"] as? [[[[String: Any]]]])
        XCTAssertGreaterThanOrEqual(tables.count, 20, "summary, goals, sub-goals, one per goal's activities, matrix, risks, audits, owners")
        // The counts table: its signal words shaded in their colours.
        XCTAssertEqual(tables[0][0].map { $0["text"] as? String }, ["", "grön", "gul", "röd", "grå", "Totalt"])
        XCTAssertEqual(tables[0][0][3]["fill"] as? String, "FFC7CE")
        // The sub-goals: D5's signal cell reads röd on red.
        let d5Row = try XCTUnwrap(tables.flatMap { $0 }.first { $0.count == 9 && $0[1]["text"] as? String == "D5" })
        XCTAssertEqual(d5Row[7]["text"] as? String, "röd")
        XCTAssertEqual(d5Row[7]["fill"] as? String, "FFC7CE")
        // Then its Öppet under, as in the HTML report (an open activity below D5 is gul).
        XCTAssertEqual(d5Row[8]["text"] as? String, "gul")
        XCTAssertEqual(d5Row[8]["fill"] as? String, "FFEB9C", "shaded yellow")
        // The risk matrix: 5 × 5, likelihood 4 at the top; R7 has likelihood 4, consequence 2.
        let matrix = try XCTUnwrap(tables.first { ($0.first?.first?["text"] as? String)?.hasPrefix("Sannolikhet") == true })
        XCTAssertEqual(matrix.count, 5)
        XCTAssertEqual(matrix[1][0]["text"] as? String, "4")
        XCTAssertTrue((matrix[1][2]["text"] as? String)?.contains("R7") == true, "R7 in likelihood 4 × consequence 2: \(matrix[1][2])")
        XCTAssertEqual(matrix[1][4]["fill"] as? String, "EF9A9A", "4 × 4 is very high")
        XCTAssertEqual(matrix[4][1]["fill"] as? String, "C8E6C9", "1 × 1 is low")
    }

    /// A small plan with a control character in a title and a `sekretess` activity: the
    /// files still open (the character is dropped, as XML 1.0 forbids it), and --public
    /// leaves the classified record out of both, as `report --public` does.
    func testControlCharacterAndPublicRule() throws {
        let activities = Fixture.activities + """

            id: A30
            title: Säkerhetsskydd\u{1}sanalys för ledningsplatsen
            goal: D2
            owner: sbs
            due: 2024-12-31
            status: pågår
            classification: sekretess

            id: A31
            title: Rutin för <kontroll> & "uppföljning"
            goal: D2
            owner: sbs
            due: 2024-12
            status: pågår

            """
        var files = Fixture.files
        files["activities.rec"] = Array(activities.utf8)
        let root = try folder(with: files)
        let asOf = ["--as-of", EndToEndCase.planDate]
        for args in [["export", "-o", "all.xlsx"], ["export", "--public", "-o", "public.xlsx"],
                     ["report", "-o", "all.docx"], ["report", "--public", "-o", "public.docx"]] {
            let r = try run(args + asOf, in: root)
            XCTAssertEqual(r.exitCode, 0, "\(args): \(r.stderr)")
        }
        let seen = try officeSummary(["all.xlsx", "public.xlsx", "all.docx", "public.docx"], in: root)
        func activityRows(_ file: String) throws -> [String: [String: [String: Any]]] {
            let sheets = try XCTUnwrap((seen[file]?["xlsx"] as? [String: Any])?["sheets"] as? [[String: Any]])
            let sheet = try XCTUnwrap(sheets.first { $0["name"] as? String == "Aktiviteter" })
            return Dictionary(uniqueKeysWithValues: ["A1", "A26", "A30", "A31"].compactMap { id in
                try? (id, row(sheet, id: id))
            })
        }
        let all = try activityRows("all.xlsx"), open = try activityRows("public.xlsx")
        XCTAssertEqual(all["A30"]?["Aktivitet"]?["v"] as? String, "Säkerhetsskyddsanalys för ledningsplatsen")
        XCTAssertEqual(all["A30"]?["Klassning"]?["v"] as? String, "sekretess")
        XCTAssertEqual(all["A31"]?["Aktivitet"]?["v"] as? String, "Rutin för <kontroll> & \"uppföljning\"")
        XCTAssertEqual(Set(all.keys), ["A1", "A26", "A30", "A31"])
        XCTAssertEqual(Set(open.keys), ["A1", "A26", "A31"], "--public leaves the sekretess activity out")

        func text(_ file: String) throws -> String {
            let doc = try XCTUnwrap(seen[file]?["docx"] as? [String: Any])
            let paragraphs = (doc["paragraphs"] as? [[String: String]] ?? []).compactMap { $0["text"] }
            let cells = (doc["tables"] as? [[[[String: Any]]]] ?? []).flatMap { $0 }.flatMap { $0 }.compactMap { $0["text"] as? String }
            return (paragraphs + cells).joined(separator: "\n")
        }
        let allText = try text("all.docx"), publicText = try text("public.docx")
        XCTAssertTrue(allText.contains("A30"))
        XCTAssertTrue(allText.contains("Säkerhetsskyddsanalys"))
        XCTAssertTrue(allText.contains("Rutin för <kontroll> & \"uppföljning\""))
        XCTAssertFalse(publicText.contains("A30"), "--public leaves the sekretess activity out of the Word report")
        XCTAssertFalse(publicText.contains("Säkerhetsskydd"))
        XCTAssertTrue(publicText.contains("Offentlig version: 1 post utelämnad"))
    }

    /// A plan with follow-ups: the workbook, made in-process as `export` makes it, as
    /// openpyxl reads it. The Uppföljningar sheet comes last, with its header frozen and
    /// filtered like the others, one row per follow-up: Post and its Rubrik, a day's period
    /// a real date, the assessment shaded in its colour, an analysis of two lines wrapped;
    /// in English the report's words; `--public` leaves out the `intern` U2.
    func testFollowupSheetOpensInOpenpyxl() throws {
        let root = try copyOfShippedData()
        try EndToEndCase.shippedFollowups.write(to: root.appendingPathComponent("data/followups.rec"), atomically: true, encoding: .utf8)
        let data = try Store.load(folder: root.appendingPathComponent("data").path, display: "data")
        let asOf = try XCTUnwrap(Day(EndToEndCase.planDate))
        for (file, lang, isPublic) in [("plan.xlsx", Lang.sv, false), ("plan-en.xlsx", .en, false), ("public.xlsx", .sv, true)] {
            let bytes = try XLSXWriter.write(PlanExport.make(data, asOf: asOf, isPublic: isPublic, lang: lang))
            try Data(bytes).write(to: root.appendingPathComponent(file))
        }
        let seen = try officeSummary(["plan.xlsx", "plan-en.xlsx", "public.xlsx"], in: root)
        func followups(_ file: String) throws -> [String: Any] {
            let sheets = try XCTUnwrap((seen[file]?["xlsx"] as? [String: Any])?["sheets"] as? [[String: Any]])
            return try XCTUnwrap(sheets.first { ["Uppföljningar", "Follow-ups"].contains($0["name"] as? String) })
        }

        let sheet = try followups("plan.xlsx")
        XCTAssertEqual(sheet["name"] as? String, "Uppföljningar")
        XCTAssertEqual(header(sheet), ["Id", "Post", "Rubrik", "Period", "Bedömning", "Analys", "Utfall", "Klassning"])
        XCTAssertEqual(cells(sheet).dropFirst().map { $0.first?["v"] as? String }, ["U1", "U2", "U3"], "one row per follow-up, in file order")
        XCTAssertEqual(sheet["freeze"] as? String, "A2")
        XCTAssertEqual(sheet["filter"] as? String, "A1:H4")
        let u1 = try row(sheet, id: "U1")
        XCTAssertEqual(u1["Post"]?["v"] as? String, "M3.3")
        XCTAssertEqual(u1["Rubrik"]?["v"] as? String, "Säkerställa socialnämndens systematiska säkerhetsarbete")
        XCTAssertEqual(u1["Period"]?["v"] as? String, "2024-T2")
        XCTAssertEqual(u1["Bedömning"]?["v"] as? String, "delvis uppfyllt")
        XCTAssertEqual(u1["Bedömning"]?["fill"] as? String, "FFFFEB9C", "shaded yellow")
        XCTAssertEqual(u1["Analys"]?["v"] as? String, "Två av fyra enheter klara\nresten under hösten")
        XCTAssertEqual(u1["Analys"]?["wrap"] as? Bool, true)
        XCTAssertEqual(u1["Utfall"]?["v"] as? String, "62 %")
        XCTAssertTrue(u1["Klassning"]?["v"] is NSNull)
        let u2 = try row(sheet, id: "U2")
        XCTAssertEqual(u2["Rubrik"]?["v"] as? String,
                       "Säkerställ att det finns kvalitetssäkrade och kända förberedelser och reservrutiner för de prioriterade åtaganden")
        XCTAssertEqual(u2["Period"]?["v"] as? String, "2024-05-31T00:00:00")
        XCTAssertEqual(u2["Period"]?["fmt"] as? String, "yyyy-mm-dd")
        XCTAssertEqual(u2["Bedömning"]?["fill"] as? String, "FFC6EFCE", "shaded green")
        XCTAssertEqual(u2["Klassning"]?["v"] as? String, "intern")
        let u3 = try row(sheet, id: "U3")
        XCTAssertEqual(u3["Period"]?["v"] as? String, "2024", "a year is its token, as text")
        XCTAssertEqual(u3["Bedömning"]?["fill"] as? String, "FFFFC7CE", "shaded red")

        let en = try followups("plan-en.xlsx")
        XCTAssertEqual(en["name"] as? String, "Follow-ups")
        XCTAssertEqual(header(en), ["Id", "Record", "Title", "Period", "Assessment", "Analysis", "Outcome", "Classification"])
        XCTAssertEqual(try row(en, id: "U1")["Assessment"]?["v"] as? String, "partly met")
        XCTAssertEqual(try row(en, id: "U2")["Classification"]?["v"] as? String, "internal")

        let open = try followups("public.xlsx")
        XCTAssertEqual(cells(open).dropFirst().map { $0.first?["v"] as? String }, ["U1", "U3"], "--public leaves out the intern follow-up")
    }

    /// Usage errors come before anything is read or written.
    func testUsageErrors() throws {
        let root = try copyOfShippedData()
        let before = try snapshot(root)
        for (args, words) in [(["export"], "-o FIL.xlsx"), (["export", "-o", "plan.csv"], ".xlsx"),
                              (["report", "--format", "docx"], "-o FIL.docx")] {
            let r = try run(args, in: root)
            XCTAssertEqual(r.exitCode, 2, "\(args)")
            XCTAssertTrue(r.stderr.contains(words), "\(args): \(r.stderr)")
        }
        try assertUnchanged(root, since: before)
    }

    // MARK: Reading the summary

    /// Runs Tests/Fixtures/office_summary.py on `files` (relative to `root`).
    func officeSummary(_ files: [String], in root: URL) throws -> [String: [String: Any]] {
        let python = try OfficeReaders.python()
        let script = Repo.root.appendingPathComponent("Tests/Fixtures/office_summary.py").path
        let folder = try makeTempFolder()
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script] + files
        p.currentDirectoryURL = root
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        guard p.terminationStatus == 0 else {
            throw TestError("office_summary.py failed (exit \(p.terminationStatus)): \(String(decoding: try Data(contentsOf: errURL), as: UTF8.self))")
        }
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: outURL))
        return try XCTUnwrap(json as? [String: [String: Any]])
    }

    func cells(_ sheet: [String: Any]) -> [[[String: Any]]] { sheet["rows"] as? [[[String: Any]]] ?? [] }

    func header(_ sheet: [String: Any]) -> [String] { cells(sheet).first?.map { $0["v"] as? String ?? "" } ?? [] }

    /// The row whose Id is `id`, as header → cell.
    func row(_ sheet: [String: Any], id: String) throws -> [String: [String: Any]] {
        let names = header(sheet)
        guard let r = cells(sheet).dropFirst().first(where: { $0.first?["v"] as? String == id }) else {
            throw TestError("no row \(id) in sheet \(sheet["name"] ?? "")")
        }
        return Dictionary(zip(names, r), uniquingKeysWith: { a, _ in a })
    }

    /// A note longer than a cell of Excel holds is cut in the workbook, and `export` says
    /// so, naming the sheet, row and column, in both languages; the workbook is written.
    func testALongTextCutForExcelIsNamed() throws {
        let root = try copyOfShippedData()
        let path = root.appendingPathComponent("data/activities.rec")
        let text = try String(contentsOf: path, encoding: .utf8)
        try (text + "\nid: A99\ntitle: Lång anteckning\ngoal: D1\nowner: sbs\ndue: 2025-06\nstatus: pågår\nnote: "
             + String(repeating: "x", count: 40_000) + "\n").write(to: path, atomically: true, encoding: .utf8)
        let asOf = ["--as-of", EndToEndCase.planDate]
        XCTAssertEqual(try run(["audit"] + asOf, in: root).exitCode, 0, "the record is valid")
        let sv = try run(["export", "-o", "plan.xlsx"] + asOf, in: root)
        XCTAssertEqual(sv.exitCode, 0, sv.stderr)
        let warning = try XCTUnwrap(sv.stderr.split(separator: "\n").first { $0.contains("varning: Aktiviteter, rad ") }, sv.stderr)
        XCTAssertTrue(warning.contains(": texten har 40000 tecken och kortas till 32767 (mer rymmer inte en cell i Excel)"), String(warning))
        XCTAssertEqual(sv.stderr.split(separator: "\n").filter { $0.contains("varning:") }.count, 1, sv.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("plan.xlsx").path))
        let en = try run(["--lang", "en", "export", "-o", "plan-en.xlsx"] + asOf, in: root)
        XCTAssertTrue(en.stderr.contains(": the text has 40000 characters and is cut to 32767"), en.stderr)
        // The shipped plan alone: no warning.
        let plain = try run(["export", "-o", "plain.xlsx"] + asOf, in: try copyOfShippedData())
        XCTAssertFalse(plain.stderr.contains("varning"), plain.stderr)
    }

    /// `A`, …, `Z`, `AA`, … for column number n (1-based).
    func columnLetter(_ n: Int) -> String {
        var n = n, s = ""
        while n > 0 { s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s; n = (n - 1) / 26 }
        return s
    }
}

/// The Python that can read the files: SAKERHET_PYTHON, else the first of `python3` on
/// PATH and /usr/bin/python3 that has openpyxl and python-docx.
enum OfficeReaders {
    static func python() throws -> String {
        let env = ProcessInfo.processInfo.environment
        var candidates = [String]()
        if let p = env["SAKERHET_PYTHON"], !p.isEmpty { candidates.append(p) }
        if let p = Tools.find("python3") { candidates.append(p.path) }
        candidates.append("/usr/bin/python3")
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: c)
            p.arguments = ["-c", "import openpyxl, docx"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            guard (try? p.run()) != nil else { continue }
            p.waitUntilExit()
            if p.terminationStatus == 0 { return c }
        }
        throw TestError("""
            the office tests open the exported files with openpyxl and python-docx, and no Python here has them \
            (tried \(candidates.joined(separator: ", "))). Install them: apt-get install python3-openpyxl python3-docx \
            (or pip install openpyxl python-docx), or set SAKERHET_PYTHON to a python3 that has them
            """)
    }
}
