import IMCore
import IMSQLite

extension SQLiteChatStore {
    func user(_ key: UserKey) async throws -> StoredUser? {
        try await read { try $0.user(key) }
    }

    func createUser(_ app: Int64, _ user: StoredUser) async throws -> UserRecord {
        try await write { context in
            if try context.connection.user(UserKey(app: app, userId: user.userId)) != nil {
                throw ChatError(.userAlreadyExist, "user '\(user.userId)' already exists")
            }
            try context.connection.query(
                "INSERT INTO users (app, user_id, password_hash, created_at, active) VALUES (?, ?, ?, ?, 1)",
                app, user.userId, user.passwordHash, user.createdAt
            )
            return user.record
        }
    }

    func users(_ app: Int64) async throws -> [UserRecord] {
        try await read { db in
            try db.query("SELECT user_id, created_at, active FROM users WHERE app = ? ORDER BY user_id", app).map {
                UserRecord(userId: $0.string(0), createdAt: $0.int(1), active: $0.bool(2))
            }
        }
    }

    func token(_ hash: String) async throws -> TokenRecord? {
        try await read { try $0.token(hash) }
    }

    func credentials(tokenHash: String, resource: String?) async throws -> (token: TokenRecord?, session: SessionRecord?) {
        try await read { db in (try db.token(tokenHash), try resource.flatMap { try db.session($0) }) }
    }

    func insertToken(_ token: TokenRecord) async throws {
        try await write { context in
            _ = try context.connection.existingUser(UserKey(app: token.app, userId: token.userId))
            try context.insertToken(token)
        }
    }

    func setPassword(_ key: UserKey, hash: String, now: Int64) async throws -> AdminActionResult {
        try await write { context in
            _ = try context.connection.existingUser(key)
            try context.connection.query("UPDATE users SET password_hash = ? WHERE app = ? AND user_id = ?", hash, key.app, key.userId)
            let revoked = try context.revokeTokens(of: key)
            let ended = try context.endSessions(of: key, type: EventType.userDidChangePassword, code: .userKickedByChangePassword, time: now)
            return AdminActionResult(userId: key.userId, sessionsEnded: ended, tokensRevoked: revoked)
        }
    }

    func deleteUser(_ key: UserKey, now: Int64) async throws -> AdminActionResult {
        try await write { context in
            let db = context.connection
            _ = try db.existingUser(key)
            let ended = try context.endSessions(of: key, type: EventType.userDidRemoveFromServer, code: .userRemoved, time: now)
            let revoked = try context.revokeTokens(of: key)
            for table in ["users", "tokens", "devices", "conversations"] {
                try db.query("DELETE FROM \(table) WHERE app = ? AND \(table == "conversations" ? "owner" : "user_id") = ?", key.app, key.userId)
            }
            return AdminActionResult(userId: key.userId, sessionsEnded: ended, tokensRevoked: revoked)
        }
    }

    func setActive(_ key: UserKey, active: Bool, now: Int64) async throws -> AdminActionResult {
        try await write { context in
            _ = try context.connection.existingUser(key)
            try context.connection.query("UPDATE users SET active = ? WHERE app = ? AND user_id = ?", active, key.app, key.userId)
            let ended =
                active
                ? 0 : try context.endSessions(of: key, type: EventType.userAuthenticationFailed, code: .serverServiceRestricted, time: now)
            return AdminActionResult(userId: key.userId, sessionsEnded: ended, tokensRevoked: 0)
        }
    }

    func revokeTokens(_ key: UserKey, now: Int64) async throws -> AdminActionResult {
        try await write { context in
            _ = try context.connection.existingUser(key)
            let revokedHashes = Set(
                try context.connection.query("SELECT hash FROM tokens WHERE app = ? AND user_id = ? AND revoked = 0", key.app, key.userId)
                    .map { $0.string(0) }
            )
            let revoked = try context.revokeTokens(of: key)
            var ended = 0
            for session in try context.connection.sessions(of: key) where revokedHashes.contains(session.tokenHash) {
                if try context.endSession(session, type: EventType.userAuthenticationFailed, code: .userAuthenticationFailed, time: now) {
                    ended += 1
                }
            }
            return AdminActionResult(userId: key.userId, sessionsEnded: ended, tokensRevoked: revoked)
        }
    }

    func forceLogout(_ key: UserKey, now: Int64) async throws -> AdminActionResult {
        try await write { context in
            _ = try context.connection.existingUser(key)
            let ended = try context.endSessions(of: key, type: EventType.userKickedByOtherDevice, code: .userKickedByOtherDevice, time: now)
            return AdminActionResult(userId: key.userId, sessionsEnded: ended, tokensRevoked: 0)
        }
    }
}

extension WriteContext {
    /// Stores a new token.
    func insertToken(_ token: TokenRecord) throws {
        try connection.query(
            "INSERT INTO tokens (hash, app, user_id, issued_at, expires_at, ttl, revoked) VALUES (?, ?, ?, ?, ?, ?, 0)",
            token.hash, token.app, token.userId, token.issuedAt, token.expiresAt, token.ttl
        )
    }

    /// Revokes every live token of the user; returns how many.
    func revokeTokens(of user: UserKey) throws -> Int {
        try connection.query("UPDATE tokens SET revoked = 1 WHERE app = ? AND user_id = ? AND revoked = 0", user.app, user.userId)
        return connection.changes
    }

    /// Queues a forced logout for every live session of the user; returns how many.
    func endSessions(of user: UserKey, type: String, code: ErrorCode, time: Int64) throws -> Int {
        var ended = 0
        for session in try connection.sessions(of: user) where try endSession(session, type: type, code: code, time: time) {
            ended += 1
        }
        return ended
    }
}
