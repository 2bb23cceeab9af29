import XCTest
@testable import SakerhetCore

/// Issue 14 in the library: the risk scale from config.rec, kinds of finding, and the
/// period follow-ups' checks and report rows.
final class PlanVocabularyCheckTests: XCTestCase {
    static let risk5 = Fixture.risks.replacingOccurrences(of: "likelihood: 3", with: "likelihood: 5")

    func testLikelihoodFiveIsAnErrorUnderTheDefaultScaleAndSaysHowToFixIt() {
        assertOne(Fixture.run(ScoreCheck(), [.risk: Self.risk5]), check: "score", severity: .error, path: "data/risks.rec", line: 4,
                  record: "R1", sv: "likelihood '5' ska vara en siffra från 1 till 4; för skalan 1–5, skriv risk_scale: 5 i config.rec",
                  en: "for the 1–5 scale, set risk_scale: 5 in config.rec")
        XCTAssertNil(Fixture.data([.risk: Self.risk5]).risks[0].score)
    }

    /// The thresholds an older `init` wrote for the 1–4 scale (4, 8, 12), left in place when
    /// `risk_scale: 5` is added, make 3×3 hög and 2×2 medel without a word: the `config`
    /// check warns at their first line and says how to fix it (and the other way round).
    /// `init` writes no thresholds, so switching its folder to 5 needs no other change.
    func testThresholdsOfTheOtherScaleAreWarnedAndInitWritesNone() throws {
        let stale = "risk_scale: 5\nlevel_medium: 4\nlevel_high: 8\nlevel_very_high: 12\n"
        assertOne(Fixture.run(ConfigCheck(), config: stale), check: "config", severity: .warning, path: "data/config.rec", line: 2,
                  sv: "riskgränserna 4, 8, 12 är standardgränserna för skalan 1–4, men risk_scale är 5: ta bort raderna level_medium, level_high och level_very_high (då gäller 5, 10, 15) eller ange gränser för skalan 1–5, t.ex. 5, 10, 15",
                  en: "the risk thresholds 4, 8, 12 are the defaults of the 1–4 scale, but risk_scale is 5: remove the lines level_medium, level_high and level_very_high (the defaults 5, 10, 15 then apply)")
        let t = Fixture.data(config: stale).riskThresholds
        XCTAssertEqual([t.medium, t.high, t.veryHigh], [4, 8, 12], "what is written is used; the warning says so")
        assertOne(Fixture.run(ConfigCheck(), config: "level_medium: 5\nlevel_high: 10\nlevel_very_high: 15\n"), check: "config", severity: .warning,
                  path: "data/config.rec", line: 1, sv: "riskgränserna 5, 10, 15 är standardgränserna för skalan 1–5, men risk_scale är 4",
                  en: "or give thresholds for the 1–4 scale, e.g. 4, 8, 12")
        // Each scale's own defaults written out, and thresholds of one's own, are no warning.
        for config in ["level_medium: 4\nlevel_high: 8\nlevel_very_high: 12\n", "risk_scale: 5\nlevel_medium: 5\nlevel_high: 10\nlevel_very_high: 15\n",
                       "risk_scale: 5\nlevel_medium: 4\nlevel_high: 9\nlevel_very_high: 16\n", "risk_scale: 5\nlevel_high: 8\n"] {
            XCTAssertEqual(Fixture.run(ConfigCheck(), config: config).count, 0, config)
        }
        // init's config.rec: no threshold lines, so risk_scale: 5 alone gives 5, 10, 15.
        let initConfig = try XCTUnwrap(Templates.dataFolder(organisation: "Socialnämnden", title: "Plan").first { $0.0 == "config.rec" }?.1)
        XCTAssertFalse(initConfig.split(separator: "\n").contains { $0.hasPrefix("level_") }, initConfig)
        let switched = initConfig + "risk_scale: 5\n"
        XCTAssertEqual(Fixture.run(ConfigCheck(), config: switched).count, 0)
        let five = Fixture.data(config: switched).riskThresholds
        XCTAssertEqual([five.medium, five.high, five.veryHigh], [5, 10, 15])
    }

    func testRiskScaleFiveScoresAndScalesTheThresholds() {
        let config = "risk_scale: 5\n"
        XCTAssertEqual(Fixture.run(ScoreCheck(), [.risk: Self.risk5], config: config).count, 0)
        XCTAssertEqual(Fixture.run(ConfigCheck(), config: config).count, 0)
        let data = Fixture.data([.risk: Self.risk5], config: config)
        XCTAssertEqual(data.risks[0].score, 15)
        let t = data.riskThresholds
        XCTAssertEqual([t.medium, t.high, t.veryHigh, t.maxScore], [5, 10, 15, 25])
        XCTAssertEqual(data.level(of: data.risks[0]), .veryHigh)
        XCTAssertTrue(t.legend(.sv).hasSuffix("mycket hög 15–25"), t.legend(.sv))
        // Configurable on the larger scale: up to 25.
        let own = Fixture.data(config: "risk_scale: 5\nlevel_medium: 6\nlevel_high: 12\nlevel_very_high: 20\n").riskThresholds
        XCTAssertEqual([own.medium, own.high, own.veryHigh], [6, 12, 20])
        XCTAssertEqual(Fixture.run(ConfigCheck(), config: "risk_scale: 5\nlevel_very_high: 20\n").count, 0)
        XCTAssertEqual(Fixture.run(ConfigCheck(), config: "level_very_high: 20\n").count, 1, "20 is beyond 16 on the 1–4 scale")
        assertOne(Fixture.run(ConfigCheck(), config: "risk_scale: 6\n"), check: "config", severity: .warning, path: "data/config.rec", line: 1,
                  sv: "risk_scale '6' ska vara 4 (1–4) eller 5 (1–5); 4 används", en: "risk_scale '6' must be 4 (1–4) or 5 (1–5)")
        // The report's matrix is 5×5, and the terminal's.
        let report = FollowUp.make(data, asOf: Fixture.asOf)
        XCTAssertEqual(report.matrix.count, 5)
        XCTAssertEqual(report.matrix[4][2], ["R1"])
        XCTAssertTrue(ListRender.matrix(data.risks, thresholds: t, lang: .sv, style: .plain).contains("  5  | "))
        XCTAssertEqual(FollowUp.make(Fixture.data(), asOf: Fixture.asOf).matrix.count, 4)
    }

    func testFindingKindIsCheckedAgainstTheConfiguredWords() {
        let findings = Fixture.findings.replacingOccurrences(of: "status: pågår\n", with: "status: pågår\nkind: avvikelse\nbasis: Jf. Patientdatalagen 4 kap. 3 §\n")
        XCTAssertEqual(Fixture.run(FindingKindCheck(), [.finding: findings]).count, 0)
        XCTAssertEqual(Fixture.run(UnknownFieldCheck(), [.finding: findings]).count, 0)
        let data = Fixture.data([.finding: findings])
        XCTAssertEqual(data.findings[0].kind, "avvikelse")
        let row = FollowUp.make(data, asOf: Fixture.asOf).audits[0].rows[0]
        XCTAssertEqual(row.kind, "avvikelse")
        XCTAssertEqual(row.basis, "Jf. Patientdatalagen 4 kap. 3 §")
        let typo = findings.replacingOccurrences(of: "kind: avvikelse", with: "kind: avvikelsee")
        assertOne(Fixture.run(FindingKindCheck(), [.finding: typo]), check: "finding-kind", severity: .error, path: "data/findings.rec", line: 11,
                  record: "F2", sv: "kind 'avvikelsee' är ingen sorts iakttagelse (menade du 'avvikelse'?)", en: "is not a kind of finding")
        // finding_kinds replaces the list.
        XCTAssertEqual(Fixture.run(FindingKindCheck(), [.finding: typo], config: "finding_kinds: avvikelsee, brist\n").count, 0)
        XCTAssertEqual(Fixture.run(FindingKindCheck(), [.finding: findings], config: "finding_kinds: brist\n").count, 1)
    }

    static let followups = """
        id: U1
        record: D3
        period: 2024-T2
        assessment: delvis uppfyllt
        outcome: 40 %
        analysis: Halvvägs.

        id: U2
        record: A26
        period: 2024-T2
        assessment: gul

        """

    func testFollowupsNameARecordAPeriodAndAFittingAssessment() {
        XCTAssertEqual(Fixture.run(FollowupCheck(), [.followup: Self.followups]).count, 0)
        XCTAssertEqual(Fixture.run(UnknownFieldCheck(), [.followup: Self.followups]).count, 0)
        XCTAssertEqual(Fixture.run(MandatoryFieldCheck(), [.followup: Self.followups]).count, 0)
        assertOne(Fixture.run(FollowupCheck(), [.followup: Self.followups.replacingOccurrences(of: "record: D3", with: "record: D4")]),
                  check: "followup", severity: .error, path: "data/followups.rec", line: 2, record: "U1",
                  sv: "record 'D4' är inget mål eller aktivitet i data/goals.rec eller data/activities.rec (menade du", en: "is no goal or activity in data/goals.rec or data/activities.rec (did you mean 'A4'?); give the id of a goal or activity that exists, or remove the follow-up")
        assertOne(Fixture.run(FollowupCheck(), [.followup: Self.followups.replacingOccurrences(of: "period: 2024-T2\nassessment: gul", with: "period: T2 2024\nassessment: gul")]),
                  check: "followup", severity: .error, path: "data/followups.rec", line: 10, record: "U2",
                  sv: "period 'T2 2024' är ingen period", en: "period 'T2 2024' is not a period")
        assertOne(Fixture.run(FollowupCheck(), [.followup: Self.followups.replacingOccurrences(of: "assessment: gul", with: "assessment: uppfyllt")]),
                  check: "followup", severity: .error, path: "data/followups.rec", line: 11, record: "U2",
                  sv: "assessment 'uppfyllt' passar inte en aktivitet", en: "allowed: grön, gul, röd")
        assertOne(Fixture.run(FollowupCheck(), [.followup: Self.followups.replacingOccurrences(of: "record: A26", with: "record: D3")
                    .replacingOccurrences(of: "assessment: gul", with: "assessment: uppfyllt")]),
                  check: "followup", severity: .error, path: "data/followups.rec", line: 9, record: "U2",
                  sv: "U1 följer redan upp D3 för 2024-T2", en: "U1 already follows up D3 for 2024-T2")
    }

    /// An activity's `done` is a period too, but it is DeadlineTokenCheck's: a bad one is
    /// one error, about `done`, not a second one about a follow-up's period.
    func testABadDoneIsNoFollowupError() {
        let files = variant(.activity, ("status: pågår\n", "status: klar\ndone: 2024-13\n"))
        XCTAssertEqual(Fixture.run(FollowupCheck(), files).count, 0)
        assertOne(Fixture.run(DeadlineTokenCheck(), files), check: "deadline", severity: .error, path: "data/activities.rec",
                  line: 17, record: "A26", sv: "done '2024-13' är ingen giltig tidpunkt", en: "done '2024-13' is not a valid date or period")
    }

    func testTheReportShowsThePeriodsFollowupOrTheLatestBeforeIt() throws {
        let goals = Fixture.goals.replacingOccurrences(of: "parent: M3.3\n", with: "parent: M3.3\nindicator: Andel enheter med plan\ntarget: 100 %\n")
        let data = Fixture.data([.goal: goals, .followup: Self.followups])
        let now = FollowUp.make(data, asOf: Fixture.asOf)
        let d2 = try XCTUnwrap(now.followups.first { $0.id == "D3" })
        XCTAssertEqual([d2.indicator, d2.target, d2.outcome, d2.analysis, d2.period], ["Andel enheter med plan", "100 %", "40 %", "Halvvägs.", "2024-T2"])
        XCTAssertFalse(d2.isEarlier)
        XCTAssertEqual(d2.signal, .yellow)
        XCTAssertEqual(now.followups.map(\.id), ["D3", "A26"], "goals first")
        let next = FollowUp.make(data, asOf: Day("2025-03-01")!, period: FollowUp.Period("2025-T1"))
        XCTAssertEqual(next.followups.first?.isEarlier, true)
        XCTAssertEqual(ReportLabels(lang: .sv).period(next.followups[0]), "senaste: 2024-T2")
        // Nothing from a later period.
        XCTAssertTrue(FollowUp.make(data, asOf: Fixture.asOf, period: FollowUp.Period("2024-T1")).followups.allSatisfy { $0.period.isEmpty })
        // A follow-up of a longer period that covers the report's is the period's own, not an
        // earlier one: a half-year's for a report on its second quarter or its last month.
        let half = Fixture.data([.goal: goals, .followup: Self.followups.replacingOccurrences(of: "period: 2024-T2\nassessment: delvis", with: "period: 2024-H2\nassessment: delvis")])
        for p in ["2024-Q4", "2024-12", "2024-H2"] {
            let r = FollowUp.make(half, asOf: Day("2025-01-05")!, period: FollowUp.Period(p))
            let row = try XCTUnwrap(r.followups.first { $0.id == "D3" }, p)
            XCTAssertEqual(row.period, "2024-H2", p)
            XCTAssertFalse(row.isEarlier, p)
        }
        XCTAssertEqual(FollowUp.make(half, asOf: Day("2025-03-01")!, period: FollowUp.Period("2025-Q1")).followups.first { $0.id == "D3" }?.isEarlier, true)
        // A follow-up written ahead, for a part of the period that has not begun by the
        // report's date, is a forecast: the latest result stands.
        let ahead = Fixture.data([.goal: goals, .followup: Self.followups + "\nid: U3\nrecord: D3\nperiod: 2024-T3\nassessment: uppfyllt\noutcome: 100 %\n"])
        let before = FollowUp.make(ahead, asOf: Day("2024-08-15")!, period: FollowUp.Period("2024"))
        XCTAssertEqual(before.followups.first { $0.id == "D3" }.map { "\($0.period) \($0.outcome ?? "")" }, "2024-T2 40 %")
        let after = FollowUp.make(ahead, asOf: Day("2024-09-01")!, period: FollowUp.Period("2024"))
        XCTAssertEqual(after.followups.first { $0.id == "D3" }?.period, "2024-T3")
    }

    func testTheCommitteePaperHeadComesFromConfig() {
        let data = Fixture.data(config: "case_number: SN 2027/123\nmeeting: 2027-05-12\nprepared_by: Säkerhetsstrateg\n")
        let r = FollowUp.make(data, asOf: Fixture.asOf)
        XCTAssertEqual(ReportLabels(lang: .sv).head(r).map { $0.0 + ": " + $0.1 },
                       ["Diarienummer: SN 2027/123", "Sammanträde: 2027-05-12", "Upprättad av: Säkerhetsstrateg"])
        XCTAssertTrue(FollowUpHTML.render(r, lang: .sv).contains("@bottom-left { content: \"Dnr SN 2027/123\""))
        assertOne(Fixture.run(ConfigCheck(), config: "meeting: 12 maj\n"), check: "config", severity: .warning, path: "data/config.rec", line: 1,
                  sv: "meeting '12 maj' ska vara sammanträdets dag", en: "must be the meeting's day")
        // A quote or `<` in the case number cannot end the CSS string or the style element.
        XCTAssertEqual(FollowUpHTML.cssString("a\"b</style>"), "a\\22 b\\3c /style\\3e ")
    }

    /// An edit is checked on its neighbourhood: removing an activity a follow-up names, or
    /// a second follow-up of the same record and period, finds what the whole folder finds.
    func testEditsOfFollowedRecordsSeeTheirFollowups() throws {
        let data = Fixture.data([.followup: Self.followups.replacingOccurrences(of: "record: A26", with: "record: A4")])
        let rm = try Editor.remove(data, .activity, id: "A4")
        let found = rm.newErrors(in: data, asOf: Fixture.asOf)
        XCTAssertEqual(found.map(\.check), ["followup"])
        XCTAssertEqual(found.map(\.line), rm.newErrorsInWholeFolder(data, asOf: Fixture.asOf).map(\.line))
        let twice = try Editor.update(data, .followup, id: "U2", [.set("record", "D3"), .set("assessment", "uppfyllt")])
        XCTAssertEqual(twice.newErrors(in: data, asOf: Fixture.asOf).map(\.check), ["followup"])
    }
}
