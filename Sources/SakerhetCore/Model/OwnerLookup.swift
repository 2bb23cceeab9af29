extension DataSet {
    /// Owners matching `query`: the one with that id, else those whose name contains it
    /// (case-insensitive). More than one result means the query is ambiguous.
    public func findOwners(_ query: String) -> [Owner] {
        if let o = owner(query) { return [o] }
        let q = query.lowercased()
        return owners.filter { $0.name.lowercased().includes(q) }
    }

    /// The owners below `id` in owners.rec's `parent` tree, nearest first (children in
    /// file order, then theirs), without `id` itself. A cycle of parents is followed
    /// once round: each owner is taken once, and `id` never (the `owner-cycle` check
    /// reports the cycle).
    public func ownersBelow(_ id: String) -> [String] {
        var children: [String: [String]] = [:]
        for o in owners { if let p = o.parent { children[p, default: []].append(o.id) } }
        var seen: Set<String> = [id]
        var out: [String] = []
        var next = 0
        var queue = children[id] ?? []
        while next < queue.count {
            let cur = queue[next]
            next += 1
            guard seen.insert(cur).inserted else { continue }
            out.append(cur)
            queue += children[cur] ?? []
        }
        return out
    }

    /// What `--owner query` selects: the owner with that id or the one whose name holds
    /// the query, with every owner below it (`ownersBelow`).
    public func ownerScope(_ query: String) -> OwnerScope.Found {
        let found = findOwners(query)
        if found.count > 1 { return .ambiguous(found) }
        if let o = found.first { return .found(OwnerScope(id: o.id, name: o.name, below: ownersBelow(o.id))) }
        return .none
    }

    /// The ids `query` selects in this plan, for the rollup: each owner it matches by id
    /// or part of the name with the owners below it; empty when nothing matches.
    public func ownerIDs(matching query: String) -> Set<String> {
        Set(findOwners(query).flatMap { [$0.id] + ownersBelow($0.id) })
    }
}

/// The owners `--owner` covers: the owner asked for and every owner below it in owners.rec
/// (a förvaltning follows its units' work), said in the output wherever it is filtered.
public struct OwnerScope: Sendable, Equatable {
    /// The owner asked for.
    public let id: String
    /// Its name in owners.rec.
    public let name: String?
    /// The owners below it, nearest first.
    public let below: [String]

    /// The owner and those below it.
    public let ids: Set<String>

    public init(id: String, name: String?, below: [String] = []) {
        self.id = id
        self.name = name
        self.below = below
        ids = Set([id] + below)
    }

    public enum Found: Sendable, Equatable {
        case found(OwnerScope)
        case none
        case ambiguous([Owner])

        public static func == (a: Found, b: Found) -> Bool {
            switch (a, b) {
            case (.found(let x), .found(let y)): return x == y
            case (.none, .none): return true
            case (.ambiguous(let x), .ambiguous(let y)): return x.map(\.id) == y.map(\.id)
            default: return false
            }
        }
    }

    /// True when one of `owners` is covered.
    public func covers(_ owners: [String]) -> Bool { owners.contains(where: ids.contains) }

    /// How many ids below are named before "och N till".
    static let shownBelow = 12

    /// "sf (Socialförvaltningen) och 2 ansvariga under: u1, u2": whom the output covers.
    /// Made safe to print (`SafeText`): the names come from the data.
    public func text(_ lang: Lang) -> String {
        let sv = lang == .sv
        var s = id + (name.map { " (\($0))" } ?? "")
        if !below.isEmpty {
            let n = below.count
            s += sv ? " och \(n) \(n == 1 ? "ansvarig" : "ansvariga") under: " : " and \(n) \(n == 1 ? "owner" : "owners") below it: "
            s += below.prefix(OwnerScope.shownBelow).joined(separator: ", ")
            if n > OwnerScope.shownBelow { s += sv ? " och \(n - OwnerScope.shownBelow) till" : " and \(n - OwnerScope.shownBelow) more" }
        }
        return SafeText.text(s, lang)
    }

    /// The line above a filtered list or audit: "Urval: ansvarig sf (…) och 2 ansvariga under: u1, u2".
    public func line(_ lang: Lang) -> String {
        (lang == .sv ? "Urval: ansvarig " : "Selection: owner ") + text(lang)
    }

    /// "för sf och 2 ansvariga under" in the audit's summary line.
    public func summaryPhrase(_ lang: Lang) -> String {
        let sv = lang == .sv
        let n = below.count
        let rest = n == 0 ? "" : sv ? " och \(n) \(n == 1 ? "ansvarig" : "ansvariga") under" : " and \(n) \(n == 1 ? "owner" : "owners") below it"
        return SafeText.text((sv ? " för " : " for ") + id + rest, lang)
    }
}
