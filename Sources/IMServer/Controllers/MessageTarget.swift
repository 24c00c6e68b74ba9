import Hummingbird
import IMCore

/// Reading the targets of message operations from a request.
enum MessageTarget {
    /// The `{msgId}` path parameter (format checked where the message is looked up).
    static func msgId(_ context: BasicRequestContext) -> String {
        context.pathValue("msgId")
    }

    /// The one-to-one peer a `{conversationId}` route names with its `type` query (default `chat`). Groups answer
    /// 600/606 and rooms 700/705 until they exist; `roomsAllowed` false (read acks) makes a room 110.
    static func peer(_ request: Request, _ context: BasicRequestContext, roomsAllowed: Bool = true) throws(ChatError) -> String {
        let raw = context.pathValue("conversationId")
        switch request.query("type") ?? "chat" {
        case "chat": return try Validation.userId(raw)
        case "groupChat": throw GroupErrors.missingGroup(raw)
        case "chatRoom" where roomsAllowed: throw GroupErrors.missingRoom(raw)
        case "chatRoom": throw ChatError(.invalidParam, "this operation does not apply to chat rooms")
        default: throw ChatError(.invalidParam, "type must be chat, groupChat or chatRoom")
        }
    }

    /// Throws 110 unless `text` is `range` bytes long.
    static func requireLength(_ text: String, _ range: ClosedRange<Int>, _ name: String) throws(ChatError) {
        guard range.contains(text.utf8.count) else {
            throw ChatError(.invalidParam, "\(name) must be \(range.lowerBound) to \(range.upperBound) bytes")
        }
    }
}
