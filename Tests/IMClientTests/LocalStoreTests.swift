import IMCore
import Testing

@testable import IMClient

@Suite("Local store")
struct LocalStoreTests {
    private func message(_ id: String, from: String, to: String, conversation: String, direction: MessageDirection, time: Int64, text: String = "hi") -> Message {
        Message(
            msgId: id, conversationId: conversation, from: from, to: to, chatType: .chat, body: .text(TextBody(content: text)),
            serverTime: time, direction: direction, status: .success)
    }

    @Test func storesMessagesAndConversations() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        let sent = message("m1", from: "alice", to: "bob", conversation: "bob", direction: .send, time: 10)
        let received = message("m2", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: 20)
        let other = message("m3", from: "carol", to: "alice", conversation: "carol", direction: .receive, time: 15)
        try store.save([sent], countUnread: false)
        try store.save([received, other], countUnread: true)
        try store.save([received], countUnread: true)  // a repeat is not unread twice

        #expect(try store.messages(in: "bob", type: .chat) == [sent, received])
        let conversations = try store.conversations()
        #expect(conversations.map(\.conversationId) == ["bob", "carol"])
        #expect(conversations[0].unreadCount == 1)
        #expect(conversations[0].latestMessage == received)
        #expect(conversations[0].lastReceivedMessage == received)
        #expect(conversations[0].id == "bob")
    }

    @Test func skipsCmdMessagesAndKeepsNewestLatest() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        var cmd = message("c1", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: 50)
        cmd.body = .cmd(CmdBody(action: "typing"))
        let newer = message("m2", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: 30)
        let older = message("m1", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: 20)
        try store.save([cmd, newer, older], countUnread: true)
        let conversation = try #require(try store.conversation("bob", type: .chat, create: false))
        #expect(conversation.latestMessage == newer)
        #expect(conversation.unreadCount == 2)
        #expect(try store.messages(in: "bob", type: .chat).map(\.msgId) == ["m1", "m2"])
    }

    @Test func getConversationCreatesOnlyWhenAsked() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        #expect(try store.conversation("g1", type: .groupChat, create: false) == nil)
        let created = try store.conversation("g1", type: .groupChat, create: true)
        #expect(created == LocalConversation(conversationId: "g1", type: .groupChat))
    }

    @Test func serverConversationsSetUnreadCounts() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        let latest = message("m9", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: 90)
        try store.save([ServerConversation(conversationId: "bob", type: .chat, unreadCount: 4, latestMessage: latest)])
        let conversation = try #require(try store.conversation("bob", type: .chat, create: false))
        #expect(conversation.unreadCount == 4)
        #expect(conversation.latestMessage == latest)
    }

    @Test("messages received after conv fetch that the server's count already covers are not counted again; newer ones are")
    func serverCountCoversEarlierMessages() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        let backlog = (1...4).map { message("g\($0)", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: Int64($0) * 10) }
        try store.save([ServerConversation(conversationId: "bob", type: .chat, unreadCount: 4, latestMessage: backlog[3])])
        try store.save(backlog, countUnread: true)
        #expect(try store.conversation("bob", type: .chat, create: false)?.unreadCount == 4)
        try store.save([message("g5", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: 50)], countUnread: true)
        #expect(try store.conversation("bob", type: .chat, create: false)?.unreadCount == 5)
    }

    @Test func twoConnectionsShareOneFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/store.sqlite"
        let first = try LocalStore(path: path)
        let second = try LocalStore(path: path)
        try first.setValue("10", forKey: "eventCursor.alice")
        #expect(try second.value(forKey: "eventCursor.alice") == "10")
        try second.save([message("m1", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: 1)], countUnread: true)
        #expect(try first.conversations().first?.unreadCount == 1)
        try first.setValue("11", forKey: "eventCursor.alice")
        #expect(try second.value(forKey: "eventCursor.alice") == "11")
    }

    @Test func appliesMessageEventsAndAdvancesTheCursor() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        let received = message("m1", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: 5)
        let payload: [String: JSONValue] = ["messages": try WireJSON.decode(JSONValue.self, from: WireJSON.encode([received]))]
        let event = Event(type: EventType.messagesReceived, seq: 12, time: 5, payload: payload)
        try store.apply(EventDelivery(event: event, cursor: "12"), userId: "alice")
        try store.apply(EventDelivery(event: Event(type: EventType.offlineSyncFinish, time: 6), cursor: "12"), userId: "alice")
        #expect(try store.messages(in: "bob", type: .chat) == [received])
        #expect(try store.value(forKey: LocalStore.cursorKey("alice")) == "12")
    }
}
