import Foundation
import Testing

@Suite("forced logouts and token lifetime reach the affected imctl events stream", .timeLimit(.minutes(2)))
struct SessionEventTests {
    /// Starts `imctl events` for a shell and waits until its stream is live.
    private func listen(_ shell: UserShell, _ world: World, _ extra: String...) async throws -> StreamingProcess {
        let ready = world.directory.sub("ready-\(shell.name)-\(UUID().uuidString.prefix(6))")
        let stream = try shell.start(arguments: ["events", "--ready-file", ready] + extra)
        #expect(await waitForFile(ready), "events never became ready: \(stream.stderr)")
        return stream
    }

    @Test("a login beyond the device limit evicts the oldest session with 206; its stored login is cleared")
    func deviceLimitEviction() async throws {
        let world = try await World()
        #expect(try await world.admin("settings", "set", "maxDevicesPerUser=1").exitCode == 0)
        let alice = try await world.loggedIn("alice")[0]
        let stream = try await listen(alice, world)

        let laptop = world.user("alice-laptop")
        let login = try await laptop.run("login", "alice", "--password-stdin", stdin: "pw-alice\n")
        #expect(login.exitCode == 0, "\(login.stderr)")

        let event = await stream.waitFor { $0["type"] as? String == "onUserDidLoginFromOtherDevice" }
        #expect(event?["code"] as? Int == 206)
        #expect(await stream.waitForExit() != nil)
        #expect(try await alice.run("whoami").exitCode == 4)
        #expect(try await laptop.run("whoami").exitCode == 0)
    }

    @Test("kicking a device ends it with 217")
    func kick() async throws {
        let world = try await World()
        let alice = try await world.loggedIn("alice")[0]
        let stream = try await listen(alice, world)
        let devices = try #require(try await alice.run("devices", "list", "alice", "--password-stdin", stdin: "pw-alice\n").json() as? [[String: Any]])
        let resource = try #require(devices.first?["resource"] as? String)

        let kicked = try await world.user("other").run("devices", "kick", "alice", resource, "--password-stdin", stdin: "pw-alice\n")
        #expect(kicked.exitCode == 0, "\(kicked.stderr)")
        #expect(await stream.waitFor { $0["type"] as? String == "onUserKickedByOtherDevice" }?["code"] as? Int == 217)
        #expect(try await alice.run("whoami").exitCode == 4)
    }

    @Test("an operator password change ends every session with 216 and revokes old tokens")
    func passwordChange() async throws {
        let world = try await World()
        let alice = try await world.loggedIn("alice")[0]
        let stream = try await listen(alice, world)
        #expect(try await world.admin("password", "set", "alice", "--password-stdin", stdin: "new-secret\n").exitCode == 0)
        #expect(await stream.waitFor { $0["type"] as? String == "onUserDidChangePassword" }?["code"] as? Int == 216)
        #expect(try await alice.run("login", "alice", "--password-stdin", stdin: "new-secret\n").exitCode == 0)
    }

    @Test("a short token warns at 80 % with 109 and ends the session at expiry with 108")
    func tokenWillExpireAndExpiry() async throws {
        let world = try await World()
        #expect(try await world.admin("user", "create", "alice", "--password-stdin", stdin: "pw-alice\n").exitCode == 0)
        let issued = try #require(try await world.admin("token", "issue", "alice", "--ttl", "12").json() as? [String: Any])
        let token = try #require(issued["token"] as? String)
        let alice = world.user("alice")
        #expect(try await alice.run("login", "alice", "--token-stdin", stdin: token + "\n").exitCode == 0)
        let stream = try await listen(alice, world)
        #expect(await stream.waitFor(timeout: 30) { $0["type"] as? String == "onTokenWillExpire" }?["code"] as? Int == 109)
        #expect(await stream.waitFor(timeout: 30) { $0["type"] as? String == "onTokenDidExpire" }?["code"] as? Int == 108)
        #expect(await stream.waitForExit() != nil)
        #expect(try await alice.run("whoami").exitCode == 4)
    }
}

extension UserShell {
    func start(arguments: [String]) throws -> StreamingProcess {
        try StreamingProcess(arguments: arguments, environment: environment)
    }
}
