import HTTPTypes
import IMCore
import IMSQLite
import Logging
import Testing

@testable import IMServer

@Suite("History retention (§8.1)", .timeLimit(.minutes(1)))
struct HistoryRetentionTests {
    private static let day: Int64 = 86_400_000

    /// Moves a stored message `by` milliseconds into the past, as if it had been sent then (its column and JSON).
    private static func backdate(_ msgId: String, by milliseconds: Int64, in server: TestServer) throws {
        let probe = try ProbeDatabase(path: server.dataDirectory + "/server.sqlite")
        try probe.connection.query(
            "UPDATE messages SET server_time = server_time - ?, json = json_set(json, '$.serverTime', server_time - ?) WHERE msg_id = ?",
            milliseconds, milliseconds, msgId)
    }

    /// Runs the retention sweep on the server's database through a second store, as the server does about hourly.
    private static func sweep(_ server: TestServer) async throws {
        let store = try SQLiteChatStore(path: server.dataDirectory + "/server.sqlite", logger: Logger(label: "sweep"), onDurable: { _ in })
        defer { store.close() }
        try await store.pruneHistory(now: WallClock.milliseconds())
    }

    /// The ID of each entry's latest message on the session's server conversation list.
    private static func latestMessageIds(of session: TestSession, in server: TestServer) async throws -> [String?] {
        try server.decode(CursorResult<ServerConversation>.self, try await session.call(.get, "/v1/conversations")).data.map(\.latestMessage?.msgId)
    }

    private static func stored(_ msgId: String, in server: TestServer) throws -> Int64 {
        try ProbeDatabase(path: server.dataDirectory + "/server.sqlite").count("SELECT COUNT(*) FROM messages WHERE msg_id = '\(msgId)'")
    }

    @Test("past historyRetentionDays a message leaves history at once; the sweep deletes it, its unread share and reaction, and the conversation moves to the message before")
    func expiry() async throws {
        try await MessageOpsWorld.run(settings: ["historyRetentionDays": .int(1)]) { world in
            let kept = try await world.alice.sendOK(to: "bob", text: "kept").message
            let expired = try await world.alice.sendOK(to: "bob", text: "expired").message
            try await world.bob.operation(.post, "/v1/messages/\(expired.msgId)/reactions", body: ReactionRequest(reaction: "👍"))
            try Self.backdate(expired.msgId, by: Self.day + 60_000, in: world.server)

            #expect(try await world.bob.history(with: "alice").map(\.msgId) == [kept.msgId])
            #expect(try await world.alice.history(with: "bob").map(\.msgId) == [kept.msgId])
            #expect(try await world.bob.unread(with: "alice") == 2)

            try await Self.sweep(world.server)
            #expect(try Self.stored(expired.msgId, in: world.server) == 0)
            #expect(try Self.stored(kept.msgId, in: world.server) == 1)
            let probe = try ProbeDatabase(path: world.server.dataDirectory + "/server.sqlite")
            #expect(try probe.count("SELECT COUNT(*) FROM reactions WHERE msg_id = '\(expired.msgId)'") == 0)
            #expect(try await world.bob.unread(with: "alice") == 1)
            #expect(try await Self.latestMessageIds(of: world.bob, in: world.server) == [kept.msgId])
            #expect(try await world.bob.failure(.post, "/v1/messages/\(expired.msgId)/reactions", body: ReactionRequest(reaction: "👍")) == 500)
        }
    }

    @Test("an expired message the sweep has not reached answers every message operation 500 and leaves the reaction and pin lists, as if deleted")
    func expiredMessageIsUnreachable() async throws {
        try await MessageOpsWorld.run(settings: ["historyRetentionDays": .int(1), "recallWindowSeconds": .int(604_800)]) { world in
            let expired = try await world.alice.sendOK(to: "bob", text: "expired").message.msgId
            try await world.bob.operation(.post, "/v1/messages/\(expired)/reactions", body: ReactionRequest(reaction: "like"))
            try await world.bob.operation(.post, "/v1/messages/\(expired)/pin")
            try Self.backdate(expired, by: Self.day + 60_000, in: world.server)

            let reactions = try world.server.decode([String: [MessageReaction]].self, try await world.bob.call(.get, "/v1/reactions?msgIds=\(expired)"))
            #expect(reactions.isEmpty)
            #expect(try world.server.decode([Message].self, try await world.bob.call(.get, "/v1/conversations/alice/pins")).isEmpty)

            let uri = "/v1/messages/\(expired)"
            #expect(try await world.bob.failure(.post, uri + "/reactions", body: ReactionRequest(reaction: "ok")) == 500)
            #expect(try await world.bob.failure(.delete, uri + "/reactions?reaction=like") == 500)
            #expect(try await world.bob.failure(.get, uri + "/reactions?reaction=like") == 500)
            #expect(try await world.bob.failure(.post, uri + "/read-ack") == 500)
            #expect(try await world.bob.failure(.post, uri + "/pin") == 500)
            #expect(try await world.bob.failure(.delete, uri + "/pin") == 500)
            #expect(try await world.bob.failure(.post, uri + "/reports", body: ReportRequest(tag: "spam", reason: "r")) == 500)
            #expect(try await world.bob.failure(.post, uri + "/translations", body: TranslateMessageRequest(targetLanguages: ["de"])) == 500)
            #expect(try await world.alice.failure(.patch, uri, body: ModifyMessageRequest(attributes: ["a": .int(1)])) == 500)
            #expect(try await world.alice.failure(.post, uri + "/recall", body: RecallRequest()) == 500)
            #expect(try Self.stored(expired, in: world.server) == 1)
        }
    }

    @Test("a conversation whose messages have all expired shows no latest message before the sweep, as after it")
    func expiredLatestMessage() async throws {
        try await MessageOpsWorld.run(settings: ["historyRetentionDays": .int(1)]) { world in
            let expired = try await world.alice.sendOK(to: "bob", text: "expired").message.msgId
            try Self.backdate(expired, by: Self.day + 60_000, in: world.server)

            #expect(try await Self.latestMessageIds(of: world.alice, in: world.server) == [nil])
            #expect(try await Self.latestMessageIds(of: world.bob, in: world.server) == [nil])
            try await Self.sweep(world.server)
            #expect(try await Self.latestMessageIds(of: world.bob, in: world.server) == [nil])
        }
    }

    @Test("historyRetentionDays 0 (the default) keeps history forever")
    func forever() async throws {
        try await MessageOpsWorld.run { world in
            let old = try await world.alice.sendOK(to: "bob", text: "old").message
            try Self.backdate(old.msgId, by: 3_650 * Self.day, in: world.server)
            try await Self.sweep(world.server)
            #expect(try await world.bob.history(with: "alice").map(\.msgId) == [old.msgId])
            #expect(try Self.stored(old.msgId, in: world.server) == 1)
        }
    }
}
