/// A minimal pull reader for the XML inside Office files: start tags with attributes,
/// end tags and text, with the five predefined entities and character references
/// decoded. Names are local (the namespace prefix is dropped). Comments, processing
/// instructions and DOCTYPE are skipped; entities a DOCTYPE declares are never expanded,
/// so an "entity bomb" stays a few bytes. Malformed input ends the scan or gives text; it
/// never reads out of bounds. After the scan, `isWhole` tells XML that was cut short from
/// a whole document, so a reader can refuse a damaged part instead of reading half of it.
struct XMLScanner {
    enum Event {
        case start(name: String, attributes: [String: String], empty: Bool)
        case end(name: String)
        case text(String)
    }

    let bytes: [UInt8]
    var pos = 0
    /// Elements started and not yet ended.
    private(set) var depth = 0
    /// True once an element has started.
    private var started = false
    /// True when markup (a tag, comment, CDATA, declaration) runs into the end of the input.
    private(set) var cutShort = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// At the end of the scan: true when the input held an element and every element that
    /// started has ended, as in a part that was written whole; false for XML cut short.
    var isWhole: Bool { started && depth == 0 && !cutShort }

    /// Throws `ZipArchive.Failure` when the scan of the archive entry `part` has ended in
    /// XML that is not whole (see `isWhole`): the file is damaged.
    func requireWhole(_ part: String) throws {
        guard !isWhole else { return }
        throw ZipArchive.Failure(sv: "delen \(part) tar slut mitt i sin XML",
                                 en: "the part \(part) ends in the middle of its XML")
    }

    mutating func next() -> Event? {
        guard let e = scan() else { return nil }
        switch e {
        case .start(_, _, let empty):
            started = true
            if !empty { depth += 1 }
        case .end: depth -= 1
        case .text: break
        }
        return e
    }

    private mutating func scan() -> Event? {
        while pos < bytes.count {
            if bytes[pos] != UInt8(ascii: "<") {
                let start = pos
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "<") { pos += 1 }
                return .text(XMLScanner.decode(bytes[start..<pos]))
            }
            // Markup.
            if starts("<!--") { skip(past: "-->"); continue }
            if starts("<![CDATA[") {
                let start = pos + 9
                skip(past: "]]>")
                let end = max(start, min(pos - 3, bytes.count))
                return .text(String(decoding: bytes[start..<end], as: UTF8.self))
            }
            if starts("<?") { skip(past: "?>"); continue }
            if starts("<!") { skipDeclaration(); continue }
            if starts("</") {
                pos += 2
                let name = readName()
                skip(past: ">")
                return .end(name: name)
            }
            pos += 1
            let name = readName()
            var attributes: [String: String] = [:]
            while true {
                skipSpace()
                guard pos < bytes.count else { cutShort = true; return nil }
                let c = bytes[pos]
                if c == UInt8(ascii: ">") { pos += 1; return .start(name: name, attributes: attributes, empty: false) }
                if c == UInt8(ascii: "/") {
                    skip(past: ">")
                    return .start(name: name, attributes: attributes, empty: true)
                }
                let key = readName()
                if key.isEmpty { pos += 1; continue }
                skipSpace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "=") else { continue }
                pos += 1
                skipSpace()
                guard pos < bytes.count else { cutShort = true; return nil }
                let quote = bytes[pos]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
                pos += 1
                let start = pos
                while pos < bytes.count, bytes[pos] != quote { pos += 1 }
                attributes[key] = XMLScanner.decode(bytes[start..<min(pos, bytes.count)])
                pos += 1
            }
        }
        return nil
    }

    /// Skips to the end of the element that has just started (after a non-empty start tag).
    mutating func skipElement() {
        var depth = 1
        while depth > 0, let e = next() {
            switch e {
            case .start(_, _, let empty): if !empty { depth += 1 }
            case .end: depth -= 1
            case .text: break
            }
        }
    }

    private func starts(_ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard pos + n <= bytes.count else { return false }
        let p = s.utf8Start
        for i in 0..<n where bytes[pos + i] != p[i] { return false }
        return true
    }

    private mutating func skip(past s: StaticString) {
        while pos < bytes.count, !starts(s) { pos += 1 }
        if pos >= bytes.count { cutShort = true }
        pos = min(bytes.count, pos + s.utf8CodeUnitCount)
    }

    /// `<!DOCTYPE …>` with an internal subset in brackets.
    private mutating func skipDeclaration() {
        var depth = 0
        while pos < bytes.count {
            let c = bytes[pos]
            pos += 1
            if c == UInt8(ascii: "[") { depth += 1 } else if c == UInt8(ascii: "]") { depth -= 1 } else if c == UInt8(ascii: ">"), depth <= 0 { return }
        }
        cutShort = true
    }

    private mutating func skipSpace() {
        while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x0A || bytes[pos] == 0x0D || bytes[pos] == 0x09 { pos += 1 }
    }

    /// A name, without its namespace prefix.
    private mutating func readName() -> String {
        let start = pos
        var local = pos
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || c == UInt8(ascii: "=") { break }
            pos += 1
            if c == UInt8(ascii: ":") { local = pos }
        }
        _ = start
        return String(decoding: bytes[local..<pos], as: UTF8.self)
    }

    /// Text with entity and character references decoded.
    static func decode(_ s: ArraySlice<UInt8>) -> String {
        guard s.contains(UInt8(ascii: "&")) else { return String(decoding: s, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            guard c == UInt8(ascii: "&"), let semi = s[i..<min(s.endIndex, i + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                out.append(c); i += 1; continue
            }
            let name = String(decoding: s[(i + 1)..<semi], as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") { scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if name.hasPrefix("#") { scalar = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
            }
            if let scalar {
                out += Array(String(Character(scalar)).utf8)
                i = semi + 1
            } else {
                out.append(c); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
