import IMCore
import IMSQLite

extension SQLiteChatStore {
    func insertUpload(_ file: FileRecord, thumbnail: FileRecord?) async throws {
        try await write { context in
            for record in [thumbnail, file].compactMap({ $0 }) { try context.connection.insert(record) }
        }
    }

    /// Expires every upload older than its app's `fileRetentionDays` (§8.1) and hands the content nobody refers to
    /// any more to ``releaseContent``, so expired bytes leave the disk even when nobody asks for them.
    func pruneFiles(now: Int64) async throws {
        for app in try await apps() {
            let cutoff = now - Int64(app.settings.fileRetentionDays) * 86_400_000
            let released = try await writer.write { context in try context.connection.expireUploads(app: app.id, through: cutoff) }
            if !released.isEmpty { releaseContent(released) }
        }
    }

    func upload(_ id: String, app: Int64) async throws -> FileRecord? {
        try await read { db in try db.upload(id, app: app) }
    }

    func expireUpload(_ id: String) async throws -> String? {
        try await write { context in try context.connection.expireUpload(id) }
    }

    func isFileReader(_ id: String, app: Int64, user: String) async throws -> Bool {
        try await read { db in
            try db.first("SELECT 1 FROM file_readers WHERE app = ? AND file_id = ? AND user_id = ?", app, id, user) != nil
        }
    }
}

extension WriteContext {
    /// Lets the recipient of `message` download its attachments (upload, thumbnail, combined file).
    func grantAttachments(of message: Message, app: Int64) throws {
        guard message.from != message.to else { return }
        for id in message.body.remotePaths {
            try connection.query("INSERT OR IGNORE INTO file_readers (app, file_id, user_id) VALUES (?, ?, ?)", app, id, message.to)
        }
    }
}

extension WriteContext {
    /// Releases the attachments of a message (its upload and thumbnail upload) when it is recalled: their rows
    /// are marked expired, in the caller's transaction. Returns the content hashes nobody refers to any more;
    /// pass them to ``FileStore/removeContent(_:)`` after the write commits.
    func releaseAttachments(of message: Message) throws -> [String] {
        try message.body.remotePaths.compactMap { id in
            guard try connection.upload(id, app: nil)?.owner == message.from else { return nil }
            return try connection.expireUpload(id)
        }
    }
}

extension Connection {
    func insert(_ file: FileRecord) throws {
        try query(
            """
            INSERT INTO files (id, app, owner, secret, sha256, size, uploaded_at, width, height, thumbnail_id, expired, is_gif)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            file.id, file.app, file.owner, file.secret, file.sha256, file.size, file.uploadedAt, file.width, file.height,
            file.thumbnailId, file.expired, file.isGif
        )
    }

    /// An upload by ID, of one app or (nil) of any.
    func upload(_ id: String, app: Int64?) throws -> FileRecord? {
        guard
            let row = try first(
                """
                SELECT id, app, owner, secret, sha256, size, uploaded_at, width, height, thumbnail_id, expired, is_gif
                FROM files WHERE id = ?
                """, id
            ), app == nil || row.int(1) == app
        else { return nil }
        return FileRecord(
            id: row.string(0), app: row.int(1), owner: row.string(2), secret: row.string(3), sha256: row.string(4), size: row.int(5),
            uploadedAt: row.int(6), width: row.optionalInt(7).map(Int.init), height: row.optionalInt(8).map(Int.init),
            isGif: row.bool(11), thumbnailId: row.optionalString(9), expired: row.bool(10)
        )
    }

    /// Expires an app's uploads from `cutoff` or earlier; returns the content hashes nobody refers to any more.
    func expireUploads(app: Int64, through cutoff: Int64) throws -> [String] {
        let stale = try query("SELECT id FROM files WHERE app = ? AND expired = 0 AND uploaded_at <= ?", app, cutoff).map { $0.string(0) }
        return try stale.compactMap { try expireUpload($0) }
    }

    /// Marks an upload expired; returns its content hash when no live upload shares it.
    func expireUpload(_ id: String) throws -> String? {
        guard let sha = try first("SELECT sha256 FROM files WHERE id = ? AND expired = 0", id)?.string(0) else { return nil }
        try query("UPDATE files SET expired = 1 WHERE id = ?", id)
        return try first("SELECT 1 FROM files WHERE sha256 = ? AND expired = 0 LIMIT 1", sha) == nil ? sha : nil
    }
}
