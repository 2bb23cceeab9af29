/// Where each field of the data set is, grouped by the type of its spec.
struct FieldIndex: Sendable {
    /// 12 bytes: the kind last, after the two-byte spec, so that it takes no padding of its own.
    struct Place: Sendable {
        let record: Int32
        let field: Int32
        /// The field's spec, as an index into `Schema.list[kind.slot]`.
        let spec: Int16
        let kind: Kind

        init(kind: Kind, record: Int32, field: Int32, spec: Int16) {
            self.record = record
            self.field = field
            self.spec = spec
            self.kind = kind
        }

        /// Whether this place comes before `other` in the files: by kind, record, field.
        @inline(__always)
        func precedes(_ other: Place) -> Bool {
            if kind != other.kind { return kind.slot < other.kind.slot }
            return record != other.record ? record < other.record : field < other.field
        }
    }

    /// Whether fields of `type` are indexed: free text is judged by no check of one type
    /// (the record checks see it), so its places, half of all fields, are not kept.
    static func isIndexed(_ type: FieldSpec.ValueType) -> Bool { type != .text }

    /// The places of each type, by the type's slot in `types`.
    private var places: [[Place]] = []
    private var types: [FieldSpec.ValueType: Int] = [:]
    /// Fields that the kind does not define.
    var unknown: [Place] = []

    /// The places of fields of `type`, in kind, record and field order.
    func places(of type: FieldSpec.ValueType) -> [Place] {
        assert(FieldIndex.isIndexed(type), "free-text fields are not indexed")
        return types[type].map { places[$0] } ?? []
    }

    /// The slot of `type`, made on first sight: the index is built with one dictionary
    /// lookup per spec, not one per field.
    mutating func slot(of type: FieldSpec.ValueType) -> Int {
        if let s = types[type] { return s }
        types[type] = places.count
        places.append([])
        return places.count - 1
    }

    mutating func append(_ place: Place, slot: Int) { places[slot].append(place) }
}
