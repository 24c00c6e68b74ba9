import HTTPTypes
import IMCore
import Testing

@Suite("Reactions (§3.8, §4.4, §6)", .timeLimit(.minutes(1)))
struct ReactionTests {
    @Test("add and remove: summaries per viewer, events to the peer and own other devices only, 1301 / 1302")
    func addRemove() async throws {
        try await MessageOpsWorld.run { w in
            let sent = try await w.alice.sendOK(to: "bob", text: "react to me")
            let uri = "/v1/messages/\(sent.message.msgId)/reactions"
            let added = try await w.bob.operation(.post, uri, body: ReactionRequest(reaction: "👍"))
            #expect(added.message?.reactionList == [MessageReaction(reaction: "👍", userCount: 1, isAddedBySelf: true, userList: ["bob"])])

            for (session, selfAdded, conversationId) in [(w.alice, false, "bob"), (w.alice2, false, "bob"), (w.bob2, true, "alice")] {
                let events = try await session.events(EventType.messageReactionDidChange, after: added.cursor)
                #expect(events.count == 1)
                let change = try #require(try events.first?.decodePayload(ReactionChangesWire.self).changes.first)
                #expect(change.messageId == sent.message.msgId && change.conversationId == conversationId)
                #expect(change.operations == [ReactionOperation(userId: "bob", reaction: "👍", operate: .add)])
                #expect(change.reactions.first?.isAddedBySelf == selfAdded)
            }
            #expect(try await w.bob.events(EventType.messageReactionDidChange, after: added.cursor).isEmpty)

            #expect(try await w.bob.failure(.post, uri, body: ReactionRequest(reaction: "👍")) == 1301)
            #expect(try await w.alice.failure(.delete, uri + "?reaction=%F0%9F%91%8D") == 1302)
            #expect(try await w.alice.failure(.post, uri, body: ReactionRequest(reaction: "")) == 110)
            #expect(try await w.alice.failure(.post, uri, body: ReactionRequest(reaction: String(repeating: "r", count: 129))) == 110)
            let carol = try await w.server.login("carol")
            #expect(try await carol.failure(.post, uri, body: ReactionRequest(reaction: "👍")) == 500)

            try await w.alice.operation(.post, uri, body: ReactionRequest(reaction: "👍"))
            let history = try #require(try await w.alice.history(with: "bob").first)
            #expect(history.reactionList == [MessageReaction(reaction: "👍", userCount: 2, isAddedBySelf: true, userList: ["bob", "alice"])])

            let removed = try await w.bob.operation(.delete, uri + "?reaction=%F0%9F%91%8D")
            #expect(removed.message?.reactionList == [MessageReaction(reaction: "👍", userCount: 1, isAddedBySelf: false, userList: ["alice"])])
            let events = try await w.alice.events(EventType.messageReactionDidChange, after: removed.cursor)
            #expect(try events.first?.decodePayload(ReactionChangesWire.self).changes.first?.operations.first?.operate == .remove)
        }
    }

    @Test("at most 20 distinct reactions (1300); an existing one still takes more users")
    func distinctLimit() async throws {
        try await MessageOpsWorld.run { w in
            let sent = try await w.alice.sendOK(to: "bob", text: "many")
            let uri = "/v1/messages/\(sent.message.msgId)/reactions"
            for index in 0..<20 { try await w.alice.operation(.post, uri, body: ReactionRequest(reaction: "r\(index)")) }
            #expect(try await w.bob.failure(.post, uri, body: ReactionRequest(reaction: "r20")) == 1300)
            let result = try await w.bob.operation(.post, uri, body: ReactionRequest(reaction: "r0"))
            #expect(result.message?.reactionList.count == 20)
            #expect(result.message?.reactionList.first?.userCount == 2)
        }
    }

    @Test("reaction list: ≤20 IDs, messages without reactions or not visible left out; detail paged earliest first")
    func listAndDetail() async throws {
        try await TestServer.withApp(users: ["alice", "bob", "u1", "u2", "u3", "u4"]) { server in
            let alice = try await server.login("alice")
            let reacted = try await alice.sendOK(to: "bob", text: "a")
            let plain = try await alice.sendOK(to: "bob", text: "b")
            let uri = "/v1/messages/\(reacted.message.msgId)/reactions"
            try await alice.operation(.post, uri, body: ReactionRequest(reaction: "x"))
            try await server.login("bob").operation(.post, uri, body: ReactionRequest(reaction: "x"))

            let lists = try server.decode(
                [String: [MessageReaction]].self,
                try await alice.call(.get, "/v1/reactions?msgIds=\(reacted.message.msgId),\(plain.message.msgId),unknown&chatType=chat"))
            #expect(Array(lists.keys) == [reacted.message.msgId])
            #expect(lists[reacted.message.msgId]?.first?.userList == ["alice", "bob"])
            let outsider = try await server.login("u1")
            let hidden = try server.decode([String: [MessageReaction]].self, try await outsider.call(.get, "/v1/reactions?msgIds=\(reacted.message.msgId)"))
            #expect(hidden.isEmpty)
            let tooMany = (0...20).map { "m\($0)" }.joined(separator: ",")
            #expect(try await alice.failure(.get, "/v1/reactions?msgIds=\(tooMany)") == 110)
            #expect(try await alice.failure(.get, "/v1/reactions?msgIds=a&chatType=chatRoom") == 110)
            #expect(try await alice.failure(.get, "/v1/reactions?msgIds=a&chatType=groupChat") == 110)

            let first = try server.decode(CursorResult<ReactionUser>.self, try await alice.call(.get, uri + "?reaction=x&pageSize=1"))
            #expect(first.data.map(\.userId) == ["alice"])
            let cursor = try #require(first.cursor)
            let second = try server.decode(CursorResult<ReactionUser>.self, try await alice.call(.get, uri + "?reaction=x&pageSize=1&cursor=\(cursor)"))
            #expect(second.data.map(\.userId) == ["bob"] && second.cursor == nil)
            #expect(try await alice.failure(.get, uri + "?reaction=x&cursor=hu.1.abc") == 110)
            let otherMessage = "/v1/messages/\(plain.message.msgId)/reactions?reaction=x&cursor=\(cursor)"
            #expect(try await alice.failure(.get, otherMessage) == 110)
            #expect(try await alice.failure(.get, uri + "?reaction=x&pageSize=51") == 110)
            #expect(try await outsider.failure(.get, uri + "?reaction=x") == 500)
        }
    }
}

/// The payload of `onMessageReactionDidChange`.
struct ReactionChangesWire: Decodable {
    var changes: [MessageReactionEvent]
}
