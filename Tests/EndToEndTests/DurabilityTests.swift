import Foundation
import Testing

@Suite("an acknowledged message survives kill -9 of the server", .timeLimit(.minutes(2)))
struct DurabilityTests {
    @Test("SIGKILL right after the send returned: the message is in history and bob's stream exactly once")
    func killNineAfterAck() async throws {
        let world = try await World()
        let shells = try await world.loggedIn("alice", "bob")
        let (alice, bob) = (shells[0], shells[1])

        let sent = try await alice.run("msg", "send", "bob", "durable", "--msg-id", "durable-1")
        #expect(sent.exitCode == 0, "\(sent.stderr)")
        try await world.server.crashAndRestart()

        let history = try #require(try await bob.run("msg", "history", "alice").json() as? [[String: Any]])
        #expect(history.map { $0["msgId"] as? String } == ["durable-1"])

        let events = try await bob.run("events", "--since", "start", "--once")
        #expect(events.exitCode == 0, "\(events.stderr)")
        let ids = try events.lines()
            .filter { $0["type"] as? String == "onMessagesReceived" }
            .flatMap { ($0["messages"] as? [[String: Any]] ?? []).compactMap { $0["msgId"] as? String } }
        #expect(ids == ["durable-1"])

        let resent = try await alice.run("msg", "send", "bob", "durable", "--msg-id", "durable-1")
        #expect(resent.exitCode == 0, "\(resent.stderr)")
        let after = try #require(try await bob.run("msg", "history", "alice").json() as? [[String: Any]])
        #expect(after.count == 1)
    }
}
