import FoundationEssentials
import SakerhetCore

/// Renders a safe write (`SafeWrite.perform` in the core: lock, load, edit, validate,
/// write, commit) for the terminal, and gives its exit code.
enum Writer {
    /// Reads `--dry-run` and `--commit` from `o`.
    /// `creating`: a missing file of this kind is created by the write; `record`: the
    /// record the edit changes, for reading the folder around it (`SafeWrite.perform`).
    static func perform(_ ctx: Context, _ o: ParsedOptions, creating: Kind? = nil, record: (kind: Kind, id: String)? = nil,
                        _ make: (DataSet) throws -> Edit) throws -> Int32 {
        let (folder, display) = try ctx.dataFolder()
        let asOf = try ctx.asOf()
        // How long to wait for another writer: 10 s, or SAKERHET_LOCK_TIMEOUT seconds.
        let wait = try ctx.lockTimeout()
        let commit = o.flag("--commit")
        let outcome: WriteOutcome
        do {
            outcome = try SafeWrite.perform(folder: folder, display: display, asOf: asOf, dryRun: o.flag("--dry-run"),
                                            commit: commit, lockTimeout: wait, diffStyle: ctx.style, lang: ctx.lang, creating: creating, record: record, loaded: { ctx.keep($0) },
                                            notices: { for n in $0 { Output.error("sakerhet: " + (ctx.lang == .sv ? "notis: " : "notice: ") + n.text(ctx.lang), ctx.lang) } },
                                            edit: make)
        } catch let e as EditError {
            throw UsageError(sv: e.message.sv, en: e.message.en)
        }
        switch outcome {
        case .refused(let why):
            Output.error("sakerhet: " + (ctx.lang == .sv ? "nekat: " : "refused: ") + why.text(ctx.lang), ctx.lang)
            return Exit.problems
        case .invalid(let errors, let data):
            for d in errors { Output.error(DiagnosticText.line(d, data: data, lang: ctx.lang, style: .plain), ctx.lang) }
            Output.error("sakerhet: " + (ctx.lang == .sv
                ? "ändringen skulle ge \(errors.count) \(errors.count == 1 ? "nytt" : "nya") fel och sparades inte; rätta värdet och försök igen"
                : "the change would add \(errors.count) new error\(errors.count == 1 ? "" : "s") and was not saved; correct the value and try again"), ctx.lang)
            return Exit.problems
        case .unchanged(let record):
            try Output.write(SafeText.text(record, ctx.lang) + (ctx.lang == .sv ? " oförändrad; värdena var redan de angivna, inget skrevs\n" : " unchanged; the values were already those given, nothing was written\n"))
            return Exit.ok
        case .dryRun(let diff):
            try Output.write(diff)
            return Exit.ok
        case .written(let summary, let path, let committed):
            do {
                try Output.write(summary.text(ctx.lang) + (committed ? (ctx.lang == .sv ? " (incheckad)" : " (committed)") : "") + "\n")
            } catch let e as StoreError {
                // The write is done: say so, whatever became of the line that tells it.
                throw StoreError(sv: "ändringen är sparad i \(path)\(committed ? " och incheckad" : ""), men raden om den kunde inte skrivas: " + e.message.sv,
                                 en: "the change is saved in \(path)\(committed ? " and committed" : ""), but the line that tells it could not be written: " + e.message.en)
            }
            return Exit.ok
        }
    }
}
