import IMCore
import IMSQLite

extension SQLiteChatStore {
    /// §4.4 `recallMessage`: the sender within `recallWindowSeconds` (at or after → 504). Deletes the message, its
    /// reactions and pin and its share of unread counts; participants except the calling session get
    /// `onMessagesRecalledInfo` with the message as each of them saw it.
    func recall(_ call: UserCall, msgId: String, ext: String?, now: Int64) async throws -> (result: MessageOperationResult, releasedContent: [String]) {
        let app = call.app.id
        let caller = call.session.userId
        let window = Int64(call.app.settings.recallWindowSeconds) * 1000
        return try await write { context in
            let db = context.connection
            let stored = try MessageAccess.visible(msgId, to: call, at: now, in: db)
            let message = stored.message
            if try MessageAccess.authorRight(of: caller, over: message) == .sender, now >= message.serverTime + window {
                throw ChatError(.messageRecallTimeLimit, "the recall window of \(window / 1000) s has passed")
            }
            let cursor = try context.currentCursor()
            var views: [String: Message] = [:]
            for user in MessageAccess.participants(of: message) { views[user] = try db.view(of: stored, app: app, viewer: user) }
            let released = try context.releaseAttachments(of: message)
            try context.removeMessage(message, app: app)
            try context.recordRecall(msgId: msgId, app: app, now: now)
            try context.notifyParticipants(of: message, app: app, caller: call.session, type: EventType.messagesRecalledInfo, time: now) { user in
                let info = RecallMessageInfo(
                    recallMessageId: msgId, recallBy: caller, conversationId: message.conversationId(viewedBy: user), recallMessage: views[user],
                    ext: ext
                )
                return try WireJSON.string(["recalls": [info]])
            }
            return (MessageOperationResult(msgId: msgId, cursor: String(cursor), message: nil), released)
        }
    }

    /// §4.4 `modifyMessage`: the sender, any time, at most 10 edits (511). Text and custom bodies may be replaced
    /// by one of the same type, other types only take new attributes (511); the result is re-checked for 510/501.
    /// Participants except the calling session get `onMessageContentChanged`.
    func modify(
        _ call: UserCall, msgId: String, change: ModifyMessageRequest, now: Int64,
        contentCheck: @escaping @Sendable (Message) throws -> ChatError?
    ) async throws -> MessageOperationResult {
        let app = call.app.id
        let caller = call.session.userId
        return try await write { context in
            let db = context.connection
            var stored = try MessageAccess.visible(msgId, to: call, at: now, in: db)
            _ = try MessageAccess.authorRight(of: caller, over: stored.message)
            var edit = stored.message.body.editInfo
            if let body = change.body {
                guard body.type == stored.message.body.type, body.isReplaceable else {
                    throw ChatError(.messageEditFailed, "only text and custom bodies can be replaced, by a body of the same type")
                }
                stored.message.body = body
            }
            if let attributes = change.attributes { stored.message.attributes = attributes }
            guard edit.modifyCount < 10 else { throw ChatError(.messageEditFailed, "a message can be edited at most 10 times") }
            if let error = try contentCheck(stored.message) { throw error }
            let cursor = try context.currentCursor()
            edit.modifyCount += 1
            edit.lastModifyOperatorId = caller
            edit.lastModifyTime = now
            stored.message.body.editInfo = edit
            try db.updateStoredMessage(stored.message, app: app)
            try context.notifyParticipants(of: stored.message, app: app, caller: call.session, type: EventType.messageContentChanged, time: now) {
                user in
                try WireJSON.string(MessageContentChange(message: db.view(of: stored, app: app, viewer: user), operatorId: caller, operationTime: now))
            }
            return MessageOperationResult(msgId: msgId, cursor: String(cursor), message: try db.view(of: stored, app: app, viewer: caller))
        }
    }
}

extension WriteContext {
    /// Deletes a message with its reactions, pin and one-way deletions, takes it out of the recipient's unread count
    /// and moves the conversations that ended with it to the message before it (recall and history retention).
    func removeMessage(_ message: Message, app: Int64) throws {
        for table in ["messages", "reactions", "pins", "hidden_messages"] {
            try connection.query("DELETE FROM \(table) WHERE app = ? AND msg_id = ?", app, message.msgId)
        }
        if !message.hasReadAck { try lowerUnread(for: message, app: app) }
        try repointLatestMessage(of: message, app: app)
    }

    /// After a message leaves a one-to-one conversation, points both parties' entries that showed it at the newest
    /// remaining message (none → no latest message).
    func repointLatestMessage(of message: Message, app: Int64) throws {
        try connection.query(
            """
            UPDATE conversations SET latest_msg_id = (SELECT msg_id FROM messages WHERE app = ? AND pair = ? AND body_type <> 'cmd'
                ORDER BY server_time DESC, msg_id DESC LIMIT 1)
            WHERE app = ? AND latest_msg_id = ? AND owner IN (?, ?)
            """,
            app, message.pairKey, app, message.msgId, message.from, message.to
        )
    }
}
