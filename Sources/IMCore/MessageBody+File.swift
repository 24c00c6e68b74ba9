extension MessageBody {
    /// The attachment fields of an image, voice, video or file body; nil for other types.
    public var fileBody: FileBody? {
        switch self {
        case .image(let body), .voice(let body), .video(let body), .file(let body): body
        default: nil
        }
    }

    /// The uploads a body names: an attachment and its thumbnail, or the file of a combined message.
    public var remotePaths: [String] {
        if case .combine(let combine) = self { return combine.remotePath.map { [$0] } ?? [] }
        return [fileBody?.remotePath, fileBody?.thumbnailRemotePath].compactMap { $0 }
    }

    /// The same type of body with other attachment fields; other types are returned unchanged.
    public func replacingFileBody(_ body: FileBody) -> MessageBody {
        switch self {
        case .image: .image(body)
        case .voice: .voice(body)
        case .video: .video(body)
        case .file: .file(body)
        default: self
        }
    }
}
