import IMCore
import IMClient

/// A conversation target: `user:alice`, `group:1234`, `room:5678`, or a bare id (a one-to-one chat).
struct Target: Hashable {
    /// The conversation or peer id.
    var id: String
    /// The chat type the prefix names.
    var type: ChatType

    /// Parses a target word.
    init(_ word: String) throws(UsageError) {
        let prefixes: [(String, ChatType)] = [("user:", .chat), ("group:", .groupChat), ("room:", .chatRoom)]
        var id = word
        var type = ChatType.chat
        if let (prefix, prefixType) = prefixes.first(where: { word.hasPrefix($0.0) }) {
            id = String(word.dropFirst(prefix.count))
            type = prefixType
        }
        if type != .chat, !Validation.isGroupOrRoomId(id) {
            let code: ErrorCode = type == .groupChat ? .groupInvalidId : .chatRoomInvalidId
            throw .invalidId(code: code, option: "target", value: word, reason: "group and room IDs are 1 to 20 digits")
        }
        guard !id.isEmpty, !id.contains(":") else {
            throw .invalidValue(option: "target", value: word, reason: "expected ID, user:ID, group:ID or room:ID")
        }
        // User IDs are case-insensitive and stored lower-cased (semantics §0).
        self.id = type == .chat ? id.lowercased() : id
        self.type = type
    }

    /// True when a conversation id names this target.
    func matches(_ conversationId: String) -> Bool { conversationId == id }
}
