import HTTPTypes
import HummingbirdTesting
import IMCore
import NIOCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("The operator API (§1.6, §1.7)", .timeLimit(.minutes(1)))
struct AdminTests {
    @Test("settings PATCH merges; unknown key, wrong type or out of range → 110")
    func settings() async throws {
        try await TestServer.run { server in
            _ = try await server.createApp()
            let merged = try await server.patchSettings("org#app", ["maxDevicesPerUser": .int(7), "keywordFilter": .array([.string("x")])])
            #expect(merged.maxDevicesPerUser == 7)
            #expect(merged.keywordFilter == ["x"])
            #expect(merged.tokenTTL == AppSettings().tokenTTL)
            for patch: [String: JSONValue] in [
                ["noSuchSetting": .bool(true)], ["maxDevicesPerUser": .string("many")], ["maxDevicesPerUser": .int(0)],
                ["devicePolicy": .string("random")],
            ] {
                #expect(try server.errorCode(try await server.admin(.patch, "/v1/admin/apps/current/settings", body: patch)) == 110)
            }
            for (key, value) in [("maxDevicesPerUser", JSONValue.string("many")), ("sendRatePerSecond", .double(1e30))] {
                let reply = try await server.admin(.patch, "/v1/admin/apps/current/settings", body: [key: value])
                let body = try WireJSON.decode(APIErrorBody.self, from: Data(reply.body.readableBytesView))
                #expect(body.error.description.contains("'\(key)'"), "the error names the setting: \(body.error.description)")
            }
            let current = try server.decode(AppSettings.self, try await server.admin(.get, "/v1/admin/apps/current/settings"))
            #expect(current == merged)
        }
    }

    @Test("apps: bad operator credentials → 202; app credentials reach only their own app; delete removes the app")
    func apps() async throws {
        try await TestServer.run { server in
            let first = try await server.createApp("org#one")
            _ = try await server.createApp("org#two")
            #expect(try server.errorCode(try await server.request(.get, "/v1/admin/apps")) == 202)
            #expect(
                try server.errorCode(
                    try await server.request(
                        .post, "/v1/admin/apps", headers: ["Authorization": "Basic eDp5"], body: CreateAppRequest(appKey: "org#three"))) == 202)
            #expect(
                try server.errorCode(
                    try await server.request(.post, "/v1/admin/apps", headers: server.operatorHeaders, body: CreateAppRequest(appKey: "Bad Key")))
                    == 100)
            let all = try server.decode([AppInfo].self, try await server.request(.get, "/v1/admin/apps", headers: server.operatorHeaders))
            #expect(all.map(\.appKey) == ["org#one", "org#two"])
            let appAuth = ["Authorization": "Basic " + Data("\(first.clientId):\(first.clientSecret)".utf8).base64EncodedString()]
            let own = try server.decode([AppInfo].self, try await server.request(.get, "/v1/admin/apps", headers: appAuth))
            #expect(own.map(\.appKey) == ["org#one"])
            _ = try server.decode(
                AppSettings.self, try await server.request(.get, "/v1/admin/apps/current/settings", app: "org#one", headers: appAuth))
            #expect(try server.errorCode(try await server.request(.get, "/v1/admin/apps/current/settings", app: "org#two", headers: appAuth)) == 202)
            _ = try await server.admin(.delete, "/v1/admin/apps/current", app: "org#two")
            #expect(
                try server.errorCode(try await server.request(.post, "/v1/users", app: "org#two", body: RegisterRequest(userId: "a", password: "b")))
                    == 100)
        }
    }

    @Test("users: create without password (token-only), list, 203 duplicate, 204 unknown target")
    func users() async throws {
        try await TestServer.run { server in
            _ = try await server.createApp()
            _ = try server.decode(UserRecord.self, try await server.admin(.post, "/v1/admin/users", body: AdminCreateUserRequest(userId: "Tok")))
            #expect(try server.errorCode(try await server.admin(.post, "/v1/admin/users", body: AdminCreateUserRequest(userId: "tok"))) == 203)
            let users = try server.decode([UserRecord].self, try await server.admin(.get, "/v1/admin/users"))
            #expect(users.map(\.userId) == ["tok"])
            #expect(try server.errorCode(try await server.loginResponse(LoginRequest(userId: "tok", password: "any", deviceUUID: "d"))) == 202)
            _ = try await server.login("tok", token: try await server.adminToken("tok", ttl: 0).token)
            #expect(try server.errorCode(try await server.admin(.post, "/v1/admin/users/ghost/logout")) == 204)
            #expect(try server.errorCode(try await server.admin(.post, "/v1/admin/users/tok/tokens", body: IssueTokenRequest(ttl: -5))) == 110)
        }
    }
}
