import IMClient
import IMCore
extension Command {
    /// `imctl wait`.
    static let wait = Command(
        name: "wait",
        summary: "Wait until matching events happen, then print them.",
        discussion: """
            Checks what already happened after --since first, then streams. Conditions (--type, --from, --in, \
            --match, --count) are ANDed; --any ORs them. Exits 0 with the matching events on stdout (NDJSON), 124 when \
            --timeout (default 60s; 'none' waits forever) passes, and 8 with --timeout 0 when nothing matches yet. A gap             in the stream prints a stream.gap warning on stderr, or exits 10 with --on-gap fail.
            """,
        options: [
            EventOptions.since, EventOptions.type, EventOptions.from, EventOptions.conversation,
            Option(long: "match", value: "REGEX", help: "Only messages whose text matches the regular expression."),
            EventOptions.count,
            Option(long: "any", help: "Match when any condition holds (default: all)."),
            EventOptions.readyFile, EventOptions.onGap,
        ],
        examples: [
            Example(
                "imctl wait --since \"$cursor\" --from bob --match 'ok|done' --timeout 30s",
                "Wait up to 30 s for bob to answer ok or done."),
        ],
        run: { invocation, context in try await WaitCommand.run(invocation, context) }
    )
}

/// The `wait` command's action.
enum WaitCommand {
    static func run(_ invocation: Invocation, _ context: Context) async throws -> Int32 {
        let count = try EventOptions.count(invocation) ?? 1
        let filter = try EventFilter(invocation, serverEventsOnly: true)
        let failOnGap = try EventOptions.failOnGap(invocation)
        let timeout = try EventsCommand.streamTimeout(invocation, default: .seconds(60))
        let checkOnce = timeout == .zero
        let readyFile = try EventOptions.readyFile(invocation)
        let client = try context.loggedInClient(EventPump.clientInvocation(invocation))
        let pump = EventPump(
            client: client, since: invocation.value("since"), timeout: checkOnce ? nil : timeout, idle: nil,
            drain: checkOnce, readyFile: readyFile, outputClosed: context.io.stdoutClosed)
        var matched = 0
        let end = try await pump.run { delivery in
            if delivery.gap { try EventsCommand.reportGap(delivery, fail: failOnGap, context: context) }
            guard filter.accepts(delivery.event) else { return .proceed }
            try context.output.emitLine(try EventPump.line(delivery))
            matched += 1
            return matched >= count ? .stop(ExitCode.success) : .proceed
        }
        switch end {
        case .stopped(let status): return status
        case .drained: return ExitCode.pending
        case .timedOut, .idle:
            throw CLIError(
                code: .serverTimeout, message: "no matching event before the timeout", exitCode: ExitCode.timeout)
        case .finished:
            throw CLIError.authentication("the session ended while waiting")
        }
    }
}
