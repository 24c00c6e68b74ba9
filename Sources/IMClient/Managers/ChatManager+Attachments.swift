import IMCore

extension ChatManager {
    /// Uploads a local file (streamed from disk) and returns how a file body names it: `remotePath`, `secret`,
    /// the stored size and, for images the server could decode, pixel size and server-made thumbnail.
    public func uploadAttachment(localPath: String, progress: TransferProgress? = nil) async throws(ChatError) -> UploadedFile {
        try await core.api().upload(localPath: localPath, progress: progress)
    }

    /// Downloads the attachment of an image, voice, video or file message to `path`, resuming a partial
    /// `<path>.part` left by an interrupted attempt; returns the path. Without `path` it goes to the client's data
    /// directory (``attachmentPath(for:thumbnail:)``). 403 wrong secret, 407 expired, 400 no such upload.
    public func downloadAttachment(_ message: Message, to path: String? = nil, progress: TransferProgress? = nil) async throws(ChatError) -> String {
        let body = try Self.fileBody(of: message)
        guard let remotePath = body.remotePath, let secret = body.secret else {
            throw ChatError(.fileNotFound, "message '\(message.msgId)' names no uploaded attachment")
        }
        return try await download(message, thumbnail: false, from: remotePath, secret: secret, to: path, progress: progress)
    }

    /// Downloads the thumbnail of an image or video message to `path` (resumable, and by default in the data
    /// directory, like ``downloadAttachment(_:to:progress:)``); 400 when the message has none.
    public func downloadThumbnail(_ message: Message, to path: String? = nil, progress: TransferProgress? = nil) async throws(ChatError) -> String {
        let body = try Self.fileBody(of: message)
        guard let remotePath = body.thumbnailRemotePath, let secret = body.thumbnailSecret else {
            throw ChatError(.fileNotFound, "message '\(message.msgId)' has no thumbnail")
        }
        return try await download(message, thumbnail: true, from: remotePath, secret: secret, to: path, progress: progress)
    }

    /// Where a download goes by default: `<dataDirectory>/files/<msgId>/<name>`, the thumbnail as `thumb-<name>`, with
    /// `<name>` the last component of the attachment's `displayName` (the message ID when that is empty, `.` or `..`).
    /// Creates the directories (0700).
    public func attachmentPath(for message: Message, thumbnail: Bool) throws(ChatError) -> String {
        try Validation.msgId(message.msgId)
        let directory = core.options.dataDirectory + "/files/" + message.msgId
        try SecureFile.makeDirectory(directory)
        return directory + "/" + Self.attachmentFileName(for: message, thumbnail: thumbnail)
    }

    /// The file name a download of the message's attachment gets: the last component of its `displayName` (the message
    /// ID when that is empty, `.` or `..`), with `thumb-` before it for the thumbnail.
    public static func attachmentFileName(for message: Message, thumbnail: Bool) -> String {
        let last = message.body.fileBody?.displayName.split(separator: "/").last.map(String.init) ?? ""
        let name = ["", ".", ".."].contains(last) ? message.msgId : last
        return thumbnail ? "thumb-" + name : name
    }

    /// Uploads what a file body still has only locally — `localPath` without `remotePath`, and a client-made
    /// thumbnail (`thumbnailLocalPath` without `thumbnailRemotePath`) — and fills in the remote fields. A combined
    /// body without `remotePath` uploads its messages from the local store.
    func uploadingAttachments(_ message: Message, progress: TransferProgress?) async throws(ChatError) -> Message {
        var message = message
        if case .combine(let combine) = message.body { message.body = .combine(try await uploadingCombined(combine)) }
        guard var body = message.body.fileBody else { return message }
        if body.remotePath == nil, let localPath = body.localPath {
            let upload = try await uploadAttachment(localPath: localPath, progress: progress)
            // The size, and an image's pixel size and isGif, are filled by the server at send, from the upload.
            (body.remotePath, body.secret) = (upload.remotePath, upload.secret)
        }
        if body.thumbnailRemotePath == nil, let thumbnailPath = body.thumbnailLocalPath {
            let upload = try await uploadAttachment(localPath: thumbnailPath, progress: nil)
            (body.thumbnailRemotePath, body.thumbnailSecret) = (upload.remotePath, upload.secret)
        }
        message.body = message.body.replacingFileBody(body)
        return message
    }

    /// One upload downloaded to `path`, else to ``attachmentPath(for:thumbnail:)``.
    private func download(
        _ message: Message, thumbnail: Bool, from remotePath: String, secret: String, to path: String?, progress: TransferProgress?
    ) async throws(ChatError) -> String {
        let destination: String
        if let path { destination = path } else { destination = try attachmentPath(for: message, thumbnail: thumbnail) }
        return try await AttachmentDownload(api: core.api(), remotePath: remotePath, secret: secret).run(to: destination, progress: progress)
    }

    private static func fileBody(of message: Message) throws(ChatError) -> FileBody {
        guard let body = message.body.fileBody else {
            throw ChatError(.invalidParam, "message '\(message.msgId)' is a \(message.body.type.rawValue) message, not an attachment")
        }
        return body
    }
}
