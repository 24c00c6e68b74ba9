import IMClient
import IMCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Option and input parsing shared by the message and conversation commands.
enum OptionParsing {
    /// `--direction up|down`, `up` when absent.
    static func direction(_ invocation: Invocation) throws(UsageError) -> FetchDirection {
        guard let text = invocation.value("direction") else { return .up }
        guard let direction = FetchDirection(rawValue: text) else {
            throw .invalidValue(option: "--direction", value: text, reason: "expected up or down")
        }
        return direction
    }

    /// A Unix-milliseconds option value, nil when absent.
    static func timestamp(_ invocation: Invocation, _ option: String) throws(UsageError) -> Int64? {
        guard let text = invocation.value(option) else { return nil }
        guard let value = Int64(text), value >= 0 else {
            throw .invalidValue(option: "--" + option, value: text, reason: "expected Unix milliseconds")
        }
        return value
    }

    /// Comma-separated body types of `option`, nil when absent.
    static func bodyTypes(_ invocation: Invocation, _ option: String) throws(UsageError) -> [BodyType]? {
        guard invocation.value(option) != nil else { return nil }
        var types: [BodyType] = []
        for word in invocation.values(option, splitCommas: true) {
            guard let type = BodyType(rawValue: word) else {
                throw .invalidValue(option: "--" + option, value: word, reason: "unknown body type")
            }
            types.append(type)
        }
        return types
    }

    /// The text of FILE, or of standard input when FILE is '-'.
    static func input(_ path: String, _ context: Context) throws -> String {
        if path == "-" { return context.io.stdin.readAll() }
        guard let text = try SecureFile.read(path) else {
            throw UsageError.invalidValue(option: "file", value: path, reason: "no such file")
        }
        return text
    }

    /// One message decoded from JSON text.
    static func message(_ text: String, source: String) throws -> Message {
        do {
            return try WireJSON.decode(Message.self, from: Data(text.utf8))
        } catch {
            throw UsageError.other("\(source): not a message object (\(error))")
        }
    }
}
