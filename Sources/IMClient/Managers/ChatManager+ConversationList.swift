import IMCore

/// The caller's server conversation list (semantics §4.5): pins, marks, deletes and one-way deletes. Each
/// call answers with what changed and the event cursor that preceded the write; the caller's other devices
/// get `onConversationsUpdate`.
extension ChatManager {
    /// Pins or unpins a conversation of the server list (no entry → 110; more than 50 pinned → 4).
    public func pinConversation(conversationId: String, type: ChatType = .chat, isPinned: Bool) async throws(ChatError) -> ConversationsUpdate {
        try await core.api().call(
            .pinConversation, ConversationsUpdate.self, pathParameters: ["conversationId": conversationId],
            body: PinConversationRequest(type: type, isPinned: isPinned), idempotent: true)
    }

    /// Adds `mark` (0–19) to up to 20 conversations of the server list (each must be in it, else 110).
    public func addConversationMark(conversationIds: [String], type: ChatType = .chat, mark: Int) async throws(ChatError) -> ConversationsUpdate {
        try await core.api().call(
            .addConversationMark, ConversationsUpdate.self, body: ConversationMarkRequest(conversationIds: conversationIds, type: type, mark: mark),
            idempotent: true)
    }

    /// Removes `mark` (0–19) from up to 20 conversations of the server list (each must be in it, else 110).
    public func removeConversationMark(conversationIds: [String], type: ChatType = .chat, mark: Int) async throws(ChatError) -> ConversationsUpdate {
        try await core.api().call(
            .removeConversationMark, ConversationsUpdate.self, body: ConversationMarkRequest(conversationIds: conversationIds, type: type, mark: mark),
            idempotent: true)
    }

    /// Removes a conversation from the server list; with `isDeleteRemoteMessage` (the default) the caller's
    /// whole history there is deleted one-way too, and so are the local messages.
    public func deleteRemoteConversation(
        conversationId: String, type: ChatType = .chat, isDeleteRemoteMessage: Bool = true
    ) async throws(ChatError) -> ConversationsUpdate {
        let update = try await core.api().call(
            .deleteConversation, ConversationsUpdate.self, pathParameters: ["conversationId": conversationId],
            query: [("type", type.rawValue), ("deleteMessages", String(isDeleteRemoteMessage))], idempotent: true)
        if isDeleteRemoteMessage {
            core.cache { store throws(ChatError) in try store.deleteMessages(nil, conversationId: conversationId, type: type) }
        }
        return update
    }

    /// Deletes up to 50 messages one-way: hidden from the caller's history on the server, and removed from
    /// the local store.
    public func deleteRemoteMessagesWithIds(conversationId: String, type: ChatType = .chat, msgIds: [String]) async throws(ChatError) -> ConversationsUpdate {
        let update = try await removeMessages(conversationId, RemoveMessagesRequest(type: type, msgIds: msgIds))
        core.cache { store throws(ChatError) in try store.apply(update) }
        return update
    }

    /// Deletes one-way every message of the conversation whose `serverTime` is before `timestamp`, on the
    /// server (for the caller only) and in the local store.
    public func deleteRemoteMessagesBefore(conversationId: String, type: ChatType = .chat, timestamp: Int64) async throws(ChatError) -> ConversationsUpdate {
        let update = try await removeMessages(conversationId, RemoveMessagesRequest(type: type, beforeTs: timestamp))
        core.cache { store throws(ChatError) in try store.apply(update) }
        return update
    }

    private func removeMessages(_ conversationId: String, _ request: RemoveMessagesRequest) async throws(ChatError) -> ConversationsUpdate {
        try await core.api().call(
            .removeMessages, ConversationsUpdate.self, pathParameters: ["conversationId": conversationId], body: request, idempotent: true)
    }
}
