import IMCore

/// An app (tenant) as stored, with its row id.
struct AppRecord: Sendable, Hashable {
    var id: Int64
    var info: AppInfo

    var appKey: String { info.appKey }
    var settings: AppSettings { info.settings }
}

/// A user as stored; the password hash never leaves the server.
struct StoredUser: Sendable, Hashable {
    var userId: String
    var passwordHash: String?
    var createdAt: Int64
    var active: Bool

    var record: UserRecord { UserRecord(userId: userId, createdAt: createdAt, active: active) }
}

/// A token as stored: only its SHA-256 hash is kept.
struct TokenRecord: Sendable, Hashable {
    var hash: String
    var app: Int64
    var userId: String
    var issuedAt: Int64
    /// 0 for a token that never expires.
    var expiresAt: Int64
    var ttl: Int64
    var revoked: Bool

    /// When `onTokenWillExpire` is due (80 % of the lifetime), nil for a never-expiring token.
    var willExpireAt: Int64? { ttl > 0 ? issuedAt + ttl * 800 : nil }

    func info(token: String) -> TokenInfo {
        TokenInfo(token: token, userId: userId, issuedAt: issuedAt, expiresAt: expiresAt, ttl: ttl)
    }
}

/// A session (one logged-in device) as stored. `endSeq` is set once a forced logout has been queued for it:
/// the session reads its log up to that event and then ends.
struct SessionRecord: Sendable, Hashable {
    var resource: String
    var app: Int64
    var userId: String
    var deviceUUID: String
    var platform: String
    var deviceName: String
    var loginExtension: String?
    var loginTime: Int64
    var tokenHash: String
    var cursor: Int64
    var willExpireSent: Bool
    var endSeq: Int64?

    var user: UserKey { UserKey(app: app, userId: userId) }
    var isEnding: Bool { endSeq != nil }
}

/// One entry of a user's event log, as read for a session.
struct StoredEvent: Sendable, Hashable {
    var seq: Int64
    var type: String
    var time: Int64
    var payload: String
    var kind: EventKind
    var msgId: String?
}

/// What an event-log entry carries, for retention and delivery receipts.
enum EventKind: Int64, Sendable {
    /// Anything but a message.
    case other = 0
    /// A one-to-one message for its recipient (its first delivery sends a receipt).
    case receivedMessage = 1
    /// A copy of a message for the sender's other devices.
    case sentMessage = 2
}

/// The result of reading a session's log.
struct EventRead: Sendable {
    var session: SessionRecord
    var events: [StoredEvent]
    /// True when the cursor fell behind the oldest kept entry.
    var gap: Bool
    /// Where the read started: the cursor, or the log's floor after a gap.
    var resumeCursor: Int64
}

/// What a login writes, prepared outside the writer (password hashing, token generation).
struct LoginPlan: Sendable {
    var app: AppRecord
    var userId: String
    var deviceUUID: String
    var platform: String
    var deviceName: String
    var loginExtension: String?
    var token: TokenRecord
    /// True when the login issued the token (password login): it is inserted with the session.
    var insertToken: Bool
    var resource: String
    var now: Int64
}

/// What a send writes, prepared and validated outside the writer.
struct SendPlan: Sendable {
    var app: AppRecord
    var senderResource: String
    /// The message as the sender sees it, `from`, `msgId` and `localTime` filled in.
    var message: Message
    /// A content or limit error (510, 501, 502), raised only after existence and state checks pass.
    var limitError: ChatError?
    var now: Int64
    /// For `deliverOnlineOnly`: the sessions online at send time (recipient's, and the sender's other ones); the
    /// message is then neither stored nor queued for anyone else. Nil for a normal send.
    var onlineTargets: [SessionTarget]?
    /// For a `<userId>/<resource>` address (the sender's own other session): the only session that gets it.
    var toResource: String?
}

/// One session a message goes to, and how it sees the message.
struct SessionTarget: Sendable, Hashable {
    var userId: String
    var resource: String
}
