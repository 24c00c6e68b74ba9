/// Turns argv into an ``Invocation`` using the command table (style §3.6).
///
/// Subcommand words come first, then options (`--x=v`, `--x v`, `-x v`, `-xv`, bundled short flags, `--` ends options)
/// mixed with positionals. Options declared on a command are inherited by its subcommands; the root's are global.
public enum Parser {
    /// Parses `argv` (without the program name).
    /// - Parameters:
    ///   - argv: the words after `imctl`.
    ///   - root: the command tree.
    ///   - environment: supplies defaults for options that name an environment variable.
    /// - Throws: ``UsageError`` for anything the table does not allow.
    public static func parse(
        _ argv: [String], root: Command, environment: [String: String] = [:]
    ) throws(UsageError) -> Invocation {
        var state = State(root: root)
        var index = 0
        while index < argv.count {
            let word = argv[index]
            if state.endOfOptions || word == "-" || !word.hasPrefix("-") || isNegativeNumber(word) {
                try state.positional(word, index: index)
            } else if word == "--" {
                state.endOfOptions = true
            } else if word.hasPrefix("--") {
                index = try state.longOption(argv, at: index)
            } else {
                index = try state.shortOptions(argv, at: index)
            }
            index += 1
        }
        return try state.finish(argv: argv, environment: environment)
    }

    /// The deepest command named by the leading subcommand words of `argv` (for usage lines after an error).
    public static func commandPath(_ argv: [String], root: Command) -> [Command] {
        var path = [root]
        for word in argv where !word.hasPrefix("-") {
            guard let next = path[path.count - 1].subcommand(word) else { break }
            path.append(next)
        }
        return path
    }

    private static func isNegativeNumber(_ word: String) -> Bool {
        word.count > 1 && Double(word) != nil
    }

    private struct State {
        var path: [Command]
        var options: [String: [String]] = [:]
        var sources: [String: Invocation.Source] = [:]
        var positionals: [(String, Int)] = []
        var endOfOptions = false

        /// The options of `path`, scoped when a subcommand is entered.
        var available: [Option]

        init(root: Command) {
            path = [root]
            available = Command.options(along: path)
        }

        mutating func positional(_ word: String, index: Int) throws(UsageError) {
            let current = path[path.count - 1]
            if positionals.isEmpty && !endOfOptions && !current.subcommands.isEmpty {
                if let next = current.subcommand(word) {
                    path.append(next)
                    available = Command.options(along: path)
                    return
                }
                if current.arguments.isEmpty {
                    let names = current.subcommands.filter { !$0.isHidden }.map(\.name)
                    throw .unknownCommand(word, index: index, suggestion: Suggestion.closest(to: word, among: names))
                }
            }
            positionals.append((word, index))
        }

        mutating func longOption(_ argv: [String], at index: Int) throws(UsageError) -> Int {
            let body = argv[index].dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inline = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            guard let option = available.first(where: { $0.long == name || $0.aliases.contains(name) }) else {
                let names = available.filter { !$0.isHidden }.map { "--" + $0.long }
                throw .unknownOption("--" + name, index: index, suggestion: Suggestion.closest(to: "--" + name, among: names))
            }
            if option.isFlag {
                if inline != nil { throw .unexpectedValue(option: "--" + name, index: index) }
                record(option, "true")
                return index
            }
            if let inline {
                record(option, inline)
                return index
            }
            guard index + 1 < argv.count else { throw .missingValue(option: "--" + name, index: index) }
            record(option, argv[index + 1])
            return index + 1
        }

        mutating func shortOptions(_ argv: [String], at index: Int) throws(UsageError) -> Int {
            var letters = Substring(argv[index].dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard let option = available.first(where: { $0.short == letter }) else {
                    throw .unknownOption("-\(letter)", index: index, suggestion: nil)
                }
                if option.isFlag {
                    record(option, "true")
                    continue
                }
                if !letters.isEmpty {
                    record(option, String(letters.hasPrefix("=") ? letters.dropFirst() : letters))
                    return index
                }
                guard index + 1 < argv.count else { throw .missingValue(option: "-\(letter)", index: index) }
                record(option, argv[index + 1])
                return index + 1
            }
            return index
        }

        mutating func record(_ option: Option, _ value: String) {
            options[option.long, default: []].append(value)
            sources[option.long] = .flag
        }

        mutating func finish(argv: [String], environment: [String: String]) throws(UsageError) -> Invocation {
            for option in available where options[option.long] == nil {
                if let name = option.env, let value = environment[name], !value.isEmpty {
                    options[option.long] = [value]
                    sources[option.long] = .environment
                }
            }
            let command = path[path.count - 1]
            var action = Invocation.Action.run
            if sources["help"] == .flag {
                action = .help
            } else if sources["version"] == .flag {
                action = .version
            } else if command.run == nil {
                action = .help
                if let (word, index) = positionals.first { throw .unexpectedArgument(word, index: index) }
            }
            let arguments = action == .run ? try assign(command.arguments) : [:]
            return Invocation(
                path: path, action: action, options: options, sources: sources, arguments: arguments, argv: argv)
        }

        func assign(_ declared: [Argument]) throws(UsageError) -> [String: [String]] {
            var result: [String: [String]] = [:]
            var remaining = positionals[...]
            for argument in declared {
                if argument.isVariadic {
                    result[argument.name] = remaining.map(\.0)
                    remaining = []
                    if result[argument.name, default: []].isEmpty && !argument.isOptional {
                        throw .missingArgument(argument.name)
                    }
                } else if let (word, _) = remaining.first {
                    result[argument.name] = [word]
                    remaining = remaining.dropFirst()
                } else if !argument.isOptional {
                    throw .missingArgument(argument.name)
                }
            }
            if let (word, index) = remaining.first { throw .unexpectedArgument(word, index: index) }
            return result
        }
    }
}
