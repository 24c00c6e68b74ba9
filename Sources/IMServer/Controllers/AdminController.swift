import Hummingbird
import IMCore

/// The operator API behind `imctl admin` (§1.6), HTTP Basic with the operator's or an app's credentials.
struct AdminController {
    let state: ServerState

    /// `POST /v1/admin/apps` (operator only).
    func createApp(_ request: Request) async throws -> Response {
        guard case .operator = try state.operatorCall(request) else {
            throw ChatError(.userAuthenticationFailed, "only the operator creates apps")
        }
        let body = try await request.decodeWire(CreateAppRequest.self)
        try Validation.appKey(body.appKey)
        let info = AppInfo(
            appKey: body.appKey, clientId: Secrets.randomToken(bytes: 12), clientSecret: Secrets.randomToken(),
            createdAt: WallClock.milliseconds(), settings: AppSettings()
        )
        let app = try await state.store.createApp(info)
        state.apps.put(app)
        return try APIResponse.json(app.info)
    }

    /// `GET /v1/admin/apps`: every app for the operator, only its own for app credentials.
    func listApps(_ request: Request) throws -> Response {
        switch try state.operatorCall(request) {
        case .operator: try APIResponse.json(state.apps.all.map(\.info))
        case .app(let app): try APIResponse.json([app.info])
        }
    }

    /// `DELETE /v1/admin/apps/current`.
    func deleteApp(_ request: Request) async throws -> Response {
        let app = try state.operatorApp(request)
        try await state.store.deleteApp(app.id)
        state.apps.remove(app.appKey)
        return try APIResponse.empty()
    }

    /// `GET /v1/admin/apps/current/settings`.
    func settings(_ request: Request) throws -> Response {
        try APIResponse.json(try state.operatorApp(request).settings)
    }

    /// `PATCH /v1/admin/apps/current/settings`: merges a JSON object onto the settings (unknown key or a value
    /// of the wrong type or outside its range → 110).
    func patchSettings(_ request: Request) async throws -> Response {
        var app = try state.operatorApp(request)
        let patch = try await request.decodeWire([String: JSONValue].self)
        guard case .object(var merged) = try WireJSON.decode(JSONValue.self, from: WireJSON.encode(app.settings)) else {
            throw ChatError(.generalError, "settings are not an object")
        }
        for (key, value) in patch {
            let optionalKeys = ["preSendHook", "translationURL", "translationAPIKey"]
            guard merged[key] != nil || optionalKeys.contains(key) else { throw ChatError(.invalidParam, "unknown setting '\(key)'") }
            merged[key] = value
        }
        let settings: AppSettings
        do {
            settings = try WireJSON.decode(AppSettings.self, from: WireJSON.encode(JSONValue.object(merged)))
        } catch {
            let key = Self.firstKey(of: error).map { "setting '\($0)'" } ?? "a setting"
            throw ChatError(.invalidParam, "\(key) has a value of the wrong type or size")
        }
        if let problem = settings.validationError() { throw ChatError(.invalidParam, problem) }
        try await state.store.updateSettings(app.id, settings)
        app.info.settings = settings
        state.apps.put(app)
        return try APIResponse.json(settings)
    }

    /// The top-level key a decoding failure is about, to name it in the error.
    private static func firstKey(of error: any Error) -> String? {
        let context: DecodingError.Context? =
            switch error as? DecodingError {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
                context
            default: nil
            }
        return context?.codingPath.first?.stringValue
    }

    /// `POST /v1/admin/users`: the password may be omitted (token-only user).
    func createUser(_ request: Request) async throws -> Response {
        let app = try state.operatorApp(request)
        let body = try await request.decodeWire(AdminCreateUserRequest.self)
        let userId = try Validation.userId(body.userId)
        var hash: String?
        if let password = body.password {
            try Validation.password(password)
            hash = try await state.hasher.hash(password)
        }
        let user = StoredUser(userId: userId, passwordHash: hash, createdAt: WallClock.milliseconds(), active: true)
        return try APIResponse.json(try await state.store.createUser(app.id, user))
    }

    /// `GET /v1/admin/users`.
    func listUsers(_ request: Request) async throws -> Response {
        try APIResponse.json(try await state.store.users(try state.operatorApp(request).id))
    }

    /// `DELETE /v1/admin/users/{userId}`: every session gets 207.
    func deleteUser(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let key = try target(request, context)
        return try APIResponse.json(try await state.store.deleteUser(key, now: WallClock.milliseconds()))
    }

    /// `PUT /v1/admin/users/{userId}/password`: tokens revoked, every session gets 216.
    func setPassword(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let key = try target(request, context)
        let body = try await request.decodeWire(SetPasswordRequest.self)
        try Validation.password(body.password)
        let hash = try await state.hasher.hash(body.password)
        return try APIResponse.json(try await state.store.setPassword(key, hash: hash, now: WallClock.milliseconds()))
    }

    /// `POST /v1/admin/users/{userId}/deactivate`: every session gets 305; logins → 305.
    func deactivate(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try APIResponse.json(try await state.store.setActive(try target(request, context), active: false, now: WallClock.milliseconds()))
    }

    /// `POST /v1/admin/users/{userId}/reactivate`.
    func reactivate(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try APIResponse.json(try await state.store.setActive(try target(request, context), active: true, now: WallClock.milliseconds()))
    }

    /// `POST /v1/admin/users/{userId}/tokens`: `ttl` 0 never expires; nil = the app's default.
    func issueToken(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let app = try state.operatorApp(request)
        let key = try target(request, context)
        let body = try await request.decodeWire(IssueTokenRequest.self)
        let ttl = body.ttl == 0 ? 0 : try AuthController.userTTL(body.ttl, app: app)
        guard try await state.store.user(key) != nil else { throw ChatErrorFactory.userNotFound(key.userId) }
        return try APIResponse.json(try await AuthController(state: state).newToken(for: key, ttl: ttl))
    }

    /// `DELETE /v1/admin/users/{userId}/tokens`: sessions using them get 202; later use → 104.
    func revokeTokens(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try APIResponse.json(try await state.store.revokeTokens(try target(request, context), now: WallClock.milliseconds()))
    }

    /// `POST /v1/admin/users/{userId}/logout`: every session gets 217.
    func forceLogout(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try APIResponse.json(try await state.store.forceLogout(try target(request, context), now: WallClock.milliseconds()))
    }

    /// The user a per-user admin call names, in the app it acts in.
    private func target(_ request: Request, _ context: BasicRequestContext) throws -> UserKey {
        let app = try state.operatorApp(request)
        return UserKey(app: app.id, userId: try Validation.userId(context.pathValue("userId")))
    }
}
