import IMCore

extension MessageBuilder {
    /// The options that attach a local file, and the body type each makes.
    static let attachmentOptions: [(option: String, type: BodyType)] = [("image", .image), ("voice", .voice), ("video", .video), ("file", .file)]

    /// The file body `--image`, `--voice`, `--video` or `--file` asks for, nil when none is given. The file is
    /// uploaded by `sendMessage` (from `localPath`), streamed from disk.
    static func attachmentBody(_ invocation: Invocation) throws(UsageError) -> MessageBody? {
        let given = attachmentOptions.filter { invocation.value($0.option) != nil }
        guard let chosen = given.first else { return nil }
        let (option, type) = chosen
        guard given.count == 1, invocation.value("type") == nil else {
            throw .other("give one of --image, --voice, --video or --file, and no --type")
        }
        let path = invocation.value(option)!
        try requireReadableRegularFile(path, option: "--\(option)")
        if let thumbnail = invocation.value("thumbnail") { try requireReadableRegularFile(thumbnail, option: "--thumbnail") }
        if type == .image, let magic = leadingBytes(ofFileAt: path, count: ImageFormat.magicLength), ImageFormat(magic: magic) == nil {
            throw .invalidValue(
                option: "--image", value: path,
                reason: "not an image (JPEG, PNG, GIF, WebP, BMP, TIFF, HEIF or AVIF); send other files with --file")
        }
        var body = FileBody(displayName: invocation.value("display-name") ?? String(path.split(separator: "/").last ?? Substring(path)))
        body.localPath = path
        body.thumbnailLocalPath = invocation.value("thumbnail")
        body.duration = try count(invocation, "duration")
        body.width = try count(invocation, "width")
        body.height = try count(invocation, "height")
        return switch type {
        case .image: .image(body)
        case .voice: .voice(body)
        case .video: .video(body)
        default: .file(body)
        }
    }

    /// The combined body `--combine ID,ID…` asks for, nil without it; its messages come from the local store.
    static func combineBody(_ invocation: Invocation) throws(UsageError) -> MessageBody? {
        guard let list = invocation.value("combine") else { return nil }
        guard invocation.value("type") == nil, attachmentOptions.allSatisfy({ invocation.value($0.option) == nil }) else {
            throw .other("--combine takes no --type, --image, --voice, --video or --file")
        }
        let ids = list.split(separator: ",").map { String($0) }
        return .combine(CombineBody(
            messageIdList: ids, title: invocation.value("title"), summary: invocation.value("summary"),
            compatibleText: invocation.value("compatible-text")))
    }

    private static func count(_ invocation: Invocation, _ name: String) throws(UsageError) -> Int? {
        guard let text = invocation.value(name) else { return nil }
        guard let value = Int(text), value >= 0 else { throw .invalidValue(option: "--\(name)", value: text, reason: "expected a whole number ≥ 0") }
        return value
    }
}

extension Option {
    /// The options of `msg send` that attach files.
    static let attachmentOptions: [Option] = [
        Option(long: "image", value: "PATH", help: "Send this image: JPEG, PNG, GIF, WebP, BMP, TIFF, HEIF or AVIF (uploaded first; the server makes a thumbnail).", completion: .file),
        Option(long: "voice", value: "PATH", help: "Send this voice clip (uploaded first).", completion: .file),
        Option(long: "video", value: "PATH", help: "Send this video (uploaded first).", completion: .file),
        Option(long: "file", value: "PATH", help: "Send this file (uploaded first).", completion: .file),
        Option(long: "display-name", value: "NAME", help: "Name shown for the attachment (default: the file's name)."),
        Option(long: "duration", value: "SECONDS", help: "Length of a voice clip or video."),
        Option(long: "width", value: "PIXELS", help: "Width of a video (images: measured by the server)."),
        Option(long: "height", value: "PIXELS", help: "Height of a video (images: measured by the server)."),
        Option(long: "thumbnail", value: "PATH", help: "Upload this as the thumbnail of an image or video.", completion: .file),
        Option(long: "combine", value: "ID,ID", help: "Send these stored messages combined into one (forward)."),
        Option(long: "title", value: "TEXT", help: "Title of a combined message."),
        Option(long: "summary", value: "TEXT", help: "Summary of a combined message."),
        Option(long: "compatible-text", value: "TEXT", help: "Fallback text of a combined message."),
    ]
}
