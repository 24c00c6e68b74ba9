import IMSQLite

/// The server's versioned SQLite schema. Append new migrations; never edit a shipped one.
enum Schema {
    static var migrator: Migrator { Migrator([version1, version2, messageOps, files, conversations, gifUploads, sendReplays, fileReaders]) }

    static let version1 = """
        CREATE TABLE apps (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            app_key TEXT NOT NULL UNIQUE,
            client_id TEXT NOT NULL UNIQUE,
            client_secret TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            settings TEXT NOT NULL
        );
        CREATE TABLE users (
            app INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            password_hash TEXT,
            created_at INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (app, user_id)
        ) WITHOUT ROWID;
        CREATE TABLE tokens (
            hash TEXT PRIMARY KEY,
            app INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            issued_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            ttl INTEGER NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX tokens_by_user ON tokens (app, user_id);
        CREATE TABLE sessions (
            resource TEXT PRIMARY KEY,
            app INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            device_uuid TEXT NOT NULL,
            platform TEXT NOT NULL,
            device_name TEXT NOT NULL,
            login_ext TEXT,
            login_time INTEGER NOT NULL,
            token_hash TEXT NOT NULL,
            cursor INTEGER NOT NULL,
            will_expire_sent INTEGER NOT NULL DEFAULT 0,
            end_seq INTEGER
        );
        CREATE INDEX sessions_by_user ON sessions (app, user_id, login_time);
        CREATE TABLE devices (
            app INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            device_uuid TEXT NOT NULL,
            cursor INTEGER NOT NULL,
            PRIMARY KEY (app, user_id, device_uuid)
        ) WITHOUT ROWID;
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            app INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            only_resource TEXT,
            except_resource TEXT,
            type TEXT NOT NULL,
            time INTEGER NOT NULL,
            payload TEXT NOT NULL,
            kind INTEGER NOT NULL DEFAULT 0,
            msg_id TEXT
        );
        CREATE INDEX events_by_user ON events (app, user_id, seq);
        CREATE INDEX events_messages_by_user ON events (app, user_id, kind, seq);
        CREATE INDEX events_by_time ON events (time);
        CREATE TABLE user_logs (
            app INTEGER NOT NULL,
            user_id TEXT NOT NULL,
            floor INTEGER NOT NULL DEFAULT 0,
            message_count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (app, user_id)
        ) WITHOUT ROWID;
        CREATE TABLE messages (
            app INTEGER NOT NULL,
            msg_id TEXT NOT NULL,
            sender TEXT NOT NULL,
            recipient TEXT NOT NULL,
            pair TEXT NOT NULL,
            body_type TEXT NOT NULL,
            server_time INTEGER NOT NULL,
            json TEXT NOT NULL,
            delivered INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (app, msg_id)
        ) WITHOUT ROWID;
        CREATE INDEX messages_by_pair ON messages (app, pair, server_time, msg_id);
        CREATE TABLE conversations (
            app INTEGER NOT NULL,
            owner TEXT NOT NULL,
            peer TEXT NOT NULL,
            chat_type TEXT NOT NULL,
            unread INTEGER NOT NULL DEFAULT 0,
            latest_msg_id TEXT,
            latest_time INTEGER NOT NULL,
            PRIMARY KEY (app, owner, peer)
        ) WITHOUT ROWID;
        CREATE INDEX conversations_by_time ON conversations (app, owner, latest_time, peer);
        """
}
