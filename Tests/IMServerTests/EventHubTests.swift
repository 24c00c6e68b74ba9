import Testing

@testable import IMServer

@Suite("EventHub: wake-up on commit, shutdown releases held requests", .timeLimit(.minutes(1)))
struct EventHubTests {
    let user = UserKey(app: 1, userId: "alice")

    @Test("notify wakes a waiter; a stale generation returns at once")
    func notifyWakes() async throws {
        let hub = EventHub()
        let generation = await hub.generation(user)
        async let waited = hub.wait(for: user, after: generation, until: .now + .seconds(30))
        try await Task.sleep(for: .milliseconds(100))
        await hub.notify([user])
        #expect(await waited)
        #expect(await hub.generation(user) == generation + 1)
        let started = ContinuousClock.now
        #expect(await hub.wait(for: user, after: generation, until: .now + .seconds(30)))
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test("shutdown releases every held request at once and later waits do not hold")
    func shutdown() async throws {
        let hub = EventHub()
        let started = ContinuousClock.now
        async let first = hub.wait(for: user, after: 0, until: .now + .seconds(30))
        async let second = hub.wait(for: UserKey(app: 1, userId: "bob"), after: 0, until: .now + .seconds(30))
        try await Task.sleep(for: .milliseconds(100))
        await hub.shutDown()
        #expect(await first == false)
        #expect(await second == false)
        #expect(await hub.wait(for: user, after: 0, until: .now + .seconds(30)) == false)
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test("a deadline ends the wait; cancellation ends it early")
    func deadlineAndCancel() async throws {
        let hub = EventHub()
        #expect(await hub.wait(for: user, after: 0, until: .now + .milliseconds(50)))
        let started = ContinuousClock.now
        let task = Task { await hub.wait(for: user, after: 0, until: .now + .seconds(30)) }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        #expect(await task.value == false)
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test("online: a poll in progress or one ended within the grace period")
    func online() async {
        let hub = EventHub()
        #expect(await hub.isOnline("r1", graceSeconds: 60) == false)
        #expect(await hub.pollStarted("r1", graceSeconds: 60) == false)
        #expect(await hub.isOnline("r1", graceSeconds: 60))
        await hub.pollEnded("r1")
        #expect(await hub.pollStarted("r1", graceSeconds: 60))
        await hub.pollEnded("r1")
        await hub.forget("r1")
        #expect(await hub.isOnline("r1", graceSeconds: 60) == false)
    }
}
