#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import IMCore
import Testing

@testable import IMClient

@Suite("ChatClient through a fake transport", .timeLimit(.minutes(1)))
struct ChatClientTests {
    static let loginJSON = #"{"userId":"alice","resource":"linux_00000000000000aa","cursor":"5","token":{"token":"tok","userId":"alice","issuedAt":0,"expiresAt":0,"ttl":0}}"#

    private func options(_ directory: TemporaryDirectory) -> ChatOptions {
        var options = ChatOptions(
            appKey: "acme#chat", serverURL: "http://127.0.0.1:9", dataDirectory: directory.path + "/data",
            credentialsPath: directory.path + "/config/credentials.json")
        options.maxAttempts = 2
        return options
    }

    private func event(_ type: String, seq: Int64) -> String { #"{"type":"\#(type)","seq":\#(seq),"time":1}"# }

    @Test func initChecksTheAppKey() {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        var bad = options(directory)
        bad.appKey = "Not A Key"
        #expect(throws: ChatError.self) { try ChatClient(options: bad, transport: FakeTransport().transport) }
    }

    @Test func loginStoresTheSessionAndSendsDeviceFields() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let fake = FakeTransport(json: Self.loginJSON)
        let client = try ChatClient(options: options(directory), transport: fake.transport)
        #expect(!client.isLoginBefore)
        let response = try await client.loginWithPassword(userId: "Alice", password: "pw")
        #expect(response.resource == "linux_00000000000000aa")
        #expect(client.currentUserId == "alice")
        #expect(client.storedLogin?.token == "tok")
        let body = try WireJSON.decode(LoginRequest.self, from: try #require(fake.requests.first?.body))
        #expect(body.userId == "alice")
        #expect(body.platform == "linux")
        #expect(body.deviceUUID == (try DeviceIdentity.uuid(in: directory.path + "/data")))
    }

    @Test func callsWithoutALoginFailWith201() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let fake = FakeTransport()
        let client = try ChatClient(options: options(directory), transport: fake.transport)
        let error = await #expect(throws: ChatError.self) { try await client.eventCursor() }
        #expect(error?.code == .userNotLogin)
        #expect(fake.requests.isEmpty)
    }

    @Test func sendFillsTheMessageIdKeepsItAcrossRetriesAndStoresTheResult() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let attempts = Counter()
        let fake = FakeTransport { request in
            if request.url.hasSuffix("/v1/sessions") { return .json(Self.loginJSON) }
            attempts.increment()
            if attempts.value == 1 { return .response(HTTPResponse(status: 503)) }
            var message = (try? WireJSON.decode(Message.self, from: request.body ?? Data()))!
            message.conversationId = "bob"
            message.from = "alice"
            message.serverTime = 100
            message.status = .success
            return .json(try! WireJSON.string(SendMessageResponse(message: message, cursor: "5")))
        }
        let client = try ChatClient(options: options(directory), transport: fake.transport)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")
        let response = try await client.chatManager.sendMessage(Message(msgId: "", conversationId: "", from: "", to: "bob", chatType: .chat, body: .text(TextBody(content: "hi"))))
        #expect(response.message.msgId.count == 22)
        #expect(response.message.localTime > 0)
        let sends = fake.requests.filter { $0.url.hasSuffix("/v1/messages") }
        #expect(sends.count == 2)
        #expect(sends[0].body == sends[1].body)
        #expect(try WireJSON.decode(Message.self, from: try #require(sends[0].body)).from == "alice")
        #expect(sends[0].header("Authorization") == "Bearer tok")
        let conversation = try client.chatManager.getConversation("bob", type: .chat, createIfNeeded: false)?.snapshot()
        #expect(conversation?.latestMessage?.msgId == response.message.msgId)
    }

    @Test func eventStreamConnectsDeliversAndEndsOnForcedLogout() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let polls = Counter()
        let fake = FakeTransport { request in
            if request.url.hasSuffix("/v1/sessions") { return .json(Self.loginJSON) }
            polls.increment()
            switch polls.value {
            case 1: return .json(#"{"events":[\#(self.event("onMessagesDelivered", seq: 6))],"cursor":"6","gap":false}"#)
            default: return .json(#"{"events":[\#(self.event("onUserKickedByOtherDevice", seq: 7))],"cursor":"7","gap":false}"#)
            }
        }
        let client = try ChatClient(options: options(directory), transport: fake.transport)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")
        let seen = LineCollector()
        client.addConnectionEventHandler("test") { seen.append("\($0)") }
        var types: [String] = []
        var cursors: [String] = []
        for try await delivery in client.events(since: "start") {
            types.append(delivery.event.type)
            cursors.append(delivery.cursor)
        }
        #expect(types == [EventType.connected, "onMessagesDelivered", "onUserKickedByOtherDevice"])
        #expect(cursors == ["0", "6", "7"])
        #expect(!client.isLoginBefore)
        #expect(!client.isConnected)
        #expect(seen.all.first == "connected")
        #expect(seen.all.contains { $0.hasPrefix("loggedOut") })
        let pollURLs = fake.requests.map(\.url).filter { $0.contains("/v1/events") }
        #expect(pollURLs == ["http://127.0.0.1:9/v1/events?cursor=0&wait=0", "http://127.0.0.1:9/v1/events?cursor=6&wait=30"])
    }

    @Test func handlersSeeEventsUntilRemovedAndEveryManagerIsReachable() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let polls = Counter()
        let fake = FakeTransport { request in
            if request.url.hasSuffix("/v1/sessions") { return .json(Self.loginJSON) }
            polls.increment()
            let event = polls.value == 1 ? self.event("onMessagesDelivered", seq: 6) : self.event("onUserKickedByOtherDevice", seq: 7)
            return .json(#"{"events":[\#(event)],"cursor":"\#(5 + polls.value)","gap":false}"#)
        }
        let client = try ChatClient(options: options(directory), transport: fake.transport)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")
        let kept = LineCollector(), removed = LineCollector(), connection = LineCollector(), removedConnection = LineCollector()
        client.chatManager.addEventHandler("kept") { kept.append($0.type) }
        client.chatManager.addEventHandler("removed") { removed.append($0.type) }
        client.chatManager.removeEventHandler("removed")
        client.addConnectionEventHandler("kept") { connection.append("\($0)") }
        client.addConnectionEventHandler("removed") { removedConnection.append("\($0)") }
        client.removeConnectionEventHandler("removed")
        for try await _ in client.events(since: "start") {}
        #expect(kept.all.contains("onMessagesDelivered") && kept.all.contains("onUserKickedByOtherDevice"))
        #expect(removed.all.isEmpty)
        #expect(connection.all.first == "connected")
        #expect(removedConnection.all.isEmpty)
        let managers: [AnyObject] = [
            client.chatManager, client.contactManager, client.groupManager, client.chatRoomManager, client.presenceManager,
            client.chatThreadManager, client.pushManager, client.userInfoManager,
        ]
        #expect(Set(managers.map(ObjectIdentifier.init)).count == 8)
    }

    @Test func eventStreamFailsFastWhenTheFirstConnectionFails() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let fake = FakeTransport { request in
            request.url.hasSuffix("/v1/sessions") ? .json(Self.loginJSON) : .failure(.transport(code: 7, message: "refused"))
        }
        let client = try ChatClient(options: options(directory), transport: fake.transport)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")
        let error = await #expect(throws: ChatError.self) {
            for try await _ in client.events(since: nil) {}
        }
        #expect(error?.code == .serverNotReachable)
        #expect(fake.requests.filter { $0.url.contains("/v1/events") }.count == 1)
    }

    @Test func rejectsAMalformedSince() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let client = try ChatClient(options: options(directory), transport: FakeTransport(json: Self.loginJSON).transport)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")
        let error = await #expect(throws: ChatError.self) {
            for try await _ in client.events(since: "yesterday") {}
        }
        #expect(error?.code == .invalidParam)
    }
}
