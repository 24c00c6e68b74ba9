import IMSQLite

extension SessionRecord {
    /// The columns ``init(row:)`` expects, in order.
    static let columns = """
        resource, app, user_id, device_uuid, platform, device_name, login_ext, login_time, token_hash, cursor,
        will_expire_sent, end_seq
        """

    /// Reads a row selected with ``columns``.
    init(row: Row) {
        self.init(
            resource: row.string(0),
            app: row.int(1),
            userId: row.string(2),
            deviceUUID: row.string(3),
            platform: row.string(4),
            deviceName: row.string(5),
            loginExtension: row.optionalString(6),
            loginTime: row.int(7),
            tokenHash: row.string(8),
            cursor: row.int(9),
            willExpireSent: row.bool(10),
            endSeq: row.optionalInt(11)
        )
    }
}

extension Connection {
    /// One session by resource.
    func session(_ resource: String) throws -> SessionRecord? {
        try first("SELECT \(SessionRecord.columns) FROM sessions WHERE resource = ?", resource).map(SessionRecord.init(row:))
    }

    /// A user's sessions, oldest login first.
    func sessions(of user: UserKey) throws -> [SessionRecord] {
        try query(
            "SELECT \(SessionRecord.columns) FROM sessions WHERE app = ? AND user_id = ? ORDER BY login_time, rowid",
            user.app, user.userId
        ).map(SessionRecord.init(row:))
    }

    /// One user by lower-cased ID.
    func user(_ user: UserKey) throws -> StoredUser? {
        try first(
            "SELECT user_id, password_hash, created_at, active FROM users WHERE app = ? AND user_id = ?",
            user.app, user.userId
        ).map { StoredUser(userId: $0.string(0), passwordHash: $0.optionalString(1), createdAt: $0.int(2), active: $0.bool(3)) }
    }

    /// One token by the hash of its text.
    func token(_ hash: String) throws -> TokenRecord? {
        try first("SELECT hash, app, user_id, issued_at, expires_at, ttl, revoked FROM tokens WHERE hash = ?", hash).map {
            TokenRecord(
                hash: $0.string(0), app: $0.int(1), userId: $0.string(2), issuedAt: $0.int(3), expiresAt: $0.int(4),
                ttl: $0.int(5), revoked: $0.bool(6)
            )
        }
    }

    /// The user, or 204.
    func existingUser(_ key: UserKey) throws -> StoredUser {
        guard let found = try user(key) else { throw ChatErrorFactory.userNotFound(key.userId) }
        return found
    }
}
