/// An edit of several files at once: the records an import adds, appended to the end of
/// each kind's file with the comment lines that say what the import filled in. Validated
/// like every write (no new errors); written file by file, owners and goals before the
/// records that name them, each file atomically.
public struct ImportEdit: Sendable {
    public struct FileEdit: Sendable {
        public let kind: Kind
        /// The path as messages show it.
        public let path: String
        public let before: Document
        public let afterBytes: [UInt8]
        public let added: Int
        /// The file does not exist yet: the import makes it (follow-ups, in a folder older
        /// than `followups.rec`, as `followups add` makes it).
        public let created: Bool
        /// Each added record with the lines it takes in `afterBytes` and the first line of
        /// each of its fields, so that a problem found there names the source row instead.
        let placed: [Placed]
    }

    struct Placed: Sendable {
        let lines: ClosedRange<Int>
        let fieldLines: [(line: Int, key: String)]
        let record: Importer.NewRecord
    }

    /// In the order to write them.
    public let files: [FileEdit]

    public var isEmpty: Bool { files.isEmpty }

    public init(_ data: DataSet, _ records: [Importer.NewRecord]) throws {
        var out: [FileEdit] = []
        for kind in Kind.allCases {
            let mine = records.filter { $0.kind == kind }
            guard !mine.isEmpty else { continue }
            let created = data.files[kind] == nil
            guard let file = data.files[kind] ?? Editor.newFile(data, kind) else { throw Editor.missingFile(data, kind) }
            let doc = file.document
            let nl = doc.lineEnding.bytes
            var bytes = doc.bytes + doc.appendedRecord([])
            var placed: [Placed] = []
            // The line the next byte is on.
            var line = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            func advance(from start: Int) { for b in bytes[start...] where b == 0x0A { line += 1 } }
            for (i, r) in mine.enumerated() {
                if i > 0 { bytes += nl; line += 1 }
                let first = line
                var fieldLines: [(line: Int, key: String)] = []
                let start = bytes.count
                for c in r.comments {
                    let line = ImportValues.clean(c)
                    bytes += Array(("# " + (line.includes("\n") ? line.split(separator: "\n").joined(separator: " ") : line)).utf8) + nl
                }
                advance(from: start)
                for (k, v) in r.fields {
                    fieldLines.append((line, k))
                    // One line, the common case, without splitting the value.
                    if v.utf8.contains(0x0A) || v.isEmpty {
                        let at = bytes.count
                        bytes += doc.render(k, v)
                        advance(from: at)
                        continue
                    }
                    bytes += k.utf8
                    bytes += [UInt8(ascii: ":"), 0x20]
                    bytes += v.utf8
                    bytes += nl
                    line += 1
                }
                placed.append(Placed(lines: first...max(first, line - 1), fieldLines: fieldLines, record: r))
            }
            out.append(FileEdit(kind: kind, path: file.path, before: doc, afterBytes: bytes, added: mine.count, created: created, placed: placed))
        }
        files = out
    }

    /// The data set with every file of the edit replaced.
    public func applied(to data: DataSet) -> DataSet {
        var all = data.files
        for f in files { all[f.kind] = SourceFile(path: f.path, document: Document(bytes: f.afterBytes)) }
        return DataSet(folder: data.folder, files: all, configFile: data.configFile)
    }

    /// Errors the import would add (lateness aside, as for every write).
    public func newErrors(in data: DataSet, asOf: Day) -> [Diagnostic] {
        newErrors(in: data, applied: applied(to: data), asOf: asOf)
    }

    /// The same, given `applied(to: data)` made once for this and `late`.
    func newErrors(in data: DataSet, applied: DataSet, asOf: Day) -> [Diagnostic] {
        let after = Edit.errors(applied, asOf)
        guard !after.isEmpty else { return [] }
        return Edit.added(before: Edit.errors(data, asOf), after: after)
    }

    /// The `overdue` errors of the records the import adds, in `applied` (the folder with
    /// the import applied): one run of that check, kept to the added records.
    func late(in applied: DataSet, asOf: Day) -> [Diagnostic] {
        var added: [Kind: Set<String>] = [:]
        for f in files { added[f.kind, default: []].formUnion(f.placed.map(\.record.id)) }
        guard !added.isEmpty else { return [] }
        let overdue = Checks.all.filter { $0.id == "overdue" }
        return Checks.run(applied, asOf: asOf, checks: overdue).filter { d in
            d.severity == .error && d.recordID.map { id in files.contains { $0.path == d.file && added[$0.kind]?.contains(id) == true } } == true
        }
    }

    /// `d` at the source row of the record it is about, when that is a record the import
    /// adds: `plan.xlsx:3: … kolumnen Kommentar: …` instead of a line of a file not written;
    /// in a Word document of several tables, the table first: `plan.docx:4: … tabell 2:
    /// kolumnen Kommentar: …`.
    public func located(_ d: Diagnostic) -> Diagnostic {
        guard let f = files.first(where: { $0.path == d.file }),
              let p = f.placed.first(where: { $0.lines.contains(d.line) }), !p.record.source.isEmpty,
              let colon = p.record.source.lastIndex(of: ":"), let row = Int(p.record.source[p.record.source.index(after: colon)...]) else { return d }
        let at = p.fieldLines.last { $0.line <= d.line }
        var header = at.flatMap { p.record.columns[$0.key] }
        if let at, let parts = p.record.parts[at.key], let value = p.record.fields.first(where: { $0.0 == at.key })?.1 {
            // A value of several columns' text: the part at the problem's line and column.
            let index = d.line - at.line
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
            var offset = lines.prefix(index).reduce(0) { $0 + $1.utf8.count + 1 }
            if let c = d.column { offset += max(0, c - 1 - (index == 0 ? at.key.utf8.count + 2 : 2)) }
            header = (parts.last { $0.range.lowerBound <= offset } ?? parts.first)?.column
        } else if at == nil, d.line - p.lines.lowerBound < p.record.comments.count {
            // A comment line that quotes a cell.
            header = p.record.commentColumns[d.line - p.lines.lowerBound]
        }
        let inColumn = Importer.inColumn(header, d.message)
        let message = p.record.table.map { Message(sv: $0.sv + ": " + inColumn.sv, en: $0.en + ": " + inColumn.en) } ?? inColumn
        let out = Diagnostic(severity: d.severity, check: d.check, file: String(p.record.source[..<colon]), line: row,
                             kind: d.kind, recordID: d.recordID, owner: d.owner, coOwners: d.coOwners, message: message)
        return out
    }

    /// What `--dry-run` shows: a unified diff per file, its masks in `lang`.
    public func diff(_ lang: Lang = .sv) -> String {
        files.map { Diff.unified($0.created ? [] : $0.before.bytes, $0.afterBytes, path: $0.path, lang: lang, created: $0.created) }.joined()
    }
}
