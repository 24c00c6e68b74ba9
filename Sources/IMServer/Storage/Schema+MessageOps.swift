extension Schema {
    /// Reactions, pins and reports (semantics §4.4). Read receipts and edits live in the message JSON.
    static let messageOps = """
        CREATE TABLE reactions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app INTEGER NOT NULL,
            msg_id TEXT NOT NULL,
            reaction TEXT NOT NULL,
            user_id TEXT NOT NULL,
            time INTEGER NOT NULL,
            UNIQUE (app, msg_id, reaction, user_id)
        );
        CREATE INDEX reactions_by_message ON reactions (app, msg_id, reaction, id);
        CREATE TABLE pins (
            app INTEGER NOT NULL,
            msg_id TEXT NOT NULL,
            conversation TEXT NOT NULL,
            pin_time INTEGER NOT NULL,
            operator_id TEXT NOT NULL,
            UNIQUE (app, msg_id)
        );
        CREATE INDEX pins_by_conversation ON pins (app, conversation, pin_time);
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app INTEGER NOT NULL,
            msg_id TEXT NOT NULL,
            reporter TEXT NOT NULL,
            tag TEXT NOT NULL,
            reason TEXT NOT NULL,
            time INTEGER NOT NULL,
            message TEXT NOT NULL
        );
        CREATE INDEX reports_by_app ON reports (app, id);
        """
}
