/// `POST /v1/users`: open registration (`createAccount`).
public struct RegisterRequest: Sendable, Hashable, Codable {
    public var userId: String
    public var password: String

    public init(userId: String, password: String) {
        self.userId = userId
        self.password = password
    }
}

/// A registered user as the server reports it.
public struct UserRecord: Sendable, Hashable, Codable {
    public var userId: String
    public var createdAt: Int64
    public var active: Bool

    public init(userId: String, createdAt: Int64, active: Bool) {
        self.userId = userId
        self.createdAt = createdAt
        self.active = active
    }
}

/// `POST /v1/sessions`: log in with a password or a token; creates a session for one device.
public struct LoginRequest: Sendable, Hashable, Codable {
    public var userId: String
    public var password: String?
    public var token: String?
    public var deviceUUID: String
    public var platform: String?
    public var deviceName: String?
    public var loginExtension: String?

    public init(
        userId: String,
        password: String? = nil,
        token: String? = nil,
        deviceUUID: String,
        platform: String? = nil,
        deviceName: String? = nil,
        loginExtension: String? = nil
    ) {
        self.userId = userId
        self.password = password
        self.token = token
        self.deviceUUID = deviceUUID
        self.platform = platform
        self.deviceName = deviceName
        self.loginExtension = loginExtension
    }
}

/// A token and its lifetime. `expiresAt` is 0 for a token that never expires; `ttl` is in seconds.
public struct TokenInfo: Sendable, Hashable, Codable {
    public var token: String
    public var userId: String
    public var issuedAt: Int64
    public var expiresAt: Int64
    public var ttl: Int64

    public init(token: String, userId: String, issuedAt: Int64, expiresAt: Int64, ttl: Int64) {
        self.token = token
        self.userId = userId
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.ttl = ttl
    }
}

/// The answer to a login: the session's resource, its token and the event cursor to start from.
public struct LoginResponse: Sendable, Hashable, Codable {
    public var userId: String
    public var resource: String
    public var token: TokenInfo
    public var cursor: String

    public init(userId: String, resource: String, token: TokenInfo, cursor: String) {
        self.userId = userId
        self.resource = resource
        self.token = token
        self.cursor = cursor
    }
}

/// `POST /v1/token`: issue a token with a password, without creating a session.
public struct TokenRequest: Sendable, Hashable, Codable {
    public var userId: String
    public var password: String
    public var ttl: Int64?

    public init(userId: String, password: String, ttl: Int64? = nil) {
        self.userId = userId
        self.password = password
        self.ttl = ttl
    }
}

/// `POST /v1/sessions/current/token`: swap the session's token (`renewToken`).
public struct RenewTokenRequest: Sendable, Hashable, Codable {
    public var token: String

    public init(token: String) { self.token = token }
}

/// Credentials for device management, which needs no session: a password or a token.
public struct DeviceCredentials: Sendable, Hashable, Codable {
    public var userId: String
    public var password: String?
    public var token: String?
    /// The session to kick; nil with `all` true kicks every session.
    public var resource: String?
    public var all: Bool?

    public init(userId: String, password: String? = nil, token: String? = nil, resource: String? = nil, all: Bool? = nil) {
        self.userId = userId
        self.password = password
        self.token = token
        self.resource = resource
        self.all = all
    }
}

/// One session of a user (semantics §3.8 `DeviceInfo`).
public struct DeviceInfo: Sendable, Hashable, Codable {
    public var resource: String
    public var deviceUUID: String
    public var deviceName: String
    public var platform: String
    public var loginTime: Int64
    public var online: Bool

    public init(resource: String, deviceUUID: String, deviceName: String, platform: String, loginTime: Int64, online: Bool) {
        self.resource = resource
        self.deviceUUID = deviceUUID
        self.deviceName = deviceName
        self.platform = platform
        self.loginTime = loginTime
        self.online = online
    }
}

/// The answer of a device kick: the resources whose sessions ended.
public struct KickResult: Sendable, Hashable, Codable {
    public var kicked: [String]

    public init(kicked: [String]) { self.kicked = kicked }
}

/// The event cursor right now, before anything else happens (`GET /v1/events/cursor`).
public struct CursorInfo: Sendable, Hashable, Codable {
    public var cursor: String

    public init(cursor: String) { self.cursor = cursor }
}
