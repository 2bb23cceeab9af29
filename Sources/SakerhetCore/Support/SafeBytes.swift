/// The one pass over a string's bytes that `SafeText` makes before any work: most values
/// hold neither a number nor a control character and come back as they are.
enum SafeBytes {
    /// Whether `s` may hold a personal identity number (ten digits or more, ASCII or
    /// full-width, and not only lower-case hex with a letter, like a commit hash) and whether
    /// it may hold a character that `SafeText.visible` rewrites.
    static func flags(_ s: String) -> (number: Bool, control: Bool) {
        if let f = s.utf8.withContiguousStorageIfAvailable(flags) { return f }
        return Array(s.utf8).withUnsafeBufferPointer(flags)
    }

    static func flags(_ u: UnsafeBufferPointer<UInt8>) -> (number: Bool, control: Bool) {
        var digits = 0, hexOnly = true, letters = false, control = false
        for b in u {
            if b &- 0x30 < 10 || b == 0xEF {
                digits += 1  // 0xEF leads a full-width digit
            } else if b &- 0x61 < 6 {
                letters = true
            } else {
                hexOnly = false
                if b < 0x20 { control = control || (b != 0x09 && b != 0x0A) }
                else if b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 { control = true }  // DEL, C1, U+061C, U+200E…
            }
        }
        return (digits >= 10 && !(hexOnly && letters), control)
    }
}
