import Foundation
import SakerhetCore

/// Help for a command: usage line, summary, options and real examples.
struct Help {
    let usage: String
    let summary: Message
    let options: [(String, Message)]
    let examples: [String]

    func render(_ lang: Lang) -> String {
        let sv = lang == .sv
        var out = (sv ? "Användning: " : "Usage: ") + usage + "\n\n" + summary.text(lang) + "\n"
        if !options.isEmpty {
            out += "\n" + (sv ? "Flaggor:" : "Options:") + "\n"
            let width = min(30, (options.map { $0.0.count }.max() ?? 0) + 2)
            for (name, text) in options {
                out += "  " + name.padding(toLength: max(width, name.count + 2), withPad: " ", startingAt: 0) + text.text(lang) + "\n"
            }
        }
        out += "\n" + (sv ? "Gemensamma flaggor: --data DIR, --as-of ÅÅÅÅ-MM-DD, --lang sv|en" :
                             "Global options: --data DIR, --as-of YYYY-MM-DD, --lang sv|en") + "\n"
        out += "\n" + (sv ? "Exempel:" : "Examples:") + "\n"
        for e in examples { out += "  " + e + "\n" }
        return out
    }
}

/// A subcommand: one file in Commands/, its help beside its code.
protocol Command: Sendable {
    static var name: String { get }
    static var help: Help { get }
    /// Runs the command and returns the exit code.
    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32
    /// Help for one verb (`sakerhet activities add --help`), if the command has verbs.
    static func help(verb: String) -> Help?
}

extension Command {
    static func help(verb: String) -> Help? { nil }
}

enum Commands {
    static let all: [any Command.Type] = [
        Goals.self, Activities.self, Risks.self, Findings.self, Followups.self, Audit.self, Report.self,
        Log.self,
        Export.self,
        Init.self, Completions.self, HelpCommand.self,
    ]
    static var names: [String] { all.map { $0.name } + ["version"] }

    static func find(_ name: String) -> (any Command.Type)? { all.first { $0.name == name } }
}

enum Exit {
    static let ok: Int32 = 0
    static let problems: Int32 = 1
    static let usage: Int32 = 2

    /// Ends the process now, once the output is written. A read-only command calls it
    /// with the whole data set still in memory: the memory goes back with the process,
    /// which is much faster than freeing 100,000 records one by one.
    static func now(_ code: Int32) -> Never {
        exit(code)
    }
}
