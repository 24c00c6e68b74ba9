extension Schema {
    /// Whether an upload the server decoded as an image is a GIF (§3.3 `isGif`).
    static let gifUploads = """
        ALTER TABLE files ADD COLUMN is_gif INTEGER NOT NULL DEFAULT 0;
        """
}
