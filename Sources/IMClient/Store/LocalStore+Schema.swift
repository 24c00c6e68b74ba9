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
    ]
}
