import HTTPTypes
import IMCore
import Testing

extension TestSession {
    /// A message operation that must succeed.
    @discardableResult
    func operation(_ method: HTTPRequest.Method, _ uri: String, body: (any Encodable)? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> MessageOperationResult
    {
        try server.decode(MessageOperationResult.self, try await call(method, uri, body: body), sourceLocation: sourceLocation)
    }

    /// The error code of a call that must fail.
    func failure(_ method: HTTPRequest.Method, _ uri: String, body: (any Encodable)? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> Int
    {
        try server.errorCode(try await call(method, uri, body: body), sourceLocation: sourceLocation)
    }

    /// The events of `type` this session has after `cursor`.
    func events(_ type: String, after cursor: String) async throws -> [Event] {
        try await events(cursor: cursor).events.filter { $0.type == type }
    }

    /// This session's history with `peer`, newest first.
    func history(with peer: String) async throws -> [Message] {
        try server.decode(CursorResult<Message>.self, try await call(.get, "/v1/conversations/\(peer)/messages")).data
    }

    /// This session's unread count with `peer` on the server conversation list.
    func unread(with peer: String) async throws -> Int? {
        let list = try server.decode(CursorResult<ServerConversation>.self, try await call(.get, "/v1/conversations"))
        return list.data.first { $0.conversationId == peer }?.unreadCount
    }
}

/// alice (two sessions) and bob (two sessions) of one app, with carol registered as an outsider.
struct MessageOpsWorld: Sendable {
    let server: TestServer
    let alice: TestSession
    let alice2: TestSession
    let bob: TestSession
    let bob2: TestSession

    static func run(settings: [String: JSONValue] = [:], _ body: @Sendable (MessageOpsWorld) async throws -> Void) async throws {
        try await TestServer.withApp(users: ["alice", "bob", "carol"], settings: settings) { server in
            let world = MessageOpsWorld(
                server: server, alice: try await server.login("alice"), alice2: try await server.login("alice"),
                bob: try await server.login("bob"), bob2: try await server.login("bob"))
            try await body(world)
        }
    }
}
