import IMCore
import IMSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A stored message as an operation reads it: the sender's view and whether a recipient session received it.
struct StoredMessage: Sendable {
    var message: Message
    var delivered: Bool
}

extension Connection {
    /// The stored message with this ID; nil when unknown, recalled or never stored (`cmd`).
    func storedMessage(app: Int64, msgId: String) throws -> StoredMessage? {
        guard let row = try first("SELECT json, delivered FROM messages WHERE app = ? AND msg_id = ?", app, msgId) else { return nil }
        return StoredMessage(message: try WireJSON.decode(Message.self, from: Data(row.string(0).utf8)), delivered: row.bool(1))
    }

    /// Replaces the stored (sender's view) JSON of a message.
    func updateStoredMessage(_ message: Message, app: Int64) throws {
        try query("UPDATE messages SET json = ? WHERE app = ? AND msg_id = ?", try WireJSON.string(message), app, message.msgId)
    }

    /// The message as `viewer` sees it now: direction, read flags, reactions and pin.
    func view(of stored: StoredMessage, app: Int64, viewer: String) throws -> Message {
        try withServerState(stored.message.viewed(by: viewer, delivered: stored.delivered), app: app, viewer: viewer)
    }

    /// Adds what lives beside the stored JSON to a viewed message: its reactions and its pin.
    func withServerState(_ view: Message, app: Int64, viewer: String) throws -> Message {
        var view = view
        view.reactionList = try reactionSummaries(app: app, msgId: view.msgId, viewer: viewer)
        view.pinInfo = try pinInfo(app: app, msgId: view.msgId)
        return view
    }

    /// A message's reactions, in the order they were first given, each with its first three users.
    func reactionSummaries(app: Int64, msgId: String, viewer: String) throws -> [MessageReaction] {
        let rows = try query(
            """
            SELECT reaction, COUNT(*), MAX(user_id = ?), MIN(id) AS first FROM reactions
            WHERE app = ? AND msg_id = ? GROUP BY reaction ORDER BY first
            """,
            viewer, app, msgId
        )
        return try rows.map { row in
            let users = try query(
                "SELECT user_id FROM reactions WHERE app = ? AND msg_id = ? AND reaction = ? ORDER BY id LIMIT 3", app, msgId, row.string(0)
            ).map { $0.string(0) }
            return MessageReaction(reaction: row.string(0), userCount: Int(row.int(1)), isAddedBySelf: row.bool(2), userList: users)
        }
    }

    /// Who pinned a message, and when; nil when it is not pinned.
    func pinInfo(app: Int64, msgId: String) throws -> PinInfo? {
        try first("SELECT pin_time, operator_id FROM pins WHERE app = ? AND msg_id = ?", app, msgId).map {
            PinInfo(pinTime: $0.int(0), operatorId: $0.string(1))
        }
    }
}
