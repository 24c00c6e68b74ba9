extension Route {
    /// `POST /v1/files`: the raw bytes of one attachment (or a client-made thumbnail); answers ``UploadedFile``.
    public static let uploadFile = Route("POST", "/v1/files")
    /// `GET /v1/files/{remotePath}`: the bytes of an upload, with ``Header/fileSecret``; honours `Range`.
    public static let downloadFile = Route("GET", "/v1/files/{remotePath}")

    /// The attachment routes.
    public static let fileRoutes: [Route] = [uploadFile, downloadFile]
}

extension Header {
    /// The per-file secret of a download (the body's `secret` or `thumbnailSecret`).
    public static let fileSecret = "X-IM-File-Secret"
}

/// The answer to `POST /v1/files`: what a file body names the upload by, plus what the server learnt from it.
public struct UploadedFile: Sendable, Hashable, Codable {
    /// The upload's ID; goes into the body's `remotePath` (or `thumbnailRemotePath`).
    public var remotePath: String
    /// The per-file secret a download must present; goes into `secret` (or `thumbnailSecret`).
    public var secret: String
    /// The stored size in bytes.
    public var fileSize: Int64
    /// Pixel size, when the server could decode the upload as an image.
    public var width: Int?
    public var height: Int?
    /// Whether that image is a GIF; nil when the upload is no image the server could decode.
    public var isGif: Bool?
    /// The thumbnail the server made of an image upload, if it could.
    public var thumbnailRemotePath: String?
    public var thumbnailSecret: String?

    public init(remotePath: String, secret: String, fileSize: Int64) {
        self.remotePath = remotePath
        self.secret = secret
        self.fileSize = fileSize
    }
}
