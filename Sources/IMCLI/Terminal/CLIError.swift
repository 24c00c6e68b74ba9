import IMCore

/// A failure as the CLI reports it: the error envelope of cli-conventions §3 plus the exit status.
public struct CLIError: Error, Sendable, Hashable {
    /// The system error code.
    public var code: ErrorCode
    /// The message, one sentence.
    public var message: String
    /// A hint on how to fix it.
    public var hint: String?
    /// The process exit status.
    public var exitCode: Int32
    /// For a rate limit, the seconds after which a retry can succeed (the server's `Retry-After`).
    public var retryAfter: Int64?

    /// Creates an error.
    public init(code: ErrorCode, message: String, hint: String? = nil, exitCode: Int32? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.exitCode = exitCode ?? ExitCode.forError(code)
    }

    /// Wraps a system error.
    public init(_ error: ChatError, hint: String? = nil) {
        self.init(code: error.code, message: error.description, hint: hint ?? Self.defaultHint(error.code))
        retryAfter = error.retryAfter
    }

    /// Wraps a usage error: code 110 (600/700 for a malformed group/room ID), exit 2, with a pointer to the command's help.
    public init(_ error: UsageError, commandName: String) {
        let help = commandName.isEmpty ? "imctl help" : "imctl help \(commandName)"
        self.init(code: error.code, message: error.description, hint: "See '\(help)'", exitCode: ExitCode.usage)
    }

    /// Wraps any error thrown by a command.
    static func from(_ error: any Error, commandName: String) -> CLIError {
        switch error {
        case let error as CLIError: error
        case let error as ChatError: CLIError(error)
        case let error as UsageError: CLIError(error, commandName: commandName)
        default: CLIError(code: .generalError, message: "\(error)")
        }
    }

    /// A credentials problem: exit 4.
    static func authentication(_ message: String, hint: String? = nil) -> CLIError {
        CLIError(code: .userNotLogin, message: message, hint: hint, exitCode: ExitCode.authentication)
    }

    private static func defaultHint(_ code: ErrorCode) -> String? {
        switch code.rawValue {
        case 201, 104, 108: "Run 'imctl login USER --password-stdin' first."
        case 2, 300, 350, 351, 352, 353: "Check --server, IMCTL_SERVER or the profile's server, and that it is running."
        case 200, 218: "Run 'imctl logout' first, or log in under another profile with --profile NAME."
        default: nil
        }
    }

    /// The JSON envelope `{"error":{…},"exitCode":N}` (one line); `status` is null for a code raised without an HTTP answer.
    public var envelope: JSONValue {
        var error: [String: JSONValue] = [
            "code": .int(Int64(code.rawValue)), "name": .string(code.name), "message": .string(message),
            "status": code.isClientSide ? .null : .int(Int64(code.httpStatus)), "retryable": .bool(code.isRetryable),
        ]
        error["hint"] = hint.map(JSONValue.string) ?? .null
        if let retryAfter { error["retryAfter"] = .int(retryAfter) }
        return .object(["error": .object(error), "exitCode": .int(Int64(exitCode))])
    }
}
