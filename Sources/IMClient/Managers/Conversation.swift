import IMCore

/// A conversation of the local store (semantics §3.5, §4.6). Every method reads or writes the client's
/// SQLite store and reaches no server; read acks are sent separately. Properties read the store each time;
/// ``snapshot()`` returns every field at once.
public final class Conversation: Sendable {
    private let core: ClientCore
    /// The conversation ID: the peer user, group, room or thread ID.
    public let id: String
    /// The conversation's type.
    public let type: ChatType
    /// True for a thread conversation.
    public let isChatThread: Bool

    init(core: ClientCore, id: String, type: ChatType, isChatThread: Bool) {
        self.core = core
        self.id = id
        self.type = type
        self.isChatThread = isChatThread
    }

    /// Every field of the conversation as stored now (re-created empty if it was deleted meanwhile).
    public func snapshot() throws(ChatError) -> LocalConversation {
        try store { store, id, type throws(ChatError) in
            try store.conversation(id, type: type, create: true) ?? LocalConversation(conversationId: id, type: type)
        }
    }

    /// Number of unread received messages.
    public var unreadCount: Int { get throws(ChatError) { try snapshot().unreadCount } }

    /// The local-only extension fields (never uploaded).
    public var ext: [String: String] { get throws(ChatError) { try snapshot().ext } }

    /// Replaces the extension fields. Threads have none (110).
    public func setExt(_ ext: [String: String]) throws(ChatError) {
        guard !isChatThread else { throw ChatError(.invalidParam, "thread conversations have no ext") }
        try store { store, id, type throws(ChatError) in try store.setExt(ext, conversationId: id, type: type) }
    }

    /// The newest message, nil when there is none.
    public func latestMessage() throws(ChatError) -> Message? { try snapshot().latestMessage }

    /// The newest received (not sent) message, nil when there is none.
    public func lastReceivedMessage() throws(ChatError) -> Message? { try snapshot().lastReceivedMessage }

    /// Up to `count` messages after `startMsgId` (exclusive; nil starts at the newest for `up`, the oldest
    /// for `down`), in the direction's order: `up` newest → oldest, `down` oldest → newest. `count` 1–400 (110);
    /// an unknown start → 500.
    public func loadMessages(startMsgId: String?, count: Int, direction: FetchDirection) throws(ChatError) -> [Message] {
        guard MessageSearchOptions.countRange.contains(count) else { throw ChatError(.invalidParam, "count must be 1 to 400") }
        return try store { store, id, type throws(ChatError) in
            try store.loadMessages(conversationId: id, type: type, from: startMsgId, count: count, direction: direction)
        }
    }

    /// Inserts a message at its time (a message of another conversation → 500). Returns what was stored.
    @discardableResult
    public func insertMessage(_ message: Message) throws(ChatError) -> Message {
        try store { store, id, type throws(ChatError) in try store.insert(message, conversationId: id, type: type, atEnd: false) }
    }

    /// Appends a message after the newest one (its time moves forward when needed). Returns what was stored.
    @discardableResult
    public func appendMessage(_ message: Message) throws(ChatError) -> Message {
        try store { store, id, type throws(ChatError) in try store.insert(message, conversationId: id, type: type, atEnd: true) }
    }

    /// Replaces a message of this conversation (500 when it is not in it).
    public func updateMessage(_ message: Message) throws(ChatError) {
        try store { store, id, type throws(ChatError) in try store.update(message, in: (id, type)) }
    }

    /// Deletes one message of this conversation (500 when it is not in it).
    public func deleteMessage(_ msgId: String) throws(ChatError) {
        try deleteMessages([msgId])
    }

    /// Deletes several messages of this conversation at once; each must be in it (500, and nothing is deleted).
    public func deleteMessages(_ msgIds: [String]) throws(ChatError) {
        try store { store, id, type throws(ChatError) in try store.deleteMessages(msgIds, conversationId: id, type: type) }
    }

    /// Deletes every message of this conversation; the conversation stays.
    public func deleteAllMessages() throws(ChatError) {
        try store { store, id, type throws(ChatError) in try store.deleteMessages(nil, conversationId: id, type: type) }
    }

    /// Marks every message as read and clears the unread count (local flags only).
    public func markAllMessagesAsRead() throws(ChatError) {
        try store { store, id, type throws(ChatError) in try store.markConversationRead(id, type: type) }
    }

    /// Marks one message as read (local flag only; 500 when it is not in this conversation).
    public func markMessageAsRead(_ msgId: String) throws(ChatError) {
        try store { store, id, type throws(ChatError) in try store.markAsRead(msgId: msgId, conversationId: id, type: type) }
    }

    /// Number of this conversation's messages in the local store.
    public func getLocalMessageCount() throws(ChatError) -> Int {
        try store { store, id, type throws(ChatError) in try store.messageCount(conversationId: id, type: type) }
    }

    private func store<T: Sendable>(_ body: (LocalStore, String, ChatType) throws(ChatError) -> T) throws(ChatError) -> T {
        let (id, type) = (id, type)
        return try core.store.with { store throws(ChatError) in try body(store, id, type) }
    }
}
