/// An id is read by eye and typed on the command line: a blank or an invisible character
/// in it (a zero-width space, a soft hyphen, a no-break space, a tab) makes two ids that
/// look the same, or one that a shell splits in two, and `show`, `set` or `done` cannot
/// name the record. `set`, `add` and `import` refuse such an id (`ValueRules`); this check
/// finds one written by hand, so that `audit` says what a write would refuse. Severity:
/// error, at the id's line and the character's column.
public struct IDCharacterCheck: RecordCheck {
    public var id: String { "id-characters" }
    public var title: Message { Message(sv: "Osynligt tecken i id", en: "Invisible character in id") }
    public init() {}

    /// A record with an `id` whose key does not show it plain (`IDKey.isPlain`): most
    /// ids are a few printable ASCII bytes, told from the key the parser made, with no
    /// read of the field.
    public func mayFlag(_ codes: FieldCodes, _ kind: Kind) -> Bool { codes.has(.id) }

    public func check(_ r: Record, _ i: Int, _ site: RecordSite, into out: inout [Diagnostic]) {
        guard !r.idKey.isPlain, let f = r.field(.id) else { return }
        let value = f.value
        let scalars = Array(value.unicodeScalars)
        // A value of several lines is the parser's and `mandatory`'s to judge (a line break
        // is not a character of the id's line).
        guard !scalars.contains(where: { $0 == "\n" || $0 == "\r" }),
              let at = scalars.firstIndex(where: IDCharacterCheck.isHidden) else { return }
        var clean = String.UnicodeScalarView()
        clean.append(contentsOf: scalars.filter { !IDCharacterCheck.isHidden($0) })
        let fixed = String(clean)
        let shown = IDCharacterCheck.shown(scalars)
        let code = "U+" + IDCharacterCheck.hex(scalars[at].value)
        let name = IDCharacterCheck.name(scalars[at])
        out.append(Diagnostic(.error, id, site.data, RecordRef(kind: site.kind, index: i), at: f, column: f.valueColumn + at,
                              sv: Text.sv(shown, name.sv, code, fixed), en: Text.en(shown, name.en, code, fixed)))
    }

    /// A blank (a space, a tab, a no-break space) or a format character (a zero-width
    /// space or joiner, a soft hyphen, a direction mark): the same rule as a write's.
    static func isHidden(_ u: Unicode.Scalar) -> Bool {
        u.properties.isWhitespace || u.properties.generalCategory == .format
    }

    /// The id with each hidden character but a plain space written as `\u{…}`, so that
    /// the message shows where it is.
    private static func shown(_ scalars: [Unicode.Scalar]) -> String {
        var out = ""
        for u in scalars {
            if u != " ", isHidden(u) { out += "\\u{" + hex(u.value) + "}" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.utf8.count)) + digits
    }

    private static func name(_ u: Unicode.Scalar) -> (sv: String, en: String) {
        switch u.value {
        case 0x20: return ("ett blanksteg", "a space")
        case 0x09: return ("ett tabbtecken", "a tab")
        case 0xA0, 0x202F: return ("ett hårt blanksteg", "a no-break space")
        case 0x200B: return ("ett nollbreddsblanksteg", "a zero-width space")
        case 0xAD: return ("ett mjukt bindestreck", "a soft hyphen")
        case 0xFEFF: return ("ett byte-ordningsmärke", "a byte order mark")
        default: return u.properties.isWhitespace ? ("ett blanktecken", "a blank") : ("ett osynligt tecken", "an invisible character")
        }
    }

    private enum Text {
        static func sv(_ shown: String, _ name: String, _ code: String, _ fixed: String) -> String {
            let fix = fixed.isEmpty ? "skriv ett synligt id, t.ex. A13" : "skriv det som '\(fixed)'"
            return "id:t '\(shown)' innehåller \(name) (\(code)); ett id har inga blanksteg eller osynliga tecken, \(fix)"
        }

        static func en(_ shown: String, _ name: String, _ code: String, _ fixed: String) -> String {
            let fix = fixed.isEmpty ? "give a visible id, e.g. A13" : "write it as '\(fixed)'"
            return "the id '\(shown)' holds \(name) (\(code)); an id has no blanks or invisible characters, \(fix)"
        }
    }
}
