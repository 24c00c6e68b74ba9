import IMCore
import IMSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why a used message ID has no row in `messages`.
enum UnstoredReason {
    static let recalled = "recalled"
    static let onlineOnly = "onlineOnly"
}

extension WriteContext {
    /// The answer a repeated send gets (§4.2): the first send's message and cursor when the content is the same; 500
    /// for other content or the ID of a recalled message; nil for an ID not used yet.
    func replay(of message: Message, app: Int64, cursor: Int64) throws -> SendResult? {
        if let stored = try connection.first("SELECT json, delivered, send_cursor FROM messages WHERE app = ? AND msg_id = ?", app, message.msgId) {
            return try Self.replayed(stored.string(0), delivered: stored.bool(1), cursor: stored.optionalInt(2) ?? cursor, of: message)
        }
        guard
            let unstored = try connection.first(
                "SELECT reason, json, send_cursor FROM unstored_msg_ids WHERE app = ? AND msg_id = ?", app, message.msgId)
        else { return nil }
        guard unstored.string(0) == UnstoredReason.onlineOnly, let json = unstored.optionalString(1) else {
            throw ChatError(.messageInvalid, "message ID '\(message.msgId)' belongs to a recalled message")
        }
        return try Self.replayed(json, delivered: false, cursor: unstored.optionalInt(2) ?? cursor, of: message)
    }

    /// Keeps a recalled message's ID used.
    func recordRecall(msgId: String, app: Int64, now: Int64) throws {
        try connection.query(
            "INSERT INTO unstored_msg_ids (app, msg_id, reason, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            app, msgId, UnstoredReason.recalled, now)
    }

    /// Keeps what a repeat of a `deliverOnlineOnly` send must answer, which the `messages` table never holds.
    func recordOnlineOnly(_ encoding: SendEncoding, app: Int64, cursor: Int64) throws {
        try connection.query(
            "INSERT INTO unstored_msg_ids (app, msg_id, reason, json, send_cursor, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            app, encoding.message.msgId, UnstoredReason.onlineOnly, encoding.storedJSON, cursor, encoding.message.serverTime)
    }

    /// Forgets `deliverOnlineOnly` IDs older than the cutoff, with the events that delivered them.
    func pruneOnlineOnlyIds(olderThan cutoff: Int64) throws {
        try connection.query("DELETE FROM unstored_msg_ids WHERE reason = ? AND created_at < ?", UnstoredReason.onlineOnly, cutoff)
    }

    private static func replayed(_ json: String, delivered: Bool, cursor: Int64, of message: Message) throws -> SendResult {
        let stored = try WireJSON.decode(Message.self, from: Data(json.utf8))
        guard stored.hasSameContent(as: message) else {
            throw ChatError(.messageInvalid, "message ID '\(message.msgId)' is already used for other content")
        }
        return try SendResult(SendMessageResponse(message: stored.viewed(by: message.from, delivered: delivered), cursor: String(cursor)))
    }
}

extension SQLiteChatStore {
    func isMessageIdUsed(_ msgId: String, app: Int64) async throws -> Bool {
        try await read { db in
            try db.first(
                "SELECT 1 FROM messages WHERE app = ? AND msg_id = ? UNION ALL SELECT 1 FROM unstored_msg_ids WHERE app = ? AND msg_id = ?",
                app, msgId, app, msgId) != nil
        }
    }
}
