/// The records an edit can change the diagnostics of, as two small data sets: before and
/// after the edit. A check relates a record only to the records it names (`goal`,
/// `parent`, `owner`, `action`, …) and to those with the same id, so an edit of record R
/// can change the errors of R, of the records R names before or after (with the chains of
/// parents above them) and of the records that name R. Everything else is the same before
/// and after, and is left out of both.
extension Edit {
    /// The records before and after the edit, or nil when `data` is read around the
    /// record (`Store.load(folder:display:around:)`) and lacks some of them: a file read
    /// as an excerpt (`Document.sieve`) holds the records with the strings it was searched
    /// for, and every record looked for by an id must be among them.
    func neighbourhood(in data: DataSet) -> (before: DataSet, after: DataSet)? {
        let old: Record? = index.map { before.records[$0] }
        let new = block?.records ?? []
        let changed = (old.map { [$0] } ?? []) + new
        let ids = Set(changed.compactMap { $0.value(.id) })
        var chosen = [Set<Int>](repeating: [], count: Kind.allCases.count)
        var reached = true
        // Whether the records of kind k with this id, or that name it, are all in `data`.
        func lookUp(_ k: Kind, _ id: String) {
            if let sieve = data.files[k]?.document.sieve, !sieve.contains(id) { reached = false }
        }

        func include(_ k: Kind, id: String) -> [Int] {
            lookUp(k, id)
            var added: [Int] = []
            for j in data.records(of: k, id: id) where !(k == kind && j == index) && chosen[k.slot].insert(j).inserted {
                added.append(j)
            }
            return added
        }
        func includeFollowups(_ names: (String) -> Bool) {
            guard let file = data.files[.followup] else { return }
            for (j, r) in file.document.records.enumerated() where !(kind == .followup && j == index) {
                if let v = r.value(.record), names(v) { chosen[Kind.followup.slot].insert(j) }
            }
        }
        // Records with the same id.
        for id in ids { _ = include(kind, id: id) }
        // The records R names, and the chains of parents above them.
        var walk: [(Kind, Record)] = changed.map { (kind, $0) }
        while let (k, r) = walk.popLast() {
            for f in r.fields {
                // A follow-up names a goal or an activity, and shares its record and period with no other follow-up.
                if k.spec(code: f.code)?.type == .followedRecord {
                    _ = include(.goal, id: f.value)
                    _ = include(.activity, id: f.value)
                    lookUp(.followup, f.value)
                    includeFollowups { $0 == f.value }
                }
                guard let spec = k.spec(code: f.code), case .ref(let target) = spec.type else { continue }
                let added = include(target, id: f.value)
                // Only a record's own kind forms chains (goal → parent goal).
                if target == k, let file = data.files[target] {
                    walk += added.map { (target, file.document.records[$0]) }
                }
            }
        }
        // The follow-ups of a goal or an activity name it.
        if kind == .goal || kind == .activity {
            for id in ids { lookUp(.followup, id) }
            includeFollowups(ids.contains)
        }
        // The records that name R.
        for other in Kind.allCases {
            let keys = Schema.list[other.slot].filter { $0.type == .ref(kind) }.map { UInt8($0.key.rawValue) }
            guard !keys.isEmpty, let file = data.files[other] else { continue }
            for id in ids { lookUp(other, id) }
            for (j, r) in file.document.records.enumerated() where !(other == kind && j == index) {
                for f in r.fields where keys.contains(f.code) && ids.contains(f.value) {
                    chosen[other.slot].insert(j)
                    break
                }
            }
        }

        func dataSet(edited: Bool) -> DataSet {
            var files: [Kind: SourceFile] = [:]
            for (k, file) in data.files {
                let doc = file.document
                var segments: [Document.Segment] = []
                var pending = k == kind  // R still to be placed
                for j in chosen[k.slot].sorted() {
                    if pending, let i = index, j > i {
                        segments += edited ? blockSegments : [doc.segment(ofRecord: i)]
                        pending = false
                    }
                    let shift = edited && k == kind && index.map { j > $0 } == true ? lineShift : 0
                    segments.append(doc.segment(ofRecord: j, lineShift: shift))
                }
                if pending {
                    if edited { segments += blockSegments } else if let i = index { segments.append(doc.segment(ofRecord: i)) }
                }
                files[k] = SourceFile(path: file.path, document: Document(segments: segments))
            }
            return DataSet(folder: data.folder, files: files, configFile: data.configFile)
        }
        guard reached else { return nil }
        return (dataSet(edited: false), dataSet(edited: true))
    }

    /// The record's lines after the edit, record by record.
    private var blockSegments: [Document.Segment] {
        guard let block else { return [] }
        return block.records.indices.map { block.segment(ofRecord: $0) }
    }
}
