import IMCore
import IMSQLite

extension WriteContext {
    /// Appends an event to a user's log and marks the user to be woken after COMMIT. `only` addresses one
    /// session, `except` all sessions but one. Returns the event's `seq`.
    @discardableResult
    func appendEvent(
        to user: UserKey,
        type: String,
        payloadJSON: String,
        time: Int64,
        only: String? = nil,
        except: String? = nil,
        kind: EventKind = .other,
        msgId: String? = nil
    ) throws -> Int64 {
        try connection.query(
            """
            INSERT INTO events (app, user_id, only_resource, except_resource, type, time, payload, kind, msg_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            user.app, user.userId, only, except, type, time, payloadJSON, kind.rawValue, msgId
        )
        let seq = connection.lastInsertRowID
        if kind != .other { try capMessages(of: user) }
        wake(user)
        return seq
    }

    /// Queues a forced logout for a session: its last event, after which it ends (§1.4). Returns false when the
    /// session is gone or already ending.
    @discardableResult
    func endSession(_ session: SessionRecord, type: String, code: ErrorCode, extra: [String: JSONValue] = [:], time: Int64) throws -> Bool {
        guard !session.isEnding else { return false }
        var payload = extra
        payload["code"] = .int(Int64(code.rawValue))
        let seq = try appendEvent(
            to: session.user, type: type, payloadJSON: try WireJSON.string(payload), time: time, only: session.resource
        )
        try connection.query("UPDATE sessions SET end_seq = ? WHERE resource = ?", seq, session.resource)
        return true
    }

    /// The cursor at the end of the whole log right now.
    func currentCursor() throws -> Int64 {
        try connection.eventLogEnd()
    }

    /// Drops a user's oldest message entries beyond the cap, raising the log's floor (a cursor behind it gaps).
    private func capMessages(of user: UserKey) throws {
        let row = try connection.first(
            """
            INSERT INTO user_logs (app, user_id, floor, message_count) VALUES (?, ?, 0, 1)
            ON CONFLICT (app, user_id) DO UPDATE SET message_count = message_count + 1
            RETURNING message_count
            """,
            user.app, user.userId
        )
        guard let count = row?.int(0), count > EventRetention.maxMessagesPerUser else { return }
        guard
            let oldest = try connection.first(
                "SELECT seq FROM events WHERE app = ? AND user_id = ? AND kind <> 0 ORDER BY seq LIMIT 1",
                user.app, user.userId
            )?.int(0)
        else { return }
        try connection.query("DELETE FROM events WHERE seq = ?", oldest)
        try connection.query(
            "UPDATE user_logs SET floor = MAX(floor, ?), message_count = message_count - 1 WHERE app = ? AND user_id = ?",
            oldest, user.app, user.userId
        )
    }

    /// Removes log entries older than the cutoff, raising each affected user's floor. `seq` follows time, so the old
    /// entries are those before the first one that is not old.
    func pruneEvents(olderThan cutoff: Int64) throws {
        let boundary = try connection.first("SELECT seq FROM events WHERE time >= ? ORDER BY seq LIMIT 1", cutoff)?.int(0) ?? Int64.max
        try connection.query(
            """
            INSERT INTO user_logs (app, user_id, floor, message_count)
            SELECT app, user_id, MAX(seq), 0 FROM events WHERE seq < ? GROUP BY app, user_id
            ON CONFLICT (app, user_id) DO UPDATE SET floor = MAX(floor, excluded.floor)
            """,
            boundary
        )
        try connection.query(
            """
            UPDATE user_logs SET message_count = MAX(0, message_count - (SELECT COUNT(*) FROM events e
                WHERE e.app = user_logs.app AND e.user_id = user_logs.user_id AND e.kind <> 0 AND e.seq < ?))
            """,
            boundary
        )
        try connection.query("DELETE FROM events WHERE seq < ?", boundary)
    }
}
