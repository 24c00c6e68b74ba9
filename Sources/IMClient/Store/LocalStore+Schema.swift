import IMSQLite

extension LocalStore {
    /// The store's schema migrations (IMSQLite ``Migrator``); append only.
    static let migrations: [String] = [
        """
        CREATE TABLE messages (
            msgId TEXT PRIMARY KEY,
            conversationId TEXT NOT NULL,
            chatType TEXT NOT NULL,
            serverTime INTEGER NOT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX messages_by_conversation ON messages (conversationId, chatType, serverTime);
        CREATE TABLE conversations (
            conversationId TEXT NOT NULL,
            type TEXT NOT NULL,
            unreadCount INTEGER NOT NULL DEFAULT 0,
            isChatThread INTEGER NOT NULL DEFAULT 0,
            ext TEXT NOT NULL DEFAULT '{}',
            latestTime INTEGER NOT NULL DEFAULT 0,
            latestMessage TEXT,
            lastReceivedTime INTEGER NOT NULL DEFAULT 0,
            lastReceivedMessage TEXT,
            PRIMARY KEY (conversationId, type)
        );
        CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
        // 2: search columns, the time index and the full-text index (FTS5, trigram: substring matches).
        """
        ALTER TABLE messages ADD COLUMN sender TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN bodyType TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN searchText TEXT NOT NULL DEFAULT '';
        UPDATE messages SET sender = COALESCE(json_extract(json, '$.from'), ''),
            bodyType = COALESCE(json_extract(json, '$.body.type'), ''),
            searchText = COALESCE(json_extract(json, '$.body.content'), json_extract(json, '$.body.displayName'), '');
        CREATE INDEX messages_by_time ON messages (serverTime, msgId);
        CREATE INDEX messages_by_sender ON messages (sender, serverTime);
        CREATE VIRTUAL TABLE messages_fts USING fts5(searchText, tokenize = 'trigram');
        INSERT INTO messages_fts (rowid, searchText) SELECT rowid, searchText FROM messages WHERE searchText <> '';
        CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.searchText <> '' BEGIN
            INSERT INTO messages_fts (rowid, searchText) VALUES (new.rowid, new.searchText);
        END;
        CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
            DELETE FROM messages_fts WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER messages_fts_update AFTER UPDATE OF searchText ON messages BEGIN
            DELETE FROM messages_fts WHERE rowid = old.rowid;
            INSERT INTO messages_fts (rowid, searchText) SELECT new.rowid, new.searchText WHERE new.searchText <> '';
        END;
        """,
        // 3: the server time up to which the unread count is the server's (`conv fetch`): a received message at or
        // before it is already counted.
        """
        ALTER TABLE conversations ADD COLUMN unreadCountedThrough INTEGER NOT NULL DEFAULT 0;
        """,
        // 4: the event cursor up to which the unread count is the server's (`conv fetch`): an event at or before it
        // (a receive, a recall, a read on another device, a delete) is already reflected in the count. Replaces 3,
        // which went by message time and so could not tell a recall before the fetch from one after it.
        """
        ALTER TABLE conversations DROP COLUMN unreadCountedThrough;
        ALTER TABLE conversations ADD COLUMN unreadCountedThroughSeq INTEGER NOT NULL DEFAULT 0;
        """,
    ]
}
