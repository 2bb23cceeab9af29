/// The cycles of a `parent` tree (goals under goals, owners under owners): following
/// `parent` must never come back to the same record. Each cycle is found once, however
/// many records lead into it; the checks that report them (`GoalCycleCheck`,
/// `OwnerCycleCheck`) say only what it means for their kind.
enum ParentCycles {
    /// Each cycle as the ids on it, from where the walk entered it, with the record
    /// index of its member that comes first in the file. `parent(i)` is record `i`'s
    /// parent id; `index(id)` the record with that id, nil when there is none.
    static func find(count: Int, id: (Int) -> String, parent: (Int) -> String?, index: (String) -> Int?) -> [(first: Int, ids: [String])] {
        var out: [(first: Int, ids: [String])] = []
        var reported = Set<String>()
        for i in 0..<count where !reported.contains(id(i)) {
            var path = [id(i)]
            var seen: Set<String> = [id(i)]
            var cur = parent(i)
            while let p = cur, let next = index(p) {
                if seen.contains(p) {
                    guard let start = path.firstIndex(of: p) else { break }
                    let cycle = Array(path[start...])
                    if cycle.allSatisfy({ !reported.contains($0) }) {
                        reported.formUnion(cycle)
                        out.append((cycle.compactMap(index).min()!, cycle))
                    }
                    break
                }
                seen.insert(p)
                path.append(p)
                cur = parent(next)
            }
        }
        return out
    }
}
