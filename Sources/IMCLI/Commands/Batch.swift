#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMClient
import IMCore

extension Command {
    /// `imctl batch`.
    static let batch = Command(
        name: "batch",
        summary: "Run NDJSON operations from stdin over one connection.",
        discussion: """
            Each input line is {"id":…,"cmd":["msg","send","bob","hi"]}. The operations run in order in this \
            process with one client (one connection); each writes one line {"id":…,"ok":true,"result":…} or \
            {"id":…,"ok":false,"error":{…}} in input order. Exits 9 when some failed. A step's own --timeout and \
            --max-rate-wait apply to its requests; --server, --app and --profile belong to batch itself (exit 2 in a step).
            """,
        examples: [
            Example(
                "printf '%s\\n' '{\"id\":\"1\",\"cmd\":[\"msg\",\"send\",\"bob\",\"hi\"]}' | imctl batch",
                "Send one message through batch.")
        ],
        run: { invocation, context in try await BatchCommand.run(invocation, context) }
    )
}

/// The `batch` command's action.
enum BatchCommand {
    /// The longest input line taken (a message is at most 5 KiB; an attachment is a path).
    static let maxLineBytes = 1 << 20
    /// Commands a step cannot run: they need the process to themselves.
    static let notInBatch: Set<String> = ["batch", "serve"]

    /// One input line: `{"id":…,"cmd":[…]}`.
    private struct Operation {
        var id: JSONValue
        var cmd: [String]

        /// Parses a line; a failure still carries the line's `id` when it has one.
        init(line: String) throws(LineError) {
            guard line.utf8.count <= BatchCommand.maxLineBytes else { throw LineError(id: .null, reason: "the line is longer than 1 MiB") }
            guard case .object(let fields)? = try? WireJSON.decode(JSONValue.self, from: Data(line.utf8)) else {
                throw LineError(id: .null, reason: "not a JSON object")
            }
            let id = fields["id"] ?? .null
            guard case .array(let words)? = fields["cmd"], !words.isEmpty, case let texts = words.compactMap(\.stringValue),
                texts.count == words.count
            else { throw LineError(id: id, reason: "\"cmd\" must be a non-empty array of strings") }
            if BatchCommand.notInBatch.contains(texts[0]) { throw LineError(id: id, reason: "'\(texts[0])' cannot run inside batch") }
            self.id = id
            cmd = texts
        }
    }

    /// A line that is not an operation.
    private struct LineError: Error {
        var id: JSONValue
        var reason: String
    }

    static func run(_ invocation: Invocation, _ context: Context) async throws -> Int32 {
        let settings = try context.settings(invocation)
        let client = settings.app == nil ? nil : try context.chatClient(invocation)
        let environment = stepEnvironment(invocation, context)
        var failures = 0
        // The batch's own --deadline cancels this task: the step it cut off says so, and no later step runs.
        while !Task.isCancelled, let line = context.io.stdin.readLine() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            var result: [String: JSONValue]
            do throws(LineError) {
                let operation = try Operation(line: line)
                result = await step(operation.cmd, context: context, environment: environment, client: client)
                if Task.isCancelled, result["ok"] != .bool(true) { result = cutOff }
                result["id"] = operation.id
            } catch {
                let message = "bad operation line: \(error.reason); expected {\"id\":…,\"cmd\":[\"msg\",\"send\",…]}"
                result = failure(CLIError(code: .invalidParam, message: message, exitCode: ExitCode.usage))
                result["id"] = error.id
            }
            if result["ok"] != .bool(true) { failures += 1 }
            try context.output.emitLine(.object(result))
        }
        return failures == 0 ? ExitCode.success : ExitCode.partial
    }

    /// The result of the step that the batch's `--deadline` cut off.
    private static var cutOff: [String: JSONValue] {
        failure(CLIError(code: .serverTimeout, message: "the batch's --deadline expired during this step", exitCode: ExitCode.timeout))
    }

    /// A failed step's result line (without its `id`): the error envelope's fields plus `exitCode`.
    private static func failure(_ error: CLIError) -> [String: JSONValue] {
        var fields = error.envelope.objectValue?["error"]?.objectValue ?? [:]
        fields["exitCode"] = .int(Int64(error.exitCode))
        return ["ok": .bool(false), "error": .object(fields)]
    }

    /// Runs one operation in-process with captured output.
    private static func step(
        _ arguments: [String], context: Context, environment: [String: String], client: ChatClient?
    ) async -> [String: JSONValue] {
        let out = TextBuffer()
        let err = TextBuffer()
        let io = IO(stdin: InputReader(text: ""), stdout: .buffer(out), stderr: .buffer(err))
        let status = await IMCLI.run(
            arguments: arguments, root: context.root, environment: environment, io: io, sharedClient: client)
        if status == ExitCode.success {
            return ["ok": .bool(true), "result": parse(out.text)]
        }
        let envelope = err.text.split(separator: "\n").last.flatMap {
            try? WireJSON.decode(JSONValue.self, from: Data($0.utf8))
        }
        var error = envelope?.objectValue?["error"]?.objectValue ?? ["message": .string(err.text)]
        error["exitCode"] = .int(Int64(status))
        return ["ok": .bool(false), "error": .object(error)]
    }

    /// One JSON document, or an array of NDJSON lines, or null for no output.
    private static func parse(_ text: String) -> JSONValue {
        let lines = text.split(separator: "\n").compactMap { try? WireJSON.decode(JSONValue.self, from: Data($0.utf8)) }
        if lines.isEmpty { return text.isEmpty ? .null : .string(text) }
        if let whole = try? WireJSON.decode(JSONValue.self, from: Data(text.utf8)) { return whole }
        return .array(lines)
    }

    /// The environment of every step: JSON output and errors, and the batch's own global options.
    private static func stepEnvironment(_ invocation: Invocation, _ context: Context) -> [String: String] {
        var environment = context.environment
        environment["IMCTL_OUTPUT"] = "json"
        environment["IMCTL_ERROR_FORMAT"] = "json"
        let inherited = ["server": "IMCTL_SERVER", "app": "IMCTL_APP", "profile": "IMCTL_PROFILE", "timeout": "IMCTL_TIMEOUT"]
        for (option, variable) in inherited {
            if let value = invocation.value(option) { environment[variable] = value }
        }
        return environment
    }
}
