import IMCore
import IMSQLite

extension LocalStore {
    /// Mirrors a one-way delete (`messagesRemoved`) or a conversation delete with its messages in the local
    /// store; other updates change nothing local. `event`: the event that carried it, if any.
    func apply(_ update: ConversationsUpdate, event: Event? = nil) throws(ChatError) {
        let type = update.conversationType
        for conversationId in update.conversationIds {
            switch update.operation {
            case .messagesRemoved:
                try write {
                    if let msgIds = update.msgIds {
                        for msgId in msgIds { try self.connection.query("DELETE FROM messages WHERE msgId = ? AND conversationId = ? AND chatType = ?", msgId, conversationId, type.rawValue) }
                    }
                    if let before = update.beforeTs {
                        try self.connection.query("DELETE FROM messages WHERE conversationId = ? AND chatType = ? AND serverTime < ?", conversationId, type.rawValue, before)
                    }
                    try self.refreshConversation(conversationId, type)
                }
            case .delete where update.deleteMessages == true:
                try deleteMessages(nil, conversationId: conversationId, type: type, event: event)
            default:
                break
            }
        }
    }
}
