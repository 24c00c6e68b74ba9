import IMClient
import IMCore
extension Command {
    /// `imctl help [TOPIC|COMMAND…]`.
    static let help = Command(
        name: "help",
        summary: "Show help for a command or a topic.",
        discussion: "Topics: exit-codes, environment, output, events (the events command, then how streams work; also as streams).",
        arguments: [Argument("topic", help: "A topic or a command path such as 'msg send'.", isOptional: true,
            isVariadic: true, completion: .choices(HelpTopics.names))],
        examples: [
            Example("imctl help msg send", "Help for 'msg send'."),
            Example("imctl help exit-codes", "What each exit status means."),
        ],
        isOffline: true,
        run: { invocation, context in
            let words = invocation.argumentValues("topic")
            let width = context.io.terminalWidth ?? 80
            if words.count == 1, let text = HelpTopics.text(words[0], width: width) {
                // 'events' is a topic (cli-conventions §1) and a command: its help comes first, then the topic.
                let command = words[0] == "events" ? context.root.subcommand("events") : nil
                let commandHelp = command.map { HelpRenderer.render(path: [context.root, $0], width: width) + "\n" } ?? ""
                try context.io.stdout.write(commandHelp + text)
                return ExitCode.success
            }
            var path = [context.root]
            for (index, word) in words.enumerated() {
                guard let next = path[path.count - 1].subcommand(word) else {
                    let candidates = path[path.count - 1].visibleSubcommands.map(\.name)
                        + (index == 0 ? HelpTopics.names : [])
                    throw UsageError.unknownCommand(
                        word, index: index + 1, suggestion: Suggestion.closest(to: word, among: candidates))
                }
                path.append(next)
            }
            try context.io.stdout.write(HelpRenderer.render(path: path, width: width))
            return ExitCode.success
        }
    )

    /// `imctl version`.
    static let version = Command(
        name: "version",
        summary: "Print the version.",
        examples: [Example("imctl version", "Print the version.")],
        isOffline: true,
        run: { _, context in
            try context.io.stdout.write("imctl \(IMCLI.version)\n")
            return ExitCode.success
        }
    )

    /// `imctl man` (hidden): the man page for packaging (`imctl man > man/imctl.1`).
    static let man = Command(
        name: "man",
        summary: "Print the imctl(1) man page in roff.",
        options: [
            Option(long: "date", value: "DATE", help: "Page date (default: the release date)."),
        ],
        isHidden: true,
        isOffline: true,
        run: { invocation, context in
            let page = ManPageRenderer.render(
                root: context.root, date: invocation.value("date") ?? IMCLI.releaseDate, version: IMCLI.version)
            try context.io.stdout.write(page)
            return ExitCode.success
        }
    )
}
