import HTTPTypes
import HummingbirdTesting
import IMCore
import IMSQLite
import Testing

@testable import IMServer

@Suite("Server conversation list: pins, marks, deletes, one-way deletes (§4.5, §5)", .timeLimit(.minutes(1)))
struct ConversationListTests {
    private func list(_ session: TestSession, _ query: String = "") async throws -> CursorResult<ServerConversation> {
        try session.server.decode(CursorResult<ServerConversation>.self, try await session.call(.get, "/v1/conversations?\(query)"))
    }

    private func pin(_ session: TestSession, _ peer: String, _ isPinned: Bool = true) async throws -> Reply {
        try await session.call(.post, "/v1/conversations/\(peer)/pin", body: PinConversationRequest(type: .chat, isPinned: isPinned))
    }

    private func mark(_ session: TestSession, _ peers: [String], _ mark: Int, add: Bool = true) async throws -> Reply {
        try await session.call(.post, "/v1/conversation-marks/\(add ? "add" : "remove")", body: ConversationMarkRequest(conversationIds: peers, mark: mark))
    }

    /// The `onConversationsUpdate` payloads a session has pending.
    private func updates(_ session: TestSession) async throws -> [ConversationsUpdate] {
        try await session.events().events.filter { $0.type == EventType.conversationsUpdate }.map {
            try WireJSON.decode(ConversationsUpdate.self, from: WireJSON.encode(JSONValue.object($0.payload)))
        }
    }

    @Test("pinned mode lists pinned entries newest pin first; pin needs an entry (110); re-pin and unpin of unpinned are no-ops")
    func pinning() async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol", "dave"]) { server in
            let alice = try await server.login("alice")
            let aliceOther = try await server.login("alice")
            let bob = try await server.login("bob")
            for peer in ["bob", "carol"] { try await alice.sendOK(to: peer, text: "to \(peer)") }
            _ = try await aliceOther.events()
            _ = try await bob.events()
            #expect(try server.errorCode(try await pin(alice, "dave")) == 110)
            let bobPin = try server.decode(ConversationsUpdate.self, try await pin(alice, "bob"))
            #expect(bobPin.operation == .pin && bobPin.cursor != nil && (bobPin.pinnedTime ?? 0) > 0)
            _ = try server.decode(ConversationsUpdate.self, try await pin(alice, "carol"))
            let again = try server.decode(ConversationsUpdate.self, try await pin(alice, "bob"))
            #expect(again.pinnedTime == bobPin.pinnedTime)
            let pinned = try await list(alice, "pinned=true")
            #expect(pinned.data.map(\.conversationId) == ["carol", "bob"])
            #expect(pinned.data.allSatisfy { $0.isPinned && $0.pinnedTime > 0 })
            let all = try await list(alice)
            #expect(all.data.map(\.conversationId) == ["carol", "bob"])
            _ = try server.decode(ConversationsUpdate.self, try await pin(alice, "carol", false))
            _ = try server.decode(ConversationsUpdate.self, try await pin(alice, "carol", false))
            #expect(try await list(alice, "pinned=true").data.map(\.conversationId) == ["bob"])
            #expect(try await list(alice).data.first { $0.conversationId == "carol" }?.pinnedTime == 0)

            // Own other device: pin bob, pin carol, unpin carol — the repeat pin and the repeat unpin sent nothing.
            #expect(try await updates(aliceOther).map(\.operation) == [.pin, .pin, .unpin])
            #expect(try await updates(alice).isEmpty)
            #expect(try await updates(bob).isEmpty)
            #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations?pinned=true&mark=1")) == 110)
        }
    }

    @Test("at most 50 pinned conversations (4)")
    func pinLimit() async throws {
        let peers = (0...50).map { "u\($0)" }
        try await TestServer.withApp(users: ["alice"] + peers) { server in
            let alice = try await server.login("alice")
            for peer in peers { try await alice.sendOK(to: peer, text: "hi") }
            for peer in peers.prefix(50) { _ = try server.decode(ConversationsUpdate.self, try await pin(alice, peer)) }
            #expect(try server.errorCode(try await pin(alice, peers[50])) == 4)
            _ = try server.decode(ConversationsUpdate.self, try await pin(alice, peers[0], false))
            _ = try server.decode(ConversationsUpdate.self, try await pin(alice, peers[50]))
        }
    }

    @Test("mark mode lists most recently marked first; ≤20 ids, mark 0–19, entries must exist (110); marks on entries")
    func marks() async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol", "dave"]) { server in
            let alice = try await server.login("alice")
            let aliceOther = try await server.login("alice")
            for peer in ["bob", "carol"] { try await alice.sendOK(to: peer, text: "to \(peer)") }
            _ = try await aliceOther.events()
            _ = try server.decode(ConversationsUpdate.self, try await mark(alice, ["carol"], 3))
            try await Task.sleep(for: .milliseconds(5))
            _ = try server.decode(ConversationsUpdate.self, try await mark(alice, ["bob"], 3))
            _ = try server.decode(ConversationsUpdate.self, try await mark(alice, ["bob", "carol"], 3))  // no change
            _ = try server.decode(ConversationsUpdate.self, try await mark(alice, ["bob"], 19))
            #expect(try await list(alice, "mark=3").data.map(\.conversationId) == ["bob", "carol"])
            #expect(try await list(alice, "mark=19").data.map(\.conversationId) == ["bob"])
            #expect(try await list(alice, "mark=0").data.isEmpty)
            #expect(try await list(alice).data.first { $0.conversationId == "bob" }?.marks == [3, 19])
            _ = try server.decode(ConversationsUpdate.self, try await mark(alice, ["carol"], 3, add: false))
            #expect(try await list(alice, "mark=3").data.map(\.conversationId) == ["bob"])

            #expect(try server.errorCode(try await mark(alice, ["bob"], 20)) == 110)
            #expect(try server.errorCode(try await mark(alice, ["bob", "dave"], 1)) == 110)
            #expect(try await list(alice, "mark=1").data.isEmpty)  // the failed call changed nothing
            #expect(try server.errorCode(try await mark(alice, (0...20).map { "u\($0)" }, 1)) == 110)
            #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations?mark=20")) == 110)
            let marked = try await updates(aliceOther)
            #expect(marked.map(\.operation) == [.mark, .mark, .mark, .unmark])
            #expect(marked.map(\.conversationIds) == [["carol"], ["bob"], ["bob"], ["carol"]])
            #expect(marked.map(\.mark) == [3, 3, 19, 3])
        }
    }

    @Test("cursors page each mode and belong to their mode and their owner (110)")
    func cursors() async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol"]) { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            for peer in ["bob", "carol"] {
                try await alice.sendOK(to: peer, text: "hi")
                _ = try server.decode(ConversationsUpdate.self, try await pin(alice, peer))
                _ = try server.decode(ConversationsUpdate.self, try await mark(alice, [peer], 2))
            }
            for mode in ["pinned=true", "mark=2", ""] {
                let first = try await list(alice, "pageSize=1&" + mode)
                let cursor = try #require(first.cursor)
                let second = try await list(alice, "pageSize=1&cursor=\(cursor)&" + mode)
                #expect(first.data.map(\.conversationId) + second.data.map(\.conversationId) == ["carol", "bob"])
                #expect(second.cursor == nil)
                let other = mode == "pinned=true" ? "mark=2" : "pinned=true"
                #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations?cursor=\(cursor)&" + other)) == 110)
                #expect(try server.errorCode(try await bob.call(.get, "/v1/conversations?cursor=\(cursor)&" + mode)) == 110, "another user's \(mode) cursor")
            }
        }
    }

    @Test("delete removes the entry and, by default, the caller's history one-way; the peer keeps theirs; next message re-creates it")
    func deleteConversation() async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol"]) { server in
            let alice = try await server.login("alice")
            let aliceOther = try await server.login("alice")
            let bob = try await server.login("bob")
            try await bob.sendOK(to: "alice", text: "old")
            try await alice.sendOK(to: "carol", text: "keep")
            _ = try server.decode(ConversationsUpdate.self, try await pin(alice, "bob"))
            _ = try server.decode(ConversationsUpdate.self, try await mark(alice, ["bob"], 1))
            _ = try await aliceOther.events()
            _ = try await bob.events()
            let deleted = try server.decode(ConversationsUpdate.self, try await alice.call(.delete, "/v1/conversations/bob?type=chat"))
            #expect(deleted.operation == .delete && deleted.deleteMessages == true)
            #expect(try await list(alice).data.map(\.conversationId) == ["carol"])
            #expect(try await list(alice, "mark=1").data.isEmpty)
            #expect(try server.decode(CursorResult<Message>.self, try await alice.call(.get, "/v1/conversations/bob/messages")).data.isEmpty)
            #expect(try server.decode(CursorResult<Message>.self, try await bob.call(.get, "/v1/conversations/alice/messages")).data.count == 1)
            let again = try server.decode(ConversationsUpdate.self, try await alice.call(.delete, "/v1/conversations/bob"))  // no entry: no-op
            #expect(again.operation == .delete)
            let sent = try await updates(aliceOther)
            #expect(sent.map(\.operation) == [.delete])
            #expect(sent.first?.conversationIds == ["bob"])
            #expect(try await updates(bob).isEmpty)

            try await bob.sendOK(to: "alice", text: "new")
            let back = try await list(alice)
            #expect(back.data.map(\.conversationId) == ["bob", "carol"])
            #expect(back.data[0].latestMessage?.body.text == "new" && !back.data[0].isPinned && back.data[0].unreadCount == 1)
            let history = try server.decode(CursorResult<Message>.self, try await alice.call(.get, "/v1/conversations/bob/messages"))
            #expect(history.data.compactMap(\.body.text) == ["new"])

            _ = try server.decode(ConversationsUpdate.self, try await alice.call(.delete, "/v1/conversations/carol?deleteMessages=false"))
            try await alice.sendOK(to: "carol", text: "again")
            #expect(try server.decode(CursorResult<Message>.self, try await alice.call(.get, "/v1/conversations/carol/messages")).data.count == 2)
            #expect(try server.errorCode(try await alice.call(.delete, "/v1/conversations/bob?type=chatRoom")) == 110)
            #expect(try server.errorCode(try await alice.call(.delete, "/v1/conversations/bob?deleteMessages=maybe")) == 110)
        }
    }

    @Test("one-way deletes hide messages from the caller's history and latestMessage only; ≤50 ids; other devices told")
    func oneWayDeletes() async throws {
        try await TestServer.withApp(users: ["alice", "bob"]) { server in
            let alice = try await server.login("alice")
            let aliceOther = try await server.login("alice")
            let bob = try await server.login("bob")
            var sent: [Message] = []
            for index in 0..<4 { sent.append(try await bob.sendOK(to: "alice", text: "m\(index)").message) }
            _ = try await aliceOther.events()
            _ = try await bob.events()
            func remove(_ body: RemoveMessagesRequest) async throws -> Reply {
                try await alice.call(.post, "/v1/conversations/bob/removed-messages", body: body)
            }
            func texts(_ session: TestSession, _ peer: String) async throws -> [String] {
                try server.decode(CursorResult<Message>.self, try await session.call(.get, "/v1/conversations/\(peer)/messages")).data.compactMap(\.body.text)
            }
            _ = try server.decode(ConversationsUpdate.self, try await remove(RemoveMessagesRequest(type: .chat, msgIds: [sent[3].msgId, "unknownid"])))
            #expect(try await texts(alice, "bob") == ["m2", "m1", "m0"])
            #expect(try await list(alice).data.first?.latestMessage?.body.text == "m2")
            _ = try server.decode(ConversationsUpdate.self, try await remove(RemoveMessagesRequest(type: .chat, beforeTs: sent[2].serverTime)))
            #expect(try await texts(alice, "bob") == ["m2"])
            _ = try server.decode(ConversationsUpdate.self, try await remove(RemoveMessagesRequest(type: .chat, beforeTs: sent[1].serverTime)))  // earlier bound: no-op
            #expect(try await texts(alice, "bob") == ["m2"])
            #expect(try await texts(bob, "alice") == ["m3", "m2", "m1", "m0"])
            #expect(try await list(bob).data.first?.latestMessage?.body.text == "m3")

            let told = try await updates(aliceOther)
            #expect(told.map(\.operation) == [.messagesRemoved, .messagesRemoved])
            #expect(told[0].msgIds == [sent[3].msgId] && told[0].beforeTs == nil)
            #expect(told[1].beforeTs == sent[2].serverTime)
            #expect(try await updates(bob).isEmpty)

            #expect(try server.errorCode(try await remove(RemoveMessagesRequest(type: .chat, msgIds: (0...50).map { "id\($0)" }))) == 110)
            #expect(try server.errorCode(try await remove(RemoveMessagesRequest(type: .chat))) == 110)
            #expect(try server.errorCode(try await remove(RemoveMessagesRequest(type: .chat, msgIds: ["a"], beforeTs: 1))) == 110)
            #expect(try server.errorCode(try await remove(RemoveMessagesRequest(type: .chatRoom, msgIds: ["a"]))) == 110)
            #expect(try server.errorCode(try await alice.call(.post, "/v1/conversations/nobody/removed-messages", body: RemoveMessagesRequest(type: .chat, beforeTs: 5))) == 204)
        }
    }

    @Test("a user holds at most 1,000 entries: a new one drops the least recently active unpinned entry; history stays")
    func entryCap() async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol"]) { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            try await alice.sendOK(to: "carol", text: "kept in history")
            _ = try server.decode(ConversationsUpdate.self, try await pin(alice, "carol"))
            let probe = try ProbeDatabase(path: server.dataDirectory + "/server.sqlite")
            try probe.connection.execute(
                """
                UPDATE conversations SET latest_time = 0 WHERE owner = 'alice' AND peer = 'carol';
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(ConversationLimits.maxEntries - 1))
                INSERT INTO conversations (app, owner, peer, chat_type, unread, latest_msg_id, latest_time)
                SELECT (SELECT app FROM conversations WHERE owner = 'alice' LIMIT 1), 'alice', printf('old%04d', i), 'chat', 0, NULL, i FROM n;
                """)
            let entries = "SELECT COUNT(*) FROM conversations WHERE owner = 'alice'"
            #expect(try probe.count(entries) == Int64(ConversationLimits.maxEntries))
            try await bob.sendOK(to: "alice", text: "new entry")
            #expect(try probe.count(entries) == Int64(ConversationLimits.maxEntries))
            #expect(try probe.count("SELECT COUNT(*) FROM conversations WHERE owner = 'alice' AND peer = 'old0001'") == 0)
            #expect(try probe.count("SELECT COUNT(*) FROM conversations WHERE owner = 'alice' AND peer IN ('old0002', 'carol', 'bob')") == 3)
            #expect(try server.decode(CursorResult<Message>.self, try await alice.call(.get, "/v1/conversations/carol/messages")).data.count == 1)
        }
    }
}
