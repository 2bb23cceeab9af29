extension Edit {
    /// The data set with this edit applied.
    public func applied(to data: DataSet) -> DataSet {
        var files = data.files
        files[kind] = SourceFile(path: path, document: after)
        return DataSet(folder: data.folder, files: files, configFile: data.configFile)
    }

    /// Errors that the edit would add. Errors already in the data do not count, nor do
    /// those that only say work is late or due: an edit may record a past deadline.
    public func newErrors(in data: DataSet, asOf: Day) -> [Diagnostic] {
        let checks = Checks.all.filter { !Edit.lateness.contains($0.id) }
        let after = Checks.run(applied(to: data), asOf: asOf, checks: checks).filter { $0.severity == .error }
        guard !after.isEmpty else { return [] }
        let before = Checks.run(data, asOf: asOf, checks: checks).filter { $0.severity == .error }
        var seen: [String: Int] = [:]
        for d in before { seen[Edit.key(d), default: 0] += 1 }
        var out: [Diagnostic] = []
        for d in after {
            let k = Edit.key(d)
            if let n = seen[k], n > 0 { seen[k] = n - 1 } else { out.append(d) }
        }
        return out
    }

    static let lateness: Set<String> = ["overdue", "due-soon", "review"]

    static func key(_ d: Diagnostic) -> String {
        [d.check, d.file, d.recordID ?? d.message.en].joined(separator: "\u{1F}")
    }
}
