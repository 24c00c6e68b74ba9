/// A chat message (semantics §3.2). Server-set fields are nil until the server has answered.
public struct Message: Sendable, Hashable, Codable {
    public var msgId: String
    public var conversationId: String
    public var from: String
    public var to: String
    public var chatType: ChatType
    public var body: MessageBody
    public var attributes: [String: JSONValue]
    public var serverTime: Int64
    public var localTime: Int64
    public var direction: MessageDirection
    public var status: MessageStatus
    public var hasRead: Bool
    public var hasReadAck: Bool
    public var hasDeliverAck: Bool
    public var needGroupAck: Bool
    public var groupAckCount: Int
    public var deliverOnlineOnly: Bool
    public var isChatThreadMessage: Bool
    public var chatThread: JSONValue?
    public var reactionList: [MessageReaction]
    public var onlineState: Bool
    public var pinInfo: PinInfo?

    public init(
        msgId: String,
        conversationId: String,
        from: String,
        to: String,
        chatType: ChatType,
        body: MessageBody,
        attributes: [String: JSONValue] = [:],
        serverTime: Int64 = 0,
        localTime: Int64 = 0,
        direction: MessageDirection = .send,
        status: MessageStatus = .created,
        hasRead: Bool = false,
        hasReadAck: Bool = false,
        hasDeliverAck: Bool = false,
        needGroupAck: Bool = false,
        groupAckCount: Int = 0,
        deliverOnlineOnly: Bool = false,
        isChatThreadMessage: Bool = false,
        chatThread: JSONValue? = nil,
        reactionList: [MessageReaction] = [],
        onlineState: Bool = true,
        pinInfo: PinInfo? = nil
    ) {
        self.msgId = msgId
        self.conversationId = conversationId
        self.from = from
        self.to = to
        self.chatType = chatType
        self.body = body
        self.attributes = attributes
        self.serverTime = serverTime
        self.localTime = localTime
        self.direction = direction
        self.status = status
        self.hasRead = hasRead
        self.hasReadAck = hasReadAck
        self.hasDeliverAck = hasDeliverAck
        self.needGroupAck = needGroupAck
        self.groupAckCount = groupAckCount
        self.deliverOnlineOnly = deliverOnlineOnly
        self.isChatThreadMessage = isChatThreadMessage
        self.chatThread = chatThread
        self.reactionList = reactionList
        self.onlineState = onlineState
        self.pinInfo = pinInfo
    }

    private enum CodingKeys: String, CodingKey {
        case msgId, conversationId, from, to, chatType, body, attributes, serverTime, localTime, direction, status
        case hasRead, hasReadAck, hasDeliverAck, needGroupAck, groupAckCount, deliverOnlineOnly
        case isChatThreadMessage, chatThread, reactionList, onlineState, pinInfo
    }

    /// Decodes leniently: only `to`, `chatType` and `body` are required, so a send request can omit the rest.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        msgId = try c.decodeIfPresent(String.self, forKey: .msgId) ?? ""
        conversationId = try c.decodeIfPresent(String.self, forKey: .conversationId) ?? ""
        from = try c.decodeIfPresent(String.self, forKey: .from) ?? ""
        to = try c.decode(String.self, forKey: .to)
        chatType = try c.decodeIfPresent(ChatType.self, forKey: .chatType) ?? .chat
        body = try c.decode(MessageBody.self, forKey: .body)
        attributes = try c.decodeIfPresent([String: JSONValue].self, forKey: .attributes) ?? [:]
        serverTime = try c.decodeIfPresent(Int64.self, forKey: .serverTime) ?? 0
        localTime = try c.decodeIfPresent(Int64.self, forKey: .localTime) ?? 0
        direction = try c.decodeIfPresent(MessageDirection.self, forKey: .direction) ?? .send
        status = try c.decodeIfPresent(MessageStatus.self, forKey: .status) ?? .created
        hasRead = try c.decodeIfPresent(Bool.self, forKey: .hasRead) ?? false
        hasReadAck = try c.decodeIfPresent(Bool.self, forKey: .hasReadAck) ?? false
        hasDeliverAck = try c.decodeIfPresent(Bool.self, forKey: .hasDeliverAck) ?? false
        needGroupAck = try c.decodeIfPresent(Bool.self, forKey: .needGroupAck) ?? false
        groupAckCount = try c.decodeIfPresent(Int.self, forKey: .groupAckCount) ?? 0
        deliverOnlineOnly = try c.decodeIfPresent(Bool.self, forKey: .deliverOnlineOnly) ?? false
        isChatThreadMessage = try c.decodeIfPresent(Bool.self, forKey: .isChatThreadMessage) ?? false
        chatThread = try c.decodeIfPresent(JSONValue.self, forKey: .chatThread)
        reactionList = try c.decodeIfPresent([MessageReaction].self, forKey: .reactionList) ?? []
        onlineState = try c.decodeIfPresent(Bool.self, forKey: .onlineState) ?? true
        pinInfo = try c.decodeIfPresent(PinInfo.self, forKey: .pinInfo)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(msgId, forKey: .msgId)
        try c.encode(conversationId, forKey: .conversationId)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(chatType, forKey: .chatType)
        try c.encode(body, forKey: .body)
        try c.encode(attributes, forKey: .attributes)
        try c.encode(serverTime, forKey: .serverTime)
        try c.encode(localTime, forKey: .localTime)
        try c.encode(direction, forKey: .direction)
        try c.encode(status, forKey: .status)
        try c.encode(hasRead, forKey: .hasRead)
        try c.encode(hasReadAck, forKey: .hasReadAck)
        try c.encode(hasDeliverAck, forKey: .hasDeliverAck)
        try c.encode(needGroupAck, forKey: .needGroupAck)
        try c.encode(groupAckCount, forKey: .groupAckCount)
        try c.encode(deliverOnlineOnly, forKey: .deliverOnlineOnly)
        try c.encode(isChatThreadMessage, forKey: .isChatThreadMessage)
        try c.encode(chatThread ?? .null, forKey: .chatThread)
        try c.encode(reactionList, forKey: .reactionList)
        try c.encode(onlineState, forKey: .onlineState)
        if let pinInfo { try c.encode(pinInfo, forKey: .pinInfo) } else { try c.encodeNil(forKey: .pinInfo) }
    }
}

/// Who pinned a message, and when.
public struct PinInfo: Sendable, Hashable, Codable {
    public var pinTime: Int64
    public var operatorId: String

    public init(pinTime: Int64, operatorId: String) {
        self.pinTime = pinTime
        self.operatorId = operatorId
    }
}
