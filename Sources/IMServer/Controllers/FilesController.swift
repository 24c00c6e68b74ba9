import HTTPTypes
import Hummingbird
import IMCore
import NIOCore

/// Attachment upload and download (§3.3, §4.2, §8.1): streamed to and from disk, size limit (405), per-file
/// secret (403), retention (407), HTTP Range (206).
struct FilesController {
    let state: ServerState
    let files: FileStore

    init(state: ServerState) {
        self.state = state
        files = FileStore(dataDirectory: state.configuration.dataDirectory)
    }

    /// `POST /v1/files`: the raw bytes of one file. A declared `Content-Length` over `maxFileBytes` is refused
    /// before any byte is read; without one the upload stops as soon as it crosses the limit. Images get a
    /// server-made thumbnail and their pixel size.
    func upload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let settings = call.app.settings
        if let declared = request.headers[.contentLength].flatMap({ Int64($0) }) {
            if declared > settings.maxFileBytes { throw UploadMeter.tooLarge(limit: settings.maxFileBytes) }
            if declared == 0 { throw Self.emptyUpload }
        }
        let meter = UploadMeter(limit: settings.maxFileBytes)
        let sha = try await files.receive(request.body, meter: meter, context: context)
        guard meter.count > 0 else {
            files.removeContent([sha])
            throw Self.emptyUpload
        }
        let now = WallClock.milliseconds()
        let owner = call.session.userId
        var file = FileRecord(
            id: Secrets.randomHex(32), app: call.app.id, owner: owner, secret: Secrets.randomToken(bytes: 16), sha256: sha,
            size: meter.count, uploadedAt: now
        )
        var thumbnailFile: FileRecord?
        if let thumbnail = Thumbnailer.make(fromFileAt: files.path(ofContent: sha)) {
            let thumbnailSha = try await files.store(thumbnail.bytes, context: context)
            let record = FileRecord(
                id: Secrets.randomHex(32), app: call.app.id, owner: owner, secret: Secrets.randomToken(bytes: 16),
                sha256: thumbnailSha, size: Int64(thumbnail.bytes.count), uploadedAt: now
            )
            (file.width, file.height, file.isGif) = (thumbnail.width, thumbnail.height, thumbnail.isGif)
            (file.thumbnailId, thumbnailFile) = (record.id, record)
        }
        try await state.store.insertUpload(file, thumbnail: thumbnailFile)
        var answer = UploadedFile(remotePath: file.id, secret: file.secret, fileSize: file.size)
        (answer.width, answer.height, answer.isGif) = (file.width, file.height, file.width.map { _ in file.isGif })
        (answer.thumbnailRemotePath, answer.thumbnailSecret) = (thumbnailFile?.id, thumbnailFile?.secret)
        return try APIResponse.json(answer)
    }

    /// `GET /v1/files/{remotePath}` with the file's secret: the bytes, streamed from disk; a single `Range`
    /// answers 206 with `Content-Range`.
    func download(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let call = try await state.userCall(request)
        let id = context.pathValue("remotePath")
        guard let file = try await state.store.upload(id, app: call.app.id) else {
            throw ChatError(.fileNotFound, "no file '\(id)'")
        }
        guard request.header(Header.fileSecret) == file.secret else {
            throw ChatError(.fileDownloadFailed, "wrong or missing file secret")
        }
        let caller = call.session.userId
        if file.owner != caller, try await !state.store.isFileReader(id, app: call.app.id, user: caller) {
            throw ChatError(.fileDownloadFailed, "only the participants of a message that carries the file may download it")
        }
        if file.isPastRetention(days: call.app.settings.fileRetentionDays, now: WallClock.milliseconds()) {
            if let orphaned = try await state.store.expireUpload(id) { files.removeContent([orphaned]) }
            throw ChatError(.fileIsExpired, "the file has expired (older than the app's fileRetentionDays, or its message was recalled) and was deleted")
        }
        var headers: HTTPFields = [.contentType: "application/octet-stream", .acceptRanges: "bytes"]
        let path = files.path(ofContent: file.sha256)
        switch ByteRange.parse(request.headers[.range], size: file.size) {
        case nil:
            let body = try await FileIO().loadFile(path: path, context: context)
            return Response(status: .ok, headers: headers, body: body)
        case .success(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(file.size)"
            let body = try await FileIO().loadFile(path: path, range: Int(range.lowerBound)...Int(range.upperBound), context: context)
            return Response(status: .partialContent, headers: headers, body: body)
        case .failure:
            var response = try APIResponse.json(
                APIErrorBody(error: ChatError(.invalidParam, "the range starts beyond the file's \(file.size) bytes")),
                status: .rangeNotSatisfiable
            )
            response.headers[.contentRange] = "bytes */\(file.size)"
            return response
        }
    }

    private static let emptyUpload = ChatError(.fileInvalid, "the upload is empty")
}
