extension Option {
    /// `--server URL`.
    static let server = Option(
        long: "server", value: "URL", help: "Server base URL (default http://127.0.0.1:8480).", env: "IMCTL_SERVER")
    /// `--app KEY`.
    static let app = Option(long: "app", value: "KEY", help: "App key, org#app.", env: "IMCTL_APP")
    /// `--profile NAME`.
    static let profile = Option(
        long: "profile", value: "NAME", help: "Profile to use (default: current profile).", env: "IMCTL_PROFILE",
        completion: .dynamic("profiles"))
    /// `-o/--output MODE`.
    static let output = Option(
        long: "output", short: "o", value: "MODE", help: "Output mode: table, json, ndjson, tsv or id.",
        env: "IMCTL_OUTPUT", completion: .choices(OutputMode.allCases.map(\.rawValue)))
    /// `--fields a,b`.
    static let fields = Option(long: "fields", value: "A,B", help: "Only print these fields (json, ndjson, tsv).")
    /// `--timeout D` (global: per request).
    static let timeout = Option(
        long: "timeout", value: "DURATION", help: "Timeout per request, e.g. 30s, 2m (default 30s).", env: "IMCTL_TIMEOUT")
    /// `--max-rate-wait D`.
    static let maxRateWait = Option(
        long: "max-rate-wait", value: "DURATION",
        help: "Longest wait before retrying a rate-limited (429) request (default 30s; 0 never waits).")
    /// `--deadline D`.
    static let deadline = Option(long: "deadline", value: "DURATION", help: "Time limit for the whole command.")
    /// `-v/--verbose`.
    static let verbose = Option(long: "verbose", short: "v", help: "Print progress and diagnostics on stderr.")
    /// `-h/--help`.
    static let help = Option(long: "help", short: "h", help: "Show help for the command.")
    /// `--version`.
    static let version = Option(long: "version", help: "Print the version and exit.")

    /// The global options, declared on the root and inherited by every command.
    static let globals: [Option] = [
        .server, .app, .profile, .output, .fields, .timeout, .maxRateWait, .deadline, .verbose, .help, .version,
    ]
}

extension Command {
    /// The built-in top-level commands, in help order.
    static let builtins: [Command] = [
        .register, .login, .logout, .whoami, .status, .token, .devices, .msg, .conv, .local, .lang, .events, .wait, .batch, .api,
        .admin, .serve(run: nil), .completion, .help, .version, .man, .complete,
    ]

    /// The command tree of `imctl`; an `extra` command replaces the built-in of the same name in place (the executable
    /// gives `serve` its run), others are appended.
    public static func root(adding extra: [Command] = []) -> Command {
        Command(
            name: "imctl",
            summary: "Send, receive and administer instant messages from the terminal.",
            discussion: """
                imctl is the command-line client of the imctl instant-messaging system. Output is JSON when \
                stdout is not a terminal, so every command can be piped into jq.

                Run 'imctl help <command>' for a command, or 'imctl help exit-codes|environment|output|streams' \
                for a topic.
                """,
            options: Option.globals,
            examples: [
                Example("imctl login alice --password-stdin <pw.txt", "Log in as alice."),
                Example("imctl msg send bob 'hello'", "Send a text message to bob."),
                Example("imctl events --since now", "Follow incoming events as NDJSON."),
            ],
            subcommands: builtins.map { builtin in extra.first { $0.name == builtin.name } ?? builtin }
                + extra.filter { command in !builtins.contains { $0.name == command.name } }
        )
    }
}
