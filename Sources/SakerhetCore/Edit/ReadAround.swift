/// What an edit of one record reads of each file. An edit of record R is judged on its
/// neighbourhood (`Neighbourhood.swift`): the records with R's id, those that name R,
/// and those that R names with the chains of parents above them. In a large folder,
/// parsing every file is most of a write's work, so the files are read as excerpts
/// (`Document(bytes:holding:)`) that hold those records, and the writer checks that the
/// edit looked for nothing else (`Edit.addsNoErrorNearby`); when it did, the edit is
/// made again on the whole folder.
public enum ReadAround {
    /// The documents of `files` (each file's bytes by kind) as an edit of record `id` of
    /// `kind` reads them:
    /// - a file whose kind names no record of its own kind, and that `kind` names by no
    ///   field (`filesReadAroundID`), around the id: only the records with the edited id
    ///   and those that name it can be looked for there, and each holds the id;
    /// - goals.rec around the id and the goals the edited record names, with every goal
    ///   above them (`parent`): the chains an edit walks;
    /// - every other file (owners, areas, what the kind names besides goals) whole.
    /// An id with a byte outside ASCII may be written composed or not, and the model takes
    /// both for one id: for it every file is read whole, and such a goal is not searched
    /// for (an edit that looks for it is made again on the whole folder).
    /// With `goalsWhole`, goals.rec is read whole (for `show`, whose checks may suggest the
    /// closest of every goal's id).
    public static func documents(_ files: [Kind: [UInt8]], around record: (kind: Kind, id: String), goalsWhole: Bool = false) -> [Kind: Document] {
        let ascii = Document.isSearchable(record.id)
        let excerpts = ascii ? filesReadAroundID(record.kind) : []
        var out: [Kind: Document] = [:]
        for (k, bytes) in files where k != .goal {
            out[k] = excerpts.contains(k) ? Document(bytes: bytes, holding: [record.id]) : Document(bytes: bytes)
        }
        if let bytes = files[.goal] {
            if ascii && !goalsWhole && !excerpts.contains(.goal) && readsGoalsAroundNamed(record.kind) {
                // The goals the edited record names now; an edit that names others looks
                // past the excerpt and is made again on the whole folder.
                var named: Set<String> = [record.id]
                if record.kind != .goal, let doc = out[record.kind] {
                    let codes = Schema.list[record.kind.slot].filter { $0.type == .ref(.goal) }.map { UInt8($0.key.rawValue) }
                    for r in doc.records where r.value(.id) == record.id {
                        for f in r.fields where codes.contains(f.code) && Document.isSearchable(f.value) { named.insert(f.value) }
                    }
                }
                out[.goal] = Document(bytes: bytes, holding: named, closedUnder: .parent)
            } else {
                out[.goal] = excerpts.contains(.goal) ? Document(bytes: bytes, holding: [record.id]) : Document(bytes: bytes)
            }
        }
        return out
    }

    /// The files that an edit of one record of `kind` reads around the record's id: those
    /// of kinds that name no record of their own kind (no chain of parents to follow) and
    /// that `kind` names by no field.
    public static func filesReadAroundID(_ kind: Kind) -> [Kind] {
        let named = namedKinds(kind)
        return Kind.allCases.filter { k in
            !named.contains(k) && !Schema.list[k.slot].contains { $0.type == .ref(k) }
        }
    }

    /// Whether goals.rec is read around the goals an edited record of `kind` names (and
    /// the id), closed under `parent`: when `kind` names goals only by references, not
    /// as the record a follow-up follows (whose other follow-ups are looked for by it).
    static func readsGoalsAroundNamed(_ kind: Kind) -> Bool {
        !Schema.list[kind.slot].contains { $0.type == .followedRecord }
    }

    /// The kinds that `kind`'s fields name.
    private static func namedKinds(_ kind: Kind) -> Set<Kind> {
        Set(Schema.list[kind.slot].flatMap { spec -> [Kind] in
            switch spec.type {
            case .ref(let target): return [target]
            case .followedRecord: return [.goal, .activity, .followup]
            default: return []
            }
        })
    }
}
