import IMCore
import IMSQLite

/// Local message reads and writes that reach no server (semantics §4.6).
extension LocalStore {
    /// Up to `count` messages of a conversation after `startMsgId` (exclusive) in `direction`, in that
    /// direction's order: `up` newest → oldest, `down` oldest → newest. Without a start, `up` begins at the
    /// newest message and `down` at the oldest. An unknown start → 500.
    func loadMessages(conversationId: String, type: ChatType, from startMsgId: String?, count: Int, direction: FetchDirection) throws(ChatError) -> [Message] {
        try read {
            var sql = "SELECT json FROM messages WHERE conversationId = ? AND chatType = ?"
            var values: [any SQLBindable] = [conversationId, type.rawValue]
            if let startMsgId {
                _ = try self.storedMessage(startMsgId, conversationId: conversationId, type: type)
                let position = "(SELECT serverTime, msgId FROM messages WHERE msgId = ?)"
                sql += direction == .up ? " AND (serverTime, msgId) < \(position)" : " AND (serverTime, msgId) > \(position)"
                values.append(startMsgId)
            }
            sql += direction == .up ? " ORDER BY serverTime DESC, msgId DESC LIMIT ?" : " ORDER BY serverTime, msgId LIMIT ?"
            values.append(count)
            return try self.connection.query(sql, values: values).map { try Self.decode(Message.self, $0.string(0)) }
        }
    }

    /// Inserts a message into a conversation at its time; with `atEnd`, its time is moved after the
    /// conversation's newest message first. A message of another conversation → 500. Returns what was stored.
    @discardableResult
    func insert(_ message: Message, conversationId: String, type: ChatType, atEnd: Bool) throws(ChatError) -> Message {
        var message = message
        if message.conversationId.isEmpty { message.conversationId = conversationId }
        guard message.conversationId == conversationId, message.chatType == type else {
            throw ChatError(.messageInvalid, "message '\(message.msgId)' belongs to conversation '\(message.conversationId)', not '\(conversationId)'")
        }
        try Validation.msgId(message.msgId)
        let stored = message
        return try write {
            var message = stored
            if atEnd {
                let newest = try self.connection.first(
                    "SELECT MAX(serverTime) FROM messages WHERE conversationId = ? AND chatType = ? AND msgId <> ?",
                    conversationId, type.rawValue, message.msgId)?.optionalInt(0)
                if let newest, message.sortTime <= newest { message.serverTime = newest + 1 }
            }
            try self.saveOne(message, countUnread: false)
            return message
        }
    }

    /// Replaces a stored message (found by `msgId`, else 500; with `conversation`, it must be stored there)
    /// and refreshes its conversation.
    func update(_ message: Message, in conversation: (id: String, type: ChatType)? = nil) throws(ChatError) {
        try write {
            guard let row = try self.connection.first("SELECT conversationId, chatType FROM messages WHERE msgId = ?", message.msgId) else {
                throw ChatError(.messageInvalid, "message '\(message.msgId)' is not in the local store")
            }
            let old = (row.string(0), ChatType(rawValue: row.string(1)) ?? .chat)
            if let conversation, old != conversation {
                throw ChatError(.messageInvalid, "message '\(message.msgId)' is not in conversation '\(conversation.id)'")
            }
            var message = message
            if message.conversationId.isEmpty { message.conversationId = old.0 }
            try self.saveOne(message, countUnread: false)
            try self.refreshConversation(old.0, old.1)
            if (message.conversationId, message.chatType) != old { try self.refreshConversation(message.conversationId, message.chatType) }
        }
    }

    /// Imports messages of `userId` (each must be from or to them, else 500 and nothing is stored). Empty
    /// `msgId`s are generated, empty `conversationId`s derived (one-to-one: the peer; otherwise `to`), and `direction` and `hasRead`
    /// follow from `from`. Imported messages never count as unread.
    func importMessages(_ messages: [Message], userId: String) throws(ChatError) {
        var prepared: [Message] = []
        prepared.reserveCapacity(messages.count)
        for var message in messages {
            guard message.from == userId || message.to == userId else {
                throw ChatError(.messageInvalid, "message '\(message.msgId)' is neither from nor to '\(userId)'")
            }
            if message.msgId.isEmpty { message.msgId = MessageID.generate() } else { try Validation.msgId(message.msgId) }
            let sent = message.from == userId
            message.direction = sent ? .send : .receive
            if sent { message.hasRead = true }
            if message.conversationId.isEmpty { message.conversationId = message.chatType == .chat && !sent ? message.from : message.to }
            prepared.append(message)
        }
        try write {
            for message in prepared where message.body.type != .cmd { try self.saveOne(message, countUnread: false) }
        }
    }
}
