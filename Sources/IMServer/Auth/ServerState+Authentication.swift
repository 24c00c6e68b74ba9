import Hummingbird
import IMCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An authenticated user call: the app, the session and (unless the session is ending) its token.
struct UserCall: Sendable {
    var app: AppRecord
    var session: SessionRecord

    var user: UserKey { session.user }
}

/// Who makes an operator call.
enum OperatorCaller: Sendable {
    /// The server operator: every app.
    case `operator`
    /// An app's own credentials: only that app.
    case app(AppRecord)
}

extension ServerState {
    /// Authenticates a user call (§0 precedence: 201, 104, 108). The event channel (`allowEnding`) also accepts an
    /// ending session (forced logout queued) and a session whose own token has just expired: it must still deliver
    /// that last event (`onTokenDidExpire` "on its next poll", §1.2).
    func userCall(_ request: Request, allowEnding: Bool = false) async throws -> UserCall {
        let app = try apps.app(request.header(Header.app))
        guard let authorization = request.header("Authorization"), authorization.hasPrefix("Bearer ") else {
            throw ChatErrorFactory.notLoggedIn
        }
        let tokenText = String(authorization.dropFirst("Bearer ".count))
        let resource = request.header(Header.resource)
        let tokenHash = Secrets.sha256(tokenText)
        let found = try await store.credentials(tokenHash: tokenHash, resource: resource)
        if allowEnding, let session = found.session, session.app == app.id {
            if session.isEnding { return UserCall(app: app, session: session) }
            if let token = found.token, session.tokenHash == tokenHash, !token.revoked, token.app == app.id,
                token.expiresAt != 0, WallClock.milliseconds() >= token.expiresAt
            {
                return UserCall(app: app, session: session)
            }
        }
        let token = try checkedToken(found.token, text: tokenText, app: app)
        guard let session = found.session, session.app == app.id, session.userId == token.userId, !session.isEnding else {
            throw ChatErrorFactory.notLoggedIn
        }
        return UserCall(app: app, session: session)
    }

    /// The stored token for a token text: unknown, revoked, malformed or of another app → 104; expired → 108.
    func validToken(_ text: String, app: AppRecord) async throws -> TokenRecord {
        try checkedToken(try await store.token(Secrets.sha256(text)), text: text, app: app)
    }

    private func checkedToken(_ token: TokenRecord?, text: String, app: AppRecord) throws(ChatError) -> TokenRecord {
        guard !text.isEmpty, text.utf8.count <= 512, let token, !token.revoked, token.app == app.id else {
            throw ChatErrorFactory.invalidToken
        }
        if token.expiresAt != 0, WallClock.milliseconds() >= token.expiresAt { throw ChatErrorFactory.tokenExpired }
        return token
    }

    /// Checks a password against the user's stored hash: wrong, or no password set → 202.
    func verifyPassword(_ password: String, of user: StoredUser) async throws {
        guard let hash = user.passwordHash, try await hasher.verify(password, against: hash) else {
            throw ChatErrorFactory.badCredentials
        }
    }

    /// Device management credentials (§1.3): the user must exist (204) and the password or token must be the
    /// user's (202 otherwise).
    func verifyDeviceCredentials(_ credentials: DeviceCredentials, app: AppRecord) async throws -> UserKey {
        let key = UserKey(app: app.id, userId: try Validation.userId(credentials.userId))
        guard let user = try await store.user(key) else { throw ChatErrorFactory.userNotFound(key.userId) }
        if let password = credentials.password {
            try await verifyPassword(password, of: user)
        } else if let tokenText = credentials.token {
            guard let token = try? await validToken(tokenText, app: app), token.userId == key.userId else {
                throw ChatErrorFactory.badCredentials
            }
        } else {
            throw ChatErrorFactory.badCredentials
        }
        return key
    }

    /// Authenticates an operator call (HTTP Basic with the operator's or an app's credentials; else 202).
    func operatorCall(_ request: Request) throws(ChatError) -> OperatorCaller {
        let denied = ChatError(.userAuthenticationFailed, "operator credentials are missing or wrong")
        guard let authorization = request.header("Authorization"), authorization.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(authorization.dropFirst("Basic ".count)))
        else { throw denied }
        let pair = String(decoding: decoded, as: UTF8.self).split(separator: ":", maxSplits: 1).map(String.init)
        guard pair.count == 2 else { throw denied }
        if pair[0] == operatorCredentials.clientId, pair[1] == operatorCredentials.clientSecret { return .operator }
        guard let app = apps.app(clientId: pair[0], clientSecret: pair[1]) else { throw denied }
        return .app(app)
    }

    /// The app an operator call acts in (header `X-IM-App`); app credentials reach only their own app (202).
    func operatorApp(_ request: Request) throws(ChatError) -> AppRecord {
        let caller = try operatorCall(request)
        let app = try apps.app(request.header(Header.app))
        if case .app(let own) = caller, own.id != app.id {
            throw ChatError(.userAuthenticationFailed, "these app credentials do not belong to '\(app.appKey)'")
        }
        return app
    }
}
