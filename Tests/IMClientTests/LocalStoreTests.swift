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
        try store.save([ServerConversation(conversationId: "bob", type: .chat, unreadCount: 4, latestMessage: latest)], eventCursor: 12)
        let conversation = try #require(try store.conversation("bob", type: .chat, create: false))
        #expect(conversation.unreadCount == 4)
        #expect(conversation.latestMessage == latest)
    }

    @Test("events at or before the list's event cursor are in the server's count: receives, a recall and a read change it no more")
    func serverCountCoversEarlierEvents() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        func received(_ id: String, from peer: String, at time: Int64) -> Message {
            message(id, from: peer, to: "alice", conversation: peer, direction: .receive, time: time)
        }
        func unread(_ peer: String) throws -> Int? { try store.conversation(peer, type: .chat, create: false)?.unreadCount }

        // bob: g1…g4 (seq 1–4), g1 recalled (seq 5), then the fetch (count 3 at cursor 5), then the backlog replayed.
        let backlog = (1...4).map { received("g\($0)", from: "bob", at: Int64($0) * 10) }
        try store.save([ServerConversation(conversationId: "bob", type: .chat, unreadCount: 3, latestMessage: backlog[3])], eventCursor: 5)
        for (index, message) in backlog.enumerated() { try store.save([message], countUnread: true, eventSeq: Int64(index + 1)) }
        try store.removeMessage("g1", eventSeq: 5)
        #expect(try unread("bob") == 3, "the recall before the fetch is in the count")
        try store.save([received("g5", from: "bob", at: 50)], countUnread: true, eventSeq: 6)
        #expect(try unread("bob") == 4)
        try store.removeMessage("g2", eventSeq: 7)
        #expect(try unread("bob") == 3, "a recall after the fetch is not in the count yet")

        // carol: c1 (seq 11) read on another device (seq 12 at time 15), c2 (seq 13), then the fetch (count 1 at cursor 13).
        let c1 = received("c1", from: "carol", at: 10)
        let c2 = received("c2", from: "carol", at: 20)
        try store.save([ServerConversation(conversationId: "carol", type: .chat, unreadCount: 1, latestMessage: c2)], eventCursor: 13)
        try store.save([c1], countUnread: true, eventSeq: 11)
        try store.markConversationRead("carol", type: .chat, event: Event(type: EventType.conversationRead, seq: 12, time: 15))
        #expect(try unread("carol") == 1, "the read before the fetch does not clear the newer message")
        #expect(try store.message("c1")?.hasRead == true)
        #expect(try store.message("c2")?.hasRead == false, "the read covers only messages up to its time")
        try store.markConversationRead("carol", type: .chat, event: Event(type: EventType.conversationRead, seq: 14, time: 25))
        #expect(try unread("carol") == 0)
    }

    @Test("events replayed after they were applied (an events run that stopped early) leave the unread count alone")
    func replayedEventsCountOnce() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        let received = (1...3).map { message("h\($0)", from: "bob", to: "alice", conversation: "bob", direction: .receive, time: Int64($0) * 10) }
        let read = Event(type: EventType.conversationRead, seq: 3, time: 25)
        func applyAll() throws {
            try store.save([received[0]], countUnread: true, eventSeq: 1)
            try store.save([received[1]], countUnread: true, eventSeq: 2)
            try store.markConversationRead("bob", type: .chat, event: read)
            try store.save([received[2]], countUnread: true, eventSeq: 4)
        }
        try applyAll()
        #expect(try store.conversation("bob", type: .chat, create: false)?.unreadCount == 1)
        try applyAll()
        #expect(try store.conversation("bob", type: .chat, create: false)?.unreadCount == 1, "the replayed read does not clear h3")

        // A delete on another device, replayed after a newer message: the newer one stays, and stays counted.
        let before = message("c1", from: "carol", to: "alice", conversation: "carol", direction: .receive, time: 10)
        let after = message("c2", from: "carol", to: "alice", conversation: "carol", direction: .receive, time: 20)
        let delete = Event(type: EventType.conversationsUpdate, seq: 6, time: 15)
        for _ in 0..<2 {
            try store.save([before], countUnread: true, eventSeq: 5)
            try store.deleteMessages(nil, conversationId: "carol", type: .chat, event: delete)
            try store.save([after], countUnread: true, eventSeq: 7)
        }
        #expect(try store.messages(in: "carol", type: .chat).map(\.msgId) == ["c2"])
        #expect(try store.conversation("carol", type: .chat, create: false)?.unreadCount == 1)
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
