import Foundation
import SakerhetCore

/// What a command needs from the environment: the data folder, the date, the language,
/// colours, and where output goes.
struct Context {
    let options: GlobalOptions
    var lang: Lang { options.lang }

    /// The as-of date: `--as-of`, or today in local time.
    func asOf() throws -> Day {
        if let s = options.asOf {
            guard let d = Day(s) else {
                throw UsageError(sv: "--as-of tar ett datum ÅÅÅÅ-MM-DD, inte '\(s)'", en: "--as-of takes a date YYYY-MM-DD, not '\(s)'")
            }
            return d
        }
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The data folder: `--data`, or the nearest `data/` upward.
    func dataFolder() throws -> (path: String, display: String) {
        if isRollup { throw UsageError(sv: Context.onePlan.sv, en: Context.onePlan.en) }
        if let d = options.data { return (d, d.hasSuffix("/") && d.count > 1 ? String(d.dropLast()) : d) }
        guard let found = Store.findDataFolder() else {
            throw StoreError(sv: "hittar ingen data/-mapp här eller ovanför; ange en med --data DIR eller skapa en med 'sakerhet init'",
                             en: "no data/ folder here or above; give one with --data DIR or create one with 'sakerhet init'")
        }
        return (found, Context.relative(found))
    }

    /// The data folder's files of `kinds` (all by default).
    func load(kinds: [Kind] = Kind.allCases) throws -> DataSet {
        let (path, display) = try dataFolder()
        return try Store.load(folder: path, display: display, kinds: kinds)
    }

    /// Colour only on a terminal, and never with NO_COLOR set.
    var style: Style {
        let env = ProcessInfo.processInfo.environment
        let noColor = (env["NO_COLOR"].map { !$0.isEmpty } ?? false) || env["TERM"] == "dumb"
        return Style(color: !noColor && isatty(STDOUT_FILENO) == 1)
    }

    var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The folder that holds `path`: "." for a bare name, "/" for the root. Foundation's
    /// `deletingLastPathComponent` traps on a one-character path.
    static func parent(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}

/// Writes to standard output in one go, or to a file with `-o` (atomically).
enum Output {
    static func write(_ text: String, to file: String? = nil) throws {
        try write([text], to: file)
    }

    /// Writes `pieces` one after another, without joining them into one string first.
    static func write(_ pieces: [String], to file: String? = nil) throws {
        if let file {
            guard !file.isEmpty else { throw UsageError(sv: "-o behöver ett filnamn", en: "-o needs a file name") }
            // Foundation's deletingLastPathComponent traps on a one-character name (`-o a`):
            // a name without a folder is given one.
            return try Store.writeAtomically(pieces, to: file.contains("/") ? file : "./" + file)
        }
        for piece in pieces {
            // Straight from the string's bytes: a large report is not copied again.
            var piece = piece
            if piece.withUTF8({ Store.writeAll(STDOUT_FILENO, UnsafeRawBufferPointer($0)) }) { continue }
            // The reader has gone (`| head`): nothing more to say, and nothing wrong.
            if errno == EPIPE { Exit.now(Exit.ok) }
            let why = String(cString: strerror(errno))
            throw StoreError(sv: "kan inte skriva till standard ut: \(why)", en: "cannot write to standard output: \(why)")
        }
    }

    /// A message on standard error. If even that cannot be written, there is no one to tell.
    /// A message may quote an argument or a value: controls are shown and numbers masked.
    static func error(_ text: String) {
        var line = SafeText.text(text) + "\n"
        _ = line.withUTF8 { Store.writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }
}
