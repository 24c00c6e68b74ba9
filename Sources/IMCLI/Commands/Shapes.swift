import IMClient
import IMCore
/// The documented id field and tsv/table column order of each record type (docs/cli.md).
enum Shapes {
    /// `UserRecord`.
    static let user = Shape(id: "userId", columns: ["userId", "active", "createdAt"])
    /// `AppInfo`.
    static let app = Shape(id: "appKey", columns: ["appKey", "clientId", "createdAt"])
    /// `admin app delete`.
    static let deletedApp = Shape(id: "appKey", columns: ["appKey", "deleted"])
    /// `TokenInfo`.
    static let token = Shape(id: "token", columns: ["userId", "token", "issuedAt", "expiresAt", "ttl"])
    /// `AdminActionResult`.
    static let adminAction = Shape(id: "userId", columns: ["userId", "sessionsEnded", "tokensRevoked"])
    /// `DeviceInfo`.
    static let device = Shape(id: "resource", columns: ["resource", "deviceName", "platform", "online", "loginTime"])
    /// `KickResult`.
    static let kick = Shape(id: "kicked", columns: ["kicked"])
    /// `Message`.
    static let message = Shape(
        id: "msgId", columns: ["msgId", "conversationId", "from", "to", "chatType", "body.type", "body.content", "serverTime"])
    /// `{"message":…,"cursor":…}` of msg send.
    static let sent = Shape(id: "message.msgId", columns: ["message.msgId", "message.to", "message.serverTime", "cursor"])
    /// `DownloadResult` of msg download.
    static let download = Shape(id: "path", columns: ["msgId", "path", "thumbnail"])
    /// Server conversations.
    static let serverConversation = Shape(
        id: "conversationId", columns: ["conversationId", "type", "unreadCount", "isPinned", "latestMessage.serverTime"])
    /// Local conversations.
    static let localConversation = Shape(
        id: "conversationId", columns: ["conversationId", "type", "unreadCount", "latestMessage.serverTime"])
    /// `ConversationsUpdate` (conversation pin, mark, delete, one-way delete).
    static let conversationsUpdate = Shape(id: "conversationIds", columns: ["operation", "conversationIds", "conversationType", "cursor"])
    /// `TranslateLanguage`.
    static let language = Shape(id: "languageCode", columns: ["languageCode", "languageName", "languageNativeName"])
    /// A message with its translations (msg translate).
    static let translatedMessage = Shape(id: "msgId", columns: ["msgId", "from", "body.content", "body.translations"])
    /// Login summary.
    static let session = Shape(id: "userId", columns: ["userId", "resource", "expiresAt", "cursor"])
    /// `token renew`'s answer (the token itself left out).
    static let renewedToken = Shape(id: "userId", columns: ["userId", "issuedAt", "expiresAt", "ttl"])
}
