/// Turns tables read from plan files into new records for a data folder: finds the header
/// row, places the columns, reads the values, links or creates goals and owners, and
/// skips what the folder already holds. It only plans; `ImportEdit` makes the files.
public struct Importer {
    public struct Options: Sendable {
        /// The kind to import; nil guesses from the header (risks, findings, else activities).
        public var kind: Kind?
        /// Column name → field, overriding the recognised names; field "-" leaves the column out.
        public var map: [String: String] = [:]
        public init(kind: Kind? = nil, map: [String: String] = [:]) { self.kind = kind; self.map = map }
    }

    /// A record to add, with the comment lines that say what the import filled in.
    public struct NewRecord: Sendable {
        public let kind: Kind
        public var fields: [(String, String)]
        public var comments: [String]
        /// The row it comes from, as messages name it: `plan.xlsx:3`.
        public var source: String = ""
        /// The table it comes from, when its file has several (a Word document's, each
        /// numbering its own rows): `tabell 2`; an error at the row names it.
        public var table: Message? = nil
        /// Field → the header of the column its value comes from, where one column gives it.
        public var columns: [String: String] = [:]
        /// A part of a value made of several columns' text (note, reason): its UTF-8 bytes
        /// in the value and the column it comes from (nil for the import's own words).
        public struct Part: Sendable, Equatable {
            public let range: Range<Int>
            public let column: String?
        }
        /// Field → its parts, for a value made of several columns' text.
        public var parts: [String: [Part]] = [:]
        /// Comment (by index) → the column whose text it quotes.
        public var commentColumns: [Int: String] = [:]
        public var id: String { fields.first { $0.0 == "id" }?.1 ?? "" }
    }

    public let data: DataSet
    public let asOf: Day
    public let options: Options
    public private(set) var records: [NewRecord] = []
    /// What the user should know: rows left out, values kept as text, columns not placed.
    public private(set) var notices: [Message] = []
    /// Rows that were already in the folder: each record there answers for one row of the
    /// same kind, goal (parent, audit) and title, one with the same deadline first. Rows of
    /// the import itself are never merged.
    public private(set) var duplicates = 0
    /// The kinds of the rows that were in the folder already, for the rule that said so.
    private(set) var duplicateKinds: Set<Kind> = []
    /// Tables read, and rows that gave a record.
    public private(set) var rowsSeen = 0
    /// Rows left out for want of a required value, or for a value that cannot be written.
    public private(set) var leftOut = 0
    /// Tables not taken in because what their columns are is not clear (a title column of
    /// numbers only, a table that could be goals or activities): the import is not saved.
    public private(set) var refused = 0
    /// Rows with values but no title, passed over (a heading or a note between the rows).
    public private(set) var untitled = 0
    /// How many rows without a title are named one by one.
    static let untitledNamed = 20

    // Lookups over the folder and what this import adds.
    private var ownerByName: [String: String] = [:]
    /// Owner cells read already: a plan names the same few units on every row.
    private var ownerCells: [String: ([String], [String])] = [:]
    /// The owner cells of the tables read so far, folded: a name that stands alone in a
    /// cell is a known owner, so "IFO och HR" splits where "IFO" and "HR" each stand alone.
    private var ownerCellNames: Set<String> = []
    private var ownerIDs: Set<String> = []
    private var goalByTitle: [String: String] = [:]
    private var goalIDs: Set<String> = []
    /// The folder's records by kind, scope and title, with their ids and deadlines (a
    /// follow-up's period, `ImportColumns.whenField`).
    private var existing: [String: [(id: String, due: String)]] = [:]
    /// Records of the folder that a row of this import is already (so answer for no other row).
    private var claimed: Set<String> = []
    /// The deadlines that rows of the table being read have, by key: a record with one of
    /// them is left for that row, whatever the rows' order.
    private var wanted: [String: Set<String>] = [:]
    /// Rows added, by key and deadline: a second row like one of them is said.
    private var added: [String: Message] = [:]
    private var usedIDs: [Kind: Set<String>] = [:]
    /// The highest number given so far, by kind and letters.
    private var highest: [String: Int] = [:]

    public init(data: DataSet, asOf: Day, options: Options = Options()) {
        self.data = data
        self.asOf = asOf
        self.options = options
        for o in data.owners {
            ownerIDs.insert(o.id)
            ownerByName[ImportColumns.fold(o.name)] = ownerByName[ImportColumns.fold(o.name)] ?? o.id
        }
        for g in data.goals {
            goalIDs.insert(g.id)
            goalByTitle[ImportColumns.fold(g.title)] = goalByTitle[ImportColumns.fold(g.title)] ?? g.id
            existing[Importer.key(.goal, g.parent ?? "", g.title), default: []].append((g.id, data.record(g.ref).value(.due) ?? ""))
        }
        for a in data.activities { existing[Importer.key(.activity, a.goal, a.title), default: []].append((a.id, data.record(a.ref).value(.due) ?? "")) }
        for r in data.risks { existing[Importer.key(.risk, "", r.title), default: []].append((r.id, "")) }
        for f in data.findings {
            let r = data.record(f.ref)
            existing[Importer.key(.finding, r.value(.audit) ?? "", r.value(.recommendation) ?? ""), default: []].append((f.id, r.value(.due) ?? ""))
        }
        for f in data.followups { existing[Importer.key(.followup, "", f.record), default: []].append((f.id, data.record(f.ref).value(.period) ?? "")) }
        for kind in Kind.allCases {
            let ids = Set(data.ids[kind]?.keys ?? [])
            usedIDs[kind] = ids
        }
    }

    static func key(_ kind: Kind, _ scope: String, _ title: String) -> String {
        kind.rawValue + "\u{1F}" + scope + "\u{1F}" + ImportColumns.fold(title)
    }

    // MARK: Tables

    /// The header row of `table` for `kind`: the first of its first 30 rows with the
    /// title column and at least one more recognised column.
    static func header(_ table: SourceTable, kind: Kind?, map: [String: String]) -> (row: Int, kind: Kind)? {
        for (i, row) in table.rows.prefix(30).enumerated() {
            let names = row.map(\.text)
            let k = kind ?? ImportColumns.guessKind(names)
            let fields = names.compactMap { mapped($0, kind: k, map: map) }
            if fields.contains(ImportColumns.titleField(k)), Set(fields).count >= 2 { return (i, k) }
        }
        return nil
    }

    static func mapped(_ header: String, kind: Kind, map: [String: String]) -> String? {
        let f = ImportColumns.fold(header)
        if let m = map.first(where: { ImportColumns.fold($0.key) == f }) { return m.value == "-" ? nil : m.value }
        return ImportColumns.field(header, kind: kind)?.field
    }

    /// What to do when a table has no header row, after the place that names it.
    private func noHeaderAdvice(_ lang: Lang, kind: Kind? = nil) -> String {
        let want = ImportColumns.usual[kind ?? options.kind ?? .activity] ?? ""
        if (kind ?? options.kind) == .owner {
            return lang == .sv ? "en tabell med ansvariga behöver en kolumn för namnet (Namn) och en till. Vanliga kolumner: \(want)"
                : "a table of owners needs a name column (Namn/Name) and one more. Usual columns: \(want)"
        }
        return lang == .sv
            ? "tabellen behöver minst en kolumn för titeln (t.ex. Aktivitet) och en till (t.ex. Ansvarig, Klart senast, Status). Byt namn på kolumnerna eller ange --map 'Kolumn=fält'. Vanliga kolumner: \(want)"
            : "the table needs a title column (e.g. Aktivitet/Activity) and one more (e.g. Ansvarig, Klart senast, Status). Rename the columns or give --map 'Column=field'. Usual columns: \(want)"
    }

    /// The table as a message names it: its place and its first cells, `plan.docx, tabell 3
    /// ('Version', 'Datum', 'Ändring')`, so that a reader finds it among the file's tables.
    static func named(_ table: SourceTable) -> Message {
        let first = (table.rows.first { !$0.allSatisfy(\.isBlank) } ?? []).filter { !$0.isBlank }
        let cells = first.prefix(3).map { "'\(Importer.shown($0.text))'" } + (first.count > 3 ? ["…"] : [])
        let tail = cells.isEmpty ? "" : " (" + cells.joined(separator: ", ") + ")"
        return Message(sv: table.place.sv + tail, en: table.place.en + tail)
    }

    /// Adds the tables of one file. A file of several tables (a Word document) may hold
    /// tables that are layout, not data: a table without a header row is passed over and
    /// named in a notice, as long as another table of the file is read; every other problem
    /// of a table is the file's, so no table is ever dropped silently.
    public mutating func add(tables: [SourceTable], file: String) throws {
        guard !tables.isEmpty else { throw OfficeError(sv: "\(file) innehåller ingen tabell", en: "\(file) holds no table") }
        if tables.count == 1 { return try add(tables[0], file: file) }
        var passed: [SourceTable] = []
        var read = 0
        // Sheets named after kinds in the order of `Kind`, in which records name those before
        // them, wherever they are in the workbook: owners (every record names them), goals
        // (activities name them), activities (risks name them), then the rest; in the file's
        // order within a kind, and a table of no named kind after them (a Word document's).
        let rank = { (t: SourceTable) in t.kind.flatMap { Kind.allCases.firstIndex(of: $0) } ?? Kind.allCases.count }
        for t in tables.enumerated().sorted(by: { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }).map(\.element) {
            if Importer.header(t, kind: options.kind ?? t.kind, map: options.map) == nil {
                for n in t.notices where !notices.contains(where: { $0.sv == n.sv }) { notices.append(n) }
                passed.append(t)
                continue
            }
            try add(t, file: file, oneOfSeveral: true)
            read += 1
        }
        guard read > 0 else {
            throw OfficeError(sv: "\(file): ingen av de \(tables.count) tabellerna har en känd rubrikrad bland de första 30 raderna; " + noHeaderAdvice(.sv),
                              en: "\(file): none of the \(tables.count) tables has a known header row in the first 30 rows; " + noHeaderAdvice(.en))
        }
        for t in passed {
            let name = Importer.named(t)
            notices.append(Message(sv: "\(name.sv): ingen rubrikrad med kända kolumnnamn; tabellen lästes inte (en tabell för layout?). Hör den till planen, byt namn på kolumnerna eller ange --map 'Kolumn=fält'",
                                   en: "\(name.en): no header row with known column names; the table was not read (a layout table?). If it is part of the plan, rename the columns or give --map 'Column=field'"))
        }
        resolveOwnerParents()
    }

    /// Adds the records of one table. Throws when no header row is recognised.
    public mutating func add(_ table: SourceTable, file: String) throws {
        try add(table, file: file, oneOfSeveral: false)
        resolveOwnerParents()
    }

    /// `add(_:file:)` of one of a file's tables; `oneOfSeveral`: the file has more tables
    /// (a Word document), so a row is named by its table as well (`rowPlace`).
    private mutating func add(_ table: SourceTable, file: String, oneOfSeveral: Bool) throws {
        // What the reader found (a hidden sheet passed over, formulas without a value) is said
        // whether or not the table is recognised.
        for n in table.notices where !notices.contains(where: { $0.sv == n.sv }) { notices.append(n) }
        // The kind given (--kind), else the one the source names (a sheet named Risker).
        let given = options.kind ?? table.kind
        guard let found = Importer.header(table, kind: given, map: options.map) else {
            // The plan may be on another sheet (the first one holds instructions): name them.
            let others = table.otherSheets.map { "'\($0)'" }.joined(separator: ", ")
            let sheets = others.isEmpty ? (sv: "", en: "")
                : (sv: ". Arbetsboken har också \(table.otherSheets.count == 1 ? "bladet" : "bladen") \(others); ange --sheet NAMN för planens blad",
                   en: ". The workbook also has the \(table.otherSheets.count == 1 ? "sheet" : "sheets") \(others); give --sheet NAME for the plan's sheet")
            throw OfficeError(sv: "\(table.place.sv): hittar ingen rubrikrad med kända kolumnnamn bland de första 30 raderna; " + noHeaderAdvice(.sv, kind: given) + sheets.sv,
                              en: "\(table.place.en): no header row with known column names in the first 30 rows; " + noHeaderAdvice(.en, kind: given) + sheets.en)
        }
        var headerRow = found.row
        let guessed = found.kind
        var headers = table.rows[headerRow].map { ImportValues.clean($0.text).replacingAll("\n", with: " ") }
        // A header of two rows ("Tidplan" merged over "Start | Klart"): a row under the header
        // whose cells are column names, two or more, is the header's second row, not a record.
        // Where it names a field its name is the column's; the data starts below it.
        if headerRow + 1 < table.rows.count {
            let second = table.rows[headerRow + 1].map { ImportValues.clean($0.text).replacingAll("\n", with: " ") }
            let filled = second.filter { !$0.isEmpty }
            let named = filled.filter { ImportColumns.field($0, kind: guessed) != nil || ImportColumns.field($0, kind: .activity) != nil }
            if named.count >= 2, named.count == filled.count {
                for (i, name) in second.enumerated() where !name.isEmpty {
                    if i < headers.count { headers[i] = name } else { headers.append(name) }
                }
                headerRow += 1
                notices.append(Message(sv: "\(table.place.sv): rubriken har två rader; raden under den (\(filled.map { "'\(Importer.shown($0))'" }.joined(separator: ", "))) läses som kolumnnamn, inte som en post",
                                       en: "\(table.place.en): the header has two rows; the row under it (\(filled.map { "'\(Importer.shown($0))'" }.joined(separator: ", "))) is read as column names, not as a record"))
            }
        }
        var kind = guessed
        var (column, unplaced, workedOut) = Importer.place(headers, kind: kind, map: options.map)
        // Without --kind, a table that is a goal table by its columns is read as goals, and
        // said; one that could be goals or activities is not read until --kind says which.
        if given == nil, kind == .activity, let goalBy = Importer.goalSignals(headers, column, rows: table.rows.dropFirst(headerRow + 1)) {
            let name = Importer.named(table)
            let activityBy = Importer.activitySignals(headers, column)
            let goalList = goalBy.map { "'\($0)'" }.joined(separator: ", ")
            if !activityBy.isEmpty {
                let actList = activityBy.map { "'\($0)'" }.joined(separator: ", ")
                refused += 1
                notices.append(Message(sv: "\(name.sv): tabellen kan vara mål (\(goalBy.count == 1 ? "kolumnen" : "kolumnerna") \(goalList)) eller aktiviteter (\(activityBy.count == 1 ? "kolumnen" : "kolumnerna") \(actList)) och togs inte med; ange vilket med --kind goals eller --kind activities",
                                       en: "\(name.en): the table could be goals (the \(goalBy.count == 1 ? "column" : "columns") \(goalList)) or activities (the \(activityBy.count == 1 ? "column" : "columns") \(actList)) and was not taken in; say which with --kind goals or --kind activities"))
                return
            }
            kind = .goal
            (column, unplaced, workedOut) = Importer.place(headers, kind: kind, map: options.map)
            notices.append(Message(sv: "\(name.sv): läses som mål, inte aktiviteter, efter \(goalBy.count == 1 ? "kolumnen" : "kolumnerna") \(goalList) (ingen kolumn är aktiviteternas); --kind activities läser den som aktiviteter",
                                   en: "\(name.en): read as goals, not activities, by the \(goalBy.count == 1 ? "column" : "columns") \(goalList) (no column is one of activities); --kind activities reads it as activities"))
        }
        var headingGoal: String?
        if kind == .goal { Importer.placeGoalColumns(headers, &column, &unplaced, map: options.map) }
        // --map as given: a column it names that the table lacks is said; a field the kind
        // read has not is an error, as it is with --kind (never a mapping dropped unseen).
        let foldedHeaders = Set(headers.map(ImportColumns.fold))
        for (from, field) in options.map.sorted(by: { $0.key < $1.key }) {
            if !foldedHeaders.contains(ImportColumns.fold(from)) {
                let hint = Suggest.closest(to: from, in: headers.filter { !$0.isEmpty })
                notices.append(Message(sv: "\(table.place.sv): --map '\(Importer.shown(from))=\(field)': tabellen har ingen kolumn '\(Importer.shown(from))'" + (hint.map { " (menade du '\(Importer.shown($0))'?)" } ?? ""),
                                       en: "\(table.place.en): --map '\(Importer.shown(from))=\(field)': the table has no column '\(Importer.shown(from))'" + (hint.map { " (did you mean '\(Importer.shown($0))'?)" } ?? "")))
            } else if field != "-", field != "owner_id", kind.spec(field) == nil {
                throw OfficeError(sv: "\(table.place.sv): --map '\(Importer.shown(from))=\(field)': tabellen läses som \(kind.word(.sv, plural: true)), som inte har fältet '\(field)'; ange --kind för tabellens slag eller ett av fälten " + kind.fieldOrder.joined(separator: ", "),
                                  en: "\(table.place.en): --map '\(Importer.shown(from))=\(field)': the table is read as \(kind.word(.en, plural: true)), which have no field '\(field)'; give --kind for the table's kind or one of the fields " + kind.fieldOrder.joined(separator: ", "))
            }
        }
        // A title column of numbers only (a Mål column of 2.2, 3.3 beside a description the
        // import does not know) holds no titles: the table is refused, with the --map that
        // names the title column.
        let titleField = ImportColumns.titleField(kind)
        if let t = column[titleField] {
            let values = table.rows.dropFirst(headerRow + 1).compactMap { t.index < $0.count && !$0[t.index].isBlank ? ImportValues.clean($0[t.index].text) : nil }
            if !values.isEmpty, values.allSatisfy(Importer.isBareNumber) {
                var seen: [String] = []
                for v in values where !seen.contains(v) && seen.count < 3 { seen.append(v) }
                let example = unplaced.first.map { "'\($0)=\(titleField)'" } ?? "'KOLUMN=\(titleField)'"
                let exampleEN = unplaced.first.map { "'\($0)=\(titleField)'" } ?? "'COLUMN=\(titleField)'"
                let shown = seen.map { "'\($0)'" }.joined(separator: ", ")
                refused += 1
                notices.append(Message(sv: "\(table.place.sv): kolumnen '\(headers[t.index])' läses som \(titleField) men har bara nummer (\(shown)), inga titlar; tabellen togs inte med. Ange kolumnen med titlarna: --map \(example)",
                                       en: "\(table.place.en): the column '\(headers[t.index])' is read as \(titleField) but holds numbers only (\(shown)), no titles; the table was not taken in. Name the column of the titles: --map \(exampleEN)"))
                return
            }
        }
        if kind == .activity, column["goal"] == nil {
            // A Word plan with one table per goal, the goal in the heading above the table
            // (seed 004: "Målområde 1: Kompetenshöjande insatser").
            guard let h = table.heading else {
                throw OfficeError(sv: "\(table.place.sv): tabellen har ingen kolumn för målet (Mål eller Delmål); varje aktivitet hör till ett mål. Lägg till kolumnen eller ange --map 'Kolumn=goal'",
                                  en: "\(table.place.en): the table has no goal column (Mål or Delmål); every activity belongs to a goal. Add the column or give --map 'Column=goal'")
            }
            headingGoal = h
            notices.append(Message(sv: "\(table.place.sv): tabellen har ingen kolumn för målet; raderna hör till målet i rubriken ovanför tabellen, '\(Importer.shown(h))'",
                                   en: "\(table.place.en): the table has no goal column; its rows belong to the goal in the heading above it, '\(Importer.shown(h))'"))
        }
        // Mål beside Delmål in an activity table: the activity's goal is the Delmål, and a
        // Delmål the import makes is a sub-goal of the Mål (found or made), not a goal of its own.
        if kind == .activity, let g = column["goal"], ["delmal", "sub goal", "subgoal"].contains(ImportColumns.fold(headers[g.index])),
           let m = unplaced.firstIndex(where: { ["mal", "malomrade", "goal"].contains(ImportColumns.fold($0)) }),
           let i = headers.firstIndex(of: unplaced[m]) {
            column["goal_parent"] = (i, 0)
            unplaced.remove(at: m)
        }
        // No deadline column, but one left unplaced holds deadlines: every record would get
        // `due: ?` "as the source has none", which is not so. Refused, with the --map to give.
        if column["due"] == nil, kind.spec("due") != nil {
            for name in unplaced {
                guard let i = headers.firstIndex(of: name) else { continue }
                let cells = table.rows.dropFirst(headerRow + 1).compactMap { i < $0.count && !$0[i].isBlank ? $0[i] : nil }
                let dated = cells.filter { ImportValues.deadline($0).map { !$0.hasNoDays } == true }.count
                guard !cells.isEmpty, dated * 2 >= cells.count else { continue }
                throw OfficeError(sv: "\(table.place.sv): tabellen har ingen känd kolumn för slutdatum, men kolumnen '\(Importer.shown(name))' håller tidpunkter (\(dated) av \(cells.count) ifyllda celler); ange --map '\(Importer.shown(name))=due' så läses den som slutdatum",
                                  en: "\(table.place.en): the table has no known deadline column, but the column '\(Importer.shown(name))' holds deadlines (\(dated) of \(cells.count) filled cells); give --map '\(Importer.shown(name))=due' to read it as the deadline")
            }
        }
        if !unplaced.isEmpty {
            // A few by name, then how many more: a sheet of thousands of columns is one line.
            let shown = unplaced.prefix(8).map { name in
                let head = SafeText.head(name, 60)
                return "'" + head + (head.endIndex < name.endIndex ? "…" : "") + "'"
            }.joined(separator: ", ")
            let more = unplaced.count - min(unplaced.count, 8)
            let list = (sv: shown + (more > 0 ? " och \(more) till" : ""), en: shown + (more > 0 ? " and \(more) more" : ""))
            notices.append(Message(sv: "\(table.place.sv): kolumnerna \(list.sv) placerades inte och togs inte med; ange --map 'Kolumn=fält' för att ta med dem",
                                   en: "\(table.place.en): the columns \(list.en) were not placed and were left out; give --map 'Column=field' to bring them in"))
        }
        if !workedOut.isEmpty {
            let list = workedOut.map { "'\($0)'" }.joined(separator: ", ")
            notices.append(Message(sv: "\(table.place.sv): \(workedOut.count == 1 ? "kolumnen" : "kolumnerna") \(list) räknas fram av sakerhet (som i export) och lästes inte",
                                   en: "\(table.place.en): the \(workedOut.count == 1 ? "column" : "columns") \(list) \(workedOut.count == 1 ? "is" : "are") worked out by sakerhet (as in export) and \(workedOut.count == 1 ? "was" : "were") not read"))
        }
        if let c = column["owner"] {
            for row in table.rows.dropFirst(headerRow + 1) where c.index < row.count && !row[c.index].isBlank {
                let names = ImportValues.ownerNames(row[c.index].text)
                if names.count == 1 { ownerCellNames.insert(ImportColumns.fold(names[0])) }
            }
        }
        let columnNames = column.mapValues { headers[$0.index] }
        // The header's rows as the table has them (two for a header of two rows), folded: a
        // row that is one of them again is the header repeated.
        let headerRows = (found.row...headerRow).map { table.rows[$0].map { ImportColumns.fold(ImportValues.clean($0.text)) } }
        let titleIndex = column[titleField]?.index
        let fieldAt = Dictionary(column.map { ($0.value.index, $0.key) }, uniquingKeysWith: { a, _ in a })
        var rowCells: [(Int, [String: TableCell])] = []
        // Cells in a column without a heading: not read, and said (never dropped unseen),
        // but for a column of row numbers ("1.", "2", "3)"), which a Word plan often has.
        var unheaded: [Int: (count: Int, first: Int, numbersOnly: Bool)] = [:]
        for r in (headerRow + 1)..<max(headerRow + 1, table.rows.count) {
            let row = table.rows[r]
            if row.allSatisfy(\.isBlank) { continue }
            let at = Importer.rowPlace(table, r, file: file, oneOfSeveral: oneOfSeveral)
            // The header again (a plan with a section per year or unit, or pasted page by
            // page): never a record. The same columns are passed over; other columns would
            // read the rows below wrongly, so the table is refused at that row.
            let texts = row.map { ImportValues.clean($0.text).replacingAll("\n", with: " ") }
            let folded = texts.map(ImportColumns.fold)
            let filled = folded.indices.filter { !folded[$0].isEmpty }
            // The table's own header row (or its second row) again, cell for cell, the title
            // column's among them.
            if filled.count >= 2, let t = titleIndex, filled.contains(t),
               headerRows.contains(where: { h in filled.allSatisfy { $0 < h.count && h[$0] == folded[$0] } }) {
                notices.append(Importer.headerAgain(at))
                continue
            }
            // A header by its names as they stand (no words after them, no value), the title
            // among them: passed over when it names the same fields in the same places
            // ("Slutdatum" for "Klart senast"); other columns refuse the table at that row.
            if let fields = Importer.headerFields(texts, kind: kind, map: options.map) {
                if fields.allSatisfy({ fieldAt[$0.key] == $0.value }) {
                    notices.append(Importer.headerAgain(at))
                    continue
                }
                throw OfficeError(sv: "\(at.sv): raden är en ny rubrikrad med andra kolumner än tabellens första (rad \(table.numbers[found.row])); raderna under den kan inte läsas med de kolumnerna. Lägg varje tabell på ett eget blad, eller kolumnerna i samma ordning, och importera igen",
                                  en: "\(at.en): the row is a new header row with other columns than the table's first (row \(table.numbers[found.row])); the rows below it cannot be read by those columns. Put each table on a sheet of its own, or the columns in the same order, and import again")
            }
            // A row of sums ("Summa aktiviteter" beside a count): no record.
            if kind != .risk, Importer.isTotalRow(row) {
                notices.append(Message(sv: "\(at.sv): raden ('\(Importer.shown(texts.first { !$0.isEmpty } ?? ""))') är en summarad och lästes inte som en post",
                                       en: "\(at.en): the row ('\(Importer.shown(texts.first { !$0.isEmpty } ?? ""))') is a row of sums and was not read as a record"))
                continue
            }
            for (i, cell) in row.enumerated() where (i >= headers.count || headers[i].isEmpty) && !cell.isBlank {
                let number = Importer.isRowNumber(cell)
                if let seen = unheaded[i] { unheaded[i] = (seen.count + 1, seen.first, seen.numbersOnly && number) } else { unheaded[i] = (1, table.numbers[r], number) }
            }
            var cells: [String: TableCell] = [:]
            for (field, c) in column.sorted(by: { $0.value.index < $1.value.index }) where c.index < row.count && !row[c.index].isBlank {
                cells[field] = row[c.index]
                if case .text(let t) = row[c.index] {
                    // Longer than a cell of Excel holds (a file made to be large): refused,
                    // before a record of megabytes is made of it.
                    if t.utf8.count > Importer.cellLimit, t.utf16.count > Importer.cellLimit {
                        throw OfficeError(sv: "\(at.sv): kolumnen \(Importer.shown(headers[c.index])): cellen har \(t.utf16.count) tecken, fler än en cell i Excel rymmer (\(Importer.cellLimit)); korta texten och importera igen",
                                          en: "\(at.en): column \(Importer.shown(headers[c.index])): the cell has \(t.utf16.count) characters, more than a cell of Excel holds (\(Importer.cellLimit)); shorten the text and import again")
                    }
                    // Text that a spreadsheet would run as a formula: read as text, and said
                    // (`export` writes it as text, and the CSV list with an apostrophe).
                    if Importer.looksLikeFormula(t) {
                        let m = Importer.inColumn(headers[c.index], Message(sv: "cellen börjar som en formel ('\(Importer.shown(t))') och lästes som text",
                                                                            en: "the cell starts as a formula does ('\(Importer.shown(t))') and was read as text"))
                        notices.append(Message(sv: "\(at.sv): " + m.sv, en: "\(at.en): " + m.en))
                    }
                }
                // A control character the record format cannot hold becomes a space (clean):
                // said, naming the cell, never printed.
                if case .text(let t) = row[c.index], let codes = Importer.controlCharacters(t) {
                    let m = Importer.inColumn(headers[c.index], Message(sv: "\(codes.count == 1 ? "styrtecknet" : "styrtecknen") \(codes.joined(separator: ", ")) kan inte stå i en post och \(codes.count == 1 ? "blev ett mellanslag" : "blev mellanslag")",
                                                                        en: "the control \(codes.count == 1 ? "character" : "characters") \(codes.joined(separator: ", ")) cannot stand in a record and became \(codes.count == 1 ? "a space" : "spaces")"))
                    let at = Importer.rowPlace(table, r, file: file, oneOfSeveral: oneOfSeveral)
                    notices.append(Message(sv: "\(at.sv): " + m.sv, en: "\(at.en): " + m.en))
                }
            }
            if let headingGoal { cells["goal"] = .text(headingGoal) }
            rowCells.append((r, cells))
        }
        for (i, seen) in unheaded.sorted(by: { $0.key < $1.key }) where !seen.numbersOnly {
            let name = table.lettered ? "\(i + 1) (\(XLSXWriter.columnName(i)))" : "\(i + 1)"
            notices.append(Message(sv: "\(table.place.sv): kolumn \(name) har ingen rubrik men text på \(seen.count) \(seen.count == 1 ? "rad" : "rader") (den första rad \(seen.first)) och togs inte med; ge den en rubrik (t.ex. Kommentar) och importera igen",
                                   en: "\(table.place.en): column \(name) has no heading but text on \(seen.count) \(seen.count == 1 ? "row" : "rows") (the first row \(seen.first)) and was left out; give it a heading (e.g. Kommentar) and import again"))
        }
        wanted = [:]
        for (_, cells) in rowCells { if let (key, due) = rowKey(cells, kind: kind) { wanted[key, default: []].insert(due) } }
        for (r, cells) in rowCells {
            try addRow(cells, kind: kind, at: Importer.rowPlace(table, r, file: file, oneOfSeveral: oneOfSeveral),
                       source: "\(file):\(table.numbers[r])", table: oneOfSeveral ? Importer.within(table) : nil,
                       file: file, columns: columnNames)
        }
    }

    /// The most characters (UTF-16 units, as Excel counts) a cell may hold: Excel's limit.
    static let cellLimit = 32_767

    /// The fields of a row that is a header row (each filled cell a column name as it stands,
    /// not a known name with words after it: "Åtgärder efter revisionen" is a title; the
    /// title column and one more among them), by the cell's index; nil for any other row.
    static func headerFields(_ texts: [String], kind: Kind, map: [String: String]) -> [Int: String]? {
        var fields: [Int: String] = [:]
        for (i, t) in texts.enumerated() where !t.isEmpty {
            let f = ImportColumns.fold(t)
            if let m = map.first(where: { ImportColumns.fold($0.key) == f }) {
                guard m.value != "-" else { return nil }
                fields[i] = m.value
                continue
            }
            // Rank under 50: the name itself; 100: `export`'s header (ImportColumns.field).
            guard let (field, rank) = ImportColumns.field(t, kind: kind), rank < 50 || rank == 100 else { return nil }
            fields[i] = field
        }
        guard Set(fields.values).contains(ImportColumns.titleField(kind)), Set(fields.values).count >= 2 else { return nil }
        return fields
    }

    /// What is said of the header row repeated at `at`.
    static func headerAgain(_ at: Message) -> Message {
        Message(sv: "\(at.sv): raden upprepar rubrikraden och lästes inte som en post", en: "\(at.en): the row repeats the header row and was not read as a record")
    }

    /// Where row `r` of `table` is, for a message: `plan.xlsx:12` (the file and the row a
    /// user sees), or for one of a Word document's several tables, whose rows are numbered
    /// in each, `plan.docx, tabell 2, rad 3` (`plan.docx:3` was one of several rows 3).
    static func rowPlace(_ table: SourceTable, _ r: Int, file: String, oneOfSeveral: Bool) -> Message {
        let row = table.numbers[r]
        guard oneOfSeveral else { return Message(sv: "\(file):\(row)", en: "\(file):\(row)") }
        return Message(sv: "\(table.place.sv), rad \(row)", en: "\(table.place.en), row \(row)")
    }

    /// Which of a file's tables `table` is, before an error at one of its rows: `tabell 2`
    /// (a Word document's), `blad Aktiviteter` (a workbook's).
    static func within(_ table: SourceTable) -> Message? {
        if let n = table.number { return Message(sv: "tabell \(n)", en: "table \(n)") }
        return table.sheet.map { Message(sv: "blad \($0)", en: "sheet \($0)") }
    }

    /// A row of sums: its first filled cell is Summa, Totalt, Total, Sum or Antal, alone or
    /// with one word ("Summa aktiviteter", "Totalt:"), and every other filled cell is a
    /// number (a count or a sum; in a CSV or a Word table, text that reads as one), one at
    /// least; with Summa or Total(t), also none (the sum a formula the file holds no value
    /// of). A title that says more ("Antal anmälningar ska minska", "Totalt avbrott i
    /// IT-driften") is a record. Never for risks, whose titles stand beside numbers.
    static func isTotalRow(_ row: [TableCell]) -> Bool {
        let filled = row.filter { !$0.isBlank }
        guard let head = filled.first, case .text(let t) = head else { return false }
        let words = ImportColumns.fold(t).split(separator: " ").map(String.init)
        guard let word = words.first, words.count <= 2, ["summa", "totalt", "total", "antal", "sum"].contains(word) else { return false }
        if filled.count == 1 { return word != "antal" }
        return filled.dropFirst().allSatisfy { cell in
            switch cell {
            case .number: return true
            case .day: return false
            case .text(let s): return Double(s.trimmingBlanks.replacingAll(",", with: ".").replacingAll(" ", with: "")) != nil
            }
        }
    }

    /// A row's number as a plan numbers its rows: `3`, `3.`, `3)`, `3.2`.
    static func isRowNumber(_ cell: TableCell) -> Bool {
        if case .number = cell { return true }
        let t = cell.text.trimmingBlanks
        return !t.isEmpty && t.utf8.count <= 8 && t.utf8.first.map { (0x30...0x39).contains($0) } == true
            && t.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ")") }
    }

    /// Text a spreadsheet would run as a formula: `=` first, or `+`, `-` or `@` first and
    /// a call or a reference in it (`+cmd|' /C calc'!A0`), not a number or a phrase.
    static func looksLikeFormula(_ t: String) -> Bool {
        guard let c = t.utf8.first else { return false }
        if c == UInt8(ascii: "=") { return t.utf8.count > 1 }
        guard c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: "@") else { return false }
        // A bullet ("- Genomförs (digitalt)", "+ extra övning") is text.
        if t.utf8.dropFirst().first == UInt8(ascii: " ") { return false }
        return t.contains("(") || t.contains("!") || t.contains("|")
    }

    /// The columns of a header row: each field from its best-ranked column (a column that
    /// --map places first of all), the columns no field takes, and those `export` works out.
    static func place(_ headers: [String], kind: Kind, map: [String: String]) -> (column: [String: (index: Int, rank: Int)], unplaced: [String], workedOut: [String]) {
        var column: [String: (index: Int, rank: Int)] = [:]
        var unplaced: [String] = []
        var workedOut: [String] = []
        for (i, h) in headers.enumerated() where !h.isEmpty {
            let f = ImportColumns.fold(h)
            var found: (field: String, rank: Int)?
            if let m = map.first(where: { ImportColumns.fold($0.key) == f }) {
                if m.value == "-" { continue }
                found = (m.value, -1)
            } else {
                found = ImportColumns.field(h, kind: kind)
            }
            guard let (field, rank) = found else {
                if ImportColumns.isWorkedOut(h, kind: kind) { workedOut.append(h) } else { unplaced.append(h) }
                continue
            }
            if let have = column[field] {
                if rank < have.rank { unplaced.append(headers[have.index]); column[field] = (i, rank) } else { unplaced.append(h) }
            } else {
                column[field] = (i, rank)
            }
        }
        return (column, unplaced, workedOut)
    }


    /// The Mål and Delmål columns of a goal table. Beside a title of its own (Beskrivning,
    /// Rubrik, Titel), a goal column next to a Nr or Id column is the parent and Nr the id
    /// (seed 000's Delmål | Nr | Beskrivning, the Word report's Mål | Nr | Beskrivning);
    /// without one it is the id (the Word report's Mål | Beskrivning), Mål the parent of
    /// Delmål when both are there. Without a title of its own, Delmål is the title and Mål
    /// its parent.
    static func placeGoalColumns(_ headers: [String], _ column: inout [String: (index: Int, rank: Int)], _ unplaced: inout [String], map: [String: String]) {
        guard column["parent"] == nil, let t = column["title"] else { return }
        let folded = headers.map(ImportColumns.fold)
        let mapped = Set(map.keys.map(ImportColumns.fold))
        func take(_ i: Int, as field: String) {
            column[field] = (i, 0)
            if let u = unplaced.firstIndex(of: headers[i]) { unplaced.remove(at: u) }
        }
        // A title of its own (Beskrivning, Rubrik, Titel) comes before a Mål or Delmål column.
        if ImportColumns.goalColumns.contains(folded[t.index]), t.rank >= 0,
           let own = folded.indices.first(where: { !ImportColumns.goalColumns.contains(folded[$0]) && !mapped.contains(folded[$0]) && ImportColumns.field(headers[$0], kind: .goal)?.field == "title" }) {
            unplaced.append(headers[t.index])
            take(own, as: "title")
        }
        guard let t = column["title"], !ImportColumns.goalColumns.contains(folded[t.index]) else {
            // Goals with both Delmål and Mål: the sub-goal is the record, the goal its parent.
            if folded[t.index] == "delmal", let i = folded.indices.first(where: { folded[$0] == "mal" && !mapped.contains(folded[$0]) }) { take(i, as: "parent") }
            return
        }
        let goals = folded.indices.filter { ImportColumns.goalColumns.contains(folded[$0]) && !mapped.contains(folded[$0]) && column["title"]?.index != $0 }
        guard !goals.isEmpty else { return }
        if column["id"] == nil, let nr = folded.indices.first(where: { ImportColumns.numberColumns.contains(folded[$0]) && !mapped.contains(folded[$0]) }) {
            take(nr, as: "id")
        }
        if column["id"] != nil {
            take(goals[0], as: "parent")
        } else if goals.count >= 2 {
            let sub = goals.first { folded[$0] == "delmal" || folded[$0] == "sub goal" || folded[$0] == "subgoal" } ?? goals[1]
            take(goals.first { $0 != sub }!, as: "parent")
            take(sub, as: "id")
        } else {
            take(goals[0], as: "id")
        }
    }


    /// The columns that make a table read as activities a goal table: columns only goals
    /// have (Anses klart när, Överordnat mål, Nivå, Indikator, Målvärde, as on `export`'s
    /// Mål sheet), or a Mål or Delmål column of ids, one a row (or beside a Nr column of its
    /// own numbers), next to a title column of its own (Beskrivning, Rubrik, Titel), as in the
    /// Word report's Mål | Beskrivning. Nil when there are none.
    static func goalSignals(_ headers: [String], _ column: [String: (index: Int, rank: Int)], rows: ArraySlice<[TableCell]>) -> [String]? {
        var out = headers.filter { h in
            !h.isEmpty && ["done_when", "parent", "level", "indicator", "target"].contains(ImportColumns.field(h, kind: .goal)?.field ?? "")
        }
        let folded = headers.map(ImportColumns.fold)
        if let g = column["goal"], ImportColumns.goalColumns.contains(folded[g.index]), let t = column["title"],
           !ImportColumns.isActivityTitle(headers[t.index]), !ImportColumns.goalColumns.contains(folded[t.index]) {
            func values(_ i: Int) -> [String] { rows.compactMap { i < $0.count && !$0[i].isBlank ? ImportValues.clean($0[i].text) : nil } }
            let ids = values(g.index)
            let nr = folded.indices.first { ImportColumns.numberColumns.contains(folded[$0]) || folded[$0] == "id" }
            let own = nr.map(values) ?? ids
            if !ids.isEmpty, ids.allSatisfy(isIDLike), Set(own).count == own.count, own.count == rows.filter({ !$0.allSatisfy(\.isBlank) }).count {
                out.append(headers[g.index])
            }
        }
        return out.isEmpty ? nil : out
    }

    /// The columns that only activities have: Aktivitet, Åtgärd, Uppgift, and the fields
    /// goals lack (Start, Underlag, Återkommande, …).
    static func activitySignals(_ headers: [String], _ column: [String: (index: Int, rank: Int)]) -> [String] {
        let goalFields = Set(Kind.goal.fields.map(\.name))
        return headers.indices.filter { i in
            if ImportColumns.isActivityTitle(headers[i]) { return true }
            guard let field = ImportColumns.field(headers[i], kind: .activity)?.field else { return false }
            return !goalFields.contains(field) && !["goal", "owner_id", "indicators"].contains(field)
        }.map { headers[$0] }
    }

    /// The control characters of a cell that `ImportValues.clean` turns into spaces
    /// (`ImportValues.becomesSpace`), as `U+0007`; nil when there are none.
    static func controlCharacters(_ s: String) -> [String]? {
        guard s.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return nil }
        var out: [String] = []
        for c in s.unicodeScalars where ImportValues.becomesSpace(c) {
            if !out.contains(c.codePoint) { out.append(c.codePoint) }
        }
        return out.isEmpty ? nil : out
    }

    /// A goal number as plans write it, without letters: `3.3`, `10`.
    static func isBareNumber(_ s: String) -> Bool {
        guard let f = s.first, let l = s.last, f.isASCII && f.isNumber, l.isASCII && l.isNumber else { return false }
        return s.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
    }

    /// A value that is an id, not a title: no blanks, a digit, letters only before it
    /// (`M3.3`, `D5`, `3.3`).
    static func isIDLike(_ s: String) -> Bool {
        let rest = s.drop { $0.isLetter }
        return s.count <= 16 && isBareNumber(String(rest))
    }

    /// The goal a goal's parent cell names: an id of the folder or this import, a bare
    /// number with `id_goal`'s letters (`3.3` → `M3.3`), or a title.
    private func goalNamed(_ g: String, parent: Bool) -> String? {
        if goalIDs.contains(g) { return g }
        if parent, Importer.isBareNumber(g) {
            let m = (data.config.idPrefixes["id_goal"] ?? "M") + g
            if goalIDs.contains(m) { return m }
        }
        return goalByTitle[ImportColumns.fold(g)]
    }

    // MARK: Rows

    /// A row's key for "the same record" (kind, scope, title) and its deadline token (a
    /// follow-up's period; empty for a risk), or nil for a row without a title or (an
    /// activity) without a goal.
    private func rowKey(_ cells: [String: TableCell], kind: Kind) -> (key: String, due: String)? {
        func text(_ f: String) -> String? { cells[f].map { ImportValues.clean($0.text) }.flatMap { $0.isEmpty ? nil : $0 } }
        guard let title = text(ImportColumns.titleField(kind)) else { return nil }
        var goalID: String?
        if kind == .activity { guard let g = text("goal") else { return nil }; goalID = g }
        if kind == .goal, let p = text("parent") { goalID = p }
        let existingGoal = goalID.flatMap { goalNamed($0, parent: kind == .goal) }
        let scope = kind == .activity || kind == .goal ? (existingGoal ?? goalID.map { "new:" + ImportColumns.fold($0) } ?? "") : (kind == .finding ? (text("audit") ?? "") : "")
        let due = ImportColumns.whenField(kind).map { f in cells[f].map { ImportValues.deadline($0)?.token ?? "?" } ?? "?" } ?? ""
        return (Importer.key(kind, scope, title), due)
    }

    private mutating func addRow(_ cells: [String: TableCell], kind: Kind, at place: Message, source: String, table: Message?,
                                 file: String, columns: [String: String]) throws {
        func text(_ f: String) -> String? { cells[f].map { ImportValues.clean($0.text) }.flatMap { $0.isEmpty ? nil : $0 } }
        let titleField = ImportColumns.titleField(kind)
        guard let title = text(titleField) else {
            // Named one by one up to a few; a sheet of empty-titled rows is counted, not
            // printed line by line (the closing line gives the number).
            if untitled < Importer.untitledNamed {
                notices.append(Message(sv: "\(place.sv): raden har ingen \(titleField) och togs inte med", en: "\(place.en): the row has no \(titleField) and was left out"))
            } else if untitled == Importer.untitledNamed {
                notices.append(Message(sv: "\(place.sv): fler rader utan \(titleField) togs inte med; de räknas i slutraden",
                                       en: "\(place.en): more rows without a \(titleField) were left out; the closing line counts them"))
            }
            untitled += 1
            return
        }
        rowsSeen += 1
        if kind == .owner { return addOwner(cells, name: title, at: place, source: source, table: table, file: file, columns: columns) }
        var fields: [(String, String)] = []
        // "Klar 2026-05-12" in the status cell: its day, for `done` when no column gives one.
        var doneFromStatus: String?
        var comments: [String] = []
        // The parts of note and reason, each with the column it comes from (nil: the import's own words).
        var notes: [(String, String?)] = []
        var commentColumns: [Int: String] = [:]
        func filled(_ sv: String, from header: String? = nil) {
            if let header { commentColumns[comments.count] = header }
            comments.append("importerad från \(file): \(sv)")
        }
        func leaveOut(_ sv: String, _ en: String) {
            leftOut += 1
            notices.append(Message(sv: "\(place.sv): \(sv); raden kan inte tas med", en: "\(place.en): \(en); the row cannot be taken in"))
        }

        var goalID: String?
        if kind == .activity {
            guard let g = text("goal") else {
                return leaveOut("aktiviteten har inget mål (kolumnen Mål eller Delmål saknas eller är tom)",
                                "the activity has no goal (the column Mål or Delmål is missing or empty)")
            }
            goalID = g
        }
        if kind == .goal, let p = text("parent") { goalID = p }
        // A goal that exists already, by id or title; a new one is made below if needed.
        let existingGoal = goalID.flatMap { goalNamed($0, parent: kind == .goal) }
        // "The same record": one of the folder's, of the same kind, scope (the goal of an
        // activity, the parent of a goal, the audit of a finding) and title, not yet taken by
        // another row; one with the row's deadline first, else one no row's deadline names.
        // A recurring "Rapport till nämnden" with three deadlines is three rows and three records.
        // A follow-up's period is no deadline that moves but which follow-up it is: only
        // the same period is the same record.
        let (dupKey, due) = rowKey(cells, kind: kind) ?? ("", "?")
        let free = (existing[dupKey] ?? []).filter { !claimed.contains($0.id) }
        let moved = kind.spec("due") == nil ? nil : free.first { !(wanted[dupKey] ?? []).contains($0.due) }
        if let same = free.first(where: { $0.due == due }) ?? moved {
            claimed.insert(same.id)
            duplicates += 1
            duplicateKinds.insert(kind)
            if same.due != due {
                let rule = Importer.sameRecord(kind)
                notices.append(Message(sv: "\(place.sv): raden är redan \(same.id) i mappen (\(rule.sv); tidpunkten där är \(same.due.isEmpty ? "tom" : same.due), här \(due)) och lades inte till igen",
                                       en: "\(place.en): the row is \(same.id) in the folder already (\(rule.en); its deadline there is \(same.due.isEmpty ? "empty" : same.due), here \(due)) and was not added again"))
            }
            // An updated sheet imported again: the import adds, it does not change a record,
            // so a status that differs is said, with the command that changes it.
            if let raw = cells["status"].map({ ImportValues.clean($0.text) }), !raw.isEmpty,
               let now = data.records(of: kind, id: same.id).first.flatMap({ data.record(RecordRef(kind: kind, index: $0)).value(.status) }) {
                let source = kind == .risk ? ImportValues.riskStatus(raw)?.status.rawValue : ImportValues.statusReading(raw)?.status.rawValue
                let current = kind == .risk ? RiskStatus(parsing: now)?.rawValue : Status(parsing: now)?.rawValue
                if let source, let current, source != current {
                    let command = "sakerhet \(kind.fileName.dropLast(4)) \(kind == .risk || source != Status.done.rawValue ? "set \(same.id) status=\(source)" : "done \(same.id)")"
                    notices.append(Message(sv: "\(place.sv): raden är \(same.id) i mappen, med status \(current); källan säger \(source). Importen lägger bara till poster och ändrar inte \(same.id); ändra med '\(command)'",
                                           en: "\(place.en): the row is \(same.id) in the folder, with status \(current); the source says \(source). Import only adds records and does not change \(same.id); change it with '\(command)'"))
                }
            }
            return
        }
        if let earlier = added[dupKey + "\u{1F}" + due] {
            notices.append(Message(sv: "\(place.sv): samma mål, titel och tidpunkt som \(earlier.sv); båda tas med. Står raden två gånger i källan, ta bort den ena och importera igen",
                                   en: "\(place.en): the same goal, title and deadline as \(earlier.en); both are taken in. If the row is in the source twice, remove one and import again"))
        }

        // What the row creates (owners, a goal) is undone if the row is left out.
        let start = startRow()
        // Owners: one `owner` field each.
        var owners: [String] = []
        if let idCell = text("owner_id") {
            // A workbook from `export`: the owners' ids beside their names, one a line (an
            // older export joined them with ", "). The ids are kept, each with its name; a
            // name is never split at "och" or ",".
            let lines = idCell.includes("\n")
            let idList = (lines ? idCell.components(separatedBy: "\n") : idCell.components(separatedBy: ","))
                .map(ImportValues.clean).filter { !$0.isEmpty }
            let nameCell = text("owner").map(ImportValues.clean)
            var nameList = idList.count == 1 ? [nameCell ?? idList[0]]
                : (nameCell?.components(separatedBy: lines ? "\n" : ", ").map(ImportValues.clean) ?? [])
            if nameList.count != idList.count { nameList = idList }
            for (id, name) in zip(idList, nameList) {
                let o = ownerWith(id: id, name: name, file: file)
                if !owners.contains(o) { owners.append(o) }
            }
        } else if let o = text("owner") {
            let names: [String], ids: [String]
            if let known = ownerCells[o] { (names, ids) = known } else {
                // A cell is split only when every part is a known owner; otherwise it is one
                // owner: "Individ- och familjeomsorgen" and "Enheten för säkerhet, beredskap
                // och systemförvaltning" are one unit each, not two or three.
                let whole = ImportValues.clean(o)
                let parts = ImportValues.ownerNames(o)
                names = parts.count > 1 && !isKnownOwner(whole) && parts.allSatisfy(isKnownOwner) ? parts : [whole]
                if parts.count > 1 && names.count == 1 && !isKnownOwner(whole) {
                    notices.append(Message(sv: "\(place.sv): ansvarig '\(Importer.shown(whole))' blir en ny ansvarig, hel; en cell delas vid och, komma och / bara när varje del är en känd ansvarig (i owners.rec eller ensam i en cell i kolumnen). Är det flera ansvariga, lägg först in var och en i owners.rec och importera igen",
                                           en: "\(place.en): owner '\(Importer.shown(whole))' becomes one new owner, whole; a cell is split at och, comma and / only when every part is a known owner (in owners.rec or alone in a cell of the column). If these are several owners, add each to owners.rec first and import again"))
                }
                ids = names.map { ownerFor($0, file: file) }
                ownerCells[o] = (names, ids)
                rowChanges.append(.ownerCell(o))
            }
            // Several owners are one `owner` field each (format.md, "Several owners"), the
            // same owner named twice once.
            for id in ids where !owners.contains(id) { owners.append(id) }
        }
        if kind.spec("owner")?.required == true && owners.isEmpty {
            return leaveOut("ansvarig saknas (kolumnen Ansvarig är tom eller saknas)", "no owner (the column Ansvarig is empty or missing)")
        }

        // Id: kept from an Id column when free, else the next in the folder's numbering.
        // A goal's parent that is not in the folder or the import: an id (`3.3`, `M9`) is kept
        // as written, for audit to name if it stays unknown; a title makes a new goal below.
        let parentID = kind == .goal ? goalID.flatMap { existingGoal ?? (Importer.isIDLike($0) ? $0 : nil) } : nil
        var id: String? = nil
        if var given = text("id") {
            // A goal's bare number (seed 000's Nr 1, 2 …; a Mål column's 2.2) takes its letters
            // as a new id would: id_goal's, or a sub-goal its siblings' or id_subgoal's.
            if kind == .goal, Importer.isBareNumber(given) { given = idLetters(.goal, parent: goalID == nil ? nil : parentID ?? "") + given }
            // An id `set` would refuse (a blank, an invisible character) refuses the row, as it
            // would look like another id.
            do { _ = try ValueRules.checked(given, key: "id", kind: kind) } catch let e as EditError {
                undo(to: start)
                let m = Importer.inColumn(columns["id"], e.message)
                return leaveOut(m.sv, m.en)
            }
            if usedIDs[kind]!.contains(given) {
                undo(to: start)
                let h = columns["id"] ?? "Id"
                return leaveOut("id \(given) finns redan med en annan titel; rätta id:t i kolumnen \(h), eller ange --map '\(h)=-' så får raden ett nytt id",
                                "id \(given) already exists with another title; correct the id in the column \(h), or give --map '\(h)=-' for the row to get a new id")
            }
            id = given
        }

        for spec in kind.fields {
            let name = spec.name
            switch name {
            case "id", "owner", "note", "reason", "done": continue
            // A risk's description keeps the source's words it has no field for (`noteField`).
            case "description" where Importer.noteField(kind) == "description": continue
            case titleField: fields.append((name, title))
            case "goal" where kind == .activity, "parent" where kind == .goal:
                guard let g = goalID else { continue }
                // A new Delmål goes under its row's Mål (`goal_parent`), which is made if new too.
                let above = kind == .activity ? text("goal_parent").map { goalFor($0, ownerID: owners[0], file: file) } : nil
                let gid = existingGoal ?? parentID ?? goalFor(g, ownerID: owners[0], file: file, parent: above)
                fields.append((name, gid))
            case "due", "start":
                if let c = cells[name] {
                    if let d = ImportValues.deadline(c) {
                        fields.append((name, d.token))
                    } else if name == "due" {
                        fields.append(("due", "?"))
                        reasonParts.append((ImportValues.clean(c.text), columns["due"]))
                        notices.append(Message(sv: "\(place.sv): tidpunkten '\(Importer.shown(c.text))' kunde inte läsas; sparad som due: ? med texten som reason",
                                               en: "\(place.en): the deadline '\(Importer.shown(c.text))' could not be read; kept as due: ? with the text as reason"))
                    } else {
                        notes.append(("Start: " + ImportValues.clean(c.text), columns["start"]))
                        notices.append(Message(sv: "\(place.sv): starten '\(Importer.shown(c.text))' kunde inte läsas; sparad i note",
                                               en: "\(place.en): the start '\(Importer.shown(c.text))' could not be read; kept in note"))
                    }
                } else if name == "due" && spec.required {
                    fields.append(("due", "?"))
                    reasonParts.append(("Inget slutdatum i \(file)", nil))
                    filled("due: ? eftersom källan saknar slutdatum")
                }
            case "status":
                let raw = text("status")
                // A status the import reads from words that are no status, or sets for want of
                // one, is marked as assumed (format.md, "Assumed values"), the source's words kept.
                func assumedStatus(_ word: String, from raw: String?) {
                    if kind.spec("assumed") != nil { fields.append(("assumed", "status")) }
                    if let raw {
                        notes.append(("Status i källan: " + raw, columns["status"]))
                        notices.append(Message(sv: "\(place.sv): statusen '\(Importer.shown(raw))' lästes som \(word), markerad som antagen (assumed: status); källans text i \(Importer.noteField(kind))",
                                               en: "\(place.en): the status '\(Importer.shown(raw))' was read as \(word), marked as assumed (assumed: status); the source's text in \(Importer.noteField(kind))"))
                    }
                    filled("status \(word)" + (raw == nil ? " (källan saknar status)" : " (källans status i \(Importer.noteField(kind)))"))
                }
                if kind == .risk {
                    if let raw, let (s, inferred) = ImportValues.riskStatus(raw) {
                        fields.append(("status", s.rawValue))
                        if inferred { assumedStatus(s.rawValue, from: raw) }
                    } else {
                        fields.append(("status", RiskStatus.identified.rawValue))
                        assumedStatus(RiskStatus.identified.rawValue, from: raw)
                    }
                    continue
                }
                if let raw, let reading = ImportValues.statusReading(raw) {
                    let s = reading.status
                    fields.append(("status", s.rawValue))
                    // A record that waits or was dropped needs a reason: the status word, when
                    // the source gives none of its own.
                    if s == .onHold || s == .cancelled, text("reason") == nil { reasonParts.append(("Status i \(file): \(raw)", columns["status"])) }
                    if reading.inferred {
                        assumedStatus(s.rawValue, from: raw)
                    } else if let rest = reading.rest {
                        // "Klar 2026-05-12", "Klar (maj 2026)": the day it was done, when no column gives it.
                        if s == .done, cells["done"] == nil, let d = ImportValues.deadline(.text(rest)), !d.hasNoDays { doneFromStatus = d.token }
                        else { notes.append(("Status i källan: " + raw, columns["status"])) }
                    }
                } else if spec.required || raw != nil {
                    fields.append(("status", Status.notStarted.rawValue))
                    assumedStatus(Status.notStarted.rawValue, from: raw)
                }
            default:
                guard let c = cells[name] else { continue }
                if spec.repeatable {
                    // One value a line, as `export` writes a field that repeats; ids (a risk's
                    // and a finding's `action`) also at commas, as an older export joined them.
                    var values = ImportValues.clean(c.text).components(separatedBy: "\n")
                    if case .ref = spec.type { values = values.flatMap { $0.components(separatedBy: ",") } }
                    for v in values.map(ImportValues.clean) where !v.isEmpty { fields.append((name, Editor.normalise(v, spec))) }
                    continue
                }
                var v = Editor.normalise(ImportValues.clean(c.text), spec)
                if spec.type == .day, case .day(let d) = c { v = d.description }
                // A finding's kind in any case ("Brist", "AVVIKELSE"), as a status or a colour
                // is: the word of the plan's list (config.rec's finding_kinds).
                if spec.type == .findingKind, let word = data.config.kindsOfFinding.first(where: { $0.lowercased() == v.lowercased() }) { v = word }
                // A follow-up's assessment in either language (the English workbook's "partly
                // met") and any case: the stored word.
                if spec.type == .followupAssessment, let word = ImportValues.followupAssessment(v) { v = word }
                fields.append((name, v))
            }
        }
        // owner comes right after the fields before it in the schema order.
        for o in owners { fields.append(("owner", o)) }
        // done: from a column, else for a finished record the day the source allows.
        let status = fields.first { $0.0 == "status" }?.1
        var doneRead = false
        if let c = cells["done"] {
            // `done` takes any period ("2014", "hösten 2015"): kept at the source's precision.
            if let d = ImportValues.deadline(c), !d.hasNoDays {
                fields.append(("done", d.token))
                doneRead = true
            } else {
                // Kept in the note and said; a finished record is then dated as one with no
                // date is (below), never refused for want of the date it has in words.
                notes.append(("Klart: " + ImportValues.clean(c.text), columns["done"]))
                let m = Importer.inColumn(columns["done"], Message(sv: "klardatumet '\(Importer.shown(c.text))' kunde inte läsas; sparat i \(Importer.noteField(kind))",
                                                                   en: "the done date '\(Importer.shown(c.text))' could not be read; kept in \(Importer.noteField(kind))"))
                notices.append(Message(sv: "\(place.sv): " + m.sv, en: "\(place.en): " + m.en))
            }
        }
        if doneRead {
        } else if let doneFromStatus, status == Status.done.rawValue {
            fields.append(("done", doneFromStatus))
        } else if status == Status.done.rawValue, kind != .risk {
            // Done with no date: the deadline's period, at the precision the source gives, when
            // it has ended; otherwise the day of the import. Never a day the source does not give.
            let due = fields.first { $0.0 == "due" }.flatMap { Deadline(token: $0.1) }
            var token = asOf.description
            var why = "importdagen (källan anger ingen tidpunkt som har passerat)"
            var whyEN = "the import's as-of date (the source gives no period that has ended)"
            if let due, !due.hasNoDays, let last = due.lastDay, last <= asOf {
                token = due.token
                why = "källans tidpunkt"
                whyEN = "the source's deadline"
            }
            fields.append(("done", token))
            // Derived by a rule, not given by the source: marked where a reader sees it
            // (format.md, "Assumed values"), in the reports as well as in the file.
            if kind.spec("assumed") != nil { fields.append(("assumed", "done")) }
            filled("done \(token) är \(why)")
            notices.append(Message(sv: "\(place.sv): klar utan datum; done satt till \(token) (\(why)), markerat som antaget (assumed: done) och med en kommentar",
                                   en: "\(place.en): done without a date; done set to \(token) (\(whyEN)), marked as assumed (assumed: done) and by a comment"))
        }
        // note and reason may be made of several columns' text: each part keeps its column, so
        // that a problem in it (a personnummer in the Status cell) is named at that column.
        var recordColumns = columns
        var parts: [String: [NewRecord.Part]] = [:]
        func compose(_ field: String, _ list: [(String, String?)], _ separator: String) {
            fields.append((field, list.map(\.0).joined(separator: separator)))
            recordColumns[field] = nil
            if list.count == 1 { recordColumns[field] = list[0].1; return }
            var at = 0
            parts[field] = list.map { t, h in
                defer { at += t.utf8.count + separator.utf8.count }
                return NewRecord.Part(range: at..<(at + t.utf8.count), column: h)
            }
        }
        if let r = text("reason") { reasonParts.insert((r, columns["reason"]), at: 0) }
        if !reasonParts.isEmpty { compose("reason", reasonParts, "; ") }
        reasonParts = []
        // A kind without note (a risk) keeps the source's words in its description.
        let noteField = Importer.noteField(kind)
        if let n = text(noteField) { notes.insert((n, columns[noteField]), at: 0) }
        if kind == .activity, let i = text("indicators") { notes.append(("Indikatorer:\n" + i, columns["indicators"])) }
        if !notes.isEmpty, kind.spec(noteField) != nil { compose(noteField, notes, "\n") }
        else if !notes.isEmpty {
            let left = notes.map(\.0).joined(separator: "; ")
            notices.append(Message(sv: "\(place.sv): \(kind.word(.sv)) har inget note-fält; inte med: \(left)", en: "\(place.en): \(kind.rawValue) has no note field; left out: \(left)"))
        }

        // Required fields the source lacks and the import cannot fill.
        let have = Set(fields.map(\.0))
        let missing = kind.fields.filter { $0.required && $0.name != "id" && !have.contains($0.name) }.map(\.name)
        if !missing.isEmpty {
            undo(to: start)
            return leaveOut("saknar \(missing.joined(separator: ", "))", "lacks \(missing.joined(separator: ", "))")
        }
        // What the row adds: its record, and the owners and goal it creates.
        var record = NewRecord(kind: kind, fields: Importer.ordered(fields, kind), comments: comments, source: source, table: table,
                               columns: recordColumns, parts: parts, commentColumns: commentColumns)
        for i in start..<records.count {
            records[i].source = source
            records[i].table = table
            let (field, from) = records[i].kind == .owner ? ("name", "owner") : ("title", kind == .goal ? "parent" : "goal")
            if let h = columns[from] {
                records[i].columns[field] = h
                // An owner made from the cell has its id from the cell's name too.
                if records[i].kind == .owner, records[i].columns["id"] == nil { records[i].columns["id"] = h }
            }
            // A goal made for the row takes the row's owner (its first activity's).
            if records[i].kind == .goal, records[i].columns["owner"] == nil, let h = columns["owner"] { records[i].columns["owner"] = h }
        }
        // A cell of several lines in a field of one line (a title written over two lines in
        // the cell) is joined with blanks, as `set` would need it written: kept as `+` lines,
        // the field would read as one line to the tool's one-line views and be split there.
        func oneLine(_ fields: inout [(String, String)], _ kind: Kind) {
            for i in fields.indices where fields[i].1.contains("\n") && kind.spec(fields[i].0)?.multiLine != true {
                let joined = fields[i].1.split(separator: "\n").map { String($0).trimmingBlanks }.filter { !$0.isEmpty }.joined(separator: " ")
                notices.append(Message(sv: "\(place.sv): \(fields[i].0) har en rad; cellens radbrytningar blev blanksteg",
                                       en: "\(place.en): \(fields[i].0) holds one line; the cell's line breaks became blanks"))
                fields[i].1 = joined
            }
        }
        for i in start..<records.count { oneLine(&records[i].fields, records[i].kind) }
        oneLine(&record.fields, kind)
        // A value `set` would refuse (a line that ends with \, which recutils reads as going
        // on on the next line) refuses the row.
        for r in records[start...] + [record] {
            for (k, v) in r.fields {
                guard let e = ValueRules.backslashError(v, key: k) else { continue }
                undo(to: start)
                let m = Importer.inColumn(r.columns[k], e.message)
                return leaveOut(m.sv, m.en)
            }
        }
        let newID = id ?? nextID(kind, parent: kind == .goal ? fields.first { $0.0 == "parent" }?.1 : nil)
        usedIDs[kind, default: []].insert(newID)
        record.fields.insert(("id", newID), at: 0)
        records.append(record)
        if added[dupKey + "\u{1F}" + due] == nil { added[dupKey + "\u{1F}" + due] = place }
        if kind == .goal {
            goalIDs.insert(newID)
            goalByTitle[ImportColumns.fold(title)] = goalByTitle[ImportColumns.fold(title)] ?? newID
        }
    }

    /// A row of an owners' table (`export`'s Ansvariga sheet, or `--kind owners`): the owner
    /// with its type, parent and contact. Read before the plan's sheets, so the owners they
    /// name are these, not owners made from a name alone. An owner there already (the
    /// folder's or an earlier row's, by id, or by name) is not added again, and a row that
    /// differs from the folder's owner is said: the import adds, it does not change.
    /// Parents are resolved once every row is read (`resolveOwnerParents`).
    private mutating func addOwner(_ cells: [String: TableCell], name: String, at place: Message, source: String, table: Message?,
                                   file: String, columns: [String: String]) {
        func text(_ f: String) -> String? { cells[f].map { ImportValues.clean($0.text) }.flatMap { $0.isEmpty ? nil : $0 } }
        let folded = ImportColumns.fold(name)
        let given = text("id")
        if let given, !given.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) {
            leftOut += 1
            notices.append(Message(sv: "\(place.sv): '\(Importer.shown(given))' kan inte vara ett id (ett id har inga blanksteg); raden kan inte tas med",
                                   en: "\(place.en): '\(Importer.shown(given))' cannot be an id (an id has no blanks); the row cannot be taken in"))
            return
        }
        var fields: [(String, String)] = []
        if let k = text("kind") {
            if let kind = OwnerKind(rawValue: k.lowercased()) { fields.append(("kind", kind.rawValue)) } else {
                let words = OwnerKind.allCases.map(\.rawValue).joined(separator: ", ")
                notices.append(Message(sv: "\(place.sv): typen '\(Importer.shown(k))' är inte en av \(words) och togs inte med",
                                       en: "\(place.en): the type '\(Importer.shown(k))' is not one of \(words) and was left out"))
            }
        }
        if let p = text("parent") { fields.append(("parent", p)) }
        if let c = text("contact") { fields.append(("contact", c)) }
        // There already: by its id, or by its name for a row without an id. Two owners may
        // have one name (a Stab under each department), each with its id.
        if let same = given.flatMap({ ownerIDs.contains($0) ? $0 : nil }) ?? (given == nil ? ownerByName[folded] : nil) {
            guard let owner = data.owner(same) else {
                // An earlier row of this import: the same again adds nothing; other values
                // for one owner are the sheet's to settle, not the import's to choose.
                let first = ownerRows[same]
                if let first, first.fields.map({ "\($0.0)=\($0.1)" }) != ([("name", name)] + fields).map({ "\($0.0)=\($0.1)" }) {
                    leftOut += 1
                    notices.append(Message(sv: "\(place.sv): \(same) står redan på \(first.place.sv) med andra värden; raden kan inte tas med. Slå ihop raderna eller ge den här ett eget id",
                                           en: "\(place.en): \(same) is already on \(first.place.en) with other values; the row cannot be taken in. Merge the rows or give this one an id of its own"))
                }
                return
            }
            duplicates += 1
            duplicateKinds.insert(.owner)
            let record = data.record(owner.ref)
            let differ = ([("name", name)] + fields).filter { f, v in
                f == "parent" ? !(record.value(.parent).map { [$0.lowercased(), ImportColumns.fold(data.ownerName($0))].contains(ImportColumns.fold(v)) } ?? false)
                    : (record.value(f) ?? "") != v
            }.map(\.0)
            if !differ.isEmpty {
                let list = differ.joined(separator: ", ")
                notices.append(Message(sv: "\(place.sv): raden är \(same) i mappen, med andra värden (\(list)); importen lägger bara till poster och ändrar inte \(same); ändra i owners.rec",
                                       en: "\(place.en): the row is \(same) in the folder, with other values (\(list)); import only adds records and does not change \(same); change it in owners.rec"))
            }
            return
        }
        var id = given ?? ImportValues.slug(name)
        if given == nil {
            let base = id
            var n = 2
            while ownerIDs.contains(id) { id = base + "-\(n)"; n += 1 }
        }
        addOwnerID(id)
        if ownerByName[folded] == nil { setOwnerName(folded, id) }
        ownerRows[id] = ([("name", name)] + fields, place)
        var recordColumns: [String: String] = [:]
        for f in ["id", "name", "kind", "parent", "contact"] { if let h = columns[f] { recordColumns[f] = h } }
        records.append(NewRecord(kind: .owner, fields: [("id", id), ("name", name)] + fields, comments: ["importerad från \(file): ansvarig"],
                                 source: source, table: table, columns: recordColumns))
    }

    /// The owners' rows this import took, by id: their name and fields, and where they are.
    private var ownerRows: [String: (fields: [(String, String)], place: Message)] = [:]

    /// The parents of the owners this import adds, once every row is read (a unit's row may
    /// come before its department's): an id as written, in another case, or an owner's name.
    /// One that is none of these stays as written, for `audit` to name.
    private mutating func resolveOwnerParents() {
        let lowered = Dictionary(ownerIDs.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, b in min(a, b) })
        for i in records.indices where records[i].kind == .owner {
            guard let at = records[i].fields.firstIndex(where: { $0.0 == "parent" }) else { continue }
            let p = records[i].fields[at].1
            if ownerIDs.contains(p) { continue }
            if let id = lowered[p.lowercased()] ?? ownerByName[ImportColumns.fold(p)] { records[i].fields[at].1 = id }
        }
    }

    private var reasonParts: [(String, String?)] = []

    /// A change a row made to the lookups (making an owner or a goal), with what was there
    /// before. A row begins (`startRow`) at the number of records so far; what it changes
    /// after that is written in `rowChanges`, so that a row left out is undone in the time
    /// it took to make, and keeps its notice. Keeping a copy of the importer instead made
    /// each row copy every record and notice so far (a 10,000-row workbook took 13 s), and
    /// keeping copies of the lookups made each new owner copy all the owners before it
    /// (20,000 new owners took 33 s; docs/performance.md).
    private enum RowChange {
        case ownerID(String), ownerName(String, was: String?), ownerCell(String)
        case goalID(String), goalTitle(String, was: String?), usedID(Kind, String), highest(String, was: Int?)
    }

    /// The changes of the row being read (`RowChange`).
    private var rowChanges: [RowChange] = []

    /// Begins a row: its changes so far none; the number of records, to undo it to.
    private mutating func startRow() -> Int {
        rowChanges.removeAll(keepingCapacity: true)
        return records.count
    }

    /// Leaves out what the row made since `start`; its notices stay.
    private mutating func undo(to start: Int) {
        records.removeSubrange(start...)
        for change in rowChanges.reversed() {
            switch change {
            case .ownerID(let id): ownerIDs.remove(id)
            case .ownerName(let key, let was): ownerByName[key] = was
            case .ownerCell(let cell): ownerCells[cell] = nil
            case .goalID(let id): goalIDs.remove(id)
            case .goalTitle(let key, let was): goalByTitle[key] = was
            case .usedID(let kind, let id): usedIDs[kind]?.remove(id)
            case .highest(let slot, let was): highest[slot] = was
            }
        }
        rowChanges.removeAll(keepingCapacity: true)
        reasonParts = []
    }

    // The lookups as a row changes them, each change written down (`RowChange`).
    private mutating func addOwnerID(_ id: String) {
        if ownerIDs.insert(id).inserted { rowChanges.append(.ownerID(id)) }
    }
    private mutating func setOwnerName(_ key: String, _ id: String) {
        rowChanges.append(.ownerName(key, was: ownerByName[key]))
        ownerByName[key] = id
    }
    private mutating func addGoalID(_ id: String) {
        if goalIDs.insert(id).inserted { rowChanges.append(.goalID(id)) }
    }
    private mutating func setGoalTitle(_ key: String, _ id: String) {
        rowChanges.append(.goalTitle(key, was: goalByTitle[key]))
        goalByTitle[key] = id
    }
    private mutating func addUsedID(_ kind: Kind, _ id: String) {
        if usedIDs[kind, default: []].insert(id).inserted { rowChanges.append(.usedID(kind, id)) }
    }

    /// The owner with this id, created with the name if new; an id that cannot be one
    /// (blanks, controls) is treated as a name.
    private mutating func ownerWith(id: String, name: String, file: String) -> String {
        if ownerIDs.contains(id) { return id }
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return ownerFor(name, file: file) }
        addOwnerID(id)
        if ownerByName[ImportColumns.fold(name)] == nil { setOwnerName(ImportColumns.fold(name), id) }
        records.append(NewRecord(kind: .owner, fields: [("id", id), ("name", name)], comments: ["importerad från \(file): ny ansvarig"]))
        return id
    }

    /// True for an owner's id or name in the folder, one this import has made, or a name
    /// that stands alone in an owner cell of the tables read.
    private func isKnownOwner(_ name: String) -> Bool {
        let f = ImportColumns.fold(name)
        return ownerIDs.contains(name) || ownerByName[f] != nil || ownerCellNames.contains(f)
    }

    /// The owner with this name or id, created if new with an id from the name.
    private mutating func ownerFor(_ name: String, file: String) -> String {
        if ownerIDs.contains(name) { return name }
        let f = ImportColumns.fold(name)
        if let id = ownerByName[f] { return id }
        let base = ImportValues.slug(name)
        var id = base, n = 2
        while ownerIDs.contains(id) { id = base + "-\(n)"; n += 1 }
        addOwnerID(id)
        setOwnerName(f, id)
        records.append(NewRecord(kind: .owner, fields: [("id", id), ("name", name)], comments: ["importerad från \(file): ny ansvarig"]))
        return id
    }

    /// The goal with this id or title, created if new.
    /// A goal made here says which of its values the import set: its owner and status are
    /// marked as assumed (`assumed`), as the report shows them.
    private mutating func goalFor(_ g: String, ownerID: String, file: String, parent: String? = nil) -> String {
        if goalIDs.contains(g) { return g }
        if let id = goalByTitle[ImportColumns.fold(g)] { return id }
        let id = nextID(.goal, parent: parent)
        addUsedID(.goal, id)
        addGoalID(id)
        setGoalTitle(ImportColumns.fold(g), id)
        records.append(NewRecord(kind: .goal, fields: [("id", id), ("title", g)] + (parent.map { [("parent", $0)] } ?? []) + [("owner", ownerID), ("due", "?"),
                                                      ("status", Status.notStarted.rawValue), ("reason", "Målets slutdatum finns inte i \(file)"),
                                                      ("assumed", "owner"), ("assumed", "status")],
                                 comments: ["importerad från \(file): nytt mål; owner är första aktivitetens ansvarig, due ? och status ej påbörjad är satta av importen"]))
        return id
    }

    /// The next id in the kind's scheme, as `add` gives it (format.md, "Ids of new records"):
    /// a top-level goal `id_goal` (M), a sub-goal the letters of its parent's other sub-goals,
    /// else `id_subgoal` (D); the other kinds their letters in config.rec. The number is the
    /// highest after those letters among the folder's ids and this import's, plus one.
    private mutating func nextID(_ kind: Kind, parent: String?) -> String {
        let prefix = idLetters(kind, parent: parent)
        let slot = kind.rawValue + "\u{1F}" + prefix
        var n: Int
        if let h = highest[slot] { n = h } else {
            n = 0
            // The folder's numbering; ids that this import keeps from an Id column are skipped below.
            for id in data.ids[kind]?.keys ?? [] where id.hasPrefix(prefix) && Editor.letters(of: id) == prefix {
                // The whole number after the letters: 3 in M3.3, 12 in A12.
                if let k = Int(id.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }) { n = max(n, k) }
            }
        }
        n += 1
        while usedIDs[kind]?.contains(prefix + String(n)) == true { n += 1 }
        rowChanges.append(.highest(slot, was: highest[slot]))
        highest[slot] = n
        let id = prefix + String(n)
        addUsedID(kind, id)
        return id
    }

    /// The letters of a new id of `kind` (format.md, "Ids of new records"): a top-level
    /// goal `id_goal`'s, a sub-goal its parent's other sub-goals' or `id_subgoal`'s.
    private func idLetters(_ kind: Kind, parent: String?) -> String {
        let prefixes = data.config.idPrefixes
        var prefix: String
        switch kind {
        case .goal:
            prefix = prefixes[parent == nil ? "id_goal" : "id_subgoal"] ?? (parent == nil ? "M" : "D")
            if let parent {
                let sibling = records.last { $0.kind == .goal && $0.fields.contains { $0 == ("parent", parent) } }?.id
                    ?? data.goals.last { $0.parent == parent }?.id
                if let sibling, let l = Editor.letters(of: sibling) { prefix = l }
            }
        case .activity: prefix = prefixes["id_activity"] ?? "A"
        case .risk: prefix = prefixes["id_risk"] ?? "R"
        case .finding: prefix = prefixes["id_finding"] ?? "F"
        default: prefix = kind.idPrefix ?? kind.rawValue + "-"
        }
        return prefix
    }

    static func ordered(_ fields: [(String, String)], _ kind: Kind) -> [(String, String)] {
        let order = kind.fieldOrder
        return fields.enumerated().sorted { a, b in
            let ia = order.firstIndex(of: a.element.0) ?? order.count, ib = order.firstIndex(of: b.element.0) ?? order.count
            return ia != ib ? ia < ib : a.offset < b.offset
        }.map(\.element)
    }

    /// A source value in a message: one line, at most 60 characters, no control characters.
    /// `message` said of the source column `header` ("kolumnen Kommentar: …"), when known.
    static func inColumn(_ header: String?, _ message: Message) -> Message {
        guard let header else { return message }
        return Message { lang in (lang == .sv ? "kolumnen \(header): " : "column \(header): ") + message.text(lang) }
    }

    /// The field that keeps the source's words the import could not place: `note`, or
    /// `description` for a kind without a note (a risk).
    static func noteField(_ kind: Kind) -> String {
        kind.spec("note") != nil || kind.spec("description") == nil ? "note" : "description"
    }

    static func shown(_ s: String) -> String {
        let one = ImportValues.clean(s).replacingAll("\n", with: " ")
        return one.count <= 60 ? one : String(SafeText.head(one, 59)) + "…"
    }
}

import FoundationEssentials

extension Importer {
    /// What the import tells when it brings nothing new: every row is in the folder already.
    public func nothingNew(_ lang: Lang) -> String {
        let rules = Kind.allCases.filter(duplicateKinds.contains).map { Importer.sameRecord($0).text(lang) }.joined(separator: "; ")
        // No row at all: nothing to say of rows already in the folder.
        if rowsSeen == 0 {
            return lang == .sv ? "Inget att importera: filen har inga rader med poster (bara rubriker eller tomma rader)."
                               : "Nothing to import: the file has no rows of records (only headers or empty rows)."
        }
        return lang == .sv ? "Inget nytt att importera: \(duplicates) av \(rowsSeen) rader finns redan i mappen (\(rules); en post för varje rad)."
                           : "Nothing new to import: \(duplicates) of \(rowsSeen) rows are in the folder already (\(rules); one record for each row)."
    }

    /// What makes a row the same record as one in the folder (`rowKey`), said for `kind`.
    static func sameRecord(_ kind: Kind) -> Message {
        switch kind {
        case .activity: Message(sv: "samma mål och titel", en: "the same goal and title")
        case .goal: Message(sv: "samma överordnade mål och rubrik", en: "the same parent goal and title")
        case .finding: Message(sv: "samma granskning och rekommendation", en: "the same audit and recommendation")
        case .followup: Message(sv: "samma post och period", en: "the same record and period")
        case .owner: Message(sv: "samma id, eller samma namn för en rad utan id", en: "the same id, or the same name for a row without one")
        default: Message(sv: "samma rubrik", en: "the same title")
        }
    }

    /// Why the import is not saved, when it is not: tables that need `--kind` or `--map`,
    /// rows that cannot be taken in, or `newErrors` the import would add; nil when it can
    /// be saved. The whole plan comes in at once or not at all.
    public func refusal(newErrors e: Int, _ lang: Lang) -> String? {
        let n = leftOut, t = refused, sv = lang == .sv
        guard n > 0 || t > 0 || e > 0 else { return nil }
        var what: [String] = []
        if t > 0 { what.append(sv ? "\(t) \(t == 1 ? "tabell" : "tabeller") kan inte läsas utan --kind eller --map" : "\(t) table\(t == 1 ? "" : "s") cannot be read without --kind or --map") }
        if n > 0 { what.append(sv ? "\(n) av \(rowsSeen) rader kan inte tas med" : "\(n) of \(rowsSeen) rows cannot be taken in") }
        if e > 0 { what.append(sv ? "importen skulle ge \(e) \(e == 1 ? "nytt" : "nya") fel" : "the import would add \(e) new error\(e == 1 ? "" : "s")") }
        return sv ? "importen sparades inte: \(what.joined(separator: " och ")) (se ovan); rätta raderna i källfilen (eller ange \(t > 0 ? "--kind eller --map" : "--map")) och försök igen, så tas hela planen in på en gång"
                  : "the import was not saved: \(what.joined(separator: " and ")) (see above); correct the rows in the source file (or give \(t > 0 ? "--kind or --map" : "--map")) and try again, so the whole plan comes in at once"
    }

    /// The closing line of an import that was saved: what came in, and the rows that were
    /// in the folder already or had no title.
    public func saved(_ files: [(kind: Kind, path: String, added: Int)], _ lang: Lang) -> String {
        let sv = lang == .sv
        var out = (sv ? "Importerade " : "Imported ") + files.map { "\($0.added) \($0.kind.word(lang, plural: $0.added != 1)) (\($0.path))" }.joined(separator: ", ")
        if duplicates > 0 { out += sv ? "; \(duplicates) rader fanns redan i mappen" : "; \(duplicates) rows were in the folder already" }
        if untitled > 0 { out += sv ? "; \(untitled) rader utan titel togs inte med (se ovan)" : "; \(untitled) rows without a title were left out (see above)" }
        return out + "."
    }
}
