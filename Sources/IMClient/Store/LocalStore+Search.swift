import IMCore
import IMSQLite

extension LocalStore {
    /// Messages of every conversation matching `options`, in its direction's order. Keywords of three or
    /// more characters use the FTS5 trigram index; shorter ones (which have no trigram) scan with `LIKE`.
    func search(_ options: MessageSearchOptions) throws(ChatError) -> [Message] {
        guard MessageSearchOptions.countRange.contains(options.count) else {
            throw ChatError(.invalidParam, "count must be 1 to 400")
        }
        var sql = "SELECT m.json FROM messages m WHERE 1 = 1"
        var values: [any SQLBindable] = []
        if let keyword = options.keyword, !keyword.isEmpty {
            if keyword.unicodeScalars.count >= 3 {
                sql += " AND m.rowid IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)"
                values.append("\"" + keyword.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"")
            } else {
                sql += " AND m.searchText LIKE ? ESCAPE '\\'"
                values.append("%" + Self.likeEscaped(keyword) + "%")
            }
        }
        if let types = options.types, !types.isEmpty {
            sql += " AND m.bodyType IN (\(types.map { _ in "?" }.joined(separator: ", ")))"
            values += types.map(\.rawValue)
        }
        if let from = options.from {
            sql += " AND m.sender = ?"
            values.append(from.lowercased())
        }
        let up = options.direction == .up
        if options.ts >= 0 {
            sql += up ? " AND m.serverTime <= ?" : " AND m.serverTime >= ?"
            values.append(options.ts)
        }
        sql += up ? " ORDER BY m.serverTime DESC, m.msgId DESC LIMIT ?" : " ORDER BY m.serverTime, m.msgId LIMIT ?"
        values.append(options.count)
        let query = sql
        let bound = values
        return try read { try self.connection.query(query, values: bound).map { try Self.decode(Message.self, $0.string(0)) } }
    }

    private static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
