#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import IMClient

/// Builds the message of `msg send` from its arguments and options.
enum MessageBuilder {
    /// The message to send.
    static func build(_ invocation: Invocation, _ context: Context) throws -> Message {
        let target = try Target(invocation.argument("to")!)
        let body = try body(invocation, context)
        if body.type != .text, let text = invocation.argument("text") {
            throw UsageError.invalidValue(option: "TEXT", value: text, reason: "only a text message takes TEXT, not a \(body.type.rawValue) one")
        }
        let attributes = try attributes(invocation)
        return Message(
            msgId: try msgId(invocation), conversationId: target.id, from: "", to: target.id,
            chatType: target.type, body: body, attributes: attributes)
    }

    /// `--msg-id`, checked now: an empty one (say an unset shell variable) would silently give up idempotency.
    private static func msgId(_ invocation: Invocation) throws(UsageError) -> String {
        guard let given = invocation.value("msg-id") else { return "" }
        do {
            try Validation.msgId(given)
        } catch {
            throw .invalidValue(option: "--msg-id", value: given, reason: "expected 1-64 characters of A-Z a-z 0-9 _ -")
        }
        return given
    }

    private static func body(_ invocation: Invocation, _ context: Context) throws -> MessageBody {
        if let attachment = try attachmentBody(invocation) { return attachment }
        if let combined = try combineBody(invocation) { return combined }
        let kind = invocation.value("type") ?? "text"
        let languages = invocation.values("translate", splitCommas: true)
        if kind != "text", !languages.isEmpty { throw UsageError.other("--translate needs a text message") }
        switch kind {
        case "text":
            return .text(TextBody(content: text(invocation.argument("text") ?? "-", context), targetLanguages: languages.isEmpty ? nil : languages))
        case "cmd":
            guard let action = invocation.value("action") else { throw UsageError.other("--type cmd needs --action") }
            return .cmd(CmdBody(action: action))
        case "custom":
            guard let event = invocation.value("event") else { throw UsageError.other("--type custom needs --event") }
            return try customBody(event: event, invocation)
        case "location":
            guard let lat = invocation.value("lat").flatMap(Double.init), (-90...90).contains(lat),
                let lon = invocation.value("lon").flatMap(Double.init), (-180...180).contains(lon)
            else { throw UsageError.other("--type location needs --lat from -90 to 90 and --lon from -180 to 180") }
            return .location(LocationBody(latitude: lat, longitude: lon, address: invocation.value("address")))
        default:
            throw UsageError.invalidValue(option: "--type", value: kind, reason: "expected text, cmd, custom or location")
        }
    }

    /// The `--attr K=JSON` options as attributes (a value that is not JSON is a string).
    static func attributes(_ invocation: Invocation) throws(UsageError) -> [String: JSONValue] {
        var attributes: [String: JSONValue] = [:]
        for pair in invocation.values("attr") {
            let (key, raw) = try split(pair, option: "--attr")
            attributes[key] = (try? WireJSON.decode(JSONValue.self, from: Data(raw.utf8))) ?? .string(raw)
        }
        return attributes
    }

    /// A custom body with the `--param K=V` options.
    static func customBody(event: String, _ invocation: Invocation) throws(UsageError) -> MessageBody {
        var params: [String: String] = [:]
        for pair in invocation.values("param") {
            let (key, value) = try split(pair, option: "--param")
            params[key] = value
        }
        return .custom(CustomBody(event: event, params: params.isEmpty ? nil : params))
    }

    /// The text argument, or standard input (without its final newline) for '-'.
    static func text(_ argument: String, _ context: Context) -> String {
        guard argument == "-" else { return argument }
        var text = context.io.stdin.readAll()
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Splits `key=value`.
    static func split(_ pair: String, option: String) throws(UsageError) -> (String, String) {
        guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
            throw .invalidValue(option: option, value: pair, reason: "expected KEY=VALUE")
        }
        return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
    }
}

extension Option {
    /// `--translate LANG` of `msg send` and `msg edit`.
    static let translate = Option(
        long: "translate", value: "LANG", help: "Also translate the text into LANG; a,b for several.", isRepeatable: true)
}
