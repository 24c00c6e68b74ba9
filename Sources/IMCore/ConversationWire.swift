/// Body of `POST /v1/conversations/{conversationId}/pin`.
public struct PinConversationRequest: Sendable, Hashable, Codable {
    public var type: ChatType
    public var isPinned: Bool

    public init(type: ChatType, isPinned: Bool) {
        self.type = type
        self.isPinned = isPinned
    }
}

/// Body of `POST /v1/conversation-marks/add` and `/remove`: at most 20 conversations, mark 0–19.
public struct ConversationMarkRequest: Sendable, Hashable, Codable {
    public var conversationIds: [String]
    public var type: ChatType
    public var mark: Int

    public init(conversationIds: [String], type: ChatType = .chat, mark: Int) {
        self.conversationIds = conversationIds
        self.type = type
        self.mark = mark
    }
}

/// Body of `POST /v1/conversations/{conversationId}/removed-messages`: exactly one of `msgIds` (≤50) and
/// `beforeTs` (messages with `serverTime` before it).
public struct RemoveMessagesRequest: Sendable, Hashable, Codable {
    public var type: ChatType
    public var msgIds: [String]?
    public var beforeTs: Int64?

    public init(type: ChatType, msgIds: [String]? = nil, beforeTs: Int64? = nil) {
        self.type = type
        self.msgIds = msgIds
        self.beforeTs = beforeTs
    }
}

/// What changed in a server conversation list: the payload of `onConversationsUpdate` (semantics §4.5) and,
/// with `cursor`, the answer to the call that changed it.
public struct ConversationsUpdate: Sendable, Hashable, Codable {
    /// The kind of change.
    public enum Operation: String, Sendable, Hashable, Codable, CaseIterable {
        case pin, unpin, mark, unmark, delete, messagesRemoved
    }

    public var operation: Operation
    /// The conversations changed (one, except for marks).
    public var conversationIds: [String]
    public var conversationType: ChatType
    /// `pin`: the pin time.
    public var pinnedTime: Int64?
    /// `mark` / `unmark`: the mark.
    public var mark: Int?
    /// `delete`: whether the history was deleted one-way too.
    public var deleteMessages: Bool?
    /// `messagesRemoved` by id.
    public var msgIds: [String]?
    /// `messagesRemoved` before a time (exclusive).
    public var beforeTs: Int64?
    /// In answers only: the event cursor that preceded the write.
    public var cursor: String?

    public init(
        operation: Operation, conversationIds: [String], conversationType: ChatType = .chat, pinnedTime: Int64? = nil,
        mark: Int? = nil, deleteMessages: Bool? = nil, msgIds: [String]? = nil, beforeTs: Int64? = nil, cursor: String? = nil
    ) {
        self.operation = operation
        self.conversationIds = conversationIds
        self.conversationType = conversationType
        self.pinnedTime = pinnedTime
        self.mark = mark
        self.deleteMessages = deleteMessages
        self.msgIds = msgIds
        self.beforeTs = beforeTs
        self.cursor = cursor
    }
}

/// The answer to `GET /v1/conversations`: one page of the caller's list, and the event cursor its unread counts
/// reflect (read in the same snapshot), so a client that replays older events does not count them twice.
public struct ConversationPage: Sendable, Hashable, Codable {
    public var cursor: String?
    public var data: [ServerConversation]
    /// Every event up to this cursor is reflected in the counts; later ones are not.
    public var eventCursor: String

    public init(page: CursorResult<ServerConversation>, eventCursor: String) {
        cursor = page.cursor
        data = page.data
        self.eventCursor = eventCursor
    }

    /// The page without the event cursor.
    public var page: CursorResult<ServerConversation> { CursorResult(cursor: cursor, data: data) }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let cursor { try c.encode(cursor, forKey: .cursor) } else { try c.encodeNil(forKey: .cursor) }
        try c.encode(data, forKey: .data)
        try c.encode(eventCursor, forKey: .eventCursor)
    }
}
