extension MessageBody {
    /// The attachment fields of an image, voice, video or file body; nil for other types.
    public var fileBody: FileBody? {
        switch self {
        case .image(let body), .voice(let body), .video(let body), .file(let body): body
        default: nil
        }
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
