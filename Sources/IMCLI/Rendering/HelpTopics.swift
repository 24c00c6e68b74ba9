/// The help topics of `imctl help <topic>`: exit codes, environment, output, events (streams: events and wait; also
/// reachable as `streams`).
public enum HelpTopics {
    /// Topic names.
    public static let names = ["exit-codes", "environment", "output", "events"]

    /// Exit statuses and their meaning (cli-conventions §3).
    static let exitCodes: [(String, String)] = [
        ("0", "Success, empty results included."),
        ("1", "Other failure."),
        ("2", "Usage: bad flag, argument or configuration; nothing was sent."),
        ("3", "Not found."),
        ("4", "Authentication: no credentials, bad or expired token, or an unsafe credentials file."),
        ("5", "Forbidden: authenticated but not allowed."),
        ("6", "Conflict: already exists, limit reached, idempotency key reused with another payload."),
        ("7", "Rate limited past the retry budget."),
        ("8", "Pending: a check-once 'wait --timeout 0' found the condition false."),
        ("9", "Partial: some items of a multi-target or batch command failed; per-item results on stdout."),
        ("10", "Unavailable: cannot reach the server, 5xx after retries, or an event-stream gap with --on-gap fail."),
        ("124", "Timeout: wait, events --timeout or --deadline expired."),
        ("130", "Interrupted (SIGINT)."),
    ]

    /// Environment variables imctl reads.
    static let environmentVariables: [(String, String)] = [
        ("IMCTL_SERVER", "Server base URL (like --server)."),
        ("IMCTL_APP", "App key org#app (like --app)."),
        ("IMCTL_PROFILE", "Profile name (like --profile)."),
        ("IMCTL_OUTPUT", "Output mode (like --output)."),
        ("IMCTL_TIMEOUT", "Per-request timeout (like --timeout); events and wait stop only at an explicit --timeout."),
        ("IMCTL_TOKEN", "Token for 'imctl login' when no other credential source is given."),
        ("IMCTL_TOKEN_FILE", "Token file for 'imctl login' (like --token-file)."),
        ("IMCTL_OPERATOR_FILE", "Operator credentials file for 'imctl admin' (like --operator-file)."),
        ("IMCTL_CONFIG_DIR", "Configuration directory (default $XDG_CONFIG_HOME/imctl)."),
        ("IMCTL_DATA_DIR", "Data directory (default $XDG_DATA_HOME/imctl)."),
        ("IMCTL_ERROR_FORMAT", "'json' writes errors as one JSON line on stderr in every output mode."),
        ("IMCTL_DEBUG", "'http' traces requests on stderr, secrets redacted."),
        ("NO_COLOR", "Disables colour in table output."),
        ("CLICOLOR_FORCE", "Forces colour in table output."),
        ("TERM", "'dumb' disables colour."),
        ("XDG_CONFIG_HOME, XDG_DATA_HOME", "Base directories for configuration and data."),
        ("CI", "Set (not 0 or false): never prompt (destructive commands need --yes), no progress bars, no colour."),
    ]

    /// The text of a topic, or nil for an unknown name.
    public static func text(_ name: String, width: Int) -> String? {
        let body: [String]
        switch name {
        case "exit-codes":
            body = ["EXIT CODES (the same in every output mode):", ""]
                + exitCodes.flatMap { TextWrap.labelled($0.0, $0.1, width: width, column: 8) }
        case "environment":
            body = ["ENVIRONMENT (precedence: flag > environment > profile > default):", ""]
                + environmentVariables.flatMap { TextWrap.labelled($0.0, $0.1, width: width, column: 34) }
        case "output": body = TextWrap.wrap(outputText, width: width)
        case "events", "streams": body = TextWrap.wrap(eventsText, width: width)
        default: return nil
        }
        return body.joined(separator: "\n") + "\n"
    }

    static let outputText = """
        OUTPUT: -o table (default on a terminal: aligned columns, local times, colour unless NO_COLOR or TERM=dumb), \
        -o json (default when piped: one document, an object for one resource, an array for a list with all pages \
        merged; compact when piped, indented on a terminal), -o ndjson (one object per line, flushed per line; \
        always used by events, wait and batch), -o tsv (no header, documented column order, tab, newline, \
        carriage return and backslash escaped as \\t \\n \\r \\\\), -o id (one id per line). --output MODE is the \
        same everywhere; msg download alone uses -o for the file it saves.

        --fields a,b projects json, ndjson and tsv output; dotted paths such as message.msgId are allowed.

        JSON is a contract: camelCase field names, ids as strings, times as Unix milliseconds, enums as lower-case \
        strings. Fields may be added, never renamed or removed. State-changing commands print the resulting object \
        and the event cursor that preceded the write, e.g. msg send prints {"message":{…},"cursor":"…"}. \
        Errors go to stderr; in json and ndjson mode (or with IMCTL_ERROR_FORMAT=json) as one line \
        {"error":{"code":…,"name":…,"message":…,"status":…,"retryable":…,"hint":…},"exitCode":N} \
        (plus "retryAfter" seconds when rate limited).

        See docs/cli.md for every command's shape and tsv columns.
        """

    static let eventsText = """
        STREAMS: 'imctl events' streams NDJSON, one event per line in the server's shape \
        {"type":"onMessagesReceived","seq":…,"time":…,…payload} plus a "cursor" field to resume from. \
        Client-side onConnected and onDisconnected events appear in the stream too.

        Start point: --since CURSOR|now|start (default: the profile's stored position). Stop conditions: \
        --count N, --timeout D, --idle D, --once (drain what is pending, then exit), or none (follow forever). \
        Filters: --type NAME, --in CONV, --from USER. --ready-file PATH is created once the stream is live.

        A gap (the cursor fell out of retention) prints a stream.gap warning on stderr, or exits 10 with \
        --on-gap fail.

        'imctl wait' checks what already happened after --since, then streams, and prints the matching events: \
        exit 0 on a match, 124 on timeout (default 60s, --timeout none waits forever), 8 with --timeout 0 when \
        nothing matches yet. Conditions --type, --from, --in, --match REGEX, --count N are ANDed; --any ORs them.
        """
}
