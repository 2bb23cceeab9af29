import SakerhetCore

/// A usage error: the user typed something the command does not take. Exit 2.
struct UsageError: Error {
    let message: Message
    init(sv: String, en: String) { message = Message(sv: sv, en: en) }

    /// A verb `command` does not have, with the nearest one and the list: the same words
    /// for `sakerhet activities nosuch` and `sakerhet help activities nosuch`.
    static func unknownVerb(_ verb: String, of command: String, verbs: [String]) -> UsageError {
        let hint = Suggest.closest(to: verb, in: verbs)
        return UsageError(sv: "okänt verb '\(verb)' för \(command)" + (hint.map { " (menade du '\($0)'?)" } ?? "") + "; verben är " + verbs.joined(separator: ", "),
                          en: "unknown verb '\(verb)' for \(command)" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; the verbs are " + verbs.joined(separator: ", "))
    }
}

/// The options every command takes, before or after the command name.
struct GlobalOptions {
    var data: String?
    /// Every `--data` in order, and `--plans FILE`: more than one plan makes a rollup.
    var dataFolders: [String] = []
    var plans: String?
    var asOf: String?
    var lang: Lang = .sv
    var help = false
    var version = false

    static var names: [String] { GlobalTable.options.flatMap(\.names) }
}

/// The command line after the global options are taken out, read by each command.
///
/// `--` ends the options: every argument after it is positional, for the global options
/// and the command's alike (`sakerhet activities show -- -x` shows the record `-x`).
/// An option's value is the next argument or the text after `=`; `--reason=` gives an
/// empty value, and a value is never taken from beyond `--`.
struct Arguments {
    private(set) var tokens: [String]
    /// How many of `tokens` stand before `--`; only those can be options.
    private var optionCount: Int
    /// Options the command accepts, for "did you mean".
    private var known: [String] = []

    init(_ tokens: [String], optionCount: Int? = nil) {
        self.tokens = tokens
        self.optionCount = min(optionCount ?? tokens.count, tokens.count)
    }

    /// `--name=value` as name and value; anything else as itself without a value.
    static func split(_ arg: String) -> (name: String, inline: String?) {
        guard arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") else { return (arg, nil) }
        return (String(arg[..<eq]), String(arg[arg.index(after: eq)...]))
    }

    /// Whether `token` (before `--`) is read as an option: it starts with `-` and is not `-` alone.
    static func isOption(_ token: String) -> Bool { token.hasPrefix("-") && token != "-" }

    /// Splits global options from the rest. Accepts `--opt value` and `--opt=value`.
    static func parse(_ argv: [String]) throws -> (GlobalOptions, Arguments) {
        var g = GlobalOptions()
        var rest: [String] = []
        var afterDashes: [String] = []
        var i = 0
        // A global option's value is never empty: `--data=` is an error, not "the next argument".
        func value(_ name: String, _ inline: String?) throws -> String {
            let v: String?
            if let inline { v = inline } else if i + 1 < argv.count, argv[i + 1] != "--" { i += 1; v = argv[i] } else { v = nil }
            guard let v, !v.isEmpty else {
                throw UsageError(sv: "\(name) behöver ett värde", en: "\(name) needs a value")
            }
            return v
        }
        // `--data` may repeat (one folder per plan); the other global options with a value
        // may not, with another value, as a command's options may not (`OptionTable`):
        // which one counts would be a guess. The same value again changes nothing.
        var given: [String: String] = [:]
        func once(_ name: String, _ v: String) throws -> String {
            if let was = given.updateValue(v, forKey: name), was != v {
                throw UsageError(sv: "\(name) är angiven två gånger ('\(was)' och '\(v)'); ange den en gång",
                                 en: "\(name) is given twice ('\(was)' and '\(v)'); give it once")
            }
            return v
        }
        while i < argv.count {
            let arg = argv[i]
            if arg == "--" { afterDashes = Array(argv[(i + 1)...]); break }
            let (name, inline) = split(arg)
            switch name {
            case "--data": g.data = try value(name, inline); g.dataFolders.append(g.data!)
            case "--plans": g.plans = try once(name, value(name, inline))
            case "--as-of": g.asOf = try once(name, value(name, inline))
            case "--lang":
                let v = try once(name, value(name, inline))
                guard let l = Lang(rawValue: v) else {
                    throw UsageError(sv: "--lang tar sv eller en, inte '\(v)'", en: "--lang takes sv or en, not '\(v)'")
                }
                g.lang = l
            case "--help" where inline == nil, "-h" where inline == nil: g.help = true
            case "--version" where inline == nil: g.version = true
            default: rest.append(arg)
            }
            i += 1
        }
        return (g, Arguments(rest + afterDashes, optionCount: rest.count))
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// Takes the next token if it is not an option.
    mutating func positional() -> String? {
        guard let first = tokens.first else { return nil }
        if optionCount > 0 {
            guard !Arguments.isOption(first) else { return nil }
            optionCount -= 1
        }
        tokens.removeFirst()
        return first
    }

    /// How many of the remaining tokens stand before `--`.
    var optionsLeft: Int { optionCount }

    /// Removes `count` tokens at `i`, all before `--` (used by `take`).
    mutating func remove(at i: Int, count: Int) {
        tokens.removeSubrange(i..<(i + count))
        optionCount -= count
    }

    /// Option names the command accepts, for "did you mean".
    mutating func learn(_ names: [String]) { known += names }

    /// Fails on anything left over: an unknown option gets "did you mean".
    func finish(command: String) throws {
        guard let t = tokens.first else { return }
        if optionCount > 0, Arguments.isOption(t) {
            let name = Arguments.split(t).name
            let hint = Suggest.closest(to: name, in: known + GlobalOptions.names)
            // `-A1`: an id that starts with '-' is given after `--`.
            let value = !t.hasPrefix("--") && t.count > 2
                ? (sv: "; ett värde som börjar med - skrivs efter --: '\(command) -- \(t)'", en: "; a value that starts with - goes after --: '\(command) -- \(t)'")
                : (sv: "", en: "")
            throw UsageError(sv: "okänd flagga '\(t)' för \(command)" + (hint.map { " (menade du '\($0)'?)" } ?? "") + value.sv,
                             en: "unknown option '\(t)' for \(command)" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + value.en)
        }
        throw UsageError(sv: "oväntat argument '\(t)' för \(command)", en: "unexpected argument '\(t)' for \(command)")
    }
}
