import IMCore

extension ChatClient {
    /// Logs in with a password (issues a token with the app's default TTL) and stores the login.
    public func loginWithPassword(userId: String, password: String, loginExtension: String? = nil) async throws(ChatError) -> LoginResponse {
        try Validation.password(password)
        return try await login(userId: userId, password: password, token: nil, loginExtension: loginExtension)
    }

    /// Logs in with a token and stores the login.
    public func loginWithToken(userId: String, token: String, loginExtension: String? = nil) async throws(ChatError) -> LoginResponse {
        if token.isEmpty { throw ChatError(.invalidToken, "the token is empty") }
        return try await login(userId: userId, password: nil, token: token, loginExtension: loginExtension)
    }

    /// Registers a user (`POST /v1/users`); 208 when the app's registration is closed.
    public func createAccount(userId: String, password: String) async throws(ChatError) -> UserRecord {
        let userId = try Validation.userId(userId)
        try Validation.password(password)
        return try await core.api(authenticated: false).call(.register, UserRecord.self, body: RegisterRequest(userId: userId, password: password))
    }

    /// Swaps the session's token for `newToken` (same user) and updates the stored login.
    public func renewToken(_ newToken: String) async throws(ChatError) -> TokenInfo {
        var login = try core.session()
        let info = try await core.api().call(.renewToken, TokenInfo.self, body: RenewTokenRequest(token: newToken))
        login.token = info.token
        login.expiresAt = info.expiresAt
        try core.credentials.save(login)
        return info
    }

    /// Ends the session on the server and clears the stored login. A session the server no longer knows
    /// (201, 104, 108) counts as logged out.
    public func logout() async throws(ChatError) {
        _ = try core.session()
        do {
            _ = try await core.api().call(.logout, Empty.self)
        } catch where [.userNotLogin, .invalidToken, .tokenExpired].contains(error.code) {
            // already over on the server
        }
        try core.credentials.clear()
        core.notify(.disconnected(nil))
    }

    /// The current end of this session's event stream (`GET /v1/events/cursor`).
    public func eventCursor() async throws(ChatError) -> String {
        try await core.api().call(.eventCursor, CursorInfo.self).cursor
    }

    private func login(userId: String, password: String?, token: String?, loginExtension: String?) async throws(ChatError) -> LoginResponse {
        let userId = try Validation.userId(userId)
        if let current = currentUserId {
            // A new login would leave the stored session running on the server, counting against the device limit.
            if current == userId { throw ChatError(.userAlreadyLogin, "already logged in as '\(current)'; log out first") }
            throw ChatError(.userAlreadyLoginAnother, "logged in as '\(current)', not '\(userId)'; log out first")
        }
        let options = core.options
        let deviceUUID: String
        if let configured = options.deviceUUID { deviceUUID = configured } else { deviceUUID = try DeviceIdentity.uuid(in: options.dataDirectory) }
        let request = LoginRequest(
            userId: userId, password: password, token: token, deviceUUID: deviceUUID, platform: options.platform,
            deviceName: options.deviceName, loginExtension: loginExtension)
        let response = try await core.api(authenticated: false).call(.login, LoginResponse.self, body: request)
        try core.credentials.save(StoredLogin(
            userId: response.userId, token: response.token.token, resource: response.resource,
            expiresAt: response.token.expiresAt, serverURL: options.serverURL, appKey: options.appKey))
        return response
    }
}
