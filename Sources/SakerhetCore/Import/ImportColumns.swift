/// Which field a column holds, by the names Swedish (and English) plans give their
/// columns. Names are compared folded: lower case, without accents, punctuation as spaces.
///
/// The special field `goal` of an activity is the goal it belongs to, found or created by
/// title or id; `parent` of a goal likewise. An earlier name in a field's list wins when a
/// table has two columns for the same field; the other is reported as not placed.
public enum ImportColumns {
    /// Field → the folded column names that mean it, per kind, best first.
    static let names: [Kind: [(String, [String])]] = [
        .activity: [
            ("id", ["id"]),
            ("title", ["aktivitet", "aktiviteter", "atgard", "atgarder", "beskrivning", "rubrik", "titel", "uppgift", "activity", "title", "action"]),
            ("goal", ["delmal", "mal", "malomrade", "goal", "sub goal", "objective"]),
            ("owner", ["ansvarig", "ansvar", "ansvariga", "huvudansvarig", "owner", "responsible"]),
            ("owner_id", ["ansvarig id", "ansvarigs id", "owner id"]),
            ("start", ["start", "paborjas", "startdatum", "paborjad", "start date"]),
            ("due", ["klart senast", "klar senast", "senast klart", "klart", "slutdatum", "tidplan", "tidsplan", "tidpunkt", "deadline", "due", "klart datum", "due date", "end date", "senast"]),
            ("status", ["status", "lage", "state"]),
            ("done", ["genomford datum", "klardatum", "datum klart", "done", "completed"]),
            ("reason", ["orsak", "skal", "reason"]),
            ("note", ["kommentar", "kommentarer", "notering", "noteringar", "anteckning", "anteckningar", "note", "notes", "comment", "comments"]),
            ("evidence", ["underlag", "bevis", "evidence"]),
            ("every", ["aterkommande", "frekvens", "intervall", "every", "recurrence"]),
            ("area", ["omrade", "area"]),
            ("classification", ["klassning", "klassificering", "sekretess", "classification"]),
            // An action plan's indicators (seed 004): an activity has no indicator field, so
            // they go in its note under "Indikatorer:", as the shipped plan writes them.
            ("indicators", ["indikatorer", "indikator", "indicators", "indicator"]),
        ],
        .goal: [
            ("id", ["id"]),
            ("title", ["delmal", "mal", "rubrik", "titel", "beskrivning", "goal", "title"]),
            ("parent", ["overordnat mal", "huvudmal", "parent"]),
            ("owner", ["ansvarig", "ansvar", "ansvariga", "owner", "responsible"]),
            ("owner_id", ["ansvarig id", "ansvarigs id", "owner id"]),
            ("due", ["klart senast", "klar senast", "senast klart", "klart", "slutdatum", "tidplan", "tidsplan", "tidpunkt", "deadline", "due"]),
            ("status", ["status", "lage", "state"]),
            ("done_when", ["anses klart nar", "klart nar", "done when"]),
            ("done", ["genomford datum", "klardatum", "datum klart", "done"]),
            ("reason", ["orsak", "skal", "reason"]),
            ("note", ["kommentar", "kommentarer", "notering", "anteckning", "anteckningar", "note", "comment"]),
            ("area", ["omrade", "area"]),
            ("classification", ["klassning", "klassificering", "classification"]),
        ],
        .risk: [
            ("id", ["id"]),
            ("title", ["risk", "risker", "hot", "rubrik", "titel", "title"]),
            ("description", ["beskrivning", "riskbeskrivning", "description"]),
            ("likelihood", ["sannolikhet", "sannolikhet 1 4", "likelihood", "probability"]),
            ("consequence", ["konsekvens", "konsekvens 1 4", "consequence", "impact"]),
            ("owner", ["ansvarig", "ansvar", "riskagare", "owner"]),
            ("owner_id", ["ansvarig id", "ansvarigs id", "owner id"]),
            ("treatment", ["atgard", "atgarder", "hantering", "behandling", "riskhantering", "treatment"]),
            ("status", ["status", "state"]),
            ("review", ["nasta uppfoljning", "uppfoljning", "omprovning", "review"]),
            ("residual_likelihood", ["kvarvarande sannolikhet", "residual likelihood"]),
            ("residual_consequence", ["kvarvarande konsekvens", "residual consequence"]),
            ("area", ["omrade", "area"]),
            ("classification", ["klassning", "klassificering", "classification"]),
        ],
        .finding: [
            ("id", ["id"]),
            ("audit", ["granskning", "granskningens namn", "audit"]),
            ("auditor", ["revisor", "revisorer", "granskare", "auditor"]),
            ("year", ["ar", "granskningsar", "year"]),
            ("case", ["diarienummer", "dnr", "case"]),
            ("recommendation", ["rekommendation", "rekommendationer", "recommendation"]),
            ("response", ["namndens svar", "svar", "yttrande", "response"]),
            ("progress", ["vad har atgardats", "atgardat", "vidtagna atgarder", "progress"]),
            ("remaining", ["vad kvarstar", "kvarstar", "remaining"]),
            ("assessment", ["bedomning", "revisorernas bedomning", "farg", "assessment"]),
            ("evidence", ["underlag", "bevis", "evidence"]),
            ("owner", ["ansvarig", "ansvar", "owner"]),
            ("owner_id", ["ansvarig id", "ansvarigs id", "owner id"]),
            ("due", ["klart senast", "klar senast", "senast klart", "klart", "slutdatum", "tidplan", "tidpunkt", "deadline", "due"]),
            ("status", ["status", "state"]),
            ("done", ["genomford datum", "klardatum", "done"]),
            ("reason", ["orsak", "skal", "reason"]),
            ("classification", ["klassning", "klassificering", "classification"]),
            ("area", ["omrade", "area"]),
        ],
        // An owners' table (`export`'s Ansvariga sheet): read only when the sheet's name or
        // `--kind owners` says so, never guessed from the columns.
        .owner: [
            ("id", ["id", "kortnamn", "forkortning", "owner id"]),
            // Not "Ansvarig": a plan's owner column, which `--kind owners` on a plan would read as names.
            ("name", ["namn", "benamning", "enhet", "name"]),
            ("kind", ["typ", "slag", "kind", "type"]),
            ("parent", ["overordnad", "tillhor", "parent"]),
            ("contact", ["kontakt", "kontaktuppgifter", "e post", "epost", "mejl", "contact", "email", "e mail"]),
        ],
        // A period's follow-up, by the names `followups list` and the report give its
        // columns; its record is the id of the goal or activity followed up.
        .followup: [
            ("id", ["id"]),
            ("record", ["post", "uppfoljd post", "record"]),
            ("period", ["period", "uppfoljningsperiod"]),
            ("assessment", ["bedomning", "assessment"]),
            ("analysis", ["analys", "analysis"]),
            ("outcome", ["utfall", "outcome"]),
            ("classification", ["klassning", "klassificering", "classification"]),
        ],
    ]

    /// The field a column name means for `kind`, with its rank (lower is better).
    // Columns by their role in telling a goal table from an activity table (`Importer`),
    // declared here beside the names above, folded as they are.

    /// A goal's number beside its goal column: seed 000's Delmål table (Delmål | Nr |
    /// Beskrivning | Anses klart när) and the Word report's (Mål | Nr | …).
    static let numberColumns: Set<String> = ["nr", "nummer", "number", "no"]
    /// A goal column (an activity's goal, a goal table's Mål or Delmål).
    static let goalColumns: Set<String> = ["mal", "delmal", "goal", "sub goal", "subgoal"]
    /// An activity's title that no goal's title is: a table with such a column is no goal table.
    static let activityColumns: Set<String> = {
        func titles(_ k: Kind) -> [String] { names[k]?.first { $0.0 == "title" }?.1 ?? [] }
        return Set(titles(.activity)).subtracting(titles(.goal))
    }()

    /// Whether a column is an activity's title that no goal's title is ("Aktivitet",
    /// "Åtgärd/aktivitet"): a table with it is no goal table.
    static func isActivityTitle(_ header: String) -> Bool {
        activityColumns.contains(fold(header)) || (field(header, kind: .activity)?.field == "title" && field(header, kind: .goal)?.field != "title")
    }

    static func field(_ header: String, kind: Kind) -> (field: String, rank: Int)? {
        let f = fold(header)
        guard !f.isEmpty, let list = names[kind] else { return nil }
        for (field, words) in list { if let i = words.firstIndex(of: f) { return (field, i) } }
        // A known name and words after it that say more of the same ("Ansvarig enhet",
        // "Klart senast (månad)", "Aktivitet (vad?)"), but not a number or an id beside it
        // ("Mål nr", "Ansvarig id" has its own field above), nor "när" ("Klart när" is a
        // goal's criterion, not a deadline).
        let words = f.split(separator: " ")
        if words.count > 1, !numberColumns.contains(String(words[1])), words[1] != "id", words[1] != "nar" {
            for n in stride(from: words.count - 1, through: 1, by: -1) {
                let head = words.prefix(n).joined(separator: " ")
                for (field, names) in list { if let i = names.firstIndex(of: head) { return (field, 50 + i) } }
            }
        }
        // A field's header as `export` writes it (its label in the schema), in either
        // language, so an exported workbook reads back, a field that repeats with one value
        // per line.
        for spec in kind.fields {
            if fold(ExportLabels.header(spec, .sv)) == f || fold(ExportLabels.header(spec, .en)) == f { return (spec.name, 100) }
        }
        return nil
    }

    /// True for a column `export` works out rather than stores (Signal, Dagar sen, a
    /// risk's Poäng and Nivå, a follow-up's Rubrik), in either language: it is not read
    /// back, and no field is lost by leaving it out.
    static func isWorkedOut(_ header: String, kind: Kind) -> Bool {
        let f = fold(header)
        let columns: [Message]
        switch kind {
        case .risk: columns = [ExportLabels.score, ExportLabels.level]
        case .followup: columns = [ExportLabels.recordTitle]
        default: columns = [ExportLabels.signal, ExportLabels.daysLate]
        }
        return field(header, kind: kind) == nil && columns.contains { fold($0.sv) == f || fold($0.en) == f }
    }

    /// The usual column names of each kind, for messages.
    static let usual: [Kind: String] = [
        .activity: "Mål, Aktivitet, Ansvarig, Start, Klart senast, Status, Kommentar",
        .goal: "Mål (eller Delmål), Ansvarig, Klart senast, Status, Anses klart när",
        .risk: "Risk, Beskrivning, Sannolikhet, Konsekvens, Ansvarig, Åtgärd, Status",
        .finding: "Granskning, Rekommendation, Svar, Bedömning, Ansvarig, Klart senast, Status",
        .followup: "Post, Period, Bedömning, Analys, Utfall",
        .owner: "Id, Namn, Typ, Överordnad, Kontakt",
    ]

    /// The field that names a record of `kind`: what a header row must have. A follow-up
    /// is named by the goal or activity it is of.
    static func titleField(_ kind: Kind) -> String {
        switch kind {
        case .finding: return "recommendation"
        case .followup: return "record"
        case .owner, .area: return "name"
        default: return "title"
        }
    }

    /// The field that tells records of the same title apart, as rows of a plan do: the
    /// deadline (a recurring report, one row per deadline), a follow-up's period (one per
    /// record and period); nil for a kind without either (a risk).
    static func whenField(_ kind: Kind) -> String? {
        kind.spec("due") != nil ? "due" : kind.spec("period") != nil ? "period" : nil
    }

    /// The folded names of `field` of `kind`.
    static func namesOf(_ field: String, _ kind: Kind) -> [String] {
        names[kind]?.first { $0.0 == field }?.1 ?? []
    }

    /// The kind a header row suggests: follow-ups by a record and a period column (before
    /// findings, as both have Bedömning), risks by likelihood and consequence, findings by
    /// recommendation or assessment, otherwise activities.
    static func guessKind(_ headers: [String]) -> Kind {
        let folded = Set(headers.map(fold))
        let records = namesOf("record", .followup), periods = namesOf("period", .followup)
        if folded.contains(where: records.contains), folded.contains(where: periods.contains) { return .followup }
        // Likelihood and consequence beside an activity's title ("Aktivitet", "Sannolikhet",
        // "Konsekvens": an action plan that scores its activities) stay activities.
        let riskTitle = folded.contains { ["risk", "risker", "hot", "riskbeskrivning"].contains($0) }
        let activityTitle = folded.contains { ["aktivitet", "aktiviteter", "activity"].contains($0) }
        if folded.contains(where: { ["sannolikhet", "konsekvens", "likelihood", "consequence"].contains($0) }), riskTitle || !activityTitle { return .risk }
        if folded.contains(where: { ["rekommendation", "rekommendationer", "recommendation", "bedomning"].contains($0) }) { return .finding }
        return .activity
    }

    /// Lower case, å ä → a, ö → o, é → e, every run of other characters one space.
    public static func fold(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        func put(_ b: UInt8) {
            if space && !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b)
        }
        for ch in s.unicodeScalars {
            let v = ch.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 0x41 && b <= 0x5A { put(b + 32) } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { put(b) } else { space = true }
                continue
            }
            switch ch {
            case "å", "ä", "á", "à", "â", "Å", "Ä", "Á", "À", "Â": put(0x61)
            case "ö", "ó", "ò", "ô", "ø", "Ö", "Ó", "Ò", "Ô", "Ø": put(0x6F)
            case "é", "è", "ê", "ë", "É", "È", "Ê", "Ë": put(0x65)
            case "ü", "ú", "Ü", "Ú": put(0x75)
            default:
                if ch.properties.isAlphabetic {
                    for b in String(ch).lowercased().utf8 { put(b) }
                } else {
                    space = true
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
