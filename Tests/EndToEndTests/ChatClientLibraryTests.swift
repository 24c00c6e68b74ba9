import Foundation
import IMClient
import IMCore
import Synchronization
import Testing

/// The client library itself (`IMClient` over libcurl, no CLI on top) against a real `imctl serve`: the SDK-shaped API
/// of issue 2, each user with a store and credentials file of their own.
@Suite("ChatClient, the real client library, against the real server", .timeLimit(.minutes(2)))
struct ChatClientLibraryTests {
    @Test("createAccount, loginWithPassword, sendMessage (a retry stores nothing new), the receiver's stream and handlers, history, conversations, logout")
    func messaging() async throws {
        let world = try await World()
        let alice = try Self.client("alice", in: world)
        let bob = try Self.client("bob", in: world)
        _ = try await alice.createAccount(userId: "alice", password: "pw-alice")
        _ = try await bob.createAccount(userId: "bob", password: "pw-bob")
        #expect(!alice.isLoginBefore && alice.currentUserId == nil)
        let login = try await alice.loginWithPassword(userId: "alice", password: "pw-alice")
        #expect(login.userId == "alice" && alice.isLoginBefore && alice.currentUserId == "alice")
        _ = try await bob.loginWithPassword(userId: "bob", password: "pw-bob")

        let connections = Recorder<ConnectionEvent>()
        bob.addConnectionEventHandler("test") { connections.append($0) }
        let handled = Recorder<String>()
        bob.chatManager.addEventHandler("test") { handled.append($0.type) }
        let arrival = Task { try await Self.firstMessage(of: bob) }

        let text = Message(msgId: "", conversationId: "", from: "", to: "bob", chatType: .chat, body: .text(TextBody(content: "hello bob")))
        let sent = try await alice.chatManager.sendMessage(text)
        #expect(sent.message.msgId.count == 22 && sent.message.from == "alice" && sent.message.serverTime > 0)
        var retry = text
        retry.msgId = sent.message.msgId
        let retried = try await alice.chatManager.sendMessage(retry)
        #expect(retried.message.serverTime == sent.message.serverTime)

        let (received, connectedMeanwhile) = try await Self.within(seconds: 20) { try await arrival.value }
        #expect(received?.msgId == sent.message.msgId && received?.conversationId == "alice")
        #expect(connectedMeanwhile && connections.values.first == .connected)
        #expect(handled.values.contains(EventType.messagesReceived))

        let history = try await bob.chatManager.fetchHistoryMessagesByOption(
            conversationId: "alice", type: .chat, options: FetchMessageOptions(), cursor: nil, pageSize: 20
        )
        #expect(history.data.map(\.msgId) == [sent.message.msgId])
        let conversations = try await bob.chatManager.fetchConversationsByOptions(ConversationFetchOptions(), cursor: nil, pageSize: 20)
        #expect(conversations.data.map(\.conversationId) == ["alice"])
        #expect(conversations.data.first?.unreadCount == 1)
        #expect(try bob.chatManager.loadAllConversations().map(\.conversationId) == ["alice"])
        let local = try #require(try bob.chatManager.getConversation("alice", type: .chat, createIfNeeded: false)?.snapshot())
        #expect(local.unreadCount == 1 && local.latestMessage?.msgId == sent.message.msgId)

        try await alice.logout()
        #expect(!alice.isLoginBefore)
        await #expect(throws: ChatError.self) { _ = try await alice.chatManager.sendMessage(text) }
    }

    @Test("loginWithToken and renewToken keep the session; a kick from another device ends the stream with 217 and clears the login")
    func tokensAndKick() async throws {
        let world = try await World()
        let laptop = try Self.client("laptop", in: world)
        _ = try await laptop.createAccount(userId: "alice", password: "pw-alice")
        let first = try Self.token(try await world.admin("token", "issue", "alice"))
        let login = try await laptop.loginWithToken(userId: "alice", token: first)
        let renewed = try await laptop.renewToken(try Self.token(try await world.admin("token", "issue", "alice")))
        #expect(renewed.token != first && laptop.storedLogin?.resource == login.resource)
        #expect(Int64(try await laptop.eventCursor()) ?? -1 >= Int64(login.cursor) ?? .max)

        let connections = Recorder<ConnectionEvent>()
        laptop.addConnectionEventHandler("test") { connections.append($0) }
        let ended = Task { () throws -> String? in
            var last: String?
            for try await delivery in laptop.events(since: nil) { last = delivery.event.type }
            return last
        }
        let phone = try Self.client("phone", in: world)
        let kicked = try await phone.kickDevice(userId: "alice", password: "pw-alice", token: nil, resource: login.resource)
        #expect(!kicked.kicked.isEmpty)
        #expect(try await Self.within(seconds: 20) { try await ended.value } == "onUserKickedByOtherDevice")
        #expect(!laptop.isLoginBefore)
        #expect(connections.values.contains { if case .loggedOut = $0 { true } else { false } })
    }

    private static func client(_ name: String, in world: World) throws -> ChatClient {
        try ChatClient(
            options: ChatOptions(
                appKey: world.appKey, serverURL: world.server.url, dataDirectory: world.directory.sub("lib-\(name)/data"),
                credentialsPath: world.directory.sub("lib-\(name)/credentials.json")
            )
        )
    }

    /// The first one-to-one message `client`'s event stream delivers, and whether the client was connected then.
    private static func firstMessage(of client: ChatClient) async throws -> (Message?, Bool) {
        for try await delivery in client.events(since: nil) where delivery.event.type == EventType.messagesReceived {
            return (try delivery.event.messages().first, client.isConnected)
        }
        return (nil, false)
    }

    private static func token(_ issued: RunResult) throws -> String {
        let object = try #require(try issued.json() as? [String: Any], "\(issued.stderr)")
        return try #require(object["token"] as? String)
    }

    /// `body`'s result, or an error after `seconds`.
    private static func within<T: Sendable>(seconds: Int, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw TimedOut(seconds: seconds) }
            return value
        }
    }

    private struct TimedOut: Error { let seconds: Int }
}

/// Values handlers report from other threads, in order.
private final class Recorder<Value: Sendable>: Sendable {
    private let recorded = Mutex<[Value]>([])

    func append(_ value: Value) { recorded.withLock { $0.append(value) } }

    var values: [Value] { recorded.withLock { $0 } }
}
