import HTTPTypes
import HummingbirdTesting
import IMCore
import Testing

@Suite("History and the server conversation list (§4.5, §6)", .timeLimit(.minutes(1)))
struct HistoryTests {
    @Test("history pages by cursor in both directions with filters; bad cursor or page size → 110")
    func paging() async throws {
        try await TestServer.withApp { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            var times: [Int64] = []
            for index in 0..<5 {
                let sender = index.isMultiple(of: 2) ? alice : bob
                let peer = index.isMultiple(of: 2) ? "bob" : "alice"
                times.append(try await sender.sendOK(to: peer, text: "m\(index)").message.serverTime)
            }
            func page(_ query: String) async throws -> CursorResult<Message> {
                try server.decode(CursorResult<Message>.self, try await alice.call(.get, "/v1/conversations/bob/messages?\(query)"))
            }
            var texts: [String] = []
            var cursor: String?
            repeat {
                let result = try await page("pageSize=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                #expect(result.data.count <= 2)
                texts += result.data.compactMap(\.body.text)
                cursor = result.cursor
            } while cursor != nil
            #expect(texts == ["m4", "m3", "m2", "m1", "m0"])
            let down = try await page("direction=down&pageSize=50")
            #expect(down.data.compactMap(\.body.text) == ["m0", "m1", "m2", "m3", "m4"])
            #expect(down.cursor == nil)
            #expect(down.data[0].direction == .send)
            #expect(down.data[1].direction == .receive)
            let fromBob = try await page("from=bob")
            #expect(fromBob.data.compactMap(\.body.text) == ["m3", "m1"])
            let window = try await page("direction=down&startTs=\(times[1])&endTs=\(times[3])")
            #expect(window.data.compactMap(\.body.text) == ["m1", "m2", "m3"])
            let customOnly = try await page("msgTypes=custom")
            #expect(customOnly.data.isEmpty)
            for bad in ["pageSize=0", "pageSize=51", "cursor=garbage", "direction=sideways", "msgTypes=bogus"] {
                #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations/bob/messages?\(bad)")) == 110)
            }
            let upCursor = try #require(try await page("pageSize=1").cursor)
            #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations/bob/messages?direction=down&cursor=\(upCursor)")) == 110)
            // A cursor belongs to its viewer's history with its peer: not to another conversation, not to the peer's side.
            #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations/alice/messages?cursor=\(upCursor)")) == 110)
            #expect(try server.errorCode(try await bob.call(.get, "/v1/conversations/alice/messages?cursor=\(upCursor)")) == 110)
            #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations/nobody/messages")) == 204)
            // Path segments are percent-decoded (RFC 3986): b%6Fb is bob.
            let encoded = try server.decode(CursorResult<Message>.self, try await alice.call(.get, "/v1/conversations/b%6Fb/messages?pageSize=50"))
            #expect(encoded.data.count == 5)
            #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations/b%zzb/messages")) == 101)
        }
    }

    @Test("conversation list: newest first, unread grows per received non-cmd message, paged")
    func conversations() async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol"]) { server in
            let alice = try await server.login("alice")
            let bob = try await server.login("bob")
            let carol = try await server.login("carol")
            try await bob.sendOK(to: "alice", text: "b1")
            try await bob.sendOK(to: "alice", text: "b2")
            _ = try server.decode(SendMessageResponse.self, try await bob.send(to: "alice", body: .cmd(CmdBody(action: "typing"))))
            try await carol.sendOK(to: "alice", text: "c1")
            let list = try server.decode(CursorResult<ServerConversation>.self, try await alice.call(.get, "/v1/conversations"))
            #expect(list.data.map(\.conversationId) == ["carol", "bob"])
            #expect(list.data.map(\.unreadCount) == [1, 2])
            #expect(list.data[1].latestMessage?.body.text == "b2")
            let first = try server.decode(CursorResult<ServerConversation>.self, try await alice.call(.get, "/v1/conversations?pageSize=1"))
            let cursor = try #require(first.cursor)
            let second = try server.decode(
                CursorResult<ServerConversation>.self, try await alice.call(.get, "/v1/conversations?pageSize=1&cursor=\(cursor)"))
            #expect(second.data.map(\.conversationId) == ["bob"])
            #expect(second.cursor == nil)
            let bobs = try server.decode(CursorResult<ServerConversation>.self, try await bob.call(.get, "/v1/conversations"))
            #expect(bobs.data.map(\.unreadCount) == [0])
            #expect(try server.errorCode(try await alice.call(.get, "/v1/conversations?pageSize=99")) == 110)
        }
    }
}
