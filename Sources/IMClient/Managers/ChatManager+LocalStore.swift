import IMCore

/// The local-only chat methods (semantics §4.6): they act on the client's SQLite store and reach no server.
extension ChatManager {
    /// Every conversation in the local store, the most recently active first.
    public func loadAllConversations() throws(ChatError) -> [LocalConversation] {
        try core.store.with { store throws(ChatError) in try store.conversations() }
    }

    /// A conversation of the local store; with `createIfNeeded`, an empty one is created when missing,
    /// otherwise nil is returned for an unknown one.
    public func getConversation(_ conversationId: String, type: ChatType, createIfNeeded: Bool) throws(ChatError) -> Conversation? {
        let snapshot = try core.store.with { store throws(ChatError) in try store.conversation(conversationId, type: type, create: createIfNeeded) }
        return snapshot.map { Conversation(core: core, id: $0.conversationId, type: $0.type, isChatThread: $0.isChatThread) }
    }

    /// Deletes every local conversation and message (the event cursor stays).
    public func deleteAllMessageAndConversation() throws(ChatError) {
        try core.store.with { store throws(ChatError) in try store.deleteAllMessagesAndConversations() }
    }

    /// Imports messages into the local store. Each must be from or to the logged-in user (500, and nothing
    /// is imported); empty message ids are generated and empty conversation ids derived. 201 when not logged in.
    public func importMessages(_ messages: [Message]) throws(ChatError) {
        let userId = try core.session().userId
        try core.store.with { store throws(ChatError) in try store.importMessages(messages, userId: userId) }
    }

    /// Replaces a message of the local store (found by `msgId`, else 500).
    public func updateMessage(_ message: Message) throws(ChatError) {
        try core.store.with { store throws(ChatError) in try store.update(message) }
    }

    /// Deletes every local message whose `serverTime` is before `timestamp` (Unix ms).
    public func deleteMessagesBefore(_ timestamp: Int64) throws(ChatError) {
        try core.store.with { store throws(ChatError) in try store.deleteMessages(before: timestamp) }
    }

    /// Searches the local messages of every conversation (`count` outside 1–400 → 110). Results come in the
    /// direction's order: `up` newest first, `down` oldest first.
    public func searchMsgsByOptions(_ options: MessageSearchOptions) throws(ChatError) -> [Message] {
        try core.store.with { store throws(ChatError) in try store.search(options) }
    }

    /// A message of the local store by id, nil when absent.
    public func getMessage(_ msgId: String) throws(ChatError) -> Message? {
        try core.store.with { store throws(ChatError) in try store.message(msgId) }
    }
}
