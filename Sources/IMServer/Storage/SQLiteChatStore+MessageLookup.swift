import IMCore
import IMSQLite

extension SQLiteChatStore {
    /// A stored one-to-one message as the caller sees it; unknown, recalled, expired or not visible → 500
    /// (``MessageAccess/visible(_:to:at:in:)``).
    func message(_ call: UserCall, msgId: String, now: Int64) async throws -> Message {
        try await read { db in
            let stored = try MessageAccess.visible(msgId, to: call, at: now, in: db)
            return stored.message.viewed(by: call.session.userId, delivered: stored.delivered)
        }
    }
}
