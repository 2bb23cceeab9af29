import SakerhetCore

/// The verbs shared by `goals`, `activities`, `risks` and `findings`. Each command file
/// names its kind and help; the work happens here and in the core.
enum RecordCommand {
    static func run(_ kind: Kind, command: String, _ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        let spec = Commands.find(command)!.spec
        let verbs = RecordSpec.verbNames(kind)
        let verb: String
        if let first = args.positional() {
            if verbs.contains(first) { verb = first }
            else if let data = try? ctx.load(), data.contains(kind, id: first) {
                return try show(kind, id: first, command: command, &args, ctx)
            } else if kind == .risk && (first == "done" || first == "postpone") {
                let why = first == "done"
                    ? Message(sv: "risker markeras inte klara; använd 'risks set ID status=stängd'", en: "risks are not marked done; use 'risks set ID status=stängd'")
                    : Message(sv: "risker har inget slutdatum; ändra 'review' med 'risks set ID review=ÅÅÅÅ-MM-DD'", en: "risks have no deadline; change 'review' with 'risks set ID review=YYYY-MM-DD'")
                throw UsageError(sv: why.sv, en: why.en)
            } else {
                throw UsageError.unknownVerb(first, of: command, verbs: verbs)
            }
        } else {
            verb = "list"
        }
        let label = "\(command) \(verb)"
        let o = try args.take(spec, verb: verb)
        switch verb {
        case "list": return try list(kind, label, o, &args, ctx)
        case "show":
            guard let id = args.positional() else { try args.finish(command: label); throw needID(label, kind) }
            return try show(kind, id: id, command: label, &args, ctx)
        case "matrix":
            try args.finish(command: label)
            let data = try ctx.load()
            try Output.write(ListRender.matrix(data.risks, thresholds: data.riskThresholds, lang: ctx.lang, style: ctx.style))
            return Exit.ok
        case "add": return try add(kind, label, o, &args, ctx)
        case "set": return try set(kind, label, o, &args, ctx)
        case "done": return try done(kind, label, o, &args, ctx)
        case "postpone": return try postpone(kind, label, o, &args, ctx)
        default: return try remove(kind, label, o, &args, ctx)
        }
    }

    static func list(_ kind: Kind, _ label: String, _ o: ParsedOptions, _ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        var filter = ListFilter()
        let format = o.value("--format") ?? "table"
        filter.goal = o.value("--goal")
        filter.area = o.value("--area")
        try args.finish(command: label)
        let reading = beginBaselines(kind, ctx)
        // A list reads only the files it shows from (`listed`), not the whole folder.
        let kinds = kind.listed(byGoal: filter.goal != nil, byArea: filter.area != nil)
        let rollupOwner = ctx.isRollup ? o.value("--owner") : nil
        var loaded: DataSet?
        // The owner and every owner below it; an owner id that owners.rec lacks is looked
        // for in every kind's records, not only the listed ones.
        let scope = ctx.isRollup ? nil : try OwnerOption.find(o.value("--owner"), lang: ctx.lang,
                                                             in: { if loaded == nil { loaded = try ctx.load(kinds: kinds) }; return loaded! },
                                                             full: { try ctx.load() })
        filter.owners = scope?.ids  // the owner and those below it, worked out once
        filter.status = o.value("--status")
        filter.overdue = o.flag("--overdue")
        filter.soon = o.flag("--soon")
        if let d = o.value("--due-before") {
            // `?` and `löpande` have no day to be before.
            guard let deadline = Deadline(phrase: d), deadline.lastDay != nil else {
                throw UsageError(sv: "--due-before: '\(d)' är ingen tidpunkt; skriv t.ex. 2024-12-31, maj 2024 eller Q3 2024",
                                 en: "--due-before: '\(d)' is not a deadline; write e.g. 2024-12-31, May 2024 or Q3 2024")
            }
            filter.dueBefore = deadline
        }
        if kind == .risk, let l = o.value("--level") {
            guard let level = RiskLevel.allCases.first(where: { $0.word(.sv) == l || $0.word(.en) == l || $0.word(.sv).replacingAll(" ", with: "-") == l || $0.rawValue == l }) else {
                throw UsageError(sv: "--level tar låg, medel, hög eller mycket-hög, inte '\(l)'", en: "--level takes low, medium, high or very-high, not '\(l)'")
            }
            filter.level = level
        }
        if ctx.isRollup { return try RollupRun.list(kind, filter: filter, owner: rollupOwner, format: format, ctx) }
        let data = try loaded ?? ctx.load(kinds: kinds)
        if let s = filter.status, let bad = StatusFilter.unknown(in: s, kind: kind) { throw UsageError(sv: bad.sv, en: bad.en) }
        if let a = filter.area, !data.contains(.area, id: a) {
            let hint = Suggest.closest(to: a, in: data.areas.map(\.id))
            throw UsageError(sv: "det finns inget område '\(a)'" + (hint.map { " (menade du '\($0)'?)" } ?? "") + "; områdena är " + data.areas.map(\.id).joined(separator: ", "),
                             en: "there is no area '\(a)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; the areas are " + data.areas.map(\.id).joined(separator: ", "))
        }
        if let g = filter.goal, !data.contains(.goal, id: g) {
            let hint = Suggest.closest(to: g, in: data.goals.map(\.id))
            throw UsageError(sv: "det finns inget mål '\(g)'" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "there is no goal '\(g)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        let asOf = try ctx.asOf()
        let list = RecordList.make(data, kind, filter: filter, asOf: asOf, baselines: Baselines.load(reading, period: .year(of: asOf), asOf: asOf))
        try Output.write(ListRender.render(list, format: format, lang: ctx.lang, style: ctx.style, scope: scope))
        return Exit.ok
    }

    static func show(_ kind: Kind, id: String, command: String, _ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        try args.finish(command: command)
        let reading = beginBaselines(kind, ctx)
        let data = try ctx.load(toShow: (kind, id))
        let found = data.records(of: kind, id: id)
        guard !found.isEmpty else {
            let hint = Suggest.closest(to: id, in: data.ids[kind]?.keys ?? [])
            throw UsageError(sv: "det finns \(kind.none(.sv)) med id '\(id)'" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "there is no \(kind.rawValue) with id '\(id)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        let asOf = try ctx.asOf()
        let baselines = Baselines.load(reading, period: .year(of: asOf), asOf: asOf)
        // A repeated id (an error `audit` reports) shows every record that has it.
        if found.count > 1 {
            Output.error("sakerhet: " + (ctx.lang == .sv
                ? "varning: id '\(id)' finns i \(found.count) poster; alla visas (audit visar dubbletten)"
                : "warning: id '\(id)' is in \(found.count) records; all are shown (audit reports the duplicate)"), ctx.lang)
        }
        try Output.write(found.map { ShowRender.text(data, RecordRef(kind: kind, index: $0), asOf: asOf, lang: ctx.lang, style: ctx.style,
                                                      baselines: baselines) }.joined(separator: "\n"))
        return Exit.ok
    }

    /// Starts reading git for the deadlines at the start of this year (a moved deadline is
    /// shown beside its original), when the data folder is in a repository and the kind
    /// has deadlines: before the data is loaded, so that git runs meanwhile.
    static func beginBaselines(_ kind: Kind, _ ctx: Context) -> GitHistory.Reading? {
        guard kind == .goal || kind == .activity || kind == .finding, !ctx.isRollup,
              let folder = try? ctx.dataFolder() else { return nil }
        return Baselines.begin(folder: folder.path)
    }

    static func add(_ kind: Kind, _ label: String, _ o: ParsedOptions, _ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        var fields: [(String, String)] = []
        for spec in kind.fields {
            for v in o.all("--" + spec.name.replacingAll("_", with: "-")) { fields.append((spec.name, v)) }
        }
        while let pair = args.positional() { fields.append(try assignment(pair, kind).pair) }
        try args.finish(command: label)
        let missing = RecordRules.missing(kind, in: fields)
        if !missing.isEmpty {
            throw UsageError(sv: "\(label) saknar " + missing.map { "--\($0)" }.joined(separator: ", "),
                             en: "\(label) lacks " + missing.map { "--\($0)" }.joined(separator: ", "))
        }
        // A folder made before followups.rec existed gets the file on the first follow-up.
        return try Writer.perform(ctx, o, creating: kind == .followup ? .followup : nil) { data in
            let resolved = try fields.map { ($0.0, $0.0 == "owner" ? try ownerID($0.1, data) : $0.1) }
            return try RecordRules.add(data, kind, fields: resolved).0
        }
    }

    static func set(_ kind: Kind, _ label: String, _ o: ParsedOptions, _ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        guard let id = args.positional() else { try args.finish(command: label); throw needID(label, kind) }
        var changes: [(String, Change)] = []
        while let pair = args.positional() { changes.append(try assignment(pair, kind).change) }
        try args.finish(command: label)
        guard !changes.isEmpty else {
            throw UsageError(sv: "\(label) behöver minst ett fält=värde, t.ex. status=klar", en: "\(label) needs at least one field=value, e.g. status=klar")
        }
        // `note=a note=b`: which was meant is not for the tool to guess (a repeated option is
        // refused alike).
        var setKeys = Set<String>()
        for (key, change) in changes {
            guard case .set = change else { continue }
            if !setKeys.insert(key).inserted {
                throw UsageError(sv: "\(label): \(key)= står två gånger; ange fältet en gång (ett fält som upprepas tar fler värden med komma eller \(key)+=…)",
                                 en: "\(label): \(key)= is given twice; give the field once (a field that repeats takes several values with commas or \(key)+=…)")
            }
        }
        let asOf = try ctx.asOf()
        return try Writer.perform(ctx, o, record: (kind, id)) { data in
            let resolved = try changes.map { key, change -> Change in
                if key == "owner", case .set(let k, let v) = change { return .set(k, try ownerID(v, data)) }
                return change
            }
            return try RecordRules.set(data, kind, id: id, resolved, asOf: asOf)
        }
    }

    static func done(_ kind: Kind, _ label: String, _ o: ParsedOptions, _ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        guard let id = args.positional() else { try args.finish(command: label); throw needID(label, kind) }
        try args.finish(command: label)
        let date: Day
        if let t = o.value("--date") {
            guard let d = Day(t) else { throw UsageError(sv: "--date tar ÅÅÅÅ-MM-DD, inte '\(t)'", en: "--date takes YYYY-MM-DD, not '\(t)'") }
            date = d
        } else {
            date = try ctx.asOf()
        }
        let evidence = o.value("--evidence")
        var outcome: Occurrence.Outcome?
        if let t = o.value("--outcome") {
            guard let parsed = Occurrence.Outcome(parsing: t) else {
                throw UsageError(sv: "--outcome tar 'utan anmärkning' eller avvikelse, inte '\(t)'",
                                 en: "--outcome takes 'utan anmärkning' or avvikelse, not '\(t)'")
            }
            outcome = parsed
        }
        return try Writer.perform(ctx, o, record: (kind, id)) { data in try RecordRules.done(data, kind, id: id, date: date, evidence: evidence, outcome: outcome) }
    }

    static func postpone(_ kind: Kind, _ label: String, _ o: ParsedOptions, _ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        guard let id = args.positional() else { try args.finish(command: label); throw needID(label, kind) }
        try args.finish(command: label)
        guard let to = o.value("--to") else {
            throw UsageError(sv: "\(label) behöver --to med en tidpunkt, t.ex. --to 2025-03 eller --to 'våren 2025'",
                             en: "\(label) needs --to with a deadline, e.g. --to 2025-03 or --to 'spring 2025'")
        }
        guard let deadline = Deadline(phrase: to) else {
            throw UsageError(sv: "--to kan inte läsas som en tidpunkt; skriv t.ex. --to 2025-03, --to 2025-Q2 eller --to 'våren 2025'",
                             en: "--to cannot be read as a deadline; write e.g. --to 2025-03, --to 2025-Q2 or --to 'spring 2025'")
        }
        guard let reason = o.value("--reason"), !RecordRules.isBlank(reason) else {
            throw UsageError(sv: "\(label) behöver --reason: skälet till att tidplanen flyttas", en: "\(label) needs --reason: why the schedule moves")
        }
        let asOf = try ctx.asOf()
        return try Writer.perform(ctx, o, record: (kind, id)) { data in
            try RecordRules.postpone(data, kind, id: id, to: deadline, phrase: to, reason: reason, asOf: asOf)
        }
    }

    static func remove(_ kind: Kind, _ label: String, _ o: ParsedOptions, _ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        guard let id = args.positional() else { try args.finish(command: label); throw needID(label, kind) }
        try args.finish(command: label)
        let asOf = try ctx.asOf()
        return try Writer.perform(ctx, o, record: (kind, id)) { data in try RecordRules.remove(data, kind, id: id, asOf: asOf) }
    }

    /// `field=value`, `field+=value` or `field-=value`.
    static func assignment(_ text: String, _ kind: Kind) throws -> (pair: (String, String), change: (String, Change)) {
        // The first `=` as a scalar: a value that starts with a combining mark joins the `=`
        // into one character, which a search by characters would not find.
        guard let eq = text.unicodeScalars.firstIndex(of: "=") else {
            throw UsageError(sv: "'\(text)' är inte fält=värde", en: "'\(text)' is not field=value")
        }
        var key = String(text.unicodeScalars[..<eq])
        let value = String(text.unicodeScalars[text.unicodeScalars.index(after: eq)...])
        var op: Character = "="
        if let last = key.last, last == "+" || last == "-" { op = last; key.removeLast() }
        guard kind.spec(key) != nil else {
            let hint = Suggest.closest(to: key, in: kind.fieldOrder)
            throw UsageError(sv: "\(kind.word(.sv)) har inget fält '\(key)'" + (hint.map { " (menade du '\($0)'?)" } ?? "") + "; fälten är " + kind.fieldOrder.joined(separator: ", "),
                             en: "\(kind.word(.en)) has no field '\(key)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; the fields are " + kind.fieldOrder.joined(separator: ", "))
        }
        let change: Change = op == "+" ? .add(key, value) : op == "-" ? .remove(key, value) : .set(key, value)
        return ((key, value), (key, change))
    }

    static func ownerID(_ query: String, _ data: DataSet) throws -> String {
        let found = data.findOwners(query)
        if found.count == 1 { return found[0].id }
        if found.isEmpty { return query }  // the gate reports the unknown owner with file:line
        throw EditError(sv: "'\(query)' matchar flera ansvariga: " + found.map(\.id).joined(separator: ", ") + "; ange ett id",
                        en: "'\(query)' matches several owners: " + found.map(\.id).joined(separator: ", ") + "; give an id")
    }

    static func needID(_ label: String, _ kind: Kind) -> UsageError {
        let id = RecordSpec.exampleID(kind)
        return UsageError(sv: "\(label) behöver ett id, t.ex. '\(label) \(id)'", en: "\(label) needs an id, e.g. '\(label) \(id)'")
    }
}
