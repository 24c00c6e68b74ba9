extension EventType {
    /// The peer read one-to-one messages the receiver sent (`messages`, with `hasReadAck` true).
    public static let messagesRead = "onMessagesRead"
    /// A one-to-one conversation was read as a whole (`from`: the reader, `to`: the peer).
    public static let conversationRead = "onConversationRead"
    /// Messages were recalled (`messages`: ``RecallMessageInfo`` values).
    public static let messagesRecalledInfo = "onMessagesRecalledInfo"
    /// A message was edited (`message`, `operatorId`, `operationTime`).
    public static let messageContentChanged = "onMessageContentChanged"
    /// A message's reactions changed (`events`: ``MessageReactionEvent`` values).
    public static let messageReactionDidChange = "onMessageReactionDidChange"
    /// A message was pinned or unpinned (`messageId`, `conversationId`, `operation`, `pinInfo`).
    public static let messagePinChanged = "onMessagePinChanged"
}
