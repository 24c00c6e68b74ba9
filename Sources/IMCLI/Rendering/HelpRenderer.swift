/// Help text of a command: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, SUBCOMMANDS, EXAMPLES (style §3.6).
public enum HelpRenderer {
    /// Renders help for the last command of `path` (root first), wrapped to `width` columns.
    public static func render(path: [Command], width: Int) -> String {
        let command = path[path.count - 1]
        var lines = TextWrap.wrap("OVERVIEW: \(command.summary)", width: width)
        if !command.discussion.isEmpty {
            lines += [""] + TextWrap.wrap(command.discussion, width: width)
        }
        lines += [""] + TextWrap.wrap("USAGE: \(usageLine(path))", width: width)
        let arguments = command.arguments
        if !arguments.isEmpty {
            lines += ["", "ARGUMENTS:"]
            for argument in arguments {
                lines += TextWrap.labelled(argument.usage, argument.help, width: width)
            }
        }
        let own = path.count == 1 ? command.visibleOptions : path.dropFirst().flatMap(\.visibleOptions)
        if !own.isEmpty {
            lines += ["", "OPTIONS:"]
            for option in own { lines += TextWrap.labelled(option.label, helpText(option), width: width) }
        }
        if path.count > 1 {
            lines += ["", "GLOBAL OPTIONS:"]
            lines += TextWrap.wrap(
                path[0].visibleOptions.map { "--" + $0.long }.joined(separator: " ") + " (see 'imctl help')",
                width: width, indent: 2)
        }
        if !command.visibleSubcommands.isEmpty {
            lines += ["", "SUBCOMMANDS:"]
            for sub in command.visibleSubcommands { lines += TextWrap.labelled(sub.name, sub.summary, width: width) }
            let name = (path.dropFirst().map(\.name) + ["<subcommand>"]).joined(separator: " ")
            lines += ["", "  See 'imctl help \(name)' for a subcommand's help."]
        }
        if !command.examples.isEmpty {
            lines += ["", "EXAMPLES:"]
            for example in command.examples {
                lines += ["  " + example.command] + TextWrap.wrap(example.explanation, width: width, indent: 6)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The option's help with its environment variable.
    static func helpText(_ option: Option) -> String {
        var text = option.help
        if option.isRepeatable { text += " Repeatable." }
        if let env = option.env { text += " (env: \(env))" }
        return text
    }

    /// `imctl msg send [OPTIONS] TO [TEXT]`, or `imctl msg <subcommand>` for a group.
    public static func usageLine(_ path: [Command]) -> String {
        let command = path[path.count - 1]
        var words = path.map(\.name)
        if command.run == nil && !command.subcommands.isEmpty {
            words.append("<subcommand>")
        } else {
            words.append("[OPTIONS]")
            words += command.arguments.map(\.usage)
        }
        return words.joined(separator: " ")
    }
}
