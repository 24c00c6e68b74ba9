import IMCore
import IMSQLite

extension SQLiteChatStore {
    func session(_ resource: String) async throws -> SessionRecord? {
        try await read { try $0.session(resource) }
    }

    func sessions(of user: UserKey) async throws -> [SessionRecord] {
        try await read { try $0.sessions(of: user) }
    }

    /// Creates the session (§1.3): the same device replaces its old session silently; beyond the device limit
    /// the oldest session is evicted (206) or the login refused (214). Returns the session's start cursor.
    func login(_ plan: LoginPlan) async throws -> Int64 {
        try await write { context in
            let db = context.connection
            let user = UserKey(app: plan.app.id, userId: plan.userId)
            let stored = try db.existingUser(user)
            guard stored.active else { throw ChatError(.serverServiceRestricted, "the account is deactivated") }
            if plan.insertToken { try context.insertToken(plan.token) }
            try db.query("DELETE FROM sessions WHERE app = ? AND user_id = ? AND device_uuid = ?", user.app, user.userId, plan.deviceUUID)
            if db.changes > 0 { context.wake(user) }  // a held request of the replaced session ends (201)
            let live = try db.sessions(of: user).filter { !$0.isEnding }
            let settings = plan.app.settings
            if live.count >= settings.maxDevicesPerUser {
                guard settings.devicePolicy == "evictOldest" else {
                    throw ChatError(.userLoginTooManyDevices, "the user already has \(live.count) sessions, the most allowed")
                }
                var extra: [String: JSONValue] = ["deviceName": .string(plan.deviceName)]
                extra["ext"] = plan.loginExtension.map(JSONValue.string) ?? .null
                for session in live.prefix(live.count - settings.maxDevicesPerUser + 1) {
                    try context.endSession(
                        session, type: EventType.userDidLoginFromOtherDevice, code: .userLoginAnotherDevice, extra: extra, time: plan.now
                    )
                }
            }
            let cursor = try context.startCursor(of: user, deviceUUID: plan.deviceUUID)
            try db.query(
                """
                INSERT INTO sessions (resource, app, user_id, device_uuid, platform, device_name, login_ext, login_time,
                    token_hash, cursor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                plan.resource, user.app, user.userId, plan.deviceUUID, plan.platform, plan.deviceName, plan.loginExtension,
                plan.now, plan.token.hash, cursor
            )
            try db.query(
                "INSERT INTO devices (app, user_id, device_uuid, cursor) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET cursor = excluded.cursor",
                user.app, user.userId, plan.deviceUUID, cursor
            )
            return cursor
        }
    }

    func logout(_ resource: String) async throws {
        try await write { context in
            guard let session = try context.connection.session(resource) else { return }
            try context.connection.query("DELETE FROM sessions WHERE resource = ?", resource)
            context.wake(session.user)  // a held request of this session ends (201)
        }
    }

    func renew(_ resource: String, tokenHash: String) async throws {
        try await write { context in
            try context.connection.query(
                "UPDATE sessions SET token_hash = ?, will_expire_sent = 0 WHERE resource = ? AND end_seq IS NULL", tokenHash, resource
            )
            guard context.connection.changes == 1 else { throw ChatErrorFactory.notLoggedIn }
        }
    }

    /// Ends the named sessions (all when `resources` is nil) with 217; an unknown resource → 110.
    func kick(_ user: UserKey, resources: [String]?, now: Int64) async throws -> [String] {
        try await write { context in
            let live = try context.connection.sessions(of: user).filter { !$0.isEnding }
            let targets: [SessionRecord]
            if let resources {
                targets = try resources.map { resource in
                    guard let session = live.first(where: { $0.resource == resource }) else {
                        throw ChatError(.invalidParam, "no session with resource '\(resource)'")
                    }
                    return session
                }
            } else {
                targets = live
            }
            for session in targets {
                try context.endSession(session, type: EventType.userKickedByOtherDevice, code: .userKickedByOtherDevice, time: now)
            }
            return targets.map(\.resource)
        }
    }

    /// Appends an event for one session only (will-expire), once; or its forced logout (token expiry).
    func sessionEvent(_ resource: String, type: String, code: ErrorCode, endsSession: Bool, now: Int64) async throws {
        try await write { context in
            guard let session = try context.connection.session(resource), !session.isEnding else { return }
            if endsSession {
                try context.endSession(session, type: type, code: code, time: now)
            } else if !session.willExpireSent {
                let payload = try WireJSON.string(["code": JSONValue.int(Int64(code.rawValue))])
                try context.appendEvent(to: session.user, type: type, payloadJSON: payload, time: now, only: resource)
                try context.connection.query("UPDATE sessions SET will_expire_sent = 1 WHERE resource = ?", resource)
            }
        }
    }
}

extension WriteContext {
    /// §8.2: a returning device resumes at its own cursor; a new one at the oldest entry no session of the user
    /// has received (the furthest any device got), never behind the log's floor.
    func startCursor(of user: UserKey, deviceUUID: String) throws -> Int64 {
        if let own = try connection.first(
            "SELECT cursor FROM devices WHERE app = ? AND user_id = ? AND device_uuid = ?", user.app, user.userId, deviceUUID
        ) {
            return own.int(0)
        }
        let furthest = try connection.first("SELECT MAX(cursor) FROM devices WHERE app = ? AND user_id = ?", user.app, user.userId)?
            .optionalInt(0)
        let floor = try connection.first("SELECT floor FROM user_logs WHERE app = ? AND user_id = ?", user.app, user.userId)?.int(0) ?? 0
        return max(furthest ?? 0, floor)
    }
}
