import IMCore

/// A command line that cannot be run: nothing was sent; exit status 2.
public enum UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An option no command on the path declares.
    case unknownOption(String, index: Int, suggestion: String?)
    /// An option that needs a value came last.
    case missingValue(option: String, index: Int)
    /// A flag was given a value (`--verbose=yes`).
    case unexpectedValue(option: String, index: Int)
    /// More positional words than the command takes.
    case unexpectedArgument(String, index: Int)
    /// A word that names no subcommand of a group.
    case unknownCommand(String, index: Int, suggestion: String?)
    /// A required positional argument is missing.
    case missingArgument(String)
    /// A value that the command cannot use.
    case invalidValue(option: String, value: String, reason: String)
    /// A malformed group or room ID: the system's own code for it (600, 700), so the envelope says what the server would.
    case invalidId(code: ErrorCode, option: String, value: String, reason: String)
    /// Any other misuse, as a sentence.
    case other(String)

    /// The argv index of the culprit, when known.
    public var index: Int? {
        switch self {
        case .unknownOption(_, let index, _), .missingValue(_, let index), .unexpectedValue(_, let index),
            .unexpectedArgument(_, let index), .unknownCommand(_, let index, _):
            index
        case .missingArgument, .invalidValue, .invalidId, .other: nil
        }
    }

    /// The error code of the envelope: 110 for any misuse, or the system's code for a malformed ID.
    public var code: ErrorCode {
        if case .invalidId(let code, _, _, _) = self { return code }
        return .invalidParam
    }

    /// A sentence describing the problem, with a "did you mean" when there is one.
    public var description: String {
        switch self {
        case .unknownOption(let option, _, let suggestion):
            "unknown option '\(option)'" + Self.didYouMean(suggestion)
        case .missingValue(let option, _): "option '\(option)' needs a value"
        case .unexpectedValue(let option, _): "option '\(option)' takes no value"
        case .unexpectedArgument(let word, _): "unexpected argument '\(word)'"
        case .unknownCommand(let word, _, let suggestion): "unknown command '\(word)'" + Self.didYouMean(suggestion)
        case .missingArgument(let name): "missing argument \(name.uppercased())"
        case .invalidValue(let option, let value, let reason), .invalidId(_, let option, let value, let reason):
            "invalid value '\(value)' for \(option): \(reason)"
        case .other(let text): text
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
