/// What `sakerhet import` does once its source files are read, as every write does it
/// (`SafeWrite`): under the folder's lock, load the folder, read the tables into records,
/// refuse what would add an error, and write every file the import touches or none.
public enum ImportWrite {
    public enum Outcome: Sendable {
        /// Every row is in the folder already: nothing written. The sentence says so.
        case nothingNew(String)
        /// Not saved: the errors the import would add, each at its source row (rendered
        /// against `data`, the folder with the import applied), and why.
        case refused(errors: [Diagnostic], data: DataSet, why: String)
        /// `dryRun`: nothing written; the change as a unified diff per file.
        case dryRun(diff: String)
        /// Written; the sentence says what came in.
        case saved(String)
    }

    /// Imports `sources` (each file's name as messages show it, and its tables) into the
    /// folder. `notices` gets what the reading noticed (a column passed over, a table read
    /// as goals) before the outcome is known.
    public static func perform(folder: String, display: String, asOf: Day, lockTimeout: Double, options: Importer.Options,
                               sources: [(file: String, tables: [SourceTable])], dryRun: Bool, lang: Lang,
                               notices: ([Message]) -> Void = { _ in }) throws -> Outcome {
        try Store.withLock(folder: folder, timeout: lockTimeout) {
            let data = try Store.load(folder: folder, display: display)
            var importer = Importer(data: data, asOf: asOf, options: options)
            do {
                // A table without a header row is passed over with a notice; any other problem stops it all.
                for (file, tables) in sources { try importer.add(tables: tables, file: file) }
            } catch let e as OfficeError {
                throw StoreError(sv: e.message.sv, en: e.message.en)
            }
            notices(importer.notices)
            let edit: ImportEdit
            do { edit = try ImportEdit(data, importer.records) } catch let e as EditError { throw StoreError(sv: e.message.sv, en: e.message.en) }
            if edit.isEmpty && importer.refusal(newErrors: 0, lang) == nil { return .nothingNew(importer.nothingNew(lang)) }
            // Problems are named at the source's row; a plan with rows left out or new errors is not saved.
            let errors = edit.isEmpty ? [] : edit.newErrors(in: data, asOf: asOf).map(edit.located)
            if let why = importer.refusal(newErrors: errors.count, lang) {
                return .refused(errors: errors, data: errors.isEmpty ? data : edit.applied(to: data), why: why)
            }
            if dryRun { return .dryRun(diff: edit.diff(lang)) }
            try Store.writeAtomically(files: edit.files.map { ($0.afterBytes, folder + "/" + $0.kind.fileName) })
            return .saved(importer.saved(edit.files.map { ($0.kind, $0.path, $0.added) }, lang))
        }
    }
}
