import Glibc
import HTTPTypes
import IMCore
import Testing

@Suite("Recall and edit (§4.4, §5, §8.1)", .timeLimit(.minutes(1)))
struct RecallEditTests {
    @Test("recall: only the sender; message, reactions, pin and unread share go; peer and own other devices are told")
    func recall() async throws {
        try await MessageOpsWorld.run { w in
            let keep = try await w.alice.sendOK(to: "bob", text: "keep")
            let sent = try await w.alice.sendOK(to: "bob", text: "oops")
            let msgId = sent.message.msgId
            try await w.bob.operation(.post, "/v1/messages/\(msgId)/reactions", body: ReactionRequest(reaction: "👍"))
            try await w.bob.operation(.post, "/v1/messages/\(msgId)/pin")
            #expect(try await w.bob.unread(with: "alice") == 2)

            #expect(try await w.bob.failure(.post, "/v1/messages/\(msgId)/recall", body: RecallRequest()) == 210)
            let carol = try await w.server.login("carol")
            #expect(try await carol.failure(.post, "/v1/messages/\(msgId)/recall", body: RecallRequest()) == 500)
            #expect(
                try await w.alice.failure(.post, "/v1/messages/\(msgId)/recall", body: RecallRequest(ext: String(repeating: "x", count: 1_025)))
                    == 110)

            let recalled = try await w.alice.operation(.post, "/v1/messages/\(msgId)/recall", body: RecallRequest(ext: "typo"))
            #expect(recalled.message == nil)
            for (session, conversationId) in [(w.bob, "alice"), (w.bob2, "alice"), (w.alice2, "bob")] {
                let events = try await session.events(EventType.messagesRecalledInfo, after: recalled.cursor)
                #expect(events.count == 1)
                let info = try #require(try events.first?.decodePayload(RecallsWire.self).recalls.first)
                #expect(info.recallMessageId == msgId && info.recallBy == "alice" && info.ext == "typo")
                #expect(info.conversationId == conversationId)
                #expect(info.recallMessage?.body.text == "oops")
            }
            #expect(try await w.alice.events(EventType.messagesRecalledInfo, after: recalled.cursor).isEmpty)
            #expect(try await carol.events(EventType.messagesRecalledInfo, after: recalled.cursor).isEmpty)

            #expect(try await w.bob.history(with: "alice").map(\.msgId) == [keep.message.msgId])
            #expect(try await w.bob.unread(with: "alice") == 1)
            let list = try w.server.decode(CursorResult<ServerConversation>.self, try await w.bob.call(.get, "/v1/conversations"))
            #expect(list.data.first?.latestMessage?.msgId == keep.message.msgId)
            let pins = try w.server.decode([Message].self, try await w.bob.call(.get, "/v1/conversations/alice/pins"))
            #expect(pins.isEmpty)
            #expect(try await w.bob.failure(.post, "/v1/messages/\(msgId)/reactions", body: ReactionRequest(reaction: "👍")) == 500)
            #expect(try await w.alice.failure(.post, "/v1/messages/\(msgId)/recall", body: RecallRequest()) == 500)

            // The recalled message's ID stays used: a late retry of the send does not bring the message back.
            #expect(try w.server.errorCode(try await w.alice.send(to: "bob", text: "oops", msgId: msgId)) == 500)
            #expect(try await w.bob.events(EventType.messagesReceived, after: recalled.cursor).isEmpty)
            #expect(try await w.bob.history(with: "alice").map(\.msgId) == [keep.message.msgId])
        }
    }

    @Test("a recall at or after recallWindowSeconds → 504, and changes nothing")
    func recallWindow() async throws {
        try await MessageOpsWorld.run(settings: ["recallWindowSeconds": .int(1)]) { w in
            let sent = try await w.alice.sendOK(to: "bob", text: "late")
            usleep(1_100_000)
            #expect(try await w.alice.failure(.post, "/v1/messages/\(sent.message.msgId)/recall", body: RecallRequest()) == 504)
            #expect(try await w.bob.history(with: "alice").map(\.msgId) == [sent.message.msgId])
        }
    }

    @Test("an offline recipient gets the message and then onMessagesRecalledInfo from its backlog")
    func offlineRecall() async throws {
        try await MessageOpsWorld.run { w in
            let start = try await w.bob.events().cursor
            let sent = try await w.alice.sendOK(to: "bob", text: "gone soon")
            try await w.alice.operation(.post, "/v1/messages/\(sent.message.msgId)/recall", body: RecallRequest())
            let types = try await w.bob.events(cursor: start).events.map(\.type)
            #expect(types.filter { $0.hasPrefix("on") && $0 != "onOfflineMessageSyncStart" && $0 != "onOfflineMessageSyncFinish" }
                == [EventType.messagesReceived, EventType.messagesRecalledInfo])
        }
    }

    @Test("edit: text replaced with count and operator; peer and own other devices get onMessageContentChanged")
    func edit() async throws {
        try await MessageOpsWorld.run(settings: ["keywordFilter": .array([.string("badword")])]) { w in
            let sent = try await w.alice.sendOK(to: "bob", text: "helo")
            let uri = "/v1/messages/\(sent.message.msgId)"
            let edited = try await w.alice.operation(.patch, uri, body: ModifyMessageRequest(body: .text(TextBody(content: "hello"))))
            let message = try #require(edited.message)
            #expect(message.body.text == "hello")
            #expect(message.body.editInfo.modifyCount == 1 && message.body.editInfo.lastModifyOperatorId == "alice")
            #expect((message.body.editInfo.lastModifyTime ?? 0) >= sent.message.serverTime)

            for (session, conversationId) in [(w.bob, "alice"), (w.bob2, "alice"), (w.alice2, "bob")] {
                let events = try await session.events(EventType.messageContentChanged, after: edited.cursor)
                #expect(events.count == 1)
                let change = try #require(try events.first?.decodePayload(MessageContentChange.self))
                #expect(change.operatorId == "alice" && change.message.body.text == "hello")
                #expect(change.message.conversationId == conversationId)
            }
            #expect(try await w.alice.events(EventType.messageContentChanged, after: edited.cursor).isEmpty)
            #expect(try await w.bob.history(with: "alice").first?.body.text == "hello")

            #expect(try await w.bob.failure(.patch, uri, body: ModifyMessageRequest(attributes: ["a": .int(1)])) == 210)
            #expect(try await w.alice.failure(.patch, uri, body: ModifyMessageRequest(body: .custom(CustomBody(event: "e")))) == 511)
            #expect(try await w.alice.failure(.patch, uri, body: ModifyMessageRequest(body: .text(TextBody(content: "a badword")))) == 501)
            #expect(
                try await w.alice.failure(.patch, uri, body: ModifyMessageRequest(body: .text(TextBody(content: String(repeating: "x", count: 5_200)))))
                    == 510)
            #expect(try await w.alice.failure(.patch, uri, body: ModifyMessageRequest()) == 110)
            for round in 2...10 {
                try await w.alice.operation(.patch, uri, body: ModifyMessageRequest(attributes: ["round": .int(Int64(round))]))
            }
            #expect(try await w.alice.failure(.patch, uri, body: ModifyMessageRequest(attributes: ["round": .int(11)])) == 511)
            let stored = try #require(try await w.bob.history(with: "alice").first)
            #expect(stored.body.editInfo.modifyCount == 10 && stored.attributes == ["round": .int(10)] && stored.body.text == "hello")
        }
    }

    @Test("edit of a text: translations the client sends are dropped; new targetLanguages without a provider → 1111, after the access checks (210, 500), changing nothing")
    func editTranslations() async throws {
        try await MessageOpsWorld.run { w in
            let sent = try await w.alice.sendOK(to: "bob", text: "helo")
            let uri = "/v1/messages/\(sent.message.msgId)"
            var forged = TextBody(content: "hello")
            forged.translations = ["es": "forged"]
            let edited = try await w.alice.operation(.patch, uri, body: ModifyMessageRequest(body: .text(forged)))
            guard case .text(let text)? = edited.message?.body else { Issue.record("not a text body"); return }
            #expect(text.content == "hello" && text.translations == nil)

            let translate = ModifyMessageRequest(body: .text(TextBody(content: "hola", targetLanguages: ["es"])))
            #expect(try await w.alice.failure(.patch, uri, body: translate) == 1111)
            #expect(try await w.bob.failure(.patch, uri, body: translate) == 210)
            let carol = try await w.server.login("carol")
            #expect(try await carol.failure(.patch, uri, body: translate) == 500)
            let stored = try #require(try await w.bob.history(with: "alice").first)
            #expect(stored.body.text == "hello" && stored.body.editInfo.modifyCount == 1)
        }
    }

    @Test("edit of a custom message: replaced by another custom body; its format is checked (110)")
    func editCustom() async throws {
        try await MessageOpsWorld.run { w in
            let sent = try w.server.decode(
                SendMessageResponse.self, try await w.alice.send(to: "bob", body: .custom(CustomBody(event: "order", params: ["id": "1"]))))
            let uri = "/v1/messages/\(sent.message.msgId)"
            #expect(try await w.alice.failure(.patch, uri, body: ModifyMessageRequest(body: .custom(CustomBody(event: "bad event!")))) == 110)
            #expect(try await w.alice.failure(.patch, uri, body: ModifyMessageRequest(body: .text(TextBody(content: "text now")))) == 511)
            let edited = try await w.alice.operation(.patch, uri, body: ModifyMessageRequest(body: .custom(CustomBody(event: "order", params: ["id": "2"]))))
            guard case .custom(let body)? = edited.message?.body else { Issue.record("not a custom body"); return }
            #expect(body.params == ["id": "2"] && body.modifyCount == 1)
        }
    }

    @Test("edit of a location message: attributes only; a new body → 511")
    func editNonReplaceable() async throws {
        try await MessageOpsWorld.run { w in
            let sent = try w.server.decode(
                SendMessageResponse.self, try await w.alice.send(to: "bob", body: .location(LocationBody(latitude: 1, longitude: 2))))
            let uri = "/v1/messages/\(sent.message.msgId)"
            #expect(
                try await w.alice.failure(.patch, uri, body: ModifyMessageRequest(body: .location(LocationBody(latitude: 3, longitude: 4)))) == 511)
            let edited = try await w.alice.operation(.patch, uri, body: ModifyMessageRequest(attributes: ["note": .string("here")]))
            #expect(edited.message?.attributes == ["note": .string("here")])
            #expect(edited.message?.body.editInfo.modifyCount == 1)
        }
    }
}

/// The payload of `onMessagesRecalledInfo`.
struct RecallsWire: Decodable {
    var recalls: [RecallMessageInfo]
}
