import FoundationEssentials
import SakerhetCore

/// What a command needs from the environment: the data folder, the date, the language,
/// colours, and where output goes.
struct Context {
    let options: GlobalOptions
    var lang: Lang { options.lang }
    /// Data sets loaded during the run, held until main ends the process: freeing 100,000
    /// records one by one takes longer than giving the memory back with the process.
    let kept = Kept()

    final class Kept { var values: [Any] = [] }

    /// Holds `value` (a data set, a large list of diagnostics) until the process ends.
    func keep(_ value: Any) { kept.values.append(value) }

    /// How long a writer waits for another: `SAKERHET_LOCK_TIMEOUT` seconds (0 or more),
    /// else 10. A value that is no such number is a usage error, not silently 10.
    func lockTimeout() throws -> Double {
        guard let text = ProcessInfo.processInfo.environment["SAKERHET_LOCK_TIMEOUT"] else { return 10 }
        guard let seconds = Double(text.trimmingBlanks), seconds.isFinite, seconds >= 0 else {
            throw UsageError(sv: "SAKERHET_LOCK_TIMEOUT tar ett antal sekunder, 0 eller fler (t.ex. 30), inte '\(text)'",
                             en: "SAKERHET_LOCK_TIMEOUT takes a number of seconds, 0 or more (e.g. 30), not '\(text)'")
        }
        return seconds
    }

    /// The as-of date: `--as-of`, or today in local time.
    func asOf() throws -> Day {
        if let s = options.asOf {
            guard let d = Day.asOf(parsing: s) else {
                throw UsageError(sv: "--as-of tar ett datum ÅÅÅÅ-MM-DD eller en period (2027-Q1, hösten 2027), inte '\(s)'",
                                 en: "--as-of takes a date YYYY-MM-DD or a period (2027-Q1, autumn 2027), not '\(s)'")
            }
            return d
        }
        let t = Platform.today()
        return Day(year: t.year, month: t.month, day: t.day)!
    }

    /// The data folder: `--data` (a repository root with `data/` in it is read as the
    /// rollup reads it, `Plans.records`), or the nearest `data/` upward.
    func dataFolder() throws -> (path: String, display: String) {
        if isRollup { throw UsageError(sv: Context.onePlan.sv, en: Context.onePlan.en) }
        if let d = options.data {
            let given = Plans.Folder(path: d, display: d.hasSuffix("/") && d.count > 1 ? String(d.dropLast()) : d, origin: "--data")
            // A folder without records of its own and without a data/ with them is loaded
            // as given, so that the error names it.
            let folder = Platform.isFolder(d) ? Plans.records(given) ?? given : given
            return (folder.path, folder.display)
        }
        guard let found = Store.findDataFolder() else {
            throw StoreError(sv: "hittar ingen data/-mapp här eller ovanför; ange en med --data DIR eller skapa en med 'sakerhet init'",
                             en: "no data/ folder here or above; give one with --data DIR or create one with 'sakerhet init'")
        }
        return (found, Context.relative(found))
    }

    /// The data folder's files of `kinds` (all by default).
    func load(kinds: [Kind] = Kind.allCases) throws -> DataSet {
        let (path, display) = try dataFolder()
        let data = try Store.load(folder: path, display: display, kinds: kinds)
        keep(data)
        return data
    }

    /// The data folder as `show ID` reads it (`Store.load(folder:display:toShow:)`).
    func load(toShow record: (kind: Kind, id: String)) throws -> DataSet {
        let (path, display) = try dataFolder()
        let data = try Store.load(folder: path, display: display, toShow: record)
        keep(data)
        return data
    }

    /// Colour only on a terminal, and never with NO_COLOR set.
    var style: Style {
        let env = ProcessInfo.processInfo.environment
        let noColor = (env["NO_COLOR"].map { !$0.isEmpty } ?? false) || env["TERM"] == "dumb"
        return Style.forOutput(color: !noColor && isTerminal, environment: env, fd: Platform.standardOutput)
    }

    var isTerminal: Bool { Platform.isTerminal(Platform.standardOutput) }

    /// The folder that holds `path`: "." for a bare name, "/" for the root. Foundation's
    /// `deletingLastPathComponent` traps on a one-character path.
    static func parent(of path: String) -> String { Path.parent(of: path) }

    static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}

/// Standard output was closed by its reader (`| head`): main ends with exit code 0.
struct ReaderGone: Error {}

/// Writes to standard output in one go, or to a file with `-o` (atomically).
enum Output {
    static func write(_ text: String, to file: String? = nil) throws {
        try write(Pieces(text), to: file)
    }

    /// Writes `pieces` one after another as they are made, without joining them into one
    /// string first.
    /// `runnerCommands`: the output is `audit --format github`'s, whose lines are workflow
    /// commands on purpose (each escaped); any other output has none.
    static func write(_ pieces: Pieces, to file: String? = nil, runnerCommands: Bool = false) throws {
        if let file {
            guard !file.isEmpty else { throw UsageError(sv: "-o behöver ett filnamn", en: "-o needs a file name") }
            // Foundation's deletingLastPathComponent traps on a one-character name (`-o a`):
            // a name without a folder is given one.
            return try Store.writeAtomically(pieces, to: file.includes("/") ? file : "./" + file)
        }
        // No line of the output starts with `::`, which a CI runner reads as a command.
        var atLineStart = true
        if pieces.forEach({ piece in
            let safe = runnerCommands ? piece : SafeText.noRunnerCommands(piece, atLineStart: atLineStart)
            if !safe.isEmpty { atLineStart = safe.hasSuffix("\n") }
            return Platform.writeAll(Platform.standardOutput, safe)
        }) { return }
        // The reader has gone (`| head`): nothing more to say, and nothing wrong.
        let code = Platform.lastError
        if Platform.isBrokenPipe(code) { throw ReaderGone() }
        let why = Platform.errorText(code)
        throw StoreError(sv: "kan inte skriva till standard ut: \(why.sv)", en: "cannot write to standard output: \(why.en)")
    }

    /// `-o FILE` of audit, report and export: refused inside the data folder
    /// (`Store.writeOutput`); an empty name is a usage error.
    /// Returns the number of bytes written. `fileExtension` is the format's (`json`), for
    /// the file name a refusal suggests.
    @discardableResult
    static func write(_ pieces: Pieces, toOutput file: String, dataFolder: String?, fileExtension: String) throws -> Int {
        guard !file.isEmpty else { throw UsageError(sv: "-o behöver ett filnamn", en: "-o needs a file name") }
        return try Store.writeOutput(pieces, to: file, dataFolder: dataFolder, fileExtension: fileExtension)
    }

    /// The same for a binary file (a workbook, a Word document).
    static func write(_ bytes: [UInt8], toOutput file: String, dataFolder: String?, fileExtension: String) throws {
        guard !file.isEmpty else { throw UsageError(sv: "-o behöver ett filnamn", en: "-o needs a file name") }
        try Store.writeOutput(bytes, to: file, dataFolder: dataFolder, fileExtension: fileExtension)
    }

    /// A message on standard error. If even that cannot be written, there is no one to tell.
    /// A message may quote an argument or a value: controls are shown and numbers masked
    /// (the mask in `lang`).
    static func error(_ text: String, _ lang: Lang) {
        _ = Platform.writeAll(Platform.standardError, SafeText.text(text, lang) + "\n")
    }
}
