import Foundation
import SakerhetCore

/// The one way a command changes data: lock the folder (which clears temporary files of
/// killed writers), load it fresh, make the edit, refuse it if it adds an error (or, with
/// --commit, if the file has changes not yet committed), write atomically, and commit if asked.
enum Writer {
    static func perform(_ ctx: Context, dryRun: Bool, commit: Bool, _ make: (DataSet) throws -> Edit) throws -> Int32 {
        let (folder, display) = try ctx.dataFolder()
        let asOf = try ctx.asOf()
        if commit && !dryRun && Git.topLevel(of: folder) == nil {
            throw StoreError(sv: "--commit: \(display) ligger inte i ett git-förråd; kör 'git init' eller utelämna --commit",
                             en: "--commit: \(display) is not in a git repository; run 'git init' or leave out --commit")
        }
        // How long to wait for another writer: 10 s, or SAKERHET_LOCK_TIMEOUT seconds.
        let wait = ProcessInfo.processInfo.environment["SAKERHET_LOCK_TIMEOUT"].flatMap(Double.init) ?? 10
        return try Store.withLock(folder: folder, timeout: wait) {
            let data = try Store.load(folder: folder, display: display)
            var edit: Edit
            do { edit = try make(data) } catch let e as EditError {
                guard e.isRefusal else { throw UsageError(sv: e.message.sv, en: e.message.en) }
                Output.error("sakerhet: " + (ctx.lang == .sv ? "nekat: " : "refused: ") + e.message.text(ctx.lang))
                Exit.now(Exit.problems)
            }
            let errors = edit.newErrors(in: data, asOf: asOf)
            if !errors.isEmpty {
                for d in errors { Output.error(DiagnosticText.line(d, data: data, lang: ctx.lang, style: .plain)) }
                Output.error("sakerhet: " + (ctx.lang == .sv
                    ? "ändringen skulle ge \(errors.count) \(errors.count == 1 ? "nytt" : "nya") fel och sparades inte; rätta värdet och försök igen"
                    : "the change would add \(errors.count) new error\(errors.count == 1 ? "" : "s") and was not saved; correct the value and try again"))
                Exit.now(Exit.problems)
            }
            edit.notices += edit.pastDeadlineNotices(asOf: asOf)
            func notices() { for n in edit.notices { Output.error("sakerhet: " + (ctx.lang == .sv ? "notis: " : "notice: ") + n.text(ctx.lang)) } }
            if dryRun {
                notices()
                try Output.write(Diff.unified(edit.before.bytes, edit.afterBytes, path: edit.path, style: ctx.style))
                Exit.now(Exit.ok)
            }
            let path = folder + "/" + edit.kind.fileName
            // A commit takes the whole file: refuse when it holds changes not made here.
            if commit, let why = try Git.uncommittedState(of: path, display: edit.path) {
                Output.error("sakerhet: " + (ctx.lang == .sv ? "nekat: " : "refused: ") + why.text(ctx.lang))
                Exit.now(Exit.problems)
            }
            try Store.writeAtomically(edit.afterBytes, to: path)
            if commit { try Git.commit(file: path, message: edit.summary) }
            try Output.write(edit.summary + (commit ? (ctx.lang == .sv ? " (incheckad)" : " (committed)") : "") + "\n")
            notices()
            // The file is written and renamed; ending here spares freeing the data set,
            // and the lock goes with the process.
            Exit.now(Exit.ok)
        }
    }
}
