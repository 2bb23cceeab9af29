import FoundationEssentials
import SakerhetCore

let version = "0.1.0"

func main() -> Int32 {
    let argv = Array(CommandLine.arguments.dropFirst())
    var lang: Lang = .sv
    if let i = argv.firstIndex(of: "--lang"), i + 1 < argv.count, let l = Lang(rawValue: argv[i + 1]) { lang = l }
    if let l = argv.first(where: { $0.hasPrefix("--lang=") }).flatMap({ Lang(rawValue: String($0.dropFirst(7))) }) { lang = l }
    do {
        if let n = Platform.argumentNotUTF8() {
            throw UsageError(sv: "argument \(n) är inte UTF-8 (tecknen skulle sparas förstörda); ställ in terminalen på UTF-8 och skriv om det",
                             en: "argument \(n) is not UTF-8 (its characters would be stored damaged); set the terminal to UTF-8 and type it again")
        }
        var (global, args) = try Arguments.parse(argv)
        lang = global.lang
        let ctx = Context(options: global)
        if global.version {
            // `--version --bogus`: an unknown option, not a version.
            try args.finish(command: "sakerhet")
            try Output.write("sakerhet \(version)\n")
            return Exit.ok
        }
        guard let name = args.positional() else {
            // `sakerhet --x=`: an unknown option, not a missing command.
            if !global.help { try args.finish(command: "sakerhet") }
            try Output.write(HelpCommand.overview(lang))
            return global.help ? Exit.ok : Exit.usage
        }
        if name == "version" {
            try args.finish(command: "version")
            try Output.write("sakerhet \(version)\n")
            return Exit.ok
        }
        guard let command = Commands.find(name) else {
            let hint = Suggest.closest(to: name, in: Commands.names)
            throw UsageError(sv: "okänt kommando '\(name)'" + (hint.map { " (menade du '\($0)'?)" } ?? "") + "; se 'sakerhet help'",
                             en: "unknown command '\(name)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; see 'sakerhet help'")
        }
        if global.help {
            let verb = command.spec.verbs.isEmpty ? nil : args.positional()
            try Output.write(HelpText.lookup(command, verb: verb, lang))
            return Exit.ok
        }
        let code = try command.run(&args, ctx)
        // The only place the process ends: right after the command, with the data sets it
        // loaded still held (`ctx.kept`), so they are not freed one record at a time.
        withExtendedLifetime(ctx) { Platform.endProcess(code) }
    } catch is ReaderGone {
        // The reader went away (`| head`): nothing more to say, and nothing wrong.
        return Exit.ok
    } catch let e as UsageError {
        Output.error("sakerhet: " + (lang == .sv ? "fel: " : "error: ") + visible(e.message.text(lang)), lang)
        return Exit.usage
    } catch let e as StoreError {
        Output.error("sakerhet: " + (lang == .sv ? "fel: " : "error: ") + visible(e.message.text(lang)), lang)
        return Exit.usage
    } catch {
        Output.error("sakerhet: " + (lang == .sv ? "fel: " : "error: ") + visible("\(error)"), lang)
        return Exit.usage
    }
}

/// An error message echoes what the user typed; a newline or an escape sequence in an
/// argument is shown as `\n` or `\u{1B}`, never sent raw to the terminal.
func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars {
        guard isControl(s) else { out.append(s); continue }
        let escaped = s == "\n" ? "\\n" : s == "\r" ? "\\r" : s == "\t" ? "\\t" : "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
        out.append(contentsOf: escaped.unicodeScalars)
    }
    return String(out)
}

func isControl(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (0x7F...0x9F).contains(s.value) }

// A reader that goes away (`| head`, or q in the pager) is seen as EPIPE where output is
// written (`Output`), not as a signal that ends the process.
Platform.ignoreBrokenPipes()
Platform.tuneAllocator()
Platform.endProcess(main())
