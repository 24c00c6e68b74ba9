extension Schema {
    /// Who besides the uploader may download an upload (§4.2: participants of a message that carries it): the
    /// recipients of the messages sent with it, filled in from the messages already stored.
    static let fileReaders = """
        CREATE TABLE file_readers (
            app INTEGER NOT NULL,
            file_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            PRIMARY KEY (app, file_id, user_id)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO file_readers (app, file_id, user_id)
            SELECT app, json_extract(json, '$.body.remotePath'), recipient FROM messages
            WHERE json_extract(json, '$.body.remotePath') IS NOT NULL AND sender <> recipient;
        INSERT OR IGNORE INTO file_readers (app, file_id, user_id)
            SELECT app, json_extract(json, '$.body.thumbnailRemotePath'), recipient FROM messages
            WHERE json_extract(json, '$.body.thumbnailRemotePath') IS NOT NULL AND sender <> recipient;
        """
}
