import HTTPTypes
import HummingbirdTesting
import IMCore
@testable import IMServer
import Testing

@Suite("Sessions, devices and forced logout (§1.3, §1.4)", .timeLimit(.minutes(1)))
struct ForcedLogoutTests {
    /// Polls until the session's forced-logout event arrives, checks it is the last event, and that the session is over:
    /// later requests → 201, or 104 when the cause also revoked the session's token (§1.2).
    @discardableResult
    func expectForcedLogout(_ session: TestSession, type: String, code: Int64, later: Int = 201) async throws -> Event {
        let batch = try await session.events(wait: 5)
        let last = try #require(batch.events.last)
        #expect(last.type == type)
        #expect(last.code == code)
        #expect(try session.server.errorCode(try await session.poll()) == later)
        return last
    }

    @Test("device limit evictOldest: the oldest session gets 206 naming the new device")
    func evictOldest() async throws {
        try await TestServer.withApp(users: ["alice"], settings: ["maxDevicesPerUser": .int(1)]) { server in
            let first = try await server.login("alice", device: "one")
            let second = try await server.login("alice", device: "two", deviceName: "laptop")
            let event = try await expectForcedLogout(first, type: EventType.userDidLoginFromOtherDevice, code: 206)
            #expect(event.payload["deviceName"] == .string("laptop"))
            #expect(try await second.events().events.isEmpty)
        }
    }

    @Test("device limit rejectNew → 214 and no session changes")
    func rejectNew() async throws {
        try await TestServer.withApp(users: ["alice"], settings: ["maxDevicesPerUser": .int(1), "devicePolicy": .string("rejectNew")]) { server in
            let first = try await server.login("alice", device: "one")
            let refused = try await server.loginResponse(LoginRequest(userId: "alice", password: "secret", deviceUUID: "two"))
            #expect(try server.errorCode(refused) == 214)
            #expect(try await first.events().events.isEmpty)
        }
    }

    @Test("the same deviceUUID replaces its session silently; a held request of the old one ends with 201 at once")
    func sameDevice() async throws {
        try await TestServer.withApp(users: ["alice"], settings: ["maxDevicesPerUser": .int(1)]) { server in
            let first = try await server.login("alice", device: "same")
            _ = try await first.events()
            let started = ContinuousClock.now
            async let held = first.poll(wait: 30)
            try await Task.sleep(for: .milliseconds(200))
            let second = try await server.login("alice", device: "same")
            #expect(try server.errorCode(try await held) == 201)
            #expect(ContinuousClock.now - started < .seconds(20))
            #expect(try server.errorCode(try await first.poll()) == 201)
            #expect(try await second.events().events.isEmpty)
        }
    }

    @Test("device list and kick: 217 to the kicked session; 110 unknown resource; 202 bad credentials")
    func kick() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            let one = try await server.login("alice", device: "one")
            let two = try await server.login("alice", device: "two")
            let credentials = DeviceCredentials(userId: "alice", password: "secret")
            let devices = try server.decode([DeviceInfo].self, try await server.request(.post, "/v1/devices/list", app: "org#app", body: credentials))
            #expect(Set(devices.map(\.resource)) == [one.resource, two.resource])
            #expect(devices.allSatisfy { $0.online })
            let wrong = DeviceCredentials(userId: "alice", password: "nope", resource: one.resource)
            #expect(try server.errorCode(try await server.request(.post, "/v1/devices/kick", app: "org#app", body: wrong)) == 202)
            let unknown = DeviceCredentials(userId: "alice", password: "secret", resource: "linux_ffffffffffffffff")
            #expect(try server.errorCode(try await server.request(.post, "/v1/devices/kick", app: "org#app", body: unknown)) == 110)
            let kick = DeviceCredentials(userId: "alice", token: two.token, resource: one.resource)
            let result = try server.decode(KickResult.self, try await server.request(.post, "/v1/devices/kick", app: "org#app", body: kick))
            #expect(result.kicked == [one.resource])
            try await expectForcedLogout(one, type: EventType.userKickedByOtherDevice, code: 217)
            #expect(try await two.events().events.isEmpty)
        }
    }

    @Test("operator password change: 216 to every session, old tokens → 104, new password works")
    func passwordChange() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            let one = try await server.login("alice")
            let two = try await server.login("alice")
            let result = try server.decode(
                AdminActionResult.self, try await server.admin(.put, "/v1/admin/users/alice/password", body: SetPasswordRequest(password: "new")))
            #expect(result.sessionsEnded == 2)
            #expect(result.tokensRevoked == 2)
            try await expectForcedLogout(one, type: EventType.userDidChangePassword, code: 216, later: 104)
            try await expectForcedLogout(two, type: EventType.userDidChangePassword, code: 216, later: 104)
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", token: one.token, deviceUUID: "x"))) == 104)
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", password: "secret", deviceUUID: "x"))) == 202)
            _ = try await server.login("alice", password: "new")
        }
    }

    @Test("operator delete: 207, then the ID → 204")
    func deleteUser() async throws {
        try await TestServer.withApp { server in
            let session = try await server.login("alice")
            _ = try server.decode(AdminActionResult.self, try await server.admin(.delete, "/v1/admin/users/alice"))
            try await expectForcedLogout(session, type: EventType.userDidRemoveFromServer, code: 207, later: 104)
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", password: "secret", deviceUUID: "x"))) == 204)
            let bob = try await server.login("bob")
            #expect(try server.errorCode(try await bob.send(to: "alice")) == 204)
        }
    }

    @Test("operator deactivate: 305 event and 305 at login; reactivate restores login")
    func deactivate() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            let session = try await server.login("alice")
            _ = try await server.admin(.post, "/v1/admin/users/alice/deactivate")
            try await expectForcedLogout(session, type: EventType.userAuthenticationFailed, code: 305)
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", password: "secret", deviceUUID: "x"))) == 305)
            _ = try await server.admin(.post, "/v1/admin/users/alice/reactivate")
            _ = try await server.login("alice")
        }
    }

    @Test("operator token revocation: 202 event to sessions using them; the token → 104")
    func revoke() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            let session = try await server.login("alice")
            let result = try server.decode(AdminActionResult.self, try await server.admin(.delete, "/v1/admin/users/alice/tokens"))
            #expect(result.sessionsEnded == 1)
            try await expectForcedLogout(session, type: EventType.userAuthenticationFailed, code: 202, later: 104)
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", token: session.token, deviceUUID: "x"))) == 104)
        }
    }

    @Test("operator force-logout: 217 to every session")
    func forceLogout() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            let session = try await server.login("alice")
            _ = try await server.admin(.post, "/v1/admin/users/alice/logout")
            try await expectForcedLogout(session, type: EventType.userKickedByOtherDevice, code: 217)
        }
    }

    @Test("token will-expire (109) at 80 %, then expiry (108) ends the session; later requests → 108")
    func tokenLifetime() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            let token = try await server.adminToken("alice", ttl: 8)
            let session = try await server.login("alice", token: token.token)
            // On a loaded machine the first poll may start after both instants; the order is what must hold.
            var batch = try await session.events(wait: 10)
            var events = batch.events
            while !events.contains(where: { $0.type == EventType.tokenDidExpire }) && events.count < 4 {
                batch = try await session.events(cursor: batch.cursor, wait: 10)
                events += batch.events
            }
            #expect(events.map(\.type) == [EventType.tokenWillExpire, EventType.tokenDidExpire])
            #expect(events.map(\.code) == [109, 108])
            #expect(try server.errorCode(try await session.poll()) == 108)
        }
    }

    @Test("a session offline when its token expired gets onTokenDidExpire (no 109) on its next poll; then 108")
    func tokenExpiredWhileOffline() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            // Long enough for the login to happen before expiry on a loaded machine; then wait until it has passed.
            let token = try await server.adminToken("alice", ttl: 6)
            let session = try await server.login("alice", token: token.token)
            try await Task.sleep(for: .milliseconds(max(0, token.expiresAt - WallClock.milliseconds()) + 300))
            let events = try await session.events(wait: 5).events
            #expect(events.map(\.type) == [EventType.tokenDidExpire])
            #expect(try server.errorCode(try await session.poll()) == 108)
        }
    }
}
