/// The keys of fields as numbers (`Field.keyID`), so that a field need not carry its key
/// as a string: an id below 256 is a `FieldKey` code, from the schema; the others stand
/// for recutils' descriptor keys (`%rec` …) and for any key the schema does not have,
/// each given the next number the first time a file has it.
///
/// Keys of the second kind are rare (a typo, a plan's own extra field, a descriptor
/// block), so they are kept for the life of the process in one table behind a lock; the
/// parser asks for one only when a line's key is not among the schema's or recutils'.
/// The table only grows: by the distinct unknown keys of the files a process reads, which
/// for a command is a handful, and at most the number of lines it reads.
final class KeyNames: @unchecked Sendable {
    /// The first id that is not a `FieldKey` code.
    static let firstOther: UInt32 = 256

    /// Recutils' descriptor keys, which get the first ids after the schema's.
    static let descriptorKeys = [
        "%rec", "%key", "%mandatory", "%type", "%doc", "%allowed", "%prohibit", "%unique", "%sort", "%auto",
        "%confidential", "%size", "%constraint", "%singular", "%typedef",
    ]

    static let shared = KeyNames()

    private let lock = Platform.Lock()
    private var names: [String]
    private var ids: [String: UInt32]

    private init() {
        names = KeyNames.descriptorKeys
        ids = Dictionary(uniqueKeysWithValues: KeyNames.descriptorKeys.enumerated().map { ($1, KeyNames.firstOther + UInt32($0)) })
    }

    /// The id of `key`, which is not a `FieldKey`: the one it has, or the next free one.
    func id(of key: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[key] { return id }
        let id = KeyNames.firstOther + UInt32(names.count)
        names.append(key)
        ids[key] = id
        return id
    }

    /// The id `key` has, nil when no file has had it (then no field has it either).
    func existingID(of key: String) -> UInt32? {
        if let code = FieldKey.codes[key] { return UInt32(code) }
        lock.lock()
        defer { lock.unlock() }
        return ids[key]
    }

    /// The key of `id`.
    func name(_ id: UInt32) -> String {
        if id < KeyNames.firstOther { return FieldKey.keys[Int(id)] }
        lock.lock()
        defer { lock.unlock() }
        return names[Int(id - KeyNames.firstOther)]
    }
}
