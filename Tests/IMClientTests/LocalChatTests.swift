import Glibc
import IMCore
import Testing

@testable import IMClient

/// The local-only chat and conversation methods (semantics §4.6) through the public API.
@Suite("Local conversations, import and search")
struct LocalChatTests {
    private static let loginJSON = #"{"userId":"alice","resource":"linux_00000000000000aa","cursor":"5","token":{"token":"tok","userId":"alice","issuedAt":0,"expiresAt":0,"ttl":0}}"#

    /// A client logged in as alice whose transport answers only the login: any other request fails the test.
    private func client(_ directory: TemporaryDirectory) async throws -> ChatClient {
        let options = ChatOptions(
            appKey: "acme#chat", serverURL: "http://127.0.0.1:9", dataDirectory: directory.path + "/data",
            credentialsPath: directory.path + "/config/credentials.json")
        let fake = FakeTransport { request in
            #expect(request.url.hasSuffix("/v1/sessions"), "local methods must reach no server: \(request.url)")
            return .json(Self.loginJSON)
        }
        let client = try ChatClient(options: options, transport: fake.transport)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")
        return client
    }

    private func text(_ id: String, from: String, to: String, time: Int64, _ content: String = "hi", chatType: ChatType = .chat) -> Message {
        Message(msgId: id, conversationId: "", from: from, to: to, chatType: chatType, body: .text(TextBody(content: content)), serverTime: time)
    }

    @Test func importAcceptsOnlyTheUsersMessagesAndDerivesConversations() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let chat = try await client(directory).chatManager
        let stranger = text("x1", from: "bob", to: "carol", time: 1)
        #expect(throws: ChatError(.messageInvalid, "message 'x1' is neither from nor to 'alice'")) {
            try chat.importMessages([self.text("ok1", from: "bob", to: "alice", time: 1), stranger])
        }
        #expect(try chat.loadAllConversations().isEmpty)  // nothing imported
        try chat.importMessages([
            text("m1", from: "bob", to: "alice", time: 10), text("m2", from: "alice", to: "bob", time: 20),
            text("g1", from: "carol", to: "alice", time: 5),
        ])
        let conversations = try chat.loadAllConversations()
        #expect(conversations.map(\.conversationId) == ["bob", "carol"])
        #expect(conversations.map(\.unreadCount) == [0, 0])
        let bob = try #require(try chat.getConversation("bob", type: .chat, createIfNeeded: false))
        #expect(try bob.latestMessage()?.msgId == "m2")
        #expect(try bob.latestMessage()?.direction == .send)
        #expect(try bob.lastReceivedMessage()?.msgId == "m1")
        #expect(try bob.getLocalMessageCount() == 2)
        #expect(bob.id == "bob" && !bob.isChatThread)
    }

    @Test func loadMessagesFromAnIdInBothDirections() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let chat = try await client(directory).chatManager
        var messages: [Message] = []
        for index in 1...6 {
            let sent = index % 2 == 0
            messages.append(text("m\(index)", from: sent ? "alice" : "bob", to: sent ? "bob" : "alice", time: Int64(index) * 10))
        }
        try chat.importMessages(messages)
        let bob = try #require(try chat.getConversation("bob", type: .chat, createIfNeeded: false))
        #expect(try bob.loadMessages(startMsgId: nil, count: 2, direction: .up).map(\.msgId) == ["m6", "m5"])
        #expect(try bob.loadMessages(startMsgId: "m4", count: 10, direction: .up).map(\.msgId) == ["m3", "m2", "m1"])
        #expect(try bob.loadMessages(startMsgId: "m4", count: 1, direction: .down).map(\.msgId) == ["m5"])
        #expect(try bob.loadMessages(startMsgId: nil, count: 2, direction: .down).map(\.msgId) == ["m1", "m2"])
        #expect(throws: ChatError.self) { try bob.loadMessages(startMsgId: "nope", count: 2, direction: .up) }
        #expect(throws: ChatError.self) { try bob.loadMessages(startMsgId: nil, count: 0, direction: .up) }
        #expect(throws: ChatError.self) { try bob.loadMessages(startMsgId: nil, count: 401, direction: .up) }
    }

    @Test func insertAppendUpdateAndDelete() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let chat = try await client(directory).chatManager
        let bob = try #require(try chat.getConversation("bob", type: .chat, createIfNeeded: true))
        try bob.insertMessage(text("m2", from: "bob", to: "alice", time: 20))
        try bob.insertMessage(text("m1", from: "bob", to: "alice", time: 10))
        let appended = try bob.appendMessage(text("note", from: "alice", to: "bob", time: 5, "local note"))
        #expect(appended.serverTime == 21)
        #expect(try bob.latestMessage()?.msgId == "note")
        var other = text("c1", from: "carol", to: "alice", time: 1)
        other.conversationId = "carol"
        #expect(throws: ChatError.self) { try bob.insertMessage(other) }
        try chat.importMessages([other])
        #expect(throws: ChatError.self) { try bob.updateMessage(other) }  // stored, but in carol's conversation

        var edited = appended
        edited.body = .text(TextBody(content: "edited note"))
        try bob.updateMessage(edited)
        #expect(try bob.latestMessage()?.body.text == "edited note")
        try chat.updateMessage(edited)
        #expect(throws: ChatError.self) { try bob.updateMessage(self.text("ghost", from: "alice", to: "bob", time: 1)) }
        #expect(throws: ChatError.self) { try chat.updateMessage(self.text("ghost", from: "alice", to: "bob", time: 1)) }

        try bob.deleteMessage("note")
        #expect(try bob.latestMessage()?.msgId == "m2")
        #expect(throws: ChatError.self) { try bob.deleteMessage("note") }
        try bob.deleteAllMessages()
        #expect(try bob.getLocalMessageCount() == 0)
        #expect(try bob.latestMessage() == nil)
        #expect(try chat.getConversation("bob", type: .chat, createIfNeeded: false) != nil)  // the conversation stays
    }

    @Test func readFlagsUnreadCountsAndExt() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let client = try await client(directory)
        let received = (1...3).map { text("r\($0)", from: "bob", to: "alice", time: Int64($0)) }.map { message in
            var message = message
            (message.conversationId, message.direction) = ("bob", .receive)
            return message
        }
        try client.core.store.with { store throws(ChatError) in try store.save(received, countUnread: true) }
        let bob = try #require(try client.chatManager.getConversation("bob", type: .chat, createIfNeeded: false))
        #expect(try bob.unreadCount == 3)
        try bob.markMessageAsRead("r2")
        try bob.markMessageAsRead("r2")  // already read: no second decrement
        #expect(try bob.unreadCount == 2)
        #expect(try bob.loadMessages(startMsgId: nil, count: 3, direction: .down).map(\.hasRead) == [false, true, false])
        try bob.markAllMessagesAsRead()
        #expect(try bob.unreadCount == 0)
        #expect(try bob.loadMessages(startMsgId: nil, count: 3, direction: .down).allSatisfy(\.hasRead))
        #expect(try bob.latestMessage()?.hasRead == true)

        #expect(try bob.ext == [:])
        try bob.setExt(["draft": "hello", "n": "1"])
        #expect(try bob.ext == ["draft": "hello", "n": "1"])
        #expect(try client.chatManager.loadAllConversations().first?.ext == ["draft": "hello", "n": "1"])
    }

    @Test func deleteBeforeAndDeleteAll() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let client = try await client(directory)
        let chat = client.chatManager
        try chat.importMessages([
            text("a1", from: "bob", to: "alice", time: 10), text("a2", from: "bob", to: "alice", time: 30),
            text("c1", from: "carol", to: "alice", time: 15),
        ])
        try client.core.store.with { store throws(ChatError) in try store.setValue("42", forKey: LocalStore.cursorKey("alice")) }
        try chat.deleteMessagesBefore(20)
        #expect(try chat.getConversation("bob", type: .chat, createIfNeeded: false)?.getLocalMessageCount() == 1)
        #expect(try chat.getConversation("carol", type: .chat, createIfNeeded: false)?.latestMessage() == nil)
        try chat.deleteAllMessageAndConversation()
        #expect(try chat.loadAllConversations().isEmpty)
        #expect(try chat.searchMsgsByOptions(MessageSearchOptions(count: 400)).isEmpty)
        #expect(try client.core.store.with { store throws(ChatError) in try store.value(forKey: LocalStore.cursorKey("alice")) } == "42")
    }

    @Test func attachmentPathsLieInTheDataDirectoryUnderTheMessageId() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let chat = try await client(directory).chatManager
        func path(_ displayName: String, thumbnail: Bool = false) throws -> String {
            var message = text("m1", from: "bob", to: "alice", time: 1)
            message.body = .image(FileBody(displayName: displayName))
            return try chat.attachmentPath(for: message, thumbnail: thumbnail)
        }
        let files = directory.path + "/data/files/m1/"
        #expect(try path("photo.jpg") == files + "photo.jpg")
        #expect(try path("photo.jpg", thumbnail: true) == files + "thumb-photo.jpg")
        #expect(try path("../../etc/passwd") == files + "passwd")
        for unsafe in ["", ".", "..", "a/.."] { #expect(try path(unsafe) == files + "m1") }
        var status = stat()
        #expect(stat(files, &status) == 0 && status.st_mode & 0o777 == 0o700)
        var badId = text("../x", from: "bob", to: "alice", time: 1)
        badId.body = .file(FileBody(displayName: "f"))
        #expect(throws: ChatError.self) { try chat.attachmentPath(for: badId, thumbnail: false) }
    }

    @Test func searchByKeywordTypeSenderTimeAndDirection() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let chat = try await client(directory).chatManager
        var file = text("f1", from: "bob", to: "alice", time: 35)
        file.body = .file(FileBody(displayName: "Invoice-2024.pdf"))
        try chat.importMessages([
            text("t1", from: "bob", to: "alice", time: 10, "The invoice is late"),
            text("t2", from: "alice", to: "bob", time: 20, "paying the INVOICE now"),
            text("t3", from: "carol", to: "alice", time: 30, "lunch?"),
            text("t4", from: "bob", to: "alice", time: 40, "ok 👍 100%"),
            file,
        ])
        func ids(_ options: MessageSearchOptions) throws -> [String] { try chat.searchMsgsByOptions(options).map(\.msgId) }
        #expect(try ids(MessageSearchOptions(keyword: "invoice")) == ["f1", "t2", "t1"])
        #expect(try ids(MessageSearchOptions(keyword: "voic", direction: .down)) == ["t1", "t2", "f1"])
        #expect(try ids(MessageSearchOptions(keyword: "invoice", types: [.text])) == ["t2", "t1"])
        #expect(try ids(MessageSearchOptions(keyword: "invoice", from: "bob")) == ["f1", "t1"])
        #expect(try ids(MessageSearchOptions(keyword: "invoice", ts: 20)) == ["t2", "t1"])
        #expect(try ids(MessageSearchOptions(keyword: "invoice", ts: 20, direction: .down)) == ["t2", "f1"])
        #expect(try ids(MessageSearchOptions(keyword: "invoice", count: 1)) == ["f1"])
        #expect(try ids(MessageSearchOptions(keyword: "%")) == ["t4"])  // short keywords: LIKE, wildcards escaped
        #expect(try ids(MessageSearchOptions(keyword: "👍")) == ["t4"])
        #expect(try ids(MessageSearchOptions(keyword: "\"quoted\"")).isEmpty)
        #expect(try ids(MessageSearchOptions()).count == 5)
        #expect(throws: ChatError.self) { try chat.searchMsgsByOptions(MessageSearchOptions(count: 0)) }
        #expect(throws: ChatError.self) { try chat.searchMsgsByOptions(MessageSearchOptions(count: 401)) }
    }

    @Test func commonKeywordsWalkTheTimeIndexAndFindTheSameMessages() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let chat = try await client(directory).chatManager
        let total = LocalStore.commonKeywordMatches + 200
        var messages: [Message] = []
        for index in 0..<total {
            let peer = index % 2 == 0 ? "bob" : "carol"
            let content = index % 10 == 9 ? "rare words \(index)" : "a Common word \(index)"
            messages.append(text("c\(index)", from: peer, to: "alice", time: Int64(index), content))
        }
        try chat.importMessages(messages)
        let common = (0..<total).filter { $0 % 10 != 9 }
        #expect(common.count >= LocalStore.commonKeywordMatches)
        func ids(_ options: MessageSearchOptions) throws -> [String] { try chat.searchMsgsByOptions(options).map(\.msgId) }
        #expect(try ids(MessageSearchOptions(keyword: "common", count: 3)) == common.suffix(3).reversed().map { "c\($0)" })
        #expect(try ids(MessageSearchOptions(keyword: "COMMON", ts: 100, count: 2, direction: .down)) == ["c100", "c101"])
        #expect(try ids(MessageSearchOptions(keyword: "common", from: "carol", count: 2)) == common.filter { $0 % 2 == 1 }.suffix(2).reversed().map { "c\($0)" })
        #expect(try ids(MessageSearchOptions(keyword: "rare", count: 2)) == ["c\(total - 1)", "c\(total - 11)"])
    }

    @Test func historyFetchesAreStoredOnlyWithNeedSave() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let page = #"{"cursor":null,"data":[{"msgId":"h1","conversationId":"bob","from":"bob","to":"alice","chatType":"chat","body":{"type":"text","content":"old"},"serverTime":7,"direction":"receive"}]}"#
        let fake = FakeTransport { request in .json(request.url.hasSuffix("/v1/sessions") ? Self.loginJSON : page) }
        let options = ChatOptions(
            appKey: "acme#chat", serverURL: "http://127.0.0.1:9", dataDirectory: directory.path + "/data",
            credentialsPath: directory.path + "/config/credentials.json")
        let client = try ChatClient(options: options, transport: fake.transport)
        _ = try await client.loginWithPassword(userId: "alice", password: "pw")
        let chat = client.chatManager
        _ = try await chat.fetchHistoryMessagesByOption(conversationId: "bob", type: .chat, options: FetchMessageOptions(), cursor: nil, pageSize: 20)
        #expect(try chat.getMessage("h1") == nil)
        _ = try await chat.fetchHistoryMessagesByOption(
            conversationId: "bob", type: .chat, options: FetchMessageOptions(needSave: true), cursor: nil, pageSize: 20)
        #expect(try chat.getMessage("h1")?.body.text == "old")
        #expect(try chat.getConversation("bob", type: .chat, createIfNeeded: false)?.unreadCount == 0)
    }

    @Test func otherDevicesOneWayDeletesAreMirrored() throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let store = try LocalStore(path: directory.path + "/store.sqlite")
        try store.importMessages((1...4).map { text("m\($0)", from: "bob", to: "alice", time: Int64($0) * 10) }, userId: "alice")
        func deliver(_ update: ConversationsUpdate, seq: Int64) throws {
            let payload = try WireJSON.decode([String: JSONValue].self, from: WireJSON.encode(update))
            try store.apply(EventDelivery(event: Event(type: EventType.conversationsUpdate, seq: seq, time: 100 + seq, payload: payload), cursor: String(seq)), userId: "alice")
        }
        try deliver(ConversationsUpdate(operation: .messagesRemoved, conversationIds: ["bob"], msgIds: ["m4"]), seq: 1)
        try deliver(ConversationsUpdate(operation: .messagesRemoved, conversationIds: ["bob"], beforeTs: 20), seq: 2)
        try deliver(ConversationsUpdate(operation: .pin, conversationIds: ["bob"], pinnedTime: 5), seq: 3)
        #expect(try store.messages(in: "bob", type: .chat).map(\.msgId) == ["m2", "m3"])
        #expect(try store.conversation("bob", type: .chat, create: false)?.latestMessage?.msgId == "m3")
        try deliver(ConversationsUpdate(operation: .delete, conversationIds: ["bob"], deleteMessages: true), seq: 4)
        #expect(try store.messages(in: "bob", type: .chat).isEmpty)
        #expect(try store.value(forKey: LocalStore.cursorKey("alice")) == "4")
    }

    @Test func twoStoresWriteAtOnce() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let path = directory.path + "/store.sqlite"
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try LocalStore(path: path)
                    for index in 0..<200 {
                        let message = Message(
                            msgId: "w\(writer)-\(index)", conversationId: "bob", from: "bob", to: "alice", chatType: .chat,
                            body: .text(TextBody(content: "writer \(writer) message \(index)")), serverTime: Int64(index), direction: .receive)
                        try store.save([message], countUnread: true)
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try LocalStore(path: path)
        #expect(try store.messageCount(conversationId: "bob", type: .chat) == 400)
        #expect(try store.conversations().first?.unreadCount == 400)
        #expect(try store.search(MessageSearchOptions(keyword: "writer 1", count: 400)).count == 200)
    }

    @Test func warmingUpForASendChangesNothing() async throws {
        let directory = TemporaryDirectory()
        defer { directory.cleanup() }
        let client = try await client(directory)
        let chat = client.chatManager
        try chat.importMessages([text("m1", from: "bob", to: "alice", time: 10)])
        let outgoing = Message(msgId: "", conversationId: "", from: "", to: "dave", chatType: .chat, body: .text(TextBody(content: "hello dave")))
        client.warmUp(sending: outgoing)
        let conversations = try chat.loadAllConversations()
        #expect(conversations.map(\.conversationId) == ["bob"])
        #expect(conversations.first?.latestMessage?.msgId == "m1")
        #expect(try chat.searchMsgsByOptions(MessageSearchOptions(keyword: "dave")).isEmpty)
    }
}
