import IMCore
import IMSQLite
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteChatStore {
    /// The end of the whole log right now (`GET /v1/events/cursor`).
    func currentCursor() async throws -> Int64 {
        writer.durableCursor
    }

    /// The session and the entries of its log after `cursor` (up to `limit`), stopping at its forced logout.
    /// A cursor behind the log's floor resumes at the floor with `gap` set. Nil when the session is gone.
    func readEvents(_ resource: String, after cursor: Int64?, limit: Int) async throws -> EventRead? {
        let durableEnd = writer.durableCursor
        return try await read { db in
            guard let session = try db.session(resource) else { return nil }
            let floor = try db.first("SELECT floor FROM user_logs WHERE app = ? AND user_id = ?", session.app, session.userId)?.int(0) ?? 0
            let requested = cursor ?? session.cursor
            let gap = requested < floor
            let events = try db.query(
                """
                SELECT seq, type, time, payload, kind, msg_id FROM events
                WHERE app = ? AND user_id = ? AND seq > ? AND seq <= ?
                  AND (only_resource IS NULL OR only_resource = ?) AND (except_resource IS NULL OR except_resource <> ?)
                ORDER BY seq LIMIT ?
                """,
                session.app, session.userId, max(requested, floor), min(session.endSeq ?? Int64.max, durableEnd), resource, resource, limit
            ).map {
                StoredEvent(
                    seq: $0.int(0), type: $0.string(1), time: $0.int(2), payload: $0.string(3),
                    kind: EventKind(rawValue: $0.int(4)) ?? .other, msgId: $0.optionalString(5)
                )
            }
            return EventRead(session: session, events: events, gap: gap, resumeCursor: max(requested, floor))
        }
    }

    /// Records what a session has received: its (and its device's) position, the first delivery of one-to-one
    /// messages (the sender's sessions get `onMessagesDelivered`), and the end of a session whose forced logout
    /// was delivered.
    /// Waits for the COMMIT only when `endsSession` (later requests must see the session gone); otherwise the write is
    /// deferred (``GroupCommitWriter/submitDeferred(_:onFailure:)``: it rides on the next batch or goes alone a few
    /// milliseconds later, so the response being built pays no writer wake-up or WAL flush; any later write is ordered
    /// after it) and failures are logged.
    func acknowledge(_ session: SessionRecord, cursor: Int64, delivered msgIds: [String], endsSession: Bool, now: Int64) async throws {
        let body: @Sendable (WriteContext) throws -> Void = { context in
            let db = context.connection
            if endsSession {
                try db.query("DELETE FROM sessions WHERE resource = ?", session.resource)
            } else {
                try db.query("UPDATE sessions SET cursor = ? WHERE resource = ?", cursor, session.resource)
            }
            try db.query(
                "UPDATE devices SET cursor = ? WHERE app = ? AND user_id = ? AND device_uuid = ?",
                cursor, session.app, session.userId, session.deviceUUID
            )
            for msgId in msgIds {
                try db.query("UPDATE messages SET delivered = 1 WHERE app = ? AND msg_id = ? AND delivered = 0", session.app, msgId)
                guard db.changes == 1, let row = try db.first("SELECT json FROM messages WHERE app = ? AND msg_id = ?", session.app, msgId)
                else { continue }
                var message = try WireJSON.decode(Message.self, from: Data(row.string(0).utf8))
                message.hasDeliverAck = true
                try context.appendEvent(
                    to: UserKey(app: session.app, userId: message.from), type: EventType.messagesDelivered,
                    payloadJSON: try MessagePayload.json(message), time: now
                )
            }
        }
        if endsSession {
            try await write(body)
        } else {
            let logger = logger
            writer.submitDeferred(body) { error in logger.error("recording event delivery failed", metadata: ["error": "\(error)"]) }
        }
    }
}

/// The `{"messages":[…]}` payload of message events.
enum MessagePayload {
    /// Encodes the payload object of one message.
    static func json(_ message: Message) throws -> String {
        json(encoded: try WireJSON.string(message))
    }

    /// Wraps one already-encoded message.
    static func json(encoded message: String) -> String {
        "{\"messages\":[" + message + "]}"
    }
}

extension Connection {
    /// The `seq` of the newest event committed (0 for an empty log), as this connection's snapshot sees it.
    func eventLogEnd() throws -> Int64 {
        try first("SELECT seq FROM sqlite_sequence WHERE name = 'events'")?.int(0) ?? 0
    }
}
