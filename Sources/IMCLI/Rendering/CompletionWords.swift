/// Shared pieces of the three completion generators.
enum CompletionWords {
    /// The words that follow a command: visible subcommand names and option spellings.
    static func words(for path: [Command]) -> [String] {
        let command = path[path.count - 1]
        return command.visibleSubcommands.map(\.name) + options(for: path).flatMap(spellings)
    }

    /// Every visible option available at a path: its own, its parents' and the globals, a deeper short letter winning.
    static func options(for path: [Command]) -> [Option] {
        Command.options(along: path).filter { !$0.isHidden }
    }

    /// `--long` and `-s` spellings.
    static func spellings(_ option: Option) -> [String] {
        ["--" + option.long] + (option.short.map { ["-\($0)"] } ?? [])
    }

    /// A shell function or case label name for a path: `imctl_msg_send`.
    static func identifier(_ path: [Command]) -> String {
        path.map { $0.name.replacingOccurrences("-", "_") }.joined(separator: "_")
    }

    /// The completion of the first positional argument of the command, if any.
    static func argumentCompletion(_ command: Command) -> Completion {
        command.arguments.first?.completion ?? .none
    }
}
