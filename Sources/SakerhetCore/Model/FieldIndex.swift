/// Where each field of the data set is, grouped by the type of its spec.
struct FieldIndex: Sendable {
    struct Place: Sendable {
        let kind: Kind
        let record: Int32
        let field: Int32
        /// The field's spec, as an index into `Schema.list[kind.slot]`.
        let spec: Int16
    }

    /// The places of each type, by the type's slot in `types`.
    private var places: [[Place]] = []
    private var types: [FieldSpec.ValueType: Int] = [:]
    /// Fields that the kind does not define.
    var unknown: [Place] = []

    /// The places of fields of `type`, in kind, record and field order.
    func places(of type: FieldSpec.ValueType) -> [Place] {
        types[type].map { places[$0] } ?? []
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
