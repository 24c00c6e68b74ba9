/// An entry of the server conversation list (semantics §3.5).
public struct ServerConversation: Sendable, Hashable, Codable {
    public var conversationId: String
    public var type: ChatType
    public var unreadCount: Int
    public var isPinned: Bool
    public var pinnedTime: Int64
    public var marks: [Int]
    public var latestMessage: Message?

    public init(
        conversationId: String,
        type: ChatType,
        unreadCount: Int,
        isPinned: Bool = false,
        pinnedTime: Int64 = 0,
        marks: [Int] = [],
        latestMessage: Message? = nil
    ) {
        self.conversationId = conversationId
        self.type = type
        self.unreadCount = unreadCount
        self.isPinned = isPinned
        self.pinnedTime = pinnedTime
        self.marks = marks
        self.latestMessage = latestMessage
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(conversationId, forKey: .conversationId)
        try c.encode(type, forKey: .type)
        try c.encode(unreadCount, forKey: .unreadCount)
        try c.encode(isPinned, forKey: .isPinned)
        try c.encode(pinnedTime, forKey: .pinnedTime)
        try c.encode(marks, forKey: .marks)
        if let latestMessage { try c.encode(latestMessage, forKey: .latestMessage) } else { try c.encodeNil(forKey: .latestMessage) }
    }
}

/// One page of a paged list (semantics §6): `cursor` is nil exactly when nothing follows.
public struct CursorResult<T: Sendable & Codable & Hashable>: Sendable, Hashable, Codable {
    public var cursor: String?
    public var data: [T]

    public init(cursor: String?, data: [T]) {
        self.cursor = cursor
        self.data = data
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let cursor { try c.encode(cursor, forKey: .cursor) } else { try c.encodeNil(forKey: .cursor) }
        try c.encode(data, forKey: .data)
    }
}
