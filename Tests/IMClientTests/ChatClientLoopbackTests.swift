import IMCore
import Testing

@testable import IMClient

@Suite("ChatClient over libcurl against a loopback server", .timeLimit(.minutes(1)))
struct ChatClientLoopbackTests {
    @Test func eventStreamStoresEventsAndDroppingItCancelsTheHeldPoll() async throws {
        let received = Message(
            msgId: "m1", conversationId: "bob", from: "bob", to: "alice", chatType: .chat, body: .text(TextBody(content: "hi")),
            serverTime: 10, direction: .receive, status: .success)
        let payload = try WireJSON.string(Event(type: EventType.messagesReceived, seq: 1, time: 10, payload: [
            "messages": try WireJSON.decode(JSONValue.self, from: WireJSON.encode([received])),
        ]))
        let server = try LoopbackHTTPServer { _, target in
            if target == "/v1/sessions" { return .init(body: ChatClientTests.loginJSON) }
            if target == "/v1/events?cursor=0&wait=0" { return .init(body: #"{"events":[\#(payload)],"cursor":"1","gap":false}"#) }
            return .init(body: #"{"events":[],"cursor":"1","gap":false}"#, delay: .seconds(20))
        }
        defer { server.stop() }
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let options = ChatOptions(
            appKey: "acme#chat", serverURL: "http://127.0.0.1:\(server.port)", dataDirectory: directory.path + "/data",
            credentialsPath: directory.path + "/credentials.json")
        let client = try ChatClient(options: options)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")

        let held = "GET /v1/events?cursor=1&wait=30"
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        var types: [String] = []
        do {
            var iterator = client.events(since: "start").makeAsyncIterator()
            while types.count < 2, let delivery = try await iterator.next() { types.append(delivery.event.type) }
            while !server.requestLines.contains(held) && clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(client.isConnected)
        }
        #expect(types == [EventType.connected, EventType.messagesReceived])
        #expect(server.requestLines.contains(held))
        let conversation = try client.chatManager.getConversation("bob", type: .chat, createIfNeeded: false)?.snapshot()
        #expect(conversation?.unreadCount == 1)
        #expect(conversation?.latestMessage?.msgId == "m1")

        // The stream is gone: its held poll (20 s) is cancelled and the channel reports the disconnect.
        let dropped = clock.now
        while client.isConnected && clock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!client.isConnected)
        #expect(clock.now - dropped < .seconds(5))
        // Login and the polls ran one after another, so one keep-alive connection carried them all.
        #expect(server.acceptedConnections == 1)
    }
}
