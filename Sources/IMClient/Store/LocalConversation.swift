import IMCore

/// A conversation in the local store (semantics §3.5 client-local object), Codable for CLI JSON output.
public struct LocalConversation: Sendable, Codable, Hashable {
    /// Same as `conversationId`.
    public var id: String
    public var conversationId: String
    public var type: ChatType
    public var unreadCount: Int
    public var isChatThread: Bool
    /// Local-only extension fields, never uploaded.
    public var ext: [String: String]
    public var latestMessage: Message?
    public var lastReceivedMessage: Message?

    /// A conversation with no messages yet.
    public init(conversationId: String, type: ChatType, unreadCount: Int = 0, isChatThread: Bool = false, ext: [String: String] = [:],
                latestMessage: Message? = nil, lastReceivedMessage: Message? = nil) {
        self.id = conversationId
        self.conversationId = conversationId
        self.type = type
        self.unreadCount = unreadCount
        self.isChatThread = isChatThread
        self.ext = ext
        self.latestMessage = latestMessage
        self.lastReceivedMessage = lastReceivedMessage
    }
}
