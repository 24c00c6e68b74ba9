/// The result of parsing one command line: which command, with which option values and arguments.
public struct Invocation: Sendable {
    /// What to do with the parsed command.
    public enum Action: Sendable, Hashable {
        /// Run the command.
        case run
        /// Print the command's help (`-h`, `--help`, or a group without an action).
        case help
        /// Print the version (`--version`).
        case version
    }

    /// Where an option value came from (for the precedence flag > environment > profile > default).
    public enum Source: Sendable, Hashable {
        /// The command line.
        case flag
        /// The option's environment variable.
        case environment
    }

    /// The commands from the root to the selected one.
    public var path: [Command]
    /// What to do.
    public var action: Action
    /// Option values by long name; a flag has one `"true"` per occurrence.
    public var options: [String: [String]]
    /// Where each present option came from.
    public var sources: [String: Source]
    /// Positional values by argument name.
    public var arguments: [String: [String]]
    /// The words that were parsed.
    public var argv: [String]

    /// The selected command.
    public var command: Command { path[path.count - 1] }

    /// The command's words after `imctl`, e.g. `msg send`.
    public var commandName: String { path.dropFirst().map(\.name).joined(separator: " ") }

    /// The last value of an option, or nil.
    public func value(_ long: String) -> String? { options[long]?.last }

    /// Every value of a repeatable option; comma-separated values are split when `splitCommas` is true.
    public func values(_ long: String, splitCommas: Bool = false) -> [String] {
        let raw = options[long] ?? []
        guard splitCommas else { return raw }
        return raw.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
    }

    /// True when a flag was given.
    public func flag(_ long: String) -> Bool { options[long] != nil }

    /// The value of a single positional argument.
    public func argument(_ name: String) -> String? { arguments[name]?.first }

    /// Every value of a variadic argument.
    public func argumentValues(_ name: String) -> [String] { arguments[name] ?? [] }

    /// True when the option was typed on the command line (not taken from the environment).
    public func isExplicit(_ long: String) -> Bool { sources[long] == .flag }
}
