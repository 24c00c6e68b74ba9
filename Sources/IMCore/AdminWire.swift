/// Per-app settings (semantics §1.7), with their defaults. `PATCH` takes any subset as a JSON object.
public struct AppSettings: Sendable, Hashable, Codable {
    public var openRegistration = true
    public var friendsOnlyMessaging = false
    public var tokenTTL: Int64 = 5_184_000
    public var maxDevicesPerUser = 4
    public var devicePolicy = "evictOldest"
    public var onlineGraceSeconds = 60
    public var roomIdleRemovalSeconds = 120
    public var recallWindowSeconds = 120
    public var maxPinnedMessages = 20
    public var maxFileBytes: Int64 = 10_485_760
    public var fileRetentionDays = 7
    public var historyRetentionDays = 0
    public var groupReadAck = true
    public var roomOwnerMayLeave = true
    public var roomCreators = "superAdmins"
    public var sendRatePerSecond = 100
    public var roomRatePerSecond = 100
    public var keywordFilter: [String] = []
    public var preSendHook: String? = nil
    public var translationProvider = "none"
    /// Base URL of the LibreTranslate-compatible endpoint (`translationProvider` `libretranslate`).
    public var translationURL: String? = nil
    /// API key sent to that endpoint, if it needs one.
    public var translationAPIKey: String? = nil

    public init() {}

    /// The first setting outside its documented range, as a sentence, or nil when all are valid.
    public func validationError() -> String? {
        func outside<T: Comparable>(_ name: String, _ value: T, _ range: ClosedRange<T>) -> String? {
            range.contains(value) ? nil : "\(name) must be between \(range.lowerBound) and \(range.upperBound)"
        }
        let problems: [String?] = [
            outside("tokenTTL", tokenTTL, 1...31_536_000),
            outside("maxDevicesPerUser", maxDevicesPerUser, 1...100),
            ["evictOldest", "rejectNew"].contains(devicePolicy) ? nil : "devicePolicy must be evictOldest or rejectNew",
            outside("onlineGraceSeconds", onlineGraceSeconds, 1...600),
            outside("roomIdleRemovalSeconds", roomIdleRemovalSeconds, 10...86_400),
            outside("recallWindowSeconds", recallWindowSeconds, 1...604_800),
            outside("maxPinnedMessages", maxPinnedMessages, 1...100),
            outside("maxFileBytes", maxFileBytes, 1...104_857_600),
            outside("fileRetentionDays", fileRetentionDays, 1...3_650),
            outside("historyRetentionDays", historyRetentionDays, 0...36_500),
            ["superAdmins", "anyone"].contains(roomCreators) ? nil : "roomCreators must be superAdmins or anyone",
            outside("sendRatePerSecond", sendRatePerSecond, 1...10_000),
            outside("roomRatePerSecond", roomRatePerSecond, 1...10_000),
            ["none", "apertium", "libretranslate"].contains(translationProvider)
                ? nil : "translationProvider must be none, apertium or libretranslate",
            translationURLError(),
            preSendHook.flatMap { Validation.isWebURL($0) ? nil : "preSendHook must be an http:// or https:// URL with a host and no spaces" },
        ]
        return problems.compactMap { $0 }.first
    }

    private func translationURLError() -> String? {
        if let url = translationURL, !Validation.isWebURL(url) {
            return "translationURL must be an http:// or https:// URL with a host and no spaces"
        }
        if translationProvider == "libretranslate", translationURL == nil {
            return "translationProvider libretranslate needs translationURL"
        }
        return nil
    }
}

/// `POST /v1/admin/apps`.
public struct CreateAppRequest: Sendable, Hashable, Codable {
    public var appKey: String

    public init(appKey: String) { self.appKey = appKey }
}

/// An app (tenant) with its credentials for the operator API.
public struct AppInfo: Sendable, Hashable, Codable {
    public var appKey: String
    public var clientId: String
    public var clientSecret: String
    public var createdAt: Int64
    public var settings: AppSettings

    public init(appKey: String, clientId: String, clientSecret: String, createdAt: Int64, settings: AppSettings) {
        self.appKey = appKey
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.createdAt = createdAt
        self.settings = settings
    }
}

/// `POST /v1/admin/users`: register a user; the password may be omitted for token-only users.
public struct AdminCreateUserRequest: Sendable, Hashable, Codable {
    public var userId: String
    public var password: String?

    public init(userId: String, password: String? = nil) {
        self.userId = userId
        self.password = password
    }
}

/// `PUT /v1/admin/users/{userId}/password`.
public struct SetPasswordRequest: Sendable, Hashable, Codable {
    public var password: String

    public init(password: String) { self.password = password }
}

/// `POST /v1/admin/users/{userId}/tokens`: `ttl` 0 issues a token that never expires.
public struct IssueTokenRequest: Sendable, Hashable, Codable {
    public var ttl: Int64?

    public init(ttl: Int64? = nil) { self.ttl = ttl }
}

/// The operator's credentials, written by the server to `operator.json` (0600) in its data directory.
public struct OperatorCredentials: Sendable, Hashable, Codable {
    public var clientId: String
    public var clientSecret: String

    public init(clientId: String, clientSecret: String) {
        self.clientId = clientId
        self.clientSecret = clientSecret
    }
}

/// The answer of operator actions that end sessions or revoke tokens.
public struct AdminActionResult: Sendable, Hashable, Codable {
    public var userId: String
    public var sessionsEnded: Int
    public var tokensRevoked: Int

    public init(userId: String, sessionsEnded: Int, tokensRevoked: Int) {
        self.userId = userId
        self.sessionsEnded = sessionsEnded
        self.tokensRevoked = tokensRevoked
    }
}
