import SakerhetCore

/// A usage error: the user typed something the command does not take. Exit 2.
struct UsageError: Error {
    let message: Message
    init(sv: String, en: String) { message = Message(sv: sv, en: en) }
}

/// The options every command takes, before or after the command name.
struct GlobalOptions {
    var data: String?
    var asOf: String?
    var lang: Lang = .sv
    var help = false
    var version = false

    static let names = ["--data", "--as-of", "--lang", "--help", "-h", "--version"]
}

/// The command line after the global options are taken out, read by each command.
struct Arguments {
    private(set) var tokens: [String]
    /// Options the command accepts, for "did you mean".
    private var known: [String] = []

    init(_ tokens: [String]) { self.tokens = tokens }

    /// Splits global options from the rest. Accepts `--opt value` and `--opt=value`.
    static func parse(_ argv: [String]) throws -> (GlobalOptions, Arguments) {
        var g = GlobalOptions()
        var rest: [String] = []
        var i = 0
        func value(_ name: String, _ inline: String?) throws -> String {
            if let inline { return inline }
            i += 1
            guard i < argv.count else {
                throw UsageError(sv: "\(name) behöver ett värde", en: "\(name) needs a value")
            }
            return argv[i]
        }
        while i < argv.count {
            let arg = argv[i]
            if arg == "--" { rest += argv[i...]; break }
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0], inline = parts.count > 1 ? parts[1] : nil
            switch name {
            case "--data": g.data = try value(name, inline)
            case "--as-of": g.asOf = try value(name, inline)
            case "--lang":
                let v = try value(name, inline)
                guard let l = Lang(rawValue: v) else {
                    throw UsageError(sv: "--lang tar sv eller en, inte '\(v)'", en: "--lang takes sv or en, not '\(v)'")
                }
                g.lang = l
            case "--help", "-h": g.help = true
            case "--version": g.version = true
            default: rest.append(arg)
            }
            i += 1
        }
        return (g, Arguments(rest))
    }

    var isEmpty: Bool { tokens.isEmpty }

    /// Takes the next token if it is not an option.
    mutating func positional() -> String? {
        guard let first = tokens.first, !first.hasPrefix("-") || first == "-" else { return nil }
        tokens.removeFirst()
        return first
    }

    /// Takes a flag (`--overdue`).
    mutating func flag(_ names: String...) -> Bool {
        known += names
        guard let i = tokens.firstIndex(where: { names.contains($0) }) else { return false }
        tokens.remove(at: i)
        return true
    }

    /// Takes an option with a value (`--format json`, `--format=json`, `-o file`).
    mutating func option(_ names: String...) throws -> String? {
        known += names
        for (i, t) in tokens.enumerated() {
            for n in names {
                if t == n {
                    guard i + 1 < tokens.count else { throw UsageError(sv: "\(n) behöver ett värde", en: "\(n) needs a value") }
                    let v = tokens[i + 1]
                    tokens.removeSubrange(i...(i + 1))
                    return v
                }
                if t.hasPrefix(n + "=") {
                    tokens.remove(at: i)
                    return String(t.dropFirst(n.count + 1))
                }
            }
        }
        return nil
    }

    /// Takes an option whose value must be one of `choices`.
    mutating func choice(_ name: String, _ choices: [String]) throws -> String? {
        guard let v = try option(name) else { return nil }
        guard choices.contains(v) else {
            let hint = Suggest.closest(to: v, in: choices).map { " (menade du '\($0)'?)" } ?? ""
            let hintEn = Suggest.closest(to: v, in: choices).map { " (did you mean '\($0)'?)" } ?? ""
            throw UsageError(sv: "\(name) tar \(choices.joined(separator: "|")), inte '\(v)'\(hint)",
                             en: "\(name) takes \(choices.joined(separator: "|")), not '\(v)'\(hintEn)")
        }
        return v
    }

    /// Fails on anything left over: an unknown option gets "did you mean".
    func finish(command: String) throws {
        guard let t = tokens.first else { return }
        if t.hasPrefix("-") {
            let name = String(t.split(separator: "=").first ?? "")
            let hint = Suggest.closest(to: name, in: known + GlobalOptions.names)
            throw UsageError(sv: "okänd flagga '\(t)' för \(command)" + (hint.map { " (menade du '\($0)'?)" } ?? ""),
                             en: "unknown option '\(t)' for \(command)" + (hint.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        throw UsageError(sv: "oväntat argument '\(t)' för \(command)", en: "unexpected argument '\(t)' for \(command)")
    }
}
