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

    /// How many records (of the kinds loaded) name `id` as an owner, and whether an owner
    /// in owners.rec names it as its `parent`: an owner id in use that owners.rec may lack.
    public func ownerUses(_ id: String) -> (records: Int, asParent: Bool) {
        var n = 0
        n += goals.reduce(0) { $0 + ($1.owners.contains(id) ? 1 : 0) }
        n += activities.reduce(0) { $0 + ($1.owners.contains(id) ? 1 : 0) }
        n += risks.reduce(0) { $0 + ($1.owners.contains(id) ? 1 : 0) }
        n += findings.reduce(0) { $0 + ($1.owners.contains(id) ? 1 : 0) }
        return (n, owners.contains { $0.parent == id })
    }

    /// What `--owner query` selects: the owner with that id or the one whose name holds
    /// the query, with every owner below it (`ownersBelow`); else an owner id that records
    /// (or owners' `parent`) use although owners.rec lacks it, exactly as written.
    public func ownerScope(_ query: String) -> OwnerScope.Found {
        let found = findOwners(query)
        if found.count > 1 { return .ambiguous(found) }
        if let o = found.first { return .found(OwnerScope(id: o.id, name: o.name, below: ownersBelow(o.id))) }
        let uses = ownerUses(query)
        guard uses.records > 0 || uses.asParent else { return .none }
        return .found(OwnerScope(id: query, name: nil, below: ownersBelow(query), records: uses.records))
    }
}

/// The owners `--owner` covers: the owner asked for and every owner below it in owners.rec
/// (a förvaltning follows its units' work), said in the output wherever it is filtered.
public struct OwnerScope: Sendable, Equatable {
    /// The owner asked for.
    public let id: String
    /// Its name in owners.rec; nil when owners.rec lacks it (an id records use).
    public let name: String?
    /// The owners below it, nearest first.
    public let below: [String]
    /// For an owner owners.rec lacks: how many records name it.
    public let records: Int

    /// The owner and those below it.
    public let ids: Set<String>

    public init(id: String, name: String?, below: [String] = [], records: Int = 0) {
        self.id = id
        self.name = name
        self.below = below
        self.records = records
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
        var s = id + (name.map { " (\($0))" } ?? (sv ? " (finns inte i owners.rec)" : " (not in owners.rec)"))
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

    /// The notice for an owner owners.rec lacks: it is selected as written.
    public var missingNotice: Message? {
        guard name == nil else { return nil }
        let (id, n) = (self.id, records)
        let usedSv = n == 0 ? "är parent för ansvariga där" : "används av \(n) \(n == 1 ? "post" : "poster")"
        let usedEn = n == 0 ? "owners there name it as parent" : "\(n) \(n == 1 ? "record uses" : "records use") it"
        return Message(sv: "ansvarig '\(id)' finns inte i owners.rec men \(usedSv); lägg till den i owners.rec (id: \(id), name: …)",
                       en: "owner '\(id)' is not in owners.rec but \(usedEn); add it to owners.rec (id: \(id), name: …)")
    }
}
