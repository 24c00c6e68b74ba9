/// The answer to `POST /v1/messages`: the stored message and the event cursor that preceded the write.
public struct SendMessageResponse: Sendable, Hashable, Codable {
    public var message: Message
    public var cursor: String

    public init(message: Message, cursor: String) {
        self.message = message
        self.cursor = cursor
    }
}

/// Query of `GET /v1/conversations/{conversationId}/messages` (semantics §3.9 `FetchMessageOptions`).
public struct FetchMessageOptions: Sendable, Hashable, Codable {
    public var direction: FetchDirection
    public var from: String?
    public var msgTypes: [BodyType]?
    public var startTs: Int64
    public var endTs: Int64
    /// Client-local: also store the fetched messages in the local store (never sent to the server).
    public var needSave: Bool

    public init(
        direction: FetchDirection = .up,
        from: String? = nil,
        msgTypes: [BodyType]? = nil,
        startTs: Int64 = -1,
        endTs: Int64 = -1,
        needSave: Bool = false
    ) {
        self.direction = direction
        self.from = from
        self.msgTypes = msgTypes
        self.startTs = startTs
        self.endTs = endTs
        self.needSave = needSave
    }
}

/// Query of `GET /v1/conversations` (semantics §3.9 `ConversationFetchOptions`).
public struct ConversationFetchOptions: Sendable, Hashable, Codable {
    public var pinned: Bool
    public var mark: Int?

    public init(pinned: Bool = false, mark: Int? = nil) {
        self.pinned = pinned
        self.mark = mark
    }
}
