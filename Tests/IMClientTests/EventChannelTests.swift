import IMCore
import Testing

@testable import IMClient

@Suite("Event channel loop", .timeLimit(.minutes(1)))
struct EventChannelTests {
    private func channel(_ answers: [Result<EventBatch, ChatError>], polls: LineCollector, hooks: EventChannel.Hooks = .init()) -> EventChannel {
        let script = Locked(answers)
        var channel = EventChannel(
            start: { () throws(ChatError) -> String? in "5" },
            poll: { cursor, wait throws(ChatError) in
                polls.append("\(cursor ?? "-")/\(wait)")
                let answers = script.value
                script.set(Array(answers.dropFirst()))
                return try (answers.first ?? .success(EventBatch(events: [], cursor: cursor ?? "0"))).get()
            },
            hooks: hooks)
        channel.backoff = Backoff(base: .milliseconds(1), cap: .milliseconds(5))
        return channel
    }

    @Test func reconnectsAfterALaterFailureAndResumesFromTheLastCursor() async throws {
        let polls = LineCollector()
        let connection = LineCollector()
        let kicked = Event(type: EventType.userKickedByOtherDevice, seq: 7, time: 2)
        let message = Event(type: EventType.messagesReceived, seq: 6, time: 1)
        let loggedOut = LineCollector()
        let hooks = EventChannel.Hooks(connection: { connection.append("\($0)") }, loggedOut: { loggedOut.append($0.type) })
        let stream = channel([
            .success(EventBatch(events: [], cursor: "5")),
            .failure(ChatError(.connectionIOError, "reset")),
            .failure(ChatError(.serverNotReachable, "refused")),
            .success(EventBatch(events: [message], cursor: "6")),
            .success(EventBatch(events: [kicked], cursor: "7")),
        ], polls: polls, hooks: hooks).stream()
        var types: [String] = []
        for try await delivery in stream { types.append(delivery.event.type) }
        #expect(types == [
            EventType.connected, EventType.disconnected, EventType.connected, EventType.messagesReceived, EventType.userKickedByOtherDevice,
        ])
        #expect(polls.all == ["5/0", "5/30", "5/0", "5/0", "6/30"])
        #expect(loggedOut.all == [EventType.userKickedByOtherDevice])
        #expect(connection.all.first == "connected")
        #expect(connection.all.last == "disconnected(nil)")
    }

    @Test func startErrorEndsTheStreamBeforeAnyPoll() async {
        let polls = LineCollector()
        var failing = channel([], polls: polls)
        failing.start = { () throws(ChatError) -> String? in throw ChatError(.userNotLogin, "not logged in") }
        let error = await #expect(throws: ChatError.self) { for try await _ in failing.stream() {} }
        #expect(error?.code == .userNotLogin)
        #expect(polls.all.isEmpty)
    }

    @Test func droppingTheStreamStopsPolling() async throws {
        let polls = LineCollector()
        // The fake answers at once, so a channel that kept running would poll thousands of times below.
        for try await _ in channel([], polls: polls).stream() { break }
        let count = polls.all.count
        try await Task.sleep(for: .milliseconds(100))
        #expect(polls.all.count <= count + 1)
    }
}
