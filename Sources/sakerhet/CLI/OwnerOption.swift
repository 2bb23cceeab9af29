import SakerhetCore

enum OwnerOption {
    /// `--owner O`: an owner id or an unambiguous part of a name.
    static func find(_ query: String?, in data: () throws -> DataSet) throws -> Owner? {
        guard let q = query else { return nil }
        let data = try data()
        let found = data.findOwners(q)
        switch found.count {
        case 1: return found[0]
        case 0:
            let hint = Suggest.closest(to: q, in: data.owners.map(\.id))
            throw UsageError(sv: "ingen ansvarig matchar '\(q)'" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "no owner matches '\(q)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        default:
            let list = found.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            throw UsageError(sv: "'\(q)' matchar flera ansvariga: \(list); ange ett id", en: "'\(q)' matches several owners: \(list); give an id")
        }
    }
}
