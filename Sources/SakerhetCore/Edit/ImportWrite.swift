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
            // One problem of a cell shows in each record made from it (an owner's id and name
            // both from its name): said once per row, column and message.
            var seen = Set<String>()
            let applied = edit.isEmpty ? data : edit.applied(to: data)
            let errors = (edit.isEmpty ? [] : edit.newErrors(in: data, applied: applied, asOf: asOf).map(edit.located)).filter { d in
                seen.insert([d.file, String(d.line), d.check, d.message.en].joined(separator: "\u{1F}")).inserted
            }
            if let why = importer.refusal(newErrors: errors.count, lang) {
                return .refused(errors: errors, data: errors.isEmpty ? data : edit.applied(to: data), why: why)
            }
            // Lateness is no error of the import (an old plan has late rows), but `audit`
            // fails on it tomorrow: said now, naming the records.
            if !edit.isEmpty, let late = lateNotice(edit.late(in: applied, asOf: asOf), applied, asOf: asOf) { notices([late]) }
            if dryRun { return .dryRun(diff: edit.diff(lang)) }
            try Store.writeAtomically(files: edit.files.map { ($0.afterBytes, folder + "/" + $0.kind.fileName) })
            return .saved(importer.saved(edit.files.map { ($0.kind, $0.path, $0.added) }, lang))
        }
    }

    /// The records the import adds that are overdue on `asOf` (`late`, their `overdue`
    /// errors), as a notice naming up to ten of them, with the fix that fits: a standing
    /// control (`löpande` with `every`) cannot be postponed, its check is recorded. Nil
    /// when there are none.
    static func lateNotice(_ late: [Diagnostic], _ applied: DataSet, asOf: Day) -> Message? {
        guard !late.isEmpty else { return nil }
        var ids: [String] = []
        var standing = 0
        for d in late {
            guard let id = d.recordID, !ids.contains(id) else { continue }
            ids.append(id)
            // Looked up by the id index, not by a walk of every activity for each late one.
            if d.file == applied.path(.activity),
               applied.records(of: .activity, id: id).contains(where: { applied.record(RecordRef(kind: .activity, index: $0)).isStandingControl }) {
                standing += 1
            }
        }
        let shown = ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? ", …" : "")
        let n = ids.count
        let one = n == 1
        var fixSV: [String] = [], fixEN: [String] = []
        if standing < n {
            fixSV.append("markeras klar\(one ? "" : "a") (done) eller flyttas med ett skäl (postpone --to … --reason …)")
            fixEN.append("marked done (done) or moved with a reason (postpone --to … --reason …)")
        }
        if standing > 0 {
            fixSV.append((standing < n ? "en löpande kontroll tills " : "") + "kontrollen registreras (done --date …)")
            fixEN.append((standing < n ? "a standing control until " : "") + "its check is recorded (done --date …)")
        }
        return Message(sv: (one ? "notis: en av de importerade posterna är redan försenad" : "notis: \(n) av de importerade posterna är redan försenade")
                           + " per \(asOf) (\(shown)); audit visar \(one ? "den" : "dem") som fel tills "
                           + (standing == n ? fixSV[0] : "\(one ? "den" : "de") " + fixSV.joined(separator: ", ")),
                       en: "note: \(n) of the imported records \(one ? "is" : "are") already overdue as of \(asOf) (\(shown)); "
                           + "audit reports \(one ? "it" : "them") as \(one ? "an error" : "errors") until "
                           + (standing == n ? fixEN[0] : fixEN.joined(separator: ", ")))
    }
}
