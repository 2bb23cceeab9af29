/// References resolve: an activity's `goal`, a goal's `parent`, every `area`, a risk's or
/// finding's `action`, and an owner's `parent`. Severity: error. (`owner` fields are
/// checked by `OwnerExistsCheck`.)
public struct ReferenceCheck: FieldCheck {
    public var id: String { "reference" }
    public var title: Message { Message(sv: "Okänd hänvisning", en: "Unknown reference") }
    public init() {}

    public var types: [FieldSpec.ValueType] { [.ref(.goal), .ref(.area), .ref(.activity), .ref(.owner)] }

    /// `owner` fields are OwnerExistsCheck's: passed over by their spec, unread.
    public func reads(_ spec: FieldSpec) -> Bool { spec.key != .owner }

    /// Looked up by the value's bytes; its string is made only for a message.
    public func flags(_ f: FieldRef, _ spec: FieldSpec, _ ref: RecordRef, _ site: inout FieldSite) -> Bool {
        guard case .ref(let target) = spec.type else { return false }
        return !site.has(target, idOf: f)
    }

    public func diagnose(_ flagged: [FlaggedField], _ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Each target's ids made ready for "did you mean" once, when a value is first unknown.
        var suggest = [Suggester?](repeating: nil, count: Kind.allCases.count)
        for flag in flagged {
            guard case .ref(let target) = flag.spec.type else { continue }
            let ref = flag.ref, f = flag.field
            let value = f.value
            if suggest[target.slot] == nil { suggest[target.slot] = Suggester(data.ids[target]?.keys ?? []) }
            let hint = suggest[target.slot]!.hint(value)
            let rid = Diagnostic.name(data, ref)
            out.append(Diagnostic(.error, id, data, ref, at: f, column: f.valueColumn,
                                  sv: "\(rid): \(f.key) '\(value)' finns inte i \(data.path(target))\(hint.sv); använd ett id som finns där eller lägg först till posten",
                                  en: "\(rid): \(f.key) '\(value)' is not in \(data.path(target))\(hint.en); use an id that is there or add the record first"))
        }
        return out
    }
}
