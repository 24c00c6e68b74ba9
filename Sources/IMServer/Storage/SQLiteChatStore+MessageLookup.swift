import IMCore
import IMSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteChatStore {
    /// A stored one-to-one message as `viewer` sees it; nil when it does not exist (or was recalled) or the
    /// viewer is not one of its two participants.
    func message(_ app: Int64, msgId: String, viewer: String) async throws -> Message? {
        try await read { db in
            let sql = "SELECT json, delivered FROM messages WHERE app = ? AND msg_id = ? AND (sender = ? OR recipient = ?)"
            return try db.first(sql, app, msgId, viewer, viewer).map { row in
                try WireJSON.decode(Message.self, from: Data(row.string(0).utf8)).viewed(by: viewer, delivered: row.bool(1))
            }
        }
    }
}
