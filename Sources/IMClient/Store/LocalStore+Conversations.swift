import IMCore
import IMSQLite

/// Local conversation state: extension fields, read flags, counts and deletions (semantics §4.6).
extension LocalStore {
    /// Replaces a conversation's extension fields, creating the conversation when missing.
    func setExt(_ ext: [String: String], conversationId: String, type: ChatType) throws(ChatError) {
        let json = try Self.encode(ext)
        try write {
            try self.ensureConversation(conversationId, type, isThread: false)
            try self.connection.query("UPDATE conversations SET ext = ? WHERE conversationId = ? AND type = ?", json, conversationId, type.rawValue)
        }
    }

    /// Marks one message of a conversation as read; the unread count drops by one if it was an unread
    /// received message. A message not in the conversation → 500.
    func markAsRead(msgId: String, conversationId: String, type: ChatType) throws(ChatError) {
        try write {
            let message = try self.storedMessage(msgId, conversationId: conversationId, type: type)
            guard message.direction == .receive, !message.hasRead else { return }
            try self.stopCountingUnread(message)
            try self.connection.query("UPDATE messages SET json = json_set(json, '$.hasRead', json('true')) WHERE msgId = ?", msgId)
            try self.refreshConversation(conversationId, type)
        }
    }

    /// The number of stored messages of a conversation.
    func messageCount(conversationId: String, type: ChatType) throws(ChatError) -> Int {
        try read {
            Int(try self.connection.first("SELECT COUNT(*) FROM messages WHERE conversationId = ? AND chatType = ?", conversationId, type.rawValue)?.int(0) ?? 0)
        }
    }

    /// Deletes messages of a conversation: the given ids (each must be in it, else 500), or all when nil.
    /// The conversation stays, with its latest messages recomputed; deleting all zeroes the unread count. For a delete
    /// on another device (`event`): only messages up to the event's time go, and the count stays when it already
    /// reflects the event.
    func deleteMessages(_ msgIds: [String]?, conversationId: String, type: ChatType, event: Event? = nil) throws(ChatError) {
        try write {
            if let msgIds {
                for msgId in msgIds {
                    _ = try self.storedMessage(msgId, conversationId: conversationId, type: type)
                    try self.connection.query("DELETE FROM messages WHERE msgId = ?", msgId)
                }
            } else {
                try self.connection.query(
                    "DELETE FROM messages WHERE conversationId = ? AND chatType = ? AND serverTime <= ?", conversationId, type.rawValue,
                    event?.time ?? Int64.max)
                try self.changeUnread(to: "0", conversationId: conversationId, type: type, eventSeq: event?.seq, clears: true)
            }
            try self.refreshConversation(conversationId, type)
        }
    }

    /// Deletes every message older than `timestamp` (by `serverTime`) in every conversation.
    func deleteMessages(before timestamp: Int64) throws(ChatError) {
        try write {
            let touched = try self.connection.query(
                "SELECT DISTINCT conversationId, chatType FROM messages WHERE serverTime < ?", timestamp)
            try self.connection.query("DELETE FROM messages WHERE serverTime < ?", timestamp)
            for row in touched {
                try self.refreshConversation(row.string(0), ChatType(rawValue: row.string(1)) ?? .chat)
            }
        }
    }

    /// Deletes every conversation and message; the event cursor stays.
    func deleteAllMessagesAndConversations() throws(ChatError) {
        try write {
            try self.connection.execute("DELETE FROM messages; DELETE FROM conversations;")
        }
    }

    /// Recomputes a conversation's latest and last received message from its stored messages.
    /// Must run inside ``write(_:)``.
    func refreshConversation(_ conversationId: String, _ type: ChatType) throws {
        func newest(_ condition: String) throws -> Row? {
            try connection.first(
                "SELECT serverTime, json FROM messages WHERE conversationId = ? AND chatType = ? \(condition) ORDER BY serverTime DESC, msgId DESC LIMIT 1",
                conversationId, type.rawValue)
        }
        let latest = try newest("")
        let received = try newest("AND json_extract(json, '$.direction') = 'receive'")
        try connection.query(
            """
            UPDATE conversations SET latestTime = ?, latestMessage = ?, lastReceivedTime = ?, lastReceivedMessage = ?
            WHERE conversationId = ? AND type = ?
            """,
            latest?.int(0) ?? 0, latest?.optionalString(1), received?.int(0) ?? 0, received?.optionalString(1),
            conversationId, type.rawValue)
    }

    /// A stored message of the given conversation, else 500.
    func storedMessage(_ msgId: String, conversationId: String, type: ChatType) throws -> Message {
        guard let row = try connection.first("SELECT json FROM messages WHERE msgId = ? AND conversationId = ? AND chatType = ?",
            msgId, conversationId, type.rawValue)
        else { throw ChatError(.messageInvalid, "message '\(msgId)' is not in the local store of conversation '\(conversationId)'") }
        return try Self.decode(Message.self, row.string(0))
    }

    static func encode(_ value: some Encodable) throws(ChatError) -> String {
        do { return try WireJSON.string(value) } catch { throw chatError(error) }
    }
}
