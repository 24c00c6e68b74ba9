import IMClient
import IMCore
#if canImport(Glibc)
import Glibc
#endif

/// The `imctl` command line as a library: parse, dispatch, report (testable in-process).
public enum IMCLI {
    /// The version `imctl version` prints.
    public static let version = "0.1.0"

    /// The date printed in the man page (kept fixed so the committed page is reproducible).
    public static let releaseDate = "2026-11-27"

    /// Runs one command line.
    /// - Parameters:
    ///   - arguments: argv without the program name.
    ///   - environment: the process environment.
    ///   - io: standard streams (captured in tests).
    ///   - extraCommands: top-level commands the executable adds (`serve`).
    /// - Returns: the exit status (cli-conventions §3).
    public static func run(
        arguments: [String], environment: [String: String], io: IO, extraCommands: [Command] = []
    ) async -> Int32 {
        await run(arguments: arguments, environment: { environment }, io: io, extraCommands: extraCommands)
    }

    /// Runs one command line, reading the environment only once the command is recognised: a command that talks to
    /// a server first starts loading the HTTP library in the background (``Command/usesNetwork``).
    public static func run(
        arguments: [String], environment: () -> [String: String], io: IO, extraCommands: [Command] = []
    ) async -> Int32 {
        await run(arguments: arguments, environment: environment, io: io, extraCommands: extraCommands, lifetime: nil)
    }

    private static func run(
        arguments: [String], environment: () -> [String: String], io: IO, extraCommands: [Command],
        lifetime: ProcessLifetime?
    ) async -> Int32 {
        let root = Command.root(adding: extraCommands)
        if Parser.commandPath(arguments, root: root).last?.usesNetwork == true { ChatClient.preloadHTTPLibrary() }
        return await run(
            arguments: arguments, root: root, environment: environment(), io: io, sharedClient: nil, lifetime: lifetime)
    }

    /// Runs one command line as the whole process and exits with its status. What the command opened is left for
    /// the exit to release, and the libraries' exit handlers are skipped (OpenSSL's clean-up alone is a noticeable
    /// part of a one-shot command); standard streams are flushed first.
    public static func runAndExit(
        arguments: [String], environment: () -> [String: String], io: IO, extraCommands: [Command] = []
    ) async -> Never {
        let lifetime = ProcessLifetime()
        let status = await run(
            arguments: arguments, environment: environment, io: io, extraCommands: extraCommands, lifetime: lifetime)
        fflush(nil)
        withExtendedLifetime(lifetime) { _exit(status) }
    }

    /// Runs one command line against a given tree (also used by `batch` with its shared client).
    static func run(
        arguments: [String], root: Command, environment: [String: String], io: IO,
        sharedClient: ChatClient?, lifetime: ProcessLifetime? = nil
    ) async -> Int32 {
        var io = io
        let isCI = isContinuousIntegration(environment)
        if isCI {
            // No prompt and no progress bar in a CI job, even on a pseudo-terminal.
            io.stdinIsTTY = false
            io.stderrIsTTY = false
        }
        let invocation: Invocation
        let mode: OutputMode
        do {
            invocation = try Parser.parse(arguments, root: root, environment: environment)
            mode = try OutputMode.resolve(invocation.value("output"), stdoutIsTTY: io.stdoutIsTTY)
        } catch {
            let path = Parser.commandPath(arguments, root: root)
            let requested = ErrorReporter.requestedMode(arguments, environment: environment)
            let reporter = ErrorReporter(
                mode: requested ?? (io.stdoutIsTTY ? .table : .json), environment: environment, stderr: io.stderr)
            let name = path.dropFirst().map(\.name).joined(separator: " ")
            return reporter.report(CLIError(error, commandName: name), usage: HelpRenderer.usageLine(path))
        }
        let color = io.stdoutIsTTY && !isCI && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
            || environment["CLICOLOR_FORCE"].map { !$0.isEmpty && $0 != "0" } == true
        let output = Output(
            mode: mode, fields: invocation.value("fields").map { $0.split(separator: ",").map(String.init) },
            pretty: io.stdoutIsTTY, color: color, stdout: io.stdout)
        let context = Context(
            io: io, environment: environment, root: root, output: output, sharedClient: sharedClient, lifetime: lifetime)
        return await execute(invocation, context: context)
    }

    private static func execute(_ invocation: Invocation, context: Context) async -> Int32 {
        let reporter = ErrorReporter(mode: context.output.mode, environment: context.environment, stderr: context.io.stderr)
        do {
            switch invocation.action {
            case .help:
                try context.io.stdout.write(HelpRenderer.render(path: invocation.path, width: context.io.terminalWidth ?? 80))
                return ExitCode.success
            case .version:
                try context.io.stdout.write("imctl \(version)\n")
                return ExitCode.success
            case .run:
                guard let run = invocation.command.run else { return ExitCode.usage }
                return try await context.batchStepLimits(invocation).withValue {
                    guard let text = invocation.value("deadline") else { return try await run(invocation, context) }
                    let deadline = try DurationParser.require(text, option: "--deadline")
                    return try await withDeadline(deadline) { try await run(invocation, context) }
                }
            }
        } catch let error as OutputWriteError where error.readerWentAway {
            return ExitCode.success
        } catch let error as UsageError {
            return reporter.report(
                CLIError(error, commandName: invocation.commandName), usage: HelpRenderer.usageLine(invocation.path))
        } catch {
            return reporter.report(CLIError.from(error, commandName: invocation.commandName))
        }
    }

    /// Runs `body`, failing with exit 124 when `limit` passes first.
    /// `CI` set to anything but empty, `0` or `false` (cli-conventions §6).
    static func isContinuousIntegration(_ environment: [String: String]) -> Bool {
        guard let value = environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false"].contains(value)
    }

    static func withDeadline(
        _ limit: Duration, _ body: @escaping @Sendable () async throws -> Int32
    ) async throws -> Int32 {
        try await withThrowingTaskGroup(of: Int32.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw CLIError(
                    code: .serverTimeout, message: "deadline of \(limit) expired", exitCode: ExitCode.timeout)
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
