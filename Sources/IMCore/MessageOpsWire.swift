/// A reaction operation: `add` or `remove` (semantics §3.1).
public enum ReactionOperate: String, Sendable, Hashable, Codable {
    case add
    case remove
}

/// A pin operation: `pin` or `unpin` (semantics §3.1).
public enum PinOperation: String, Sendable, Hashable, Codable {
    case pin
    case unpin
}

/// One reaction of a message as a viewer sees it (semantics §3.8).
public struct MessageReaction: Sendable, Hashable, Codable {
    public var reaction: String
    public var userCount: Int
    /// Whether the viewer gave this reaction.
    public var isAddedBySelf: Bool
    /// The first three users who gave it, earliest first.
    public var userList: [String]

    public init(reaction: String, userCount: Int, isAddedBySelf: Bool, userList: [String]) {
        self.reaction = reaction
        self.userCount = userCount
        self.isAddedBySelf = isAddedBySelf
        self.userList = userList
    }
}

/// One change of an ``MessageReactionEvent``.
public struct ReactionOperation: Sendable, Hashable, Codable {
    public var userId: String
    public var reaction: String
    public var operate: ReactionOperate

    public init(userId: String, reaction: String, operate: ReactionOperate) {
        self.userId = userId
        self.reaction = reaction
        self.operate = operate
    }
}

/// What `onMessageReactionDidChange` carries per message: the summary after the change and what changed.
public struct MessageReactionEvent: Sendable, Hashable, Codable {
    public var conversationId: String
    public var messageId: String
    public var reactions: [MessageReaction]
    public var operations: [ReactionOperation]

    public init(conversationId: String, messageId: String, reactions: [MessageReaction], operations: [ReactionOperation]) {
        self.conversationId = conversationId
        self.messageId = messageId
        self.reactions = reactions
        self.operations = operations
    }
}

/// One recalled message as `onMessagesRecalledInfo` reports it (semantics §3.8).
public struct RecallMessageInfo: Sendable, Hashable, Codable {
    public var recallMessageId: String
    public var recallBy: String
    public var conversationId: String
    /// The message as this device had it; null when this device never received it.
    public var recallMessage: Message?
    public var ext: String?

    public init(recallMessageId: String, recallBy: String, conversationId: String, recallMessage: Message?, ext: String?) {
        self.recallMessageId = recallMessageId
        self.recallBy = recallBy
        self.conversationId = conversationId
        self.recallMessage = recallMessage
        self.ext = ext
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(recallMessageId, forKey: .recallMessageId)
        try c.encode(recallBy, forKey: .recallBy)
        try c.encode(conversationId, forKey: .conversationId)
        if let recallMessage { try c.encode(recallMessage, forKey: .recallMessage) } else { try c.encodeNil(forKey: .recallMessage) }
        if let ext { try c.encode(ext, forKey: .ext) } else { try c.encodeNil(forKey: .ext) }
    }
}

/// Body of `POST /v1/messages/{msgId}/recall`.
public struct RecallRequest: Sendable, Hashable, Codable {
    /// Up to 1,024 bytes passed to the receivers in ``RecallMessageInfo/ext``.
    public var ext: String?

    public init(ext: String? = nil) { self.ext = ext }
}

/// Body of `PATCH /v1/messages/{msgId}`: a new body of the same type (text and custom only), new attributes, or both.
public struct ModifyMessageRequest: Sendable, Hashable, Codable {
    public var body: MessageBody?
    public var attributes: [String: JSONValue]?

    public init(body: MessageBody? = nil, attributes: [String: JSONValue]? = nil) {
        self.body = body
        self.attributes = attributes
    }
}

/// Body of `POST /v1/messages/{msgId}/reactions`.
public struct ReactionRequest: Sendable, Hashable, Codable {
    public var reaction: String

    public init(reaction: String) { self.reaction = reaction }
}

/// Body of `POST /v1/messages/{msgId}/reports`.
public struct ReportRequest: Sendable, Hashable, Codable {
    /// 1–32 bytes.
    public var tag: String
    /// 1–512 bytes.
    public var reason: String

    public init(tag: String, reason: String) {
        self.tag = tag
        self.reason = reason
    }
}

/// The answer to an operation on one message: the message afterwards (nil once recalled) and the event cursor
/// that preceded the write, so `wait --since` sees every event it caused.
public struct MessageOperationResult: Sendable, Hashable, Codable {
    public var msgId: String
    public var cursor: String
    public var message: Message?

    public init(msgId: String, cursor: String, message: Message?) {
        self.msgId = msgId
        self.cursor = cursor
        self.message = message
    }
}

/// The answer to `sendConversationReadAck`.
public struct ConversationReadAckResult: Sendable, Hashable, Codable {
    public var conversationId: String
    public var cursor: String

    public init(conversationId: String, cursor: String) {
        self.conversationId = conversationId
        self.cursor = cursor
    }
}

/// A message report as the operator reads it.
public struct MessageReport: Sendable, Hashable, Codable {
    public var reportId: String
    public var msgId: String
    public var reporter: String
    public var tag: String
    public var reason: String
    public var time: Int64
    /// The reported message as it was when reported (its sender's view).
    public var message: Message

    public init(reportId: String, msgId: String, reporter: String, tag: String, reason: String, time: Int64, message: Message) {
        self.reportId = reportId
        self.msgId = msgId
        self.reporter = reporter
        self.tag = tag
        self.reason = reason
        self.time = time
        self.message = message
    }
}

/// One user who gave a reaction, as `fetchReactionDetail` pages them (earliest first).
public struct ReactionUser: Sendable, Hashable, Codable {
    public var userId: String
    /// When the user gave the reaction, Unix ms.
    public var time: Int64

    public init(userId: String, time: Int64) {
        self.userId = userId
        self.time = time
    }
}

/// The payload of `onMessageContentChanged`: the edited message as the receiver sees it, who edited it and when.
public struct MessageContentChange: Sendable, Hashable, Codable {
    public var message: Message
    public var operatorId: String
    public var operationTime: Int64

    public init(message: Message, operatorId: String, operationTime: Int64) {
        self.message = message
        self.operatorId = operatorId
        self.operationTime = operationTime
    }
}

/// The payload of `onMessagePinChanged`; `pinInfo` is null after an unpin.
public struct MessagePinChange: Sendable, Hashable, Codable {
    public var messageId: String
    public var conversationId: String
    public var operation: PinOperation
    public var pinInfo: PinInfo?

    public init(messageId: String, conversationId: String, operation: PinOperation, pinInfo: PinInfo?) {
        self.messageId = messageId
        self.conversationId = conversationId
        self.operation = operation
        self.pinInfo = pinInfo
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(messageId, forKey: .messageId)
        try c.encode(conversationId, forKey: .conversationId)
        try c.encode(operation, forKey: .operation)
        if let pinInfo { try c.encode(pinInfo, forKey: .pinInfo) } else { try c.encodeNil(forKey: .pinInfo) }
    }
}

/// The payload of `onConversationRead`: `from` read the whole conversation with `to`.
public struct ConversationReadInfo: Sendable, Hashable, Codable {
    /// The conversation from the receiver's point of view.
    public var conversationId: String
    public var from: String
    public var to: String

    public init(conversationId: String, from: String, to: String) {
        self.conversationId = conversationId
        self.from = from
        self.to = to
    }
}
