/// References resolve: an activity's `goal`, a goal's `parent`, every `area`, a risk's or
/// finding's `action`, and an owner's `parent`. Severity: error. (`owner` fields are
/// checked by `OwnerExistsCheck`.)
public struct ReferenceCheck: Check {
    public var id: String { "reference" }
    public var title: Message { Message(sv: "Okänd hänvisning", en: "Unknown reference") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let targets: [FieldSpec.ValueType] = [.ref(.goal), .ref(.area), .ref(.activity), .ref(.owner)]
        // Each target's ids once, not a lookup of the index per field.
        var known = [IDIndex?](repeating: nil, count: Kind.allCases.count)
        for case .ref(let target) in targets { known[target.slot] = data.idIndex(of: target) }
        // Each target's ids made ready for "did you mean" once, when a value is first unknown.
        var suggest = [Suggester?](repeating: nil, count: Kind.allCases.count)
        // `owner` fields are OwnerExistsCheck's: passed over by their spec, unread.
        data.forEachField(ofType: targets, where: { $0.key != .owner }) { ref, f, spec in
            guard case .ref(let target) = spec.type else { return }
            // Looked up by the value's bytes; its string is made only for a message.
            guard known[target.slot]?.contains(f) == false else { return }
            let value = f.value
            if suggest[target.slot] == nil { suggest[target.slot] = Suggester(data.ids[target]?.keys ?? []) }
            let hint = suggest[target.slot]!.hint(value)
            let rid = Diagnostic.name(data, ref)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): \(f.key) '\(value)' finns inte i \(data.path(target))\(hint.sv)",
                                  en: "\(rid): \(f.key) '\(value)' is not in \(data.path(target))\(hint.en)"))
        }
        return out
    }
}
