import IMCore
import IMSQLite

extension LocalStore {
    /// One stored message by ID, nil when it is not stored.
    func storedMessage(withId msgId: String) throws(ChatError) -> Message? {
        try read { try self.connection.first("SELECT json FROM messages WHERE msgId = ?", msgId).map { try Self.decode(Message.self, $0.string(0)) } }
    }
}
