import Foundation
import Testing

@Suite("login, whoami, token renew, logout", .timeLimit(.minutes(2)))
struct LoginLifecycleTests {
    @Test("renewing the token keeps the session; logout clears the stored login")
    func renewAndLogout() async throws {
        let world = try await World()
        let alice = try await world.loggedIn("alice")[0]
        let who = try #require(try await alice.run("whoami").json() as? [String: Any])
        #expect(who["userId"] as? String == "alice")
        let resource = who["resource"] as? String

        let issued = try #require(try await world.admin("token", "issue", "alice").json() as? [String: Any])
        let token = try #require(issued["token"] as? String)
        let renewed = try await alice.run("token", "renew", "--token-stdin", stdin: token + "\n")
        #expect(renewed.exitCode == 0, "\(renewed.stderr)")
        let after = try #require(try await alice.run("whoami").json() as? [String: Any])
        #expect(after["resource"] as? String == resource)
        #expect(try await alice.run("msg", "send", "alice", "note to self").exitCode == 0)

        let bad = try await alice.run("token", "renew", "--token-stdin", stdin: "not-a-token\n")
        #expect(bad.exitCode == 4)
        let hint = (try bad.errorEnvelope()["error"] as? [String: Any])?["hint"] as? String
        #expect(hint?.contains("imctl admin token issue") == true, "\(bad.stderr)")

        #expect(try await alice.run("logout").exitCode == 0)
        #expect(try await alice.run("whoami").exitCode == 4)
        #expect(try await alice.run("msg", "send", "alice", "x").exitCode == 4)
    }

    @Test("a logged-in profile refuses a second login (218 another user, 200 the same; exit 6) and keeps its session")
    func loginWhileLoggedIn() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let alice = shells[0]
        let before = try #require(try await alice.run("whoami").json() as? [String: Any])
        for (user, code) in [("bob", 218), ("alice", 200)] {
            let refused = try await alice.run("login", user, "--password-stdin", stdin: "pw-\(user)\n")
            #expect(refused.exitCode == 6)
            #expect((try refused.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int == code)
        }
        let after = try #require(try await alice.run("whoami").json() as? [String: Any])
        #expect(after["resource"] as? String == before["resource"] as? String)
        let sessions = try #require(try await alice.run("devices", "list", "alice", "--password-stdin", stdin: "pw-alice\n").json() as? [Any])
        #expect(sessions.count == 1)
        #expect(try await alice.run("logout").exitCode == 0)
        #expect(try await alice.run("login", "bob", "--password-stdin", stdin: "pw-bob\n").exitCode == 0)
    }

    @Test("registration closed by the operator answers 208")
    func closedRegistration() async throws {
        let world = try await World()
        #expect(try await world.admin("settings", "set", "openRegistration=false").exitCode == 0)
        let result = try await world.user("carol").run("register", "carol", "--password-stdin", stdin: "pw\n")
        #expect(result.exitCode == 5)
        #expect((try result.errorEnvelope()["error"] as? [String: Any])?["code"] as? Int == 208)
    }

    @Test("conv list reads the local store that sends and events filled")
    func localConversations() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        #expect(try await shells[0].run("msg", "send", "bob", "hi").exitCode == 0)
        let local = try #require(try await shells[0].run("conv", "list").json() as? [[String: Any]])
        #expect(local.contains { $0["conversationId"] as? String == "bob" })
        #expect(try await shells[1].run("events", "--since", "start", "--once").exitCode == 0)
        let bobs = try #require(try await shells[1].run("conv", "list").json() as? [[String: Any]])
        let entry = try #require(bobs.first { $0["conversationId"] as? String == "alice" })
        #expect(entry["unreadCount"] as? Int == 1)
    }
}
