import IMCore

/// The operator API (`imctl admin`): HTTP Basic with `clientId:clientSecret`; the app key goes in
/// `X-IM-App` for per-app calls.
public final class AdminClient: Sendable {
    private let api: APIClient
    private let credentials: OperatorCredentials

    /// A client for the operator API of `serverURL`; `appKey` names the app per-app calls act on.
    public convenience init(serverURL: String, credentials: OperatorCredentials, appKey: String?, requestTimeout: Duration = .seconds(30)) {
        self.init(serverURL: serverURL, credentials: credentials, appKey: appKey, requestTimeout: requestTimeout, transport: .curl())
    }

    init(serverURL: String, credentials: OperatorCredentials, appKey: String?, requestTimeout: Duration, transport: Transport) {
        self.credentials = credentials
        api = APIClient(baseURL: serverURL, appKey: appKey, transport: transport, timeout: requestTimeout, maxAttempts: 3, maxRateWait: .seconds(30))
    }

    /// Creates an app (tenant) and returns it with its credentials.
    public func createApp(_ appKey: String) async throws(ChatError) -> AppInfo {
        try Validation.appKey(appKey)
        return try await call(.adminCreateApp, AppInfo.self, body: CreateAppRequest(appKey: appKey), perApp: false)
    }

    /// Every app the credentials may see.
    public func listApps() async throws(ChatError) -> [AppInfo] {
        try await call(.adminListApps, [AppInfo].self, perApp: false)
    }

    /// Deletes the app named by the app key.
    public func deleteApp() async throws(ChatError) {
        _ = try await call(.adminDeleteApp, Empty.self)
    }

    /// The app's settings.
    public func settings() async throws(ChatError) -> AppSettings {
        try await call(.adminGetSettings, AppSettings.self)
    }

    /// Changes some settings; returns them all.
    public func updateSettings(_ patch: [String: JSONValue]) async throws(ChatError) -> AppSettings {
        try await call(.adminPatchSettings, AppSettings.self, body: patch)
    }

    /// Registers a user; without a password the user can log in only with operator-issued tokens.
    public func createUser(userId: String, password: String?) async throws(ChatError) -> UserRecord {
        let userId = try Validation.userId(userId)
        if let password { try Validation.password(password) }
        return try await call(.adminCreateUser, UserRecord.self, body: AdminCreateUserRequest(userId: userId, password: password))
    }

    /// The app's users.
    public func listUsers() async throws(ChatError) -> [UserRecord] {
        try await call(.adminListUsers, [UserRecord].self)
    }

    /// Deletes a user (their sessions get `onUserDidRemoveFromServer`).
    public func deleteUser(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await userCall(.adminDeleteUser, userId, AdminActionResult.self)
    }

    /// Sets a user's password, revoking their tokens and ending their sessions.
    public func setPassword(_ userId: String, password: String) async throws(ChatError) -> AdminActionResult {
        try Validation.password(password)
        return try await userCall(.adminSetPassword, userId, AdminActionResult.self, body: SetPasswordRequest(password: password))
    }

    /// Deactivates a user (no login; sessions end with 305).
    public func deactivate(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await userCall(.adminDeactivate, userId, AdminActionResult.self)
    }

    /// Reactivates a user.
    public func reactivate(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await userCall(.adminReactivate, userId, AdminActionResult.self)
    }

    /// Issues a token for a user without a password; `ttl` 0 never expires, nil is the app default.
    public func issueToken(_ userId: String, ttl: Int64?) async throws(ChatError) -> TokenInfo {
        try await userCall(.adminIssueToken, userId, TokenInfo.self, body: IssueTokenRequest(ttl: ttl))
    }

    /// Revokes every token of a user.
    public func revokeTokens(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await userCall(.adminRevokeTokens, userId, AdminActionResult.self)
    }

    /// Ends every session of a user (`onUserKickedByOtherDevice`).
    public func forceLogout(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await userCall(.adminForceLogout, userId, AdminActionResult.self)
    }

    private func userCall<Response: Decodable>(
        _ route: Route, _ userId: String, _ response: Response.Type, body: (some Encodable & Sendable)? = Optional<Empty>.none
    ) async throws(ChatError) -> Response {
        try await call(route, response, pathParameters: ["userId": try Validation.userId(userId)], body: body)
    }

    private func call<Response: Decodable>(
        _ route: Route, _ response: Response.Type, pathParameters: [String: String] = [:],
        body: (some Encodable & Sendable)? = Optional<Empty>.none, perApp: Bool = true
    ) async throws(ChatError) -> Response {
        var api = self.api
        if !perApp { api.appKey = nil }
        do {
            return try await api.call(
                route, response, pathParameters: pathParameters, body: body,
                auth: .basic(clientId: credentials.clientId, clientSecret: credentials.clientSecret))
        } catch {
            throw error.chatError
        }
    }
}
