import Foundation
import XCTest
@testable import SakerhetCore

/// Small real records from the seeds (the 2024 plan and the action plan against welfare
/// crime), valid as of 2024-11-04: every check but `goal-children` is quiet on `Fixture.base`
/// (D3 is klar while HP2 under it runs, the shipped plan's own fault). A test replaces one
/// file with a variant that breaks one rule.
enum Fixture {
    static let asOf = Day("2024-11-04")!

    static let owners = """
        id: sf
        name: Socialförvaltningen
        kind: förvaltning
        contact: kontaktcenter@norrtalje.se

        id: sbs
        name: Enheten för säkerhet, beredskap och systemförvaltning
        kind: enhet
        parent: sf

        id: meb
        name: Enheten för mottagning och ekonomiskt bistånd
        kind: enhet
        parent: sf

        """

    /// Two owners, each the other's parent: an owner cycle.
    static let ownerCycle = """

        id: c1
        name: Funktion A
        kind: funktion
        parent: c2

        id: c2
        name: Funktion B
        kind: funktion
        parent: c1

        """

    static let areas = """
        id: valfardsbrott
        name: Välfärdsbrott

        id: operativ
        name: Operativt säkerhetsarbete

        """

    /// M3.3 at line 1, D3 at line 7, HP2 at line 16.
    static let goals = """
        id: M3.3
        title: Säkerställa socialnämndens systematiska säkerhetsarbete
        owner: sbs
        due: 2025-06
        status: pågår

        id: D3
        title: Upprätta en handlingsplan för att identifiera och motverka välfärdsbrott, inklusive otillåten påverkan
        parent: M3.3
        area: valfardsbrott
        owner: sbs
        due: 2024-05-31
        status: klar
        done: 2024-05-31

        id: HP2
        title: Målområde 2: Upptäcka och förebygga
        parent: D3
        area: valfardsbrott
        owner: sbs
        due: 2025-06
        status: pågår

        """

    /// A4 at line 1, A26 at line 10.
    static let activities = """
        id: A4
        title: Skapa handlingsplan för arbete mot välfärdsbrott och presentera för nämnd
        goal: D3
        owner: sbs
        start: 2024-04
        due: 2024-04
        status: klar
        done: 2024-04-30

        id: A26
        title: Revidera riktlinjer för ekonomiskt bistånd för att säkerställa rättssäkerheten i beslut om ekonomiskt bistånd
        goal: HP2
        owner: meb
        start: 2024-06
        due: 2025-01
        status: pågår
        note: Indikatorer:
        + Riktlinjerna är beslutade i nämnd
        + Riktlinjerna är förankrade och kända hos socialförvaltningens medarbetare

        """

    static let risks = """
        id: R1
        title: Kontoutdrag kontrolleras inte vid e-ansökan om ekonomiskt bistånd
        area: valfardsbrott
        likelihood: 3
        consequence: 3
        owner: meb
        action: A26
        status: hanteras
        review: 2025-03-31

        """

    static let findings = """
        id: F2
        audit: Förstudie om kommunens arbete mot välfärdsbrott
        auditor: PwC
        year: 2023
        recommendation: Det saknas styrdokument som förklarar hur kommunen ska arbeta i frågan
        assessment: gul
        owner: sbs
        due: 2025-06
        action: A26
        status: pågår

        """

    /// Period follow-ups of M3.3, A26 and A4 (not in `base`, which has no followups.rec):
    /// a tertial, a day, a half-year; an analysis of two lines; U3 `intern`.
    static let followups = """
        id: U1
        record: M3.3
        period: 2024-T2
        assessment: delvis uppfyllt
        analysis: Två av fyra enheter klara
        + resten under hösten
        outcome: 62 %

        id: U2
        record: A26
        period: 2024-06-30
        assessment: gul

        id: U3
        record: A4
        period: 2024-H1
        assessment: grön
        classification: intern

        """

    static let base: [Kind: String] = [
        .owner: owners, .area: areas, .goal: goals, .activity: activities, .risk: risks, .finding: findings,
    ]

    /// A data set from `base`, with the given files replaced.
    static func data(_ replaced: [Kind: String] = [:], config: String? = nil) -> DataSet {
        var files: [Kind: SourceFile] = [:]
        for (kind, text) in base.merging(replaced, uniquingKeysWith: { $1 }) {
            files[kind] = SourceFile(path: "data/" + kind.fileName, document: Document(text: text))
        }
        let configFile = config.map { SourceFile(path: "data/config.rec", document: Document(text: $0)) }
        return DataSet(folder: "data", files: files, configFile: configFile)
    }

    static func run(_ check: any Check, _ replaced: [Kind: String] = [:], config: String? = nil,
                    asOf: Day = Fixture.asOf) -> [Diagnostic] {
        check.run(data(replaced, config: config), asOf: asOf)
    }

    /// The shipped `data/` folder of the repository.
    static var shippedFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data").path
    }

    static func shipped() throws -> DataSet {
        try Store.load(folder: shippedFolder, display: "data")
    }

    static let shippedFiles = ["owners.rec", "areas.rec", "goals.rec", "activities.rec", "risks.rec", "findings.rec", "config.rec"]
}

/// Asserts that `diagnostics` holds exactly one diagnostic, with these properties, and
/// that its Swedish and English messages contain the fragments.
func assertOne(_ diagnostics: [Diagnostic], check: String, severity: Severity, path: String, line: Int,
               column: Int? = nil, record: String? = nil, sv: String, en: String,
               file: StaticString = #filePath, at testLine: UInt = #line) {
    XCTAssertEqual(diagnostics.count, 1, "\(diagnostics.map(\.message.sv))", file: file, line: testLine)
    guard let d = diagnostics.first else { return }
    XCTAssertEqual(d.check, check, file: file, line: testLine)
    XCTAssertEqual(d.severity, severity, file: file, line: testLine)
    XCTAssertEqual(d.file, path, file: file, line: testLine)
    XCTAssertEqual(d.line, line, file: file, line: testLine)
    if let column { XCTAssertEqual(d.column, column, file: file, line: testLine) }
    if let record { XCTAssertEqual(d.recordID, record, file: file, line: testLine) }
    XCTAssertTrue(d.message.sv.contains(sv), "sv: \(d.message.sv)", file: file, line: testLine)
    XCTAssertTrue(d.message.en.contains(en), "en: \(d.message.en)", file: file, line: testLine)
}

/// The offset where 1-based line `n` starts (or the end of the bytes).
func lineStart(_ bytes: [UInt8], _ n: Int) -> Int {
    var line = 1
    var i = 0
    while line < n, i < bytes.count {
        if bytes[i] == 0x0A { line += 1 }
        i += 1
    }
    return i
}

func text(_ bytes: some Collection<UInt8>) -> String { String(decoding: Array(bytes), as: UTF8.self) }

/// A program run for a test's git repository, with the user's and the system's git
/// configuration out of the way and `extra` in the environment: its exit status and what
/// it said on standard error.
enum IsolatedGit {
    static func run(_ argv: [String], in dir: String, _ extra: [String: String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["GIT_CONFIG_GLOBAL"] = "/dev/null"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env.merge(extra) { $1 }
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let said = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: said, as: UTF8.self))
    }
}
