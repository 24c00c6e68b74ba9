import IMCore

extension PageCursor {
    /// Reaction-detail position after the reaction row `id` of message `msgId`.
    static func reactionDetail(id: Int64, msgId: String) -> String {
        "r.\(id).\(msgId)"
    }

    /// Parses a reaction-detail cursor; one issued for another message → 110.
    static func parseReactionDetail(_ raw: String, msgId: String) throws(ChatError) -> Int64 {
        let (id, key) = try parse(raw, prefix: "r")
        guard key == msgId else { throw ChatError(.invalidParam, "cursor '\(raw)' was not issued for this message") }
        return id
    }
}
