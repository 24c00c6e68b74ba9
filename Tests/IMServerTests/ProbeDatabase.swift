import IMSQLite

/// A separate connection to the server's database, to check what is committed.
struct ProbeDatabase {
    let connection: Connection

    init(path: String) throws {
        connection = try Connection(path: path)
    }

    /// The integer result of a COUNT query.
    func count(_ sql: String) throws -> Int64 {
        try connection.first(sql)?.int(0) ?? -1
    }
}
