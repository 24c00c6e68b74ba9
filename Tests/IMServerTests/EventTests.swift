import HTTPTypes
import HummingbirdTesting
import IMCore
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("The event channel (§0, §1.5, §4.3, §8.2)", .timeLimit(.minutes(1)))
struct EventTests {
    func withPair(_ body: @Sendable (TestServer, TestSession, TestSession) async throws -> Void) async throws {
        try await TestServer.withApp { server in
            try await body(server, try await server.login("alice"), try await server.login("bob"))
        }
    }

    @Test("a held request returns as soon as a message commits, well before the hold ends; live messages are onlineState true")
    func longPollWakesOnCommit() async throws {
        try await withPair { server, alice, bob in
            _ = try await bob.events()  // now online: later messages are live
            let started = ContinuousClock.now
            async let held = bob.events(wait: 30)
            try await Task.sleep(for: .milliseconds(300))
            try await alice.sendOK(to: "bob", text: "ping")
            let batch = try await held
            #expect(ContinuousClock.now - started < .seconds(20))
            let event = try #require(batch.events.first)
            #expect(event.type == EventType.messagesReceived)
            let message = try #require(try event.messages().first)
            #expect(message.body.text == "ping")
            #expect(message.direction == .receive)
            #expect(message.conversationId == "alice")
            #expect(message.onlineState)
            #expect(batch.cursor == String(event.seq!))
        }
    }

    @Test("an empty hold ends with no events and the same cursor")
    func emptyHold() async throws {
        try await withPair { server, alice, bob in
            let batch = try await bob.events(wait: 1)
            #expect(batch.events.isEmpty)
            #expect(batch.cursor == bob.login.cursor)
        }
    }

    @Test("a cursor past the end of the log was never issued → 110, instead of a stream that silently skips what comes")
    func unissuedCursor() async throws {
        try await withPair { server, alice, bob in
            try await alice.sendOK(to: "bob", text: "one")
            let info = try server.decode(CursorInfo.self, try await bob.call(.get, "/v1/events/cursor"))
            let end = try #require(Int64(info.cursor))
            #expect(try await bob.events(cursor: String(end)).events.isEmpty)
            #expect(try server.errorCode(try await bob.poll(cursor: String(end + 1_000), wait: 0)) == 110)
            try await alice.sendOK(to: "bob", text: "two")
            #expect(try await bob.events(cursor: "0").events.contains { $0.type == EventType.messagesReceived })
        }
    }

    @Test("offline backlog: sync markers around it, onlineState false; no markers without a message")
    func backlog() async throws {
        try await withPair { server, alice, bob in
            try await alice.sendOK(to: "bob", text: "one")
            try await alice.sendOK(to: "bob", text: "two")
            let batch = try await bob.events()
            #expect(
                batch.events.map(\.type) == [
                    EventType.offlineSyncStart, EventType.messagesReceived, EventType.messagesReceived, EventType.offlineSyncFinish,
                ])
            #expect(batch.events.first?.seq == nil)
            #expect(batch.events.last?.seq == nil)
            let messages = try batch.events.flatMap { try $0.messages() }
            #expect(messages.map(\.body.text) == ["one", "two"])
            #expect(messages.allSatisfy { !$0.onlineState })
            let seqs = batch.events.compactMap(\.seq)
            #expect(seqs == seqs.sorted() && Set(seqs).count == seqs.count)
        }
    }

    @Test("a backlog over several pages: one start marker first, one finish marker after its last page")
    func pagedBacklog() async throws {
        try await withPair { server, alice, bob in
            try await server.patchSettings("org#app", ["sendRatePerSecond": .int(10_000)])
            for index in 0..<150 { try await alice.sendOK(to: "bob", text: "m\(index)") }
            let first = try await bob.events()
            #expect(first.events.first?.type == EventType.offlineSyncStart)
            #expect(!first.events.contains { $0.type == EventType.offlineSyncFinish })
            let second = try await bob.events(cursor: first.cursor)
            #expect(!second.events.contains { $0.type == EventType.offlineSyncStart })
            #expect(second.events.last?.type == EventType.offlineSyncFinish)
            let messages = try (first.events + second.events).flatMap { try $0.messages() }
            #expect(messages.compactMap(\.body.text) == (0..<150).map { "m\($0)" })
            #expect(messages.allSatisfy { !$0.onlineState })
            try await alice.sendOK(to: "bob", text: "live")
            let live = try await bob.events(cursor: second.cursor, wait: 5)
            #expect(live.events.map(\.type) == [EventType.messagesReceived])
            #expect(try live.events.flatMap { try $0.messages() }.allSatisfy(\.onlineState))
        }
    }

    @Test("first delivery sends onMessagesDelivered (hasDeliverAck) to the sender, once")
    func deliveryReceipt() async throws {
        try await withPair { server, alice, bob in
            let sent = try await alice.sendOK(to: "bob", text: "ack me")
            _ = try await bob.events()
            let batch = try await alice.events(wait: 10)
            let receipt = try #require(batch.events.first { $0.type == EventType.messagesDelivered })
            let message = try #require(try receipt.messages().first)
            #expect(message.msgId == sent.message.msgId)
            #expect(message.hasDeliverAck)
            _ = try await bob.events(cursor: bob.login.cursor)
            let later = try await alice.events(cursor: batch.cursor, wait: 1)
            #expect(later.events.allSatisfy { $0.type != EventType.messagesDelivered })
        }
    }

    @Test("the sender's other device gets direction send; the sending device gets nothing")
    func multiDevice() async throws {
        try await withPair { server, alice, bob in
            let other = try await server.login("alice")
            try await alice.sendOK(to: "bob", text: "mine")
            let copy = try await other.events(wait: 5)
            let message = try #require(try copy.events.first { $0.type == EventType.messagesReceived }?.messages().first)
            #expect(message.direction == .send)
            #expect(message.conversationId == "bob")
            let own = try await alice.events()
            #expect(own.events.allSatisfy { $0.type != EventType.messagesReceived })
        }
    }

    @Test("deliverOnlineOnly: only sessions online at send time get it; never stored or queued")
    func onlineOnly() async throws {
        try await withPair { server, alice, bob in
            var message = Message(msgId: "", conversationId: "", from: "", to: "bob", chatType: .chat, body: .text(TextBody(content: "now or never")))
            message.deliverOnlineOnly = true
            _ = try server.decode(SendMessageResponse.self, try await alice.call(.post, "/v1/messages", body: message))
            let missed = try await bob.events()
            #expect(missed.events.isEmpty)
            _ = try server.decode(SendMessageResponse.self, try await alice.call(.post, "/v1/messages", body: message))
            let live = try await bob.events(cursor: missed.cursor)
            #expect(try live.events.flatMap { try $0.messages() }.map(\.body.text) == ["now or never"])
            let history = try server.decode(CursorResult<Message>.self, try await bob.call(.get, "/v1/conversations/alice/messages"))
            #expect(history.data.isEmpty)
        }
    }

    @Test("deliverOnlineOnly is idempotent too: a repeat answers the first result and delivers nothing; other content → 500")
    func onlineOnlyIdempotency() async throws {
        try await withPair { server, alice, bob in
            let before = try await bob.events()
            var message = Message(msgId: "live-1", conversationId: "", from: "", to: "bob", chatType: .chat, body: .text(TextBody(content: "once")))
            message.deliverOnlineOnly = true
            let first = try server.decode(SendMessageResponse.self, try await alice.call(.post, "/v1/messages", body: message))
            let again = try server.decode(SendMessageResponse.self, try await alice.call(.post, "/v1/messages", body: message))
            #expect(again.message == first.message && again.cursor == first.cursor)
            message.body = .text(TextBody(content: "twice"))
            #expect(try server.errorCode(try await alice.call(.post, "/v1/messages", body: message)) == 500)
            let live = try await bob.events(cursor: before.cursor)
            #expect(try live.events.flatMap { try $0.messages() }.map(\.body.text) == ["once"])
        }
    }

    @Test("a <userId>/<resource> address reaches only that session of the caller; others → 110 / 204")
    func ownSessionAddress() async throws {
        try await withPair { server, alice, bob in
            let tablet = try await server.login("alice")
            let laptop = try await server.login("alice")
            let sent = try await alice.sendOK(to: "alice/\(tablet.resource)", text: "to my tablet")
            #expect(sent.message.to == "alice")
            let got = try await tablet.events(wait: 5)
            #expect(try got.events.flatMap { try $0.messages() }.map(\.body.text) == ["to my tablet"])
            #expect(try await laptop.events().events.allSatisfy { $0.type != EventType.messagesReceived })
            #expect(try server.errorCode(try await alice.send(to: "bob/\(bob.resource)")) == 110)
            #expect(try server.errorCode(try await alice.send(to: "alice/linux_ffffffffffffffff")) == 204)
        }
    }

    @Test("cmd messages: onCmdMessagesReceived, never in history")
    func cmd() async throws {
        try await withPair { server, alice, bob in
            _ = try server.decode(SendMessageResponse.self, try await alice.send(to: "bob", body: .cmd(CmdBody(action: "typing"))))
            let batch = try await bob.events()
            #expect(batch.events.contains { $0.type == EventType.cmdMessagesReceived })
            let history = try server.decode(CursorResult<Message>.self, try await bob.call(.get, "/v1/conversations/alice/messages"))
            #expect(history.data.isEmpty)
        }
    }

    @Test("a cursor behind the oldest kept entry → gap: true; the newest 500 message entries are kept")
    func gap() async throws {
        try await withPair { server, alice, bob in
            try await server.patchSettings("org#app", ["sendRatePerSecond": .int(10_000)])
            for index in 0..<505 { try await alice.sendOK(to: "bob", text: "m\(index)") }
            let batch = try await bob.events(cursor: bob.login.cursor)
            #expect(batch.gap)
            let texts = try batch.events.flatMap { try $0.messages() }.compactMap(\.body.text)
            #expect(texts.first == "m5")
            let later = try await bob.events(cursor: batch.cursor)
            #expect(!later.gap)
        }
    }

    @Test("a new device starts at the oldest entry no session received; a returning one at its own cursor")
    func startPosition() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            try await alice.sendOK(to: "bob", text: "before any login")
            let bob = try await server.login("bob", device: "phone")
            let first = try await bob.events()
            #expect(try first.events.flatMap { try $0.messages() }.map(\.body.text) == ["before any login"])
            try await alice.sendOK(to: "bob", text: "while away")
            _ = try await bob.call(.delete, "/v1/sessions/current")
            let back = try await server.login("bob", device: "phone")
            #expect(back.login.cursor == first.cursor)
            let again = try await back.events()
            #expect(try again.events.flatMap { try $0.messages() }.map(\.body.text) == ["while away"])
        }
    }
}
