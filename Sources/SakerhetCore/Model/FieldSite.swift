/// What a field check's test reads beside the field: the data set, and the id indexes of
/// the kinds its references name, each fetched from the data set once per walk (made on
/// first use there, behind its lock) and then read at every field without a lock or a
/// copy. One site per walk, so it is changed by one thread only.
///
/// Here in the model layer, not beside the checks, because reading an index without
/// copying it takes a pointer: a copy retained and released its three buffers at every
/// field, counts that the walks on the other cores changed too.
public struct FieldSite {
    public let data: DataSet
    /// Each kind's index once fetched (`fetched`, a bit per kind), kept so that its
    /// reader's pointers stay valid; an empty one before.
    private var ids = [IDIndex](repeating: IDIndex([]), count: Kind.allCases.count)
    private var readers = [IDIndex.Reader](repeating: IDIndex.Reader(), count: Kind.allCases.count)
    private var fetched: UInt32 = 0

    init(_ data: DataSet) { self.data = data }

    /// Whether a record of `kind` has the field's value as its id, read where it lies.
    mutating func has(_ kind: Kind, idOf field: FieldRef) -> Bool {
        let slot = kind.slot
        if fetched & 1 << slot == 0 {
            ids[slot] = data.idIndex(of: kind)
            readers[slot] = IDIndex.Reader(ids[slot])
            fetched |= 1 << slot
        }
        return readers.withUnsafeBufferPointer { $0[slot].contains(field) }
    }
}
