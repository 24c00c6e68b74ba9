import IMCore

/// Checks the attachment of a file-type body at send (§3.3): `remotePath`/`secret` must name a live upload by
/// the sender (400; expired → 407), and so must a client-made thumbnail. Fills what the server knows — the
/// stored size, an image's pixel size and `isGif`, and the server-made thumbnail — and drops the client-local fields.
struct AttachmentResolver {
    let store: any FileRecordStore
    let app: AppRecord

    func resolved(_ message: Message) async throws -> Message {
        var message = message
        if let body = message.body.fileBody {
            message.body = message.body.replacingFileBody(try await resolved(body, sender: message.from, isImage: message.body.type == .image))
        } else if case .combine(var combine) = message.body {
            _ = try await liveUpload(combine.remotePath, secret: combine.secret, sender: message.from)
            combine.localPath = nil
            message.body = .combine(combine)
        }
        return message
    }

    /// Images get the upload's pixel size and the server-made thumbnail (unless the client uploaded its own).
    private func resolved(_ body: FileBody, sender: String, isImage: Bool) async throws -> FileBody {
        var body = body
        let upload = try await liveUpload(body.remotePath, secret: body.secret, sender: sender)
        body.fileSize = upload.size
        if body.thumbnailRemotePath != nil {
            _ = try await liveUpload(body.thumbnailRemotePath, secret: body.thumbnailSecret, sender: sender)
        }
        if isImage {
            if upload.width != nil { (body.width, body.height, body.isGif) = (upload.width, upload.height, upload.isGif) }
            if body.thumbnailRemotePath == nil, let thumbnailId = upload.thumbnailId,
                let thumbnail = try await store.upload(thumbnailId, app: app.id)
            {
                (body.thumbnailRemotePath, body.thumbnailSecret) = (thumbnail.id, thumbnail.secret)
            }
        }
        (body.localPath, body.thumbnailLocalPath, body.fileStatus, body.thumbnailStatus) = (nil, nil, nil, nil)
        return body
    }

    private func liveUpload(_ remotePath: String?, secret: String?, sender: String) async throws -> FileRecord {
        guard let remotePath, let upload = try await store.upload(remotePath, app: app.id), upload.owner == sender,
            upload.secret == secret
        else { throw ChatError(.fileNotFound, "'\(remotePath ?? "")' with that secret names no upload of '\(sender)'") }
        if upload.isPastRetention(days: app.settings.fileRetentionDays, now: WallClock.milliseconds()) {
            throw ChatError(.fileIsExpired, "the upload '\(remotePath)' has expired")
        }
        return upload
    }
}
