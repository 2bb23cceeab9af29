import Foundation
import SakerhetCore

let version = "0.1.0"

func main() -> Int32 {
    let argv = Array(CommandLine.arguments.dropFirst())
    var lang: Lang = .sv
    if let i = argv.firstIndex(of: "--lang"), i + 1 < argv.count, let l = Lang(rawValue: argv[i + 1]) { lang = l }
    if let l = argv.first(where: { $0.hasPrefix("--lang=") }).flatMap({ Lang(rawValue: String($0.dropFirst(7))) }) { lang = l }
    do {
        var (global, args) = try Arguments.parse(argv)
        lang = global.lang
        let ctx = Context(options: global)
        if global.version {
            try Output.write("sakerhet \(version)\n")
            return Exit.ok
        }
        guard let name = args.positional() else {
            try Output.write(HelpCommand.overview(lang))
            return global.help ? Exit.ok : Exit.usage
        }
        if name == "version" {
            try Output.write("sakerhet \(version)\n")
            return Exit.ok
        }
        guard let command = Commands.find(name) else {
            let hint = Suggest.closest(to: name, in: Commands.names)
            throw UsageError(sv: "okänt kommando '\(name)'" + (hint.map { " (menade du '\($0)'?)" } ?? "") + "; se 'sakerhet help'",
                             en: "unknown command '\(name)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; see 'sakerhet help'")
        }
        if global.help {
            if let verb = args.positional(), let h = command.help(verb: verb) {
                try Output.write(h.render(lang))
                return Exit.ok
            }
            try Output.write(command.help.render(lang))
            return Exit.ok
        }
        return try command.run(&args, ctx)
    } catch let e as UsageError {
        Output.error("sakerhet: " + (lang == .sv ? "fel: " : "error: ") + e.message.text(lang))
        return Exit.usage
    } catch let e as StoreError {
        Output.error("sakerhet: " + (lang == .sv ? "fel: " : "error: ") + e.message.text(lang))
        return Exit.usage
    } catch {
        Output.error("sakerhet: " + (lang == .sv ? "fel: " : "error: ") + "\(error)")
        return Exit.usage
    }
}

// A reader that goes away (`| head`, or q in the pager) is seen as EPIPE where output is
// written (`Output`), not as a signal that ends the process.
signal(SIGPIPE, SIG_IGN)
exit(main())
