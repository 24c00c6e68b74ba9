import IMCore
import IMSQLite

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension SQLiteChatStore {
    /// §4.4 `reportMessage`: stored with a snapshot of the message for the operator; no event.
    func report(_ call: UserCall, msgId: String, report: ReportRequest, now: Int64) async throws -> MessageOperationResult {
        let app = call.app.id
        let caller = call.session.userId
        return try await write { context in
            let db = context.connection
            let stored = try MessageAccess.visible(msgId, to: call, at: now, in: db)
            let cursor = try context.currentCursor()
            try db.query(
                "INSERT INTO reports (app, msg_id, reporter, tag, reason, time, message) VALUES (?, ?, ?, ?, ?, ?, ?)",
                app, msgId, caller, report.tag, report.reason, now, try WireJSON.string(stored.message)
            )
            return MessageOperationResult(msgId: msgId, cursor: String(cursor), message: try db.view(of: stored, app: app, viewer: caller))
        }
    }

    /// The app's message reports, newest first.
    func reports(app: Int64) async throws -> [MessageReport] {
        try await read { db in
            try db.query("SELECT id, msg_id, reporter, tag, reason, time, message FROM reports WHERE app = ? ORDER BY id DESC", app).map { row in
                MessageReport(
                    reportId: String(row.int(0)), msgId: row.string(1), reporter: row.string(2), tag: row.string(3), reason: row.string(4),
                    time: row.int(5), message: try WireJSON.decode(Message.self, from: Data(row.string(6).utf8))
                )
            }
        }
    }
}
