/// Walks over the fields of a data set for the checks, in file order.
extension DataSet {
    /// Calls `body` for every field that its kind does not define.
    func forEachUnknownField(_ body: (RecordRef, Record, Field) -> Void) {
        for p in fieldIndex.unknown {
            let r = files[p.kind]!.document.records[Int(p.record)]
            body(RecordRef(kind: p.kind, index: Int(p.record)), r, r.fields[Int(p.field)])
        }
    }

    /// Calls `body` for every non-empty field of the given value types, in file order: kind,
    /// record, field; not `.text`, whose places the index does not keep
    /// (`FieldIndex.isIndexed`). `include` may pass over fields by their spec before the
    /// field itself is read.
    ///
    /// The places of the types are merged, so that each record's fields are visited in one
    /// go, not once per type: a record's fields are a separate block of memory, and reading
    /// it is most of the cost of a walk.
    func forEachField(ofType types: [FieldSpec.ValueType], where include: ((FieldSpec) -> Bool)? = nil,
                      _ body: (RecordRef, Field, FieldSpec) -> Void) {
        let index = fieldIndex
        let lists = types.map { index.places(of: $0) }
        var next = [Int](repeating: 0, count: lists.count)
        // The places are in kind order: each kind's records and specs are held once, and
        // each field and spec is read where it lies (a copy retains their strings).
        for kind in Kind.allCases {
            guard let records = files[kind]?.document.records else { continue }
            records.withUnsafeBufferPointer { records in
                Schema.list[kind.slot].withUnsafeBufferPointer { specs in
                    while true {
                        var best = -1
                        for k in lists.indices where next[k] < lists[k].count && lists[k][next[k]].kind == kind {
                            if best < 0 || lists[k][next[k]].precedes(lists[best][next[best]]) { best = k }
                        }
                        guard best >= 0 else { return }
                        let p = lists[best][next[best]]
                        next[best] += 1
                        let spec = Int(p.spec)
                        if let include, !include(specs[spec]) { continue }
                        records[Int(p.record)].fields.withUnsafeBufferPointer { fields in
                            let j = Int(p.field)
                            guard !fields[j].isEmpty else { return }
                            body(RecordRef(kind: kind, index: Int(p.record)), fields[j], specs[spec])
                        }
                    }
                }
            }
        }
    }
}
