import HTTPTypes
import IMCore
import Testing

@Suite("Pinned messages and reports (§4.4, §1.6)", .timeLimit(.minutes(1)))
struct PinTests {
    @Test("pin and unpin: pinInfo on messages, events to the peer and own other devices, re-pin notifies again, unpin of unpinned is silent")
    func pinUnpin() async throws {
        try await MessageOpsWorld.run { w in
            let sent = try await w.alice.sendOK(to: "bob", text: "important")
            let uri = "/v1/messages/\(sent.message.msgId)/pin"
            let pinned = try await w.bob.operation(.post, uri)
            #expect(pinned.message?.pinInfo?.operatorId == "bob")
            for (session, conversationId) in [(w.alice, "bob"), (w.alice2, "bob"), (w.bob2, "alice")] {
                let events = try await session.events(EventType.messagePinChanged, after: pinned.cursor)
                #expect(events.count == 1)
                let change = try #require(try events.first?.decodePayload(MessagePinChange.self))
                #expect(change.operation == .pin && change.conversationId == conversationId && change.pinInfo?.operatorId == "bob")
            }
            #expect(try await w.bob.events(EventType.messagePinChanged, after: pinned.cursor).isEmpty)
            #expect(try await w.alice.history(with: "bob").first?.pinInfo?.operatorId == "bob")

            let repinned = try await w.alice.operation(.post, uri)
            #expect(repinned.message?.pinInfo?.operatorId == "alice")
            #expect(try await w.bob.events(EventType.messagePinChanged, after: repinned.cursor).count == 1)

            let unpinned = try await w.bob.operation(.delete, uri)
            #expect(unpinned.message?.pinInfo == nil)
            let events = try await w.alice.events(EventType.messagePinChanged, after: unpinned.cursor)
            let change = try #require(try events.first?.decodePayload(MessagePinChange.self))
            #expect(change.operation == .unpin && change.pinInfo == nil)
            let again = try await w.bob.operation(.delete, uri)
            #expect(try await w.alice.events(EventType.messagePinChanged, after: again.cursor).isEmpty)

            let carol = try await w.server.login("carol")
            #expect(try await carol.failure(.post, uri) == 500)
        }
    }

    @Test("at most maxPinnedMessages per conversation (4); the list is newest pin first")
    func pinLimitAndOrder() async throws {
        try await MessageOpsWorld.run(settings: ["maxPinnedMessages": .int(2)]) { w in
            let one = try await w.alice.sendOK(to: "bob", text: "1")
            let two = try await w.alice.sendOK(to: "bob", text: "2")
            let three = try await w.alice.sendOK(to: "bob", text: "3")
            try await w.alice.operation(.post, "/v1/messages/\(one.message.msgId)/pin")
            try await w.bob.operation(.post, "/v1/messages/\(two.message.msgId)/pin")
            #expect(try await w.alice.failure(.post, "/v1/messages/\(three.message.msgId)/pin") == 4)
            try await w.alice.operation(.post, "/v1/messages/\(one.message.msgId)/pin")
            let pins = try w.server.decode([Message].self, try await w.bob.call(.get, "/v1/conversations/alice/pins"))
            #expect(pins.map(\.msgId) == [one.message.msgId, two.message.msgId])
            #expect(pins.first?.conversationId == "alice")
            #expect(try await w.bob.failure(.get, "/v1/conversations/nobody/pins") == 204)
        }
    }

    @Test("report: tag 1–32 and reason 1–512 bytes, participants only; the operator reads the reports")
    func reports() async throws {
        try await MessageOpsWorld.run { w in
            let sent = try await w.alice.sendOK(to: "bob", text: "spam spam")
            let uri = "/v1/messages/\(sent.message.msgId)/reports"
            #expect(try await w.bob.failure(.post, uri, body: ReportRequest(tag: "", reason: "r")) == 110)
            #expect(try await w.bob.failure(.post, uri, body: ReportRequest(tag: String(repeating: "t", count: 33), reason: "r")) == 110)
            #expect(try await w.bob.failure(.post, uri, body: ReportRequest(tag: "spam", reason: String(repeating: "r", count: 513))) == 110)
            #expect(try await w.server.login("carol").failure(.post, uri, body: ReportRequest(tag: "spam", reason: "r")) == 500)
            try await w.bob.operation(.post, uri, body: ReportRequest(tag: "spam", reason: "unsolicited"))
            let reports = try w.server.decode([MessageReport].self, try await w.server.admin(.get, "/v1/admin/reports"))
            #expect(reports.count == 1)
            #expect(reports.first?.reporter == "bob" && reports.first?.tag == "spam" && reports.first?.reason == "unsolicited")
            #expect(reports.first?.message.body.text == "spam spam")
            #expect(try w.server.errorCode(try await w.server.request(.get, "/v1/admin/reports", app: "org#app")) == 202)
        }
    }
}
