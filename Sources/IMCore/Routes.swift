/// The REST surface of the server: every route, its method and path template.
///
/// Requests name the app with the ``Header/app`` header; user calls add a bearer token and the session's
/// resource; operator calls use HTTP Basic with the operator's or the app's `clientId:clientSecret`.
/// `docs/openapi.yaml` documents each route; a test keeps the two equal.
public struct Route: Sendable, Hashable, CustomStringConvertible {
    public var method: String
    public var path: String

    public init(_ method: String, _ path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(method) \(path)" }

    public static let register = Route("POST", "/v1/users")
    public static let issueToken = Route("POST", "/v1/token")
    public static let login = Route("POST", "/v1/sessions")
    public static let logout = Route("DELETE", "/v1/sessions/current")
    public static let renewToken = Route("POST", "/v1/sessions/current/token")
    public static let listDevices = Route("POST", "/v1/devices/list")
    public static let kickDevices = Route("POST", "/v1/devices/kick")
    public static let events = Route("GET", "/v1/events")
    public static let eventCursor = Route("GET", "/v1/events/cursor")
    public static let sendMessage = Route("POST", "/v1/messages")
    public static let history = Route("GET", "/v1/conversations/{conversationId}/messages")
    public static let conversations = Route("GET", "/v1/conversations")
    public static let health = Route("GET", "/v1/health")
    public static let adminCreateApp = Route("POST", "/v1/admin/apps")
    public static let adminListApps = Route("GET", "/v1/admin/apps")
    public static let adminDeleteApp = Route("DELETE", "/v1/admin/apps/current")
    public static let adminGetSettings = Route("GET", "/v1/admin/apps/current/settings")
    public static let adminPatchSettings = Route("PATCH", "/v1/admin/apps/current/settings")
    public static let adminCreateUser = Route("POST", "/v1/admin/users")
    public static let adminListUsers = Route("GET", "/v1/admin/users")
    public static let adminDeleteUser = Route("DELETE", "/v1/admin/users/{userId}")
    public static let adminSetPassword = Route("PUT", "/v1/admin/users/{userId}/password")
    public static let adminDeactivate = Route("POST", "/v1/admin/users/{userId}/deactivate")
    public static let adminReactivate = Route("POST", "/v1/admin/users/{userId}/reactivate")
    public static let adminIssueToken = Route("POST", "/v1/admin/users/{userId}/tokens")
    public static let adminRevokeTokens = Route("DELETE", "/v1/admin/users/{userId}/tokens")
    public static let adminForceLogout = Route("POST", "/v1/admin/users/{userId}/logout")

    /// Every route the server serves.
    public static let all: [Route] = [
        register, issueToken, login, logout, renewToken, listDevices, kickDevices, events, eventCursor,
        sendMessage, history, conversations, health, adminCreateApp, adminListApps, adminDeleteApp,
        adminGetSettings, adminPatchSettings, adminCreateUser, adminListUsers, adminDeleteUser, adminSetPassword,
        adminDeactivate, adminReactivate, adminIssueToken, adminRevokeTokens, adminForceLogout,
    ] + messageOpsRoutes + fileRoutes + conversationRoutes + translationRoutes
}

/// HTTP header names of the protocol.
public enum Header {
    /// The app key `org#app` of the request.
    public static let app = "X-IM-App"
    /// The session's resource, sent with the bearer token on every user call.
    public static let resource = "X-IM-Resource"
}

/// Limits of the event long-poll.
public enum EventPolling {
    /// The longest a server holds an event request, in seconds (`wait` query parameter, default).
    public static let maxHoldSeconds = 30
}
