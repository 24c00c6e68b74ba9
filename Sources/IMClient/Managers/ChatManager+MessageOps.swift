import IMCore

extension ChatManager {
    // MARK: Receipts (semantics §4.3)

    /// Tells the sender of a received one-to-one message that it was read; a repeat is a no-op. The sender's
    /// sessions get `onMessagesRead`. Returns the message as the caller now sees it (`hasRead` true); the local
    /// copy follows and its conversation's local unread count drops by one if it was unread.
    /// - Throws: 500 unknown or not visible; 110 own message or not one-to-one.
    public func sendMessageReadAck(_ msgId: String) async throws(ChatError) -> MessageOperationResult {
        try Validation.msgId(msgId)
        let result = try await core.api().call(
            .messageReadAck, MessageOperationResult.self, pathParameters: ["msgId": msgId], idempotent: true)
        if let message = result.message { core.cache { store throws(ChatError) in try store.markRead(message) } }
        return result
    }

    /// Marks a whole one-to-one conversation read: the server unread count becomes 0, the peer gets
    /// `onConversationRead`, every message to the caller `hasReadAck`.
    /// - Throws: 204 unknown peer; 110 for rooms.
    public func sendConversationReadAck(_ conversationId: String, type: ChatType = .chat) async throws(ChatError) -> ConversationReadAckResult {
        let result = try await core.api().call(
            .conversationReadAck, ConversationReadAckResult.self, pathParameters: ["conversationId": conversationId],
            query: [("type", type.rawValue)], idempotent: true)
        core.cache { store throws(ChatError) in try store.markConversationRead(conversationId, type: type) }
        return result
    }

    // MARK: Recall and edit (semantics §4.4)

    /// Recalls a message the caller sent, within the app's recall window. Participants get
    /// `onMessagesRecalledInfo`; the message leaves the local store too.
    /// - Parameter ext: up to 1,024 bytes passed to the receivers.
    /// - Throws: 500, 210 not the sender, 504 window passed, 110 `ext` too long.
    public func recallMessage(_ msgId: String, ext: String? = nil) async throws(ChatError) -> MessageOperationResult {
        try Validation.msgId(msgId)
        let result = try await core.api().call(
            .recallMessage, MessageOperationResult.self, pathParameters: ["msgId": msgId], body: RecallRequest(ext: ext))
        core.cache { store throws(ChatError) in try store.removeMessage(msgId) }
        return result
    }

    /// Edits a message the caller sent: a new body of the same type (text and custom only) and/or new attributes;
    /// at most 10 edits. Participants get `onMessageContentChanged`.
    /// - Throws: 500, 210, 511 (11th edit, or a body change the type does not allow), 510, 501, 110.
    public func modifyMessage(_ msgId: String, body: MessageBody? = nil, attributes: [String: JSONValue]? = nil) async throws(ChatError)
        -> MessageOperationResult
    {
        try Validation.msgId(msgId)
        let result = try await core.api().call(
            .modifyMessage, MessageOperationResult.self, pathParameters: ["msgId": msgId],
            body: ModifyMessageRequest(body: body, attributes: attributes))
        cacheMessage(of: result)
        return result
    }

    // MARK: Reactions (semantics §4.4)

    /// Adds the caller's reaction (1–128 bytes) to a message. Participants get `onMessageReactionDidChange`.
    /// - Throws: 500, 1300 (20 distinct reactions), 1301 already given, 1302 in a room.
    public func addReaction(_ reaction: String, to msgId: String) async throws(ChatError) -> MessageOperationResult {
        try Validation.msgId(msgId)
        let result = try await core.api().call(
            .addReaction, MessageOperationResult.self, pathParameters: ["msgId": msgId], body: ReactionRequest(reaction: reaction))
        cacheMessage(of: result)
        return result
    }

    /// Removes a reaction the caller gave. Participants get `onMessageReactionDidChange`.
    /// - Throws: 500, 1302 not given by the caller.
    public func removeReaction(_ reaction: String, from msgId: String) async throws(ChatError) -> MessageOperationResult {
        try Validation.msgId(msgId)
        let result = try await core.api().call(
            .removeReaction, MessageOperationResult.self, pathParameters: ["msgId": msgId], query: [("reaction", reaction)])
        cacheMessage(of: result)
        return result
    }

    /// The reaction summaries of up to 20 messages, by message ID; messages without reactions, unknown or not
    /// visible are left out.
    /// - Throws: 110 (no or too many IDs, room chat type, group without `groupId`), 602.
    public func fetchReactionList(_ msgIds: [String], chatType: ChatType = .chat, groupId: String? = nil) async throws(ChatError)
        -> [String: [MessageReaction]]
    {
        try await core.api().call(
            .reactionList, [String: [MessageReaction]].self,
            query: [("msgIds", msgIds.joined(separator: ",")), ("chatType", chatType.rawValue), ("groupId", groupId)])
    }

    /// One page of the users who gave `reaction` to a message, earliest first (page size 1–50, default 20).
    /// - Throws: 500, 110 bad cursor or page size.
    public func fetchReactionDetail(_ msgId: String, reaction: String, cursor: String? = nil, pageSize: Int = 20) async throws(ChatError)
        -> CursorResult<ReactionUser>
    {
        try Validation.msgId(msgId)
        return try await core.api().call(
            .reactionDetail, CursorResult<ReactionUser>.self, pathParameters: ["msgId": msgId],
            query: [("reaction", reaction), ("cursor", cursor), ("pageSize", String(pageSize))])
    }

    // MARK: Pins (semantics §4.4)

    /// Pins a message in its conversation (a re-pin takes over `pinInfo`). Participants get `onMessagePinChanged`.
    /// - Throws: 500, 4 (`maxPinnedMessages` reached), 110 thread message.
    public func pinMessage(_ msgId: String) async throws(ChatError) -> MessageOperationResult {
        try await changePin(msgId, route: .pinMessage)
    }

    /// Unpins a message, whoever pinned it; unpinning an unpinned message is a no-op.
    /// - Throws: 500.
    public func unpinMessage(_ msgId: String) async throws(ChatError) -> MessageOperationResult {
        try await changePin(msgId, route: .unpinMessage)
    }

    /// The pinned messages of a conversation, newest pin first.
    /// - Throws: 204 unknown peer.
    public func fetchPinnedMessages(conversationId: String, type: ChatType = .chat) async throws(ChatError) -> [Message] {
        try await core.api().call(
            .pinnedMessages, [Message].self, pathParameters: ["conversationId": conversationId], query: [("type", type.rawValue)])
    }

    // MARK: Reports (semantics §4.4)

    /// Reports a message to the operator: `tag` 1–32 bytes, `reason` 1–512 bytes.
    /// - Throws: 500, 110.
    public func reportMessage(_ msgId: String, tag: String, reason: String) async throws(ChatError) -> MessageOperationResult {
        try Validation.msgId(msgId)
        return try await core.api().call(
            .reportMessage, MessageOperationResult.self, pathParameters: ["msgId": msgId], body: ReportRequest(tag: tag, reason: reason))
    }

    private func changePin(_ msgId: String, route: Route) async throws(ChatError) -> MessageOperationResult {
        try Validation.msgId(msgId)
        let result = try await core.api().call(route, MessageOperationResult.self, pathParameters: ["msgId": msgId], idempotent: true)
        cacheMessage(of: result)
        return result
    }

    /// Refreshes the local copy of a message an operation returned, if the store holds it.
    private func cacheMessage(of result: MessageOperationResult) {
        guard let message = result.message else { return }
        core.cache { store throws(ChatError) in try store.updateIfStored(message) }
    }
}
