import HTTPTypes
import HummingbirdTesting
import IMCore
import Testing

@Suite("Apps, users, tokens and logins (§1.1, §1.2)", .timeLimit(.minutes(1)))
struct AuthTests {
    @Test("a missing, malformed or unhosted app key → 100")
    func appKey() async throws {
        try await TestServer.run { server in
            _ = try await server.createApp()
            let body = RegisterRequest(userId: "alice", password: "secret")
            for app in [nil, "Org#App", "nohash", "org#other"] {
                #expect(try server.errorCode(try await server.request(.post, "/v1/users", app: app, body: body)) == 100)
            }
            let health = try await server.request(.get, "/v1/health")
            #expect(health.status == .ok)
        }
    }

    @Test("registration: 101, 105, 102, 203 (any letter case), 208 when closed; IDs are lower-cased")
    func registration() async throws {
        try await TestServer.run { server in
            _ = try await server.createApp()
            func code(_ userId: String, _ password: String) async throws -> Int {
                try server.errorCode(
                    try await server.request(.post, "/v1/users", app: "org#app", body: RegisterRequest(userId: userId, password: password)))
            }
            #expect(try await code("", "secret") == 101)
            #expect(try await code("a b", "secret") == 101)
            #expect(try await code(String(repeating: "a", count: 65), "secret") == 105)
            #expect(try await code("alice", "") == 102)
            #expect(try await code("alice", String(repeating: "p", count: 65)) == 102)
            let record = try await server.register("Alice")
            #expect(record.userId == "alice")
            #expect(try await code("ALICE", "secret") == 203)
            try await server.patchSettings("org#app", ["openRegistration": .bool(false)])
            #expect(try await code("bob", "secret") == 208)
        }
    }

    @Test("login: 204 unknown user, 202 wrong password, 104 unknown token, 202 token of another user")
    func loginErrors() async throws {
        try await TestServer.withApp { server in
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "carol", password: "secret", deviceUUID: "d1"))) == 204)
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", password: "wrong", deviceUUID: "d1"))) == 202)
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", token: "nope", deviceUUID: "d1"))) == 104)
            let bobToken = try await server.adminToken("bob", ttl: nil)
            #expect(
                try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", token: bobToken.token, deviceUUID: "d1"))) == 202)
            let session = try await server.login("alice", token: try await server.adminToken("alice", ttl: nil).token)
            #expect(session.resource.hasPrefix("linux_"))
            #expect(session.resource.count == "linux_".count + 16)
        }
    }

    @Test("an expired token → 108 at login; ttl 0 only by the operator; user ttl outside 1…31536000 → 110")
    func tokenExpiry() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            let short = try await server.adminToken("alice", ttl: 1)
            let never = try await server.adminToken("alice", ttl: 0)
            #expect(never.expiresAt == 0)
            let userToken = try await server.request(
                .post, "/v1/token", app: "org#app", body: TokenRequest(userId: "alice", password: "secret", ttl: 0))
            #expect(try server.errorCode(userToken) == 110)
            let issued = try server.decode(
                TokenInfo.self,
                try await server.request(.post, "/v1/token", app: "org#app", body: TokenRequest(userId: "alice", password: "secret", ttl: 60)))
            #expect(issued.expiresAt == issued.issuedAt + 60_000)
            try await Task.sleep(for: .milliseconds(1_100))
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "alice", token: short.token, deviceUUID: "d1"))) == 108)
            _ = try await server.login("alice", token: never.token)
        }
    }

    @Test("renew: 104 unknown, 108 expired, 202 other user; success keeps the session and its resource")
    func renew() async throws {
        try await TestServer.withApp { server in
            var session = try await server.login("alice")
            let expired = try await server.adminToken("alice", ttl: 1)
            let bobs = try await server.adminToken("bob", ttl: nil)
            try await Task.sleep(for: .milliseconds(1_100))
            let path = "/v1/sessions/current/token"
            #expect(try server.errorCode(try await session.call(.post, path, body: RenewTokenRequest(token: "nope"))) == 104)
            #expect(try server.errorCode(try await session.call(.post, path, body: RenewTokenRequest(token: expired.token))) == 108)
            #expect(try server.errorCode(try await session.call(.post, path, body: RenewTokenRequest(token: bobs.token))) == 202)
            let fresh = try await server.adminToken("alice", ttl: 600)
            let info = try server.decode(TokenInfo.self, try await session.call(.post, path, body: RenewTokenRequest(token: fresh.token)))
            #expect(info.expiresAt == fresh.expiresAt)
            session.token = fresh.token
            _ = try await session.events()
            #expect(try await session.sendOK(to: "bob").message.from == "alice")
        }
    }

    @Test("requests without a session → 201; after logout → 201; revoked token → 104")
    func sessionErrors() async throws {
        try await TestServer.withApp(users: ["alice"]) { server in
            let session = try await server.login("alice")
            #expect(try server.errorCode(try await server.request(.get, "/v1/events/cursor", app: "org#app")) == 201)
            var wrongResource = session.headers
            wrongResource[Header.resource] = "linux_0000000000000000"
            #expect(try server.errorCode(try await server.request(.get, "/v1/events/cursor", app: "org#app", headers: wrongResource)) == 201)
            _ = try server.decode(CursorInfo.self, try await session.call(.get, "/v1/events/cursor"))
            _ = try await session.call(.delete, "/v1/sessions/current")
            #expect(try server.errorCode(try await session.call(.get, "/v1/events/cursor")) == 201)
            let other = try await server.login("alice")
            _ = try await server.admin(.delete, "/v1/admin/users/alice/tokens")
            #expect(try server.errorCode(try await other.call(.get, "/v1/events/cursor")) == 104)
        }
    }
}
