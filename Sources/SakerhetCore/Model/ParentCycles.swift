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
        // The ids whose walk up the parents an earlier walk has followed to its end. A walk
        // that comes to one stops there: what lies above was seen, and a cycle there was
        // found when it was first come to (and reported then, or already part of one
        // reported). Without this, a chain of n goals took n walks of up to n steps: 7 s
        // for 5,000 goals one under the other.
        var walked = Set<String>()
        for i in 0..<count where !reported.contains(id(i)) {
            let start = id(i)
            // A record whose id another record also has (an error of its own) starts a walk
            // that is not the walk from its id: it is followed to its end as before, and
            // neither stops at nor adds to what was walked.
            let remembered = index(start) == i
            if remembered && walked.contains(start) { continue }
            var path = [start]
            var seen: Set<String> = [start]
            var cur = parent(i)
            while let p = cur, let next = index(p) {
                if remembered && walked.contains(p) { break }
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
            if remembered { walked.formUnion(path) }
        }
        return out
    }
}
