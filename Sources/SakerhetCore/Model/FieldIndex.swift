/// Where each field of the data set is, grouped by the type of its spec.
struct FieldIndex: Sendable {
    struct Place: Sendable {
        let kind: Kind
        let record: Int32
        let field: Int32
        /// The field's spec, as an index into `Schema.list[kind.slot]`.
        let spec: Int16
    }

    var byType: [FieldSpec.ValueType: [Place]] = [:]
    /// Fields that the kind does not define.
    var unknown: [Place] = []
}
