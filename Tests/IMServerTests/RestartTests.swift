import HTTPTypes
import HummingbirdTesting
import IMCore
import IMServer
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite("Restart on the same data directory", .timeLimit(.minutes(1)))
struct RestartTests {
    @Test("apps, users, tokens, sessions, history and the operator credentials survive a restart")
    func restart() async throws {
        let configuration = TestServer.testConfiguration()
        defer { _ = try? FileManager.default.removeItem(atPath: configuration.dataDirectory) }
        let first = try await Self.firstRun(configuration)
        try await TestServer.run(configuration: configuration) { server in
            #expect(server.operatorCredentials == first.credentials)
            let session = TestSession(server: server, app: "org#app", login: first.login)
            let history = try server.decode(CursorResult<Message>.self, try await session.call(.get, "/v1/conversations/bob/messages"))
            #expect(history.data.map(\.msgId) == ["kept-1"])
            let bob = try await server.login("bob")
            let batch = try await bob.events()
            #expect(try batch.events.flatMap { try $0.messages() }.map(\.msgId) == ["kept-1"])
        }
    }

    static func firstRun(_ configuration: ServerConfiguration) async throws -> (credentials: OperatorCredentials, login: LoginResponse) {
        let box = ResultBox()
        try await TestServer.run(configuration: configuration) { server in
            _ = try await server.createApp()
            try await server.register("alice")
            try await server.register("bob")
            let alice = try await server.login("alice")
            try await alice.sendOK(to: "bob", text: "durable", msgId: "kept-1")
            await box.set(server.operatorCredentials, alice.login)
        }
        return try await box.get()
    }
}

/// Carries values out of a `@Sendable` test closure.
actor ResultBox {
    private var value: (OperatorCredentials, LoginResponse)?

    func set(_ credentials: OperatorCredentials, _ login: LoginResponse) { value = (credentials, login) }

    func get() throws -> (credentials: OperatorCredentials, login: LoginResponse) {
        let value = try #require(value)
        return (value.0, value.1)
    }
}
