/// One upload as the `files` table stores it.
struct FileRecord: Sendable, Hashable {
    var id: String
    var app: Int64
    var owner: String
    var secret: String
    var sha256: String
    var size: Int64
    var uploadedAt: Int64
    var width: Int?
    var height: Int?
    /// The server decoded the upload as a GIF image.
    var isGif = false
    var thumbnailId: String?
    var expired = false

    /// True when the upload is older than `retentionDays` at `now` (§8.1).
    func isPastRetention(days retentionDays: Int, now: Int64) -> Bool {
        expired || now - uploadedAt >= Int64(retentionDays) * 86_400_000
    }
}

/// Storage of upload records; the bytes are the ``FileStore``'s.
protocol FileRecordStore: Sendable {
    /// Inserts an upload and, if any, its server-made thumbnail. (Uploads past retention are expired by the retention
    /// sweep, and on access.)
    func insertUpload(_ file: FileRecord, thumbnail: FileRecord?) async throws
    /// An upload of the app, or nil.
    func upload(_ id: String, app: Int64) async throws -> FileRecord?
    /// Marks one upload expired; returns its content hash if no live upload refers to it any more.
    func expireUpload(_ id: String) async throws -> String?
    /// Whether a message carrying the upload was sent to `user` (the uploader is not asked about).
    func isFileReader(_ id: String, app: Int64, user: String) async throws -> Bool
}
