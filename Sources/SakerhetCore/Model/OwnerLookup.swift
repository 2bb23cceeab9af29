extension DataSet {
    /// Owners matching `query`: the one with that id, else those whose name contains it
    /// (case-insensitive). More than one result means the query is ambiguous.
    public func findOwners(_ query: String) -> [Owner] {
        if let o = owner(query) { return [o] }
        let q = query.lowercased()
        return owners.filter { $0.name.lowercased().includes(q) }
    }
}
