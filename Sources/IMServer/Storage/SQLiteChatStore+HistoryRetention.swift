import IMCore
import IMSQLite

extension AppSettings {
    /// The oldest `serverTime` an app keeps at `now` under `historyRetentionDays` (§8.1); nil when it keeps history
    /// forever (0).
    func historyKeptSince(now: Int64) -> Int64? {
        historyRetentionDays > 0 ? now - Int64(historyRetentionDays) * 86_400_000 : nil
    }
}

extension SQLiteChatStore {
    /// Deletes every message older than its app's `historyRetentionDays` (§8.1) as a recall would, without events:
    /// reactions, pin and unread share go with it and conversations move to the message before. History reads already
    /// leave such messages out; this frees their rows. Attachments keep their own `fileRetentionDays`. The expired
    /// messages are found on a reader, so the writer is held only for the deletes, `batch` messages per transaction.
    func pruneHistory(now: Int64, batch: Int = 500) async throws {
        for app in try await apps() {
            guard let keptSince = app.settings.historyKeptSince(now: now) else { continue }
            while true {
                let expired = try await read { db in
                    try db.query("SELECT msg_id FROM messages WHERE app = ? AND server_time < ? LIMIT ?", app.id, keptSince, batch)
                        .map { $0.string(0) }
                }
                if expired.isEmpty { break }
                try await writer.write { context in
                    for msgId in expired {
                        guard let stored = try context.connection.storedMessage(app: app.id, msgId: msgId) else { continue }
                        try context.removeMessage(stored.message, app: app.id)
                    }
                }
                if expired.count < batch { break }
            }
        }
    }
}
