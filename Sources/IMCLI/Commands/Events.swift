import IMCore
import IMClient

extension Command {
    /// `imctl events`.
    static let events = Command(
        name: "events",
        summary: "Stream events as NDJSON, one per line, each with its cursor.",
        discussion: """
            Follows the event stream forever unless a stop condition is given. The global --timeout is the time \
            limit of the whole stream here (exit 124), not of each request. --once drains what is pending \
            (polls without waiting until the server has nothing more, then exits). A gap in the stream prints a stream.gap warning on stderr, or \
            exits 10 with --on-gap fail. --count counts the server's events, not onConnected, onDisconnected or the             sync markers, unless --type names them.
            """,
        options: [
            EventOptions.since, EventOptions.count,
            Option(long: "idle", value: "DURATION", help: "Stop after this long without an event."),
            Option(long: "once", help: "Drain the pending events, then exit."),
            EventOptions.type, EventOptions.conversation, EventOptions.from,
            EventOptions.readyFile, EventOptions.onGap,
        ],
        examples: [
            Example("imctl events --since now --type onMessagesReceived", "Print new messages as they arrive."),
            Example("imctl events --ready-file /tmp/ready --count 1 &", "Listen in the background for one event."),
        ],
        run: { invocation, context in try await EventsCommand.run(invocation, context) }
    )
}

/// The `events` command's action.
enum EventsCommand {
    static func run(_ invocation: Invocation, _ context: Context) async throws -> Int32 {
        let count = try EventOptions.count(invocation)
        let filter = try EventFilter(invocation)
        let failOnGap = try EventOptions.failOnGap(invocation)
        let idle = try invocation.value("idle").map { text throws(UsageError) in
            try DurationParser.require(text, option: "--idle")
        }
        let timeout = try streamTimeout(invocation)
        let readyFile = try EventOptions.readyFile(invocation)
        let client = try context.loggedInClient(EventPump.clientInvocation(invocation))
        let pump = EventPump(
            client: client, since: invocation.value("since"), timeout: timeout, idle: idle, drain: invocation.flag("once"),
            readyFile: readyFile, outputClosed: context.io.stdoutClosed)
        var seen = 0
        let end = try await pump.run { delivery in
            if delivery.gap { try reportGap(delivery, fail: failOnGap, context: context) }
            guard filter.accepts(delivery.event) else { return .proceed }
            try context.output.emitLine(try EventPump.line(delivery))
            // Connection events and sync markers are printed but not counted, unless --type asks for them.
            if delivery.event.seq != nil || filter.types.contains(delivery.event.type) { seen += 1 }
            if let count, seen >= count { return .stop(ExitCode.success) }
            return .proceed
        }
        switch end {
        case .stopped(let status): return status
        case .timedOut:
            throw CLIError(code: .serverTimeout, message: "the stream's time limit (--timeout) passed", exitCode: ExitCode.timeout)
        case .idle, .finished, .drained: return ExitCode.success
        }
    }

    /// The global `--timeout` as a stream limit when typed on the command line ("none" = no limit).
    static func streamTimeout(_ invocation: Invocation, default fallback: Duration? = nil) throws(UsageError) -> Duration? {
        guard invocation.isExplicit("timeout"), let text = invocation.value("timeout") else { return fallback }
        if text == "none" { return nil }
        return try DurationParser.require(text, option: "--timeout")
    }

    /// A gap is never silent: a `stream.gap` warning on stderr, or exit 10.
    static func reportGap(_ delivery: EventDelivery, fail: Bool, context: Context) throws {
        let message = "stream.gap: the cursor fell out of retention; events before \(delivery.cursor) were lost"
        if fail {
            throw CLIError(code: .generalError, message: message, exitCode: ExitCode.unavailable)
        }
        let json = context.output.mode == .json || context.output.mode == .ndjson
            || context.environment["IMCTL_ERROR_FORMAT"] == "json"
        if json {
            let warning: JSONValue = .object(["warning": .string("stream.gap"), "cursor": .string(delivery.cursor)])
            context.io.warn(warning.jsonText(pretty: false))
        } else {
            context.io.warn("imctl: warning: \(message)")
        }
    }
}
