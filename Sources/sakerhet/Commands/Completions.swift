import SakerhetCore

/// `sakerhet completions bash|zsh|fish`: a shell completion script.
enum Completions: Command {
    static let name = "completions"
    static let help = Help(
        usage: "sakerhet completions bash|zsh|fish",
        summary: Message(sv: "Skriver ett skript för tab-komplettering i skalet.", en: "Prints a tab-completion script for the shell."),
        options: [],
        examples: ["sakerhet completions bash > ~/.local/share/bash-completion/completions/sakerhet",
                   "sakerhet completions fish > ~/.config/fish/completions/sakerhet.fish"])

    static func run(_ args: inout Arguments, _ ctx: Context) throws -> Int32 {
        guard let shell = args.positional() else {
            throw UsageError(sv: "ange skal: bash, zsh eller fish", en: "name a shell: bash, zsh or fish")
        }
        try args.finish(command: name)
        let commands = Commands.all.map { $0.name }
        let verbs = RecordCommand.verbs + ["matrix"]
        let globals = ["--data", "--as-of", "--lang", "--help", "--version"]
        // Every option of every command, for completion after the command.
        let options = ["--format", "--owner", "--goal", "--area", "--status", "--overdue", "--soon", "--due-before", "--level",
                       "--dry-run", "--commit", "--date", "--evidence", "--to", "--reason", "--title", "--id", "--start", "--due",
                       "--fail-on", "--no-time", "--by-owner", "-o", "--period", "--public", "--since", "--until", "--field",
                       "--slips", "--organisation", "--ci", "--kind", "--sheet", "--map"]
        switch shell {
        case "bash":
            try Output.write("""
            # bash completion for sakerhet
            _sakerhet() {
                local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
                case $prev in
                    --data) COMPREPLY=($(compgen -d -- "$cur")); return;;
                    --lang) COMPREPLY=($(compgen -W "sv en" -- "$cur")); return;;
                    --format) COMPREPLY=($(compgen -W "text table tsv csv json github gitlab junit markdown html" -- "$cur")); return;;
                esac
                if [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=($(compgen -W "\(commands.joined(separator: " ")) \(globals.joined(separator: " "))" -- "$cur"))
                elif [ "$COMP_CWORD" -eq 2 ] && [[ " goals activities risks findings " == *" ${COMP_WORDS[1]} "* ]]; then
                    COMPREPLY=($(compgen -W "\(verbs.joined(separator: " "))" -- "$cur"))
                else
                    COMPREPLY=($(compgen -W "\(globals.joined(separator: " ")) \(options.joined(separator: " "))" -- "$cur"))
                fi
            }
            complete -F _sakerhet sakerhet

            """)
        case "zsh":
            try Output.write("""
            #compdef sakerhet
            _sakerhet() {
                local -a commands verbs
                commands=(\(commands.joined(separator: " ")))
                verbs=(\(verbs.joined(separator: " ")))
                if (( CURRENT == 2 )); then
                    _describe 'command' commands
                elif (( CURRENT == 3 )) && [[ ${words[2]} == (goals|activities|risks|findings) ]]; then
                    _describe 'verb' verbs
                else
                    _arguments '--data[data folder]:folder:_files -/' '--as-of[date]:date:' '--lang[language]:lang:(sv en)' '--format[format]:format:(text table tsv csv json github gitlab junit markdown html)' \(options.filter { $0 != "--format" }.map { "'\($0)'" }.joined(separator: " ")) '*:: :'
                fi
            }
            compdef _sakerhet sakerhet

            """)
        case "fish":
            var out = "# fish completion for sakerhet\n"
            for c in Commands.all {
                out += "complete -c sakerhet -n '__fish_use_subcommand' -a \(c.name) -d '\(c.help.summary.text(ctx.lang).split(separator: ".").first ?? "")'\n"
            }
            out += "complete -c sakerhet -n '__fish_seen_subcommand_from goals activities risks findings' -a '\(verbs.joined(separator: " "))'\n"
            out += "complete -c sakerhet -l data -r -a '(__fish_complete_directories)'\ncomplete -c sakerhet -l as-of -r\ncomplete -c sakerhet -l lang -r -a 'sv en'\n"
            out += "complete -c sakerhet -l format -r -a 'text table tsv csv json github gitlab junit markdown html'\n"
            for o in options where o.hasPrefix("--") && o != "--format" { out += "complete -c sakerhet -l \(o.dropFirst(2))\n" }
            try Output.write(out)
        default:
            let hint = Suggest.closest(to: shell, in: ["bash", "zsh", "fish"])
            throw UsageError(sv: "okänt skal '\(shell)'" + (hint.map { " (menade du '\($0)'?)" } ?? "") + "; välj bash, zsh eller fish",
                             en: "unknown shell '\(shell)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "") + "; choose bash, zsh or fish")
        }
        return Exit.ok
    }
}
