import IMCore
import IMSQLite
import Logging
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The SQLite implementation of ``ChatStore``: one group-commit writer and a pool of reader connections used on the
/// calling thread, WAL mode, every acknowledged write flushed to disk.
final class SQLiteChatStore: ChatStore {
    let writer: GroupCommitWriter
    let readers: ReadPool
    let logger: Logger
    /// Deletes the bytes of uploads nobody refers to any more (content hashes), after the write that released them.
    let releaseContent: @Sendable ([String]) -> Void
    private let lastPrune = Mutex<Int64>(0)
    /// Load grows SQLite's page caches and malloc's free lists; once the store has been idle this long, they go back
    /// to the system.
    static let idleBeforeReleasingMemory = Duration.seconds(5)
    private let idle: QuietPeriodTrigger

    /// Opens (creating and migrating) the database; `onDurable` learns which users' logs changed, once on disk, and
    /// `releaseContent` gets the content the retention sweep released.
    init(
        path: String, logger: Logger, releaseContent: @escaping @Sendable ([String]) -> Void = { _ in },
        onDurable: @escaping @Sendable (Set<UserKey>) -> Void
    ) throws {
        self.logger = logger
        self.releaseContent = releaseContent
        let writer = try GroupCommitWriter(path: path, logger: logger, onDurable: onDurable)
        let readers = try ReadPool(path: path)
        self.writer = writer
        self.readers = readers
        // Weak: a pending timer must not keep a dropped store's connections (and their file descriptors) open.
        idle = QuietPeriodTrigger(after: Self.idleBeforeReleasingMemory) { [weak writer, weak readers] in
            guard let writer, let readers else { return }
            writer.releaseMemory()
            readers.releaseMemory()
            ProcessMemory.trim()
        }
    }

    func close() {
        readers.close()
        writer.close()
    }

    /// Queues a write; about once an hour (and on the first write after start) it also starts the retention sweep.
    func write<T: Sendable>(_ body: @escaping @Sendable (WriteContext) throws -> T) async throws -> T {
        let now = WallClock.milliseconds()
        let due = lastPrune.withLock { last in
            guard now - last > 3_600_000 else { return false }
            last = now
            return true
        }
        if due {
            Task { await sweep(now: now) }
        }
        idle.noteActivity()
        return try await writer.write(body)
    }

    /// The retention sweep (§8.1, §8.2): the event log's 7 days, each app's `historyRetentionDays` and
    /// `fileRetentionDays`.
    func sweep(now: Int64) async {
        do {
            try await writer.write { context in
                try context.pruneEvents(olderThan: now - EventRetention.maxAgeMilliseconds)
                try context.pruneOnlineOnlyIds(olderThan: now - EventRetention.maxAgeMilliseconds)
            }
            try await pruneHistory(now: now)
            try await pruneFiles(now: now)
        } catch {
            logger.warning("retention sweep failed", metadata: ["error": "\(error)"])
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        idle.noteActivity()
        return try readers.read(body)
    }

    // MARK: Apps

    func createApp(_ info: AppInfo) async throws -> AppRecord {
        let settings = try WireJSON.string(info.settings)
        return try await write { context in
            let db = context.connection
            if try db.first("SELECT 1 FROM apps WHERE app_key = ?", info.appKey) != nil {
                throw ChatError(.invalidParam, "app '\(info.appKey)' already exists")
            }
            try db.query(
                "INSERT INTO apps (app_key, client_id, client_secret, created_at, settings) VALUES (?, ?, ?, ?, ?)",
                info.appKey, info.clientId, info.clientSecret, info.createdAt, settings
            )
            return AppRecord(id: db.lastInsertRowID, info: info)
        }
    }

    func apps() async throws -> [AppRecord] {
        try await read { db in
            try db.query("SELECT id, app_key, client_id, client_secret, created_at, settings FROM apps ORDER BY id").map {
                AppRecord(
                    id: $0.int(0),
                    info: AppInfo(
                        appKey: $0.string(1),
                        clientId: $0.string(2),
                        clientSecret: $0.string(3),
                        createdAt: $0.int(4),
                        settings: try WireJSON.decode(AppSettings.self, from: Data($0.string(5).utf8))
                    )
                )
            }
        }
    }

    func deleteApp(_ app: Int64) async throws {
        try await write { context in
            let db = context.connection
            for table in ["users", "tokens", "sessions", "devices", "events", "user_logs", "messages", "conversations"] {
                try db.query("DELETE FROM \(table) WHERE app = ?", app)
            }
            try db.query("DELETE FROM apps WHERE id = ?", app)
        }
    }

    func updateSettings(_ app: Int64, _ settings: AppSettings) async throws {
        let json = try WireJSON.string(settings)
        try await write { context in
            _ = try context.connection.query("UPDATE apps SET settings = ? WHERE id = ?", json, app)
        }
    }
}

/// How long the event log keeps entries, and how many message entries per user.
enum EventRetention {
    static let maxAgeMilliseconds: Int64 = 7 * 24 * 3_600_000
    static let maxMessagesPerUser: Int64 = 500
}
