/// Applies numbered schema migrations once each, recording the version in `PRAGMA user_version`.
public struct Migrator {
    /// SQL scripts; migration N (1-based) is `migrations[N-1]`. Append only: never edit a shipped one.
    public let migrations: [String]

    public init(_ migrations: [String]) { self.migrations = migrations }

    /// Brings the database to the newest version, each step in its own transaction.
    public func migrate(_ connection: Connection) throws {
        let current = Int(try connection.first("PRAGMA user_version")?.int(0) ?? 0)
        guard current <= migrations.count else {
            throw SQLiteError(code: 1, message: "database schema version \(current) is newer than this program (\(migrations.count))")
        }
        for version in current..<migrations.count {
            try connection.transaction {
                // Another process may have applied this step while we waited for the write lock.
                guard try connection.first("PRAGMA user_version")?.int(0) == Int64(version) else { return }
                try connection.execute(migrations[version])
                try connection.execute("PRAGMA user_version = \(version + 1)")
            }
        }
    }
}
