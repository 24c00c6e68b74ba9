extension Schema {
    /// Attachment uploads (§3.3, §8.1): one row per upload; the bytes live content-addressed under
    /// `<data>/files/<sha256>`, shared by uploads of equal content. `expired` rows keep answering 407.
    static let files = """
        CREATE TABLE files (
            id TEXT PRIMARY KEY,
            app INTEGER NOT NULL,
            owner TEXT NOT NULL,
            secret TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            uploaded_at INTEGER NOT NULL,
            width INTEGER,
            height INTEGER,
            thumbnail_id TEXT,
            expired INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX files_by_age ON files (app, expired, uploaded_at);
        CREATE INDEX files_by_content ON files (sha256);
        """
}
