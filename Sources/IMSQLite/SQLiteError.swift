/// A failed SQLite call: the result code, SQLite's message and the SQL that failed.
///
/// Related SQLite documentation: https://www.sqlite.org/rescode.html
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        if let sql { return "SQLite error \(code): \(message) (in: \(sql))" }
        return "SQLite error \(code): \(message)"
    }

    /// True for SQLITE_CONSTRAINT and its extended codes.
    public var isConstraintViolation: Bool { code & 0xFF == 19 }

    /// True for SQLITE_BUSY and SQLITE_LOCKED.
    public var isBusy: Bool { code & 0xFF == 5 || code & 0xFF == 6 }
}
