import HTTPTypes
import IMCore
import Testing

@Suite("Read receipts (§4.3, §5)", .timeLimit(.minutes(1)))
struct ReceiptTests {
    @Test("message read ack: receiver only, once; unread −1; the sender's sessions get onMessagesRead, nobody else")
    func messageReadAck() async throws {
        try await MessageOpsWorld.run { w in
            let first = try await w.alice.sendOK(to: "bob", text: "one")
            _ = try await w.alice.sendOK(to: "bob", text: "two")
            #expect(try await w.bob.unread(with: "alice") == 2)

            let acked = try await w.bob.operation(.post, "/v1/messages/\(first.message.msgId)/read-ack")
            #expect(acked.message?.hasRead == true)
            #expect(try await w.bob.unread(with: "alice") == 1)
            for session in [w.alice, w.alice2] {
                let read = try await session.events(EventType.messagesRead, after: acked.cursor)
                #expect(read.count == 1)
                let message = try #require(try read.first?.messages().first)
                #expect(message.msgId == first.message.msgId && message.hasReadAck && message.conversationId == "bob")
            }
            #expect(try await w.bob.events(EventType.messagesRead, after: acked.cursor).isEmpty)
            #expect(try await w.bob2.events(EventType.messagesRead, after: acked.cursor).isEmpty)

            let again = try await w.bob2.operation(.post, "/v1/messages/\(first.message.msgId)/read-ack")
            #expect(try await w.alice.events(EventType.messagesRead, after: again.cursor).isEmpty)
            #expect(try await w.bob.unread(with: "alice") == 1)

            #expect(try await w.alice.failure(.post, "/v1/messages/\(first.message.msgId)/read-ack") == 110)
            let carol = try await w.server.login("carol")
            #expect(try await carol.failure(.post, "/v1/messages/\(first.message.msgId)/read-ack") == 500)
            #expect(try await w.bob.failure(.post, "/v1/messages/unknown/read-ack") == 500)

            let aliceView = try await w.alice.history(with: "bob")
            #expect(aliceView.map(\.hasReadAck) == [false, true])
            let bobView = try await w.bob.history(with: "alice")
            #expect(bobView.map(\.hasRead) == [false, true])
            #expect(bobView.allSatisfy { !$0.hasReadAck })
        }
    }

    @Test("a cmd message never counted as unread, so neither its read ack nor its recall lowers the count")
    func commandMessagesLeaveUnreadAlone() async throws {
        try await MessageOpsWorld.run { w in
            _ = try await w.alice.sendOK(to: "bob", text: "counted")
            let command = try w.server.decode(
                SendMessageResponse.self, try await w.alice.send(to: "bob", body: .cmd(CmdBody(action: "typing"))))
            #expect(try await w.bob.unread(with: "alice") == 1)
            _ = try await w.bob.operation(.post, "/v1/messages/\(command.message.msgId)/read-ack")
            #expect(try await w.bob.unread(with: "alice") == 1)
            let other = try w.server.decode(
                SendMessageResponse.self, try await w.alice.send(to: "bob", body: .cmd(CmdBody(action: "typing"))))
            _ = try await w.alice.operation(.post, "/v1/messages/\(other.message.msgId)/recall", body: RecallRequest())
            #expect(try await w.bob.unread(with: "alice") == 1)
        }
    }

    @Test("conversation read ack: unread 0, hasReadAck on all; peer and own other devices get onConversationRead")
    func conversationReadAck() async throws {
        try await MessageOpsWorld.run { w in
            _ = try await w.alice.sendOK(to: "bob", text: "one")
            _ = try await w.alice.sendOK(to: "bob", text: "two")
            _ = try await w.bob.sendOK(to: "alice", text: "mine")
            let result = try w.server.decode(
                ConversationReadAckResult.self, try await w.bob.call(.post, "/v1/conversations/alice/read-ack"))
            #expect(result.conversationId == "alice")
            #expect(try await w.bob.unread(with: "alice") == 0)

            for (session, conversationId) in [(w.alice, "bob"), (w.alice2, "bob"), (w.bob2, "alice")] {
                let events = try await session.events(EventType.conversationRead, after: result.cursor)
                #expect(events.count == 1)
                let info = try #require(try events.first?.decodePayload(ConversationReadInfo.self))
                #expect(info == ConversationReadInfo(conversationId: conversationId, from: "bob", to: "alice"))
            }
            #expect(try await w.bob.events(EventType.conversationRead, after: result.cursor).isEmpty)

            let aliceView = try await w.alice.history(with: "bob")
            #expect(aliceView.filter { $0.from == "alice" }.allSatisfy { $0.hasReadAck })
            #expect(aliceView.first { $0.from == "bob" }?.hasReadAck == false)
            #expect(try await w.bob.history(with: "alice").allSatisfy { $0.hasRead })

            let again = try w.server.decode(
                ConversationReadAckResult.self, try await w.bob.call(.post, "/v1/conversations/alice/read-ack"))
            #expect(try await w.alice.events(EventType.conversationRead, after: again.cursor).isEmpty)

            #expect(try await w.bob.failure(.post, "/v1/conversations/nobody/read-ack") == 204)
            #expect(try await w.bob.failure(.post, "/v1/conversations/123/read-ack?type=chatRoom") == 110)
        }
    }
}
