import HTTPTypes
import HummingbirdTesting
import IMCore
import NIOCore
import Testing

@Suite("Sending one-to-one messages (§3.2–§3.4, §4.2)", .timeLimit(.minutes(1)))
struct MessageTests {
    /// Runs `body` with an app, users alice and bob, and alice's session.
    func withAlice(settings: [String: JSONValue] = [:], _ body: @Sendable (TestServer, TestSession) async throws -> Void) async throws {
        try await TestServer.withApp(settings: settings) { server in
            try await body(server, try await server.login("alice"))
        }
    }

    @Test("a send returns the stored message: server fields set, serverTime strictly increasing")
    func send() async throws {
        try await withAlice { server, alice in
            let first = try await alice.sendOK(to: "Bob", text: "one")
            let second = try await alice.sendOK(to: "bob", text: "two")
            #expect(first.message.to == "bob")
            #expect(first.message.from == "alice")
            #expect(first.message.conversationId == "bob")
            #expect(first.message.status == .success)
            #expect(first.message.msgId.count == 22)
            #expect(second.message.serverTime > first.message.serverTime)
            #expect(Int64(second.cursor)! > Int64(first.cursor)!)
        }
    }

    @Test("idempotency: same msgId and content → the stored message and cursor, one event; other content or sender → 500")
    func idempotency() async throws {
        try await withAlice { server, alice in
            let bob = try await server.login("bob")
            let first = try await alice.sendOK(to: "bob", text: "hello", msgId: "m-1")
            let again = try await alice.sendOK(to: "bob", text: "hello", msgId: "m-1")
            #expect(again.message == first.message)
            #expect(again.cursor == first.cursor, "a replay answers with the cursor that preceded the original write")
            #expect(try server.errorCode(try await alice.send(to: "bob", text: "other", msgId: "m-1")) == 500)
            #expect(try server.errorCode(try await bob.send(to: "alice", text: "hello", msgId: "m-1")) == 500)
            let batch = try await bob.events()
            #expect(batch.events.filter { $0.type == EventType.messagesReceived }.count == 1)
            let history = try server.decode(CursorResult<Message>.self, try await bob.call(.get, "/v1/conversations/alice/messages"))
            #expect(history.data.map(\.msgId) == ["m-1"])
        }
    }

    @Test("format errors → 110; from ≠ caller → 500; unknown recipient → 204; attachments → 400")
    func formatErrors() async throws {
        try await withAlice { server, alice in
            func code(_ body: MessageBody, attributes: [String: JSONValue] = [:], msgId: String? = nil, to: String = "bob") async throws -> Int {
                try server.errorCode(try await alice.send(to: to, msgId: msgId, body: body, attributes: attributes))
            }
            let text = MessageBody.text(TextBody(content: "x"))
            #expect(try await code(text, msgId: "bad id") == 110)
            #expect(try await code(.text(TextBody(content: ""))) == 110)
            #expect(try await code(text, attributes: ["im_unknown": .bool(true)]) == 110)
            #expect(try await code(text, attributes: ["im_ignore_notification": .string("yes")]) == 110)
            #expect(try await code(.custom(CustomBody(event: "bad event!"))) == 110)
            #expect(try await code(.cmd(CmdBody(action: "im_reserved"))) == 110)
            #expect(try await code(.location(LocationBody(latitude: 91, longitude: 0))) == 110)
            #expect(try await code(.file(FileBody(displayName: "a.txt"))) == 400)  // no upload named
            #expect(try await code(text, to: "nobody") == 204)
            var forged = Message(msgId: "", conversationId: "", from: "bob", to: "bob", chatType: .chat, body: text)
            forged.attributes = ["im_at_list": .string("all"), "custom": .double(1.5)]
            #expect(try server.errorCode(try await alice.call(.post, "/v1/messages", body: forged)) == 500)
            forged.from = "alice"
            let sent = try server.decode(SendMessageResponse.self, try await alice.call(.post, "/v1/messages", body: forged))
            #expect(sent.message.attributes == forged.attributes)
        }
    }

    @Test("attribute values keep their JSON type exactly, an integral double included, in the answer, history and events")
    func attributeTypes() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            let attributes: [String: JSONValue] = ["d": .double(1), "i": .int(1), "f": .double(2.5), "s": .string("1")]
            let reply = try await alice.send(to: "bob", attributes: attributes)
            #expect(String(decoding: reply.body.readableBytesView, as: UTF8.self).contains(#""d":1.0"#))
            #expect(try server.decode(SendMessageResponse.self, reply).message.attributes == attributes)
            let history = try server.decode(CursorResult<Message>.self, try await bob.call(.get, "/v1/conversations/alice/messages"))
            #expect(history.data.first?.attributes == attributes)
            let received = try await bob.events().events.compactMap { try? $0.messages().first }.first
            #expect(received?.attributes == attributes)
        }
    }

    @Test("an attribute nested past 32 levels → 110, so no stored message can grow too deep to read back; 32 levels reach history and events")
    func attributeNesting() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            func nested(_ depth: Int) -> JSONValue { depth == 0 ? .int(1) : .array([nested(depth - 1)]) }
            #expect(try server.errorCode(try await alice.send(to: "bob", attributes: ["deep": nested(33)])) == 110)
            #expect(try server.errorCode(try await alice.send(to: "bob", attributes: ["deep": nested(509)])) == 110)
            var thread = Message(msgId: "", conversationId: "", from: "", to: "bob", chatType: .chat, body: .text(TextBody(content: "t")))
            thread.chatThread = nested(40)
            #expect(try server.errorCode(try await alice.call(.post, "/v1/messages", body: thread)) == 110)
            let sent = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", attributes: ["deep": nested(32)]))
            let received = try await bob.events().events.compactMap { try? $0.messages().first }
            #expect(received.map(\.msgId) == [sent.message.msgId])
            let history = try server.decode(CursorResult<Message>.self, try await bob.call(.get, "/v1/conversations/alice/messages"))
            #expect(history.data.first?.attributes["deep"] == nested(32))
        }
    }

    @Test("group and room targets before they exist: a malformed ID → 600/700, every format error before 606/705")
    func groupAndRoomTargets() async throws {
        try await withAlice { server, alice in
            func code(_ to: String, _ type: ChatType, text: String = "x", onlineOnly: Bool = false) async throws -> Int {
                var message = Message(msgId: "", conversationId: "", from: "", to: to, chatType: type, body: .text(TextBody(content: text)))
                message.deliverOnlineOnly = onlineOnly
                return try server.errorCode(try await alice.call(.post, "/v1/messages", body: message))
            }
            for bad in ["abc", "12a", "", String(repeating: "1", count: 21)] {
                #expect(try await code(bad, .groupChat) == 600, "group '\(bad)'")
                #expect(try await code(bad, .chatRoom) == 700, "room '\(bad)'")
            }
            #expect(try await code("123", .groupChat) == 606)
            #expect(try await code("123", .chatRoom) == 705)
            #expect(try await code("123", .groupChat, text: "") == 110)
            #expect(try await code("123", .chatRoom, onlineOnly: true) == 110)
            var threaded = Message(msgId: "", conversationId: "", from: "", to: "bob", chatType: .chat, body: .text(TextBody(content: "t")))
            threaded.isChatThreadMessage = true
            #expect(try server.errorCode(try await alice.call(.post, "/v1/messages", body: threaded)) == 110)
            for (path, expected) in [("abc/messages?type=groupChat", 600), ("12/messages?type=groupChat", 606), ("x/messages?type=chatRoom", 700)] {
                let reply = try await alice.call(.get, "/v1/conversations/" + path)
                #expect(try server.errorCode(reply) == expected, "\(path)")
            }
        }
    }

    @Test("body + attributes over 5,120 bytes → 510")
    func sizeLimit() async throws {
        try await withAlice { server, alice in
            #expect(try server.errorCode(try await alice.send(to: "bob", text: String(repeating: "x", count: 5_200))) == 510)
            #expect(try server.errorCode(try await alice.send(to: "bob", text: String(repeating: "x", count: 70_000))) == 510)
            _ = try await alice.sendOK(to: "bob", text: String(repeating: "x", count: 4_000))
        }
    }

    @Test("keyword filter → 501, case-insensitively")
    func keywordFilter() async throws {
        try await withAlice(settings: ["keywordFilter": .array([.string("Spam")])]) { server, alice in
            #expect(try server.errorCode(try await alice.send(to: "bob", text: "buy SPAM now")) == 501)
            _ = try await alice.sendOK(to: "bob", text: "fine")
        }
    }

    @Test("send rate per user → 502 (HTTP 429 with Retry-After: 1)")
    func rateLimit() async throws {
        try await withAlice(settings: ["sendRatePerSecond": .int(1)]) { server, alice in
            // Sent at once, so a loaded machine cannot spread them over several seconds.
            let answers = try await withThrowingTaskGroup(of: (code: Int, retryAfter: String?).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let response = try await alice.send(to: "bob")
                        return response.status == .ok ? (0, nil) : (try server.errorCode(response), response.headers[.retryAfter])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.contains { $0.code == 502 })
            #expect(answers.contains { $0.code == 0 })
            #expect(answers.filter { $0.code == 502 }.allSatisfy { $0.retryAfter == "1" })
        }
    }

    @Test("friendsOnlyMessaging → 221 except to oneself")
    func friendsOnly() async throws {
        try await withAlice(settings: ["friendsOnlyMessaging": .bool(true)]) { server, alice in
            #expect(try server.errorCode(try await alice.send(to: "bob")) == 221)
            _ = try await alice.sendOK(to: "alice")
        }
    }

    @Test("a send is acknowledged only after its COMMIT: a fresh connection sees it")
    func durable() async throws {
        try await withAlice { server, alice in
            let sent = try await alice.sendOK(to: "bob", text: "kept", msgId: "durable-1")
            let probe = try ProbeDatabase(path: server.dataDirectory + "/server.sqlite")
            #expect(try probe.count("SELECT COUNT(*) FROM messages WHERE msg_id = 'durable-1'") == 1)
            #expect(try probe.count("SELECT COUNT(*) FROM events WHERE msg_id = 'durable-1'") == 2)
            #expect(sent.message.msgId == "durable-1")
        }
    }
}
