import SakerhetCore

/// More than one plan (`--data` repeated, `--plans FILE`): the read-only commands work
/// over all of them (`Rollup` in the core); the others take one plan.
extension Context {
    var isRollup: Bool { options.dataFolders.count > 1 || options.plans != nil }

    static let onePlan = Message(
        sv: "det här kommandot arbetar med en plan i taget; ange en --data DIR (flera planer läses av audit, report, list och log)",
        en: "this command works on one plan at a time; give one --data DIR (several plans are read by audit, report, list and log)")

    /// The folders of the rollup, checked and resolved: each `--data`, then the plans file's.
    func planFolders() throws -> [Plans.Folder] {
        var folders = options.dataFolders.map { Plans.Folder(path: $0, display: Plans.display($0), origin: "--data") }
        if let file = options.plans { folders += try Plans.read(file: file) }
        return try Plans.resolve(folders)
    }
}
