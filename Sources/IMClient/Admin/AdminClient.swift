import IMCore

/// The operator API (`imctl admin`): HTTP Basic with `clientId:clientSecret`; the app key goes in
/// `X-IM-App` for per-app calls.
public final class AdminClient: Sendable {
    /// Per-app calls: the app key in `X-IM-App`.
    private let api: APIClient

    /// A client for the operator API of `serverURL`; `appKey` names the app per-app calls act on.
    public convenience init(
        serverURL: String, credentials: OperatorCredentials, appKey: String?, requestTimeout: Duration = .seconds(30),
        maxRateWait: Duration = .seconds(30)
    ) {
        self.init(
            serverURL: serverURL, credentials: credentials, appKey: appKey, requestTimeout: requestTimeout, maxRateWait: maxRateWait,
            transport: .curl())
    }

    init(
        serverURL: String, credentials: OperatorCredentials, appKey: String?, requestTimeout: Duration, maxRateWait: Duration = .seconds(30),
        transport: Transport
    ) {
        var api = APIClient(
            baseURL: serverURL, appKey: appKey, transport: transport, timeout: requestTimeout, maxAttempts: 3, maxRateWait: maxRateWait)
        api.auth = .basic(clientId: credentials.clientId, clientSecret: credentials.clientSecret)
        self.api = api
    }

    /// Calls about apps as a whole (create, list), which name no app.
    private var appsAPI: APIClient {
        var api = self.api
        api.appKey = nil
        return api
    }

    /// Creates an app (tenant) and returns it with its credentials.
    public func createApp(_ appKey: String) async throws(ChatError) -> AppInfo {
        try Validation.appKey(appKey)
        return try await appsAPI.call(.adminCreateApp, AppInfo.self, body: CreateAppRequest(appKey: appKey))
    }

    /// Every app the credentials may see.
    public func listApps() async throws(ChatError) -> [AppInfo] {
        try await appsAPI.call(.adminListApps, [AppInfo].self)
    }

    /// Deletes the app named by the app key.
    public func deleteApp() async throws(ChatError) {
        _ = try await api.call(.adminDeleteApp, Empty.self)
    }

    /// The app's settings.
    public func settings() async throws(ChatError) -> AppSettings {
        try await api.call(.adminGetSettings, AppSettings.self)
    }

    /// Changes some settings; returns them all.
    public func updateSettings(_ patch: [String: JSONValue]) async throws(ChatError) -> AppSettings {
        try await api.call(.adminPatchSettings, AppSettings.self, body: patch)
    }

    /// Registers a user; without a password the user can log in only with operator-issued tokens.
    public func createUser(userId: String, password: String?) async throws(ChatError) -> UserRecord {
        let userId = try Validation.userId(userId)
        if let password { try Validation.password(password) }
        return try await api.call(.adminCreateUser, UserRecord.self, body: AdminCreateUserRequest(userId: userId, password: password))
    }

    /// The app's users.
    public func listUsers() async throws(ChatError) -> [UserRecord] {
        try await api.call(.adminListUsers, [UserRecord].self)
    }

    /// Deletes a user (their sessions get `onUserDidRemoveFromServer`).
    public func deleteUser(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await api.call(.adminDeleteUser, AdminActionResult.self, pathParameters: try Self.pathParameters(userId))
    }

    /// Sets a user's password, revoking their tokens and ending their sessions.
    public func setPassword(_ userId: String, password: String) async throws(ChatError) -> AdminActionResult {
        try Validation.password(password)
        return try await api.call(.adminSetPassword, AdminActionResult.self, pathParameters: try Self.pathParameters(userId), body: SetPasswordRequest(password: password))
    }

    /// Deactivates a user (no login; sessions end with 305).
    public func deactivate(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await api.call(.adminDeactivate, AdminActionResult.self, pathParameters: try Self.pathParameters(userId))
    }

    /// Reactivates a user.
    public func reactivate(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await api.call(.adminReactivate, AdminActionResult.self, pathParameters: try Self.pathParameters(userId))
    }

    /// Issues a token for a user without a password; `ttl` 0 never expires, nil is the app default.
    public func issueToken(_ userId: String, ttl: Int64?) async throws(ChatError) -> TokenInfo {
        try await api.call(.adminIssueToken, TokenInfo.self, pathParameters: try Self.pathParameters(userId), body: IssueTokenRequest(ttl: ttl))
    }

    /// Revokes every token of a user.
    public func revokeTokens(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await api.call(.adminRevokeTokens, AdminActionResult.self, pathParameters: try Self.pathParameters(userId))
    }

    /// Ends every session of a user (`onUserKickedByOtherDevice`).
    public func forceLogout(_ userId: String) async throws(ChatError) -> AdminActionResult {
        try await api.call(.adminForceLogout, AdminActionResult.self, pathParameters: try Self.pathParameters(userId))
    }

    private static func pathParameters(_ userId: String) throws(ChatError) -> [String: String] {
        ["userId": try Validation.userId(userId)]
    }
}

extension AdminClient {
    /// The app's message reports, newest first.
    public func reports() async throws(ChatError) -> [MessageReport] {
        try await api.call(.adminReports, [MessageReport].self)
    }
}
