/// One node of the command tree: a group of subcommands or a runnable command (style §3.6).
public struct Command: Sendable {
    /// The signature of a command's action. Returns the exit status.
    public typealias Run = @Sendable (Invocation, Context) async throws -> Int32

    /// The word that selects this command.
    public var name: String
    /// Other words that select it.
    public var aliases: [String]
    /// One line, starting with a capital verb.
    public var summary: String
    /// Longer text, paragraphs separated by blank lines.
    public var discussion: String
    /// Positional arguments, in order.
    public var arguments: [Argument]
    /// Options of this command (the root's options are global).
    public var options: [Option]
    /// Usage examples.
    public var examples: [Example]
    /// Nested commands.
    public var subcommands: [Command]
    /// Hidden commands work but are left out of help, man page and completions.
    public var isHidden: Bool
    /// True when the command never talks to a server. Every other runnable command starts loading the HTTP library
    /// in the background as soon as it is recognised, before its options are parsed.
    public var isOffline: Bool
    /// The action; nil for a group, which prints its help.
    public var run: Run?

    /// Creates a command.
    public init(
        name: String,
        aliases: [String] = [],
        summary: String,
        discussion: String = "",
        arguments: [Argument] = [],
        options: [Option] = [],
        examples: [Example] = [],
        subcommands: [Command] = [],
        isHidden: Bool = false,
        isOffline: Bool = false,
        run: Run? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.subcommands = subcommands
        self.isHidden = isHidden
        self.isOffline = isOffline
        self.run = run
    }

    /// The subcommand named `word` (by name or alias).
    public func subcommand(_ word: String) -> Command? {
        subcommands.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// True for a runnable command that talks to a server.
    public var usesNetwork: Bool { run != nil && !isOffline }

    /// Subcommands shown in help and completions.
    public var visibleSubcommands: [Command] { subcommands.filter { !$0.isHidden } }

    /// Options shown in help and completions.
    public var visibleOptions: [Option] { options.filter { !$0.isHidden } }
}
