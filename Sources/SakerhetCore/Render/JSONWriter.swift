/// Every JSON output of the tool (`audit`, lists, `report`, `log`), written the way
/// Foundation's `JSONEncoder` writes it with pretty printing, sorted keys, unescaped
/// slashes and snake_case keys, so the documented schemas stay as they are, byte for
/// byte (`JSONWriterTests` compares the two). `JSONEncoder` took 2.6 s for the report of
/// 100,000 activities, mostly converting and sorting the same keys again for every row.
///
/// The rules: two spaces of indent per level, `"key" : value`, keys in order (by their
/// scalars, which for the ASCII names of every schema is their bytes), an empty array or object as `[`, a blank line and `]`; `"`, `\` and control
/// characters escaped (`\n`, `\t`, `\r`, `\b`, `\f`, else `\u00xx`), everything else as
/// it is. Property names go to snake_case (`ownerName` → `owner_name`, `myURL` → `my_url`);
/// the keys of a dictionary (`[String: …]`, `[Int: …]`) are kept as they are: they are data.
/// A nil property is left out.
enum JSONWriter {
    /// The JSON text of `value`, and a line break.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let keys = SnakeKeys()
        var out: [UInt8] = []
        write(try box(value, keys: keys), indent: 0, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: The tree

    enum Value {
        case string(String)
        case literal(String)  // numbers, true, false, null
        case array(Items)
        case object(Members)
    }

    final class Items { var list: [Value] = [] }
    final class Members { var list: [(key: String, value: Value)] = [] }

    /// Property names in snake_case, each worked out once.
    final class SnakeKeys {
        private var cache: [String: String] = [:]
        /// Whether a type of coding key is a dictionary's, found once per type from its name.
        private var dictionaryKeys: [ObjectIdentifier: Bool] = [:]

        /// Whether `Key` is the coding key a dictionary encodes its keys with (the standard
        /// library's `_DictionaryCodingKey`, for `String`, `Int` and `CodingKeyRepresentable`
        /// keys): those keys are data, written as they are, not property names. (For a
        /// dictionary keyed by a `CodingKeyRepresentable` enum `JSONEncoder` would
        /// snake-case them; the package encodes none.) Told by the type's name, not by
        /// casting the dictionary to a protocol of ours: the first such cast of each type
        /// scanned every conformance in the binary.
        func areData<Key: CodingKey>(_ type: Key.Type) -> Bool {
            let id = ObjectIdentifier(type)
            if let known = dictionaryKeys[id] { return known }
            let found = _typeName(type) == "Swift._DictionaryCodingKey"
            dictionaryKeys[id] = found
            return found
        }

        func snake(_ key: String) -> String {
            if let known = cache[key] { return known }
            let made = SnakeKeys.snakeCase(key)
            cache[key] = made
            return made
        }

        /// Words split where lower case turns to upper case, and a run of capitals is a
        /// word of its own up to the capital before the next lower-case letter.
        static func snakeCase(_ key: String) -> String {
            asciiSnakeCase(key) ?? characterSnakeCase(key)
        }

        /// `snakeCase` over the key's characters: for a key with anything but ASCII letters,
        /// digits and underscores.
        static func characterSnakeCase(_ key: String) -> String {
            let chars = Array(key)
            guard chars.count > 1 else { return key.lowercased() }
            var words: [Range<Int>] = []
            var start = 0
            var i = 1
            while let upper = (i..<chars.count).first(where: { chars[$0].isUppercase }) {
                words.append(start..<upper)
                guard let lower = (upper..<chars.count).first(where: { chars[$0].isLowercase }) else {
                    start = upper
                    i = chars.count
                    break
                }
                if lower == upper + 1 {
                    start = upper
                } else {
                    words.append(upper..<(lower - 1))
                    start = lower - 1
                }
                i = lower + 1
            }
            words.append(start..<chars.count)
            return words.map { String(chars[$0]).lowercased() }.joined(separator: "_")
        }

        /// `snakeCase` of a key of ASCII letters, digits and underscores (every property
        /// name here), over its bytes, where A–Z are the upper-case and a–z the lower-case
        /// letters, as `Character` says of them; nil for any other key. Made from bytes:
        /// the words made as strings and joined went through generic code whose first
        /// call scanned every conformance in the binary.
        static func asciiSnakeCase(_ key: String) -> String? {
            let b = Array(key.utf8)
            // Letters, digits and underscores only: each byte is then one `Character` (a
            // CR and LF together are one, which the words would split).
            guard b.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) else { return nil }
            guard b.count > 1 else { return key.lowercased() }
            func upper(_ i: Int) -> Bool { b[i] >= 0x41 && b[i] <= 0x5A }
            func lower(_ i: Int) -> Bool { b[i] >= 0x61 && b[i] <= 0x7A }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 4)
            // The words are not empty and follow one another: each after the first is
            // preceded by an underscore.
            func word(_ r: Range<Int>) {
                if r.lowerBound > 0 { out.append(0x5F) }
                for i in r { out.append(upper(i) ? b[i] + 0x20 : b[i]) }
            }
            var start = 0
            var i = 1
            while let up = (i..<b.count).first(where: upper) {
                word(start..<up)
                guard let low = (up..<b.count).first(where: lower) else {
                    start = up
                    i = b.count
                    break
                }
                if low == up + 1 {
                    start = up
                } else {
                    word(up..<(low - 1))
                    start = low - 1
                }
                i = low + 1
            }
            word(start..<b.count)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The value as a tree. Numbers of every width are caught here: the containers' generic
    /// `encode` stands in for their `Int8`…`UInt64` and `Float` requirements, and would
    /// otherwise call itself through the number's own `encode(to:)`.
    static func box<T: Encodable>(_ value: T, keys: SnakeKeys) throws -> Value {
        if let boxed = special(value) { return boxed }
        let encoder = TreeEncoder(keys: keys)
        try value.encode(to: encoder)
        return encoder.value ?? .object(Members())
    }

    /// A string or a number as a tree; nil for other values (a dictionary's keys are told
    /// by its coding key's type, `SnakeKeys.areData`).
    ///
    /// Types are told apart by their identity, not by casting to a protocol
    /// (`as? any BinaryInteger`): the first such cast of each type scans every conformance
    /// in the binary, which cost more than the rest of a small report's JSON.
    static func special<T: Encodable>(_ value: T) -> Value? {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): return .string(value as! String)
        case ObjectIdentifier(Double.self): return .literal(number(value as! Double))
        case ObjectIdentifier(Float.self): return .literal(number(value as! Float))
        case ObjectIdentifier(Int.self): return .literal(String(value as! Int))
        case ObjectIdentifier(Int8.self): return .literal(String(value as! Int8))
        case ObjectIdentifier(Int16.self): return .literal(String(value as! Int16))
        case ObjectIdentifier(Int32.self): return .literal(String(value as! Int32))
        case ObjectIdentifier(Int64.self): return .literal(String(value as! Int64))
        case ObjectIdentifier(UInt.self): return .literal(String(value as! UInt))
        case ObjectIdentifier(UInt8.self): return .literal(String(value as! UInt8))
        case ObjectIdentifier(UInt16.self): return .literal(String(value as! UInt16))
        case ObjectIdentifier(UInt32.self): return .literal(String(value as! UInt32))
        case ObjectIdentifier(UInt64.self): return .literal(String(value as! UInt64))
        default: return nil
        }
    }

    // MARK: The encoder

    final class TreeEncoder: Encoder {
        let keys: SnakeKeys
        var value: Value?
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]

        init(keys: SnakeKeys) { self.keys = keys }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object(let members)? = value { return KeyedEncodingContainer(Keyed(members: members, keys: keys)) }
            let members = Members()
            value = .object(members)
            return KeyedEncodingContainer(Keyed(members: members, keys: keys))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if case .array(let items)? = value { return Unkeyed(items: items, keys: keys) }
            let items = Items()
            value = .array(items)
            return Unkeyed(items: items, keys: keys)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: self) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let members: Members
        let keys: SnakeKeys
        /// Whether the keys are a dictionary's (`SnakeKeys.areData`), asked once per container.
        let dataKeys: Bool
        var codingPath: [CodingKey] { [] }

        init(members: Members, keys: SnakeKeys) {
            self.members = members
            self.keys = keys
            dataKeys = keys.areData(Key.self)
        }

        private func put(_ value: Value, _ key: Key) {
            members.list.append((dataKeys ? key.stringValue : keys.snake(key.stringValue), value))
        }

        mutating func encodeNil(forKey key: Key) throws { put(.literal("null"), key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { put(.literal(value ? "true" : "false"), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { put(.literal(String(value)), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { put(.literal(JSONWriter.number(value)), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { put(try JSONWriter.box(value, keys: keys), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = Members()
            put(.object(nested), key)
            return KeyedEncodingContainer(Keyed<NestedKey>(members: nested, keys: keys))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let nested = Items()
            put(.array(nested), key)
            return Unkeyed(items: nested, keys: keys)
        }

        mutating func superEncoder() -> Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key.stringValue) }

        private func superEncoder(named name: String) -> Encoder {
            let encoder = TreeEncoder(keys: keys)
            let members = Members()
            encoder.value = .object(members)
            self.members.list.append((keys.snake(name), .object(members)))
            return encoder
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let items: Items
        let keys: SnakeKeys
        var codingPath: [CodingKey] { [] }
        var count: Int { items.list.count }

        mutating func encodeNil() throws { items.list.append(.literal("null")) }
        mutating func encode(_ value: Bool) throws { items.list.append(.literal(value ? "true" : "false")) }
        mutating func encode(_ value: String) throws { items.list.append(.string(value)) }
        mutating func encode(_ value: Int) throws { items.list.append(.literal(String(value))) }
        mutating func encode(_ value: Double) throws { items.list.append(.literal(JSONWriter.number(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws { items.list.append(try JSONWriter.box(value, keys: keys)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = Members()
            items.list.append(.object(nested))
            return KeyedEncodingContainer(Keyed<NestedKey>(members: nested, keys: keys))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let nested = Items()
            items.list.append(.array(nested))
            return Unkeyed(items: nested, keys: keys)
        }

        mutating func superEncoder() -> Encoder {
            let encoder = TreeEncoder(keys: keys)
            let members = Members()
            encoder.value = .object(members)
            items.list.append(.object(members))
            return encoder
        }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { encoder.value = .literal("null") }
        mutating func encode(_ value: Bool) throws { encoder.value = .literal(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { encoder.value = .string(value) }
        mutating func encode(_ value: Int) throws { encoder.value = .literal(String(value)) }
        mutating func encode(_ value: Double) throws { encoder.value = .literal(JSONWriter.number(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try JSONWriter.box(value, keys: encoder.keys) }
    }

    /// A whole number as an integer, as `JSONEncoder` writes it. No output has a fractional
    /// one today; those are written in Swift's shortest form, which is `JSONEncoder`'s for
    /// ordinary values such as 1.5.
    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ x: F) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return x.isFinite ? String(x) : "null"
    }

    // MARK: Writing

    static func write(_ value: Value, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .string(let s): dataString(s, into: &out)
        case .literal(let s): out += s.utf8
        case .array(let items):
            out.append(0x5B)  // [
            list(items.list.count, indent: indent, into: &out) { i, out in write(items.list[i], indent: indent + 1, into: &out) }
            out.append(0x5D)  // ]
        case .object(let members):
            // Keys in order (a key appears once, so the order is total); the members are
            // not moved, only their places sorted.
            let list = members.list
            let order = list.indices.sorted { list[$0].key < list[$1].key }
            out.append(0x7B)  // {
            self.list(order.count, indent: indent, into: &out) { i, out in
                string(list[order[i]].key, into: &out)
                out += " : ".utf8
                write(list[order[i]].value, indent: indent + 1, into: &out)
            }
            out.append(0x7D)  // }
        }
    }

    /// The elements between the brackets, one a line; an empty list is a blank line.
    static func list(_ count: Int, indent: Int, into out: inout [UInt8], _ element: (Int, inout [UInt8]) -> Void) {
        out.append(0x0A)
        if count == 0 { out.append(0x0A) }
        for i in 0..<count {
            if i > 0 { out.append(0x2C); out.append(0x0A) }  // ,
            spaces(2 * (indent + 1), into: &out)
            element(i, &out)
        }
        if count > 0 { out.append(0x0A) }
        spaces(2 * indent, into: &out)
    }

    static let blanks = [UInt8](repeating: 0x20, count: 64)

    static func spaces(_ n: Int, into out: inout [UInt8]) {
        var n = n
        while n > 0 {
            out.append(contentsOf: blanks[0..<min(n, blanks.count)])
            n -= blanks.count
        }
    }

    /// A string value: personal identity numbers masked, then as `string`. One pass tells
    /// whether there is anything to mask or escape; most values go in as they are.
    static func dataString(_ s: String, into out: inout [UInt8]) {
        let found = SafeBytes.scan(s)
        if !(found.number || found.control || found.json) {
            out.append(0x22)
            out.append(contentsOf: s.utf8)
            out.append(0x22)
            return
        }
        string(found.number ? SafeText.masked(s) : s, into: &out)
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // Most text needs no escape: its bytes go in one copy.
        let u = s.utf8
        if !u.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) {
            out.append(contentsOf: u)
            out.append(0x22)
            return
        }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for c in s.unicodeScalars {
            // DEL, C1 controls and bidi overrides as \uXXXX: valid JSON that a terminal shows as it is.
            if c.value >= 0x7F && SafeText.isHidden(c) {
                let v = Int(c.value)
                out += [0x5C, 0x75, hex[v >> 12 & 0xF], hex[v >> 8 & 0xF], hex[v >> 4 & 0xF], hex[v & 0xF]]
                continue
            }
            guard c.isASCII else { out.append(contentsOf: c.utf8); continue }
            let b = UInt8(c.value)
            switch b {
            case 0x22: out += [0x5C, 0x22]  // \"
            case 0x5C: out += [0x5C, 0x5C]  // \\
            case 0x0A: out += [0x5C, 0x6E]  // \n
            case 0x09: out += [0x5C, 0x74]  // \t
            case 0x0D: out += [0x5C, 0x72]  // \r
            case 0x08: out += [0x5C, 0x62]  // \b
            case 0x0C: out += [0x5C, 0x66]  // \f
            case 0..<0x20:
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]  // \u00xx
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}
