extension Schema {
    /// Fewer pages written per send: the event log keeps one per-user index. The message cap walks it (a user's oldest
    /// entries come first) and the 7-day sweep walks the log in `seq` order, which is time order.
    static let version2 = """
        DROP INDEX events_messages_by_user;
        DROP INDEX events_by_time;
        """
}
