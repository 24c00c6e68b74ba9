import IMCore
import Testing

@testable import IMClient

@Suite("Local store: message operation events")
struct LocalStoreMessageOpsTests {
    private func message(_ id: String, from: String, to: String, direction: MessageDirection, time: Int64) -> Message {
        Message(
            msgId: id, conversationId: "bob", from: from, to: to, chatType: .chat, body: .text(TextBody(content: id)),
            serverTime: time, direction: direction, status: .success)
    }

    /// A delivered event whose payload is `payload`'s JSON object.
    private func delivery(_ type: String, _ payload: some Encodable, seq: Int64) throws -> EventDelivery {
        let object = try WireJSON.decode([String: JSONValue].self, from: WireJSON.encode(payload))
        return EventDelivery(event: Event(type: type, seq: seq, time: 100 + seq, payload: object), cursor: String(seq))
    }

    @Test("reactions, pins, edits, read receipts and recalls update the messages the store holds, and only those")
    func appliesOperations() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        let sent = message("m1", from: "alice", to: "bob", direction: .send, time: 10)
        let received = message("m2", from: "bob", to: "alice", direction: .receive, time: 20)
        try store.save([sent], countUnread: false)
        try store.save([received], countUnread: true)

        let reaction = MessageReaction(reaction: "👍", userCount: 1, isAddedBySelf: false, userList: ["bob"])
        let change = MessageReactionEvent(
            conversationId: "bob", messageId: "m1", reactions: [reaction], operations: [ReactionOperation(userId: "bob", reaction: "👍", operate: .add)])
        try store.apply(try delivery(EventType.messageReactionDidChange, ["changes": [change]], seq: 1), userId: "alice")
        let pin = PinInfo(pinTime: 5, operatorId: "bob")
        try store.apply(
            try delivery(EventType.messagePinChanged, MessagePinChange(messageId: "m1", conversationId: "bob", operation: .pin, pinInfo: pin), seq: 2),
            userId: "alice")
        var edited = received
        edited.body = .text(TextBody(content: "edited"))
        try store.apply(
            try delivery(EventType.messageContentChanged, MessageContentChange(message: edited, operatorId: "bob", operationTime: 30), seq: 3),
            userId: "alice")
        try store.apply(try delivery(EventType.conversationRead, ConversationReadInfo(conversationId: "bob", from: "bob", to: "alice"), seq: 4), userId: "alice")

        var messages = try store.messages(in: "bob", type: .chat)
        #expect(messages.map(\.msgId) == ["m1", "m2"])
        #expect(messages[0].reactionList == [reaction] && messages[0].pinInfo == pin && messages[0].hasReadAck)
        #expect(messages[1].body.text == "edited" && !messages[1].hasRead)
        #expect(try store.conversation("bob", type: .chat, create: false)?.unreadCount == 1)

        try store.apply(try delivery(EventType.conversationRead, ConversationReadInfo(conversationId: "bob", from: "alice", to: "bob"), seq: 5), userId: "alice")
        messages = try store.messages(in: "bob", type: .chat)
        #expect(messages[1].hasRead)
        #expect(try store.conversation("bob", type: .chat, create: false)?.unreadCount == 0)

        let recall = RecallMessageInfo(recallMessageId: "m2", recallBy: "bob", conversationId: "bob", recallMessage: received, ext: nil)
        let never = RecallMessageInfo(recallMessageId: "m8", recallBy: "bob", conversationId: "bob", recallMessage: received, ext: "x")
        let applied = try store.apply(try delivery(EventType.messagesRecalledInfo, ["recalls": [recall, never]], seq: 6), userId: "alice")
        let told = try applied.event.decodePayload(RecallsPayload.self).recalls
        #expect(told.map(\.recallMessage?.body.text) == ["edited", nil])
        #expect(try store.messages(in: "bob", type: .chat).map(\.msgId) == ["m1"])
        #expect(try store.conversation("bob", type: .chat, create: false)?.latestMessage?.msgId == "m1")

        var unknown = received
        unknown.msgId = "m9"
        try store.apply(
            try delivery(EventType.messageContentChanged, MessageContentChange(message: unknown, operatorId: "bob", operationTime: 40), seq: 7),
            userId: "alice")
        #expect(try store.messages(in: "bob", type: .chat).map(\.msgId) == ["m1"])
        #expect(try store.value(forKey: LocalStore.cursorKey("alice")) == "7")
    }

    @Test("a recalled unread message stops counting as unread, so replaying its receipt and recall leaves the count as it was")
    func recallOfUnread() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        let kept = message("m1", from: "bob", to: "alice", direction: .receive, time: 10)
        let recalled = message("m2", from: "bob", to: "alice", direction: .receive, time: 20)
        let recall = RecallMessageInfo(recallMessageId: "m2", recallBy: "bob", conversationId: "bob", recallMessage: nil, ext: nil)
        for _ in 0..<3 {  // the same log, replayed from the start
            try store.apply(try delivery(EventType.messagesReceived, ["messages": [kept, recalled]], seq: 1), userId: "alice")
            try store.apply(try delivery(EventType.messagesRecalledInfo, ["recalls": [recall]], seq: 2), userId: "alice")
            #expect(try store.conversation("bob", type: .chat, create: false)?.unreadCount == 1)
        }
    }

    @Test("a read ack of a stored unread message lowers the local unread count once")
    func markRead() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        let received = message("m2", from: "bob", to: "alice", direction: .receive, time: 20)
        try store.save([received, message("m3", from: "bob", to: "alice", direction: .receive, time: 30)], countUnread: true)
        var read = received
        read.hasRead = true
        try store.markRead(read)
        try store.markRead(read)
        #expect(try store.conversation("bob", type: .chat, create: false)?.unreadCount == 1)
        #expect(try store.message("m2")?.hasRead == true)
    }
}
