/// A combined (forwarded) body: several messages sent as one. Their JSON is an uploaded file (`remotePath`,
/// `secret`, like an attachment); `title`, `summary` and `compatibleText` are what a list shows.
public struct CombineBody: Sendable, Hashable, Codable {
    /// The IDs of the combined messages, 1–300.
    public var messageIdList: [String]
    public var title: String?
    public var summary: String?
    /// Text for clients that cannot show a combined message.
    public var compatibleText: String?
    /// The upload holding the messages as a JSON array.
    public var remotePath: String?
    public var secret: String?
    /// Client-local: the file before upload (never stored by the server).
    public var localPath: String?
    /// Edits (attributes only for this type), set by the server; absent until the first edit.
    public var modifyCount: Int?
    public var lastModifyOperatorId: String?
    public var lastModifyTime: Int64?

    /// The most messages one combined message carries.
    public static let maxMessages = 300

    public init(messageIdList: [String], title: String? = nil, summary: String? = nil, compatibleText: String? = nil) {
        self.messageIdList = messageIdList
        self.title = title
        self.summary = summary
        self.compatibleText = compatibleText
    }
}
