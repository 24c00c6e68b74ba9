import IMCore

@testable import IMServer

/// A user of a new app with one session, made straight on the store (no HTTP), for tests of the event log.
struct StoreSession {
    let user: UserKey
    let resource: String
    /// The session's start cursor.
    let start: Int64

    static func make(on store: SQLiteChatStore, userId: String = "bob", now: Int64) async throws -> StoreSession {
        let app = try await store.createApp(AppInfo(appKey: "org#app", clientId: "c", clientSecret: "s", createdAt: now, settings: AppSettings()))
        _ = try await store.createUser(app.id, StoredUser(userId: userId, passwordHash: nil, createdAt: now, active: true))
        let user = UserKey(app: app.id, userId: userId)
        let token = AuthController.tokenRecord(hash: "h", key: user, ttl: 600, now: now)
        let plan = LoginPlan(
            app: app, userId: userId, deviceUUID: "d", platform: "linux", deviceName: "linux", loginExtension: nil, token: token,
            insertToken: true, resource: "linux_0000000000000001", now: now
        )
        return StoreSession(user: user, resource: plan.resource, start: try await store.login(plan))
    }
}
