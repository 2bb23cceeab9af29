extension DataSet {
    /// Ids of goals, activities, risks and findings that are not `öppen`: what a public
    /// report leaves out.
    public var classifiedIDs: Set<String> {
        var out = Set<String>()
        for item in goals as [any Item] + activities + risks + findings where item.classification != .open { out.insert(item.id) }
        return out
    }
}
