import SakerhetCore

enum OwnerOption {
    /// `--owner O`: an owner id or an unambiguous part of a name, with every owner below
    /// it (`DataSet.ownerScope`).
    static func find(_ query: String?, lang: Lang, in data: () throws -> DataSet) throws -> OwnerScope? {
        guard let q = query else { return nil }
        let data = try data()
        switch data.ownerScope(q) {
        case .found(let scope):
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
