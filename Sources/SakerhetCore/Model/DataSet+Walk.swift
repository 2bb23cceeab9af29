/// Walks over the fields of a data set for the checks, in file order: kind, record, field.
///
/// A walk reads each record's fields where they lie and keeps nothing: an index of the
/// fields by type, built once for every check, cost 12 bytes a field (110 MB at 1,000,000
/// activities) and, to build, more time than the walks it saved (docs/performance.md,
/// "Walks without a field index").
extension DataSet {
    /// Calls `body` for every field that its kind does not define.
    func forEachUnknownField(_ body: (RecordRef, Record, Field) -> Void) {
        for kind in Kind.allCases {
            walk(kind, Schema.undefinedCodes[kind.slot]) { i, field in body(RecordRef(kind: kind, index: i), files[kind]!.document.records[i], field.field) }
        }
    }

    /// Calls `body` for every non-empty field of the given value types. `include` may pass
    /// over fields by their spec; it is asked once per spec, not once per field.
    func forEachField(ofType types: [FieldSpec.ValueType], where include: ((FieldSpec) -> Bool)? = nil,
                      _ body: (RecordRef, FieldRef, FieldSpec) -> Void) {
        for kind in Kind.allCases {
            let count = files[kind]?.document.records.count ?? 0
            forEachField(of: kind, in: 0..<count, wanted: DataSet.codes(of: kind, types, where: include)) { i, field, spec in
                body(RecordRef(kind: kind, index: i), field, spec)
            }
        }
    }

    /// The codes (256 entries, by `Field.code`) of `kind`'s fields of the given value
    /// types that `include` keeps. Marked spec by spec (a kind has a few dozen), not code
    /// by code.
    static func codes(of kind: Kind, _ types: [FieldSpec.ValueType], where include: ((FieldSpec) -> Bool)? = nil) -> [Bool] {
        var wanted = [Bool](repeating: false, count: 256)
        for spec in Schema.list[kind.slot] where types.contains(spec.type) && include?(spec) ?? true { wanted[spec.key.rawValue] = true }
        return wanted
    }

    /// Calls `body` with the record's index, the field and its spec, for every non-empty
    /// field of the records `range` of `kind` whose code is marked in `wanted`: one piece
    /// of the fused check runner's walk (`FusedRun`), or the whole of `forEachField`.
    func forEachField(of kind: Kind, in range: Range<Int>, wanted: [Bool], _ body: (Int, FieldRef, FieldSpec) -> Void) {
        let specs = Schema.list[kind.slot]
        let byCode = Schema.byCode[kind.slot]
        walk(kind, wanted, range) { i, field in
            guard !field.isEmpty else { return }
            body(i, field, specs[Int(byCode[Int(field.code)])])
        }
    }

    /// Calls `body` with the record's index and the field, for each field of `kind` whose
    /// key's code is marked in `wanted` (256 entries, by `Field.code`), in record and field
    /// order, in the records `range` (all of them by default). A kind with nothing wanted,
    /// or no file, is not walked. Fields are read in place: a copy of a field or of a
    /// record's field list retains it, and most fields are passed over.
    private func walk(_ kind: Kind, _ wanted: [Bool], _ range: Range<Int>? = nil, _ body: (Int, FieldRef) -> Void) {
        guard wanted.contains(true), let records = files[kind]?.document.records else { return }
        // The records' field blocks held once each (`FieldList.view(keeping:)`), not
        // retained and released for every record: counts that the walks on the other
        // cores change too.
        var holder = FieldList()
        // A record none of whose codes is wanted is passed over by its `codes`.
        var mask: UInt64 = 0
        for code in wanted.indices where wanted[code] {
            mask |= 1 << UInt64(min(code, Int(FieldCodes.otherBit)))
        }
        wanted.withUnsafeBufferPointer { wanted in
            records.withUnsafeBufferPointer { records in
                for i in range ?? records.indices where records[i].codes.present & mask != 0 {
                    let fields = records[i].fields.view(keeping: &holder)
                    for j in fields.indices where wanted[Int(fields[j].code)] {
                        body(i, fields[j])
                    }
                }
            }
        }
    }
}
