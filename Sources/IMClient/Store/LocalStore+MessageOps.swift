import IMCore
import IMSQLite
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LocalStore {
    /// Replaces a stored message with a newer copy of it; a message the store does not hold is left out.
    func updateIfStored(_ message: Message) throws(ChatError) {
        try write {
            guard try self.connection.first("SELECT 1 FROM messages WHERE msgId = ?", message.msgId) != nil else { return }
            try self.saveOne(message, countUnread: false)
        }
    }

    /// Stores the copy of a received message the user just acknowledged; if the store held it unread, its
    /// conversation's unread count drops by one.
    func markRead(_ message: Message) throws(ChatError) {
        guard let stored = try self.message(message.msgId) else { return }
        try write { try self.stopCountingUnread(stored) }
        try updateIfStored(message)
    }

    /// A stored received message that was unread no longer counts in its conversation's unread count. Must run inside
    /// ``write(_:)``.
    func stopCountingUnread(_ stored: Message, eventSeq: Int64? = nil) throws {
        guard stored.direction == .receive, !stored.hasRead else { return }
        try changeUnread(to: "MAX(0, unreadCount - 1)", conversationId: stored.conversationId, type: stored.chatType, eventSeq: eventSeq)
    }

    /// Sets one JSON field of a stored message (and of the conversation entries that show it).
    func patchMessage(_ msgId: String, field: String, value: some Encodable) throws(ChatError) {
        try write {
            let json = try WireJSON.string(value)
            try self.connection.query("UPDATE messages SET json = json_set(json, ?, json(?)) WHERE msgId = ?", "$." + field, json, msgId)
            for column in ["latestMessage", "lastReceivedMessage"] {
                try self.connection.query(
                    "UPDATE conversations SET \(column) = json_set(\(column), ?, json(?)) WHERE json_extract(\(column), '$.msgId') = ?",
                    "$." + field, json, msgId)
            }
        }
    }

    /// Removes a recalled message; conversations that showed it fall back to their newest remaining message, and
    /// an unread received message no longer counts as unread (so a replayed receive and recall leave the count as is),
    /// unless the recall (`eventSeq`) is already in the server's count.
    func removeMessage(_ msgId: String, eventSeq: Int64? = nil) throws(ChatError) {
        try write {
            if let row = try self.connection.first("SELECT json FROM messages WHERE msgId = ?", msgId) {
                try self.stopCountingUnread(WireJSON.decode(Message.self, from: Data(row.string(0).utf8)), eventSeq: eventSeq)
            }
            try self.connection.query("DELETE FROM messages WHERE msgId = ?", msgId)
            try self.connection.query(
                """
                UPDATE conversations SET
                    latestMessage = (SELECT json FROM messages m WHERE m.conversationId = conversations.conversationId
                        AND m.chatType = conversations.type ORDER BY serverTime DESC, msgId DESC LIMIT 1),
                    latestTime = COALESCE((SELECT MAX(serverTime) FROM messages m WHERE m.conversationId = conversations.conversationId
                        AND m.chatType = conversations.type), 0)
                WHERE json_extract(latestMessage, '$.msgId') = ?
                """, msgId)
            try self.connection.query(
                "UPDATE conversations SET lastReceivedMessage = NULL, lastReceivedTime = 0 WHERE json_extract(lastReceivedMessage, '$.msgId') = ?",
                msgId)
        }
    }

    /// The caller read a whole conversation (locally, by a read ack, or on another device: `event`): no unread
    /// messages, every received message `hasRead`. For an event: only messages up to its time, and the count stays
    /// when it already reflects the event (a server count may hold newer messages).
    func markConversationRead(_ conversationId: String, type: ChatType, event: Event? = nil) throws(ChatError) {
        try write {
            try self.changeUnread(to: "0", conversationId: conversationId, type: type, eventSeq: event?.seq, clears: true)
            try self.connection.query(
                """
                UPDATE messages SET json = json_set(json, '$.hasRead', json('true'))
                WHERE conversationId = ? AND chatType = ? AND json_extract(json, '$.direction') = 'receive' AND serverTime <= ?
                """, conversationId, type.rawValue, event?.time ?? Int64.max)
            try self.refreshConversation(conversationId, type)
        }
    }

    /// The peer read a whole conversation: every message the user sent there `hasReadAck`.
    func markSentMessagesReadAcked(_ conversationId: String, type: ChatType) throws(ChatError) {
        try write {
            try self.connection.query(
                """
                UPDATE messages SET json = json_set(json, '$.hasReadAck', json('true'))
                WHERE conversationId = ? AND chatType = ? AND json_extract(json, '$.direction') = 'send'
                """, conversationId, type.rawValue)
        }
    }

    /// The stored copy of a message, nil when the store does not hold it.
    func message(_ msgId: String) throws(ChatError) -> Message? {
        try read {
            try self.connection.first("SELECT json FROM messages WHERE msgId = ?", msgId).map {
                try WireJSON.decode(Message.self, from: Data($0.string(0).utf8))
            }
        }
    }

    /// Applies the events of receipts, recall, edit, reactions and pins to the messages the store holds. Returns
    /// the event as this device sees it: each recall carries the message only if the store held it.
    func applyMessageOperation(_ event: Event, userId: String) throws(ChatError) -> Event {
        var event = event
        do {
            switch event.type {
            case EventType.messagesRead:
                for message in try event.messages() { try updateIfStored(message) }
            case EventType.conversationRead:
                let info = try event.decodePayload(ConversationReadInfo.self)
                if info.from == userId {
                    try markConversationRead(info.conversationId, type: .chat, event: event)
                } else {
                    try markSentMessagesReadAcked(info.conversationId, type: .chat)
                }
            case EventType.messagesRecalledInfo:
                var recalls = try event.decodePayload(RecallsPayload.self).recalls
                for index in recalls.indices {
                    recalls[index].recallMessage = try message(recalls[index].recallMessageId)
                    try removeMessage(recalls[index].recallMessageId, eventSeq: event.seq)
                }
                event.payload["recalls"] = try WireJSON.decode(JSONValue.self, from: WireJSON.encode(recalls))
            case EventType.messageContentChanged:
                try updateIfStored(try event.decodePayload(MessageContentChange.self).message)
            case EventType.messageReactionDidChange:
                for change in try event.decodePayload(ReactionChangesPayload.self).changes {
                    try patchMessage(change.messageId, field: "reactionList", value: change.reactions)
                }
            case EventType.messagePinChanged:
                let change = try event.decodePayload(MessagePinChange.self)
                try patchMessage(change.messageId, field: "pinInfo", value: change.pinInfo)
            default: break
            }
            return event
        } catch let error as ChatError {
            throw error
        } catch {
            throw ChatError(.databaseError, "event \(event.type) has an unexpected payload: \(error)")
        }
    }
}

/// The payload of `onMessagesRecalledInfo`.
struct RecallsPayload: Codable {
    var recalls: [RecallMessageInfo]
}

/// The payload of `onMessageReactionDidChange`.
struct ReactionChangesPayload: Decodable {
    var changes: [MessageReactionEvent]
}
