import IMCore

/// The opaque keyset cursors of the paged lists (§6). Each names its list, so a cursor from another list → 110.
enum PageCursor {
    /// History position after (`time`, `msgId`) in direction up (`u`) or down (`d`).
    static func history(time: Int64, msgId: String, up: Bool) -> String {
        "h\(up ? "u" : "d").\(time).\(msgId)"
    }

    /// Conversation-list position after (`time`, `peer`).
    static func conversations(time: Int64, peer: String) -> String {
        "c.\(time).\(peer)"
    }

    /// Parses a history cursor for the given direction.
    static func parseHistory(_ raw: String, up: Bool) throws(ChatError) -> (time: Int64, msgId: String) {
        let (time, key) = try parse(raw, prefix: up ? "hu" : "hd")
        try Validation.msgId(key)
        return (time, key)
    }

    /// Parses a conversation-list cursor.
    static func parseConversations(_ raw: String) throws(ChatError) -> (time: Int64, peer: String) {
        try parse(raw, prefix: "c")
    }

    static func parse(_ raw: String, prefix: String) throws(ChatError) -> (Int64, String) {
        let parts = raw.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == prefix, let time = Int64(parts[1]), !parts[2].isEmpty else {
            throw ChatError(.invalidParam, "cursor '\(raw)' was not issued for this list")
        }
        return (time, String(parts[2]))
    }
}
