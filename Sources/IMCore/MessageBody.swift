/// A message body (semantics §3.3), encoded as one JSON object whose `type` names the case.
public enum MessageBody: Sendable, Hashable, Codable {
    case text(TextBody)
    case image(FileBody)
    case voice(FileBody)
    case video(FileBody)
    case file(FileBody)
    case location(LocationBody)
    case custom(CustomBody)
    case cmd(CmdBody)
    case combine(CombineBody)

    /// The body's type.
    public var type: BodyType {
        switch self {
        case .text: .text
        case .image: .image
        case .voice: .voice
        case .video: .video
        case .file: .file
        case .location: .location
        case .custom: .custom
        case .cmd: .cmd
        case .combine: .combine
        }
    }

    /// The text of a text body, nil for other types.
    public var text: String? {
        if case .text(let body) = self { return body.content }
        return nil
    }

    private enum TypeKey: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(BodyType.self, forKey: .type)
        switch type {
        case .text: self = .text(try TextBody(from: decoder))
        case .image: self = .image(try FileBody(from: decoder))
        case .voice: self = .voice(try FileBody(from: decoder))
        case .video: self = .video(try FileBody(from: decoder))
        case .file: self = .file(try FileBody(from: decoder))
        case .location: self = .location(try LocationBody(from: decoder))
        case .custom: self = .custom(try CustomBody(from: decoder))
        case .cmd: self = .cmd(try CmdBody(from: decoder))
        case .combine: self = .combine(try CombineBody(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .text(let body): try body.encode(to: encoder)
        case .image(let body), .voice(let body), .video(let body), .file(let body): try body.encode(to: encoder)
        case .location(let body): try body.encode(to: encoder)
        case .custom(let body): try body.encode(to: encoder)
        case .cmd(let body): try body.encode(to: encoder)
        case .combine(let body): try body.encode(to: encoder)
        }
    }
}

/// A text body.
public struct TextBody: Sendable, Hashable, Codable {
    public var content: String
    public var targetLanguages: [String]?
    public var translations: [String: String]?
    public var modifyCount: Int?
    public var lastModifyOperatorId: String?
    public var lastModifyTime: Int64?

    public init(content: String, targetLanguages: [String]? = nil) {
        self.content = content
        self.targetLanguages = targetLanguages
    }
}

/// The body of an image, voice, video or file message.
public struct FileBody: Sendable, Hashable, Codable {
    public var displayName: String
    public var fileSize: Int64?
    public var remotePath: String?
    public var secret: String?
    public var width: Int?
    public var height: Int?
    public var isGif: Bool?
    public var duration: Int?
    public var thumbnailRemotePath: String?
    public var thumbnailSecret: String?
    public var localPath: String?
    public var thumbnailLocalPath: String?
    public var fileStatus: String?
    public var thumbnailStatus: String?
    public var modifyCount: Int?
    public var lastModifyOperatorId: String?
    public var lastModifyTime: Int64?

    public init(displayName: String, fileSize: Int64? = nil, remotePath: String? = nil, secret: String? = nil) {
        self.displayName = displayName
        self.fileSize = fileSize
        self.remotePath = remotePath
        self.secret = secret
    }
}

/// A location body.
public struct LocationBody: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double
    public var address: String?
    public var buildingName: String?
    public var modifyCount: Int?
    public var lastModifyOperatorId: String?
    public var lastModifyTime: Int64?

    public init(latitude: Double, longitude: Double, address: String? = nil, buildingName: String? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.address = address
        self.buildingName = buildingName
    }
}

/// A custom body: an app-defined event with string parameters.
public struct CustomBody: Sendable, Hashable, Codable {
    public var event: String
    public var params: [String: String]?
    public var modifyCount: Int?
    public var lastModifyOperatorId: String?
    public var lastModifyTime: Int64?

    public init(event: String, params: [String: String]? = nil) {
        self.event = event
        self.params = params
    }
}

/// A command (pass-through) body: delivered, never stored in history.
public struct CmdBody: Sendable, Hashable, Codable {
    public var action: String

    public init(action: String) { self.action = action }
}
