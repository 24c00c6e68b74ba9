import CIMSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// One SQLite database connection, in WAL mode with a busy timeout, keeping its temporary storage (savepoint journals,
/// sorts) in memory: a batch of savepoints would otherwise spill its journal to a file under /var/tmp, written, truncated
/// and deleted again and again. Not Sendable: one owner (an actor, a queue or a task) uses it at a time. Statements are
/// cached by SQL text.
///
/// Related SQLite documentation: https://www.sqlite.org/c3ref/open.html, https://www.sqlite.org/wal.html
public final class Connection {
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    private let walFrames = UnsafeMutablePointer<Int32>.allocate(capacity: 1)

    /// How durable a commit is: `full` survives power loss and `kill -9`, `normal` may lose the last commits
    /// on power loss (never on a process crash) in WAL mode.
    public enum Synchronous: String, Sendable { case full = "FULL", normal = "NORMAL" }

    /// Opens (creating when needed) the database at `path`; `:memory:` for a private in-memory one.
    public init(path: String, synchronous: Synchronous = .full, busyTimeoutMilliseconds: Int32 = 5_000) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: code, message: message)
        }
        handle = db
        walFrames.initialize(to: 0)
        imsqlite_busy_timeout(db, busyTimeoutMilliseconds)
        try enterWriteAheadLogMode(retryingFor: busyTimeoutMilliseconds)
        try execute("PRAGMA synchronous=\(synchronous.rawValue)")
        try execute("PRAGMA foreign_keys=ON")
        try execute("PRAGMA temp_store=MEMORY")
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
        walFrames.deallocate()
    }

    /// Turns off automatic checkpoints and counts the WAL's frames instead (``writeAheadLogFrames``), for a writer
    /// whose checkpoints run on another connection.
    public func countWriteAheadLogFrames() {
        imsqlite_count_wal_frames(handle, walFrames)
    }

    /// The WAL's size in frames after this connection's last commit (see ``countWriteAheadLogFrames()``).
    public var writeAheadLogFrames: Int { Int(walFrames.pointee) }

    /// Frees the part of this connection's page cache that no running statement holds, for an idle owner to hand back.
    public func releaseMemory() {
        sqlite3_db_release_memory(handle)
    }

    /// The bytes this connection's page cache holds now.
    public var pageCacheBytes: Int {
        var current: Int32 = 0
        var highest: Int32 = 0
        sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0)
        return Int(current)
    }

    /// Copies committed WAL frames into the database without waiting for readers or blocking the writer.
    public func checkpointPassively() throws(SQLiteError) {
        try execute("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// Switching a new database to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once, without its busy
    /// handler, when another connection is opening the same new file: retry until the busy timeout.
    private func enterWriteAheadLogMode(retryingFor milliseconds: Int32) throws(SQLiteError) {
        var waited: Int32 = 0
        while true {
            do {
                return try execute("PRAGMA journal_mode=WAL")
            } catch where error.code == SQLITE_BUSY && waited < milliseconds {
                usleep(2_000)
                waited += 2
            }
        }
    }

    /// Keeps the WAL file when this connection closes and skips the checkpoint SQLite would run then, so a short-lived
    /// process (one `imctl` command) neither checkpoints nor re-creates the WAL — each costs fsyncs. Automatic
    /// checkpoints are off: each new process rebuilds the WAL index by reading every frame, and that rebuild forgets
    /// what was checkpointed, so SQLite's automatic checkpoints would copy the whole WAL again after every commit and
    /// never restart it. Call ``truncateWriteAheadLog(ifLargerThan:)`` after writes instead.
    ///
    /// Related SQLite documentation: https://www.sqlite.org/c3ref/c_dbconfig_defensive.html#sqlitedbconfignockptonclose,
    /// https://www.sqlite.org/wal.html#ckpt
    public func keepWriteAheadLogOnClose() throws(SQLiteError) {
        imsqlite_no_checkpoint_on_close(handle)
        var persist: Int32 = 1
        sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        try execute("PRAGMA wal_autocheckpoint=0")
    }

    /// Checkpoints the WAL into the database and empties it once the WAL file is larger than `bytes`, so the next
    /// process reads a short WAL when it opens the database. Does nothing for an in-memory database.
    public func truncateWriteAheadLog(ifLargerThan bytes: Int) throws(SQLiteError) {
        guard let name = sqlite3_db_filename(handle, "main"), name.pointee != 0 else { return }
        var info = stat()
        guard stat(String(cString: name) + "-wal", &info) == 0, Int(info.st_size) > bytes else { return }
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Runs one or more statements that return no rows the caller needs.
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text, sql: sql)
        }
    }

    /// The cached prepared statement for `sql`.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = cache[sql] { return statement }
        let statement = try Statement(connection: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// Runs a statement with parameters and returns its rows.
    @discardableResult
    public func query(_ sql: String, _ values: any SQLBindable...) throws(SQLiteError) -> [Row] {
        try prepare(sql).rows(values)
    }

    /// Runs a statement with parameters and returns its first row, if any.
    public func first(_ sql: String, _ values: any SQLBindable...) throws(SQLiteError) -> Row? {
        try prepare(sql).rows(values).first
    }

    /// Runs a statement with an array of parameters.
    @discardableResult
    public func query(_ sql: String, values: [any SQLBindable]) throws(SQLiteError) -> [Row] {
        try prepare(sql).rows(values)
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs a statement without parameters or rows, prepared once (transaction control on a hot path).
    public func run(_ sql: String) throws(SQLiteError) {
        try prepare(sql).run()
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`, rolling back when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `body` in one deferred (read) transaction, so that all its statements see the same snapshot.
    public func snapshot<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    /// Runs `body` inside a savepoint, so a failure undoes only its own changes within a larger transaction.
    @discardableResult
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try run("SAVEPOINT im_item")
        do {
            let result = try body()
            try run("RELEASE im_item")
            return result
        } catch {
            try? run("ROLLBACK TO im_item")
            try? run("RELEASE im_item")
            throw error
        }
    }

    func error(_ code: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
