import IMCore
import IMSQLite

extension SQLiteChatStore {
    /// §4.3 `sendMessageReadAck`: the receiver of a one-to-one message read it. The first ack sets `hasReadAck`,
    /// lowers the receiver's unread count by one and sends the sender's sessions `onMessagesRead`; a repeat is a
    /// no-op. Group messages take the group read ack (a later path beside this one).
    func messageReadAck(_ call: UserCall, msgId: String, now: Int64) async throws -> MessageOperationResult {
        let app = call.app.id
        let reader = call.session.userId
        return try await write { context in
            let db = context.connection
            let cursor = try context.currentCursor()
            var stored = try MessageAccess.visible(msgId, to: call, at: now, in: db)
            guard stored.message.chatType == .chat else {
                throw ChatError(.invalidParam, "a message read ack is for one-to-one messages; group messages take the group read ack")
            }
            guard stored.message.from != reader else { throw ChatError(.invalidParam, "the sender cannot acknowledge its own message") }
            if !stored.message.hasReadAck {
                stored.message.hasReadAck = true
                try db.updateStoredMessage(stored.message, app: app)
                try context.lowerUnread(for: stored.message, app: app)
                try context.appendEvent(
                    to: UserKey(app: app, userId: stored.message.from), type: EventType.messagesRead,
                    payloadJSON: try MessagePayload.json(db.view(of: stored, app: app, viewer: stored.message.from)), time: now
                )
            }
            return MessageOperationResult(msgId: msgId, cursor: String(cursor), message: try db.view(of: stored, app: app, viewer: reader))
        }
    }

    /// §4.3 `sendConversationReadAck` for a one-to-one conversation: the caller's unread count becomes 0 and every
    /// message to the caller gets `hasReadAck`; the peer's sessions and the caller's other sessions get
    /// `onConversationRead{from: caller, to: peer}`. Nothing to change → no-op without events (§0).
    func conversationReadAck(_ call: UserCall, peer: String, now: Int64) async throws -> ConversationReadAckResult {
        let app = call.app.id
        let reader = call.session.userId
        return try await write { context in
            let db = context.connection
            guard try db.user(UserKey(app: app, userId: peer)) != nil else { throw ChatErrorFactory.userNotFound(peer) }
            let cursor = try context.currentCursor()
            guard peer != reader else { return ConversationReadAckResult(conversationId: peer, cursor: String(cursor)) }
            let unread = try db.first("SELECT unread FROM conversations WHERE app = ? AND owner = ? AND peer = ?", app, reader, peer)?.int(0) ?? 0
            try db.query("UPDATE conversations SET unread = 0 WHERE app = ? AND owner = ? AND peer = ?", app, reader, peer)
            try db.query(
                """
                UPDATE messages SET json = json_set(json, '$.hasReadAck', json('true'))
                WHERE app = ? AND pair = ? AND sender = ? AND json_extract(json, '$.hasReadAck') = 0
                """,
                app, Message.pairKey(reader, peer), peer
            )
            guard unread > 0 || db.changes > 0 else { return ConversationReadAckResult(conversationId: peer, cursor: String(cursor)) }
            for (user, conversationId) in [(peer, reader), (reader, peer)] {
                let payload = ConversationReadInfo(conversationId: conversationId, from: reader, to: peer)
                try context.appendEvent(
                    to: UserKey(app: app, userId: user), type: EventType.conversationRead, payloadJSON: try WireJSON.string(payload), time: now,
                    except: user == reader ? call.session.resource : nil
                )
            }
            return ConversationReadAckResult(conversationId: peer, cursor: String(cursor))
        }
    }
}

extension WriteContext {
    /// Takes an unread one-to-one message out of its recipient's unread count (never below 0) — if it ever counted:
    /// `cmd` messages and messages to oneself never raise the count (§4.5), so they never lower it either.
    func lowerUnread(for message: Message, app: Int64) throws {
        guard message.body.type != .cmd, message.from != message.to else { return }
        try connection.query(
            "UPDATE conversations SET unread = MAX(0, unread - 1) WHERE app = ? AND owner = ? AND peer = ?", app, message.to, message.from)
    }
}
