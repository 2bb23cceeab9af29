/// A field name that the kind does not define is probably a typo. Severity: warning,
/// with the closest known name, or the kind's fields when none is close (once per record).
public struct UnknownFieldCheck: Check {
    public var id: String { "unknown-field" }
    public var title: Message { Message(sv: "Okänt fält", en: "Unknown field") }
    public init() {}

    public func run(_ data: DataSet, asOf: Day) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Each kind's field names made ready for "did you mean" once, when first asked.
        var suggest = [Suggester?](repeating: nil, count: Kind.allCases.count)
        var listed: RecordRef?
        data.forEachUnknownField { ref, r, f in
            if suggest[ref.kind.slot] == nil { suggest[ref.kind.slot] = Suggester(ref.kind.fieldOrder) }
            var hint = suggest[ref.kind.slot]!.hint(f.key)
            // No name close to it: the kind's fields, so that the fix is in the message; once
            // per record (its first such field), not on each of a thousand lines, and on
            // every record, so that `--owner` or a filter never leaves the list out.
            if hint.sv.isEmpty, listed != ref {
                listed = ref
                let known = ref.kind.fieldOrder.joined(separator: ", ")
                hint = ("; kända fält: " + known, "; known fields: " + known)
            }
            out.append(Diagnostic(.warning, id, data, ref, at: f,
                                  sv: "\(Diagnostic.name(data, ref, fallback: "posten")): okänt fält '\(f.key)' för \(ref.kind.word(.sv))\(hint.sv)",
                                  en: "\(Diagnostic.name(data, ref, fallback: "record")): unknown field '\(f.key)' for \(ref.kind.word(.en))\(hint.en)"))
        }
        return out
    }
}
