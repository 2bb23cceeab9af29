/// An id is read by eye and typed on the command line: a blank or an invisible character
/// in it (a zero-width space, a soft hyphen, a no-break space, a tab, a control character,
/// a `+` line going on from it) makes two ids that look the same, or one that a shell
/// splits in two, and `show`, `set` or `done` cannot name the record. `set`, `add` and
/// `import` refuse such an id (`ValueRules`); this check finds one written by hand, so that
/// `audit` says what a write would refuse. Severity: error, at the id's line and the
/// character's column.
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
        guard let at = scalars.firstIndex(where: IDCharacterCheck.isHidden) else { return }
        var clean = String.UnicodeScalarView()
        clean.append(contentsOf: scalars.filter { !IDCharacterCheck.isHidden($0) })
        let whole = String(clean)
        // Masked before the characters are written out: `\u{200B}` between the digits of a
        // personnummer would hide it from the mask the message gets when it is printed.
        let shownSv = IDCharacterCheck.shown(SafeText.masked(value, .sv))
        let shownEn = IDCharacterCheck.shown(SafeText.masked(value, .en))
        // An id of many `+` lines is shown by its start, and its fix not spelt out.
        let fixed: String? = clean.count <= IDCharacterCheck.shownLimit ? whole : nil
        let code = scalars[at].codePoint
        let name = IDCharacterCheck.name(scalars[at])
        // The column on the id's own line: a line break (a `+` line after the id) is at
        // the end of it.
        let column = f.valueColumn + scalars[..<at].count
        out.append(Diagnostic(.error, id, site.data, RecordRef(kind: site.kind, index: i), at: f, column: column,
                              sv: Text.sv(shownSv, name.sv, code, fixed), en: Text.en(shownEn, name.en, code, fixed)))
    }

    /// A blank (a space, a tab, a no-break space, a line break), a format character (a
    /// zero-width space or joiner, a soft hyphen, a direction mark) or a control character:
    /// what a write refuses in an id (`ValueRules`).
    static func isHidden(_ u: Unicode.Scalar) -> Bool {
        u.properties.isWhitespace || u.properties.generalCategory == .format || u.properties.generalCategory == .control
    }

    /// The most of an id a message shows, in characters (Unicode scalars).
    static let shownLimit = 40

    /// `id` with each hidden character but a plain space written as `SafeText` writes a
    /// control character (`\x09`, `\u{200B}`), so that the message shows where it is; an
    /// id longer than `shownLimit` by its start and "…".
    private static func shown(_ id: String) -> String {
        var out = ""
        for (k, u) in id.unicodeScalars.enumerated() {
            if k == shownLimit { return out + "…" }
            if u != " ", isHidden(u) { out += SafeText.escape(u) } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    private static func name(_ u: Unicode.Scalar) -> (sv: String, en: String) {
        switch u.value {
        case 0x20: return ("ett blanksteg", "a space")
        case 0x09: return ("ett tabbtecken", "a tab")
        case 0x0A, 0x0D: return ("en radbrytning", "a line break")
        case 0xA0, 0x202F: return ("ett hårt blanksteg", "a no-break space")
        case 0x200B: return ("ett nollbreddsblanksteg", "a zero-width space")
        case 0xAD: return ("ett mjukt bindestreck", "a soft hyphen")
        case 0xFEFF: return ("ett byte-ordningsmärke", "a byte order mark")
        default:
            if u.properties.generalCategory == .control { return ("ett styrtecken", "a control character") }
            return u.properties.isWhitespace ? ("ett blanktecken", "a blank") : ("ett osynligt tecken", "an invisible character")
        }
    }

    private enum Text {
        static func sv(_ shown: String, _ name: String, _ code: String, _ fixed: String?) -> String {
            let fix = fixed.map { $0.isEmpty ? "skriv ett synligt id, t.ex. A13" : "skriv det som '\($0)'" } ?? "skriv det på en rad utan dem"
            return "id:t '\(shown)' innehåller \(name) (\(code)); ett id har inga blanksteg eller osynliga tecken, \(fix)"
        }

        static func en(_ shown: String, _ name: String, _ code: String, _ fixed: String?) -> String {
            let fix = fixed.map { $0.isEmpty ? "give a visible id, e.g. A13" : "write it as '\($0)'" } ?? "write it on one line without them"
            return "the id '\(shown)' holds \(name) (\(code)); an id has no blanks or invisible characters, \(fix)"
        }
    }
}
