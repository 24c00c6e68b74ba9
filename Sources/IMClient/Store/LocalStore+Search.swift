import IMCore
import IMSQLite

extension LocalStore {
    /// Above this many full-text matches a keyword counts as common (see ``search(_:)``).
    static let commonKeywordMatches = 1_000

    /// Messages of every conversation matching `options`, in its direction's order.
    ///
    /// A keyword of three or more characters that matches few messages is looked up in the FTS5 trigram
    /// index and only its matches are sorted. A common one (``commonKeywordMatches`` or more) and a shorter
    /// one (which has no trigram) are found by walking the time index and testing each message's text with
    /// `LIKE`, which stops as soon as `count` results are found: sorting thousands of index matches would cost
    /// more. Both find the keyword anywhere in the text, case-insensitively (`LIKE` folds ASCII only).
    func search(_ options: MessageSearchOptions) throws(ChatError) -> [Message] {
        guard MessageSearchOptions.countRange.contains(options.count) else {
            throw ChatError(.invalidParam, "count must be 1 to 400")
        }
        var sql = "SELECT m.json FROM messages m"
        var filter = " WHERE 1 = 1"
        var values: [any SQLBindable] = []
        if let keyword = options.keyword, !keyword.isEmpty {
            let phrase = "\"" + keyword.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
            if keyword.unicodeScalars.count >= 3, try !isCommon(phrase) {
                filter += " AND m.rowid IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)"
                values.append(phrase)
            } else {
                if options.from == nil { sql += " INDEXED BY messages_by_time" }  // with a sender, its index is narrower
                filter += " AND m.searchText LIKE ? ESCAPE '\\'"
                values.append("%" + Self.likeEscaped(keyword) + "%")
            }
        }
        sql += filter
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

    /// True when the full-text phrase matches at least ``commonKeywordMatches`` messages.
    private func isCommon(_ phrase: String) throws(ChatError) -> Bool {
        let matches = try read {
            try self.connection.first(
                "SELECT COUNT(*) FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? LIMIT ?)", phrase, Self.commonKeywordMatches)?.int(0) ?? 0
        }
        return matches >= Self.commonKeywordMatches
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
