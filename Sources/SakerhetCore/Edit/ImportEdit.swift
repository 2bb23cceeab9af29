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
    }

    /// In the order to write them.
    public let files: [FileEdit]

    public var isEmpty: Bool { files.isEmpty }

    public init(_ data: DataSet, _ records: [Importer.NewRecord]) throws {
        var out: [FileEdit] = []
        for kind in Kind.allCases {
            let mine = records.filter { $0.kind == kind }
            guard !mine.isEmpty else { continue }
            guard let file = data.files[kind] else { throw Editor.missingFile(data, kind) }
            let doc = file.document
            let nl = doc.lineEnding.bytes
            var bytes = doc.bytes + doc.appendedRecord([])
            for (i, r) in mine.enumerated() {
                if i > 0 { bytes += nl }
                for c in r.comments {
                    let line = ImportValues.clean(c)
                    bytes += Array(("# " + (line.includes("\n") ? line.split(separator: "\n").joined(separator: " ") : line)).utf8) + nl
                }
                for (k, v) in r.fields {
                    // One line, the common case, without splitting the value.
                    if v.utf8.contains(0x0A) || v.isEmpty { bytes += doc.render(k, v); continue }
                    bytes += k.utf8
                    bytes += [UInt8(ascii: ":"), 0x20]
                    bytes += v.utf8
                    bytes += nl
                }
            }
            out.append(FileEdit(kind: kind, path: file.path, before: doc, afterBytes: bytes, added: mine.count))
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
        let after = Edit.errors(applied(to: data), asOf)
        guard !after.isEmpty else { return [] }
        return Edit.added(before: Edit.errors(data, asOf), after: after)
    }

    /// What `--dry-run` shows: a unified diff per file, its masks in `lang`.
    public func diff(_ lang: Lang = .sv) -> String {
        files.map { Diff.unified($0.before.bytes, $0.afterBytes, path: $0.path, lang: lang) }.joined()
    }
}
