/// What `sakerhet init` writes: a data folder that passes `audit` and `recfix --check`.
/// Descriptors are generated from the schema, so the files and the tool agree.
public enum Templates {
    /// What a data file that a folder lacks starts as when a record is added to it (a
    /// folder made before `followups.rec` existed gets it on the first `followups add`):
    /// a one-line header and the kind's descriptor.
    public static func newFile(_ kind: Kind) -> String {
        let what: String
        switch kind {
        case .followup: what = "periodens uppföljning, en post per mål, delmål eller aktivitet och period"
        default: what = kind.word(.sv)
        }
        return "# \(kind.fileName): \(what).\n\n" + descriptor(kind)
    }

    /// The recutils descriptor block for a kind: record type, key, mandatory fields and
    /// a `%type` per typed field.
    public static func descriptor(_ kind: Kind) -> String {
        var out = "%rec: \(kind.rawValue)\n%key: id\n"
        out += "%mandatory: " + kind.fields.filter(\.required).map(\.name).joined(separator: " ") + "\n"
        var groups: [(String, [String])] = []
        func add(_ type: String, _ name: String) {
            if let i = groups.firstIndex(where: { $0.0 == type }) { groups[i].1.append(name) } else { groups.append((type, [name])) }
        }
        for f in kind.fields {
            switch f.type {
            case .deadline: add("regexp /^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4]|-T[1-3]|-H[12]|-W(0[1-9]|[1-4][0-9]|5[0-3]))?|\\?|(fort)?löpande)$/", f.name)
            case .period: add("regexp /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4]|-T[1-3]|-H[12]|-W(0[1-9]|[1-4][0-9]|5[0-3]))?$/", f.name)
            case .day: add("regexp /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/", f.name)
            case .status: add(words(Status.allCases.map(\.rawValue) + Status.aliasWords + Status.aliasWords.map(capitalized)), f.name)
            case .riskStatus: add(words(RiskStatus.allCases.map(\.rawValue)), f.name)
            case .assessment: add(words(Assessment.allCases.map(\.rawValue)), f.name)
            case .classification: add(words(Classification.allCases.map(\.rawValue)), f.name)
            case .ownerKind: add(words(OwnerKind.allCases.map(\.rawValue)), f.name)
            case .recurrence: add(words(Recurrence.allCases.map(\.rawValue)), f.name)
            case .goalLevel: add(words(GoalLevel.allCases.map(\.rawValue)), f.name)
            // 1–5 for both scales: `risk_scale` in config.rec says which applies, and `audit` checks it.
            case .score: add("range 1 5", f.name)
            case .year: add("int", f.name)
            case .followupAssessment: add(words(FollowUpAssessment.goalWords + FollowUpAssessment.activityWords), f.name)
            case .text, .ref, .occurrence, .findingKind, .followedRecord: break
            }
        }
        for (type, names) in groups { out += "%type: \(names.joined(separator: ",")) \(type)\n" }
        return out
    }

    static func words(_ list: [String]) -> String { "regexp /^(" + list.joined(separator: "|") + ")$/" }

    /// The ten areas of systematic security work (Norrtälje's implementation plan 2024, §2.2).
    public static let areas: [(String, String, String)] = [
        ("krisstod", "Kommunalt krisstöd", "Socialnämndens ansvar vid behov av kommunalt krisstöd"),
        ("infosak", "Informationssäkerhet och dataskydd", "Socialnämndens säkerhet kopplat till information i olika former, exempelvis personuppgifter"),
        ("kontinuitet", "Kontinuitetshantering", "Socialnämndens förmåga att upprätthålla socialnämndens ansvarsområden vid störningar"),
        ("rsa", "Risk- och sårbarhetsanalys", "Socialnämndens strategiska arbete för att öka verksamhetens resiliens enligt Lag (2006:544) om kommuners och regioners åtgärder inför och vid extraordinära händelser i fredstid och höjd beredskap"),
        ("valfardsbrott", "Välfärdsbrott", "Socialnämndens arbete med att motverka välfärdsbrott så som exempelvis hot, otillåten påverkan och stöld från det allmänna"),
        ("operativ", "Operativt säkerhetsarbete", "Socialnämndens arbete med att säkra verksamhetens skyddsvärda tillgångar, exempelvis personal och lokaler"),
        ("internkontroll", "Internkontroll", "Socialnämndens ansvar i det kommunövergripande arbetet avseende kontroll av de kommunala verksamheterna enligt kommunallagen"),
        ("civiltforsvar", "Civilt försvar", "Socialnämndens motståndskraft mot antagonistiska gärningar. Socialförvaltningens civila försvar är ett resultat av övriga områden inom det systematiska säkerhetsarbetet"),
        ("kriskommunikation", "Kriskommunikation", "Socialnämndens arbete med att samordna och kvalitetssäkra information och kommunikation inför och under en störning/kris"),
        ("trygghet", "Socialt trygghetsarbete", "Socialnämndens systematiska och strategiska arbete med att främja social trygghet och goda levnadsvillkor med utgångspunkt i socialnämndens verksamhetsområden"),
    ]

    /// Why `value` cannot be written as the one-line config field given by `option`
    /// (`--title`, `--organisation`), or nil when it can. A config value is one line: a line
    /// break would start a field of its own (`--title $'x\nversion: 9'`), another control
    /// character would reach every report, and a trailing `\` makes recutils read the next
    /// line as part of the value.
    public static func configValueProblem(_ value: String, option: String) -> Message? {
        if value.allSatisfy({ $0 == " " || $0 == "\t" }) {
            return Message(sv: "\(option) behöver en text", en: "\(option) needs a text")
        }
        if value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return Message(sv: "\(option) får inte innehålla radbrytningar; skriv värdet på en rad",
                           en: "\(option) must not contain line breaks; write the value on one line")
        }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || (0x7F...0x9F).contains($0.value) }) {
            return Message(sv: "\(option) får inte innehålla styrtecken", en: "\(option) must not contain control characters")
        }
        // The value goes into config.rec, where audit would refuse it: refused here first.
        if SafeText.masked(value) != value {
            return Message(sv: "\(option) innehåller något som ser ut som ett personnummer; skriv värdet utan det",
                           en: "\(option) holds what looks like a personal identity number; write the value without it")
        }
        if value.hasSuffix("\\") {
            return Message(sv: "\(option) får inte sluta med \\ (recutils läser då nästa rad som en del av värdet)",
                           en: "\(option) must not end with \\ (recutils would read the next line as part of the value)")
        }
        return nil
    }

    /// The files of a new data folder, by file name.
    public static func dataFolder(organisation: String, title: String) -> [(String, String)] {
        var files: [(String, String)] = []
        files.append(("config.rec", """
        # config.rec: inställningar för sakerhet.
        # soon_days: hur många dagar framåt som räknas som "snart" (notis i audit).
        # level_medium, level_high, level_very_high: lägsta riskpoäng (sannolikhet ×
        # konsekvens) för nivåerna medel, hög och mycket hög; lägre är låg. Utan dem
        # gäller skalans standardgränser: 4, 8, 12 för 1–4 och 5, 10, 15 för 1–5. Ange
        # dem bara för egna gränser, och ändra dem då också om risk_scale ändras.
        # moved_signal: signalen för en öppen post vars slutdatum flyttats senare:
        # gul (standard, minst gul) eller grön (den beräknade signalen).
        # risk_scale: 4 (sannolikhet och konsekvens 1–4, standard) eller 5 (1–5; då
        # gäller gränserna 5, 10, 15 om inget annat anges, poäng upp till 25).
        # finding_kinds: tillåtna sorter (kind) i findings.rec, kommaseparerade;
        # standard: avvikelse, brist, iakttagelse, rekommendation, anmärkning, avvik, merknad.
        # Tjänsteskrivelsens huvud: case_number (diarienummer), meeting
        # (sammanträdesdatum) och prepared_by (en roll eller funktion, aldrig ett namn).
        # Nya id:n (add): id_goal (mål utan parent, standard M: M1, M2 …), id_subgoal
        # (delmål, standard D; under ett delmål med egna bokstäver, t.ex. HP, används de),
        # id_activity (A), id_risk (R), id_finding (F); 1–4 versaler A–Z.
        # Exempel:
        # risk_scale: 5
        # level_medium: 6
        # level_high: 12
        # level_very_high: 20
        # case_number: SN 2027/123
        # meeting: 2027-05-12
        # prepared_by: Säkerhetsstrateg, socialförvaltningen

        %rec: config
        %type: soon_days,level_medium,level_high,level_very_high int
        %type: moved_signal regexp /^(gul|grön)$/
        %type: risk_scale regexp /^(4|5)$/
        %type: meeting regexp /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/

        organisation: \(organisation)
        title: \(title)
        version: 1.0
        soon_days: 30

        """))
        files.append(("owners.rec", """
        # owners.rec: ansvariga. Namnge enheter, funktioner och roller, aldrig personer:
        # git sparar allt för alltid. contact är en funktionsbrevlåda.

        \(descriptor(.owner))
        id: sn
        name: Socialnämnden
        kind: nämnd

        id: sf
        name: Socialförvaltningen
        kind: förvaltning
        parent: sn

        """))
        var areas = "# areas.rec: det systematiska säkerhetsarbetets områden.\n\n" + descriptor(.area)
        for (id, name, description) in Templates.areas { areas += "\nid: \(id)\nname: \(name)\ndescription: \(description)\n" }
        files.append(("areas.rec", areas))
        files.append(("goals.rec", """
        # goals.rec: mål och delmål. Ett delmål har parent (målets id).
        # Exempel (ta bort # för att använda):
        # id: D1
        # title: Upprätta en förvaltningsgemensam plan för kontinuitetshantering
        # parent: M1
        # area: kontinuitet
        # owner: sf
        # due: 2025-10-31
        # status: ej påbörjad
        # done_when: Kontinuitetsplanen är antagen av förvaltningsledningsgruppen
        # indicator: Andel enheter med antagen kontinuitetsplan
        # target: 100 %

        \(descriptor(.goal))
        """))
        files.append(("activities.rec", """
        # activities.rec: aktiviteter. due kan vara 2025-05-31, 2025-W12 (vecka 12),
        # 2025-05, 2025-Q3, 2025-T2, 2025-H1, 2025, löpande (arbete utan slutdatum,
        # aldrig försenat) eller ? (då med reason). owner får upprepas, en rad per
        # ansvarig. progress säger hur långt arbetet har kommit (60 % eller text);
        # done kan vara en dag eller en period (done: 2024 = klart under 2024).
        # Exempel:
        # id: A1
        # title: Skapa en övergripande kontinuitetsplan och presentera för FLG
        # goal: D1
        # owner: sf
        # owner: sbs
        # start: 2025-05
        # due: 2025-W42
        # status: pågår
        # progress: 60 %
        #
        # id: A2
        # title: Omvärldsbevakning och lägesbild
        # goal: D1
        # owner: sbs
        # due: löpande
        # status: pågår

        \(descriptor(.activity))
        """))
        files.append(("risks.rec", """
        # risks.rec: riskregistret. likelihood och consequence 1–4 (1–5 med
        # risk_scale: 5 i config.rec); action pekar på
        # aktiviteter som behandlar risken (en rad per aktivitet).
        # Exempel:
        # id: R1
        # title: Felaktiga utbetalningar av ekonomiskt bistånd
        # area: valfardsbrott
        # likelihood: 3
        # consequence: 3
        # owner: sf
        # action: A1
        # status: hanteras
        # review: 2025-03-31

        \(descriptor(.risk))
        """))
        files.append(("findings.rec", """
        # findings.rec: revisionens rekommendationer, följda till stängning.
        # assessment är revisorernas färg: röd, gul eller grön.
        # Exempel:
        # id: F1
        # audit: Granskning av informationssäkerhetsarbetet
        # auditor: Kommunens revisorer
        # year: 2024
        # recommendation: Säkerställ att registerförteckningen hålls aktuell
        # assessment: gul
        # owner: sf
        # due: 2025-06
        # status: pågår
        # kind: brist
        # basis: Jf. Patientdatalagen 4 kap. 3 §
        # area: infosak

        \(descriptor(.finding))
        """))
        files.append(("followups.rec", """
        # followups.rec: periodens uppföljning, en post per mål, delmål eller aktivitet
        # och period. record pekar på målet eller aktiviteten; period är 2027-T1,
        # 2027-H1, 2027-Q2, 2027-05 eller 2027. assessment för ett mål: uppfyllt, delvis
        # uppfyllt eller ej uppfyllt; för en aktivitet: grön, gul eller röd. outcome är
        # indikatorns utfall för perioden (jämförs med målets target).
        # Exempel:
        # id: U1
        # record: D1
        # period: 2025-T1
        # assessment: delvis uppfyllt
        # outcome: 60 %
        # analysis: Tre av fem enheter har antagit sin plan.

        \(descriptor(.followup))
        """))
        // The lock file, and the temporary file a write killed outright leaves beside the
        // file it was replacing (removed by the next write: `Store.removeStaleTemporaryFiles`).
        files.append((".gitignore", ".sakerhet.lock\n.*.sakerhet-tmp.*\n"))
        return files
    }
}
