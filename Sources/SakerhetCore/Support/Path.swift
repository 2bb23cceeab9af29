/// File paths as strings. Foundation's `NSString.deletingLastPathComponent` traps on a
/// one-character relative path ("a"), so the parent folder is worked out here.
public enum Path {
    /// The folder that holds `path`: "." for a bare name, "/" for a file at the root.
    public static func parent(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }
}
