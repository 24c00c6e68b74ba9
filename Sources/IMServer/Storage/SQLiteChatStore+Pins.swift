import IMCore
import IMSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteChatStore {
    /// §4.4 `pinMessage` / `unpinMessage`: any participant; thread messages → 110; at most `maxPinnedMessages` per
    /// conversation (4). A re-pin overwrites `pinInfo` and notifies again; unpinning an unpinned message is a no-op.
    /// Participants except the calling session get `onMessagePinChanged`.
    func pin(_ call: UserCall, msgId: String, operation: PinOperation, now: Int64) async throws -> MessageOperationResult {
        let app = call.app.id
        let caller = call.session.userId
        let maxPins = call.app.settings.maxPinnedMessages
        return try await write { context in
            let db = context.connection
            let stored = try MessageAccess.visible(msgId, to: call, at: now, in: db)
            if stored.message.isChatThreadMessage { throw ChatError(.invalidParam, "thread messages cannot be pinned") }
            let cursor = try context.currentCursor()
            let conversation = stored.message.pairKey
            switch operation {
            case .pin:
                let others = try db.first("SELECT COUNT(*) FROM pins WHERE app = ? AND conversation = ? AND msg_id <> ?", app, conversation, msgId)?.int(0) ?? 0
                guard others < maxPins else { throw ChatError(.exceedServiceLimit, "the conversation already has \(maxPins) pinned messages") }
                try db.query("DELETE FROM pins WHERE app = ? AND msg_id = ?", app, msgId)
                try db.query(
                    "INSERT INTO pins (app, msg_id, conversation, pin_time, operator_id) VALUES (?, ?, ?, ?, ?)", app, msgId, conversation, now, caller
                )
            case .unpin:
                try db.query("DELETE FROM pins WHERE app = ? AND msg_id = ?", app, msgId)
                guard db.changes > 0 else {
                    return MessageOperationResult(msgId: msgId, cursor: String(cursor), message: try db.view(of: stored, app: app, viewer: caller))
                }
            }
            let pinInfo = try db.pinInfo(app: app, msgId: msgId)
            try context.notifyParticipants(of: stored.message, app: app, caller: call.session, type: EventType.messagePinChanged, time: now) { user in
                try WireJSON.string(
                    MessagePinChange(messageId: msgId, conversationId: stored.message.conversationId(viewedBy: user), operation: operation, pinInfo: pinInfo)
                )
            }
            return MessageOperationResult(msgId: msgId, cursor: String(cursor), message: try db.view(of: stored, app: app, viewer: caller))
        }
    }

    /// §4.4 `fetchPinnedMessages` of the caller's one-to-one conversation with `peer`, newest pin first; messages that
    /// expired by `now` are left out.
    func pinnedMessages(_ call: UserCall, peer: String, now: Int64) async throws -> [Message] {
        let app = call.app.id
        let caller = call.session.userId
        let keptSince = call.app.settings.historyKeptSince(now: now) ?? .min
        return try await read { db in
            guard try db.user(UserKey(app: app, userId: peer)) != nil else { throw ChatErrorFactory.userNotFound(peer) }
            let conversation = Message.pairKey(caller, peer)
            let rows = try db.query(
                """
                SELECT m.json, m.delivered FROM pins p JOIN messages m ON m.app = p.app AND m.msg_id = p.msg_id
                WHERE p.app = ? AND p.conversation = ? AND m.server_time >= ? ORDER BY p.pin_time DESC, p.rowid DESC
                """,
                app, conversation, keptSince
            )
            return try rows.map { row in
                let stored = StoredMessage(message: try WireJSON.decode(Message.self, from: Data(row.string(0).utf8)), delivered: row.bool(1))
                return try db.view(of: stored, app: app, viewer: caller)
            }
        }
    }
}
