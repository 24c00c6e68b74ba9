extension Schema {
    /// What a repeated send needs to answer like the first one (§4.2): the cursor that preceded the original write,
    /// and the IDs used by messages the `messages` table does not hold: recalled ones (which stay used) and
    /// `deliverOnlineOnly` ones (kept as long as the event log).
    static let sendReplays = """
        ALTER TABLE messages ADD COLUMN send_cursor INTEGER;
        CREATE TABLE unstored_msg_ids (
            app INTEGER NOT NULL,
            msg_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            json TEXT,
            send_cursor INTEGER,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (app, msg_id)
        ) WITHOUT ROWID;
        """
}
