extension Edit {
    /// The data set with this edit applied.
    public func applied(to data: DataSet) -> DataSet {
        var files = data.files
        files[kind] = SourceFile(path: path, document: after)
        return DataSet(folder: data.folder, files: files, configFile: data.configFile)
    }

    /// Errors that the edit would add. Errors already in the data do not count, nor do
    /// those that only say work is late or due: an edit may record a past deadline.
    ///
    /// The records the edit concerns are checked first (see `Neighbourhood.swift`); only
    /// when they show a new error is the whole folder checked, for exact messages.
    public func newErrors(in data: DataSet, asOf: Day) -> [Diagnostic] {
        if addsNoErrorNearby(in: data, asOf: asOf) == true { return [] }
        return newErrorsInWholeFolder(data, asOf: asOf)
    }

    /// Whether the records the edit concerns show no new error; nil when `data`, read
    /// around the record, does not hold them all (see `neighbourhood(in:)`). False says
    /// only that some error is new: its exact message comes from the whole folder.
    public func addsNoErrorNearby(in data: DataSet, asOf: Day) -> Bool? {
        guard let near = neighbourhood(in: data) else { return nil }
        return Edit.added(before: Edit.errors(near.before, asOf), after: Edit.errors(near.after, asOf)).isEmpty
    }

    /// `newErrors` by checking the whole folder before and after the edit.
    public func newErrorsInWholeFolder(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        let after = Edit.errors(applied(to: data), asOf)
        guard !after.isEmpty else { return [] }
        return Edit.added(before: Edit.errors(data, asOf), after: after)
    }

    static func errors(_ data: DataSet, _ asOf: Day) -> [Diagnostic] {
        Checks.run(data, asOf: asOf, checks: Checks.all.filter { !lateness.contains($0.id) }).filter { $0.severity == .error }
    }

    /// The diagnostics of `after` that `before` does not have (counted, so one more of the same also shows).
    static func added(before: [Diagnostic], after: [Diagnostic]) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        for d in before { seen[key(d), default: 0] += 1 }
        var out: [Diagnostic] = []
        for d in after {
            let k = key(d)
            if let n = seen[k], n > 0 { seen[k] = n - 1 } else { out.append(d) }
        }
        return out
    }

    static let lateness: Set<String> = ["overdue", "due-soon", "review"]

    /// What makes an error the same before and after an edit: its check, file, record and
    /// what it says (which names the field and the value), so that swapping one error for
    /// another in the same record counts as a new error. Line numbers in the text are left
    /// out, as an edit moves the lines below it.
    static func key(_ d: Diagnostic) -> String {
        [d.check, d.file, d.recordID ?? "", withoutLineNumbers(d.message.en)].joined(separator: "\u{1F}")
    }

    /// `text` with the number after "line " or ".rec:" replaced by `#`.
    static func withoutLineNumbers(_ text: String) -> String {
        var out = ""
        var skipping = false
        for c in text {
            if c.isASCII, c.isNumber, skipping || out.hasSuffix("line ") || out.hasSuffix(".rec:") {
                if !skipping { out.append("#") }
                skipping = true
                continue
            }
            skipping = false
            out.append(c)
        }
        return out
    }
}
