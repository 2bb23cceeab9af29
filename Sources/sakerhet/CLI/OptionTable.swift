import SakerhetCore

// # The option table
//
// Every command declares what it takes once, as a `CommandSpec` in its own file (its help
// lives beside its code). Parsing (`Arguments.take`), `--help`, `sakerhet help`, the shell
// completions, the man page (`sakerhet man`) and the help section of docs/cli.md are all
// generated from these declarations, so they cannot drift apart.
//
// A new command, e.g. `Commands/Export.swift`:
//
//     enum Export: Command {
//         static let spec = CommandSpec(
//             name: "export",
//             summary: Message(sv: "Exporterar …", en: "Exports …"),
//             arguments: [Arg("KATALOG", "DIR", Message(sv: "målkatalogen", en: "the target folder"), optional: true)],
//             options: [
//                 Opt("--format", .choice(["csv", "json"]), Message(sv: "format (standard csv)", en: "format (default csv)")),
//                 Opt("--output", short: "-o", .file, Message(sv: "skriv till FIL", en: "write to FILE")),
//                 Opt("--public", .flag, Message(sv: "bara offentliga poster", en: "public records only")),
//             ],
//             examples: ["sakerhet export --format csv", "sakerhet export -o plan.json"])
//
//         static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
//             let o = try args.take(spec)              // every declared option, checked
//             let format = o.value("--format") ?? "csv"
//             let isPublic = o.flag("--public")
//             let dir = args.positional()
//             try args.finish(command: name)           // anything left is an error
//             …
//             return Exit.ok                           // never exit() here: main exits
//         }
//     }
//
// and one line in `Commands.all`. A command with verbs (`goals list`, `goals add`) lists
// them in `verbs:` and gives each option the verbs it applies to (`verbs: ["list"]`); it
// reads them with `args.take(spec, verb: verb)`. The value kind (`.file`, `.date`,
// `.ids(.goal)`, `.status(.activity)`, `.choice([...])`) decides the placeholder in the
// usage line (in the help's language) and what the shell completes.

/// One option of a command: `--format json`, `-o FILE`, `--overdue`.
struct Opt: Sendable {
    enum Value: Sendable, Equatable {
        /// No value: a flag.
        case flag
        /// Free text.
        case text
        /// One of these words.
        case choice([String])
        /// A file to write or read.
        case file
        /// A folder.
        case dir
        /// A day, YYYY-MM-DD.
        case date
        /// A deadline: a day, a month, a quarter, a phrase ('våren 2025').
        case deadline
        /// A record id of this kind (completed from the data).
        case ids(Kind)
        /// A status word of this kind's statuses.
        case status(Kind)
        /// A number.
        case number
        /// The name of a command.
        case command
    }

    let name: String
    let short: String?
    /// More names that mean the same (`--done_when` for `--done-when`); not shown.
    let aliases: [String]
    let value: Value
    /// Shown after the name; derived from `value` unless given.
    let placeholder: Message?
    let help: Message
    /// The verbs the option applies to; nil for every verb (or a command without verbs).
    let verbs: [String]?
    /// May be given more than once; otherwise a second one is an error.
    let repeatable: Bool
    /// Shown without brackets in the usage line (the command checks it is there).
    let required: Bool

    init(_ name: String, short: String? = nil, aliases: [String] = [], _ value: Value, placeholder: Message? = nil,
         _ help: Message, verbs: [String]? = nil, repeatable: Bool = false, required: Bool = false) {
        self.name = name
        self.short = short
        self.aliases = aliases
        self.value = value
        self.placeholder = placeholder
        self.help = help
        self.verbs = verbs
        self.repeatable = repeatable
        self.required = required
    }

    var takesValue: Bool { value != .flag }
    var names: [String] { [name] + (short.map { [$0] } ?? []) + aliases }

    func applies(to verb: String?) -> Bool {
        guard let verbs else { return true }
        return verb.map(verbs.contains) ?? false
    }

    /// The value's placeholder in the help's language: `FIL`/`FILE`, `text|json`.
    func valueWord(_ lang: Lang) -> String {
        if let placeholder { return placeholder.text(lang) }
        let sv = lang == .sv
        switch value {
        case .flag: return ""
        case .text: return "TEXT"
        case .choice(let c): return c.joined(separator: "|")
        case .file: return sv ? "FIL" : "FILE"
        case .dir: return sv ? "KATALOG" : "DIR"
        case .date: return sv ? "ÅÅÅÅ-MM-DD" : "YYYY-MM-DD"
        case .deadline: return sv ? "TIDPUNKT" : "DEADLINE"
        case .ids: return "ID"
        case .status: return "STATUS"
        case .number: return "N"
        case .command: return sv ? "KOMMANDO" : "COMMAND"
        }
    }

    /// `-o, --output FIL` as in the option list.
    func label(_ lang: Lang) -> String {
        let word = valueWord(lang)
        return (short.map { $0 + ", " } ?? "") + name + (word.isEmpty ? "" : " " + word)
    }

    /// `[--format text|json]` or `--title TEXT` in the usage line.
    func usage(_ lang: Lang) -> String {
        let word = valueWord(lang)
        let text = (short ?? name) + (word.isEmpty ? "" : " " + word)
        return required ? text : "[" + text + "]"
    }
}

/// A positional argument: `ID`, `KATALOG`, `bash|zsh|fish`.
struct Arg: Sendable {
    let sv: String
    let en: String
    let help: Message
    /// What the shell completes for it.
    let value: Opt.Value
    let optional: Bool
    let repeats: Bool

    init(_ sv: String, _ en: String, _ help: Message, _ value: Opt.Value = .text, optional: Bool = false, repeats: Bool = false) {
        self.sv = sv
        self.en = en
        self.help = help
        self.value = value
        self.optional = optional
        self.repeats = repeats
    }

    func word(_ lang: Lang) -> String { lang == .sv ? sv : en }

    func usage(_ lang: Lang) -> String {
        let w = word(lang) + (repeats ? " ..." : "")
        return optional ? "[" + w + "]" : w
    }
}

/// A verb of a command with verbs: `activities list`, `risks matrix`.
struct Verb: Sendable {
    let name: String
    let arguments: [Arg]
    /// One line for the command's list of verbs.
    let summary: Message
    /// The verb's own help text; the summary when nil.
    let description: Message?
    /// Words after the options in the usage line, e.g. `[fält=värde …]`.
    let trailing: Message?
    let examples: [String]

    init(_ name: String, arguments: [Arg] = [], summary: Message, description: Message? = nil, trailing: Message? = nil, examples: [String]) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.description = description
        self.trailing = trailing
        self.examples = examples
    }
}

/// Everything a command takes and says about itself.
struct CommandSpec: Sendable {
    let name: String
    let summary: Message
    /// The positional arguments of a command without verbs.
    let arguments: [Arg]
    let verbs: [Verb]
    let options: [Opt]
    let examples: [String]
    /// Left out of `sakerhet help`, completions and the man page (`__complete`).
    let hidden: Bool

    init(name: String, summary: Message, arguments: [Arg] = [], verbs: [Verb] = [], options: [Opt] = [],
         examples: [String], hidden: Bool = false) {
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.verbs = verbs
        self.options = options
        self.examples = examples
        self.hidden = hidden
    }

    func options(for verb: String?) -> [Opt] { options.filter { $0.applies(to: verb) } }
    func verb(_ name: String) -> Verb? { verbs.first { $0.name == name } }
}

/// The options every command takes, as declared for help, completions and the man page;
/// `Arguments.parse` reads them.
enum GlobalTable {
    static let options: [Opt] = [
        Opt("--data", .dir, Message(sv: "datamappen (standard: närmaste data/ uppåt); kan upprepas för att läsa flera planer", en: "the data folder (default: nearest data/ upward); may repeat to read several plans"), repeatable: true),
        Opt("--plans", .file, Message(sv: "en fil med en planmapp per rad (# kommentarer, sökvägar relativa till filen): audit, report, listor och log över alla", en: "a file naming one plan folder a line (# comments, paths relative to the file): audit, report, lists and log over all of them")),
        Opt("--as-of", .date, Message(sv: "räkna som om i dag vore det datumet, eller en periods sista dag (2027-Q1, 'hösten 2027'); standard: i dag", en: "compute as if today were that date, or the last day of a period (2027-Q1, 'hösten 2027'); default: today")),
        Opt("--lang", .choice(["sv", "en"]), Message(sv: "språk (standard: sv)", en: "language (default: sv)")),
        Opt("--help", short: "-h", .flag, Message(sv: "visa hjälpen", en: "show the help")),
        Opt("--version", .flag, Message(sv: "visa versionen", en: "show the version")),
    ]
}

/// The options a command was given, read by name after `Arguments.take`.
struct ParsedOptions {
    private(set) var values: [String: [String]] = [:]

    /// The value of a single-valued option, nil when not given.
    func value(_ name: String) -> String? { values[name]?.first }
    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { values[name] != nil }

    mutating func add(_ name: String, _ value: String) { values[name, default: []].append(value) }
}

extension Arguments {
    /// Takes every option of `spec` that applies to `verb`, left to right, before `--`:
    /// `--name value`, `--name=value`, `-o value`. A single-valued option given twice, a
    /// value not among an option's choices and a missing value are usage errors; anything
    /// not declared is left for `finish` to report as unknown.
    mutating func take(_ spec: CommandSpec, verb: String? = nil) throws -> ParsedOptions {
        try take(spec.options(for: verb))
    }

    mutating func take(_ options: [Opt]) throws -> ParsedOptions {
        var parsed = ParsedOptions()
        learn(options.flatMap(\.names))
        var i = 0
        while i < optionsLeft {
            let t = tokens[i]
            guard Arguments.isOption(t) else { i += 1; continue }
            let (name, inline) = Arguments.splitAny(t)
            guard let opt = options.first(where: { $0.names.contains(name) }) else { i += 1; continue }
            let value: String
            if opt.takesValue {
                if let inline {
                    value = inline
                    remove(at: i, count: 1)
                } else {
                    guard i + 1 < optionsLeft else {
                        throw UsageError(sv: "\(name) behöver ett värde", en: "\(name) needs a value")
                    }
                    value = tokens[i + 1]
                    remove(at: i, count: 2)
                }
            } else {
                guard inline == nil else {
                    throw UsageError(sv: "\(name) tar inget värde", en: "\(name) takes no value")
                }
                value = ""
                remove(at: i, count: 1)
            }
            if parsed.flag(opt.name) && !opt.repeatable {
                throw UsageError(sv: "\(opt.name) är angiven två gånger; ange den en gång",
                                 en: "\(opt.name) is given twice; give it once")
            }
            if case .choice(let choices) = opt.value, !choices.contains(value) {
                let hint = Suggest.closest(to: value, in: choices)
                throw UsageError(sv: "\(opt.name) tar \(choices.joined(separator: "|")), inte '\(value)'" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                                 en: "\(opt.name) takes \(choices.joined(separator: "|")), not '\(value)'" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
            }
            parsed.add(opt.name, value)
        }
        return parsed
    }

    /// `--name=value` or `-o=value` as name and value; anything else as itself.
    static func splitAny(_ arg: String) -> (name: String, inline: String?) {
        guard arg.hasPrefix("-"), let eq = arg.firstIndex(of: "=") else { return (arg, nil) }
        return (String(arg[..<eq]), String(arg[arg.index(after: eq)...]))
    }
}
