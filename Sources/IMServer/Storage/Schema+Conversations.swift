extension Schema {
    /// The server conversation list's pins and marks, and one-way message deletes (semantics §4.5).
    static let conversations = """
        ALTER TABLE conversations ADD COLUMN pinned_time INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX conversations_by_pin ON conversations (app, owner, pinned_time, peer);
        CREATE TABLE conversation_marks (
            app INTEGER NOT NULL,
            owner TEXT NOT NULL,
            peer TEXT NOT NULL,
            mark INTEGER NOT NULL,
            marked_at INTEGER NOT NULL,
            PRIMARY KEY (app, owner, peer, mark)
        ) WITHOUT ROWID;
        CREATE INDEX conversation_marks_by_time ON conversation_marks (app, owner, mark, marked_at, peer);
        CREATE TABLE hidden_messages (
            app INTEGER NOT NULL,
            owner TEXT NOT NULL,
            msg_id TEXT NOT NULL,
            PRIMARY KEY (app, owner, msg_id)
        ) WITHOUT ROWID;
        CREATE TABLE hidden_before (
            app INTEGER NOT NULL,
            owner TEXT NOT NULL,
            pair TEXT NOT NULL,
            before_time INTEGER NOT NULL,
            PRIMARY KEY (app, owner, pair)
        ) WITHOUT ROWID;
        """
}
