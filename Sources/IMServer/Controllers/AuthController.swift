import Hummingbird
import IMCore

/// Registration, tokens and sessions (§1.1–§1.3).
struct AuthController {
    let state: ServerState

    /// `POST /v1/users`: open registration (`createAccount`).
    func register(_ request: Request) async throws -> Response {
        let app = try state.apps.app(request.header(Header.app))
        let body = try await request.decodeWire(RegisterRequest.self)
        let userId = try Validation.userId(body.userId)
        try Validation.password(body.password)
        guard app.settings.openRegistration else {
            throw ChatError(.userRegFailed, "open registration is off for this app")
        }
        let user = StoredUser(
            userId: userId, passwordHash: try await state.hasher.hash(body.password), createdAt: WallClock.milliseconds(), active: true
        )
        return try APIResponse.json(try await state.store.createUser(app.id, user))
    }

    /// `POST /v1/token`: a token for a password, without a session.
    func issueToken(_ request: Request) async throws -> Response {
        let app = try state.apps.app(request.header(Header.app))
        let body = try await request.decodeWire(TokenRequest.self)
        let key = UserKey(app: app.id, userId: try Validation.userId(body.userId))
        try Validation.password(body.password)
        let ttl = try Self.userTTL(body.ttl, app: app)
        let user = try await existingActiveUser(key)
        try await state.verifyPassword(body.password, of: user)
        return try APIResponse.json(try await newToken(for: key, ttl: ttl))
    }

    /// `POST /v1/sessions`: log in with a password or a token and create a session for one device.
    func login(_ request: Request) async throws -> Response {
        let app = try state.apps.app(request.header(Header.app))
        let body = try await request.decodeWire(LoginRequest.self)
        let key = UserKey(app: app.id, userId: try Validation.userId(body.userId))
        if let password = body.password { try Validation.password(password) }
        let device = try DeviceFields(body)
        let now = WallClock.milliseconds()
        var token: TokenRecord
        var tokenText: String
        var issued = false
        if let password = body.password {
            let user = try await existingActiveUser(key)
            try await state.verifyPassword(password, of: user)
            tokenText = Secrets.randomToken()
            token = Self.tokenRecord(hash: Secrets.sha256(tokenText), key: key, ttl: app.settings.tokenTTL, now: now)
            issued = true
        } else if let given = body.token {
            tokenText = given
            token = try await state.validToken(given, app: app)
            guard try await state.store.user(key) != nil else { throw ChatErrorFactory.userNotFound(key.userId) }
            guard token.userId == key.userId else { throw ChatError(.userAuthenticationFailed, "the token belongs to another user") }
        } else {
            throw ChatError(.invalidPassword, "a login needs a password or a token")
        }
        let plan = LoginPlan(
            app: app, userId: key.userId, deviceUUID: device.uuid, platform: device.platform, deviceName: device.name,
            loginExtension: body.loginExtension, token: token, insertToken: issued,
            resource: "\(device.platform)_\(Secrets.randomHex(16))", now: now
        )
        let cursor = try await state.store.login(plan)
        return try APIResponse.json(
            LoginResponse(userId: key.userId, resource: plan.resource, token: token.info(token: tokenText), cursor: String(cursor))
        )
    }

    /// `DELETE /v1/sessions/current`: end this session; it is offline at once.
    func logout(_ request: Request) async throws -> Response {
        let call = try await state.userCall(request)
        try await state.store.logout(call.session.resource)
        await state.hub.forget(call.session.resource)
        return try APIResponse.empty()
    }

    /// `POST /v1/sessions/current/token`: swap the session's token (same user; the old one stays valid).
    func renew(_ request: Request) async throws -> Response {
        let call = try await state.userCall(request)
        let body = try await request.decodeWire(RenewTokenRequest.self)
        let token = try await state.validToken(body.token, app: call.app)
        guard token.userId == call.session.userId else {
            throw ChatError(.userAuthenticationFailed, "the new token belongs to another user")
        }
        try await state.store.renew(call.session.resource, tokenHash: token.hash)
        return try APIResponse.json(token.info(token: body.token))
    }

    /// The user, or 204; a deactivated one → 305.
    func existingActiveUser(_ key: UserKey) async throws -> StoredUser {
        guard let user = try await state.store.user(key) else { throw ChatErrorFactory.userNotFound(key.userId) }
        guard user.active else { throw ChatError(.serverServiceRestricted, "the account is deactivated") }
        return user
    }

    /// Issues and stores a new token; `ttl` 0 never expires.
    func newToken(for key: UserKey, ttl: Int64) async throws -> TokenInfo {
        let text = Secrets.randomToken()
        let record = Self.tokenRecord(hash: Secrets.sha256(text), key: key, ttl: ttl, now: WallClock.milliseconds())
        try await state.store.insertToken(record)
        return record.info(token: text)
    }

    static func tokenRecord(hash: String, key: UserKey, ttl: Int64, now: Int64) -> TokenRecord {
        TokenRecord(
            hash: hash, app: key.app, userId: key.userId, issuedAt: now, expiresAt: ttl == 0 ? 0 : now + ttl * 1000, ttl: ttl,
            revoked: false
        )
    }

    /// A TTL a user may ask for: 1–31,536,000 s (110 otherwise); nil = the app's default.
    static func userTTL(_ ttl: Int64?, app: AppRecord) throws(ChatError) -> Int64 {
        guard let ttl else { return app.settings.tokenTTL }
        guard (1...31_536_000).contains(ttl) else { throw ChatError(.invalidParam, "ttl must be from 1 to 31536000 seconds") }
        return ttl
    }
}

/// The device fields of a login, validated (§1.3; 110 when malformed).
struct DeviceFields {
    var uuid: String
    var platform: String
    var name: String

    init(_ request: LoginRequest) throws(ChatError) {
        guard (1...64).contains(request.deviceUUID.utf8.count) else { throw ChatError(.invalidParam, "deviceUUID must be 1 to 64 bytes") }
        let platform = request.platform ?? "linux"
        guard (1...16).contains(platform.utf8.count),
            platform.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) })
        else { throw ChatError(.invalidParam, "platform must be 1 to 16 characters of [a-z0-9]") }
        let name = request.deviceName ?? platform
        guard name.utf8.count <= 64 else { throw ChatError(.invalidParam, "deviceName must be at most 64 bytes") }
        guard (request.loginExtension?.utf8.count ?? 0) <= 256 else {
            throw ChatError(.invalidParam, "loginExtension must be at most 256 bytes")
        }
        uuid = request.deviceUUID
        self.platform = platform
        self.name = name
    }
}
