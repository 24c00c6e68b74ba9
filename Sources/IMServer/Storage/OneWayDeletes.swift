import IMSQLite

/// The SQL that hides a viewer's one-way deleted messages (semantics §4.5) from history and conversation
/// lists: messages before the viewer's `hidden_before` time of the pair, and ids in `hidden_messages`.
enum OneWayDeletes {
    /// A condition on a `messages` row (the table not aliased), with ``values(viewer:)`` bound after it.
    static let visible = """
         AND server_time >= COALESCE((SELECT before_time FROM hidden_before b
             WHERE b.app = messages.app AND b.owner = ? AND b.pair = messages.pair), 0)
         AND NOT EXISTS (SELECT 1 FROM hidden_messages h WHERE h.app = messages.app AND h.owner = ? AND h.msg_id = messages.msg_id)
        """

    /// The values ``visible`` binds.
    static func values(viewer: String) -> [any SQLBindable] { [viewer, viewer] }

    /// The pair key of a one-to-one conversation (as `messages.pair`).
    static func pair(_ a: String, _ b: String) -> String { a < b ? a + "|" + b : b + "|" + a }
}
