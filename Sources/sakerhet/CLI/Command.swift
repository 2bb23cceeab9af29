import FoundationEssentials
import SakerhetCore

/// A subcommand: one file in Commands/, its declared options and help beside its code.
protocol Command: Sendable {
    /// The command's name: a requirement, so that `Commands.find` reads each command's own
    /// literal and does not build every command's `spec` (Foundation string work) on the way.
    static var name: String { get }
    /// What the command takes and says about itself (see OptionTable.swift).
    static var spec: CommandSpec { get }
    /// Runs the command and returns the exit code; only main ends the process.
    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32
}

extension Command {
    static var name: String { spec.name }
}

enum Commands {
    static let all: [any Command.Type] = [
        Goals.self, Activities.self, Risks.self, Findings.self, Followups.self, Audit.self, Report.self,
        Log.self, Import.self,
        Export.self,
        Init.self, Completions.self, ManCommand.self, HelpCommand.self,
        CompleteCommand.self,
    ]
    /// The commands a user sees (help, completions, man page).
    static var visible: [any Command.Type] { all.filter { !$0.spec.hidden } }
    static var names: [String] { visible.map { $0.name } + ["version"] }

    static func find(_ name: String) -> (any Command.Type)? { all.first { $0.name == name } }
}

enum Exit {
    static let ok: Int32 = 0
    static let problems: Int32 = 1
    static let usage: Int32 = 2
}

/// The help texts, generated from a command's `CommandSpec`.
enum HelpText {
    /// The terminal width for wrapping: COLUMNS, else 100.
    static var width: Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c >= 40 { return min(c, 500) }
        return 100
    }

    /// `text` broken at spaces into lines of at most `width` columns; lines after the first
    /// start with `indent` spaces (the first with `first` already written before it).
    static func wrap(_ text: String, width: Int, indent: Int, first: Int? = nil) -> String {
        var lines: [String] = []
        var line = ""
        var used = first ?? indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && used + 1 + word.count > width {
                lines.append(line)
                line = ""
                used = indent
            }
            if !line.isEmpty { line += " "; used += 1 }
            line += word
            used += word.count
        }
        lines.append(line)
        return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }

    /// Two columns: label and text, the text wrapped beside the label.
    static func table(_ rows: [(String, String)], width: Int) -> String {
        // A label too long for the column stands on its own line, the text below it.
        let column = min(30, (rows.map { $0.0.count }.filter { $0 <= 26 }.max() ?? 0) + 4)
        var out = ""
        for (label, text) in rows {
            if label.count + 4 > column {
                out += "  " + label + "\n" + String(repeating: " ", count: column) + wrap(text, width: width, indent: column) + "\n"
            } else {
                out += "  " + label.padded(to: column - 2) + wrap(text, width: width, indent: column) + "\n"
            }
        }
        return out
    }

    static func usageLine(_ spec: CommandSpec, verb: Verb?, _ lang: Lang) -> String {
        let sv = lang == .sv
        var words = ["sakerhet", spec.name]
        if let verb {
            words.append(verb.name)
            words += verb.arguments.map { $0.usage(lang) }
            let opts = spec.options(for: verb.name)
            if opts.count > 6 {
                words += opts.filter(\.required).map { $0.usage(lang) }
                words.append(sv ? "[FLAGGOR]" : "[OPTIONS]")
            } else {
                words += opts.map { $0.usage(lang) }
            }
            if let t = verb.trailing { words.append(t.text(lang)) }
        } else if !spec.verbs.isEmpty {
            words.append("[" + spec.verbs.map(\.name).joined(separator: "|") + "]")
            words.append("…")
        } else {
            words += spec.arguments.map { $0.usage(lang) }
            words += spec.options.map { $0.usage(lang) }
        }
        return (sv ? "Användning: " : "Usage: ") + words.joined(separator: " ")
    }

    static func globals(_ lang: Lang) -> String {
        let list = GlobalTable.options.filter(\.takesValue).map { $0.name + " " + $0.valueWord(lang) }.joined(separator: ", ")
        return (lang == .sv ? "Gemensamma flaggor: " : "Global options: ") + list
    }

    /// `sakerhet help COMMAND`, `sakerhet COMMAND --help`.
    static func command(_ spec: CommandSpec, _ lang: Lang, width: Int = HelpText.width) -> String {
        let sv = lang == .sv
        var out = usageLine(spec, verb: nil, lang) + "\n\n" + wrap(spec.summary.text(lang), width: width, indent: 0) + "\n"
        if !spec.verbs.isEmpty {
            out += "\n" + (sv ? "Kommandon:" : "Commands:") + "\n"
            out += table(spec.verbs.map { v in
                ([v.name] + v.arguments.map { $0.usage(lang) }).joined(separator: " ")
            }.enumerated().map { ($0.element, spec.verbs[$0.offset].summary.text(lang)) }, width: width)
        }
        if !spec.arguments.isEmpty {
            out += "\n" + (sv ? "Argument:" : "Arguments:") + "\n" + table(spec.arguments.map { ($0.usage(lang), $0.help.text(lang)) }, width: width)
        }
        let opts = spec.verbs.isEmpty ? spec.options : []
        if !opts.isEmpty {
            out += "\n" + (sv ? "Flaggor:" : "Options:") + "\n" + table(opts.map { ($0.label(lang), $0.help.text(lang)) }, width: width)
        }
        out += "\n" + globals(lang) + "\n"
        out += "\n" + (sv ? "Exempel:" : "Examples:") + "\n" + spec.examples.map { "  " + $0 + "\n" }.joined()
        if !spec.verbs.isEmpty {
            out += "\n" + (sv ? "Kör 'sakerhet \(spec.name) KOMMANDO --help' för ett kommandos flaggor."
                              : "Run 'sakerhet \(spec.name) COMMAND --help' for a command's options.") + "\n"
        }
        return out
    }

    /// `sakerhet COMMAND VERB --help`, `sakerhet help COMMAND VERB`.
    static func verb(_ spec: CommandSpec, _ verb: Verb, _ lang: Lang, width: Int = HelpText.width) -> String {
        let sv = lang == .sv
        var out = usageLine(spec, verb: verb, lang) + "\n\n" + wrap((verb.description ?? verb.summary).text(lang), width: width, indent: 0) + "\n"
        if !verb.arguments.isEmpty {
            out += "\n" + (sv ? "Argument:" : "Arguments:") + "\n" + table(verb.arguments.map { ($0.usage(lang), $0.help.text(lang)) }, width: width)
        }
        let opts = spec.options(for: verb.name)
        if !opts.isEmpty {
            out += "\n" + (sv ? "Flaggor:" : "Options:") + "\n" + table(opts.map { ($0.label(lang), $0.help.text(lang)) }, width: width)
        }
        out += "\n" + globals(lang) + "\n"
        out += "\n" + (sv ? "Exempel:" : "Examples:") + "\n" + verb.examples.map { "  " + $0 + "\n" }.joined()
        return out
    }

    /// Help for `COMMAND [VERB]`, or a usage error naming the verbs there are.
    static func lookup(_ command: any Command.Type, verb: String?, _ lang: Lang) throws -> String {
        let spec = command.spec
        guard let verb else { return HelpText.command(spec, lang) }
        if let v = spec.verb(verb) { return HelpText.verb(spec, v, lang) }
        let names = spec.verbs.map(\.name)
        guard !names.isEmpty else {
            throw UsageError(sv: "\(spec.name) har inga verb; se 'sakerhet help \(spec.name)'", en: "\(spec.name) has no verbs; see 'sakerhet help \(spec.name)'")
        }
        throw UsageError.unknownVerb(verb, of: spec.name, verbs: names)
    }
}
