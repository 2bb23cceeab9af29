/// The little XML the Office writers need: escaping, and a buffer to append to.
public enum XML {
    /// The declaration every OOXML part starts with.
    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// `s` as XML character data (or, with `attribute`, an attribute value): `&`, `<`, `>`
    /// and `"` escaped, and the characters XML 1.0 forbids dropped, since data may hold
    /// them and a reader rejects the whole file for one: the C0 controls other than tab
    /// and line feed, and U+FFFE/U+FFFF. A carriage return becomes a line feed (CRLF one
    /// line feed). In an attribute, tab and line feed are written as references, which a
    /// reader would otherwise turn into spaces.
    public static func escape(_ s: String, attribute: Bool = false) -> String {
        func special(_ b: UInt8) -> Bool { b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0xEF }
        // Most text needs nothing done: return it as it is. (0xEF leads U+FFFE and U+FFFF.)
        if !(s.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? s.utf8.contains(where: special)) {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        var afterCR = false
        for c in s.unicodeScalars {
            let wasCR = afterCR
            afterCR = false
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\n": if !wasCR { out += attribute ? "&#10;" : "\n" }
            case "\r":
                out += attribute ? "&#10;" : "\n"
                afterCR = true
            case "\u{FFFE}", "\u{FFFF}": continue
            default:
                if c.value < 0x20 { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `<name a="v" …>` with the values escaped; `close` makes it `<name …/>`.
    public static func tag(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], close: Bool = false) -> String {
        var b = "<" + name
        for (k, v) in attributes { b += " " + k + "=\"" + escape(v, attribute: true) + "\"" }
        return b + (close ? "/>" : ">")
    }
}

/// Parts that every Office Open XML package has in the same form.
enum OOXML {
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A relationships part: (id, type, target) each.
    static func relationships(_ list: [(id: String, type: String, target: String)]) -> String {
        var b = XML.declaration + "<Relationships xmlns=\"\(packageRelNS)\">"
        for r in list {
            b += "<Relationship Id=\"\(r.id)\" Type=\"\(r.type)\" Target=\"\(XML.escape(r.target, attribute: true))\"/>"
        }
        return b + "</Relationships>"
    }

    /// `_rels/.rels`: the main part and the core properties.
    static func rootRelationships(main: String) -> String {
        relationships([("rId1", officeRelNS + "/officeDocument", main),
                       ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")])
    }

    /// `[Content_Types].xml`: part name → content type for each part but the relationships.
    static func contentTypes(_ overrides: [(part: String, type: String)]) -> String {
        var b = XML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        b += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        b += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for o in overrides + [("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")] {
            b += "<Override PartName=\"\(XML.escape(o.part, attribute: true))\" ContentType=\"\(o.type)\"/>"
        }
        return b + "</Types>"
    }

    /// `docProps/core.xml`: the title and the program; no dates, so that the same data
    /// gives the same bytes.
    static func coreProperties(title: String?) -> String {
        var b = XML.declaration
        b += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if let title { b += "<dc:title>\(XML.escape(title))</dc:title>" }
        b += "<dc:creator>sakerhet</dc:creator>"
        return b + "</cp:coreProperties>"
    }
}
