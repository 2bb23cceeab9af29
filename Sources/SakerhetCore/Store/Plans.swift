import FoundationEssentials

/// The plans of a rollup: the folders given with `--data DIR` (repeated) and `--plans FILE`.
///
/// A plans file lists one folder a line; `#` starts a comment, blank lines are skipped, and
/// a relative path is read from the file's own folder. A folder may be a data folder or a
/// repository root with `data/` in it. Every folder is checked before anything is read:
/// one that does not exist, holds no `.rec` file, or is named twice is an error naming it.
public enum Plans {
    /// One folder to read, as resolved: `path` for the disk, `display` for messages.
    public struct Folder: Sendable, Hashable {
        public let path: String
        public let display: String
        /// Where it was named: `--data` or `plans.txt:3`.
        public let origin: String

        public init(path: String, display: String, origin: String) {
            self.path = path
            self.display = display
            self.origin = origin
        }
    }

    /// The entries of a plans file's text, with their line numbers. Paths are as written.
    public static func entries(_ text: String) -> [(line: Int, path: String)] {
        var out: [(Int, String)] = []
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let path = line.trimming { StringOps.isSpace($0) || $0 == "\r" }
            if !path.isEmpty { out.append((i + 1, path)) }
        }
        return out
    }

    /// Reads a plans file: its folders, relative paths taken from the file's folder. A pipe
    /// (`--plans <(ls -d */)`) is read to its end, its relative paths taken from the working
    /// directory, since a pipe's folder (`/dev/fd`) is none of the user's.
    public static func read(file: String) throws -> [Folder] {
        let kind = Platform.fileInfo(file)?.kind
        let bytes: [UInt8]
        switch kind {
        case .folder?:
            throw StoreError(sv: "--plans \(file) är en mapp; ange filen med planernas mappar, en per rad (en enda plans mapp anges med --data \(file))",
                             en: "--plans \(file) is a folder; give the file that lists the plans' folders, one a line (a single plan's folder is given with --data \(file))")
        case .fifo?:
            bytes = try Store.readPipe(file, limit: maxPipeSize)
        case let other? where other != .regular:
            throw StoreError(sv: "--plans \(file) är \(Store.fileType(other, .sv)), ingen textfil; ange filen med planernas mappar, en per rad",
                             en: "--plans \(file) is \(Store.fileType(other, .en)), not a text file; give the file that lists the plans' folders, one a line")
        default:
            bytes = try Store.read(file)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw StoreError(sv: "\(file) är inte UTF-8-text; skriv en mapp per rad", en: "\(file) is not UTF-8 text; write one folder a line")
        }
        let base = kind == .fifo ? "." : parent(of: file)
        let list = entries(text)
        guard !list.isEmpty else {
            throw StoreError(sv: "\(file) nämner ingen mapp; skriv en mapp per rad (# inleder en kommentar)",
                             en: "\(file) names no folder; write one folder a line (# starts a comment)")
        }
        return list.map { entry in
            let path = entry.path.hasPrefix("/") ? entry.path : (base == "." ? entry.path : base + "/" + entry.path)
            return Folder(path: path, display: trimmed(path), origin: "\(file):\(entry.line)")
        }
    }

    /// The most read from a pipe: a list of folders, one a line, is far smaller.
    static let maxPipeSize = 16 << 20

    /// The folders checked and resolved: a repository root becomes its `data/`; a folder that
    /// does not exist, holds no `.rec` file, or is the same folder as an earlier one is an error.
    public static func resolve(_ folders: [Folder]) throws -> [Folder] {
        var seen: [String: Folder] = [:]
        var out: [Folder] = []
        for f in folders {
            guard Platform.isFolder(f.path) else {
                if Platform.fileInfo(f.path) != nil {
                    throw StoreError(sv: "\(f.origin): \(f.display) är en fil, inte en mapp; ange planens mapp (den med data/ eller .rec-filerna)",
                                     en: "\(f.origin): \(f.display) is a file, not a folder; give the plan's folder (the one with data/ or the .rec files)")
                }
                // A plans file has lines to remove; `--data` has an option.
                let fix = f.origin == "--data" ? (sv: "rätta sökvägen eller utelämna --data \(f.display)", en: "correct the path or leave out --data \(f.display)")
                    : (sv: "rätta sökvägen eller ta bort raden", en: "correct the path or remove the line")
                throw StoreError(sv: "\(f.origin): mappen \(f.display) finns inte; " + fix.sv,
                                 en: "\(f.origin): the folder \(f.display) does not exist; " + fix.en)
            }
            guard let folder = records(f) else {
                throw StoreError(sv: "\(f.origin): \(f.display) innehåller inga poster (varken .rec-filer eller en data/-mapp med dem); skapa en med 'sakerhet init'",
                                 en: "\(f.origin): \(f.display) holds no records (no .rec files, nor a data/ folder with them); create one with 'sakerhet init'")
            }
            let key = canonical(folder.path)
            if let first = seen[key] {
                throw StoreError(sv: "\(f.origin): \(f.display) är samma mapp som \(first.display) (\(first.origin)); nämn varje plan en gång",
                                 en: "\(f.origin): \(f.display) is the same folder as \(first.display) (\(first.origin)); name each plan once")
            }
            seen[key] = folder
            out.append(folder)
        }
        return out
    }

    /// The folder whose records are read for `f`: `f` itself when it has a `.rec` file,
    /// else its `data/` when that has one (a repository root); nil when neither has.
    /// A single `--data` is resolved so too.
    public static func records(_ f: Folder) -> Folder? {
        if holdsRecords(f.path) { return f }
        let data = f.path + "/data"
        guard Platform.isFolder(data), holdsRecords(data) else { return nil }
        return Folder(path: data, display: trimmed(f.display) + "/data", origin: f.origin)
    }

    /// Whether `folder` has a `.rec` file of some kind (config.rec alone holds no records).
    static func holdsRecords(_ folder: String) -> Bool {
        Kind.allCases.contains { FileManager.default.fileExists(atPath: folder + "/" + $0.fileName) }
    }

    /// The folder's real path, links resolved: the same folder named two ways is one key.
    public static func canonical(_ path: String) -> String {
        Platform.realPath(path) ?? path
    }

    /// How a folder given on the command line is shown in messages.
    public static func display(_ path: String) -> String { trimmed(path) }

    static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        if p.hasPrefix("./"), p.count > 2 { p = p.dropFirst(2) }
        return String(p)
    }

    static func parent(of path: String) -> String {
        let p = trimmed(path)
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// The name of each plan: its organisation (config.rec), else its folder's name (the
    /// repository's for a `data/` folder). Names are unique: a repeated one gets its folder.
    public static func names(_ plans: [(organisation: String?, folder: String)]) -> [String] {
        func folderName(_ f: String) -> String {
            let parts = trimmed(f).split(separator: "/").map(String.init)
            guard let last = parts.last else { return f }
            if last == "data", parts.count > 1 { return parts[parts.count - 2] }
            return last == "." ? canonicalName(f) : last
        }
        let first = plans.map { p in (p.organisation?.trimmingSpaces()).flatMap { $0.isEmpty ? nil : $0 } ?? folderName(p.folder) }
        var counts: [String: Int] = [:]
        for n in first { counts[n, default: 0] += 1 }
        var names = zip(first, plans).map { n, p in counts[n]! > 1 ? "\(n) (\(trimmed(p.folder)))" : n }
        // Still the same (the same organisation in two folders of one name): numbered.
        var used: [String: Int] = [:]
        for i in names.indices {
            used[names[i], default: 0] += 1
            if used[names[i]]! > 1 { names[i] += " #\(used[names[i]]!)" }
        }
        return names
    }

    static func canonicalName(_ f: String) -> String {
        canonical(f).split(separator: "/").last.map(String.init) ?? f
    }
}
