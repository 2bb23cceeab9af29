import SakerhetCore

/// Swedish text for the synthetic plan: phrases taken from, or written like, the shipped
/// `data/` (seeds 000, 003 and 004), combined so that field lengths match the real plan
/// (activity titles about 80 characters, risk descriptions about 220, findings' progress
/// about 280). No digit runs that could look like a personnummer.
enum Texts {
    /// The recutils descriptor blocks, copied from the shipped files.
    static let descriptors: [String: String] = [
        "owner": """
            %rec: owner
            %key: id
            %mandatory: id name
            %type: kind regexp /^(enhet|avdelning|förvaltning|nämnd|funktion|extern)$/
            """,
        "area": """
            %rec: area
            %key: id
            %mandatory: id name
            """,
        "goal": """
            %rec: goal
            %key: id
            %mandatory: id title owner due status
            %type: due regexp /^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4]|-T[1-3]|-H[12])?|\\?)$/
            %type: done regexp /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/
            %type: status regexp /^(ej påbörjad|pågår|klar|vilande|struken)$/
            %type: classification regexp /^(öppen|intern|sekretess)$/
            """,
        "activity": """
            %rec: activity
            %key: id
            %mandatory: id title goal owner due status
            %type: start,due regexp /^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4]|-T[1-3]|-H[12])?|\\?)$/
            %type: done regexp /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/
            %type: status regexp /^(ej påbörjad|pågår|klar|vilande|struken)$/
            %type: classification regexp /^(öppen|intern|sekretess)$/
            %type: every regexp /^(månad|kvartal|tertial|halvår|år)$/
            """,
        "risk": """
            %rec: risk
            %key: id
            %mandatory: id title likelihood consequence owner status
            %type: likelihood,consequence,residual_likelihood,residual_consequence range 1 4
            %type: status regexp /^(identifierad|hanteras|accepterad|stängd)$/
            %type: review regexp /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/
            %type: classification regexp /^(öppen|intern|sekretess)$/
            """,
        "finding": """
            %rec: finding
            %key: id
            %mandatory: id audit recommendation assessment owner
            %type: assessment regexp /^(röd|gul|grön)$/
            %type: year int
            %type: due regexp /^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-Q[1-4]|-T[1-3]|-H[12])?|\\?)$/
            %type: status regexp /^(ej påbörjad|pågår|klar|vilande|struken)$/
            %type: classification regexp /^(öppen|intern|sekretess)$/
            """,
        "config": """
            %rec: config
            %mandatory: organisation title version soon_days
            %type: soon_days int
            %type: version regexp /^[0-9]+(\\.[0-9]+)*$/
            """,
    ]

    /// The ten areas of the plan (seed 000, section 2.2), as `sakerhet init` writes them.
    static let areas: [(id: String, name: String, description: String)] = Templates.areas.map { ($0.0, $0.1, $0.2) }

    /// Owners: id, name, kind, parent. About 50, as a mid-sized administration has.
    static let owners: [(id: String, name: String, kind: String, parent: String?)] = {
        var out: [(String, String, String, String?)] = [
            ("sn", "Socialnämnden", "nämnd", nil),
            ("sf", "Socialförvaltningen", "förvaltning", "sn"),
            ("flg", "Förvaltningsledningsgruppen", "funktion", "sf"),
            ("dso", "Dataskyddsombudet", "funktion", "sf"),
            ("iss", "Informationssäkerhetssamordnaren", "funktion", "sf"),
            ("bsam", "Beredskapssamordnaren", "funktion", "sf"),
            ("kssak", "Kommunstyrelsekontorets säkerhetsavdelning", "extern", nil),
            ("krev", "Kommunrevisionen", "extern", nil),
        ]
        let departments = [("stod", "Avdelningen Stöd och utveckling"), ("bou", "Avdelningen Barn och unga"),
                           ("vux", "Avdelningen Vuxen"), ("fso", "Avdelningen Funktionsstöd"),
                           ("myn", "Avdelningen Myndighet")]
        for (id, name) in departments { out.append((id, name, "avdelning", "sf")) }
        let units = [
            "säkerhet, beredskap och systemförvaltning", "mottagning och ekonomiskt bistånd", "skadligt bruk och beroende",
            "barn och unga, utredning", "barn och unga, insatser", "försörjningsstöd", "arbetsmarknadsinsatser",
            "socialpsykiatri", "boendestöd", "LSS-handläggning", "daglig verksamhet", "våld i nära relationer",
            "familjerätt", "förebyggande arbete", "kvalitet och utveckling", "verksamhetssystem",
            "ekonomi och upphandling", "HR och arbetsmiljö", "kommunikation", "dokumenthantering och arkiv",
            "bostadssociala frågor", "personligt ombud", "öppenvård vuxna", "öppenvård barn och unga",
            "familjehemsvård", "jourhem", "stödboende", "socialjour", "placeringar vuxna", "avgiftshandläggning",
            "ledsagning och kontaktperson", "korttidsvistelse", "gruppbostäder", "serviceboende", "administration",
            "mottagning barn och unga", "ensamkommande barn", "avtalsuppföljning",
        ]
        for (i, u) in units.enumerated() {
            out.append(("e\(i + 1)", "Enheten för " + u, "enhet", departments[i % departments.count].0))
        }
        return out
    }()

    static let verbs = [
        "Uppdatera och implementera", "Utred förutsättningarna för", "Ta fram och förankra", "Genomför en översyn av",
        "Revidera", "Kartlägg", "Systematisera arbetet med", "Säkerställ följsamheten till", "Upprätta",
        "Implementera och förvalta", "Följ upp", "Utbilda medarbetarna i", "Samordna", "Analysera och dokumentera",
        "Skapa en struktur för", "Förbered och öva",
    ]

    static let objects = [
        "rutiner för informationsklassning av verksamhetens informationstillgångar",
        "reservrutiner vid avbrott i verksamhetssystemet", "kontinuitetsplanen för de prioriterade åtagandena",
        "riktlinjer avseende välfärdsbrott och otillåten påverkan", "registerförteckningen utifrån GDPR",
        "incidentrapporteringen i KIA", "kontroller för att minska felaktiga utbetalningar",
        "avtalsuppföljning avseende placeringar", "behörighetsstyrningen i verksamhetssystemen",
        "risk- och sårbarhetsanalysen för socialförvaltningen", "larm- och utrymningsrutinerna",
        "rutiner vid hot och våld i samband med hembesök", "kriskommunikationsplanen",
        "bakgrundskontroller vid rekrytering till känsliga befattningar", "loggkontroller i journalsystemet",
        "säkerhetsskyddsanalysen", "övningar i krisledning för förvaltningsledningen",
        "en social lägesbild för kontinuerlig uppföljning och samverkan",
        "kontrollmomenten i fakturahanteringen enligt attestreglementet", "följsamheten till NIS2-direktivet",
        "hanteringen av personuppgiftsincidenter", "kontroller av kontoutdrag vid e-ansökan om ekonomiskt bistånd",
        "rutiner för säker hantering av sekretessbelagda handlingar", "planeringen inför höjd beredskap",
    ]

    static let qualifiers = [
        " och presentera för FLG", " och presentera för nämnd", " inom förvaltningen", " under 2025",
        " för samtliga enheter", " i samverkan med kommunstyrelsekontoret", "", "", "",
    ]

    static let notes = [
        "Förstudien påbörjades i januari med syfte att kartlägga risker inom förvaltningen samt att skapa en lägesbild.",
        "Slutdatum ligger efter delmålets slutdatum; så anger planen.",
        "Försenad till följd av förändrade prioriteringar avseende operativt säkerhetsarbete.",
        "Arbetet samordnas av Enheten för säkerhet, beredskap och systemförvaltning.",
        "Rapporteras till förvaltningsledningsgruppen vid strategiskt möte varje månad.",
        "Omfattningen har utökats efter dialog med kommunstyrelsekontoret.",
        "Avstämning sker med dataskyddsombudet innan rutinen fastställs.",
        "Utbildningen genomförs digitalt och följs upp i medarbetarsamtalen.",
        "Planen anger påbörjas och senast klart \"Enligt tidsplan från KS\".",
    ]

    static let indicators = [
        "Samtliga enheter har deltagit i utbildning inom området",
        "Mäta medarbetarnas skattning av kompetens inom området",
        "Antal rapporterade incidenter per kvartal",
        "Andel genomförda kontroller enligt internkontrollplanen",
        "Riktlinjerna är beslutade i nämnd och kända hos medarbetarna",
    ]

    static let reasons = [
        "Inväntar beslut från KF avseende ansvarsfördelning", "Enligt tidsplan från KS",
        "Uteblev efter dialog med KS", "Nedprioriterat till följd av ökat behov av operativ säkerhet",
        "Inväntar upphandling av nytt verksamhetssystem", "Avvaktar nationella riktlinjer från Socialstyrelsen",
    ]

    static let sources = [
        "Implementationsplan för socialnämndens systematiska säkerhetsarbete 2024, avsnitt 4.1 Aktivitetslista",
        "Handlingsplan mot välfärdsbrott och otillåten påverkan 2024–2025, åtgärd 2.3",
        "Internkontrollplan 2025, socialnämnden", "Verksamhetsplan 2024–2026, socialnämnden",
    ]

    static let evidence = [
        "Tjänsteutlåtande Handlingsplan välfärdsbrott; SNAU §233 och Socialnämnden §97, Dnr SN 2024-258",
        "Protokoll från förvaltningsledningsgruppens möte, punkt 7; rutinen finns i ledningssystemet",
        "Utbildningsmaterial och deltagarlista arkiverade i ärendet",
        "Beslut i socialnämnden §112; rutinen publicerad på intranätet",
    ]

    static let doneWhen = [
        "Det finns en etablerad process med tillhörande rutiner och planer",
        "Planen är antagen av förvaltningsledningsgruppen och känd i verksamheterna",
        "Rutinerna är upprättade, kvalitetsgranskade och kända i verksamheterna",
        "Handlingsplanen beskriver tillvägagångssättet som socialförvaltningen tillämpar. Planen är antagen av socialnämnden",
    ]

    static let goalTitles = [
        "Säkerställa dataskyddet i samband med digitalisering", "Säkerställa socialnämndens systematiska säkerhetsarbete",
        "Systematisera socialförvaltningens arbete med risk- och sårbarhetsanalyser",
        "Upprätta en förvaltningsgemensam plan för kontinuitetshantering",
        "Upprätta en handlingsplan för att identifiera och motverka välfärdsbrott, inklusive otillåten påverkan",
        "Säkerställa socialförvaltningens operativa säkerhetsförmåga",
        "Säkerställ socialförvaltningens följsamhet till NIS2-direktivet",
        "Upprätta internkontrollplan utifrån verksamhetens behov",
        "Förbered trygghetsarbetet inför omställningen till nya SoL",
    ]

    static let riskTitles = [
        "Kontoutdrag kontrolleras inte vid e-ansökan om ekonomiskt bistånd",
        "Mottagningsgranskare saknas för vissa typer av fakturor",
        "Leverantörens ekonomi och företagsstruktur kontrolleras inte",
        "Bristfällig avtalsuppföljning för placeringar av vuxna",
        "Otillåten påverkan mot medarbetare och hög toleransnivå",
        "Inget systematiskt arbetssätt mot välfärdsbrott och otillåten påverkan",
        "Medarbetare är inte medvetandegjorda om välfärdsbrott",
        "Reservrutiner saknas vid avbrott i verksamhetssystemet",
        "Behörigheter i journalsystemet följs inte upp",
    ]

    static let riskDescriptions = [
        "Kontroller av ansökningar görs inte likvärdigt, kontroller av kontoutdrag görs endast vid pappersansökan och inte vid e-ansökan där majoriteten av ansökningarna kommer in.",
        "Det är en sårbarhet i fakturahanteringen eftersom vissa fakturor kontrolleras av personer utan kunskap om det fakturan avser.",
        "Verksamheten har en gedigen kontroll av kvalitetsindikatorer men i kontrollen ingår inte kontroller av företagets ekonomi eller företagsstruktur.",
        "Det görs ingen kvalitetsuppföljning och verksamheten har inga rutiner som möjliggör att fånga upp varningssignaler hos de institutioner som används.",
        "Detta utgör en risk då verksamheten riskerar att fatta beslut på felaktigt underlag.",
        "Medarbetare utsätts för hot och påtryckningar och toleransnivån är hög.",
    ]

    static let treatments = [
        "Åtgärd 2.2 (revidera riktlinjer för ekonomiskt bistånd) i handlingsplanen.",
        "Åtgärd 2.5 (rutiner för avtalsuppföljning avseende placeringar i syfte att kvalitetsgranska utförare) i handlingsplanen.",
        "Åtgärd 1.2 (process för att systematiskt utbilda kring otillåten påverkan och välfärdsbrott) i handlingsplanen.",
        "Reservrutiner tas fram och övas inom ramen för kontinuitetsplanen.",
    ]

    static let audits = [
        "Förstudie om kommunens arbete mot välfärdsbrott", "Granskning av informationssäkerhet i socialnämnden",
        "Granskning av socialnämndens interna kontroll", "Granskning av kontinuitetshantering",
        "Granskning av arbetet mot hot och våld", "Uppföljande granskning av dataskydd",
    ]

    static let auditors = ["PwC", "EY", "KPMG", "Kommunrevisionen"]

    static let recommendations = [
        "Det genomförs inte riskanalyser för att identifiera prioriterade områden med hög risk, varken på kommunövergripande nivå eller verksamhetsnivå",
        "Det saknas styrdokument som förklarar hur kommunen ska arbeta i frågan",
        "Nämnden bör säkerställa att det finns en central samordningsfunktion",
        "Nämnden bör säkerställa att behörigheter följs upp regelbundet",
    ]

    static let responses = [
        "I verksamhetsplanen får Enheten för säkerhet, beredskap och systemförvaltning i uppdrag att ta fram en handlingsplan.",
        "Nämnden delar revisionens bedömning och har gett förvaltningen i uppdrag att åtgärda bristerna.",
    ]

    static let progress = [
        "En förstudie har kartlagt riskerna inom förvaltningen och skapat en lägesbild kring förekomsten av otillåten påverkan.",
        "Förstudiens risker per verksamhetsområde ligger till grund för handlingsplanen, som socialnämnden har antagit.",
        "Rutinen har tagits fram och förankrats i förvaltningsledningsgruppen.",
    ]

    static let remaining = [
        "En återkommande riskanalys och den kommunövergripande nivån framgår inte av källorna.",
        "Handlingsplanen följs upp i mars och slutrapporteras i augusti.",
        "Riktlinjerna ska beslutas i nämnd och vara förankrade och kända hos medarbetarna.",
    ]
}
