import SakerhetCore

enum OwnerOption {
    /// `--owner O`: an owner id or an unambiguous part of a name, with every owner below
    /// it (`DataSet.ownerScope`); an id that records use but owners.rec lacks is taken as
    /// written, with a notice on standard error. `full` loads every kind, to look for such
    /// an id when `data` holds only some.
    static func find(_ query: String?, lang: Lang, in data: () throws -> DataSet, full: (() throws -> DataSet)? = nil) throws -> OwnerScope? {
        guard let q = query else { return nil }
        var data = try data()
        var found = data.ownerScope(q)
        if found == .none, let full {
            data = try full()
            found = data.ownerScope(q)
        }
        switch found {
        case .found(let scope):
            if let notice = scope.missingNotice {
                Output.error("sakerhet: " + (lang == .sv ? "notis: " : "notice: ") + notice.text(lang), lang)
            }
            return scope
        case .none:
            let hint = Suggest.closest(to: q, in: data.owners.map(\.id))
            throw UsageError(sv: "ingen ansvarig matchar '\(q)'" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "no owner matches '\(q)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        case .ambiguous(let owners):
            let list = owners.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            throw UsageError(sv: "'\(q)' matchar flera ansvariga: \(list); ange ett id", en: "'\(q)' matches several owners: \(list); give an id")
        }
    }
}
